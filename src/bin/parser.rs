//! The add-report module: the parser and the 添加报告 dialog as a wasm of their own, which
//! `app.js` loads only when someone adds a report (see `src/add`). Built by trunk as a
//! `data-type="worker"` asset (no loader injected) and wrapped by scripts/offline.mjs.

use wasm_bindgen::prelude::*;

fn main() {}

/// Opens the dialog; `files` (a `FileList`, or null) were dropped on the page.
#[wasm_bindgen]
pub fn open(files: JsValue) {
    duibiao::add::open(files);
}

/// The one-report index the page would store for this text (bench and tests).
#[wasm_bindgen]
pub fn parse(name: &str, text: &str) -> String {
    duibiao::add::pack_text(name, text)
}
