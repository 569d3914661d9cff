//! Duibiao's web app: Yew views over the corpus parsed at build time.

use report::Corpus;
use yew::prelude::*;

/// The corpus parsed from `seeds/` by `build.rs`.
pub fn corpus() -> Corpus {
    serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/corpus.json")))
        .expect("build.rs wrote a valid corpus")
}

#[function_component(App)]
pub fn app() -> Html {
    let corpus = use_memo((), |_| corpus());
    html! {
        <main>
            <h1>{"对标 Duibiao"}</h1>
            <ul class="documents">
            { for corpus.documents.iter().map(|d| html! {
                <li>{ format!("{} · {:?}/{:?} · {}", d.region.name, d.summary_year, d.plan_year, d.title) }</li>
            }) }
            </ul>
        </main>
    }
}

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
