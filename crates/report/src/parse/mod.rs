//! The work-report parser: raw bytes in, a [`Document`] plus warnings out. Never panics.
//!
//! Stages, each a private module: [`clean`] (characters, chrome, pages: the text as stored) →
//! [`view`] (the text as read: simplified characters, no glosses or PDF spaces, with a map back)
//! → [`structure`] (headings, halves, units) → [`meta`] with [`places`] (place, years, date) →
//! [`numbers`] and [`claims`] (quantitative statements) → [`items`] (units with topics). Every
//! stage after [`view`] reads the view; offsets are mapped back to the stored text at the end.
//! [`sidecar`] reads a maintainer's overrides next to a report file; [`t2s`] is the character table
//! the view uses.

mod claims;
mod clean;
mod gazetteer;
mod items;
mod meta;
mod numbers;
mod places;
mod sidecar;
mod structure;
mod t2s;
mod view;
mod vocab;

pub use claims::Skip;
pub use clean::normalise;
pub use sidecar::{parse_sidecar, Overrides};

use crate::model::*;
use meta::warning;

/// Why a file cannot be read as a report at all (the build names the file and fails).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    Binary,
    Undecodable,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Empty => write!(f, "the file is empty"),
            ReadError::Binary => write!(f, "the file is binary, not text"),
            ReadError::Undecodable => write!(f, "the file is neither UTF-8 nor GB18030 text"),
        }
    }
}

/// Decodes a report file (UTF-8 with or without BOM, or GB18030/GBK).
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), ReadError> {
    decode_with(bytes, |b| {
        let (s, _, had_errors) = encoding_rs::GB18030.decode(b);
        (!had_errors).then(|| s.into_owned())
    })
}

/// [`decode`] with the GB18030 decoder given (`None` when the bytes are not GB18030): the page
/// uses the browser's TextDecoder, so its parser module carries no encoding tables, and applies
/// the same checks as the build.
pub fn decode_with(
    bytes: &[u8],
    gb18030: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<(String, Option<&'static str>), ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => {
            // GB18030 maps almost any byte string to *some* characters: accept the reading
            // only if it looks like Chinese text.
            match gb18030(bytes) {
                Some(s) if looks_chinese(&s) => (s, Some("GB18030")),
                _ => return Err(ReadError::Undecodable),
            }
        }
    };
    // Control characters other than line breaks and tabs mean this is not a text file.
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(ReadError::Binary);
    }
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        return Err(ReadError::Empty);
    }
    Ok((text, encoding))
}

/// Most non-ASCII characters of a GB18030 reading are CJK ideographs or CJK punctuation.
fn looks_chinese(s: &str) -> bool {
    let (mut total, mut good) = (0usize, 0usize);
    for c in s.chars().filter(|c| !c.is_ascii()) {
        total += 1;
        if matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3000}'..='\u{303F}'
            | '\u{FF00}'..='\u{FFEF}' | '\u{2000}'..='\u{206F}' | '\u{00B7}' | '\u{2460}'..='\u{24FF}')
        {
            good += 1;
        }
    }
    total == 0 || good * 10 >= total * 9
}

/// Parses one decoded report. `id` is the file stem, `file` the path as given.
pub fn parse_document(id: &str, file: &str, raw: &str) -> Document {
    parse_document_with(id, file, raw, &Overrides::default())
}

/// Parses one decoded report, then applies a maintainer's overrides (each noted in a warning).
pub fn parse_document_with(id: &str, file: &str, raw: &str, ov: &Overrides) -> Document {
    parse_full(id, file, raw, ov).doc
}

/// A number the parser read but did not take as a claim, and why (for `report check`).
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedNumber {
    /// The number as written, with its unit.
    pub written: String,
    /// Char offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub reason: Skip,
}

/// A parsed report with what the parser saw on the way: how many numbers it read and which it
/// skipped, with the reason.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub doc: Document,
    /// Every number read in the text (claims, skipped numbers, and numbers inside both).
    pub numbers: usize,
    pub skipped: Vec<SkippedNumber>,
}

