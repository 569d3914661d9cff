//! Browser glue as hooks and small helpers: URL write-back, `<html lang>`, height messages to an
//! embedding page, downloads. Everything here tolerates a missing API (never panics).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::Lang;

/// The browser window; `None` off the browser (the host pre-renderer runs the same components).
fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The page's query string (`?a=b`), empty when unavailable.
pub fn location_search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Replaces the URL's query (no new history entry). Ignored where not allowed (some file:// cases).
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let hash = w.location().hash().unwrap_or_default();
    let current = w.location().search().unwrap_or_default();
    if current == query {
        return;
    }
    let url = if query.is_empty() {
        w.location().pathname().unwrap_or_default() + &hash
    } else {
        format!("{query}{hash}")
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// Opens the add-report dialog: `app.js` loads the parser module on first use (see src/add).
pub fn open_add() {
    let f = js_sys::Reflect::get(&js_sys::global(), &"__duibiaoAdd".into());
    if let Some(f) = f.ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// Sets `<html lang>` and the document title.
pub fn set_lang(lang: Lang, title: &str) {
    if let Some(d) = document() {
        if let Some(html) = d.document_element() {
            let _ = html.set_attribute("lang", lang.html());
        }
        d.set_title(title);
    }
}

/// Marks `<html data-theme>` with a forced theme (removed when following the system), so the page
/// behind the app matches it.
pub fn set_theme(theme: Option<&str>) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = match theme {
            Some(t) => html.set_attribute("data-theme", t),
            None => html.remove_attribute("data-theme"),
        };
    }
}

type Observer = Closure<dyn FnMut(js_sys::Array)>;

/// Posts `{type: "duibiao:height", height}` to the parent window whenever the element's height
/// changes, when the page is embedded in a frame.
#[hook]
pub fn use_post_height(root: NodeRef) {
    use_effect_with((), move |_| {
        let mut keep: Option<(web_sys::ResizeObserver, Observer)> = None;
        if let (Some(w), Some(el)) = (window(), root.cast::<web_sys::Element>()) {
            let parent = w.parent().ok().flatten();
            let embedded = parent
                .as_ref()
                .is_some_and(|p| JsValue::from(p.clone()) != JsValue::from(w.clone()));
            if let (true, Some(parent)) = (embedded, parent) {
                let target = el.clone();
                let last = std::cell::Cell::new(-1.0f64);
                let cb =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
                        let h = target.get_bounding_client_rect().height().ceil();
                        if (h - last.get()).abs() < 0.5 {
                            return;
                        }
                        last.set(h);
                        let msg = js_sys::Object::new();
                        let _ =
                            js_sys::Reflect::set(&msg, &"type".into(), &"duibiao:height".into());
                        let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
                        let _ = parent.post_message(&msg, "*");
                    });
                if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                    obs.observe(&el);
                    keep = Some((obs, cb));
                }
            }
        }
        move || {
            if let Some((obs, _cb)) = keep {
                obs.disconnect();
            }
        }
    });
}

/// A call waiting for the next frame to be drawn (or for the browser to be idle); dropping it
/// cancels the call.
pub struct AfterFrame(std::rc::Rc<std::cell::Cell<bool>>);

impl Drop for AfterFrame {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

/// `f` behind a flag the returned handle clears when it is dropped.
fn cancellable(f: impl FnOnce() + 'static) -> (AfterFrame, impl FnOnce() + 'static) {
    let live = std::rc::Rc::new(std::cell::Cell::new(true));
    let on = live.clone();
    let run = move || {
        if on.get() {
            f();
        }
    };
    (AfterFrame(live), run)
}

/// Calls `f` in the task after the next frame (requestAnimationFrame runs just before it is drawn).
pub fn after_frame(f: impl FnOnce() + 'static) -> AfterFrame {
    let (handle, run) = cancellable(f);
    let cb = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, run).forget();
    });
    if let Some(w) = window() {
        let _ = w.request_animation_frame(cb.unchecked_ref());
    }
    handle
}

/// Calls `f` once the browser is idle, and at the latest `within_ms` later (after the next frame
/// where there is no `requestIdleCallback`): work nobody is looking at yet waits for the frame a
/// click draws and for the input after it.
pub fn when_idle(within_ms: u32, f: impl FnOnce() + 'static) -> AfterFrame {
    let Some(w) = window()
        .filter(|w| js_sys::Reflect::has(w, &"requestIdleCallback".into()).unwrap_or(false))
    else {
        return after_frame(f);
    };
    let (handle, run) = cancellable(f);
    let opts = web_sys::IdleRequestOptions::new();
    opts.set_timeout(within_ms);
    let _ = w.request_idle_callback_with_options(Closure::once_into_js(run).unchecked_ref(), &opts);
    handle
}

