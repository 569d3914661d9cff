//! Places stage: which place a report is about, among every Chinese administrative unit (the
//! national [`gazetteer`](super::gazetteer)).
//!
//! Each mention is weighed by where it stands: the title, the issuing bureau, a signature or the
//! page's publisher field state the place; a yearbook's or a newspaper's name, the subject of a
//! sentence, the place's own party committee or documents support it; places in lists, partners,
//! visitors, companies and scopes (`均列湖州市第二`) count for nothing. The best-supported place
//! that fits how the text refers to itself (`我县`, `区科技局`) wins, and of a city and its
//! district the district (`宁波市鄞州区科技局`). A withheld place (`xx区`) is inferred only from
//! slogans like `甬创鄞造`; a place the text never names is 未知 with a warning.

use super::gazetteer::{self as gz, Hit};
use super::meta::warning;
use super::view::is_cjk;
use crate::model::{Level, Region, Warning, WarningCode};

/// What the places stage reads (all in the view: simplified, without PDF spaces).
pub(crate) struct Input<'a> {
    /// The title paragraph, empty when there is none.
    pub title: &'a str,
    /// Short lines near the top and at the end: the issuing bureau, a signature, a date.
    pub head: Vec<&'a str>,
    /// Site furniture removed by clean-up (publisher fields, a yearbook's page header).
    pub chrome: &'a [String],
    /// The whole text, as chars and as a string, and the places named in it.
    pub body: &'a [char],
    pub text: &'a str,
    pub hits: &'a [Hit],
}

pub(crate) struct PlaceResult {
    pub region: Region,
    pub warnings: Vec<Warning>,
}

/// The place of a report that names none.
pub(crate) const UNKNOWN: &str = "未知";

/// Where a clue's context stops: clause and line ends, so it shows whole words.
const CLUE_STOPS: &str = "，,。;；:：、\n 】》(（“";

/// One piece of support for a unit.
struct Vote {
    unit: usize,
    weight: u32,
    /// Said by the report itself or its publisher (title, bureau, signature), not deduced.
    stated: bool,
    /// The words that gave it, for the evidence shown to the user.
    clue: String,
}

/// Suffixes of a science & technology bureau's name (`鄞州区科技局`, `汉寿县科技工信局`).
const BUREAUS: &[&str] = &[
    "科学技术局",
    "科技局",
    "科技工信局",
    "经信科技局",
    "科技和工业信息化局",
    "科学技术和工业信息化局",
    "科技和经济信息化局",
    "科技创新局",
    "科技厅",
    "科学技术厅",
    "科学技术委员会",
    "科委",
    "科协",
];

/// A place's own organs: a mention followed by one is the place acting (`洛阳市委十二届四次全会`).
const ORGANS: &[&str] = &[
    "人民政府",
    "政府",
    "市委",
    "县委",
    "区委",
    "人大",
    "政协",
    "市政府",
    "县政府",
    "区政府",
];

/// Newspapers, sites and broadcasters named after their place (`安庆日报`, `衢州日报5月4日讯`).
const MEDIA: &[&str] = &[
    "日报",
    "晚报",
    "新闻网",
    "新闻",
    "发布",
    "电视台",
    "广播电视台",
    "融媒体",
    "网讯",
    "网",
];

/// Words after a mention that make it a company's or an institution's name, not the place.
const ORGANISATIONS: &[&str] = &[
    "公司",
    "集团",
    "大学",
    "学院",
    "医院",
    "银行",
    "中学",
    "小学",
    "协会",
    "商会",
    "研究所",
    "有限",
];

/// Words before a mention that make it a partner, a destination or a source (`赴滨江`, `与杭州`).
const PARTNERS: &[&str] = &[
    "与", "赴", "到", "去", "来自", "前往", "联合", "携手", "对接", "同", "和", "及", "对口", "援",
];

/// Visitors (`金华市考核组来我市`) and ranks (`居湖州市第二`) name other places.
const VISITORS: &[&str] = &[
    "考核组",
    "调研组",
    "考察团",
    "代表团",
    "检查组",
    "督查组",
    "专家组",
    "客商",
    "第",
    "前",
];

fn text(chars: &[char], a: usize, b: usize) -> String {
    chars[a.min(chars.len())..b.min(chars.len())]
        .iter()
        .collect()
}

