//! Export: the current comparison as CSV, the whole corpus as the DOMAIN §6 JSON, print, and the
//! single-file offline copy.

use report::compare::{comparison_csv, order_columns, rows};
use yew::prelude::*;

use super::use_app;
use crate::data;
use crate::hooks::{download, print};
use crate::i18n::t;

#[component]
pub fn Export() -> Html {
    let st = use_app();
    let lang = st.lang;
    let csv = {
        let st = st.clone();
        Callback::from(move |_| {
            let docs = &data().documents;
            let cols = order_columns(crate::available(), &st.selection);
            let rs = rows(docs, &cols);
            let text = comparison_csv(docs, &cols, &rs, st.lang.is_en());
            download("duibiao-comparison.csv", "text/csv;charset=utf-8", &text);
        })
    };
    let json = Callback::from(|_| {
        if let Ok(text) = serde_json::to_string_pretty(data()) {
            download(
                "duibiao-corpus.json",
                "application/json;charset=utf-8",
                &text,
            );
        }
    });
    let on_print = Callback::from(|_| print());
    html! {
        <section class="export" aria-labelledby="export-h">
            <h2 id="export-h" class="small-h">{ t(lang, "export") }</h2>
            <div class="export-actions">
                <button type="button" class="btn" onclick={csv} disabled={st.selection.is_empty()}>
                    <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "download_csv") }</button>
                <button type="button" class="btn" onclick={json}>
                    <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "download_json") }</button>
                <button type="button" class="btn" onclick={on_print}>
                    <span aria-hidden="true">{ "" }</span>{ t(lang, "print") }</button>
                <a class="btn" href="duibiao.html" download="duibiao.html">
                    <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "offline") }{ " / " }
                    <span lang={lang.pick("en", "zh-CN")}>{ lang.pick("Download for offline use", "下载离线版") }</span>
                </a>
            </div>
        </section>
    }
}
