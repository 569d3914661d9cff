//! 添加报告 / Add report: the module a person loads only when they bring a report of their own
//! (bin `parser`, feature `add`; never in the start-up wasm). It reads files, pastes and drops,
//! parses them on the device with the build's parser, shows what was understood for checking and
//! correcting, keeps the reports in browser storage ([`store`]) and writes a single file with
//! them built in ([`single`]).
//!
//! The app's corpus is fixed once it has started (every view indexes it), so a change of the
//! stored reports reloads the page, which then starts with them exactly as a fresh visit does.

pub mod check;
pub mod read;
pub mod single;
pub mod store;

use std::cell::RefCell;
use std::rc::Rc;

use report::parse::{parse_decoded, Overrides, Parsed};
use report::Document;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::Lang;
use check::{Candidate, Check};
use read::Input;
use store::{StoreError, Stored};

/// The dialog's styles, injected when it opens (the start-up CSS does not carry them).
const CSS: &str = include_str!("../../styles/add.css");

thread_local! {
    static MOUNTED: RefCell<Option<(yew::AppHandle<AddDialog>, web_sys::Element)>> = const { RefCell::new(None) };
    /// Files dropped on the page while the dialog is open.
    static INBOX: RefCell<Option<Callback<Vec<web_sys::File>>>> = const { RefCell::new(None) };
}

/// Opens the dialog (or brings `files` to the open one). `files` is a `FileList` or null.
pub fn open(files: JsValue) {
    let files = files
        .dyn_into::<web_sys::FileList>()
        .ok()
        .map(|f| read::list(&f));
    if MOUNTED.with(|m| m.borrow().is_some()) {
        if let Some(f) = files {
            INBOX.with(|i| i.borrow().as_ref().map(|cb| cb.emit(f)));
        }
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("duibiao-add-css").is_none() {
        if let Ok(style) = doc.create_element("style") {
            style.set_id("duibiao-add-css");
            let _ = style.set_attribute("data-rt", "");
            style.set_text_content(Some(CSS));
            if let Some(head) = doc.head() {
                let _ = head.append_child(&style);
            }
        }
    }
    // Beside the app, never inside it: two Yew apps in one subtree would hand each other's
    // events to the wrong listeners. It copies the app root's classes and accent instead, so the
    // dialog follows its theme, 适老化 and accent (`display: contents` in add.css).
    let (Some(body), Ok(root)) = (doc.body(), doc.create_element("div")) else {
        return;
    };
    let app = doc.query_selector("#app > .app").ok().flatten();
    let class = app.as_ref().map(|a| a.class_name()).unwrap_or_default();
    root.set_class_name(&format!("{class} add-host"));
    if let Some(style) = app.as_ref().and_then(|a| a.get_attribute("style")) {
        let _ = root.set_attribute("style", &style);
    }
    let _ = root.set_attribute("data-rt", "");
    let _ = body.append_child(&root);
    let lang = match doc.document_element().map(|e| e.get_attribute("lang")) {
        Some(Some(l)) if l.starts_with("en") => Lang::En,
        _ => Lang::Zh,
    };
    let _ = root.set_attribute("lang", lang.html());
    let handle =
        yew::Renderer::<AddDialog>::with_root_and_props(root.clone(), Props { lang, files })
            .render();
    MOUNTED.with(|m| *m.borrow_mut() = Some((handle, root)));
    warm_up();
}

/// The first parse of a page builds the gazetteer and word tables and gets the engine to compile
/// the parser's code: on a slow phone that doubles the wait for the first report. Done once while
/// the person is still choosing a file; marked `duibiao:warm` for the benchmark.
fn warm_up() {
    thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    gloo::timers::callback::Timeout::new(50, || {
        let text = "宁波市科技局2024年工作要点\n一、主要目标\n全年新增国家高新技术企业100家,研发投入增长10%。\n二、2023年工作总结\n全市技术交易额达到900亿元,居全省第2位。";
        pack_text("宁波市科技局2024年工作要点.txt", text);
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark("duibiao:warm");
        }
    })
    .forget();
}

/// Closes the dialog; reloads the page when the stored reports changed.
fn close(changed: bool) {
    if changed {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
        return;
    }
    INBOX.with(|i| i.borrow_mut().take());
    if let Some((handle, root)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
        root.remove();
    }
    // Back to where the person was: the button that opened the dialog.
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".add-report").ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(b) = button {
        let _ = b.focus();
    }
}

