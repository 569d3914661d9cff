//! Status of a target against a result, and ambition against last year's result.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Met,
    Exceeded,
    Missed,
}

/// How far a result is from its target. `value` is signed, positive = better than the target
/// (for ranks: places better); in percentage points for growth and share measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Margin {
    pub value: f64,
    /// Unit of `value` (the goal's unit; `%` means percentage points for growth/share).
    pub unit: String,
    /// Relative margin in %, for levels only.
    pub pct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub goal: ClaimRef,
    pub result: ClaimRef,
    pub verdict: Verdict,
    pub margin: Margin,
    /// The result itself is not exact (`超`, `近`, `约`, a range) or is an estimate.
    pub approximate: bool,
}

pub(super) fn comparable(a: &Claim, b: &Claim) -> bool {
    let (fa, fb) = (flow(&a.subject), flow(&b.subject));
    a.measure == b.measure
        && (fa == fb || fa == Flow::Unknown || fb == Flow::Unknown)
        && !a.redacted
        && !b.redacted
        && a.value.is_some()
        && b.value.is_some()
        && convert(1.0, &b.unit, &a.unit).is_some()
        && (a.measure != Measure::Rank
            || a.scope == b.scope
            || a.scope.is_none()
            || b.scope.is_none())
}

const EPS: f64 = 1e-9;

/// Judges one result against one goal (same measure, convertible units, neither redacted).
/// Returns `None` when they cannot be compared.
pub fn evaluate(goal: &Claim, result: &Claim) -> Option<(Verdict, Margin)> {
    if !comparable(goal, result) {
        return None;
    }
    let rank = goal.measure == Measure::Rank;
    let a = convert(result.value?, &result.unit, &goal.unit)?;
    let lo = goal.value?;
    let hi = if goal.bound == Bound::Range {
        goal.value_max.unwrap_or(lo)
    } else {
        lo
    };
    // "better" = larger, except for ranks (1st beats 3rd).
    let better = |x: f64, y: f64| if rank { y - x } else { x - y }; // how much x beats y
    let (easy, hard) = if rank { (hi, lo) } else { (lo, hi) }; // the bar to clear, the top of the range
    let over = better(a, easy);
    let short = over < -EPS || (goal.bound == Bound::MoreThan && over.abs() <= EPS);
    let verdict = if short {
        Verdict::Missed
    } else if better(a, hard) > EPS {
        Verdict::Exceeded
    } else {
        Verdict::Met
    };
    let value = match verdict {
        Verdict::Missed => over,
        Verdict::Exceeded => better(a, hard),
        Verdict::Met => 0.0,
    };
    let base = if verdict == Verdict::Exceeded {
        hard
    } else {
        easy
    };
    let pct = (goal.measure == Measure::Level && goal.unit != "%" && base.abs() > EPS)
        .then(|| value / base * 100.0);
    Some((
        verdict,
        Margin {
            value,
            unit: goal.unit.clone(),
            pct,
        },
    ))
}

/// Likeness of two subjects, to tell which of several results a goal is about: shared character
/// pairs, plus a bonus when both count a stock (`总量`, `累计`, `有效`) or both count new additions.
pub(super) fn similarity(a: &str, b: &str) -> usize {
    let shared = shared_pairs(a, b);
    let stock = |s: &str| {
        ["总量", "累计", "有效", "总数", "拥有"]
            .iter()
            .any(|w| s.contains(w))
    };
    if shared > 0 && stock(a) == stock(b) {
        shared + 3
    } else {
        shared
    }
}

/// Distinct character pairs of `a` that `b` has too (subjects are short: no set, no sort).
pub(super) fn shared_pairs(a: &str, b: &str) -> usize {
    let bi = |s: &str| -> Vec<(char, char)> { s.chars().zip(s.chars().skip(1)).collect() };
    let (pa, pb) = (bi(a), bi(b));
    pa.iter()
        .enumerate()
        .filter(|&(i, p)| !pa[..i].contains(p) && pb.contains(p))
        .count()
}

/// Whether a subject counts additions in the year or a stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// `新增`, `新认定`, `新培育`…: added this year.
    New,
    /// `累计`, `有效`, `总数`…: everything there is.
    Total,
    Unknown,
}

