//! Sidecar overrides: `seeds/<stem>.toml` next to a report lets a maintainer state what the text
//! gets wrong (`place = "新昌县"`, `summary_year = 2021`, `plan_year`, `published`, `title`).
//!
//! Only flat `key = value` TOML is needed, so it is read here without a TOML dependency:
//! basic strings with escapes, integers, comments and blank lines. Anything else is an error
//! naming the line, so a maintainer's typo fails loudly instead of being ignored.

use super::places;
use crate::model::{Level, Region};

/// What a maintainer overrides; `None` leaves the parser's reading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub place: Option<String>,
    pub summary_year: Option<i32>,
    pub plan_year: Option<i32>,
    pub published: Option<String>,
    pub title: Option<String>,
    /// Typed in the page while adding the report, not read from a sidecar file: the warnings
    /// say so.
    pub by_hand: bool,
}

fn parse_string(v: &str) -> Option<String> {
    let inner = v.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut it = inner.chars();
    while let Some(c) = it.next() {
        match c {
            '\\' => match it.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                _ => return None,
            },
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// Strips a `#` comment that is not inside a string.
fn strip_comment(line: &str) -> &str {
    let mut in_str = false;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '"' if prev != '\\' => in_str = !in_str,
            '#' if !in_str => return &line[..i],
            _ => {}
        }
        prev = c;
    }
    line
}

/// Parses a sidecar file.
pub fn parse_sidecar(s: &str) -> Result<Overrides, String> {
    let mut ov = Overrides::default();
    for (n, raw) in s.lines().enumerate() {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        let bad = |what: &str| format!("line {}: {what}: {}", n + 1, raw.trim());
        let (k, v) = line
            .split_once('=')
            .ok_or_else(|| bad("expected key = value"))?;
        let (k, v) = (k.trim(), v.trim());
        let string = || parse_string(v).ok_or_else(|| bad("expected a quoted string"));
        let year = || {
            v.parse::<i32>()
                .ok()
                .filter(|y| (1949..=2100).contains(y))
                .ok_or_else(|| bad("expected a year like 2021"))
        };
        match k {
            "place" => ov.place = Some(string()?),
            "summary_year" => ov.summary_year = Some(year()?),
            "plan_year" => ov.plan_year = Some(year()?),
            "published" => ov.published = Some(string()?),
            "title" => ov.title = Some(string()?),
            _ => {
                return Err(bad(
                    "unknown key (place, summary_year, plan_year, published, title)",
                ))
            }
        }
    }
    Ok(ov)
}

/// The region for an overridden place name: the gazetteer's entry, or the name as given with
/// the level its suffix implies.
pub(crate) fn region_for(name: &str) -> Region {
    if let Some(r) = places::region_for_name(name) {
        return r;
    }
    let level = match name.chars().last() {
        Some('省') => Level::Province,
        Some('市') => Level::City,
        Some('县') => Level::County,
        Some('区') => Level::District,
        _ => Level::Unknown,
    };
    Region {
        name: name.to_string(),
        level,
        parent: None,
        inferred: false,
        evidence: None,
        name_en: None,
        parent_en: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flat_toml() {
        let ov = parse_sidecar(
            "# fixes\nplace = \"新昌县\" # the county\nsummary_year = 2021\nplan_year = 2022\npublished = \"2021-12-16\"\ntitle = \"a \\\"b\\\"\"\n",
        )
        .unwrap();
        assert_eq!(ov.place.as_deref(), Some("新昌县"));
        assert_eq!((ov.summary_year, ov.plan_year), (Some(2021), Some(2022)));
        assert_eq!(ov.title.as_deref(), Some("a \"b\""));
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse_sidecar("place = 新昌县").unwrap_err();
        assert!(e.starts_with("line 1"), "{e}");
        assert!(parse_sidecar("colour = \"red\"").is_err());
        assert!(parse_sidecar("summary_year = 21").is_err());
    }

    #[test]
    fn regions_for_overrides() {
        let r = region_for("新昌县");
        assert_eq!(
            (r.level, r.parent.as_deref()),
            (Level::County, Some("绍兴市"))
        );
        assert_eq!(region_for("苏州市").level, Level::City);
    }
}
