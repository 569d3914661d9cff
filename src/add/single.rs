//! 下载含我的报告的单文件: a `duibiao.html` with the reports added on this device built in, so
//! they show as ordinary reports wherever the file is opened.
//!
//! The page the file starts from is `duibiao.html` itself: beside `index.html` its source is a
//! script of its own (`page-*.js`, loaded on demand); inside `duibiao.html` it is the page as
//! loaded, with what the app changed at run time put back ([`current_single_file`]).

use report::pack::{chunk_script, pack};
use report::{Corpus, Document};

/// Where `app.js` sets the corpus index (scripts/offline.mjs writes it so).
const CORPUS: &str = "self.__duibiaoCorpus = ";

/// `page` (a `duibiao.html` source) with `docs` (with their texts) built in: their records
/// appended to the index, their texts as inline scripts after the app. Reports the page already
/// has are skipped. Errors when the page is not a Duibiao single file.
pub fn with_reports(page: &str, docs: &[Document]) -> Result<String, String> {
    let (at, end, index) = corpus_literal(page)?;
    let new: Vec<Document> = docs
        .iter()
        .filter(|d| !index.contains(&format!("\nD\t{}\t", d.id)))
        .cloned()
        .collect();
    let (records, chunks) = pack(&Corpus::new(new));
    let body = records.split_once('\n').map_or("", |(_, b)| b);
    let mut merged = index;
    if !merged.ends_with('\n') && !body.is_empty() {
        merged.push('\n');
    }
    merged.push_str(body);
    let literal = serde_json::to_string(&merged)
        .map_err(|e| e.to_string())?
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    let texts: String = chunks
        .iter()
        .map(|c| format!("<script>{}</script>\n", chunk_script(c)))
        .collect();
    let close = page.rfind("</body>").ok_or("the page has no </body>")?;
    if close < end {
        return Err("the page's index is not inside its body's scripts".into());
    }
    Ok(format!(
        "{}{literal}{}{texts}{}",
        &page[..at],
        &page[end..close],
        &page[close..]
    ))
}

/// The page's index: where its string literal starts and ends, and its value.
fn corpus_literal(page: &str) -> Result<(usize, usize, String), String> {
    let at = page
        .find(CORPUS)
        .ok_or("the page carries no Duibiao index")?
        + CORPUS.len();
    let mut de = serde_json::Deserializer::from_str(&page[at..]).into_iter::<String>();
    match de.next() {
        Some(Ok(s)) => Ok((at, at + de.byte_offset(), s)),
        _ => Err("the page's index is not a string".into()),
    }
}

/// Inside `duibiao.html`: the page's source as it was loaded. An inline script right after
/// `#app` kept the pre-rendered markup and `<html lang>` (`__duibiaoStatic`); what the app and
/// this module added at run time carries `data-rt` and is dropped. `None` when this page is not
/// the single file.
pub fn current_single_file() -> Option<String> {
    use wasm_bindgen::JsCast;
    let saved: js_sys::Array = js_sys::Reflect::get(&js_sys::global(), &"__duibiaoStatic".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let (lang, title, markup) = (
        saved.get(0).as_string()?,
        saved.get(1).as_string()?,
        saved.get(2).as_string()?,
    );
    let doc = web_sys::window()?.document()?;
    let html: web_sys::Element = doc
        .document_element()?
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into()
        .ok()?;
    let runtime = html.query_selector_all("[data-rt]").ok()?;
    for i in 0..runtime.length() {
        if let Some(n) = runtime
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            n.remove();
        }
    }
    html.set_attribute("lang", &lang).ok()?;
    let _ = html.remove_attribute("data-theme");
    if let Some(t) = html.query_selector("title").ok()? {
        t.set_text_content(Some(&title));
    }
    let app = html.query_selector("#app").ok()??;
    app.set_inner_html(&markup);
    let _ = app.remove_attribute("aria-busy");
    Some(format!("<!doctype html>\n{}", html.outer_html()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(index: &str) -> String {
        format!(
            "<!doctype html><html><body><div id=\"app\"></div><script>// app\n{CORPUS}{};\n(function(){{}})();</script>\n<script>__duibiaoText(\"000\",\"built in\");</script>\n</body></html>",
            serde_json::to_string(index).unwrap()
        )
    }

    fn doc(id: &str, text: &str) -> Document {
        let mut d = report::parse::parse_document(id, "宁波市科技局2024年工作要点.txt", text);
        d.id = id.to_string();
        d
    }

    fn index_of(page: &str) -> String {
        corpus_literal(page).expect("a Duibiao page").2
    }

    #[test]
    fn added_reports_are_built_into_the_page_with_their_texts() {
        let builtin = pack(&Corpus::new(vec![doc(
            "000",
            "衢州市科技局2021年新增高新技术企业100家。",
        )]))
        .0;
        let p = page(&builtin);
        let added = doc("local-abc", "2024年全市新增国家高新技术企业<500>家。");
        let out = with_reports(&p, std::slice::from_ref(&added)).expect("a Duibiao page");
        let index = index_of(&out);
        assert!(
            index.starts_with(&builtin),
            "the built-in records stay first"
        );
        let got = report::pack::unpack(&index).expect("the merged index decodes");
        assert_eq!(got.corpus.documents.len(), 2);
        assert_eq!(got.corpus.documents[1].id, "local-abc");
        assert_eq!(got.corpus.documents[1].region.name, "宁波市");
        // Built in: its text is an ordinary chunk script, not browser storage.
        assert!(!report::pack::is_local(&got.chunks[1]));
        let script = out
            .find("__duibiaoText(\"local-abc\"")
            .expect("its text is inline");
        assert!(
            script > out.find("__duibiaoText(\"000\"").unwrap(),
            "after the app and built-in texts"
        );
        assert!(script < out.rfind("</body>").unwrap());
        // Inline-safe: the `<` of the text never closes a script.
        assert!(!out[script..].contains("<500>"));
        assert_eq!(
            out.matches("</script>").count(),
            p.matches("</script>").count() + 1
        );
        // Adding it again to the result changes nothing: it is there already.
        let again = with_reports(&out, &[added]).unwrap();
        assert_eq!(index_of(&again), index);
    }

    #[test]
    fn a_page_that_is_not_duibiao_is_refused() {
        assert!(with_reports("<html><body></body></html>", &[]).is_err());
        assert!(with_reports(&format!("<html>{CORPUS}42;</html>"), &[]).is_err());
    }
}
