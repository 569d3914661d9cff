//! A large corpus's index split by group of places (`report::pack::pack_groups`): the index alone
//! already knows every place and year; each group's chunk, merged in, gives back exactly the
//! documents the unsplit index holds.

mod common;

use common::{load, seed_ids};
use report::compare::{available, reports_for};
use report::pack::{group_of, merge_group, pack, pack_groups, pack_split, unpack, Chunk};
use report::Corpus;

fn seeds() -> Corpus {
    Corpus::new(
        seed_ids()
            .iter()
            .map(|id| load(&format!("seeds/{id}.txt")))
            .collect(),
    )
}

fn group_chunks(chunks: &[Chunk]) -> Vec<&Chunk> {
    chunks
        .iter()
        .filter(|c| c.doc_id.starts_with("g:"))
        .collect()
}

#[test]
fn a_place_is_a_group_with_all_its_years() {
    let (_, chunks) = pack_groups(&seeds(), &[]);
    let mut groups: Vec<&str> = group_chunks(&chunks)
        .iter()
        .map(|c| c.doc_id.as_str())
        .collect();
    groups.sort();
    // The seeds' places: 衢州市, 新昌县, 温州市, 绍兴市 and 鄞州区 (a district of 宁波市).
    assert_eq!(
        groups,
        ["g:新昌县", "g:温州市", "g:绍兴市", "g:衢州市", "g:鄞州区"]
    );
    let xinchang = seeds()
        .documents
        .into_iter()
        .find(|d| d.region.name == "新昌县");
    assert_eq!(xinchang.as_ref().map(group_of), Some("新昌县"));
}

#[test]
fn the_split_index_knows_every_place_year_and_the_merged_groups_give_back_the_whole_corpus() {
    let corpus = seeds();
    let whole = unpack(&pack(&corpus).0).expect("the whole index reads");
    let (index, chunks) = pack_groups(&corpus, &["温州市".to_string()]);
    let mut split = unpack(&index).expect("the split index reads");

    // 温州市 is kept; every other place went to a chunk of its own.
    let mut groups: Vec<&str> = group_chunks(&chunks)
        .iter()
        .map(|c| c.doc_id.as_str())
        .collect();
    groups.sort();
    assert_eq!(groups, ["g:新昌县", "g:绍兴市", "g:衢州市", "g:鄞州区"]);
    for d in &split.corpus.documents {
        let waits = d.pending.is_some();
        assert_eq!(waits, d.region.name != "温州市", "{}", d.region.name);
        assert_eq!(waits, d.claims.is_empty() && d.items.is_empty(), "{}", d.id);
        // Its title and source file wait with its claims.
        assert_eq!(waits, d.title.is_empty() && d.file.is_empty(), "{}", d.id);
    }
    assert!(
        index.len() * 3 < pack(&corpus).0.len(),
        "the index lost most of its weight"
    );

    // Before any chunk arrives the picker's place-years and the columns' reports are all known.
    assert_eq!(
        available(&split.corpus.documents),
        available(&whole.corpus.documents)
    );
    for py in available(&whole.corpus.documents) {
        let col = [py];
        assert_eq!(
            reports_for(&split.corpus.documents, &col),
            reports_for(&whole.corpus.documents, &col),
            "{col:?}"
        );
    }

    // Every group merged in: the same documents as the whole index, text chunks named the same.
    for g in group_chunks(&chunks) {
        let filled =
            merge_group(&mut split.corpus, &g.doc_id, &g.text).expect("a group chunk reads");
        assert!(filled > 0, "{} filled documents", g.doc_id);
        // A second arrival of the same chunk changes nothing.
        assert_eq!(merge_group(&mut split.corpus, &g.doc_id, &g.text), Ok(0));
    }
    assert_eq!(split.corpus, whole.corpus);
    assert_eq!(split.chunks, whole.chunks);
}

#[test]
fn a_damaged_group_chunk_is_an_error_and_its_documents_keep_waiting() {
    let (index, chunks) = pack_groups(&seeds(), &[]);
    let mut split = unpack(&index).unwrap();
    let g = group_chunks(&chunks)[0];
    let cut = &g.text[..g.text.len() / 2];
    // Cut mid-record: an error, or (cut at a line end) fewer documents than the group has.
    let before = split
        .corpus
        .documents
        .iter()
        .filter(|d| d.pending.is_some())
        .count();
    match merge_group(&mut split.corpus, &g.doc_id, cut) {
        Err(_) => {}
        Ok(n) => assert!(n < before),
    }
    assert!(merge_group(&mut split.corpus, &g.doc_id, "not an index").is_err());
    assert!(split.corpus.documents.iter().any(|d| d.pending.is_some()));
}

#[test]
fn a_small_corpus_is_not_split() {
    let corpus = seeds();
    assert_eq!(
        pack_split(&corpus, &[], report::pack::SPLIT_BYTES),
        pack(&corpus)
    );
    assert_eq!(pack_split(&corpus, &[], 0), pack_groups(&corpus, &[]));
}

#[test]
fn a_text_loaded_before_its_group_still_fills_the_claims_sentences() {
    let corpus = seeds();
    let whole = unpack(&pack(&corpus).0).unwrap();
    let (index, chunks) = pack_groups(&corpus, &[]);
    let mut split = unpack(&index).unwrap();
    let i = 0;
    let text = chunks
        .iter()
        .find(|c| c.doc_id == split.corpus.documents[i].id)
        .unwrap()
        .text
        .clone();
    report::pack::fill_text(&mut split.corpus.documents[i], text.clone());
    let group = split.corpus.documents[i].pending.clone().unwrap().group;
    let g = chunks.iter().find(|c| c.doc_id == group).unwrap();
    merge_group(&mut split.corpus, &group, &g.text).unwrap();
    let mut expected = whole.corpus.documents[i].clone();
    report::pack::fill_text(&mut expected, text);
    assert_eq!(split.corpus.documents[i], expected);
    assert!(expected.claims.iter().all(|c| !c.text.is_empty()));
}
