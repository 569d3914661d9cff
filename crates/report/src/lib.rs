//! Duibiao's core: the document model, the work-report parser (feature `parse`) and the
//! comparison logic. No web dependencies: the app uses the model and comparison parts only.

pub mod compare;
pub mod indicators;
pub mod model;
pub mod pack;

#[cfg(feature = "parse")]
pub mod parse;

pub use model::*;
