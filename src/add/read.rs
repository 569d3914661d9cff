//! Turning what a person brings (files, pasted text) into decoded report text, with the same
//! checks as the build (`report::parse::decode_with`): empty, binary, undecodable.
//! GB18030/GBK is decoded by the browser, so the module carries no encoding tables.

use report::parse::{decode_with, ReadError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Lang;

/// Larger files are refused before they are read: reports are rarely over 1 MB of text, and a
/// 20 MB file is a mistake (a PDF, an archive) that would freeze a phone.
pub const MAX_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// A text ready to parse, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub name: String,
    pub text: Result<(String, Option<&'static str>), Problem>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Read(ReadError),
    TooBig(f64),
    /// The browser could not read the file (removed, no permission).
    Unreadable,
}

impl Problem {
    /// The message shown for a file that cannot be added.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Read(ReadError::Empty), Lang::Zh) => "文件是空的，没有文字。".into(),
            (Problem::Read(ReadError::Empty), Lang::En) => "The file is empty.".into(),
            (Problem::Read(ReadError::Binary), Lang::Zh) => {
                "这不是文本文件（可能是 PDF、Word 或图片）。请先另存为 .txt 纯文本。".into()
            }
            (Problem::Read(ReadError::Binary), Lang::En) => {
                "This is not a text file (perhaps a PDF, Word file or image). Save it as plain .txt text first.".into()
            }
            (Problem::Read(ReadError::Undecodable), Lang::Zh) => {
                "无法识别文字编码：文件既不是 UTF-8 也不是 GB18030/GBK 文本。".into()
            }
            (Problem::Read(ReadError::Undecodable), Lang::En) => {
                "Unknown encoding: the file is neither UTF-8 nor GB18030/GBK text.".into()
            }
            (Problem::TooBig(mb), Lang::Zh) => {
                format!("文件太大（{mb:.1} MB）。一份报告的文本一般不到 1 MB，上限为 5 MB。")
            }
            (Problem::TooBig(mb), Lang::En) => format!(
                "The file is too large ({mb:.1} MB). A report's text is usually under 1 MB; the limit is 5 MB."
            ),
            (Problem::Unreadable, Lang::Zh) => "浏览器无法读取此文件。".into(),
            (Problem::Unreadable, Lang::En) => "The browser could not read this file.".into(),
        }
    }
}

/// Decodes bytes as a report file: UTF-8 (BOM or not), else GB18030 through the browser.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), Problem> {
    decode_with(bytes, gb18030).map_err(Problem::Read)
}

fn gb18030(bytes: &[u8]) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let dec = web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts).ok()?;
    let arr = js_sys::Uint8Array::from(bytes);
    dec.decode_with_buffer_source(&arr).ok()
}

/// Pasted text: the same checks as a file's (an empty paste is an empty file).
pub fn pasted(name: &str, text: &str) -> Input {
    Input {
        name: name.to_string(),
        text: decode(text.as_bytes()),
    }
}

/// The files of a chooser or a drop, taken out of the list at once (clearing the chooser, or the
/// drop event ending, empties the list).
pub fn list(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads the files of a file chooser or a drop.
pub async fn files(list: Vec<web_sys::File>) -> Vec<Input> {
    let mut out = Vec::new();
    for f in list {
        let name = f.name();
        let size = f.size();
        let text = if size > MAX_BYTES {
            Err(Problem::TooBig(size / 1024.0 / 1024.0))
        } else {
            match JsFuture::from(f.array_buffer()).await {
                Ok(buf) => match buf.dyn_into::<js_sys::ArrayBuffer>() {
                    Ok(buf) => decode(&js_sys::Uint8Array::new(&buf).to_vec()),
                    Err(_) => Err(Problem::Unreadable),
                },
                Err(_) => Err(Problem::Unreadable),
            }
        };
        out.push(Input { name, text });
    }
    out
}
