//! What the learning pages show: the primer, the glossary and the experiences.

use serde::{Deserialize, Serialize};

use crate::framework::Text;
use crate::i18n::Key;
use crate::ids::{CaseId, WorkshopId};

/// A section of the primer, with a stable anchor (`sec-…`) other pages link to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrimerSection {
    /// The `id` of the section on `/learn`, e.g. `sec-que-es`.
    pub anchor: String,
    /// Its heading.
    pub title: Text,
    /// Its paragraphs, in order.
    pub paragraphs: Vec<Text>,
}

/// A glossary entry, with a stable anchor (`term-…`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// The `id` of the entry on `/learn`, e.g. `term-silla-vacia`.
    pub anchor: String,
    /// The term.
    pub term: Text,
    /// What it means.
    pub definition: Text,
}

/// The whole primer: its sections, then the glossary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Primer {
    /// Sections in reading order.
    pub sections: Vec<PrimerSection>,
    /// Glossary entries in alphabetical order of the Spanish term.
    pub glossary: Vec<GlossaryEntry>,
}

/// The level of government a case happened at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GovLevel {
    /// A country.
    National,
    /// An intermediate government: a province, department, state, region or county.
    Regional,
    /// A city, canton or municipality.
    Municipal,
    /// Anything else (a parish, a network of governments…).
    Other,
}

impl GovLevel {
    /// Every level, in the order forms offer them.
    pub const ALL: [GovLevel; 4] = [
        GovLevel::Regional,
        GovLevel::Municipal,
        GovLevel::National,
        GovLevel::Other,
    ];

    /// The stored and submitted value.
    pub fn as_str(self) -> &'static str {
        match self {
            GovLevel::National => "national",
            GovLevel::Regional => "regional",
            GovLevel::Municipal => "municipal",
            GovLevel::Other => "other",
        }
    }

    /// Reads a stored or submitted value.
    pub fn parse(value: &str) -> Option<GovLevel> {
        GovLevel::ALL.into_iter().find(|l| l.as_str() == value)
    }

    /// Its name for people.
    pub fn key(self) -> Key {
        match self {
            GovLevel::National => Key::LrnLevelNational,
            GovLevel::Regional => Key::LrnLevelRegional,
            GovLevel::Municipal => Key::LrnLevelMunicipal,
            GovLevel::Other => Key::LrnLevelOther,
        }
    }
}

/// Where a case's facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The document's title (and publisher, date).
    pub title: String,
    /// Where to read it (http or https).
    pub url: String,
}

/// An open-government experience: built in (sourced, in both languages) or added by a
/// workshop's facilitator (in the workshop's language, so both texts are the same).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// Stable anchor on the library page (`case-…`).
    pub anchor: String,
    /// The workshop's own case, if it is one.
    pub id: Option<CaseId>,
    /// A short title.
    pub title: Text,
    /// The place (city, province…).
    pub place: Text,
    /// The country.
    pub country: Text,
    /// The level of government.
    pub level: GovLevel,
    /// When, e.g. `2016–2019`.
    pub years: String,
    /// What was done.
    pub what: Text,
    /// Results reported (by the source, not by us).
    pub results: Text,
    /// The indicator codes it illustrates, e.g. `P2`.
    pub indicators: Vec<String>,
    /// The pillar codes of those indicators, e.g. `P`.
    pub pillars: Vec<String>,
    /// Where the facts come from; always present on built-in cases.
    pub sources: Vec<Source>,
    /// Who presents it in the workshop (workshop cases only).
    pub presented_by: Option<String>,
}

/// A link to a case, as shown beside an indicator or a suggested action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseLink {
    /// Where it is on the library page.
    pub anchor: String,
    /// Its title.
    pub title: Text,
    /// Its place, for a hint.
    pub place: Text,
}

/// The library page: built-in cases and, in a workshop's context, the workshop's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Library {
    /// The workshop whose cases are included, with its title.
    pub workshop: Option<(WorkshopId, String)>,
    /// The workshop's own cases first, then the built-in ones.
    pub cases: Vec<Case>,
    /// The pillars to filter by: code and name.
    pub pillars: Vec<(String, Text)>,
}

/// An indicator a facilitator may link a case to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorCode {
    /// Its code, e.g. `T1`.
    pub code: String,
    /// Its name.
    pub name: Text,
}

/// The facilitator's cases page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkshopCases {
    /// The workshop.
    pub workshop: crate::workshop::WorkshopSummary,
    /// Its own cases, newest last.
    pub cases: Vec<Case>,
    /// The codes its framework knows.
    pub indicators: Vec<IndicatorCode>,
}

/// A workshop case's form as posted (`case[title]`…): every field as typed, checked on the
/// server by [`super::rules`]. Missing fields read as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseFields {
    /// Title.
    pub title: String,
    /// Place.
    pub place: String,
    /// Country.
    pub country: String,
    /// Level of government (`regional`, `municipal`, `national`, `other`).
    pub level: String,
    /// Years.
    pub years: String,
    /// What was done.
    pub what: String,
    /// Results reported.
    pub results: String,
    /// Indicator codes, separated by commas.
    pub indicators: String,
    /// Who presents it.
    pub presented_by: String,
    /// The source's title.
    pub source_title: String,
    /// The source's address.
    pub source_url: String,
}
