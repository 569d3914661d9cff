//! Export: the current comparison as CSV, the whole corpus as the DOMAIN §6 JSON, print, and the
//! single-file offline copy.

use report::compare::{
    comparison_csv, order_columns, reports_for, rows, scorecard_csv, scorecards, PlaceYear,
};
use yew::prelude::*;

use super::use_app;
use crate::data;
use crate::hooks::{copy_text, download, page_address, print};
use crate::i18n::t;
use crate::state::View;
use crate::texts::{full_doc, request, Text};

/// The corpus with the texts of reports `need` filled in (every report when `None`), once they
/// are loaded; `Err` when one cannot be.
fn with_texts(need: Option<&[usize]>) -> Result<Option<Vec<report::Document>>, ()> {
    let all = &data().documents;
    let mut docs = Vec::with_capacity(all.len());
    for (i, d) in all.iter().enumerate() {
        if need.is_some_and(|n| !n.contains(&i)) {
            docs.push(d.clone());
            continue;
        }
        match full_doc(i) {
            Text::Ready(d) => docs.push((*d).clone()),
            Text::Loading => return Ok(None),
            Text::Failed => return Err(()),
        }
    }
    Ok(Some(docs))
}

/// What a download waits for: the reports whose sentences it carries.
#[derive(Clone, PartialEq)]
enum Pending {
    /// The comparison (or scorecard) CSV of these columns.
    Csv(Vec<PlaceYear>, View),
    Json,
}

/// The CSV of the current view: the scorecard's lines, or the comparison's claims.
fn csv_for(
    docs: &[report::Document],
    cols: &[PlaceYear],
    view: View,
    en: bool,
) -> (String, &'static str) {
    if view == View::Scorecard {
        let cards = scorecards(docs, cols);
        (scorecard_csv(docs, &cards, en), "duibiao-scorecard.csv")
    } else {
        let rs = rows(docs, cols);
        (
            comparison_csv(docs, cols, &rs, en),
            "duibiao-comparison.csv",
        )
    }
}

#[component]
pub fn Export() -> Html {
    let st = use_app();
    let lang = st.lang;
    // Downloads carry report sentences: wait for any text still loading, then save.
    let pending = use_state(|| None::<Pending>);
    let failed = use_state(|| false);
    {
        let (pending, failed) = (pending.clone(), failed.clone());
        let en = st.lang.is_en();
        use_effect_with(((*pending).clone(), st.texts), move |(p, _)| {
            let ready = match p {
                Some(Pending::Csv(cols, view)) => {
                    with_texts(Some(&reports_for(&data().documents, cols))).map(|docs| {
                        docs.map(|docs| {
                            let (text, name) = csv_for(&docs, cols, *view, en);
                            (text, name, "text/csv;charset=utf-8")
                        })
                    })
                }
                Some(Pending::Json) => with_texts(None).map(|docs| {
                    docs.map(|docs| {
                        let corpus = report::Corpus::new(docs);
                        (
                            report::pack::export_json(&corpus),
                            "duibiao-corpus.json",
                            "application/json;charset=utf-8",
                        )
                    })
                }),
                None => Ok(None),
            };
            match ready {
                Ok(Some((text, name, mime))) => {
                    pending.set(None);
                    download(name, mime, &text);
                }
                Ok(None) => {}
                Err(()) => {
                    pending.set(None);
                    failed.set(true);
                }
            }
        });
    }
    let start = |what: Pending| {
        let (pending, failed) = (pending.clone(), failed.clone());
        Callback::from(move |_| {
            failed.set(false);
            let need: Vec<usize> = match &what {
                Pending::Csv(cols, _) => reports_for(&data().documents, cols),
                Pending::Json => (0..data().documents.len()).collect(),
            };
            need.into_iter()
                .filter(|&i| full_doc(i) == Text::Loading)
                .for_each(request);
            pending.set(Some(what.clone()));
        })
    };
    let cols = order_columns(&crate::available(), &st.selection);
    let csv = start(Pending::Csv(cols, st.view));
    let json = start(Pending::Json);
    let csv_label = if st.view == View::Scorecard {
        "download_scorecard_csv"
    } else {
        "download_csv"
    };
    let on_print = Callback::from(|_| print());
    // The iframe snippet for this view, and whether copying it worked.
    let copied = use_state(|| None::<bool>);
    let (page, origin) = page_address();
    let snippet = crate::url::embed_snippet(&st, &crate::available(), &page, &origin);
    let copy = {
        let (copied, snippet) = (copied.clone(), snippet.clone());
        Callback::from(move |_| {
            let copied = copied.clone();
            copy_text(&snippet, move |ok| copied.set(Some(ok)));
        })
    };
    html! {
        <section class="export" aria-labelledby="export-h">
            <h2 id="export-h" class="small-h">{ t(lang, "export") }</h2>
            <div class="export-actions">
                <button type="button" class="btn" onclick={csv} disabled={st.selection.is_empty()}>
                    <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, csv_label) }</button>
                <button type="button" class="btn" onclick={json} aria-busy={(*pending == Some(Pending::Json)).to_string()}>
                    <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "download_json") }</button>
                <button type="button" class="btn" onclick={on_print}>
                    <span aria-hidden="true">{ "" }</span>{ t(lang, "print") }</button>
                <a class="btn" href="duibiao.html" download="duibiao.html">
                    <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "offline") }{ " / " }
                    <span lang={lang.pick("en", "zh-CN")}>{ lang.pick("Download for offline use", "下载离线版") }</span>
                </a>
            </div>
            <details class="embed-code">
                <summary>{ t(lang, "embed_view") }</summary>
                <p class="hint">{ t(lang, "embed_hint") }</p>
                <label for="embed-snippet" class="sr-only">{ t(lang, "embed_view") }</label>
                <textarea id="embed-snippet" readonly=true rows="10" spellcheck="false" value={snippet} />
                <button type="button" class="btn" onclick={copy}>{ t(lang, "embed_copy") }</button>
                <span class="export-status" role="status">
                    { match *copied {
                        Some(true) => t(lang, "embed_copied"),
                        Some(false) => t(lang, "embed_copy_failed"),
                        None => "",
                    } }
                </span>
            </details>
            <p class="export-status" role="status">
                if pending.is_some() { { t(lang, "json_preparing") } }
                if *failed { <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "text_failed") } }
            </p>
        </section>
    }
}
