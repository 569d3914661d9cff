//! Claims stage: turns the numbers of the text into claims — filters out what is not a claim
//! (dates, names, policy parameters, other places' figures), then reads kind, year, measure,
//! scope, indicator, subject, modality and the source sentence for each.

use super::numbers::{self, Num, NumKind};
use super::structure::Structure;
use crate::model::*;

/// What the claims stage needs to know about the document.
pub(crate) struct Context<'a> {
    pub chars: &'a Txt<'a>,
    pub st: &'a Structure,
    pub summary_year: Option<i32>,
    pub plan_year: Option<i32>,
    pub has_summary: bool,
    /// The year the text speaks in (`今年`), when the halves do not say: its publication year,
    /// or the latest year it names.
    pub now: Option<i32>,
    /// The report's own place in the gazetteer, when known (figures of other places are not
    /// its claims).
    pub own: Option<usize>,
    /// Every place the text names (the gazetteer's scan).
    pub places: &'a [super::gazetteer::Hit],
    /// Scope words that name a whole above the report's own place (`全市` in a district's
    /// report, never in a county-level city's): see [`filter::scopes_above`].
    pub above: &'static [&'static str],
}

mod filter;
mod indicator;
mod subject;
mod text;
mod time;

pub use filter::{scopes_above, Skip};
use subject::*;
use text::*;
pub(crate) use text::{CharIndex, Txt};
use time::*;

/// Splits a sentence into claim texts: a clause that brings a figure of its own starts a new
/// text, unless it continues the previous figure (`同比增长…`, `居全省第三`).
fn group_clauses(chars: &Txt, s: usize, e: usize, nums: &[usize]) -> Vec<(usize, usize)> {
    // Commas inside brackets (`(其中国家级13家,省级88家)`) split no text.
    let mut bounds = vec![s];
    let mut depth = 0i32;
    for k in s..e.saturating_sub(1) {
        match chars[k] {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            ',' if depth == 0 => bounds.push(k + 1),
            _ => {}
        }
    }
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut cur_start = s;
    let mut cur_has = false;
    for (bi, &b) in bounds.iter().enumerate() {
        let be = bounds.get(bi + 1).map(|x| x - 1).unwrap_or(e);
        let has = nums.iter().any(|&p| p >= b && p < be);
        if bi > 0 && has && cur_has {
            let head = text(chars, b, b + 5);
            let hc: Vec<char> = head.chars().collect();
            // `…人才xx余人,xxxx年实现产值xxxx万元`: a clause led by a year reports on the same
            // subject; `x个项目列入A,x个项目列入B` is one parallel list.
            let year_led = hc.len() >= 5
                && hc[4] == '年'
                && hc[..4].iter().all(|c| c.is_ascii_digit() || *c == 'x');
            let prev_head = text(chars, bounds[bi - 1], bounds[bi - 1] + 3);
            let parallel = prev_head.chars().count() == 3 && head.starts_with(prev_head);
            let cont = CONTINUATIONS.iter().any(|w| head.starts_with(w)) || year_led || parallel;
            if !cont {
                groups.push((cur_start, b - 1));
                cur_start = b;
                cur_has = false;
            }
        }
        cur_has |= has;
    }
    groups.push((cur_start, e));
    // A long text starts at its first clause with a figure: the lead-in clauses
    // (`围绕…目标,深入推进…,`) are context, not the claim. Short comma-separated list members
    // (`上虞化工,嵊州领带,新昌高端装备等10家`) stay with it.
    for g in &mut groups {
        if g.1 - g.0 <= 40 {
            continue;
        }
        let Some(p) = nums.iter().copied().filter(|&p| p >= g.0 && p < g.1).min() else {
            continue;
        };
        let mut cs = clause_start(chars, p, false).max(g.0);
        while cs > g.0 && chars[cs - 1] == ',' {
            let prev = clause_start(chars, cs - 1, false).max(g.0);
            let clause = text(chars, prev, cs - 1);
            let n = clause.chars().count();
            if n <= 8 || (clause.contains('、') && n <= 16) {
                cs = prev;
            } else {
                break;
            }
        }
        // Trailing clauses without figures: keep one (`…,均超额完成…指标任务`), drop the rest.
        if let Some(last) = nums.iter().copied().filter(|&p| p >= g.0 && p < g.1).max() {
            let first_end = clause_end(chars, last);
            if first_end < g.1 {
                let second_end = clause_end(chars, first_end + 1);
                if second_end < g.1 {
                    g.1 = second_end;
                }
            }
        }
        // one clause of lead-in stays as context (`全力培育科技小巨人,实现零的突破`)
        if cs > g.0 && chars[cs - 1] == ',' {
            cs = clause_start(chars, cs - 1, false).max(g.0);
        }
        let head = text(chars, g.0, cs);
        // keep a lead-in that names the year the figures are about (`《2020年度…》显示`)
        if cs > g.0 + 10 && !head.contains("年度") {
            g.0 = cs;
        }
    }
    groups
}

/// What a figure can inherit from an earlier one in its sentence.
#[derive(Debug, Clone)]
struct Prev {
    indicator: Option<String>,
    subject: String,
    /// End of its number: the next figure's subject starts after it.
    end: usize,
    measure: Measure,
    scope: Option<Scope>,
    unit: String,
    /// It had no noun of its own (a growth, a rank, a bare `省级70项`).
    thin: bool,
    /// In the same `;`-clause as the figure asking.
    same_clause: bool,
}

