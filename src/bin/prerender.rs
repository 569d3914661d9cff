//! Renders the app's first view to static HTML on the host (Yew SSR), so `index.html` shows the
//! comparison before the wasm starts and in browsers without JavaScript or WebAssembly.
//!
//! `cargo run -q --features ssr --bin prerender` prints the markup of the default view; the
//! post-build step (scripts/offline.mjs) puts it inside `<div id="app">`, which the app replaces
//! when it mounts. With `--data` it prints the corpus JSON for `app.js` instead, without the
//! sentences the app can cut from the document texts by their offsets.

use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Wake};

/// Wakes the blocked thread: all `block_on` needs, since the renderer runs on its own runtime.
struct Unpark(std::thread::Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Drives one future to completion on this thread (no async runtime dependency needed).
fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let waker = Arc::new(Unpark(std::thread::current())).into();
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::park();
    }
}

fn main() {
    if std::env::args().any(|a| a == "--data") {
        let mut corpus = duibiao::data().clone();
        corpus.strip_derived_texts();
        print!(
            "{}",
            serde_json::to_string(&corpus).expect("the model serialises")
        );
        return;
    }
    let html = block_on(
        yew::ServerRenderer::<duibiao::App>::new()
            .hydratable(false)
            .render(),
    );
    print!("{html}");
}
