//! Places stage: the Zhejiang gazetteer (11 cities, 90 county-level units) and the rules that
//! find a report's own place in its title or signature, or infer it from clues when withheld.

use crate::model::{Level, Region};

/// One gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub name: &'static str,
    pub level: Level,
    pub parent: &'static str,
}

impl Place {
    /// The name without its 市/县/区 suffix (`新昌县` → `新昌`, `景宁畲族自治县` → `景宁`).
    pub fn short(&self) -> &'static str {
        if let Some(s) = self.name.strip_suffix("畲族自治县") {
            return s;
        }
        let n = self.name;
        let cut = n.char_indices().last().map(|(i, _)| i).unwrap_or(n.len());
        &n[..cut]
    }

    pub fn region(&self, inferred: bool, evidence: Option<String>) -> Region {
        Region {
            name: self.name.to_string(),
            level: self.level,
            parent: Some(self.parent.to_string()),
            inferred,
            evidence,
        }
    }
}

pub(crate) const PROVINCE: &str = "浙江省";

/// The 11 prefecture-level cities of Zhejiang.
pub(crate) const CITIES: &[&str] = &[
    "杭州市",
    "宁波市",
    "温州市",
    "嘉兴市",
    "湖州市",
    "绍兴市",
    "金华市",
    "衢州市",
    "舟山市",
    "台州市",
    "丽水市",
];

/// The 90 county-level units (2021 boundaries: 临平区/钱塘区 split off in 2021, 龙港市 from 2019),
/// with their city. County-level cities (`诸暨市`) count as counties.
pub(crate) const COUNTIES: &[(&str, &str)] = &[
    // 杭州市 (13)
    ("上城区", "杭州市"),
    ("拱墅区", "杭州市"),
    ("西湖区", "杭州市"),
    ("滨江区", "杭州市"),
    ("萧山区", "杭州市"),
    ("余杭区", "杭州市"),
    ("临平区", "杭州市"),
    ("钱塘区", "杭州市"),
    ("富阳区", "杭州市"),
    ("临安区", "杭州市"),
    ("桐庐县", "杭州市"),
    ("淳安县", "杭州市"),
    ("建德市", "杭州市"),
    // 宁波市 (10)
    ("海曙区", "宁波市"),
    ("江北区", "宁波市"),
    ("北仑区", "宁波市"),
    ("镇海区", "宁波市"),
    ("鄞州区", "宁波市"),
    ("奉化区", "宁波市"),
    ("象山县", "宁波市"),
    ("宁海县", "宁波市"),
    ("余姚市", "宁波市"),
    ("慈溪市", "宁波市"),
    // 温州市 (12)
    ("鹿城区", "温州市"),
    ("龙湾区", "温州市"),
    ("瓯海区", "温州市"),
    ("洞头区", "温州市"),
    ("永嘉县", "温州市"),
    ("平阳县", "温州市"),
    ("苍南县", "温州市"),
    ("文成县", "温州市"),
    ("泰顺县", "温州市"),
    ("瑞安市", "温州市"),
    ("乐清市", "温州市"),
    ("龙港市", "温州市"),
    // 嘉兴市 (7)
    ("南湖区", "嘉兴市"),
    ("秀洲区", "嘉兴市"),
    ("嘉善县", "嘉兴市"),
    ("海盐县", "嘉兴市"),
    ("海宁市", "嘉兴市"),
    ("平湖市", "嘉兴市"),
    ("桐乡市", "嘉兴市"),
    // 湖州市 (5)
    ("吴兴区", "湖州市"),
    ("南浔区", "湖州市"),
    ("德清县", "湖州市"),
    ("长兴县", "湖州市"),
    ("安吉县", "湖州市"),
    // 绍兴市 (6)
    ("越城区", "绍兴市"),
    ("柯桥区", "绍兴市"),
    ("上虞区", "绍兴市"),
    ("新昌县", "绍兴市"),
    ("诸暨市", "绍兴市"),
    ("嵊州市", "绍兴市"),
    // 金华市 (9)
    ("婺城区", "金华市"),
    ("金东区", "金华市"),
    ("武义县", "金华市"),
    ("浦江县", "金华市"),
    ("磐安县", "金华市"),
    ("兰溪市", "金华市"),
    ("义乌市", "金华市"),
    ("东阳市", "金华市"),
    ("永康市", "金华市"),
    // 衢州市 (6)
    ("柯城区", "衢州市"),
    ("衢江区", "衢州市"),
    ("常山县", "衢州市"),
    ("开化县", "衢州市"),
    ("龙游县", "衢州市"),
    ("江山市", "衢州市"),
    // 舟山市 (4)
    ("定海区", "舟山市"),
    ("普陀区", "舟山市"),
    ("岱山县", "舟山市"),
    ("嵊泗县", "舟山市"),
    // 台州市 (9)
    ("椒江区", "台州市"),
    ("黄岩区", "台州市"),
    ("路桥区", "台州市"),
    ("三门县", "台州市"),
    ("天台县", "台州市"),
    ("仙居县", "台州市"),
    ("温岭市", "台州市"),
    ("临海市", "台州市"),
    ("玉环市", "台州市"),
    // 丽水市 (9)
    ("莲都区", "丽水市"),
    ("青田县", "丽水市"),
    ("缙云县", "丽水市"),
    ("遂昌县", "丽水市"),
    ("松阳县", "丽水市"),
    ("云和县", "丽水市"),
    ("庆元县", "丽水市"),
    ("景宁畲族自治县", "丽水市"),
    ("龙泉市", "丽水市"),
];

