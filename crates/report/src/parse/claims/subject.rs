//! What a figure is about: its measure (level, growth, share, rank), scope and subject words.

use super::text::*;
use crate::model::*;
use crate::parse::numbers::{Num, NumKind};

/// Reference areas, longest wording first at equal positions.
pub(super) const SCOPES: &[(&str, Scope)] = &[
    ("全省县市", Scope::Region),
    ("全省各县市", Scope::Region),
    ("四省边际", Scope::Region),
    ("同类城区", Scope::Region),
    ("全国", Scope::National),
    ("中国", Scope::National),
    ("全省", Scope::Province),
    ("全市", Scope::City),
    ("全区", Scope::County),
    ("全县", Scope::County),
];

/// The scope word nearest before `end` in `s` (a char window).
pub(super) fn nearest_scope(s: &str) -> Option<Scope> {
    let mut best: Option<(usize, usize, Scope)> = None;
    for (w, sc) in SCOPES {
        if let Some(bi) = s.rfind(w) {
            let pos = s[..bi].chars().count();
            let len = w.chars().count();
            let better = match best {
                None => true,
                Some((bp, bl, _)) => pos > bp || (pos == bp && len > bl),
            };
            // A longer wording that contains a nearer short one (`全省县市` vs `全省`) wins.
            let covers = best.is_some_and(|(bp, _, _)| bp > pos && bp < pos + len);
            if better || covers {
                best = Some((pos, len, *sc));
            }
        }
    }
    best.map(|(_, _, s)| s)
}

pub(super) fn measure_of(chars: &Txt, n: &Num, window: &str) -> Measure {
    match n.kind {
        NumKind::Rank | NumKind::Top => return Measure::Rank,
        NumKind::Fraction => return Measure::Share,
        NumKind::Zero => return Measure::Level,
        NumKind::Plain => {}
    }
    if n.unit != "%" && n.unit != "个百分点" {
        return Measure::Level;
    }
    let last = |ws: &[&str]| -> Option<usize> {
        ws.iter()
            .filter_map(|w| {
                window
                    .match_indices(w)
                    .filter(|(bi, _)| !window[*bi..].starts_with("增加值"))
                    .map(|(bi, _)| bi)
                    .last()
            })
            .max()
    };
    let share = last(&[
        "占",
        "比重",
        "比例",
        "占比",
        "覆盖率",
        "比率",
        "完成率",
        "完成年度",
        "完成全年",
    ]);
    let growth = last(&[
        "增长", "增速", "增幅", "同比", "增加", "提高", "提升", "年均",
    ]);
    let after = text(chars, n.end, n.end + 3);
    match (share, growth) {
        (Some(s), Some(g)) => {
            if s > g {
                Measure::Share
            } else {
                Measure::Growth
            }
        }
        (Some(_), None) => Measure::Share,
        (None, Some(_)) => Measure::Growth,
        (None, None) if after.starts_with("增长") => Measure::Growth,
        _ => Measure::Level,
    }
}

/// Words that say how a figure is measured, not what it is about (`同比增长`, `占比`, `居…第`).
pub(super) const MEASURE_WORDS: &[&str] = &[
    "同比",
    "增长",
    "增速",
    "增幅",
    "提高",
    "提升",
    "上升",
    "下降",
    "比重",
    "占比",
    "比例",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "同期",
    "分别",
    "净增数",
    "增量",
    "总数",
    "数量",
    "入库数",
    "累计",
    "年均",
    "达到",
    "达",
    "为",
    "居",
    "位居",
    "列",
    "位列",
    "排名",
    "全市",
    "全省",
    "全国",
    "全区",
    "全县",
    "第",
    "占",
    "的",
    "幅度",
    "了",
    "均",
    "实现",
    "保持",
    "连续",
    "完成",
    "率",
    "跃升至",
    "上升至",
    "跻身",
    "进入",
    "蝉联",
    "稳居",
    "在",
    "地区",
    "区域",
];

