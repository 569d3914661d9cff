//! The views module's side (bin `views`): a Yew app per [`Slot`](super::Slot), each holding the
//! app's state in a reducer of its own so the views' code is the same as in place. A state the
//! app hands down replaces it; a state the views changed goes back up.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::{codec, part_html, Part};
use crate::state::{Action, AppContext, AppState};

#[derive(Properties, PartialEq)]
pub struct RootProps {
    pub part: Part,
    /// The app's state, as it last handed it down.
    pub state: Rc<AppState>,
}

#[component]
pub fn Root(p: &RootProps) -> Html {
    // A place's claims that arrived since (the app's count of texts changed): into this module's
    // copy of the corpus before its views render.
    crate::groups::absorb();
    let state = use_reducer(|| (*p.state).clone());
    {
        let state = state.clone();
        use_effect_with(p.state.clone(), move |s| {
            state.dispatch(Action::Replace(Box::new((**s).clone())))
        });
    }
    {
        let from_app = p.state.clone();
        use_effect_with((*state).clone(), move |s| {
            if *s != *from_app {
                send_up(&codec::encode(s));
            }
        });
    }
    let view = state.view;
    html! {
        <ContextProvider<AppContext> context={state}>
            { part_html(p.part, view) }
        </ContextProvider<AppContext>>
    }
}

thread_local! {
    static APPS: RefCell<Vec<(web_sys::Element, AppHandle<Root>)>> = const { RefCell::new(Vec::new()) };
}

#[component]
fn Nothing() -> Html {
    Html::default()
}

/// Yew tells which app an event belongs to by ids it brands elements with, counted from 1 in each
/// wasm: this module's first app would share the app's id, and the app would run its own handler
/// of that number for a click in here. So this module first uses up the ids the apps around `el`
/// hold (the app has one root, `#app`).
fn skip_ids_around(el: &web_sys::Element) {
    let mut taken = 0u32;
    let mut at = el.parent_element();
    while let Some(e) = at {
        let id = js_sys::Reflect::get(&e, &"__yew_subtree_id".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        taken = taken.max(id as u32);
        at = e.parent_element();
    }
    let doc = el.owner_document();
    for _ in 0..taken {
        if let Some(host) = doc.as_ref().and_then(|d| d.create_element("div").ok()) {
            yew::Renderer::<Nothing>::with_root(host).render().destroy();
        }
    }
}

/// Renders `part` with the app's `state` into `el` (mounting it the first time).
pub fn render(el: web_sys::Element, part: &str, state: &str) {
    let Some(part) = Part::from_code(part) else {
        return;
    };
    crate::provinces::sync(&codec::manifests(state));
    let props = RootProps {
        part,
        state: Rc::new(codec::decode(state)),
    };
    // Out of the list while it renders: its views may hand a state up, and the app down again.
    let app = APPS.with(|a| {
        let mut a = a.borrow_mut();
        let i = a.iter().position(|(e, _)| *e == el)?;
        Some(a.swap_remove(i).1)
    });
    let app = match app {
        Some(mut app) => {
            app.update(props);
            app
        }
        None => {
            thread_local!(static SKIPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
            if !SKIPPED.with(|s| s.replace(true)) {
                skip_ids_around(&el);
            }
            yew::Renderer::<Root>::with_root_and_props(el.clone(), props).render()
        }
    };
    APPS.with(|a| a.borrow_mut().push((el, app)));
}

/// Takes down the app rendered into `el`, if any.
pub fn unmount(el: &web_sys::Element) {
    let app = APPS.with(|a| {
        let mut a = a.borrow_mut();
        let i = a.iter().position(|(e, _)| e == el)?;
        Some(a.swap_remove(i).1)
    });
    if let Some(app) = app {
        app.destroy();
    }
}

fn send_up(state: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(f) = js_sys::Reflect::get(&js_sys::global(), &"__duibiaoSetState".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            let _ = f.call1(&wasm_bindgen::JsValue::NULL, &state.into());
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = state;
}
