//! The DOMAIN.md §6 export, written by hand: serde's JSON machinery was an eighth of the wasm.

use std::fmt::Write as _;

use super::decimal;
use crate::model::*;

/// The DOMAIN.md §6 JSON of a corpus (texts as they are: load them first for a full export),
/// written by hand so the app does not carry serde_json. Floats keep a `.0` like serde_json's.
pub fn export_json(corpus: &Corpus) -> String {
    let mut j = Json(String::with_capacity(1 << 16));
    j.0.push_str("{\n  \"schema\": ");
    write!(j.0, "{}", corpus.schema).ok();
    j.0.push_str(",\n  \"documents\": [");
    for (n, d) in corpus.documents.iter().enumerate() {
        j.0.push_str(if n == 0 { "\n    {" } else { ",\n    {" });
        j.key("id", 3).str(&d.id);
        j.key("file", 3).str(&d.file);
        j.key("title", 3).str(&d.title);
        let r = &d.region;
        j.key("region", 3).0.push('{');
        j.key("name", 4).str(&r.name);
        j.key("level", 4).str(r.level.code());
        j.key("parent", 4).opt(r.parent.as_deref());
        j.key("inferred", 4).bool(r.inferred);
        j.key("evidence", 4).opt(r.evidence.as_deref());
        if let Some(en) = &r.name_en {
            j.key("name_en", 4).str(en);
        }
        if let Some(en) = &r.parent_en {
            j.key("parent_en", 4).str(en);
        }
        j.close('}', 3);
        j.key("published", 3).opt(d.published.as_deref());
        j.key("summary_year", 3).int(d.summary_year);
        j.key("plan_year", 3).int(d.plan_year);
        j.key("warnings", 3).0.push('[');
        for (n, w) in d.warnings.iter().enumerate() {
            j.item(n, 4);
            j.key("code", 5).str(w.code.code());
            j.key("message", 5).str(&w.message);
            j.key("message_en", 5).str(&w.message_en);
            j.close('}', 4);
        }
        j.close(']', 3);
        j.key("items", 3).0.push('[');
        for (n, it) in d.items.iter().enumerate() {
            j.item(n, 4);
            j.key("kind", 5).str(it.kind.code());
            j.key("year", 5).int(it.year);
            j.key("topic", 5).opt(it.topic.map(Topic::id));
            j.key("heading", 5).opt(it.heading.as_deref());
            j.key("text", 5).str(&it.text);
            j.key("start", 5).usize(it.start);
            j.key("end", 5).usize(it.end);
            j.close('}', 4);
        }
        j.close(']', 3);
        j.key("claims", 3).0.push('[');
        for (n, c) in d.claims.iter().enumerate() {
            j.item(n, 4);
            j.key("kind", 5).str(c.kind.code());
            j.key("year", 5).int(c.year);
            j.key("indicator", 5).opt(c.indicator.as_deref());
            j.key("subject", 5).str(&c.subject);
            j.key("measure", 5).str(c.measure.code());
            j.key("value", 5).float(c.value);
            j.key("value_max", 5).float(c.value_max);
            j.key("unit", 5).str(&c.unit);
            j.key("bound", 5).str(c.bound.code());
            j.key("scope", 5).opt(c.scope.map(Scope::code));
            j.key("modality", 5).opt(c.modality.map(Modality::code));
            j.key("estimated", 5).bool(c.estimated);
            j.key("redacted", 5).bool(c.redacted);
            j.key("text", 5).str(&c.text);
            j.key("start", 5).usize(c.start);
            j.key("end", 5).usize(c.end);
            j.key("number_start", 5).usize(c.number_start);
            j.key("number_end", 5).usize(c.number_end);
            if c.decimals > 0 {
                j.key("decimals", 5).usize(usize::from(c.decimals));
            }
            j.close('}', 4);
        }
        j.close(']', 3);
        j.key("text", 3).str(&d.text);
        j.close('}', 2);
    }
    j.close(']', 1);
    j.0.push_str("\n}\n");
    j.0
}

/// A small pretty-printing JSON writer: each `key` starts a new line inside the open object.
pub(super) struct Json(pub(super) String);

impl Json {
    fn indent(&mut self, depth: usize) {
        self.0.push('\n');
        for _ in 0..depth {
            self.0.push_str("  ");
        }
    }
    fn key(&mut self, k: &str, depth: usize) -> &mut Self {
        if !self.0.ends_with('{') {
            self.0.push(',');
        }
        self.indent(depth);
        self.str(k);
        self.0.push_str(": ");
        self
    }
    fn item(&mut self, n: usize, depth: usize) {
        if n > 0 {
            self.0.push(',');
        }
        self.indent(depth);
        self.0.push('{');
    }
    fn close(&mut self, c: char, depth: usize) {
        if !self.0.ends_with(['[', '{']) {
            self.indent(depth);
        }
        self.0.push(c);
    }
    pub(super) fn str(&mut self, s: &str) -> &mut Self {
        self.0.push('"');
        for ch in s.chars() {
            match ch {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    write!(self.0, "\\u{:04x}", c as u32).ok();
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
        self
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.str(s);
            }
            None => self.0.push_str("null"),
        }
    }
    fn bool(&mut self, b: bool) {
        self.0.push_str(if b { "true" } else { "false" });
    }
    fn int(&mut self, v: Option<i32>) {
        match v {
            Some(v) => write!(self.0, "{v}").ok(),
            None => write!(self.0, "null").ok(),
        };
    }
    fn usize(&mut self, v: usize) {
        write!(self.0, "{v}").ok();
    }
    fn float(&mut self, v: Option<f64>) {
        match v.and_then(decimal) {
            Some(s) if s.contains('.') => self.0.push_str(&s),
            Some(s) => {
                self.0.push_str(&s);
                self.0.push_str(".0");
            }
            // Not a plain short decimal (never from a report): JSON has no NaN, so null.
            None => self.0.push_str("null"),
        }
    }
}