/// Extracts every claim of a document.
/// The claims of a document, and the numbers that were read but are not claims.
pub(crate) struct Extracted {
    pub claims: Vec<Claim>,
    /// Every number read in the text.
    pub numbers: usize,
    /// The numbers skipped: (start, end) in the text and the reason.
    pub skipped: Vec<(usize, usize, Skip)>,
}

pub(crate) fn extract(ctx: &Context) -> Extracted {
    let chars = ctx.chars;
    let m = masks(chars, ctx.places);
    let all = numbers::scan(chars);
    let numbers = all.len();
    let mut skipped = Vec::new();
    let mut nums: Vec<Num> = Vec::with_capacity(all.len());
    for n in all {
        match filter::skip(ctx, &m, &n) {
            Some(reason) => skipped.push((n.start, n.end, reason)),
            None => nums.push(n),
        }
    }
    let cues = time::cues(chars);
    let mut claims: Vec<Claim> = Vec::new();
    let mut earlier: Vec<Prev> = Vec::new();
    let mut i = 0;
    while i < nums.len() {
        // All accepted numbers of one sentence (split at `。;`).
        let ss = sentence_start(chars, nums[i].start, true);
        let se = sentence_end(chars, nums[i].start, true);
        let mut j = i;
        while j < nums.len() && nums[j].start < se {
            j += 1;
        }
        let group = &nums[i..j];
        let starts: Vec<usize> = group.iter().map(|n| n.start).collect();
        let mut texts = group_clauses(chars, ss, se, &starts);
        for t in &mut texts {
            // trim trailing punctuation and spaces from the claim text
            while t.1 > t.0 && matches!(chars[t.1 - 1], '。' | ';' | ',' | ' ' | '!' | '、') {
                t.1 -= 1;
            }
            while t.0 < t.1 && chars[t.0] == ' ' {
                t.0 += 1;
            }
            // a point's numbering (`1. `, `12、`) is not part of the sentence
            let digits = (t.0..t.1)
                .take_while(|&k| chars[k].is_ascii_digit())
                .count();
            if digits > 0 && digits <= 2 && matches!(chars.get(t.0 + digits), Some('.' | '、')) {
                let mut k = t.0 + digits + 1;
                if !chars.get(k).is_some_and(|c| c.is_ascii_digit()) {
                    while k < t.1 && chars[k] == ' ' {
                        k += 1;
                    }
                    t.0 = k;
                }
            }
        }
        // The figures before this `;`-clause in the same sentence stay within reach.
        let fs = sentence_start(chars, ss, false);
        if earlier.last().is_some_and(|p| p.end < fs) {
            earlier.clear();
        }
        earlier.iter_mut().for_each(|p| p.same_clause = false);
        for n in group {
            let (c, thin) = claim_for(ctx, &cues, n, &texts, &earlier);
            let prev = earlier.last().filter(|p| p.same_clause);
            // `获省自然科学奖1项,实现了…“零”的突破` says the same thing twice: keep the count.
            let restated = n.kind == NumKind::Zero
                && c.indicator.is_some()
                && prev.is_some_and(|p| p.indicator == c.indicator);
            // a rank passes on the measure of the figure it ranks (`比重4.38%,位居…首位,…4%以上`)
            let (measure, scope) = match (prev, c.measure) {
                (Some(p), Measure::Rank) => (p.measure, p.scope),
                _ => (c.measure, c.scope),
            };
            earlier.push(Prev {
                indicator: c.indicator.clone(),
                subject: c.subject.clone(),
                end: n.end,
                measure,
                scope,
                unit: c.unit.clone(),
                thin,
                same_clause: true,
            });
            if !restated {
                claims.push(c);
            }
        }
        i = j.max(i + 1);
    }
    let mut claims = fan_out_shared_ranks(chars, claims);
    years_of_listed_values(chars, &mut claims);
    Extracted {
        claims,
        numbers,
        skipped,
    }
}

/// `2015-2018年,…经费投入分别29.92、29.64、33.57、30.75亿元`: a list of as many values as the
/// years of a span heading its sentence gives one value per year, in order.
fn years_of_listed_values(chars: &Txt, claims: &mut [Claim]) {
    let mut i = 0;
    while i < claims.len() {
        // the run of values joined by `、`
        let mut j = i + 1;
        while j < claims.len()
            && claims[j - 1].number_end + 1 == claims[j].number_start
            && chars[claims[j - 1].number_end] == '、'
        {
            j += 1;
        }
        let first = claims[i].number_start;
        let fs = sentence_start(chars, first, false);
        let before = text(chars, fs, first);
        if j - i >= 2 && before.contains("分别") {
            if let Some((from, to)) = year_span(before) {
                if to - from + 1 == (j - i) as i32 {
                    for (k, c) in claims[i..j].iter_mut().enumerate() {
                        c.year = Some(from + k as i32);
                    }
                }
            }
        }
        i = j;
    }
}

/// The first span of years written `2015-2018年` (or with `—`, `~`, `至`, `到`) in `s`.
fn year_span(s: &str) -> Option<(i32, i32)> {
    let c: Vec<char> = s.chars().collect();
    let year = |k: usize| -> Option<i32> {
        let d: String = c.get(k..k + 4)?.iter().collect();
        d.chars()
            .all(|ch| ch.is_ascii_digit())
            .then(|| d.parse().ok())
            .flatten()
    };
    (0..c.len()).find_map(|k| {
        let a = year(k)?;
        let sep = *c.get(k + 4)?;
        if !"-—~至到".contains(sep) || k > 0 && c[k - 1].is_ascii_digit() {
            return None;
        }
        let b = year(k + 5)?;
        (c.get(k + 9) == Some(&'年') && a < b && b - a <= 20).then_some((a, b))
    })
}

