//! Report reader: the whole cleaned text of one report, its warnings on top, every claim's number
//! highlighted and clickable (opens the provenance dialog). Text is rendered as text, never HTML.

use report::compare::{
    claim_spans, format_value, listed_reports, order_columns, reports_for, ClaimRef, LIST_ALL_UP_TO,
};
use report::{Document, Kind};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{report_label, text_status, use_app};
use crate::data;
use crate::hooks::focus_id;
use crate::i18n::t;
use crate::state::{Action, AppContext};
use crate::texts::use_full_docs;

/// Element id of a claim's number in the reader.
pub fn claim_dom_id(r: ClaimRef) -> String {
    format!("c-{}-{}", r.doc, r.claim)
}

#[component]
pub fn Reader() -> Html {
    let st = use_app();
    let lang = st.lang;
    let docs = &data().documents;
    let cols = order_columns(&crate::available(), &st.selection);
    let di = st
        .report
        .as_deref()
        .and_then(|id| docs.iter().position(|d| d.id == id))
        .or_else(|| reports_for(docs, &cols).first().copied())
        .unwrap_or(0);
    let full = use_full_docs(vec![di]);
    {
        let st = st.clone();
        // The claim's number exists once the text is there.
        let ready = full[0].ready().is_some();
        use_effect_with((st.focus, ready), move |(f, ready)| {
            if let (Some(r), true) = (*f, *ready) {
                // After this render's effects: closing the dialog moves focus on its own.
                gloo::timers::callback::Timeout::new(30, move || {
                    focus_id(&claim_dom_id(r));
                    st.dispatch(Action::Focused);
                })
                .forget();
            }
        });
    }
    let onchange = {
        let st = st.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            st.dispatch(Action::OpenReport {
                doc: v,
                focus: None,
            });
        })
    };
    let Some(d) = docs.get(di) else {
        return html! { <p class="empty">{ t(lang, "no_rows") }</p> };
    };
    let listed = listed_reports(docs, &cols, di, LIST_ALL_UP_TO);
    let body = match full[0].ready() {
        Some(fd) => html! { <div class="doc-text" lang="zh-CN">{ text_parts(&st, fd, di) }</div> },
        None => text_status(&full[0], lang),
    };
    html! {
        <section class="reader-view" aria-labelledby="reader-h">
            <h2 id="reader-h">{ t(lang, "reader_title") }</h2>
            <div class="field">
                <label for="reader-doc">{ t(lang, "choose_report") }</label>
                <select id="reader-doc" {onchange} aria-describedby={(listed.len() < docs.len()).then_some("reader-some")}>
                    { for listed.iter().map(|&i| html! {
                        <option value={docs[i].id.clone()} selected={i == di}>{ report_label(&docs[i], lang) }</option>
                    }) }
                </select>
            </div>
            if listed.len() < docs.len() {
                <p class="hint" id="reader-some">{ lang.pick(
                    "这里只列出所选地点的报告。要看其他地点的报告，请先在“选择地点和年份”中选择该地点。",
                    "Only the chosen places' reports are listed here. To see another place's reports, choose it under “Choose places and years” first.",
                ) }</p>
            }
            // A split index's report has its title once its claims are here.
            <h3 class="doc-title" lang="zh-CN">{ full[0].ready().map_or(&d.title, |f| &f.title).clone() }</h3>
            <p class="muted">
                { super::place_name(&d.region.name, lang) }
                if d.region.inferred { { format!("（{}）", t(lang, "inferred")) } }
                { format!(" · {}", report::compare::report_years(d)) }
                if let Some(p) = &d.published { { format!(" · {} {p}", t(lang, "published")) } }
            </p>
            if !d.warnings.is_empty() {
                <div class="dlg-warn" role="note">
                    <p><strong><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "warnings") }</strong></p>
                    <ul>{ for d.warnings.iter().map(|w| html! { <li>{ lang.pick(&w.message, &w.message_en).to_string() }</li> }) }</ul>
                </div>
            }
            <p class="legend">{ t(lang, "reader_hint") }{ " " }
                <span class="inline-claim goal sample">{ format!("◎ {}", t(lang, "goal")) }</span>{ " " }
                <span class="inline-claim ach sample">{ format!("✓ {}", t(lang, "achievement")) }</span>
            </p>
            { body }
        </section>
    }
}

/// The report text with every claim's number as a button that opens its source.
fn text_parts(st: &AppContext, d: &Document, di: usize) -> Html {
    let lang = st.lang;
    let en = lang.is_en();
    let spans = claim_spans(d);
    let mut parts: Vec<Html> = Vec::with_capacity(spans.len() * 2 + 1);
    let mut at = 0;
    for (range, ci) in &spans {
        if range.start > at {
            parts.push(html! { { d.text[at..range.start].to_string() } });
        }
        let r = ClaimRef {
            doc: di,
            claim: *ci,
        };
        let c = &d.claims[*ci];
        let (icon, word) = match c.kind {
            Kind::Goal => ("◎", t(lang, "goal")),
            Kind::Achievement => ("✓", t(lang, "achievement")),
        };
        // Starts with the visible text (WCAG 2.5.3), then what it is.
        let label = format!(
            "{} · {word} {}，{}",
            &d.text[range.clone()],
            format_value(c, en),
            t(lang, "show_source")
        );
        let onclick = {
            let st = st.clone();
            Callback::from(move |_| st.dispatch(Action::OpenClaim(r)))
        };
        parts.push(html! {
            <button type="button" id={claim_dom_id(r)} class={classes!("inline-claim", if c.kind == Kind::Goal { "goal" } else { "ach" })}
                {onclick} aria-label={label} title={format!("{icon} {word}")}>
                { d.text[range.clone()].to_string() }
            </button>
        });
        at = range.end;
    }
    if at < d.text.len() {
        parts.push(html! { { d.text[at..].to_string() } });
    }
    parts.into_iter().collect()
}
