//! Scorecard (成绩单): each goal a place set for a year beside what the same place's report for
//! that year claims came of it, with a verdict, the margin and both sentences.
//!
//! A goal is judged against an achievement of the same place and year on the same indicator with
//! a compatible measure ([`comparable`]: level, growth, share or rank alike, units convertible, new
//! additions never against totals). A `确保` floor and a `力争` stretch stated together are one
//! line judged twice: the verdict is the floor's, the stretch's is shown beside it.

use super::*;

/// What came of a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The result reaches the goal (and no more than its top).
    Met,
    /// The result is beyond the goal.
    Exceeded,
    /// The result falls short.
    Missed,
    /// The place's report for the year says nothing on the goal's indicator.
    NotReported,
    /// A result is there but cannot be judged against the goal (see [`Why`]).
    NotComparable,
    /// The corpus has no report on that year for the place yet.
    Awaiting,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::Met,
        Outcome::Exceeded,
        Outcome::Missed,
        Outcome::NotReported,
        Outcome::NotComparable,
        Outcome::Awaiting,
    ];

    /// Stable id (CSV, CSS classes, tests).
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::Exceeded => "exceeded",
            Outcome::Missed => "missed",
            Outcome::NotReported => "not_reported",
            Outcome::NotComparable => "not_comparable",
            Outcome::Awaiting => "awaiting",
        }
    }

    pub fn name(self, en: bool) -> &'static str {
        match (self, en) {
            (Outcome::Met, false) => "达成",
            (Outcome::Met, true) => "met",
            (Outcome::Exceeded, false) => "超额",
            (Outcome::Exceeded, true) => "exceeded",
            (Outcome::Missed, false) => "未达成",
            (Outcome::Missed, true) => "missed",
            (Outcome::NotReported, false) => "未报告",
            (Outcome::NotReported, true) => "not reported",
            (Outcome::NotComparable, false) => "无法比较",
            (Outcome::NotComparable, true) => "not comparable",
            (Outcome::Awaiting, false) => "尚无当年报告",
            (Outcome::Awaiting, true) => "no report yet",
        }
    }

    /// A judged verdict's outcome (and so its name).
    pub fn of(v: Verdict) -> Outcome {
        match v {
            Verdict::Met => Outcome::Met,
            Verdict::Exceeded => Outcome::Exceeded,
            Verdict::Missed => Outcome::Missed,
        }
    }
}

impl Line {
    /// The line as the table's status badge: only when it was judged.
    pub fn status(&self) -> Option<Status> {
        let verdict = match self.outcome {
            Outcome::Met => Verdict::Met,
            Outcome::Exceeded => Verdict::Exceeded,
            Outcome::Missed => Verdict::Missed,
            _ => return None,
        };
        Some(Status {
            goal: self.goal,
            result: self.result?,
            verdict,
            margin: self.margin.clone()?,
            approximate: self.approximate || self.estimated,
        })
    }
}

/// Why a goal could not be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Why {
    /// The goal's or the result's number is masked (`xx家`).
    Redacted,
    /// The result measures something else: growth against a level, another unit, a total against
    /// new additions, a rank in another scope.
    OtherMeasure,
    /// Several results fit equally well.
    Ambiguous,
    /// The goal fits no indicator and no result reads like it.
    NoIndicator,
}

impl Why {
    pub fn text(self, en: bool) -> &'static str {
        match (self, en) {
            (Why::Redacted, false) => "数字被隐去",
            (Why::Redacted, true) => "the number is masked",
            (Why::OtherMeasure, false) => "报告的是另一口径",
            (Why::OtherMeasure, true) => "the report gives a different measure",
            (Why::Ambiguous, false) => "有多个同类结果,无法确定对应哪一个",
            (Why::Ambiguous, true) => "several results fit equally",
            (Why::NoIndicator, false) => "未归入指标,未找到对应结果",
            (Why::NoIndicator, true) => "no indicator, and no result reads like it",
        }
    }
}