/// Level of a self-description: a bureau named without its place (`区科技局`, `XX县科技局`,
/// `发布机构 区科技局`).
pub(crate) fn level_hint(s: &str) -> Option<Level> {
    // Not an address line (`各县(市)区科技局、…`).
    if s.starts_with('各') {
        return None;
    }
    for (k, l) in [
        ('区', Level::District),
        ('县', Level::County),
        ('市', Level::City),
    ] {
        let mut prev: Option<char> = None;
        for (bi, c) in s.char_indices() {
            let bureau = c == k
                && BUREAUS
                    .iter()
                    .any(|b| s[bi + c.len_utf8()..].starts_with(b));
            // Bare: at the start, after a non-Chinese char, or `某区科技局`, `本县科技局`.
            let bare = prev.is_none_or(|p| (!is_cjk(p) && p != ')') || matches!(p, '某' | '本'));
            if bureau && bare {
                return Some(l);
            }
            prev = Some(c);
        }
    }
    None
}

/// Level implied by how the body refers to itself, by weighted majority: `我县`, `我区`, `我市`
/// and the place's own organs (`县委`, `区政府`) weigh more than `全县`, `全区`, `全市`, and
/// `全市排名第2` is a county ranked in its city, not a city speaking.
pub(crate) fn self_reference_level(text: &str) -> Option<Level> {
    // One pass: `我市`/`全县`, and a place's own organs (`市委`, `区政府`).
    let (mut city, mut county, mut district) = (0usize, 0usize, 0usize);
    let chars: Vec<char> = text.chars().collect();
    let at = |k: usize| chars.get(k).copied().unwrap_or(' ');
    for (i, &c) in chars.iter().enumerate() {
        let (level, weight) = match c {
            '我' => (at(i + 1), 3),
            '全' => {
                let after: String = [at(i + 2), at(i + 3)].iter().collect();
                let scope = ["排名", "第", "前", "同类", "平均", "率先", "唯一"]
                    .iter()
                    .any(|x| after.starts_with(x));
                (at(i + 1), if scope { 0 } else { 1 })
            }
            '市' | '县' | '区' if at(i + 1) == '委' || (at(i + 1) == '政' && at(i + 2) == '府') => {
                (c, 3)
            }
            _ => continue,
        };
        match level {
            '市' => city += weight,
            '县' => county += weight,
            '区' => district += weight,
            _ => {}
        }
    }
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

/// Does a unit fit the level the text gives itself? A county-level city (`东阳市`, `江阴市`) calls
/// itself 我市 like a prefecture-level one.
fn fits(unit: usize, level: Option<Level>) -> bool {
    let u = gz::get(unit);
    match level {
        None => u.level != Level::Province || is_municipality(unit),
        Some(Level::City) => {
            u.level == Level::City
                || (u.level == Level::County && u.name.ends_with('市'))
                || is_municipality(unit)
        }
        Some(Level::County) => u.level == Level::County && !u.name.ends_with('市'),
        Some(l) => u.level == l,
    }
}

/// `XX市科技局`, `xx区`, `××县`, `某县`: the place is masked on purpose.
fn masked(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    masked_chars(&c)
}

fn masked_chars(c: &[char]) -> bool {
    c.windows(2).enumerate().any(|(i, w)| {
        matches!(w[1], '市' | '县' | '区' | '省')
            && (matches!(w[0], 'x' | 'X' | '×' | '*' | '某')
                || (w[0] == ' ' && i > 0 && matches!(c[i - 1], 'x' | 'X')))
    })
}

/// Picks the unit a hit names: one whose ancestor was named just before it (`宁波市鄞州区`), else
/// one with an ancestor or descendant named anywhere, else the gazetteer's first (current units,
/// higher levels first).
fn resolve(hit: &Hit, prev: Option<&Hit>, named: &Named) -> usize {
    if hit.units.len() == 1 {
        return hit.units[0];
    }
    if let Some(p) = prev.filter(|p| p.end == hit.start) {
        let related = |u: usize| {
            p.units.iter().any(|&o| {
                o != u && (gz::ancestors(u).any(|a| a == o) || gz::ancestors(o).any(|a| a == u))
            })
        };
        if let Some(&u) = hit.units.iter().find(|&&u| related(u)) {
            return u;
        }
    }
    hit.units
        .iter()
        .copied()
        .find(|&u| named.related(u))
        .unwrap_or(hit.units[0])
}

/// Every unit a text names, and every unit above one of them, for telling same-named places
/// apart (`鼓楼区` of the city the text names).
struct Named {
    units: Vec<usize>,
    above: Vec<usize>,
}

impl Named {
    fn new(hits: &[Hit]) -> Named {
        let mut units: Vec<usize> = hits.iter().flat_map(|h| h.units.iter().copied()).collect();
        units.sort_unstable();
        units.dedup();
        let mut above: Vec<usize> = units.iter().flat_map(|&u| gz::ancestors(u)).collect();
        above.sort_unstable();
        above.dedup();
        Named { units, above }
    }

    /// Is an ancestor or a descendant of `u` named?
    fn related(&self, u: usize) -> bool {
        gz::ancestors(u).any(|a| self.units.binary_search(&a).is_ok())
            || self.above.binary_search(&u).is_ok()
    }
}

/// The units mentioned in a string, resolved, with their hits.
fn mentions(chars: &[char]) -> Vec<(Hit, usize)> {
    resolved(gz::scan(chars))
}

/// A scan's hits, each with the unit it names.
fn resolved(hits: Vec<Hit>) -> Vec<(Hit, usize)> {
    let named = Named::new(&hits);
    let mut out: Vec<(Hit, usize)> = Vec::with_capacity(hits.len());
    for (k, h) in hits.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| &hits[p]);
        let u = resolve(h, prev, &named);
        out.push((h.clone(), u));
    }
    out
}

