//! Comparison logic: place-years, alignment of goals and achievements per indicator, target
//! status (met / exceeded / missed, ambition against last year's result), unit conversion,
//! number formatting, CSV export and the text filter. Pure and host-tested; the app only renders.

use crate::indicators::{indicator, INDICATORS};
use crate::model::*;

/// UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// One column: a place in a year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceYear {
    pub place: String,
    pub year: i32,
}

impl PlaceYear {
    pub fn new(place: &str, year: i32) -> Self {
        PlaceYear {
            place: place.to_string(),
            year,
        }
    }
}

/// Points at one claim of one document in a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimId {
    pub doc: usize,
    pub claim: usize,
}

/// A place that has reports, with the years it has goals or achievements for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceInfo {
    pub name: String,
    pub level: Level,
    pub parent: Option<String>,
    pub years: Vec<i32>,
    /// Some report of this place carries warnings (inferred place, conflicting years …).
    pub warned: bool,
}

/// A city with the counties and districts under it that have reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceGroup {
    /// The city's name (present even when only its counties have reports).
    pub city: String,
    /// The city itself, when it has reports.
    pub info: Option<PlaceInfo>,
    pub children: Vec<PlaceInfo>,
}

/// Years a document speaks about: its halves' years and every claim's and item's own year.
fn doc_years(d: &Document) -> Vec<i32> {
    let mut ys: Vec<i32> = d
        .summary_year
        .into_iter()
        .chain(d.plan_year)
        .chain(d.claims.iter().filter_map(|c| c.year))
        .chain(d.items.iter().filter_map(|i| i.year))
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys
}

/// All places with reports, grouped by city (cities first in name order), each with its years.
pub fn places(corpus: &Corpus) -> Vec<PlaceGroup> {
    let mut infos: Vec<PlaceInfo> = Vec::new();
    for d in &corpus.documents {
        let ys = doc_years(d);
        match infos.iter_mut().find(|p| p.name == d.region.name) {
            Some(p) => {
                p.years.extend(ys);
                p.years.sort_unstable();
                p.years.dedup();
                p.warned |= !d.warnings.is_empty();
            }
            None => infos.push(PlaceInfo {
                name: d.region.name.clone(),
                level: d.region.level,
                parent: d.region.parent.clone(),
                years: ys,
                warned: !d.warnings.is_empty(),
            }),
        }
    }
    let mut groups: Vec<PlaceGroup> = Vec::new();
    // Cities and places without a known city parent head their own group.
    for p in infos.iter().filter(|p| !is_under_city(p)) {
        groups.push(PlaceGroup {
            city: p.name.clone(),
            info: Some(p.clone()),
            children: vec![],
        });
    }
    for p in infos.iter().filter(|p| is_under_city(p)) {
        let city = p.parent.clone().unwrap_or_default();
        match groups.iter_mut().find(|g| g.city == city) {
            Some(g) => g.children.push(p.clone()),
            None => groups.push(PlaceGroup {
                city,
                info: None,
                children: vec![p.clone()],
            }),
        }
    }
    for g in &mut groups {
        g.children.sort_by(|a, b| a.name.cmp(&b.name));
    }
    groups.sort_by(|a, b| a.city.cmp(&b.city));
    groups
}

fn is_under_city(p: &PlaceInfo) -> bool {
    matches!(p.level, Level::County | Level::District)
        && p.parent.as_deref().is_some_and(|c| c.ends_with('市'))
}

/// Every place-year that exists in the corpus, in display order.
pub fn all_place_years(corpus: &Corpus) -> Vec<PlaceYear> {
    let mut out = Vec::new();
    for g in places(corpus) {
        for p in g.info.iter().chain(g.children.iter()) {
            for &y in &p.years {
                out.push(PlaceYear::new(&p.name, y));
            }
        }
    }
    out
}

