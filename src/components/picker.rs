//! Place-year picker: cities with their counties/districts nested, each with the years it has data
//! for; several can be ticked at once. Announces the selection politely.

use std::collections::{BTreeMap, HashMap, HashSet};

use report::compare::{
    doc_years, place_groups, province_groups, PlaceEntry, PlaceGroup, PlaceYear, PROVINCES_OVER,
};
use report::pack::Province;
use yew::prelude::*;

use super::{column_label, place_name, use_app};
use crate::groups::Claims;
use crate::i18n::{t, Lang};
use crate::state::{Action, AppState};
use crate::{available, data, url};

#[derive(Properties, PartialEq)]
struct PlaceProps {
    entry: PlaceEntry,
    top: bool,
    /// This place's selected years.
    selected: Vec<i32>,
    /// Its years with a report added on this device.
    here: Vec<i32>,
    lang: Lang,
    /// The clues, when the place of its report was inferred.
    evidence: Option<String>,
    dispatch: UseReducerDispatcher<AppState>,
}

/// One place and its year chips. A component of its own with plain props, so a selection change
/// re-renders only the places it touches (hundreds with a province's reports).
#[component]
fn Place(p: &PlaceProps) -> Html {
    let lang = p.lang;
    let name = &p.entry.name;
    let note = p.evidence.as_ref().map(|e| {
        let title = format!("{}{e}", t(lang, "inferred_title"));
        html! { <span class="inferred" {title}>{ format!("（{}）", t(lang, "inferred")) }</span> }
    });
    html! {
        <fieldset class={classes!("place", p.top.then_some("top"))}>
            <legend>{ place_name(name, lang) }{ for note }</legend>
            if p.entry.years.is_empty() {
                <span class="muted">{ t(lang, "no_report") }</span>
            }
            <span class="years">
            { for p.entry.years.iter().map(|&y| {
                let checked = p.selected.contains(&y);
                let here = p.here.contains(&y);
                let label = format!(
                    "{} {y}{}",
                    place_name(name, lang),
                    if here { t(lang, "here_label") } else { "" }
                );
                let onchange = {
                    let dispatch = p.dispatch.clone();
                    let py = PlaceYear::new(name, y);
                    Callback::from(move |_| dispatch.dispatch(Action::Toggle(py.clone(), available())))
                };
                html! {
                    <label class={classes!("chip", checked.then_some("on"), here.then_some("here"))}>
                        <input type="checkbox" {checked} {onchange} aria-label={label} />
                        <span aria-hidden="true">{ y }</span>
                    </label>
                }
            }) }
            </span>
        </fieldset>
    }
}

/// The selected columns as a list: `衢州市 2021、温州市 2024` / `Quzhou 2021, Wenzhou 2024`.
fn selection_list(sel: &[PlaceYear], lang: Lang) -> String {
    let list: Vec<String> = sel.iter().map(|p| column_label(p, lang)).collect();
    list.join(lang.pick("、", ", "))
}

/// The live announcement of the selection.
pub fn selection_text(sel: &[PlaceYear], lang: Lang) -> String {
    let list = selection_list(sel, lang);
    match lang {
        Lang::Zh => format!("已选择 {} 个地点年份：{list}", sel.len()),
        Lang::En => format!("{} place-years selected: {list}", sel.len()),
    }
}

/// Above this many place-years the counties and districts fold under their city until opened
/// (or until one of them is selected): a province's reports would otherwise be a wall of chips,
/// slow to lay out on a phone.
const FOLD_OVER: usize = 40;

/// A fold's button: opens folded `i` of `opened` or folds it again.
fn flip(opened: &UseStateHandle<HashSet<usize>>, i: usize) -> Callback<MouseEvent> {
    let opened = opened.clone();
    Callback::from(move |_| {
        let mut o = (*opened).clone();
        if !o.remove(&i) {
            o.insert(i);
        }
        opened.set(o);
    })
}

/// City groups gathered by the provinces of a country's index, in its order; groups of places it
/// does not name (reports added on this device) last, under `""`.
fn manifest_groups(provinces: &[Province], groups: &[PlaceGroup]) -> Vec<(String, Vec<usize>)> {
    // A place's province by name, in the map kind province_groups uses (one less in the wasm).
    // Inserted one by one: collecting sorts first, and the sort is kilobytes of wasm.
    let mut of: BTreeMap<&str, &str> = BTreeMap::new();
    for p in provinces {
        for n in &p.places {
            of.entry(n).or_insert(&p.name);
        }
    }
    let mut out: Vec<(String, Vec<usize>)> = provinces
        .iter()
        .map(|p| (p.name.clone(), Vec::new()))
        .collect();
    let mut other = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let name = std::iter::once(&g.top)
            .chain(&g.children)
            .find_map(|e| of.get(e.name.as_str()));
        match name.and_then(|n| out.iter_mut().find(|(p, _)| p == n)) {
            Some((_, v)) => v.push(gi),
            None => other.push(gi),
        }
    }
    if !other.is_empty() {
        match out.iter_mut().find(|(n, _)| n.is_empty()) {
            Some((_, v)) => v.extend(other),
            None => out.push((String::new(), other)),
        }
    }
    out
}

