//! Duibiao's web app: Yew views over the corpus parsed at build time (see `build.rs`).
//!
//! State lives in one reducer ([`state::AppState`]) shared by context; the URL is parsed into it at
//! start and written back on every change ([`url`]). The comparison logic is `report::compare`.

#[cfg(feature = "add")]
pub mod add;
pub mod components;
pub mod deferred;
pub mod groups;
pub mod hooks;
pub mod i18n;
pub mod provinces;
pub mod state;
pub mod texts;
pub mod url;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use report::compare::PlaceYear;
use report::pack::Index;
use report::Corpus;
use wasm_bindgen::JsCast;

pub use components::app::App;

/// The corpus parsed from `seeds/` by `build.rs`, decoded once and shared. In the page the report
/// texts (and the sentences cut from them) are empty here: see [`texts`]. In a large corpus most
/// reports' claims arrive later, a group at a time ([`groups`]): a view holds the `Rc` it got for
/// one render, and asks again for the next.
pub fn data() -> Rc<Corpus> {
    CORPUS.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                let index = load();
                // Set once, on the only call that loads.
                CHUNKS.with(|c| *c.borrow_mut() = index.chunks);
                provinces::set(index.provinces);
                Rc::new(index.corpus)
            })
            .clone()
    })
}

thread_local! {
    static CORPUS: RefCell<Option<Rc<Corpus>>> = const { RefCell::new(None) };
    static VERSION: Cell<u32> = const { Cell::new(0) };
    /// Each report's text chunk file, by document index; grows with the corpus.
    static CHUNKS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Changes the corpus in place (a copy if a view still holds the old one) when `f` says it changed
/// something, and counts the change in [`corpus_version`].
pub fn update_corpus(f: impl FnOnce(&mut Corpus) -> bool) -> bool {
    let mut rc = data();
    CORPUS.with(|c| c.borrow_mut().take());
    let changed = f(Rc::make_mut(&mut rc));
    CORPUS.with(|c| *c.borrow_mut() = Some(rc));
    if changed {
        corpus_changed();
    }
    changed
}

/// Counts a change of the corpus or of what is known about its loading (a group that failed).
pub fn corpus_changed() {
    VERSION.with(|v| v.set(v.get().wrapping_add(1)));
}

/// Counts the corpus's changes: views that depend on their props only take it as one, so they
/// render again when claims arrive (or cannot).
pub fn corpus_version() -> u32 {
    VERSION.with(Cell::get)
}

/// Report `i`'s text chunk file (none off the page).
pub fn chunk(i: usize) -> Option<String> {
    data();
    CHUNKS.with(|c| c.borrow().get(i).cloned())
}

/// Appends the reports of `index` (a province's manifest) to the corpus, after every report there.
pub fn append(index: Index) {
    let Index { corpus, chunks, .. } = index;
    let n = data().documents.len();
    update_corpus(|c| {
        c.documents.extend(corpus.documents);
        true
    });
    CHUNKS.with(|c| {
        let mut c = c.borrow_mut();
        // In step with the documents, also where a report had no chunk (host, tests).
        c.resize(n, String::new());
        c.extend(chunks);
    });
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
        provinces: Vec::new(),
    }
}

