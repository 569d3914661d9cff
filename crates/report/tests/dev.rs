//! The development reports (tests/dev/, copied from shared/reports-dev): 49 real openings of
//! reports nobody tuned the parser for. Every one must parse without panic with valid offsets and
//! the place and years of tests/dev/places.tsv; the 24 with claims listed by hand
//! (tests/dev/gold/) are scored the way shared/reports-dev/score_claims.py scores them, and the
//! figures must not fall below the floors below. `DEV_VERBOSE=1` prints every miss and extra.

mod common;

use common::root;
use report::parse::{normalise, parse_document};
use report::{Document, Kind};
use serde_json::Value;
use std::collections::BTreeMap;

/// The report text without the two header lines (`source:`, `partial:`) and the blank after.
fn body(raw: &str) -> String {
    let mut lines: Vec<&str> = raw.lines().collect();
    while lines.first().is_some_and(|l| {
        l.starts_with("source:") || l.starts_with("partial:") || l.trim().is_empty()
    }) {
        lines.remove(0);
    }
    lines.join("\n") + "\n"
}

fn dev_docs() -> BTreeMap<String, Document> {
    let dir = root().join("tests/dev/texts");
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(&dir).expect("tests/dev/texts exists") {
        let p = e.expect("readable dir").path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        let raw = std::fs::read_to_string(&p).expect("UTF-8 text");
        let d = parse_document(&stem, &format!("{stem}.txt"), &body(&raw));
        out.insert(stem, d);
    }
    out
}

