//! What the first screen does not need lives in a second wasm, the views module (bin `views`):
//! the scorecard, topics, chart and reader views, the provenance dialog and the export section
//! (its CSV and JSON writers). They were a fifth of the start-up download; `app.js` loads the
//! module once the app is idle (or at once when a view or the dialog is asked for), from its own classic script like the report texts, so it works from
//! `file://`, under the strict CSP and inline in `duibiao.html`.
//!
//! The app renders a [`Slot`] where such a part goes; the module mounts a Yew app of its own in
//! it ([`module`]) and both keep one state: the app hands the module its whole state as a string
//! ([`codec`]) at every change, and the module hands back the state its views changed (a number
//! clicked, the chart's indicator, the reader's focus), which the app takes as it is.
//!
//! On the host (pre-render, tests) and in the wasm tests the parts render in place.

pub mod codec;
pub mod module;

use yew::prelude::*;

use crate::components::use_app;
use crate::components::{
    chart::Chart, dialog::ProvenanceDialog, export::Export, reader::Reader, scorecard::Scorecard,
    topics::Topics,
};
use crate::state::View;

/// A place in the page the views module fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The main view, when it is not the indicator table.
    View,
    /// The provenance dialog.
    Dialog,
    /// The downloads and the embed code, below the view.
    Export,
}

impl Part {
    pub fn code(self) -> &'static str {
        match self {
            Part::View => "view",
            Part::Dialog => "dialog",
            Part::Export => "export",
        }
    }

    pub fn from_code(s: &str) -> Option<Part> {
        [Part::View, Part::Dialog, Part::Export]
            .into_iter()
            .find(|p| p.code() == s)
    }
}

/// The part itself, for the state's view (the module's root, and the host).
pub fn part_html(part: Part, view: View) -> Html {
    match (part, view) {
        (Part::Dialog, _) => html! { <ProvenanceDialog /> },
        (Part::Export, _) => html! { <Export /> },
        (Part::View, View::Scorecard) => html! { <Scorecard /> },
        (Part::View, View::Topics) => html! { <Topics /> },
        (Part::View, View::Chart) => html! { <Chart /> },
        (Part::View, View::Report) => html! { <Reader /> },
        (Part::View, View::Indicators) => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct SlotProps {
    pub part: Part,
}

/// Where a part of the views module goes (in place on the host and in the wasm tests).
#[cfg(not(all(target_arch = "wasm32", not(feature = "embedded-data"))))]
#[component]
pub fn Slot(p: &SlotProps) -> Html {
    part_html(p.part, use_app().view)
}

/// Where a part of the views module goes: an element the module's own Yew app fills, with a line
/// while the module loads or when it could not be.
#[cfg(all(target_arch = "wasm32", not(feature = "embedded-data")))]
#[component]
pub fn Slot(p: &SlotProps) -> Html {
    use crate::i18n::t;

    let st = use_app();
    let lang = st.lang;
    let node = use_node_ref();
    // The element the module rendered into, to take its app down when this slot goes.
    let mounted = use_mut_ref(|| None::<web_sys::Element>);
    // The export section waits for the module's idle load; a view or the dialog asks for it.
    let needed = match p.part {
        Part::View => true,
        Part::Dialog => st.dialog.is_some(),
        Part::Export => false,
    };
    let status = bridge::status();
    // A closed dialog needs nothing of the state but its language: it is not rendered again at
    // every click elsewhere.
    let code = match p.part {
        Part::Dialog if st.dialog.is_none() => codec::encode(&crate::state::AppState {
            lang: st.lang,
            ..Default::default()
        }),
        _ => codec::encode(&st),
    };
    // The export section (below the view, usually off-screen) follows a change once the browser is
    // idle: not on a click's path, nor in the frame it draws.
    let later = use_mut_ref(|| None::<crate::hooks::AfterFrame>);
    {
        let (node, mounted, part) = (node.clone(), mounted.clone(), p.part);
        use_effect_with(
            (code, status, needed),
            move |(code, status, needed)| match status {
                bridge::Status::Ready => {
                    let render = {
                        let code = code.clone();
                        move || {
                            if let Some(el) = node.cast::<web_sys::Element>() {
                                bridge::render(&el, part, &code);
                                *mounted.borrow_mut() = Some(el);
                            }
                        }
                    };
                    if part == Part::Export {
                        *later.borrow_mut() = Some(crate::hooks::when_idle(300, render));
                    } else {
                        render();
                    }
                }
                bridge::Status::Absent if *needed => bridge::load(),
                _ => {}
            },
        );
    }
    use_effect_with((), move |_| {
        move || {
            if let Some(el) = mounted.borrow_mut().take() {
                bridge::unmount(&el);
            }
        }
    });
    let waiting = needed && status == bridge::Status::Absent;
    let close = {
        let st = st.clone();
        Callback::from(move |_: MouseEvent| st.dispatch(crate::state::Action::CloseDialog))
    };
    html! {
        <>
            <div class={classes!("slot", p.part.code())} ref={node}></div>
            if waiting && p.part == Part::View {
                <p class="text-status" role="status">{ t(lang, "module_loading") }</p>
            }
            if status == bridge::Status::Failed && needed {
                if p.part == Part::Dialog {
                    // Where the dialog would have opened, not at the page's foot; closing it is
                    // closing the dialog.
                    <p class="text-status failed toast" role="alert">
                        <span><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "module_failed") }</span>
                        <button type="button" class="btn" onclick={close}>{ t(lang, "close") }</button>
                    </p>
                } else {
                    <p class="text-status failed" role="alert"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "module_failed") }</p>
                }
            }
        </>
    }
}

