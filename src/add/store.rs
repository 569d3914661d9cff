//! Reports added on this device, kept in the browser's localStorage (synchronous, so `app.js`
//! can list them before the app starts; IndexedDB would make start-up wait on a callback).
//! `duibiao:r:<id>` holds the report's one-report index (`report::pack::pack_local`) and
//! `duibiao:t:<id>` its text; `app.js` reads the same keys (scripts/offline.mjs).

use report::pack::{pack_local, unpack};
use report::Document;
use wasm_bindgen::JsCast;

pub const INDEX_KEY: &str = "duibiao:r:";
pub const TEXT_KEY: &str = "duibiao:t:";

/// Why something could not be stored or read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No storage here (a sandboxed frame, storage switched off).
    Unavailable,
    /// The browser's quota for this page is used up.
    Full,
}

/// One stored report: its document without text, or `None` when the entry is damaged.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub id: String,
    pub doc: Option<Document>,
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StoreError::Unavailable)
}

/// Every stored report, in id order.
pub fn list() -> Result<Vec<Stored>, StoreError> {
    let s = storage()?;
    let n = s.length().map_err(|_| StoreError::Unavailable)?;
    let mut out: Vec<Stored> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(INDEX_KEY).map(str::to_string))
        .map(|id| {
            let doc = s
                .get_item(&format!("{INDEX_KEY}{id}"))
                .ok()
                .flatten()
                .and_then(|index| unpack(&index).ok())
                .and_then(|i| i.corpus.documents.into_iter().next());
            Stored { id, doc }
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// A stored report's text.
pub fn text(id: &str) -> Option<String> {
    storage().ok()?.get_item(&format!("{TEXT_KEY}{id}")).ok()?
}

/// Stores a report (its document with text). The text goes first: an index without its text
/// would be a damaged entry. On failure nothing of it is left behind.
pub fn save(doc: &Document) -> Result<(), StoreError> {
    let s = storage()?;
    let (ik, tk) = (
        format!("{INDEX_KEY}{}", doc.id),
        format!("{TEXT_KEY}{}", doc.id),
    );
    let result = s
        .set_item(&tk, &doc.text)
        .and_then(|_| s.set_item(&ik, &pack_local(doc)));
    result.map_err(|e| {
        let _ = s.remove_item(&tk);
        let _ = s.remove_item(&ik);
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|x| x.name())
            .unwrap_or_default();
        if name.contains("Quota") {
            StoreError::Full
        } else {
            StoreError::Unavailable
        }
    })
}

/// Removes one stored report (index and text).
pub fn remove(id: &str) -> Result<(), StoreError> {
    let s = storage()?;
    let _ = s.remove_item(&format!("{INDEX_KEY}{id}"));
    let _ = s.remove_item(&format!("{TEXT_KEY}{id}"));
    Ok(())
}
