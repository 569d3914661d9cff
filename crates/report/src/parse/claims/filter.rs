//! What is not a claim, and why: dates, names, policy parameters, ordinals, baselines, other
//! places' figures. Every skipped number keeps its reason, so `report check` can name it.

use super::subject::SCOPES;
use super::text::*;
use super::Context;
use crate::parse::gazetteer as gz;
use crate::parse::numbers::{Num, NumKind};

/// Why a number read in the text is not a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Skip {
    /// In the title, which states the years.
    Title,
    /// Inside quotation marks or a book title: a name (`“138工程”`, `《2021年…》`).
    Name,
    /// A figure in brackets about the province or country, or a part already counted (`含…`).
    Aside,
    /// A subsidy or reward rule (`给予5万元补助`).
    Policy,
    /// An ordinal, not a position (`第三届`, `第一完成单位`, `第二方阵`).
    Ordinal,
    /// No unit, so no quantity (`315`, list numbers).
    NoUnit,
    /// A date, a period or a duration (`3月`, `5年`, `第2期`).
    Date,
    /// A count in a name or slogan (`两个全覆盖`, `六大产业`, `1条主线:`).
    Label,
    /// A starting level or a rate (`由200万元扩大到…`, `每两周`).
    Baseline,
    /// Firms that took part, not a result (`2家企业作为参与单位…`).
    Participants,
    /// How the bureau organised its own work (`优选100名`, `组成8个…团队`).
    Arrangement,
    /// A difference from another figure (`高于固定资产投资增速6.2个百分点`).
    Comparison,
    /// About another place: a county of the city, a list of places, `其它13个项目`.
    OtherPlace,
    /// The number of items that share a rank (`4个分指数列全省第一`), or of places.
    RankedItems,
    /// A share of what something consists of (`其中xx%是光电类项目`).
    Composition,
    /// Places reached or people attending, not a result (`覆盖12个乡镇`, `130多人参加了会议`).
    Coverage,
    /// A size class (`新增20亿元企业…1家`): it names the firms counted, it is not the count.
    SizeClass,
}

impl Skip {
    /// What the reason is called in `report check` (Chinese, English).
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            Skip::Title => ("标题", "title"),
            Skip::Name => ("名称或引文", "name or quoted title"),
            Skip::Aside => (
                "括号内的全省/全国数或分项",
                "aside about the province/country or a part",
            ),
            Skip::Policy => ("政策参数", "policy parameter"),
            Skip::Ordinal => ("序数", "ordinal"),
            Skip::NoUnit => ("无单位", "no unit"),
            Skip::Date => ("日期或期限", "date or period"),
            Skip::Label => ("名称中的数", "count in a name"),
            Skip::Baseline => ("基数或频率", "baseline or frequency"),
            Skip::Participants => ("参与单位", "participants"),
            Skip::Arrangement => ("工作安排", "own arrangements"),
            Skip::Comparison => ("与其他数的差", "difference from another figure"),
            Skip::OtherPlace => ("其他地方的数", "another place's figure"),
            Skip::RankedItems => ("排名项目数", "number of ranked items"),
            Skip::Composition => ("构成比例", "composition"),
            Skip::Coverage => ("覆盖范围或参会人数", "places covered or people attending"),
            Skip::SizeClass => ("规模档次", "size class"),
        }
    }
}

pub(super) const RANK_CUES: &[&str] = &[
    "居",
    "列",
    "排名",
    "排",
    "蝉联",
    "保持",
    "跃升至",
    "进入",
    "跻身",
    "为",
    "获",
    "县域",
];

/// Is this rank or top-N a position of the place (`居全省第三`), not an ordinal (`第三届`,
/// `第一完成单位`, `第二方阵`)?
pub(super) fn is_position(chars: &Txt, n: &Num) -> bool {
    // `排名前五位的区是…`: who holds the top places, not the report's own position.
    let after = text(chars, n.end, n.end + 4);
    if [
        "的区",
        "的县",
        "的市",
        "的城市",
        "的企业",
        "的单位",
        "的地区",
        "的省份",
    ]
    .iter()
    .any(|w| after.starts_with(w))
    {
        return false;
    }
    let next = chars.get(n.end).copied().unwrap_or('。');
    if n.base != "位" && is_cjk(next) {
        return false;
    }
    // A scope word or a ranking verb shortly before: `居全省第三`, `位居全省县市首位`,
    // `排名全省第二`, `县域第一名`.
    let before = text(chars, n.start.saturating_sub(10), n.start);
    let near = text(chars, n.start.saturating_sub(8), n.start);
    // `在16个GDP万亿级城市中增速第一`: a rank among a group of places.
    let among = ["城市中", "县市中", "区县中", "县(市、区)中"]
        .iter()
        .any(|w| text(chars, n.start.saturating_sub(14), n.start).contains(w));
    SCOPES.iter().any(|(w, _)| before.contains(w))
        || RANK_CUES.iter().any(|w| near.contains(w))
        || among
}

