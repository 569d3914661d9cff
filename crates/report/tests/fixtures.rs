//! Small reports of other Zhejiang places and layouts (tests/fixtures/): place, level, parent,
//! years, encodings, sidecar overrides and the key claims.

mod common;

use common::{claim, load};
use report::*;

#[test]
fn zhuji_county_level_city_with_part_headings() {
    let d = load("tests/fixtures/zhuji_2023.txt");
    assert_eq!(d.region.name, "诸暨市");
    assert_eq!(d.region.level, Level::County);
    assert_eq!(d.region.parent.as_deref(), Some("绍兴市"));
    assert!(!d.region.inferred);
    assert_eq!((d.summary_year, d.plan_year), (Some(2023), Some(2024)));
    assert_eq!(d.published.as_deref(), Some("2024-01-12"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);

    let c = claim(&d, "新认定国家高新技术企业156家", "156家");
    assert_eq!((c.kind, c.year), (Kind::Achievement, Some(2023)));
    assert_eq!(c.indicator.as_deref(), Some("high_tech_enterprises"));
    let c = claim(&d, "省科技型中小企业420家", "420家");
    assert_eq!(c.indicator.as_deref(), Some("tech_smes"));
    let c = claim(&d, "预计达58.6亿元", "58.6亿元");
    assert!(c.estimated);
    assert_eq!(c.indicator.as_deref(), Some("rd_expenditure"));
    let c = claim(&d, "居绍兴市第二", "第二");
    assert_eq!(
        (c.measure, c.value, c.scope),
        (Measure::Rank, Some(2.0), Some(Scope::City))
    );
    let c = claim(&d, "增幅位列全省第四", "第四");
    assert_eq!(c.indicator.as_deref(), Some("enterprise_rd_expenditure"));
    assert_eq!(c.scope, Some(Scope::Province));
    let c = claim(&d, "近120亿元", "120亿元");
    assert_eq!(c.bound, Bound::Nearly);
    let c = claim(&d, "1500余万元", "1500余万元");
    assert_eq!(
        (c.value, c.unit.as_str(), c.bound),
        (Some(1500.0), "万元", Bound::MoreThan)
    );

    // Goals: ensure vs strive on one indicator, ranges, approx.
    let c = claim(&d, "达到3.0%", "3.0%");
    assert_eq!(
        (c.kind, c.year, c.modality),
        (Kind::Goal, Some(2024), Some(Modality::Ensure))
    );
    let c = claim(&d, "力争3.1", "3.1%");
    assert_eq!(c.modality, Some(Modality::Strive));
    assert_eq!(c.indicator.as_deref(), Some("rd_intensity"));
    let c = claim(&d, "10-15家", "10-15家");
    assert_eq!(
        (c.value, c.value_max, c.bound),
        (Some(10.0), Some(15.0), Bound::Range)
    );
    let c = claim(&d, "60人左右", "60人左右");
    assert_eq!(
        (c.bound, c.indicator.as_deref()),
        (Bound::Approx, Some("tech_commissioners"))
    );

    // Items under `(二)重点任务`: the three `一是` clauses are goals.
    let goals: Vec<&Item> = d.items.iter().filter(|i| i.kind == Kind::Goal).collect();
    assert!(goals.iter().any(|i| i.text.starts_with("一是培育科技企业")));
    assert!(goals
        .iter()
        .all(|i| i.year == Some(2024) && i.heading.is_some()));
}

#[test]
fn keqiao_district_from_gbk_file() {
    let d = load("tests/fixtures/keqiao_gbk.txt");
    assert_eq!(d.region.name, "柯桥区");
    assert_eq!(d.region.level, Level::District);
    assert_eq!(d.region.parent.as_deref(), Some("绍兴市"));
    assert_eq!((d.summary_year, d.plan_year), (Some(2022), Some(2023)));
    assert!(d.warnings.iter().any(|w| w.code == WarningCode::Encoding));
    // full-width punctuation reads as half-width
    assert!(d
        .text
        .contains("全区新增国家高新技术企业128家,科技型中小企业365家。"));
    let c = claim(&d, "孵化面积达12万方", "12万方");
    assert_eq!((c.value, c.unit.as_str()), (Some(12.0), "万平方米"));
    let c = claim(&d, "突破25亿元", "25亿元");
    assert_eq!(
        (c.bound, c.indicator.as_deref()),
        (Bound::MoreThan, Some("tech_transactions"))
    );
    let c = claim(&d, "同比增长30%", "30%");
    assert_eq!(
        (c.measure, c.indicator.as_deref()),
        (Measure::Growth, Some("tech_transactions"))
    );
    let c = claim(&d, "研发费用增长10%以上", "10%以上");
    assert_eq!(
        (c.kind, c.measure, c.bound, c.modality),
        (
            Kind::Goal,
            Measure::Growth,
            Bound::AtLeast,
            Some(Modality::Ensure)
        )
    );
}

#[test]
fn jiangshan_plan_only_circular() {
    let d = load("tests/fixtures/jiangshan_plan_2024.txt");
    assert_eq!(d.region.name, "江山市");
    assert_eq!(d.region.level, Level::County);
    assert_eq!(d.region.parent.as_deref(), Some("衢州市"));
    assert_eq!((d.summary_year, d.plan_year), (None, Some(2024)));
    assert_eq!(d.published.as_deref(), Some("2024-02-20"));
    assert!(d
        .claims
        .iter()
        .all(|c| c.kind == Kind::Goal && c.year == Some(2024)));
    assert!(d.items.iter().all(|i| i.kind == Kind::Goal));
    assert_eq!(d.items.len(), 4);
    assert!(!d.warnings.iter().any(|w| w.code == WarningCode::NoSummary));
    let c = claim(&d, "全省前30位", "前30位");
    assert_eq!(
        (c.measure, c.scope, c.modality),
        (Measure::Rank, Some(Scope::Province), Some(Modality::Ensure))
    );
    let c = claim(&d, "2.6%以上", "2.6%以上");
    assert_eq!(
        (c.bound, c.modality),
        (Bound::AtLeast, Some(Modality::Strive))
    );
    // point numbering is not part of the claim sentence
    let c = claim(&d, "新认定省级企业研究院2家以上", "2家以上");
    assert!(!c.text.starts_with("1."), "{}", c.text);
}

#[test]
fn utf8_bom_is_accepted() {
    let d = load("tests/fixtures/jiangshan_bom.txt");
    assert!(d.title.starts_with("江山市科技局"), "{}", d.title);
    assert_eq!(d.region.name, "江山市");
    assert_eq!(d.claims.len(), 3);
    assert!(!d.warnings.iter().any(|w| w.code == WarningCode::Encoding));
}

#[test]
fn no_place_no_years_is_kept_with_warnings() {
    let d = load("tests/fixtures/anonymous.txt");
    assert_eq!(d.region.name, "未知");
    assert_eq!(d.region.level, Level::Unknown);
    let codes: Vec<WarningCode> = d.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&WarningCode::PlaceUnknown));
    assert!(codes.contains(&WarningCode::YearUnknown));
    assert!(codes.contains(&WarningCode::NoPlan));
    for w in &d.warnings {
        assert!(!w.message.is_empty() && !w.message_en.is_empty());
    }
}