/// The flow a subject states. Words, not the character `新`, which is in 高新, 创新 and 新型.
pub fn flow(subject: &str) -> Flow {
    const NEW: &[&str] = &[
        "新增",
        "新认定",
        "新培育",
        "新引进",
        "新建",
        "新获",
        "新入库",
        "新登记",
        "新设立",
        "新组建",
        "新创建",
        "新备案",
        "新招引",
        "新注册",
        "新评定",
        "新晋",
        "净增",
        "当年",
    ];
    const TOTAL: &[&str] = &[
        "累计", "有效", "总数", "总量", "存量", "拥有", "共有", "保有",
    ];
    let new = NEW.iter().any(|w| subject.contains(w));
    let total = TOTAL.iter().any(|w| subject.contains(w));
    match (new, total) {
        (true, false) => Flow::New,
        (false, true) => Flow::Total,
        _ => Flow::Unknown,
    }
}

/// The result a goal should be judged against among candidate achievements: the only comparable
/// one, or the one whose subject is most like the goal's (ties and no likeness: none).
pub(super) fn pick(docs: &[Document], goal: &Claim, cands: &[ClaimRef]) -> Option<ClaimRef> {
    let ok: Vec<ClaimRef> = cands
        .iter()
        .copied()
        .filter(|r| r.get(docs).is_some_and(|c| comparable(goal, c)))
        .collect();
    if ok.len() == 1 {
        return Some(ok[0]);
    }
    // The best score, and whether another candidate has it too (no sort needed).
    let mut best: Option<(usize, ClaimRef)> = None;
    let mut tie = false;
    for r in ok {
        let s = similarity(&goal.subject, &docs[r.doc].claims[r.claim].subject);
        match best {
            Some((b, _)) if s < b => {}
            Some((b, _)) if s == b => tie = true,
            _ => {
                best = Some((s, r));
                tie = false;
            }
        }
    }
    match best {
        Some((s, r)) if s > 0 && !tie => Some(r),
        _ => None,
    }
}

/// Target vs result: the goal's place has an achievement for the goal's year on the same
/// indicator and measure. `None` for claims that fit no indicator, redacted ones, or no match.
/// The scorecard's judgement ([`judge`]), so the table and the scorecard never disagree.
pub fn status(docs: &[Document], goal: ClaimRef) -> Option<Status> {
    goal_line(docs, goal)?.status()
}

/// How a target compares with the last result: the goal's place has an achievement for the year
/// before on the same indicator and measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Ambition {
    pub goal: ClaimRef,
    pub base: ClaimRef,
    /// Signed change from the base to the target: % for levels, percentage points for growth,
    /// shares and levels in %, places for ranks (positive = a better rank).
    pub change: f64,
    /// How `change` reads: `Level` = relative %, `Growth`/`Share` = points, `Rank` = places.
    pub measure: Measure,
}