/// People counted with `位` (`2位院士`), not a rank's `第2位`.
fn counts_people(chars: &Txt, n: &Num) -> bool {
    let after = text(chars, n.end, n.end + 3);
    [
        "院士",
        "专家",
        "教授",
        "博士",
        "人才",
        "科学家",
        "企业家",
        "导师",
        "领军",
    ]
    .iter()
    .any(|w| after.starts_with(w))
}

/// A composite index's value (`创新指数为149.2`): a claim without a unit.
pub(super) fn index_value(chars: &Txt, n: &Num) -> bool {
    let before = text(chars, n.start.saturating_sub(8), n.start);
    n.unit.is_empty()
        && n.value.is_some()
        && before.contains("指数")
        && ["为", "达", "达到", "是", "提升至", "提高到"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// Is the figure's clause about another place? Its subject is a place that is neither the
/// report's own nor above it (`桐城市高新技术产业产值…达到119.2亿元`, `潜山县、怀宁县紧随其后,
/// 分别达到…`), or it counts what others have (`全市其它13个项目`).
fn other_place(ctx: &Context, m: &Masks, n: &Num) -> bool {
    let chars = ctx.chars;
    let b2 = text(chars, n.start.saturating_sub(2), n.start);
    if b2.ends_with("其它") || b2.ends_with("其他") {
        return true;
    }
    let ss = sentence_start(chars, n.start, true);
    let from = m.places.partition_point(|h| h.start < ss);
    let to = m.places.partition_point(|h| h.end <= n.start);
    let own_or_above = |u: usize| match ctx.own {
        Some(o) => u == o || gz::ancestors(o).any(|a| a == u),
        None => gz::get(u).level == crate::model::Level::Province,
    };
    // `南开区386家`, `滨海新区(3487家)`: a figure right after another place's full name is its.
    let paren = m.paren.get(n.start).copied().flatten();
    let right_after = m.places[from..to.max(from)].iter().any(|h| {
        let full = !h.short || chars.get(h.end).is_some_and(|c| "市县区旗".contains(*c));
        let touches = h.end == n.start || paren.is_some_and(|o| o == h.end && o + 1 == n.start);
        full && touches && !h.units.iter().any(|&u| own_or_above(u))
    });
    if right_after {
        return true;
    }
    m.places[from..to.max(from)].iter().any(|h| {
        let start = h.start;
        // A full name (`桐城市`, or `潜山县` after a renaming): short forms are often firms' or
        // products' names (`金昌纸业`, `新昌高端装备`).
        let full = !h.short || chars.get(h.end).is_some_and(|c| "市县区旗".contains(*c));
        if !full {
            return false;
        }
        let own_or_above = |u: usize| match ctx.own {
            Some(o) => u == o || gz::ancestors(o).any(|a| a == u),
            None => gz::get(u).level == crate::model::Level::Province,
        };
        if h.units.iter().any(|&u| own_or_above(u)) {
            return false;
        }
        // Without a place of its own, only a county-level place in a city's report is another.
        if ctx.own.is_none()
            && !h
                .units
                .iter()
                .any(|&u| gz::get(u).level >= crate::model::Level::County)
        {
            return false;
        }
        // The subject: at the start of its clause (after `分县区看,`, `其中`), or in a list.
        let cs = clause_start(chars, start, false);
        let lead = text(chars, cs, start);
        let subject = lead.is_empty() || ["其中", "而", "另外"].contains(&lead);
        let listed = chars.get(h.end) == Some(&'、') || (start > 0 && chars[start - 1] == '、');
        subject || (listed && cs == ss)
    })
}

/// Scope words naming a whole above a report's own place. A county-level city calls itself
/// `全市`, a district or county means its prefecture by it; a province's report has only the
/// country above. Without a known level, only the province and the country are surely above.
/// In an autonomous region (广西, 内蒙古…) `全区` is the region: above a city or a county, but
/// a district's own word for itself.
pub fn scopes_above(region: &crate::model::Region) -> &'static [&'static str] {
    use crate::model::Level;
    const ABOVE_CITY: &[&str] = &["全省", "全国"];
    const ABOVE_COUNTY: &[&str] = &["全市", "全省", "全国"];
    const ABOVE_CITY_IN_REGION: &[&str] = &["全区", "全省", "全国"];
    const ABOVE_COUNTY_IN_REGION: &[&str] = &["全市", "全区", "全省", "全国"];
    let in_region = crate::parse::places::unit_of(region)
        .and_then(|u| gz::ancestors(u).last())
        .is_some_and(|p| gz::get(p).name.ends_with("自治区"));
    match region.level {
        Level::Province => &["全国"],
        Level::District => ABOVE_COUNTY,
        Level::County if !region.name.ends_with('市') => {
            if in_region {
                ABOVE_COUNTY_IN_REGION
            } else {
                ABOVE_COUNTY
            }
        }
        Level::City | Level::County if in_region => ABOVE_CITY_IN_REGION,
        _ => ABOVE_CITY,
    }
}

/// Words by which a report speaks of its own place.
const OWN_WORDS: &[&str] = &[
    "我区", "本区", "全区", "我县", "本县", "全县", "全旗", "我市", "本市", "我省", "本省",
];

/// Is a place hit the report's city, above it, and not the start of its own full name
/// (`湖州市吴兴区`) nor a level of designation (`吉安市级工程技术研究中心`)? A province's name
/// mostly names a designation or an award (`浙江省科技型中小企业`, `江苏省科学技术奖`), so it
/// is not taken for a subject.
fn names_ancestor(ctx: &Context, h: &gz::Hit) -> bool {
    let Some(own) = ctx.own else {
        return false;
    };
    let next = ctx.chars.get(h.end).copied();
    let full = !h.short || next.is_some_and(|c| "市县区州盟".contains(c));
    let above = h.units.iter().any(|&u| {
        gz::get(u).level == crate::model::Level::City && gz::ancestors(own).any(|a| a == u)
    }) && !h.units.contains(&own)
        && next != Some('级');
    let next_hit = ctx.places.partition_point(|n| n.start < h.end);
    let own_follows = ctx
        .places
        .get(next_hit)
        .is_some_and(|n| n.start <= h.end + 1 && n.units.contains(&own));
    full && above && !own_follows
}

/// Where in `a..b` the first word for a whole above the report's place is, if any. Place names
/// count only with `names`: as a clause's subject a city's name is mostly a designation
/// (`金华市科技孵化器3家` in a county's report), while after `低于` or in brackets it is the
/// city itself.
fn first_above(ctx: &Context, m: &Masks, a: usize, b: usize, names: bool) -> Option<usize> {
    let s = text(ctx.chars, a, b);
    let word = ctx
        .above
        .iter()
        .filter_map(|w| s.find(w))
        .min()
        .map(|bi| a + s[..bi].chars().count());
    let from = m.places.partition_point(|h| h.start < a);
    let place = m.places[from..]
        .iter()
        .take_while(|h| h.end <= b)
        .find(|h| names && names_ancestor(ctx, h))
        .map(|h| h.start);
    match (word, place) {
        (Some(w), Some(p)) => Some(w.min(p)),
        (w, p) => w.or(p),
    }
}

/// Is `s` only a lead-in to a clause's subject: dates and periods (`2023年`, `1-9月`, `截至6月底`),
/// `据统计`?
fn lead_only(s: &str) -> bool {
    let mut rest = s;
    for w in [
        "据统计",
        "据了解",
        "截至",
        "截止",
        "目前",
        "同期",
        "同时",
        "而",
        "另外",
        "此外",
    ] {
        rest = rest.trim_start_matches(w);
    }
    rest.chars()
        .all(|c| c.is_ascii_digit() || "年月日底末至到-—~季度上下半今去前".contains(c))
}

/// Does this clause's subject name a whole above the report's place (`全市高新技术企业总数…`
/// in a district's report, `据统计,全省…`, `成都市…`), with no word of its own after it
/// (`全市科技大会上,我区…`)?
fn above_subject(ctx: &Context, m: &Masks, cs: usize, end: usize) -> bool {
    let Some(p) = first_above(ctx, m, cs, end, false) else {
        return false;
    };
    let after = text(ctx.chars, p, end);
    let own_after = {
        let rest: String = after.chars().skip(2).collect();
        OWN_WORDS
            .iter()
            .filter(|w| !ctx.above.contains(w))
            .any(|w| rest.contains(w))
            || m.places.iter().any(|h| {
                h.start > p && h.end <= end && ctx.own.is_some_and(|o| h.units.contains(&o))
            })
    };
    // `全省第四`: the scope of a rank, not a subject.
    if ["第", "前", "首", "排", "领先"]
        .iter()
        .any(|w| after.chars().skip(2).collect::<String>().starts_with(w))
    {
        return false;
    }
    lead_only(text(ctx.chars, cs, p)) && !own_after
}

/// Does the clause open with the report's city doing or having something (`红河州全年新认定…`,
/// `据了解,合肥市共有…`)? A time or a verb right after the name tells it from a designation
/// (`金华市科技孵化器3家`).
fn city_acting(ctx: &Context, m: &Masks, cs: usize, end: usize) -> bool {
    const ACTS: &[&str] = &[
        "全年",
        "今年",
        "去年",
        "上年",
        "共",
        "累计",
        "新增",
        "新认定",
        "已",
        "有",
        "拥有",
        "实现",
        "达到",
        "获批",
    ];
    let from = m.places.partition_point(|h| h.start < cs);
    m.places[from..]
        .iter()
        .take_while(|h| h.end <= end)
        .find(|h| names_ancestor(ctx, h))
        .is_some_and(|h| {
            // `红河` + `州`: the short form and its suffix.
            let suffix = h.short
                && ctx
                    .chars
                    .get(h.end)
                    .is_some_and(|c| "市县区州盟".contains(*c));
            let after = text(ctx.chars, h.end + usize::from(suffix), end);
            let own_after = OWN_WORDS
                .iter()
                .filter(|w| !ctx.above.contains(w))
                .any(|w| after.contains(w));
            lead_only(text(ctx.chars, cs, h.start))
                && ACTS.iter().any(|w| after.starts_with(w))
                && !own_after
        })
}

/// Is the figure a whole's above the report's place: the subject of its clause (or of the
/// clause its growth continues, `全市…1890家,同比增长15.2%`), an average it is compared with
/// (`高于全市平均水平(11.2亿元)`, `低于成都全市3.5%的平均水平`), or an aside in brackets
/// (`(全市增长9.1%)`)?
fn above_own(ctx: &Context, m: &Masks, n: &Num) -> bool {
    if ctx.above.is_empty() || matches!(n.kind, NumKind::Rank | NumKind::Top) {
        return false;
    }
    let chars = ctx.chars;
    if let Some(open) = m.paren.get(n.start).copied().flatten() {
        if first_above(ctx, m, open + 1, n.start, true) == Some(open + 1)
            || text(chars, open.saturating_sub(8), open).contains("平均")
        {
            return true;
        }
    }
    // Most figures have no whole above them in their sentence: decide that cheaply first.
    let ss = sentence_start(chars, n.start, false);
    let sentence = text(chars, ss, n.start);
    let from = m.places.partition_point(|h| h.start < ss);
    let named = m.places[from..]
        .iter()
        .take_while(|h| h.end <= n.start)
        .any(|h| names_ancestor(ctx, h));
    if !named && !ctx.above.iter().any(|w| sentence.contains(w)) {
        return false;
    }
    let cs = clause_start(chars, n.start, true);
    let before = text(chars, cs, n.start);
    let after = text(chars, n.end, n.end + 4);
    // `占全省61家的80.3%`: the whole's own count, named right after its scope; `占全省的五分之一`
    // is the report's share of it.
    let share = n.unit == "%" || n.kind == NumKind::Fraction;
    if !share
        && ctx.above.iter().any(|w| {
            before.ends_with(w) || before.strip_suffix('的').is_some_and(|b| b.ends_with(w))
        })
    {
        return true;
    }
    if (after.starts_with("的平均") || after.starts_with("平均"))
        && first_above(ctx, m, cs, n.start, true).is_some()
    {
        return true;
    }
    // The other side of a comparison: `低于成都全市3.5%`.
    const COMPARED: &[&str] = &["高于", "低于", "超过", "快于", "慢于", "不及", "落后于"];
    if n.unit != "个百分点" {
        if let Some(bi) = COMPARED.iter().filter_map(|w| before.rfind(w)).max() {
            let at = cs + before[..bi].chars().count() + 2;
            if first_above(ctx, m, at, n.start, true).is_some() {
                return true;
            }
        }
    }
    if above_subject(ctx, m, cs, n.start) || city_acting(ctx, m, cs, n.start) {
        return true;
    }
    // A clause with no subject of its own continues the one before it in the sentence.
    let bare = [
        "同比",
        "比上年",
        "较上年",
        "比去年",
        "较去年",
        "增长",
        "增幅",
        "增速",
        "年均",
    ];
    if cs > 0 && chars[cs - 1] == ',' && bare.iter().any(|w| before.starts_with(w)) {
        let prev = clause_start(chars, cs - 1, true);
        return above_subject(ctx, m, prev, cs - 1);
    }
    false
}

/// A rule of a subsidy or reward scheme rather than an outcome: a reward to whoever qualifies
/// (`对首次认定的…,区财政奖励20万元`), a rate (`按增量部分的8%给予补助`), a cap (`单个企业最高
/// 100万元`), a standard (`补助标准为…的10%`), or the threshold that qualifies
/// (`增幅超过15%的企业`, `年销售收入5000万元以上的企业`). Totals paid out are outcomes
/// (`全年兑现奖补资金1.35亿元`).
fn policy_parameter(chars: &Txt, n: &Num, cs: usize, fs: usize) -> bool {
    let clause = text(chars, cs, n.start);
    // A rule is stated near its figure; a long sentence is not searched whole for every figure.
    let near = text(chars, fs.max(n.start.saturating_sub(60)), n.start);
    let sentence = text(chars, fs, n.start);
    let after = text(chars, n.end, n.end + 10);
    // Nearly every figure has none of the words a rule needs: decide that with a few searches.
    // (the first chars of 按, 标准, 最高, 单个, 每家, 奖励, 补助, 资助, 扣除)
    let rule_char = |c: char| {
        matches!(
            c,
            '按' | '标' | '最' | '单' | '每' | '奖' | '补' | '资' | '扣'
        )
    };
    let clause_after = text(chars, n.end, clause_end(chars, n.end));
    let qualifies = after
        .trim_start_matches(['及', '以', '上', '下'])
        .starts_with('的');
    if !qualifies && !near.contains(rule_char) && !clause_after.contains(rule_char) {
        return false;
    }
    let after = after
        .trim_start_matches("及以上")
        .trim_start_matches("以上")
        .trim_start_matches("以下");
    if let Some(rest) = after.strip_prefix('的') {
        const QUALIFIED: &[&str] = &["企业", "单位", "项目", "主体", "机构", "团队", "人才"];
        let head: String = rest.chars().take(6).collect();
        if QUALIFIED.iter().any(|w| head.contains(w)) {
            return true;
        }
    }
    const AID: &[&str] = &["奖励", "补助", "资助", "补贴", "奖补", "扣除"];
    let aid_in_sentence = || {
        AID.iter()
            .any(|w| near.contains(w) || clause_after.contains(w))
    };
    let money_or_rate = n.base == "元" || n.unit == "%";
    let rule = (clause.contains('按') && aid_in_sentence())
        || clause.contains("标准")
        || (money_or_rate
            && (["最高", "单个", "单项", "每家", "每个", "每项"]
                .iter()
                .any(|w| clause.contains(w))
                || (sentence.starts_with('对') && aid_in_sentence())
                || AID.iter().any(|w| clause.ends_with(w))));
    // Totals paid out are outcomes, whatever rule they were paid under.
    const TOTALS: &[&str] = &[
        "共", "累计", "兑现", "发放", "拨付", "下达", "争取", "获得", "获", "落实", "全年", "合计",
        "总计", "安排",
    ];
    rule && !TOTALS.iter().any(|w| clause.contains(w))
}

/// Why a number is not a claim, if it is not.
pub(super) fn skip(ctx: &Context, m: &Masks, n: &Num) -> Option<Skip> {
    let chars = ctx.chars;
    // The title line states years only.
    if let Some(t) = ctx.st.title.map(|t| &ctx.st.paras[t]) {
        if t.start <= n.start && n.start < t.end {
            return Some(Skip::Title);
        }
    }
    // `“零”的突破` is itself quoted; everything else in quotes is a name.
    if n.kind != NumKind::Zero && m.quoted.get(n.start).copied().unwrap_or(false) {
        return Some(Skip::Name);
    }
    // Figures in a parenthesis about the province or country, or a part (`含…`). A breakdown
    // (`(其中国家级13家,省级88家)`) is counted.
    if let Some(open) = m.paren.get(n.start).copied().flatten() {
        let inside = text(chars, open + 1, open + 4);
        // (a rank in such brackets is the place's own: `(全国第85位)`)
        let rank = matches!(n.kind, NumKind::Rank | NumKind::Top);
        if !rank && ["全省", "全国", "含"].iter().any(|w| inside.starts_with(w)) {
            return Some(Skip::Aside);
        }
        // `完成全年任务(200家)的106.5%`: the target a rate is measured against.
        let before = text(chars, open.saturating_sub(4), open);
        if n.start == open + 1
            && chars.get(n.end) == Some(&')')
            && ["任务", "目标", "计划"].iter().any(|w| before.ends_with(w))
        {
            return Some(Skip::Aside);
        }
    }
    let cs = clause_start(chars, n.start, false);
    let clause_before = text(chars, cs, n.start);
    let fs = sentence_start(chars, n.start, false);
    let sentence_before = text(chars, fs, n.start);
    // Policy parameters: subsidies granted, how award money is to be split.
    let paid_out = || {
        ["兑现", "发放", "拨付", "下达", "争取", "落实", "累计", "共"]
            .iter()
            .any(|w| clause_before.contains(w))
    };
    if clause_before.contains("给予")
        || (sentence_before.contains("奖励资金") && !paid_out())
        || (n.kind == NumKind::Plain && policy_parameter(chars, n, cs, fs))
    {
        return Some(Skip::Policy);
    }
    match n.kind {
        NumKind::Rank | NumKind::Top => {
            if n.value.is_none() || !is_position(chars, n) {
                return Some(Skip::Ordinal);
            }
        }
        NumKind::Fraction | NumKind::Zero => {}
        NumKind::Plain => {
            if n.value.is_none() && !n.redacted {
                return Some(Skip::NoUnit);
            }
            if n.unit.is_empty() && !index_value(chars, n) {
                return Some(Skip::NoUnit);
            }
            const DATES: &[&str] = &["年", "月", "日", "天", "周", "届", "号", "期"];
            if DATES.contains(&n.base.as_str()) {
                return Some(Skip::Date);
            }
            if ["大", "版", "强", "倍", "亿"].contains(&n.base.as_str()) {
                return Some(Skip::Label);
            }
            if (n.base == "位" || n.unit == "位") && !counts_people(chars, n) {
                return Some(Skip::Ordinal);
            }
            // Small Chinese numerals are mostly counts in names and slogans (`两个全覆盖`,
            // `六大产业`, `千人计划`). Counts they are when written out long (`三十五家`,
            // `一百零八家`), when the count ends its clause (`新增省级众创空间两家。`), as round
            // hundreds (`近百家`, `上百场`, `百余家`, `百名`), as percentage points (`近两个
            // 百分点`), and as money (`千亿元`).
            if n.chinese && n.base != "元" {
                let written: String = text(chars, n.start, n.end)
                    .chars()
                    .take_while(|&c| crate::parse::numbers::parse_cn(&[c]).is_some())
                    .collect();
                let long = written.chars().count() >= 2 && n.value.is_some_and(|v| v >= 11.0);
                let round = matches!(written.chars().next(), Some('百' | '千'))
                    && n.value.is_some_and(|v| v == 100.0 || v == 1000.0);
                const COUNTS: &[&str] = &[
                    "家", "场", "名", "人", "项", "个", "件", "所", "座", "次", "支", "台", "套",
                    "位",
                ];
                let count_unit = COUNTS.contains(&n.unit.as_str());
                let b1 = text(chars, n.start.saturating_sub(1), n.start);
                let counted = ["近", "上", "超"].contains(&b1)
                    || n.unit == "名"
                    || n.bound == crate::model::Bound::MoreThan;
                let ends_clause = chars.get(n.end).is_none_or(|&c| !is_cjk(c));
                let count = (count_unit && (long || ends_clause))
                    || (round && count_unit && counted)
                    || n.unit == "个百分点";
                if !count {
                    return Some(Skip::Label);
                }
            }
            // `其中xx%是光电类项目`: a composition, not an outcome.
            if n.unit == "%" && chars.get(n.end) == Some(&'是') {
                return Some(Skip::Composition);
            }
            let b1 = text(chars, n.start.saturating_sub(1), n.start);
            // `由200万元扩大到1000万元`: the old level is a baseline; `每两周` a frequency.
            if b1 == "由" || b1 == "每" || b1 == "前" {
                return Some(Skip::Baseline);
            }
            // Labels: `1条主线:`, `十个“主要指标”`, `8大行动:`.
            let after = text(chars, n.end, n.end + 4);
            if chars.get(n.end) == Some(&'“') || (after.contains(':') && cs + 1 >= n.start) {
                return Some(Skip::Label);
            }
            if after.starts_with("主线") {
                return Some(Skip::Label);
            }
            // Participants, not results: `2家企业作为参与单位完成的科技成果获…`.
            if text(chars, n.end, n.end + 8).contains("作为") {
                return Some(Skip::Participants);
            }
            // The bureau's own arrangements: `优选100名…人才`, `组成8个…团队`, `分成x个片区`.
            if ["优选", "组成", "分成"]
                .iter()
                .any(|w| clause_before.ends_with(w))
            {
                return Some(Skip::Arrangement);
            }
            // Policy descriptions: `将原…政策中…等7项用于建设经费的补助,统一调整为…`.
            let clause_after = text(chars, n.end, clause_end(chars, n.end));
            if sentence_before.contains("政策") && clause_after.contains("补助") {
                return Some(Skip::Policy);
            }
            // A comparison with another figure (`超过固定资产同比增速6.2个百分点`,
            // `比规上工业投资增速高12.9个百分点`).
            // `比X高`, but not `比上年提高` (growth) nor `比重` (a share).
            let against_other = clause_before.match_indices('比').any(|(bi, _)| {
                let rest = &clause_before[bi + '比'.len_utf8()..];
                !["重", "例", "率", "上年", "去年", "年初", "同期", "上一年"]
                    .iter()
                    .any(|w| rest.starts_with(w))
            });
            let compared = ["超过", "高于", "快于", "低于"]
                .iter()
                .any(|w| clause_before.contains(w))
                || (against_other
                    && ["高", "低", "快", "慢"]
                        .iter()
                        .any(|w| clause_before.ends_with(w)));
            if n.unit == "个百分点" && compared {
                return Some(Skip::Comparison);
            }
            let next = text(chars, n.end, n.end + 4);
            // Places reached (`覆盖12个乡镇(街道)和34个脱贫村`, `深入全市14个镇街`) and people
            // attending (`共计130多人参加了会议`).
            const SETTLEMENTS: &[&str] = &[
                "乡镇",
                "镇街",
                "镇(街",
                "街道",
                "社区",
                "行政村",
                "村",
                "脱贫村",
                "镇",
                "乡",
            ];
            let settlement = n.unit == "个" && SETTLEMENTS.iter().any(|w| next.starts_with(w))
                || SETTLEMENTS
                    .iter()
                    .any(|w| next.starts_with(w) && n.unit.is_empty());
            // `科技特派员服务村(社区)56个`: the places served, named before their count.
            let served = clause_before.contains(['服', '覆', '深', '走', '遍'])
                && ["服务", "覆盖", "深入", "走进", "遍及"]
                    .iter()
                    .any(|w| clause_before.contains(w))
                && SETTLEMENTS.iter().any(|w| {
                    clause_before
                        .trim_end_matches(|c: char| c == ')' || !is_cjk(c))
                        .split('(')
                        .next()
                        .is_some_and(|b| b.ends_with(w))
                });
            if settlement || served {
                return Some(Skip::Coverage);
            }
            if ["人", "名", "人次"].contains(&n.unit.as_str())
                && ["参加了会议", "参加会议", "参会", "出席", "参加了会", "与会"]
                    .iter()
                    .any(|w| clause_after.contains(w))
            {
                return Some(Skip::Coverage);
            }
            // `新增20亿元企业、10亿元企业`: a size class naming the firms, not an amount.
            if n.base == "元"
                && ["企业", "级企业", "以上企业", "级以上企业"]
                    .iter()
                    .any(|w| next.starts_with(w))
            {
                return Some(Skip::SizeClass);
            }
            // A plant's capacity names the project (`建成年产1.5万吨碳纤维生产线`).
            if clause_before.ends_with("年产") {
                return Some(Skip::SizeClass);
            }
            // The bureau's own staff and branches, sent out or honoured (`20名年轻党员干部派驻…`,
            // `2名同志分获…称号`, `3个党支部获评…`): not results of the place.
            let staff = text(chars, n.end, n.end + 14);
            if ["名", "个", "人"].contains(&n.unit.as_str())
                && [
                    "同志",
                    "党支部",
                    "集体",
                    "干部",
                    "党员",
                    "公务员",
                    "服务官",
                    "处级",
                ]
                .iter()
                .any(|w| {
                    staff
                        .split([',', '。', ';'])
                        .next()
                        .is_some_and(|s| s.contains(w))
                })
            {
                return Some(Skip::Arrangement);
            }
            // `全市唯一一家`: uniqueness, not a count.
            if clause_before.ends_with("唯一") {
                return Some(Skip::Label);
            }
            // How a bureau is organised (`内设办公室…3个股室`).
            if clause_before.contains("内设") {
                return Some(Skip::Arrangement);
            }
            // What shares a rank (`4个分指数列全省第一`, `13项指标实现了全市第一`) and places
            // counted (`第一梯队29个县(市、区)中`).
            if ["分指数", "指数", "指标"]
                .iter()
                .any(|w| next.starts_with(w))
                && clause_after.contains('第')
            {
                return Some(Skip::RankedItems);
            }
            let places = [
                "县(", "县市", "县区", "城市", "乡镇", "省份", "市(", "区(", "市县", "区县",
            ];
            let group = text(chars, n.end, n.end + 12);
            if n.unit == "个"
                && (places.iter().any(|w| next.starts_with(w))
                    || group
                        .split([',', '。', ';'])
                        .next()
                        .is_some_and(|g| g.contains("城市中") || g.contains("城市里")))
            {
                return Some(Skip::RankedItems);
            }
        }
    }
    if other_place(ctx, m, n) || above_own(ctx, m, n) {
        return Some(Skip::OtherPlace);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_document;

    /// The numbers that became claims, as written.
    fn claimed(title: &str, body: &str) -> Vec<String> {
        let d = parse_document("t", "t.txt", &format!("{title}\n{body}"));
        let chars: Vec<char> = d.text.chars().collect();
        d.claims
            .iter()
            .map(|c| chars[c.number_start..c.number_end].iter().collect())
            .collect()
    }

    #[test]
    fn figures_of_the_places_above_are_not_a_districts_claims() {
        let title = "武侯区科技局2023年工作总结";
        let cases: [(&str, &[&str]); 8] = [
            (
                "全区新增高新技术企业45家,占全市新增总数的12%。",
                &["45家", "12%"],
            ),
            (
                "全市高新技术企业总数达到1890家,同比增长15.2%,其中我区312家。",
                &["312家"],
            ),
            (
                "1-9月,全区技术合同成交额18.6亿元,高于全市平均水平(11.2亿元)。",
                &["18.6亿元"],
            ),
            (
                "全区R&D经费投入强度2.9%,但仍低于成都全市3.5%的平均水平。",
                &["2.9%"],
            ),
            ("据统计,全省技术合同成交额突破1500亿元。", &[]),
            (
                "全市科技型中小企业入库评价1.2万家,我区入库980家,居全市第3位。",
                &["980家", "第3位"],
            ),
            // The city's name before a platform is its designation, and the district's claim.
            ("成都市科技企业孵化器新增3家。", &["3家"]),
            (
                "全区规上工业企业研发经费增长16.4%(全市增长9.1%)。",
                &["16.4%"],
            ),
        ];
        for (body, want) in cases {
            assert_eq!(claimed(title, body), want, "{body}");
        }
    }

    #[test]
    fn the_rules_of_a_subsidy_are_not_its_outcomes() {
        let got = claimed(
            "武侯区科技局2023年工作总结及2024年工作思路",
            "一、2023年工作成效\n全年兑现科技奖补资金1.35亿元,惠及企业620家。发放科技创新券3200万元。年销售收入5000万元以上的企业研发机构覆盖率达到90%。\n二、2024年工作思路\n对首次认定的国家高新技术企业,区财政奖励20万元。对研发投入增幅超过15%的企业,按增量部分的8%给予补助,单个企业最高100万元。补助标准为企业研发费用增量的10%。新认定高新技术企业60家以上。",
        );
        assert_eq!(got, ["1.35亿元", "620家", "3200万元", "90%", "60家以上"]);
    }

    #[test]
    fn places_covered_people_attending_and_size_classes_are_not_results() {
        let got = claimed(
            "弥勒市科技局2022年工作总结",
            "全市选派科技特派员120名,覆盖12个乡镇(街道)和34个脱贫村。全县共计130多人参加了会议。新增20亿元企业、10亿元企业分别为1家和3家。市科技局内设办公室、科技发展股3个股室。",
        );
        assert_eq!(got, ["120名", "1家", "3家"]);
    }

    #[test]
    fn the_city_acting_at_a_clauses_head_is_not_the_county() {
        let got = claimed(
            "弥勒市科技局2022年工作总结",
            "全市新认定高新技术企业9家。红河州全年新认定高新技术企业38家。红河州级重点实验室1家。",
        );
        assert_eq!(got, ["9家", "1家"]);
    }

    #[test]
    fn in_an_autonomous_region_its_whole_is_above_a_city() {
        let got = claimed(
            "来宾市科技局2023年工作总结",
            "全市研发经费投入强度0.71%,全区研发经费投入强度0.81%。全市高新技术企业净增27家,净增数居全区第3位。",
        );
        assert_eq!(got, ["0.71%", "27家", "第3位"]);
    }

    #[test]
    fn a_municipalitys_report_lists_its_districts_figures() {
        let got = claimed(
            "天津市科技局2023年1-8月份科技型企业评价情况通报",
            "2023年1-8月份,全市7912家企业通过科技型中小企业评价入库。科技型中小企业排名前五位的区是滨海新区(3487家)、武清区(611家)。入库数分别为南开区386家、西青区550家。",
        );
        assert_eq!(got, ["7912家"]);
    }

    #[test]
    fn ranks_among_groups_of_places() {
        let got = claimed(
            "成都市科技局2019年上半年工作总结",
            "全市GDP增长8.1%,在16个GDP万亿级城市中增速第一。全市综合实力挺进全国城市20强。",
        );
        assert_eq!(got, ["8.1%", "第一", "20强"]);
    }

    #[test]
    fn the_bureaus_own_staff_and_top_lists() {
        let got = claimed(
            "龙游县科技局2024年工作总结",
            "20名年轻党员干部派驻重点高校院所。2名同志分获“人民满意的公务员”称号。3个党支部获评先进基层党组织。龙游县是衢州市唯一一家入选的县,连续四年入选全国中小城市科技创新百强县(全国第85位)。新认定高新技术企业31家。",
        );
        assert_eq!(got, ["百强", "第85位", "31家"]);
    }

    #[test]
    fn a_county_level_citys_own_whole_is_its_city() {
        let got = claimed(
            "海宁市科技局2023年工作总结",
            "全市新增高新技术企业88家,同比增长10.5%,全省平均增长8.0%。",
        );
        assert_eq!(got, ["88家", "10.5%"]);
        let got = claimed(
            "衢州市科技局2023年工作总结",
            "全市新增高新技术企业120家;全省研发投入强度2.9%,全国平均2.6%。",
        );
        assert_eq!(got, ["120家"]);
        let got = claimed(
            "衢州市科技局2023年工作总结",
            "全市高新技术企业共有49家,占全省61家的80.3%;入库企业约占全省的五分之一。",
        );
        assert_eq!(got, ["49家", "80.3%", "五分之一"]);
    }
}
