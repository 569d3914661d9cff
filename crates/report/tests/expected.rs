//! Checks the parser against tests/expected/<id>.tsv, written by hand from the source text:
//! every expected row must match exactly one claim and every claim must match a row. `<id>` is a
//! seed, or a fixture in tests/fixtures/ (reports of other places and layouts).
//!
//! Columns (tab-separated, header row): kind, year, indicator, measure, value, value_max, unit,
//! bound, modality, scope, estimated, redacted, snippet. Empty cells mean none. `snippet` is a
//! short exact substring of the normalised source that the claim's sentence must contain.

mod common;

use common::{load, root, seed_ids};
use report::parse::normalise;
use report::Claim;

#[derive(Debug, Clone)]
struct Row {
    line: usize,
    kind: String,
    year: Option<i32>,
    indicator: Option<String>,
    measure: String,
    value: Option<f64>,
    value_max: Option<f64>,
    unit: String,
    bound: String,
    modality: Option<String>,
    scope: Option<String>,
    estimated: bool,
    redacted: bool,
    snippet: String,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn num(s: &str, what: &str, line: usize) -> Option<f64> {
    opt(s).map(|v| {
        v.parse()
            .unwrap_or_else(|_| panic!("line {line}: {what} {v:?} is not a number"))
    })
}

fn parse_tsv(text: &str) -> Vec<Row> {
    let mut lines = text.lines().enumerate();
    let header: Vec<String> = lines
        .next()
        .map(|(_, h)| h.split('\t').map(|c| c.trim().to_lowercase()).collect())
        .unwrap_or_default();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("tsv has no column {name}: {header:?}"))
    };
    let idx: Vec<usize> = [
        "kind",
        "year",
        "indicator",
        "measure",
        "value",
        "value_max",
        "unit",
        "bound",
        "modality",
        "scope",
        "estimated",
        "redacted",
        "snippet",
    ]
    .iter()
    .map(|n| col(n))
    .collect();
    let mut rows = Vec::new();
    for (n, l) in lines {
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = l.split('\t').collect();
        let c = |k: usize| cells.get(idx[k]).copied().unwrap_or("").trim();
        let line = n + 1;
        rows.push(Row {
            line,
            kind: c(0).to_string(),
            year: opt(c(1)).map(|y| {
                y.parse()
                    .unwrap_or_else(|_| panic!("line {line}: year {y}"))
            }),
            indicator: opt(c(2)),
            measure: c(3).to_string(),
            value: num(c(4), "value", line),
            value_max: num(c(5), "value_max", line),
            unit: c(6).to_string(),
            bound: c(7).to_string(),
            modality: opt(c(8)),
            scope: opt(c(9)),
            estimated: c(10) == "true",
            redacted: c(11) == "true",
            snippet: normalise(c(12)),
        });
    }
    rows
}

/// The serde spelling of an enum value (`Achievement` → `achievement`).
fn spell<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn same_num(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9,
        _ => false,
    }
}

/// Field-by-field differences between a row and a claim (empty = match).
fn diff(r: &Row, c: &Claim) -> Vec<String> {
    let mut d = Vec::new();
    let mut check = |name: &str, ok: bool, want: String, got: String| {
        if !ok {
            d.push(format!("{name}: want {want:?} got {got:?}"));
        }
    };
    let kind = spell(&c.kind);
    check("kind", r.kind == kind, r.kind.clone(), kind);
    check(
        "year",
        r.year == c.year,
        format!("{:?}", r.year),
        format!("{:?}", c.year),
    );
    check(
        "indicator",
        r.indicator == c.indicator,
        format!("{:?}", r.indicator),
        format!("{:?}", c.indicator),
    );
    let measure = spell(&c.measure);
    check("measure", r.measure == measure, r.measure.clone(), measure);
    check(
        "value",
        same_num(r.value, c.value),
        format!("{:?}", r.value),
        format!("{:?}", c.value),
    );
    check(
        "value_max",
        same_num(r.value_max, c.value_max),
        format!("{:?}", r.value_max),
        format!("{:?}", c.value_max),
    );
    check("unit", r.unit == c.unit, r.unit.clone(), c.unit.clone());
    let bound = spell(&c.bound);
    check("bound", r.bound == bound, r.bound.clone(), bound);
    let modality = c.modality.as_ref().map(spell);
    check(
        "modality",
        r.modality == modality,
        format!("{:?}", r.modality),
        format!("{modality:?}"),
    );
    let scope = c.scope.as_ref().map(spell);
    check(
        "scope",
        r.scope == scope,
        format!("{:?}", r.scope),
        format!("{scope:?}"),
    );
    check(
        "estimated",
        r.estimated == c.estimated,
        r.estimated.to_string(),
        c.estimated.to_string(),
    );
    check(
        "redacted",
        r.redacted == c.redacted,
        r.redacted.to_string(),
        c.redacted.to_string(),
    );
    let text = normalise(&c.text);
    check(
        "snippet",
        text.contains(&r.snippet),
        r.snippet.clone(),
        text,
    );
    d
}

