//! The national gazetteer: every Chinese administrative unit down to county level, for finding
//! which place a report is about. The data is `data/gazetteer.tsv`, made by `scripts/gazetteer.mjs`.

use crate::model::Level;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A multiplicative hash for the build's maps (codes and names of trusted, bundled data):
/// SipHash made building the gazetteer several times slower, and it runs before the first parse.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(w));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

const DATA: &str = include_str!("../../data/gazetteer.tsv");

/// Full names that are also ordinary words: `lookup` finds them, `scan` does not.
const GENERIC_NAMES: &[&str] = &["城区", "郊区", "矿区"];

/// One administrative unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub code: u32,
    pub name: &'static str,
    pub level: Level,
    /// Index into [`units`]; `None` for provinces.
    pub parent: Option<usize>,
    /// Short forms: `鄞州`, `景宁`, `内蒙古`.
    pub shorts: Vec<&'static str>,
    /// No longer exists (鄞县, 绍兴县), but older reports name it.
    pub former: bool,
    /// For a former unit: the unit that took its place, when there is one.
    pub successor: Option<usize>,
    /// The English name (`Quzhou`, `Xinchang County`); empty when the data has none.
    pub en: &'static str,
}

/// A mention found by [`scan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Char indexes into the scanned text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Every unit with that name or short form, as [`lookup`] orders them.
    pub units: Vec<usize>,
    /// The string is only ever a short form (`宁波`), never a full name (`宁波市`).
    pub short: bool,
}

struct Gazetteer {
    units: Vec<Unit>,
    /// Lines of the data that could not be read.
    /// Counted for the test that the shipped file is clean; the parser itself skips bad lines.
    #[cfg_attr(not(test), allow(dead_code))]
    bad: usize,
    /// Name or short form → its entry in `patterns`.
    by_name: FxMap<&'static str, usize>,
    patterns: Vec<Pattern>,
    trie: Trie,
}

struct Pattern {
    units: Vec<usize>,
    short: bool,
}

/// A char trie over the names and short forms, flattened into arrays; node 0 is the root.
struct Trie {
    /// Node n's edges are `edge_char[first_edge[n]..first_edge[n + 1]]`, sorted.
    first_edge: Vec<u32>,
    edge_char: Vec<char>,
    edge_node: Vec<u32>,
    /// Per node: index into `patterns`, or `NONE`.
    pattern: Vec<u32>,
    /// A bit per hashed pair of first two chars: every name has two or more, and most text
    /// positions fail this test, which is cheaper than walking the trie (see [`pair_bit`]).
    pairs: Vec<u64>,
}

const PAIR_BITS: u32 = 18;

/// The bit of a two-char prefix in [`Trie::pairs`]; a quarter-million bits for some six thousand
/// prefixes keeps false positives near 2%.
#[inline(always)]
fn pair_bit(a: char, b: char) -> usize {
    let h = (a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32).wrapping_mul(0x85EB_CA77);
    (h >> (32 - PAIR_BITS)) as usize
}

const NONE: u32 = u32::MAX;

impl Trie {
    /// Builds from (word, pattern index) pairs sorted by word.
    fn new(words: &[(&str, usize)]) -> Self {
        // Edges as (parent, char, child) in the order made, then grouped by parent (a counting
        // sort): one allocation, not one per node. Sorted words give each node its edges in char
        // order, and a shared prefix's edge is the one its node made last.
        let mut made: Vec<(u32, char, u32)> = Vec::new();
        let mut last = vec![NONE];
        let mut pattern = vec![NONE];
        let mut pairs = vec![0u64; (1 << PAIR_BITS) / 64];
        for &(word, p) in words {
            let mut cs = word.chars();
            if let (Some(a), Some(b)) = (cs.next(), cs.next()) {
                let bit = pair_bit(a, b);
                pairs[bit / 64] |= 1 << (bit % 64);
            }
            let mut node = 0;
            for c in word.chars() {
                node = match made.get(last[node] as usize).filter(|e| e.1 == c) {
                    Some(e) => e.2 as usize,
                    None => {
                        let n = pattern.len();
                        last[node] = made.len() as u32;
                        made.push((node as u32, c, n as u32));
                        last.push(NONE);
                        pattern.push(NONE);
                        n
                    }
                };
            }
            pattern[node] = p as u32;
        }
        let mut first_edge = vec![0u32; pattern.len() + 1];
        for e in &made {
            first_edge[e.0 as usize + 1] += 1;
        }
        for n in 1..first_edge.len() {
            first_edge[n] += first_edge[n - 1];
        }
        let mut fill = first_edge.clone();
        let (mut edge_char, mut edge_node) = (vec!['\0'; made.len()], vec![0u32; made.len()]);
        for &(parent, c, child) in &made {
            let k = &mut fill[parent as usize];
            edge_char[*k as usize] = c;
            edge_node[*k as usize] = child;
            *k += 1;
        }
        Trie {
            first_edge,
            edge_char,
            edge_node,
            pattern,
            pairs,
        }
    }