/// A set of words indexed by first char, to take them out of a string fast.
pub(super) struct Words {
    /// Longest first within each char.
    by_first: Vec<(char, Vec<&'static str>)>,
}

impl Words {
    fn new(lists: &[&[&'static str]]) -> Words {
        let mut by_first: Vec<(char, Vec<&'static str>)> = Vec::new();
        for &w in lists.iter().flat_map(|l| l.iter()) {
            let Some(c) = w.chars().next() else { continue };
            match by_first.iter_mut().find(|(k, _)| *k == c) {
                Some((_, ws)) => ws.push(w),
                None => by_first.push((c, vec![w])),
            }
        }
        for (_, ws) in &mut by_first {
            ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        by_first.sort_by_key(|(k, _)| *k);
        Words { by_first }
    }

    /// What is left of `s` once every word is taken out (longest first at each place).
    pub(super) fn residue(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            let hit = self
                .by_first
                .binary_search_by_key(&c, |(k, _)| *k)
                .ok()
                .and_then(|k| self.by_first[k].1.iter().find(|w| rest.starts_with(**w)));
            match hit {
                Some(w) => rest = &rest[w.len()..],
                None => {
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        out
    }
}

/// [`BARE_WORDS`], indexed.
pub(super) fn bare_words() -> &'static Words {
    static W: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    W.get_or_init(|| Words::new(&[BARE_WORDS]))
}

/// [`MEASURE_WORDS`] and the reference areas, indexed.
pub(super) fn measure_words() -> &'static Words {
    static W: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        let scopes: Vec<&'static str> = SCOPES.iter().map(|(w, _)| *w).collect();
        Words::new(&[MEASURE_WORDS, &scopes])
    })
}

/// Words that leave a count without a noun of its own (`其中国家级13家`, `授权10267件`,
/// `新申报认定24家`): it counts what the figure before it counts.
pub(super) const BARE_WORDS: &[&str] = &[
    "力争",
    "确保",
    "争取",
    "实现了",
    "实现",
    "其中",
    "另有",
    "另",
    "新申报认定",
    "申报认定",
    "新认定",
    "通过认定",
    "首次认定",
    "重新认定",
    "首次",
    "认定",
    "已有",
    "现有",
    "目前",
    "已",
    "获",
    "推荐",
    "净增",
    "新培育",
    "培育",
    "入库",
    "突破",
    "超过",
    "预计",
    "复审",
    "授权",
    "申请",
    "新增",
    "备案",
    "登记",
    "获批",
    "达到",
    "完成",
    "累计",
    "合计",
    "共有",
    "共",
    "国家级",
    "省级以上",
    "市级以上",
    "省级",
    "市级",
    "县级",
    "区级",
    "以上",
];

/// Nouns that name a measure of something said before (`…高新技术产业实现产值…;实现增加值…`).
pub(super) const HEAD_NOUNS: &[&str] =
    &["增加值", "产值", "投资", "总额", "总量", "交易额", "成交额"];

/// Words trimmed from the front of a subject (scope and time) and from its end (verbs).
pub(super) const LEAD_WORDS: &[&str] = &[
    "全市", "全区", "全县", "全年", "今年", "我市", "我县", "我区", "同时", "其中", "预计", "并",
];
pub(super) const TAIL_WORDS: &[&str] = &[
    "达到了",
    "达到",
    "保持在",
    "提升至",
    "提高到",
    "扩大到",
    "不少于",
    "不低于",
    "突破",
    "超过",
    "合计",
    "共计",
    "分别",
    "达",
    "为",
    "超",
    "近",
    "约",
    "共",
    "至",
    "逾",
];

pub(super) fn trim_subject(s: &str) -> String {
    let mut s = s
        .trim_matches(|c: char| ",;、:()。 ".contains(c))
        .to_string();
    // leading year (`2021年`)
    let cs: Vec<char> = s.chars().collect();
    if cs.len() > 5 && cs[4] == '年' && cs[..4].iter().all(|c| c.is_ascii_digit() || *c == 'x') {
        s = cs[5..].iter().collect();
    }
    loop {
        let before = s.clone();
        for w in LEAD_WORDS {
            if let Some(r) = s.strip_prefix(w) {
                s = r.to_string();
            }
        }
        for w in TAIL_WORDS {
            if let Some(r) = s.strip_suffix(w) {
                s = r.to_string();
            }
        }
        s = s.trim_matches(|c: char| ",;、:() ".contains(c)).to_string();
        if s == before {
            break;
        }
    }
    s
}

/// Words that continue the previous figure's clause rather than start a new statement.
pub(super) const CONTINUATIONS: &[&str] = &[
    "同比",
    "增长",
    "增速",
    "增幅",
    "居",
    "位居",
    "位列",
    "排名",
    "排",
    "均",
    "分别",
    "占",
    "力争",
    "争取",
    "确保",
    "总量",
    "累计",
    "比",
    "较",
    "保持",
    "蝉联",
    "连续",
    "全省第",
    "全市第",
    "全国第",
    "全市排名",
    "全省排名",
    "全国排名",
    "全区排名",
    "全县排名",
    "提升幅度",
    "提高幅度",
    "其中",
    "超过",
    "达",
    "并",
    "为",
    "总数",
    "总面积",
    "五个领域",
    "户均",
    "皆",
    "都",
    "面积",
    "孵化规模",
];

/// Verbs that end the noun after a figure (`18项并开展攻关`, `xxx家苗子企业进入…培育库`).
pub(super) const AFTER_VERBS: &[&str] = &[
    "并", "达成", "走进", "参加", "落户", "进入", "开展", "通过", "成为", "提供",
];

/// Verbs whose object is what a figure counts (`集聚科技企业xxx余家` counts firms, whatever
/// the incubator named before the verb).
pub(super) const OBJECT_VERBS: &[&str] = &["集聚", "引进", "引育", "拥有", "走访"];

/// Subjects that name no indicator of their own but a measure of the previous figure's.
pub(super) const GENERIC_SUBJECTS: &[&str] = &[
    "面积",
    "总面积",
    "总量",
    "总数",
    "规模",
    "累计",
    "累计数",
    "余额",
    "额度",
    "金额",
];
