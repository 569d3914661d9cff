//! A large corpus split by group of places, so the page's start-up does not grow with the corpus.
//!
//! The index keeps every document's `D` line (the picker and the columns need every place and
//! year; title, source file and date left empty), but the rest of most documents goes to one chunk
//! per group (a place with all its years), loaded like a report text when a view needs one of them. The places the
//! first view shows stay in the index, so the first render needs nothing else. A small corpus is
//! not split: one index costs less than a second request.

use std::collections::{BTreeSet, HashMap};

use super::{fnv1a, text_file, write_head, write_records, Chunk, Rec, MAGIC};
use crate::compare::doc_years;
use crate::model::*;

/// An index above this size (bytes) is split by group: about 200 reports. Below it, the whole
/// index decodes in a few milliseconds on a phone; above it, the 1,000 reports of a province
/// would cost the first view about a second.
pub const SPLIT_BYTES: usize = 512 * 1024;

/// The group a document's records travel in: its place, so that a column (a place-year) needs one
/// chunk, and adding a place to the view costs what that place has, not what its city has.
pub fn group_of(d: &Document) -> &str {
    &d.region.name
}

/// [`super::pack`], split by group ([`pack_groups`]) when the index would be larger than `over`
/// bytes ([`SPLIT_BYTES`] in the build), and by province too when the picker would list provinces
/// ([`super::pack_provinces`]).
pub fn pack_split(corpus: &Corpus, keep: &[String], over: usize) -> (String, Vec<Chunk>) {
    let whole = super::pack(corpus);
    if whole.0.len() <= over {
        return whole;
    }
    match super::provinces::pack_provinces(corpus, keep) {
        Some(split) => split,
        None => pack_groups(corpus, keep),
    }
}

/// The index with the records of every group that holds none of the places `keep` moved to a
/// chunk of its own (`g:<group>` in `t/g-<group hash>-<content hash>.js`); the documents' texts
/// are chunks as in [`super::pack`].
pub fn pack_groups(corpus: &Corpus, keep: &[String]) -> (String, Vec<Chunk>) {
    let (mut outs, chunks) = split(corpus, keep, 1, |_| 0);
    (outs.swap_remove(0), chunks)
}

/// [`pack_groups`] with the lines of each document not kept written to output `route(d)` of `n`
/// (output 0 is the index, which also gets every kept document whole). A place's documents must
/// share an output: its group's `F` line is written once, before the first of them.
pub(super) fn split(
    corpus: &Corpus,
    keep: &[String],
    n: usize,
    route: impl Fn(&Document) -> usize,
) -> (Vec<String>, Vec<Chunk>) {
    let mut stripped = corpus.clone();
    stripped.strip_derived_texts();
    let docs = &stripped.documents;
    let kept: BTreeSet<&str> = docs
        .iter()
        .filter(|d| keep.contains(&d.region.name))
        .map(group_of)
        .collect();
    // Each group's chunk, in the order groups first appear, and where each group is in that list
    // (looked up once per report: a country has thousands of groups).
    let mut groups: Vec<(&str, String)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for d in docs.iter().filter(|d| !kept.contains(group_of(d))) {
        let at = *index.entry(group_of(d)).or_insert_with(|| {
            groups.push((group_of(d), format!("{MAGIC}\n")));
            groups.len() - 1
        });
        let out = &mut groups[at].1;
        write_head(out, d, &text_file(d), true);
        write_records(out, d);
    }
    let files: Vec<String> = groups
        .iter()
        .map(|(g, text)| {
            format!(
                "t/g-{:08x}-{:016x}.js",
                fnv1a(g.as_bytes()) >> 32,
                fnv1a(text.as_bytes())
            )
        })
        .collect();
    let mut outs = vec![format!("{MAGIC}\n"); n];
    let mut chunks = Vec::new();
    let mut named = vec![false; groups.len()];
    for d in docs {
        let file = text_file(d);
        match index.get(group_of(d)).copied() {
            None => {
                write_head(&mut outs[0], d, &file, true);
                write_records(&mut outs[0], d);
            }
            Some(i) => {
                let out = &mut outs[route(d)];
                // The group's file once; its documents' G lines leave group and file empty when the
                // group is their place (a country's index is mostly these lines).
                let group = format!("g:{}", groups[i].0);
                if !std::mem::replace(&mut named[i], true) {
                    Rec::new(out, "F").s(&group).s(&files[i]).end();
                }
                // What only a view of its claims shows (title, source file, date) waits with them.
                write_head(out, d, &file, false);
                let years: Vec<String> = doc_years(d).iter().map(i32::to_string).collect();
                let own = group == format!("g:{}", d.region.name);
                Rec::new(out, "G")
                    .s(if own { "" } else { &group })
                    .s("")
                    .s(&years.join(","))
                    .end();
            }
        }
        chunks.push(Chunk {
            doc_id: d.id.clone(),
            file,
            text: d.text.clone(),
        });
    }
    for ((g, text), file) in groups.iter().zip(files) {
        chunks.push(Chunk {
            doc_id: format!("g:{g}"),
            file,
            text: text.clone(),
        });
    }
    (outs, chunks)
}

/// Puts the records of group chunk `group` (its `text`, an index of the group's documents) into
/// the documents of `corpus` still waiting for them. Returns how many it filled.
pub fn merge_group(corpus: &mut Corpus, group: &str, text: &str) -> Result<usize, String> {
    let got = super::unpack(text)?;
    let mut filled = 0;
    for g in got.corpus.documents {
        let waiting = corpus
            .documents
            .iter_mut()
            .find(|d| d.id == g.id && d.pending.as_ref().is_some_and(|p| p.group == group));
        if let Some(d) = waiting {
            d.file = g.file;
            d.title = g.title;
            d.published = g.published;
            d.warnings = g.warnings;
            d.items = g.items;
            d.claims = g.claims;
            d.pending = None;
            // The text may have come first.
            if !d.text.is_empty() {
                d.restore_derived_texts();
            }
            filled += 1;
        }
    }
    Ok(filled)
}
