//! Structure stage: paragraphs, headings at every level (`一、` `(一)` `1.` `一是`), the
//! summary/plan halves with the years their headings state, and the item units inside them.

/// A paragraph (one line of the cleaned text) with its char offsets.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Heading levels, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum HLevel {
    /// `一、`
    Part,
    /// `(一)`
    Section,
    /// `1.` / `1、`
    Point,
}

#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub level: HLevel,
    pub para: usize,
    /// The heading's own words (up to its first sentence end), without the numbering.
    pub title: String,
    /// The heading as written, numbering included (`(一)实施产业提升赋能行动`).
    pub label: String,
}

/// A text unit that becomes an item: a numbered point, a `(一)` block or a `一是` clause.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub start: usize,
    pub end: usize,
    /// Nearest enclosing heading (as written).
    pub heading: Option<String>,
    /// The unit's own title words (first sentence), for topic scoring.
    pub title: String,
}

/// Which half a stretch of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Half {
    Summary,
    Plan,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Structure {
    pub paras: Vec<Para>,
    /// The title paragraph, if the text has one (news and plans may open straight with text).
    pub title: Option<usize>,
    pub headings: Vec<Heading>,
    /// Char offset where the plan half starts (`二、2022年工作重点`, `2022年,市科技局将…`).
    pub plan_start: Option<usize>,
    /// Char offset where the summary half is announced by a heading, if it is.
    pub summary_heading: Option<usize>,
    /// Years stated by the half headings (`一、2021年工作亮点`): (summary, plan).
    pub heading_years: (Option<i32>, Option<i32>),
    /// A half heading's year is masked (`一、xxxx年主要工作和成效`).
    pub heading_year_redacted: bool,
    /// The year the body's opening review names (`2023年,我局围绕…`, `【概况】2007年,…`).
    pub lead_year: Option<i32>,
    /// Years stated by a title-like line inside the body (`…2022年…总结及2023年工作思路…`).
    pub body_title_years: (Option<i32>, Option<i32>),
    pub units: Vec<Unit>,
}

impl Structure {
    /// The paragraph holding char offset `pos` (its end, a line break, counts as its own).
    pub fn para_at(&self, pos: usize) -> Option<&Para> {
        let k = self.paras.partition_point(|p| p.end < pos);
        self.paras.get(k).filter(|p| p.start <= pos)
    }

    /// The half a char offset falls in, given whether the document has a summary at all.
    pub fn half_at(&self, pos: usize, has_summary: bool) -> Half {
        match self.plan_start {
            Some(p) if pos >= p => Half::Plan,
            Some(_) => {
                if has_summary {
                    Half::Summary
                } else {
                    Half::Plan
                }
            }
            None => {
                if has_summary {
                    Half::Summary
                } else {
                    Half::Plan
                }
            }
        }
    }
}

const CN_ORD: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

pub(crate) const SUMMARY_WORDS: &[&str] = &[
    "总结",
    "小结",
    "述职",
    "亮点",
    "成效",
    "回顾",
    "工作情况",
    "完成情况",
    "进展情况",
    "工作进展",
    "推进情况",
    "落实情况",
    "开展情况",
    "运行情况",
    "主要工作",
];
pub(crate) const PLAN_WORDS: &[&str] = &[
    "思路", "计划", "要点", "重点", "打算", "目标", "安排", "举措", "谋划", "规划",
];

/// Chinese ordinal value (`三` → 3, `十二` → 12).
pub(crate) fn cn_ordinal(s: &[char]) -> Option<u32> {
    super::numbers::parse_cn(s).map(|v| v as u32)
}

/// `一、…` → (ordinal, rest).
fn part_prefix(chars: &[char]) -> Option<(u32, usize)> {
    let n = chars
        .iter()
        .take_while(|c| CN_ORD.contains(c))
        .count()
        .min(3);
    if n == 0 || chars.get(n) != Some(&'、') {
        return None;
    }
    Some((cn_ordinal(&chars[..n])?, n + 1))
}

/// `(一)…` → (ordinal, rest).
fn section_prefix(chars: &[char]) -> Option<(u32, usize)> {
    if chars.first() != Some(&'(') {
        return None;
    }
    let n = chars[1..]
        .iter()
        .take_while(|c| CN_ORD.contains(c))
        .count()
        .min(3);
    if n == 0 || chars.get(n + 1) != Some(&')') {
        return None;
    }
    Some((cn_ordinal(&chars[1..n + 1])?, n + 2))
}

