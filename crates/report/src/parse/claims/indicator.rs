//! Which indicator a figure is: the R&D family read from its parts (whose spending, relative to
//! what, in which unit), everything else from the vocabulary's wordings.

use crate::model::Measure;
use crate::parse::vocab::indicator_where;

const RD: &[&str] = &[
    "R&D",
    "研发",
    "研究与试验发展",
    "研究与实验发展",
    "研究和试验发展",
];
const INSTITUTIONS: &[&str] = &[
    "研发机构",
    "研发中心",
    "研究开发中心",
    "研发平台",
    "研发技术中心",
];
const REVENUE: &[&str] = &["营业收入", "主营业务收入", "营收", "销售收入"];
const GDP: &[&str] = &["GDP", "生产总值", "强度"];
const RATIO: &[&str] = &["比重", "占比", "比例", "投入率"];
const FIRMS: &[&str] = &["规上", "规模以上", "企业"];

fn any(words: &str, list: &[&str]) -> bool {
    list.iter().any(|w| words.contains(w))
}

fn is_money(unit: &str) -> bool {
    unit.ends_with('元')
}

fn is_percent(unit: &str) -> bool {
    unit == "%" || unit == "个百分点"
}

/// The R&D family: spending (`全社会研发投入367.1亿元`), firms' spending (`规上工业研发费用`,
/// `规上工业企业研发投入58.26亿元`), intensity (`R&D经费投入比重3.01%`, `投入强度为4.55%`,
/// `研发投入占地区生产总值比重`), firms' ratio to revenue (`…占营业收入比重3.41%`), staff.
fn rd(words: &str, unit: &str, measure: Measure) -> Option<&'static str> {
    let rd = any(words, RD) || (words.contains("研究开发") && !words.contains("研究开发中心"));
    if !rd || any(words, INSTITUTIONS) || words.contains("活动") {
        return None;
    }
    if words.contains("人员") {
        return Some("rd_personnel");
    }
    if any(words, REVENUE) && is_percent(unit) {
        return Some("enterprise_rd_ratio");
    }
    let ratio =
        is_percent(unit) && (any(words, GDP) || any(words, RATIO) || measure == Measure::Share);
    if ratio {
        return Some("rd_intensity");
    }
    if is_money(unit) || (unit == "%" && measure == Measure::Growth) {
        let firms = any(words, FIRMS);
        return Some(if firms {
            "enterprise_rd_expenditure"
        } else {
            "rd_expenditure"
        });
    }
    None
}

/// Can a level figure in `unit` be a value of `id`? Money indicators are counted in yuan, counts
/// in firms, items or people; `专项业务辅导培训xx余场` is no R&D spending even if its sentence
/// mentions it. Growth, shares and ranks fit any indicator.
fn fits_unit(id: &str, unit: &str, measure: Measure) -> bool {
    if measure != Measure::Level || unit.is_empty() {
        return true;
    }
    let money = is_money(unit);
    let count = [
        "家", "个", "项", "件", "名", "人", "位", "支", "批", "所", "种", "台", "户", "套",
    ]
    .contains(&unit)
        || unit.ends_with('人');
    match id {
        "rd_expenditure"
        | "enterprise_rd_expenditure"
        | "science_funding"
        | "tech_transactions"
        | "high_tech_industry_value_added"
        | "high_tech_industry_investment" => money || is_percent(unit),
        "rd_intensity" | "enterprise_rd_ratio" => is_percent(unit),
        "rd_personnel" => unit.ends_with("人年") || count,
        "incubators" => count || unit.ends_with("平方米"),
        // funds and loans, or the firms they reached; `基金1项` counts projects
        "tech_finance" => money || (count && unit != "项"),
        "innovation_index" => true,
        _ => count || unit == "%",
    }
}

/// The indicator a figure's subject words name, given its unit and measure.
pub(super) fn indicator(words: &str, unit: &str, measure: Measure) -> Option<&'static str> {
    // `创新(孵化)平台`: the words around a bracketed aside read as one.
    if words.contains('(') {
        let mut plain = String::with_capacity(words.len());
        let mut depth = 0;
        for c in words.chars() {
            match c {
                '(' => depth += 1,
                ')' if depth > 0 => depth -= 1,
                _ if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        if let Some(id) = lookup(&plain, unit, measure) {
            return Some(id);
        }
    }
    lookup(words, unit, measure)
}

fn lookup(words: &str, unit: &str, measure: Measure) -> Option<&'static str> {
    // The first wording found decides; only a fund counted in `项` (`立项国家创新基金1项`) gives
    // way to what follows it in the list (the projects it funds).
    rd(words, unit, measure)
        .or_else(|| {
            indicator_where(words, |id| {
                id != "tech_finance" || fits_unit(id, unit, measure)
            })
        })
        .filter(|id| fits_unit(id, unit, measure))
}

/// A share whose clause starts at `占` (`…经费支出89.36亿元,占GDP的比重为1.73%`) is a share of the
/// previous figure: R&D spending over GDP is intensity, firms' R&D over revenue their ratio.
pub(super) fn share_of(prev: Option<&str>, words: &str) -> Option<&'static str> {
    let revenue = any(words, REVENUE);
    match prev? {
        "rd_expenditure" | "enterprise_rd_expenditure" if revenue => Some("enterprise_rd_ratio"),
        "rd_expenditure" | "enterprise_rd_expenditure" if any(words, GDP) => Some("rd_intensity"),
        "rd_expenditure" => Some("rd_intensity"),
        "enterprise_rd_expenditure" => Some("enterprise_rd_ratio"),
        other => crate::indicators::indicator(other).map(|i| i.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Measure::*;

    #[test]
    fn the_rd_family_by_its_parts() {
        let cases = [
            ("全社会研发投入", "亿元", Level, Some("rd_expenditure")),
            (
                "规上工业研发费用",
                "亿元",
                Level,
                Some("enterprise_rd_expenditure"),
            ),
            (
                "规上工业企业研发投入",
                "亿元",
                Level,
                Some("enterprise_rd_expenditure"),
            ),
            (
                "规上工业研发费用同比增长",
                "%",
                Growth,
                Some("enterprise_rd_expenditure"),
            ),
            ("全社会R&D经费投入比重", "%", Level, Some("rd_intensity")),
            ("全社会R&D经费投入强度为", "%", Level, Some("rd_intensity")),
            (
                "研发投入占地区生产总值比重达",
                "%",
                Share,
                Some("rd_intensity"),
            ),
            (
                "规模以上工业企业研发费用占规模以上工业营业收入比重",
                "%",
                Share,
                Some("enterprise_rd_ratio"),
            ),
            ("规上企业研发活动率达到", "%", Level, None),
            (
                "省级企业研发中心",
                "家",
                Level,
                Some("enterprise_rd_institutions"),
            ),
            ("研发人员", "万人年", Level, Some("rd_personnel")),
        ];
        for (words, unit, m, want) in cases {
            assert_eq!(indicator(words, unit, m), want, "{words}");
        }
    }

    #[test]
    fn a_share_of_the_previous_figure() {
        assert_eq!(
            share_of(Some("rd_expenditure"), "占GDP的比重为"),
            Some("rd_intensity")
        );
        assert_eq!(
            share_of(Some("high_tech_industry_value_added"), "占地区GDP比重达到"),
            Some("high_tech_industry_value_added")
        );
        assert_eq!(share_of(None, "占GDP的比重为"), None);
    }
}
