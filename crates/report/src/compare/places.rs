//! Places and years: which place-years the corpus has, grouped for the picker, and which
//! reports and claims belong to a column.

use super::*;

/// The year a claim is about: its own, else its half's.
pub fn claim_year(doc: &Document, claim: &Claim) -> Option<i32> {
    claim.year.or(match claim.kind {
        Kind::Achievement => doc.summary_year,
        Kind::Goal => doc.plan_year,
    })
}

/// The years a document speaks about: its summary and plan years and every claim year.
pub fn doc_years(doc: &Document) -> BTreeSet<i32> {
    // `extend` inserts one by one; `collect` into a set would sort first (a stable sort in the wasm).
    let mut ys = BTreeSet::new();
    ys.extend(doc.summary_year);
    ys.extend(doc.plan_year);
    ys.extend(doc.claims.iter().filter_map(|c| claim_year(doc, c)));
    // Claims not loaded yet: their years came with the document.
    ys.extend(doc.pending.iter().flat_map(|p| p.years.iter().copied()));
    ys
}

/// A place in the picker with the years it has data for (empty for a city shown only as a group).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceEntry {
    pub name: String,
    pub level: Level,
    pub years: Vec<i32>,
}

/// A city (or any top place) with the counties/districts under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceGroup {
    pub top: PlaceEntry,
    pub children: Vec<PlaceEntry>,
}

/// Places grouped city → counties/districts (by `Region.parent`), each with its years.
/// A county whose city has no report of its own gets a group headed by the city with no years.
/// Groups keep the order places first appear in the corpus; children too.
pub fn place_groups(docs: &[Document]) -> Vec<PlaceGroup> {
    let mut order: Vec<String> = Vec::new();
    let mut info: BTreeMap<String, (Level, Option<String>, BTreeSet<i32>)> = BTreeMap::new();
    for d in docs {
        let e = info.entry(d.region.name.clone()).or_insert_with(|| {
            order.push(d.region.name.clone());
            (d.region.level, d.region.parent.clone(), BTreeSet::new())
        });
        e.2.extend(doc_years(d));
    }
    let entry = |name: &str| {
        let (level, _, years) = &info[name];
        PlaceEntry {
            name: name.to_string(),
            level: *level,
            years: years.iter().copied().collect(),
        }
    };
    let is_child = |name: &str| {
        let (level, parent, _) = &info[name];
        matches!(level, Level::County | Level::District) && parent.is_some()
    };
    let mut groups: Vec<PlaceGroup> = Vec::new();
    for name in &order {
        if is_child(name) {
            let parent = info[name].1.clone().unwrap_or_default();
            let idx = match groups.iter().position(|g| g.top.name == parent) {
                Some(i) => i,
                None => {
                    let top = if info.contains_key(&parent) && !is_child(&parent) {
                        entry(&parent)
                    } else {
                        PlaceEntry {
                            name: parent.clone(),
                            level: Level::City,
                            years: vec![],
                        }
                    };
                    groups.push(PlaceGroup {
                        top,
                        children: vec![],
                    });
                    groups.len() - 1
                }
            };
            groups[idx].children.push(entry(name));
        } else if !groups.iter().any(|g| &g.top.name == name) {
            groups.push(PlaceGroup {
                top: entry(name),
                children: vec![],
            });
        }
    }
    groups
}

/// Above this many city groups (in more than one province) the picker lists provinces, each folded
/// until opened, and a large corpus's index names provinces instead of every report
/// ([`crate::pack::pack_provinces`]): a country's 300 cities would otherwise be the first screen's work.
pub const PROVINCES_OVER: usize = 30;