/// A rank several figures share becomes one rank claim per figure: `新认定高企716家、省科技型中小
/// 企业2043家,均居全省第三` ranks both; `四项指标皆为全市第一` the last four; `…产值…同比增长28%;
/// 增加值…同比增长24.6%。增速均居全省第2位` both growths; `创新环境、创新投入分别进入全国前十` the two
/// it names.
fn fan_out_shared_ranks(chars: &Txt, claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::with_capacity(claims.len());
    for c in claims {
        if c.measure != Measure::Rank {
            out.push(c);
            continue;
        }
        let cs = clause_start(chars, c.number_start, false);
        let clause = text(chars, cs, c.number_start);
        // `A、B分别进入全国前十`: one rank for each subject listed.
        if let Some(b) = clause.find("分别") {
            let head = clause[..b].trim_start_matches("其中");
            let subjects: Vec<&str> = head.split(['、', '和']).filter(|s| !s.is_empty()).collect();
            let figures_before = out
                .iter()
                .any(|p| p.number_start >= cs && p.number_start < c.number_start);
            if subjects.len() >= 2 && !figures_before && !head.chars().any(|ch| ch.is_ascii_digit())
            {
                for s in subjects {
                    let mut r = c.clone();
                    r.subject = s.to_string();
                    if let Some(id) = indicator::indicator(s, &r.unit, Measure::Rank) {
                        r.indicator = Some(id.to_string());
                    }
                    out.push(r);
                }
                continue;
            }
        }
        let shared = ["均", "皆", "都"].iter().any(|w| clause.contains(w));
        if !shared {
            out.push(c);
            continue;
        }
        let cc: Vec<char> = clause.chars().collect();
        let count = cc
            .windows(2)
            .find(|w| w[1] == '项' && crate::parse::numbers::parse_cn(&w[..1]).is_some())
            .and_then(|w| crate::parse::numbers::parse_cn(&w[..1]))
            .map(|v| v as usize);
        // The figures since the last rank in this sentence, else in the sentence before.
        let since_rank = |from: usize, to: usize| -> Vec<Claim> {
            let inside: Vec<&Claim> = out
                .iter()
                .filter(|p| p.number_start >= from && p.number_start < to)
                .collect();
            let after = inside
                .iter()
                .rposition(|p| p.measure == Measure::Rank)
                .map_or(0, |k| k + 1);
            inside[after..].iter().map(|p| (*p).clone()).collect()
        };
        let fs = sentence_start(chars, c.number_start, false);
        let mut candidates = since_rank(fs, c.number_start);
        if candidates.is_empty() && fs > 0 {
            candidates = since_rank(sentence_start(chars, fs - 1, false), fs);
        }
        // What is ranked: growth (`增速均居…`), shares (`占比`), counts (`数量`) or any figure.
        let wanted = if ["增速", "增幅", "增长"].iter().any(|w| clause.contains(w)) {
            Some(Measure::Growth)
        } else if ["比重", "占比"].iter().any(|w| clause.contains(w)) {
            Some(Measure::Share)
        } else if count.is_some() || ["数量", "总数", "总量"].iter().any(|w| clause.contains(w))
        {
            Some(Measure::Level)
        } else {
            None
        };
        let candidates: Vec<Claim> = candidates
            .into_iter()
            .filter(|p| wanted.is_none_or(|m| p.measure == m))
            .collect();
        // The clause just before lists the ranked figures (`分别占…xx.xx%和xx.xx%,皆位居第一位`,
        // `高企716家、省科技型中小企业2043家,均居全省第三`), or a count names how many; else each
        // indicator since the last rank once (a figure and its growth are one thing ranked).
        let prev_clause = clause_start(chars, cs.saturating_sub(1), false);
        let listed: Vec<Claim> = candidates
            .iter()
            .filter(|p| p.number_start >= prev_clause && p.number_start < cs)
            .cloned()
            .collect();
        let mut sources: Vec<Claim> = if let Some(n) = count {
            candidates[candidates.len().saturating_sub(n)..].to_vec()
        } else if listed.len() >= 2 {
            listed
        } else {
            let mut one_each: Vec<Claim> = Vec::new();
            for p in candidates {
                if p.indicator.is_none() || !one_each.iter().any(|s| s.indicator == p.indicator) {
                    one_each.push(p);
                }
            }
            one_each
        };
        // In the order the rank's clause names them (`科技型中小企业和高新技术企业数量均居…`).
        let named_at = |s: &Claim| {
            s.indicator
                .as_deref()
                .and_then(|id| {
                    crate::parse::vocab::words_for(id)
                        .iter()
                        .filter_map(|w| clause.find(w))
                        .min()
                })
                .unwrap_or(usize::MAX)
        };
        sources.sort_by_key(named_at);
        if sources.len() < 2 {
            out.push(c);
            continue;
        }
        for s in sources {
            let mut r = c.clone();
            r.indicator = s.indicator.clone();
            r.subject = s.subject.clone();
            out.push(r);
        }
    }
    out
}