/// One goal (or floor and stretch) and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The goal, or the floor of a floor-and-stretch pair.
    pub goal: ClaimRef,
    /// The `力争` stretch stated with the floor (`确保2.3%,力争2.4%`).
    pub stretch: Option<ClaimRef>,
    pub result: Option<ClaimRef>,
    pub outcome: Outcome,
    /// How far the result is from the goal ([`evaluate`]); for judged lines only.
    pub margin: Option<Margin>,
    /// The stretch judged against the same result.
    pub stretch_verdict: Option<Verdict>,
    pub why: Option<Why>,
    /// The result is an estimate (`预计`).
    pub estimated: bool,
    /// The result is not exact (`超`, `近`, `约`, a range).
    pub approximate: bool,
}

/// Counts of a card's lines by outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub goals: usize,
    pub met: usize,
    pub exceeded: usize,
    pub missed: usize,
    pub not_reported: usize,
    pub not_comparable: usize,
    pub awaiting: usize,
}

impl Tally {
    pub fn count(&self, o: Outcome) -> usize {
        match o {
            Outcome::Met => self.met,
            Outcome::Exceeded => self.exceeded,
            Outcome::Missed => self.missed,
            Outcome::NotReported => self.not_reported,
            Outcome::NotComparable => self.not_comparable,
            Outcome::Awaiting => self.awaiting,
        }
    }

    /// Share of the judged goals (met, exceeded or missed) that were met or exceeded, in %.
    pub fn rate(&self) -> Option<f64> {
        let judged = self.met + self.exceeded + self.missed;
        (judged > 0).then(|| (self.met + self.exceeded) as f64 / judged as f64 * 100.0)
    }
}

/// The scorecard of one place for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub place: PlaceYear,
    /// Reports of the place on that year's results (summaries of the year), by index.
    pub reports: Vec<usize>,
    pub lines: Vec<Line>,
}

impl Card {
    pub fn tally(&self) -> Tally {
        let mut t = Tally {
            goals: self.lines.len(),
            ..Tally::default()
        };
        for l in &self.lines {
            match l.outcome {
                Outcome::Met => t.met += 1,
                Outcome::Exceeded => t.exceeded += 1,
                Outcome::Missed => t.missed += 1,
                Outcome::NotReported => t.not_reported += 1,
                Outcome::NotComparable => t.not_comparable += 1,
                Outcome::Awaiting => t.awaiting += 1,
            }
        }
        t
    }
}

/// Cards for the selected columns that have goals, in column order.
pub fn scorecards(docs: &[Document], cols: &[PlaceYear]) -> Vec<Card> {
    cols.iter()
        .map(|py| scorecard(docs, py))
        .filter(|c| !c.lines.is_empty())
        .collect()
}

/// Every goal of a place for a year, in indicator order, judged against that year's results.
pub fn scorecard(docs: &[Document], py: &PlaceYear) -> Card {
    let reports: Vec<usize> = docs
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.region.name == py.place
                && d.region.level != Level::Unknown
                && d.summary_year == Some(py.year)
        })
        .map(|(i, _)| i)
        .collect();
    let mut found: Vec<ClaimRef> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        if d.region.name != py.place {
            continue;
        }
        for (ci, c) in d.claims.iter().enumerate() {
            if c.kind == Kind::Goal && claim_year(d, c) == Some(py.year) {
                found.push(ClaimRef { doc: di, claim: ci });
            }
        }
    }
    // In indicator order, then as found: row by row rather than a sort (no sort code in the wasm).
    let mut goals = Vec::with_capacity(found.len());
    for row in INDICATORS.iter().map(|i| i.id).chain([OTHER]) {
        goals.extend(
            found
                .iter()
                .filter(|r| row_of(&docs[r.doc].claims[r.claim]) == row),
        );
    }
    let goals = dedup_goals(docs, goals);
    let lines = pair_stretches(docs, &goals)
        .into_iter()
        .map(|(goal, stretch)| judge(docs, goal, stretch))
        .collect();
    Card {
        place: py.clone(),
        reports,
        lines,
    }
}