/// Votes from a line that states the place (title, bureau, signature, publisher field).
fn stated_votes(line: &str, weight: u32, what: &str, votes: &mut Vec<Vote>) {
    let chars: Vec<char> = line.chars().collect();
    for (h, u) in mentions(&chars) {
        let after = text(&chars, h.end, h.end + 4);
        if VISITORS.iter().any(|v| after.starts_with(v)) {
            continue;
        }
        votes.push(Vote {
            unit: u,
            weight,
            stated: true,
            clue: format!("{what}“{}”", line.trim()),
        });
    }
}

/// The weight of a mention in the body, by the role its neighbours give it.
fn body_weight(chars: &[char], h: &Hit) -> u32 {
    let before = |n: usize| text(chars, h.start.saturating_sub(n), h.start);
    let after = text(chars, h.end, h.end + 16);
    let prev = h.start.checked_sub(1).map(|k| chars[k]);
    // What the place does or publishes: its bureau, newspaper, yearbook, party committee.
    if BUREAUS.iter().any(|b| after.starts_with(b)) {
        return 6;
    }
    if after.starts_with("年鉴") {
        return 8;
    }
    if MEDIA.iter().any(|m| after.starts_with(m))
        && (prev == Some('国') || !after.starts_with('网'))
    {
        return 6;
    }
    if ORGANS.iter().any(|o| after.starts_with(o)) {
        return 3;
    }
    // Lists of places, table cells, partners, visitors and scopes count for nothing.
    if prev == Some('、')
        || after.starts_with('、')
        || before(2).contains('|')
        || after.trim_start().starts_with('|')
    {
        return 0;
    }
    if PARTNERS.iter().any(|p| before(4).ends_with(p)) || after.starts_with("等地") {
        return 0;
    }
    if VISITORS.iter().any(|v| after.starts_with(v)) {
        return 0;
    }
    // A firm or school named after the place (`新昌中学`) says little, but something.
    let name_run: String = after
        .chars()
        .take_while(|&c| is_cjk(c) || c.is_ascii_alphanumeric() || c == '(' || c == ')')
        .collect();
    if ORGANISATIONS.iter().any(|o| name_run.contains(o)) {
        return 1;
    }
    // `杭州高新区(滨江)`: the zone's district, named in brackets.
    if prev == Some('(') && after.starts_with(')') {
        return 3;
    }
    // The subject of a sentence or clause (`2014年,洛江区科技工作坚持…`, `武进把创新…`).
    let mut k = h.start;
    while k > 0 && (chars[k - 1].is_ascii_digit() || matches!(chars[k - 1], '年' | ' ')) {
        k -= 1;
    }
    while k > 0 && matches!(chars[k - 1], ',' | ':') {
        k -= 1;
        while k > 0 && (chars[k - 1].is_ascii_digit() || matches!(chars[k - 1], '年' | ' ')) {
            k -= 1;
        }
    }
    // A news item's lead-in counts as the sentence's start: `记者从…会议上了解到,奈曼旗今年将…`.
    let reported = k < h.start
        && chars[k] == ','
        && ["了解到", "获悉", "据悉", "据了解", "介绍", "报道", "讯"]
            .iter()
            .any(|w| text(chars, k.saturating_sub(3), k).ends_with(w));
    let at_start =
        k == 0 || reported || matches!(chars[k - 1], '。' | '\n' | ';' | '!' | '?' | '】');
    if at_start && !after.starts_with(['和', '及', '与']) {
        return 4;
    }
    // `为宁波争创…`, `《开化县…方案》`, `有泰兴特色`: the place as the one concerned.
    if prev == Some('《') || before(1) == "为" || after.starts_with("特色") {
        return 2;
    }
    if h.short {
        0
    } else {
        1
    }
}

