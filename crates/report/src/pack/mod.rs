//! The app's compact corpus format: a line-based index of every document's metadata, claims and
//! items, with the document texts apart so the page can load them one report at a time.
//!
//! Why not JSON: the app decodes the index in wasm, and serde's JSON machinery was an eighth of the
//! wasm. This format needs a few hundred bytes of decoder, is smaller than JSON (no field names)
//! and gzips well. The DOMAIN.md §6 JSON stays the export format ([`export_json`]).
//!
//! One record per line, fields separated by tabs; `\\`, `\t`, `\n` and `\r` are escaped with a
//! backslash, an absent optional is an empty field and a present empty string is `\e`.
//! ```text
//! duibiao-pack 2
//! D id file title region level parent inferred evidence published summary_year plan_year chunk region_en parent_en
//! W code message message_en
//! I kind Δyear topic heading text Δstart length
//! C kind Δyear indicator subject measure value value_max unit bound scope modality estimated redacted text Δstart length Δnumber number_length
//! G group file years
//! F group file
//! P province province_en manifest cities places
//! ```
//! Enums are one- or two-letter codes; an indicator of the vocabulary is its number in
//! [`INDICATORS`] (any other id is written out); a heading equal to the previous item's is `\s`;
//! a year is its difference from the previous item's (or claim's) year, empty when absent.
//! Offsets are stored as differences, which compress far better than absolute positions: an
//! item's start from the previous item's end, a claim's start from the previous claim's start, its
//! number's start from the claim's start (each may be negative), and lengths for the ends.
//! `W`, `I`, `C` and `G` lines belong to the `D` line before them. A `G` line stands for the
//! document's `W`, `I` and `C` lines when they are in a group's chunk instead (a large corpus,
//! [`pack_split`]): the group, its chunk file and the years the document speaks about; an empty
//! group is the document's place and an empty file the one the group's `F` line (written once,
//! before the group's first document) names. A `D` line's chunk `~hash` stands for the usual
//! `t/<id>-<hash>.js`. A `P` line names a province of a country's index and the manifest its
//! places' `D`, `F` and `G` lines wait in ([`pack_provinces`]); its places are comma-separated. A claim's
//! or item's `text` is empty when it is exactly its `start..end` slice of the document text
//! (refilled by [`Corpus::restore_derived_texts`] once the text is there).

use std::fmt::Write as _;

use crate::indicators::INDICATORS;
use crate::model::*;

mod groups;
mod json;
mod provinces;

pub use groups::{group_of, merge_group, pack_groups, pack_split, SPLIT_BYTES};
pub use json::export_json;
use json::Json;
pub use provinces::{manifest_id, pack_provinces, Province, MANIFEST};

const MAGIC: &str = "duibiao-pack 2";

/// Enum ↔ code (the §6 spellings, for the export) and ↔ a one-letter code (for the index),
/// without serde.
macro_rules! codes {
    ($ty:ident { $($v:ident = $s:literal / $c:literal),* $(,)? }) => {
        impl $ty {
            pub fn code(self) -> &'static str {
                match self { $($ty::$v => $s),* }
            }
            pub fn from_code(s: &str) -> Option<Self> {
                match s { $($s => Some($ty::$v),)* _ => None }
            }
            fn short(self) -> &'static str {
                match self { $($ty::$v => $c),* }
            }
            fn from_short(s: &str) -> Option<Self> {
                match s { $($c => Some($ty::$v),)* _ => None }
            }
        }
    };
}

codes!(Level {
    Province = "province" / "p", City = "city" / "c", County = "county" / "k",
    District = "district" / "d", Unknown = "unknown" / "u",
});
codes!(WarningCode {
    PlaceInferred = "place_inferred" / "pi", PlaceUnknown = "place_unknown" / "pu",
    YearConflict = "year_conflict" / "yc", YearUnknown = "year_unknown" / "yu", Redacted = "redacted" / "r",
    NoPlan = "no_plan" / "np", NoSummary = "no_summary" / "ns", Truncated = "truncated" / "t",
    Encoding = "encoding" / "e", Override = "override" / "o", FewClaims = "few_claims" / "f",
    Other = "other" / "x",
});
codes!(Kind { Achievement = "achievement" / "a", Goal = "goal" / "g" });
codes!(Measure { Level = "level" / "l", Growth = "growth" / "g", Share = "share" / "s", Rank = "rank" / "r" });
codes!(Bound {
    Exact = "exact" / "e", AtLeast = "at_least" / "l", MoreThan = "more_than" / "m", Nearly = "nearly" / "n",
    Approx = "approx" / "a", Range = "range" / "r",
});
codes!(Modality { Ensure = "ensure" / "e", Strive = "strive" / "s" });
codes!(Scope {
    National = "national" / "n", Province = "province" / "p", City = "city" / "c", County = "county" / "k",
    Region = "region" / "r",
});

