//! Comparison logic: place-years, alignment of goals and achievements, status, unit conversion,
//! formatting, CSV and text filtering. Pure functions over the model, host-tested; the app is views
//! over these.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::indicators::{indicator, INDICATORS};
use crate::{Bound, Claim, Document, Kind, Level, Measure, Modality, Scope};

/// Row id of claims that fit no indicator.
pub const OTHER: &str = "other";

/// One comparison column: a place in a year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceYear {
    pub place: String,
    pub year: i32,
}

impl PlaceYear {
    pub fn new(place: &str, year: i32) -> Self {
        PlaceYear {
            place: place.to_string(),
            year,
        }
    }
}

/// A claim, addressed by document index and claim index in that document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub doc: usize,
    pub claim: usize,
}

impl ClaimRef {
    pub fn get<'a>(&self, docs: &'a [Document]) -> Option<&'a Claim> {
        docs.get(self.doc)?.claims.get(self.claim)
    }
}

// ---------------------------------------------------------------------------------------------
// Places and years

/// The year a claim is about: its own, else its half's.
pub fn claim_year(doc: &Document, claim: &Claim) -> Option<i32> {
    claim.year.or(match claim.kind {
        Kind::Achievement => doc.summary_year,
        Kind::Goal => doc.plan_year,
    })
}

/// The years a document speaks about: its summary and plan years and every claim year.
pub fn doc_years(doc: &Document) -> BTreeSet<i32> {
    // `extend` inserts one by one; `collect` into a set would sort first (a stable sort in the wasm).
    let mut ys = BTreeSet::new();
    ys.extend(doc.summary_year);
    ys.extend(doc.plan_year);
    ys.extend(doc.claims.iter().filter_map(|c| claim_year(doc, c)));
    ys
}

/// A place in the picker with the years it has data for (empty for a city shown only as a group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceEntry {
    pub name: String,
    pub level: Level,
    pub years: Vec<i32>,
}

/// A city (or any top place) with the counties/districts under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceGroup {
    pub top: PlaceEntry,
    pub children: Vec<PlaceEntry>,
}

/// Places grouped city → counties/districts (by `Region.parent`), each with its years.
/// A county whose city has no report of its own gets a group headed by the city with no years.
/// Groups keep the order places first appear in the corpus; children too.
pub fn place_groups(docs: &[Document]) -> Vec<PlaceGroup> {
    let mut order: Vec<String> = Vec::new();
    let mut info: BTreeMap<String, (Level, Option<String>, BTreeSet<i32>)> = BTreeMap::new();
    for d in docs {
        let e = info.entry(d.region.name.clone()).or_insert_with(|| {
            order.push(d.region.name.clone());
            (d.region.level, d.region.parent.clone(), BTreeSet::new())
        });
        e.2.extend(doc_years(d));
    }
    let entry = |name: &str| {
        let (level, _, years) = &info[name];
        PlaceEntry {
            name: name.to_string(),
            level: *level,
            years: years.iter().copied().collect(),
        }
    };
    let is_child = |name: &str| {
        let (level, parent, _) = &info[name];
        matches!(level, Level::County | Level::District) && parent.is_some()
    };
    let mut groups: Vec<PlaceGroup> = Vec::new();
    for name in &order {
        if is_child(name) {
            let parent = info[name].1.clone().unwrap_or_default();
            let idx = match groups.iter().position(|g| g.top.name == parent) {
                Some(i) => i,
                None => {
                    let top = if info.contains_key(&parent) && !is_child(&parent) {
                        entry(&parent)
                    } else {
                        PlaceEntry {
                            name: parent.clone(),
                            level: Level::City,
                            years: vec![],
                        }
                    };
                    groups.push(PlaceGroup {
                        top,
                        children: vec![],
                    });
                    groups.len() - 1
                }
            };
            groups[idx].children.push(entry(name));
        } else if !groups.iter().any(|g| &g.top.name == name) {
            groups.push(PlaceGroup {
                top: entry(name),
                children: vec![],
            });
        }
    }
    groups
}

/// Every place-year with data, in picker order.
pub fn available(docs: &[Document]) -> Vec<PlaceYear> {
    let mut out = Vec::new();
    for g in place_groups(docs) {
        for p in std::iter::once(&g.top).chain(&g.children) {
            out.extend(p.years.iter().map(|&y| PlaceYear::new(&p.name, y)));
        }
    }
    out
}

/// Sorts columns in picker order (place order, then year); drops duplicates and unknown ones.
/// `available` is [`available`]'s list, computed once by the caller (the app caches it).
pub fn order_columns(available: &[PlaceYear], cols: &[PlaceYear]) -> Vec<PlaceYear> {
    available
        .iter()
        .filter(|py| cols.contains(py))
        .cloned()
        .collect()
}

/// Documents holding data for a place-year.
pub fn column_docs(docs: &[Document], py: &PlaceYear) -> Vec<usize> {
    (0..docs.len())
        .filter(|&i| docs[i].region.name == py.place && doc_years(&docs[i]).contains(&py.year))
        .collect()
}

/// Documents behind any of the columns, in corpus order.
pub fn reports_for(docs: &[Document], cols: &[PlaceYear]) -> Vec<usize> {
    // A mark per document rather than a sorted set: no sort code in the wasm.
    let mut hit = vec![false; docs.len()];
    for i in cols.iter().flat_map(|c| column_docs(docs, c)) {
        hit[i] = true;
    }
    (0..docs.len()).filter(|&i| hit[i]).collect()
}

// ---------------------------------------------------------------------------------------------
// Rows and cells

/// The row a claim belongs in: its indicator id, or [`OTHER`].
pub fn row_of(claim: &Claim) -> &str {
    match claim.indicator.as_deref() {
        Some(id) if indicator(id).is_some() => id,
        _ => OTHER,
    }
}

/// Every claim for a place, year and row.
pub fn claims_at(docs: &[Document], py: &PlaceYear, row: &str) -> Vec<ClaimRef> {
    let mut out = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        if d.region.name != py.place {
            continue;
        }
        for (ci, c) in d.claims.iter().enumerate() {
            if claim_year(d, c) == Some(py.year) && row_of(c) == row {
                out.push(ClaimRef { doc: di, claim: ci });
            }
        }
    }
    out
}

/// Goals and achievements of one table cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub goals: Vec<ClaimRef>,
    pub achievements: Vec<ClaimRef>,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.achievements.is_empty()
    }
}

pub fn cell(docs: &[Document], py: &PlaceYear, row: &str) -> Cell {
    let mut c = Cell::default();
    for r in claims_at(docs, py, row) {
        match docs[r.doc].claims[r.claim].kind {
            Kind::Goal => c.goals.push(r),
            Kind::Achievement => c.achievements.push(r),
        }
    }
    c
}

/// Rows with at least one claim in the columns: indicators in table order, then [`OTHER`].
pub fn rows(docs: &[Document], cols: &[PlaceYear]) -> Vec<&'static str> {
    grid(docs, cols).into_iter().map(|(row, _)| row).collect()
}

/// The whole table in one pass over the claims: each non-empty row (as in [`rows`]) with its
/// cells (as [`cell`] gives them), one per column. The table would otherwise rescan every claim
/// for each row and column. `cols` has no duplicates ([`order_columns`]).
pub fn grid(docs: &[Document], cols: &[PlaceYear]) -> Vec<(&'static str, Vec<Cell>)> {
    let ids: Vec<&'static str> = INDICATORS.iter().map(|i| i.id).chain([OTHER]).collect();
    let mut cells = vec![vec![Cell::default(); cols.len()]; ids.len()];
    for (di, d) in docs.iter().enumerate() {
        for (ci, c) in d.claims.iter().enumerate() {
            let year = claim_year(d, c);
            let Some(col) = cols
                .iter()
                .position(|py| py.place == d.region.name && Some(py.year) == year)
            else {
                continue;
            };
            let row = row_of(c);
            let Some(r) = ids.iter().position(|&id| id == row) else {
                continue;
            };
            let at = ClaimRef { doc: di, claim: ci };
            match c.kind {
                Kind::Goal => cells[r][col].goals.push(at),
                Kind::Achievement => cells[r][col].achievements.push(at),
            }
        }
    }
    ids.into_iter()
        .zip(cells)
        .filter(|(_, cs)| cs.iter().any(|c| !c.is_empty()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Units

/// (unit, family, factor to the family's base unit)
const UNITS: &[(&str, &str, f64)] = &[
    ("元", "money", 1.0),
    ("万元", "money", 1e4),
    ("亿元", "money", 1e8),
    ("平方米", "area", 1.0),
    ("万平方米", "area", 1e4),
    ("万方", "area", 1e4),
    ("人", "people", 1.0),
    ("名", "people", 1.0),
    ("万人", "people", 1e4),
];

/// Converts a value between units of the same kind (1亿元 = 10000万元, 万方 = 万平方米, 名 = 人).
/// `None` when the units do not measure the same thing.
pub fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    if from == to {
        return Some(value);
    }
    let f = UNITS.iter().find(|u| u.0 == from)?;
    let t = UNITS.iter().find(|u| u.0 == to)?;
    (f.1 == t.1).then(|| value * f.2 / t.2)
}

/// Value, upper value and unit of a claim as shown in a row: converted to the indicator's unit
/// when it is a level in a convertible unit, else as written.
pub fn shown(claim: &Claim) -> (Option<f64>, Option<f64>, String) {
    if claim.measure == Measure::Level {
        if let Some(info) = claim.indicator.as_deref().and_then(indicator) {
            if claim.unit != info.unit && convert(1.0, &claim.unit, info.unit).is_some() {
                let c = |v: Option<f64>| v.and_then(|v| convert(v, &claim.unit, info.unit));
                return (c(claim.value), c(claim.value_max), info.unit.to_string());
            }
        }
    }
    (claim.value, claim.value_max, claim.unit.clone())
}

// ---------------------------------------------------------------------------------------------
// Status of a target against a result, and ambition against last year's result

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Met,
    Exceeded,
    Missed,
}

/// How far a result is from its target. `value` is signed, positive = better than the target
/// (for ranks: places better); in percentage points for growth and share measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Margin {
    pub value: f64,
    /// Unit of `value` (the goal's unit; `%` means percentage points for growth/share).
    pub unit: String,
    /// Relative margin in %, for levels only.
    pub pct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub goal: ClaimRef,
    pub result: ClaimRef,
    pub verdict: Verdict,
    pub margin: Margin,
    /// The result itself is not exact (`超`, `近`, `约`, a range) or is an estimate.
    pub approximate: bool,
}