/// One-character abbreviations used in slogans and names (`甬创鄞造`, `来鄞`, `回衢`).
/// Only characters rare enough in ordinary prose are listed.
const ABBREVIATIONS: &[(char, &str)] = &[
    ('杭', "杭州市"),
    ('甬', "宁波市"),
    ('瓯', "温州市"),
    ('禾', "嘉兴市"),
    ('越', "绍兴市"),
    ('婺', "金华市"),
    ('衢', "衢州市"),
    ('鄞', "鄞州区"),
    ('萧', "萧山区"),
    ('虞', "上虞区"),
    ('暨', "诸暨市"),
    ('嵊', "嵊州市"),
];

/// Every place, counties first so that the most specific match wins.
pub(crate) fn all_places() -> impl Iterator<Item = Place> {
    let counties = COUNTIES.iter().map(|&(name, parent)| Place {
        name,
        level: level_of(name),
        parent,
    });
    let cities = CITIES.iter().map(|&name| Place {
        name,
        level: Level::City,
        parent: PROVINCE,
    });
    counties.chain(cities)
}

/// Level of a gazetteer name: cities are `City`, `…区` districts, everything else under a city
/// (counties and county-level cities) `County`.
fn level_of(county_name: &str) -> Level {
    if county_name.ends_with('区') {
        Level::District
    } else {
        Level::County
    }
}

/// Looks a full or short name up (`新昌县`, `新昌`, `衢州`).
pub(crate) fn lookup(name: &str) -> Option<Place> {
    all_places().find(|p| p.name == name || p.short() == name)
}

/// A place named in a piece of text, with its char position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mention {
    pub place: Place,
    pub pos: usize,
    /// True when found by the short form (`新昌`) rather than the full name.
    pub short: bool,
}

/// All gazetteer mentions in `s`, full names and (if `shorts`) short forms; a full-name match
/// shadows the short forms inside it.
pub(crate) fn mentions(s: &str, shorts: bool) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for p in all_places() {
        for (bi, _) in s.match_indices(p.name) {
            out.push(Mention {
                place: p,
                pos: s[..bi].chars().count(),
                short: false,
            });
        }
    }
    if shorts {
        for p in all_places() {
            for (bi, _) in s.match_indices(p.short()) {
                let pos = s[..bi].chars().count();
                let covered = out.iter().any(|m| {
                    !m.short && m.pos <= pos && pos < m.pos + m.place.name.chars().count()
                });
                if !covered {
                    out.push(Mention {
                        place: p,
                        pos,
                        short: true,
                    });
                }
            }
        }
    }
    out.sort_by_key(|m| m.pos);
    out
}

/// Level implied by a bureau name without a place (`区科技局`, `县科技局`, `市科技局`) or a
/// self-reference (`全市`, `我县`).
pub(crate) fn level_hint(s: &str) -> Option<Level> {
    for (k, l) in [
        ("区科技局", Level::District),
        ("区科学技术局", Level::District),
        ("县科技局", Level::County),
        ("县科学技术局", Level::County),
        ("市科技局", Level::City),
        ("市科学技术局", Level::City),
    ] {
        if s.starts_with(k) || s.contains(&format!("{}{}", '\n', k)) {
            return Some(l);
        }
    }
    None
}

/// Level implied by how the body refers to itself (`我县`, `全区`), by majority.
pub(crate) fn self_reference_level(text: &str) -> Option<Level> {
    let count = |ks: &[&str]| ks.iter().map(|k| text.matches(k).count()).sum::<usize>();
    let city = count(&["我市", "全市"]);
    let county = count(&["我县", "全县"]);
    let district = count(&["我区", "全区"]);
    let best = city.max(county).max(district);
    if best == 0 {
        None
    } else if best == district {
        Some(Level::District)
    } else if best == county {
        Some(Level::County)
    } else {
        Some(Level::City)
    }
}