/// Withheld places: one-character abbreviations in slogans and arrivals (`甬创鄞造`, `来鄞`).
/// Only characters rare in ordinary prose are listed (Zhejiang, where such reports were seen).
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

/// Votes of abbreviation clues, and of unmasked mentions supporting them (a mention next to a
/// redaction, `xx温州国家自主创新示范区`, is a masked compound name, not a clue).
fn clue_votes(chars: &[char], body: &[(Hit, usize)], votes: &mut Vec<Vote>) {
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
        if let Some(&u) = gz::lookup(name).first() {
            votes.push(Vote {
                unit: u,
                weight: 4,
                stated: false,
                clue: clue_text(chars, i),
            });
        }
    }
    if votes.is_empty() {
        return;
    }
    for (h, u) in body.iter().cloned() {
        let near = |k: usize| chars.get(k).is_some_and(|c| matches!(c, 'x' | 'X' | '*'));
        if h.short || (h.start > 0 && near(h.start - 1)) || near(h.end) {
            continue;
        }
        votes.push(Vote {
            unit: u,
            weight: 1,
            stated: false,
            clue: gz::get(u).name.to_string(),
        });
    }
}

/// Score of a unit: its own votes, plus half of its descendants' (a district named also
/// supports its city), so that a city and its district compare fairly.
fn score(unit: usize, votes: &[Vote]) -> u32 {
    votes
        .iter()
        .map(|v| {
            if v.unit == unit {
                v.weight * 2
            } else if gz::ancestors(v.unit).any(|a| a == unit) {
                v.weight
            } else {
                0
            }
        })
        .sum()
}

/// 北京, 天津, 上海, 重庆: provinces that are also cities with their own bureaus and districts.
fn is_municipality(u: usize) -> bool {
    let unit = gz::get(u);
    unit.level == Level::Province && unit.name.ends_with('市')
}

/// The best-supported unit that fits the level, preferring a well-supported descendant.
fn choose(votes: &[Vote], level: Option<Level>) -> Option<usize> {
    let mut units: Vec<usize> = votes.iter().map(|v| v.unit).collect();
    units.sort_unstable();
    units.dedup();
    // What the report states of itself (title, signature, publisher) needs no level check: `全市`
    // and `市委` also name the city above a county.
    let stated = |u: usize| votes.iter().any(|v| v.unit == u && v.stated);
    // Provinces are where a place lies (`浙江新昌`), not a bureau's own place here.
    let fitting: Vec<(usize, u32)> = units
        .iter()
        .copied()
        .filter(|&u| gz::get(u).level != Level::Province || is_municipality(u))
        .filter(|&u| fits(u, level) || stated(u))
        .map(|u| (u, score(u, votes)))
        .filter(|&(_, s)| s >= 4)
        .collect();
    let &(mut best, _) = fitting
        .iter()
        .max_by_key(|&&(u, s)| (s, gz::get(u).level))?;
    // A district named in the title with its city (`宁波市鄞州区`) is the report's own.
    let own = |u: usize| -> u32 { votes.iter().filter(|v| v.unit == u).map(|v| v.weight).sum() };
    for &(u, _) in &fitting {
        if gz::ancestors(u).any(|a| a == best) && own(u) >= own(best) {
            best = u;
        }
    }
    Some(best)
}

