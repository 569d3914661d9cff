//! Units: converting a value between units of one kind, and the value a row shows.

use super::*;

/// (unit, family, factor to the family's base unit)
const UNITS: &[(&str, &str, f64)] = &[
    ("元", "money", 1.0),
    ("万元", "money", 1e4),
    ("亿元", "money", 1e8),
    ("平方米", "area", 1.0),
    ("万平方米", "area", 1e4),
    ("万方", "area", 1e4),
    ("人", "people", 1.0),
    ("名", "people", 1.0),
    ("万人", "people", 1e4),
];

/// Converts a value between units of the same kind (1亿元 = 10000万元, 万方 = 万平方米, 名 = 人).
/// `None` when the units do not measure the same thing.
pub fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    if from == to {
        return Some(value);
    }
    let f = UNITS.iter().find(|u| u.0 == from)?;
    let t = UNITS.iter().find(|u| u.0 == to)?;
    (f.1 == t.1).then(|| value * f.2 / t.2)
}

/// Value, upper value and unit of a claim as shown in a row: converted to the indicator's unit
/// when it is a level in a convertible unit, else as written.
pub fn shown(claim: &Claim) -> (Option<f64>, Option<f64>, String) {
    if claim.measure == Measure::Level {
        if let Some(info) = claim.indicator.as_deref().and_then(indicator) {
            if claim.unit != info.unit && convert(1.0, &claim.unit, info.unit).is_some() {
                let c = |v: Option<f64>| v.and_then(|v| convert(v, &claim.unit, info.unit));
                return (c(claim.value), c(claim.value_max), info.unit.to_string());
            }
        }
    }
    (claim.value, claim.value_max, claim.unit.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testutil::*;

    #[test]
    fn units_convert_within_a_kind_only() {
        assert_eq!(convert(2.5, "亿元", "万元"), Some(25000.0));
        assert_eq!(convert(7900.0, "万元", "亿元"), Some(0.79));
        assert_eq!(convert(705.0, "万方", "万平方米"), Some(705.0));
        assert_eq!(convert(3.0, "名", "人"), Some(3.0));
        assert_eq!(convert(3.0, "家", "家"), Some(3.0));
        assert_eq!(convert(3.0, "家", "项"), None);
        assert_eq!(convert(3.0, "亿元", "%"), None);
        let mut c = claim(Kind::Achievement, 2021, "rd_expenditure", 4800.0, "万元");
        assert_eq!(shown(&c), (Some(0.48), None, "亿元".into()));
        assert_eq!(format_value(&c, false), "0.48亿元");
        c.measure = Measure::Growth;
        c.unit = "%".into();
        c.value = Some(12.0);
        assert_eq!(shown(&c).2, "%", "growth stays in %");
    }
}
