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

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let mut s = url::parse(&location_search(), available(), &doc_ids());
        s.notes
            .extend(crate::local::damaged().into_iter().map(|id| Note {
                key: "local".into(),
                value: id,
            }));
        s
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let on_text = state.clone();
            crate::texts::listen(move || {
                // A group's claims go into the corpus before the views render again.
                crate::groups::absorb();
                on_text.dispatch(crate::state::Action::TextsArrived)
            });
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
    use_effect_with((*state).clone(), move |s: &AppState| {
        let q = url::to_query(s, available());
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