/// A district, county or county-level city of one city named again and again in lists
/// (`诸暨市、越城区增速居前两位`) tells which city a report that never names itself is about.
fn parent_of_children(body: &[(Hit, usize)]) -> Option<(usize, Vec<&'static str>)> {
    let mut children: Vec<usize> = Vec::new();
    for &(ref h, u) in body {
        let unit = gz::get(u);
        if !h.short
            && matches!(unit.level, Level::County | Level::District)
            && !children.contains(&u)
        {
            children.push(u);
        }
    }
    let parents: Vec<usize> = children.iter().filter_map(|&c| gz::get(c).parent).collect();
    let &first = parents.first()?;
    let same = parents.iter().all(|&p| p == first);
    (same && children.len() >= 3 && gz::get(first).level == Level::City)
        .then(|| (first, children.iter().map(|&c| gz::get(c).name).collect()))
}

fn region(unit: usize, inferred: bool, evidence: Option<String>) -> Region {
    let u = gz::get(unit);
    Region {
        name: u.name.to_string(),
        level: u.level,
        parent: u.parent.map(|p| gz::get(p).name.to_string()),
        inferred,
        evidence,
        name_en: None,
        parent_en: None,
    }
}

/// A unit's English name, or its Chinese one when the data has none.
fn english(u: &gz::Unit) -> &'static str {
    if u.en.is_empty() {
        u.name
    } else {
        u.en
    }
}

fn level_zh(l: Level) -> &'static str {
    match l {
        Level::District => "区",
        Level::County => "县(市)",
        Level::Province => "省",
        _ => "市",
    }
}

fn level_en(l: Level) -> &'static str {
    match l {
        Level::District => "district",
        Level::County => "county",
        Level::Province => "province",
        _ => "city",
    }
}