/// `1.…`, `12、…`, `1. …` → (number, rest). Not decimals (`1.5`) nor dates.
fn point_prefix(chars: &[char]) -> Option<(u32, usize)> {
    let n = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 2 {
        return None;
    }
    let sep = *chars.get(n)?;
    if sep != '.' && sep != '、' {
        return None;
    }
    let next = chars.get(n + 1).copied().unwrap_or(' ');
    if next.is_ascii_digit() {
        return None;
    }
    let mut rest = n + 1;
    while chars.get(rest) == Some(&' ') {
        rest += 1;
    }
    let num: String = chars[..n].iter().collect();
    Some((num.parse().ok()?, rest))
}

/// The first sentence of a heading paragraph, capped: headings glued to their text
/// (`(一)科技管理工作有新布局积极推进…`) keep only a readable head.
fn heading_words(chars: &[char]) -> String {
    if chars.len() <= 40 && !chars.contains(&'。') {
        let whole: String = chars.iter().collect();
        return whole.trim().trim_end_matches([',', ':', ';']).to_string();
    }
    let mut end = chars.len();
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '。' | ';' | ':' | ',' | '!') {
            end = i;
            break;
        }
    }
    // A half heading glued to its text (`一、xxxx年主要工作和成效主要科技指标…`) ends with
    // its half word.
    if part_prefix(chars).is_some() {
        let head: String = chars[..end.min(24)].iter().collect();
        let cut = SUMMARY_WORDS
            .iter()
            .chain(PLAN_WORDS)
            .filter_map(|w| head.find(w).map(|b| b + w.len()))
            .max();
        if let Some(b) = cut {
            end = end.min(head[..b].chars().count());
        }
    }
    end = end.min(30);
    chars[..end].iter().collect::<String>().trim().to_string()
}

