//! Topics side by side: each report's items grouped by topic, goals apart from achievements,
//! filtered by a text box with the matches highlighted.

use report::compare::{find_matches, order_columns, reports_for};
use std::rc::Rc;

use report::{Document, Kind, Topic};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{marked, report_label, text_status, topic_name, use_app};
use crate::data;
use crate::i18n::t;
use crate::state::Action;
use crate::texts::{use_full_docs, Text};

/// An item that matches the filter: its index and the match ranges in its text.
type Hit = (usize, Vec<std::ops::Range<usize>>);

#[component]
pub fn Topics() -> Html {
    let st = use_app();
    let lang = st.lang;
    let docs = &data().documents;
    let cols = order_columns(&crate::available(), &st.selection);
    let oninput = {
        let st = st.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            st.dispatch(Action::SetQuery(v));
        })
    };
    let filter = html! {
        <div class="filter">
            <label for="topic-filter">{ t(lang, "filter") }</label>
            <input id="topic-filter" type="search" value={st.query.clone()} {oninput}
                placeholder={t(lang, "filter_placeholder")} autocomplete="off" />
        </div>
    };
    let texts = use_full_docs(reports_for(docs, &cols));
    if cols.is_empty() {
        return html! { <section class="topics-view">{ filter }<p class="empty">{ t(lang, "empty_selection") }</p></section> };
    }
    // Items come with their report's text; reports still loading (or failed) are named once.
    let waiting = texts
        .iter()
        .find(|t| **t == Text::Failed)
        .or_else(|| texts.iter().find(|t| t.ready().is_none()));
    let full: Vec<Rc<Document>> = texts.iter().filter_map(|t| t.ready().cloned()).collect();
    let topics: Vec<Option<Topic>> = Topic::ALL.into_iter().map(Some).chain([None]).collect();
    let mut total = 0usize;
    let sections: Vec<Html> = topics
        .iter()
        .filter_map(|&topic| {
            // (report, [(item index, ranges)]) for this topic.
            let per: Vec<(&Document, Vec<Hit>)> = full
                .iter()
                .map(|d| {
                    let hits = d
                        .items
                        .iter()
                        .enumerate()
                        .filter(|(_, it)| it.topic == topic)
                        .filter_map(|(ii, it)| Some((ii, find_matches(&it.text, &st.query)?)))
                        .collect();
                    (&**d, hits)
                })
                .collect();
            let n: usize = per.iter().map(|p| p.1.len()).sum();
            if n == 0 {
                return None;
            }
            total += n;
            Some(html! {
                <section class="topic">
                    <h3>{ topic_name(topic, lang) }</h3>
                    <div class="topic-grid">
                        { for per.iter().map(|(d, hits)| {
                            let d = *d;
                            let part = |kind: Kind| -> Html {
                                let list: Vec<&Hit> =
                                    hits.iter().filter(|(ii, _)| d.items[*ii].kind == kind).collect();
                                if list.is_empty() {
                                    return html! {};
                                }
                                let (icon, word) = match kind {
                                    Kind::Goal => ("◎", t(lang, "goal")),
                                    Kind::Achievement => ("✓", t(lang, "achievement")),
                                };
                                html! {
                                    <div class={classes!("part", if kind == Kind::Goal { "goal" } else { "ach" })}>
                                        <h5><span aria-hidden="true">{ icon }{ " " }</span>{ word }</h5>
                                        <ul>
                                            { for list.iter().map(|(ii, ranges)| {
                                                let it = &d.items[*ii];
                                                html! {
                                                    <li lang="zh-CN">
                                                        if let Some(y) = it.year { <span class="yr">{ y }</span>{ " " } }
                                                        { marked(&it.text, ranges) }
                                                    </li>
                                                }
                                            }) }
                                        </ul>
                                    </div>
                                }
                            };
                            html! {
                                <div class="topic-col">
                                    <h4>{ report_label(d, lang) }</h4>
                                    if !d.warnings.is_empty() {
                                        <details class="topic-warn">
                                            <summary><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "warning_marker") }</summary>
                                            <ul>{ for d.warnings.iter().map(|w| html! { <li>{ lang.pick(&w.message, &w.message_en).to_string() }</li> }) }</ul>
                                        </details>
                                    }
                                    if hits.is_empty() {
                                        <p class="muted">{ t(lang, "no_items") }</p>
                                    }
                                    { part(Kind::Goal) }
                                    { part(Kind::Achievement) }
                                </div>
                            }
                        }) }
                    </div>
                </section>
            })
        })
        .collect();
    html! {
        <section class="topics-view" aria-labelledby="topics-h">
            <h2 id="topics-h">{ t(lang, "topics_title") }</h2>
            { filter }
            if let Some(w) = waiting { { text_status(w, lang) } }
            <p class="count" role="status" aria-live="polite">
                { format!("{total} {}", t(lang, "matches")) }
            </p>
            { for sections }
        </section>
    }
}
