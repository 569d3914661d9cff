//! Comparison logic: place-years, alignment of goals and achievements, status, unit conversion, formatting.
