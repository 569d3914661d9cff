//! The whole [`AppState`] as one string: how the app and the views module hand it to each other
//! (a string crosses between two wasm memories in one copy). Not the page's URL, which leaves out
//! what a shared link should not carry (the open dialog, the reader's focus, notes).

use report::compare::{ClaimRef, PlaceYear};

use crate::i18n::Lang;
use crate::state::{AppState, Note, Theme, View};
use crate::url::{encode as esc, pairs};

fn claim(c: &ClaimRef) -> String {
    format!("{}.{}", c.doc, c.claim)
}

fn claim_of(v: &str) -> Option<ClaimRef> {
    let (d, c) = v.split_once('.')?;
    Some(ClaimRef {
        doc: d.parse().ok()?,
        claim: c.parse().ok()?,
    })
}

/// `key=value&…`, values escaped as in a query string; lists as repeated keys, in order.
pub fn encode(s: &AppState) -> String {
    let mut out: Vec<String> = vec![
        format!("l={}", s.lang.code()),
        format!("v={}", s.view.code()),
        format!("x={}", s.texts),
    ];
    out.extend(
        s.selection
            .iter()
            .map(|p| format!("s={}:{}", p.year, esc(&p.place))),
    );
    let mut opt = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            out.push(format!("{k}={}", esc(&v)));
        }
    };
    opt("i", s.indicator.clone());
    opt("q", (!s.query.is_empty()).then(|| s.query.clone()));
    opt("e", s.embed.then(|| "1".into()));
    opt("a", s.accent.clone());
    opt("c", s.care.then(|| "1".into()));
    opt("t", s.theme.map(|t| t.code().into()));
    opt("d", s.dialog.as_ref().map(claim));
    opt("r", s.report.clone());
    opt("f", s.focus.as_ref().map(claim));
    for n in &s.notes {
        out.push(format!("n={}:{}", esc(&n.key), esc(&n.value)));
    }
    // The provinces' reports the app appended, in order: the module appends the same before it
    // reads a report's number (`d=`, `f=`).
    for m in crate::provinces::merged() {
        out.push(format!("m={}", esc(&m)));
    }
    out.join("&")
}

/// The manifests [`encode`] listed, in order.
pub fn manifests(text: &str) -> Vec<String> {
    pairs(text)
        .into_iter()
        .filter(|(k, _)| k == "m")
        .map(|(_, v)| v)
        .collect()
}

/// The state [`encode`] wrote; a value it cannot read is left at its default.
pub fn decode(text: &str) -> AppState {
    let mut s = AppState::default();
    for (k, v) in pairs(text) {
        match k.as_str() {
            "l" => {
                s.lang = if v == Lang::En.code() {
                    Lang::En
                } else {
                    Lang::Zh
                }
            }
            "v" => s.view = View::from_code(&v).unwrap_or_default(),
            "x" => s.texts = v.parse().unwrap_or_default(),
            "s" => {
                if let Some((y, p)) = v.split_once(':') {
                    if let Ok(y) = y.parse() {
                        s.selection.push(PlaceYear::new(p, y));
                    }
                }
            }
            "i" => s.indicator = Some(v),
            "q" => s.query = v,
            "e" => s.embed = true,
            "a" => s.accent = Some(v),
            "c" => s.care = true,
            "t" => {
                s.theme = [Theme::Light, Theme::Dark]
                    .into_iter()
                    .find(|t| t.code() == v)
            }
            "d" => s.dialog = claim_of(&v),
            "r" => s.report = Some(v),
            "f" => s.focus = claim_of(&v),
            "n" => {
                if let Some((key, value)) = v.split_once(':') {
                    s.notes.push(Note {
                        key: key.into(),
                        value: value.into(),
                    });
                }
            }
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_survives_the_trip_also_text_that_looks_like_the_format() {
        let s = AppState {
            lang: Lang::En,
            view: View::Report,
            selection: vec![
                PlaceYear::new("衢州市", 2021),
                PlaceYear::new("a:b&c=d+e%", 2024),
            ],
            indicator: Some("rd_intensity".into()),
            query: "孵化 & 科技=1+1 100%\n".into(),
            embed: true,
            accent: Some("#0a66c2".into()),
            care: true,
            theme: Some(Theme::Dark),
            notes: vec![Note {
                key: "cols".into(),
                value: "x:y&z".into(),
            }],
            dialog: Some(ClaimRef { doc: 3, claim: 17 }),
            report: Some("000_0f0a".into()),
            focus: Some(ClaimRef { doc: 0, claim: 2 }),
            texts: 41,
        };
        assert_eq!(decode(&encode(&s)), s);
        assert_eq!(decode(&encode(&AppState::default())), AppState::default());
    }

    #[test]
    fn unreadable_values_fall_back_to_the_defaults() {
        let s = decode("v=nope&x=many&s=year:衢州市&d=1&t=blue&zz=1");
        assert_eq!(s, AppState::default());
    }
}