/// Parses one decoded report and keeps the parser's account of the numbers it skipped.
pub fn parse_full(id: &str, file: &str, raw: &str, ov: &Overrides) -> Parsed {
    let cleaned = clean::clean(raw);
    let stored = cleaned.text;
    let mut view = view::View::new(&stored);
    let written = claims::CharIndex::new(&stored);
    let text = std::mem::take(&mut view.text);
    let chars: Vec<char> = text.chars().collect();
    let st = structure::analyse(&text);
    let title = st
        .title
        .map(|t| st.paras[t].text.trim().to_string())
        .unwrap_or_default();
    let mut warnings = Vec::new();

    let mut published = meta::published(&cleaned.chrome, &st);
    // A saved page is usually named after its report (`宁波市科技局2025年工作要点.txt`): where
    // the text states no place or no years, its file name is read the way a title would be.
    let (name, shown) = file_name(file);
    let mut years = meta::years(&title, &st, published.as_deref());
    if years.summary.is_none() && years.plan.is_none() {
        let named = meta::years(&name, &st, published.as_deref());
        if named.summary.is_some() || named.plan.is_some() {
            years = named;
            years.warnings.push(warning(
                WarningCode::Other,
                format!("报告正文未写明年份;年份取自文件名“{shown}”。"),
                format!("The text states no years; they are taken from the file name “{shown}”."),
            ));
        }
    }
    let (mut summary_year, mut plan_year) = (years.summary, years.plan);
    let now = meta::now(published.as_deref(), &chars);
    if summary_year.is_none() || plan_year.is_none() {
        let (s, p) = meta::fallback_years(&title, &st, &chars, now);
        // A fallback plan year must come after a stated summary year and vice versa.
        summary_year = summary_year.or(s.filter(|&s| plan_year.is_none_or(|p| s < p)));
        plan_year = plan_year.or(p.filter(|&p| summary_year.is_none_or(|s| p >= s)));
    }
    let place_hits = gazetteer::scan(&chars);
    let input = places::Input {
        title: &title,
        head: head_lines(&st),
        chrome: &cleaned.chrome,
        body: &chars,
        text: &text,
        hits: &place_hits,
    };
    let mut place = places::decide(&input);
    if place.region.name == places::UNKNOWN && ov.place.is_none() {
        if let Some(p) = places::decide_by_file_name(&input, &name, shown) {
            place = p;
        }
    }
    let mut region = place.region;

    // Overrides from a sidecar file win over the text.
    let mut title = title;
    let mut overridden: Vec<String> = Vec::new();
    if let Some(p) = &ov.place {
        region = sidecar::region_for(p);
        overridden.push(format!("place = {p}"));
        if places::region_for_name(p).is_none() {
            // Not in the gazetteer (a typo, or a unit newer than the data): the page cannot fold it
            // under its city, and the reader should know why.
            let (zh, en) = if ov.by_hand {
                ("更正的地名", "The corrected place")
            } else {
                ("附注文件中的地名", "The sidecar's place")
            };
            warnings.push(warning(
                WarningCode::Other,
                format!("{zh}“{p}”不在行政区划表中,无法确定其上级"),
                format!("{en} “{p}” is not in the gazetteer; its parent is unknown"),
            ));
        }
    }
    if let Some(y) = ov.summary_year {
        summary_year = Some(y);
        overridden.push(format!("summary_year = {y}"));
    }
    if let Some(y) = ov.plan_year {
        plan_year = Some(y);
        overridden.push(format!("plan_year = {y}"));
    }
    if let Some(d) = &ov.published {
        published = Some(d.clone());
        overridden.push(format!("published = {d}"));
    }
    if let Some(t) = &ov.title {
        title = t.clone();
        overridden.push(format!("title = {t}"));
    }
    if ov.place.is_none() {
        warnings.extend(place.warnings);
    }
    // English names from the gazetteer, for the app's English view.
    region.name_en = gazetteer::english(&region.name).map(str::to_string);
    region.parent_en = region
        .parent
        .as_deref()
        .and_then(gazetteer::english)
        .map(str::to_string);
    if ov.summary_year.is_none() && ov.plan_year.is_none() {
        warnings.extend(years.warnings);
    }
    if !overridden.is_empty() {
        let (zh, en) = if ov.by_hand {
            ("添加时手动更正了", "Corrected by hand when adding")
        } else {
            (
                "维护者的附注文件改写了",
                "A maintainer's sidecar file overrides",
            )
        };
        let list = overridden.join("; ");
        warnings.push(warning(
            WarningCode::Override,
            format!("{zh}:{list}"),
            format!("{en}: {list}"),
        ));
    }

    // `下一步工作思路` without a year: the plan is for the year after the summary.
    if plan_year.is_none() && st.plan_start.is_some() && ov.plan_year.is_none() {
        if let Some(s) = summary_year {
            plan_year = Some(s + 1);
            warnings.push(warning(
                WarningCode::Other,
                format!("计划部分未写明年份,按总结年份的下一年({})计。", s + 1),
                format!(
                    "The plan half names no year; taken as the year after the summary ({}).",
                    s + 1
                ),
            ));
        }
    }
    // A plan-only circular (`工作要点`) has no summary half.
    let has_summary = summary_year.is_some() || st.summary_heading.is_some() || plan_year.is_none();
    let txt = claims::Txt::new(&chars, &text);
    let ctx = claims::Context {
        chars: &txt,
        st: &st,
        summary_year,
        plan_year,
        has_summary,
        now,
        own: places::unit_of(&region),
        places: &place_hits,
        above: claims::scopes_above(&region),
    };
    let extracted = claims::extract(&ctx);
    let mut claims = extracted.claims;
    // Years the title and headings did not give: from the figures, then fill the figures.
    if summary_year.is_none() && ov.summary_year.is_none() {
        summary_year = meta::years_from_claims(
            &claims,
            Kind::Achievement,
            published.as_deref(),
            now,
            &chars,
        );
    }
    if plan_year.is_none() && ov.plan_year.is_none() {
        plan_year = meta::years_from_claims(&claims, Kind::Goal, published.as_deref(), now, &chars);
    }
    for c in claims.iter_mut().filter(|c| c.year.is_none()) {
        c.year = match c.kind {
            Kind::Achievement => summary_year,
            Kind::Goal => plan_year,
        };
    }
    let items = items::items(&chars, &st, has_summary, summary_year, plan_year);

    if summary_year.is_none() && plan_year.is_none() {
        warnings.push(warning(
            WarningCode::YearUnknown,
            "未能确定报告的总结年份和计划年份。",
            "Could not find the years this report covers.",
        ));
    }
    if plan_year.is_none() && st.plan_start.is_none() {
        warnings.push(warning(
            WarningCode::NoPlan,
            "未找到计划部分(目标)。",
            "No plan half (goals) was found.",
        ));
    }
    let circular = title.contains("要点") || title.contains("通知") || title.contains("计划");
    if !has_summary && !circular {
        warnings.push(warning(
            WarningCode::NoSummary,
            "未找到总结部分(成绩)。",
            "No summary half (achievements) was found.",
        ));
    }
    // Never silent: figures read and not taken are counted, and a report whose figures mostly
    // did not become claims says so (`report check` names each one with its reason).
    let quantities = claims.len()
        + extracted
            .skipped
            .iter()
            .filter(|s| {
                !matches!(
                    s.2,
                    Skip::Title | Skip::Date | Skip::NoUnit | Skip::Ordinal | Skip::Name
                )
            })
            .count();
    if claims.is_empty() && quantities > 0 {
        warnings.push(warning(
            WarningCode::FewClaims,
            format!("文中有{quantities}个带单位的数字,但没有一个读成数据(见 report check 列出的原因)。"),
            format!(
                "The text has {quantities} figures with units, but none became a claim (report check lists why)."
            ),
        ));
    } else if quantities >= 10 && claims.len() * 2 < quantities {
        warnings.push(warning(
            WarningCode::FewClaims,
            format!("文中{quantities}个带单位的数字只有{}个读成数据,其余多为他处数字或政策参数,请核对。", claims.len()),
            format!(
                "Only {} of the {quantities} figures with units became claims; the rest read as other places' figures or policy parameters — check them.",
                claims.len()
            ),
        ));
    }
    let redacted_claims = claims.iter().filter(|c| c.redacted).count();
    if redacted_claims > 0 || text.contains("xxxx年") {
        let years_masked = text.contains("xxxx年");
        warnings.push(warning(
            WarningCode::Redacted,
            format!(
                "文中数字被隐去(x、xx、x.x),{redacted_claims}项数据数值未知{}。",
                if years_masked {
                    ";年份也被隐去为xxxx年"
                } else {
                    ""
                }
            ),
            format!(
                "Numbers are masked (x, xx, x.x): {redacted_claims} figures have no value{}.",
                if years_masked {
                    "; years are masked as xxxx年 too"
                } else {
                    ""
                }
            ),
        ));
    }
    if cleaned.truncated {
        warnings.push(warning(
            WarningCode::Truncated,
            "文本不完整:在句子中间被截断(文档分享网站只给出了预览)。",
            "The text is cut off mid-sentence (a document-sharing site's preview).",
        ));
    }

    // The title as written (traditional characters stay); a text without one shows its opening.
    if ov.title.is_none() {
        title = match st.title {
            Some(t) => {
                let p = &st.paras[t];
                written
                    .slice(view.start(p.start), view.end(p.end))
                    .trim()
                    .to_string()
            }
            None => {
                let opening: String = stored.chars().take_while(|&c| c != '\n').take(24).collect();
                format!("{}…", opening.trim())
            }
        };
    }
    let mut doc = Document {
        id: id.to_string(),
        file: file.to_string(),
        title,
        region,
        published,
        summary_year,
        plan_year,
        warnings,
        items,
        claims,
        text: String::new(),
        pending: None,
    };
    to_stored(&mut doc, &view, &written);
    let skipped = extracted
        .skipped
        .iter()
        .map(|&(a, b, reason)| {
            let (start, end) = (view.start(a), view.end(b).max(view.start(a)));
            SkippedNumber {
                written: written.slice(start, end).to_string(),
                start,
                end,
                reason,
            }
        })
        .collect();
    drop(written);
    doc.text = stored;
    Parsed {
        doc,
        numbers: extracted.numbers,
        skipped,
    }
}

