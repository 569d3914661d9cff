//! Report texts. In the page they are not in the index: `app.js` loads each report's text on
//! demand from its own classic script (`t/<id>-<hash>.js`, which calls `__duibiaoText(id, text)`;
//! classic scripts load from `file://` and under `script-src 'self'`), so start-up does not grow
//! with the texts of every report. `duibiao.html` carries them all inline. On the host (pre-render,
//! tests) and in the wasm tests the corpus comes whole.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use report::Document;
use yew::prelude::*;

use crate::data;

/// A report with its text and every claim's and item's sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Ready(Rc<Document>),
    Loading,
    /// The chunk could not be loaded (missing file): the view says so instead of waiting.
    Failed,
}

impl Text {
    pub fn ready(&self) -> Option<&Rc<Document>> {
        match self {
            Text::Ready(d) => Some(d),
            _ => None,
        }
    }
}

thread_local! {
    static FULL: RefCell<HashMap<usize, Rc<Document>>> = RefCell::new(HashMap::new());
}

/// Report `i` with its text, if it is there.
pub fn full_doc(i: usize) -> Text {
    if let Some(d) = FULL.with(|f| f.borrow().get(&i).cloned()) {
        return Text::Ready(d);
    }
    let docs = data();
    let Some(d) = docs.documents.get(i) else {
        return Text::Failed;
    };
    // Its claims are still in their group's chunk.
    match crate::groups::status(&[i]) {
        crate::groups::Claims::Ready => {}
        crate::groups::Claims::Loading => return Text::Loading,
        crate::groups::Claims::Failed => return Text::Failed,
    }
    let full = match page::text_of(&d.id) {
        Ok(Some(text)) => {
            let mut full = d.clone();
            report::pack::fill_text(&mut full, text);
            Rc::new(full)
        }
        Ok(None) if page::LAZY => return Text::Loading,
        Ok(None) => Rc::new(d.clone()),
        Err(()) => return Text::Failed,
    };
    FULL.with(|f| f.borrow_mut().insert(i, full.clone()));
    Text::Ready(full)
}

/// Asks for report `i`'s text (and its claims, if they are still to come); the app re-renders
/// when they arrive ([`listen`]).
pub fn request(i: usize) {
    crate::groups::request(&[i]);
    if let (Some(d), Some(file)) = (data().documents.get(i), crate::chunk(i)) {
        page::load(&d.id, &file);
    }
}

/// Calls `f` whenever a text arrives or fails.
pub fn listen(f: impl Fn() + 'static) {
    page::listen(Box::new(f));
}

/// Reports `ids` with their texts, asking for the missing ones after the render.
#[hook]
pub fn use_full_docs(ids: Vec<usize>) -> Vec<Text> {
    let texts: Vec<Text> = ids.iter().map(|&i| full_doc(i)).collect();
    let missing: Vec<usize> = ids
        .iter()
        .zip(&texts)
        .filter(|(_, t)| **t == Text::Loading)
        .map(|(&i, _)| i)
        .collect();
    use_effect_with(missing, |m: &Vec<usize>| m.iter().for_each(|&i| request(i)));
    texts
}

/// The page's loader (`app.js`, written by scripts/offline.mjs).
#[cfg(all(target_arch = "wasm32", not(feature = "embedded-data")))]
pub(crate) mod page {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    pub const LAZY: bool = true;

    /// A global `app.js` set (`undefined` when it did not).
    pub(crate) fn global(name: &str) -> JsValue {
        js_sys::Reflect::get(&js_sys::global(), &name.into()).unwrap_or(JsValue::UNDEFINED)
    }

    /// `Ok(Some)` when loaded, `Ok(None)` when not (yet), `Err` when loading failed.
    pub fn text_of(id: &str) -> Result<Option<String>, ()> {
        let v = js_sys::Reflect::get(&global("__duibiaoTexts"), &id.into())
            .unwrap_or(JsValue::UNDEFINED);
        if let Some(s) = v.as_string() {
            return Ok(Some(s));
        }
        if v.is_null() {
            return Err(());
        }
        Ok(None)
    }

    pub fn load(id: &str, file: &str) {
        if let Some(f) = global("__duibiaoLoad").dyn_ref::<js_sys::Function>() {
            let _ = f.call2(&JsValue::NULL, &id.into(), &file.into());
        }
    }

    pub fn listen(f: Box<dyn Fn()>) {
        let cb = Closure::<dyn Fn()>::new(f);
        let _ = js_sys::Reflect::set(&js_sys::global(), &"__duibiaoOnText".into(), cb.as_ref());
        // Lives as long as the page.
        cb.forget();
    }
}

/// Host and wasm tests: every text is in the corpus already.
#[cfg(not(all(target_arch = "wasm32", not(feature = "embedded-data"))))]
pub(crate) mod page {
    pub const LAZY: bool = false;

    pub fn text_of(_id: &str) -> Result<Option<String>, ()> {
        Ok(None)
    }

    pub fn load(_id: &str, _file: &str) {}

    pub fn listen(_f: Box<dyn Fn()>) {}
}
