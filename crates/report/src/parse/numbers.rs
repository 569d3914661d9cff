//! Numbers stage: reads every number as written (DOMAIN.md §4) — Arabic, Chinese numerals,
//! ranges, fractions, ranks, redacted `x.x` — with its unit and bound words, on a char slice.

use crate::model::Bound;

/// What sort of number expression was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumKind {
    /// A count, amount or percentage.
    Plain,
    /// A position: `第三`, `第26位`, `首位`.
    Rank,
    /// `前10`, `前20位`, `前50名`: within the top N.
    Top,
    /// `三分之一` (value in %).
    Fraction,
    /// `破零`, `"零"的突破`: at least one.
    Zero,
}

/// One number expression found in the text. Positions are char indexes into the scanned slice.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Num {
    pub kind: NumKind,
    /// First char of the number (or of `第`, `首`, `破`).
    pub start: usize,
    /// One past the unit and any `以上`/`左右`/`余` suffix.
    pub end: usize,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    /// Normalised unit (`万方` → `万平方米`, `3.5万余人` → `人`); empty when none.
    pub unit: String,
    /// The base unit word as written after the multiplier (`年`, `月`, `大`…), for filtering.
    pub base: String,
    pub bound: Bound,
    pub redacted: bool,
    /// Written with Chinese numerals.
    pub chinese: bool,
}

/// A Chinese digit's value (`零`/`〇` 0 … `九` 9, `两` 2). A `match`: this runs on every char.
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_unit(c).is_some()
}

/// Parses a Chinese numeral below 10000 (`二十六` → 26, `十` → 10, `千` → 1000, `一百零八` →
/// 108); without 十百千 it is a digit string (`二零二一` → 2021).
pub(crate) fn parse_cn(s: &[char]) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    if !s.iter().any(|&c| cn_unit(c).is_some()) {
        // `二零二一`; two digits side by side (`唯一一家`, `三四家`) are no number.
        if s.len() == 2 {
            return None;
        }
        return s
            .iter()
            .try_fold(0u32, |acc, &c| {
                acc.checked_mul(10)?.checked_add(cn_digit(c)?)
            })
            .map(f64::from);
    }
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    for &c in s {
        if let Some(d) = cn_digit(c) {
            // `零` only holds a place (`一百零八`).
            digit = Some(d);
        } else if let Some(u) = cn_unit(c) {
            total = total.checked_add(digit.unwrap_or(1).checked_mul(u)?)?;
            digit = None;
        } else {
            return None;
        }
    }
    total = total.checked_add(digit.unwrap_or(0))?;
    Some(total as f64)
}

/// Unit words after a number, longest first. `万`/`亿` before them are multipliers.
const BASE_UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "平方米",
    "人年",
    "人次",
    "美元",
    "元",
    "方",
    "%",
    "家",
    "个",
    "项",
    "件",
    "名",
    "人",
    "支",
    "场",
    "所",
    "次",
    "批",
    "位",
    "台",
    "篇",
    "户",
    "亩",
    "套",
    "种",
    "处",
    "座",
    "倍",
    "份",
    "门",
    "吨",
    "只",
    "公里",
    "千瓦",
    "辆",
    "公斤",
    "千克",
    "头",
    "年",
    "月",
    "日",
    "天",
    "周",
    "届",
    "号",
    "期",
    "大",
    "强",
    "版",
    "亿",
];

fn starts_with_at(chars: &[char], i: usize, pat: &str) -> bool {
    let mut p = pat.chars();
    // Most tries fail on the first char: decide that without setting up the walk.
    if p.next().is_none_or(|first| chars.get(i) != Some(&first)) {
        return pat.is_empty();
    }
    (i + 1..).zip(p).all(|(k, p)| chars.get(k) == Some(&p))
}

/// A masked digit: `x`, or the `×` some publishers use (`产值达到×亿元`).
fn is_x(c: char) -> bool {
    matches!(c, 'x' | 'X' | '×')
}