/// Parses a text as the page does when adding it, and returns its one-report index (the bench
/// and tests call this through the module's `parse` export).
pub fn pack_text(name: &str, text: &str) -> String {
    report::pack::pack_local(&read_report(name, text, None, &Overrides::default()).doc)
}

/// Parses a decoded text as the page adds it: its id comes from the text, so the same report
/// added twice is recognised.
fn read_report(name: &str, text: &str, encoding: Option<&str>, ov: &Overrides) -> Parsed {
    parse_decoded(&report::pack::local_id(text), name, text, encoding, ov)
}

/// Ids of the reports this page already has: built in, and stored now.
fn known_ids(stored: &[Stored]) -> Vec<String> {
    let docs = &crate::data().documents;
    (0..docs.len())
        .filter(|&i| !crate::local::is_local(i))
        .map(|i| docs[i].id.clone())
        .chain(stored.iter().map(|s| s.id.clone()))
        .collect()
}

#[derive(Debug, Clone, PartialEq, Default)]
struct State {
    cands: Vec<Candidate>,
    /// Inputs that could not be read: name and message.
    errors: Vec<(String, String)>,
    next: u32,
    stored: Vec<Stored>,
    storage: Option<StoreError>,
    /// Stored reports were removed: the page reloads on closing.
    changed: bool,
    /// A message about the last action (false: a problem).
    notice: Option<(bool, String)>,
    busy: bool,
    confirm_all: bool,
}

enum Act {
    Inputs(Vec<Input>, Lang),
    Correct(u32, Overrides),
    Drop(u32),
    Refresh,
    Removed,
    Notice(bool, String),
    Busy(bool),
    ConfirmAll(bool),
}

impl Reducible for State {
    type Action = Act;

    fn reduce(self: Rc<Self>, act: Act) -> Rc<Self> {
        let mut s = (*self).clone();
        // Only these change what is stored or which candidates there are; the rest (a busy flag,
        // a message, a re-read with corrections: the id comes from the text) leave both alone.
        let look = matches!(
            act,
            Act::Inputs(..) | Act::Drop(_) | Act::Refresh | Act::Removed
        );
        match act {
            Act::Inputs(inputs, lang) => {
                s.busy = false;
                s.notice = None;
                for i in inputs {
                    match i.text {
                        Ok((text, encoding)) => {
                            let ov = Overrides::default();
                            let parsed = Rc::new(read_report(&i.name, &text, encoding, &ov));
                            let text = Rc::new(text);
                            s.cands.push(Candidate {
                                key: s.next,
                                name: i.name,
                                text,
                                encoding,
                                ov,
                                parsed,
                                duplicate: false,
                            });
                            s.next += 1;
                        }
                        Err(p) => s.errors.push((i.name, p.message(lang))),
                    }
                }
            }
            Act::Correct(key, ov) => {
                if let Some(c) = s.cands.iter_mut().find(|c| c.key == key) {
                    c.parsed = Rc::new(read_report(&c.name, &c.text, c.encoding, &ov));
                    c.ov = ov;
                }
            }
            Act::Drop(key) => s.cands.retain(|c| c.key != key),
            Act::Refresh => {}
            Act::Removed => {
                s.changed = true;
                s.confirm_all = false;
            }
            Act::Notice(ok, m) => s.notice = Some((ok, m)),
            Act::Busy(b) => s.busy = b,
            Act::ConfirmAll(b) => s.confirm_all = b,
        }
        if !look {
            return Rc::new(s);
        }
        // Storage (every stored report decoded) and duplicates, looked at afresh.
        match store::list() {
            Ok(list) => {
                s.stored = list;
                s.storage = None;
            }
            Err(e) => {
                s.stored.clear();
                s.storage = Some(e);
            }
        }
        let mut seen = known_ids(&s.stored);
        for c in &mut s.cands {
            c.duplicate = seen.contains(&c.parsed.doc.id);
            seen.push(c.parsed.doc.id.clone());
        }
        Rc::new(s)
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub files: Option<Vec<web_sys::File>>,
}

fn read_files(list: Vec<web_sys::File>, st: UseReducerDispatcher<State>, lang: Lang) {
    if list.is_empty() {
        return;
    }
    st.dispatch(Act::Busy(true));
    wasm_bindgen_futures::spawn_local(async move {
        let inputs = read::files(list).await;
        st.dispatch(Act::Inputs(inputs, lang));
    });
}

fn storage_message(e: &StoreError, lang: Lang) -> &'static str {
    match e {
        StoreError::Full => lang.pick(
            "本机存储空间已满，未能保存。请先删除一些已添加的报告。已保存的报告都还在。",
            "This device's storage for the page is full; nothing more was saved. Remove some added reports first. Those already saved are kept.",
        ),
        StoreError::Unavailable => lang.pick(
            "此页面不能使用浏览器存储（可能被所在网页或浏览器设置禁止），添加的报告无法保留。",
            "This page cannot use browser storage (the host page or the browser settings forbid it), so added reports cannot be kept.",
        ),
    }
}

