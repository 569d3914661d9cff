//! Inputs that once broke (or could break) the parser, pinned by name, plus invariants checked
//! on every prefix of the seeds and the development reports: the parser never panics and its
//! offsets always fit its text.

mod common;

use report::parse::{decode, parse_document};
use report::Document;

/// Offsets and quoted texts agree with the document text.
fn check(doc: &Document) {
    let chars: Vec<char> = doc.text.chars().collect();
    let n = chars.len();
    for c in &doc.claims {
        assert!(c.start <= c.end && c.end <= n, "claim {c:?}");
        assert!(
            c.number_start <= c.number_end && c.number_end <= n,
            "claim {c:?}"
        );
        let s: String = chars[c.start..c.end].iter().collect();
        assert_eq!(s, c.text);
        assert!(c.start <= c.number_start && c.number_end <= c.end.max(c.number_end));
        if c.redacted {
            assert!(c.value.is_none());
        }
    }
    for i in &doc.items {
        assert!(i.start <= i.end && i.end <= n, "item {i:?}");
        let s: String = chars[i.start..i.end].iter().collect();
        assert_eq!(s, i.text);
    }
}

fn parse(s: &str) -> Document {
    let d = parse_document("t", "t.txt", s);
    check(&d);
    d
}

#[test]
fn every_prefix_of_every_seed_parses() {
    for id in common::seed_ids() {
        let raw = std::fs::read_to_string(common::root().join(format!("seeds/{id}.txt"))).unwrap();
        let chars: Vec<char> = raw.chars().collect();
        for cut in (0..chars.len()).step_by(97) {
            let s: String = chars[..cut].iter().collect();
            parse(&s);
        }
        check(&common::load(&format!("seeds/{id}.txt")));
    }
}

#[test]
fn every_prefix_of_every_dev_report_parses() {
    let dir = common::root().join("tests/dev/texts");
    for e in std::fs::read_dir(dir).expect("tests/dev/texts") {
        let raw = std::fs::read_to_string(e.unwrap().path()).unwrap();
        let chars: Vec<char> = raw.chars().collect();
        for cut in (0..chars.len()).step_by(53) {
            let s: String = chars[..cut].iter().collect();
            parse(&s);
        }
    }
}

#[test]
fn lone_markers_at_the_end() {
    for s in [
        "第",
        "前",
        "一是",
        "(一",
        "(一)",
        "一、",
        "1.",
        "1、",
        "x",
        "xx.",
        "3-",
        "3-x",
        "近",
        "破",
        "“零”",
        "“零”的",
        "四分之",
        "分之一",
        "2021年",
        "2021年3月",
        "xxxx年",
        "1:",
        "4:1",
        "标题\n1、",
        "区科技局\n",
        "•",
        "|",
        "\u{FEFF}",
        "2021-12-",
        "百万以上",
    ] {
        parse(s);
        parse(&format!("标题2021年工作总结及2022年工作思路\n{s}"));
    }
}

#[test]
fn huge_numbers_do_not_overflow() {
    let d = parse("全市新增高新技术企业99999999999999999999999999999家。居全省第九千九百九十九。");
    assert!(d.claims.iter().all(|c| c.value.is_none_or(f64::is_finite)));
    parse("千千千千千千千千千千千千千千千千亿元");
    parse("第十十十十十十十十十位");
}

#[test]
fn page_markers_without_text() {
    parse("1、\n\n2、\n\n3、\n\n4、");
    let long = "甲".repeat(200);
    parse(&format!("1、{long}\n2、\n3、{long}"));
}

#[test]
fn unbalanced_quotes_and_parentheses() {
    parse("“新增高新技术企业113家");
    parse("新增高新技术企业113家”、(全省申报13家");
    parse("((((((((((((1家))))");
    parse("《《《2020年度》》》显示4.38%");
}

#[test]
fn only_punctuation_and_spaces() {
    parse("。。。,,,;;;\n\n\n   \t");
    parse("\r\n\r\n");
}

#[test]
fn mixed_scripts_and_combining_marks() {
    parse("e\u{301}新增113家🎉,同比增长४५%,居全省第三");
}

#[test]
fn decode_rejects_what_is_not_text() {
    assert!(decode(b"").is_err());
    assert!(decode(b"\x00\x01\x02").is_err());
    assert!(decode(b"\xff\xfe\xfd\xfc\x80\x80").is_err());
    assert!(decode("\u{FEFF}正文".as_bytes()).is_ok());
    let gbk = [0xD5u8, 0xFD, 0xCE, 0xC4]; // 正文 in GBK
    assert_eq!(decode(&gbk).unwrap(), ("正文".to_string(), Some("GB18030")));
}
