//! `report` CLI: `extract FILE...` prints the DOMAIN.md §6 JSON, `check FILE...` a human summary.

use report::parse::load_file;
use report::Corpus;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, files) = match args.split_first() {
        Some((c, f)) if !f.is_empty() => (c.as_str(), f),
        _ => {
            eprintln!("usage: report extract FILE...   (JSON, DOMAIN.md §6)\n       report check FILE...     (human summary)");
            return ExitCode::from(2);
        }
    };
    let mut docs = Vec::new();
    for f in files {
        match load_file(Path::new(f)) {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    match cmd {
        "extract" => {
            println!(
                "{}",
                serde_json::to_string_pretty(&Corpus::new(docs)).expect("serialisable")
            );
        }
        "check" => {
            for d in &docs {
                println!(
                    "{}: {} ({:?}) summary {:?} plan {:?}, {} items, {} claims",
                    d.file,
                    d.region.name,
                    d.region.level,
                    d.summary_year,
                    d.plan_year,
                    d.items.len(),
                    d.claims.len()
                );
                for w in &d.warnings {
                    println!("  ! {}", w.message_en);
                }
            }
        }
        _ => {
            eprintln!("unknown command {cmd}: use extract or check");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
