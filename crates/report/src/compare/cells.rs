//! Rows and cells: the indicator rows of a comparison and the goals and achievements in each
//! place-year cell.

use super::*;

/// The row a claim belongs in: its indicator id, or [`OTHER`].
pub fn row_of(claim: &Claim) -> &str {
    match claim.indicator.as_deref() {
        Some(id) if indicator(id).is_some() => id,
        _ => OTHER,
    }
}

/// Every claim for a place, year and row.
pub fn claims_at(docs: &[Document], py: &PlaceYear, row: &str) -> Vec<ClaimRef> {
    let mut out = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        if d.region.name != py.place {
            continue;
        }
        for (ci, c) in d.claims.iter().enumerate() {
            if claim_year(d, c) == Some(py.year) && row_of(c) == row {
                out.push(ClaimRef { doc: di, claim: ci });
            }
        }
    }
    out
}

/// Goals and achievements of one table cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub goals: Vec<ClaimRef>,
    pub achievements: Vec<ClaimRef>,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.achievements.is_empty()
    }
}

pub fn cell(docs: &[Document], py: &PlaceYear, row: &str) -> Cell {
    let mut c = Cell::default();
    for r in claims_at(docs, py, row) {
        match docs[r.doc].claims[r.claim].kind {
            Kind::Goal => c.goals.push(r),
            Kind::Achievement => c.achievements.push(r),
        }
    }
    c
}

/// Rows with at least one claim in the columns: indicators in table order, then [`OTHER`].
pub fn rows(docs: &[Document], cols: &[PlaceYear]) -> Vec<&'static str> {
    grid(docs, cols).into_iter().map(|(row, _)| row).collect()
}

/// The whole table in one pass over the claims: each non-empty row (as in [`rows`]) with its
/// cells (as [`cell`] gives them), one per column. The table would otherwise rescan every claim
/// for each row and column. `cols` has no duplicates ([`order_columns`]).
pub fn grid(docs: &[Document], cols: &[PlaceYear]) -> Vec<(&'static str, Vec<Cell>)> {
    let ids: Vec<&'static str> = INDICATORS.iter().map(|i| i.id).chain([OTHER]).collect();
    let mut cells = vec![vec![Cell::default(); cols.len()]; ids.len()];
    for (di, d) in docs.iter().enumerate() {
        for (ci, c) in d.claims.iter().enumerate() {
            let year = claim_year(d, c);
            let Some(col) = cols
                .iter()
                .position(|py| py.place == d.region.name && Some(py.year) == year)
            else {
                continue;
            };
            let row = row_of(c);
            let Some(r) = ids.iter().position(|&id| id == row) else {
                continue;
            };
            let at = ClaimRef { doc: di, claim: ci };
            match c.kind {
                Kind::Goal => cells[r][col].goals.push(at),
                Kind::Achievement => cells[r][col].achievements.push(at),
            }
        }
    }
    ids.into_iter()
        .zip(cells)
        .filter(|(_, cs)| cs.iter().any(|c| !c.is_empty()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testutil::*;

    #[test]
    fn cells_split_goals_and_achievements_by_year() {
        let docs = corpus();
        let c21 = cell(
            &docs,
            &PlaceYear::new("衢州市", 2021),
            "high_tech_enterprises",
        );
        assert_eq!(c21.achievements.len(), 2);
        assert!(c21.goals.is_empty());
        let c22 = cell(
            &docs,
            &PlaceYear::new("衢州市", 2022),
            "high_tech_enterprises",
        );
        assert_eq!(c22.goals, vec![ClaimRef { doc: 0, claim: 2 }]);
        let cols = [PlaceYear::new("衢州市", 2021)];
        assert_eq!(
            rows(&docs, &cols),
            vec!["high_tech_enterprises", "science_funding", OTHER]
        );
        assert_eq!(column_docs(&docs, &cols[0]), vec![0]);
        // The one-pass grid is exactly the rows with their cells.
        let all = available(&docs);
        let g = grid(&docs, &all);
        assert_eq!(
            g.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            rows(&docs, &all)
        );
        for (row, cells) in &g {
            for (py, c) in all.iter().zip(cells) {
                assert_eq!(*c, cell(&docs, py, row), "{row} {py:?}");
            }
        }
        assert!(g.iter().flat_map(|(_, cs)| cs).any(|c| !c.goals.is_empty()));
        assert_eq!(
            order_columns(
                &available(&docs),
                &[
                    PlaceYear::new("衢州市", 2022),
                    PlaceYear::new("衢州市", 2021),
                    PlaceYear::new("火星", 1)
                ]
            ),
            vec![
                PlaceYear::new("衢州市", 2021),
                PlaceYear::new("衢州市", 2022)
            ]
        );
    }

    #[test]
    fn claim_without_year_takes_its_half() {
        let mut d = doc("衢州市", Level::City, "浙江省", Some(2021), Some(2022));
        let mut c = goal(1.0);
        c.year = None;
        assert_eq!(claim_year(&d, &c), Some(2022));
        c.kind = Kind::Achievement;
        assert_eq!(claim_year(&d, &c), Some(2021));
        d.claims.push(c);
        assert_eq!(
            doc_years(&d).into_iter().collect::<Vec<_>>(),
            vec![2021, 2022]
        );
    }

    #[test]
    fn unknown_indicators_and_places_still_show() {
        let mut d = doc("未知", Level::Unknown, "", Some(2020), None);
        d.region.parent = None;
        d.claims.push(claim(
            Kind::Achievement,
            2020,
            "no_such_indicator",
            1.0,
            "家",
        ));
        assert_eq!(row_of(&d.claims[0]), OTHER);
        let docs = vec![d];
        let g = place_groups(&docs);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].top.name, "未知");
        assert_eq!(rows(&docs, &[PlaceYear::new("未知", 2020)]), vec![OTHER]);
        assert!(
            status(&docs, ClaimRef { doc: 0, claim: 0 }).is_none(),
            "no status on the other row"
        );
    }
}
