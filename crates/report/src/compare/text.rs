//! Text: where a claim's number stands in its sentence, and the reader's text filter.

use super::*;

/// Where the number stands in the claim's sentence, as a byte range of `claim.text`: from the
/// parser's offsets when they fit, else by searching the written value.
pub fn number_span(claim: &Claim) -> Option<Range<usize>> {
    let len = claim.text.chars().count();
    if claim.number_end > claim.number_start
        && claim.number_start >= claim.start
        && claim.number_end - claim.start <= len
    {
        let a = char_to_byte(&claim.text, claim.number_start - claim.start);
        let b = char_to_byte(&claim.text, claim.number_end - claim.start);
        return Some(a..b);
    }
    let needle = if claim.redacted {
        "x".to_string()
    } else {
        fmt_num(claim.value?)
    };
    let at = claim.text.find(&needle)?;
    Some(at..at + needle.len())
}

/// Byte offset of the `n`th char (the end when past it).
pub fn char_to_byte(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map(|(b, _)| b).unwrap_or(s.len())
}

/// The number spans of a document's claims as byte ranges of `doc.text`, sorted, non-overlapping
/// (a claim whose number overlaps an earlier one is left out), with the claim index.
pub fn claim_spans(doc: &Document) -> Vec<(Range<usize>, usize)> {
    let idx: Vec<usize> = doc
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain([doc.text.len()])
        .collect();
    // Spans in (start, end, claim) order, kept when clear of the last kept one. Of the spans
    // starting at one char only the first in that order can be kept, so a slot per char holding
    // it replaces a sort (and its code in the wasm).
    const NONE: usize = usize::MAX;
    let mut first = vec![NONE; idx.len()];
    for (i, c) in doc.claims.iter().enumerate() {
        if c.number_end > c.number_start && c.number_end < idx.len() {
            let f = &mut first[c.number_start];
            if *f == NONE || c.number_end < doc.claims[*f].number_end {
                *f = i;
            }
        }
    }
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    let mut free = 0; // first char after the last kept span
    for (start, &i) in first.iter().enumerate() {
        if i != NONE && start >= free {
            free = doc.claims[i].number_end;
            out.push((idx[start]..idx[free], i));
        }
    }
    out
}