/// Reads one figure into a claim; also says whether its subject had no noun of its own.
fn claim_for(
    ctx: &Context,
    cues: &[Cue],
    n: &Num,
    texts: &[(usize, usize)],
    earlier: &[Prev],
) -> (Claim, bool) {
    let chars = ctx.chars;
    let prev = earlier.last().filter(|p| p.same_clause);
    let cs_strict = clause_start(chars, n.start, true);
    let cs = clause_start(chars, n.start, false);
    let from = match prev {
        Some(p) if p.end > cs_strict && p.end <= n.start => p.end,
        _ => cs_strict,
    };
    let window = text(chars, from, n.start);
    let wide_from = match prev {
        Some(p) if p.end > cs && p.end <= n.start => p.end,
        _ => cs,
    };
    let wide = text(chars, wide_from, n.start);
    let measure = measure_of(chars, n, wide);
    let pick = |words: &str| indicator::indicator(words, &n.unit, measure);
    let after = text(chars, n.end, clause_end(chars, n.end));
    // The noun right after the figure (`获批2家省级高新区`), up to the next verb or list item.
    let after_noun = {
        // a list of figures (`4 家、省级众创空间 3 家`): the noun stops before the next one
        let next_listed = after
            .match_indices('、')
            .map(|(b, _)| b)
            .find(|&b| after[b..].chars().take(12).any(|c| c.is_ascii_digit()));
        let mut cut = next_listed.unwrap_or(after.len());
        for v in AFTER_VERBS {
            if let Some(b) = after.find(v) {
                cut = cut.min(b);
            }
        }
        after[..cut].to_string()
    };
    let own_subject = trim_subject(window);
    let object = OBJECT_VERBS
        .iter()
        .filter_map(|v| window.rfind(v).map(|b| b + v.len()))
        // `万人发明专利拥有量` is a noun, not `拥有`
        .filter(|&b| !window[b..].starts_with('量'))
        .max()
        .map(|b| window[b..].to_string());
    let mut indicator = match &object {
        Some(o) => pick(o),
        None => pick(window).or_else(|| if wide != window { pick(wide) } else { None }),
    }
    .map(str::to_string);
    // `为xx家企业提供xxxx万的贷款保障`: the firms served are counted by what they were given.
    let after_noun = if window.ends_with('为') {
        after.to_string()
    } else {
        after_noun
    };
    let mut subject = own_subject.clone();
    if indicator.is_none() && measure == Measure::Level {
        let whole = format!("{window}{after_noun}");
        let named = if object.is_none() { pick(&whole) } else { None };
        if let Some(id) = named.or_else(|| pick(&after_noun)) {
            indicator = Some(id.to_string());
            if subject.chars().count() < 2 {
                subject = after_noun.clone();
            }
        }
    }
    // `318家企业通过国家科技型中小企业评价`, `12家企业获评…`: the firms counted are what they
    // passed or were named.
    if indicator.is_none() && measure == Measure::Level && after_noun.trim() == "企业" {
        let rest = &after[after_noun.len()..];
        if ["通过", "获评", "入选", "被认定为", "获批", "列入"]
            .iter()
            .any(|w| rest.starts_with(w))
        {
            indicator = pick(rest).map(str::to_string);
        }
    }
    // A figure that continues the previous one (`力争2.4%`, `连续七年保持在4%以上`, `、三等奖3项`,
    // `…和xx.xx%`, `面积超过xx万平方米`) is about the same indicator.
    let bare = {
        let t = bare_words().residue(&own_subject);
        // a bracketed aside after the figure (`15家(其中首次认定11家)`) is not its noun
        let after_noun = after_noun
            .split('(')
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| c.is_whitespace() || c == ')');
        (t.is_empty() && after_noun.is_empty()) || GENERIC_SUBJECTS.contains(&t.as_str())
    };
    let head = text(chars, cs, cs + 4);
    let joined = window.starts_with('、') || window.starts_with('和') || window.starts_with('及');
    // `…,占GDP的比重为1.73%`: a share of the previous figure.
    let share_of_prev = own_subject.starts_with('占');
    let continues =
        joined || share_of_prev || CONTINUATIONS.iter().any(|w| head.starts_with(w)) || bare;
    if indicator.is_none() && n.kind == NumKind::Zero {
        let fs = sentence_start(chars, n.start, false);
        indicator = pick(text(chars, fs, n.start)).map(str::to_string);
    }
    let mut measure = measure;
    let mut inherited_scope = None;
    if share_of_prev && measure == Measure::Share {
        if let Some(p) = prev {
            if let Some(id) = indicator::share_of(p.indicator.as_deref(), window) {
                indicator = Some(id.to_string());
                if !p.subject.is_empty() {
                    subject = p.subject.clone();
                }
            }
        }
    }
    // `全社会研发经费投入12.6亿元,…,投入强度2.15%`: an intensity after R&D spending is R&D's.
    if indicator.is_none() && own_subject.ends_with("强度") {
        let fs = sentence_start(chars, n.start, false);
        let before = text(chars, fs, n.start);
        if ["研发", "R&D", "研究与试验发展"]
            .iter()
            .any(|w| before.contains(w))
        {
            indicator = pick("研发投入强度").map(str::to_string);
        }
    }
    // `…产值590.1亿元;实现增加值141.7亿元`: a generic noun takes the sentence's topic.
    if indicator.is_none() && HEAD_NOUNS.iter().any(|w| own_subject.ends_with(w)) {
        let fs = sentence_start(chars, n.start, false);
        indicator = pick(text(chars, fs, n.start)).map(str::to_string);
    }
    // A growth, share or rank without a noun of its own (`同比增长45.4%`, `占比居全市第4位`)
    // is the previous figure's; one with its own (`高新技术产业产值占…比重提高1个百分点`) is not.
    // `在同类城市中排第三`: the group ranked in is no noun of the figure's own.
    let ranked_in = match (measure, own_subject.strip_prefix('在')) {
        (Measure::Rank, Some(rest)) => rest.split_once('中').map_or(own_subject.as_str(), |p| p.1),
        _ => own_subject.as_str(),
    };
    let thin = measure_words().residue(ranked_in).chars().count() <= 2;
    if indicator.is_none() && ((measure != Measure::Level && thin) || continues) {
        // A bare count takes the nearest figure counted alike (`国家级19项,补助费120万元,省级70项`);
        // otherwise the figure just before; a thin figure after a `;` the sentence's topic
        // (`…研发费用16.02亿元,…;累计增速25%`).
        let same_unit = earlier
            .iter()
            .rev()
            .take_while(|p| p.same_clause)
            .find(|p| bare && measure == Measure::Level && p.unit == n.unit);
        let topic = || {
            earlier
                .iter()
                .rev()
                .find(|p| !p.thin && p.indicator.is_some() && p.measure != Measure::Rank)
        };
        let source = same_unit
            .or(prev)
            .or_else(|| if thin || bare { topic() } else { None });
        if let Some(p) = source {
            indicator = p.indicator.clone();
            // `…经费投入12亿元,比重保持全市第一`: the rank is of the share, not the amount.
            if ["比重", "占比"].iter().any(|w| own_subject.contains(w)) {
                if let Some(id) = indicator::share_of(p.indicator.as_deref(), window) {
                    indicator = Some(id.to_string());
                }
            }
            // Its own noun (`备案总数`, `总量`) says more than the other figure's; a bare
            // `力争`, `区级`, `累计` says nothing.
            let core = bare_words().residue(&subject);
            if !p.subject.is_empty() && (!bare || core.chars().count() < 2) {
                subject = p.subject.clone();
            }
            // `占全市总量的xx.xx%和xx.xx%`, `比重4.38%,…,连续七年保持在4%以上`: a bare
            // percentage after a share is a share too.
            if measure == Measure::Level && n.unit == "%" && p.measure == Measure::Share {
                measure = Measure::Share;
                inherited_scope = p.scope;
            }
        }
    }
    // Activity counts (`组织24家…企业走进…`) and database sizes (`“人才库”储备人才…`) are
    // kept without an indicator: they are not the indicator's outcome.
    // `组织24家企业走进…`, `组织开展…培训xx余场` count what the bureau organised; `组织申报`,
    // `组织参评…30家` count applications, which stand for their indicator.
    let organised = window.rfind("组织").is_some_and(|b| {
        let rest = &window[b + "组织".len()..];
        !["实施", "申报", "参评", "推荐", "认定", "企业申报"]
            .iter()
            .any(|w| rest.starts_with(w))
    });
    let activity =
        organised || window.contains("走访") || window.contains("库”") || window.contains("库\"");
    if activity && measure == Measure::Level {
        indicator = None;
    }
    if subject.is_empty() {
        subject = trim_subject(wide);
    }
    if subject.is_empty() {
        subject = trim_subject(after);
    }
    // Kind, year, modality and estimate: the figure's own clause first, its half as a default.
    let When {
        kind,
        year,
        modality,
        estimated,
    } = when(ctx, cues, n);
    // Scope: ranks look back through the whole sentence (`占全市总量的…,居第一位`).
    let scope = match measure {
        // `居绍兴市第二`: a named city (or the province) right before the position.
        Measure::Rank
            if crate::parse::places::is_city(text(chars, n.start.saturating_sub(3), n.start)) =>
        {
            Some(Scope::City)
        }
        Measure::Rank if text(chars, n.start.saturating_sub(3), n.start) == "浙江省" => {
            Some(Scope::Province)
        }
        Measure::Rank => {
            let near = text(chars, n.start.saturating_sub(12).max(cs), n.start);
            nearest_scope(near).or_else(|| {
                let ss = sentence_start(chars, n.start, true);
                nearest_scope(text(chars, ss, n.start))
            })
        }
        Measure::Share => nearest_scope(window)
            .or_else(|| nearest_scope(wide))
            .or(inherited_scope),
        _ => None,
    };
    let bound = if n.bound == Bound::Exact {
        numbers::prefix_bound(chars, n.start).unwrap_or(Bound::Exact)
    } else {
        n.bound
    };
    // `破零`: at least one of whatever the indicator counts.
    let unit = if n.kind == NumKind::Zero {
        indicator
            .as_deref()
            .and_then(crate::indicators::indicator)
            .map(|i| i.unit.to_string())
            .unwrap_or_default()
    } else {
        n.unit.clone()
    };
    let (ts, te) = texts
        .iter()
        .copied()
        .find(|(a, b)| *a <= n.start && n.start < *b)
        .unwrap_or((n.start, n.end));
    let claim = Claim {
        kind,
        year,
        indicator,
        subject,
        measure,
        value: n.value,
        value_max: n.value_max,
        unit,
        bound,
        scope,
        modality,
        estimated,
        redacted: n.redacted,
        text: text(chars, ts, te).to_string(),
        start: ts,
        end: te,
        number_start: n.start,
        number_end: n.end,
        decimals: written_decimals(&chars[n.start..n.end.min(chars.len())], n.value),
    };
    (claim, thin || bare)
}

