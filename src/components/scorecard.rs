//! 成绩单 / Scorecard: for each selected place-year, every goal beside the result the same
//! place's report for that year claims for it, with the verdict, the margin and both numbers as
//! buttons that open their sentences. Several place-years first get a line each of their rates.

use std::rc::Rc;

use report::compare::{
    fmt_fixed, format_margin, format_tally, order_columns, report_years, scorecards, Card, Line,
    Outcome, PlaceYear, Verdict,
};
use report::Document;
use yew::prelude::*;

use super::claim::ClaimButton;
use super::{column_label, indicator_name, place_name, report_label, use_app};
use crate::data;
use crate::groups::Claims;
use crate::i18n::{t, Lang};
use crate::state::AppState;

#[component]
pub fn Scorecard() -> Html {
    let st = use_app();
    let lang = st.lang;
    let cols = order_columns(&crate::available(), &st.selection);
    if cols.is_empty() {
        return html! { <p class="empty">{ t(lang, "empty_selection") }</p> };
    }
    html! { <Cards cols={Rc::new(cols)} {lang} dispatch={st.dispatcher()} version={crate::corpus_version()} /> }
}

#[derive(Properties, PartialEq)]
struct CardsProps {
    cols: Rc<Vec<PlaceYear>>,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
    /// [`crate::corpus_version`]: claims that arrived change the cards.
    version: u32,
}

/// The cards depend on their props only: a dialog opening or a text arriving does not rebuild
/// them.
#[component]
fn Cards(p: &CardsProps) -> Html {
    let (lang, dispatch) = (p.lang, &p.dispatch);
    let docs = &data().documents;
    let claims = crate::groups::use_claims(report::compare::reports_for(docs, &p.cols));
    let cards = scorecards(docs, &p.cols);
    let en = lang.is_en();
    let title = |py: &PlaceYear| match lang {
        Lang::Zh => format!("{} {}年目标完成情况", py.place, py.year),
        Lang::En => format!("{}: goals and results", column_label(py, lang)),
    };
    html! {
        <section class="scorecard-view" aria-labelledby="sc-h">
            <h2 id="sc-h">{ t(lang, "view_scorecard") }</h2>
            { crate::groups::notice(claims, lang) }
            <p class="sc-hint">{ t(lang, "sc_hint") }</p>
            // "No goals" only once every report's claims are here.
            if cards.is_empty() && claims == Claims::Ready {
                <p class="empty">{ t(lang, "sc_no_goals") }</p>
            }
            if cards.len() > 1 { { rates(&cards, lang) } }
            { for cards.iter().map(|card| {
                let tally = card.tally();
                let id = format!("sc-{}-{}", card.place.place, card.place.year);
                html! {
                    <article class="sc-card" key={id.clone()} aria-labelledby={id.clone()}>
                        <h3 {id}>{ title(&card.place) }</h3>
                        <p class="sc-tally"><strong>{ format_tally(&tally, en) }</strong></p>
                        { sources(docs, card, lang) }
                        <ol class="sc-lines">
                            { for card.lines.iter().map(|l| line(docs, l, lang, dispatch)) }
                        </ol>
                    </article>
                }
            }) }
        </section>
    }
}

