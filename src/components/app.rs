//! The whole widget: state from the URL, context, layout, and the effects that keep the page in step.

use yew::prelude::*;

use super::header::{Header, Notes, ViewNav};
use super::picker::Picker;
use super::table::IndicatorTable;
use crate::deferred::{Part, Slot};
use crate::hooks::{location_search, replace_query, set_lang, set_theme, use_post_height};
use crate::i18n::t;
use crate::state::{AppContext, AppState, Note, Theme, View};
use crate::{available, doc_ids, url};

/// The state a link gives, with the stored reports that could not be read named.
fn from_link(search: &str) -> AppState {
    let mut s = url::parse(search, &available(), &doc_ids());
    // A place whose province could not be loaded is named as such, not as an unknown value.
    for n in s.notes.iter_mut() {
        let place = match n.key.as_str() {
            "places" | "place" => n.value.as_str(),
            "cols" => n.value.rsplit_once(':').map_or("", |(p, _)| p),
            _ => continue,
        };
        let failed = crate::provinces::province_of(place)
            .is_some_and(|p| crate::provinces::status(&p) == crate::groups::Claims::Failed);
        if failed {
            n.key = "province".into();
        }
    }
    s.notes
        .extend(crate::local::damaged().into_iter().map(|id| Note {
            key: "local".into(),
            value: id,
        }));
    s
}

#[component]
pub fn App() -> Html {
    // A link naming places of a country's provinces not here yet: read again once they are.
    let link = use_mut_ref(|| None::<String>);
    let state = {
        let link = link.clone();
        use_reducer(move || {
            let search = location_search();
            let waiting = crate::provinces::for_link(&search, &available());
            let mut s = from_link(&search);
            if !waiting.is_empty() {
                waiting.iter().for_each(|p| crate::provinces::request(p));
                // Not the default view meanwhile, nor notes about places that are on their way.
                s.selection.clear();
                s.notes.retain(|n| {
                    !matches!(
                        n.key.as_str(),
                        "places" | "place" | "cols" | "years" | "year" | "doc"
                    )
                });
                *link.borrow_mut() = Some(search);
            }
            s
        })
    };
    {
        let (state, link) = (state.clone(), link.clone());
        use_effect_with((), move |_| {
            let on_text = state.clone();
            let asked = link.borrow().is_some();
            let arrived = std::rc::Rc::new(move || {
                // A province's reports and a place's claims go into the corpus before the views
                // render again.
                crate::provinces::absorb();
                crate::groups::absorb();
                let search = link.borrow().clone();
                if let Some(search) = search {
                    let more = crate::provinces::for_link(&search, &available());
                    if more.is_empty() {
                        link.borrow_mut().take();
                        on_text
                            .dispatch(crate::state::Action::Replace(Box::new(from_link(&search))));
                    } else {
                        // A report not in the provinces its id named: the others.
                        more.iter().for_each(|p| crate::provinces::request(p));
                    }
                }
                on_text.dispatch(crate::state::Action::TextsArrived)
            });
            // What a link asked for before the first render may be here already.
            if asked {
                arrived();
            }
            crate::texts::listen(move || arrived());
            crate::deferred::listen(move |s| {
                state.dispatch(crate::state::Action::Replace(Box::new(s)))
            });
        });
    }
    let root = use_node_ref();
    use_post_height(root.clone());
    // The address follows the state a moment later: history.replaceState costs milliseconds
    // (more on file://), which a run of quick clicks should not pay each time.
    let url_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let waiting = link.borrow().is_some();
    use_effect_with((*state).clone(), move |s: &AppState| {
        if waiting {
            // The address keeps the link until its places are here.
            return;
        }
        let q = url::to_query(s, &available());
        *url_timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(150, move || {
            replace_query(&q)
        }));
    });
    use_effect_with(state.theme, |&theme| set_theme(theme.map(Theme::code)));
    use_effect_with(state.lang, |&lang| {
        let title = lang.pick(
            "对标 Duibiao · 目标与实绩对比",
            "Duibiao 对标 · Goals and achievements compared",
        );
        set_lang(lang, title);
    });
    let s = &*state;
    // The host's accent draws lines; it fills buttons only when white text stays readable on it.
    let style = s.accent.as_ref().map(|a| format!("--host-accent: {a};"));
    let accent = s.accent.as_ref().map(|a| {
        if url::dark_enough(a) {
            "host-accent strong-accent"
        } else {
            "host-accent"
        }
    });
    let class = classes!(
        "app",
        s.care.then_some("care"),
        s.embed.then_some("embed"),
        accent,
        match s.theme {
            Some(Theme::Dark) => Some("theme-dark"),
            Some(Theme::Light) => Some("theme-light"),
            None => None,
        }
    );
    let lang = s.lang;
    let view = match s.view {
        View::Indicators => html! { <IndicatorTable /> },
        _ => html! { <Slot part={Part::View} /> },
    };
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div {class} {style} ref={root} lang={lang.html()}>
                <a class="skip" href={if s.view == View::Indicators && !s.selection.is_empty() { "#table-region" } else { "#content" }}>
                    { t(lang, "skip") }
                </a>
                <Header />
                <Notes />
                if waiting {
                    { crate::groups::notice(crate::groups::Claims::Loading, lang) }
                }
                <div class="layout">
                    <Picker />
                    <main id="content" tabindex="-1">
                        <ViewNav />
                        { view }
                        <Slot part={Part::Export} />
                    </main>
                </div>
                <Slot part={Part::Dialog} />
                if !s.embed {
                    <footer class="foot"><p>{ t(lang, "footer") }</p></footer>
                }
            </div>
        </ContextProvider<AppContext>>
    }
}
