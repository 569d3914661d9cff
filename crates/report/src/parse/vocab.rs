//! The parser's word lists: indicator synonyms (DOMAIN.md §3) and topic keywords (§2).
//!
//! Order matters in [`INDICATOR_SYNONYMS`]: the first rule whose words all occur wins, so the
//! specific wordings (`R&D经费支出占营业收入比重`) come before the general ones (`R&D经费`).

use crate::model::Topic;
use std::sync::OnceLock;

/// (indicator id, words that must all occur in the subject).
pub(crate) const INDICATOR_SYNONYMS: &[(&str, &[&str])] = &[
    ("enterprise_rd_ratio", &["占营业收入"]),
    ("enterprise_rd_ratio", &["占主营业务收入"]),
    ("rd_intensity", &["R&D经费投入强度"]),
    ("rd_intensity", &["R&D投入强度"]),
    ("rd_intensity", &["研发投入强度"]),
    ("enterprise_rd_expenditure", &["规上工业企业", "研发费用"]),
    ("enterprise_rd_expenditure", &["规上工业企业", "开发费"]),
    ("enterprise_rd_expenditure", &["规上企业", "研发费用"]),
    ("enterprise_rd_expenditure", &["企业研发费用"]),
    ("rd_personnel", &["研发人员"]),
    ("rd_expenditure", &["R&D经费"]),
    ("rd_expenditure", &["r&d经费"]),
    ("rd_expenditure", &["R&D投入"]),
    ("rd_expenditure", &["研发投入"]),
    ("rd_expenditure", &["研发经费"]),
    ("rd_expenditure", &["研究与试验发展经费"]),
    ("innovation_platforms", &["工程技术研究中心"]),
    ("innovation_platforms", &["新型研发机构"]),
    ("enterprise_rd_institutions", &["企业研究院"]),
    ("enterprise_rd_institutions", &["研究开发中心"]),
    ("enterprise_rd_institutions", &["企业研发中心"]),
    ("enterprise_rd_institutions", &["企业研发机构"]),
    ("enterprise_rd_institutions", &["高新技术企业研发中心"]),
    ("enterprise_rd_institutions", &["企业技术中心"]),
    ("enterprise_rd_institutions", &["企业工程技术中心"]),
    ("enterprise_rd_institutions", &["工程技术中心"]),
    ("enterprise_rd_institutions", &["工程中心"]),
    ("enterprise_rd_institutions", &["研发中心"]),
    ("enterprise_rd_institutions", &["研发技术中心"]),
    ("enterprise_rd_institutions", &["研发机构"]),
    ("leading_tech_enterprises", &["创新型领军企业"]),
    ("leading_tech_enterprises", &["科技小巨人"]),
    ("leading_tech_enterprises", &["科技领军企业"]),
    ("tech_smes", &["科技型中小"]),
    ("tech_smes", &["中小微企业"]),
    ("tech_smes", &["科技型企业"]),
    ("high_tech_industry_investment", &["高新技术产业投资"]),
    ("high_tech_industry_investment", &["高新产业投资"]),
    ("high_tech_industry_value_added", &["高新技术产业增加值"]),
    ("high_tech_industry_value_added", &["高新产业增加值"]),
    ("high_tech_industry_investment", &["高新技术产业", "投资"]),
    (
        "high_tech_industry_value_added",
        &["高新技术产业", "增加值"],
    ),
    ("high_tech_enterprises", &["高新技术企业"]),
    ("high_tech_enterprises", &["高企"]),
    ("new_products", &["省级新产品"]),
    ("new_products", &["省级及以上新产品"]),
    ("new_products", &["新产品"]),
    ("tech_transactions", &["技术交易"]),
    ("tech_transactions", &["技术合同"]),
    ("tech_transactions", &["技术市场交易"]),
    ("tech_transactions", &["技术市场"]),
    ("invention_patents", &["发明专利"]),
    ("incubators", &["众创空间"]),
    ("incubators", &["孵化器"]),
    ("incubators", &["孵化载体"]),
    ("incubators", &["星创天地"]),
    ("incubators", &["孵化空间"]),
    ("incubators", &["孵化面积"]),
    ("incubators", &["孵化总面积"]),
    ("incubators", &["双创平台"]),
    ("incubators", &["双创面积"]),
    ("incubators", &["加速器"]),
    ("incubators", &["入孵"]),
    ("incubators", &["孵化规模"]),
    ("innovation_platforms", &["重点实验室"]),
    ("innovation_platforms", &["新型研发机构"]),
    ("innovation_platforms", &["技术创新中心"]),
    ("innovation_platforms", &["科创平台"]),
    ("innovation_platforms", &["创新平台"]),
    ("innovation_platforms", &["实验室"]),
    ("innovation_platforms", &["研究院"]),
    ("innovation_platforms", &["院士工作站"]),
    ("innovation_platforms", &["概念验证"]),
    ("innovation_platforms", &["中试平台"]),
    ("innovation_platforms", &["综合体"]),
    ("innovation_platforms", &["创新载体"]),
    ("innovation_platforms", &["国家级平台"]),
    ("innovation_platforms", &["研究中心"]),
    ("high_tech_zones", &["高新区"]),
    ("high_tech_zones", &["高新园区"]),
    ("tech_commissioners", &["科技特派员"]),
    ("tech_commissioners", &["特派员"]),
    ("tech_commissioners", &["专家服务团"]),
    ("talent", &["领军型创新"]),
    ("talent", &["万人计划"]),
    ("talent", &["千人计划"]),
    ("talent", &["海外工程师"]),
    ("talent", &["首席技术官"]),
    ("talent", &["青年人才"]),
    ("talent", &["技术经纪人"]),
    ("talent", &["人才"]),
    ("talent", &["高层次"]),
    ("talent", &["精英"]),
    ("talent", &["计划”"]),
    ("talent", &["创新团队"]),
    ("talent", &["引才"]),
    ("talent", &["博士"]),
    ("talent", &["硕士"]),
    ("talent", &["科研团"]),
    ("talent", &["外国专家"]),
    ("talent", &["院士"]),
    ("talent", &["创业团队"]),
    ("talent", &["院士团队"]),
    ("sci_tech_awards", &["科技进步"]),
    ("sci_tech_awards", &["科学技术奖"]),
    ("sci_tech_awards", &["科技奖"]),
    ("sci_tech_awards", &["自然科学奖"]),
    ("sci_tech_awards", &["技术发明"]),
    ("sci_tech_awards", &["科技大奖"]),
    ("science_funding", &["财政科技"]),
    ("science_funding", &["财政补助"]),
    ("science_funding", &["补助经费"]),
    ("science_funding", &["联合基金"]),
    ("science_funding", &["上级资金"]),
    ("science_funding", &["科技经费"]),
    ("science_funding", &["扶持资金"]),
    ("science_funding", &["专项资金"]),
    ("science_funding", &["资金支持"]),
    ("science_funding", &["补助"]),
    ("science_funding", &["科技投入"]),
    ("science_funding", &["专项"]),
    ("science_funding", &["经费"]),
    ("research_projects", &["基金项目"]),
    ("tech_finance", &["科技创新基金"]),
    ("tech_finance", &["授信"]),
    ("tech_finance", &["贷款"]),
    ("tech_finance", &["创新券"]),
    ("tech_finance", &["质押融资"]),
    ("tech_finance", &["基金"]),
    ("research_projects", &["攻关"]),
    ("research_projects", &["重点研发计划"]),
    ("research_projects", &["科技计划项目"]),
    ("research_projects", &["尖兵"]),
    ("research_projects", &["领雁"]),
    ("research_projects", &["申报", "科技项目"]),
    ("research_projects", &["获批", "科技项目"]),
    ("research_projects", &["立项", "科技项目"]),
    ("research_projects", &["组织", "科技项目"]),
    ("research_projects", &["实施", "科技项目"]),
    ("research_projects", &["承担", "项目"]),
    ("research_projects", &["下达", "项目"]),
    ("research_projects", &["计划项目"]),
    ("research_projects", &["星火计划"]),
    ("research_projects", &["支撑计划"]),
    ("research_projects", &["创新基金"]),
    ("research_projects", &["国家级项目"]),
    ("research_projects", &["省级项目"]),
    ("research_projects", &["市级项目"]),
    ("research_projects", &["获", "立项"]),
    ("research_projects", &["项目立项"]),
    ("tech_transfer", &["成果转化"]),
    ("tech_transfer", &["职务成果"]),
    ("tech_transfer", &["技转"]),
    ("innovation_index", &["创新指数"]),
    ("innovation_index", &["创新竞争力"]),
    ("innovation_index", &["科技创新综合"]),
    ("innovation_index", &["指数"]),
    ("innovation_index", &["科技进步统计监测"]),
];