/// Decides the report's own place.
pub(crate) fn decide(input: &Input) -> PlaceResult {
    let mut warnings = Vec::new();
    let body = input.text;
    let chrome: Vec<String> = input
        .chrome
        .iter()
        .map(|c| super::t2s::simplify_str(c))
        .collect();
    let level = level_hint(input.title)
        .or_else(|| input.head.iter().find_map(|t| level_hint(t)))
        .or_else(|| chrome.iter().find_map(|c| level_hint(c)))
        .or_else(|| {
            // `今年以来,区科技局把…`: the bureau names itself in its opening.
            let opening: String = input.body.iter().take(1500).collect();
            opening
                .split(['\n', '。', ',', ';', ':'])
                .find_map(level_hint)
        })
        .or_else(|| self_reference_level(body));
    let is_masked =
        masked(input.title) || input.head.iter().any(|h| masked(h)) || masked_chars(input.body);

    let body_mentions = resolved(input.hits.to_vec());
    let mut votes: Vec<Vote> = Vec::new();
    stated_votes(input.title, 10, "标题", &mut votes);
    for h in &input.head {
        if BUREAUS.iter().any(|b| h.contains(b)) || h.contains("委员会") || h.contains("政府")
        {
            stated_votes(h, 10, "署名", &mut votes);
        }
    }
    for c in &chrome {
        let field = ["发布机构", "发布单位", "发文机关", "信息来源", "来源"]
            .iter()
            .find_map(|k| c.find(k).map(|b| &c[b + k.len()..]));
        if let Some(f) = field {
            let f = f.trim_start_matches([':', ' ', '|']);
            let organ = BUREAUS.iter().chain(ORGANS).any(|b| f.contains(b));
            stated_votes(f, if organ { 8 } else { 4 }, "发布信息", &mut votes);
        } else if c.contains("年鉴") {
            stated_votes(c, 8, "年鉴", &mut votes);
        } else {
            // A newspaper's name in the page header (`| 洛阳日报 | 洛阳晚报 |`).
            let chars: Vec<char> = c.chars().collect();
            for (h, u) in mentions(&chars) {
                let after = text(&chars, h.end, h.end + 3);
                if ["日报", "晚报", "新闻网"]
                    .iter()
                    .any(|m| after.starts_with(m))
                {
                    votes.push(Vote {
                        unit: u,
                        weight: 4,
                        stated: false,
                        clue: c.trim().to_string(),
                    });
                }
            }
        }
    }
    if !is_masked {
        for (h, u) in body_mentions.iter().cloned() {
            let w = body_weight(input.body, &h);
            if w > 0 {
                // Back to the clause start (at most 10 chars), so the clue never opens mid-word.
                let from = (h.start.saturating_sub(10)..h.start)
                    .rev()
                    .find(|&i| CLUE_STOPS.contains(input.body[i]))
                    .map_or(h.start.saturating_sub(10), |i| i + 1);
                let end = input.body.len().min(h.end + 8);
                let to = (h.end..end)
                    .find(|&i| CLUE_STOPS.contains(input.body[i]))
                    .unwrap_or(end);
                votes.push(Vote {
                    unit: u,
                    weight: w,
                    stated: false,
                    clue: text(input.body, from, to).replace('\n', " "),
                });
            }
        }
    } else {
        clue_votes(input.body, &body_mentions, &mut votes);
    }

    // `州科技局`, `州委州政府`, `全州`: an autonomous prefecture speaks (黔东南州); a city named in
    // its text (`与佛山市科技局签订协议`) is a partner, not the report's place.
    let prefecture = ["州科技局", "州委", "州人民政府", "州政府", "全州"]
        .iter()
        .any(|w| body.contains(w) && !body.contains(&format!("{w}县")))
        && votes
            .iter()
            .any(|v| gz::get(v.unit).name.ends_with("自治州"));
    if prefecture {
        let in_prefecture = |u: usize| {
            std::iter::once(u)
                .chain(gz::ancestors(u))
                .any(|a| gz::get(a).name.ends_with("自治州"))
        };
        votes.retain(|v| in_prefecture(v.unit) || gz::get(v.unit).level == Level::Province);
    }
    if let Some(u) = choose(&votes, level) {
        let stated = votes.iter().any(|v| v.unit == u && v.stated);
        if stated {
            return PlaceResult {
                region: region(u, false, None),
                warnings,
            };
        }
        let mut clues: Vec<String> = Vec::new();
        for v in votes.iter().filter(|v| {
            v.unit == u
                || gz::ancestors(u).any(|a| a == v.unit)
                || gz::ancestors(v.unit).any(|a| a == u)
        }) {
            if !clues.contains(&v.clue) && clues.len() < 4 {
                clues.push(v.clue.clone());
            }
        }
        let ev = clues.join("、");
        let unit = gz::get(u);
        let parent = unit.parent.map(|p| gz::get(p).name).unwrap_or("");
        let parent_en = unit.parent.map(|p| english(gz::get(p))).unwrap_or("");
        warnings.push(warning(
            WarningCode::PlaceInferred,
            format!(
                "报告未写明地名{};由线索“{ev}”推断为{}({parent}),该局为{}级科技局。",
                if is_masked { "(隐去为xx)" } else { "" },
                unit.name,
                level_zh(unit.level)
            ),
            format!(
                "The report does not name its place{}; inferred {} ({parent_en}) from the clues {ev}, the bureau being a {}-level one.",
                if is_masked { " (masked as xx)" } else { "" },
                english(unit),
                level_en(unit.level)
            ),
        ));
        return PlaceResult {
            region: region(u, true, Some(ev)),
            warnings,
        };
    }
    if !is_masked && level != Some(Level::County) && level != Some(Level::District) {
        if let Some((city, kids)) = parent_of_children(&body_mentions) {
            let ev = kids.iter().take(4).copied().collect::<Vec<_>>().join("、");
            let name = gz::get(city).name;
            let name_en = english(gz::get(city));
            let ev_en = kids
                .iter()
                .take(4)
                .map(|k| gz::english(k).unwrap_or(k))
                .collect::<Vec<_>>()
                .join(", ");
            warnings.push(warning(
                WarningCode::PlaceInferred,
                format!("报告未写明地名;正文逐一提到{name}下辖的{ev},推断为{name}。"),
                format!(
                    "The report does not name its place; it names {name_en}'s own districts and counties ({ev_en}), so it is taken as {name_en}."
                ),
            ));
            return PlaceResult {
                region: region(city, true, Some(ev)),
                warnings,
            };
        }
    }
    // Nothing names it: say so, with what is known (its level, and the one city a county's or
    // district's text names, `温州市委…批示`).
    let mut region = Region {
        name: UNKNOWN.into(),
        level: level.unwrap_or(Level::Unknown),
        parent: None,
        inferred: false,
        evidence: None,
        name_en: None,
        parent_en: None,
    };
    if matches!(level, Some(Level::County | Level::District)) && !is_masked {
        let cities: Vec<usize> = votes
            .iter()
            .filter(|v| gz::get(v.unit).level == Level::City)
            .map(|v| v.unit)
            .collect();
        if cities
            .first()
            .is_some_and(|&c| cities.iter().all(|&x| x == c))
        {
            region.parent = Some(gz::get(cities[0]).name.to_string());
        }
    }
    warnings.push(warning(
        WarningCode::PlaceUnknown,
        if is_masked {
            "报告隐去了地名(xx),未能确定报告所属地区。"
        } else {
            "报告没有写明所属地区,未能确定。"
        },
        if is_masked {
            "The report masks its place (xx); it could not be told."
        } else {
            "The report does not say which place it is about."
        },
    ));
    PlaceResult { region, warnings }
}

