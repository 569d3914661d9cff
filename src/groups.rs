//! A large corpus's claims, a group of places at a time (`report::pack::pack_split`): the index
//! names every report with its years, and a report of a group not in the index waits
//! (`Document::pending`) until that group's chunk is loaded, like a report text ([`crate::texts`]:
//! same loader, `__duibiaoText("g:<group>", …)`). When a chunk arrives it is merged into the corpus
//! ([`absorb`]) before the app renders again.

use std::cell::RefCell;

use report::Document;
use yew::prelude::*;

use crate::texts::page;
use crate::{data, update_corpus};

/// Whether the claims of some reports are here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claims {
    Ready,
    Loading,
    /// A group's chunk is missing or unreadable: its reports' numbers cannot be shown.
    Failed,
}

thread_local! {
    static FAILED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Groups asked for and not merged yet: what [`absorb`] looks for (not every waiting report,
    /// which for a country would be thousands of groups at every text that arrives).
    static ASKED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn failed(group: &str) -> bool {
    FAILED.with(|f| f.borrow().iter().any(|g| g == group))
}

fn fail(group: &str) {
    FAILED.with(|f| f.borrow_mut().push(group.to_string()));
    // The views waiting for it say so.
    crate::corpus_changed();
}

/// The groups (id, file) reports `ids` wait for, each once.
fn waiting(docs: &[Document], ids: &[usize]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for p in ids.iter().filter_map(|&i| docs.get(i)?.pending.as_ref()) {
        if !out.iter().any(|(g, _)| *g == p.group) {
            out.push((p.group.clone(), p.file.clone()));
        }
    }
    out
}

/// Whether the claims of reports `ids` are here, without asking for them.
pub fn status(ids: &[usize]) -> Claims {
    let groups = waiting(&data().documents, ids);
    if groups.is_empty() {
        Claims::Ready
    } else if groups.iter().any(|(g, _)| failed(g)) {
        Claims::Failed
    } else {
        Claims::Loading
    }
}

/// Asks for the groups reports `ids` wait for; the app renders again when they arrive.
pub fn request(ids: &[usize]) {
    for (group, file) in waiting(&data().documents, ids) {
        if !failed(&group) {
            ASKED.with(|a| {
                let mut a = a.borrow_mut();
                if !a.contains(&group) {
                    a.push(group.clone());
                }
            });
            page::load(&group, &file);
        }
    }
}

/// Merges every group chunk that has arrived into the corpus, and notes the ones that could not
/// be loaded or read. Returns whether the corpus changed. Called when any chunk arrives.
pub fn absorb() -> bool {
    let mut arrived = Vec::new();
    for group in ASKED.with(|a| a.borrow().clone()) {
        let text = match page::text_of(&group) {
            Ok(None) => continue,
            Ok(Some(text)) => Some(text),
            Err(()) => None,
        };
        ASKED.with(|a| a.borrow_mut().retain(|g| *g != group));
        match text {
            Some(text) => arrived.push((group, text)),
            None => fail(&group),
        }
    }
    if arrived.is_empty() {
        return false;
    }
    update_corpus(|corpus| {
        let mut changed = false;
        for (group, text) in &arrived {
            match report::pack::merge_group(corpus, group, text) {
                Ok(n) => changed |= n > 0,
                Err(e) => {
                    fail(group);
                    log(&format!("Duibiao: the data of {group} is unreadable: {e}"));
                }
            }
        }
        changed
    })
}

fn log(msg: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(&msg.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{msg}");
}

/// The claims of reports `ids`: asks for the groups they wait for after the render.
#[hook]
pub fn use_claims(ids: Vec<usize>) -> Claims {
    let now = status(&ids);
    use_effect_with((ids, now), |(ids, now)| {
        if *now == Claims::Loading {
            request(ids);
        }
    });
    now
}

/// The line a view shows above numbers that are not all there yet.
pub fn notice(claims: Claims, lang: crate::i18n::Lang) -> Html {
    use crate::i18n::t;
    match claims {
        Claims::Ready => html! {},
        Claims::Loading => {
            html! { <p class="text-status groups-status" role="status">{ t(lang, "groups_loading") }</p> }
        }
        Claims::Failed => html! {
            <p class="text-status failed groups-status" role="status">
                <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "groups_failed") }
            </p>
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_without_a_group_waiting_are_ready() {
        // The built-in corpus off the page is whole.
        let all: Vec<usize> = (0..data().documents.len()).collect();
        assert_eq!(status(&all), Claims::Ready);
        assert!(!absorb());
    }

    #[test]
    fn a_report_waiting_for_a_group_is_loading_until_merged_and_a_failed_group_says_so() {
        let d = 0;
        let id = data().documents[d].id.clone();
        let whole = data().documents[d].clone();
        let one = report::Corpus::new(vec![whole.clone()]);
        let (index, chunks) = report::pack::pack_groups(&one, &[]);
        let group = chunks.iter().find(|c| c.doc_id.starts_with("g:")).unwrap();
        let pending = report::pack::unpack(&index).unwrap().corpus.documents[0]
            .pending
            .clone();
        assert!(pending.is_some());
        update_corpus(|c| {
            c.documents[d].pending = pending.clone();
            c.documents[d].claims.clear();
            true
        });
        assert_eq!(status(&[d]), Claims::Loading);
        update_corpus(|c| report::pack::merge_group(c, &group.doc_id, &group.text).unwrap() > 0);
        assert_eq!(status(&[d]), Claims::Ready);
        // The text was here already: the claims' sentences are cut from it again.
        assert_eq!(data().documents[d].claims, whole.claims);
        assert_eq!(data().documents[d].id, id);
        // A group that could not be loaded.
        update_corpus(|c| {
            c.documents[d].pending = pending.clone();
            true
        });
        fail(&pending.as_ref().unwrap().group);
        assert_eq!(status(&[d]), Claims::Failed);
        update_corpus(|c| {
            c.documents[d] = whole.clone();
            true
        });
    }
}
