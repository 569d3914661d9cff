//! Parses every report in `seeds/` at build time and embeds the corpus (DOMAIN.md §6 JSON) in the app.
//!
//! A file that cannot be read as text fails the build with its name; a readable report whose
//! place or years are unclear is kept with warnings (the parser never fails on text).

use std::path::Path;

fn main() {
    // DUIBIAO_SEEDS points the build at another folder (the scale benchmarks' generated corpora).
    println!("cargo:rerun-if-env-changed=DUIBIAO_SEEDS");
    let seeds_dir = std::env::var("DUIBIAO_SEEDS").unwrap_or_else(|_| "seeds".into());
    let seeds = Path::new(&seeds_dir);
    println!("cargo:rerun-if-changed={seeds_dir}");
    let corpus = match report::parse::load_dir(seeds) {
        Ok(c) => c,
        Err(e) => {
            // Name the file and the problem; cargo shows this as the build error.
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for d in &corpus.documents {
        println!("cargo:rerun-if-changed={}", d.file);
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.json");
    let json = serde_json::to_string(&corpus).expect("the model serialises");
    std::fs::write(&out, json).expect("OUT_DIR is writable");
}