fn comparable(a: &Claim, b: &Claim) -> bool {
    a.measure == b.measure
        && !a.redacted
        && !b.redacted
        && a.value.is_some()
        && b.value.is_some()
        && convert(1.0, &b.unit, &a.unit).is_some()
        && (a.measure != Measure::Rank
            || a.scope == b.scope
            || a.scope.is_none()
            || b.scope.is_none())
}

const EPS: f64 = 1e-9;

/// Judges one result against one goal (same measure, convertible units, neither redacted).
/// Returns `None` when they cannot be compared.
pub fn evaluate(goal: &Claim, result: &Claim) -> Option<(Verdict, Margin)> {
    if !comparable(goal, result) {
        return None;
    }
    let rank = goal.measure == Measure::Rank;
    let a = convert(result.value?, &result.unit, &goal.unit)?;
    let lo = goal.value?;
    let hi = if goal.bound == Bound::Range {
        goal.value_max.unwrap_or(lo)
    } else {
        lo
    };
    // "better" = larger, except for ranks (1st beats 3rd).
    let better = |x: f64, y: f64| if rank { y - x } else { x - y }; // how much x beats y
    let (easy, hard) = if rank { (hi, lo) } else { (lo, hi) }; // the bar to clear, the top of the range
    let over = better(a, easy);
    let short = over < -EPS || (goal.bound == Bound::MoreThan && over.abs() <= EPS);
    let verdict = if short {
        Verdict::Missed
    } else if better(a, hard) > EPS {
        Verdict::Exceeded
    } else {
        Verdict::Met
    };
    let value = match verdict {
        Verdict::Missed => over,
        Verdict::Exceeded => better(a, hard),
        Verdict::Met => 0.0,
    };
    let base = if verdict == Verdict::Exceeded {
        hard
    } else {
        easy
    };
    let pct = (goal.measure == Measure::Level && goal.unit != "%" && base.abs() > EPS)
        .then(|| value / base * 100.0);
    Some((
        verdict,
        Margin {
            value,
            unit: goal.unit.clone(),
            pct,
        },
    ))
}

/// Likeness of two subjects, to tell which of several results a goal is about: shared character
/// pairs, plus a bonus when both count a stock (`总量`, `累计`, `有效`) or both count new additions.
fn similarity(a: &str, b: &str) -> usize {
    let bi = |s: &str| -> Vec<(char, char)> { s.chars().zip(s.chars().skip(1)).collect() };
    let (pa, pb) = (bi(a), bi(b));
    // Distinct pairs of `a` that `b` has (subjects are short: no set, no sort).
    let shared = pa
        .iter()
        .enumerate()
        .filter(|&(i, p)| !pa[..i].contains(p) && pb.contains(p))
        .count();
    let stock = |s: &str| {
        ["总量", "累计", "有效", "总数", "拥有"]
            .iter()
            .any(|w| s.contains(w))
    };
    if shared > 0 && stock(a) == stock(b) {
        shared + 3
    } else {
        shared
    }
}

/// The result a goal should be judged against among candidate achievements: the only comparable
/// one, or the one whose subject is most like the goal's (ties and no likeness: none).
fn pick(docs: &[Document], goal: &Claim, cands: &[ClaimRef]) -> Option<ClaimRef> {
    let ok: Vec<ClaimRef> = cands
        .iter()
        .copied()
        .filter(|r| r.get(docs).is_some_and(|c| comparable(goal, c)))
        .collect();
    if ok.len() == 1 {
        return Some(ok[0]);
    }
    // The best score, and whether another candidate has it too (no sort needed).
    let mut best: Option<(usize, ClaimRef)> = None;
    let mut tie = false;
    for r in ok {
        let s = similarity(&goal.subject, &docs[r.doc].claims[r.claim].subject);
        match best {
            Some((b, _)) if s < b => {}
            Some((b, _)) if s == b => tie = true,
            _ => {
                best = Some((s, r));
                tie = false;
            }
        }
    }
    match best {
        Some((s, r)) if s > 0 && !tie => Some(r),
        _ => None,
    }
}

fn place_of(docs: &[Document], r: ClaimRef) -> &str {
    &docs[r.doc].region.name
}

/// Achievements of a place in a year on the row of `goal`.
fn results_for(docs: &[Document], goal: ClaimRef, year: i32) -> Vec<ClaimRef> {
    let g = &docs[goal.doc].claims[goal.claim];
    let py = PlaceYear::new(place_of(docs, goal), year);
    claims_at(docs, &py, row_of(g))
        .into_iter()
        .filter(|r| docs[r.doc].claims[r.claim].kind == Kind::Achievement)
        .collect()
}

/// Target vs result: the goal's place has an achievement for the goal's year on the same
/// indicator and measure. `None` for claims that fit no indicator, redacted ones, or no match.
pub fn status(docs: &[Document], goal: ClaimRef) -> Option<Status> {
    let g = goal.get(docs)?;
    if g.kind != Kind::Goal || row_of(g) == OTHER {
        return None;
    }
    let year = claim_year(&docs[goal.doc], g)?;
    let result = pick(docs, g, &results_for(docs, goal, year))?;
    let r = result.get(docs)?;
    let (verdict, margin) = evaluate(g, r)?;
    Some(Status {
        goal,
        result,
        verdict,
        margin,
        approximate: r.bound != Bound::Exact || r.estimated,
    })
}

/// How a target compares with the last result: the goal's place has an achievement for the year
/// before on the same indicator and measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Ambition {
    pub goal: ClaimRef,
    pub base: ClaimRef,
    /// Signed change from the base to the target: % for levels, percentage points for growth,
    /// shares and levels in %, places for ranks (positive = a better rank).
    pub change: f64,
    /// How `change` reads: `Level` = relative %, `Growth`/`Share` = points, `Rank` = places.
    pub measure: Measure,
}

pub fn ambition(docs: &[Document], goal: ClaimRef) -> Option<Ambition> {
    let g = goal.get(docs)?;
    if g.kind != Kind::Goal || row_of(g) == OTHER {
        return None;
    }
    let year = claim_year(&docs[goal.doc], g)?;
    let base = pick(docs, g, &results_for(docs, goal, year - 1))?;
    let b = base.get(docs)?;
    let last = convert(b.value?, &b.unit, &g.unit)?;
    let target = g.value?;
    // Levels in % (R&D intensity 2.0 → 2.3) change in points, like growth and shares.
    let points = g.unit == "%";
    let change = match g.measure {
        Measure::Level if points => target - last,
        Measure::Level => {
            if last.abs() < EPS {
                return None;
            }
            (target - last) / last * 100.0
        }
        Measure::Growth | Measure::Share => target - last,
        Measure::Rank => last - target,
    };
    Some(Ambition {
        goal,
        base,
        change,
        measure: if points && g.measure == Measure::Level {
            Measure::Share
        } else {
            g.measure
        },
    })
}

// ---------------------------------------------------------------------------------------------
// Formatting

/// A number without needless decimals: `113`, `2.3`, `0.3567`.
pub fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        return (v.round() as i64).to_string();
    }
    let s = fmt_fixed(v, 4);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `v` with exactly `decimals` digits after the point, the same text as