/// A place named as the report's own: in the title, the issuing bureau or the signature.
pub(crate) fn named_place(line: &str) -> Option<Place> {
    let ms = mentions(line, true);
    // Most specific first (a county named beside its city: `绍兴市柯桥区科技局`).
    let full_county = ms
        .iter()
        .find(|m| !m.short && m.place.level != Level::City)
        .or_else(|| ms.iter().find(|m| !m.short))
        .or_else(|| ms.iter().find(|m| m.place.level != Level::City))
        .or_else(|| ms.first());
    full_county.map(|m| m.place)
}

/// A place outside the gazetteer named before a bureau (`苏州市科技局`): name and level.
pub(crate) fn foreign_bureau(line: &str) -> Option<Region> {
    let chars: Vec<char> = line.chars().collect();
    let s: String = chars.iter().collect();
    for key in ["科学技术局", "科技局", "科技厅", "科学技术厅"] {
        let Some(bi) = s.find(key) else { continue };
        let end = s[..bi].chars().count();
        // Walk back over CJK characters to the start of the name (at most 6).
        let mut start = end;
        while start > 0 && end - start < 6 && is_cjk(chars[start - 1]) {
            start -= 1;
        }
        let name: String = chars[start..end].iter().collect();
        // The name ends with its level; cut off any leading words like `关于`.
        let level = match name.chars().last() {
            Some('省') => Level::Province,
            Some('市') => Level::City,
            Some('县') => Level::County,
            Some('区') => Level::District,
            _ => continue,
        };
        if name.chars().count() >= 3 && !name.starts_with(['市', '县', '区']) {
            return Some(Region {
                name,
                level,
                parent: None,
                inferred: false,
                evidence: None,
            });
        }
    }
    None
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Result of inferring a withheld place.
#[derive(Debug, Clone)]
pub(crate) struct Inference {
    pub place: Place,
    /// The clues as found in the text, e.g. `甬创鄞造、来鄞`.
    pub evidence: Vec<String>,
}

/// Infers a withheld place from abbreviation clues and unredacted mentions, restricted to the
/// level the bureau's own name implies. A mention next to a redaction (`xx温州国家自主创新示范区`)
/// is a partner or a masked compound name, not the report's place, and is ignored.
pub(crate) fn infer(text: &str, level: Option<Level>) -> Option<Inference> {
    let chars: Vec<char> = text.chars().collect();
    // (place name, score, evidence)
    let mut scores: Vec<(&'static str, u32, Vec<String>)> = Vec::new();
    let mut add = |name: &'static str, w: u32, ev: String| {
        if let Some(e) = scores.iter_mut().find(|e| e.0 == name) {
            e.1 += w;
            if !e.2.contains(&ev) {
                e.2.push(ev);
            }
        } else {
            scores.push((name, w, vec![ev]));
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        let Some(&(_, name)) = ABBREVIATIONS.iter().find(|(a, _)| *a == c) else {
            continue;
        };
        let prev = if i > 0 { chars[i - 1] } else { ' ' };
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let slogan = matches!(next, '创' | '造' | '企' | '商' | '籍');
        let arrival = matches!(prev, '来' | '回' | '在' | '驻' | '赴' | '留');
        if !(slogan || arrival) {
            continue;
        }
        add(name, 2, clue_text(&chars, i));
    }
    for m in mentions(text, false) {
        let before = if m.pos > 0 { chars[m.pos - 1] } else { ' ' };
        let after = chars
            .get(m.pos + m.place.name.chars().count())
            .copied()
            .unwrap_or(' ');
        if matches!(before, 'x' | 'X' | '*') || matches!(after, 'x' | 'X' | '*') {
            continue;
        }
        add(m.place.name, 1, m.place.name.to_string());
    }
    let mut best: Option<(Place, u32, Vec<String>)> = None;
    for (name, score, ev) in &scores {
        let Some(p) = lookup(name) else { continue };
        if level.is_some_and(|l| l != p.level) {
            continue;
        }
        // Clues for the parent city support a district or county of that city.
        let parent_bonus: u32 = scores
            .iter()
            .filter(|(n, _, _)| *n == p.parent)
            .map(|(_, s, _)| *s)
            .sum();
        let total = score * 2 + parent_bonus;
        let mut evidence = ev.clone();
        for (n, _, e) in &scores {
            if *n == p.parent {
                for x in e {
                    if !evidence.contains(x) {
                        evidence.push(x.clone());
                    }
                }
            }
        }
        if best.as_ref().is_none_or(|b| total > b.1) {
            best = Some((p, total, evidence));
        }
    }
    best.map(|(place, _, evidence)| Inference { place, evidence })
}

/// The clue around an abbreviation: the quoted name it stands in (`甬创鄞造`) or two characters.
fn clue_text(chars: &[char], i: usize) -> String {
    let open = chars[..i]
        .iter()
        .rposition(|&c| c == '“' || c == '"')
        .filter(|&o| i - o <= 8);
    let close = chars[i..]
        .iter()
        .position(|&c| c == '”' || c == '"')
        .map(|p| p + i)
        .filter(|&c| c - i <= 8);
    if let (Some(o), Some(c)) = (open, close) {
        let inner: String = chars[o + 1..c].iter().collect();
        if !inner.contains(['“', '”', '"']) && !inner.is_empty() {
            return inner;
        }
    }
    let prev = if i > 0 { chars[i - 1] } else { ' ' };
    if matches!(prev, '来' | '回' | '在' | '驻' | '赴' | '留') {
        [prev, chars[i]].iter().collect()
    } else {
        chars[i..(i + 2).min(chars.len())].iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_has_all_90_units() {
        assert_eq!(CITIES.len(), 11);
        assert_eq!(COUNTIES.len(), 90);
        for (name, parent) in COUNTIES {
            assert!(CITIES.contains(parent), "{name} → {parent}");
        }
        let count = |c: &str| COUNTIES.iter().filter(|(_, p)| *p == c).count();
        assert_eq!(count("杭州市"), 13);
        assert_eq!(count("宁波市"), 10);
        assert_eq!(count("温州市"), 12);
        assert_eq!(count("嘉兴市"), 7);
        assert_eq!(count("湖州市"), 5);
        assert_eq!(count("绍兴市"), 6);
        assert_eq!(count("金华市"), 9);
        assert_eq!(count("衢州市"), 6);
        assert_eq!(count("舟山市"), 4);
        assert_eq!(count("台州市"), 9);
        assert_eq!(count("丽水市"), 9);
        // names are unique, and so are short forms
        let shorts: Vec<&str> = all_places().map(|p| p.short()).collect();
        for (i, s) in shorts.iter().enumerate() {
            assert!(!shorts[i + 1..].contains(s), "duplicate short form {s}");
        }
    }

    #[test]
    fn levels_and_parents() {
        let p = lookup("诸暨市").unwrap();
        assert_eq!((p.level, p.parent), (Level::County, "绍兴市"));
        let p = lookup("柯桥").unwrap();
        assert_eq!((p.name, p.level), ("柯桥区", Level::District));
        let p = lookup("衢州").unwrap();
        assert_eq!((p.level, p.parent), (Level::City, "浙江省"));
        assert_eq!(lookup("景宁").unwrap().name, "景宁畲族自治县");
        assert!(lookup("苏州").is_none());
    }

    #[test]
    fn named_place_prefers_most_specific() {
        assert_eq!(
            named_place("绍兴市柯桥区科技局2023年工作总结")
                .unwrap()
                .name,
            "柯桥区"
        );
        assert_eq!(
            named_place("2021年浙江新昌科技创新工作亮点").unwrap().name,
            "新昌县"
        );
        assert_eq!(
            named_place("衢州市科技创新2021年工作总结").unwrap().name,
            "衢州市"
        );
        assert!(named_place("区科技局2021年平台建设工作总结").is_none());
    }

    #[test]
    fn foreign_places_keep_their_level() {
        let r = foreign_bureau("苏州市科技局2023年工作总结").unwrap();
        assert_eq!((r.name.as_str(), r.level), ("苏州市", Level::City));
        assert!(foreign_bureau("区科技局2021年工作总结").is_none());
    }

    #[test]
    fn inference_uses_abbreviations_and_ignores_redacted_mentions() {
        let text = "第三届“甬创鄞造”创客大赛,打通国外创客来鄞开展交流的通道。结合xx温州国家自主创新示范区建设。";
        let inf = infer(text, Some(Level::District)).unwrap();
        assert_eq!(inf.place.name, "鄞州区");
        assert_eq!(inf.place.parent, "宁波市");
        assert!(inf.evidence.contains(&"甬创鄞造".to_string()));
        assert!(inf.evidence.contains(&"来鄞".to_string()));
        // A city-level restriction must not pick a district, and the redacted 温州 is no clue.
        assert!(infer("结合xx温州国家自主创新示范区建设", Some(Level::City)).is_none());
    }

    #[test]
    fn level_hints() {
        assert_eq!(
            level_hint("区科技局2021年平台建设工作总结"),
            Some(Level::District)
        );
        assert_eq!(self_reference_level("我县坚持……全县"), Some(Level::County));
    }
}
