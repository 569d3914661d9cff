//! A number from a report as a button that opens its provenance dialog, and the table's cells built
//! from the same markup.
//!
//! Numbers are written as HTML text and set in one go, the browser's parser building the nodes,
//! rather than node by node from the wasm: a table holds hundreds of numbers of about eight nodes
//! each, and creating those through wasm → DOM calls was most of the app's first render. Each
//! button names its claim (`data-c="doc.claim"`); the element around it listens for the clicks.

use report::compare::{
    ambition, format_ambition, format_status, format_value, goal_line, tags, Cell, ClaimRef,
    Outcome, Verdict,
};
use report::{Document, Kind};
use yew::prelude::*;

use crate::data;
use crate::i18n::{t, Lang};
use crate::state::{Action, AppState};

/// Appends `s` escaped for HTML text and for attribute values in double quotes alike: report text
/// (from any file someone adds) never becomes markup.
pub fn esc(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `◎ 目标 力争 100家 ⚠` — kind in words (its icon is the style's), modality/estimate tags, the
/// value as a button with a label that says all of it.
pub fn claim_markup(out: &mut String, docs: &[Document], r: ClaimRef, lang: Lang, kind: bool) {
    let Some(c) = r.get(docs) else { return };
    let en = lang.is_en();
    let value = format_value(c, en);
    let tg = tags(c, en);
    let warn = !docs[r.doc].warnings.is_empty();
    let (word, class) = match c.kind {
        Kind::Goal => (t(lang, "goal"), "goal"),
        Kind::Achievement => (t(lang, "achievement"), "ach"),
    };
    out.push_str("<span class=\"claim ");
    out.push_str(class);
    if c.redacted {
        out.push_str(" redacted");
    }
    out.push_str("\">");
    if kind {
        out.push_str("<span class=\"kind\">");
        esc(out, word);
        out.push_str("</span>");
    }
    for x in &tg {
        out.push_str("<span class=\"tag\">");
        esc(out, x);
        out.push_str("</span>");
    }
    let mut label = format!("{word} ");
    for x in &tg {
        label.push_str(x);
        label.push(' ');
    }
    label.push_str(&value);
    if warn {
        label.push_str(&format!("（{}）", t(lang, "warning_marker")));
    }
    label.push('，');
    label.push_str(t(lang, "show_source"));
    out.push_str(&format!(
        "<button type=\"button\" class=\"num\" data-c=\"{}.{}\" aria-label=\"",
        r.doc, r.claim
    ));
    esc(out, &label);
    out.push_str("\" title=\"");
    esc(out, &c.subject);
    out.push_str("\">");
    esc(out, &value);
    if warn {
        out.push_str("<span class=\"warn-mark\" aria-hidden=\"true\"> ⚠</span>");
    }
    out.push_str("</button></span>");
}

/// The status against the year's result, that the year's report never mentions the indicator, and
/// the ambition against last year's goal, as badges (their icons are the style's, by class).
fn badges_markup(out: &mut String, docs: &[Document], r: ClaimRef, lang: Lang) {
    let en = lang.is_en();
    let badge = |out: &mut String, class: &str, title: &str, text: &str| {
        out.push_str("<span class=\"badge ");
        out.push_str(class);
        out.push_str("\" title=\"");
        esc(out, title);
        out.push_str("\">");
        esc(out, text);
        out.push_str("</span>");
    };
    let line = goal_line(docs, r);
    if let Some(s) = line.as_ref().and_then(|l| l.status()) {
        let class = match s.verdict {
            Verdict::Met => "met",
            Verdict::Exceeded => "exceeded",
            Verdict::Missed => "missed",
        };
        let mut text = format_status(&s, en);
        if s.approximate {
            text.push_str(&format!(" ({})", t(lang, "approx_result")));
        }
        badge(out, class, t(lang, "status_title"), &text);
    }
    if line.is_some_and(|l| l.outcome == Outcome::NotReported) {
        badge(
            out,
            "not_reported",
            t(lang, "status_title"),
            Outcome::NotReported.name(en),
        );
    }
    if let Some(a) = ambition(docs, r) {
        badge(
            out,
            "ambition",
            t(lang, "ambition_title"),
            &format_ambition(&a, en),
        );
    }
}

/// A table cell's goals and achievements: each number, what it counts, and its badges.
pub fn cell_markup(docs: &[Document], cell: &Cell, lang: Lang) -> String {
    let mut out = String::new();
    for (list, class) in [(&cell.goals, "goals"), (&cell.achievements, "achs")] {
        if list.is_empty() {
            continue;
        }
        out.push_str("<ul class=\"claims ");
        out.push_str(class);
        out.push_str("\">");
        for &r in list {
            let Some(c) = r.get(docs) else { continue };
            out.push_str("<li>");
            claim_markup(&mut out, docs, r, lang, true);
            out.push_str("<span class=\"subject\">");
            esc(&mut out, &c.subject);
            out.push_str("</span>");
            badges_markup(&mut out, docs, r, lang);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out
}

/// A click handler for an element holding numbers: opens the source of the one clicked.
pub fn on_number(dispatch: &UseReducerDispatcher<AppState>) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        let Some(el) = e.target_dyn_into::<web_sys::Element>() else {
            return;
        };
        let Ok(Some(button)) = el.closest("button[data-c]") else {
            return;
        };
        let attr = button.get_attribute("data-c").unwrap_or_default();
        let Some((doc, claim)) = attr.split_once('.') else {
            return;
        };
        if let (Ok(doc), Ok(claim)) = (doc.parse(), claim.parse()) {
            dispatch.dispatch(Action::OpenClaim(ClaimRef { doc, claim }));
        }
    })
}

/// Plain props, no context: a button re-renders only when its own claim or the language changes,
/// not on every change of the app state.
#[derive(Properties, PartialEq)]
pub struct ClaimButtonProps {
    pub claim: ClaimRef,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Prefix the kind word and icon (目标 ◎ / 实绩 ✓).
    #[prop_or(true)]
    pub kind: bool,
}

/// One number on its own (scorecard, chart table): the same markup, in a box that lays out as if
/// it were not there.
#[component]
pub fn ClaimButton(props: &ClaimButtonProps) -> Html {
    let mut markup = String::new();
    claim_markup(
        &mut markup,
        &data().documents,
        props.claim,
        props.lang,
        props.kind,
    );
    html! {
        <span class="claim-host" onclick={on_number(&props.dispatch)}>
            { Html::from_html_unchecked(markup.into()) }
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_text_is_escaped_in_text_and_attributes() {
        let mut out = String::new();
        esc(&mut out, r#"<img src=x onerror="a('b')">&"#);
        assert_eq!(
            out,
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;"
        );
    }

    #[test]
    fn a_cell_names_each_claim_on_its_button_and_escapes_the_subject() {
        let docs = &data().documents;
        let (d, c) = docs
            .iter()
            .enumerate()
            .find_map(|(d, doc)| (!doc.claims.is_empty()).then_some((d, 0)))
            .expect("the seeds have claims");
        let mut docs = docs.clone();
        docs[d].claims[c].subject = "R&D <投入>".into();
        let r = ClaimRef { doc: d, claim: c };
        let cell = Cell {
            goals: vec![],
            achievements: vec![r],
        };
        let m = cell_markup(&docs, &cell, Lang::Zh);
        assert!(m.starts_with("<ul class=\"claims achs\"><li><span class=\"claim "));
        assert!(m.contains(&format!("data-c=\"{d}.{c}\"")), "{m}");
        assert!(
            m.contains("<span class=\"subject\">R&amp;D &lt;投入&gt;</span>"),
            "{m}"
        );
        assert!(m.contains("title=\"R&amp;D &lt;投入&gt;\""), "{m}");
        assert!(!m.contains("<投入>"));
    }
}
