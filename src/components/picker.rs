//! Place-year picker: cities with their counties/districts nested, each with the years it has data
//! for; several can be ticked at once. Announces the selection politely.

use std::rc::Rc;

use report::compare::{place_groups, PlaceEntry, PlaceYear};
use yew::prelude::*;

use super::use_app;
use crate::i18n::{t, Lang};
use crate::state::{Action, AppContext};
use crate::{available, data, url};

fn entry(st: &AppContext, order: &Rc<Vec<PlaceYear>>, p: &PlaceEntry, top: bool) -> Html {
    let lang = st.lang;
    let docs = &data().documents;
    let inferred = docs
        .iter()
        .find(|d| d.region.name == p.name && d.region.inferred);
    let note = inferred.map(|d| {
        let title = format!(
            "{}{}",
            t(lang, "inferred_title"),
            d.region.evidence.clone().unwrap_or_default()
        );
        html! { <span class="inferred" {title}>{ format!("（{}）", t(lang, "inferred")) }</span> }
    });
    html! {
        <fieldset class={classes!("place", top.then_some("top"))}>
            <legend>{ p.name.clone() }{ for note }</legend>
            if p.years.is_empty() {
                <span class="muted">{ t(lang, "no_report") }</span>
            }
            <span class="years">
            { for p.years.iter().map(|&y| {
                let py = PlaceYear::new(&p.name, y);
                let checked = st.selection.contains(&py);
                let label = format!("{} {y}", p.name);
                let onchange = {
                    let st = st.clone();
                    let order = order.clone();
                    Callback::from(move |_| st.dispatch(Action::Toggle(py.clone(), order.clone())))
                };
                html! {
                    <label class={classes!("chip", checked.then_some("on"))}>
                        <input type="checkbox" {checked} {onchange} aria-label={label} />
                        <span aria-hidden="true">{ y }</span>
                    </label>
                }
            }) }
            </span>
        </fieldset>
    }
}

/// The live announcement of the selection.
pub fn selection_text(sel: &[PlaceYear], lang: Lang) -> String {
    let list: Vec<String> = sel
        .iter()
        .map(|p| format!("{} {}", p.place, p.year))
        .collect();
    match lang {
        Lang::Zh => format!("已选择 {} 个地点年份：{}", sel.len(), list.join("、")),
        Lang::En => format!("{} place-years selected: {}", sel.len(), list.join(", ")),
    }
}

#[component]
pub fn Picker() -> Html {
    let st = use_app();
    let lang = st.lang;
    let order = use_memo((), |_| available().to_vec());
    let groups = use_memo((), |_| place_groups(&data().documents));
    let clear = {
        let st = st.clone();
        Callback::from(move |_| st.dispatch(Action::Clear))
    };
    let reset = {
        let st = st.clone();
        Callback::from(move |_| st.dispatch(Action::Select(url::default_selection(available()))))
    };
    html! {
        <section class="picker" aria-labelledby="picker-h">
            <h2 id="picker-h">{ t(lang, "picker") }</h2>
            <p class="hint">{ t(lang, "picker_hint") }</p>
            <ul class="groups">
                { for groups.iter().map(|g| html! {
                    <li class="group">
                        { entry(&st, &order, &g.top, true) }
                        if !g.children.is_empty() {
                            <ul class="children">
                                { for g.children.iter().map(|c| html! { <li>{ entry(&st, &order, c, false) }</li> }) }
                            </ul>
                        }
                    </li>
                }) }
            </ul>
            <div class="picker-actions">
                <button type="button" class="btn" onclick={clear} disabled={st.selection.is_empty()}>{ t(lang, "clear") }</button>
                <button type="button" class="btn" onclick={reset}>{ t(lang, "default_sel") }</button>
            </div>
            <p class="sr-only" role="status" aria-live="polite">{ selection_text(&st.selection, lang) }</p>
        </section>
    }
}
