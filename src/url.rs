//! The URL API (also the embedding API): query parameters parsed into [`AppState`] at start and
//! written back from it. Pure: no browser APIs, host-tested.
//!
//! | key | value |
//! |---|---|
//! | places | comma-separated place names as shown (`衢州市,温州市`) |
//! | years | comma-separated years |
//! | cols | exact columns `衢州市:2021,温州市:2024` (written when places × years would add more) |
//! | view | indicators, scorecard, topics, chart, report |
//! | indicator | an indicator id (the chart's) |
//! | q | topic filter |
//! | doc | report id shown in the reader |
//! | lang | zh (default), en |
//! | embed | 1: no page header, no margins |
//! | accent | a CSS colour: hex (`#0a66c2`, `0a66c2`) or a plain colour name |
//! | care | 1: 适老化 mode |
//! | theme | light, dark |
//!
//! Values that are not understood are ignored and listed in [`AppState::notes`].

use report::compare::PlaceYear;
use report::indicators::indicator;

use crate::i18n::Lang;
use crate::state::{AppState, Note, Theme, View};

// The first view's columns: in the core, so the packer keeps their group in a split index.
pub use report::compare::{default_selection, DEFAULT_COLUMNS};

/// Colour names accepted for `accent` (no functions, no url(), nothing that could inject CSS).
/// All dark enough for white text (contrast ≥ 4.5:1), so they can fill buttons.
#[rustfmt::skip]
const COLOUR_NAMES: &[&str] = &[
    "black", "navy", "darkblue", "mediumblue", "blue", "royalblue", "teal", "darkgreen", "green",
    "darkolivegreen", "darkslategray", "maroon", "darkred", "firebrick", "crimson", "brown",
    "sienna", "purple", "indigo", "darkmagenta", "darkviolet", "rebeccapurple", "dimgray",
];

/// Whether white text on this (validated) colour reaches WCAG AA contrast (4.5:1). Light accents
/// are still used for lines, never as a background behind text.
pub fn dark_enough(colour: &str) -> bool {
    let Some(hex) = colour.strip_prefix('#') else {
        return COLOUR_NAMES.contains(&colour);
    };
    let digits: Vec<u8> = hex
        .chars()
        .filter_map(|c| c.to_digit(16).map(|d| d as u8))
        .collect();
    let rgb: [f64; 3] = match digits.len() {
        3 | 4 => [0, 1, 2].map(|i| f64::from(digits[i] * 17)),
        6 | 8 => [0, 2, 4].map(|i| f64::from(digits[i] * 16 + digits[i + 1])),
        _ => return false,
    };
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
    let opaque = !matches!(digits.len(), 4 | 8);
    opaque && 1.05 / (l + 0.05) >= 4.5
}

/// Decodes `%XX` escapes (UTF-8) and `+` as space; bad escapes are kept as written.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes a value for a query string, keeping `,` and `:` readable.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' | b':' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Splits `?a=1&b=2` into decoded pairs.
pub fn pairs(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

/// A safe CSS colour, normalised (`#0a66c2`, `teal`), or `None`.
pub fn valid_colour(s: &str) -> Option<String> {
    let s = s.trim().to_ascii_lowercase();
    let hex = s.strip_prefix('#').unwrap_or(&s);
    if matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Some(format!("#{hex}"));
    }
    COLOUR_NAMES.contains(&s.as_str()).then_some(s)
}