/// In the page the data is not in the wasm (base64-encoded it compressed badly, and serde's JSON
/// code was an eighth of the wasm): `app.js` sets `__duibiaoCorpus` to the compact index
/// (`report::pack`) before starting the app. Reports added on this device follow ([`local`]).
#[cfg(all(target_arch = "wasm32", not(feature = "embedded-data")))]
fn load() -> Index {
    let index = js_sys::Reflect::get(&js_sys::global(), &"__duibiaoCorpus".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let mut list = vec![String::new(), index];
    list.extend(local::stored());
    local::merge_list(&list)
}

pub mod local {
    //! Reports added on this device: `app.js`'s `__duibiaoLocal()` lists the stored one-report
    //! indexes (`report::pack::pack_local`) with their ids. Each is read on its
    //! own, so a damaged entry is skipped (and named) without costing the others.

    use std::cell::RefCell;

    use report::pack::Index;

    thread_local! {
        static DAMAGED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    /// Stored entries that could not be read, by id.
    pub fn damaged() -> Vec<String> {
        crate::data();
        DAMAGED.with(|d| d.borrow().clone())
    }

    /// Whether report `i` was added on this device.
    pub fn is_local(i: usize) -> bool {
        crate::data();
        // Without a copy of the file name: the picker asks this of every report.
        crate::CHUNKS.with(|c| c.borrow().get(i).is_some_and(|c| report::pack::is_local(c)))
    }

    /// `[id, index, …]`: `app.js` joins them with U+0001 (one string crosses into the wasm
    /// cheaper than an array).
    #[cfg(all(target_arch = "wasm32", not(feature = "embedded-data")))]
    pub(crate) fn stored() -> Vec<String> {
        js_sys::Reflect::get(&js_sys::global(), &"__duibiaoLocal".into())
            .ok()
            .and_then(|f| {
                js_sys::Function::from(f)
                    .call0(&wasm_bindgen::JsValue::NULL)
                    .ok()
            })
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
            .map(|s| s.split('\u{1}').map(str::to_string).collect())
            .unwrap_or_default()
    }

    /// Reads `[id, index, id, index, …]`: the built-in index first (id empty), then the stored
    /// ones, each on its own (one call site keeps the decoder inlined in the start-up wasm).
    /// Damaged ones are named in [`damaged`]. (`app.js` leaves out stored reports the page has
    /// built in: a single file downloaded with them, opened where they are stored too.)
    pub fn merge_list(list: &[String]) -> Index {
        let mut out = Index {
            corpus: report::Corpus::new(Vec::new()),
            chunks: Vec::new(),
            provinces: Vec::new(),
        };
        for pair in list.chunks(2) {
            let [id, index] = pair else { continue };
            match report::pack::unpack(index) {
                Ok(one) => {
                    out.corpus.documents.extend(one.corpus.documents);
                    out.chunks.extend(one.chunks);
                    out.provinces.extend(one.provinces);
                }
                // The built-in data: shown as an empty picker with this in the console.
                Err(e) if id.is_empty() => web_sys::console::error_1(
                    &format!("Duibiao: the embedded data is unreadable: {e}").into(),
                ),
                Err(_) => DAMAGED.with(|d| d.borrow_mut().push(id.clone())),
            }
        }
        out
    }

    #[cfg(test)]
    mod tests {
        use report::pack::{pack, pack_local};
        use report::Corpus;

        #[test]
        fn stored_reports_follow_the_built_in_ones_and_a_damaged_one_costs_only_itself() {
            let doc = |id: &str, text: &str| {
                let mut d = report::Document {
                    id: id.into(),
                    ..crate::data().documents[0].clone()
                };
                d.text = text.into();
                d
            };
            let builtin = pack(&Corpus::new(vec![doc(
                "000",
                "2024年新增高新技术企业100家。",
            )]))
            .0;
            let mine = doc("local-1", "2024年力争新增高新技术企业200家。");
            let list: Vec<String> = [
                ("", builtin.as_str()),
                ("local-1", &pack_local(&mine)),
                ("local-2", "duibiao-pack 2\nD\tbroken"),
            ]
            .iter()
            .flat_map(|(a, b)| [a.to_string(), b.to_string()])
            .collect();
            let got = super::merge_list(&list);
            let ids: Vec<&str> = got.corpus.documents.iter().map(|d| d.id.as_str()).collect();
            assert_eq!(ids, ["000", "local-1"]);
            assert!(!report::pack::is_local(&got.chunks[0]));
            assert_eq!(got.chunks[1], "local:local-1");
            super::DAMAGED.with(|d| assert_eq!(*d.borrow(), ["local-2"]));
        }
    }
}

/// Every place-year with data, in picker order. Made again when reports are appended (a
/// province's manifest); claims arriving do not change it (their years came with the reports).
pub fn available() -> Rc<Vec<PlaceYear>> {
    thread_local! {
        static AVAILABLE: PerReports<Vec<PlaceYear>> = PerReports::default();
    }
    AVAILABLE.with(|a| a.get(|c| report::compare::available(&c.documents)))
}

/// Something made of the corpus's reports, made again when reports are appended (claims arriving
/// into reports already here leave it as it is).
pub struct PerReports<T>(RefCell<Option<(usize, Rc<T>)>>);

impl<T> Default for PerReports<T> {
    fn default() -> Self {
        PerReports(RefCell::new(None))
    }
}

impl<T> PerReports<T> {
    /// What `make` makes of the corpus, made once per number of reports.
    pub fn get(&self, make: impl FnOnce(&Corpus) -> T) -> Rc<T> {
        let docs = data();
        let mut made = self.0.borrow_mut();
        match &*made {
            Some((n, t)) if *n == docs.documents.len() => t.clone(),
            _ => {
                let t = Rc::new(make(&docs));
                *made = Some((docs.documents.len(), t.clone()));
                t
            }
        }
    }
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
