//! The document model: what a parsed work report is, in the DOMAIN.md §6 export shape.
//!
//! Everything here is plain data with serde derives, shared by the parser (build time, CLI)
//! and the web app (runtime). Field names and enum spellings are a stable interface.

use serde::{Deserialize, Serialize};

/// Version of the export format (DOMAIN.md §6).
pub const SCHEMA: u32 = 1;

/// A set of parsed reports: the unit the app embeds and the CLI prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema: u32,
    pub documents: Vec<Document>,
}

impl Corpus {
    pub fn new(documents: Vec<Document>) -> Self {
        Corpus {
            schema: SCHEMA,
            documents,
        }
    }

    /// [`Document::strip_derived_texts`] for every document.
    pub fn strip_derived_texts(&mut self) {
        self.documents
            .iter_mut()
            .for_each(Document::strip_derived_texts);
    }

    /// [`Document::restore_derived_texts`] for every document.
    pub fn restore_derived_texts(&mut self) {
        self.documents
            .iter_mut()
            .for_each(Document::restore_derived_texts);
    }
}

impl Document {
    /// Empties every claim's and item's `text` that is exactly its `start..end` slice of the
    /// document text, so an embedded copy does not carry each sentence twice.
    pub fn strip_derived_texts(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let slice = |s: usize, e: usize| chars.get(s..e).map(|c| c.iter().collect::<String>());
        for c in &mut self.claims {
            if slice(c.start, c.end).as_deref() == Some(c.text.as_str()) {
                c.text.clear();
            }
        }
        for i in &mut self.items {
            if slice(i.start, i.end).as_deref() == Some(i.text.as_str()) {
                i.text.clear();
            }
        }
    }

    /// Refills the texts [`Document::strip_derived_texts`] emptied, from the document text.
    pub fn restore_derived_texts(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let slice = |s: usize, e: usize| {
            chars
                .get(s..e)
                .map(|c| c.iter().collect::<String>())
                .unwrap_or_default()
        };
        for c in self.claims.iter_mut().filter(|c| c.text.is_empty()) {
            c.text = slice(c.start, c.end);
        }
        for i in self.items.iter_mut().filter(|i| i.text.is_empty()) {
            i.text = slice(i.start, i.end);
        }
    }
}

/// One work report as understood by the parser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// File stem, e.g. `000_0f0a2c8e28231438`.
    pub id: String,
    /// Path as given to the parser, e.g. `seeds/000_0f0a2c8e28231438.txt`.
    pub file: String,
    pub title: String,
    pub region: Region,
    /// Publication date `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when that is all there is).
    pub published: Option<String>,
    /// Year the summary half reports on; `None` for plan-only documents.
    pub summary_year: Option<i32>,
    /// Year the plan half aims at; `None` when no plan was found.
    pub plan_year: Option<i32>,
    /// Problems the user should see next to this report's numbers.
    pub warnings: Vec<Warning>,
    pub items: Vec<Item>,
    pub claims: Vec<Claim>,
    /// The cleaned text; every `start`/`end` counts Unicode scalar values (chars) into it.
    pub text: String,
    /// Set while this document's warnings, items and claims are not here: a large corpus's page
    /// loads them a group of places at a time ([`crate::pack`]). Never serialized.
    #[serde(skip)]
    pub pending: Option<Pending>,
}

/// Where a document's records are while they are not loaded, and the years they speak about (so
/// the picker and the columns know the document before its claims arrive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The group's chunk id (`g:` and the group's name), as its script announces it.
    pub group: String,
    /// The group's chunk file, e.g. `t/g-…-….js`.
    pub file: String,
    pub years: Vec<i32>,
}