pub fn ambition(docs: &[Document], goal: ClaimRef) -> Option<Ambition> {
    let g = goal.get(docs)?;
    if g.kind != Kind::Goal || row_of(g) == OTHER {
        return None;
    }
    let year = claim_year(&docs[goal.doc], g)?;
    let base = pick(docs, g, &candidates(docs, goal, year - 1))?;
    let b = base.get(docs)?;
    let last = convert(b.value?, &b.unit, &g.unit)?;
    let target = g.value?;
    // Levels in % (R&D intensity 2.0 → 2.3) change in points, like growth and shares.
    let points = g.unit == "%";
    let change = match g.measure {
        Measure::Level if points => target - last,
        Measure::Level => {
            if last.abs() < EPS {
                return None;
            }
            (target - last) / last * 100.0
        }
        Measure::Growth | Measure::Share => target - last,
        Measure::Rank => last - target,
    };
    Some(Ambition {
        goal,
        base,
        change,
        measure: if points && g.measure == Measure::Level {
            Measure::Share
        } else {
            g.measure
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testutil::*;

    #[test]
    fn status_at_least_and_exact() {
        let mut g = goal(100.0);
        assert_eq!(evaluate(&g, &ach(100.0)).unwrap().0, Verdict::Met);
        let (v, m) = evaluate(&g, &ach(113.0)).unwrap();
        assert_eq!(v, Verdict::Exceeded);
        assert_eq!(m.value, 13.0);
        assert!((m.pct.unwrap() - 13.0).abs() < 1e-9);
        let (v, m) = evaluate(&g, &ach(95.0)).unwrap();
        assert_eq!(v, Verdict::Missed);
        assert_eq!(m.value, -5.0);
        g.bound = Bound::AtLeast;
        assert_eq!(evaluate(&g, &ach(100.0)).unwrap().0, Verdict::Met);
    }

    #[test]
    fn status_more_than_needs_strictly_more() {
        let mut g = goal(100.0);
        g.bound = Bound::MoreThan;
        assert_eq!(evaluate(&g, &ach(100.0)).unwrap().0, Verdict::Missed);
        assert_eq!(evaluate(&g, &ach(101.0)).unwrap().0, Verdict::Exceeded);
    }

    #[test]
    fn status_ranges() {
        let mut g = goal(3.0);
        g.bound = Bound::Range;
        g.value_max = Some(5.0);
        assert_eq!(evaluate(&g, &ach(4.0)).unwrap().0, Verdict::Met);
        assert_eq!(evaluate(&g, &ach(3.0)).unwrap().0, Verdict::Met);
        assert_eq!(evaluate(&g, &ach(5.0)).unwrap().0, Verdict::Met);
        let (v, m) = evaluate(&g, &ach(7.0)).unwrap();
        assert_eq!((v, m.value), (Verdict::Exceeded, 2.0));
        let (v, m) = evaluate(&g, &ach(2.0)).unwrap();
        assert_eq!((v, m.value), (Verdict::Missed, -1.0));
    }

    #[test]
    fn status_ranks_lower_is_better() {
        let mut g = goal(3.0);
        g.measure = Measure::Rank;
        g.unit = "位".into();
        g.scope = Some(Scope::Province);
        let mut a = ach(2.0);
        a.measure = Measure::Rank;
        a.unit = "位".into();
        a.scope = Some(Scope::Province);
        let (v, m) = evaluate(&g, &a).unwrap();
        assert_eq!((v, m.value, m.pct), (Verdict::Exceeded, 1.0, None));
        a.value = Some(5.0);
        let (v, m) = evaluate(&g, &a).unwrap();
        assert_eq!((v, m.value), (Verdict::Missed, -2.0));
        a.scope = Some(Scope::National);
        assert!(
            evaluate(&g, &a).is_none(),
            "a national rank is not a provincial one"
        );
    }

    #[test]
    fn status_compares_like_with_like_only() {
        let g = goal(100.0);
        let mut a = ach(120.0);
        a.redacted = true;
        a.value = None;
        assert!(
            evaluate(&g, &a).is_none(),
            "redacted results are not judged"
        );
        let mut a = ach(12.0);
        a.measure = Measure::Growth;
        a.unit = "%".into();
        assert!(evaluate(&g, &a).is_none(), "growth is not a level");
        let mut a = ach(12.0);
        a.unit = "项".into();
        assert!(evaluate(&g, &a).is_none(), "different units");
        // 亿元 target, 万元 result: converted.
        let mut g = claim(Kind::Goal, 2022, "rd_expenditure", 48.0, "亿元");
        g.bound = Bound::AtLeast;
        let a = claim(Kind::Achievement, 2022, "rd_expenditure", 500000.0, "万元");
        let (v, m) = evaluate(&g, &a).unwrap();
        assert_eq!(v, Verdict::Exceeded);
        assert!((m.value - 2.0).abs() < 1e-9);
        assert_eq!(m.unit, "亿元");
    }

    #[test]
    fn status_and_growth_points() {
        let mut g = goal(10.0);
        g.measure = Measure::Growth;
        g.unit = "%".into();
        let mut a = ach(8.5);
        a.measure = Measure::Growth;
        a.unit = "%".into();
        let (v, m) = evaluate(&g, &a).unwrap();
        assert_eq!(v, Verdict::Missed);
        assert_eq!(m.pct, None);
        let s = Status {
            goal: ClaimRef { doc: 0, claim: 0 },
            result: ClaimRef { doc: 0, claim: 1 },
            verdict: v,
            margin: m,
            approximate: false,
        };
        assert_eq!(format_status(&s, false), "未达成 −1.5个百分点");
        assert_eq!(format_status(&s, true), "missed −1.5 pp");
    }

    #[test]
    fn status_in_corpus_picks_the_like_result() {
        let mut docs = corpus();
        docs[0].claims.push(ach(90.0)); // 衢州 2022 result, subject 新增国家高新技术企业
        let mut other = ach(500.0);
        other.subject = "有效高新技术企业总量".into();
        docs[0].claims.push(other);
        let s = status(&docs, ClaimRef { doc: 0, claim: 2 }).unwrap();
        assert_eq!(s.result, ClaimRef { doc: 0, claim: 5 });
        assert_eq!(s.verdict, Verdict::Missed);
        assert_eq!(format_status(&s, false), "未达成 −10家 (−10%)");
        assert_eq!(format_status(&s, true), "missed −10 orgs (−10%)");
        assert!(
            status(&docs, ClaimRef { doc: 0, claim: 0 }).is_none(),
            "achievements have no status"
        );
    }

    #[test]
    fn status_flags_approximate_results_and_skips_redacted_goals() {
        let mut docs = corpus();
        let mut r = ach(120.0);
        r.bound = Bound::MoreThan; // 超120家
        docs[0].claims.push(r);
        let s = status(&docs, ClaimRef { doc: 0, claim: 2 }).unwrap();
        assert_eq!(s.verdict, Verdict::Exceeded);
        assert!(s.approximate);
        assert_eq!(
            format_status(&s, false),
            "超额 +20家 (+20%)",
            "the margin is from the target"
        );
        docs[0].claims[2].redacted = true;
        docs[0].claims[2].value = None;
        assert!(status(&docs, ClaimRef { doc: 0, claim: 2 }).is_none());
        assert!(ambition(&docs, ClaimRef { doc: 0, claim: 2 }).is_none());
    }

    #[test]
    fn ambition_of_ranks_in_places() {
        let mut docs = corpus();
        let mut a = claim(Kind::Achievement, 2021, "innovation_index", 5.0, "位");
        a.measure = Measure::Rank;
        a.scope = Some(Scope::Province);
        let mut g = claim(Kind::Goal, 2022, "innovation_index", 3.0, "位");
        g.measure = Measure::Rank;
        g.scope = Some(Scope::Province);
        docs[0].claims.extend([a, g]);
        let amb = ambition(&docs, ClaimRef { doc: 0, claim: 6 }).unwrap();
        assert_eq!(amb.change, 2.0, "from 5th to 3rd is two places up");
        assert_eq!(format_ambition(&amb, true), "target vs last year +2 places");
    }

    #[test]
    fn ambition_against_last_year() {
        let docs = corpus();
        let a = ambition(&docs, ClaimRef { doc: 0, claim: 2 }).unwrap();
        assert_eq!(
            a.base,
            ClaimRef { doc: 0, claim: 0 },
            "113 (新增国家高新技术企业), not 24 (组织)"
        );
        assert!((a.change - (-11.504_424_778_761_06)).abs() < 1e-9);
        assert_eq!(format_ambition(&a, false), "目标较上年 −11.5%");
        assert_eq!(format_ambition(&a, true), "target vs last year −11.5%");
        assert!(
            status(&docs, ClaimRef { doc: 0, claim: 2 }).is_none(),
            "no 2022 result yet"
        );
    }

    #[test]
    fn ambition_of_a_percentage_is_in_points() {
        let mut docs = corpus();
        let mut a = claim(Kind::Achievement, 2021, "rd_intensity", 2.0, "%");
        a.subject = "全社会R&D经费投入强度".into();
        let mut g = claim(Kind::Goal, 2022, "rd_intensity", 2.3, "%");
        g.subject = "全社会R&D投入强度".into();
        docs[0].claims.extend([a, g]);
        let amb = ambition(&docs, ClaimRef { doc: 0, claim: 6 }).unwrap();
        assert!((amb.change - 0.3).abs() < 1e-9);
        assert_eq!(format_ambition(&amb, false), "目标较上年 +0.3个百分点");
        // And a target in % judged against a result in %: points, no relative %.
        let mut r = claim(Kind::Achievement, 2022, "rd_intensity", 2.4, "%");
        r.subject = "全社会R&D投入强度".into();
        let (v, m) = evaluate(&docs[0].claims[6], &r).unwrap();
        assert_eq!((v, m.pct), (Verdict::Exceeded, None));
    }

    #[test]
    fn ambition_needs_an_unambiguous_base() {
        let mut docs = corpus();
        docs[0].claims[2].subject = "目标".into();
        docs[0].claims[0].subject = "甲".into();
        assert!(ambition(&docs, ClaimRef { doc: 0, claim: 2 }).is_none());
    }

    #[test]
    fn similarity_counts_distinct_shared_pairs() {
        let old = |a: &str, b: &str| {
            let bi = |s: &str| -> BTreeSet<(char, char)> {
                let cs: Vec<char> = s.chars().collect();
                cs.windows(2).map(|w| (w[0], w[1])).collect()
            };
            let shared = bi(a).intersection(&bi(b)).count();
            let stock = |s: &str| {
                ["总量", "累计", "有效", "总数", "拥有"]
                    .iter()
                    .any(|w| s.contains(w))
            };
            if shared > 0 && stock(a) == stock(b) {
                shared + 3
            } else {
                shared
            }
        };
        let subjects = [
            "",
            "企",
            "新增国家高新技术企业",
            "高新技术企业总数",
            "有效高新技术企业",
            "组织",
            "高新高新高新",
            "新高新高",
            "累计拥有发明专利",
            "R&D经费投入",
        ];
        for a in subjects {
            for b in subjects {
                assert_eq!(similarity(a, b), old(a, b), "{a} / {b}");
            }
        }
        // One distinct shared pair (高新 twice counts once), plus 3 as neither counts a stock.
        assert_eq!(similarity("高新高新", "新高"), 4);
        assert_eq!(similarity("高新高新", "累计新高"), 1);
    }

    #[test]
    fn pick_takes_the_unique_best_in_any_order() {
        let mut d = doc("衢州市", Level::City, "浙江省", Some(2021), Some(2022));
        let subjects = [
            "组织",
            "新增高新技术企业",
            "高新技术企业",
            "新增高新技术企业",
            "企业",
        ];
        d.claims = subjects
            .iter()
            .map(|s| {
                let mut c = ach(1.0);
                c.subject = (*s).into();
                c
            })
            .collect();
        let docs = vec![d];
        let g = goal(2.0);
        let r = |i: usize| ClaimRef { doc: 0, claim: i };
        assert_eq!(pick(&docs, &g, &[r(0), r(2), r(4)]), Some(r(2)));
        assert_eq!(pick(&docs, &g, &[r(4), r(0), r(2)]), Some(r(2)));
        // Two results share the best score: none.
        assert_eq!(pick(&docs, &g, &[r(1), r(2), r(3)]), None);
        assert_eq!(pick(&docs, &g, &[r(3), r(1)]), None);
        // The only comparable one, even without likeness; none when nothing is alike.
        assert_eq!(pick(&docs, &g, &[r(0)]), Some(r(0)));
        assert_eq!(pick(&docs, &g, &[r(0), r(0)]), None);
        assert_eq!(pick(&docs, &g, &[]), None);
        let mut red = docs.clone();
        red[0].claims[2].redacted = true;
        assert_eq!(pick(&red, &g, &[r(0), r(2), r(4)]), Some(r(4)));
    }
    #[test]
    fn flows_by_words_not_by_the_character_new() {
        assert_eq!(flow("新认定国家高新技术企业"), Flow::New);
        assert_eq!(flow("新增省级研发中心"), Flow::New);
        assert_eq!(flow("有效高新技术企业"), Flow::Total);
        assert_eq!(flow("高新技术企业总数"), Flow::Total);
        // 高新, 创新 and 新型 say nothing about the flow.
        assert_eq!(flow("高新技术企业"), Flow::Unknown);
        assert_eq!(flow("新型研发机构"), Flow::Unknown);
        assert_eq!(flow("科技创新券"), Flow::Unknown);
        // Both: cumulative additions over a plan period.
        assert_eq!(flow("累计新增"), Flow::Unknown);
        // The table's status keeps them apart too.
        let mut g = goal(300.0);
        g.subject = "新认定高新技术企业".into();
        let mut r = ach(1200.0);
        r.subject = "有效高新技术企业".into();
        assert_eq!(evaluate(&g, &r), None);
        r.subject = "高新技术企业".into();
        assert!(evaluate(&g, &r).is_some());
    }
}