impl Topic {
    pub fn from_code(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.id() == s)
    }
}

/// A document's text, to be loaded apart from the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub doc_id: String,
    /// Path relative to the page, e.g. `t/000_0f0a-1a2b3c4d5e6f7081.js`; it changes with the text.
    pub file: String,
    pub text: String,
}

/// A decoded index: the corpus with empty document texts, and each document's chunk file.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    pub corpus: Corpus,
    pub chunks: Vec<String>,
    /// A country's provinces, whose reports wait in manifests ([`pack_provinces`]); empty otherwise.
    pub provinces: Vec<Province>,
}

/// Splits a corpus into the index (texts left out) and one chunk per document.
pub fn pack(corpus: &Corpus) -> (String, Vec<Chunk>) {
    pack_with(corpus, text_file)
}

/// A report's text chunk file: named after the text, so a changed report is never read from a cache.
fn text_file(d: &Document) -> String {
    format!(
        "t/{}-{:016x}.js",
        file_safe(&d.id),
        fnv1a(d.text.as_bytes())
    )
}

/// Where a report added in the page keeps its text: `local:<id>` names the browser storage entry
/// instead of a chunk file (the page's loader reads it from there).
pub const LOCAL: &str = "local:";

/// The id of a report added in the page: from its text, so adding the same text twice is
/// recognised, and never equal to a build-time id (those are file stems).
pub fn local_id(text: &str) -> String {
    format!("local-{:012x}", fnv1a(text.as_bytes()) >> 16)
}

/// A one-report index for a report added in the page, its text kept in browser storage
/// ([`LOCAL`]). [`unpack`] reads it like any index; its `D` line onwards can be appended to
/// another index, since every document's offsets and years start afresh.
pub fn pack_local(doc: &Document) -> String {
    pack_with(&Corpus::new(vec![doc.clone()]), |d| {
        format!("{LOCAL}{}", d.id)
    })
    .0
}

/// Whether a chunk name is a report added on this device.
pub fn is_local(chunk: &str) -> bool {
    chunk.starts_with(LOCAL)
}

fn pack_with(corpus: &Corpus, chunk_file: impl Fn(&Document) -> String) -> (String, Vec<Chunk>) {
    let mut stripped = corpus.clone();
    stripped.strip_derived_texts();
    let mut out = format!("{MAGIC}\n");
    let mut chunks = Vec::new();
    for d in &stripped.documents {
        let file = chunk_file(d);
        write_head(&mut out, d, &file, true);
        write_records(&mut out, d);
        chunks.push(Chunk {
            doc_id: d.id.clone(),
            file,
            text: d.text.clone(),
        });
    }
    (out, chunks)
}

/// A document's `D` line; `file` is its text chunk.
/// Without `full`, the title, source file and date are left empty (a split index's waiting
/// documents: their group's chunk carries them).
fn write_head(out: &mut String, d: &Document, file: &str, full: bool) {
    let r = &d.region;
    let mut rec = Rec::new(out, "D");
    let (file_, title) = if full {
        (d.file.as_str(), d.title.as_str())
    } else {
        ("", "")
    };
    rec.s(&d.id).s(file_).s(title).s(&r.name).s(r.level.short());
    rec.o(r.parent.as_deref())
        .b(r.inferred)
        .o(r.evidence.as_deref())
        .o(d.published.as_deref().filter(|_| full));
    // The usual chunk name is the id and the text's hash: only the hash is written (`~hash`).
    let short = file
        .strip_prefix("t/")
        .and_then(|f| f.strip_prefix(file_safe(&d.id).as_str()))
        .and_then(|f| f.strip_prefix('-'))
        .and_then(|f| f.strip_suffix(".js"))
        .map(|hash| format!("~{hash}"));
    rec.i(d.summary_year)
        .i(d.plan_year)
        .s(short.as_deref().unwrap_or(file));
    rec.o(r.name_en.as_deref()).o(r.parent_en.as_deref()).end();
}

