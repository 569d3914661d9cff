//! A country's index split by province (`report::pack::pack_provinces`): the index names the
//! provinces and their places and holds only the first view's reports; each province's manifest,
//! appended, gives back the reports the province's places have, as the index split by place alone
//! has them. The index grows with places, not with reports.

mod common;

use common::{load, seed_ids};
use report::compare::doc_years;
use report::pack::{pack_groups, pack_provinces, pack_split, unpack, Index, MANIFEST};
use report::{Corpus, Document, Level};

fn seeds() -> Vec<Document> {
    seed_ids()
        .iter()
        .map(|id| load(&format!("seeds/{id}.txt")))
        .collect()
}

/// `cities` made-up cities, the first half in 浙江省 and the rest in 江苏省, each with a county;
/// every place has the seeds' 衢州 report moved by `years` years (one report per shift).
fn country(cities: usize, years: &[i32]) -> Corpus {
    let all = seeds();
    let city = all.iter().find(|d| d.region.name == "衢州市").unwrap();
    let mut docs = Vec::new();
    for i in 0..cities {
        let province = if i < cities / 2 {
            "浙江省"
        } else {
            "江苏省"
        };
        let name = format!("城{i}市");
        for &shift in years {
            let mut d = city.clone();
            d.id = format!("{i:03}_{shift}");
            d.region.name = name.clone();
            d.region.parent = Some(province.into());
            d.region.parent_en = Some(
                if i < cities / 2 {
                    "Zhejiang"
                } else {
                    "Jiangsu"
                }
                .into(),
            );
            d.summary_year = d.summary_year.map(|y| y + shift);
            d.plan_year = d.plan_year.map(|y| y + shift);
            for c in d.claims.iter_mut() {
                c.year = c.year.map(|y| y + shift);
            }
            let mut county = d.clone();
            county.id = format!("{i:03}k_{shift}");
            county.region.name = format!("城{i}县");
            county.region.level = Level::County;
            county.region.parent = Some(name.clone());
            docs.push(d);
            docs.push(county);
        }
    }
    Corpus::new(docs)
}

/// Every document of `index` with its manifests' appended, by id, with its text chunk.
fn appended(index: &Index, manifests: &[(String, String)]) -> Vec<(Document, String)> {
    let mut out: Vec<(Document, String)> = index
        .corpus
        .documents
        .iter()
        .cloned()
        .zip(index.chunks.iter().cloned())
        .collect();
    for (_, text) in manifests {
        let m = unpack(text).expect("a manifest reads as an index");
        assert!(m.provinces.is_empty(), "a manifest names no province");
        out.extend(m.corpus.documents.into_iter().zip(m.chunks));
    }
    out.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    out
}

fn manifests(chunks: &[report::pack::Chunk]) -> Vec<(String, String)> {
    chunks
        .iter()
        .filter(|c| c.doc_id.starts_with(MANIFEST))
        .map(|c| (c.doc_id.clone(), c.text.clone()))
        .collect()
}

#[test]
fn the_index_names_provinces_and_keeps_only_the_first_views_reports() {
    let corpus = country(40, &[0, 1]);
    let keep = vec!["城3市".to_string()];
    let (text, chunks) = pack_provinces(&corpus, &keep).expect("40 cities in two provinces");
    let index = unpack(&text).unwrap();
    // Kept: 城3市's two reports, whole (claims here, nothing pending).
    let ids: Vec<&str> = index
        .corpus
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(ids, ["003_0", "003_1"]);
    assert!(index
        .corpus
        .documents
        .iter()
        .all(|d| d.pending.is_none() && !d.claims.is_empty()));
    // Both provinces, in the order they appear, each with its 20 cities and its places waiting.
    let names: Vec<&str> = index.provinces.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["浙江省", "江苏省"]);
    assert_eq!(index.provinces[0].name_en.as_deref(), Some("Zhejiang"));
    assert!(index.provinces.iter().all(|p| p.cities == 20));
    // Every place of the province, the kept one too.
    let zj = &index.provinces[0].places;
    assert_eq!(zj.len(), 20 * 2, "浙江's cities and counties");
    assert!(zj.contains(&"城3县".to_string()) && zj.contains(&"城3市".to_string()));
    assert!(index.provinces[1].places.contains(&"城39县".to_string()));
    // One manifest per province, named as its P line says.
    let got = manifests(&chunks);
    assert_eq!(got.len(), 2);
    for p in &index.provinces {
        let c = chunks.iter().find(|c| c.doc_id == p.id()).unwrap();
        assert_eq!(c.file, p.file);
        assert!(c.file.starts_with("t/m-") && c.file.ends_with(".js"));
    }
}