/// The place of a report whose text names none, read from its file name as if the name were
/// its title (a page saved from a bureau's site is named after the report:
/// `宁波市科技局2025年工作要点`). `name` is the stem as read (like the view), `shown` as written.
/// `None` when the name does not name a place either; the text's own place always comes first.
pub(crate) fn decide_by_file_name(input: &Input, name: &str, shown: &str) -> Option<PlaceResult> {
    let by_name = decide(&Input {
        title: name,
        head: input.head.clone(),
        ..*input
    });
    let mut r = by_name.region;
    if r.name == UNKNOWN {
        return None;
    }
    // Not stated by the text itself: shown as inferred, the file name as the evidence.
    let clue = format!("文件名“{shown}”");
    r.evidence = Some(match r.evidence.take() {
        Some(ev) => format!("{clue}、{ev}"),
        None => clue,
    });
    r.inferred = true;
    let en = gz::english(&r.name).unwrap_or(&r.name).to_string();
    let warnings = vec![warning(
        WarningCode::PlaceInferred,
        format!("报告正文未写明地名;地名取自文件名“{shown}”:{}。", r.name),
        format!(
            "The text does not name its place; it is taken from the file name “{shown}”: {en}."
        ),
    )];
    Some(PlaceResult {
        region: r,
        warnings,
    })
}

/// The gazetteer unit a decided region is (its parent telling same-named ones apart).
pub(crate) fn unit_of(r: &Region) -> Option<usize> {
    let found = gz::lookup(&r.name);
    found
        .iter()
        .copied()
        .find(|&u| gz::get(u).parent.map(|p| gz::get(p).name) == r.parent.as_deref())
        .or_else(|| found.first().copied())
}

/// Looks a place up by its full name or short form (a sidecar's `place = …`). A name shared by
/// several units (鼓楼区) can be told apart by writing its parents first: `福州市鼓楼区`,
/// `江苏省南京市鼓楼区`.
pub(crate) fn region_for_name(name: &str) -> Option<Region> {
    qualified(name).map(|u| region(u, false, None))
}

fn qualified(name: &str) -> Option<usize> {
    candidates(name).first().copied()
}

/// Units a name can mean: the gazetteer's own, or else a tail whose ancestors include what the
/// head names (the head itself may be qualified in turn).
fn candidates(name: &str) -> Vec<usize> {
    let direct = gz::lookup(name);
    if !direct.is_empty() {
        return direct;
    }
    name.char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .find_map(|i| {
            let (head, tail) = name.split_at(i);
            let parents = gz::lookup(head);
            if parents.is_empty() {
                return None;
            }
            let found: Vec<usize> = candidates(tail)
                .into_iter()
                .filter(|&u| gz::ancestors(u).any(|a| parents.contains(&a)))
                .collect();
            (!found.is_empty()).then_some(found)
        })
        .into_iter()
        .flatten()
        .collect()
}