    /// The node reached from `node` by `c`, 0 when none (the root is nobody's child). Plain
    /// loops and forced inlining: the release profile optimises for size, and this is the hot path.
    #[inline(always)]
    fn child(&self, node: u32, c: char) -> u32 {
        let n = node as usize;
        let (mut k, mut end) = (self.first_edge[n] as usize, self.first_edge[n + 1] as usize);
        // Halve long runs (the root has thousands of edges, a first char up to fifty), then look through.
        while end - k > 8 {
            let mid = (k + end) / 2;
            if self.edge_char[mid] <= c {
                k = mid;
            } else {
                end = mid;
            }
        }
        while k < end {
            if self.edge_char[k] == c {
                return self.edge_node[k];
            }
            k += 1;
        }
        0
    }
}

fn level_of(s: &str) -> Option<Level> {
    Some(match s {
        "province" => Level::Province,
        "city" => Level::City,
        "county" => Level::County,
        "district" => Level::District,
        _ => return None,
    })
}

/// Provinces above cities above county-level units: a parent must rank lower than its child,
/// which also rules out cycles.
fn rank(l: Level) -> u8 {
    match l {
        Level::Province => 0,
        Level::City => 1,
        _ => 2,
    }
}

struct Row {
    code: u32,
    name: &'static str,
    level: Level,
    parent: Option<u32>,
    shorts: Vec<&'static str>,
    former: bool,
    successor: Option<u32>,
    en: &'static str,
}

fn parse_row(line: &'static str) -> Option<Row> {
    let mut f = line.split('\t');
    let code = f.next()?.parse().ok()?;
    let name = f.next().filter(|n| !n.is_empty())?;
    let level = level_of(f.next()?)?;
    let parent = match f.next()? {
        "" => None,
        p => Some(p.parse().ok()?),
    };
    let shorts = f
        .next()
        .unwrap_or("")
        .split(',')
        .filter(|s| !s.is_empty())
        .collect();
    let (former, successor) = match f.next().unwrap_or("") {
        "" => (false, None),
        "former" => (true, None),
        note => (true, Some(note.strip_prefix("former:")?.parse().ok()?)),
    };
    let en = f.next().unwrap_or("");
    if f.next().is_some() || (parent.is_none() != (level == Level::Province)) {
        return None;
    }
    Some(Row {
        code,
        name,
        level,
        parent,
        shorts,
        former,
        successor,
        en,
    })
}

/// Reads the data, skipping (and counting) lines that are malformed, repeat a code, or name a
/// parent that is missing or not above them.
fn load(text: &'static str) -> (Vec<Unit>, usize) {
    let lines = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    let mut rows: Vec<Row> = Vec::new();
    let mut bad = 0;
    let mut seen: FxMap<u32, Level> = FxMap::default();
    for line in lines {
        match parse_row(line) {
            Some(r) if !seen.contains_key(&r.code) => {
                seen.insert(r.code, r.level);
                rows.push(r);
            }
            _ => bad += 1,
        }
    }
    // Dropping a row can orphan its children: repeat until nothing changes.
    loop {
        let before = rows.len();
        rows.retain(|r| {
            r.parent
                .is_none_or(|p| seen.get(&p).is_some_and(|&pl| rank(pl) < rank(r.level)))
        });
        if rows.len() == before {
            break;
        }
        bad += before - rows.len();
        seen = rows.iter().map(|r| (r.code, r.level)).collect();
    }
    let index: FxMap<u32, usize> = rows.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    let units = rows
        .into_iter()
        .map(|r| Unit {
            code: r.code,
            name: r.name,
            level: r.level,
            parent: r.parent.and_then(|p| index.get(&p).copied()),
            shorts: r.shorts,
            former: r.former,
            successor: r.successor.and_then(|s| index.get(&s).copied()),
            en: r.en,
        })
        .collect();
    (units, bad)
}