/// After adding: the page reloads showing the new reports' place-years beside what was selected.
fn show(added: &[Document]) {
    let mut all = crate::data().documents.clone();
    for d in added {
        if all.iter().all(|x| x.id != d.id) {
            all.push(d.clone());
        }
    }
    let avail = report::compare::available(&all);
    let ids: Vec<String> = all.iter().map(|d| d.id.clone()).collect();
    let mut s = crate::url::parse(&crate::hooks::location_search(), &avail, &ids);
    s.selection.extend(report::compare::available(added));
    s.selection = crate::url::keep_order(&avail, |p| s.selection.contains(p));
    let q = crate::url::to_query(&s, &avail);
    if let Some(w) = web_sys::window() {
        let loc = w.location();
        if loc.search().unwrap_or_default() == q {
            let _ = loc.reload();
        } else {
            let _ = loc.set_search(&q);
        }
    }
}

async fn page_source() -> Result<String, String> {
    if let Some(s) = single::current_single_file() {
        return Ok(s);
    }
    let global = js_sys::global();
    let files = js_sys::Reflect::get(&global, &"__duibiaoFiles".into()).map_err(|_| "no page")?;
    let file = js_sys::Reflect::get(&files, &"page".into())
        .ok()
        .and_then(|v| v.as_string())
        .ok_or("this build has no single-file page")?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = js_sys::Reflect::set(&global, &"__duibiaoPage".into(), &resolve);
        let doc = web_sys::window().and_then(|w| w.document());
        let script = doc.as_ref().and_then(|d| d.create_element("script").ok());
        match (script, doc.and_then(|d| d.head())) {
            (Some(s), Some(head)) => {
                let _ = s.set_attribute("src", &file);
                let _ = s.set_attribute("data-rt", "");
                let _ = js_sys::Reflect::set(&s, &"onerror".into(), &reject);
                let _ = head.append_child(&s);
            }
            _ => {
                let _ = reject.call0(&JsValue::NULL);
            }
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("{file} could not be loaded"))
}

/// Writes `duibiao.html` with every readable stored report built in.
fn download_single(st: UseReducerDispatcher<State>, lang: Lang) {
    wasm_bindgen_futures::spawn_local(async move {
        let docs: Vec<Document> = store::list()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|s| {
                let mut d = s.doc?;
                report::pack::fill_text(&mut d, store::text(&s.id)?);
                Some(d)
            })
            .collect();
        let result = match page_source().await {
            Ok(page) => single::with_reports(&page, &docs),
            Err(e) => Err(e),
        };
        match result {
            Ok(html) => {
                crate::hooks::download("duibiao.html", "text/html;charset=utf-8", &html);
                st.dispatch(Act::Notice(
                    true,
                    match lang {
                        Lang::Zh => {
                            format!("已生成 duibiao.html，内含 {} 份本机报告。", docs.len())
                        }
                        Lang::En => format!(
                            "duibiao.html written with {} reports from this device.",
                            docs.len()
                        ),
                    },
                ));
            }
            Err(e) => st.dispatch(Act::Notice(
                false,
                format!(
                    "{}{e}",
                    lang.pick("未能生成单文件：", "Could not write the single file: ")
                ),
            )),
        }
    });
}