/// Whitespace removed, full-width folded: anchors match across PDF spaces and line breaks.
fn norm(s: &str) -> String {
    normalise(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// (value in base unit, base unit) as the scorer converts them.
fn base(value: Option<f64>, unit: &str) -> (Option<f64>, String) {
    let unit: String = unit
        .chars()
        .map(|c| match c {
            '億' => '亿',
            '萬' => '万',
            '項' => '项',
            '個' => '个',
            '點' => '点',
            '實' => '实',
            c => c,
        })
        .collect();
    let (u, k) = match unit.as_str() {
        "亿元" => ("元", 1e8),
        "万元" => ("元", 1e4),
        "元" => ("元", 1.0),
        "万人" => ("人", 1e4),
        "人" | "名" | "人次" => ("人", 1.0),
        "万平方米" | "万方" => ("平方米", 1e4),
        "平方米" => ("平方米", 1.0),
        "%" => ("%", 1.0),
        "个百分点" => ("pp", 1.0),
        other => (other, 1.0),
    };
    (value.map(|v| v * k), u.to_string())
}

fn same_value(g: &Value, c: &report::Claim) -> bool {
    if g["redacted"].as_bool() == Some(true) {
        return c.redacted || c.value.is_none();
    }
    let (gv, gu) = base(g["value"].as_f64(), g["unit"].as_str().unwrap_or(""));
    let (ev, eu) = base(c.value, &c.unit);
    let (Some(gv), Some(ev)) = (gv, ev) else {
        return false;
    };
    let rank = |m: &str| m == "rank";
    let cm = serde_json::to_value(c.measure).unwrap();
    if rank(g["measure"].as_str().unwrap_or("")) || rank(cm.as_str().unwrap_or("")) {
        return gv == ev && g["measure"] == cm;
    }
    let close = (gv - ev).abs() <= 1e-6 * gv.abs().max(1.0);
    if gu == eu {
        return close;
    }
    let raw_equal = (g["value"].as_f64().unwrap() - c.value.unwrap()).abs() <= 1e-9;
    raw_equal && !["元", "%"].contains(&gu.as_str()) && !["元", "%"].contains(&eu.as_str())
}

#[derive(Default, Debug)]
struct Score {
    gold: usize,
    matched: usize,
    extracted: usize,
    doubt_hits: usize,
    core: usize,
    core_ok: usize,
    /// Matched claims whose year is the gold's.
    year_ok: usize,
}

/// Matches one document's claims to its gold lines, one to one, as score_claims.py does.
fn score(d: &Document, gold: &[Value], verbose: bool) -> Score {
    let mut s = Score {
        extracted: d.claims.len(),
        ..Score::default()
    };
    let mut used = vec![false; d.claims.len()];
    let texts: Vec<String> = d.claims.iter().map(|c| norm(&c.text)).collect();
    let mut misses = Vec::new();
    for g in gold {
        let doubt = g.get("doubt").is_some();
        let anchor = norm(g["anchor"].as_str().unwrap_or(""));
        let anchor = anchor_part(&anchor);
        let kind = g["kind"].as_str().unwrap_or("");
        let hit = d.claims.iter().enumerate().position(|(i, c)| {
            let ck = match c.kind {
                Kind::Achievement => "achievement",
                Kind::Goal => "goal",
            };
            !used[i] && ck == kind && texts[i].contains(&anchor) && same_value(g, c)
        });
        match hit {
            None if !doubt => misses.push(g),
            None => {}
            Some(i) => {
                used[i] = true;
                if doubt {
                    s.doubt_hits += 1;
                    continue;
                }
                s.matched += 1;
                if g["year"].as_i64() == d.claims[i].year.map(i64::from) {
                    s.year_ok += 1;
                } else if verbose {
                    println!(
                        "   year {:?} != {} @{}",
                        d.claims[i].year, g["year"], g["anchor"]
                    );
                }
                if g["core"].as_bool() == Some(true) && !g["indicator"].is_null() {
                    s.core += 1;
                    if d.claims[i].indicator.as_deref() == g["indicator"].as_str() {
                        s.core_ok += 1;
                    } else if verbose {
                        println!(
                            "   indicator {:?} != {} @{}",
                            d.claims[i].indicator, g["indicator"], g["anchor"]
                        );
                    }
                }
            }
        }
        if !doubt {
            s.gold += 1;
        }
    }
    if verbose {
        for g in misses {
            println!(
                "   miss {} {} {}{} @{}",
                g["kind"], g["indicator"], g["value"], g["unit"], g["anchor"]
            );
        }
        for (i, c) in d.claims.iter().enumerate().filter(|(i, _)| !used[*i]) {
            let _ = i;
            println!(
                "   extra {:?} {:?} {:?}{} @{}",
                c.kind,
                c.indicator,
                c.value,
                c.unit,
                c.text.chars().take(40).collect::<String>()
            );
        }
    }
    s
}

/// The part of an anchor that holds the number, when it runs past a sentence end or a page
/// marker (the scorer's rule).
fn anchor_part(anchor: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = anchor.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if "。;".contains(c) {
            parts.push(std::mem::take(&mut cur));
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let j = (i..chars.len())
                .find(|&k| !chars[k].is_ascii_digit())
                .unwrap_or(chars.len());
            if chars.get(j) == Some(&'、') {
                parts.push(std::mem::take(&mut cur));
                i = j + 1;
                continue;
            }
        }
        cur.push(c);
        i += 1;
    }
    parts.push(cur);
    let numeric: Vec<&String> = parts
        .iter()
        .filter(|p| {
            p.chars()
                .any(|c| c.is_ascii_digit() || "x一二三四五六七八九十百千万零".contains(c))
        })
        .collect();
    numeric
        .iter()
        .max_by_key(|p| p.chars().count())
        .map(|p| p.to_string())
        .unwrap_or_else(|| anchor.to_string())
}

#[test]
fn dev_reports_parse_with_valid_offsets() {
    for (stem, d) in dev_docs() {
        let n = d.text.chars().count();
        let chars: Vec<char> = d.text.chars().collect();
        for c in &d.claims {
            assert!(
                c.start <= c.number_start
                    && c.number_start < c.number_end
                    && c.number_end <= c.end
                    && c.end <= n,
                "{stem}: bad offsets {c:?}"
            );
            let slice: String = chars[c.start..c.end].iter().collect();
            assert_eq!(slice, c.text, "{stem}: claim text is not its slice");
        }
        for i in &d.items {
            assert!(i.start < i.end && i.end <= n, "{stem}: bad item offsets");
            let slice: String = chars[i.start..i.end].iter().collect();
            assert_eq!(slice, i.text, "{stem}: item text is not its slice");
        }
    }
}

/// One row of tests/dev/places.tsv.
struct Expect {
    place: String,
    level: String,
    parent: String,
    summary: Vec<String>,
    plan: Vec<String>,
}

fn expectations() -> BTreeMap<String, Expect> {
    let text = std::fs::read_to_string(root().join("tests/dev/places.tsv")).expect("places.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let alts = |s: &str| s.split('|').map(str::to_string).collect();
            (
                c[0].to_string(),
                Expect {
                    place: c[1].into(),
                    level: c[2].into(),
                    parent: c[3].into(),
                    summary: alts(c[4]),
                    plan: alts(c[5]),
                },
            )
        })
        .collect()
}