/// The wordings of an indicator (for finding where a text names it).
pub(crate) fn words_for(id: &str) -> Vec<&'static str> {
    INDICATOR_SYNONYMS
        .iter()
        .filter(|(i, _)| *i == id)
        .flat_map(|(_, ws)| ws.iter().copied())
        .collect()
}

/// Finds many short keywords in one pass: keywords indexed by their first character, so a text
/// is scanned once instead of once per keyword (the parser asks hundreds of times per report).
pub(crate) struct Matcher {
    words: Vec<&'static str>,
    /// Keyword ids by their first char, sorted by that char (a binary search per char of text).
    by_first: Vec<(char, Vec<usize>)>,
    /// One bit per Basic Multilingual Plane char: does a keyword start with it? Most chars of a
    /// text do not, and skip the search.
    starts: Vec<u64>,
    /// For each rule (synonym row or topic), the ids of its words.
    rules: Vec<Vec<usize>>,
}

impl Matcher {
    fn new(rules: &[&[&'static str]]) -> Self {
        let mut all: Vec<&'static str> = Vec::new();
        for w in rules.iter().flat_map(|r| r.iter().copied()) {
            if !all.contains(&w) {
                all.push(w);
            }
        }
        let ids = rules
            .iter()
            .map(|r| {
                r.iter()
                    .filter_map(|w| all.iter().position(|x| x == w))
                    .collect()
            })
            .collect();
        let mut by_first: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, w) in all.iter().enumerate() {
            if let Some(c) = w.chars().next() {
                match by_first.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, ids)) => ids.push(i),
                    None => by_first.push((c, vec![i])),
                }
            }
        }
        by_first.sort_by_key(|(k, _)| *k);
        let mut starts = vec![0u64; 0x10000 / 64];
        for &(c, _) in &by_first {
            let i = c as usize;
            if i < 0x10000 {
                starts[i / 64] |= 1 << (i % 64);
            }
        }
        Matcher {
            words: all,
            by_first,
            starts,
            rules: ids,
        }
    }

    fn may_start(&self, c: char) -> bool {
        let i = c as usize;
        i >= 0x10000 || self.starts[i / 64] & (1 << (i % 64)) != 0
    }

    /// Which keywords occur in `s`, as bits (no allocation: the parser asks for every figure).
    fn found(&self, s: &str) -> [u64; 8] {
        let mut bits = [0u64; 8];
        for (bi, c) in s.char_indices() {
            if !self.may_start(c) {
                continue;
            }
            let Ok(k) = self.by_first.binary_search_by_key(&c, |(k, _)| *k) else {
                continue;
            };
            for &i in &self.by_first[k].1 {
                if i < 512 && s[bi..].starts_with(self.words[i]) {
                    bits[i / 64] |= 1 << (i % 64);
                }
            }
        }
        bits
    }

    /// How often each keyword occurs in `s` (overlapping occurrences count).
    fn counts(&self, s: &str) -> Vec<u32> {
        let mut out = vec![0u32; self.words.len()];
        for (bi, c) in s.char_indices() {
            if !self.may_start(c) {
                continue;
            }
            let found = self.by_first.binary_search_by_key(&c, |(k, _)| *k);
            if let Ok(ids) = found.map(|k| &self.by_first[k].1) {
                for &i in ids {
                    if s[bi..].starts_with(self.words[i]) {
                        out[i] += 1;
                    }
                }
            }
        }
        out
    }
}