/// The same goal stated twice (in the overview and again in its section) counts once.
fn dedup_goals(docs: &[Document], goals: Vec<ClaimRef>) -> Vec<ClaimRef> {
    let mut out: Vec<ClaimRef> = Vec::new();
    for g in goals {
        let c = &docs[g.doc].claims[g.claim];
        let twin = out.iter().any(|o| {
            let d = &docs[o.doc].claims[o.claim];
            row_of(d) == row_of(c)
                && row_of(c) != OTHER
                && d.measure == c.measure
                && d.value == c.value
                && d.value_max == c.value_max
                && d.unit == c.unit
                && d.modality == c.modality
        });
        if !twin {
            out.push(g);
        }
    }
    out
}

/// Pairs each `力争` stretch with the floor stated in the same sentence on the same indicator
/// and measure (`确保达到2.3%,力争2.4%`; `达到3.3%、争取达到3.4%`).
fn pair_stretches(docs: &[Document], goals: &[ClaimRef]) -> Vec<(ClaimRef, Option<ClaimRef>)> {
    let claim = |r: &ClaimRef| &docs[r.doc].claims[r.claim];
    let mut taken = vec![false; goals.len()];
    let mut out = Vec::new();
    for (i, g) in goals.iter().enumerate() {
        if taken[i] {
            continue;
        }
        let c = claim(g);
        let partner = (c.modality != Some(Modality::Strive))
            .then(|| {
                goals.iter().enumerate().position(|(k, s)| {
                    let d = claim(s);
                    k != i
                        && !taken[k]
                        && s.doc == g.doc
                        && d.modality == Some(Modality::Strive)
                        && d.start == c.start
                        && row_of(d) == row_of(c)
                        && d.measure == c.measure
                        && d.value.zip(c.value).is_some_and(|(s, f)| {
                            let f = convert(f, &c.unit, &d.unit).unwrap_or(f64::NAN);
                            if d.measure == Measure::Rank {
                                s < f
                            } else {
                                s > f
                            }
                        })
                })
            })
            .flatten();
        taken[i] = true;
        if let Some(k) = partner {
            taken[k] = true;
        }
        out.push((*g, partner.map(|k| goals[k])));
    }
    out
}

/// Whether another report speaks for the same place: reports of an unknown place (`未知`) speak
/// only for themselves.
fn same_place(docs: &[Document], a: usize, b: usize) -> bool {
    a == b || (docs[a].region.level != Level::Unknown && docs[a].region.name == docs[b].region.name)
}

/// Whether the goal's place has any achievement for the year, or a report on its results.
fn reported(docs: &[Document], goal_doc: usize, year: i32) -> bool {
    docs.iter().enumerate().any(|(di, d)| {
        same_place(docs, goal_doc, di)
            && (d.summary_year == Some(year)
                || d.claims
                    .iter()
                    .any(|c| c.kind == Kind::Achievement && claim_year(d, c) == Some(year)))
    })
}

/// Achievements of the goal's place and year that could be about it: on its indicator's row, or
/// for a goal without one, the unassigned results whose subject reads like the goal's.
pub(super) fn candidates(docs: &[Document], goal: ClaimRef, year: i32) -> Vec<ClaimRef> {
    let g = &docs[goal.doc].claims[goal.claim];
    let py = PlaceYear::new(&docs[goal.doc].region.name, year);
    let row = row_of(g);
    claims_at(docs, &py, row)
        .into_iter()
        .filter(|r| {
            let c = &docs[r.doc].claims[r.claim];
            // Three shared character pairs: `省级重点实验室` is like `省级重点实验室建设`, not
            // like `省级孵化器`.
            c.kind == Kind::Achievement
                && same_place(docs, goal.doc, r.doc)
                && (row != OTHER || shared_pairs(&g.subject, &c.subject) >= 3)
        })
        .collect()
}