/// Is this a prefecture-level city's full name (`绍兴市`)? Ranks scoped by one read as city-wide.
pub(crate) fn is_city(name: &str) -> bool {
    gz::lookup(name)
        .first()
        .is_some_and(|&u| gz::get(u).name == name && gz::get(u).level == Level::City)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sidecar_name_can_carry_its_parents() {
        let parent = |n: &str| region_for_name(n).and_then(|r| r.parent);
        assert_eq!(region_for_name("新昌县").unwrap().name, "新昌县");
        assert_eq!(parent("福州市鼓楼区").as_deref(), Some("福州市"));
        assert_eq!(parent("南京市鼓楼区").as_deref(), Some("南京市"));
        assert_eq!(parent("江苏省南京市鼓楼区").as_deref(), Some("南京市"));
        assert_eq!(region_for_name("福州市鼓楼区").unwrap().name, "鼓楼区");
        assert!(region_for_name("火星市").is_none());
    }

    fn decide_text(title: &str, text: &str) -> PlaceResult {
        let body: Vec<char> = text.chars().collect();
        decide(&Input {
            title,
            head: Vec::new(),
            chrome: &[],
            body: &body,
            text,
            hits: &gz::scan(&body),
        })
    }

    #[test]
    fn the_district_named_with_its_city_in_the_title() {
        let r = decide_text("宁波市鄞州区科技局2024年度工作总结", "全区科技工作。").region;
        assert_eq!((r.name.as_str(), r.level), ("鄞州区", Level::District));
        assert_eq!(r.parent.as_deref(), Some("宁波市"));
        assert!(!r.inferred);
    }

    #[test]
    fn places_outside_zhejiang() {
        let r = decide_text("汉寿县:科技工信局专题学习", "全县工作。").region;
        assert_eq!(
            (r.name.as_str(), r.parent.as_deref()),
            ("汉寿县", Some("常德市"))
        );
        let r = decide_text(
            "",
            "【科技工作概况】2023年,中山市有高新技术企业2863家。全市…",
        )
        .region;
        assert_eq!(
            (r.name.as_str(), r.parent.as_deref()),
            ("中山市", Some("广东省"))
        );
        assert!(r.inferred);
        let r = decide_text("", "中国奉节网讯 全县科技工作会召开。").region;
        assert_eq!(
            (r.name.as_str(), r.parent.as_deref()),
            ("奉节县", Some("重庆市"))
        );
    }

    #[test]
    fn passing_mentions_partners_and_companies_never_win() {
        let p = decide_text(
            "XX县科技局2024年工作总结",
            "2024年,我县组织企业赴滨江、余杭、新昌等地考察学习,与杭州电子科技大学共建研究院1家。",
        );
        assert_eq!(p.region.name, "未知");
        assert_eq!(p.region.level, Level::County);
        assert_eq!(p.warnings[0].code, WarningCode::PlaceUnknown);
        let p = decide_text(
            "",
            "2018年我局推荐衡阳恒裕轻质保温材料有限责任公司等企业申报,我县新增高企3家。",
        );
        assert_eq!(p.region.name, "未知");
    }

    #[test]
    fn a_visiting_city_is_not_the_host() {
        let p = decide_text(
            "科技工作取得“四个明显成效”,金华市考核组来我市作专项考核",
            "来源:东阳市人民政府。开展2020年度东阳市党政领导科技进步目标责任制考核。东阳要再接再厉。",
        );
        assert_eq!(p.region.name, "东阳市");
    }

    #[test]
    fn a_city_from_its_districts() {
        let p = decide_text(
            "",
            "全市规上工业企业研发费用快速增长。其中诸暨市、越城区增速居前两位,新昌县、嵊州市增速居后两位。",
        );
        assert_eq!(p.region.name, "绍兴市");
        assert!(p.region.inferred);
    }

    #[test]
    fn withheld_district_is_inferred_with_evidence() {
        let text = "区科技局2021年平台建设工作总结\n xx区“甬创鄞造”创客大赛,国外创客来鄞交流。结合xx温州国家自主创新示范区建设。";
        let body: Vec<char> = text.chars().collect();
        let p = decide(&Input {
            title: "区科技局2021年平台建设工作总结",
            head: Vec::new(),
            chrome: &[],
            body: &body,
            text,
            hits: &gz::scan(&body),
        });
        assert_eq!(p.region.name, "鄞州区");
        assert_eq!(p.region.parent.as_deref(), Some("宁波市"));
        assert!(p.region.inferred);
        assert!(p.region.evidence.as_deref().unwrap().contains("甬创鄞造"));
        assert_eq!(p.warnings[0].code, WarningCode::PlaceInferred);
    }

    #[test]
    fn the_subject_after_a_news_lead_in_is_the_place() {
        let p = decide_text(
            "",
            "近日,记者从百色市科技工作会议上了解到,凌云县今年将引进科技人才30名,新增高新技术企业2家。",
        );
        assert_eq!(p.region.name, "凌云县");
        assert!(p.region.inferred);
    }

    #[test]
    fn level_hints() {
        assert_eq!(
            level_hint("区科技局2021年平台建设工作总结"),
            Some(Level::District)
        );
        assert_eq!(self_reference_level("我县坚持……全县"), Some(Level::County));
        assert!(masked("XX 市科技局"));
        assert!(masked("xx区"));
        assert!(!masked("温州市"));
    }
}