/// A report file's name without folders or extension, as read (full-width characters narrowed
/// and traditional ones simplified, like the text's view) and as written.
fn file_name(file: &str) -> (String, &str) {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    };
    let read = stem
        .chars()
        .map(|c| t2s::simplify(clean::normalise_char(c)))
        .collect();
    (read, stem)
}

/// Short lines near the top and at the end, where a report names its issuing bureau and signs.
fn head_lines(st: &structure::Structure) -> Vec<&str> {
    let paras: Vec<&str> = st
        .paras
        .iter()
        .map(|p| p.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let n = paras.len();
    (n.saturating_sub(4)..n)
        .rev()
        .chain(0..n.min(12))
        .map(|k| paras[k])
        .filter(|t| t.chars().count() <= 30)
        .collect()
}

/// Maps every claim's and item's view offsets back to the stored text and takes their texts
/// from it, so the sentences shown are the sentences as written.
fn to_stored(doc: &mut Document, view: &view::View, written: &claims::CharIndex) {
    let slice = |a: usize, b: usize| written.slice(a, b).to_string();
    for c in &mut doc.claims {
        c.start = view.start(c.start);
        c.end = view.end(c.end).max(c.start);
        c.number_start = view.start(c.number_start);
        c.number_end = view.end(c.number_end).max(c.number_start);
        c.text = slice(c.start, c.end);
    }
    for i in &mut doc.items {
        i.start = view.start(i.start);
        i.end = view.end(i.end).max(i.start);
        i.text = slice(i.start, i.end);
    }
}

/// A file that could not be loaded, with its path.
#[derive(Debug)]
pub struct LoadError {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for LoadError {}

/// Reads one report file (path as given) into a document, with its sidecar `<stem>.toml`
/// overrides if one lies next to it.
pub fn load_file(path: &std::path::Path) -> Result<Document, LoadError> {
    load_file_full(path).map(|p| p.doc)
}

/// [`load_file`] with the parser's account of the numbers it skipped (for `report check`).
pub fn load_file_full(path: &std::path::Path) -> Result<Parsed, LoadError> {
    let shown = path.to_string_lossy().into_owned();
    let err = |reason: String| LoadError {
        path: shown.clone(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let (text, encoding) = decode(&bytes).map_err(|e| err(e.to_string()))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let side = path.with_extension("toml");
    let ov = if side.is_file() {
        let s = std::fs::read_to_string(&side).map_err(|e| LoadError {
            path: side.to_string_lossy().into_owned(),
            reason: e.to_string(),
        })?;
        parse_sidecar(&s).map_err(|reason| LoadError {
            path: side.to_string_lossy().into_owned(),
            reason,
        })?
    } else {
        Overrides::default()
    };
    Ok(parse_decoded(&id, &shown, &text, encoding, &ov))
}

/// [`parse_full`] of a decoded file, noting a decoding other than UTF-8 (the build and the page
/// share it).
pub fn parse_decoded(
    id: &str,
    file: &str,
    text: &str,
    encoding: Option<&str>,
    ov: &Overrides,
) -> Parsed {
    let mut parsed = parse_full(id, file, text, ov);
    if let Some(enc) = encoding {
        parsed.doc.warnings.push(warning(
            WarningCode::Encoding,
            format!("文件不是UTF-8编码,已按{enc}解码。"),
            format!("The file is not UTF-8; it was decoded as {enc}."),
        ));
    }
    parsed
}

/// Reads every `*.txt` report in a folder, in file-name order.
pub fn load_dir(dir: &std::path::Path) -> Result<Corpus, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError {
        path: dir.to_string_lossy().into_owned(),
        reason: e.to_string(),
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs = paths
        .iter()
        .map(|p| load_file(p))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Corpus::new(docs))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A warning that says it read the file name.
    fn from_name(d: &Document, code: WarningCode) -> bool {
        d.warnings.iter().any(|w| {
            w.code == code && w.message.contains("文件名") && w.message_en.contains("file name")
        })
    }

    #[test]
    fn a_chinese_file_name_gives_what_the_text_does_not_name() {
        let text = "科技工作总结和下一步工作思路\n一、主要工作成效\n全年新增国家高新技术企业113家,省科技型中小企业452家。\n二、下一步工作思路\n力争新增国家高新技术企业120家。\n";
        let d = parse_document(
            "x",
            "/x/y/鄞州区科技局2023年工作总结和2024年工作思路.txt",
            text,
        );
        let r = &d.region;
        assert_eq!(
            (r.name.as_str(), r.level, r.parent.as_deref()),
            ("鄞州区", Level::District, Some("宁波市"))
        );
        assert!(r.inferred);
        assert!(r
            .evidence
            .as_deref()
            .unwrap()
            .contains("鄞州区科技局2023年"));
        assert_eq!((d.summary_year, d.plan_year), (Some(2023), Some(2024)));
        assert!(from_name(&d, WarningCode::PlaceInferred));
        assert!(from_name(&d, WarningCode::Other));
        let codes: Vec<WarningCode> = d.warnings.iter().map(|w| w.code).collect();
        assert!(!codes.contains(&WarningCode::PlaceUnknown), "{codes:?}");
        assert!(!codes.contains(&WarningCode::YearUnknown), "{codes:?}");
        // The figures take the years too.
        let year = |n: f64| {
            d.claims
                .iter()
                .find(|c| c.value == Some(n))
                .map(|c| (c.kind, c.year))
        };
        assert_eq!(year(113.0), Some((Kind::Achievement, Some(2023))));
        assert_eq!(year(120.0), Some((Kind::Goal, Some(2024))));

        // A plan-only circular's name, in traditional characters, read like a title.
        let text =
            "科技创新工作要点\n一、强化企业创新主体地位\n全市新增国家高新技术企业100家以上。\n";
        let d = parse_document("x", "寧波市科技局2025年工作要點.txt", text);
        assert_eq!(
            (d.region.name.as_str(), d.region.parent.as_deref()),
            ("宁波市", Some("浙江省"))
        );
        assert_eq!((d.summary_year, d.plan_year), (None, Some(2025)));
    }

    #[test]
    fn the_text_s_own_place_wins_over_the_file_name() {
        let name = "宁波市科技局2025年工作要点.txt";
        // Stated in the title.
        let d = parse_document(
            "x",
            name,
            "温州市科技局工作要点\n一、企业培育\n全市新增国家高新技术企业600家。\n",
        );
        assert_eq!(d.region.name, "温州市");
        assert!(!d.region.inferred);
        assert!(!from_name(&d, WarningCode::PlaceInferred));
        // The text names no years, so those still come from the name.
        assert_eq!((d.summary_year, d.plan_year), (None, Some(2025)));
        assert!(from_name(&d, WarningCode::Other));
        // Only inferred from the body (the subject of its opening sentence): still the text's.
        let d = parse_document(
            "x",
            name,
            "科技工作情况\n2024年,温州市新增国家高新技术企业600家,科技型中小企业2100家。\n",
        );
        assert_eq!(d.region.name, "温州市");
        assert!(!from_name(&d, WarningCode::PlaceInferred));
    }

    #[test]
    fn the_text_s_own_years_win_over_the_file_name() {
        let name = "宁波市科技局2025年工作要点.txt";
        let text = "2021年工作总结和2022年工作计划\n一、2021年工作总结\n全市新增国家高新技术企业113家。\n二、2022年工作计划\n力争新增国家高新技术企业120家。\n";
        let d = parse_document("x", name, text);
        assert_eq!((d.summary_year, d.plan_year), (Some(2021), Some(2022)));
        assert!(!from_name(&d, WarningCode::Other));
        // The place, which the text does not name, is the file name's.
        assert_eq!(d.region.name, "宁波市");
        // One year stated is enough: the name's pair is not read.
        let d = parse_document(
            "x",
            "宁波市科技局2020年工作总结和2021年工作思路.txt",
            "2022年工作计划\n力争新增国家高新技术企业120家。\n",
        );
        assert_eq!((d.summary_year, d.plan_year), (None, Some(2022)));
        assert!(!from_name(&d, WarningCode::Other));
    }

    #[test]
    fn ascii_file_names_and_folders_give_nothing() {
        let text = "科技工作情况\n全市新增国家高新技术企业113家。\n";
        let plain = parse_document("t", "t.txt", text);
        assert_eq!(plain.region.name, "未知");
        assert_eq!((plain.summary_year, plain.plan_year), (None, None));
        for file in [
            "city-anon_2022_news.txt",
            "hangzhou_2018.txt",
            "ningbo_kejiju_2025.txt",
            "seeds/000_0f0a2c8e28231438.txt",
            // Folders name a place and a year; the stem names neither.
            "/报告/宁波市科技局2025年/工作情况.txt",
            "宁波市2025年工作要点/t.txt",
        ] {
            let d = parse_document("t", file, text);
            assert_eq!(
                Document {
                    file: "t.txt".into(),
                    ..d
                },
                plain,
                "{file}"
            );
        }
        // Only the stem, behind folders of either kind.
        let d = parse_document("t", r"D:\报告\宁波市科技局2025年工作要点.txt", text);
        assert_eq!(
            (d.region.name.as_str(), d.plan_year),
            ("宁波市", Some(2025))
        );
    }

    #[test]
    fn a_sidecar_still_wins_over_the_file_name() {
        let ov = Overrides {
            place: Some("温州市".into()),
            summary_year: Some(2024),
            plan_year: Some(2025),
            ..Overrides::default()
        };
        let text = "科技工作情况\n全市新增国家高新技术企业113家。\n";
        let d = parse_document_with("x", "宁波市科技局2022年工作要点.txt", text, &ov);
        assert_eq!(d.region.name, "温州市");
        assert_eq!((d.summary_year, d.plan_year), (Some(2024), Some(2025)));
        assert!(!from_name(&d, WarningCode::PlaceInferred) && !from_name(&d, WarningCode::Other));
    }

    #[test]
    fn corrections_by_hand_are_worded_as_such() {
        let text = "科技工作情况\n全市新增国家高新技术企业113家。\n";
        let sidecar = Overrides {
            place: Some("某某县".into()),
            plan_year: Some(2025),
            ..Overrides::default()
        };
        let hand = Overrides {
            by_hand: true,
            ..sidecar.clone()
        };
        let messages = |ov: &Overrides| -> Vec<String> {
            parse_document_with("x", "x.txt", text, ov)
                .warnings
                .into_iter()
                .filter(|w| matches!(w.code, WarningCode::Override | WarningCode::Other))
                .map(|w| w.message)
                .collect()
        };
        let m = messages(&sidecar);
        assert!(
            m.iter()
                .any(|w| w.starts_with("维护者的附注文件改写了:place = 某某县; plan_year = 2025")),
            "{m:?}"
        );
        assert!(
            m.iter().any(|w| w.starts_with("附注文件中的地名“某某县”")),
            "{m:?}"
        );
        let m = messages(&hand);
        assert!(
            m.iter()
                .any(|w| w.starts_with("添加时手动更正了:place = 某某县; plan_year = 2025")),
            "{m:?}"
        );
        assert!(
            m.iter().any(|w| w.starts_with("更正的地名“某某县”")),
            "{m:?}"
        );
        assert!(!m.iter().any(|w| w.contains("附注文件")), "{m:?}");
    }
}