fn build(text: &'static str) -> Gazetteer {
    let (units, bad) = load(text);
    // (string, unit, is short form)
    let mut names: FxMap<&'static str, Vec<(usize, bool)>> = FxMap::default();
    for (i, u) in units.iter().enumerate() {
        names.entry(u.name).or_default().push((i, false));
        for &s in &u.shorts {
            names.entry(s).or_default().push((i, true));
        }
    }
    let mut keys: Vec<&'static str> = names.keys().copied().collect();
    keys.sort_unstable(); // a deterministic trie and pattern order
    let mut by_name = FxMap::with_capacity_and_hasher(keys.len(), Default::default());
    let mut patterns = Vec::with_capacity(keys.len());
    let mut words = Vec::with_capacity(keys.len());
    for key in keys {
        let mut cands = names.remove(key).unwrap_or_default();
        // Full names first, current before former, higher levels first, then by code.
        cands.sort_by_key(|&(i, short)| (short, units[i].former, units[i].level, units[i].code));
        cands.dedup_by_key(|c| c.0);
        let p = patterns.len();
        patterns.push(Pattern {
            short: cands.iter().all(|c| c.1),
            units: cands.into_iter().map(|c| c.0).collect(),
        });
        by_name.insert(key, p);
        // Scanning assumes two chars or more (the data has no shorter name).
        if !GENERIC_NAMES.contains(&key) && key.chars().nth(1).is_some() {
            words.push((key, p));
        }
    }
    Gazetteer {
        units,
        bad,
        by_name,
        patterns,
        trie: Trie::new(&words),
    }
}

fn data() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| build(DATA))
}

/// All units, in the data's order (by code).
#[cfg(test)]
pub(crate) fn units() -> &'static [Unit] {
    &data().units
}

pub(crate) fn get(i: usize) -> &'static Unit {
    &data().units[i]
}

/// Parent, grandparent…
pub(crate) fn ancestors(i: usize) -> impl Iterator<Item = usize> {
    std::iter::successors(get(i).parent, |&p| get(p).parent)
}

/// The provincial-level unit that `i` lies in (itself for a province).
#[cfg(test)]
pub(crate) fn province_of(i: usize) -> Option<usize> {
    std::iter::once(i)
        .chain(ancestors(i))
        .find(|&a| get(a).level == Level::Province)
}

/// The units with that exact full name or short form: full-name matches first, then current
/// before former, higher levels first, by code (`河南` → 河南省, 河南蒙古族自治县).
pub(crate) fn lookup(name: &str) -> Vec<usize> {
    let g = data();
    g.by_name
        .get(name)
        .map(|&p| g.patterns[p].units.clone())
        .unwrap_or_default()
}

/// The English name of the unit with that exact full name (current before former, higher
/// levels first, as [`lookup`] orders them).
pub(crate) fn english(name: &str) -> Option<&'static str> {
    let g = data();
    let p = *g.by_name.get(name)?;
    g.patterns[p]
        .units
        .iter()
        .map(|&u| &g.units[u])
        .find(|u| u.name == name)
        .map(|u| u.en)
        .filter(|en| !en.is_empty())
}

