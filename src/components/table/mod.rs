//! The indicator table (default view): place-year columns, indicator rows, goals and achievements
//! in each cell with their status against the same year's result and last year's result.

use std::rc::Rc;

use report::compare::{column_docs, grid, order_columns, report_years, Cell, PlaceYear, OTHER};
use report::indicators::indicator;
use report::Document;
use yew::prelude::*;

mod body;

use super::claim::{cell_markup, esc, on_number};
use super::{indicator_name, place_name, report_label, use_app};
use crate::data;
use crate::groups::Claims;
use crate::i18n::{t, Lang};
use crate::state::AppState;
use body::{whole, Body, Row};

/// The body's rows as markup (see `body`). Each row keeps its indicator heading; a cell without
/// claims says so to screen readers.
fn body_rows(
    docs: &[Document],
    rows: &[(&'static str, Vec<Cell>)],
    keys: &[String],
    lang: Lang,
    empty: bool,
) -> Vec<Row> {
    let mut out = Vec::with_capacity(rows.len() + 1);
    if empty {
        // On screen a row is a grid (styles/app.css): the span stands in for colspan.
        let mut head = format!(
            "<tr><td colspan=\"{n}\" style=\"grid-column: span {n}\">",
            n = keys.len() + 1
        );
        esc(&mut head, t(lang, "no_rows"));
        head.push_str("</td>");
        out.push(Row {
            key: "",
            head,
            cells: vec![],
        });
    }
    for (row, cells) in rows {
        let mut head = String::from(if *row == OTHER {
            "<tr class=\"other\"><th scope=\"row\">"
        } else {
            "<tr><th scope=\"row\">"
        });
        esc(&mut head, indicator_name(row, lang));
        let unit = indicator(row).map(|i| i.unit).unwrap_or("");
        if !unit.is_empty() && unit != "位" {
            head.push_str("<span class=\"unit\">");
            esc(&mut head, lang.pick("单位：", "unit: "));
            esc(&mut head, unit);
            head.push_str("</span>");
        }
        head.push_str("</th>");
        let cells = cells
            .iter()
            .zip(keys)
            .map(|(cl, k)| {
                let markup = if cl.is_empty() {
                    let mut m = String::from(
                        "<td class=\"none\"><span aria-hidden=\"true\">—</span><span class=\"sr-only\">",
                    );
                    esc(&mut m, t(lang, "no_data"));
                    m.push_str("</span></td>");
                    m
                } else {
                    format!("<td>{}</td>", cell_markup(docs, cl, lang))
                };
                (k.clone(), markup)
            })
            .collect();
        out.push(Row {
            key: row,
            head,
            cells,
        });
    }
    out
}

/// A column's key: the same place-year is the same column.
fn key(c: &PlaceYear) -> String {
    format!("{}-{}", c.place, c.year)
}

/// Reports with warnings behind the columns, listed under the table.
pub fn warnings_list(docs: &[Document], ids: &[usize], lang: Lang) -> Html {
    let with: Vec<usize> = ids
        .iter()
        .copied()
        .filter(|&i| !docs[i].warnings.is_empty())
        .collect();
    if with.is_empty() {
        return html! {};
    }
    html! {
        <section class="warnings" id="warnings" aria-labelledby="warnings-h">
            <h3 id="warnings-h"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "warnings") }</h3>
            { for with.iter().map(|&i| html! {
                <div class="warn-doc">
                    <h4>{ report_label(&docs[i], lang) }</h4>
                    <ul>
                        { for docs[i].warnings.iter().map(|w| html! {
                            <li>{ lang.pick(&w.message, &w.message_en).to_string() }</li>
                        }) }
                    </ul>
                </div>
            }) }
        </section>
    }
}

#[component]
pub fn IndicatorTable() -> Html {
    let st = use_app();
    let lang = st.lang;
    let cols = order_columns(&crate::available(), &st.selection);
    if cols.is_empty() {
        return html! { <p class="empty" id="main-table">{ t(lang, "empty_selection") }</p> };
    }
    html! { <Grid cols={Rc::new(cols)} {lang} dispatch={st.dispatcher()} version={crate::corpus_version()} /> }
}

/// The table proper. Its props are all it depends on, so it is not rebuilt when other state
/// changes (a dialog opens, a text arrives); its header's columns are keyed, and its body is
/// patched by row and column (`body`), so adding a column inserts cells instead of rewriting every
/// cell to its right.
#[derive(Properties, PartialEq)]
struct GridProps {
    cols: Rc<Vec<PlaceYear>>,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
    /// [`crate::corpus_version`]: claims that arrived change the table.
    version: u32,
}