/// A document's `W`, `I` and `C` lines (with its derived texts stripped).
fn write_records(out: &mut String, d: &Document) {
    for w in &d.warnings {
        Rec::new(out, "W")
            .s(w.code.short())
            .s(&w.message)
            .s(&w.message_en)
            .end();
    }
    let (mut prev, mut year, mut heading) = (0, 0, None);
    for it in &d.items {
        let mut rec = Rec::new(out, "I");
        rec.s(it.kind.short()).y(&mut year, it.year);
        rec.0.push('\t');
        if let Some(t) = it.topic {
            let n = Topic::ALL.iter().position(|x| *x == t).unwrap_or(0);
            write!(rec.0, "{n}").ok();
        }
        if it.heading.is_some() && it.heading == heading {
            rec.0.push_str("\t\\s");
        } else {
            rec.o(it.heading.as_deref());
            heading = it.heading.clone();
        }
        rec.s(&it.text).d(prev, it.start).d(it.start, it.end).end();
        prev = it.end;
    }
    let (mut prev, mut year) = (0, 0);
    for c in &d.claims {
        let mut rec = Rec::new(out, "C");
        rec.s(c.kind.short()).y(&mut year, c.year);
        match c.indicator.as_deref() {
            None => rec.0.push('\t'),
            Some(id) => match INDICATORS.iter().position(|i| i.id == id) {
                Some(n) => {
                    write!(rec.0, "\t{n}").ok();
                }
                // Not in the vocabulary: written out, after a mark no number starts with.
                None => {
                    rec.s(&format!("={id}"));
                }
            },
        }
        rec.s(&c.subject);
        rec.s(c.measure.short())
            .fd(c.value, c.decimals)
            .fd(c.value_max, c.decimals)
            .s(&c.unit)
            .s(c.bound.short());
        rec.o(c.scope.map(Scope::short))
            .o(c.modality.map(Modality::short));
        rec.b(c.estimated)
            .b(c.redacted)
            .s(&c.text)
            .d(prev, c.start)
            .d(c.start, c.end);
        rec.d(c.start, c.number_start)
            .d(c.number_start, c.number_end)
            .end();
        prev = c.start;
    }
}

/// A chunk as the classic script the page loads: `__duibiaoText("id","text");`. Safe inline in a
/// `<script>` too (no `<`, no line separators in the literals).
pub fn chunk_script(c: &Chunk) -> String {
    let lit = |s: &str| {
        let mut j = Json(String::with_capacity(s.len() + 2));
        j.str(s);
        j.0.replace('<', "\\u003c")
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
    };
    format!("__duibiaoText({},{});\n", lit(&c.doc_id), lit(&c.text))
}

/// Writes each chunk's [`chunk_script`] to its `file` under `dir` (the pre-render and `report pack`).
pub fn write_chunks(dir: &std::path::Path, chunks: &[Chunk]) -> Result<(), String> {
    for c in chunks {
        let path = dir.join(&c.file);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&path, chunk_script(c)))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Decodes an index written by [`pack`]. Document texts are empty until loaded.