/// Matches of a filter in a text: `None` when some word of the query is missing, else the byte
/// ranges of every occurrence of every word (merged, sorted). Words are separated by spaces;
/// ASCII letters (R&D, GDP) match regardless of case. An empty query matches with no ranges.
pub fn find_matches(text: &str, query: &str) -> Option<Vec<Range<usize>>> {
    // ASCII case folding keeps every byte offset (full lower-casing may not, and needs Unicode
    // tables in the wasm).
    let hay = text.to_ascii_lowercase();
    // Bytes covered by some occurrence; their runs are the occurrences merged, in order.
    let mut hit = vec![false; hay.len()];
    for word in query.split_whitespace() {
        let w = word.to_ascii_lowercase();
        let mut found = false;
        let mut from = 0;
        while let Some(i) = hay[from..].find(&w) {
            found = true;
            hit[from + i..from + i + w.len()].fill(true);
            from += i + w.len().max(1);
        }
        if !found {
            return None;
        }
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for (i, &h) in hit.iter().enumerate() {
        match merged.last_mut() {
            Some(l) if h && l.end == i => l.end = i + 1,
            _ if h => merged.push(i..i + 1),
            _ => {}
        }
    }
    Some(merged)
}

/// Cuts a text into (piece, highlighted) runs by sorted non-overlapping byte ranges.
pub fn segments<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        if r.end > r.start {
            out.push((&text[r.clone()], true));
        }
        at = r.end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testutil::*;

    #[test]
    fn number_span_from_offsets_or_search() {
        let mut c = ach(113.0);
        c.text = "全市新增国家高新技术企业113家、科技型中小企业301家".into();
        c.start = 100;
        c.number_start = 112;
        c.number_end = 116;
        let r = number_span(&c).unwrap();
        assert_eq!(&c.text[r], "113家");
        c.number_start = 0;
        c.number_end = 0;
        let r = number_span(&c).unwrap();
        assert_eq!(&c.text[r], "113");
        c.text = "没有数字".into();
        assert!(number_span(&c).is_none());
        c.text = "净增高新技术企业xx家".into();
        c.redacted = true;
        assert_eq!(&c.text[number_span(&c).unwrap()], "x");
    }

    #[test]
    fn claim_spans_skip_overlaps() {
        let mut d = doc("衢州市", Level::City, "浙江省", Some(2021), None);
        d.text = "新增高企113家、科小301家".into();
        let mut a = ach(113.0);
        a.number_start = 4;
        a.number_end = 8;
        let mut b = ach(301.0);
        b.number_start = 11;
        b.number_end = 15;
        let mut c = ach(13.0);
        c.number_start = 5;
        c.number_end = 7;
        d.claims = vec![b, a, c];
        let s = claim_spans(&d);
        assert_eq!(s.len(), 2);
        assert_eq!(&d.text[s[0].0.clone()], "113家");
        assert_eq!(s[0].1, 1);
        assert_eq!(&d.text[s[1].0.clone()], "301家");
    }

    #[test]
    fn filter_finds_every_word() {
        let t = "推进高新技术企业培育,高新区建设 R&D Lab";
        let m = find_matches(t, "高新").unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(&t[m[0].clone()], "高新");
        assert!(
            find_matches(t, "高新 人才").is_none(),
            "all words must occur"
        );
        let m = find_matches(t, "r&d lab").unwrap();
        assert_eq!(&t[m[0].clone()], "R&D");
        assert_eq!(find_matches(t, "  "), Some(vec![]));
        // Overlapping words merge.
        let m = find_matches(t, "高新技 技术企").unwrap();
        assert_eq!(&t[m[0].clone()], "高新技术企");
        let segs = segments(t, &find_matches(t, "高新区").unwrap());
        assert_eq!(segs[1], ("高新区", true));
        assert_eq!(segs.iter().map(|s| s.0).collect::<String>(), t);
    }

    #[test]
    fn segments_ignore_bad_ranges() {
        let t = "科技局";
        #[allow(clippy::single_range_in_vec_init)]
        let bad = [1..2];
        assert_eq!(segments(t, &bad), vec![("科技局", false)]);
        assert_eq!(segments(t, &[]), vec![("科技局", false)]);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn filter_folds_ascii_case_only_and_keeps_byte_offsets() {
        let t = "R&D研发 rd";
        let m = find_matches(t, "r&d RD").unwrap();
        assert_eq!(m, vec![0..3, 10..12]);
        assert_eq!(&t[m[0].clone()], "R&D");
        assert_eq!(&t[m[1].clone()], "rd");
        // 'İ' lower-cases to three bytes from two: the offsets after it must not move.
        let t = "İ GDP 研发 gdp";
        let m = find_matches(t, "gdp").unwrap();
        assert_eq!(
            m.iter().map(|r| &t[r.clone()]).collect::<Vec<_>>(),
            ["GDP", "gdp"]
        );
        // Touching and overlapping occurrences merge; separate ones do not.
        assert_eq!(find_matches("abcabc", "abc"), Some(vec![0..6]));
        assert_eq!(find_matches("aXbXa", "a b"), Some(vec![0..1, 2..3, 4..5]));
        assert_eq!(find_matches("Gdp", "GDP"), Some(vec![0..3]));
        // Letters outside ASCII are matched as written.
        assert_eq!(find_matches("Éclair", "éclair"), None);
        assert_eq!(find_matches("Éclair", "ÉCLAIR"), Some(vec![0..7]));
    }

    #[test]
    fn claim_spans_keep_the_order_a_stable_sort_gave() {
        // The implementation before the per-char slots.
        let old = |doc: &Document| {
            let idx: Vec<usize> = doc
                .text
                .char_indices()
                .map(|(b, _)| b)
                .chain([doc.text.len()])
                .collect();
            let mut spans: Vec<(Range<usize>, usize)> = doc
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.number_end > c.number_start && c.number_end < idx.len())
                .map(|(i, c)| (idx[c.number_start]..idx[c.number_end], i))
                .collect();
            spans.sort_by_key(|s| (s.0.start, s.0.end));
            let mut out: Vec<(Range<usize>, usize)> = Vec::new();
            for s in spans {
                if out.last().is_none_or(|l| l.0.end <= s.0.start) {
                    out.push(s);
                }
            }
            out
        };
        let mut d = doc("衢州市", Level::City, "浙江省", Some(2021), None);
        d.text = "新增高企113家、科小301家 R&D 2.3%".into();
        let n = d.text.chars().count();
        let mut x: u32 = 12345;
        for round in 0..400 {
            d.claims.clear();
            for _ in 0..(round % 9) {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let a = (x >> 8) as usize % (n + 3);
                let b = (x >> 20) as usize % (n + 3);
                let mut c = ach(1.0);
                c.number_start = a;
                c.number_end = b;
                d.claims.push(c);
            }
            assert_eq!(claim_spans(&d), old(&d), "{round}");
        }
        // Equal spans: the first claim wins; equal starts: the shorter span.
        let span = |a: usize, b: usize| {
            let mut c = ach(1.0);
            c.number_start = a;
            c.number_end = b;
            c
        };
        d.claims = vec![span(4, 8), span(4, 7), span(4, 7), span(8, 9), span(0, 0)];
        assert_eq!(claim_spans(&d), vec![(12..15, 1), (18..21, 3)]);
    }
}
