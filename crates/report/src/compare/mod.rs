//! Comparison logic: place-years, alignment of goals and achievements, status, unit conversion,
//! formatting, CSV and text filtering. Pure functions over the model, host-tested; the app is views
//! over these.

mod cells;
mod csv;
mod format;
mod places;
mod scorecard;
#[cfg(test)]
mod testutil;
mod text;
mod units;
mod verdict;

pub use cells::*;
pub use csv::*;
pub use format::*;
pub use places::*;
pub use scorecard::*;
pub use text::*;
pub use units::*;
pub use verdict::*;

// What the submodules share (each reads `use super::*`).
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::indicators::{indicator, INDICATORS};
use crate::{Bound, Claim, Document, Kind, Level, Measure, Modality, Scope};

/// Row id of claims that fit no indicator.
pub const OTHER: &str = "other";

/// One comparison column: a place in a year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceYear {
    pub place: String,
    pub year: i32,
}

impl PlaceYear {
    pub fn new(place: &str, year: i32) -> Self {
        PlaceYear {
            place: place.to_string(),
            year,
        }
    }
}

/// A claim, addressed by document index and claim index in that document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub doc: usize,
    pub claim: usize,
}

impl ClaimRef {
    pub fn get<'a>(&self, docs: &'a [Document]) -> Option<&'a Claim> {
        docs.get(self.doc)?.claims.get(self.claim)
    }
}
