//! The indicator vocabulary (DOMAIN.md §3): ids, display names and the unit rows compare in.
//!
//! The parser's synonym lists live with the parser; this table is what the app needs at runtime.

/// One comparable indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicatorInfo {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// The unit level values are shown in when a row mixes units (e.g. 亿元 for money totals).
    pub unit: &'static str,
}

const fn ind(
    id: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    unit: &'static str,
) -> IndicatorInfo {
    IndicatorInfo {
        id,
        name_zh,
        name_en,
        unit,
    }
}

/// All indicators, in the order rows are shown.
pub const INDICATORS: &[IndicatorInfo] = &[
    ind(
        "rd_intensity",
        "R&D经费投入强度",
        "R&D intensity (% of GDP)",
        "%",
    ),
    ind(
        "rd_expenditure",
        "全社会R&D经费支出",
        "Total R&D expenditure",
        "亿元",
    ),
    ind(
        "enterprise_rd_expenditure",
        "规上工业企业研发费用",
        "R&D spending of large industrial firms",
        "亿元",
    ),
    ind(
        "enterprise_rd_ratio",
        "规上企业R&D占营收比重",
        "Firms' R&D as % of revenue",
        "%",
    ),
    ind("rd_personnel", "研发人员", "R&D personnel", "万人年"),
    ind(
        "high_tech_enterprises",
        "高新技术企业",
        "High-tech enterprises",
        "家",
    ),
    ind("tech_smes", "科技型中小企业", "Tech SMEs", "家"),
    ind(
        "leading_tech_enterprises",
        "创新型领军/科技小巨人企业",
        "Innovation leaders & little giants",
        "家",
    ),
    ind(
        "enterprise_rd_institutions",
        "企业研发机构",
        "Enterprise R&D institutes",
        "家",
    ),
    ind(
        "high_tech_industry_investment",
        "高新技术产业投资",
        "High-tech industry investment",
        "%",
    ),
    ind(
        "high_tech_industry_value_added",
        "高新技术产业增加值",
        "High-tech industry value added",
        "亿元",
    ),
    ind(
        "new_products",
        "省级新产品",
        "Provincial new products",
        "项",
    ),
    ind(
        "tech_transactions",
        "技术交易额",
        "Technology contract turnover",
        "亿元",
    ),
    ind("invention_patents", "发明专利", "Invention patents", "件"),
    ind(
        "innovation_platforms",
        "创新平台",
        "Innovation platforms",
        "家",
    ),
    ind("high_tech_zones", "高新区", "High-tech zones", "家"),
    ind("incubators", "孵化载体", "Incubators & maker spaces", "家"),
    ind("talent", "人才与团队", "Talent & teams", "人"),
    ind(
        "tech_commissioners",
        "科技特派员",
        "Rural S&T commissioners",
        "人",
    ),
    ind(
        "research_projects",
        "科技攻关项目",
        "Research projects",
        "项",
    ),
    ind(
        "science_funding",
        "财政科技投入",
        "Public science funding",
        "万元",
    ),
    ind("sci_tech_awards", "科技奖励", "S&T awards", "项"),
    ind("tech_finance", "科技金融", "Tech finance", "亿元"),
    ind(
        "tech_transfer",
        "成果转化",
        "Research results transferred",
        "项",
    ),
    ind(
        "innovation_index",
        "创新指数排名",
        "Innovation index rank",
        "位",
    ),
];

/// Looks an indicator up by id.
pub fn indicator(id: &str) -> Option<&'static IndicatorInfo> {
    INDICATORS.iter().find(|i| i.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found() {
        for (n, a) in INDICATORS.iter().enumerate() {
            assert_eq!(indicator(a.id), Some(a));
            assert!(INDICATORS[n + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
        }
        assert_eq!(INDICATORS.len(), 25);
        assert!(indicator("nope").is_none());
    }
}
