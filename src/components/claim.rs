//! A number from a report as a button that opens its provenance dialog.

use report::compare::{format_value, tags, ClaimRef};
use report::Kind;
use yew::prelude::*;

use crate::data;
use crate::i18n::{t, Lang};
use crate::state::{Action, AppState};

/// Plain props, no context: a button re-renders only when its own claim or the language changes,
/// not on every change of the app state (a table holds hundreds).
#[derive(Properties, PartialEq)]
pub struct ClaimButtonProps {
    pub claim: ClaimRef,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Prefix the kind word and icon (目标 ◎ / 实绩 ✓).
    #[prop_or(true)]
    pub kind: bool,
}

/// `◎ 目标 力争 100家 ⚠` — kind in words and icon, modality/estimate tags, the value as a button.
#[component]
pub fn ClaimButton(props: &ClaimButtonProps) -> Html {
    let lang = props.lang;
    let docs = &data().documents;
    let Some(c) = props.claim.get(docs) else {
        return html! {};
    };
    let doc = &docs[props.claim.doc];
    let en = lang.is_en();
    let value = format_value(c, en);
    let tg = tags(c, en);
    let warn = !doc.warnings.is_empty();
    let (word, class) = match c.kind {
        Kind::Goal => (t(lang, "goal"), "goal"),
        Kind::Achievement => (t(lang, "achievement"), "ach"),
    };
    let label = format!(
        "{word} {}{value}{}，{}",
        tg.iter().map(|t| format!("{t} ")).collect::<String>(),
        if warn {
            format!("（{}）", t(lang, "warning_marker"))
        } else {
            String::new()
        },
        t(lang, "show_source")
    );
    let onclick = {
        let dispatch = props.dispatch.clone();
        let r = props.claim;
        Callback::from(move |_| dispatch.dispatch(Action::OpenClaim(r)))
    };
    html! {
        <span class={classes!("claim", class, c.redacted.then_some("redacted"))}>
            if props.kind {
                // The icon is the style's (::before): a table holds hundreds of these.
                <span class="kind">{ word }</span>
            }
            { for tg.iter().map(|x| html! { <span class="tag">{ *x }</span> }) }
            <button type="button" class="num" onclick={onclick} aria-label={label} title={c.subject.clone()}>
                { value }
                if warn { <span class="warn-mark" aria-hidden="true">{ " ⚠" }</span> }
            </button>
        </span>
    }
}
