//! Parser benchmark: parses every seed N times and a generated ~1 MB report (the seeds
//! concatenated with perturbed numbers), and prints milliseconds per document and per MB.
//! Run: `cargo run -q --release -p report --example bench [N]`.

use report::parse::{decode, parse_document};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut docs: Vec<(String, String)> = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in &paths {
        let bytes = std::fs::read(p).expect("readable seed");
        let (text, _) = decode(&bytes).expect("decodable seed");
        docs.push((p.file_stem().unwrap().to_string_lossy().into_owned(), text));
    }
    let seed_bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();

    // Seeds, N times.
    let t = Instant::now();
    let mut claims = 0;
    for _ in 0..n {
        for (id, text) in &docs {
            claims += parse_document(id, id, text).claims.len();
        }
    }
    let el = t.elapsed().as_secs_f64() * 1000.0;
    let mb = (seed_bytes * n) as f64 / 1e6;
    println!(
        "seeds: {} docs × {n} runs, {:.1} KB each run, {claims} claims: {:.2} ms per run of all seeds, {:.1} ms/MB",
        docs.len(),
        seed_bytes as f64 / 1e3,
        el / n as f64,
        el / mb
    );

    // One generated ~1 MB report: seeds concatenated, digits perturbed so numbers differ.
    let mut big = String::new();
    let mut k = 0u32;
    while big.len() < 1_000_000 {
        for (_, text) in &docs {
            for c in text.chars() {
                if c.is_ascii_digit() {
                    k = k.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    big.push(char::from(b'0' + ((k >> 16) % 10) as u8));
                } else {
                    big.push(c);
                }
            }
            big.push('\n');
        }
    }
    let runs = (n / 10).max(3);
    let t = Instant::now();
    let mut big_claims = 0;
    for _ in 0..runs {
        big_claims = parse_document("big", "big.txt", &big).claims.len();
    }
    let el = t.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!(
        "generated report: {:.2} MB, {big_claims} claims: {el:.1} ms per parse, {:.1} ms/MB",
        big.len() as f64 / 1e6,
        el / (big.len() as f64 / 1e6)
    );
}