/// A place name as shown (`衢州市`), or a short form that names one place only (`衢州`).
pub fn resolve_place(p: &str, available: &[PlaceYear]) -> Option<String> {
    if available.iter().any(|a| a.place == p) {
        return Some(p.to_string());
    }
    let mut names: Vec<&str> = available
        .iter()
        .map(|a| a.place.as_str())
        .filter(|n| n.starts_with(p) && n.chars().count() == p.chars().count() + 1)
        .collect();
    names.dedup();
    match names.as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

/// The report a query names (`doc=`, the last one), as written.
pub fn linked_doc(search: &str) -> Option<String> {
    pairs(search)
        .into_iter()
        .rev()
        .find(|(k, _)| k == "doc")
        .map(|(_, v)| v)
}

/// The places a query names, as written (`places=` and the places of `cols=`).
pub fn linked_places(search: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in pairs(search) {
        match k.as_str() {
            "places" | "place" => out.extend(list(&v).map(str::to_string)),
            "cols" => {
                out.extend(list(&v).filter_map(|c| c.rsplit_once(':').map(|(p, _)| p.to_string())))
            }
            _ => {}
        }
    }
    out
}

fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split([',', '，', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "yes" | "" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// Parses a query string into a state. `available` is every place-year with data (picker order);
/// `doc_ids` the report ids. Never fails: what is not understood becomes a [`Note`].
pub fn parse(search: &str, available: &[PlaceYear], doc_ids: &[String]) -> AppState {
    let mut s = AppState::default();
    let mut notes: Vec<Note> = Vec::new();
    let mut note = |k: &str, v: &str| {
        notes.push(Note {
            key: k.to_string(),
            value: v.to_string(),
        })
    };
    let mut places: Option<Vec<String>> = None;
    let mut years: Option<Vec<i32>> = None;
    let mut cols: Option<Vec<PlaceYear>> = None;
    // `cols=` with nothing: the user cleared the selection on purpose.
    let mut cleared = false;
    for (k, v) in pairs(search) {
        match k.as_str() {
            "places" | "place" => {
                let mut ok = Vec::new();
                for p in list(&v) {
                    match resolve_place(p, available) {
                        Some(name) => ok.push(name),
                        None => note(&k, p),
                    }
                }
                places = Some(ok);
            }
            "years" | "year" => {
                let mut ok = Vec::new();
                for y in list(&v) {
                    match y.parse::<i32>() {
                        Ok(y) if available.iter().any(|a| a.year == y) => ok.push(y),
                        _ => note(&k, y),
                    }
                }
                years = Some(ok);
            }
            "cols" => {
                cleared = v.trim().is_empty();
                let mut ok = Vec::new();
                for c in list(&v) {
                    let py = c
                        .rsplit_once(':')
                        .and_then(|(p, y)| Some(PlaceYear::new(p, y.parse().ok()?)));
                    match py {
                        Some(py) if available.contains(&py) => ok.push(py),
                        _ => note(&k, c),
                    }
                }
                cols = Some(ok);
            }
            "view" => match View::from_code(&v) {
                Some(view) => s.view = view,
                None => note(&k, &v),
            },
            "indicator" => match indicator(&v) {
                Some(i) => s.indicator = Some(i.id.to_string()),
                None => note(&k, &v),
            },
            "q" => s.query = v,
            "doc" => {
                if doc_ids.contains(&v) {
                    s.report = Some(v);
                } else {
                    note(&k, &v);
                }
            }
            "lang" => match v.to_ascii_lowercase().as_str() {
                "zh" | "zh-cn" | "cn" => s.lang = Lang::Zh,
                "en" => s.lang = Lang::En,
                _ => note(&k, &v),
            },
            "embed" => match flag(&v) {
                Some(b) => s.embed = b,
                None => note(&k, &v),
            },
            "care" => match flag(&v) {
                Some(b) => s.care = b,
                None => note(&k, &v),
            },
            "accent" => match valid_colour(&v) {
                Some(c) => s.accent = Some(c),
                None => note(&k, &v),
            },
            "theme" => match v.as_str() {
                "light" => s.theme = Some(Theme::Light),
                "dark" => s.theme = Some(Theme::Dark),
                "auto" | "" => s.theme = None,
                _ => note(&k, &v),
            },
            _ => note(&k, &v),
        }
    }
    s.selection = match (cols, places, years) {
        (Some(c), _, _) if !c.is_empty() => keep_order(available, |a| c.contains(a)),
        (Some(_), None, None) if cleared => Vec::new(),
        (_, Some(p), Some(y)) if !p.is_empty() || !y.is_empty() => keep_order(available, |a| {
            (p.is_empty() || p.contains(&a.place)) && (y.is_empty() || y.contains(&a.year))
        }),
        (_, Some(p), None) if !p.is_empty() => keep_order(available, |a| p.contains(&a.place)),
        (_, None, Some(y)) if !y.is_empty() => keep_order(available, |a| y.contains(&a.year)),
        _ => default_selection(available),
    };
    s.notes = notes;
    s
}

/// The place-years of `available` (picker order) for which `f` holds.
pub fn keep_order(available: &[PlaceYear], f: impl Fn(&PlaceYear) -> bool) -> Vec<PlaceYear> {
    available.iter().filter(|a| f(a)).cloned().collect()
}

/// The query string (with `?`, or empty) that reproduces a state.
pub fn to_query(s: &AppState, available: &[PlaceYear]) -> String {
    let mut q: Vec<(&str, String)> = Vec::new();
    let mut places: Vec<&str> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    for py in &s.selection {
        if !places.contains(&py.place.as_str()) {
            places.push(&py.place);
        }
        // In order as they come: a handful of years, and no sort code in the wasm.
        if !years.contains(&py.year) {
            let at = years
                .iter()
                .position(|&y| y > py.year)
                .unwrap_or(years.len());
            years.insert(at, py.year);
        }
    }
    if !s.selection.is_empty() {
        q.push(("places", places.join(",")));
        q.push((
            "years",
            years
                .iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(","),
        ));
        let product = keep_order(available, |a| {
            places.contains(&a.place.as_str()) && years.contains(&a.year)
        });
        if product.len() != s.selection.len() {
            let cols: Vec<String> = s
                .selection
                .iter()
                .map(|c| format!("{}:{}", c.place, c.year))
                .collect();
            q.push(("cols", cols.join(",")));
        }
    } else {
        q.push(("cols", String::new()));
    }
    if s.view != View::Indicators {
        q.push(("view", s.view.code().to_string()));
    }
    if let Some(i) = &s.indicator {
        q.push(("indicator", i.clone()));
    }
    if !s.query.is_empty() {
        q.push(("q", s.query.clone()));
    }
    if let (View::Report, Some(d)) = (s.view, &s.report) {
        q.push(("doc", d.clone()));
    }
    if s.lang == Lang::En {
        q.push(("lang", "en".into()));
    }
    if s.embed {
        q.push(("embed", "1".into()));
    }
    if let Some(a) = &s.accent {
        q.push(("accent", a.clone()));
    }
    if s.care {
        q.push(("care", "1".into()));
    }
    if let Some(t) = s.theme {
        q.push(("theme", t.code().into()));
    }
    let body: Vec<String> = q
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("?{}", body.join("&"))
}

/// The iframe snippet that embeds this view (the README's, with its height listener): `page` is
/// the app's address without a query, `origin` its scheme, host and port. A page opened from a
/// file has no address another site can use: then both are placeholders to fill in.
pub fn embed_snippet(s: &AppState, available: &[PlaceYear], page: &str, origin: &str) -> String {
    let web = origin.starts_with("http://") || origin.starts_with("https://");
    let (page, origin) = if web {
        (page, origin)
    } else {
        ("https://YOUR-HOST/duibiao/index.html", "https://YOUR-HOST")
    };
    let mut view = s.clone();
    view.embed = true;
    let src = format!("{page}{}", to_query(&view, available)).replace('&', "&amp;");
    format!(
        r#"<iframe id="duibiao" title="对标 Duibiao" src="{src}"
        style="width:100%;border:0;height:600px"></iframe>
<script>
  addEventListener('message', function (e) {{
    if (e.origin !== '{origin}' || !e.data || e.data.type !== 'duibiao:height') return;
    var h = Number(e.data.height);
    if (h > 0) document.getElementById('duibiao').style.height = Math.ceil(h) + 'px';
  }});
</script>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn avail() -> Vec<PlaceYear> {
        vec![
            PlaceYear::new("衢州市", 2021),
            PlaceYear::new("衢州市", 2022),
            PlaceYear::new("绍兴市", 2018),
            PlaceYear::new("新昌县", 2021),
            PlaceYear::new("新昌县", 2022),
            PlaceYear::new("温州市", 2024),
            PlaceYear::new("温州市", 2025),
        ]
    }

    fn ids() -> Vec<String> {
        vec!["000_0f0a2c8e28231438".into()]
    }

    fn p(q: &str) -> AppState {
        parse(q, &avail(), &ids())
    }

    #[test]
    fn empty_url_gives_the_default() {
        let s = p("");
        assert_eq!(
            s.selection,
            vec![
                PlaceYear::new("衢州市", 2021),
                PlaceYear::new("衢州市", 2022),
                PlaceYear::new("温州市", 2024)
            ]
        );
        assert_eq!(s.view, View::Indicators);
        assert_eq!(s.lang, Lang::Zh);
        assert!(s.notes.is_empty());
        assert_eq!(
            default_selection(&avail()[2..5]).len(),
            3,
            "first three when no default exists"
        );
    }

    #[test]
    fn places_and_years_combine_to_existing_columns() {
        let s =
            p("?places=%E8%A1%A2%E5%B7%9E%E5%B8%82,%E6%B8%A9%E5%B7%9E%E5%B8%82&years=2022,2024");
        assert_eq!(
            s.selection,
            vec![
                PlaceYear::new("衢州市", 2022),
                PlaceYear::new("温州市", 2024)
            ]
        );
        let s = p("?places=新昌县");
        assert_eq!(s.selection.len(), 2);
        // Short forms that name one place.
        let s = p("?places=衢州,温州&years=2021,2024");
        assert_eq!(
            s.selection,
            vec![
                PlaceYear::new("衢州市", 2021),
                PlaceYear::new("温州市", 2024)
            ]
        );
        assert!(s.notes.is_empty());
        let s = p("?years=2021");
        assert_eq!(
            s.selection,
            vec![
                PlaceYear::new("衢州市", 2021),
                PlaceYear::new("新昌县", 2021)
            ]
        );
        let s = p("?cols=衢州市:2021,温州市:2025");
        assert_eq!(
            s.selection,
            vec![
                PlaceYear::new("衢州市", 2021),
                PlaceYear::new("温州市", 2025)
            ]
        );
    }

    #[test]
    fn every_parameter_is_read() {
        let s = p("?view=chart&indicator=talent&q=%E5%AD%B5%E5%8C%96+x&lang=en&embed=1&accent=%230a66c2&care=1&theme=dark&doc=000_0f0a2c8e28231438");
        assert_eq!(s.view, View::Chart);
        assert_eq!(s.indicator.as_deref(), Some("talent"));
        assert_eq!(s.query, "孵化 x");
        assert_eq!(s.lang, Lang::En);
        assert!(s.embed && s.care);
        assert_eq!(s.accent.as_deref(), Some("#0a66c2"));
        assert_eq!(s.theme, Some(Theme::Dark));
        assert_eq!(s.report.as_deref(), Some("000_0f0a2c8e28231438"));
        assert!(s.notes.is_empty(), "{:?}", s.notes);
    }

    #[test]
    fn unknown_values_become_notes_not_crashes() {
        let s = p("?places=火星市,衢州市&years=abc,2021&view=table&indicator=gdp&lang=fr&accent=url(x)&theme=blue&embed=maybe&foo=bar&doc=nope&cols=x");
        assert_eq!(s.selection, vec![PlaceYear::new("衢州市", 2021)]);
        let keys: Vec<&str> = s.notes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "places",
                "years",
                "view",
                "indicator",
                "lang",
                "accent",
                "theme",
                "embed",
                "foo",
                "doc",
                "cols"
            ]
        );
        assert_eq!(s.notes[0].value, "火星市");
        assert_eq!(s.view, View::Indicators);
        assert_eq!(s.accent, None);
        // Only unknown places: as if none were given (the default), plus the note.
        let s = p("?places=火星市");
        assert_eq!(s.selection, default_selection(&avail()));
        assert_eq!(s.notes.len(), 1);
        // Broken escapes survive.
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%E8%A1%A2"), "%zz衢");
        assert_eq!(decode("%E8%A1"), "\u{FFFD}");
    }

    #[test]
    fn colours_are_validated() {
        assert_eq!(valid_colour("#ABC").as_deref(), Some("#abc"));
        assert_eq!(valid_colour("0a66c2").as_deref(), Some("#0a66c2"));
        assert_eq!(valid_colour("Teal").as_deref(), Some("teal"));
        for bad in [
            "red;background:url(x)",
            "#12345",
            "expression(1)",
            "",
            "var(--x)",
            "#ggg",
        ] {
            assert_eq!(valid_colour(bad), None, "{bad}");
        }
        assert!(dark_enough("#0a58ca"));
        assert!(dark_enough("#000"));
        assert!(dark_enough("navy"));
        assert!(!dark_enough("#ffcc00"), "yellow cannot hold white text");
        assert!(!dark_enough("#0a58ca80"), "translucent: unknown background");
        for name in COLOUR_NAMES {
            assert_eq!(valid_colour(name).as_deref(), Some(*name));
        }
    }

    #[test]
    fn round_trip() {
        let mut s = p("");
        s.view = View::Topics;
        s.query = "孵化 载体&x".into();
        s.lang = Lang::En;
        s.care = true;
        s.accent = Some("#0a66c2".into());
        s.theme = Some(Theme::Light);
        s.embed = true;
        let q = to_query(&s, &avail());
        assert!(q.starts_with("?places=%E8%A1%A2"), "{q}");
        assert!(!q.contains("cols="), "{q}");
        assert_eq!(p(&q), s);
        // A selection that places × years cannot express exactly gets cols.
        let mut s = p("");
        s.selection = vec![
            PlaceYear::new("衢州市", 2021),
            PlaceYear::new("新昌县", 2022),
        ];
        let q = to_query(&s, &avail());
        assert!(q.contains("cols="), "{q}");
        assert_eq!(p(&q).selection, s.selection);
        // An empty selection stays empty.
        s.selection.clear();
        assert!(p(&to_query(&s, &avail())).selection.is_empty());
    }
    #[test]
    fn the_embed_snippet_shows_this_view_and_sizes_itself() {
        let s = AppState {
            selection: vec![PlaceYear::new("宁波市", 2024)],
            view: View::Scorecard,
            ..AppState::default()
        };
        let snippet = embed_snippet(
            &s,
            &[PlaceYear::new("宁波市", 2024)],
            "https://kjj.example.cn/duibiao/index.html",
            "https://kjj.example.cn",
        );
        assert!(snippet.starts_with(r#"<iframe id="duibiao" title="对标 Duibiao" src="https://kjj.example.cn/duibiao/index.html?places=%E5%AE%81%E6%B3%A2%E5%B8%82&amp;years=2024&amp;view=scorecard&amp;embed=1""#), "{snippet}");
        assert!(snippet.contains("e.origin !== 'https://kjj.example.cn'"));
        assert!(snippet.contains("'duibiao:height'"));
        // From a file there is no address to give: placeholders.
        let local = embed_snippet(&s, &[], "file:///home/me/dist/index.html", "null");
        assert!(
            local.contains("src=\"https://YOUR-HOST/duibiao/index.html?"),
            "{local}"
        );
        assert!(local.contains("e.origin !== 'https://YOUR-HOST'"));
    }
}