/// `format!("{v:.decimals$}")` (the exact binary value rounded half to even; `-0.0`, `NaN`,
/// `inf`, `-inf` alike) without the float formatting code, about 14 KB of the wasm. Works in
/// decimal digits: `v = m·2^e` is `m·2^e` (an integer) for `e ≥ 0`, else `m·5^-e / 10^-e`.
pub fn fmt_fixed(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        return "NaN".to_string();
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    if v.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = match (exp, frac) {
        (0, 0) => (0, 0), // zero: no digits to scale
        (0, _) => (frac, -1074),
        _ => (frac | 1 << 52, exp - 1075),
    };
    // Decimal digits of an integer, least significant first, and how many of them are decimals.
    let mut digits: Vec<u8> = Vec::new();
    let mut n = m;
    while n > 0 {
        digits.push((n % 10) as u8);
        n /= 10;
    }
    let (mut times, base, point) = if e >= 0 {
        (e as u32, 2u64, 0)
    } else {
        (e.unsigned_abs(), 5, e.unsigned_abs() as usize)
    };
    while times > 0 {
        // Multiply by f = base^k, k at most 25: the carry stays below f, a digit times f plus
        // the carry below 10·5^25 < 2^62.
        let k = times.min(25);
        times -= k;
        let f = base.pow(k);
        let mut carry = 0u64;
        for d in digits.iter_mut() {
            let x = u64::from(*d) * f + carry;
            *d = (x % 10) as u8;
            carry = x / 10;
        }
        while carry > 0 {
            digits.push((carry % 10) as u8);
            carry /= 10;
        }
    }
    // At least one integer digit, and every decimal position present.
    let len = digits.len().max(point + 1);
    digits.resize(len, 0);
    // Drop the digits past `decimals`, rounding half to even.
    let cut = point.saturating_sub(decimals);
    if cut > 0 {
        let first = digits[cut - 1];
        let rest = digits[..cut - 1].iter().any(|&d| d != 0);
        let up = first > 5 || (first == 5 && (rest || digits[cut] % 2 == 1));
        digits.drain(..cut);
        if up {
            let mut i = 0;
            loop {
                if i == digits.len() {
                    digits.push(1);
                    break;
                }
                if digits[i] == 9 {
                    digits[i] = 0;
                    i += 1;
                } else {
                    digits[i] += 1;
                    break;
                }
            }
        }
    }
    let kept = point - cut; // decimals now in `digits`
    let pad = decimals - kept; // zeros to add after them
    for (i, &d) in digits.iter().enumerate().rev() {
        if i + 1 == kept {
            out.push('.');
        }
        out.push(char::from(b'0' + d));
    }
    if pad > 0 {
        if kept == 0 {
            out.push('.');
        }
        out.extend(std::iter::repeat_n('0', pad));
    }
    out
}

/// A signed number: `+13`, `−11.5` (true minus sign).
pub fn fmt_signed(v: f64, decimals: usize) -> String {
    let r = fmt_fixed(v.abs(), decimals);
    let r = if r.contains('.') {
        r.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        r
    };
    if r.chars().all(|c| c == '0' || c == '.') {
        "±0".to_string()
    } else if v < 0.0 {
        format!("−{r}")
    } else {
        format!("+{r}")
    }
}

/// English for a unit as written (numbers keep Chinese units in Chinese).
pub fn unit_en(unit: &str) -> &str {
    match unit {
        "家" => " orgs",
        "项" => " items",
        "件" => " patents",
        "人" | "名" => " people",
        "个" => " units",
        "支" => " teams",
        "条" => " items",
        "场" => " sessions",
        "亿元" => "00M yuan",
        "万元" => "0k yuan",
        "万平方米" | "万方" => "0k m²",
        "万人年" => "0k person-years",
        "%" => "%",
        other => other,
    }
}

fn scope_label(scope: Option<Scope>, en: bool) -> &'static str {
    match (scope, en) {
        (Some(Scope::National), false) => "全国",
        (Some(Scope::Province), false) => "全省",
        (Some(Scope::City), false) => "全市",
        (Some(Scope::County), false) => "全县(区)",
        (Some(Scope::Region), false) => "区域",
        (None, false) => "",
        (Some(Scope::National), true) => " nationally",
        (Some(Scope::Province), true) => " in the province",
        (Some(Scope::City), true) => " in the city",
        (Some(Scope::County), true) => " in the county",
        (Some(Scope::Region), true) => " in the region",
        (None, true) => "",
    }
}

/// Number with unit in the given language: `113家` / `113 orgs`; English keeps 亿/万 as ×10⁸/×10⁴.
fn with_unit(v: &str, unit: &str, en: bool) -> String {
    if !en || unit == "%" {
        return format!("{v}{unit}");
    }
    match unit {
        "亿元" => format!("{v} ×100M yuan"),
        "万元" => format!("{v} ×10k yuan"),
        "万平方米" | "万方" => format!("{v} ×10k m²"),
        "万人年" => format!("{v} ×10k person-years"),
        _ => format!("{v}{}", unit_en(unit)),
    }
}

/// The value of a claim as a reader should see it, with its bound: `≥25家`, `>709亿元`, `3–5个`,
/// `约1000项`, `近900亿元`, `全省第3`, `增速22.4%`, `已隐去`. Levels are shown in the indicator's unit.
pub fn format_value(claim: &Claim, en: bool) -> String {
    let (value, value_max, unit) = shown(claim);
    let Some(v) = value.filter(|_| !claim.redacted) else {
        return if en { "redacted" } else { "已隐去" }.to_string();
    };
    if claim.measure == Measure::Rank {
        let n = fmt_num(v);
        return if en {
            format!("rank {n}{}", scope_label(claim.scope, true))
        } else if claim.scope.is_none() {
            format!("第{n}位")
        } else {
            format!("{}第{n}", scope_label(claim.scope, false))
        };
    }
    let num = match (claim.bound, value_max) {
        (Bound::Range, Some(m)) => format!("{}–{}", fmt_num(v), fmt_num(m)),
        _ => fmt_num(v),
    };
    let body = with_unit(&num, &unit, en);
    let bounded = match (claim.bound, en) {
        (Bound::AtLeast, _) => format!("≥{body}"),
        (Bound::MoreThan, _) => format!(">{body}"),
        (Bound::Approx, false) => format!("约{body}"),
        (Bound::Approx, true) => format!("≈{body}"),
        (Bound::Nearly, false) => format!("近{body}"),
        (Bound::Nearly, true) => format!("nearly {body}"),
        _ => body,
    };
    match (claim.measure, en) {
        (Measure::Growth, false) => format!("增长{bounded}"),
        (Measure::Growth, true) => format!("growth {bounded}"),
        (Measure::Share, false) => format!("占比{bounded}"),
        (Measure::Share, true) => format!("share {bounded}"),
        _ => bounded,
    }
}

/// Words for the claim's modality and estimate flag: `确保`, `力争`, `预计`.
pub fn tags(claim: &Claim, en: bool) -> Vec<&'static str> {
    let mut t = Vec::new();
    match (claim.modality, en) {
        (Some(Modality::Ensure), false) => t.push("确保"),
        (Some(Modality::Strive), false) => t.push("力争"),
        (Some(Modality::Ensure), true) => t.push("ensure"),
        (Some(Modality::Strive), true) => t.push("strive"),
        (None, _) => {}
    }
    if claim.estimated {
        t.push(if en { "estimate" } else { "预计" });
    }
    t
}

/// `超额 +13家(+13%)`, `达成`, `未达成 −5家(−5%)`; ranks in places, percentages in points.
pub fn format_status(s: &Status, en: bool) -> String {
    let word = match (s.verdict, en) {
        (Verdict::Met, false) => "达成",
        (Verdict::Exceeded, false) => "超额",
        (Verdict::Missed, false) => "未达成",
        (Verdict::Met, true) => "met",
        (Verdict::Exceeded, true) => "exceeded",
        (Verdict::Missed, true) => "missed",
    };
    if s.verdict == Verdict::Met {
        return word.to_string();
    }
    let m = &s.margin;
    let amount = if m.unit == "位" {
        let n = fmt_signed(m.value, 0);
        if en {
            format!("{n} places")
        } else {
            format!("{n}位")
        }
    } else if m.unit == "%" {
        let n = fmt_signed(m.value, 2);
        if en {
            format!("{n} pp")
        } else {
            format!("{n}个百分点")
        }
    } else {
        with_unit(&fmt_signed(m.value, 4), &m.unit, en)
    };
    match m.pct {
        Some(p) => format!("{word} {amount} ({}%)", fmt_signed(p, 1)),
        None => format!("{word} {amount}"),
    }
}

/// `目标较上年 −11.5%` / `target vs last year −11.5%`.
pub fn format_ambition(a: &Ambition, en: bool) -> String {
    let (n, unit) = match a.measure {
        Measure::Level => (fmt_signed(a.change, 1), "%"),
        Measure::Growth | Measure::Share => {
            (fmt_signed(a.change, 2), if en { " pp" } else { "个百分点" })
        }
        Measure::Rank => (fmt_signed(a.change, 0), if en { " places" } else { "位" }),
    };
    if en {
        format!("target vs last year {n}{unit}")
    } else {
        format!("目标较上年 {n}{unit}")
    }
}