/// The place a report is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Region {
    /// Full name as in the gazetteer, e.g. `衢州市`, `新昌县`; `未知` when not found.
    pub name: String,
    pub level: Level,
    /// Parent place, e.g. `浙江省` for a city, `绍兴市` for 新昌县.
    pub parent: Option<String>,
    /// True when the report does not name itself and the place was deduced from clues.
    pub inferred: bool,
    /// For inferred places: the clues, as found in the text.
    pub evidence: Option<String>,
    /// English names of the place and its parent (`Xinchang County`, `Shaoxing`), from the
    /// gazetteer; absent when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_en: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    City,
    County,
    District,
    Unknown,
}

/// A problem found while reading a report: shown to the user, never fatal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub code: WarningCode,
    /// Human-readable, in Chinese (the app's default language).
    pub message: String,
    /// The same in English.
    pub message_en: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// The place was deduced from clues, not stated.
    PlaceInferred,
    /// No place could be found at all.
    PlaceUnknown,
    /// Title, headings and body disagree about the years.
    YearConflict,
    /// No summary/plan year could be found.
    YearUnknown,
    /// Numbers (or years) in the text are masked as `x`, `xx`, `x.x`.
    Redacted,
    /// No plan half (goals) was found.
    NoPlan,
    /// No summary half (achievements) was found in a document that is not a plan-only circular.
    NoSummary,
    /// The text appears cut off (e.g. a document-sharing site's preview).
    Truncated,
    /// The file was not UTF-8 and was decoded from another encoding.
    Encoding,
    /// A maintainer's sidecar file overrode what the text says.
    Override,
    /// The text has figures, but few or none of them became claims.
    FewClaims,
    /// Anything else worth telling.
    Other,
}

/// Achievement (what was done, summary half) or goal (what is aimed for, plan half).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Achievement,
    Goal,
}

/// A numbered point, a `一是…` clause or a `(一)` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub kind: Kind,
    pub year: Option<i32>,
    pub topic: Option<Topic>,
    /// The heading the item stands under (nearest enclosing), if any.
    pub heading: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Topics items are compared by (DOMAIN.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Platforms,
    Enterprises,
    RdInvestment,
    Industry,
    Talent,
    TechTransfer,
    Finance,
    Ip,
    Cooperation,
    Rural,
    Reform,
    Governance,
}

impl Topic {
    pub const ALL: [Topic; 12] = [
        Topic::Platforms,
        Topic::Enterprises,
        Topic::RdInvestment,
        Topic::Industry,
        Topic::Talent,
        Topic::TechTransfer,
        Topic::Finance,
        Topic::Ip,
        Topic::Cooperation,
        Topic::Rural,
        Topic::Reform,
        Topic::Governance,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Topic::Platforms => "platforms",
            Topic::Enterprises => "enterprises",
            Topic::RdInvestment => "rd_investment",
            Topic::Industry => "industry",
            Topic::Talent => "talent",
            Topic::TechTransfer => "tech_transfer",
            Topic::Finance => "finance",
            Topic::Ip => "ip",
            Topic::Cooperation => "cooperation",
            Topic::Rural => "rural",
            Topic::Reform => "reform",
            Topic::Governance => "governance",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Topic::Platforms => "创新平台",
            Topic::Enterprises => "科技企业",
            Topic::RdInvestment => "研发投入",
            Topic::Industry => "高新产业",
            Topic::Talent => "人才",
            Topic::TechTransfer => "成果转化",
            Topic::Finance => "科技金融",
            Topic::Ip => "知识产权",
            Topic::Cooperation => "合作开放",
            Topic::Rural => "农业农村",
            Topic::Reform => "改革与政策",
            Topic::Governance => "党建与队伍",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Topic::Platforms => "Innovation platforms",
            Topic::Enterprises => "Tech enterprises",
            Topic::RdInvestment => "R&D investment",
            Topic::Industry => "High-tech industry",
            Topic::Talent => "Talent",
            Topic::TechTransfer => "Tech transfer",
            Topic::Finance => "Tech finance",
            Topic::Ip => "Intellectual property",
            Topic::Cooperation => "Cooperation",
            Topic::Rural => "Rural S&T",
            Topic::Reform => "Reform & policy",
            Topic::Governance => "Party & governance",
        }
    }
}

