//! Small documents and claims for the comparison tests.

use super::*;
use crate::{Region, Warning, WarningCode};

pub(super) fn region(name: &str, level: Level, parent: &str) -> Region {
    Region {
        name: name.into(),
        level,
        parent: Some(parent.into()),
        inferred: false,
        evidence: None,
        name_en: None,
        parent_en: None,
    }
}

pub(super) fn doc(
    name: &str,
    level: Level,
    parent: &str,
    sy: Option<i32>,
    py: Option<i32>,
) -> Document {
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
        pending: None,
    }
}

pub(super) fn claim(kind: Kind, year: i32, ind: &str, value: f64, unit: &str) -> Claim {
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
        decimals: 0,
    }
}

pub(super) fn goal(v: f64) -> Claim {
    claim(Kind::Goal, 2022, "high_tech_enterprises", v, "家")
}

pub(super) fn ach(v: f64) -> Claim {
    claim(Kind::Achievement, 2022, "high_tech_enterprises", v, "家")
}

/// 衢州市 2021–2022, 新昌县 (under 绍兴市) 2021–2022, 绍兴市 plan 2018, 鄞州区 (宁波市, no report).
pub(super) fn corpus() -> Vec<Document> {
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
