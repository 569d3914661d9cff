//! `report pack`, as the benchmark and the scale tests run it: a folder stands for its reports,
//! `--split-over` splits the index by place and `--keep` keeps places whole in it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{root, seed_ids};

fn pack(out: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_report"))
        .current_dir(root())
        .arg("pack")
        .arg(out)
        .args(args)
        .status()
        .expect("the CLI runs");
    assert!(status.success(), "report pack {args:?}");
}

fn out_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("duibiao-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn index(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("index.txt")).expect("index.txt written")
}

#[test]
fn a_folder_packs_as_its_report_files_in_name_order() {
    let (by_dir, by_files) = (out_dir("dir"), out_dir("files"));
    pack(&by_dir, &["seeds"]);
    let files: Vec<String> = seed_ids()
        .iter()
        .map(|id| format!("seeds/{id}.txt"))
        .collect();
    pack(
        &by_files,
        &files.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert_eq!(index(&by_dir), index(&by_files));
    let texts = std::fs::read_dir(by_dir.join("t")).unwrap().count();
    assert_eq!(texts, seed_ids().len(), "one text chunk per report");
    for d in [by_dir, by_files] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn split_over_splits_by_place_and_keep_keeps_a_place_whole() {
    let out = out_dir("split");
    pack(&out, &["--split-over=0", "--keep=新昌县", "seeds"]);
    let idx = report::pack::unpack(&index(&out)).expect("the split index reads");
    let whole: Vec<&str> = idx
        .corpus
        .documents
        .iter()
        .filter(|d| d.pending.is_none())
        .map(|d| d.region.name.as_str())
        .collect();
    // 新昌县 as asked, and the first view's places (the default columns: 衢州市 and 温州市).
    assert!(whole.contains(&"新昌县") && whole.contains(&"衢州市") && whole.contains(&"温州市"));
    assert!(
        !whole.contains(&"绍兴市") && !whole.contains(&"鄞州区"),
        "{whole:?}"
    );
    let chunks: Vec<String> = std::fs::read_dir(out.join("t"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| f.starts_with("g-"))
        .collect();
    assert_eq!(
        chunks.len(),
        2,
        "a chunk for 绍兴市 and one for 鄞州区: {chunks:?}"
    );
    // Every waiting report names an existing chunk.
    for d in idx
        .corpus
        .documents
        .iter()
        .filter_map(|d| d.pending.as_ref())
    {
        assert!(out.join(&d.file).is_file(), "{}", d.file);
    }
    let _ = std::fs::remove_dir_all(out);
}