/// Years in a title-like string, classified by the words around each year:
/// `2021年工作总结及2022年工作思路` → (Some(2021), Some(2022)). Also reports masked years.
/// A review of part of a year with the rest's plan (`2025年上半年工作总结及下半年工作计划`,
/// `2025年4月工作小结和5月工作计划`) has both in one year; `部署2008年科技工作` is a plan, `总结
/// 2007年度` a summary; in `2015年科技工作及2016年工作思路` the earlier year is the summary's.
pub(crate) fn title_years(s: &str) -> (Option<i32>, Option<i32>, bool) {
    let chars: Vec<char> = s.chars().collect();
    // (position, year or None when masked)
    let mut years: Vec<(usize, Option<i32>)> = Vec::new();
    let mut i = 0;
    while i + 4 < chars.len() + 1 {
        let w = &chars[i..(i + 5).min(chars.len())];
        if w.len() == 5 && w[4] == '年' {
            let digits = w[..4].iter().all(|c| c.is_ascii_digit());
            // `xxxx年`, `20xx年`, `202x年`: a year masked whole or in part.
            let masked = w[..4].iter().any(|c| matches!(c, 'x' | 'X'))
                && w[..4]
                    .iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, 'x' | 'X'));
            let prev_ok = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
            if prev_ok && (digits || masked) {
                let y = if digits {
                    w[..4].iter().collect::<String>().parse::<i32>().ok()
                } else {
                    None
                };
                // Not a date (`2018年3月15日`); a month's report (`2025年4月工作小结`) or a
                // span of months (`2022年1-10月工作进展`) is fine.
                let mut month = chars[i + 5..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if month > 0
                    && chars
                        .get(i + 5 + month)
                        .is_some_and(|c| "-—–~～至".contains(*c))
                {
                    let more = chars[i + 6 + month..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .count();
                    if more > 0 {
                        month += 1 + more;
                    }
                }
                let is_date = chars.get(i + 5) == Some(&'x')
                    || (month > 0
                        && (chars.get(i + 5 + month) != Some(&'月')
                            || chars[i + 6 + month..]
                                .iter()
                                .take(3)
                                .any(|c| c.is_ascii_digit() || *c == '日')));
                if !is_date {
                    years.push((i, y));
                }
                i += 5;
                continue;
            }
        }
        i += 1;
    }
    // A plan over years (`实施方案(2023-2027年)`, `“十四五”规划(2021—2025年)`) aims at its last.
    if ["方案", "规划", "计划", "纲要", "行动"]
        .iter()
        .any(|w| s.contains(w))
    {
        if let [(pos, Some(end))] = years[..] {
            let sep = pos.checked_sub(1).map(|k| chars[k]);
            let first = pos
                .checked_sub(5)
                .map(|k| chars[k..k + 4].iter().collect::<String>())
                .and_then(|y| y.parse::<i32>().ok());
            if sep.is_some_and(|c| "-—–~至到".contains(c)) && first.is_some_and(|f| f < end) {
                return (None, Some(end), false);
            }
        }
    }
    let mut summary = None;
    let mut plan = None;
    let mut masked = false;
    // A masked summary year (`202x年工作总结`) still takes the summary's place.
    let mut summary_seen = false;
    let mut plain: Vec<Option<i32>> = Vec::new();
    for (k, &(pos, y)) in years.iter().enumerate() {
        let end = years.get(k + 1).map(|n| n.0).unwrap_or(chars.len());
        let seg: String = chars[pos..end].iter().collect();
        let before: String = chars[pos.saturating_sub(4)..pos].iter().collect();
        let is_sum = SUMMARY_WORDS.iter().any(|w| seg.contains(w))
            || ["总结", "回顾"].iter().any(|w| before.contains(w));
        let is_plan = PLAN_WORDS.iter().any(|w| seg.contains(w))
            || ["部署", "谋划", "安排"].iter().any(|w| before.contains(w));
        if y.is_none() && (is_sum || is_plan) {
            masked = true;
        }
        if is_sum && !summary_seen {
            summary = y;
            summary_seen = true;
            // `2023年工作总结和明年工作计划`, `…上半年工作总结及下半年工作计划`, `4月…和5月工作计划`
            if is_plan && plan.is_none() {
                if seg.contains("明年") || seg.contains("下一年") {
                    plan = y.map(|y| y + 1);
                } else if ["下半年", "月工作计划", "季度工作", "下阶段"]
                    .iter()
                    .any(|w| seg.contains(w))
                {
                    plan = y;
                }
            }
        } else if is_plan && plan.is_none() {
            plan = y;
        } else if !is_sum && !is_plan {
            plain.push(y);
        }
    }
    // `2015年福州市科技工作及2016年工作思路`: a plain year before the plan's is the summary's.
    if summary.is_none() {
        if let (Some(p), Some(&Some(y))) = (plan, plain.first()) {
            if y < p {
                summary = Some(y);
            }
        }
    }
    (summary, plan, masked)
}

/// Does a paragraph open the plan half? Returns the year it states (if any).
fn plan_opening(
    chars: &[char],
    len: usize,
    text: &str,
    summary_year: Option<i32>,
) -> Option<Option<i32>> {
    let head: String = chars.iter().take(24).collect();
    let is_heading = part_prefix(chars).is_some() || len <= 30;
    // Words that open a plan half; a lone `重点`/`目标`/`计划` also names summary sections
    // (`(三)重点项目建设取得突破`, `人才计划`), so they count only in these compounds.
    const PLAN_HEADS: &[&str] = &[
        "思路",
        "打算",
        "要点",
        "工作计划",
        "工作重点",
        "重点工作",
        "工作安排",
        "发展目标",
        "主要目标",
        "工作目标",
        "下一步",
    ];
    let has_plan_word = PLAN_HEADS.iter().any(|w| head.contains(w));
    let has_sum_word = SUMMARY_WORDS.iter().any(|w| head.contains(w));
    if is_heading && has_plan_word && !has_sum_word {
        let (s, p, _) = title_years(&head);
        // `2015年福州市科技工作及2016年工作思路` names both halves: a title, not the plan's heading.
        if s.is_some() && p.is_some() {
            return None;
        }
        let p = p.or_else(|| title_years(&head).0);
        // `一、2023年重点工作` after a review of 2023 heads the work done, not a plan.
        if p.is_some() && p == summary_year {
            return None;
        }
        return Some(p);
    }
    // `2022年,市科技局将…`: a paragraph that starts with next year and says what it will do;
    // `2023年是…关键之年。吴兴区将坚持…`: one that opens the year to come.
    if len > 6
        && chars.len() > 6
        && chars[4] == '年'
        && chars[..4].iter().all(|c| c.is_ascii_digit())
    {
        let y: i32 = chars[..4].iter().collect::<String>().parse().ok()?;
        let first: String = chars.iter().take(40).collect();
        let later = summary_year.is_none_or(|s| y > s);
        let opens_year = chars[5] == '是'
            && ["将", "要", "力争", "目标", "确保"]
                .iter()
                .any(|w| text.contains(w));
        if later
            && (first.contains('将') || first.contains("工作思路") || opens_year)
            && text.len() > 20
        {
            return Some(Some(y));
        }
    }
    None
}