/// The claims of one cell: a place-year and an indicator, goals and achievements apart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub goals: Vec<ClaimId>,
    pub achievements: Vec<ClaimId>,
    pub statuses: Vec<Status>,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.achievements.is_empty()
    }
}

/// One indicator across the selected place-years.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub indicator: &'static str,
    pub cells: Vec<Cell>,
}

/// Looks a claim up.
pub fn claim(corpus: &Corpus, id: ClaimId) -> Option<(&Document, &Claim)> {
    let d = corpus.documents.get(id.doc)?;
    Some((d, d.claims.get(id.claim)?))
}

/// Claims of a place for a year and indicator (`None` = claims without an indicator).
pub fn claims_for<'a>(
    corpus: &'a Corpus,
    py: &PlaceYear,
    indicator: Option<&str>,
) -> impl Iterator<Item = ClaimId> + 'a {
    let place = py.place.clone();
    let year = py.year;
    let indicator = indicator.map(str::to_string);
    corpus
        .documents
        .iter()
        .enumerate()
        .filter(move |(_, d)| d.region.name == place)
        .flat_map(move |(di, d)| {
            let indicator = indicator.clone();
            d.claims
                .iter()
                .enumerate()
                .filter(move |(_, c)| c.year == Some(year) && c.indicator == indicator)
                .map(move |(ci, _)| ClaimId { doc: di, claim: ci })
        })
}

/// The indicator table: one row per indicator that has a claim in any selected column.
pub fn indicator_rows(corpus: &Corpus, columns: &[PlaceYear]) -> Vec<Row> {
    INDICATORS
        .iter()
        .filter_map(|info| {
            let cells: Vec<Cell> = columns
                .iter()
                .map(|py| {
                    let mut cell = Cell::default();
                    for id in claims_for(corpus, py, Some(info.id)) {
                        match corpus.documents[id.doc].claims[id.claim].kind {
                            Kind::Goal => cell.goals.push(id),
                            Kind::Achievement => cell.achievements.push(id),
                        }
                    }
                    cell.statuses = statuses(corpus, py, info.id, &cell.goals);
                    cell
                })
                .collect();
            cells.iter().any(|c| !c.is_empty()).then_some(Row {
                indicator: info.id,
                cells,
            })
        })
        .collect()
}

/// How a target compares with a result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    Met,
    Exceeded,
    Missed,
}

/// What a goal says against the place's achievements.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    /// A goal for year Y and a claimed result for Y: `margin` is result − target, in the goal's
    /// unit (for ranks: positions, positive = better than the target).
    Outcome {
        goal: ClaimId,
        result: ClaimId,
        verdict: Verdict,
        margin: f64,
    },
    /// A goal for Y against the result for Y−1: `change` is the target's relative change in %
    /// (for ranks: positions gained).
    Ambition {
        goal: ClaimId,
        last: ClaimId,
        change: f64,
    },
}

/// Converts a value between units of the same dimension (亿元/万元/元, 万平方米/平方米, 万人/人).
pub fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    if from == to {
        return Some(value);
    }
    fn scale(u: &str) -> Option<(&'static str, f64)> {
        Some(match u {
            "亿元" => ("元", 1e8),
            "万元" => ("元", 1e4),
            "元" => ("元", 1.0),
            "万平方米" | "万方" => ("平方米", 1e4),
            "平方米" => ("平方米", 1.0),
            "万人" => ("人", 1e4),
            "人" | "名" => ("人", 1.0),
            "家" | "个" => ("家", 1.0),
            _ => return None,
        })
    }
    let (da, fa) = scale(from)?;
    let (db, fb) = scale(to)?;
    (da == db).then_some(value * fa / fb)
}

/// Characters two subjects share (a rough "same thing counted" test for pairing claims).
fn overlap(a: &str, b: &str) -> usize {
    let bs: Vec<char> = b.chars().collect();
    a.chars().filter(|c| bs.contains(c)).count()
}