pub fn unpack(index: &str) -> Result<Index, String> {
    let mut lines = index.split('\n').enumerate();
    match lines.next() {
        Some((_, MAGIC)) => {}
        _ => return Err(format!("not a Duibiao index (expected \"{MAGIC}\")")),
    }
    let mut docs: Vec<Document> = Vec::new();
    let mut chunks = Vec::new();
    let mut provinces = Vec::new();
    // Each group's chunk file, from its `F` line.
    let mut group_files: std::collections::HashMap<String, String> = Default::default();
    // Offsets are differences from these (see the module docs).
    let (mut item_end, mut claim_start) = (0, 0);
    let (mut item_year, mut claim_year, mut heading) = (0, 0, None::<String>);
    for (n, line) in lines {
        if line.is_empty() {
            continue;
        }
        let err = |what: &str| format!("index line {}: {what}", n + 1);
        let mut f = Fields::new(line);
        let tag = f.raw().ok_or_else(|| err("empty"))?;
        if tag == "D" {
            let id = f.s().ok_or_else(|| err("document id"))?;
            let file = f.s().ok_or_else(|| err("file"))?;
            let title = f.s().ok_or_else(|| err("title"))?;
            let region = Region {
                name: f.s().ok_or_else(|| err("region"))?,
                level: f.e(Level::from_short).ok_or_else(|| err("level"))?,
                parent: f.o().ok_or_else(|| err("parent"))?,
                inferred: f.b().ok_or_else(|| err("inferred"))?,
                evidence: f.o().ok_or_else(|| err("evidence"))?,
                name_en: None,
                parent_en: None,
            };
            docs.push(Document {
                id,
                file,
                title,
                region,
                published: f.o().ok_or_else(|| err("published"))?,
                summary_year: f.i().ok_or_else(|| err("summary year"))?,
                plan_year: f.i().ok_or_else(|| err("plan year"))?,
                warnings: Vec::new(),
                items: Vec::new(),
                claims: Vec::new(),
                text: String::new(),
                pending: None,
            });
            let chunk = f.s().ok_or_else(|| err("chunk"))?;
            chunks.push(match (chunk.strip_prefix('~'), docs.last()) {
                (Some(hash), Some(d)) => format!("t/{}-{hash}.js", file_safe(&d.id)),
                _ => chunk,
            });
            if let Some(d) = docs.last_mut() {
                d.region.name_en = f.o().ok_or_else(|| err("English name"))?;
                d.region.parent_en = f.o().ok_or_else(|| err("English parent"))?;
            }
            (item_end, claim_start, item_year, claim_year) = (0, 0, 0, 0);
            heading = None;
            continue;
        }
        if tag == "P" {
            provinces.push(Province {
                name: f.s().ok_or_else(|| err("province"))?,
                name_en: f.o().ok_or_else(|| err("English province"))?,
                file: f.s().ok_or_else(|| err("manifest file"))?,
                cities: f
                    .raw()
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| err("cities"))?,
                places: f
                    .s()
                    .ok_or_else(|| err("places"))?
                    .split(',')
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect(),
            });
            if f.raw().is_some() {
                return Err(err("extra fields"));
            }
            continue;
        }
        if tag == "F" {
            let group = f.s().ok_or_else(|| err("group"))?;
            let file = f.s().ok_or_else(|| err("group file"))?;
            group_files.insert(group, file);
            continue;
        }
        let d = docs
            .last_mut()
            .ok_or_else(|| err("record before any document"))?;
        match tag {
            "G" => {
                // Empty: the document's place, and the file its `F` line named.
                let group = match f.s().ok_or_else(|| err("group"))? {
                    g if g.is_empty() => format!("g:{}", d.region.name),
                    g => g,
                };
                let file = match f.s().ok_or_else(|| err("group file"))? {
                    file if file.is_empty() => group_files
                        .get(&group)
                        .cloned()
                        .ok_or_else(|| err("group without its F line"))?,
                    file => file,
                };
                let years = f
                    .raw()
                    .and_then(|raw| {
                        raw.split(',')
                            .filter(|y| !y.is_empty())
                            .map(|y| y.parse().ok())
                            .collect::<Option<Vec<i32>>>()
                    })
                    .ok_or_else(|| err("group years"))?;
                d.pending = Some(Pending { group, file, years });
            }
            "W" => d.warnings.push(Warning {
                code: f
                    .e(WarningCode::from_short)
                    .ok_or_else(|| err("warning code"))?,
                message: f.s().ok_or_else(|| err("message"))?,
                message_en: f.s().ok_or_else(|| err("message_en"))?,
            }),
            "I" => {
                let kind = f.e(Kind::from_short).ok_or_else(|| err("item kind"))?;
                let year = f.y(&mut item_year).ok_or_else(|| err("item year"))?;
                let topic = f
                    .oe(|s| Topic::ALL.get(s.parse::<usize>().ok()?).copied())
                    .ok_or_else(|| err("topic"))?;
                let h = match f.raw() {
                    Some("\\s") => heading.clone(),
                    Some(raw) => {
                        heading = opt(raw).ok_or_else(|| err("heading"))?;
                        heading.clone()
                    }
                    None => return Err(err("heading")),
                };
                let text = f.s().ok_or_else(|| err("item text"))?;
                let start = f.d(item_end).ok_or_else(|| err("item start"))?;
                let end = f.d(start).ok_or_else(|| err("item end"))?;
                item_end = end;
                d.items.push(Item {
                    kind,
                    year,
                    topic,
                    heading: h,
                    text,
                    start,
                    end,
                })
            }
            "C" => {
                let mut decimals: u8;
                let mut c = Claim {
                    kind: f.e(Kind::from_short).ok_or_else(|| err("claim kind"))?,
                    year: f.y(&mut claim_year).ok_or_else(|| err("claim year"))?,
                    indicator: match f.o().ok_or_else(|| err("indicator"))? {
                        None => None,
                        Some(s) => Some(match s.strip_prefix('=') {
                            Some(id) => id.to_string(),
                            None => s
                                .parse::<usize>()
                                .ok()
                                .and_then(|n| INDICATORS.get(n))
                                .ok_or_else(|| err("indicator"))?
                                .id
                                .to_string(),
                        }),
                    },
                    subject: f.s().ok_or_else(|| err("subject"))?,
                    measure: f.e(Measure::from_short).ok_or_else(|| err("measure"))?,
                    value: {
                        let (v, d) = f.fd().ok_or_else(|| err("value"))?;
                        decimals = d;
                        v
                    },
                    value_max: {
                        let (v, d) = f.fd().ok_or_else(|| err("value_max"))?;
                        decimals = decimals.max(d);
                        v
                    },
                    unit: f.s().ok_or_else(|| err("unit"))?,
                    bound: f.e(Bound::from_short).ok_or_else(|| err("bound"))?,
                    scope: f.oe(Scope::from_short).ok_or_else(|| err("scope"))?,
                    modality: f.oe(Modality::from_short).ok_or_else(|| err("modality"))?,
                    estimated: f.b().ok_or_else(|| err("estimated"))?,
                    redacted: f.b().ok_or_else(|| err("redacted"))?,
                    text: f.s().ok_or_else(|| err("claim text"))?,
                    start: 0,
                    end: 0,
                    number_start: 0,
                    number_end: 0,
                    decimals,
                };
                c.start = f.d(claim_start).ok_or_else(|| err("claim start"))?;
                c.end = f.d(c.start).ok_or_else(|| err("claim end"))?;
                c.number_start = f.d(c.start).ok_or_else(|| err("number start"))?;
                c.number_end = f.d(c.number_start).ok_or_else(|| err("number end"))?;
                claim_start = c.start;
                d.claims.push(c);
            }
            _ => return Err(err("unknown record")),
        }
        if f.raw().is_some() {
            return Err(err("extra fields"));
        }
    }
    Ok(Index {
        corpus: Corpus::new(docs),
        chunks,
        provinces,
    })
}