/// Digits after the point as the number was written when it has zeros its value's shortest form
/// drops (`2.0%` → 1, `12.50` → 2), and the value written with that many is in the text (not
/// `1.20万家`, whose value is 12000). Otherwise 0: the value shows as it was written anyway.
fn written_decimals(span: &[char], value: Option<f64>) -> u8 {
    let mut most = 0;
    for (i, &c) in span.iter().enumerate() {
        if c == '.' && i > 0 && span[i - 1].is_ascii_digit() {
            let n = span[i + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            most = most.max(n);
        }
    }
    let Some(v) = value.filter(|_| most > 0) else {
        return 0;
    };
    let shortest = crate::compare::fmt_num(v)
        .split_once('.')
        .map_or(0, |(_, f)| f.len());
    let written: String = span.iter().filter(|c| !c.is_whitespace()).collect();
    if most > shortest && written.contains(&crate::compare::fmt_fixed(v, most)) {
        u8::try_from(most).unwrap_or(0)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use crate::model::*;
    use crate::parse::parse_document;

    /// Parses a small report with a summary (2021) and a plan (2022) half.
    fn doc(summary: &str, plan: &str) -> Document {
        let raw = format!(
            "衢州市科技局2021年工作总结及2022年工作思路\n一、2021年工作总结\n{summary}\n二、2022年工作思路\n{plan}"
        );
        parse_document("t", "t.txt", &raw)
    }

    fn numbers(d: &Document) -> Vec<String> {
        let chars: Vec<char> = d.text.chars().collect();
        d.claims
            .iter()
            .map(|c| chars[c.number_start..c.number_end].iter().collect())
            .collect()
    }

    #[test]
    fn numbers_keep_the_decimals_they_were_written_with() {
        let d = doc(
            "全社会R&D经费投入强度达到2.0%,新增高新技术企业1.2万家,技术交易额12.50亿元。",
            "力争R&D投入强度达到2.10%-2.30%。",
        );
        let by_value = |v: f64| d.claims.iter().find(|c| c.value == Some(v)).unwrap();
        assert_eq!(by_value(2.0).decimals, 1);
        // 1.2万家 is 12000家: its decimals belong to the written myriad, not the value.
        assert_eq!(by_value(12000.0).decimals, 0);
        assert_eq!(by_value(12.5).decimals, 2);
        assert_eq!(by_value(2.1).decimals, 2);
    }

    #[test]
    fn lists_give_one_claim_per_figure() {
        let d = doc(
            "全市新增国家高新技术企业113家、科技型中小企业301家,均超额完成省、市下达的指标任务。",
            "",
        );
        assert_eq!(numbers(&d), ["113家", "301家"]);
        assert_eq!(d.claims[1].subject, "科技型中小企业");
        assert_eq!(d.claims[1].indicator.as_deref(), Some("tech_smes"));
        assert!(d
            .claims
            .iter()
            .all(|c| c.kind == Kind::Achievement && c.year == Some(2021)));
    }

    #[test]
    fn growth_and_rank_follow_their_amount() {
        let d = doc(
            "全年规上工业企业研发费用66.52亿元,同比增长45.4%,增幅位列全省第三。",
            "",
        );
        let m: Vec<Measure> = d.claims.iter().map(|c| c.measure).collect();
        assert_eq!(m, [Measure::Level, Measure::Growth, Measure::Rank]);
        assert!(d
            .claims
            .iter()
            .all(|c| c.indicator.as_deref() == Some("enterprise_rd_expenditure")));
        assert_eq!(d.claims[2].scope, Some(Scope::Province));
        assert_eq!(d.claims[2].value, Some(3.0));
    }

    #[test]
    fn counts_without_a_noun_take_the_one_before() {
        let ids = |summary: &str| -> Vec<Option<String>> {
            doc(summary, "")
                .claims
                .into_iter()
                .map(|c| c.indicator)
                .collect()
        };
        let hte = || Some("high_tech_enterprises".to_string());
        assert_eq!(
            ids("全年申报高新技术企业56家,已通过认定41家,净增29家,净增数居全市第2位。"),
            [hte(), hte(), hte(), hte()]
        );
        assert_eq!(
            ids("全市科技型中小企业达到860家,在同类城市中排第三。"),
            [Some("tech_smes".into()), Some("tech_smes".into())]
        );
        assert_eq!(
            ids("全社会研发经费投入12.6亿元,同比增长9.8%,投入强度2.15%。"),
            [
                Some("rd_expenditure".into()),
                Some("rd_expenditure".into()),
                Some("rd_intensity".into())
            ]
        );
        // what the firms passed names what they are
        assert_eq!(
            ids("全年有318家企业通过国家科技型中小企业评价。"),
            [Some("tech_smes".into())]
        );
    }

    #[test]
    fn an_abbreviation_in_brackets_is_part_of_the_noun() {
        let d = doc(
            "全社会研究与实验发展(R&D)经费支出89.36亿元,占GDP的比重为1.73%。",
            "",
        );
        let ids: Vec<Option<&str>> = d.claims.iter().map(|c| c.indicator.as_deref()).collect();
        assert_eq!(ids, [Some("rd_expenditure"), Some("rd_intensity")]);
    }

    #[test]
    fn a_breakdown_in_brackets_stays_with_its_total() {
        let d = doc(
            "省级以上高新技术企业发展到101家(其中国家级13家,省级88家)。",
            "",
        );
        assert!(d.claims.iter().all(|c| c.text
            == "省级以上高新技术企业发展到101家(其中国家级13家,省级88家)"
            && c.indicator.as_deref() == Some("high_tech_enterprises")));
        assert_eq!(d.claims.len(), 3);
    }

    #[test]
    fn values_listed_over_a_span_of_years_take_one_year_each() {
        let d = doc(
            "2015-2018年,全社会R&D经费投入分别29.92、29.64、33.57、30.75亿元。2019年新增企业3家、5家。",
            "",
        );
        let got: Vec<(Option<f64>, Option<i32>)> =
            d.claims.iter().map(|c| (c.value, c.year)).collect();
        assert_eq!(
            got,
            [
                (Some(29.92), Some(2015)),
                (Some(29.64), Some(2016)),
                (Some(33.57), Some(2017)),
                (Some(30.75), Some(2018)),
                (Some(3.0), Some(2019)),
                (Some(5.0), Some(2019)),
            ]
        );
    }

    #[test]
    fn an_expanded_abbreviation_and_the_share_a_rank_ranks() {
        let d = doc(
            "全社会R&D(研究与试验发展)经费投入12.5亿元,占GDP比重2.6%,比重保持全市第一。",
            "",
        );
        let ids: Vec<Option<&str>> = d.claims.iter().map(|c| c.indicator.as_deref()).collect();
        assert_eq!(
            ids,
            [
                Some("rd_expenditure"),
                Some("rd_intensity"),
                Some("rd_intensity")
            ]
        );
    }

    #[test]
    fn a_word_in_brackets_inside_a_noun() {
        let d = doc("国家级创新(孵化)平台101个,技术市场实现交易额9368万元。", "");
        let ids: Vec<Option<&str>> = d.claims.iter().map(|c| c.indicator.as_deref()).collect();
        assert_eq!(
            ids,
            [Some("innovation_platforms"), Some("tech_transactions")]
        );
    }

    #[test]
    fn a_rank_shows_the_figure_it_ranks() {
        let d = doc(
            "规上工业企业研发费用年度任务完成率125%,全市排名第2;R&D经费投入强度3.08%,提升幅度全省第一。",
            "",
        );
        let texts: Vec<&str> = d.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "规上工业企业研发费用年度任务完成率125%,全市排名第2",
                "规上工业企业研发费用年度任务完成率125%,全市排名第2",
                "R&D经费投入强度3.08%,提升幅度全省第一",
                "R&D经费投入强度3.08%,提升幅度全省第一",
            ]
        );
    }

    #[test]
    fn ensure_and_strive_are_two_goals() {
        let d = doc("", "确保2022年全社会R&D投入强度达到2.3%,力争2.4%。");
        let m: Vec<Option<Modality>> = d.claims.iter().map(|c| c.modality).collect();
        assert_eq!(m, [Some(Modality::Ensure), Some(Modality::Strive)]);
        assert!(d.claims.iter().all(|c| c.kind == Kind::Goal
            && c.year == Some(2022)
            && c.indicator.as_deref() == Some("rd_intensity")));
    }

    #[test]
    fn a_sentence_names_its_own_year() {
        let d = doc(
            "据《2020年度科技进步统计监测报告》显示,创新指数全省第二。R&D占GDP比重4.38%。三是新增高企93家。",
            "",
        );
        let years: Vec<Option<i32>> = d.claims.iter().map(|c| c.year).collect();
        assert_eq!(years, [Some(2020), Some(2020), Some(2021)]);
    }

    #[test]
    fn estimates_and_shares() {
        let d = doc("预计全社会R&D经费投入强度为2.0%,获批2家省级高新区。新增青年人才3.5万余人,占全市新招引青年人才的四分之一。", "");
        assert!(d.claims[0].estimated);
        assert!(!d.claims[1].estimated);
        let share = d
            .claims
            .iter()
            .find(|c| c.measure == Measure::Share)
            .unwrap();
        assert_eq!((share.value, share.scope), (Some(25.0), Some(Scope::City)));
    }

    #[test]
    fn what_is_not_a_claim() {
        let d = doc(
            "对新认定的省级科技型中小企业给予5万元补助。指导常山县成功创建省级高新区(全省申报创建高新区13家,获批5家)。成功获批为全省首批六个技术创新中心之一。实施“138工程”和“2+1”专项行动,推进“5个90%”行动。印发绍市科〔2018〕19号文件,2018年3月15日。每两周举办一次学习,以“三年”活动为载体,实现三年规模连番增长。",
            "1条主线:构建体系。8大行动:提升。自筹资金与财政补助资金比例提高到4:1。明确政府奖励资金的60%以上,应用于获奖项目科研团队的奖励,其中主要完成人不少于30%。将联合基金规模由200万元扩大到1000万元。",
        );
        assert_eq!(numbers(&d), ["1000万元"]);
    }

    #[test]
    fn redacted_figures_are_kept_without_value() {
        let d = doc(
            "统计测算R&D经费支出xx.x亿元,同比增长xx.x%。xxxx年实现产值近x亿元。",
            "",
        );
        assert_eq!(d.claims.len(), 3);
        assert!(d.claims.iter().all(|c| c.redacted && c.value.is_none()));
        assert_eq!(d.claims[0].indicator.as_deref(), Some("rd_expenditure"));
        assert_eq!(d.claims[2].bound, Bound::Nearly);
    }

    #[test]
    fn ranks_in_all_wordings() {
        let d = doc(
            "温州城市科技创新竞争力居全国第26位,高新技术产业投资增速全省第1,R&D占GDP比重位居全省县市首位,省财政补助经费5620万元(居全省第五位)。第三届创客大赛作为第一完成单位,位居全省第二方阵。",
            "",
        );
        let ranks: Vec<(Option<f64>, Option<Scope>)> = d
            .claims
            .iter()
            .filter(|c| c.measure == Measure::Rank)
            .map(|c| (c.value, c.scope))
            .collect();
        assert_eq!(
            ranks,
            [
                (Some(26.0), Some(Scope::National)),
                (Some(1.0), Some(Scope::Province)),
                (Some(1.0), Some(Scope::Region)),
                (Some(5.0), Some(Scope::Province)),
            ]
        );
        assert!(d
            .claims
            .iter()
            .filter(|c| c.measure == Measure::Rank)
            .all(|c| c.unit == "位"));
    }

    /// (number as written, kind, year, modality) of every claim of a raw text.
    fn read(raw: &str) -> Vec<(String, Kind, Option<i32>, Option<Modality>)> {
        let d = parse_document("t", "t.txt", raw);
        let chars: Vec<char> = d.text.chars().collect();
        d.claims
            .iter()
            .map(|c| {
                let n: String = chars[c.number_start..c.number_end].iter().collect();
                (n, c.kind, c.year, c.modality)
            })
            .collect()
    }

    #[test]
    fn a_cue_at_the_head_of_a_list_governs_it_and_one_in_an_item_that_item() {
        use Kind::Goal;
        use Modality::Strive;
        let got = read("2024年是关键一年。主要目标是:全社会R&D经费投入强度达到3.3%、争取达到3.4%;有效高新技术企业数量突破8500家。");
        assert_eq!(
            got,
            [
                ("3.3%".into(), Goal, Some(2024), None),
                ("3.4%".into(), Goal, Some(2024), Some(Strive)),
                ("8500家".into(), Goal, Some(2024), None),
            ]
        );
        let got =
            read("会议强调,2022年力争实现全社会研发经费投入总量达到75亿元;新增高新技术企业80家。");
        assert!(
            got.iter()
                .all(|c| c.1 == Goal && c.2 == Some(2022) && c.3 == Some(Strive)),
            "{got:?}"
        );
    }

    #[test]
    fn the_clause_decides_kind_and_year_the_half_is_a_default() {
        use Kind::*;
        // A summary quoting last year's statistic beside this year's estimate.
        let d = parse_document(
            "t",
            "t.txt",
            "宁波市科学技术局2024年工作总结\n2023年全社会R&D经费投入占GDP比重达3.08%,提升幅度全省第一;高新技术企业预计突破8800家。争取上级科技经费1.2亿元。10家企业列入2020年度创新能力评价。",
        );
        let at = |num: &str| {
            let chars: Vec<char> = d.text.chars().collect();
            d.claims
                .iter()
                .find(|c| {
                    chars[c.number_start..c.number_end]
                        .iter()
                        .collect::<String>()
                        == num
                })
                .unwrap_or_else(|| panic!("no claim {num}: {:?}", d.claims))
                .clone()
        };
        assert_eq!(at("3.08%").year, Some(2023));
        assert_eq!(at("第一").year, Some(2023));
        let c = at("8800家");
        assert_eq!(
            (c.kind, c.year, c.estimated),
            (Achievement, Some(2024), true)
        );
        // `争取上级…经费` obtained money: an achievement, no stretch goal.
        let c = at("1.2亿元");
        assert_eq!((c.kind, c.modality), (Achievement, None));
        assert_eq!(at("10家").year, Some(2020));
        // What a plan builds on was achieved: `在…的基础上`.
        let d = parse_document(
            "t",
            "t.txt",
            "县科技局2023年工作总结和2024年工作计划\n一、2023年工作总结\n新增高企30家。\n二、2024年工作计划\n在今年新增高企30家的基础上,力争新增高新技术企业35家。到2025年,高新技术企业总数达到200家。",
        );
        let got: Vec<(Kind, Option<i32>)> = d.claims.iter().map(|c| (c.kind, c.year)).collect();
        assert_eq!(
            got,
            [
                (Achievement, Some(2023)),
                (Achievement, Some(2023)),
                (Goal, Some(2024)),
                (Goal, Some(2025)),
            ]
        );
        // A plan that starts from last year's figures: those are results.
        let got = read("某区科技局2025年工作要点\n2024年,全区R&D经费投入强度预计达到1.52%,新增国家高新技术企业19家。2025年力争新增高新技术企业25家。");
        assert_eq!(
            got,
            [
                ("1.52%".into(), Achievement, Some(2024), None),
                ("19家".into(), Achievement, Some(2024), None),
                ("25家".into(), Goal, Some(2025), Some(Modality::Strive)),
            ]
        );
        // `到2022年底` in the review of 2022 is where things stood.
        let got = read("某市科技局2022年工作总结\n到2022年底,全市高新技术企业达到1200家。");
        assert_eq!(got, [("1200家".into(), Achievement, Some(2022), None)]);
        // A news item: last year's results, this year's targets, from its dateline.
        let got = read("常州召开科技大会\n发布时间:2024-02-20\n会议指出,去年全市新增国家高新技术企业806家。会议强调,今年要聚焦科技创新,力争新增国家高新技术企业800家以上。");
        assert_eq!(
            got,
            [
                ("806家".into(), Achievement, Some(2023), None),
                ("800家以上".into(), Goal, Some(2024), Some(Modality::Strive)),
            ]
        );
    }
}