/// Where the number stands in the claim's sentence, as a byte range of `claim.text`: from the
/// parser's offsets when they fit, else by searching the written value.
pub fn number_span(claim: &Claim) -> Option<Range<usize>> {
    let len = claim.text.chars().count();
    if claim.number_end > claim.number_start
        && claim.number_start >= claim.start
        && claim.number_end - claim.start <= len
    {
        let a = char_to_byte(&claim.text, claim.number_start - claim.start);
        let b = char_to_byte(&claim.text, claim.number_end - claim.start);
        return Some(a..b);
    }
    let needle = if claim.redacted {
        "x".to_string()
    } else {
        fmt_num(claim.value?)
    };
    let at = claim.text.find(&needle)?;
    Some(at..at + needle.len())
}

/// Byte offset of the `n`th char (the end when past it).
pub fn char_to_byte(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map(|(b, _)| b).unwrap_or(s.len())
}

/// The number spans of a document's claims as byte ranges of `doc.text`, sorted, non-overlapping
/// (a claim whose number overlaps an earlier one is left out), with the claim index.
pub fn claim_spans(doc: &Document) -> Vec<(Range<usize>, usize)> {
    let idx: Vec<usize> = doc
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain([doc.text.len()])
        .collect();
    // Spans in (start, end, claim) order, kept when clear of the last kept one. Of the spans
    // starting at one char only the first in that order can be kept, so a slot per char holding
    // it replaces a sort (and its code in the wasm).
    const NONE: usize = usize::MAX;
    let mut first = vec![NONE; idx.len()];
    for (i, c) in doc.claims.iter().enumerate() {
        if c.number_end > c.number_start && c.number_end < idx.len() {
            let f = &mut first[c.number_start];
            if *f == NONE || c.number_end < doc.claims[*f].number_end {
                *f = i;
            }
        }
    }
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    let mut free = 0; // first char after the last kept span
    for (start, &i) in first.iter().enumerate() {
        if i != NONE && start >= free {
            free = doc.claims[i].number_end;
            out.push((idx[start]..idx[free], i));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Text filter

/// Matches of a filter in a text: `None` when some word of the query is missing, else the byte
/// ranges of every occurrence of every word (merged, sorted). Words are separated by spaces;
/// ASCII letters (R&D, GDP) match regardless of case. An empty query matches with no ranges.
pub fn find_matches(text: &str, query: &str) -> Option<Vec<Range<usize>>> {
    // ASCII case folding keeps every byte offset (full lower-casing may not, and needs Unicode
    // tables in the wasm).
    let hay = text.to_ascii_lowercase();
    // Bytes covered by some occurrence; their runs are the occurrences merged, in order.
    let mut hit = vec![false; hay.len()];
    for word in query.split_whitespace() {
        let w = word.to_ascii_lowercase();
        let mut found = false;
        let mut from = 0;
        while let Some(i) = hay[from..].find(&w) {
            found = true;
            hit[from + i..from + i + w.len()].fill(true);
            from += i + w.len().max(1);
        }
        if !found {
            return None;
        }
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for (i, &h) in hit.iter().enumerate() {
        match merged.last_mut() {
            Some(l) if h && l.end == i => l.end = i + 1,
            _ if h => merged.push(i..i + 1),
            _ => {}
        }
    }
    Some(merged)
}

/// Cuts a text into (piece, highlighted) runs by sorted non-overlapping byte ranges.
pub fn segments<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        if r.end > r.start {
            out.push((&text[r.clone()], true));
        }
        at = r.end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// CSV

/// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV record, CRLF-terminated.
pub fn csv_record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

fn indicator_name(row: &str, en: bool) -> String {
    match indicator(row) {
        Some(i) if en => i.name_en.to_string(),
        Some(i) => i.name_zh.to_string(),
        None if en => "Other".to_string(),
        None => "其他".to_string(),
    }
}

/// Years of a report as `2021–2022`, `2018` or `?`.
pub fn report_years(doc: &Document) -> String {
    match (doc.summary_year, doc.plan_year) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) | (None, Some(a)) => a.to_string(),
        (None, None) => "?".to_string(),
    }
}

/// The names of a bound, measure and modality in the CSV: as in the JSON (snake case).
fn bound_name(b: Bound) -> &'static str {
    match b {
        Bound::Exact => "exact",
        Bound::AtLeast => "at_least",
        Bound::MoreThan => "more_than",
        Bound::Nearly => "nearly",
        Bound::Approx => "approx",
        Bound::Range => "range",
    }
}

fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::Level => "level",
        Measure::Growth => "growth",
        Measure::Share => "share",
        Measure::Rank => "rank",
    }
}

fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Ensure => "ensure",
        Modality::Strive => "strive",
    }
}