/// Every mention in `text`, leftmost-longest, non-overlapping: a full name shadows the short forms
/// inside it (`宁波市` is one hit, not `宁波` and more).
pub(crate) fn scan(text: &[char]) -> Vec<Hit> {
    let g = data();
    let mut hits = Vec::new();
    let mut i = 0;
    // Names have two chars or more.
    while i + 1 < text.len() {
        let bit = pair_bit(text[i], text[i + 1]);
        if g.trie.pairs[bit / 64] & (1 << (bit % 64)) == 0 {
            i += 1;
            continue;
        }
        let (mut best, mut end) = (NONE, i);
        let mut node = g.trie.child(0, text[i]);
        let mut j = i + 1;
        while node != 0 {
            let p = g.trie.pattern[node as usize];
            if p != NONE {
                (best, end) = (p, j);
            }
            if j == text.len() {
                break;
            }
            node = g.trie.child(node, text[j]);
            j += 1;
        }
        // `全州` is also "the whole prefecture" (`全州新增…`): the county only with its `县`.
        let scope_word = best != NONE
            && g.patterns[best as usize].short
            && text[i] == '全'
            && text.get(end) != Some(&'县');
        if best == NONE || scope_word {
            i += 1;
        } else {
            let p = &g.patterns[best as usize];
            hits.push(Hit {
                start: i,
                end,
                units: p.units.clone(),
                short: p.short,
            });
            i = end;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_word_is_no_short_name() {
        let text: Vec<char> = "全州新增高新技术企业12家,全州县新增3家".chars().collect();
        let hits = scan(&text);
        assert_eq!(hits.len(), 1);
        assert_eq!(get(hits[0].units[0]).name, "全州县");
    }

    fn one(name: &str) -> usize {
        let found = lookup(name);
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        found[0]
    }

    fn names(ids: impl IntoIterator<Item = usize>) -> Vec<&'static str> {
        ids.into_iter().map(|i| get(i).name).collect()
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// (text, first unit's name, short) of each hit.
    fn hits(text: &str) -> Vec<(String, &'static str, bool)> {
        let t = chars(text);
        scan(&t)
            .into_iter()
            .map(|h| {
                (
                    t[h.start..h.end].iter().collect(),
                    get(h.units[0]).name,
                    h.short,
                )
            })
            .collect()
    }

    #[test]
    fn gazetteer_file_has_no_bad_line() {
        assert_eq!(data().bad, 0);
        let lines = DATA.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(units().len(), lines);
    }

    #[test]
    fn gazetteer_counts_per_level() {
        let current = |l: Level| units().iter().filter(|u| u.level == l && !u.former).count();
        assert_eq!(current(Level::Province), 34);
        assert!((330..=340).contains(&current(Level::City)));
        let county_level = current(Level::County) + current(Level::District);
        assert!((2800..=2900).contains(&county_level), "{county_level}");
        for name in [
            "香港特别行政区",
            "澳门特别行政区",
            "台湾省",
            "北京市",
            "重庆市",
        ] {
            assert_eq!(get(one(name)).level, Level::Province, "{name}");
        }
    }

    #[test]
    fn gazetteer_codes_unique_and_parents_resolve() {
        let mut codes: Vec<u32> = units().iter().map(|u| u.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), units().len());
        for (i, u) in units().iter().enumerate() {
            assert_eq!(u.parent.is_none(), u.level == Level::Province, "{}", u.name);
            let p = province_of(i).expect("every unit lies in a province");
            assert_eq!(get(p).code / 10000, u.code / 10000, "{}", u.name);
        }
    }

    #[test]
    fn gazetteer_chains() {
        let yinzhou = one("鄞州区");
        assert_eq!(get(yinzhou).level, Level::District);
        assert_eq!(names(ancestors(yinzhou)), ["宁波市", "浙江省"]);
        assert_eq!(lookup("鄞州"), [yinzhou]);

        let fengjie = one("奉节");
        assert_eq!(get(fengjie).name, "奉节县");
        assert_eq!(names(ancestors(fengjie)), ["重庆市"]);

        let zhongshan = lookup("中山市")[0];
        assert_eq!(get(zhongshan).level, Level::City);
        assert_eq!(names(ancestors(zhongshan)), ["广东省"]);

        let xiantao = one("仙桃市");
        assert_eq!(get(xiantao).level, Level::County);
        assert_eq!(names(ancestors(xiantao)), ["湖北省"]);
        assert_eq!(province_of(xiantao), Some(one("湖北省")));
    }

    #[test]
    fn gazetteer_short_forms() {
        assert_eq!(get(one("景宁")).name, "景宁畲族自治县");
        assert_eq!(get(one("峨边")).name, "峨边彝族自治县");
        assert_eq!(get(one("内蒙古")).name, "内蒙古自治区");
        assert_eq!(get(one("广西")).name, "广西壮族自治区");
        assert_eq!(get(one("新疆")).name, "新疆维吾尔自治区");
        assert_eq!(names(lookup("恩施")), ["恩施土家族苗族自治州", "恩施市"]);
        assert!(lookup("随").is_empty());
        // A full name comes before the short forms equal to it; provinces before counties.
        assert_eq!(names(lookup("河南")), ["河南省", "河南蒙古族自治县"]);
        let gulou = lookup("鼓楼区");
        assert!(gulou.len() >= 3, "{gulou:?}");
        assert!(gulou.iter().all(|&i| get(i).name == "鼓楼区"));
    }

    #[test]
    fn gazetteer_stop_list() {
        for (i, u) in units().iter().enumerate() {
            for s in &u.shorts {
                assert!(s.chars().count() >= 2, "{}: {s}", u.name);
                assert!(!["城区", "新区", "市区", "郊区", "矿区", "林区", "开发区"].contains(s));
                assert!(!lookup(s).is_empty() && lookup(s).contains(&i));
            }
        }
        assert!(lookup("新区").is_empty());
        assert_eq!(names(lookup("浦东")), ["浦东新区"]);
        // A generic full name is found by lookup, not by scan.
        assert!(!lookup("郊区").is_empty());
        assert!(hits("城区和郊区").is_empty());
    }

    #[test]
    fn gazetteer_former_units() {
        let shaoxing_county = one("绍兴县");
        let u = get(shaoxing_county);
        assert!(u.former && u.shorts.is_empty());
        assert_eq!(names(u.parent), ["绍兴市"]);
        assert_eq!(names(u.successor), ["柯桥区"]);
        assert_eq!(names(lookup("绍兴")), ["绍兴市"]);
        assert_eq!(names(get(one("鄞县")).successor), ["鄞州区"]);
        assert!(!get(one("鄞州区")).former);
    }

    #[test]
    fn gazetteer_scan_sentences() {
        assert_eq!(
            hits("宁波市鄞州区科技局2023年工作总结"),
            [
                ("宁波市".to_string(), "宁波市", false),
                ("鄞州区".to_string(), "鄞州区", false),
            ]
        );
        assert_eq!(
            hits("浙江宁波"),
            [
                ("浙江".to_string(), "浙江省", true),
                ("宁波".to_string(), "宁波市", true),
            ]
        );
        let h = hits("杭州高新区(滨江)与宁波市鄞州区签约");
        let found: Vec<(&str, &str)> = h.iter().map(|(s, n, _)| (s.as_str(), *n)).collect();
        assert_eq!(
            found,
            [
                ("杭州", "杭州市"),
                ("滨江", "滨江区"),
                ("宁波市", "宁波市"),
                ("鄞州区", "鄞州区")
            ]
        );
        let t = chars("我县奉节脐橙");
        let h = scan(&t);
        assert_eq!((h.len(), h[0].start, h[0].end, h[0].short), (1, 2, 4, true));
        assert!(hits("").is_empty());
    }

    #[test]
    fn gazetteer_scan_long_text() {
        let sentence =
            "全年新增高新技术企业120家，宁波市鄞州区与景宁畲族自治县结对，研发投入持续增长。";
        let text = chars(&sentence.repeat(2000));
        let h = scan(&text);
        assert_eq!(h.len(), 3 * 2000);
        assert!(h.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn gazetteer_skips_bad_lines() {
        let text = "# comment\n\
            330000\t浙江省\tprovince\t\t浙江\t\n\
            330100\t杭州市\tcity\t330000\t杭州\t\n\
            x\t坏\tcity\t330000\t\t\n\
            330200\t宁波市\tnowhere\t330000\t\t\n\
            330101\t重复\tcity\t330000\t\t\n\
            330101\t重复二\tcity\t330000\t\t\n\
            330103\t下城区\tdistrict\t330100\t\tformer:999\n\
            340102\t瑶海区\tdistrict\t340100\t\t\n\
            340100\t合肥市\tcity\t349999\t\t\n\
            330105\t环\tcity\t330105\t\t\n";
        let (units, bad) = load(text);
        let names: Vec<&str> = units.iter().map(|u| u.name).collect();
        assert_eq!(names, ["浙江省", "杭州市", "重复", "下城区"]);
        assert_eq!(bad, 6);
        assert_eq!(units[3].parent, Some(1));
        assert!(units[3].former && units[3].successor.is_none());
    }
    #[test]
    fn english_names_are_pinyin_and_the_kind_of_unit() {
        assert_eq!(english("衢州市"), Some("Quzhou"));
        assert_eq!(english("新昌县"), Some("Xinchang County"));
        assert_eq!(english("鄞州区"), Some("Yinzhou District"));
        assert_eq!(english("浙江省"), Some("Zhejiang"));
        assert_eq!(english("西安市"), Some("Xi'an"));
        assert_eq!(english("陕西省"), Some("Shaanxi"));
        assert_eq!(english("内蒙古自治区"), Some("Inner Mongolia"));
        assert_eq!(english("恩施土家族苗族自治州"), Some("Enshi Prefecture"));
        assert_eq!(english("鄂温克族自治旗"), Some("Ewenke Autonomous Banner"));
        assert_eq!(english("浦东新区"), Some("Pudong New Area"));
        // Place-name readings: 乐清 is Yueqing, 蔚县 Yu County.
        assert_eq!(english("乐清市"), Some("Yueqing"));
        assert_eq!(english("蔚县"), Some("Yu County"));
        assert_eq!(english("不是地名"), None);
        assert!(
            units().iter().all(|u| !u.en.is_empty()),
            "every unit has an English name"
        );
    }
}
