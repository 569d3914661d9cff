//! When and how a figure is meant: achievement or goal, its year, modality and estimate — read
//! from the figure's own clause first (`力争`, `确保`, `将`, `已`, `截至`, `2023年`, `去年`) and
//! from the half it stands in only as a default.
//!
//! A cue governs the figures after it in its `;`-clause; a cue at the head of a sentence
//! (`2022年力争实现A;B;C`, `会议强调,今年要…`) governs the whole sentence, and a goal list's
//! introduction (`主要目标是:`) its whole paragraph. Nothing crosses into the next `一是/二是`.

use super::text::*;
use super::Context;
use crate::model::*;
use crate::parse::numbers::Num;
use crate::parse::structure::{cn_ordinal, Half};

/// What a cue says about the figures it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Says {
    /// Aimed for: `力争`, `确保`, `将`, `要`, `目标是`.
    Goal(Option<Modality>),
    /// Done: `已`, `截至`, `去年`, `实现了`.
    Done,
    /// Introduces a list of goals (`主要目标是:`): governs its paragraph.
    GoalList,
    /// `到2027年`: a goal when that year is still to come for the report, else a result by then
    /// (`到2022年底,全市累计…` in the review of 2022).
    By(i32),
}

/// One cue: where it starts and ends, and what it says.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    start: usize,
    end: usize,
    says: Says,
}

fn at(chars: &[char], i: usize, w: &str) -> bool {
    w.chars()
        .enumerate()
        .all(|(k, c)| chars.get(i + k) == Some(&c))
}

fn prev(chars: &Txt, i: usize) -> char {
    if i == 0 {
        '\n'
    } else {
        chars[i - 1]
    }
}

/// `争取` is a stretch goal before what is to be reached (`争取达到3.4%`, `争取7000万元`,
/// `争取新建国家级研发中心1家`); before what is obtained (`争取上级科技经费1.2亿元`, `共争取各类
/// 国家科技计划项目220余项`) it is the verb "to obtain".
fn obtains(chars: &Txt, end: usize) -> bool {
    let after = text(chars, end, end + 3);
    let aim = [
        "达到",
        "实现",
        "突破",
        "新增",
        "完成",
        "建成",
        "创建",
        "获批",
        "进入",
        "引进",
        "培育",
        "新认定",
        "认定",
        "超过",
        "增长",
        "提升",
        "提高",
        "在",
        "全年",
        "年内",
        "新建",
        "再",
        "成为",
        "早日",
        "更多",
        "列入",
    ];
    let number = after
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十百千两".contains(c));
    !(number || aim.iter().any(|w| after.starts_with(w)))
}