fn indicator_matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let rules: Vec<&[&str]> = INDICATOR_SYNONYMS.iter().map(|(_, ws)| *ws).collect();
        Matcher::new(&rules)
    })
}

fn topic_matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let rules: Vec<&[&str]> = TOPIC_WORDS.iter().map(|(_, ws)| *ws).collect();
        Matcher::new(&rules)
    })
}

/// The first indicator whose words all occur in `s`.
/// The first indicator whose words all occur in `s` and which `fits` accepts (a count of `基金
/// 1项` is a project, not a fund).
pub(crate) fn indicator_where(s: &str, fits: impl Fn(&str) -> bool) -> Option<&'static str> {
    let m = indicator_matcher();
    let found = m.found(s);
    let has = |i: usize| found[i / 64] & (1 << (i % 64)) != 0;
    INDICATOR_SYNONYMS
        .iter()
        .zip(&m.rules)
        .find(|((id, _), ids)| ids.iter().all(|&i| has(i)) && fits(id))
        .map(|((id, _), _)| *id)
}

/// Topic keywords (DOMAIN.md §2), scored over an item's heading and text.
pub(crate) const TOPIC_WORDS: &[(Topic, &[&str])] = &[
    (
        Topic::Platforms,
        &[
            "平台",
            "实验室",
            "研究院",
            "技术创新中心",
            "新型研发机构",
            "孵化",
            "众创空间",
            "高新区",
            "高新园区",
            "科创走廊",
            "大走廊",
            "飞地",
            "综合体",
            "科技城",
        ],
    ),
    (
        Topic::Enterprises,
        &[
            "企业",
            "高企",
            "高新技术企业",
            "科技型中小",
            "小巨人",
            "领军企业",
            "创新主体",
            "研发机构",
        ],
    ),
    (
        Topic::RdInvestment,
        &[
            "研发投入",
            "R&D",
            "研发费用",
            "研发经费",
            "投入强度",
            "基础研究",
            "科技投入",
        ],
    ),
    (
        Topic::Industry,
        &[
            "产业",
            "高新技术产业",
            "新产品",
            "产业链",
            "制造业",
            "数字经济",
            "新兴产业",
            "未来产业",
            "传统产业",
        ],
    ),
    (
        Topic::Talent,
        &[
            "人才",
            "团队",
            "引才",
            "万人计划",
            "千人计划",
            "工程师",
            "科技人员",
            "专家",
        ],
    ),
    (
        Topic::TechTransfer,
        &[
            "成果转化",
            "技术市场",
            "技术交易",
            "成果转移",
            "科技大市场",
            "技术转移",
            "揭榜挂帅",
            "攻关",
        ],
    ),
    (
        Topic::Finance,
        &[
            "金融",
            "基金",
            "贷款",
            "授信",
            "创新券",
            "融资",
            "投资",
            "保险",
        ],
    ),
    (Topic::Ip, &["知识产权", "专利", "商标", "贯标"]),
    (
        Topic::Cooperation,
        &[
            "合作",
            "开放",
            "对接",
            "交流",
            "产学研",
            "校地",
            "院地",
            "国际",
            "共建",
            "协同",
        ],
    ),
    (
        Topic::Rural,
        &[
            "农业",
            "农村",
            "乡村",
            "特派员",
            "茶",
            "农民",
            "乡镇",
            "星创天地",
        ],
    ),
    (
        Topic::Reform,
        &[
            "改革",
            "数字化",
            "政策",
            "体制",
            "机制",
            "规划",
            "条例",
            "试点",
        ],
    ),
    (
        Topic::Governance,
        &[
            "党建",
            "党风",
            "廉政",
            "队伍",
            "作风",
            "干部",
            "党史",
            "意识形态",
            "纪律",
            "从严治党",
        ],
    ),
];

