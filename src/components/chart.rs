//! Bar chart of one indicator across the selected place-years, drawn as inline SVG: goals hatched
//! and outlined, achievements solid, every bar labelled; a hidden table carries the same data.

use report::compare::{
    cell, fmt_fixed, format_value, order_columns, rows, shown, ClaimRef, PlaceYear, OTHER,
};
use report::{Kind, Measure};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::claim::ClaimButton;
use super::{indicator_name, use_app};
use crate::data;
use crate::groups::Claims;
use crate::hooks::{download, download_png, standalone_svg};
use crate::i18n::{t, Lang};
use crate::state::{Action, AppState};

struct Bar {
    col: PlaceYear,
    /// The report has warnings (shown as ⚠ next to the value).
    warn: bool,
    kind: Kind,
    value: Option<f64>,
    text: String,
    subject: String,
    claim: ClaimRef,
}

const ROW: f64 = 46.0;

fn measure_key(m: Measure) -> &'static str {
    match m {
        Measure::Level => "measure_level",
        Measure::Growth => "measure_growth",
        Measure::Share => "measure_share",
        Measure::Rank => "measure_rank",
    }
}

fn col_label(c: &PlaceYear, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} {}年", c.place, c.year),
        Lang::En => super::column_label(c, lang),
    }
}