/// The cue starting at `i`, if one does.
fn cue_at(chars: &Txt, i: usize) -> Option<Cue> {
    let cue = |len: usize, says: Says| {
        Some(Cue {
            start: i,
            end: i + len,
            says,
        })
    };
    let c = chars[i];
    let p = prev(chars, i);
    let next = chars.get(i + 1).copied().unwrap_or('\n');
    match c {
        '力' if at(chars, i, "力争") || at(chars, i, "力求") => {
            cue(2, Says::Goal(Some(Modality::Strive)))
        }
        '确' if at(chars, i, "确保") => cue(2, Says::Goal(Some(Modality::Ensure))),
        '争' if at(chars, i, "争取") && p != '力' => {
            if obtains(chars, i + 2) {
                None
            } else {
                cue(2, Says::Goal(Some(Modality::Strive)))
            }
        }
        '努' if at(chars, i, "努力实现") || at(chars, i, "努力达到") => {
            cue(4, Says::Goal(None))
        }
        '目' if at(chars, i, "目标") => {
            let after = text(chars, i + 2, i + 5);
            let list =
                after.starts_with(':') || after.starts_with("是:") || after.starts_with("为:");
            let intro = list || after.starts_with('是') || after.starts_with('为');
            // `主要目标是:`, `六个目标:一是…`, `发展目标为…`; not `完成…目标`.
            if list {
                cue(2, Says::GoalList)
            } else if intro {
                cue(2, Says::Goal(None))
            } else {
                None
            }
        }
        '将' => {
            // The future `将` after its subject or a time (`市科技局将`, `今年,…将`), not the
            // object-fronting `将` after a comma (`将五谷串珠成链`) nor `将近`.
            let subject = "局委府区市县们线门院组队年步后会";
            let ok = (subject.contains(p) || matches!(p, '\n' | '。' | '!' | ';'))
                && !"近其之来军士领帅".contains(next);
            ok.then_some(Cue {
                start: i,
                end: i + 1,
                says: Says::Goal(None),
            })
        }
        '要' => {
            // The modal `要` (`今年要聚焦…`, `总产值要突破…`), not 主要/重要/需要/要求/要点.
            let not_before = "主重需首必摘纪只提简概次紧";
            let not_after = "求点素闻害是紧领目件";
            (!not_before.contains(p)
                && !not_after.contains(next)
                && super::super::view::is_cjk(next))
            .then_some(Cue {
                start: i,
                end: i + 1,
                says: Says::Goal(None),
            })
        }
        '计' if at(chars, i, "计划") => {
            let verbs = "新完实达引培建申开举投招认组推打";
            verbs
                .contains(chars.get(i + 2).copied().unwrap_or(' '))
                .then_some(Cue {
                    start: i,
                    end: i + 2,
                    says: Says::Goal(None),
                })
        }
        '准' if at(chars, i, "准备") => cue(2, Says::Goal(None)),
        // not `达到`, `得到`, `争取到` (obtained), `受到`
        '到' if !"达得做受遇看想收取".contains(p) => {
            let y = year_at(chars, i + 1)?;
            cue(5, Says::By(y))
        }
        '下' if at(chars, i, "下一步") => cue(3, Says::Goal(None)),
        '下' if at(chars, i, "下半年") => cue(3, Says::Goal(None)),
        '明' if at(chars, i, "明年") => cue(2, Says::Goal(None)),
        '已' => cue(1, Says::Done),
        '截' if at(chars, i, "截至") || at(chars, i, "截止") => cue(2, Says::Done),
        '目' if at(chars, i, "目前") => cue(2, Says::Done),
        '至' if at(chars, i, "至今") => cue(2, Says::Done),
        '以' if at(chars, i, "以来") => cue(2, Says::Done),
        '一' if at(chars, i, "一年来") => cue(3, Says::Done),
        '过' if at(chars, i, "过去的一年") || at(chars, i, "过去一年") => {
            cue(2, Says::Done)
        }
        '去' if at(chars, i, "去年") && !"较比与上同".contains(p) => cue(2, Says::Done),
        '了' => {
            // A verb's `了` (`实现了`, `表彰了`), not 为了/除了/了解.
            let verb = super::super::view::is_cjk(p) && !"为除罢得".contains(p) && next != '解';
            verb.then_some(Cue {
                start: i,
                end: i + 1,
                says: Says::Done,
            })
        }
        _ => None,
    }
}

/// Words that may stand before a cue at the head of its sentence: times, the place speaking and
/// reporting verbs (`2022年`, `今年`, `全市`, `会议强调`, `市科技局`).
const HEAD_WORDS: &[&str] = &[
    "会议强调",
    "会议指出",
    "会议要求",
    "会议提出",
    "会议确定",
    "会议明确",
    "强调",
    "指出",
    "要求",
    "提出",
    "明确",
    "今年",
    "明年",
    "全年",
    "年内",
    "届时",
    "到",
    "全市",
    "全县",
    "全区",
    "我市",
    "我县",
    "我区",
    "市科技局",
    "县科技局",
    "区科技局",
    "我局",
    "本局",
    "科技局",
    "实现",
    "在",
];