/// Rows in the table's first render in the page: more than a screen shows (a phone two or three, a
/// desktop five or six).
const FIRST_ROWS: usize = 8;

#[component]
fn Grid(props: &GridProps) -> Html {
    let (cols, lang, dispatch) = (&*props.cols, props.lang, &props.dispatch);
    // The page's first render draws the rows a screen can show and the rest once that frame is
    // drawn, so start-up hands the page over sooner; every later render has every row. The
    // pre-render (host) has every row at once.
    let every_row = use_state(|| cfg!(not(target_arch = "wasm32")));
    {
        let every_row = every_row.clone();
        use_effect_with((), move |_| {
            let later =
                (!*every_row).then(|| crate::hooks::after_frame(move || every_row.set(true)));
            move || drop(later)
        });
    }
    let docs = &data().documents;
    // In corpus order, each once: a mark per report rather than a sort (no sort code in the wasm).
    let all = report::compare::reports_for(docs, cols);
    let claims = crate::groups::use_claims(all.clone());
    let rs = grid(docs, cols);
    let col_docs: Vec<Vec<usize>> = cols.iter().map(|c| column_docs(docs, c)).collect();
    let keys: Vec<String> = cols.iter().map(key).collect();
    let limit = if *every_row { usize::MAX } else { FIRST_ROWS };
    // "No numbers" only once every report's claims are here.
    let empty = rs.is_empty() && claims == Claims::Ready;
    let rows = Rc::new(body_rows(
        docs,
        &rs[..rs.len().min(limit)],
        &keys,
        lang,
        empty,
    ));
    // In the page the body is an element of the patcher's (see `body`), handed to Yew as it is and
    // patched here, as the rest of the table renders: in an effect it would be drawn a frame late,
    // since Yew runs effects in a later task once a render took 16 ms (the first render, and every
    // click on a slow phone). The pre-render writes the markup in place.
    let shown = use_mut_ref(Body::default);
    let body = if cfg!(target_arch = "wasm32") {
        shown.borrow_mut().element(&rows)
    } else {
        None
    };
    let caption = match lang {
        Lang::Zh => format!("{}（{} 列）", t(lang, "caption"), cols.len()),
        Lang::En if cols.len() == 1 => format!("{} (1 column)", t(lang, "caption")),
        Lang::En => format!("{} ({} columns)", t(lang, "caption"), cols.len()),
    };
    html! {
        <div class="table-view">
            { crate::groups::notice(claims, lang) }
            <p class="legend"><strong>{ t(lang, "legend") }{ lang.pick("：", ": ") }</strong>{ t(lang, "legend_text") }</p>
            <div class="table-wrap" id="table-region" role="region" aria-labelledby="table-caption" tabindex="0">
                <table id="main-table" class="compare" onclick={on_number(dispatch)}>
                    <caption id="table-caption">{ caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="corner">{ t(lang, "indicator") }</th>
                            { for cols.iter().zip(&col_docs).zip(&keys).map(|((c, ds), k)| {
                                let warn = ds.iter().any(|&i| !docs[i].warnings.is_empty());
                                let src = ds.iter().map(|&i| report_years(&docs[i])).collect::<Vec<_>>().join(", ");
                                html! {
                                    <th scope="col" key={k.clone()}>
                                        <span class="col-place">
                                            { place_name(&c.place, lang) }
                                            if ds.iter().any(|&i| docs[i].region.inferred) {
                                                <span class="inferred">{ format!("（{}）", t(lang, "inferred")) }</span>
                                            }
                                        </span>
                                        <span class="col-year">{ lang.pick(&format!("{}年", c.year), &c.year.to_string()).to_string() }</span>
                                        <span class="col-src">{ format!("{}{}{}", t(lang, "sources"), lang.pick("：", ": "), src) }</span>
                                        if warn {
                                            <a class="warn-link" href="#warnings">
                                                <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, "warning_marker") }
                                            </a>
                                        }
                                    </th>
                                }
                            }) }
                        </tr>
                    </thead>
                    if let Some(body) = body {
                        { Html::VRef(body.into()) }
                    } else {
                        <tbody>{ Html::from_html_unchecked(whole(&rows).into()) }</tbody>
                    }
                </table>
            </div>
            { warnings_list(docs, &all, lang) }
        </div>
    }
}