/// Picks, among candidate results, the one measuring the same thing as the goal.
fn best_match<'a>(
    corpus: &'a Corpus,
    goal: &Claim,
    candidates: impl Iterator<Item = ClaimId>,
) -> Option<(ClaimId, &'a Claim, f64)> {
    let g_unit = goal.unit.as_str();
    candidates
        .filter_map(|id| {
            let (_, c) = claim(corpus, id)?;
            if c.kind != Kind::Achievement || c.measure != goal.measure || c.redacted {
                return None;
            }
            let v = convert(c.value?, &c.unit, g_unit)
                .or_else(|| (c.unit.is_empty() || g_unit.is_empty()).then_some(c.value?))?;
            Some((id, c, v))
        })
        .max_by_key(|(_, c, _)| overlap(&c.subject, &goal.subject))
}

/// Status of each goal of a cell: against a same-year result, else against last year's.
pub fn statuses(corpus: &Corpus, py: &PlaceYear, ind: &str, goals: &[ClaimId]) -> Vec<Status> {
    let mut out = Vec::new();
    for &gid in goals {
        let Some((_, g)) = claim(corpus, gid) else {
            continue;
        };
        let Some(target) = g.value.filter(|_| !g.redacted) else {
            continue;
        };
        let same_year = claims_for(corpus, py, Some(ind));
        if let Some((rid, _, v)) = best_match(corpus, g, same_year) {
            let (verdict, margin) = judge(g, target, v);
            out.push(Status::Outcome {
                goal: gid,
                result: rid,
                verdict,
                margin,
            });
            continue;
        }
        let last_py = PlaceYear::new(&py.place, py.year - 1);
        let last_year = claims_for(corpus, &last_py, Some(ind));
        if let Some((lid, _, v)) = best_match(corpus, g, last_year) {
            let change = if g.measure == Measure::Rank {
                v - target
            } else if v != 0.0 {
                (target - v) / v.abs() * 100.0
            } else {
                continue;
            };
            out.push(Status::Ambition {
                goal: gid,
                last: lid,
                change,
            });
        }
    }
    out
}

/// Judges a result against a goal. Ranks: smaller is better.
fn judge(goal: &Claim, target: f64, result: f64) -> (Verdict, f64) {
    const EPS: f64 = 1e-9;
    if goal.measure == Measure::Rank {
        let margin = target - result;
        let v = if margin > EPS {
            Verdict::Exceeded
        } else if margin >= -EPS {
            Verdict::Met
        } else {
            Verdict::Missed
        };
        return (v, margin);
    }
    let (lo, hi) = match (goal.bound, goal.value_max) {
        (Bound::Range, Some(max)) => (target, max),
        _ => (target, target),
    };
    let below = result < lo - EPS
        || (goal.bound == Bound::MoreThan && result <= lo + EPS && goal.value_max.is_none());
    if below {
        (Verdict::Missed, result - lo)
    } else if result > hi + EPS {
        (Verdict::Exceeded, result - hi)
    } else {
        (Verdict::Met, result - lo)
    }
}

/// Trims a float for display: at most two decimals, no trailing zeros.
pub fn num(v: f64) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn scope_label(scope: Option<Scope>, lang: Lang) -> &'static str {
    match scope {
        Some(Scope::National) => lang.pick("全国", "national"),
        Some(Scope::Province) => lang.pick("全省", "in the province"),
        Some(Scope::City) => lang.pick("全市", "in the city"),
        Some(Scope::County) => lang.pick("全县(区)", "in the county"),
        Some(Scope::Region) => lang.pick("区域内", "in the region"),
        None => "",
    }
}

/// English for the units that occur.
pub fn unit_label(unit: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return unit.to_string();
    }
    match unit {
        "亿元" => " × 100 M yuan",
        "万元" => " × 10,000 yuan",
        "元" => " yuan",
        "家" | "个" => "",
        "项" => " items",
        "件" => " patents",
        "人" | "名" => " people",
        "支" => " teams",
        "万平方米" => " × 10,000 m²",
        "万人年" => " × 10,000 person-years",
        "%" => "%",
        other => other,
    }
    .to_string()
}

