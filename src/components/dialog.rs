//! The provenance dialog: the source sentence with the number highlighted, the report it comes
//! from, its warnings, and a way into the whole report. A native modal `<dialog>` (focus trapped,
//! Escape closes); focus goes to the close button and back to the number on close.

use report::compare::{claim_year, format_value, number_span, row_of, tags};
use report::Kind;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{indicator_name, marked, text_status, use_app};
use crate::data;
use crate::hooks::active_element;
use crate::i18n::t;
use crate::state::Action;
use crate::texts::{use_full_docs, Text};

#[component]
pub fn ProvenanceDialog() -> Html {
    let st = use_app();
    let lang = st.lang;
    let dialog_ref = use_node_ref();
    let close_ref = use_node_ref();
    let opener = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let dialog_ref = dialog_ref.clone();
        let close_ref = close_ref.clone();
        let opener = opener.clone();
        use_effect_with(st.dialog, move |open| {
            if let Some(d) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                if open.is_some() {
                    if !d.open() {
                        *opener.borrow_mut() = active_element();
                        let _ = d.show_modal();
                    }
                    if let Some(b) = close_ref.cast::<web_sys::HtmlElement>() {
                        let _ = b.focus();
                    }
                } else {
                    if d.open() {
                        d.close();
                    }
                    if let Some(el) = opener.borrow_mut().take() {
                        if el.is_connected() {
                            let _ = el.focus();
                        }
                    }
                }
            }
        });
    }
    let on_close = {
        let st = st.clone();
        Callback::from(move |_: Event| {
            if st.dialog.is_some() {
                st.dispatch(Action::CloseDialog)
            }
        })
    };
    let close_btn = {
        let st = st.clone();
        Callback::from(move |_| st.dispatch(Action::CloseDialog))
    };
    // A click on the backdrop (the dialog element itself, outside its box) closes too.
    let on_backdrop = {
        let st = st.clone();
        Callback::from(move |e: MouseEvent| {
            let on_self = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDialogElement>().ok())
                .is_some();
            if on_self {
                st.dispatch(Action::CloseDialog)
            }
        })
    };
    let docs = &data().documents;
    let full = use_full_docs(st.dialog.map(|r| vec![r.doc]).unwrap_or_default());
    let body = st.dialog.and_then(|r| Some((r, r.get(docs)?))).map(|(r, c)| {
        let d = &docs[r.doc];
        let en = lang.is_en();
        // The sentence comes with the report's text.
        let source = match full.first().and_then(|t| t.ready()?.claims.get(r.claim)) {
            Some(fc) => {
                let hl: Vec<_> = number_span(fc).into_iter().collect();
                html! { <blockquote class="source" lang="zh-CN">{ marked(&fc.text, &hl) }</blockquote> }
            }
            None => text_status(full.first().unwrap_or(&Text::Loading), lang),
        };
        let kind = match c.kind {
            Kind::Goal => format!("◎ {}", t(lang, "goal")),
            Kind::Achievement => format!("✓ {}", t(lang, "achievement")),
        };
        let year = claim_year(d, c).map(|y| y.to_string()).unwrap_or_else(|| "?".into());
        let open = {
            let st = st.clone();
            let id = d.id.clone();
            Callback::from(move |_| st.dispatch(Action::OpenReport { doc: id.clone(), focus: Some(r) }))
        };
        let place = super::place_name(&d.region.name, lang);
        let region = if d.region.inferred {
            format!(
                "{}（{}：{}）",
                place,
                t(lang, "inferred"),
                d.region.evidence.clone().unwrap_or_default()
            )
        } else {
            place
        };
        let years = format!(
            "{} {} · {} {}",
            t(lang, "summary_year"),
            d.summary_year.map(|y| y.to_string()).unwrap_or_else(|| "—".into()),
            t(lang, "plan_year"),
            d.plan_year.map(|y| y.to_string()).unwrap_or_else(|| "—".into()),
        );
        html! {
            <>
                <p class="dlg-value">
                    <span class="kind">{ kind }</span>{ " · " }{ year }{ " · " }
                    { indicator_name(row_of(c), lang) }
                </p>
                <p class="dlg-number">
                    { for tags(c, en).into_iter().map(|x| html! { <span class="tag">{ x }</span> }) }
                    <strong>{ format_value(c, en) }</strong>
                    <span class="subject">{ c.subject.clone() }</span>
                </p>
                <h3 class="dlg-sub">{ t(lang, "source_sentence") }</h3>
                { source }
                <dl class="meta">
                    <dt>{ t(lang, "report") }</dt><dd lang="zh-CN">{ d.title.clone() }</dd>
                    <dt>{ t(lang, "place") }</dt><dd>{ region }</dd>
                    <dt>{ t(lang, "years") }</dt><dd>{ years }</dd>
                    if let Some(p) = &d.published {
                        <dt>{ t(lang, "published") }</dt><dd>{ p.clone() }</dd>
                    }
                </dl>
                if !d.warnings.is_empty() {
                    <div class="dlg-warn">
                        <p><strong><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "warnings") }</strong></p>
                        <ul>{ for d.warnings.iter().map(|w| html! { <li>{ lang.pick(&w.message, &w.message_en).to_string() }</li> }) }</ul>
                    </div>
                }
                <p><button type="button" class="btn primary" onclick={open}>{ t(lang, "open_report") }</button></p>
            </>
        }
    });
    html! {
        <dialog ref={dialog_ref} class="prov" aria-labelledby="dlg-title" aria-modal="true"
            onclose={on_close} onclick={on_backdrop}>
            <div class="dlg-box">
                <div class="dlg-head">
                    <h2 id="dlg-title">{ t(lang, "dialog_title") }</h2>
                    <button type="button" class="btn close" ref={close_ref} onclick={close_btn}
                        aria-label={t(lang, "close")}>{ "✕" }</button>
                </div>
                { for body }
            </div>
        </dialog>
    }
}