/// Is the cue at `c` at the head of its sentence starting at `ss`: only times, the speaker and
/// reporting verbs before it?
fn at_head(chars: &Txt, ss: usize, c: usize) -> bool {
    // Times, reporting verbs and a speaker never run longer than this.
    if c.saturating_sub(ss) > 32 {
        return false;
    }
    let s: Vec<char> = chars[ss.min(c)..c]
        .iter()
        .copied()
        .filter(|ch| !matches!(ch, ',' | ':' | ' ' | '、'))
        .collect();
    let mut k = 0;
    loop {
        let before = k;
        // a year (`2022年`, `2023年度`)
        if s.len() >= k + 5 && s[k..k + 4].iter().all(|d| d.is_ascii_digit()) && s[k + 4] == '年' {
            k += if s.get(k + 5) == Some(&'度') { 6 } else { 5 };
        }
        for w in HEAD_WORDS {
            if at(&s, k, w) {
                k += w.chars().count();
            }
        }
        if k == before {
            break;
        }
    }
    let rest = &s[k..];
    // `今年,武进科技条线将…`: the speaking body itself before its cue.
    rest.is_empty()
        || (rest.len() <= 10
            && !rest.iter().any(|ch| ch.is_ascii_digit())
            && ["局", "条线", "部门", "系统", "我们", "委", "政府"]
                .iter()
                .any(|w| {
                    let w: Vec<char> = w.chars().collect();
                    rest.ends_with(&w)
                }))
}

/// `力争实现:A;B;C`, `确保完成A、B`: a cue that opens a list governs the whole sentence, unlike
/// one on a single figure (`强度达到3.3%、争取达到3.4%`).
fn opens_list(chars: &Txt, c: &Cue) -> bool {
    matches!(c.says, Says::Goal(_)) && ["实现", "完成", "做到"].iter().any(|w| at(chars, c.end, w))
}

/// A `一是/二是` item starts between `a` and `b`: cues do not reach across it.
fn item_between(chars: &Txt, a: usize, b: usize) -> bool {
    (a..b.saturating_sub(1)).any(|k| {
        chars[k + 1] == '是'
            && cn_ordinal(&chars[k..k + 1]).is_some()
            && k > 0
            && matches!(chars[k - 1], '。' | ';' | ':' | ',' | '\n')
    })
}

/// Every cue of a text, in order (found once per document).
pub(super) fn cues(chars: &Txt) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match cue_at(chars, i) {
            Some(c) => {
                i = c.end;
                out.push(c);
            }
            None => i += 1,
        }
    }
    out
}

/// The cues governing the figure at `at`, nearest first.
fn governing(ctx: &Context, cues: &[Cue], at: usize) -> Vec<Cue> {
    let chars = ctx.chars;
    let ss = sentence_start(chars, at, false);
    let para = ctx.st.para_at(at).map_or(ss, |p| p.start);
    let clause = sentence_start(chars, at, true);
    let from = cues.partition_point(|c| c.start < para);
    let to = cues.partition_point(|c| c.end <= at);
    let mut found: Vec<Cue> = cues[from..to.max(from)]
        .iter()
        .copied()
        .filter(|c| match c.says {
            Says::GoalList => true,
            // `去年,…。全市专利申请量…`: a time opening its paragraph governs the paragraph.
            _ if c.start < ss => at_head(chars, para, c.start) && !item_between(chars, c.end, at),
            _ => {
                (c.start >= clause || at_head(chars, ss, c.start) || opens_list(chars, c))
                    && !item_between(chars, c.end, at)
            }
        })
        .collect();
    found.reverse();
    found
}

/// What a figure is: achievement or goal, year, modality, estimate.
pub(super) struct When {
    pub kind: Kind,
    pub year: Option<i32>,
    pub modality: Option<Modality>,
    pub estimated: bool,
}

