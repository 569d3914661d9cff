//! Duibiao's web app: Yew views over the corpus parsed at build time (see `build.rs`).
//!
//! State lives in one reducer ([`state::AppState`]) shared by context; the URL is parsed into it at
//! start and written back on every change ([`url`]). The comparison logic is `report::compare`.

pub mod components;
pub mod hooks;
pub mod i18n;
pub mod state;
pub mod url;

use std::sync::OnceLock;

use report::compare::PlaceYear;
use report::Corpus;
use wasm_bindgen::JsCast;

pub use components::app::App;

/// The corpus parsed from `seeds/` by `build.rs`, decoded once and shared.
pub fn data() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut c: Corpus = serde_json::from_str(&corpus_json()).expect("a valid corpus");
        c.restore_derived_texts();
        c
    })
}

/// The corpus JSON `build.rs` wrote, for the host (pre-render, tests) and for `app.js`.
#[cfg(any(not(target_arch = "wasm32"), feature = "embedded-data"))]
pub const CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

#[cfg(any(not(target_arch = "wasm32"), feature = "embedded-data"))]
fn corpus_json() -> String {
    CORPUS_JSON.to_string()
}

/// In the page the data is not in the wasm (where, base64-encoded, it compressed badly): `app.js`
/// sets `__duibiaoCorpus` to the JSON before starting the app (scripts/offline.mjs).
#[cfg(all(target_arch = "wasm32", not(feature = "embedded-data")))]
fn corpus_json() -> String {
    js_sys::Reflect::get(&js_sys::global(), &"__duibiaoCorpus".into())
        .ok()
        .and_then(|v| v.as_string())
        .expect("app.js defines __duibiaoCorpus before the app starts")
}

/// Every place-year with data, in picker order.
pub fn available() -> &'static [PlaceYear] {
    static AVAILABLE: OnceLock<Vec<PlaceYear>> = OnceLock::new();
    AVAILABLE.get_or_init(|| report::compare::available(&data().documents))
}

/// Report ids (the `doc` URL parameter).
pub fn doc_ids() -> Vec<String> {
    data().documents.iter().map(|d| d.id.clone()).collect()
}

/// Mounts the app on `#app`, replacing whatever is there (the pre-rendered static copy);
/// on `<body>` when the page has no `#app`.
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(el) => {
            el.set_inner_html("");
            if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                h.set_attribute("aria-busy", "false").ok();
            }
            yew::Renderer::<App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