/// Each place-year's rate in one table, to compare places.
fn rates(cards: &[Card], lang: Lang) -> Html {
    let en = lang.is_en();
    html! {
        <div class="table-wrap sc-rates-wrap" role="region" aria-labelledby="sc-rates-cap" tabindex="0">
            <table class="sc-rates">
                <caption id="sc-rates-cap">{ t(lang, "sc_rates") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, "column") }</th>
                        <th scope="col">{ t(lang, "sc_goals") }</th>
                        { for Outcome::ALL.iter().map(|o| html! {
                            <th scope="col" class={o.code()}>{ o.name(en) }</th>
                        }) }
                        <th scope="col">{ t(lang, "sc_rate") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for cards.iter().map(|c| {
                        let tl = c.tally();
                        html! {
                            <tr>
                                <th scope="row">{ column_label(&c.place, lang) }</th>
                                <td>{ tl.goals }</td>
                                { for Outcome::ALL.iter().map(|&o| html! { <td>{ tl.count(o) }</td> }) }
                                // fmt_fixed, not `{:.0}`: float formatting would add 10 KB to the wasm.
                                <td>{ tl.rate().map(|r| format!("{}%", fmt_fixed(r, 0))).unwrap_or_else(|| "—".into()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// Which reports the results come from, or that there is none yet.
fn sources(docs: &[Document], card: &Card, lang: Lang) -> Html {
    if card.reports.is_empty() {
        let text = match lang {
            Lang::Zh => format!(
                "尚未收录{}{}年的总结报告:目标待对照。",
                card.place.place, card.place.year
            ),
            Lang::En => format!(
                "No report on {}'s {} results is in the collection yet: the goals await it.",
                place_name(&card.place.place, lang),
                card.place.year
            ),
        };
        return html! { <p class="sc-source muted">{ text }</p> };
    }
    let names: Vec<String> = card
        .reports
        .iter()
        // The title is the source's words; in English the report is named by place and years.
        .map(|&i| match lang {
            Lang::Zh => format!("{} ({})", docs[i].title, report_years(&docs[i])),
            Lang::En => report_label(&docs[i], lang),
        })
        .collect();
    html! {
        <p class="sc-source">{ t(lang, "sc_results_from") }{ lang.pick(":", ": ") }{ names.join("; ") }</p>
    }
}

fn icon(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "✔",
        Outcome::Exceeded => "▲",
        Outcome::Missed => "▼",
        Outcome::NotReported => "∅",
        Outcome::NotComparable => "≠",
        Outcome::Awaiting => "…",
    }
}

fn line(
    docs: &[Document],
    l: &Line,
    lang: Lang,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let en = lang.is_en();
    let g = &docs[l.goal.doc].claims[l.goal.claim];
    let row = report::compare::row_of(g);
    let indicator = if row == report::compare::OTHER {
        g.subject.clone()
    } else {
        indicator_name(row, lang).to_string()
    };
    let mut notes: Vec<String> = Vec::new();
    if let (Some(v), Some(_)) = (l.stretch_verdict, l.stretch) {
        notes.push(
            match (v, en) {
                (Verdict::Missed, false) => "力争目标未达到",
                (Verdict::Missed, true) => "stretch goal not reached",
                (_, false) => "力争目标也已达到",
                (_, true) => "stretch goal reached too",
            }
            .to_string(),
        );
    }
    if l.estimated {
        notes.push(t(lang, "sc_estimated").to_string());
    } else if l.approximate {
        notes.push(t(lang, "approx_result").to_string());
    }
    if let Some(w) = l.why {
        notes.push(w.text(en).to_string());
    }
    let margin = format_margin(l, g, en);
    html! {
        <li class={classes!("sc-line", l.outcome.code())} key={format!("{}-{}", l.goal.doc, l.goal.claim)}>
            <span class={classes!("verdict", l.outcome.code())}>
                <span aria-hidden="true">{ icon(l.outcome) }{ " " }</span>{ l.outcome.name(en) }
            </span>
            <span class="sc-ind">{ indicator }</span>
            <span class="sc-goal">
                <ClaimButton claim={l.goal} {lang} dispatch={dispatch.clone()} />
                if let Some(s) = l.stretch {
                    <ClaimButton claim={s} {lang} dispatch={dispatch.clone()} kind={false} />
                }
            </span>
            <span class="sc-result">
                if let Some(r) = l.result {
                    <ClaimButton claim={r} {lang} dispatch={dispatch.clone()} />
                } else if l.outcome == Outcome::Awaiting {
                    <span class="muted">{ "—" }</span>
                } else {
                    <span class="muted">{ t(lang, "sc_no_result") }</span>
                }
            </span>
            if !margin.is_empty() { <span class="sc-margin">{ margin }</span> }
            if !notes.is_empty() { <span class="sc-notes">{ notes.join(lang.pick(";", "; ")) }</span> }
        </li>
    }
}
