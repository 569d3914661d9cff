//! The work-report parser: raw bytes in, a [`Document`] plus warnings out. Never panics.

use crate::model::*;

/// Why a file cannot be read as a report at all (the build names the file and fails).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    Binary,
    Undecodable,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Empty => write!(f, "the file is empty"),
            ReadError::Binary => write!(f, "the file is binary, not text"),
            ReadError::Undecodable => write!(f, "the file is neither UTF-8 nor GB18030 text"),
        }
    }
}

/// Decodes a report file (UTF-8 with or without BOM, or GB18030/GBK).
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(_) => {
            let (s, _, had_errors) = encoding_rs::GB18030.decode(bytes);
            if had_errors {
                Err(ReadError::Undecodable)
            } else {
                Ok((s.into_owned(), Some("GB18030")))
            }
        }
    }
}

/// Parses one decoded report. `id` is the file stem, `file` the path as given.
pub fn parse_document(id: &str, file: &str, raw: &str) -> Document {
    Document {
        id: id.to_string(),
        file: file.to_string(),
        title: raw
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string(),
        region: Region {
            name: "未知".into(),
            level: Level::Unknown,
            parent: None,
            inferred: false,
            evidence: None,
        },
        published: None,
        summary_year: None,
        plan_year: None,
        warnings: vec![],
        items: vec![],
        claims: vec![],
        text: raw.to_string(),
    }
}

/// A file that could not be loaded, with its path.
#[derive(Debug)]
pub struct LoadError {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Reads one report file (path as given) into a document.
pub fn load_file(path: &std::path::Path) -> Result<Document, LoadError> {
    let shown = path.to_string_lossy().into_owned();
    let err = |reason: String| LoadError {
        path: shown.clone(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let (text, _encoding) = decode(&bytes).map_err(|e| err(e.to_string()))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(parse_document(&id, &shown, &text))
}

/// Reads every `*.txt` report in a folder, in file-name order.
pub fn load_dir(dir: &std::path::Path) -> Result<Corpus, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError {
        path: dir.to_string_lossy().into_owned(),
        reason: e.to_string(),
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs = paths
        .iter()
        .map(|p| load_file(p))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Corpus::new(docs))
}