/// City groups gathered by province, in the order provinces first appear: a country's places as a
/// list of provinces. A group's province is the parent its city's reports name (a province's own
/// report is its own); a group whose city has no report of its own is under `""` (not known).
pub fn province_groups(docs: &[Document], groups: &[PlaceGroup]) -> Vec<(String, Vec<usize>)> {
    let mut province: BTreeMap<&str, &str> = BTreeMap::new();
    for d in docs {
        let p = match (d.region.level, &d.region.parent) {
            (Level::Province, _) => &d.region.name,
            (Level::County | Level::District, _) | (_, None) => continue,
            (_, Some(p)) => p,
        };
        province.entry(&d.region.name).or_insert(p);
    }
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let p = province.get(g.top.name.as_str()).copied().unwrap_or("");
        match out.iter_mut().find(|(n, _)| n == p) {
            Some((_, v)) => v.push(gi),
            None => out.push((p.to_string(), vec![gi])),
        }
    }
    out
}

/// Every place-year with data, in picker order.
pub fn available(docs: &[Document]) -> Vec<PlaceYear> {
    let mut out = Vec::new();
    for g in place_groups(docs) {
        for p in std::iter::once(&g.top).chain(&g.children) {
            out.extend(p.years.iter().map(|&y| PlaceYear::new(&p.name, y)));
        }
    }
    out
}

/// Columns a first-time visitor sees (those that exist).
pub const DEFAULT_COLUMNS: &[(&str, i32)] = &[("衢州市", 2021), ("衢州市", 2022), ("温州市", 2024)];

/// The first-visit selection: [`DEFAULT_COLUMNS`] that exist, else the first three place-years
/// of `available` ([`available`]'s list, in picker order).
pub fn default_selection(available: &[PlaceYear]) -> Vec<PlaceYear> {
    let d: Vec<PlaceYear> = available
        .iter()
        .filter(|a| {
            DEFAULT_COLUMNS
                .iter()
                .any(|(p, y)| a.place == *p && a.year == *y)
        })
        .cloned()
        .collect();
    if d.is_empty() {
        available.iter().take(3).cloned().collect()
    } else {
        d
    }
}

/// Sorts columns in picker order (place order, then year); drops duplicates and unknown ones.
/// `available` is [`available`]'s list, computed once by the caller (the app caches it).
pub fn order_columns(available: &[PlaceYear], cols: &[PlaceYear]) -> Vec<PlaceYear> {
    available
        .iter()
        .filter(|py| cols.contains(py))
        .cloned()
        .collect()
}

/// Documents holding data for a place-year.
pub fn column_docs(docs: &[Document], py: &PlaceYear) -> Vec<usize> {
    (0..docs.len())
        .filter(|&i| docs[i].region.name == py.place && doc_years(&docs[i]).contains(&py.year))
        .collect()
}

/// Documents behind any of the columns, in corpus order.
pub fn reports_for(docs: &[Document], cols: &[PlaceYear]) -> Vec<usize> {
    // A mark per document rather than a sorted set: no sort code in the wasm.
    let mut hit = vec![false; docs.len()];
    for i in cols.iter().flat_map(|c| column_docs(docs, c)) {
        hit[i] = true;
    }
    (0..docs.len()).filter(|&i| hit[i]).collect()
}

/// Above this many reports a report list shows the reports of the chosen places, not every one: a
/// country's are thousands, too many to scroll through or to draw as options.
pub const LIST_ALL_UP_TO: usize = 200;

