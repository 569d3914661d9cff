//! Metadata stage: the report's summary and plan years (with conflicts), its publication date,
//! and the warnings that go with them. The place is the [`places`](super::places) stage's.

use super::structure::{title_years, Structure};
use crate::model::*;

pub(crate) fn warning(code: WarningCode, zh: impl Into<String>, en: impl Into<String>) -> Warning {
    Warning {
        code,
        message: zh.into(),
        message_en: en.into(),
    }
}

/// A date written `2021-12-16`, `2021/12/16`, `2021.12.16` or `2018年3月15日`, as `YYYY-MM-DD`.
pub(crate) fn find_date(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let digits = |from: usize, max: usize| -> (usize, Option<u32>) {
        let n = chars[from.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
            .min(max);
        let v = chars[from..from + n]
            .iter()
            .collect::<String>()
            .parse()
            .ok();
        (n, v)
    };
    for i in 0..chars.len() {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let (n, y) = digits(i, 4);
        if n != 4 {
            continue;
        }
        let Some(y) = y else { continue };
        let sep = chars.get(i + 4).copied();
        let (ms, dsep_ok): (usize, fn(char) -> bool) = match sep {
            Some('-') => (i + 5, |c| c == '-'),
            Some('/') => (i + 5, |c| c == '/'),
            Some('.') => (i + 5, |c| c == '.'),
            Some('年') => (i + 5, |c| c == '月'),
            _ => continue,
        };
        let (mn, mo) = digits(ms, 2);
        if mn == 0 {
            continue;
        }
        let Some(mo) = mo else { continue };
        if !chars.get(ms + mn).is_some_and(|&c| dsep_ok(c)) {
            continue;
        }
        let (dn, d) = digits(ms + mn + 1, 2);
        let Some(d) = d else { continue };
        if dn == 0
            || !(1..=12).contains(&mo)
            || !(1..=31).contains(&d)
            || !(1949..=2100).contains(&y)
        {
            continue;
        }
        return Some(format!("{y:04}-{mo:02}-{d:02}"));
    }
    None
}

/// The publication date. A signing date in the document (`绍兴市科学技术局 / 2018年3月15日`,
/// `县科技局2021-12-16`) wins over a web page's post date (`发布日期:2018-04-16`), which wins over
/// a sharing site's upload date: the bureau's own date is when the report was issued.
pub(crate) fn published(chrome: &[String], st: &Structure) -> Option<String> {
    let paras: Vec<&str> = st
        .paras
        .iter()
        .map(|p| p.text.as_str())
        .filter(|t| !t.trim().is_empty())
        .collect();
    let is_sig_date = |k: usize| -> Option<String> {
        let t = paras[k];
        if t.chars().count() > 30 {
            return None;
        }
        let d = find_date(t)?;
        // a date line alone, or a bureau name with its date, or a date right after the bureau
        let alone = t
            .chars()
            .all(|c| c.is_ascii_digit() || "年月日-/. ".contains(c));
        let bureau = t.contains('局') || t.contains("委员会") || t.contains("政府");
        let after_bureau =
            k > 0 && paras[k - 1].chars().count() <= 30 && paras[k - 1].contains('局');
        (alone && (after_bureau || k + 1 == paras.len()) || bureau).then_some(d)
    };
    let n = paras.len();
    let tail = (n.saturating_sub(3)..n).rev();
    let head = 0..n.min(12);
    if let Some(d) = tail.chain(head).find_map(is_sig_date) {
        return Some(d);
    }
    // A news page's dateline (`2008年3月8日 星期六 【打印】`).
    let dateline = paras.iter().take(12).find_map(|t| {
        let starts = t.chars().take(4).all(|c| c.is_ascii_digit());
        (starts && t.chars().count() <= 30)
            .then(|| find_date(t))
            .flatten()
    });
    if dateline.is_some() {
        return dateline;
    }
    for keys in [
        &[
            "发布日期",
            "发布时间",
            "来源",
            "•",
            "成文日期",
            "生成日期",
            "发文日期",
            "公开日期",
            "日期",
            "时间",
            "发布",
        ][..],
        &["上传时间", "上传日期"][..],
    ] {
        for c in chrome {
            if keys.iter().any(|k| c.contains(k)) {
                if let Some(d) = find_date(c) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// The year a text speaks in, for `今年` and `去年` where its halves name no year: the year it was
/// published, else the latest year it names as a time (`会议启动了2010年…申报工作`), or the year
/// after one it sets `今年` against (`2019年,…;今年1-10月,…`). A program's or an award's year
/// (`2020年度…评价`, `2010年度的科技进步奖`) often lags and does not count.
pub(crate) fn now(published: Option<&str>, chars: &[char]) -> Option<i32> {
    if let Some(y) = published
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok())
    {
        return Some(y);
    }
    latest_year(chars, false)
}

/// The latest year a text names (with `…年度` program years or not, never an award's year nor
/// the end of a range, `2024—2026年`), or the year after one it sets `今年` against.
pub(crate) fn latest_year(chars: &[char], with_programs: bool) -> Option<i32> {
    let year_at = |i: usize| -> Option<i32> {
        let y: i32 = chars[i..i + 4].iter().collect::<String>().parse().ok()?;
        (1990..=2100).contains(&y).then_some(y)
    };
    let mut latest = None;
    let mut last_in_sentence: Option<i32> = None;
    for i in 0..chars.len().saturating_sub(4) {
        if matches!(chars[i], '。' | '\n') {
            last_in_sentence = None;
        }
        if chars[i] == '今' && chars[i + 1] == '年' {
            if let Some(y) = last_in_sentence {
                latest = latest.max(Some(y + 1));
            }
        }
        if chars[i + 4] != '年'
            || (i > 0 && (chars[i - 1].is_ascii_digit() || "-—~至到".contains(chars[i - 1])))
        {
            continue;
        }
        let Some(y) = year_at(i) else { continue };
        let after: String = chars[i + 5..(i + 14).min(chars.len())].iter().collect();
        if after.starts_with('度') && (!with_programs || after.contains('奖')) {
            continue;
        }
        last_in_sentence = Some(y);
        latest = latest.max(Some(y));
    }
    latest
}

/// Years the title and headings do not give, from weaker statements: the body's opening review
/// (`2016年,全市…`, `【概况】2007年,…`), what a news item says a meeting did (`总结2007年度…
/// 部署2008年…`, `总结去年…部署今年…`), a headline naming one year
/// (`2016年全市高新技术产业增速居全省第二位`), and a five-year plan's first year
/// (`实现“十三五”开门红`).
pub(crate) fn fallback_years(
    title: &str,
    st: &Structure,
    chars: &[char],
    now: Option<i32>,
) -> (Option<i32>, Option<i32>) {
    let mut summary = st.lead_year;
    let mut plan = None;
    let year_in = |s: &[char]| -> Option<i32> {
        (0..s.len().saturating_sub(4)).find_map(|i| {
            (s[i + 4] == '年' && s[i..i + 4].iter().all(|c| c.is_ascii_digit()))
                .then(|| s[i..i + 4].iter().collect::<String>().parse().ok())
                .flatten()
        })
    };
    // The opening: what a news item or a circular says before its text gets going.
    let first: usize = st
        .paras
        .iter()
        .map(|p| p.end)
        .find(|&e| e >= 1500)
        .unwrap_or_else(|| st.paras.last().map_or(0, |p| p.end));
    let head = &chars[..first.min(chars.len())];
    let after = |i: usize, n: usize| &head[i.min(head.len())..(i + n).min(head.len())];
    for i in 0..head.len() {
        let w: String = head[i..(i + 2).min(head.len())].iter().collect();
        let window = after(i + 2, 12);
        let rel = |words: &[(&str, i32)]| {
            let s: String = window.iter().collect();
            words
                .iter()
                .find(|(w, _)| s.starts_with(w) || s.contains(&format!("{w}我")))
                .and_then(|(_, d)| now.map(|n| n + d))
        };
        if summary.is_none() && (w == "总结" || w == "回顾") {
            summary = year_in(window).or_else(|| rel(&[("去年", -1), ("上年", -1)]));
        }
        if plan.is_none() && (w == "部署" || w == "谋划") {
            plan = year_in(window).or_else(|| rel(&[("今年", 0), ("明年", 1)]));
        }
        // `今年我市科技工作的重点是…`
        if plan.is_none() && w == "今年" {
            let s: String = after(i + 2, 14)
                .iter()
                .take_while(|&&c| c != '。')
                .collect();
            if ["重点", "目标", "任务"].iter().any(|x| s.contains(x)) {
                plan = now;
            }
        }
    }
    let (ts, tp, _) = title_years(title);
    let title_chars: Vec<char> = title.chars().collect();
    if summary.is_none() && ts.is_none() && tp.is_none() {
        let plan_words = ["力争", "目标", "计划", "部署", "要点", "思路"];
        if !plan_words.iter().any(|w| title.contains(w)) {
            summary = year_in(&title_chars);
        }
    }
    if summary.is_none() {
        let text: String = head.iter().collect();
        for (plan_name, y) in [
            ("十一五", 2006),
            ("十二五", 2011),
            ("十三五", 2016),
            ("十四五", 2021),
            ("十五五", 2026),
        ] {
            let opened = ["开门红", "开局之年", "开局年", "起步之年"]
                .iter()
                .any(|w| {
                    text.contains(&format!("{plan_name}”{w}"))
                        || text.contains(&format!("{plan_name}{w}"))
                });
            if opened && (text.contains("实现") || text.contains("取得")) {
                summary = Some(y);
            }
        }
    }
    (summary, plan)
}

/// Years still unknown after the claims are read, from the claims themselves: the year most of
/// a kind's figures name, else (for achievements) the year a review written `今年以来` speaks
/// in, or the publication's (a review published by April is of the year before), else any
/// year they name, else the year the text speaks in.
pub(crate) fn years_from_claims(
    claims: &[Claim],
    kind: Kind,
    published: Option<&str>,
    now: Option<i32>,
    chars: &[char],
) -> Option<i32> {
    let of_kind: Vec<&Claim> = claims.iter().filter(|c| c.kind == kind).collect();
    if of_kind.is_empty() {
        return None;
    }
    let named: Vec<i32> = of_kind.iter().filter_map(|c| c.year).collect();
    // The most frequent year; the later one on a tie.
    let mode = || {
        let mut best: Option<(usize, i32)> = None;
        for &y in &named {
            let n = named.iter().filter(|&&x| x == y).count();
            if best.is_none_or(|b| (n, y) > b) {
                best = Some((n, y));
            }
        }
        best.map(|b| b.1)
    };
    if !named.is_empty() && (named.len() * 2 >= of_kind.len() || kind == Kind::Goal) {
        return mode();
    }
    if kind == Kind::Achievement {
        // `今年以来,我们全面贯彻…`: a review of the year it is written in.
        let opening: String = chars.iter().take(40).collect();
        if opening.contains("今年以来") && now.is_some() {
            return now;
        }
        let date = published.and_then(|d| {
            let y: i32 = d.get(..4)?.parse().ok()?;
            let m: u32 = d.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(12);
            Some((y, m))
        });
        if let Some((y, m)) = date {
            return Some(if m <= 4 { y - 1 } else { y });
        }
    }
    mode().or(now).or_else(|| latest_year(chars, true))
}

/// The decided years with their warnings.
pub(crate) struct Years {
    pub summary: Option<i32>,
    pub plan: Option<i32>,
    pub warnings: Vec<Warning>,
}

fn fmt_year(y: Option<i32>) -> String {
    y.map(|y| y.to_string()).unwrap_or_else(|| "—".into())
}

/// Decides the summary and plan years from the title, a title-like line in the body and the
/// half headings. The most specific consistent statement wins: the half headings (they name
/// the half they open), then the body's own title line, then the page title; a pair whose plan
/// year is not the year after its summary year is less credible than one that is.
pub(crate) fn years(title: &str, st: &Structure, published: Option<&str>) -> Years {
    let (ts, tp, tmask) = title_years(title);
    let statements: Vec<(&str, &str, Option<i32>, Option<i32>)> = vec![
        (
            "小标题",
            "half headings",
            st.heading_years.0,
            st.heading_years.1,
        ),
        (
            "正文标题",
            "body heading",
            st.body_title_years.0,
            st.body_title_years.1,
        ),
        ("标题", "title", ts, tp),
    ];
    let consistent = |s: Option<i32>, p: Option<i32>| match (s, p) {
        (Some(s), Some(p)) => p == s + 1,
        _ => true,
    };
    let known: Vec<_> = statements
        .iter()
        .filter(|s| s.2.is_some() || s.3.is_some())
        .collect();
    // Pick per field: the first (most specific) consistent statement stating it.
    let pick_pair = known
        .iter()
        .find(|s| s.2.is_some() && s.3.is_some() && consistent(s.2, s.3));
    let (mut summary, mut plan) = match pick_pair {
        Some(s) => (s.2, s.3),
        None => (None, None),
    };
    if summary.is_none() {
        summary = known.iter().find_map(|s| s.2);
    }
    if plan.is_none() {
        plan = known.iter().find_map(|s| s.3);
    }
    // `202x年工作总结和2025年工作计划`: the masked summary is of the year before the plan's.
    if tmask && summary.is_none() {
        summary = plan.map(|p| p - 1);
    }
    let mut warnings = Vec::new();
    let disagree = known
        .iter()
        .any(|s| s.2.is_some_and(|y| Some(y) != summary) || s.3.is_some_and(|y| Some(y) != plan));
    if disagree {
        let mut zh: Vec<String> = known
            .iter()
            .map(|s| format!("{}称{}年总结/{}年计划", s.0, fmt_year(s.2), fmt_year(s.3)))
            .collect();
        let mut en: Vec<String> = known
            .iter()
            .map(|s| {
                format!(
                    "the {} says summary {} / plan {}",
                    s.1,
                    fmt_year(s.2),
                    fmt_year(s.3)
                )
            })
            .collect();
        if st.heading_year_redacted || tmask {
            zh.push("正文年份被隐去(xxxx年)".into());
            en.push("the body's years are masked (xxxx年)".into());
        }
        if let Some(p) = published {
            zh.push(format!("发布/上传日期{p}"));
            en.push(format!("it was published/uploaded on {p}"));
        }
        warnings.push(warning(
            WarningCode::YearConflict,
            format!(
                "年份说法不一:{};采用{}年总结、{}年计划。",
                zh.join(","),
                fmt_year(summary),
                fmt_year(plan)
            ),
            format!(
                "The years disagree: {}; using summary {} and plan {}.",
                en.join(", "),
                fmt_year(summary),
                fmt_year(plan)
            ),
        ));
    } else if let (Some(s), Some(p)) = (summary, published.and_then(|d| d[..4].parse::<i32>().ok()))
    {
        // A summary published before its year ended is suspicious.
        if p < s {
            warnings.push(warning(
                WarningCode::YearConflict,
                format!("{s}年总结的发布日期早于该年:{}", published.unwrap_or("")),
                format!(
                    "The summary of {s} is dated before that year: {}",
                    published.unwrap_or("")
                ),
            ));
        }
    }
    Years {
        summary,
        plan,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::structure::analyse;

    #[test]
    fn the_year_a_text_speaks_in() {
        let c: Vec<char> =
            "2019年,全社会研发经费提高0.24个百分点;今年1-10月,全市规上工业研发经费129.56亿元。"
                .chars()
                .collect();
        assert_eq!(now(None, &c), Some(2020));
        let c: Vec<char> = "推进《行动计划(2024—2026年)》。获得2010年度的科技进步奖。"
            .chars()
            .collect();
        assert_eq!(now(None, &c), None);
        assert_eq!(latest_year(&c, true), None);
        let c: Vec<char> = "入选2023年度全面创新改革任务。".chars().collect();
        assert_eq!((now(None, &c), latest_year(&c, true)), (None, Some(2023)));
        assert_eq!(now(Some("2022-03-31"), &c), Some(2022));
    }

    #[test]
    fn dates_in_all_forms() {
        assert_eq!(
            find_date("县科技局2021-12-16").as_deref(),
            Some("2021-12-16")
        );
        assert_eq!(find_date("2018年3月15日").as_deref(), Some("2018-03-15"));
        assert_eq!(
            find_date("上传时间:2022-01-20 格式").as_deref(),
            Some("2022-01-20")
        );
        assert_eq!(find_date("2021年工作总结"), None);
        assert_eq!(find_date("2021-13-01"), None);
    }

    #[test]
    fn signing_date_beats_post_date() {
        let text = "关于印发《2018年全市科技创新工作要点》的通知\n绍市科〔2018〕19号\n绍兴市科学技术局\n2018年3月15日\n2018年全市科技创新工作要点\n正文。";
        let st = analyse(text);
        let chrome = vec!["发布日期:2018-04-16 访问次数: 字号:[ ]".to_string()];
        assert_eq!(published(&chrome, &st).as_deref(), Some("2018-03-15"));
        assert_eq!(
            published(&chrome, &analyse("标题\n正文。")).as_deref(),
            Some("2018-04-16")
        );
    }

    #[test]
    fn conflicting_years_pick_the_consistent_body_heading() {
        let title = "区科技局2021年平台建设工作总结及2023年工作思路";
        let text = format!("{title}\n区科技局2022年平台建设工作总结及2023年工作思路xxxx年,在区委领导下。\n一、xxxx年主要工作和成效\n二、xxxx年科技工作思路");
        let st = analyse(&text);
        let y = years(title, &st, Some("2022-01-20"));
        assert_eq!((y.summary, y.plan), (Some(2022), Some(2023)));
        assert_eq!(y.warnings.len(), 1);
        assert_eq!(y.warnings[0].code, WarningCode::YearConflict);
        assert!(y.warnings[0].message.contains("2022-01-20"));
    }

    #[test]
    fn agreeing_years_give_no_warning() {
        let title = "2021年浙江新昌科技创新工作亮点和2022年重点工作思路";
        let text = format!("{title}\n一、2021年工作亮点\n正文。\n二、2022年工作重点\n正文。");
        let st = analyse(&text);
        let y = years(title, &st, Some("2021-12-16"));
        assert_eq!((y.summary, y.plan), (Some(2021), Some(2022)));
        assert!(y.warnings.is_empty());
    }
}
