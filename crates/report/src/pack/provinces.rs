//! A country's index, split by province as well: the index names the provinces (with the places
//! each holds) and keeps only the first view's places; every other report's `D` and `G` lines go
//! to its province's manifest (`m:<province>` in `t/m-<province hash>-<content hash>.js`), loaded
//! when the picker opens the province or a link names one of its places. Start-up then grows with
//! the number of places a country has, not with its reports and years.

use std::collections::HashMap;

use super::groups::split;
use super::{fnv1a, Chunk, Rec, MAGIC};
use crate::compare::{place_groups, province_groups, PROVINCES_OVER};
use crate::model::*;

/// The id prefix of a province's manifest chunk (the text loader's id is `m:` and its name).
pub const MANIFEST: &str = "m:";

/// A province as a country's index names it (its `P` line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    /// Empty for the places whose province is not known (see [`province_groups`]).
    pub name: String,
    pub name_en: Option<String>,
    /// Its manifest's chunk file: empty when every report of the province is in the index.
    pub file: String,
    /// How many city groups it has, for the picker before the manifest is here.
    pub cities: usize,
    /// Its places (those kept in the index too): how a shared link's place finds its province, and
    /// the picker a place's.
    pub places: Vec<String>,
}

impl Province {
    /// The manifest's id for the text loader.
    pub fn id(&self) -> String {
        manifest_id(&self.name)
    }
}

/// The text loader's id of province `name`'s manifest.
pub fn manifest_id(name: &str) -> String {
    format!("{MANIFEST}{name}")
}

/// [`super::pack_groups`] with the reports of places not in `keep` in one manifest per province,
/// when the picker would list provinces (more than [`PROVINCES_OVER`] city groups in more than one
/// province); `None` otherwise.
pub fn pack_provinces(corpus: &Corpus, keep: &[String]) -> Option<(String, Vec<Chunk>)> {
    let docs = &corpus.documents;
    let groups = place_groups(docs);
    let provinces = province_groups(docs, &groups);
    if groups.len() <= PROVINCES_OVER || provinces.len() < 2 {
        return None;
    }
    let mut of: HashMap<&str, usize> = HashMap::new();
    for (pi, (_, gis)) in provinces.iter().enumerate() {
        for g in gis.iter().map(|&gi| &groups[gi]) {
            for e in std::iter::once(&g.top).chain(&g.children) {
                of.insert(&e.name, pi);
            }
        }
    }
    let route = |d: &Document| of.get(d.region.name.as_str()).map_or(0, |p| p + 1);
    let (outs, mut chunks) = split(corpus, keep, provinces.len() + 1, route);
    // A province's English name, from a report of it or of one of its cities.
    let english = |name: &str| {
        docs.iter().find_map(|d| match &d.region {
            r if r.name == name => r.name_en.clone(),
            r if r.parent.as_deref() == Some(name) => r.parent_en.clone(),
            _ => None,
        })
    };
    // Each province's places, in the order its reports come, in one pass over the reports.
    let mut places: Vec<Vec<&str>> = vec![Vec::new(); provinces.len() + 1];
    for d in docs {
        let list = &mut places[route(d)];
        if !list.contains(&d.region.name.as_str()) {
            list.push(&d.region.name);
        }
    }
    let mut index = format!("{MAGIC}\n");
    for (pi, (name, gis)) in provinces.iter().enumerate() {
        let body = &outs[pi + 1];
        let places = &places[pi + 1];
        let waiting = places.iter().any(|p| !keep.iter().any(|k| k == p));
        let file = if !waiting {
            String::new()
        } else {
            format!(
                "t/m-{:08x}-{:016x}.js",
                fnv1a(name.as_bytes()) >> 32,
                fnv1a(body.as_bytes())
            )
        };
        Rec::new(&mut index, "P")
            .s(name)
            .o(english(name).as_deref())
            .s(&file)
            .s(&gis.len().to_string())
            .s(&places.join(","))
            .end();
        if !file.is_empty() {
            chunks.push(Chunk {
                doc_id: manifest_id(name),
                file,
                text: body.clone(),
            });
        }
    }
    index.push_str(&outs[0][MAGIC.len() + 1..]);
    Some((index, chunks))
}