#[component]
pub fn Picker() -> Html {
    let st = use_app();
    let lang = st.lang;
    // Reports are appended when a province's manifest arrives: what is made of them follows.
    let docs = data().documents.len();
    let groups = use_memo(docs, |_| place_groups(&data().documents));
    // Inferred places and their clues, and the place-years of reports added on this device
    // (marked 本机), found once rather than per place per render.
    let marks = use_memo(docs, |_| {
        let mut evidence: HashMap<String, String> = HashMap::new();
        let mut here: Vec<(String, i32)> = Vec::new();
        for (i, d) in data().documents.iter().enumerate() {
            if d.region.inferred {
                evidence
                    .entry(d.region.name.clone())
                    .or_insert_with(|| d.region.evidence.clone().unwrap_or_default());
            }
            // Every year the report brings to the picker, as `available` counts them.
            if crate::local::is_local(i) {
                here.extend(doc_years(d).into_iter().map(|y| (d.region.name.clone(), y)));
            }
        }
        (evidence, here)
    });
    let (evidence, here) = (&marks.0, &marks.1);
    let place = |e: &PlaceEntry, top: bool| {
        let selected: Vec<i32> = st
            .selection
            .iter()
            .filter(|p| p.place == e.name)
            .map(|p| p.year)
            .collect();
        let here: Vec<i32> = here.iter().filter(|p| p.0 == e.name).map(|p| p.1).collect();
        html! {
            <Place entry={e.clone()} {top} {selected} {here} {lang}
                evidence={evidence.get(e.name.as_str()).cloned()} dispatch={st.dispatcher()} />
        }
    };
    let fold = available().len() > FOLD_OVER;
    let opened = use_state(HashSet::<usize>::new);
    // A country's places: provinces first, each folded until opened. A country's index names its
    // provinces, whose reports come when the province is opened.
    let manifests = use_memo((), |_| crate::provinces::list());
    let provinces = {
        let (groups, manifests) = (groups.clone(), manifests.clone());
        use_memo(docs, move |_| {
            if manifests.is_empty() {
                province_groups(&data().documents, &groups)
            } else {
                manifest_groups(&manifests, &groups)
            }
        })
    };
    let by_province =
        !manifests.is_empty() || (groups.len() > PROVINCES_OVER && provinces.len() > 1);
    let opened_prov = use_state(HashSet::<usize>::new);
    // Whether each province holds a chosen place, once per render (the picker renders at every
    // click): it stays open, and its reports are wanted.
    let chosen: Vec<bool> = provinces
        .iter()
        .map(|(_, gis)| {
            gis.iter().any(|&gi| {
                let g = &groups[gi];
                std::iter::once(&g.top)
                    .chain(&g.children)
                    .any(|e| st.selection.iter().any(|p| p.place == e.name))
            })
        })
        .collect();
    // The open provinces whose reports are still to come.
    let wanted: Vec<String> = provinces
        .iter()
        .enumerate()
        .filter(|(pi, _)| opened_prov.contains(pi) || chosen[*pi])
        .map(|(_, (name, _))| name.clone())
        .filter(|name| crate::provinces::status(name) == Claims::Loading)
        .collect();
    use_effect_with(wanted, |w| {
        w.iter().for_each(|n| crate::provinces::request(n))
    });
    let clear = {
        let st = st.clone();
        Callback::from(move |_| st.dispatch(Action::Clear))
    };
    let reset = {
        let st = st.clone();
        Callback::from(move |_| st.dispatch(Action::Select(url::default_selection(&available()))))
    };
    // On a phone (CSS, below 600 px) the picker folds to one line once something is selected, so
    // the first screen shows the comparison. Only the running app folds it: the pre-rendered page
    // (built on the host) has no script to unfold it with.
    let unfolded = use_state(|| !cfg!(target_arch = "wasm32"));
    let folded = !*unfolded && !st.selection.is_empty();
    let toggle = {
        let unfolded = unfolded.clone();
        Callback::from(move |_| unfolded.set(!*unfolded))
    };
    let summary = match lang {
        Lang::Zh => format!("已选 {} 列", st.selection.len()),
        Lang::En => format!(
            "{} column{} chosen",
            st.selection.len(),
            if st.selection.len() == 1 { "" } else { "s" }
        ),
    };
    // A city with its counties and districts, these folded under it when there are many.
    let group = |gi: usize| {
        let g = &groups[gi];
        let chosen = g
            .children
            .iter()
            .any(|c| st.selection.iter().any(|p| p.place == c.name));
        let open = !fold || chosen || opened.contains(&gi);
        let toggle = (fold && !g.children.is_empty()).then(|| {
            let onclick = flip(&opened, gi);
            let n = g.children.len();
            let label = match lang {
                Lang::Zh => format!("下属 {n} 个区县"),
                Lang::En => format!("{n} counties and districts"),
            };
            html! {
                <button type="button" class="btn fold" aria-expanded={open.to_string()}
                    aria-controls={open.then(|| format!("grp-{gi}"))} {onclick} disabled={chosen}>
                    <span aria-hidden="true">{ if open { "▾ " } else { "▸ " } }</span>{ label }
                </button>
            }
        });
        html! {
            <li class="group">
                { place(&g.top, true) }
                { for toggle }
                if open && !g.children.is_empty() {
                    <ul class="children" id={format!("grp-{gi}")}>
                        { for g.children.iter().map(|c| html! { <li>{ place(c, false) }</li> }) }
                    </ul>
                }
            </li>
        }
    };
    // A province's cities, folded until opened or one of its places is selected.
    let province = |pi: usize, name: &String, gis: &Vec<usize>| {
        let chosen = chosen[pi];
        let open = chosen || opened_prov.contains(&pi);
        // Before its manifest is here, the index's count of its cities.
        let status = crate::provinces::status(name);
        let n = match manifests.iter().find(|p| p.name == *name) {
            Some(p) if status != Claims::Ready => p.cities,
            _ => gis.len(),
        };
        let onclick = flip(&opened_prov, pi);
        let title = if name.is_empty() {
            t(lang, "other_places").to_string()
        } else {
            place_name(name, lang)
        };
        let count = match lang {
            Lang::Zh => format!(" · {n} 个市"),
            Lang::En => format!(" · {n} {}", if n == 1 { "city" } else { "cities" }),
        };
        html! {
            <li class="province">
                <button type="button" class="btn fold province-fold" aria-expanded={open.to_string()}
                    aria-controls={open.then(|| format!("prov-{pi}"))} {onclick} disabled={chosen}>
                    <span aria-hidden="true">{ if open { "▾ " } else { "▸ " } }</span>
                    // One piece of text: the button lays out its children as flex items.
                    <span><strong>{ title }</strong>{ count }</span>
                </button>
                if open {
                    <ul class="groups" id={format!("prov-{pi}")}>
                        { for gis.iter().map(|&gi| group(gi)) }
                    </ul>
                    { crate::groups::notice(status, lang) }
                }
            </li>
        }
    };
    html! {
        <section class={classes!("picker", folded.then_some("folded"))} aria-labelledby="picker-h">
            <div class="picker-bar">
                <p class="picker-sum"><strong>{ summary }</strong>{ lang.pick(":", ": ") }{ selection_list(&st.selection, lang) }</p>
                <button type="button" class="btn" aria-expanded={(!folded).to_string()}
                    aria-controls="picker-body" onclick={toggle} disabled={st.selection.is_empty()}>
                    { if folded { t(lang, "picker_change") } else { t(lang, "picker_done") } }
                </button>
            </div>
            <div class="picker-body" id="picker-body">
            <h2 id="picker-h">{ t(lang, "picker") }</h2>
            <p class="hint">{ t(lang, "picker_hint") }</p>
            if by_province {
                <ul class="provinces">
                    { for provinces.iter().enumerate().map(|(pi, (name, gis))| province(pi, name, gis)) }
                </ul>
            } else {
                <ul class="groups">
                    { for (0..groups.len()).map(group) }
                </ul>
            }
            <div class="picker-actions">
                <button type="button" class="btn" onclick={clear} disabled={st.selection.is_empty()}>{ t(lang, "clear") }</button>
                <button type="button" class="btn" onclick={reset}>{ t(lang, "default_sel") }</button>
                <button type="button" class="btn add-report" onclick={|_| crate::hooks::open_add()}>
                    { t(lang, "add_report") }
                </button>
            </div>
            </div>
            <p class="sr-only" role="status" aria-live="polite">{ selection_text(&st.selection, lang) }</p>
        </section>
    }
}