/// Puts a loaded text into its document and refills the sentences cut from it.
pub fn fill_text(doc: &mut Document, text: String) {
    doc.text = text;
    doc.restore_derived_texts();
}

/// A document id as a file name: ASCII letters, digits, `_` and `-` kept, anything else as `_`.
fn file_safe(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    if s.is_empty() {
        "doc".into()
    } else {
        s
    }
}

/// FNV-1a, 64 bit: names a chunk after its text so a changed report is never read from a cache.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Writes one record.
struct Rec<'a>(&'a mut String);

impl<'a> Rec<'a> {
    fn new(out: &'a mut String, tag: &str) -> Self {
        out.push_str(tag);
        Rec(out)
    }
    fn s(&mut self, v: &str) -> &mut Self {
        self.0.push('\t');
        if v.is_empty() {
            return self;
        }
        for ch in v.chars() {
            match ch {
                '\\' => self.0.push_str("\\\\"),
                '\t' => self.0.push_str("\\t"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                c => self.0.push(c),
            }
        }
        self
    }
    fn o(&mut self, v: Option<&str>) -> &mut Self {
        match v {
            None => self.s(""),
            Some("") => {
                self.0.push_str("\t\\e");
                self
            }
            Some(v) => self.s(v),
        }
    }
    fn i(&mut self, v: Option<i32>) -> &mut Self {
        self.0.push('\t');
        if let Some(v) = v {
            write!(self.0, "{v}").ok();
        }
        self
    }
    /// A year as its difference from the last one written (`last`), empty when absent.
    fn y(&mut self, last: &mut i32, v: Option<i32>) -> &mut Self {
        self.0.push('\t');
        if let Some(v) = v {
            write!(self.0, "{}", v - *last).ok();
            *last = v;
        }
        self
    }
    /// `v` as its difference from `base`.
    fn d(&mut self, base: usize, v: usize) -> &mut Self {
        if v >= base {
            write!(self.0, "\t{}", v - base).ok();
        } else {
            write!(self.0, "\t-{}", base - v).ok();
        }
        self
    }
    fn b(&mut self, v: bool) -> &mut Self {
        self.0.push_str(if v { "\t1" } else { "\t0" });
        self
    }
    fn f(&mut self, v: Option<f64>) -> &mut Self {
        self.0.push('\t');
        if let Some(v) = v {
            // Report numbers are short decimals; anything else is rounded to 9 places, and a
            // number no report can hold (NaN, ≥ 10^15) is left out rather than fail the build.
            let s = decimal(v).or_else(|| decimal((v * 1e9).round() / 1e9));
            self.0.push_str(s.as_deref().unwrap_or(""));
        }
        self
    }
    /// A value with at least `decimals` digits after the point (`2.0`): how a number was written
    /// travels in the value itself, no column of its own.
    fn fd(&mut self, v: Option<f64>, decimals: u8) -> &mut Self {
        self.f(v);
        if v.is_some() && decimals > 0 {
            let field = self.0.rsplit('\t').next().unwrap_or("");
            if !field.is_empty() {
                let have = field.split_once('.').map_or(0, |(_, f)| f.len());
                if have == 0 {
                    self.0.push('.');
                }
                for _ in have..usize::from(decimals) {
                    self.0.push('0');
                }
            }
        }
        self
    }
    fn end(&mut self) {
        self.0.push('\n');
    }
}

/// Reads one record's fields in order. Each getter returns `None` when the field is missing or
/// malformed; optional values come as `Some(None)` when absent.
struct Fields<'a>(std::str::Split<'a, char>);

