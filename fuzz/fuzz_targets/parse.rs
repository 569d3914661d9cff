//! Fuzz target: any bytes through decode + parse_document must never panic, and every offset
//! the parser reports must lie inside the text it returns.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = report::parse::decode(data) else {
        return;
    };
    let doc = report::parse::parse_document("fuzz", "fuzz.txt", &text);
    let n = doc.text.chars().count();
    for c in &doc.claims {
        assert!(c.start <= c.end && c.end <= n, "claim offsets out of range");
        assert!(
            c.number_start <= c.number_end && c.number_end <= n,
            "number offsets out of range"
        );
    }
    for i in &doc.items {
        assert!(i.start <= i.end && i.end <= n, "item offsets out of range");
    }
});
