//! Shared helpers for the integration tests: paths to the seeds and fixtures, loading.
#![allow(dead_code)]

use report::parse::load_file;
use report::{Claim, Document, Measure};
use std::path::PathBuf;

/// The workspace root (two levels above this crate).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Loads a file given relative to the workspace root, and records that relative path as
/// `Document::file` so output does not depend on where the checkout lives.
pub fn load(rel: &str) -> Document {
    let mut d = load_file(&root().join(rel)).unwrap_or_else(|e| panic!("{e}"));
    d.file = rel.to_string();
    d
}

/// Seed ids, in file-name order.
pub fn seed_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    ids.sort();
    ids
}

/// The claim whose number text is exactly `num` inside a text containing `snippet`.
pub fn claim<'a>(d: &'a Document, snippet: &str, num: &str) -> &'a Claim {
    let chars: Vec<char> = d.text.chars().collect();
    d.claims
        .iter()
        .find(|c| {
            c.text.contains(snippet)
                && chars[c.number_start..c.number_end]
                    .iter()
                    .collect::<String>()
                    == num
        })
        .unwrap_or_else(|| panic!("no claim {num} in “{snippet}” in {}", d.file))
}

pub fn has_measure(d: &Document, m: Measure) -> bool {
    d.claims.iter().any(|c| c.measure == m)
}
