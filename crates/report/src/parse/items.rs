//! Items stage: the structure's units (numbered points, `(一)` blocks, `一是` clauses) become
//! items with their half's kind and year and a topic scored from their words.

use super::structure::{Half, Structure};
use super::vocab::topic_for;
use crate::model::{Item, Kind};

pub(crate) fn items(
    chars: &[char],
    st: &Structure,
    has_summary: bool,
    summary_year: Option<i32>,
    plan_year: Option<i32>,
) -> Vec<Item> {
    st.units
        .iter()
        .filter(|u| u.start < u.end && u.end <= chars.len())
        .map(|u| {
            let text: String = chars[u.start..u.end].iter().collect();
            let (kind, year) = match st.half_at(u.start, has_summary) {
                Half::Summary => (Kind::Achievement, summary_year),
                Half::Plan => (Kind::Goal, plan_year),
            };
            let heading = u.heading.clone();
            let topic = topic_for(&u.title, heading.as_deref().unwrap_or(""), &text);
            Item {
                kind,
                year,
                topic,
                heading,
                text,
                start: u.start,
                end: u.end,
            }
        })
        .collect()
}