/// Reads kind, year, modality and estimate for the figure `n`.
pub(super) fn when(ctx: &Context, cues: &[Cue], n: &Num) -> When {
    let chars = ctx.chars;
    let cues = governing(ctx, cues, n.start);
    // The nearest cue decides; the half the figure stands in is the default.
    // `超额完成90家的考核目标`: the figure is the target, quoted in a review.
    // `完成全年170家任务的71.8%`: so is a figure that names the task itself.
    let target = {
        let after = text(chars, n.end, n.end + 7);
        (after.starts_with('的')
            && ["目标", "任务"].iter().any(|w| after.contains(w))
            && !after.contains(','))
            || ["任务", "目标任务", "的任务"]
                .iter()
                .any(|w| after.starts_with(w))
    };
    // `在2023年净增高企27家的基础上,力争…`: the base a plan builds on was achieved.
    let base = {
        let cs = clause_start(chars, n.start, false);
        let after = text(chars, n.end, clause_end(chars, n.end));
        text(chars, cs, n.start).starts_with('在') && after.contains("的基础上")
    };
    let kind = match cues.first().map(|c| c.says) {
        _ if base => Kind::Achievement,
        _ if target => Kind::Goal,
        Some(Says::Goal(_) | Says::GoalList) => Kind::Goal,
        Some(Says::Done) => Kind::Achievement,
        Some(Says::By(y)) => match ctx.summary_year.or(ctx.now) {
            Some(s) if y <= s => Kind::Achievement,
            _ => Kind::Goal,
        },
        None => match ctx.st.half_at(n.start, ctx.has_summary) {
            Half::Summary => Kind::Achievement,
            // `2024年,全区R&D经费投入强度预计达到1.52%` in the plan for 2025: where it starts from.
            Half::Plan
                if own_year(ctx, n, ctx.plan_year)
                    .zip(ctx.plan_year)
                    .is_some_and(|(y, p)| y < p) =>
            {
                Kind::Achievement
            }
            Half::Plan => Kind::Goal,
        },
    };
    let modality = if kind == Kind::Goal {
        cues.iter().find_map(|c| match c.says {
            Says::Goal(m @ Some(_)) => m,
            _ => None,
        })
    } else {
        None
    };
    let half_year = match kind {
        Kind::Achievement => ctx.summary_year,
        Kind::Goal => ctx.plan_year,
    };
    let this_year = half_year.or(ctx.now);
    let year = own_year(ctx, n, this_year)
        .or_else(|| relative_year(ctx, n, this_year))
        .or_else(|| year_after(chars, n))
        .or_else(|| lead_year(ctx, n, kind))
        .or(half_year);
    When {
        kind,
        year,
        modality,
        estimated: is_estimated(chars, n.start),
    }
}

/// A written year at `i` (`2021年`, not a date `2018年3月15日` nor part of a longer number).
fn year_at(chars: &Txt, i: usize) -> Option<i32> {
    if i + 4 >= chars.len() || chars[i + 4] != '年' {
        return None;
    }
    if !chars[i..i + 4].iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '-') {
        return None;
    }
    if chars.get(i + 5).is_some_and(|c| c.is_ascii_digit()) {
        // `2022年11月` is a time in its year; `2018年3月15日`, a day, is a date of an event.
        let after = text(chars, i + 5, i + 12);
        if after.contains('日') || after.contains('号') {
            return None;
        }
    }
    let y: i32 = chars[i..i + 4].iter().collect::<String>().parse().ok()?;
    (1949..=2100).contains(&y).then_some(y)
}