/// Formats a claim's number in the unit `unit` (converted when possible), with its bound:
/// `≥25家`, `>709亿元`, `≈1000项`, `3–5个`, `全省第5`, redacted as `已隐去`.
pub fn format_claim(c: &Claim, unit: Option<&str>, lang: Lang) -> String {
    if c.redacted || c.value.is_none() {
        return lang.pick("数值已隐去", "value redacted").to_string();
    }
    let v = c.value.unwrap_or_default();
    if c.measure == Measure::Rank {
        let scope = scope_label(c.scope, lang);
        let top = matches!(c.bound, Bound::AtLeast | Bound::Approx) || c.text.contains('前');
        return match (lang, top) {
            (Lang::Zh, false) => format!("{scope}第{}", num(v)),
            (Lang::Zh, true) => format!("{scope}前{}", num(v)),
            (Lang::En, false) => format!("#{} {scope}", num(v)).trim().to_string(),
            (Lang::En, true) => format!("top {} {scope}", num(v)).trim().to_string(),
        };
    }
    let (v, vmax, u) = match unit.and_then(|u| Some((convert(v, &c.unit, u)?, u))) {
        Some((cv, u)) => (
            cv,
            c.value_max.and_then(|m| convert(m, &c.unit, u)),
            u.to_string(),
        ),
        None => (v, c.value_max, c.unit.clone()),
    };
    let ul = unit_label(&u, lang);
    let sign = if c.measure == Measure::Growth && v > 0.0 {
        "+"
    } else {
        ""
    };
    let body = match vmax {
        Some(m) if c.bound == Bound::Range => format!("{}–{}{ul}", num(v), num(m)),
        _ => format!("{sign}{}{ul}", num(v)),
    };
    let prefix = match c.bound {
        Bound::Exact | Bound::Range => "",
        Bound::AtLeast => "≥",
        Bound::MoreThan => ">",
        Bound::Nearly => lang.pick("近", "nearly "),
        Bound::Approx => "≈",
    };
    format!("{prefix}{body}")
}

/// A short label of what kind of number it is (level needs none).
pub fn measure_label(m: Measure, lang: Lang) -> &'static str {
    match m {
        Measure::Level => "",
        Measure::Growth => lang.pick("增速", "growth"),
        Measure::Share => lang.pick("占比", "share"),
        Measure::Rank => lang.pick("排名", "rank"),
    }
}

/// Modality word for goals.
pub fn modality_label(m: Option<Modality>, lang: Lang) -> &'static str {
    match m {
        Some(Modality::Ensure) => lang.pick("确保", "ensure"),
        Some(Modality::Strive) => lang.pick("力争", "strive"),
        None => "",
    }
}

/// A status in words, e.g. `超额完成 +13家` / `target −11.5% vs last year`.
pub fn status_text(corpus: &Corpus, s: &Status, lang: Lang) -> String {
    match *s {
        Status::Outcome {
            goal,
            verdict,
            margin,
            ..
        } => {
            let unit = claim(corpus, goal)
                .map(|(_, g)| {
                    if g.measure == Measure::Rank {
                        lang.pick("位", " places").to_string()
                    } else {
                        unit_label(&g.unit, lang)
                    }
                })
                .unwrap_or_default();
            let m = if margin > 0.0 {
                format!("+{}{unit}", num(margin))
            } else {
                format!("{}{unit}", num(margin))
            };
            match verdict {
                Verdict::Met => lang.pick("✓ 达成目标", "✓ target met").to_string(),
                Verdict::Exceeded => format!("{} {m}", lang.pick("▲ 超额完成", "▲ exceeded by")),
                Verdict::Missed => format!("{} {m}", lang.pick("▼ 未达成", "▼ missed by")),
            }
        }
        Status::Ambition { goal, change, .. } => {
            let rank = claim(corpus, goal).is_some_and(|(_, g)| g.measure == Measure::Rank);
            let sign = if change > 0.0 { "+" } else { "" };
            if rank {
                format!(
                    "{} {sign}{}{}",
                    lang.pick("目标较上年排名", "target vs last year's rank:"),
                    num(change),
                    lang.pick("位", " places")
                )
            } else {
                format!(
                    "{} {sign}{}%",
                    lang.pick("目标较上年实绩", "target vs last year's result:"),
                    num(change)
                )
            }
        }
    }
}