/// Saves text as a file through a Blob and a temporary `<a download>`.
pub fn download(name: &str, mime: &str, content: &str) {
    let go = || -> Option<()> {
        let d = document()?;
        let parts = js_sys::Array::of1(&JsValue::from_str(content));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a: web_sys::HtmlAnchorElement = d.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.set_hidden(true);
        d.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        gloo::timers::callback::Timeout::new(2_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    };
    go();
}

/// The SVG with id `id` as a file of its own: the drawing styles the stylesheet gives each element
/// (colours come from custom properties) written onto it, a background, and its size in pixels.
pub fn standalone_svg(id: &str) -> Option<(String, u32, u32)> {
    const SVG_NS: &str = "http://www.w3.org/2000/svg";
    let (w, d) = (window()?, document()?);
    let svg = d.get_element_by_id(id)?;
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let (from, to) = (
        svg.query_selector_all("*").ok()?,
        copy.query_selector_all("*").ok()?,
    );
    for i in 0..from.length() {
        let (Some(o), Some(c)) = (from.item(i), to.item(i)) else {
            continue;
        };
        let (o, c): (web_sys::Element, web_sys::Element) = (o.dyn_into().ok()?, c.dyn_into().ok()?);
        let Some(cs) = w.get_computed_style(&o).ok().flatten() else {
            continue;
        };
        let mut style = String::new();
        for p in [
            "fill",
            "stroke",
            "stroke-width",
            "stroke-dasharray",
            "font-size",
            "font-family",
            "font-weight",
        ] {
            if let Ok(v) = cs.get_property_value(p) {
                if !v.is_empty() {
                    style.push_str(&format!("{p}:{v};"));
                }
            }
        }
        c.set_attribute("style", &style).ok()?;
        c.remove_attribute("tabindex").ok()?;
    }
    let rect = svg.get_bounding_client_rect();
    let (width, height) = (rect.width().ceil() as u32, rect.height().ceil() as u32);
    let bg = d
        .query_selector(".app")
        .ok()
        .flatten()
        .and_then(|a| w.get_computed_style(&a).ok().flatten())
        .and_then(|s| s.get_property_value("background-color").ok())
        .unwrap_or_else(|| "#ffffff".to_string());
    let back = d.create_element_ns(Some(SVG_NS), "rect").ok()?;
    back.set_attribute("width", "100%").ok()?;
    back.set_attribute("height", "100%").ok()?;
    back.set_attribute("fill", &bg).ok()?;
    copy.insert_before(&back, copy.first_child().as_ref())
        .ok()?;
    copy.set_attribute("xmlns", SVG_NS).ok()?;
    copy.set_attribute("width", &width.to_string()).ok()?;
    copy.set_attribute("height", &height.to_string()).ok()?;
    copy.remove_attribute("role").ok()?;
    Some((copy.outer_html(), width, height))
}

/// Saves an SVG drawing as a PNG at twice its size: drawn into a canvas from a `data:` image,
/// which the strict CSP's `img-src 'self' data:` allows, and saved from a `data:` link.
pub fn download_png(name: &str, svg: &str, width: u32, height: u32) {
    let Some(d) = document() else { return };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = name.to_string();
    let loaded = img.clone();
    let draw = move || -> Option<()> {
        let canvas: web_sys::HtmlCanvasElement =
            d.create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let ctx: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok()??.dyn_into().ok()?;
        ctx.scale(2.0, 2.0).ok()?;
        ctx.draw_image_with_html_image_element(&loaded, 0.0, 0.0)
            .ok()?;
        let url = canvas.to_data_url_with_type("image/png").ok()?;
        let a: web_sys::HtmlAnchorElement = d.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(&name);
        a.set_hidden(true);
        d.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    };
    let onload = Closure::once(move || {
        draw();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    let encoded = String::from(js_sys::encode_uri_component(svg));
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}

/// The page's address without its query, and its origin (`null` from a file).
pub fn page_address() -> (String, String) {
    let Some(l) = window().map(|w| w.location()) else {
        return (String::new(), String::new());
    };
    let origin = l.origin().unwrap_or_default();
    let path = l.pathname().unwrap_or_default();
    (format!("{origin}{path}"), origin)
}

/// Puts `text` on the clipboard, then calls `done` with whether it worked (the clipboard is
/// missing outside secure contexts and may be refused).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        done(false);
        return;
    };
    let promise = w.navigator().clipboard().write_text(text);
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (d1, d2) = (done.clone(), done);
    let ok = Closure::once(move |_: JsValue| {
        if let Some(f) = d1.borrow_mut().take() {
            f(true);
        }
    });
    let failed = Closure::once(move |_: JsValue| {
        if let Some(f) = d2.borrow_mut().take() {
            f(false);
        }
    });
    let _ = promise.then2(&ok, &failed);
    ok.forget();
    failed.forget();
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Focuses an element by id and scrolls it into view (centred).
pub fn focus_id(id: &str) {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}

/// The element that has focus now, if it is an HTML element.
pub fn active_element() -> Option<web_sys::HtmlElement> {
    document()?.active_element()?.dyn_into().ok()
}