#[component]
pub fn AddDialog(p: &Props) -> Html {
    let lang = p.lang;
    let st = use_reducer(State::default);
    let dialog = use_node_ref();
    let file_input = use_node_ref();
    let paste = use_node_ref();
    let paste_name = use_node_ref();
    {
        let (dialog, st, files) = (dialog.clone(), st.dispatcher(), p.files.clone());
        use_effect_with((), move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = d.show_modal();
            }
            st.dispatch(Act::Refresh);
            if let Some(f) = files {
                read_files(f, st.clone(), lang);
            }
            let inbox = Callback::from(move |f| read_files(f, st.clone(), lang));
            INBOX.with(|i| *i.borrow_mut() = Some(inbox));
        });
    }
    // New cards come below the inputs, off a phone's screen: take the reader to the first one.
    {
        let first_new = use_mut_ref(|| 0u32);
        let next = st.next;
        let cands: Vec<u32> = st.cands.iter().map(|c| c.key).collect();
        use_effect_with(next, move |_| {
            let seen = std::mem::replace(&mut *first_new.borrow_mut(), next);
            if let Some(key) = cands.into_iter().find(|&k| k >= seen) {
                let heading = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("chk-{key}-h")))
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(h) = heading {
                    let _ = h.focus();
                }
            }
        });
    }
    let changed = st.changed;
    let on_close = Callback::from(move |_: Event| close(changed));
    let on_cancel = Callback::from(move |e: Event| {
        e.prevent_default();
        close(changed);
    });
    let on_files = {
        let st = st.dispatcher();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Some(list) = input.files() {
                    read_files(read::list(&list), st.clone(), lang);
                }
                // The same file can be chosen again after a correction elsewhere.
                input.set_value("");
            }
        })
    };
    let on_paste = {
        let (st, paste, paste_name) = (st.dispatcher(), paste.clone(), paste_name.clone());
        Callback::from(move |_| {
            let Some(area) = paste.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let name = paste_name
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value().trim().to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| lang.pick("粘贴的文本", "Pasted text").to_string());
            st.dispatch(Act::Inputs(vec![read::pasted(&name, &area.value())], lang));
            area.set_value("");
        })
    };
    let on_correct = {
        let st = st.dispatcher();
        Callback::from(move |(k, ov)| st.dispatch(Act::Correct(k, ov)))
    };
    let on_drop = {
        let st = st.dispatcher();
        Callback::from(move |k| st.dispatch(Act::Drop(k)))
    };
    let addable: Vec<&Candidate> = st.cands.iter().filter(|c| c.addable()).collect();
    let on_add = {
        let docs: Vec<Document> = addable.iter().map(|c| c.parsed.doc.clone()).collect();
        let st = st.dispatcher();
        Callback::from(move |_| {
            let mut saved = Vec::new();
            for d in &docs {
                match store::save(d) {
                    Ok(()) => saved.push(d.clone()),
                    Err(e) => {
                        st.dispatch(Act::Notice(false, storage_message(&e, lang).to_string()));
                        if !saved.is_empty() {
                            st.dispatch(Act::Removed);
                        }
                        return;
                    }
                }
            }
            show(&saved);
        })
    };
    let remove = |id: String| {
        let st = st.dispatcher();
        Callback::from(move |_| {
            let _ = store::remove(&id);
            st.dispatch(Act::Removed);
        })
    };
    let (ask_all, cancel_all) = confirm_steps(&st.dispatcher());
    let all_ids: Vec<String> = st.stored.iter().map(|s| s.id.clone()).collect();
    let do_remove_all = {
        let st = st.dispatcher();
        Callback::from(move |_| {
            for id in &all_ids {
                let _ = store::remove(id);
            }
            st.dispatch(Act::Removed);
        })
    };
    let on_single = {
        let st = st.dispatcher();
        Callback::from(move |_| download_single(st.clone(), lang))
    };
    let close_btn = Callback::from(move |_| close(changed));
    let n_add = addable.len();
    html! {
        <dialog class="add-dialog" ref={dialog} aria-labelledby="add-h" onclose={on_close} oncancel={on_cancel}>
            <div class="add-head">
                <h2 id="add-h">{ lang.pick("添加报告", "Add a report") }</h2>
                <button type="button" class="btn" onclick={close_btn.clone()}>{ lang.pick("关闭", "Close") }</button>
            </div>
            <p class="hint">{ lang.pick(
                "报告在本机读取和保存，不会发送到任何地方。添加后它与内置报告一样出现在选择器中，标为“本机”。",
                "Reports are read and kept on this device and never sent anywhere. Once added they appear in the picker like the built-in ones, marked “on this device”.") }</p>
            if let Some(e) = &st.storage {
                <p class="add-msg bad" role="alert">{ storage_message(e, lang) }</p>
            }
            <div class="add-inputs">
                <div class="add-files">
                    <label for="add-file">{ lang.pick("选择 .txt 文件（可多选）", "Choose .txt files (several at once)") }</label>
                    <input id="add-file" type="file" multiple=true accept=".txt,text/plain" ref={file_input} onchange={on_files} />
                    <p class="hint">{ lang.pick("也可以把文件拖放到页面上。UTF-8 或 GB18030/GBK 编码均可；文件名若含地名和年份（如“宁波市科技局2025年工作要点.txt”），正文未写明时据此判断。",
                        "You can also drop files on the page. UTF-8 or GB18030/GBK; a file name with the place and year (宁波市科技局2025年工作要点.txt) counts when the text does not say.") }</p>
                </div>
                <div class="add-paste">
                    <label for="add-text">{ lang.pick("或粘贴报告全文", "Or paste a report's text") }</label>
                    <textarea id="add-text" rows="5" ref={paste} />
                    <label for="add-name">{ lang.pick("标题或文件名（可选）", "Title or file name (optional)") }</label>
                    <input id="add-name" type="text" ref={paste_name} autocomplete="off" />
                    <button type="button" class="btn" onclick={on_paste}>{ lang.pick("读取粘贴的文本", "Read the pasted text") }</button>
                </div>
            </div>
            if st.busy {
                <p class="add-msg" role="status">{ lang.pick("正在读取…", "Reading…") }</p>
            }
            if !st.errors.is_empty() {
                <ul class="add-errors" role="alert">
                    { for st.errors.iter().map(|(n, m)| html! { <li><strong>{ n }</strong>{ lang.pick("：", ": ") }{ m }</li> }) }
                </ul>
            }
            { for st.cands.iter().map(|c| html! {
                <Check key={c.key} c={c.clone()} {lang} on_correct={on_correct.clone()} on_drop={on_drop.clone()} />
            }) }
            if let Some((ok, m)) = &st.notice {
                <p class={classes!("add-msg", (!ok).then_some("bad"))} role={if *ok { "status" } else { "alert" }}>{ m }</p>
            }
            if !st.cands.is_empty() {
                <div class="row add-go">
                    <button type="button" class="btn primary" onclick={on_add} disabled={n_add == 0 || st.storage.is_some()}>
                        { match lang { Lang::Zh => format!("添加 {n_add} 份报告并显示"), Lang::En => format!("Add {n_add} report{} and show", if n_add == 1 { "" } else { "s" }) } }
                    </button>
                </div>
            }
            <section class="add-stored" aria-labelledby="add-stored-h">
                <h3 id="add-stored-h">{ match lang { Lang::Zh => format!("本机已添加的报告（{}）", st.stored.len()), Lang::En => format!("Reports added on this device ({})", st.stored.len()) } }</h3>
                if st.changed {
                    <p class="hint" role="status">{ lang.pick("关闭此窗口后页面将重新载入。", "The page reloads when this window closes.") }</p>
                }
                <ul>
                    { for st.stored.iter().map(|s| {
                        let label = match &s.doc {
                            // The name it was added under is what the person knows it by.
                            Some(d) => format!("{} · {} · {}", d.region.name, report::compare::report_years(d), if d.file.is_empty() { &d.title } else { &d.file }),
                            None => format!("{} · {}", s.id, lang.pick("已损坏，无法读取", "damaged, cannot be read")),
                        };
                        html! {
                            <li>
                                <span>{ label.clone() }</span>
                                <button type="button" class="btn" onclick={remove(s.id.clone())}
                                    aria-label={format!("{}{label}", lang.pick("删除 ", "Remove "))}>{ lang.pick("删除", "Remove") }</button>
                            </li>
                        }
                    }) }
                </ul>
                if !st.stored.is_empty() {
                    <div class="row">
                        if st.confirm_all {
                            <button type="button" class="btn danger" onclick={do_remove_all}>{ lang.pick("确定全部删除", "Yes, remove them all") }</button>
                            <button type="button" class="btn" onclick={cancel_all}>{ lang.pick("取消", "Cancel") }</button>
                        } else {
                            <button type="button" class="btn" onclick={ask_all}>{ lang.pick("全部删除", "Remove all") }</button>
                        }
                        <button type="button" class="btn" onclick={on_single}>{ lang.pick("下载含我的报告的单文件", "Download a single file with my reports") }</button>
                    </div>
                }
            </section>
        </dialog>
    }
}

/// The two steps of 全部删除: ask, and take it back.
fn confirm_steps(st: &UseReducerDispatcher<State>) -> (Callback<MouseEvent>, Callback<MouseEvent>) {
    let (a, b) = (st.clone(), st.clone());
    (
        Callback::from(move |_| a.dispatch(Act::ConfirmAll(true))),
        Callback::from(move |_| b.dispatch(Act::ConfirmAll(false))),
    )
}
