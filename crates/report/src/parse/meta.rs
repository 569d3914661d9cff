//! Metadata stage: the report's own place (title → signature → inference), its summary and
//! plan years (with conflicts), its publication date, and the warnings that go with them.

use super::places::{self, Place};
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
    for keys in [
        &["发布日期", "发布时间", "来源", "•"][..],
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

/// The decided place with its warnings.
pub(crate) struct PlaceResult {
    pub region: Region,
    pub warnings: Vec<Warning>,
}

fn unknown_region() -> Region {
    Region {
        name: "未知".into(),
        level: Level::Unknown,
        parent: None,
        inferred: false,
        evidence: None,
    }
}

/// A place a line states outright: a Zhejiang place by name, or a bureau from beyond the gazetteer.
fn stated_place(line: &str) -> Option<Region> {
    places::named_place(line)
        .map(|p| p.region(false, None))
        .or_else(|| places::foreign_bureau(line))
}

/// Finds the report's own place: named in the title; else by the issuing bureau or the
/// signature (short lines at the top or the end); else inferred from clues with the level the
/// bureau's name implies. Places mentioned in passing in the body never decide it.
pub(crate) fn place(title: &str, st: &Structure, chrome: &[String], text: &str) -> PlaceResult {
    let mut warnings = Vec::new();
    if let Some(region) = stated_place(title) {
        return PlaceResult { region, warnings };
    }
    // Signature / issuing-bureau lines: short lines naming a bureau, at the top or the end.
    let paras: Vec<&str> = st
        .paras
        .iter()
        .map(|p| p.text.as_str())
        .filter(|t| !t.trim().is_empty())
        .collect();
    let n = paras.len();
    let sig_lines = (n.saturating_sub(4)..n).rev().chain(1..n.min(12));
    for k in sig_lines {
        let t = paras[k];
        if t.chars().count() > 30
            || !(t.contains("局") || t.contains("委员会") || t.contains("办公室"))
        {
            continue;
        }
        if let Some(region) = stated_place(t) {
            return PlaceResult { region, warnings };
        }
    }
    // Document numbers name the city by its first character (`绍市科〔2018〕19号`).
    for t in paras.iter().take(12) {
        if let Some(p) = doc_number_place(t) {
            return PlaceResult {
                region: p.region(false, None),
                warnings,
            };
        }
    }
    // Withheld: the level from the bureau's name (`区科技局`) or self-references (`我区`).
    let level = places::level_hint(title)
        .or_else(|| {
            paras
                .iter()
                .rev()
                .take(4)
                .find_map(|t| places::level_hint(t))
        })
        .or_else(|| {
            chrome
                .iter()
                .find_map(|c| c.split(':').nth(1).and_then(places::level_hint))
        })
        .or_else(|| places::self_reference_level(text));
    let withheld = text.contains("xx区") || text.contains("xx市") || text.contains("xx县");
    if let Some(inf) = places::infer(text, level) {
        let ev = inf.evidence.join("、");
        let level_zh = match inf.place.level {
            Level::District => "区",
            Level::County => "县(市)",
            _ => "市",
        };
        warnings.push(warning(
            WarningCode::PlaceInferred,
            format!(
                "报告未写明地名{};由线索“{}”推断为{}({}),该局为{}级科技局。",
                if withheld { "(隐去为xx)" } else { "" },
                ev,
                inf.place.name,
                inf.place.parent,
                level_zh
            ),
            format!(
                "The report does not name its place{}; inferred {} ({}) from the clues {}, the bureau being a {}-level one.",
                if withheld { " (masked as xx)" } else { "" },
                inf.place.name,
                inf.place.parent,
                ev,
                match inf.place.level {
                    Level::District => "district",
                    Level::County => "county",
                    _ => "city",
                }
            ),
        ));
        return PlaceResult {
            region: inf.place.region(true, Some(ev)),
            warnings,
        };
    }
    let mut region = unknown_region();
    if let Some(l) = level {
        region.level = l;
    }
    warnings.push(warning(
        WarningCode::PlaceUnknown,
        "未能确定报告所属地区。",
        "Could not tell which place this report is about.",
    ));
    PlaceResult { region, warnings }
}

/// `绍市科〔2018〕19号` → 绍兴市: the first character of a city plus `市科`.
fn doc_number_place(t: &str) -> Option<Place> {
    if !(t.contains('〔') || t.contains('[')) || !t.contains('号') || t.chars().count() > 30 {
        return None;
    }
    let mut cs = t.chars();
    let first = cs.next()?;
    if cs.next() != Some('市') {
        return None;
    }
    let city = places::CITIES.iter().find(|c| c.starts_with(first))?;
    places::lookup(city)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::structure::analyse;

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
        let st = analyse(text, None);
        let chrome = vec!["发布日期:2018-04-16 访问次数: 字号:[ ]".to_string()];
        assert_eq!(published(&chrome, &st).as_deref(), Some("2018-03-15"));
        assert_eq!(
            published(&chrome, &analyse("标题\n正文。", None)).as_deref(),
            Some("2018-04-16")
        );
    }

    #[test]
    fn place_from_signature_not_from_passing_mentions() {
        let text = "关于印发《2018年全市科技创新工作要点》的通知\n绍市科〔2018〕19号\n绍兴市科学技术局\n2018年3月15日\n积极推进诸暨科技城、嵊州科创中心、新昌南岩科技城建设,诸暨诸暨诸暨。";
        let st = analyse(text, None);
        let p = place(
            "关于印发《2018年全市科技创新工作要点》的通知",
            &st,
            &[],
            text,
        );
        assert_eq!(p.region.name, "绍兴市");
        assert_eq!(p.region.level, Level::City);
        assert!(!p.region.inferred);
    }

    #[test]
    fn place_by_doc_number_alone() {
        let text = "关于印发工作要点的通知\n绍市科〔2018〕19号\n正文。";
        let st = analyse(text, None);
        assert_eq!(
            place("关于印发工作要点的通知", &st, &[], text).region.name,
            "绍兴市"
        );
    }

    #[test]
    fn withheld_district_is_inferred_with_evidence() {
        let text = "区科技局2021年平台建设工作总结\n xx区“甬创鄞造”创客大赛,国外创客来鄞交流。结合xx温州国家自主创新示范区建设。";
        let st = analyse(text, None);
        let p = place("区科技局2021年平台建设工作总结", &st, &[], text);
        assert_eq!(p.region.name, "鄞州区");
        assert_eq!(p.region.level, Level::District);
        assert_eq!(p.region.parent.as_deref(), Some("宁波市"));
        assert!(p.region.inferred);
        assert!(p.region.evidence.as_deref().unwrap().contains("甬创鄞造"));
        assert_eq!(p.warnings[0].code, WarningCode::PlaceInferred);
    }

    #[test]
    fn no_place_is_unknown_with_a_warning() {
        let text = "工作总结\n正文。";
        let st = analyse(text, None);
        let p = place("工作总结", &st, &[], text);
        assert_eq!(p.region.name, "未知");
        assert_eq!(p.warnings[0].code, WarningCode::PlaceUnknown);
    }

    #[test]
    fn conflicting_years_pick_the_consistent_body_heading() {
        let title = "区科技局2021年平台建设工作总结及2023年工作思路";
        let text = format!("{title}\n区科技局2022年平台建设工作总结及2023年工作思路xxxx年,在区委领导下。\n一、xxxx年主要工作和成效\n二、xxxx年科技工作思路");
        let st = analyse(&text, Some(2021));
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
        let st = analyse(&text, Some(2021));
        let y = years(title, &st, Some("2021-12-16"));
        assert_eq!((y.summary, y.plan), (Some(2021), Some(2022)));
        assert!(y.warnings.is_empty());
    }
}