fn svg_chart(bars: &[Bar], id: &str, title: &str, lang: Lang, on_bar: &Callback<ClaimRef>) -> Html {
    let max = bars
        .iter()
        .filter_map(|b| b.value)
        .fold(0.0f64, f64::max)
        .max(f64::MIN_POSITIVE);
    // Whole pixels, printed as integers: float formatting would add 10 KB of code to the wasm.
    let height = (bars.len() as f64 * ROW + 8.0) as i64;
    let hatch = format!("hatch-{id}");
    let desc = bars
        .iter()
        .map(|b| {
            let k = match b.kind {
                Kind::Goal => t(lang, "goal"),
                Kind::Achievement => t(lang, "achievement"),
            };
            format!("{} {k} {}", col_label(&b.col, lang), b.text)
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "));
    let label = format!("{title}{}{desc}", lang.pick("：", ": "));
    html! {
        <figure class="chart">
            // A group of bars, each a button to its source (Enter or Space, like a click).
            <svg class="bars" id={format!("chart-{id}")} width="100%" height={format!("{height}")} role="group" aria-label={label}>
                <defs>
                    <pattern id={hatch.clone()} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="hatch-bg" width="8" height="8" />
                        <line class="hatch-line" x1="0" y1="0" x2="0" y2="8" stroke-width="4" />
                    </pattern>
                </defs>
                <line class="baseline" x1="0" x2="0" y1="0" y2={height.to_string()} />
                { for bars.iter().enumerate().map(|(i, b)| {
                    let y = (i as f64 * ROW) as i64;
                    let (icon, word, class) = match b.kind {
                        Kind::Goal => ("◎", t(lang, "goal"), "goal"),
                        Kind::Achievement => ("✓", t(lang, "achievement"), "ach"),
                    };
                    let pct = b.value.map(|v| (v.max(0.0) / max * 97.0).max(0.5)).unwrap_or(0.0);
                    let fill = if b.kind == Kind::Goal { format!("url(#{hatch})") } else { String::new() };
                    let on = { let on_bar = on_bar.clone(); let r = b.claim; Callback::from(move |_: MouseEvent| on_bar.emit(r)) };
                    let on_key = {
                        let on_bar = on_bar.clone();
                        let r = b.claim;
                        Callback::from(move |e: KeyboardEvent| {
                            if e.key() == "Enter" || e.key() == " " {
                                e.prevent_default();
                                on_bar.emit(r);
                            }
                        })
                    };
                    // The button's name starts with what it shows (WCAG 2.5.3, label in name).
                    let shown = format!(
                        "{} {icon} {word} {}{}",
                        col_label(&b.col, lang),
                        b.text,
                        if b.warn { " ⚠" } else { "" }
                    );
                    let sep = lang.pick("，", ", ");
                    let name = format!("{shown}{sep}{}{sep}{}", b.subject, t(lang, "show_source"));
                    html! {
                        <g class={classes!("bar-row", class)} onclick={on} onkeydown={on_key}
                            tabindex="0" role="button" aria-label={name}>
                            <text x="0" y={(y + 15).to_string()} class="bar-label">
                                { shown }
                            </text>
                            if b.value.is_some() {
                                <rect x="0" y={(y + 21).to_string()} height="18" width={format!("{}%", fmt_fixed(pct, 2))}
                                    class={classes!("bar", class)} style={(!fill.is_empty()).then(|| format!("fill:{fill}"))} />
                            } else {
                                <text x="0" y={(y + 35).to_string()} class="bar-none">{ lang.pick("（无数值）", "(no value)") }</text>
                            }
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

/// The chart's data as a table under a disclosure: the text alternative for screen readers and
/// the keyboard way to each number's source (the SVG itself is one image).
fn data_table(
    bars: &[Bar],
    caption: &str,
    lang: Lang,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    html! {
        <details class="chart-data">
            <summary>{ t(lang, "chart_data") }</summary>
            <div class="table-wrap">
            <table class="data">
                <caption>{ caption.to_string() }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, "column") }</th>
                    <th scope="col">{ t(lang, "value") }</th>
                    <th scope="col">{ t(lang, "subject") }</th>
                </tr></thead>
                <tbody>
                    { for bars.iter().map(|b| html! {
                        <tr>
                            <th scope="row">{ col_label(&b.col, lang) }</th>
                            <td><ClaimButton claim={b.claim} lang={lang} dispatch={dispatch.clone()} /></td>
                            <td>{ b.subject.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </details>
    }
}

#[component]
pub fn Chart() -> Html {
    let st = use_app();
    let lang = st.lang;
    let docs = &data().documents;
    let cols = order_columns(&crate::available(), &st.selection);
    let claims = crate::groups::use_claims(report::compare::reports_for(docs, &cols));
    if cols.is_empty() {
        return html! { <p class="empty">{ t(lang, "empty_selection") }</p> };
    }
    let inds: Vec<&str> = rows(docs, &cols)
        .into_iter()
        .filter(|r| *r != OTHER)
        .collect();
    let chosen = st
        .indicator
        .as_deref()
        .filter(|i| inds.contains(i))
        .or(inds.first().copied());
    let onchange = {
        let st = st.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            st.dispatch(Action::SetIndicator(v));
        })
    };
    let on_bar = {
        let st = st.clone();
        Callback::from(move |r: ClaimRef| st.dispatch(Action::OpenClaim(r)))
    };
    let select = html! {
        <div class="field">
            <label for="chart-ind">{ t(lang, "chart_indicator") }</label>
            <select id="chart-ind" {onchange}>
                { for inds.iter().map(|i| html! {
                    <option value={i.to_string()} selected={Some(*i) == chosen}>{ indicator_name(i, lang) }</option>
                }) }
            </select>
        </div>
    };
    let Some(ind) = chosen else {
        return html! { <section class="chart-view">{ crate::groups::notice(claims, lang) }{ select }
        if claims == Claims::Ready { <p class="empty">{ t(lang, "chart_no_numbers") }</p> }</section> };
    };
    let en = lang.is_en();
    let bars_for = |m: Measure| -> Vec<Bar> {
        let mut out = Vec::new();
        for c in &cols {
            let cl = cell(docs, c, ind);
            for r in cl.goals.iter().chain(&cl.achievements) {
                let claim = &docs[r.doc].claims[r.claim];
                if claim.measure != m {
                    continue;
                }
                out.push(Bar {
                    col: c.clone(),
                    warn: !docs[r.doc].warnings.is_empty(),
                    kind: claim.kind,
                    value: shown(claim).0.filter(|_| !claim.redacted),
                    text: format_value(claim, en),
                    subject: claim.subject.clone(),
                    claim: *r,
                });
            }
        }
        out
    };
    let mut charts = Vec::new();
    for m in [Measure::Level, Measure::Growth, Measure::Share] {
        let bars = bars_for(m);
        if bars.is_empty() {
            continue;
        }
        let title = format!(
            "{} · {}",
            indicator_name(ind, lang),
            t(lang, measure_key(m))
        );
        let file = format!(
            "duibiao-{ind}-{}",
            measure_key(m).trim_start_matches("measure_")
        );
        let svg_id = format!("chart-{}", measure_key(m));
        let save_svg = {
            let (svg_id, file) = (svg_id.clone(), file.clone());
            Callback::from(move |_| {
                if let Some((svg, _, _)) = standalone_svg(&svg_id) {
                    download(&format!("{file}.svg"), "image/svg+xml;charset=utf-8", &svg);
                }
            })
        };
        let save_png = Callback::from(move |_| {
            if let Some((svg, w, h)) = standalone_svg(&svg_id) {
                download_png(&format!("{file}.png"), &svg, w, h);
            }
        });
        charts.push(html! {
            <div class="chart-block">
                <h3>{ title.clone() }</h3>
                { svg_chart(&bars, measure_key(m), &title, lang, &on_bar) }
                <div class="chart-actions">
                    <button type="button" class="btn" onclick={save_svg}>
                        <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "download_svg") }</button>
                    <button type="button" class="btn" onclick={save_png}>
                        <span aria-hidden="true">{ "⬇ " }</span>{ t(lang, "download_png") }</button>
                </div>
                { data_table(&bars, &format!("{} — {}", t(lang, "chart_data"), title), lang, &st.dispatcher()) }
            </div>
        });
    }
    let ranks = bars_for(Measure::Rank);
    if !ranks.is_empty() {
        charts.push(html! {
            <div class="chart-block">
                <h3>{ format!("{} · {}", indicator_name(ind, lang), t(lang, "chart_ranks")) }</h3>
                <ul class="rank-list">
                    { for ranks.iter().map(|b| {
                        let (icon, word) = match b.kind { Kind::Goal => ("◎", t(lang, "goal")), Kind::Achievement => ("✓", t(lang, "achievement")) };
                        html! { <li>{ format!("{}  {icon} {word} {}{} · {}", col_label(&b.col, lang), b.text, if b.warn { " ⚠" } else { "" }, b.subject) }</li> }
                    }) }
                </ul>
            </div>
        });
    }
    html! {
        <section class="chart-view" aria-labelledby="chart-h">
            <h2 id="chart-h">{ t(lang, "chart_title") }</h2>
            { crate::groups::notice(claims, lang) }
            { select }
            <p class="chart-legend">
                <span class="key goal" aria-hidden="true"></span>{ format!("◎ {} ", t(lang, "goal")) }
                <span class="key ach" aria-hidden="true"></span>{ format!("✓ {}", t(lang, "achievement")) }
            </p>
            if charts.is_empty() && claims == Claims::Ready {
                <p class="empty">{ t(lang, "chart_no_numbers") }</p>
            }
            { for charts }
        </section>
    }
}