/// Calls `f` with the state whenever the views module changed it.
pub fn listen(f: impl Fn(crate::state::AppState) + 'static) {
    #[cfg(all(target_arch = "wasm32", not(feature = "embedded-data")))]
    bridge::listen(Box::new(move |s: String| f(codec::decode(&s))));
    #[cfg(not(all(target_arch = "wasm32", not(feature = "embedded-data"))))]
    let _ = f;
}

/// `app.js`'s side of the module: `__duibiaoViewsLoad()` loads it once, `__duibiaoViews` is its
/// wasm-bindgen exports when it runs (`false` when it could not be loaded), and the page's text
/// listener is told when either happens.
#[cfg(all(target_arch = "wasm32", not(feature = "embedded-data")))]
pub(crate) mod bridge {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::Part;
    use crate::texts::page::global;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Status {
        /// Not loaded (maybe on its way).
        Absent,
        Ready,
        Failed,
    }

    pub fn status() -> Status {
        let m = global("__duibiaoViews");
        if m.is_object() || m.is_function() {
            Status::Ready
        } else if m == JsValue::FALSE {
            Status::Failed
        } else {
            Status::Absent
        }
    }

    pub fn load() {
        if let Some(f) = global("__duibiaoViewsLoad").dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&JsValue::NULL);
        }
    }

    fn export(name: &str) -> Option<js_sys::Function> {
        js_sys::Reflect::get(&global("__duibiaoViews"), &name.into())
            .ok()?
            .dyn_into()
            .ok()
    }

    pub fn render(el: &web_sys::Element, part: Part, state: &str) {
        if let Some(f) = export("render") {
            let _ = f.call3(&JsValue::NULL, el, &part.code().into(), &state.into());
        }
    }

    pub fn unmount(el: &web_sys::Element) {
        if let Some(f) = export("unmount") {
            let _ = f.call1(&JsValue::NULL, el);
        }
    }

    pub fn listen(f: Box<dyn Fn(String)>) {
        let cb = Closure::<dyn Fn(String)>::new(f);
        let _ = js_sys::Reflect::set(&js_sys::global(), &"__duibiaoSetState".into(), cb.as_ref());
        // Lives as long as the page.
        cb.forget();
    }
}