/// The topic with the highest keyword score: the item's title words count three times, its
/// heading twice, its text once. `None` when no keyword occurs.
pub(crate) fn topic_for(title: &str, heading: &str, text: &str) -> Option<Topic> {
    let m = topic_matcher();
    let (t, h, x) = (m.counts(title), m.counts(heading), m.counts(text));
    let mut best: Option<(Topic, u32)> = None;
    for ((topic, _), ids) in TOPIC_WORDS.iter().zip(&m.rules) {
        let score: u32 = ids.iter().map(|&i| 3 * t[i] + 2 * h[i] + x[i]).sum();
        if score > 0 && best.is_none_or(|(_, s)| score > s) {
            best = Some((*topic, score));
        }
    }
    best.map(|(t, _)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::indicator;

    #[test]
    fn indicator_words_fit_the_bitset() {
        assert!(indicator_matcher().words.len() <= 512);
    }

    #[test]
    fn every_synonym_names_a_known_indicator() {
        for (id, _) in INDICATOR_SYNONYMS {
            assert!(indicator(id).is_some(), "{id}");
        }
    }

    fn indicator_for(s: &str) -> Option<&'static str> {
        indicator_where(s, |_| true)
    }

    #[test]
    fn specific_wordings_win() {
        assert_eq!(
            indicator_for("规上工业企业R&D经费支出占营业收入比重"),
            Some("enterprise_rd_ratio")
        );
        assert_eq!(
            indicator_for("全社会R&D经费支出总量"),
            Some("rd_expenditure")
        );
        assert_eq!(
            indicator_for("规上工业企业研发费用"),
            Some("enterprise_rd_expenditure")
        );
        assert_eq!(
            indicator_for("省级高新技术企业研发中心"),
            Some("enterprise_rd_institutions")
        );
        assert_eq!(
            indicator_for("新增国家高新技术企业"),
            Some("high_tech_enterprises")
        );
        assert_eq!(indicator_for("孵化空间"), Some("incubators"));
        assert_eq!(indicator_for("签订技术开发与服务"), None);
    }

    #[test]
    fn topics_by_keywords() {
        assert_eq!(
            topic_for("加快科技型企业培育", "", "新增国家高新技术企业113家"),
            Some(Topic::Enterprises)
        );
        assert_eq!(
            topic_for("加强党风廉政建设", "", ""),
            Some(Topic::Governance)
        );
        assert_eq!(topic_for("", "", "无关文字"), None);
    }
}
