//! CSV export of a comparison (RFC 4180, with a BOM for spreadsheet programs).

use super::*;

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

/// The scorecard as CSV (UTF-8 with BOM, CRLF): one record per goal line, with the goal (and
/// stretch), the result, the verdict, the margin and both source sentences.
pub fn scorecard_csv(docs: &[Document], cards: &[Card], en: bool) -> String {
    let header: &[&str] = if en {
        &[
            "place",
            "year",
            "indicator",
            "goal",
            "stretch goal",
            "result",
            "verdict",
            "stretch verdict",
            "margin",
            "estimated",
            "why not judged",
            "goal sentence",
            "result sentence",
            "goal report",
            "result report",
        ]
    } else {
        &[
            "地点",
            "年份",
            "指标",
            "目标",
            "力争目标",
            "实绩",
            "完成情况",
            "力争目标完成情况",
            "差距",
            "实绩为预计",
            "无法判断的原因",
            "目标原文",
            "实绩原文",
            "目标所在报告",
            "实绩所在报告",
        ]
    };
    let mut out = String::from("\u{FEFF}");
    out.push_str(&csv_record(header));
    let report = |i: usize| format!("{} ({})", docs[i].title, report_years(&docs[i]));
    for card in cards {
        for l in &card.lines {
            let g = &docs[l.goal.doc].claims[l.goal.claim];
            let stretch = l.stretch.and_then(|r| r.get(docs));
            let result = l.result.and_then(|r| r.get(docs));
            out.push_str(&csv_record(&[
                card.place.place.clone(),
                card.place.year.to_string(),
                indicator_name(row_of(g), en),
                format_value(g, en),
                stretch.map(|c| format_value(c, en)).unwrap_or_default(),
                result.map(|c| format_value(c, en)).unwrap_or_default(),
                l.outcome.name(en).to_string(),
                l.stretch_verdict
                    .map(|v| Outcome::of(v).name(en))
                    .unwrap_or_default()
                    .to_string(),
                format_margin(l, g, en),
                if l.estimated { "1" } else { "0" }.to_string(),
                l.why.map(|w| w.text(en)).unwrap_or_default().to_string(),
                g.text.clone(),
                result.map(|c| c.text.clone()).unwrap_or_default(),
                report(l.goal.doc),
                l.result.map(|r| report(r.doc)).unwrap_or_default(),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testutil::*;

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
    #[test]
    fn scorecard_csv_has_a_record_per_goal_line() {
        let mut plan = doc("衢州市", Level::City, "浙江省", Some(2021), Some(2022));
        plan.claims = vec![goal(300.0)];
        plan.claims[0].text = "新增国家高新技术企业300家".into();
        let mut sum = doc("衢州市", Level::City, "浙江省", Some(2022), Some(2023));
        sum.claims = vec![ach(323.0)];
        sum.claims[0].text = "新增国家高新技术企业323家".into();
        let docs = vec![plan, sum];
        let cards = scorecards(&docs, &[PlaceYear::new("衢州市", 2022)]);
        let csv = scorecard_csv(&docs, &cards, false);
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{csv}");
        assert!(lines[0].starts_with("地点,年份,指标,目标"));
        assert_eq!(
            lines[1],
            "衢州市,2022,高新技术企业,300家,,323家,超额,,+23家 (+7.7%),0,,新增国家高新技术企业300家,新增国家高新技术企业323家,衢州市工作报告 (2021–2022),衢州市工作报告 (2022–2023)"
        );
        assert!(scorecard_csv(&docs, &cards, true).contains(",exceeded,"));
    }
}