#[test]
fn the_manifests_appended_give_the_reports_the_index_split_by_place_has() {
    let corpus = country(40, &[0, 1]);
    let keep = vec!["城3市".to_string()];
    let (text, chunks) = pack_provinces(&corpus, &keep).unwrap();
    let by_province = appended(&unpack(&text).unwrap(), &manifests(&chunks));
    let (places_text, places_chunks) = pack_groups(&corpus, &keep);
    let by_place = appended(&unpack(&places_text).unwrap(), &[]);
    assert_eq!(by_province, by_place);
    assert_eq!(by_province.len(), 160);
    // The group chunks with the claims are the same files.
    let groups = |c: &[report::pack::Chunk]| {
        let mut g: Vec<(String, String)> = c
            .iter()
            .filter(|c| c.doc_id.starts_with("g:"))
            .map(|c| (c.doc_id.clone(), c.file.clone()))
            .collect();
        g.sort();
        g
    };
    assert_eq!(groups(&chunks), groups(&places_chunks));
    // A waiting report still knows its years.
    let d = &by_province.iter().find(|d| d.0.id == "039k_1").unwrap().0;
    assert!(d.pending.is_some());
    let whole = corpus.documents.iter().find(|w| w.id == "039k_1").unwrap();
    assert_eq!(doc_years(d), doc_years(whole));
}

#[test]
fn more_years_of_the_same_places_leave_the_index_as_it_was_but_for_the_manifest_names() {
    let strip = |text: &str| {
        let mut index = unpack(text).unwrap();
        for p in index.provinces.iter_mut() {
            p.file.clear();
        }
        index
    };
    let (two, _) = pack_provinces(&country(40, &[0, 1]), &[]).unwrap();
    let (five, chunks) = pack_provinces(&country(40, &[0, 1, 2, 3, 4]), &[]).unwrap();
    assert_eq!(strip(&two), strip(&five));
    // The manifest names are hashes of the same length: the same size to the byte.
    assert_eq!(two.len(), five.len());
    assert_eq!(manifests(&chunks).len(), 2);
}

#[test]
fn a_province_or_a_handful_of_cities_is_not_split_by_province() {
    // 30 city groups: the picker lists cities, so the index names places.
    assert!(pack_provinces(&country(15, &[0]), &[]).is_none());
    // Many cities of one province.
    let mut one = country(40, &[0]);
    for d in one
        .documents
        .iter_mut()
        .filter(|d| d.region.level == Level::City)
    {
        d.region.parent = Some("浙江省".into());
    }
    assert!(pack_provinces(&one, &[]).is_none());
    assert_eq!(pack_split(&one, &[], 0), pack_groups(&one, &[]));
    // A country above the size limit is.
    let (text, _) = pack_split(&country(40, &[0]), &[], 0);
    assert_eq!(unpack(&text).unwrap().provinces.len(), 2);
}

#[test]
fn a_damaged_province_line_is_an_error_not_a_panic() {
    for bad in [
        "duibiao-pack 2\nP\t浙江省",
        "duibiao-pack 2\nP\t浙江省\t\tt/m-1.js\tmany\t",
        "duibiao-pack 2\nP\t浙江省\t\tt/m-1.js\t3\ta,b\textra",
    ] {
        assert!(unpack(bad).is_err(), "{bad:?}");
    }
    let ok = unpack("duibiao-pack 2\nP\t浙江省\tZhejiang\tt/m-1.js\t3\ta,b").unwrap();
    assert_eq!(ok.provinces[0].places, ["a", "b"]);
    // A province whose every place is kept has no manifest.
    let corpus = country(40, &[0]);
    let zj: Vec<String> = corpus
        .documents
        .iter()
        .filter(|d| d.id.as_str() < "020")
        .map(|d| d.region.name.clone())
        .collect();
    let (text, chunks) = pack_provinces(&corpus, &zj).unwrap();
    let index = unpack(&text).unwrap();
    assert_eq!(index.provinces[0].file, "");
    assert_eq!(manifests(&chunks).len(), 1);
    assert_eq!(index.corpus.documents.len(), 40);
}