/// Reads an Arabic number (`66.52`) or a redacted one (`xx.x`) at `i`; returns (value, end,
/// redacted). A redacted number's value is `None`.
fn read_arabic(chars: &[char], i: usize) -> Option<(Option<f64>, usize, bool)> {
    let c = *chars.get(i)?;
    if c.is_ascii_digit() {
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j + 1 < chars.len() && chars[j] == '.' && chars[j + 1].is_ascii_digit() {
            j += 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
        }
        let s: String = chars[i..j].iter().collect();
        return Some((s.parse::<f64>().ok(), j, false));
    }
    if is_x(c) {
        // A masked number stands alone: not inside a Latin word (`DOCX`, `3+X`).
        if i > 0 && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '+') {
            return None;
        }
        let mut j = i;
        while j < chars.len() && is_x(chars[j]) {
            j += 1;
        }
        if j + 1 < chars.len() && chars[j] == '.' && is_x(chars[j + 1]) {
            j += 1;
            while j < chars.len() && is_x(chars[j]) {
                j += 1;
            }
        }
        if chars.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        return Some((None, j, true));
    }
    None
}

fn is_range_sep(c: char) -> bool {
    matches!(c, '-' | '~' | '至' | '—' | '到')
}

/// Reads the unit after a number at `j`: optional `余`/`多`, multiplier `万`/`亿`, `余`, base unit,
/// then `以上`/`左右`/`以内`. Returns (unit, base, multiplier factor, bound from suffix, end).
fn read_unit(chars: &[char], mut j: usize) -> (String, String, f64, Option<Bound>, usize) {
    let mut bound = None;
    if matches!(chars.get(j), Some('余' | '多')) {
        bound = Some(Bound::MoreThan);
        j += 1;
    }
    let mut mult = "";
    if matches!(chars.get(j), Some('万')) && !starts_with_at(chars, j, "万人计划") {
        mult = "万";
        j += 1;
    } else if matches!(chars.get(j), Some('亿'))
        && (chars.get(j + 1) == Some(&'元') || starts_with_at(chars, j + 1, "美元"))
    {
        mult = "亿";
        j += 1;
    }
    if matches!(chars.get(j), Some('余' | '多')) {
        bound = Some(Bound::MoreThan);
        j += 1;
    }
    let mut base = String::new();
    // `3方面`, `方式`, `方向`, `方案` are not square metres.
    let fang_word = chars.get(j) == Some(&'方')
        && matches!(
            chars.get(j + 1),
            Some('面' | '式' | '向' | '案' | '法' | '阵')
        );
    for u in BASE_UNITS {
        if fang_word && *u == "方" {
            continue;
        }
        if starts_with_at(chars, j, u) {
            base = (*u).to_string();
            j += u.chars().count();
            break;
        }
    }
    let mut factor = 1.0;
    let unit = match (mult, base.as_str()) {
        ("万", "元") => "万元".to_string(),
        ("亿", "元") => "亿元".to_string(),
        ("万", "美元") => "万美元".to_string(),
        ("亿", "美元") => "亿美元".to_string(),
        ("万", "平方米") | ("万", "方") => "万平方米".to_string(),
        ("", "方") => "平方米".to_string(),
        ("万", "人年") => "万人年".to_string(),
        // A bare `万` is money in these reports (`xxxx万的贷款保障`).
        ("万", "") => "万元".to_string(),
        ("万", b) => {
            factor = 10000.0;
            b.to_string()
        }
        (_, "百分点") => "个百分点".to_string(),
        (_, b) => b.to_string(),
    };
    if starts_with_at(chars, j, "以上") {
        bound = Some(Bound::AtLeast);
        j += 2;
    } else if starts_with_at(chars, j, "左右") {
        bound = Some(Bound::Approx);
        j += 2;
    } else if matches!(chars.get(j), Some('余' | '多')) && !base.is_empty() {
        bound = Some(Bound::MoreThan);
        j += 1;
    }
    (unit, base, factor, bound, j)
}

