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
#[derive(Clone, PartialEq, Debug)]
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

struct DrawnCell {
    key: String,
    markup: String,
    td: Element,
}

struct DrawnRow {
    key: &'static str,
    head: String,
    tr: Element,
    cells: Vec<DrawnCell>,
}

/// The body element, made once, and its rows as last drawn.
#[derive(Default)]
pub struct Body {
    drawn: Option<Drawn>,
    rows: Rc<Vec<Row>>,
    el: Option<Element>,
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
            self.drawn = Drawn::draw(self.drawn.take(), el.clone(), rows);
            self.rows = rows.clone();
        }
        Some(el)
    }
}

/// What is in the body element now, and the markup each piece came from.
struct Drawn {
    body: Element,
    rows: Vec<DrawnRow>,
}

/// Where a row of the new body comes from.
enum Plan {
    New,
    Kept(DrawnRow, Vec<Option<DrawnCell>>),
}

impl Drawn {
    /// Makes `body` show `rows`, keeping what `prev` drew there when its markup is unchanged. The
    /// first time, or in another body element, it sets the whole markup at once.
    fn draw(prev: Option<Drawn>, body: Element, rows: &[Row]) -> Option<Drawn> {
        if let Some(prev) = prev.filter(|p| p.body == body) {
            // Should the body not be what was drawn (something else touched it), start afresh.
            if let Some(drawn) = prev.patch(rows) {
                return Some(drawn);
            }
        }
        body.set_inner_html(&whole(rows));
        Self::read(body, rows)
    }

    /// Pairs the body's elements with `rows`, whose markup they were just parsed from; `None` if
    /// they do not match (the next draw then starts afresh).
    fn read(body: Element, rows: &[Row]) -> Option<Drawn> {
        let mut drawn = Vec::with_capacity(rows.len());
        let mut tr = body.first_element_child();
        for r in rows {
            let el = tr?;
            tr = el.next_element_sibling();
            drawn.push(read_row(el, r)?);
        }
        Some(Drawn { body, rows: drawn })
    }

    fn patch(self, rows: &[Row]) -> Option<Drawn> {
        let Drawn { body, rows: old } = self;
        let mut old: Vec<Option<DrawnRow>> = old.into_iter().map(Some).collect();
        // Decide what is kept; everything else goes before anything is placed.
        let (mut new_rows, mut new_cells) = (String::new(), String::new());
        let mut plans = Vec::with_capacity(rows.len());
        for r in rows {
            let found = old
                .iter_mut()
                .find(|d| {
                    d.as_ref()
                        .is_some_and(|d| d.key == r.key && d.head == r.head)
                })
                .and_then(Option::take);
            let Some(mut d) = found else {
                r.push_markup(&mut new_rows);
                plans.push(Plan::New);
                continue;
            };
            let mut cells = Vec::with_capacity(r.cells.len());
            for (key, markup) in &r.cells {
                let kept = d
                    .cells
                    .iter()
                    .position(|c| &c.key == key && &c.markup == markup)
                    .map(|i| d.cells.swap_remove(i));
                if kept.is_none() {
                    new_cells.push_str(markup);
                }
                cells.push(kept);
            }
            for gone in d.cells.drain(..) {
                gone.td.remove();
            }
            plans.push(Plan::Kept(d, cells));
        }
        for gone in old.into_iter().flatten() {
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
                Plan::Kept(d, cells) => {
                    let mut placed = Vec::with_capacity(cells.len());
                    let mut cell_at = d.tr.first_element_child()?.next_element_sibling();
                    for ((key, markup), kept) in r.cells.iter().zip(cells) {
                        let cell = match kept {
                            Some(c) => c,
                            None => DrawnCell {
                                key: key.clone(),
                                markup: markup.clone(),
                                td: cell_parts.first_element_child()?,
                            },
                        };
                        place(&d.tr, &cell.td, &mut cell_at)?;
                        placed.push(cell);
                    }
                    DrawnRow { cells: placed, ..d }
                }
            };
            place(&body, &row.tr, &mut at)?;
            drawn.push(row);
        }
        Some(Drawn { body, rows: drawn })
    }
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

/// Pairs a `<tr>` parsed from `r`'s markup with its head and cells.
fn read_row(tr: Element, r: &Row) -> Option<DrawnRow> {
    let mut td = tr.first_element_child()?.next_element_sibling();
    let mut cells = Vec::with_capacity(r.cells.len());
    for (key, markup) in &r.cells {
        let el = td?;
        td = el.next_element_sibling();
        cells.push(DrawnCell {
            key: key.clone(),
            markup: markup.clone(),
            td: el,
        });
    }
    Some(DrawnRow {
        key: r.key,
        head: r.head.clone(),
        tr,
        cells,
    })
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