/// What came of one goal (and its stretch).
pub fn judge(docs: &[Document], goal: ClaimRef, stretch: Option<ClaimRef>) -> Line {
    let g = &docs[goal.doc].claims[goal.claim];
    let mut line = Line {
        goal,
        stretch,
        result: None,
        outcome: Outcome::NotComparable,
        margin: None,
        stretch_verdict: None,
        why: None,
        estimated: false,
        approximate: false,
    };
    let Some(year) = claim_year(&docs[goal.doc], g) else {
        line.outcome = Outcome::Awaiting;
        return line;
    };
    let cands = candidates(docs, goal, year);
    if cands.is_empty() {
        line.outcome = if !reported(docs, goal.doc, year) {
            Outcome::Awaiting
        } else if row_of(g) == OTHER {
            line.why = Some(Why::NoIndicator);
            Outcome::NotComparable
        } else {
            Outcome::NotReported
        };
        return line;
    }
    if g.redacted || g.value.is_none() {
        line.why = Some(Why::Redacted);
        return line;
    }
    let Some(result) = pick(docs, g, &cands) else {
        let any_fits = cands
            .iter()
            .any(|r| r.get(docs).is_some_and(|c| comparable(g, c)));
        let all_masked = cands
            .iter()
            .all(|r| r.get(docs).is_some_and(|c| c.redacted));
        line.why = Some(if any_fits {
            Why::Ambiguous
        } else if all_masked {
            Why::Redacted
        } else {
            Why::OtherMeasure
        });
        line.result = (cands.len() == 1).then_some(cands[0]);
        return line;
    };
    let r = &docs[result.doc].claims[result.claim];
    line.result = Some(result);
    line.estimated = r.estimated;
    line.approximate = r.bound != Bound::Exact;
    if let Some((verdict, margin)) = evaluate(g, r) {
        line.outcome = Outcome::of(verdict);
        line.margin = Some(margin);
    }
    line.stretch_verdict = stretch
        .and_then(|s| s.get(docs))
        .and_then(|s| evaluate(s, r))
        .map(|(v, _)| v);
    line
}

/// A goal on an indicator's row judged on its own, as the table badges it: `None` for
/// achievements and for claims that fit no indicator.
pub fn goal_line(docs: &[Document], goal: ClaimRef) -> Option<Line> {
    let g = goal.get(docs)?;
    (g.kind == Kind::Goal && row_of(g) != OTHER).then(|| judge(docs, goal, None))
}

/// `12项目标:达成3 · 超额5 · 未达成1 · 未报告2` / `12 goals: 3 met · 5 exceeded · …`: every
/// outcome that occurs, in [`Outcome::ALL`] order.
pub fn format_tally(t: &Tally, en: bool) -> String {
    let parts: Vec<String> = Outcome::ALL
        .iter()
        .filter(|&&o| t.count(o) > 0)
        .map(|&o| {
            if en {
                format!("{} {}", t.count(o), o.name(true))
            } else {
                format!("{}{}", o.name(false), t.count(o))
            }
        })
        .collect();
    let head = if en {
        format!("{} goal{}", t.goals, if t.goals == 1 { "" } else { "s" })
    } else {
        format!("{}项目标", t.goals)
    };
    if parts.is_empty() {
        head
    } else if en {
        format!("{head}: {}", parts.join(" · "))
    } else {
        format!("{head}:{}", parts.join(" · "))
    }
}