/// Bound words right before a number (`近`, `超`, `突破`, `不少于`, `约`).
pub(crate) fn prefix_bound(chars: &[char], start: usize) -> Option<Bound> {
    let before = |n: usize| -> String {
        let s = start.saturating_sub(n);
        chars[s..start].iter().collect()
    };
    let b3 = before(3);
    let b2 = before(2);
    let b1 = before(1);
    if b3 == "不少于" || b3 == "不低于" || b2 == "至少" {
        return Some(Bound::AtLeast);
    }
    if b2 == "超过" || b2 == "突破" || b2 == "高于" || b1 == "超" || b1 == "逾" {
        return Some(Bound::MoreThan);
    }
    // `上百场`: more than a hundred (only before a Chinese round number).
    if b1 == "上" && matches!(chars.get(start), Some('百' | '千')) {
        return Some(Bound::MoreThan);
    }
    if b1 == "近" || b2 == "接近" {
        return Some(Bound::Nearly);
    }
    if b1 == "约" || b2 == "大约" {
        return Some(Bound::Approx);
    }
    None
}

/// Scans a char slice for every number expression.
pub(crate) fn scan(chars: &[char]) -> Vec<Num> {
    let mut out: Vec<Num> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((n, next)) = read_at(chars, i) {
            out.push(n);
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    share_trailing_units(chars, &mut out);
    out
}

/// `分别29.92、29.64、33.57、30.75亿元`: a list of bare figures takes the unit of its last.
fn share_trailing_units(chars: &[char], nums: &mut [Num]) {
    for k in (0..nums.len().saturating_sub(1)).rev() {
        let (a, b) = (&nums[k], &nums[k + 1]);
        let listed = a.kind == NumKind::Plain
            && b.kind == NumKind::Plain
            && a.unit.is_empty()
            && a.value.is_some()
            && !b.unit.is_empty()
            && b.end > b.start
            && a.end + 1 == b.start
            && chars[a.end] == '、'
            && !chars[a.start..a.end]
                .iter()
                .any(|c| !c.is_ascii_digit() && *c != '.');
        if listed {
            let (unit, base) = (b.unit.clone(), b.base.clone());
            // `3、5万人` is 30000 and 50000 people: the multiplier goes with the unit.
            let scale = if chars[b.start..b.end].contains(&'万') && !b.unit.contains('万') {
                10000.0
            } else {
                1.0
            };
            let a = &mut nums[k];
            a.unit = unit;
            a.base = base;
            a.value = a.value.map(|v| v * scale);
        }
    }
}

fn num(kind: NumKind, start: usize, end: usize, value: Option<f64>) -> Num {
    Num {
        kind,
        start,
        end,
        value,
        value_max: None,
        unit: String::new(),
        base: String::new(),
        bound: Bound::Exact,
        redacted: false,
        chinese: false,
    }
}

/// Tries to read a number expression starting at `i`; returns it and where scanning continues.
fn read_at(chars: &[char], i: usize) -> Option<(Num, usize)> {
    let c = chars[i];
    // Nothing but a digit, a masked `x`, a Chinese numeral or one of the words below starts a
    // number: most chars are ruled out here.
    let may_start = c.is_ascii_digit()
        || matches!(
            c,
            'x' | 'X' | '×' | '破' | '零' | '“' | '"' | '第' | '前' | '首' | '翻'
        )
        || is_cn_numeral(c);
    if !may_start {
        return None;
    }
    // `翻一番` (doubled: +100 %), `翻两番` (+300 %), `翻番`.
    if c == '翻' {
        let (times, len) = if starts_with_at(chars, i, "翻番") {
            (1, 2)
        } else if starts_with_at(chars, i, "翻一番") || starts_with_at(chars, i, "翻了一番")
        {
            (1, if chars[i + 1] == '了' { 4 } else { 3 })
        } else if starts_with_at(chars, i, "翻两番") || starts_with_at(chars, i, "翻了两番")
        {
            (2, if chars[i + 1] == '了' { 4 } else { 3 })
        } else {
            return None;
        };
        let mut n = num(
            NumKind::Plain,
            i,
            i + len,
            Some(f64::from((1 << times) - 1) * 100.0),
        );
        n.unit = "%".into();
        n.base = "%".into();
        return Some((n, i + len));
    }
    // `破零`, `零的突破`, `"零"的突破`
    if starts_with_at(chars, i, "破零") {
        let mut n = num(NumKind::Zero, i, i + 2, Some(1.0));
        n.bound = Bound::AtLeast;
        return Some((n, i + 2));
    }
    for pat in ["零的突破", "“零”的突破", "\"零\"的突破"] {
        if starts_with_at(chars, i, pat) {
            let len = pat.chars().count();
            let mut n = num(NumKind::Zero, i, i + len, Some(1.0));
            n.bound = Bound::AtLeast;
            return Some((n, i + len));
        }
    }
    // Ranks: `第三`, `第26位`, `首位`; top-N: `前10`, `前20位`.
    if c == '第' || c == '前' {
        let j = i + 1;
        let (value, end) = if chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
            let (v, e, _) = read_arabic(chars, j)?;
            (v, e)
        } else {
            let mut e = j;
            while e < chars.len() && is_cn_numeral(chars[e]) && e - j < 4 {
                e += 1;
            }
            if e == j {
                return None;
            }
            (parse_cn(&chars[j..e]), e)
        };
        let mut end = end;
        if matches!(chars.get(end), Some('位' | '名')) {
            end += 1;
        }
        let kind = if c == '第' {
            NumKind::Rank
        } else {
            // `前进1位` is a move, not a top-N; `前10` needs a number right after 前.
            NumKind::Top
        };
        let mut n = num(kind, i, end, value);
        n.unit = "位".into();
        // `前10`: position 10 or better.
        if kind == NumKind::Top {
            n.bound = Bound::AtLeast;
        }
        n.chinese = !chars[j].is_ascii_digit();
        // What follows a `第N` decides whether it is a position: `第二方阵`, `第三届`, `第七届`
        // are not; record it so claims can filter.
        n.base = chars.get(end).map(|c| c.to_string()).unwrap_or_default();
        if chars[end - 1] == '位' || chars[end - 1] == '名' {
            n.base = "位".into();
        }
        return Some((n, end));
    }
    if starts_with_at(chars, i, "首位") {
        let mut n = num(NumKind::Rank, i, i + 2, Some(1.0));
        n.unit = "位".into();
        n.base = "位".into();
        n.chinese = true;
        return Some((n, i + 2));
    }
    // Fractions: `三分之一` → 33.3 (%).
    if is_cn_numeral(c) {
        let mut e = i;
        while e < chars.len() && is_cn_numeral(chars[e]) && e - i < 9 {
            e += 1;
        }
        if starts_with_at(chars, e, "分之") {
            let k = e + 2;
            let mut e2 = k;
            while e2 < chars.len() && is_cn_numeral(chars[e2]) && e2 - k < 4 {
                e2 += 1;
            }
            let den = parse_cn(&chars[i..e])?;
            let numer = parse_cn(&chars[k..e2])?;
            if den <= 0.0 {
                return None;
            }
            let v = (numer / den * 1000.0).round() / 10.0;
            let mut n = num(NumKind::Fraction, i, e2, Some(v));
            n.unit = "%".into();
            n.base = "%".into();
            n.chinese = true;
            return Some((n, e2));
        }
        let value = parse_cn(&chars[i..e])?;
        // Tenths: `近两成` (20 %), `三成以上`; not `一成不变`, `三成员`.
        if chars.get(e) == Some(&'成') && value <= 10.0 {
            let next = chars.get(e + 1).copied();
            let ok = next.is_none_or(|c| !('\u{4E00}'..='\u{9FFF}').contains(&c))
                || starts_with_at(chars, e + 1, "以上")
                || starts_with_at(chars, e + 1, "左右")
                || matches!(next, Some('多' | '的'));
            if ok {
                let mut end = e + 1;
                let mut bound = Bound::Exact;
                if starts_with_at(chars, end, "以上") {
                    bound = Bound::AtLeast;
                    end += 2;
                } else if starts_with_at(chars, end, "左右") {
                    bound = Bound::Approx;
                    end += 2;
                } else if chars.get(end) == Some(&'多') {
                    bound = Bound::MoreThan;
                    end += 1;
                }
                let mut n = num(NumKind::Plain, i, end, Some(value * 10.0));
                n.unit = "%".into();
                n.base = "%".into();
                n.bound = bound;
                return Some((n, end));
            }
        }
        // `百强县`, `十强`: a top-N like `20强`.
        if chars.get(e) == Some(&'强') && value >= 10.0 {
            let mut n = num(NumKind::Top, i, e + 1, Some(value));
            n.unit = "位".into();
            n.base = "位".into();
            n.bound = Bound::AtLeast;
            n.chinese = true;
            return Some((n, e + 1));
        }
        // Chinese numerals with a unit (`千亿元`, `两个`, `六个`): read, claims decide.
        let (unit, base, factor, bound, end) = read_unit(chars, e);
        if unit.is_empty() {
            return None;
        }
        let mut n = num(NumKind::Plain, i, end, Some(value * factor));
        n.unit = unit;
        n.base = base;
        n.bound = bound.unwrap_or(Bound::Exact);
        n.chinese = true;
        return Some((n, end));
    }
    let (value, mut e, redacted) = read_arabic(chars, i)?;
    let mut value_max = None;
    let mut bound = Bound::Exact;
    // Ranges `3-5个`, `2-3家`, `x-xx月`.
    if e + 1 < chars.len() && is_range_sep(chars[e]) {
        if let Some((v2, e2, r2)) = read_arabic(chars, e + 1) {
            if r2 == redacted {
                value_max = v2;
                bound = Bound::Range;
                e = e2;
            }
        }
    }
    // `占全市1/8`: a fraction, as a percentage; not a date (`2022/10/11`) nor `3/4/5`.
    if !redacted && bound == Bound::Exact && chars.get(e) == Some(&'/') {
        let lone = |k: usize| {
            chars
                .get(k)
                .is_none_or(|c| *c != '/' && !c.is_ascii_digit())
        };
        if let Some((Some(den), e2, false)) = read_arabic(chars, e + 1) {
            let before_ok = i == 0 || !matches!(chars[i - 1], '/' | '.');
            if let Some(numer) = value.filter(|&v| v > 0.0 && v < den && den <= 100.0) {
                if before_ok && lone(e2) && !chars[e + 1..e2].contains(&'.') {
                    let mut n = num(
                        NumKind::Fraction,
                        i,
                        e2,
                        Some((numer / den * 1000.0).round() / 10.0),
                    );
                    n.unit = "%".into();
                    n.base = "%".into();
                    return Some((n, e2));
                }
            }
        }
    }
    // Ratios `4:1` and list numbers `1.`: not numbers with a unit; skip the whole ratio.
    if chars.get(e) == Some(&':') && chars.get(e + 1).is_some_and(|c| c.is_ascii_digit()) {
        let (_, e2, _) = read_arabic(chars, e + 1)?;
        return Some((num(NumKind::Plain, i, e2, None), e2));
    }
    // `全国城市20强`: a top-N, like `前20`.
    if !redacted && bound == Bound::Exact && chars.get(e) == Some(&'强') {
        let mut n = num(NumKind::Top, i, e + 1, value);
        n.unit = "位".into();
        n.base = "位".into();
        n.bound = Bound::AtLeast;
        return Some((n, e + 1));
    }
    let (unit, base, factor, sbound, end) = read_unit(chars, e);
    let mut n = num(NumKind::Plain, i, end, value.map(|v| v * factor));
    n.value_max = value_max.map(|v| v * factor);
    n.unit = unit;
    n.base = base;
    n.redacted = redacted;
    n.bound = if bound == Bound::Range {
        Bound::Range
    } else {
        sbound.unwrap_or(bound)
    };
    if n.redacted {
        n.value = None;
        n.value_max = None;
    }
    Some((n, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Num {
        let chars: Vec<char> = s.chars().collect();
        let v = scan(&chars);
        assert!(!v.is_empty(), "no number in {s}");
        v[0].clone()
    }

    fn check(s: &str, value: Option<f64>, unit: &str, bound: Bound) {
        let n = one(s);
        assert_eq!(
            (n.value, n.unit.as_str(), n.bound),
            (value, unit, bound),
            "{s}"
        );
    }

    #[test]
    fn exact_numbers() {
        check("113家", Some(113.0), "家", Bound::Exact);
        check("2.0%", Some(2.0), "%", Bound::Exact);
        check("66.52亿元", Some(66.52), "亿元", Bound::Exact);
        check("3567万元", Some(3567.0), "万元", Bound::Exact);
    }

    #[test]
    fn at_least() {
        check("25家以上", Some(25.0), "家", Bound::AtLeast);
        let chars: Vec<char> = "不少于30%".chars().collect();
        let n = &scan(&chars)[0];
        assert_eq!(prefix_bound(&chars, n.start), Some(Bound::AtLeast));
    }

    #[test]
    fn more_than_and_nearly() {
        for (s, b) in [
            ("超709亿元", Bound::MoreThan),
            ("突破140亿元", Bound::MoreThan),
            ("超过xx万平方米", Bound::MoreThan),
            ("近900亿元", Bound::Nearly),
            ("约20家", Bound::Approx),
        ] {
            let chars: Vec<char> = s.chars().collect();
            let n = &scan(&chars)[0];
            assert_eq!(prefix_bound(&chars, n.start), Some(b), "{s}");
        }
    }

    #[test]
    fn more_than_with_yu() {
        check("7900余万元", Some(7900.0), "万元", Bound::MoreThan);
        check("3.5万余人", Some(35000.0), "人", Bound::MoreThan);
        check("10余家", Some(10.0), "家", Bound::MoreThan);
        check("xxx多个", None, "个", Bound::MoreThan);
    }

    #[test]
    fn approx() {
        check("1000项左右", Some(1000.0), "项", Bound::Approx);
    }

    #[test]
    fn ranges() {
        let n = one("3-5个");
        assert_eq!(
            (n.value, n.value_max, n.bound),
            (Some(3.0), Some(5.0), Bound::Range)
        );
        let n = one("2-3家");
        assert_eq!(
            (n.value, n.value_max, n.unit.as_str()),
            (Some(2.0), Some(3.0), "家")
        );
        let n = one("1-2家");
        assert_eq!((n.value, n.value_max), (Some(1.0), Some(2.0)));
    }

    #[test]
    fn chinese_numerals() {
        check("千亿元", Some(1000.0), "亿元", Bound::Exact);
        let n = one("四分之一");
        assert_eq!(
            (n.kind, n.value, n.unit.as_str()),
            (NumKind::Fraction, Some(25.0), "%")
        );
        let n = one("三分之一");
        assert_eq!(n.value, Some(33.3));
        let n = one("破零");
        assert_eq!(
            (n.kind, n.value, n.bound),
            (NumKind::Zero, Some(1.0), Bound::AtLeast)
        );
        let n = one("实现零的突破");
        assert_eq!(n.kind, NumKind::Zero);
        let n = one("“零”的突破");
        assert_eq!(n.kind, NumKind::Zero);
        assert_eq!(parse_cn(&"二十六".chars().collect::<Vec<_>>()), Some(26.0));
        assert_eq!(parse_cn(&"十".chars().collect::<Vec<_>>()), Some(10.0));
        assert_eq!(parse_cn(&"两".chars().collect::<Vec<_>>()), Some(2.0));
    }

    #[test]
    fn long_chinese_numerals() {
        let cn = |s: &str| parse_cn(&s.chars().collect::<Vec<_>>());
        assert_eq!(cn("一百零八"), Some(108.0));
        assert_eq!(cn("二百一十三"), Some(213.0));
        assert_eq!(cn("三千零五"), Some(3005.0));
        assert_eq!(cn("十五"), Some(15.0));
        assert_eq!(cn("二零二一"), Some(2021.0));
        check("二百一十三家", Some(213.0), "家", Bound::Exact);
        check("一千二百三十四项", Some(1234.0), "项", Bound::Exact);
        check("百余家", Some(100.0), "家", Bound::MoreThan);
    }

    #[test]
    fn tenths_and_doublings() {
        let n = one("较上年增长近两成");
        assert_eq!((n.value, n.unit.as_str()), (Some(20.0), "%"));
        check("三成以上", Some(30.0), "%", Bound::AtLeast);
        // not tenths: 建成, 形成, 成果, 一成不变, 三成员
        for s in ["建成平台", "形成合力", "成果丰硕", "一成不变", "三成员"] {
            assert!(
                scan(&s.chars().collect::<Vec<_>>()).is_empty(),
                "{s} has no number"
            );
        }
        let n = one("比2020年翻一番");
        assert_eq!(n.value, Some(2020.0));
        let chars: Vec<char> = "比2020年翻一番".chars().collect();
        let n = &scan(&chars)[1];
        assert_eq!((n.value, n.unit.as_str()), (Some(100.0), "%"));
        check("翻两番", Some(300.0), "%", Bound::Exact);
        check("实现翻番", Some(100.0), "%", Bound::Exact);
    }

    #[test]
    fn masks_written_with_a_times_sign() {
        let n = one("产值达到×亿元");
        assert_eq!((n.value, n.redacted, n.unit.as_str()), (None, true, "亿元"));
        let n = one("增长×.×%");
        assert!(n.redacted);
        // a product, not a mask
        assert_eq!(one("3×4米").value, Some(3.0));
    }

    #[test]
    fn a_list_shares_its_last_unit() {
        let chars: Vec<char> = "经费投入分别29.92、29.64、33.57亿元,增长5%、6%"
            .chars()
            .collect();
        let got: Vec<(Option<f64>, String)> = scan(&chars)
            .into_iter()
            .map(|n| (n.value, n.unit))
            .collect();
        assert_eq!(
            got,
            [
                (Some(29.92), "亿元".to_string()),
                (Some(29.64), "亿元".to_string()),
                (Some(33.57), "亿元".to_string()),
                (Some(5.0), "%".to_string()),
                (Some(6.0), "%".to_string()),
            ]
        );
        check("年产1.5万吨", Some(15000.0), "吨", Bound::Exact);
        let chars: Vec<char> = "引进3、5万人".chars().collect();
        assert_eq!(scan(&chars)[0].value, Some(30000.0));
    }

    #[test]
    fn arabic_fractions_and_dollars() {
        let n = one("占全市1/8");
        assert_eq!(
            (n.kind, n.value, n.unit.as_str()),
            (NumKind::Fraction, Some(12.5), "%")
        );
        assert_eq!(one("超1/3").value, Some(33.3));
        // dates and paths are not fractions
        assert_ne!(one("2022/10/11").kind, NumKind::Fraction);
        assert_ne!(one("3/2").kind, NumKind::Fraction);
        check("实际利用外资1亿美元", Some(1.0), "亿美元", Bound::Exact);
        check("出口额3500万美元", Some(3500.0), "万美元", Bound::Exact);
    }

    #[test]
    fn ranks() {
        let n = one("居全省第三");
        assert_eq!(
            (n.kind, n.value, n.unit.as_str()),
            (NumKind::Rank, Some(3.0), "位")
        );
        let n = one("全国第26位");
        assert_eq!(
            (n.kind, n.value, n.end - n.start),
            (NumKind::Rank, Some(26.0), 4)
        );
        assert_eq!(one("位居全省县市首位").value, Some(1.0));
        assert_eq!(one("全省第1").value, Some(1.0));
        let n = one("第二方阵");
        assert_eq!(n.base, "方");
        let n = one("进入全省前20位");
        assert_eq!((n.kind, n.value), (NumKind::Top, Some(20.0)));
        let n = one("入选全国科技创新百强县");
        assert_eq!((n.kind, n.value), (NumKind::Top, Some(100.0)));
        let n = one("挺进全国城市20强");
        assert_eq!(
            (n.kind, n.value, n.bound),
            (NumKind::Top, Some(20.0), Bound::AtLeast)
        );
    }

    #[test]
    fn redacted() {
        let n = one("xx家");
        assert_eq!((n.value, n.redacted, n.unit.as_str()), (None, true, "家"));
        let n = one("x.x亿元");
        assert_eq!((n.value, n.redacted, n.unit.as_str()), (None, true, "亿元"));
        let n = one("xxx.xx亿元");
        assert!(n.redacted);
        assert!(scan(&"DOCX".chars().collect::<Vec<_>>()).is_empty());
    }

    #[test]
    fn units_are_normalised() {
        check("705万方", Some(705.0), "万平方米", Bound::Exact);
        check("3.9万人年", Some(3.9), "万人年", Bound::Exact);
        check("6.2个百分点", Some(6.2), "个百分点", Bound::Exact);
    }

    #[test]
    fn ratios_have_no_value() {
        let n = one("4:1");
        assert_eq!((n.value, n.unit.as_str()), (None, ""));
    }
}
