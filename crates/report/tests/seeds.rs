//! What the five seed reports must be understood as (DOMAIN.md §1): place, years, dates,
//! warnings, structure, and the claims the domain guide names.

mod common;

use common::{claim, load};
use report::*;

fn codes(d: &Document) -> Vec<WarningCode> {
    d.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn s000_quzhou() {
    let d = load("seeds/000_0f0a2c8e28231438.txt");
    assert_eq!(d.title, "衢州市科技创新2021年工作总结及2022年工作思路");
    assert_eq!(
        (d.region.name.as_str(), d.region.level),
        ("衢州市", Level::City)
    );
    assert_eq!(d.region.parent.as_deref(), Some("浙江省"));
    assert_eq!((d.summary_year, d.plan_year), (Some(2021), Some(2022)));
    assert_eq!(d.published.as_deref(), Some("2022-08-03"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // chrome is gone, the report is still there
    assert!(
        !d.text.contains("您的位置") && !d.text.contains("免责声明") && !d.text.contains("T小字")
    );
    assert!(d.text.contains("2022年,市科技局将深入贯彻"));

    let c = claim(&d, "全市新增国家高新技术企业113家", "113家");
    assert_eq!(c.subject, "新增国家高新技术企业");
    assert_eq!(
        c.text,
        "全市新增国家高新技术企业113家、科技型中小企业301家,均超额完成省、市下达的指标任务"
    );
    let c = claim(&d, "科技型中小企业301家", "301家");
    assert_eq!(
        (c.subject.as_str(), c.indicator.as_deref()),
        ("科技型中小企业", Some("tech_smes"))
    );
    let c = claim(&d, "预计全社会R&D经费投入强度为2.0%", "2.0%");
    assert!(c.estimated);
    assert_eq!((c.kind, c.year), (Kind::Achievement, Some(2021)));
    let c = claim(&d, "7900余万元", "7900余万元");
    assert_eq!(
        (c.value, c.unit.as_str(), c.bound),
        (Some(7900.0), "万元", Bound::MoreThan)
    );
    let c = claim(&d, "同比增长45.4%", "45.4%");
    assert_eq!(
        (c.measure, c.indicator.as_deref()),
        (Measure::Growth, Some("enterprise_rd_expenditure"))
    );
    let c = claim(&d, "增幅位列全省第三", "第三");
    assert_eq!(
        (c.measure, c.value, c.scope),
        (Measure::Rank, Some(3.0), Some(Scope::Province))
    );
    let c = claim(&d, "位列全省第五", "第五");
    assert_eq!(c.value, Some(5.0));
    // goals: ensure and strive on one indicator
    let c = claim(&d, "达到2.3%", "2.3%");
    assert_eq!(
        (c.kind, c.year, c.modality),
        (Kind::Goal, Some(2022), Some(Modality::Ensure))
    );
    let c = claim(&d, "力争2.4%", "2.4%");
    assert_eq!(
        (c.modality, c.indicator.as_deref()),
        (Some(Modality::Strive), Some("rd_intensity"))
    );
    let c = claim(&d, "3-5个院士团队", "3-5个");
    assert_eq!(
        (c.value, c.value_max, c.bound),
        (Some(3.0), Some(5.0), Bound::Range)
    );
    let c = claim(&d, "科技小巨人企业破零", "破零");
    assert_eq!((c.value, c.bound), (Some(1.0), Bound::AtLeast));
    assert_eq!(c.indicator.as_deref(), Some("leading_tech_enterprises"));
    // not claims: policy parameters, other places, names, ratios, durations
    let not = |s: &str| {
        assert!(
            !d.claims.iter().any(|c| {
                let n: String = d
                    .text
                    .chars()
                    .skip(c.number_start)
                    .take(c.number_end - c.number_start)
                    .collect();
                n == s
            }),
            "{s} should not be a claim"
        )
    };
    for s in ["10万元", "5万元", "30万元", "13家", "5家", "4:1", "200万元"] {
        not(s);
    }
    assert!(!d
        .claims
        .iter()
        .any(|c| c.text.contains("138工程") && c.value == Some(138.0)));
    // items: numbered points in the summary, `(一)` clauses in the plan
    assert!(d
        .items
        .iter()
        .any(|i| i.kind == Kind::Achievement && i.text.starts_with("1.高质量编制")));
    assert!(d.items.iter().any(
        |i| i.kind == Kind::Goal && i.heading.as_deref() == Some("(一)开展高新区整体跃升行动")
    ));
}

#[test]
fn s001_xinchang() {
    let d = load("seeds/001_0f657752eae89443.txt");
    assert_eq!(d.region.name, "新昌县");
    assert_eq!(d.region.level, Level::County);
    assert_eq!(d.region.parent.as_deref(), Some("绍兴市"));
    assert_eq!((d.summary_year, d.plan_year), (Some(2021), Some(2022)));
    assert_eq!(d.published.as_deref(), Some("2021-12-16"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert!(!d.text.contains('，') && !d.text.contains('；'));
    // the cited monitoring report's year wins
    let c = claim(&d, "R&D占GDP比重4.38%", "4.38%");
    assert_eq!(
        (c.year, c.indicator.as_deref()),
        (Some(2020), Some("rd_intensity"))
    );
    let c = claim(&d, "占营业收入比重4.14%", "4.14%");
    assert_eq!(
        (c.year, c.measure, c.indicator.as_deref()),
        (Some(2020), Measure::Share, Some("enterprise_rd_ratio"))
    );
    let c = claim(&d, "位居全省县市首位", "首位");
    assert_eq!((c.value, c.scope), (Some(1.0), Some(Scope::Region)));
    let c = claim(&d, "新增省级科技型中小企业96家", "96家");
    assert_eq!((c.year, c.kind), (Some(2021), Kind::Achievement));
    let c = claim(&d, "新增国家高新技术企业25家以上", "25家以上");
    assert_eq!(
        (c.kind, c.bound, c.value),
        (Kind::Goal, Bound::AtLeast, Some(25.0))
    );
    // `一是` clauses are items, in both halves
    assert!(d
        .items
        .iter()
        .any(|i| i.kind == Kind::Achievement && i.text.starts_with("一是创新招牌不断擦亮")));
    assert!(d
        .items
        .iter()
        .any(|i| i.kind == Kind::Goal && i.heading.as_deref() == Some("(一)实施产业提升赋能行动")));
    // policy parameters are not claims
    assert!(!d
        .claims
        .iter()
        .any(|c| c.value == Some(60.0) || c.value == Some(30.0) && c.unit == "%"));
}

#[test]
fn s002_wenzhou() {
    let d = load("seeds/002_6a122f0915448c5d.txt");
    assert_eq!(d.title, "温州市科学技术局2024年工作总结和2025年工作思路");
    assert_eq!(
        (d.region.name.as_str(), d.region.level),
        ("温州市", Level::City)
    );
    assert_eq!((d.summary_year, d.plan_year), (Some(2024), Some(2025)));
    assert_eq!(d.published, None);
    assert!(!d.text.contains('|'));
    // inline headings became paragraphs
    assert!(d
        .text
        .contains("\n一、2024年工作总结\n(一)大孵化器集群建设取得新成效。"));
    assert!(d.text.contains("\n二、2025年工作思路\n2025年,市科技局将"));
    let c = claim(&d, "居全国第26位", "第26位");
    assert_eq!(
        (c.value, c.scope, c.unit.as_str()),
        (Some(26.0), Some(Scope::National), "位")
    );
    let c = claim(&d, "705万方", "705万方");
    assert_eq!((c.value, c.unit.as_str()), (Some(705.0), "万平方米"));
    let c = claim(&d, "3.5万余人", "3.5万余人");
    assert_eq!(
        (c.value, c.unit.as_str(), c.bound),
        (Some(35000.0), "人", Bound::MoreThan)
    );
    let c = claim(&d, "四分之一", "四分之一");
    assert_eq!(
        (c.measure, c.value, c.scope),
        (Measure::Share, Some(25.0), Some(Scope::City))
    );
    let c = claim(&d, "三分之一", "三分之一");
    assert_eq!((c.value, c.scope), (Some(33.3), Some(Scope::Province)));
    let c = claim(&d, "超709亿元", "709亿元");
    assert_eq!(c.bound, Bound::MoreThan);
    let c = claim(&d, "突破千亿元", "千亿元");
    assert_eq!(
        (c.value, c.unit.as_str(), c.bound),
        (Some(1000.0), "亿元", Bound::MoreThan)
    );
    let c = claim(&d, "近900亿元", "900亿元");
    assert_eq!(c.bound, Bound::Nearly);
    // names in quotes are not claims
    assert!(!d
        .claims
        .iter()
        .any(|c| [315.0, 1010.0, 90.0].contains(&c.value.unwrap_or(0.0)) && c.unit != "%"));
    assert!(d.items.iter().filter(|i| i.kind == Kind::Goal).count() >= 9);
}

#[test]
fn s003_shaoxing_plan_only() {
    let d = load("seeds/003_90fb374d0d35244d.txt");
    assert_eq!(
        (d.region.name.as_str(), d.region.level),
        ("绍兴市", Level::City)
    );
    assert!(!d.region.inferred);
    assert_eq!((d.summary_year, d.plan_year), (None, Some(2018)));
    // the signing date, not the web page's post date (2018-04-16)
    assert_eq!(d.published.as_deref(), Some("2018-03-15"));
    assert!(!codes(&d).contains(&WarningCode::NoSummary));
    assert!(d
        .claims
        .iter()
        .all(|c| c.kind == Kind::Goal && c.year == Some(2018)));
    assert_eq!(d.items.len(), 21);
    assert!(d.items.iter().all(|i| i.kind == Kind::Goal));
    let c = claim(&d, "全社会R&D经费突破140亿元", "140亿元");
    assert_eq!(
        (c.bound, c.modality),
        (Bound::MoreThan, Some(Modality::Strive))
    );
    let c = claim(&d, "研发人员数达3.9万人年", "3.9万人年");
    assert_eq!(
        (c.unit.as_str(), c.indicator.as_deref()),
        ("万人年", Some("rd_personnel"))
    );
    let c = claim(&d, "1000项左右", "1000项左右");
    assert_eq!(c.bound, Bound::Approx);
    let c = claim(&d, "新增创新型领军企业1-2家", "1-2家");
    assert_eq!(
        (c.bound, c.indicator.as_deref()),
        (Bound::Range, Some("leading_tech_enterprises"))
    );
    assert!(!d.text.contains("打印本页") && !d.text.contains("Produced By"));
}

#[test]
fn s004_withheld_district() {
    let d = load("seeds/004_8dd8c04ef119a0fa.txt");
    assert_eq!(d.region.name, "鄞州区");
    assert_eq!(d.region.level, Level::District);
    assert_eq!(d.region.parent.as_deref(), Some("宁波市"));
    assert!(d.region.inferred);
    let ev = d.region.evidence.as_deref().unwrap_or("");
    assert!(ev.contains("甬创鄞造") && ev.contains("来鄞"), "{ev}");
    assert_eq!((d.summary_year, d.plan_year), (Some(2022), Some(2023)));
    assert_eq!(d.published.as_deref(), Some("2022-01-20"));
    let cs = codes(&d);
    for w in [
        WarningCode::PlaceInferred,
        WarningCode::YearConflict,
        WarningCode::Redacted,
        WarningCode::Truncated,
    ] {
        assert!(cs.contains(&w), "{w:?} missing: {cs:?}");
    }
    // site chrome gone, pages rejoined
    assert!(
        !d.text.contains("上传人")
            && !d.text.contains("_第1页")
            && !d.text.contains("展开阅读全文")
    );
    assert!(d.text.contains("统计测算R&D经费支出xx.x亿元"));
    assert!(d.text.contains("推进全区经济高质量发展"));
    let c = claim(&d, "统计测算R&D经费支出xx.x亿元", "xx.x亿元");
    assert_eq!((c.value, c.redacted, c.unit.as_str()), (None, true, "亿元"));
    assert_eq!(c.indicator.as_deref(), Some("rd_expenditure"));
    let c = claim(&d, "预计全年净增高新技术企业xx家", "xx家");
    assert!(c.estimated && c.redacted);
    let c = claim(&d, "全社会研发投入突破xx亿元", "xx亿元");
    assert_eq!(
        (c.kind, c.year, c.bound),
        (Kind::Goal, Some(2023), Bound::MoreThan)
    );
    assert!(d
        .claims
        .iter()
        .filter(|c| c.redacted)
        .all(|c| c.value.is_none()));
}

/// The app's index + text chunks carry the seeds losslessly, and the hand-written export is
/// the same JSON serde writes.
#[test]
fn seeds_survive_the_app_format_and_export() {
    let corpus = report::parse::load_dir(std::path::Path::new("../../seeds")).expect("seeds load");
    assert_eq!(corpus.documents.len(), 5);
    let (index, chunks) = report::pack::pack(&corpus);
    let mut got = report::pack::unpack(&index).expect("the index decodes");
    assert!(got.corpus.documents.iter().all(|d| d.text.is_empty()));
    for (d, c) in got.corpus.documents.iter_mut().zip(chunks) {
        assert_eq!(d.id, c.doc_id);
        report::pack::fill_text(d, c.text);
    }
    assert_eq!(got.corpus, corpus);
    let hand: serde_json::Value =
        serde_json::from_str(&report::pack::export_json(&corpus)).expect("valid JSON");
    assert_eq!(hand, serde_json::to_value(&corpus).unwrap());
}