/// The current comparison as CSV (UTF-8 with BOM, CRLF): one record per claim in the columns and rows,
/// with the value as shown and as a number in the row's unit, status, ambition and source sentence.
pub fn comparison_csv(docs: &[Document], cols: &[PlaceYear], rows: &[&str], en: bool) -> String {
    let header: &[&str] = if en {
        &[
            "place",
            "year",
            "indicator",
            "kind",
            "value as shown",
            "value",
            "value max",
            "unit",
            "bound",
            "measure",
            "modality",
            "estimated",
            "redacted",
            "status",
            "vs last year",
            "subject",
            "source sentence",
            "report",
            "warnings",
        ]
    } else {
        &[
            "地点",
            "年份",
            "指标",
            "类别",
            "数值(显示)",
            "数值",
            "上限",
            "单位",
            "界限",
            "度量",
            "语气",
            "预计",
            "已隐去",
            "完成情况",
            "目标较上年",
            "对象",
            "原文",
            "报告",
            "警告",
        ]
    };
    let mut out = String::from("\u{FEFF}");
    out.push_str(&csv_record(header));
    let yes = |b: bool| if b { "1" } else { "0" }.to_string();
    for col in cols {
        for row in rows {
            let c = cell(docs, col, row);
            for r in c.goals.iter().chain(&c.achievements) {
                let d = &docs[r.doc];
                let cl = &d.claims[r.claim];
                let (v, vm, unit) = shown(cl);
                let kind = match (cl.kind, en) {
                    (Kind::Goal, false) => "目标",
                    (Kind::Achievement, false) => "实绩",
                    (Kind::Goal, true) => "goal",
                    (Kind::Achievement, true) => "achievement",
                };
                let st = status(docs, *r)
                    .map(|s| format_status(&s, en))
                    .unwrap_or_default();
                let amb = ambition(docs, *r)
                    .map(|a| format_ambition(&a, en))
                    .unwrap_or_default();
                let warnings = d
                    .warnings
                    .iter()
                    .map(|w| {
                        if en {
                            w.message_en.as_str()
                        } else {
                            w.message.as_str()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" | ");
                out.push_str(&csv_record(&[
                    col.place.clone(),
                    col.year.to_string(),
                    indicator_name(row, en),
                    kind.to_string(),
                    format_value(cl, en),
                    v.filter(|_| !cl.redacted).map(fmt_num).unwrap_or_default(),
                    vm.filter(|_| !cl.redacted).map(fmt_num).unwrap_or_default(),
                    unit,
                    bound_name(cl.bound).to_string(),
                    measure_name(cl.measure).to_string(),
                    cl.modality
                        .map(modality_name)
                        .unwrap_or_default()
                        .to_string(),
                    yes(cl.estimated),
                    yes(cl.redacted),
                    st,
                    amb,
                    cl.subject.clone(),
                    cl.text.clone(),
                    format!("{} ({})", d.title, report_years(d)),
                    warnings,
                ]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Region, Warning, WarningCode};

    fn region(name: &str, level: Level, parent: &str) -> Region {
        Region {
            name: name.into(),
            level,
            parent: Some(parent.into()),
            inferred: false,
            evidence: None,
        }
    }

    fn doc(name: &str, level: Level, parent: &str, sy: Option<i32>, py: Option<i32>) -> Document {
        Document {
            id: name.into(),
            file: format!("seeds/{name}.txt"),
            title: format!("{name}工作报告"),
            region: region(name, level, parent),
            published: None,
            summary_year: sy,
            plan_year: py,
            warnings: vec![],
            items: vec![],
            claims: vec![],
            text: String::new(),
        }
    }

    fn claim(kind: Kind, year: i32, ind: &str, value: f64, unit: &str) -> Claim {
        Claim {
            kind,
            year: Some(year),
            indicator: Some(ind.into()).filter(|s: &String| !s.is_empty()),
            subject: "新增国家高新技术企业".into(),
            measure: Measure::Level,
            value: Some(value),
            value_max: None,
            unit: unit.into(),
            bound: Bound::Exact,
            scope: None,
            modality: None,
            estimated: false,
            redacted: false,
            text: String::new(),
            start: 0,
            end: 0,
            number_start: 0,
            number_end: 0,
        }
    }

    fn goal(v: f64) -> Claim {
        claim(Kind::Goal, 2022, "high_tech_enterprises", v, "家")
    }
    fn ach(v: f64) -> Claim {
        claim(Kind::Achievement, 2022, "high_tech_enterprises", v, "家")
    }

    /// 衢州市 2021–2022, 新昌县 (under 绍兴市) 2021–2022, 绍兴市 plan 2018, 鄞州区 (宁波市, no report).
    fn corpus() -> Vec<Document> {
        let mut q = doc("衢州市", Level::City, "浙江省", Some(2021), Some(2022));
        q.claims = vec![
            claim(
                Kind::Achievement,
                2021,
                "high_tech_enterprises",
                113.0,
                "家",
            ),
            claim(Kind::Achievement, 2021, "high_tech_enterprises", 24.0, "家"),
            claim(Kind::Goal, 2022, "high_tech_enterprises", 100.0, "家"),
            claim(Kind::Achievement, 2021, "science_funding", 7900.0, "万元"),
            claim(Kind::Achievement, 2021, "", 20.0, "项"),
        ];
        q.claims[1].subject = "组织".into();
        q.claims[2].subject = "力争全年新培育高新技术企业".into();
        let x = doc("新昌县", Level::County, "绍兴市", Some(2021), Some(2022));
        let s = doc("绍兴市", Level::City, "浙江省", None, Some(2018));
        let mut y = doc("鄞州区", Level::District, "宁波市", Some(2022), Some(2023));
        y.warnings.push(Warning {
            code: WarningCode::Redacted,
            message: "数字被隐去".into(),
            message_en: "masked".into(),
        });
        let mut old = claim(Kind::Achievement, 2020, "rd_intensity", 4.38, "%");
        old.measure = Measure::Share;
        let mut x = x;
        x.claims.push(old);
        vec![q, x, s, y]
    }

    #[test]
    fn places_group_under_their_city_with_years() {
        let g = place_groups(&corpus());
        let names: Vec<(&str, Vec<&str>)> = g
            .iter()
            .map(|g| {
                (
                    g.top.name.as_str(),
                    g.children.iter().map(|c| c.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            names,
            vec![
                ("衢州市", vec![]),
                ("绍兴市", vec!["新昌县"]),
                ("宁波市", vec!["鄞州区"])
            ]
        );
        assert_eq!(g[0].top.years, vec![2021, 2022]);
        // 新昌's claim about 2020 adds that year; 绍兴 keeps its own plan year.
        assert_eq!(g[1].children[0].years, vec![2020, 2021, 2022]);
        assert_eq!(g[1].top.years, vec![2018]);
        assert!(g[2].top.years.is_empty(), "宁波 has no report of its own");
        let av = available(&corpus());
        assert!(av.contains(&PlaceYear::new("新昌县", 2020)));
        assert!(!av.contains(&PlaceYear::new("宁波市", 2022)));
        assert_eq!(av.len(), 2 + 1 + 3 + 2);
    }

    #[test]
    fn a_county_before_its_city_still_nests() {
        let docs = vec![
            doc("新昌县", Level::County, "绍兴市", Some(2021), None),
            doc("绍兴市", Level::City, "浙江省", None, Some(2018)),
        ];
        let g = place_groups(&docs);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].top.name, "绍兴市");
        assert_eq!(g[0].top.years, vec![2018]);
        assert_eq!(g[0].children[0].name, "新昌县");
    }

    #[test]
    fn cells_split_goals_and_achievements_by_year() {
        let docs = corpus();
        let c21 = cell(
            &docs,
            &PlaceYear::new("衢州市", 2021),
            "high_tech_enterprises",
        );
        assert_eq!(c21.achievements.len(), 2);
        assert!(c21.goals.is_empty());
        let c22 = cell(
            &docs,
            &PlaceYear::new("衢州市", 2022),
            "high_tech_enterprises",
        );
        assert_eq!(c22.goals, vec![ClaimRef { doc: 0, claim: 2 }]);
        let cols = [PlaceYear::new("衢州市", 2021)];
        assert_eq!(
            rows(&docs, &cols),
            vec!["high_tech_enterprises", "science_funding", OTHER]
        );
        assert_eq!(column_docs(&docs, &cols[0]), vec![0]);
        // The one-pass grid is exactly the rows with their cells.
        let all = available(&docs);
        let g = grid(&docs, &all);
        assert_eq!(
            g.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            rows(&docs, &all)
        );
        for (row, cells) in &g {
            for (py, c) in all.iter().zip(cells) {
                assert_eq!(*c, cell(&docs, py, row), "{row} {py:?}");
            }
        }
        assert!(g.iter().flat_map(|(_, cs)| cs).any(|c| !c.goals.is_empty()));
        assert_eq!(
            order_columns(
                &available(&docs),
                &[
                    PlaceYear::new("衢州市", 2022),
                    PlaceYear::new("衢州市", 2021),
                    PlaceYear::new("火星", 1)
                ]
            ),
            vec![
                PlaceYear::new("衢州市", 2021),
                PlaceYear::new("衢州市", 2022)
            ]
        );
    }

    #[test]
    fn claim_without_year_takes_its_half() {
        let mut d = doc("衢州市", Level::City, "浙江省", Some(2021), Some(2022));
        let mut c = goal(1.0);
        c.year = None;
        assert_eq!(claim_year(&d, &c), Some(2022));
        c.kind = Kind::Achievement;
        assert_eq!(claim_year(&d, &c), Some(2021));
        d.claims.push(c);
        assert_eq!(
            doc_years(&d).into_iter().collect::<Vec<_>>(),
            vec![2021, 2022]
        );
    }

    #[test]
    fn units_convert_within_a_kind_only() {
        assert_eq!(convert(2.5, "亿元", "万元"), Some(25000.0));
        assert_eq!(convert(7900.0, "万元", "亿元"), Some(0.79));
        assert_eq!(convert(705.0, "万方", "万平方米"), Some(705.0));
        assert_eq!(convert(3.0, "名", "人"), Some(3.0));
        assert_eq!(convert(3.0, "家", "家"), Some(3.0));
        assert_eq!(convert(3.0, "家", "项"), None);
        assert_eq!(convert(3.0, "亿元", "%"), None);
        let mut c = claim(Kind::Achievement, 2021, "rd_expenditure", 4800.0, "万元");
        assert_eq!(shown(&c), (Some(0.48), None, "亿元".into()));
        assert_eq!(format_value(&c, false), "0.48亿元");
        c.measure = Measure::Growth;
        c.unit = "%".into();
        c.value = Some(12.0);
        assert_eq!(shown(&c).2, "%", "growth stays in %");
    }

    #[test]
    fn status_at_least_and_exact() {
        let mut g = goal(100.0);
        assert_eq!(evaluate(&g, &ach(100.0)).unwrap().0, Verdict::Met);
        let (v, m) = evaluate(&g, &ach(113.0)).unwrap();
        assert_eq!(v, Verdict::Exceeded);
        assert_eq!(m.value, 13.0);
        assert!((m.pct.unwrap() - 13.0).abs() < 1e-9);
        let (v, m) = evaluate(&g, &ach(95.0)).unwrap();
        assert_eq!(v, Verdict::Missed);
        assert_eq!(m.value, -5.0);
        g.bound = Bound::AtLeast;
        assert_eq!(evaluate(&g, &ach(100.0)).unwrap().0, Verdict::Met);
    }

    #[test]
    fn status_more_than_needs_strictly_more() {
        let mut g = goal(100.0);
        g.bound = Bound::MoreThan;
        assert_eq!(evaluate(&g, &ach(100.0)).unwrap().0, Verdict::Missed);
        assert_eq!(evaluate(&g, &ach(101.0)).unwrap().0, Verdict::Exceeded);
    }

    #[test]
    fn status_ranges() {
        let mut g = goal(3.0);
        g.bound = Bound::Range;
        g.value_max = Some(5.0);
        assert_eq!(evaluate(&g, &ach(4.0)).unwrap().0, Verdict::Met);
        assert_eq!(evaluate(&g, &ach(3.0)).unwrap().0, Verdict::Met);
        assert_eq!(evaluate(&g, &ach(5.0)).unwrap().0, Verdict::Met);
        let (v, m) = evaluate(&g, &ach(7.0)).unwrap();
        assert_eq!((v, m.value), (Verdict::Exceeded, 2.0));
        let (v, m) = evaluate(&g, &ach(2.0)).unwrap();
        assert_eq!((v, m.value), (Verdict::Missed, -1.0));
    }

    #[test]
    fn status_ranks_lower_is_better() {
        let mut g = goal(3.0);
        g.measure = Measure::Rank;
        g.unit = "位".into();
        g.scope = Some(Scope::Province);
        let mut a = ach(2.0);
        a.measure = Measure::Rank;
        a.unit = "位".into();
        a.scope = Some(Scope::Province);
        let (v, m) = evaluate(&g, &a).unwrap();
        assert_eq!((v, m.value, m.pct), (Verdict::Exceeded, 1.0, None));
        a.value = Some(5.0);
        let (v, m) = evaluate(&g, &a).unwrap();
        assert_eq!((v, m.value), (Verdict::Missed, -2.0));
        a.scope = Some(Scope::National);
        assert!(
            evaluate(&g, &a).is_none(),
            "a national rank is not a provincial one"
        );
    }

    #[test]
    fn status_compares_like_with_like_only() {
        let g = goal(100.0);
        let mut a = ach(120.0);
        a.redacted = true;
        a.value = None;
        assert!(
            evaluate(&g, &a).is_none(),
            "redacted results are not judged"
        );
        let mut a = ach(12.0);
        a.measure = Measure::Growth;
        a.unit = "%".into();
        assert!(evaluate(&g, &a).is_none(), "growth is not a level");
        let mut a = ach(12.0);
        a.unit = "项".into();
        assert!(evaluate(&g, &a).is_none(), "different units");
        // 亿元 target, 万元 result: converted.
        let mut g = claim(Kind::Goal, 2022, "rd_expenditure", 48.0, "亿元");
        g.bound = Bound::AtLeast;
        let a = claim(Kind::Achievement, 2022, "rd_expenditure", 500000.0, "万元");
        let (v, m) = evaluate(&g, &a).unwrap();
        assert_eq!(v, Verdict::Exceeded);
        assert!((m.value - 2.0).abs() < 1e-9);
        assert_eq!(m.unit, "亿元");
    }

    #[test]
    fn status_and_growth_points() {
        let mut g = goal(10.0);
        g.measure = Measure::Growth;
        g.unit = "%".into();
        let mut a = ach(8.5);
        a.measure = Measure::Growth;
        a.unit = "%".into();
        let (v, m) = evaluate(&g, &a).unwrap();
        assert_eq!(v, Verdict::Missed);
        assert_eq!(m.pct, None);
        let s = Status {
            goal: ClaimRef { doc: 0, claim: 0 },
            result: ClaimRef { doc: 0, claim: 1 },
            verdict: v,
            margin: m,
            approximate: false,
        };
        assert_eq!(format_status(&s, false), "未达成 −1.5个百分点");
        assert_eq!(format_status(&s, true), "missed −1.5 pp");
    }

    #[test]
    fn status_in_corpus_picks_the_like_result() {
        let mut docs = corpus();
        docs[0].claims.push(ach(90.0)); // 衢州 2022 result, subject 新增国家高新技术企业
        let mut other = ach(500.0);
        other.subject = "有效高新技术企业总量".into();
        docs[0].claims.push(other);
        let s = status(&docs, ClaimRef { doc: 0, claim: 2 }).unwrap();
        assert_eq!(s.result, ClaimRef { doc: 0, claim: 5 });
        assert_eq!(s.verdict, Verdict::Missed);
        assert_eq!(format_status(&s, false), "未达成 −10家 (−10%)");
        assert_eq!(format_status(&s, true), "missed −10 orgs (−10%)");
        assert!(
            status(&docs, ClaimRef { doc: 0, claim: 0 }).is_none(),
            "achievements have no status"
        );
    }

    #[test]
    fn status_flags_approximate_results_and_skips_redacted_goals() {
        let mut docs = corpus();
        let mut r = ach(120.0);
        r.bound = Bound::MoreThan; // 超120家
        docs[0].claims.push(r);
        let s = status(&docs, ClaimRef { doc: 0, claim: 2 }).unwrap();
        assert_eq!(s.verdict, Verdict::Exceeded);
        assert!(s.approximate);
        assert_eq!(
            format_status(&s, false),
            "超额 +20家 (+20%)",
            "the margin is from the target"
        );
        docs[0].claims[2].redacted = true;
        docs[0].claims[2].value = None;
        assert!(status(&docs, ClaimRef { doc: 0, claim: 2 }).is_none());
        assert!(ambition(&docs, ClaimRef { doc: 0, claim: 2 }).is_none());
    }

    #[test]
    fn unknown_indicators_and_places_still_show() {
        let mut d = doc("未知", Level::Unknown, "", Some(2020), None);
        d.region.parent = None;
        d.claims.push(claim(
            Kind::Achievement,
            2020,
            "no_such_indicator",
            1.0,
            "家",
        ));
        assert_eq!(row_of(&d.claims[0]), OTHER);
        let docs = vec![d];
        let g = place_groups(&docs);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].top.name, "未知");
        assert_eq!(rows(&docs, &[PlaceYear::new("未知", 2020)]), vec![OTHER]);
        assert!(
            status(&docs, ClaimRef { doc: 0, claim: 0 }).is_none(),
            "no status on the other row"
        );
    }

    #[test]
    fn ambition_of_ranks_in_places() {
        let mut docs = corpus();
        let mut a = claim(Kind::Achievement, 2021, "innovation_index", 5.0, "位");
        a.measure = Measure::Rank;
        a.scope = Some(Scope::Province);
        let mut g = claim(Kind::Goal, 2022, "innovation_index", 3.0, "位");
        g.measure = Measure::Rank;
        g.scope = Some(Scope::Province);
        docs[0].claims.extend([a, g]);
        let amb = ambition(&docs, ClaimRef { doc: 0, claim: 6 }).unwrap();
        assert_eq!(amb.change, 2.0, "from 5th to 3rd is two places up");
        assert_eq!(format_ambition(&amb, true), "target vs last year +2 places");
    }

    #[test]
    fn ambition_against_last_year() {
        let docs = corpus();
        let a = ambition(&docs, ClaimRef { doc: 0, claim: 2 }).unwrap();
        assert_eq!(
            a.base,
            ClaimRef { doc: 0, claim: 0 },
            "113 (新增国家高新技术企业), not 24 (组织)"
        );
        assert!((a.change - (-11.504_424_778_761_06)).abs() < 1e-9);
        assert_eq!(format_ambition(&a, false), "目标较上年 −11.5%");
        assert_eq!(format_ambition(&a, true), "target vs last year −11.5%");
        assert!(
            status(&docs, ClaimRef { doc: 0, claim: 2 }).is_none(),
            "no 2022 result yet"
        );
    }

    #[test]
    fn ambition_of_a_percentage_is_in_points() {
        let mut docs = corpus();
        let mut a = claim(Kind::Achievement, 2021, "rd_intensity", 2.0, "%");
        a.subject = "全社会R&D经费投入强度".into();
        let mut g = claim(Kind::Goal, 2022, "rd_intensity", 2.3, "%");
        g.subject = "全社会R&D投入强度".into();
        docs[0].claims.extend([a, g]);
        let amb = ambition(&docs, ClaimRef { doc: 0, claim: 6 }).unwrap();
        assert!((amb.change - 0.3).abs() < 1e-9);
        assert_eq!(format_ambition(&amb, false), "目标较上年 +0.3个百分点");
        // And a target in % judged against a result in %: points, no relative %.
        let mut r = claim(Kind::Achievement, 2022, "rd_intensity", 2.4, "%");
        r.subject = "全社会R&D投入强度".into();
        let (v, m) = evaluate(&docs[0].claims[6], &r).unwrap();
        assert_eq!((v, m.pct), (Verdict::Exceeded, None));
    }

    #[test]
    fn ambition_needs_an_unambiguous_base() {
        let mut docs = corpus();
        docs[0].claims[2].subject = "目标".into();
        docs[0].claims[0].subject = "甲".into();
        assert!(ambition(&docs, ClaimRef { doc: 0, claim: 2 }).is_none());
    }

    #[test]
    fn values_format_with_bounds() {
        let mut c = goal(25.0);
        c.bound = Bound::AtLeast;
        assert_eq!(format_value(&c, false), "≥25家");
        assert_eq!(format_value(&c, true), "≥25 orgs");
        c.bound = Bound::MoreThan;
        assert_eq!(format_value(&c, false), ">25家");
        c.bound = Bound::Approx;
        assert_eq!(format_value(&c, false), "约25家");
        assert_eq!(format_value(&c, true), "≈25 orgs");
        c.bound = Bound::Nearly;
        assert_eq!(format_value(&c, false), "近25家");
        c.bound = Bound::Range;
        c.value = Some(3.0);
        c.value_max = Some(5.0);
        c.unit = "个".into();
        c.indicator = Some("talent".into());
        assert_eq!(format_value(&c, false), "3–5个");
        c.redacted = true;
        c.value = None;
        assert_eq!(format_value(&c, false), "已隐去");
        assert_eq!(format_value(&c, true), "redacted");
        let mut r = ach(3.0);
        r.measure = Measure::Rank;
        r.unit = "位".into();
        r.scope = Some(Scope::Province);
        assert_eq!(format_value(&r, false), "全省第3");
        assert_eq!(format_value(&r, true), "rank 3 in the province");
        r.scope = None;
        assert_eq!(format_value(&r, false), "第3位");
        let mut g = ach(22.4);
        g.measure = Measure::Growth;
        g.unit = "%".into();
        assert_eq!(format_value(&g, false), "增长22.4%");
        let mut m = claim(Kind::Achievement, 2024, "tech_transactions", 709.0, "亿元");
        m.bound = Bound::MoreThan;
        assert_eq!(format_value(&m, false), ">709亿元");
        assert_eq!(format_value(&m, true), ">709 ×100M yuan");
        assert_eq!(fmt_num(2.0), "2");
        assert_eq!(fmt_num(66.52), "66.52");
        assert_eq!(fmt_num(0.3567), "0.3567");
        assert_eq!(fmt_signed(0.0, 1), "±0");
    }

    #[test]
    fn tags_for_modality_and_estimate() {
        let mut c = goal(2.3);
        c.modality = Some(Modality::Ensure);
        assert_eq!(tags(&c, false), vec!["确保"]);
        c.modality = Some(Modality::Strive);
        c.estimated = true;
        assert_eq!(tags(&c, false), vec!["力争", "预计"]);
        assert_eq!(tags(&c, true), vec!["strive", "estimate"]);
    }

    #[test]
    fn number_span_from_offsets_or_search() {
        let mut c = ach(113.0);
        c.text = "全市新增国家高新技术企业113家、科技型中小企业301家".into();
        c.start = 100;
        c.number_start = 112;
        c.number_end = 116;
        let r = number_span(&c).unwrap();
        assert_eq!(&c.text[r], "113家");
        c.number_start = 0;
        c.number_end = 0;
        let r = number_span(&c).unwrap();
        assert_eq!(&c.text[r], "113");
        c.text = "没有数字".into();
        assert!(number_span(&c).is_none());
        c.text = "净增高新技术企业xx家".into();
        c.redacted = true;
        assert_eq!(&c.text[number_span(&c).unwrap()], "x");
    }

    #[test]
    fn claim_spans_skip_overlaps() {
        let mut d = doc("衢州市", Level::City, "浙江省", Some(2021), None);
        d.text = "新增高企113家、科小301家".into();
        let mut a = ach(113.0);
        a.number_start = 4;
        a.number_end = 8;
        let mut b = ach(301.0);
        b.number_start = 11;
        b.number_end = 15;
        let mut c = ach(13.0);
        c.number_start = 5;
        c.number_end = 7;
        d.claims = vec![b, a, c];
        let s = claim_spans(&d);
        assert_eq!(s.len(), 2);
        assert_eq!(&d.text[s[0].0.clone()], "113家");
        assert_eq!(s[0].1, 1);
        assert_eq!(&d.text[s[1].0.clone()], "301家");
    }

    #[test]
    fn csv_quoting_follows_rfc_4180() {
        assert_eq!(csv_field("衢州市"), "衢州市");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("他说\"好\""), "\"他说\"\"好\"\"\"");
        assert_eq!(csv_field("两\n行"), "\"两\n行\"");
        assert_eq!(csv_field("cr\r"), "\"cr\r\"");
        assert_eq!(csv_field(""), "");
        assert_eq!(csv_record(&["a", "b,c"]), "a,\"b,c\"\r\n");
    }

    #[test]
    fn comparison_csv_has_bom_header_and_rows() {
        let mut docs = corpus();
        docs[0].claims[0].text = "全市新增国家高新技术企业113家,\"超额\"完成".into();
        let cols = [
            PlaceYear::new("衢州市", 2021),
            PlaceYear::new("衢州市", 2022),
        ];
        let rs = rows(&docs, &cols);
        let csv = comparison_csv(&docs, &cols, &rs, false);
        assert!(csv.starts_with("\u{FEFF}地点,年份,指标"));
        assert!(csv.contains("衢州市,2021,高新技术企业,实绩,113家,113,,家,exact,level,,0,0,,,"));
        assert!(csv.contains("\"全市新增国家高新技术企业113家,\"\"超额\"\"完成\""));
        assert!(csv.contains(
            "衢州市,2022,高新技术企业,目标,100家,100,,家,exact,level,,0,0,,目标较上年 −11.5%"
        ));
        assert!(
            csv.contains("0.79亿元,0.79,,亿元") || csv.contains("7900万元"),
            "{csv}"
        );
        assert_eq!(csv.matches("\r\n").count(), 1 + 5);
        let en = comparison_csv(&docs, &cols, &rs, true);
        assert!(en.starts_with("\u{FEFF}place,year,indicator"));
        assert!(en.contains("High-tech enterprises,achievement"));
    }

    #[test]
    fn filter_finds_every_word() {
        let t = "推进高新技术企业培育,高新区建设 R&D Lab";
        let m = find_matches(t, "高新").unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(&t[m[0].clone()], "高新");
        assert!(
            find_matches(t, "高新 人才").is_none(),
            "all words must occur"
        );
        let m = find_matches(t, "r&d lab").unwrap();
        assert_eq!(&t[m[0].clone()], "R&D");
        assert_eq!(find_matches(t, "  "), Some(vec![]));
        // Overlapping words merge.
        let m = find_matches(t, "高新技 技术企").unwrap();
        assert_eq!(&t[m[0].clone()], "高新技术企");
        let segs = segments(t, &find_matches(t, "高新区").unwrap());
        assert_eq!(segs[1], ("高新区", true));
        assert_eq!(segs.iter().map(|s| s.0).collect::<String>(), t);
    }

    #[test]
    fn segments_ignore_bad_ranges() {
        let t = "科技局";
        #[allow(clippy::single_range_in_vec_init)]
        let bad = [1..2];
        assert_eq!(segments(t, &bad), vec![("科技局", false)]);
        assert_eq!(segments(t, &[]), vec![("科技局", false)]);
    }

    #[test]
    fn report_years_read_well() {
        let d = doc("绍兴市", Level::City, "浙江省", None, Some(2018));
        assert_eq!(report_years(&d), "2018");
        let d = doc("衢州市", Level::City, "浙江省", Some(2021), Some(2022));
        assert_eq!(report_years(&d), "2021–2022");
        assert_eq!(
            reports_for(&corpus(), &[PlaceYear::new("衢州市", 2021)]),
            vec![0]
        );
    }

    // --- Size-minded replacements of std machinery, checked against what they replace ---

    /// A few thousand values: a table, decimals of several sizes, and bit patterns of every kind.
    fn sample_values() -> Vec<f64> {
        let mut vs = vec![
            0.0,
            -0.0,
            0.05,
            -0.05,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.125,
            0.375,
            1.005,
            2.675,
            0.3567,
            66.52,
            22.4,
            4.38,
            12345.6,
            -11.5,
            99.99995,
            9.99995,
            0.00005,
            -0.00001,
            1e-9,
            1e15 + 0.5,
            4503599627370497.0,
            9007199254740993.0,
            1e17,
            1.8e19,
            1e22,
            3.4e38,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for i in -2000..2000 {
            let i = i as f64;
            vs.extend([
                i,
                i / 10.0,
                i / 100.0,
                i / 1000.0,
                i / 10000.0,
                i / 7.0,
                i / 8.0,
            ]);
            vs.push(i * 0.0001 + 0.00005);
            vs.push(i * 1234.5678);
        }
        // Pseudo-random bit patterns (xorshift), every exponent and sign.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..1000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            vs.push(f64::from_bits(x));
            // and a value of ordinary size with random low bits
            vs.push(f64::from_bits(
                (x & 0x800F_FFFF_FFFF_FFFF) | (1023 + (x % 40) - 20) << 52,
            ));
        }
        vs
    }

    #[test]
    fn fmt_fixed_writes_what_format_writes() {
        for v in sample_values() {
            for d in [0, 1, 2, 3, 4, 6, 9, 20] {
                assert_eq!(
                    fmt_fixed(v, d),
                    format!("{v:.d$}"),
                    "{v:e} with {d} decimals"
                );
            }
        }
        assert_eq!(fmt_fixed(-0.0, 1), "-0.0");
        assert_eq!(fmt_fixed(0.125, 2), "0.12");
        assert_eq!(fmt_fixed(0.375, 2), "0.38");
        assert_eq!(fmt_fixed(99.99995, 4), "99.9999"); // just below ...95 in binary
        assert_eq!(fmt_fixed(99.99996, 4), "100.0000");
        assert_eq!(fmt_fixed(12345.6, 0), "12346");
        assert_eq!(fmt_fixed(f64::NAN, 2), "NaN");
        assert_eq!(fmt_fixed(f64::NEG_INFINITY, 2), "-inf");
    }

    #[test]
    fn fmt_num_and_fmt_signed_write_what_they_wrote_with_format() {
        // The implementations before fmt_fixed.
        let old_num = |v: f64| {
            if (v - v.round()).abs() < 1e-9 {
                return format!("{}", v.round() as i64);
            }
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        let old_signed = |v: f64, decimals: usize| {
            let r = format!("{:.*}", decimals, v.abs());
            let r = if r.contains('.') {
                r.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                r
            };
            if r.chars().all(|c| c == '0' || c == '.') {
                "±0".to_string()
            } else if v < 0.0 {
                format!("−{r}")
            } else {
                format!("+{r}")
            }
        };
        for v in sample_values() {
            assert_eq!(fmt_num(v), old_num(v), "{v:e}");
            for d in 0..=4 {
                assert_eq!(
                    fmt_signed(v, d),
                    old_signed(v, d),
                    "{v:e} with {d} decimals"
                );
            }
        }
        assert_eq!(fmt_num(-0.0), "0");
        assert_eq!(fmt_num(0.05), "0.05");
        assert_eq!(fmt_num(12345.6), "12345.6");
        assert_eq!(fmt_num(-2.25), "-2.25");
        assert_eq!(fmt_signed(-11.54, 1), "−11.5");
        assert_eq!(fmt_signed(0.004, 2), "±0");
        assert_eq!(fmt_signed(13.0, 0), "+13");
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn filter_folds_ascii_case_only_and_keeps_byte_offsets() {
        let t = "R&D研发 rd";
        let m = find_matches(t, "r&d RD").unwrap();
        assert_eq!(m, vec![0..3, 10..12]);
        assert_eq!(&t[m[0].clone()], "R&D");
        assert_eq!(&t[m[1].clone()], "rd");
        // 'İ' lower-cases to three bytes from two: the offsets after it must not move.
        let t = "İ GDP 研发 gdp";
        let m = find_matches(t, "gdp").unwrap();
        assert_eq!(
            m.iter().map(|r| &t[r.clone()]).collect::<Vec<_>>(),
            ["GDP", "gdp"]
        );
        // Touching and overlapping occurrences merge; separate ones do not.
        assert_eq!(find_matches("abcabc", "abc"), Some(vec![0..6]));
        assert_eq!(find_matches("aXbXa", "a b"), Some(vec![0..1, 2..3, 4..5]));
        assert_eq!(find_matches("Gdp", "GDP"), Some(vec![0..3]));
        // Letters outside ASCII are matched as written.
        assert_eq!(find_matches("Éclair", "éclair"), None);
        assert_eq!(find_matches("Éclair", "ÉCLAIR"), Some(vec![0..7]));
    }

    #[test]
    fn claim_spans_keep_the_order_a_stable_sort_gave() {
        // The implementation before the per-char slots.
        let old = |doc: &Document| {
            let idx: Vec<usize> = doc
                .text
                .char_indices()
                .map(|(b, _)| b)
                .chain([doc.text.len()])
                .collect();
            let mut spans: Vec<(Range<usize>, usize)> = doc
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.number_end > c.number_start && c.number_end < idx.len())
                .map(|(i, c)| (idx[c.number_start]..idx[c.number_end], i))
                .collect();
            spans.sort_by_key(|s| (s.0.start, s.0.end));
            let mut out: Vec<(Range<usize>, usize)> = Vec::new();
            for s in spans {
                if out.last().is_none_or(|l| l.0.end <= s.0.start) {
                    out.push(s);
                }
            }
            out
        };
        let mut d = doc("衢州市", Level::City, "浙江省", Some(2021), None);
        d.text = "新增高企113家、科小301家 R&D 2.3%".into();
        let n = d.text.chars().count();
        let mut x: u32 = 12345;
        for round in 0..400 {
            d.claims.clear();
            for _ in 0..(round % 9) {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let a = (x >> 8) as usize % (n + 3);
                let b = (x >> 20) as usize % (n + 3);
                let mut c = ach(1.0);
                c.number_start = a;
                c.number_end = b;
                d.claims.push(c);
            }
            assert_eq!(claim_spans(&d), old(&d), "{round}");
        }
        // Equal spans: the first claim wins; equal starts: the shorter span.
        let span = |a: usize, b: usize| {
            let mut c = ach(1.0);
            c.number_start = a;
            c.number_end = b;
            c
        };
        d.claims = vec![span(4, 8), span(4, 7), span(4, 7), span(8, 9), span(0, 0)];
        assert_eq!(claim_spans(&d), vec![(12..15, 1), (18..21, 3)]);
    }

    #[test]
    fn similarity_counts_distinct_shared_pairs() {
        let old = |a: &str, b: &str| {
            let bi = |s: &str| -> BTreeSet<(char, char)> {
                let cs: Vec<char> = s.chars().collect();
                cs.windows(2).map(|w| (w[0], w[1])).collect()
            };
            let shared = bi(a).intersection(&bi(b)).count();
            let stock = |s: &str| {
                ["总量", "累计", "有效", "总数", "拥有"]
                    .iter()
                    .any(|w| s.contains(w))
            };
            if shared > 0 && stock(a) == stock(b) {
                shared + 3
            } else {
                shared
            }
        };
        let subjects = [
            "",
            "企",
            "新增国家高新技术企业",
            "高新技术企业总数",
            "有效高新技术企业",
            "组织",
            "高新高新高新",
            "新高新高",
            "累计拥有发明专利",
            "R&D经费投入",
        ];
        for a in subjects {
            for b in subjects {
                assert_eq!(similarity(a, b), old(a, b), "{a} / {b}");
            }
        }
        // One distinct shared pair (高新 twice counts once), plus 3 as neither counts a stock.
        assert_eq!(similarity("高新高新", "新高"), 4);
        assert_eq!(similarity("高新高新", "累计新高"), 1);
    }

    #[test]
    fn pick_takes_the_unique_best_in_any_order() {
        let mut d = doc("衢州市", Level::City, "浙江省", Some(2021), Some(2022));
        let subjects = [
            "组织",
            "新增高新技术企业",
            "高新技术企业",
            "新增高新技术企业",
            "企业",
        ];
        d.claims = subjects
            .iter()
            .map(|s| {
                let mut c = ach(1.0);
                c.subject = (*s).into();
                c
            })
            .collect();
        let docs = vec![d];
        let g = goal(2.0);
        let r = |i: usize| ClaimRef { doc: 0, claim: i };
        assert_eq!(pick(&docs, &g, &[r(0), r(2), r(4)]), Some(r(2)));
        assert_eq!(pick(&docs, &g, &[r(4), r(0), r(2)]), Some(r(2)));
        // Two results share the best score: none.
        assert_eq!(pick(&docs, &g, &[r(1), r(2), r(3)]), None);
        assert_eq!(pick(&docs, &g, &[r(3), r(1)]), None);
        // The only comparable one, even without likeness; none when nothing is alike.
        assert_eq!(pick(&docs, &g, &[r(0)]), Some(r(0)));
        assert_eq!(pick(&docs, &g, &[r(0), r(0)]), None);
        assert_eq!(pick(&docs, &g, &[]), None);
        let mut red = docs.clone();
        red[0].claims[2].redacted = true;
        assert_eq!(pick(&red, &g, &[r(0), r(2), r(4)]), Some(r(4)));
    }

    #[test]
    fn reports_for_lists_each_report_once_in_corpus_order() {
        let docs = corpus();
        let cols = [
            PlaceYear::new("新昌县", 2020),
            PlaceYear::new("衢州市", 2022),
            PlaceYear::new("衢州市", 2021),
            PlaceYear::new("外地", 2021),
        ];
        assert_eq!(reports_for(&docs, &cols), vec![0, 1]);
        assert_eq!(reports_for(&docs, &[]), Vec::<usize>::new());
        assert_eq!(
            doc_years(&docs[0]).into_iter().collect::<Vec<_>>(),
            [2021, 2022]
        );
        assert_eq!(
            doc_years(&docs[1]).into_iter().collect::<Vec<_>>(),
            [2020, 2021, 2022]
        );
    }

    #[test]
    fn csv_names_are_the_snake_case_of_the_variants() {
        let snake = |v: &dyn std::fmt::Debug| {
            let s = format!("{v:?}");
            let mut o = String::new();
            for (i, ch) in s.chars().enumerate() {
                if ch.is_uppercase() && i > 0 {
                    o.push('_');
                }
                o.extend(ch.to_lowercase());
            }
            o
        };
        for b in [
            Bound::Exact,
            Bound::AtLeast,
            Bound::MoreThan,
            Bound::Nearly,
            Bound::Approx,
            Bound::Range,
        ] {
            assert_eq!(bound_name(b), snake(&b));
        }
        for m in [
            Measure::Level,
            Measure::Growth,
            Measure::Share,
            Measure::Rank,
        ] {
            assert_eq!(measure_name(m), snake(&m));
        }
        for m in [Modality::Ensure, Modality::Strive] {
            assert_eq!(modality_name(m), snake(&m));
        }
    }
}