/// Maximum one-to-one matching of rows to claims (augmenting paths; the sets are small).
fn matching(rows: &[Row], claims: &[Claim]) -> Vec<Option<usize>> {
    let ok: Vec<Vec<usize>> = rows
        .iter()
        .map(|r| {
            (0..claims.len())
                .filter(|&k| diff(r, &claims[k]).is_empty())
                .collect()
        })
        .collect();
    let mut claim_of_row: Vec<Option<usize>> = vec![None; rows.len()];
    let mut row_of_claim: Vec<Option<usize>> = vec![None; claims.len()];
    fn augment(
        r: usize,
        ok: &[Vec<usize>],
        seen: &mut [bool],
        claim_of_row: &mut [Option<usize>],
        row_of_claim: &mut [Option<usize>],
    ) -> bool {
        for &c in &ok[r] {
            if seen[c] {
                continue;
            }
            seen[c] = true;
            if row_of_claim[c].is_none_or(|r2| augment(r2, ok, seen, claim_of_row, row_of_claim)) {
                claim_of_row[r] = Some(c);
                row_of_claim[c] = Some(r);
                return true;
            }
        }
        false
    }
    for r in 0..rows.len() {
        let mut seen = vec![false; claims.len()];
        augment(r, &ok, &mut seen, &mut claim_of_row, &mut row_of_claim);
    }
    claim_of_row
}

fn show_claim(c: &Claim, text: &[char]) -> String {
    let number: String = text
        .get(c.number_start..c.number_end.min(text.len()))
        .map(|s| s.iter().collect())
        .unwrap_or_default();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t[{}] {}",
        spell(&c.kind),
        c.year.map(|y| y.to_string()).unwrap_or_default(),
        c.indicator.clone().unwrap_or_default(),
        spell(&c.measure),
        c.value.map(|v| v.to_string()).unwrap_or_default(),
        c.value_max.map(|v| v.to_string()).unwrap_or_default(),
        c.unit,
        spell(&c.bound),
        c.modality.as_ref().map(spell).unwrap_or_default(),
        c.scope.as_ref().map(spell).unwrap_or_default(),
        c.estimated,
        c.redacted,
        number,
        c.text
    )
}

#[test]
fn claims_match_expected_tables() {
    let dir = root().join("tests/expected");
    let mut report = Vec::new();
    let mut checked = 0;
    // The seeds, then the fixtures of other places and layouts that have a table.
    let seeds = seed_ids();
    let mut fixtures: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/expected exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".tsv").map(str::to_string)
        })
        .filter(|stem| !seeds.contains(stem))
        .collect();
    fixtures.sort();
    let sources = seeds
        .iter()
        .map(|id| (id.clone(), format!("seeds/{id}.txt")))
        .chain(
            fixtures
                .iter()
                .map(|id| (id.clone(), format!("tests/fixtures/{id}.txt"))),
        );
    for (id, source) in sources {
        let path = dir.join(format!("{id}.tsv"));
        let Ok(tsv) = std::fs::read_to_string(&path) else {
            eprintln!("note: no {} yet; skipping {id}", path.display());
            continue;
        };
        checked += 1;
        let rows = parse_tsv(&tsv);
        let doc = load(&source);
        let text: Vec<char> = doc.text.chars().collect();
        let m = matching(&rows, &doc.claims);
        let mut used = vec![false; doc.claims.len()];
        for c in m.iter().flatten() {
            used[*c] = true;
        }
        let mut missing = Vec::new();
        for (r, c) in rows.iter().zip(&m) {
            if c.is_some() {
                continue;
            }
            // The nearest claim: same snippet, fewest differing fields.
            let near = doc
                .claims
                .iter()
                .enumerate()
                .filter(|(k, c)| !used[*k] && normalise(&c.text).contains(&r.snippet))
                .map(|(_, c)| (diff(r, c), c))
                .min_by_key(|(d, _)| d.len());
            let hint = match near {
                Some((d, c)) => format!(
                    "\n      nearest claim [{}]: {}",
                    text.get(c.number_start..c.number_end.min(text.len()))
                        .map(|s| s.iter().collect::<String>())
                        .unwrap_or_default(),
                    d.join("; ")
                ),
                None => "\n      no claim's sentence contains the snippet".into(),
            };
            missing.push(format!("  line {}: {:?}{hint}", r.line, r));
        }
        let extra: Vec<String> = doc
            .claims
            .iter()
            .enumerate()
            .filter(|(k, _)| !used[*k])
            .map(|(_, c)| format!("  {}", show_claim(c, &text)))
            .collect();
        if !missing.is_empty() || !extra.is_empty() {
            report.push(format!(
                "{id}: {} expected rows, {} claims, {} matched\n MISSING (expected, no claim):\n{}\n EXTRA (claim, no expected row):\n{}",
                rows.len(),
                doc.claims.len(),
                m.iter().flatten().count(),
                missing.join("\n"),
                extra.join("\n")
            ));
        }
    }
    if checked == 0 {
        eprintln!("note: no tests/expected/*.tsv present; nothing to compare");
    }
    assert!(report.is_empty(), "\n{}", report.join("\n\n"));
}