#[test]
fn sidecar_overrides_the_text() {
    let d = load("tests/fixtures/override_xinchang.txt");
    assert_eq!(d.region.name, "新昌县");
    assert_eq!(d.region.parent.as_deref(), Some("绍兴市"));
    assert_eq!((d.summary_year, d.plan_year), (Some(2021), Some(2022)));
    assert_eq!(d.published.as_deref(), Some("2021-12-16"));
    assert!(d.warnings.iter().any(|w| w.code == WarningCode::Override));
    let c = claim(&d, "96家", "96家");
    assert_eq!((c.kind, c.year), (Kind::Achievement, Some(2021)));
    let c = claim(&d, "25家以上", "25家以上");
    assert_eq!((c.kind, c.year), (Kind::Goal, Some(2022)));
}

#[test]
fn a_sidecar_place_may_be_qualified_and_an_unknown_one_is_flagged() {
    let dir = std::env::temp_dir().join(format!("duibiao-sidecar-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "区科技局2021年工作总结\n2021年新增高新技术企业12家。";
    std::fs::write(dir.join("a.txt"), text).unwrap();
    std::fs::write(dir.join("a.toml"), "place = \"南京市鼓楼区\"").unwrap();
    let d = report::parse::load_file(&dir.join("a.txt")).unwrap();
    assert_eq!(d.region.name, "鼓楼区");
    assert_eq!(d.region.parent.as_deref(), Some("南京市"));
    assert!(!d.warnings.iter().any(|w| w.code == WarningCode::Other));

    std::fs::write(dir.join("b.txt"), text).unwrap();
    std::fs::write(dir.join("b.toml"), "place = \"新昌新区\"").unwrap();
    let d = report::parse::load_file(&dir.join("b.txt")).unwrap();
    assert_eq!(d.region.name, "新昌新区");
    assert_eq!(d.region.level, Level::District);
    assert!(d
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::Other && w.message_en.contains("新昌新区")));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unreadable_files_name_the_file() {
    let dir = std::env::temp_dir().join(format!("duibiao-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [(&str, &[u8]); 3] = [
        ("empty.txt", b"  \n"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("garbage.txt", b"\xff\xfe\xfd\xfc\x80\x80"),
    ];
    for (name, bytes) in cases {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        let e = report::parse::load_file(&p).unwrap_err();
        assert!(e.to_string().contains(name), "{e}");
    }
    let e = report::parse::load_file(&dir.join("missing.txt")).unwrap_err();
    assert!(e.to_string().contains("missing.txt"));
    // a bad sidecar fails loudly, naming the sidecar
    std::fs::write(dir.join("r.txt"), "某县科技局2021年工作总结\n正文。").unwrap();
    std::fs::write(dir.join("r.toml"), "place = 新昌县").unwrap();
    let e = report::parse::load_file(&dir.join("r.txt")).unwrap_err();
    assert!(e.to_string().contains("r.toml"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The nine reports of other places and layouts (tests/expected/ holds their claims): what they
/// say about themselves, read by hand from each text.
#[test]
fn other_places_and_layouts_place_and_years() {
    // (fixture, place, level, parent, summary year, plan year, inferred)
    type Case = (
        &'static str,
        &'static str,
        Level,
        Option<&'static str>,
        Option<i32>,
        Option<i32>,
        bool,
    );
    let cases: [Case; 9] = [
        (
            "jiaxing_plan_2025",
            "嘉兴市",
            Level::City,
            Some("浙江省"),
            None,
            Some(2025),
            true,
        ),
        (
            "shushan_pdf_2023",
            "蜀山区",
            Level::District,
            Some("合肥市"),
            Some(2023),
            None,
            false,
        ),
        (
            "changzhou_meeting_news",
            "常州市",
            Level::City,
            Some("江苏省"),
            Some(2023),
            Some(2024),
            false,
        ),
        (
            "wuzhong_trad_pinyin_2019",
            "吴中区",
            Level::District,
            Some("苏州市"),
            Some(2019),
            Some(2020),
            false,
        ),
        (
            "sanming_yearbook_2020",
            "三明市",
            Level::City,
            Some("福建省"),
            Some(2020),
            None,
            true,
        ),
        (
            "deqing_ranks_2023",
            "德清县",
            Level::County,
            Some("湖州市"),
            Some(2023),
            Some(2024),
            false,
        ),
        (
            "anonymous_county_2024",
            "未知",
            Level::County,
            None,
            Some(2024),
            None,
            false,
        ),
        (
            "nanxun_cut_2018",
            "南浔区",
            Level::District,
            Some("湖州市"),
            Some(2018),
            Some(2019),
            false,
        ),
        (
            "repost_teaser_2023",
            "未知",
            Level::County,
            None,
            Some(2023),
            Some(2024),
            false,
        ),
    ];
    for (f, place, level, parent, s, p, inferred) in cases {
        let d = load(&format!("tests/fixtures/{f}.txt"));
        assert_eq!(
            (
                d.region.name.as_str(),
                d.region.level,
                d.region.parent.as_deref()
            ),
            (place, level, parent),
            "{f}"
        );
        assert_eq!((d.summary_year, d.plan_year), (s, p), "{f}");
        assert_eq!(d.region.inferred, inferred, "{f}");
        if inferred {
            assert!(
                d.region.evidence.is_some(),
                "{f}: an inferred place shows its evidence"
            );
        }
        if place == "未知" {
            assert!(
                d.warnings
                    .iter()
                    .any(|w| w.code == WarningCode::PlaceUnknown),
                "{f}: an unknown place is said"
            );
        }
    }
    // The news item's date line, the cut text, and the repost's furniture.
    let d = load("tests/fixtures/changzhou_meeting_news.txt");
    assert_eq!(d.published.as_deref(), Some("2024-02-20"));
    let d = load("tests/fixtures/nanxun_cut_2018.txt");
    assert!(d.warnings.iter().any(|w| w.code == WarningCode::Truncated));
    let d = load("tests/fixtures/repost_teaser_2023.txt");
    assert!(!d.text.contains("会员登录") && !d.text.contains("相关文章"));
    assert_eq!(
        d.text.matches("新增国家高新技术企业45家").count(),
        1,
        "the teaser is gone"
    );
    // Traditional text keeps its characters (and glosses) in what the reader sees.
    let d = load("tests/fixtures/wuzhong_trad_pinyin_2019.txt");
    assert!(d.text.contains("新認(rèn)定高新技術(shù)企業(yè)215家"));
    assert!(d.claims.iter().any(|c| c.text.contains("企業(yè)215家")));
}

/// A report with figures but no claims says so; the parser's account names each skipped figure.
#[test]
fn figures_that_are_not_claims_are_named_and_warned() {
    let raw = "某县科技局关于科技创新券的说明\n对新认定的省级科技型中小企业给予5万元补助,对新认定的国家高新技术企业给予20万元奖励。\n分县区看,桐城市高新技术产业产值达到119.2亿元;潜山县、怀宁县紧随其后,分别达到86.3亿元和70.7亿元。\n";
    let p = report::parse::parse_full("t", "t.txt", raw, &report::parse::Overrides::default());
    assert!(p.doc.claims.is_empty(), "{:?}", p.doc.claims);
    assert!(p
        .doc
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::FewClaims));
    let reasons: Vec<report::parse::Skip> = p.skipped.iter().map(|s| s.reason).collect();
    assert!(
        reasons.contains(&report::parse::Skip::Policy),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&report::parse::Skip::OtherPlace),
        "{reasons:?}"
    );
    assert!(p.skipped.iter().any(|s| s.written == "119.2亿元"));
    assert!(p.numbers >= p.skipped.len());
}
