//! The app's views. Each reads the shared [`AppContext`](crate::state::AppContext).

pub mod app;
pub mod chart;
pub mod claim;
pub mod dialog;
pub mod export;
pub mod header;
pub mod picker;
pub mod reader;
pub mod scorecard;
pub mod table;
pub mod topics;

use std::collections::HashMap;
use std::rc::Rc;

use report::indicators::indicator;
use report::{Document, Topic};
use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::state::AppContext;

/// The shared state; the app always provides it.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("App provides the state context")
}

/// An indicator's (or the "other" row's) name in the interface language.
pub fn indicator_name(id: &str, lang: Lang) -> &'static str {
    match indicator(id) {
        Some(i) => lang.pick(i.name_zh, i.name_en),
        None => lang.pick("其他数字", "Other numbers"),
    }
}

pub fn topic_name(t: Option<Topic>, lang: Lang) -> &'static str {
    match t {
        Some(t) => lang.pick(t.name_zh(), t.name_en()),
        None => lang.pick("其他", "Other"),
    }
}

/// English names of the corpus's places and their parents, as the reports' regions carry them
/// (from the gazetteer at build time), and of a country's provinces. Made again when reports are
/// appended (a province's manifest).
fn english_names() -> Rc<HashMap<String, String>> {
    thread_local! {
        static NAMES: crate::PerReports<HashMap<String, String>> = crate::PerReports::default();
    }
    NAMES.with(|n| {
        n.get(|corpus| {
            let mut m = HashMap::new();
            for p in crate::provinces::list() {
                if let Some(en) = p.name_en {
                    m.insert(p.name, en);
                }
            }
            for r in corpus.documents.iter().map(|d| &d.region) {
                if let Some(en) = &r.name_en {
                    m.insert(r.name.clone(), en.clone());
                }
                if let (Some(p), Some(en)) = (&r.parent, &r.parent_en) {
                    m.insert(p.clone(), en.clone());
                }
            }
            m
        })
    })
}

/// A place's name in the interface language: `Xinchang County` in English (the Chinese name when
/// the gazetteer has no English for it).
pub fn place_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => name.to_string(),
        Lang::En => match english_names().get(name) {
            Some(en) => en.clone(),
            None if name == "未知" => "Unknown place".to_string(),
            None => name.to_string(),
        },
    }
}

/// `衢州市 2021` / `Quzhou 2021`: a column.
pub fn column_label(c: &report::compare::PlaceYear, lang: Lang) -> String {
    format!("{} {}", place_name(&c.place, lang), c.year)
}

/// `衢州市 2021–2022年报告` / `Quzhou 2021–2022 report`.
pub fn report_label(d: &Document, lang: Lang) -> String {
    let y = report::compare::report_years(d);
    let place = place_name(&d.region.name, lang);
    match lang {
        Lang::Zh => format!("{place} {y}年报告"),
        Lang::En => format!("{place} {y} report"),
    }
}

/// What stands in for a report text that is still loading or could not be loaded.
pub fn text_status(text: &crate::texts::Text, lang: Lang) -> Html {
    match text {
        crate::texts::Text::Failed => {
            html! { <p class="text-status failed" role="alert"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "text_failed") }</p> }
        }
        _ => html! { <p class="text-status" role="status">{ t(lang, "text_loading") }</p> },
    }
}

/// Text with highlighted runs rendered as `<mark>`; always as text, never as HTML.
pub fn marked(text: &str, ranges: &[std::ops::Range<usize>]) -> Html {
    report::compare::segments(text, ranges)
        .into_iter()
        .map(|(s, hit)| {
            if hit {
                html! { <mark>{ s.to_string() }</mark> }
            } else {
                html! { { s.to_string() } }
            }
        })
        .collect()
}
