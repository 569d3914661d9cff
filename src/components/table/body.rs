//! The table's body as markup, row by row and cell by cell, and the patcher that draws it in the
//! page.
//!
//! A CPU profile of a click (adding a place-year) put most of its script in Yew creating the new
//! cells node by node, and a trace put most of the rest in the browser styling and laying out
//! cells that had not changed. So the body is markup the browser's parser builds, and a change
//! creates only the rows and cells whose markup changed (one parse for all of them), moves the
//! others into place and leaves them, with their layout, alone. The pre-render writes the same
//! markup in one piece.

use std::rc::Rc;

use web_sys::Element;

/// One row of the body: its indicator (the key), the markup it opens with (`<tr …>` and the one
/// element before the cells, its heading), and its cells' `<td>…</td>` under their column's key.
#[derive(PartialEq)]
pub struct Row {
    pub key: &'static str,
    pub head: String,
    pub cells: Vec<(String, String)>,
}

impl Row {
    fn push_markup(&self, out: &mut String) {
        out.push_str(&self.head);
        for (_, cell) in &self.cells {
            out.push_str(cell);
        }
        out.push_str("</tr>");
    }
}

/// The whole body as one piece of markup.
pub fn whole(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        r.push_markup(&mut out);
    }
    out
}

/// The body element, made once, the rows it shows and their elements, in step.
#[derive(Default)]
pub struct Body {
    el: Option<Element>,
    rows: Rc<Vec<Row>>,
    drawn: Option<Vec<Drawn>>,
}

/// A row's elements: its `<tr>` and its cells' `<td>`s, in the order of its `Row`.
struct Drawn {
    tr: Element,
    tds: Vec<Element>,
}

/// Where a row of the new body comes from: parsed afresh, or kept with each of its cells kept
/// (`Some`) or parsed afresh (`None`).
enum Plan {
    New,
    Kept(Element, Vec<Option<Element>>),
}

impl Body {
    /// The `<tbody>` showing `rows`: made the first time, patched from then on. `None` where
    /// there is no document.
    pub fn element(&mut self, rows: &Rc<Vec<Row>>) -> Option<Element> {
        if self.el.is_none() {
            self.el = Some(
                web_sys::window()?
                    .document()?
                    .create_element("tbody")
                    .ok()?,
            );
        }
        let el = self.el.clone()?;
        if self.drawn.is_none() || self.rows != *rows {
            let patched = self
                .drawn
                .take()
                .and_then(|old| patch(&el, &self.rows, old, rows));
            // The first time, or should the body not be what was drawn, all at once.
            self.drawn = patched.or_else(|| {
                el.set_inner_html(&whole(rows));
                read(&el, rows)
            });
            self.rows = rows.clone();
        }
        Some(el)
    }
}

/// Pairs the body's elements with `rows`, whose markup they were just parsed from; `None` if
/// they do not match (the next draw then starts afresh).
fn read(body: &Element, rows: &[Row]) -> Option<Vec<Drawn>> {
    let mut drawn = Vec::with_capacity(rows.len());
    let mut tr = body.first_element_child();
    for r in rows {
        let el = tr?;
        tr = el.next_element_sibling();
        drawn.push(read_row(el, r)?);
    }
    Some(drawn)
}

/// Makes `body`, which shows `was` as `old`, show `rows`: rows and cells whose markup is unchanged
/// are kept, the others parsed in one go.
fn patch(body: &Element, was: &[Row], old: Vec<Drawn>, rows: &[Row]) -> Option<Vec<Drawn>> {
    let mut old: Vec<Option<(&Row, Drawn)>> = was.iter().zip(old).map(Some).collect();
    // Decide what is kept; everything else goes before anything is placed.
    let (mut new_rows, mut new_cells) = (String::new(), String::new());
    let mut plans = Vec::with_capacity(rows.len());
    for r in rows {
        let found = old
            .iter_mut()
            .find(|o| {
                o.as_ref()
                    .is_some_and(|(w, _)| w.key == r.key && w.head == r.head)
            })
            .and_then(Option::take);
        let Some((w, Drawn { tr, tds })) = found else {
            r.push_markup(&mut new_rows);
            plans.push(Plan::New);
            continue;
        };
        let mut cells: Vec<Option<(&(String, String), Element)>> =
            w.cells.iter().zip(tds).map(Some).collect();
        let mut kept = Vec::with_capacity(r.cells.len());
        for cell in &r.cells {
            let td = cells
                .iter_mut()
                .find(|c| c.as_ref().is_some_and(|(c, _)| *c == cell))
                .and_then(Option::take)
                .map(|(_, td)| td);
            if td.is_none() {
                new_cells.push_str(&cell.1);
            }
            kept.push(td);
        }
        for (_, gone) in cells.into_iter().flatten() {
            gone.remove();
        }
        plans.push(Plan::Kept(tr, kept));
    }
    for (_, gone) in old.into_iter().flatten() {
        gone.tr.remove();
    }
    // One parse for every new row and one for every new cell, each in a parent that takes it.
    let doc = body.owner_document()?;
    let row_parts = doc.create_element("tbody").ok()?;
    row_parts.set_inner_html(&new_rows);
    let cell_parts = doc.create_element("tr").ok()?;
    cell_parts.set_inner_html(&new_cells);
    let mut drawn = Vec::with_capacity(rows.len());
    let mut at = body.first_element_child();
    for (r, plan) in rows.iter().zip(plans) {
        let row = match plan {
            Plan::New => read_row(row_parts.first_element_child()?, r)?,
            Plan::Kept(tr, kept) => {
                let mut tds = Vec::with_capacity(kept.len());
                let mut cell_at = tr.first_element_child()?.next_element_sibling();
                for td in kept {
                    let td = match td {
                        Some(td) => td,
                        None => cell_parts.first_element_child()?,
                    };
                    place(&tr, &td, &mut cell_at)?;
                    tds.push(td);
                }
                Drawn { tr, tds }
            }
        };
        place(body, &row.tr, &mut at)?;
        drawn.push(row);
    }
    Some(drawn)
}

/// Puts `el` at `at` in `parent` unless it is there already, and moves `at` past it.
fn place(parent: &Element, el: &Element, at: &mut Option<Element>) -> Option<()> {
    if at.as_ref() == Some(el) {
        *at = el.next_element_sibling();
    } else {
        let before: Option<&web_sys::Node> = at.as_ref().map(|a| a.as_ref());
        parent.insert_before(el, before).ok()?;
    }
    Some(())
}

/// Pairs a `<tr>` parsed from `r`'s markup with its cells.
fn read_row(tr: Element, r: &Row) -> Option<Drawn> {
    let mut td = tr.first_element_child()?.next_element_sibling();
    let mut tds = Vec::with_capacity(r.cells.len());
    for _ in &r.cells {
        let el = td?;
        td = el.next_element_sibling();
        tds.push(el);
    }
    Some(Drawn { tr, tds })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_body_is_each_row_head_then_cells_then_closed() {
        let rows = vec![
            Row {
                key: "a",
                head: "<tr><th>A</th>".into(),
                cells: vec![
                    ("x".into(), "<td>1</td>".into()),
                    ("y".into(), "<td>2</td>".into()),
                ],
            },
            Row {
                key: "b",
                head: "<tr class=\"other\"><th>B</th>".into(),
                cells: vec![],
            },
        ];
        assert_eq!(
            whole(&rows),
            "<tr><th>A</th><td>1</td><td>2</td></tr><tr class=\"other\"><th>B</th></tr>"
        );
    }
}
