//! Renders the app's first view to static HTML on the host (Yew SSR), so `index.html` shows the
//! comparison before the wasm starts and in browsers without JavaScript or WebAssembly.
//!
//! `cargo run -q --features ssr --bin prerender` prints the markup of the default view; the
//! post-build step (scripts/offline.mjs) puts it inside `<div id="app">`, which the app replaces
//! when it mounts. With `--pack DIR` it prints the compact index for `app.js` instead
//! (`report::pack`) and writes each report's text as `DIR/t/<id>-<hash>.js`.

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
    let args: Vec<String> = std::env::args().collect();
    if let Some(dir) = args
        .iter()
        .position(|a| a == "--pack")
        .and_then(|i| args.get(i + 1))
    {
        pack(std::path::Path::new(dir));
        return;
    }
    let html = block_on(
        yew::ServerRenderer::<duibiao::App>::new()
            .hydratable(false)
            .render(),
    );
    print!("{html}");
}

/// Writes the text chunks (classic scripts calling `__duibiaoText(id, text)`) and prints the index.
fn pack(dir: &std::path::Path) {
    // A large corpus is split by group; the first view's places stay in the index.
    let keep: Vec<String> = duibiao::url::default_selection(&duibiao::available())
        .into_iter()
        .map(|py| py.place)
        .collect();
    let (index, chunks) =
        report::pack::pack_split(&duibiao::data(), &keep, report::pack::SPLIT_BYTES);
    if let Err(e) = report::pack::write_chunks(dir, &chunks) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    print!("{index}");
}
