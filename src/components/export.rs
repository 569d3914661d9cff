//! Export: the current comparison as CSV, the whole corpus as the DOMAIN §6 JSON, print, and the
//! single-file offline copy.

use report::compare::{comparison_csv, order_columns, rows};
use yew::prelude::*;

use super::use_app;
use crate::data;
use crate::hooks::{download, print};
use crate::i18n::t;
use crate::texts::{full_doc, request, Text};

/// The whole corpus with every text, once all are loaded; `Err` when one cannot be.
fn all_texts() -> Result<Option<report::Corpus>, ()> {
    let mut docs = Vec::with_capacity(data().documents.len());
    for i in 0..data().documents.len() {
        match full_doc(i) {
            Text::Ready(d) => docs.push((*d).clone()),
            Text::Loading => return Ok(None),
            Text::Failed => return Err(()),
        }
    }
    Ok(Some(report::Corpus::new(docs)))
}

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
    // The export carries every report text: wait for any still loading, then save.
    let pending = use_state(|| false);
    let failed = use_state(|| false);
    {
        let (pending, failed) = (pending.clone(), failed.clone());
        use_effect_with((*pending, st.texts), move |(p, _)| {
            if *p {
                match all_texts() {
                    Ok(Some(corpus)) => {
                        pending.set(false);
                        download(
                            "duibiao-corpus.json",
                            "application/json;charset=utf-8",
                            &report::pack::export_json(&corpus),
                        );
                    }
                    Ok(None) => {}
                    Err(()) => {
                        pending.set(false);
                        failed.set(true);
                    }
                }
            }
        });
    }
    let json = {
        let (pending, failed) = (pending.clone(), failed.clone());
        Callback::from(move |_| {
            failed.set(false);
            (0..data().documents.len())
                .filter(|&i| full_doc(i) == Text::Loading)
                .for_each(request);
            pending.set(true);
        })
    };
    let on_print = Callback::from(|_| print());
    html! {
        <section class="export" aria-labelledby="export-h">
            <h2 id="export-h" class="small-h">{ t(lang, "export") }</h2>
            <div class="export-actions">
                <button type="button" class="btn" onclick={csv} disabled={st.selection.is_empty()}>
                    <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "download_csv") }</button>
                <button type="button" class="btn" onclick={json} aria-busy={pending.to_string()}>
                    <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "download_json") }</button>
                <button type="button" class="btn" onclick={on_print}>
                    <span aria-hidden="true">{ "" }</span>{ t(lang, "print") }</button>
                <a class="btn" href="duibiao.html" download="duibiao.html">
                    <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "offline") }{ " / " }
                    <span lang={lang.pick("en", "zh-CN")}>{ lang.pick("Download for offline use", "下载离线版") }</span>
                </a>
            </div>
            <p class="export-status" role="status">
                if *pending { { t(lang, "json_preparing") } }
                if *failed { <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "text_failed") } }
            </p>
        </section>
    }
}
