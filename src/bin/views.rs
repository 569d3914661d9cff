//! The views module: the views off the first screen and the provenance dialog as a wasm of their
//! own, which `app.js` loads once the app is idle (see `src/deferred`). Built by trunk as a
//! `data-type="worker"` asset (no loader injected) and wrapped by scripts/offline.mjs.

use wasm_bindgen::prelude::*;

fn main() {}

/// Renders a part (`view`, `dialog`) with the app's state into `el`.
#[wasm_bindgen]
pub fn render(el: web_sys::Element, part: &str, state: &str) {
    duibiao::deferred::module::render(el, part, state);
}

/// Takes down what [`render`] put into `el`.
#[wasm_bindgen]
pub fn unmount(el: web_sys::Element) {
    duibiao::deferred::module::unmount(&el);
}