/// The reports a list to open one from shows, in corpus order: every report of a corpus of up to
/// `up_to`; above that, every year of the places the columns show, and report `open` in any case.
pub fn listed_reports(
    docs: &[Document],
    cols: &[PlaceYear],
    open: usize,
    up_to: usize,
) -> Vec<usize> {
    (0..docs.len())
        .filter(|&i| {
            docs.len() <= up_to || i == open || cols.iter().any(|c| c.place == docs[i].region.name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testutil::*;

    #[test]
    fn a_report_list_is_every_report_up_to_a_limit_then_the_chosen_places() {
        let docs = corpus();
        let at = |name: &str| docs.iter().position(|d| d.region.name == name).unwrap();
        let (qz, xc) = (at("衢州市"), at("新昌县"));
        let cols = [PlaceYear {
            place: "衢州市".into(),
            year: 2021,
        }];
        // A small corpus: every report, whatever is chosen.
        let all: Vec<usize> = (0..docs.len()).collect();
        assert_eq!(listed_reports(&docs, &cols, xc, docs.len()), all);
        // Above the limit: the chosen place's reports, and the open one.
        let some = listed_reports(&docs, &cols, xc, 1);
        let mut want = vec![qz, xc];
        want.sort();
        assert_eq!(some, want);
        // Nothing chosen: the open report alone.
        assert_eq!(listed_reports(&docs, &[], qz, 1), [qz]);
    }

    #[test]
    fn places_group_under_their_city_with_years() {
        let g = place_groups(&corpus());
        let names: Vec<(&str, Vec<&str>)> = g
            .iter()
            .map(|g| {
                (
                    g.top.name.as_str(),
                    g.children.iter().map(|c| c.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            names,
            vec![
                ("衢州市", vec![]),
                ("绍兴市", vec!["新昌县"]),
                ("宁波市", vec!["鄞州区"])
            ]
        );
        assert_eq!(g[0].top.years, vec![2021, 2022]);
        // 新昌's claim about 2020 adds that year; 绍兴 keeps its own plan year.
        assert_eq!(g[1].children[0].years, vec![2020, 2021, 2022]);
        assert_eq!(g[1].top.years, vec![2018]);
        assert!(g[2].top.years.is_empty(), "宁波 has no report of its own");
        let av = available(&corpus());
        assert!(av.contains(&PlaceYear::new("新昌县", 2020)));
        assert!(!av.contains(&PlaceYear::new("宁波市", 2022)));
        assert_eq!(av.len(), 2 + 1 + 3 + 2);
    }

    #[test]
    fn city_groups_gather_by_province_in_first_appearance_order() {
        let docs = vec![
            doc("南京市", Level::City, "江苏省", Some(2021), None),
            doc("新昌县", Level::County, "绍兴市", Some(2021), None),
            doc("衢州市", Level::City, "浙江省", Some(2021), None),
            doc("苏州市", Level::City, "江苏省", Some(2021), None),
            doc("浙江省", Level::Province, "", Some(2021), None),
            // Its city has no report: the province is not known.
            doc("鄞州区", Level::District, "宁波市", Some(2021), None),
        ];
        let groups = place_groups(&docs);
        let tops: Vec<&str> = groups.iter().map(|g| g.top.name.as_str()).collect();
        assert_eq!(
            tops,
            ["南京市", "绍兴市", "衢州市", "苏州市", "浙江省", "宁波市"]
        );
        let by = province_groups(&docs, &groups);
        let named: Vec<(&str, Vec<&str>)> = by
            .iter()
            .map(|(p, gs)| (p.as_str(), gs.iter().map(|&i| tops[i]).collect()))
            .collect();
        assert_eq!(
            named,
            vec![
                ("江苏省", vec!["南京市", "苏州市"]),
                // 绍兴 has no report either: only 新昌's, which names its city, not its province.
                ("", vec!["绍兴市", "宁波市"]),
                ("浙江省", vec!["衢州市", "浙江省"]),
            ]
        );
    }

    #[test]
    fn a_county_before_its_city_still_nests() {
        let docs = vec![
            doc("新昌县", Level::County, "绍兴市", Some(2021), None),
            doc("绍兴市", Level::City, "浙江省", None, Some(2018)),
        ];
        let g = place_groups(&docs);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].top.name, "绍兴市");
        assert_eq!(g[0].top.years, vec![2018]);
        assert_eq!(g[0].children[0].name, "新昌县");
    }

    #[test]
    fn reports_for_lists_each_report_once_in_corpus_order() {
        let docs = corpus();
        let cols = [
            PlaceYear::new("新昌县", 2020),
            PlaceYear::new("衢州市", 2022),
            PlaceYear::new("衢州市", 2021),
            PlaceYear::new("外地", 2021),
        ];
        assert_eq!(reports_for(&docs, &cols), vec![0, 1]);
        assert_eq!(reports_for(&docs, &[]), Vec::<usize>::new());
        assert_eq!(
            doc_years(&docs[0]).into_iter().collect::<Vec<_>>(),
            [2021, 2022]
        );
        assert_eq!(
            doc_years(&docs[1]).into_iter().collect::<Vec<_>>(),
            [2020, 2021, 2022]
        );
    }
}
