//! In-browser component tests (wasm-bindgen-test, headless Chromium): the table, the provenance
//! dialog, the picker and the views behave as a visitor would use them.
//!
//! Run: `cargo test -p duibiao --target wasm32-unknown-unknown --test components`
//! (runner and driver as for tests/web.rs: .cargo/config.toml, scripts/env.sh).
#![cfg(target_arch = "wasm32")]

use duibiao::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::wait_for;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a fresh app in its own div and waits for the table. The app writes its state into the
/// URL, so each test starts from a clean one (the default view).
async fn mount() -> (web_sys::Element, yew::AppHandle<App>) {
    let w = web_sys::window().expect("a window");
    let path = w.location().pathname().expect("a path");
    w.history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .expect("reset the URL");
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("attach");
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    let r = root.clone();
    assert!(
        wait_for(|| r.query_selector("table caption").ok().flatten().is_some()).await,
        "the indicator table appears"
    );
    (root, handle)
}

fn click(el: &web_sys::Element) {
    el.dyn_ref::<web_sys::HtmlElement>()
        .expect("html element")
        .click();
}

#[wasm_bindgen_test]
async fn table_has_headers_and_number_buttons() {
    let (root, handle) = mount().await;
    let cols = root
        .query_selector_all("thead th[scope=col]")
        .unwrap()
        .length();
    assert!(
        cols >= 2,
        "a corner header and at least one place-year column"
    );
    assert!(root
        .query_selector("tbody th[scope=row]")
        .unwrap()
        .is_some());
    assert!(root.query_selector("td button.num").unwrap().is_some());
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("目标") && text.contains("实绩"),
        "goals and achievements told apart in words"
    );
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_number_opens_its_source_and_the_close_button_closes() {
    let (root, handle) = mount().await;
    let button = root
        .query_selector("td button.num")
        .unwrap()
        .expect("a number");
    click(&button);
    let r = root.clone();
    let open = || {
        r.query_selector("dialog")
            .ok()
            .flatten()
            .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
            .is_some_and(|d| d.open())
    };
    assert!(wait_for(open).await, "the dialog opens");
    let dialog = root.query_selector("dialog").unwrap().unwrap();
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert!(
        dialog.query_selector("blockquote mark").unwrap().is_some(),
        "the number is highlighted"
    );
    // The close button closes it.
    click(&dialog.query_selector("button.close").unwrap().unwrap());
    assert!(wait_for(|| !open()).await, "the dialog closes");
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn unticking_every_column_explains_itself() {
    let (root, handle) = mount().await;
    let clear = root
        .query_selector(".picker-actions button")
        .unwrap()
        .expect("a clear button");
    click(&clear);
    let r = root.clone();
    assert!(
        wait_for(|| r.query_selector("p.empty").ok().flatten().is_some()).await,
        "an empty selection shows a message"
    );
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn views_switch() {
    let (root, handle) = mount().await;
    let tabs = root.query_selector_all(".views button").unwrap();
    assert_eq!(tabs.length(), 5);
    let r = root.clone();
    // Scorecard: a card per column with goals, each with its tally and a line per goal.
    click(&tabs.item(1).unwrap().dyn_into().unwrap());
    assert!(wait_for(|| r.query_selector(".sc-card").ok().flatten().is_some()).await);
    let card = r.query_selector(".sc-card").unwrap().unwrap();
    let tally = card
        .query_selector(".sc-tally")
        .unwrap()
        .and_then(|t| t.text_content())
        .unwrap_or_default();
    let lines = card.query_selector_all(".sc-line").unwrap().length();
    // `14项目标:…`: the count it opens with is the number of lines.
    let n: String = tally.chars().take_while(char::is_ascii_digit).collect();
    assert_eq!(n, lines.to_string(), "the tally counts every goal: {tally}");
    assert!(
        card.query_selector(".sc-line .sc-goal button.num")
            .unwrap()
            .is_some(),
        "each goal's number opens its source"
    );
    // Topics: a filter box.
    click(&tabs.item(2).unwrap().dyn_into().unwrap());
    assert!(wait_for(|| r.query_selector("#topic-filter").ok().flatten().is_some()).await);
    // Chart: an SVG group with a text alternative, its bars buttons in the tab order.
    click(&tabs.item(3).unwrap().dyn_into().unwrap());
    assert!(
        wait_for(|| r
            .query_selector("svg[role=group][aria-label] g[role=button][tabindex='0'][aria-label]")
            .ok()
            .flatten()
            .is_some())
        .await
    );
    // Report: the text with clickable claims.
    click(&tabs.item(4).unwrap().dyn_into().unwrap());
    assert!(
        wait_for(|| r
            .query_selector(".doc-text button.inline-claim")
            .ok()
            .flatten()
            .is_some())
        .await
    );
    handle.destroy();
    root.remove();
}