/// The margin of a judged line as read: `+23家 (+7.7%)`, `-0.1个百分点`, `达标`.
pub fn format_margin(line: &Line, goal: &Claim, en: bool) -> String {
    let Some(m) = &line.margin else {
        return String::new();
    };
    if m.value.abs() < 1e-9 {
        return if en { "on target" } else { "恰好达标" }.to_string();
    }
    // A margin in % is in points: growth, shares and levels that are percentages.
    let mut s = if goal.measure == Measure::Rank {
        format!(
            "{}{}",
            fmt_signed(m.value, 2),
            if en { " places" } else { "位" }
        )
    } else if m.unit == "%" {
        format!(
            "{}{}",
            fmt_signed(m.value, 2),
            if en { " pp" } else { "个百分点" }
        )
    } else {
        signed_amount(m.value, &m.unit, en)
    };
    if let Some(p) = m.pct {
        s.push_str(&format!(" ({}%)", fmt_signed(p, 1)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testutil::*;

    /// A place with a plan for 2022 and, unless `summary` is false, a summary of 2022.
    fn pair(goals: Vec<Claim>, results: Vec<Claim>, summary: bool) -> Vec<Document> {
        let mut plan = doc("衢州市", Level::City, "浙江省", Some(2021), Some(2022));
        plan.claims = goals;
        let mut sum = doc("衢州市", Level::City, "浙江省", Some(2022), Some(2023));
        sum.id = "衢州市2022".into();
        sum.claims = results;
        if summary {
            vec![plan, sum]
        } else {
            vec![plan]
        }
    }

    fn card(docs: &[Document]) -> Card {
        scorecard(docs, &PlaceYear::new("衢州市", 2022))
    }

    fn with(mut c: Claim, f: impl FnOnce(&mut Claim)) -> Claim {
        f(&mut c);
        c
    }

    #[test]
    fn met_exceeded_and_missed_with_margins() {
        let docs = pair(
            vec![
                goal(300.0),
                with(claim(Kind::Goal, 2022, "rd_intensity", 2.3, "%"), |c| {
                    c.subject = "全社会R&D经费投入强度".into()
                }),
                with(
                    claim(Kind::Goal, 2022, "science_funding", 1.0, "亿元"),
                    |c| c.subject = "财政科技投入".into(),
                ),
            ],
            vec![
                ach(323.0),
                with(
                    claim(Kind::Achievement, 2022, "rd_intensity", 2.2, "%"),
                    |c| c.subject = "全社会R&D经费投入强度".into(),
                ),
                // 10000万元 = 1亿元: met exactly after converting units.
                with(
                    claim(Kind::Achievement, 2022, "science_funding", 10000.0, "万元"),
                    |c| c.subject = "财政科技投入".into(),
                ),
            ],
            true,
        );
        let c = card(&docs);
        let got: Vec<Outcome> = c.lines.iter().map(|l| l.outcome).collect();
        // Indicator order: high-tech enterprises, then R&D intensity, then funding.
        let order: Vec<&str> = c
            .lines
            .iter()
            .map(|l| row_of(&docs[l.goal.doc].claims[l.goal.claim]))
            .collect();
        let expect_order = {
            let mut v = vec!["high_tech_enterprises", "rd_intensity", "science_funding"];
            let pos = |id: &str| INDICATORS.iter().position(|i| i.id == id).unwrap();
            v.sort_by_key(|id| pos(id));
            v
        };
        assert_eq!(order, expect_order);
        let of = |id: &str| got[order.iter().position(|o| *o == id).unwrap()];
        assert_eq!(of("high_tech_enterprises"), Outcome::Exceeded);
        assert_eq!(of("rd_intensity"), Outcome::Missed);
        assert_eq!(of("science_funding"), Outcome::Met);
        let hte = &c.lines[order
            .iter()
            .position(|o| *o == "high_tech_enterprises")
            .unwrap()];
        assert_eq!(hte.margin.as_ref().map(|m| m.value), Some(23.0));
        let goal_claim = &docs[hte.goal.doc].claims[hte.goal.claim];
        assert_eq!(format_margin(hte, goal_claim, false), "+23家 (+7.7%)");
        let rd = &c.lines[order.iter().position(|o| *o == "rd_intensity").unwrap()];
        let rd_goal = &docs[rd.goal.doc].claims[rd.goal.claim];
        assert_eq!(format_margin(rd, rd_goal, false), "−0.1个百分点");
        assert_eq!(format_margin(rd, rd_goal, true), "−0.1 pp");
        let t = c.tally();
        assert_eq!((t.goals, t.met, t.exceeded, t.missed), (3, 1, 1, 1));
        assert_eq!(t.rate().map(|r| r.round()), Some(67.0));
        assert_eq!(format_tally(&t, false), "3项目标:达成1 · 超额1 · 未达成1");
        assert_eq!(
            format_tally(&t, true),
            "3 goals: 1 met · 1 exceeded · 1 missed"
        );
    }

    #[test]
    fn a_summary_silent_on_the_indicator_is_not_reported() {
        let docs = pair(
            vec![
                goal(300.0),
                claim(Kind::Goal, 2022, "invention_patents", 500.0, "件"),
            ],
            vec![ach(323.0)],
            true,
        );
        let c = card(&docs);
        let outcomes: Vec<Outcome> = c.lines.iter().map(|l| l.outcome).collect();
        assert!(outcomes.contains(&Outcome::NotReported));
        assert!(outcomes.contains(&Outcome::Exceeded));
        assert_eq!(c.reports, vec![1]);
        // The table's badge says the same.
        let patents = c
            .lines
            .iter()
            .find(|l| l.outcome == Outcome::NotReported)
            .unwrap();
        let line = |r: ClaimRef| goal_line(&docs, r).map(|l| l.outcome);
        assert_eq!(line(patents.goal), Some(Outcome::NotReported));
        assert_eq!(line(ClaimRef { doc: 1, claim: 0 }), None);
    }

    #[test]
    fn without_a_report_for_the_year_goals_await_it() {
        let docs = pair(vec![goal(300.0)], vec![], false);
        let c = card(&docs);
        assert_eq!(c.lines[0].outcome, Outcome::Awaiting);
        assert!(c.reports.is_empty());
        assert_eq!(format_tally(&c.tally(), true), "1 goal: 1 no report yet");
    }

    #[test]
    fn new_additions_are_never_judged_against_totals() {
        let new = with(goal(300.0), |c| c.subject = "新认定高新技术企业".into());
        let total = with(ach(1200.0), |c| c.subject = "有效高新技术企业".into());
        let c = card(&pair(vec![new.clone()], vec![total.clone()], true));
        assert_eq!(c.lines[0].outcome, Outcome::NotComparable);
        assert_eq!(c.lines[0].why, Some(Why::OtherMeasure));
        // With the new additions reported too, those are the result.
        let added = with(ach(310.0), |c| c.subject = "新增高新技术企业".into());
        let docs = pair(vec![new], vec![total, added], true);
        let c = card(&docs);
        assert_eq!(c.lines[0].outcome, Outcome::Exceeded);
        assert_eq!(c.lines[0].result, Some(ClaimRef { doc: 1, claim: 1 }));
    }

    #[test]
    fn floor_and_stretch_are_one_line_judged_twice() {
        let floor = with(claim(Kind::Goal, 2022, "rd_intensity", 2.3, "%"), |c| {
            c.modality = Some(Modality::Ensure);
            c.start = 10;
        });
        let stretch = with(floor.clone(), |c| {
            c.modality = Some(Modality::Strive);
            c.value = Some(2.4);
        });
        let result = |v: f64| claim(Kind::Achievement, 2022, "rd_intensity", v, "%");
        let c = card(&pair(
            vec![floor.clone(), stretch.clone()],
            vec![result(2.35)],
            true,
        ));
        assert_eq!(c.lines.len(), 1);
        assert_eq!(c.lines[0].stretch, Some(ClaimRef { doc: 0, claim: 1 }));
        assert_eq!(c.lines[0].outcome, Outcome::Exceeded);
        assert_eq!(c.lines[0].stretch_verdict, Some(Verdict::Missed));
        let c = card(&pair(
            vec![floor.clone(), stretch.clone()],
            vec![result(2.2)],
            true,
        ));
        assert_eq!(c.lines[0].outcome, Outcome::Missed);
        assert_eq!(c.lines[0].stretch_verdict, Some(Verdict::Missed));
        let c = card(&pair(vec![floor.clone(), stretch], vec![result(2.4)], true));
        assert_eq!(c.lines[0].stretch_verdict, Some(Verdict::Met));
        // A stretch from another sentence is a goal of its own.
        let apart = with(floor.clone(), |c| {
            c.modality = Some(Modality::Strive);
            c.value = Some(2.4);
            c.start = 90;
        });
        let c = card(&pair(vec![floor, apart], vec![result(2.35)], true));
        assert_eq!(c.lines.len(), 2);
    }

    #[test]
    fn ranks_are_better_when_lower_and_growth_is_in_points() {
        let rank_goal = with(
            claim(Kind::Goal, 2022, "innovation_index", 5.0, "位"),
            |c| {
                c.measure = Measure::Rank;
                c.scope = Some(Scope::Province);
            },
        );
        let rank_result = with(
            claim(Kind::Achievement, 2022, "innovation_index", 3.0, "位"),
            |c| {
                c.measure = Measure::Rank;
                c.scope = Some(Scope::Province);
            },
        );
        let c = card(&pair(vec![rank_goal.clone()], vec![rank_result], true));
        assert_eq!(c.lines[0].outcome, Outcome::Exceeded);
        let g = &rank_goal;
        assert_eq!(format_margin(&c.lines[0], g, false), "+2位");
        // A growth rate is no result for a level goal.
        let growth = with(
            claim(Kind::Achievement, 2022, "high_tech_enterprises", 12.0, "%"),
            |c| c.measure = Measure::Growth,
        );
        let c = card(&pair(vec![goal(300.0)], vec![growth], true));
        assert_eq!(c.lines[0].outcome, Outcome::NotComparable);
        assert_eq!(c.lines[0].why, Some(Why::OtherMeasure));
    }

    #[test]
    fn estimates_masks_and_twins() {
        let est = with(ach(320.0), |c| c.estimated = true);
        let c = card(&pair(vec![goal(300.0), goal(300.0)], vec![est], true));
        // The same goal stated twice is one line.
        assert_eq!(c.lines.len(), 1);
        assert!(c.lines[0].estimated);
        let masked = with(goal(300.0), |c| {
            c.redacted = true;
            c.value = None;
        });
        let c = card(&pair(vec![masked], vec![ach(320.0)], true));
        assert_eq!(c.lines[0].why, Some(Why::Redacted));
        let c = card(&pair(
            vec![goal(300.0)],
            vec![with(ach(0.0), |c| {
                c.redacted = true;
                c.value = None;
            })],
            true,
        ));
        assert_eq!(c.lines[0].why, Some(Why::Redacted));
    }

    #[test]
    fn goals_without_an_indicator_match_by_wording_only() {
        let g = with(claim(Kind::Goal, 2022, "", 5.0, "个"), |c| {
            c.subject = "新建省级重点实验室".into()
        });
        let like = with(claim(Kind::Achievement, 2022, "", 6.0, "个"), |c| {
            c.subject = "新建省级重点实验室".into()
        });
        let unlike = with(claim(Kind::Achievement, 2022, "", 6.0, "个"), |c| {
            c.subject = "举办对接活动".into()
        });
        let c = card(&pair(vec![g.clone()], vec![like], true));
        assert_eq!(c.lines[0].outcome, Outcome::Exceeded);
        let c = card(&pair(vec![g], vec![unlike], true));
        assert_eq!(c.lines[0].outcome, Outcome::NotComparable);
        assert_eq!(c.lines[0].why, Some(Why::NoIndicator));
    }
}
