//! `report` CLI: `extract FILE...` prints the DOMAIN.md §6 JSON, `check FILE...` a human summary
//! of what the parser understood, for a maintainer adding a report, and `pack DIR FILE...` writes
//! the app's data (`DIR/index.txt`, `DIR/t/*.js`; see `report::pack`) without building the app
//! (split by group when larger than `--split-over=BYTES`, `report::pack::SPLIT_BYTES` by default,
//! the first view's places, and any `--keep=PLACE,…`, keeping their group in the index);
//! `scorecard FILE...` judges each place's goals against its results, as the app's 成绩单 does.

use report::parse::{load_file_full, Parsed};
use report::{Corpus, Document, Kind, Measure};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: report extract FILE...   (JSON, DOMAIN.md §6)\n       report check FILE...     (human summary)\n       report scorecard FILE... (goals against results, per place and year)\n       report pack DIR [--keep=PLACE,...] [--split-over=BYTES] FILE...  (the app's index and text chunks)\n(a FILE may be a folder: its .txt files)";
const COMMANDS: [&str; 4] = ["extract", "check", "scorecard", "pack"];

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let keep: Vec<String> = args
        .iter()
        .filter_map(|a| a.strip_prefix("--keep="))
        .flat_map(|k| k.split(',').map(str::to_string))
        .collect();
    let split_over = args
        .iter()
        .find_map(|a| a.strip_prefix("--split-over="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(report::pack::SPLIT_BYTES);
    args.retain(|a| !a.starts_with("--keep=") && !a.starts_with("--split-over="));
    let (cmd, files) = match args.split_first() {
        Some((c, f)) if !f.is_empty() && COMMANDS.contains(&c.as_str()) => (c.as_str(), f),
        Some((c, _)) if !COMMANDS.contains(&c.as_str()) => {
            eprintln!("unknown command {c}: use extract, check, scorecard or pack\n{USAGE}");
            return ExitCode::from(2);
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (out, files) = match (cmd, files.split_first()) {
        ("pack", Some((dir, rest))) if !rest.is_empty() => (Some(Path::new(dir)), rest),
        ("pack", _) => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        _ => (None, files),
    };
    let mut parsed = Vec::new();
    let mut failed = false;
    // A folder stands for its .txt files, in name order (a country's reports overflow a command line).
    let files: Vec<std::path::PathBuf> = files
        .iter()
        .flat_map(|f| {
            let p = Path::new(f);
            let mut in_dir: Vec<std::path::PathBuf> = std::fs::read_dir(p)
                .map(|d| {
                    d.filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                        .collect()
                })
                .unwrap_or_default();
            in_dir.sort();
            if p.is_dir() {
                in_dir
            } else {
                vec![p.to_path_buf()]
            }
        })
        .collect();
    for f in &files {
        match load_file_full(f) {
            Ok(p) => parsed.push(p),
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    if failed {
        return ExitCode::FAILURE;
    }
    if cmd == "check" {
        for p in &parsed {
            print!("{}", summary(p));
        }
        return ExitCode::SUCCESS;
    }
    let docs: Vec<Document> = parsed.into_iter().map(|p| p.doc).collect();
    if cmd == "scorecard" {
        print!("{}", scorecards(&docs));
        return ExitCode::SUCCESS;
    }
    if let Some(dir) = out {
        // The app's first view is whole without loading a group (more with --keep).
        let first = report::compare::default_selection(&report::compare::available(&docs));
        let keep: Vec<String> = keep
            .into_iter()
            .chain(first.into_iter().map(|py| py.place))
            .collect();
        let corpus = Corpus::new(docs);
        let (index, chunks) = report::pack::pack_split(&corpus, &keep, split_over);
        let written = std::fs::create_dir_all(dir)
            .and_then(|_| std::fs::write(dir.join("index.txt"), &index))
            .map_err(|e| format!("cannot write {}: {e}", dir.join("index.txt").display()))
            .and_then(|_| report::pack::write_chunks(dir, &chunks));
        return match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match serde_json::to_string_pretty(&Corpus::new(docs)) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Every place-year with goals, judged: a line per goal with the result and the verdict.
fn scorecards(docs: &[Document]) -> String {
    use report::compare::{available, format_margin, format_tally, format_value, scorecards};
    let mut s = String::new();
    for card in scorecards(docs, &available(docs)) {
        s.push_str(&format!(
            "{} {}: {}\n",
            card.place.place,
            card.place.year,
            format_tally(&card.tally(), false)
        ));
        for l in &card.lines {
            let g = &docs[l.goal.doc].claims[l.goal.claim];
            let mut goal = format!("{} {}", g.subject, format_value(g, false));
            if let Some(st) = l.stretch.and_then(|r| r.get(docs)) {
                goal.push_str(&format!(" / {}", format_value(st, false)));
            }
            let result = l
                .result
                .and_then(|r| r.get(docs))
                .map(|r| format!("{} {}", r.subject, format_value(r, false)))
                .unwrap_or_else(|| "—".into());
            let why = l
                .why
                .map(|w| format!(" ({})", w.text(false)))
                .unwrap_or_default();
            s.push_str(&format!(
                "  {:<6} {goal}  →  {result}  {}{why}\n",
                l.outcome.name(false),
                format_margin(l, g, false)
            ));
        }
    }
    s
}

fn year(y: Option<i32>) -> String {
    y.map(|y| y.to_string()).unwrap_or_else(|| "—".into())
}

/// The human summary of one document.
fn summary(p: &Parsed) -> String {
    let d = &p.doc;
    let mut s = String::new();
    let r = &d.region;
    s.push_str(&format!("{}\n  title:     {}\n", d.file, d.title));
    s.push_str(&format!(
        "  place:     {} ({:?}{}){}\n",
        r.name,
        r.level,
        r.parent
            .as_deref()
            .map(|p| format!(", in {p}"))
            .unwrap_or_default(),
        if r.inferred {
            format!(" INFERRED from {}", r.evidence.as_deref().unwrap_or("?"))
        } else {
            String::new()
        }
    ));
    s.push_str(&format!(
        "  years:     summary {}, plan {}; published {}\n",
        year(d.summary_year),
        year(d.plan_year),
        d.published.as_deref().unwrap_or("—")
    ));
    let count = |k: Kind| d.items.iter().filter(|i| i.kind == k).count();
    s.push_str(&format!(
        "  items:     {} ({} achievements, {} goals)\n",
        d.items.len(),
        count(Kind::Achievement),
        count(Kind::Goal)
    ));
    let ck = |k: Kind| d.claims.iter().filter(|c| c.kind == k).count();
    let cm = |m: Measure| d.claims.iter().filter(|c| c.measure == m).count();
    s.push_str(&format!(
        "  claims:    {} ({} achievements, {} goals; {} level, {} growth, {} share, {} rank; {} redacted, {} without indicator)\n",
        d.claims.len(),
        ck(Kind::Achievement),
        ck(Kind::Goal),
        cm(Measure::Level),
        cm(Measure::Growth),
        cm(Measure::Share),
        cm(Measure::Rank),
        d.claims.iter().filter(|c| c.redacted).count(),
        d.claims.iter().filter(|c| c.indicator.is_none()).count(),
    ));
    // A few claims of each kind, so a maintainer sees what the numbers were read as.
    let chars: Vec<char> = d.text.chars().collect();
    for k in [Kind::Achievement, Kind::Goal] {
        for c in d.claims.iter().filter(|c| c.kind == k).take(3) {
            let value = match (c.value, c.value_max) {
                (Some(a), Some(b)) => format!("{a}-{b}"),
                (Some(a), None) => a.to_string(),
                _ => "x".into(),
            };
            let text: String = c.text.chars().take(40).collect();
            let written: String = chars
                .get(c.number_start..c.number_end.min(chars.len()))
                .map(|w| w.iter().collect())
                .unwrap_or_default();
            s.push_str(&format!(
                "    {:?} {} {} {:?} {}{} {:?}{} [{written}]: {}\n",
                c.kind,
                year(c.year),
                c.indicator.as_deref().unwrap_or("-"),
                c.measure,
                value,
                c.unit,
                c.bound,
                c.modality.map(|m| format!(" {m:?}")).unwrap_or_default(),
                text
            ));
        }
    }
    // Every number read and not taken, with the reason, so nothing is silently dropped.
    s.push_str(&format!(
        "  numbers:   {} read, {} became claims, {} skipped\n",
        p.numbers,
        d.claims.len(),
        p.skipped.len()
    ));
    for k in &p.skipped {
        let (_, why) = k.reason.describe();
        let context: String = chars[k.start.saturating_sub(8)..(k.end + 4).min(chars.len())]
            .iter()
            .collect::<String>()
            .replace('\n', " ");
        s.push_str(&format!("    skipped [{}] {why}: …{context}…\n", k.written));
    }
    if d.warnings.is_empty() {
        s.push_str("  warnings:  none\n");
    }
    for w in &d.warnings {
        s.push_str(&format!("  ! {:?}: {}\n", w.code, w.message_en));
    }
    s
}