impl<'a> Fields<'a> {
    fn new(line: &'a str) -> Self {
        Fields(line.split('\t'))
    }
    fn raw(&mut self) -> Option<&'a str> {
        self.0.next()
    }
    fn s(&mut self) -> Option<String> {
        unescape(self.raw()?)
    }
    fn o(&mut self) -> Option<Option<String>> {
        opt(self.raw()?)
    }
    /// A year written by [`Rec::y`].
    fn y(&mut self, last: &mut i32) -> Option<Option<i32>> {
        match self.raw()? {
            "" => Some(None),
            s => {
                *last = last.checked_add(s.parse().ok()?)?;
                Some(Some(*last))
            }
        }
    }
    fn e<T>(&mut self, from: fn(&str) -> Option<T>) -> Option<T> {
        from(self.raw()?)
    }
    fn oe<T>(&mut self, from: fn(&str) -> Option<T>) -> Option<Option<T>> {
        match self.raw()? {
            "" => Some(None),
            s => from(s).map(Some),
        }
    }
    fn i(&mut self) -> Option<Option<i32>> {
        match self.raw()? {
            "" => Some(None),
            s => s.parse().ok().map(Some),
        }
    }
    /// An offset written as its difference from `base`.
    fn d(&mut self, base: usize) -> Option<usize> {
        let raw = self.raw()?;
        match raw.strip_prefix('-') {
            Some(neg) => base.checked_sub(neg.parse().ok()?),
            None => base.checked_add(raw.parse().ok()?),
        }
    }
    fn b(&mut self) -> Option<bool> {
        match self.raw()? {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        }
    }
    /// A value written by [`Rec::fd`], with its decimals when it carries zeros its shortest form
    /// would not (`2.0`), else 0.
    fn fd(&mut self) -> Option<(Option<f64>, u8)> {
        let raw = self.raw()?;
        if raw.is_empty() {
            return Some((None, 0));
        }
        let v = parse_decimal(raw)?;
        let digits = |s: &str| s.split_once('.').map_or(0, |(_, f)| f.len());
        let shortest = decimal(v).map_or(0, |s| digits(&s));
        let d = if digits(raw) > shortest {
            digits(raw)
        } else {
            0
        };
        Some((Some(v), u8::try_from(d).unwrap_or(0)))
    }
}

/// An optional string field: empty is absent, `\e` is the empty string.
fn opt(raw: &str) -> Option<Option<String>> {
    match raw {
        "" => Some(None),
        r => unescape(r).map(Some),
    }
}

fn unescape(raw: &str) -> Option<String> {
    if !raw.contains('\\') {
        return Some(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut it = raw.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next()? {
            '\\' => out.push('\\'),
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'e' => {}
            _ => return None,
        }
    }
    Some(out)
}

/// `v` as a plain decimal (`113`, `2.3`, `-0.05`) when one with at most 9 decimals reads back
/// exactly through [`parse_decimal`]; report numbers always have one.
pub fn decimal(v: f64) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    for k in 0..=9u32 {
        let scale = 10f64.powi(k as i32);
        let m = (v.abs() * scale).round();
        if m >= 1e15 {
            return None;
        }
        if m / scale == v.abs() {
            let m = m as u64;
            let p = 10u64.pow(k);
            let sign = if v < 0.0 && m != 0 { "-" } else { "" };
            return Some(if k == 0 {
                format!("{sign}{m}")
            } else {
                format!("{sign}{}.{:0width$}", m / p, m % p, width = k as usize)
            });
        }
    }
    None
}