/// Is the year at `i` a baseline or a name rather than the time of what follows? `较2021年`,
/// `比2017年`, `与2020年相比`, `《2020年…》`, `(2020-2022年)`.
fn not_a_time(chars: &Txt, i: usize) -> bool {
    let before = text(chars, i.saturating_sub(2), i);
    // `到2027年,…` opening a clause is the time aimed at, not the end of a span.
    if before.ends_with('到') {
        let k = i - 1;
        let opens = k == 0
            || matches!(chars[k - 1], ',' | '。' | '\n' | ';' | ':')
            || ["力争", "争取", "计划", "预计", "确保", "目标"]
                .iter()
                .any(|w| text(chars, k.saturating_sub(2), k) == *w);
        if opens {
            return false;
        }
    }
    ["较", "比", "与", "自", "从", "由", "于", "至", "到"]
        .iter()
        .any(|w| before.ends_with(w))
        || text(chars, i.saturating_sub(3), i).contains(['《', '(', '-', '—', '~'])
}

/// The year a figure's clause names for itself: the nearest time year before it in its
/// `;`-clause, or at the head of its sentence (`2022年力争实现A;B;C`), or the year of a report
/// cited earlier in the same item (`《2020年度…监测报告》显示`).
fn own_year(ctx: &Context, n: &Num, this_year: Option<i32>) -> Option<i32> {
    let chars = ctx.chars;
    let ss = sentence_start(chars, n.start, false);
    let clause = sentence_start(chars, n.start, true);
    let time_year = |k: usize| year_at(chars, k).filter(|_| !not_a_time(chars, k));
    // A year inside an earlier comma clause names a thing (`列入2020年度…评价`), unless it
    // opens that clause (`2023年全社会R&D…,提升幅度全省第一`).
    let comma = clause_start(chars, n.start, false);
    let in_clause = (clause..n.start).rev().find_map(|k| {
        time_year(k).filter(|_| k >= comma || at_head(chars, clause_start(chars, k, false), k))
    });
    if in_clause.is_some() {
        return in_clause;
    }
    // `2019年,…;今年1-10月,…`: the clause's own time word outranks the sentence's head year.
    if let Some(y) = relative_in(chars, clause, n.start, this_year) {
        return Some(y);
    }
    // A year heading the sentence reaches past its `;` only as the sentence's time
    // (`2021年,全市…;…`) or a list's (`2022年力争实现A;B;C`); `2023年全社会R&D…达3.08%;高新技术
    // 企业预计…` dates only its own clause.
    let heads_sentence = |k: usize| {
        let mut e = k + 5;
        if chars.get(e) == Some(&'度') {
            e += 1;
        }
        matches!(chars.get(e), Some(',' | ':' | '是'))
            || [
                "力争", "确保", "争取", "要", "将", "计划", "目标", "全年", "以来", "实现", "累计",
            ]
            .iter()
            .any(|w| text(chars, e, e + 2).starts_with(w))
    };
    let head = (ss..clause)
        .rev()
        .find_map(|k| time_year(k).filter(|_| at_head(chars, ss, k) && heads_sentence(k)));
    if head.is_some() {
        return head;
    }
    // A cited report's year carries over to the following sentences of the same item.
    // `《2020年度…监测报告》显示`: the cited report's own year, unless a new point (`二是`)
    // starts between the citation and the figure.
    let para = ctx.st.para_at(n.start)?;
    let closes = &chars.closes;
    let cited = closes[..closes.partition_point(|&k| k < n.start)]
        .iter()
        .rev()
        .take_while(|&&k| k >= para.start)
        .copied()
        .find(|&k| ["显示", "表明", "指出"].iter().any(|w| at(chars, k + 1, w)))?;
    let new_point = (cited + 1..n.start).any(|k| {
        chars[k] == '是'
            && k >= 2
            && cn_ordinal(&chars[k - 1..k]).is_some()
            && matches!(chars[k - 2], '。' | ';' | ':' | ',')
    });
    if new_point {
        return None;
    }
    let open = (para.start..cited).rev().find(|&o| chars[o] == '《')?;
    (open..cited).find_map(|o| year_at(chars, o))
}