/// Words a report's, a circular's or a news item's title holds.
const TITLE_WORDS: &[&str] = &[
    "总结",
    "要点",
    "计划",
    "思路",
    "打算",
    "报告",
    "汇编",
    "小结",
    "回顾",
    "工作情况",
    "安排",
    "会议",
    "大会",
    "年鉴",
    "概况",
    "述职",
    "通知",
    "成效",
    "亮点",
    "部署",
    "召开",
    "科技局",
    "科学技术局",
    "方案",
    "规划",
    "纲要",
];

/// A title: a short line that ends no sentence and names what kind of text it heads.
fn is_title_like(t: &str) -> bool {
    let n = t.chars().count();
    let chars: Vec<char> = t.chars().collect();
    (4..=70).contains(&n)
        && !t.ends_with(['。', ';', ',', ':'])
        && part_prefix(&chars).is_none()
        && section_prefix(&chars).is_none()
        && point_prefix(&chars).is_none()
        && TITLE_WORDS.iter().any(|w| t.contains(w))
}

/// The title paragraph: the first title-like one before the text starts, else a short first
/// line followed by text (a news headline, a yearbook's section name).
fn find_title(paras: &[Para]) -> Option<usize> {
    let lines: Vec<usize> = (0..paras.len())
        .filter(|&i| !paras[i].text.trim().is_empty())
        .take(8)
        .collect();
    for &i in &lines {
        let t = paras[i].text.trim();
        // A circular's cover note (`《…》已经…审议通过,现印发给你们`) comes before the title.
        if t.contains("印发给") || t.contains("现印发") {
            continue;
        }
        if is_title_like(t) {
            return Some(i);
        }
        if t.chars().count() > 60 {
            break;
        }
    }
    let &first = lines.first()?;
    let t = paras[first].text.trim();
    let chars: Vec<char> = t.chars().collect();
    let headline = chars.len() <= 50
        && !t.ends_with(['。', ';', ':', ','])
        && part_prefix(&chars).is_none()
        && section_prefix(&chars).is_none()
        && point_prefix(&chars).is_none();
    (headline && lines.len() > 1).then_some(first)
}