/// Reads a plain decimal exactly: digits / 10^k is one correctly rounded division when both are
/// exact doubles, which gives the same double as the standard parser without carrying it.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() || int.len() + frac.len() > 15 || frac.len() > 9 {
        return None;
    }
    let mut m: u64 = 0;
    for c in int.bytes().chain(frac.bytes()) {
        if !c.is_ascii_digit() {
            return None;
        }
        m = m * 10 + u64::from(c - b'0');
    }
    let v = m as f64 / 10f64.powi(frac.len() as i32);
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(text: &str, start: usize, end: usize, value: Option<f64>) -> Claim {
        Claim {
            kind: Kind::Goal,
            year: Some(2022),
            indicator: Some("rd_intensity".into()),
            subject: "R&D投入强度\t(tab)".into(),
            measure: Measure::Share,
            value,
            value_max: Some(2.45),
            unit: "%".into(),
            bound: Bound::Range,
            scope: Some(Scope::Province),
            modality: Some(Modality::Strive),
            estimated: true,
            redacted: false,
            text: text.into(),
            start,
            end,
            number_start: start + 1,
            number_end: start + 2,
            decimals: 0,
        }
    }

    fn doc(id: &str) -> Document {
        Document {
            id: id.into(),
            file: format!("seeds/{id}.txt"),
            title: "标题 with \\ backslash\nand newline".into(),
            region: Region {
                name: "衢州市".into(),
                level: Level::City,
                parent: Some("浙江省".into()),
                inferred: true,
                evidence: Some(String::new()),
                name_en: None,
                parent_en: None,
            },
            published: None,
            summary_year: Some(2021),
            plan_year: None,
            warnings: vec![Warning {
                code: WarningCode::YearConflict,
                message: "年份\r不一致".into(),
                message_en: "years \\e disagree".into(),
            }],
            items: vec![Item {
                kind: Kind::Achievement,
                year: None,
                topic: Some(Topic::RdInvestment),
                heading: Some(String::new()),
                text: "not its slice".into(),
                start: 0,
                end: 3,
            }],
            claims: vec![
                claim("强度达到2.4%", 2, 10, Some(2.4)),
                claim("", 0, 0, None),
                claim("x\ty", 0, 3, Some(-0.05)),
            ],
            text: "全市R&D强度达到2.4%\n力争\t2.45%".into(),
            pending: None,
        }
    }

    #[test]
    fn pack_round_trips_with_texts_loaded_apart() {
        let mut d = doc("000_a");
        d.claims[0].text = "强度达到2.4%".into();
        d.claims[0].start = 5;
        d.claims[0].end = 13;
        let corpus = Corpus::new(vec![d, doc("a/b c")]);
        let (index, chunks) = pack(&corpus);
        assert!(
            !index.contains("全市R&D强度达到2.4%\\n"),
            "texts stay out of the index"
        );
        assert_eq!(chunks.len(), 2);
        assert!(chunks[0].file.starts_with("t/000_a-") && chunks[0].file.ends_with(".js"));
        assert!(chunks[1].file.starts_with("t/a_b_c-"), "{}", chunks[1].file);
        let got = unpack(&index).expect("decodes");
        assert_eq!(
            got.chunks,
            chunks.iter().map(|c| c.file.clone()).collect::<Vec<_>>()
        );
        let mut docs = got.corpus.documents;
        // The derived sentence is gone until the text arrives.
        assert_eq!(docs[0].claims[0].text, "");
        assert_eq!(docs[0].items[0].text, "not its slice");
        for (d, c) in docs.iter_mut().zip(&chunks) {
            fill_text(d, c.text.clone());
        }
        assert_eq!(Corpus::new(docs), corpus);
    }

    #[test]
    fn a_local_report_packs_alone_and_appends_to_an_index() {
        let mut local = doc("ignored");
        local.id = local_id(&local.text);
        assert!(local.id.starts_with("local-"));
        assert_eq!(
            local_id(&local.text),
            local.id,
            "the same text, the same id"
        );
        assert_ne!(local_id("另一份报告"), local.id);
        let one = pack_local(&local);
        let got = unpack(&one).expect("a local pack is an index");
        assert_eq!(got.chunks, vec![format!("local:{}", local.id)]);
        assert!(is_local(&got.chunks[0]) && !is_local("t/x.js"));
        // Its records after the magic line append to a built-in index: offsets start afresh.
        let (builtin, _) = pack(&Corpus::new(vec![doc("000_a")]));
        let body = one.split_once('\n').expect("magic line").1;
        let merged = unpack(&format!("{builtin}{body}")).expect("decodes");
        assert_eq!(merged.corpus.documents.len(), 2);
        let mut back = merged.corpus.documents[1].clone();
        fill_text(&mut back, local.text.clone());
        assert_eq!(back, local);
    }

    #[test]
    fn shortened_fields_round_trip() {
        let mut d = doc("x");
        let item = d.items[0].clone();
        let with = |heading: Option<&str>, year: Option<i32>| Item {
            heading: heading.map(String::from),
            year,
            ..item.clone()
        };
        // Repeated, changed, absent and empty headings; years up, down and missing.
        d.items = vec![
            with(Some("一、"), Some(2021)),
            with(Some("一、"), Some(2021)),
            with(None, None),
            with(Some("一、"), Some(2019)),
            with(Some(""), Some(2022)),
            with(Some(""), None),
            with(Some("\\s"), Some(2022)),
        ];
        d.claims[1].indicator = Some("not_in_the_vocabulary".into());
        d.claims[1].year = None;
        d.claims[2].indicator = None;
        d.claims[2].year = Some(2020);
        let corpus = Corpus::new(vec![d]);
        let (index, chunks) = pack(&corpus);
        assert!(
            index.contains("\t\\s\t"),
            "a repeated heading is a ditto: {index}"
        );
        let mut got = unpack(&index).expect("decodes").corpus;
        fill_text(&mut got.documents[0], chunks[0].text.clone());
        assert_eq!(got, corpus);
    }

    #[test]
    fn chunk_scripts_are_js_that_is_safe_inline() {
        let c = Chunk {
            doc_id: "a\"b".into(),
            file: "t/x.js".into(),
            text: "全市</script>\u{2028}\n\"引号\"\\".into(),
        };
        let js = chunk_script(&c);
        assert!(!js.contains('<') && !js.contains('\u{2028}'), "{js}");
        // The two literals are JSON strings: they read back to the id and the text.
        let args = js
            .strip_prefix("__duibiaoText(")
            .unwrap()
            .strip_suffix(");\n")
            .unwrap();
        let v: Vec<String> = serde_json::from_str(&format!("[{args}]")).unwrap();
        assert_eq!(v, vec![c.doc_id, c.text]);
    }

    #[test]
    fn a_changed_text_gets_a_new_chunk_name() {
        let a = pack(&Corpus::new(vec![doc("x")])).1;
        let mut d = doc("x");
        d.text.push('。');
        let b = pack(&Corpus::new(vec![d])).1;
        assert_ne!(a[0].file, b[0].file);
    }

    #[test]
    fn bad_indexes_are_errors_not_panics() {
        assert!(unpack("").is_err());
        assert!(unpack("{\"schema\":1}").is_err());
        let (good, _) = pack(&Corpus::new(vec![doc("x")]));
        assert!(unpack(&good).is_ok());
        // Every truncation either decodes or says which line is wrong.
        for cut in (0..good.len()).filter(|&i| good.is_char_boundary(i)) {
            if let Err(e) = unpack(&good[..cut]) {
                assert!(
                    e.starts_with("index line") || e.starts_with("not a Duibiao"),
                    "{e}"
                );
            }
        }
        let bad = good.replace("\t衢州市\tc\t", "\t衢州市\tmetropolis\t");
        assert_eq!(unpack(&bad).unwrap_err(), "index line 2: level");
        assert!(unpack(&format!("{good}X\t1\n"))
            .unwrap_err()
            .contains("unknown record"));
        assert!(unpack(&format!("{MAGIC}\nC\tgoal\n"))
            .unwrap_err()
            .contains("before any document"));
    }

    #[test]
    fn decimals_read_back_exactly() {
        for v in [
            0.0, 1.0, 113.0, 2.3, 2.45, 0.05, -0.05, 12345.6, 1.1e9, 3.25017, 99.99,
        ] {
            let s = decimal(v).unwrap_or_else(|| panic!("{v}"));
            assert_eq!(parse_decimal(&s), Some(v), "{v} -> {s}");
            // The same double as the standard parser reads from the same text.
            assert_eq!(s.parse::<f64>().ok(), Some(v), "{s}");
        }
        for i in 0..20_000 {
            let v = f64::from(i) / 100.0;
            assert_eq!(parse_decimal(&decimal(v).unwrap()), Some(v));
            assert_eq!(decimal(v).unwrap().parse::<f64>().unwrap(), v);
        }
        assert_eq!(decimal(113.0).as_deref(), Some("113"));
        assert_eq!(decimal(-0.0).as_deref(), Some("0"));
        assert_eq!(decimal(0.05).as_deref(), Some("0.05"));
        assert_eq!(decimal(f64::NAN), None);
        assert_eq!(decimal(1.0 / 3.0), None);
        assert_eq!(decimal(0.1 + 0.2), None, "not a short decimal");
        for bad in ["", "-", ".5", "1.2.3", "1e5", "12a", "1234567890123456"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn export_json_equals_the_serde_export() {
        let corpus = Corpus::new(vec![doc("000_a"), doc("b")]);
        let hand: serde_json::Value =
            serde_json::from_str(&export_json(&corpus)).expect("valid JSON");
        assert_eq!(hand, serde_json::to_value(&corpus).unwrap());
        let empty: serde_json::Value =
            serde_json::from_str(&export_json(&Corpus::new(vec![]))).unwrap();
        assert_eq!(empty, serde_json::to_value(Corpus::new(vec![])).unwrap());
    }
}