/// One quantitative or ranked statement (DOMAIN.md §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: Kind,
    pub year: Option<i32>,
    /// An indicator id from [`crate::indicators::INDICATORS`], or `None` when nothing fits.
    pub indicator: Option<String>,
    /// What is counted, as written (e.g. `新增国家高新技术企业`).
    pub subject: String,
    pub measure: Measure,
    /// `None` when redacted.
    pub value: Option<f64>,
    /// Upper end of a range (`3-5个`).
    pub value_max: Option<f64>,
    /// Unit as written after normalisation (`家`, `亿元`, `万元`, `%`, `万平方米`, `位` for ranks …).
    pub unit: String,
    pub bound: Bound,
    /// For ranks and shares: the reference area.
    pub scope: Option<Scope>,
    /// For goals: `确保` (ensure) or `力争`/`争取` (strive).
    pub modality: Option<Modality>,
    /// `预计`: an estimate, not a final figure.
    pub estimated: bool,
    /// The number is masked in the source (`xx家`).
    pub redacted: bool,
    /// The source sentence.
    pub text: String,
    /// Char offsets of [`Claim::text`] in [`Document::text`].
    pub start: usize,
    pub end: usize,
    /// Char offsets of the number itself in [`Document::text`] (for highlighting).
    #[serde(default)]
    pub number_start: usize,
    #[serde(default)]
    pub number_end: usize,
    /// Digits written after the decimal point (`2.0%` → 1), so the number shows as written.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub decimals: u8,
}

fn is_zero(v: &u8) -> bool {
    *v == 0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Level,
    Growth,
    Share,
    Rank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    AtLeast,
    MoreThan,
    Nearly,
    Approx,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Ensure,
    Strive,
}

/// Reference area of a rank or share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// 全国
    National,
    /// 全省
    Province,
    /// 全市
    City,
    /// 全县 / 全区
    County,
    /// A named group of places, e.g. 四省边际, 全省县市
    Region,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Corpus {
        let claim = Claim {
            kind: Kind::Achievement,
            year: Some(2021),
            indicator: Some("high_tech_enterprises".into()),
            subject: "新增国家高新技术企业".into(),
            measure: Measure::Level,
            value: Some(113.0),
            value_max: None,
            unit: "家".into(),
            bound: Bound::Exact,
            scope: None,
            modality: None,
            estimated: false,
            redacted: false,
            text: "全市新增国家高新技术企业113家".into(),
            start: 3,
            end: 19,
            number_start: 15,
            number_end: 19,
            decimals: 0,
        };
        let item = Item {
            kind: Kind::Achievement,
            year: Some(2021),
            topic: Some(Topic::Enterprises),
            heading: None,
            text: "一、全市".into(),
            start: 0,
            end: 5,
        };
        Corpus::new(vec![Document {
            id: "x".into(),
            file: "x.txt".into(),
            title: "t".into(),
            region: Region {
                name: "衢州市".into(),
                level: Level::City,
                parent: Some("浙江省".into()),
                inferred: false,
                evidence: None,
                name_en: None,
                parent_en: None,
            },
            published: None,
            summary_year: Some(2021),
            plan_year: Some(2022),
            warnings: vec![],
            items: vec![item],
            claims: vec![claim],
            text: "一、\n全市新增国家高新技术企业113家。".into(),
            pending: None,
        }])
    }

    #[test]
    fn derived_texts_round_trip_and_mismatches_are_kept() {
        let original = sample();
        let mut c = original.clone();
        // The item's text does not match its offsets: it must survive stripping.
        c.strip_derived_texts();
        assert_eq!(c.documents[0].claims[0].text, "");
        assert_eq!(c.documents[0].items[0].text, "一、全市");
        c.restore_derived_texts();
        assert_eq!(c, original);
    }
}