/// Builds the structure of a cleaned text: title, headings, halves and item units.
pub(crate) fn analyse(text: &str) -> Structure {
    let mut st = Structure::default();
    let mut pos = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        st.paras.push(Para {
            start: pos,
            end: pos + n,
            text: line.to_string(),
        });
        pos += n + 1;
    }
    // Headings.
    for (pi, p) in st.paras.iter().enumerate() {
        // Numbering stands in the first few chars: most paragraphs are ruled out there.
        let head: Vec<char> = p.text.chars().take(8).collect();
        if part_prefix(&head).is_none()
            && section_prefix(&head).is_none()
            && point_prefix(&head).is_none()
        {
            continue;
        }
        let chars: Vec<char> = p.text.chars().collect();
        let found = if let Some((_, r)) = part_prefix(&chars) {
            Some((HLevel::Part, r))
        } else if let Some((_, r)) = section_prefix(&chars) {
            Some((HLevel::Section, r))
        } else {
            point_prefix(&chars).map(|(_, r)| (HLevel::Point, r))
        };
        if let Some((level, r)) = found {
            let title = heading_words(&chars[r..]);
            let label = heading_words(&chars);
            st.headings.push(Heading {
                level,
                para: pi,
                title,
                label,
            });
        }
    }
    st.title = find_title(&st.paras);
    let title_summary = st.title.and_then(|t| title_years(&st.paras[t].text).0);
    let body_from = st.title.map_or(0, |t| t + 1);
    // Title-like line inside the body (a sharing site's copy starts with the real heading, a
    // circular names its attachment).
    for p in st.paras.iter().skip(body_from).take(10) {
        let head: String = p.text.chars().take(40).collect();
        // a title line (perhaps glued to the text), not a sentence that mentions both halves
        let title_end = SUMMARY_WORDS
            .iter()
            .chain(PLAN_WORDS)
            .filter_map(|w| head.rfind(w).map(|b| b + w.len()))
            .max()
            .unwrap_or(0);
        let unbroken = !head[..title_end].contains(['。', ',', ';']);
        if unbroken
            && SUMMARY_WORDS.iter().any(|w| head.contains(w))
            && PLAN_WORDS.iter().any(|w| head.contains(w))
        {
            let (s, pl, _) = title_years(&head);
            if s.is_some() || pl.is_some() {
                st.body_title_years = (s, pl);
                break;
            }
        }
    }
    // Halves, after the title. A body that opens with a review of its year (`2023年,我局围绕…`)
    // states the summary's year.
    let lead_year = st
        .paras
        .iter()
        .skip(body_from)
        .filter(|p| !p.text.trim().is_empty())
        .take(5)
        .find_map(|p| {
            let mut c: Vec<char> = p.text.chars().collect();
            // a yearbook entry's label (`【概况】`)
            if c.first() == Some(&'【') {
                let close = c.iter().position(|&x| x == '】').unwrap_or(0);
                c.drain(..=close);
            }
            let first: String = c.iter().take_while(|&&x| x != '。').collect();
            let aims = [
                "主要目标",
                "目标是",
                "目标为",
                "力争",
                "确保",
                "计划",
                "局将",
                "市将",
                "县将",
                "区将",
            ]
            .iter()
            .any(|w| first.contains(w));
            let review = c.len() > 6
                && c[..4].iter().all(|d| d.is_ascii_digit())
                && c[4] == '年'
                && matches!(c[5], ',' | '我' | '全')
                && !aims;
            review
                .then(|| c[..4].iter().collect::<String>().parse::<i32>().ok())
                .flatten()
        });
    st.lead_year = lead_year;
    let mut summary_year = title_summary.or(lead_year);
    for p in st.paras.iter().skip(body_from) {
        // Half headings and openings are read from a paragraph's first words and its length.
        let len = p.end - p.start;
        let chars: Vec<char> = p.text.chars().take(64).collect();
        let head: String = chars.iter().take(24).collect();
        let is_part = part_prefix(&chars).is_some();
        if st.summary_heading.is_none()
            && st.plan_start.is_none()
            && (is_part || len <= 30)
            && SUMMARY_WORDS.iter().any(|w| head.contains(w))
            && !PLAN_WORDS.iter().any(|w| head.contains(w))
        {
            st.summary_heading = Some(p.start);
            let (s, _, masked) = title_years(&head);
            let s = s.or_else(|| first_year(&head));
            if s.is_some() {
                st.heading_years.0 = s;
                summary_year = summary_year.or(s);
            }
            if masked || head.contains("xxxx年") {
                st.heading_year_redacted = true;
            }
            continue;
        }
        if st.plan_start.is_none() {
            if let Some(y) = plan_opening(&chars, len, &p.text, summary_year) {
                st.plan_start = Some(p.start);
                st.heading_years.1 = y;
                if y.is_none() && head.contains("xxxx年") {
                    st.heading_year_redacted = true;
                }
            }
        }
    }
    st.units = units(&st);
    st
}

fn first_year(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        if chars[i + 4] == '年' && chars[i..i + 4].iter().all(|c| c.is_ascii_digit()) {
            chars[i..i + 4].iter().collect::<String>().parse().ok()
        } else {
            None
        }
    })
}

