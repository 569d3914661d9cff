//! The scorecard over real reports: 宁波's 2024 plan (the opening with its 主要目标 paragraph) and
//! its 2024 summary, from tests/dev/texts. Read by hand: five goals for 2024 (R&D intensity 3.3%,
//! 争取 3.4%; 有效高新技术企业 over 8,500, 争取 9,000; the high-tech industry's share of value
//! added 61.5%; its investment +15%; technology trade over 90 billion yuan, 争取 100 billion). The
//! summary's opening claims one of them for 2024, 高新技术企业预计突破8800家 (its R&D ratio of
//! 3.08% is 2023's). The seeds are in the corpus too and change nothing for 宁波.

mod common;

use common::root;
use report::compare::{format_tally, scorecard, Outcome, PlaceYear, Verdict};
use report::parse::parse_document;
use report::Document;

fn body(raw: &str) -> String {
    raw.lines()
        .skip_while(|l| {
            l.starts_with("source:") || l.starts_with("partial:") || l.trim().is_empty()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn corpus() -> Vec<Document> {
    let mut docs = Vec::new();
    for name in ["ningbo_2024_plan", "ningbo_2024"] {
        let raw = std::fs::read_to_string(root().join(format!("tests/dev/texts/{name}.txt")))
            .expect("a development text");
        docs.push(parse_document(name, &format!("{name}.txt"), &body(&raw)));
    }
    for e in std::fs::read_dir(root().join("seeds")).expect("seeds/") {
        let p = e.expect("an entry").path();
        if p.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&p).expect("a seed");
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            docs.push(parse_document(&id, &id, &text));
        }
    }
    docs
}

#[test]
fn ningbo_2024_goals_against_its_2024_summary() {
    let docs = corpus();
    let card = scorecard(&docs, &PlaceYear::new("宁波市", 2024));
    let t = card.tally();
    assert_eq!(format_tally(&t, false), "5项目标:超额1 · 未报告4");
    assert_eq!(card.reports, vec![1], "the results come from the summary");
    let hte = card
        .lines
        .iter()
        .find(|l| l.outcome == Outcome::Exceeded)
        .expect("one goal exceeded");
    let goal = hte.goal.get(&docs).unwrap();
    let result = hte.result.and_then(|r| r.get(&docs)).unwrap();
    assert_eq!(goal.indicator.as_deref(), Some("high_tech_enterprises"));
    assert_eq!((goal.value, result.value), (Some(8500.0), Some(8800.0)));
    assert!(hte.estimated, "预计: the result is an estimate");
    let stretch = hte.stretch.and_then(|s| s.get(&docs)).unwrap();
    assert_eq!(stretch.value, Some(9000.0));
    assert_eq!(hte.stretch_verdict, Some(Verdict::Missed));
    assert_eq!(hte.margin.as_ref().map(|m| m.value), Some(300.0));
    let silent: Vec<&str> = card
        .lines
        .iter()
        .filter(|l| l.outcome == Outcome::NotReported)
        .filter_map(|l| l.goal.get(&docs)?.indicator.as_deref())
        .collect();
    assert_eq!(silent.len(), 4, "{silent:?}");
    for id in ["rd_intensity", "tech_transactions"] {
        assert!(
            silent.contains(&id),
            "{id} is not reported back: {silent:?}"
        );
    }
}