/// Display name of an indicator id.
pub fn indicator_name(id: &str, lang: Lang) -> &str {
    indicator(id).map_or(id, |i| lang.pick(i.name_zh, i.name_en))
}

/// Quotes one CSV field (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The current comparison as CSV: one line per claim, UTF-8 with a BOM so spreadsheet programs
/// read the Chinese correctly.
pub fn comparison_csv(corpus: &Corpus, columns: &[PlaceYear], lang: Lang) -> String {
    let header = [
        lang.pick("指标", "indicator"),
        lang.pick("地区", "place"),
        lang.pick("年份", "year"),
        lang.pick("类型", "kind"),
        lang.pick("口径", "measure"),
        lang.pick("数值", "value"),
        lang.pick("上限", "value_max"),
        lang.pick("单位", "unit"),
        lang.pick("界限", "bound"),
        lang.pick("力度", "modality"),
        lang.pick("预计", "estimated"),
        lang.pick("已隐去", "redacted"),
        lang.pick("来源报告", "report"),
        lang.pick("原文", "source sentence"),
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&header.map(csv_field).join(","));
    out.push_str("\r\n");
    for row in indicator_rows(corpus, columns) {
        for (py, cell) in columns.iter().zip(&row.cells) {
            for &id in cell.goals.iter().chain(&cell.achievements) {
                let Some((d, c)) = claim(corpus, id) else {
                    continue;
                };
                let fields = [
                    indicator_name(row.indicator, lang).to_string(),
                    py.place.clone(),
                    py.year.to_string(),
                    match c.kind {
                        Kind::Goal => lang.pick("目标", "goal"),
                        Kind::Achievement => lang.pick("实绩", "achievement"),
                    }
                    .to_string(),
                    format!("{:?}", c.measure).to_lowercase(),
                    c.value.map(num).unwrap_or_default(),
                    c.value_max.map(num).unwrap_or_default(),
                    c.unit.clone(),
                    format!("{:?}", c.bound).to_lowercase(),
                    modality_label(c.modality, lang).to_string(),
                    c.estimated.to_string(),
                    c.redacted.to_string(),
                    d.title.clone(),
                    c.text.clone(),
                ];
                out.push_str(
                    &fields
                        .iter()
                        .map(|f| csv_field(f))
                        .collect::<Vec<_>>()
                        .join(","),
                );
                out.push_str("\r\n");
            }
        }
    }
    out
}

