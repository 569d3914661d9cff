//! Duibiao's web app: Yew views over the corpus parsed at build time (see `build.rs`).
//!
//! State lives in one reducer ([`state::AppState`]) shared by context; the URL is parsed into it at
//! start and written back on every change ([`url`]). The comparison logic is `report::compare`.

pub mod components;
pub mod hooks;
pub mod i18n;
pub mod state;
pub mod texts;
pub mod url;

use std::sync::OnceLock;

use report::compare::PlaceYear;
use report::pack::Index;
use report::Corpus;
use wasm_bindgen::JsCast;

pub use components::app::App;

/// The corpus parsed from `seeds/` by `build.rs`, decoded once and shared. In the page the report
/// texts (and the sentences cut from them) are empty here: see [`texts`].
pub fn data() -> &'static Corpus {
    &loaded().corpus
}

/// Each report's text chunk file, by document index (empty off the page).
pub fn chunks() -> &'static [String] {
    &loaded().chunks
}

fn loaded() -> &'static Index {
    static LOADED: OnceLock<Index> = OnceLock::new();
    LOADED.get_or_init(load)
}

/// The corpus JSON `build.rs` wrote, with every text: for the host (pre-render, tests) and the
/// wasm tests.
#[cfg(any(not(target_arch = "wasm32"), feature = "embedded-data"))]
pub const CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

#[cfg(any(not(target_arch = "wasm32"), feature = "embedded-data"))]
fn load() -> Index {
    Index {
        corpus: serde_json::from_str(CORPUS_JSON).expect("build.rs wrote a valid corpus"),
        chunks: Vec::new(),
    }
}

/// In the page the data is not in the wasm (base64-encoded it compressed badly, and serde's JSON
/// code was an eighth of the wasm): `app.js` sets `__duibiaoCorpus` to the compact index
/// (`report::pack`) before starting the app.
#[cfg(all(target_arch = "wasm32", not(feature = "embedded-data")))]
fn load() -> Index {
    let index = js_sys::Reflect::get(&js_sys::global(), &"__duibiaoCorpus".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    report::pack::unpack(&index).unwrap_or_else(|e| {
        // Shown as an empty picker with this in the console; the page stays up.
        web_sys::console::error_1(&format!("Duibiao: the embedded data is unreadable: {e}").into());
        Index {
            corpus: Corpus::new(Vec::new()),
            chunks: Vec::new(),
        }
    })
}

/// Every place-year with data, in picker order.
pub fn available() -> &'static [PlaceYear] {
    static AVAILABLE: OnceLock<Vec<PlaceYear>> = OnceLock::new();
    AVAILABLE.get_or_init(|| report::compare::available(&data().documents))
}

/// [`available`] shared, for the picker's toggle action.
pub fn available_rc() -> std::rc::Rc<Vec<PlaceYear>> {
    thread_local! {
        static RC: std::rc::Rc<Vec<PlaceYear>> = std::rc::Rc::new(available().to_vec());
    }
    RC.with(|r| r.clone())
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
