//! Golden files: each seed's parse output compared with tests/golden/<id>.json.
//! Re-record with `UPDATE_GOLDEN=1 cargo test -p report --test golden`, then review the diff.

mod common;

use common::{load, root, seed_ids};

#[test]
fn seeds_match_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let dir = root().join("tests/golden");
    let mut failures = Vec::new();
    for id in seed_ids() {
        let doc = load(&format!("seeds/{id}.txt"));
        let fresh = serde_json::to_string_pretty(&doc).expect("serialises") + "\n";
        let path = dir.join(format!("{id}.json"));
        if update {
            std::fs::create_dir_all(&dir).expect("tests/golden is writable");
            std::fs::write(&path, &fresh).expect("golden file is writable");
            continue;
        }
        let Ok(old) = std::fs::read_to_string(&path) else {
            failures.push(format!(
                "{id}: no golden file {} (run with UPDATE_GOLDEN=1)",
                path.display()
            ));
            continue;
        };
        if old != fresh {
            let (n, (a, b)) = old
                .lines()
                .zip(fresh.lines())
                .enumerate()
                .find(|(_, (a, b))| a != b)
                .unwrap_or((
                    old.lines().count().min(fresh.lines().count()),
                    ("<end>", "<end>"),
                ));
            failures.push(format!(
                "{id}: differs from {} at line {}:\n  golden: {a}\n  now:    {b}",
                path.display(),
                n + 1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended, re-record with UPDATE_GOLDEN=1 cargo test -p report --test golden and review the diff.",
        failures.join("\n")
    );
}
