//! Page header (title, language and large-text toggles), view switcher and the URL notes bar.

use yew::prelude::*;

use super::use_app;
use crate::i18n::{t, Lang};
use crate::state::{Action, View};

#[component]
pub fn Header() -> Html {
    let st = use_app();
    let lang = st.lang;
    let toggle_lang = {
        let st = st.clone();
        Callback::from(move |_| {
            st.dispatch(Action::SetLang(match st.lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }))
        })
    };
    let toggle_care = {
        let st = st.clone();
        Callback::from(move |_| st.dispatch(Action::ToggleCare))
    };
    let other = match lang {
        Lang::Zh => "en",
        Lang::En => "zh-CN",
    };
    html! {
        <header class="top">
            if !st.embed {
                <div class="brand">
                    <h1>{ "对标 " }<span class="latin" lang="en">{ "Duibiao" }</span></h1>
                    <p class="tagline">{ t(lang, "tagline") }</p>
                </div>
            }
            <div class="tools">
                <button type="button" class="btn" onclick={toggle_lang} lang={other}
                    aria-label={t(lang, "lang_switch_label")}>{ t(lang, "lang_switch") }</button>
                <button type="button" class="btn" onclick={toggle_care}
                    aria-pressed={if st.care { "true" } else { "false" }}
                    title={t(lang, "care_label")}>{ "Aa " }{ t(lang, "care") }</button>
            </div>
        </header>
    }
}

#[component]
pub fn ViewNav() -> Html {
    let st = use_app();
    let lang = st.lang;
    html! {
        <nav class="views" aria-label={t(lang, "views")}>
            { for View::ALL.into_iter().map(|v| {
                let st2 = st.clone();
                let on = Callback::from(move |_| st2.dispatch(Action::SetView(v)));
                let current = st.view == v;
                html! {
                    <button type="button" class={classes!("tab", current.then_some("current"))}
                        aria-pressed={if current { "true" } else { "false" }} onclick={on}>
                        { t(lang, v.label_key()) }
                    </button>
                }
            }) }
        </nav>
    }
}

/// URL values that were ignored, shown until dismissed.
#[component]
pub fn Notes() -> Html {
    let st = use_app();
    if st.notes.is_empty() {
        return html! {};
    }
    let lang = st.lang;
    let dismiss = {
        let st = st.clone();
        Callback::from(move |_| st.dispatch(Action::DismissNotes))
    };
    html! {
        <div class="notes" role="status">
            <p>{ t(lang, "notes_title") }</p>
            <ul>
                { for st.notes.iter().map(|n| {
                    // A damaged stored report (src/lib.rs `local`) is named, not shown as a parameter.
                    let (lead, code) = match n.key.as_str() {
                        "local" => (t(lang, "local_damaged"), n.value.clone()),
                        "province" => (t(lang, "province_failed"), n.value.clone()),
                        _ => ("", format!("{}={}", n.key, n.value)),
                    };
                    html! { <li>{ lead }<code>{ code }</code></li> }
                }) }
            </ul>
            <button type="button" class="btn" onclick={dismiss}>{ t(lang, "dismiss") }</button>
        </div>
    }
}