/// `一是…二是…` clause starts in a paragraph: char indexes (relative) in order.
fn clause_starts(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut want = 1u32;
    let mut i = 0;
    while i + 1 < chars.len() {
        let n = chars[i..]
            .iter()
            .take_while(|c| CN_ORD.contains(c))
            .count()
            .min(2);
        if n > 0 && chars.get(i + n) == Some(&'是') {
            let ok_before = i == 0
                || matches!(
                    chars[i - 1],
                    '。' | ';' | ':' | ',' | ' ' | '!' | ')' | '”' | '"'
                );
            if ok_before && cn_ordinal(&chars[i..i + n]) == Some(want) {
                out.push(i);
                want += 1;
                i += n + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The item units: `一是` clauses where a block has them, else numbered points and `(一)` blocks.
fn units(st: &Structure) -> Vec<Unit> {
    let mut out = Vec::new();
    // Nearest enclosing heading for a paragraph: the last `一、`/`(一)` (or a heading-only point
    // line) before it, of a level outside `inner`, not across the start of the plan half.
    let plan_para = st
        .plan_start
        .and_then(|ps| st.paras.iter().position(|p| p.start == ps));
    let enclosing = |pi: usize, inner: Option<HLevel>| -> Option<String> {
        st.headings
            .iter()
            .rev()
            .filter(|h| h.para < pi)
            .filter(|h| plan_para.is_none_or(|pp| h.para >= pp || pi < pp))
            .filter(|h| {
                h.level != HLevel::Point || {
                    let t = &st.paras[h.para].text;
                    t.chars().count() <= 30 && !t.contains('。')
                }
            })
            .find(|h| inner.is_none_or(|l| h.level < l))
            .map(|h| h.label.clone())
    };
    let heading_at = |pi: usize| st.headings.iter().find(|h| h.para == pi);
    let mut pi = 0;
    while pi < st.paras.len() {
        let p = &st.paras[pi];
        let chars: Vec<char> = p.text.chars().collect();
        let own = heading_at(pi);
        // A heading-only line (`(一)实施产业提升赋能行动`): its block runs to the next heading.
        let block_end = |from: usize| -> usize {
            let mut k = from + 1;
            while k < st.paras.len() && heading_at(k).is_none() {
                k += 1;
            }
            k
        };
        let clauses = clause_starts(&chars);
        if !clauses.is_empty() {
            let heading = match own {
                Some(h) if h.level != HLevel::Part => Some(h.label.clone()),
                _ => enclosing(pi, None),
            };
            for (k, &cs) in clauses.iter().enumerate() {
                let ce = clauses.get(k + 1).copied().unwrap_or(chars.len());
                let text: String = chars[cs..ce].iter().collect();
                let trimmed = text.trim_end().chars().count();
                out.push(Unit {
                    start: p.start + cs,
                    end: p.start + cs + trimmed,
                    heading: heading.clone(),
                    title: heading_words(&chars[cs..ce]),
                });
            }
            pi += 1;
            continue;
        }
        match own {
            Some(h) if h.level == HLevel::Part => {}
            Some(h) => {
                let short_heading = chars.len() <= 30 && !p.text.contains('。');
                if short_heading {
                    // Body paragraphs follow; they become units of their own only if numbered or
                    // with clauses, else the block as a whole is one unit.
                    let end = block_end(pi);
                    let has_clauses = (pi + 1..end).any(|k| {
                        !clause_starts(&st.paras[k].text.chars().collect::<Vec<_>>()).is_empty()
                    });
                    if !has_clauses && end > pi + 1 {
                        out.push(Unit {
                            start: p.start,
                            end: st.paras[end - 1].end,
                            heading: enclosing(pi, Some(h.level)),
                            title: h.title.clone(),
                        });
                    }
                } else {
                    out.push(Unit {
                        start: p.start,
                        end: p.end,
                        heading: enclosing(pi, Some(h.level)),
                        title: h.title.clone(),
                    });
                }
            }
            None => {}
        }
        pi += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_years_are_classified() {
        assert_eq!(
            title_years("衢州市科技创新2021年工作总结及2022年工作思路"),
            (Some(2021), Some(2022), false)
        );
        assert_eq!(
            title_years("2021年浙江新昌科技创新工作亮点和2022年重点工作思路"),
            (Some(2021), Some(2022), false)
        );
        assert_eq!(
            title_years("关于印发《2018年全市科技创新工作要点》的通知"),
            (None, Some(2018), false)
        );
        assert_eq!(
            title_years("2023年工作总结和明年工作计划"),
            (Some(2023), Some(2024), false)
        );
        assert_eq!(title_years("一、xxxx年主要工作和成效"), (None, None, true));
        assert_eq!(
            title_years("县科技局2025年上半年工作总结及下半年工作计划"),
            (Some(2025), Some(2025), false)
        );
        assert_eq!(
            title_years("县科技局2025年4月工作小结和5月工作计划"),
            (Some(2025), Some(2025), false)
        );
        assert_eq!(
            title_years("2015年福州市科技工作及2016年工作思路"),
            (Some(2015), Some(2016), false)
        );
        assert_eq!(
            title_years("宣城市召开全市科技局长工作会议部署2008年科技工作"),
            (None, Some(2008), false)
        );
        assert_eq!(title_years("2018年3月15日"), (None, None, false));
        assert_eq!(
            title_years("市科技局2024年1—11月工作进展情况和2025年工作思路"),
            (Some(2024), Some(2025), false)
        );
        assert_eq!(
            title_years("区科技局2019年1至9月工作进展及四季度工作安排"),
            (Some(2019), Some(2019), false)
        );
        assert_eq!(title_years("2022年1-10月"), (None, None, false));
        assert_eq!(
            title_years("高新区2024年工作规划"),
            (None, Some(2024), false)
        );
        assert_eq!(
            title_years("区科技局202x年工作总结和2025年工作计划"),
            (None, Some(2025), true)
        );
        assert_eq!(
            title_years("全面落实科技创新体系建设工程实施方案(2023-2027年)"),
            (None, Some(2027), false)
        );
        assert_eq!(
            title_years("某市科技创新“十四五”规划(2021—2025年)"),
            (None, Some(2025), false)
        );
    }

    #[test]
    fn headings_at_every_level() {
        let text = "标题\n一、2023年工作总结\n(一)平台建设\n1.建设实验室。新增3家。\n二、2024年工作计划\n(一)企业培育。一是培育高企。二是培育科技型中小企业。";
        let st = analyse(text);
        let levels: Vec<HLevel> = st.headings.iter().map(|h| h.level).collect();
        assert_eq!(
            levels,
            vec![
                HLevel::Part,
                HLevel::Section,
                HLevel::Point,
                HLevel::Part,
                HLevel::Section
            ]
        );
        assert_eq!(st.heading_years, (Some(2023), Some(2024)));
        let plan = st.plan_start.unwrap();
        assert_eq!(&text.chars().skip(plan).take(2).collect::<String>(), "二、");
        // the point, and two clauses
        assert_eq!(st.units.len(), 3);
        assert_eq!(st.units[0].heading.as_deref(), Some("(一)平台建设"));
        assert_eq!(st.units[1].heading.as_deref(), Some("(一)企业培育"));
    }

    #[test]
    fn plan_starts_at_next_year_paragraph() {
        let text = "标题\n2021年,市科技局认真贯彻。\n1.做好工作。\n2022年,市科技局将深入贯彻党的精神。\n一是推进建设。";
        let st = analyse(text);
        assert_eq!(st.heading_years.1, Some(2022));
        assert_eq!(st.half_at(text.chars().count() - 2, true), Half::Plan);
        assert_eq!(st.half_at(5, true), Half::Summary);
    }

    #[test]
    fn summary_sections_with_plan_words_stay_in_the_summary() {
        let text = "标题2023年工作总结\n一、2023年工作总结\n(三)重点项目建设取得突破\n新增项目3个。\n二、2024年工作计划\n正文。";
        let st = analyse(text);
        let plan = st.plan_start.unwrap();
        assert_eq!(text.chars().skip(plan).take(2).collect::<String>(), "二、");
    }

    #[test]
    fn a_progress_report_on_key_work_is_a_summary() {
        let text = "县科技局关于2023年1—10月重点工作进展情况的报告\n一、主要指标完成情况\n新增3家。\n二、重点工作推进情况\n新增2家。\n三、重点工作落实情况\n新增1家。\n四、下步工作打算\n力争新增5家。";
        let st = analyse(text);
        let plan = st.plan_start.unwrap();
        assert_eq!(text.chars().skip(plan).take(2).collect::<String>(), "四、");
    }

    #[test]
    fn a_circulars_title_follows_its_cover_note() {
        let text = "各街道办事处、乡镇人民政府,区政府直属各单位:\n《某区科技创新实施方案(2023-2027年)》已经区政府第23次常务会议审议通过,现印发给你们,请结合实际认真贯彻落实。\n某区人民政府\n2023年8月30日\n某区科技创新实施方案(2023-2027年)\n为贯彻落实精神,特制定本实施方案。\n一、总体要求\n到2027年,力争新增高新技术企业20家。";
        let st = analyse(text);
        let t = st.title.map(|t| st.paras[t].text.clone());
        assert_eq!(t.as_deref(), Some("某区科技创新实施方案(2023-2027年)"));
    }

    #[test]
    fn clauses_need_sequence() {
        let c: Vec<char> = "一是甲。二是乙。三是丙。其中之一是丁".chars().collect();
        assert_eq!(clause_starts(&c).len(), 3);
    }
}