/// `去年`, `今年`, `明年` in the figure's clause, counted from the year the text speaks in.
fn relative_year(ctx: &Context, n: &Num, this_year: Option<i32>) -> Option<i32> {
    let this_year = this_year?;
    let chars = ctx.chars;
    let mut clause = sentence_start(chars, n.start, true);
    // A paragraph opening with its time (`去年,市级以上…`) speaks of it throughout.
    if let Some(p) = ctx.st.para_at(n.start) {
        let opens = (p.start..(p.start + 8).min(n.start)).find(|&k| {
            ["去年", "今年", "明年"]
                .iter()
                .any(|w| text(chars, k, k + 2) == *w)
        });
        if opens.is_some_and(|k| at_head(chars, p.start, k)) {
            clause = p.start;
        }
    }
    relative_in(chars, clause, n.start, Some(this_year))
}

/// The last `去年`/`今年`/`本年`/`明年` in `from..to` as a year (not a baseline, `较去年`).
fn relative_in(chars: &Txt, from: usize, to: usize, this_year: Option<i32>) -> Option<i32> {
    let this_year = this_year?;
    let before = text(chars, from, to);
    if !before.contains('年') {
        return None;
    }
    let pos = |w: &str| {
        before
            .rmatch_indices(w)
            .find(|(bi, _)| {
                !["较", "比", "同", "与", "上"]
                    .iter()
                    .any(|p| before[..*bi].ends_with(p))
            })
            .map(|(bi, _)| bi)
    };
    [("去年", -1), ("今年", 0), ("本年", 0), ("明年", 1)]
        .iter()
        .filter_map(|(w, d)| pos(w).map(|p| (p, *d)))
        .max_by_key(|(p, _)| *p)
        .map(|(_, d)| this_year + d)
}

/// `10家企业列入2020年度…`, `71家企业填报了2025年度研发投入月报`: a year the figure's own
/// clause names after it.
fn year_after(chars: &Txt, n: &Num) -> Option<i32> {
    let end = clause_end(chars, n.end);
    (n.end..end.saturating_sub(5)).find_map(|k| {
        (chars.get(k + 5) == Some(&'度'))
            .then(|| year_at(chars, k))
            .flatten()
    })
}

/// The year a paragraph opens with (`2016年,全市认定…`; `2024年是…关键一年。…主要目标是:`):
/// a review's year for its achievements, a `…年是` opening's for its goals.
fn lead_year(ctx: &Context, n: &Num, kind: Kind) -> Option<i32> {
    let p = ctx.st.para_at(n.start)?;
    let chars = ctx.chars;
    let mut k = p.start;
    // a yearbook entry's label (`【概况】`)
    if chars.get(k) == Some(&'【') {
        while k < p.end && chars[k] != '】' {
            k += 1;
        }
        k += 1;
    }
    let y = year_at(chars, k)?;
    // Only a year set off as the paragraph's time (`2016年,…`, `2024年是…`), not one dating the
    // first clause's subject (`2023年全社会R&D…`).
    let wanted = match chars.get(k + 5).copied().unwrap_or(' ') {
        '是' => Kind::Goal,
        ',' => Kind::Achievement,
        _ => return None,
    };
    (wanted == kind).then_some(y)
}

/// `预计` before a figure in its sentence, not cut off by a clause reporting a done deal
/// (`预计…强度为2.0%,成功创建…,获批2家…`: the 2 is a fact, the 2.0% an estimate).
fn is_estimated(chars: &Txt, at: usize) -> bool {
    let ss = sentence_start(chars, at, true);
    let before = text(chars, ss, at);
    let Some(bi) = before.rfind("预计") else {
        return false;
    };
    let cue = ss + before[..bi].chars().count();
    let mut k = clause_end(chars, cue);
    while k < at {
        let head = text(chars, k + 1, k + 4);
        if ["成功", "获批", "获得", "完成", "创建", "实现"]
            .iter()
            .any(|w| head.starts_with(w))
        {
            return false;
        }
        k = clause_end(chars, k + 1);
    }
    true
}