/// Char ranges where `query` occurs in `text` (ASCII case-insensitive), for highlighting.
pub fn find_matches(text: &str, query: &str) -> Vec<(usize, usize)> {
    let q: Vec<char> = query
        .trim()
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if q.is_empty() {
        return vec![];
    }
    let t: Vec<char> = text.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= t.len() {
        if t[i..i + q.len()] == q[..] {
            out.push((i, i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Items of a place for a year, grouped by topic in the fixed topic order (items without a topic
/// last, under `None`).
pub fn items_by_topic<'a>(
    corpus: &'a Corpus,
    py: &PlaceYear,
) -> Vec<(Option<Topic>, Vec<&'a Item>)> {
    let items: Vec<&Item> = corpus
        .documents
        .iter()
        .filter(|d| d.region.name == py.place)
        .flat_map(|d| d.items.iter())
        .filter(|i| i.year == Some(py.year))
        .collect();
    Topic::ALL
        .iter()
        .map(|&t| Some(t))
        .chain([None])
        .filter_map(|t| {
            let group: Vec<&Item> = items.iter().copied().filter(|i| i.topic == t).collect();
            (!group.is_empty()).then_some((t, group))
        })
        .collect()
}

/// Documents that contribute to a place-year.
pub fn docs_for(corpus: &Corpus, py: &PlaceYear) -> Vec<usize> {
    corpus
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| d.region.name == py.place && doc_years(d).contains(&py.year))
        .map(|(i, _)| i)
        .collect()
}

/// One chart column: the goal and the achievement bar, each a claim and its value.
pub type Bars = (Option<(ClaimId, f64)>, Option<(ClaimId, f64)>);

/// Bar-chart data for one indicator: per column, the first level goal and achievement, in the
/// indicator's unit (unconvertible or redacted values are left out).
pub fn chart_values(
    corpus: &Corpus,
    columns: &[PlaceYear],
    ind: &str,
) -> Vec<Bars> {
    let unit = indicator(ind).map_or("", |i| i.unit);
    let row = indicator_rows(corpus, columns)
        .into_iter()
        .find(|r| r.indicator == ind);
    let pick = |ids: &[ClaimId]| {
        ids.iter().find_map(|&id| {
            let (_, c) = claim(corpus, id)?;
            if c.redacted || c.measure != Measure::Level {
                return None;
            }
            let v = convert(c.value?, &c.unit, unit).or(c.value)?;
            Some((id, v))
        })
    };
    match row {
        Some(r) => r
            .cells
            .iter()
            .map(|c| (pick(&c.goals), pick(&c.achievements)))
            .collect(),
        None => columns.iter().map(|_| (None, None)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_of(kind: Kind, year: i32, ind: &str, value: f64, unit: &str) -> Claim {
        Claim {
            kind,
            year: Some(year),
            indicator: Some(ind.into()),
            subject: "新增国家高新技术企业".into(),
            measure: Measure::Level,
            value: Some(value),
            value_max: None,
            unit: unit.into(),
            bound: Bound::Exact,
            scope: None,
            modality: None,
            estimated: false,
            redacted: false,
            text: "新增国家高新技术企业113家".into(),
            start: 0,
            end: 0,
            number_start: 0,
            number_end: 0,
        }
    }

    fn doc(name: &str, level: Level, parent: &str, claims: Vec<Claim>) -> Document {
        Document {
            id: name.into(),
            file: format!("seeds/{name}.txt"),
            title: format!("{name}报告"),
            region: Region {
                name: name.into(),
                level,
                parent: Some(parent.into()),
                inferred: false,
                evidence: None,
            },
            published: None,
            summary_year: Some(2021),
            plan_year: Some(2022),
            warnings: vec![],
            items: vec![],
            claims,
            text: String::new(),
        }
    }

    fn quzhou() -> Corpus {
        Corpus::new(vec![
            doc(
                "衢州市",
                Level::City,
                "浙江省",
                vec![
                    claim_of(
                        Kind::Achievement,
                        2021,
                        "high_tech_enterprises",
                        113.0,
                        "家",
                    ),
                    claim_of(Kind::Goal, 2022, "high_tech_enterprises", 100.0, "家"),
                ],
            ),
            doc("江山市", Level::County, "衢州市", vec![]),
            doc("新昌县", Level::County, "绍兴市", vec![]),
        ])
    }

    #[test]
    fn places_group_counties_under_their_city() {
        let g = places(&quzhou());
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].city, "绍兴市");
        assert!(g[0].info.is_none());
        assert_eq!(g[0].children[0].name, "新昌县");
        assert_eq!(g[1].city, "衢州市");
        assert_eq!(g[1].info.as_ref().unwrap().years, vec![2021, 2022]);
        assert_eq!(g[1].children[0].name, "江山市");
    }

    #[test]
    fn ambition_against_last_years_result() {
        let c = quzhou();
        let cols = [
            PlaceYear::new("衢州市", 2021),
            PlaceYear::new("衢州市", 2022),
        ];
        let rows = indicator_rows(&c, &cols);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].indicator, "high_tech_enterprises");
        assert_eq!(rows[0].cells[0].achievements.len(), 1);
        assert_eq!(rows[0].cells[1].goals.len(), 1);
        match rows[0].cells[1].statuses[..] {
            [Status::Ambition { change, .. }] => assert!((change + 11.504).abs() < 0.01),
            ref other => panic!("{other:?}"),
        }
        assert_eq!(
            status_text(&c, &rows[0].cells[1].statuses[0], Lang::Zh),
            "目标较上年实绩 -11.5%"
        );
    }

    fn outcome(goal: Claim, result: Claim) -> (Verdict, f64) {
        let c = Corpus::new(vec![doc(
            "衢州市",
            Level::City,
            "浙江省",
            vec![goal, result],
        )]);
        let py = PlaceYear::new("衢州市", 2022);
        let ids = [ClaimId { doc: 0, claim: 0 }];
        match statuses(&c, &py, "high_tech_enterprises", &ids)[..] {
            [Status::Outcome {
                verdict, margin, ..
            }] => (verdict, margin),
            ref other => panic!("{other:?}"),
        }
    }

    #[test]
    fn outcome_met_exceeded_missed() {
        let g = |v| claim_of(Kind::Goal, 2022, "high_tech_enterprises", v, "家");
        let a = |v| claim_of(Kind::Achievement, 2022, "high_tech_enterprises", v, "家");
        assert_eq!(outcome(g(100.0), a(113.0)), (Verdict::Exceeded, 13.0));
        assert_eq!(outcome(g(100.0), a(100.0)), (Verdict::Met, 0.0));
        assert_eq!(outcome(g(100.0), a(90.0)), (Verdict::Missed, -10.0));
        // A range is met anywhere inside it.
        let mut r = g(3.0);
        r.bound = Bound::Range;
        r.value_max = Some(5.0);
        assert_eq!(outcome(r.clone(), a(4.0)).0, Verdict::Met);
        assert_eq!(outcome(r, a(6.0)), (Verdict::Exceeded, 1.0));
        // "More than 140" is missed by exactly 140.
        let mut m = g(140.0);
        m.bound = Bound::MoreThan;
        assert_eq!(outcome(m, a(140.0)).0, Verdict::Missed);
    }

    #[test]
    fn outcome_converts_units_and_ranks_are_smaller_is_better() {
        let g = claim_of(Kind::Goal, 2022, "high_tech_enterprises", 1.0, "亿元");
        let a = claim_of(
            Kind::Achievement,
            2022,
            "high_tech_enterprises",
            12000.0,
            "万元",
        );
        let (v, m) = outcome(g, a);
        assert_eq!(v, Verdict::Exceeded);
        assert!((m - 0.2).abs() < 1e-9);
        let mut g = claim_of(Kind::Goal, 2022, "high_tech_enterprises", 20.0, "位");
        g.measure = Measure::Rank;
        let mut a = claim_of(Kind::Achievement, 2022, "high_tech_enterprises", 15.0, "位");
        a.measure = Measure::Rank;
        assert_eq!(outcome(g, a), (Verdict::Exceeded, 5.0));
    }

    #[test]
    fn redacted_and_other_measures_give_no_status() {
        let c = Corpus::new(vec![doc(
            "衢州市",
            Level::City,
            "浙江省",
            vec![
                claim_of(Kind::Goal, 2022, "high_tech_enterprises", 100.0, "家"),
                Claim {
                    redacted: true,
                    value: None,
                    ..claim_of(Kind::Achievement, 2022, "high_tech_enterprises", 0.0, "家")
                },
                Claim {
                    measure: Measure::Growth,
                    ..claim_of(Kind::Achievement, 2022, "high_tech_enterprises", 12.0, "%")
                },
            ],
        )]);
        let py = PlaceYear::new("衢州市", 2022);
        assert!(statuses(
            &c,
            &py,
            "high_tech_enterprises",
            &[ClaimId { doc: 0, claim: 0 }]
        )
        .is_empty());
    }

    #[test]
    fn conversion() {
        assert_eq!(convert(1.5, "亿元", "万元"), Some(15000.0));
        assert_eq!(convert(7900.0, "万元", "亿元"), Some(0.79));
        assert_eq!(convert(705.0, "万方", "万平方米"), Some(705.0));
        assert_eq!(convert(3.0, "家", "亿元"), None);
        assert_eq!(convert(3.0, "项", "件"), None);
    }

    #[test]
    fn formatting() {
        let mut c = claim_of(Kind::Goal, 2022, "high_tech_enterprises", 25.0, "家");
        c.bound = Bound::AtLeast;
        assert_eq!(format_claim(&c, None, Lang::Zh), "≥25家");
        assert_eq!(format_claim(&c, None, Lang::En), "≥25");
        c.bound = Bound::Range;
        c.value = Some(3.0);
        c.value_max = Some(5.0);
        assert_eq!(format_claim(&c, None, Lang::Zh), "3–5家");
        let mut m = claim_of(Kind::Achievement, 2021, "science_funding", 7900.0, "万元");
        m.bound = Bound::MoreThan;
        assert_eq!(format_claim(&m, Some("亿元"), Lang::Zh), ">0.79亿元");
        m.redacted = true;
        assert_eq!(format_claim(&m, None, Lang::Zh), "数值已隐去");
        let mut r = claim_of(Kind::Achievement, 2021, "x", 3.0, "位");
        r.measure = Measure::Rank;
        r.scope = Some(Scope::Province);
        assert_eq!(format_claim(&r, None, Lang::Zh), "全省第3");
        assert_eq!(format_claim(&r, None, Lang::En), "#3 in the province");
        let mut g = claim_of(Kind::Achievement, 2021, "x", 45.4, "%");
        g.measure = Measure::Growth;
        assert_eq!(format_claim(&g, None, Lang::Zh), "+45.4%");
        assert_eq!(num(2.0), "2");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(33.333), "33.33");
    }

    #[test]
    fn csv_quotes_and_has_bom() {
        let mut c = quzhou();
        c.documents[0].claims[0].text = "a,\"b\"\nc".into();
        let cols = [PlaceYear::new("衢州市", 2021)];
        let csv = comparison_csv(&c, &cols, Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("\u{feff}指标,地区,年份"));
        assert!(lines[1].starts_with("高新技术企业,衢州市,2021,实绩,level,113,,家,exact,"));
        assert!(lines[1].ends_with("\"a,\"\"b\"\"\nc\""));
        assert_eq!(lines.len(), 3); // header, one claim, trailing empty
    }

    #[test]
    fn filter_finds_all_matches_case_insensitively() {
        assert_eq!(
            find_matches("建设R&D平台和r&d中心", "R&D"),
            vec![(2, 5), (8, 11)]
        );
        assert!(find_matches("abc", "  ").is_empty());
        assert_eq!(find_matches("平台平台", "平台"), vec![(0, 2), (2, 4)]);
    }

    #[test]
    fn chart_values_take_level_claims_in_the_indicator_unit() {
        let c = quzhou();
        let cols = [
            PlaceYear::new("衢州市", 2021),
            PlaceYear::new("衢州市", 2022),
        ];
        let v = chart_values(&c, &cols, "high_tech_enterprises");
        assert_eq!(v[0].1.map(|x| x.1), Some(113.0));
        assert_eq!(v[1].0.map(|x| x.1), Some(100.0));
        assert!(v[0].0.is_none());
    }
}