fn year(y: Option<i32>) -> String {
    y.map(|y| y.to_string()).unwrap_or_else(|| "-".into())
}

#[test]
fn dev_reports_place_and_years() {
    let want = expectations();
    let docs = dev_docs();
    assert_eq!(want.len(), docs.len(), "places.tsv lists every dev text");
    let mut wrong = Vec::new();
    for (stem, d) in &docs {
        let w = want
            .get(stem)
            .unwrap_or_else(|| panic!("{stem} missing in places.tsv"));
        let level = serde_json::to_value(d.region.level).unwrap();
        let got = (
            d.region.name.as_str(),
            level.as_str().unwrap_or(""),
            d.region.parent.as_deref().unwrap_or("-"),
        );
        if got != (w.place.as_str(), w.level.as_str(), w.parent.as_str()) {
            wrong.push(format!(
                "{stem}: place {got:?}, want {} {} {}",
                w.place, w.level, w.parent
            ));
        }
        if !w.summary.contains(&year(d.summary_year)) || !w.plan.contains(&year(d.plan_year)) {
            wrong.push(format!(
                "{stem}: years {}/{}, want {:?}/{:?}",
                year(d.summary_year),
                year(d.plan_year),
                w.summary,
                w.plan
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn dev_gold_scores() {
    let verbose = std::env::var_os("DEV_VERBOSE").is_some();
    let docs = dev_docs();
    let dir = root().join("tests/dev/gold");
    let mut stems: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/dev/gold exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.strip_suffix(".jsonl").map(str::to_string)
        })
        .collect();
    stems.sort();
    let mut total = Score::default();
    for stem in &stems {
        let text = std::fs::read_to_string(dir.join(format!("{stem}.jsonl"))).unwrap();
        let lines: Vec<Value> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("gold line is JSON"))
            .collect();
        let d = &docs[stem];
        if verbose {
            println!("{stem}:");
        }
        let s = score(d, &lines[1..], verbose);
        if verbose {
            println!(
                "  gold {}, extracted {}, matched {}",
                s.gold, s.extracted, s.matched
            );
        }
        total.gold += s.gold;
        total.matched += s.matched;
        total.extracted += s.extracted;
        total.doubt_hits += s.doubt_hits;
        total.core += s.core;
        total.core_ok += s.core_ok;
        total.year_ok += s.year_ok;
    }
    let recall = total.matched as f64 / total.gold as f64;
    let precision = total.matched as f64 / (total.extracted - total.doubt_hits).max(1) as f64;
    let indicator = total.core_ok as f64 / total.core.max(1) as f64;
    let years = total.year_ok as f64 / total.matched.max(1) as f64;
    println!("dev gold: recall {recall:.3} precision {precision:.3} core-indicator {indicator:.3} years {years:.3} ({total:?})");
    // Floors a little under the figures reached when this test was last tightened (README, "Adding
    // reports"): a change that loses claims on reports nobody tuned for fails here, while one
    // claim more or less on a sentence still leaves room to move. Raise them as the parser improves.
    assert!(recall >= 0.98, "recall {recall:.3} fell below 0.98");
    assert!(
        precision >= 0.97,
        "precision {precision:.3} fell below 0.97"
    );
    assert!(
        indicator >= 0.98,
        "core indicator {indicator:.3} fell below 0.98"
    );
    assert!(years >= 0.94, "years {years:.3} fell below 0.94");
}
