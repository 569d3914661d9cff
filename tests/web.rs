//! In-browser test (wasm-bindgen-test, headless Chromium): the app mounts and shows the five seed places.
//!
//! Run by scripts/test.sh as `cargo test -p duibiao --target wasm32-unknown-unknown --test web`
//! (runner: wasm-bindgen-test-runner, set in .cargo/config.toml; CHROMEDRIVER from scripts/env.sh).
#![cfg(target_arch = "wasm32")]

use duibiao::App;
use wasm_bindgen_test::*;

mod common;
use common::{wait_for, TIMEOUT};

wasm_bindgen_test_configure!(run_in_browser);

/// The places of the five reports in `seeds/`.
const PLACES: [&str; 5] = ["衢州市", "新昌县", "温州市", "绍兴市", "鄞州区"];

#[wasm_bindgen_test]
async fn app_renders_the_five_places() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let root = document.create_element("div").expect("create a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("attach the div");

    let _handle = yew::Renderer::<App>::with_root(root.clone()).render();

    let text = || root.text_content().unwrap_or_default();
    let all_there = wait_for(|| PLACES.iter().all(|p| text().contains(p))).await;
    let missing: Vec<_> = PLACES.iter().filter(|p| !text().contains(*p)).collect();
    assert!(
        all_there,
        "after {TIMEOUT:?} the app still does not show {missing:?}; it shows: {}",
        text().chars().take(500).collect::<String>()
    );
}
