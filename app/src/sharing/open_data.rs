//! The open data of a published workshop: one JSON document and one CSV file per table,
//! built from the same anonymised view as the public page.
//!
//! Format (`"schema": "rumbo-open-data/1"`, documented in `docs/open-data.md`): the JSON
//! holds `metadata` (licence, publisher, source, generation time, Rumbo version, language,
//! the anonymity threshold and the CSV tables' addresses) and `data` (the
//! [`PublicAggregates`]). CSV files are UTF-8 with a byte-order mark, one header row of stable
//! snake_case column names, numbers with a dot and one decimal, and empty cells for "no
//! value"; their metadata travels in `Link` headers pointing to the licence and to the JSON.

use serde::Serialize;

use super::model::{Licence, PublicAggregates, PublicPageData};
use crate::i18n::Lang;

/// The schema version of the JSON document.
pub const SCHEMA: &str = "rumbo-open-data/1";

/// A CSV table of the open data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenTable {
    /// Teams: name, whether shown, respondents.
    Teams,
    /// Pillar averages per shown team and for the workshop.
    Pillars,
    /// Consensus per shown team and indicator.
    Consensus,
    /// Answers per indicator and response over the shown teams.
    Distribution,
    /// Roadmap items of the shown teams.
    Roadmap,
    /// Their milestones.
    Milestones,
}

impl OpenTable {
    /// Every table, in the order they are listed.
    pub const ALL: [OpenTable; 6] = [
        OpenTable::Teams,
        OpenTable::Pillars,
        OpenTable::Consensus,
        OpenTable::Distribution,
        OpenTable::Roadmap,
        OpenTable::Milestones,
    ];

    /// The file's name without `.csv`.
    pub fn slug(self) -> &'static str {
        match self {
            OpenTable::Teams => "teams",
            OpenTable::Pillars => "pillars",
            OpenTable::Consensus => "consensus",
            OpenTable::Distribution => "distribution",
            OpenTable::Roadmap => "roadmap",
            OpenTable::Milestones => "milestones",
        }
    }

    /// Reads a file's name without `.csv`.
    pub fn parse(slug: &str) -> Option<OpenTable> {
        OpenTable::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

/// The open data's files of a workshop: (file name, address).
pub fn links(workshop: crate::ids::WorkshopId) -> Vec<(String, String)> {
    let root = format!("/open/workshops/{workshop}");
    std::iter::once(("data.json".to_owned(), format!("{root}/data.json")))
        .chain(OpenTable::ALL.iter().map(|t| {
            (
                format!("{}.csv", t.slug()),
                format!("{root}/{}.csv", t.slug()),
            )
        }))
        .collect()
}

fn number(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.1}")).unwrap_or_default()
}

/// A table's rows, the header first. Names of pillars and indicators in `lang`.
pub fn rows(data: &PublicAggregates, table: OpenTable, lang: Lang) -> Vec<Vec<String>> {
    let header = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    let mut rows = Vec::new();
    let shown = || data.teams.iter().filter(|t| t.shown);
    match table {
        OpenTable::Teams => {
            rows.push(header(&["team", "shown", "respondents"]));
            rows.extend(data.teams.iter().map(|t| {
                vec![
                    t.name.clone(),
                    t.shown.to_string(),
                    t.respondents.map(|r| r.to_string()).unwrap_or_default(),
                ]
            }));
        }
        OpenTable::Pillars => {
            rows.push(header(&[
                "scope",
                "team",
                "pillar_code",
                "pillar",
                "average",
            ]));
            for team in shown() {
                for (p, value) in data.pillars.iter().zip(&team.averages) {
                    rows.push(vec![
                        "team".into(),
                        team.name.clone(),
                        p.code.clone(),
                        p.name.get(lang).to_owned(),
                        number(*value),
                    ]);
                }
            }
            for (p, value) in data.pillars.iter().zip(&data.workshop_averages) {
                rows.push(vec![
                    "workshop".into(),
                    String::new(),
                    p.code.clone(),
                    p.name.get(lang).to_owned(),
                    number(*value),
                ]);
            }
        }
        OpenTable::Consensus => {
            rows.push(header(&[
                "team",
                "pillar_code",
                "indicator_code",
                "indicator",
                "consensus",
            ]));
            for team in shown() {
                for (i, value) in data.indicators.iter().zip(&team.consensus) {
                    rows.push(vec![
                        team.name.clone(),
                        data.pillars
                            .get(i.pillar)
                            .map(|p| p.code.clone())
                            .unwrap_or_default(),
                        i.code.clone(),
                        i.name.get(lang).to_owned(),
                        number(*value),
                    ]);
                }
            }
        }
        OpenTable::Distribution => {
            rows.push(header(&[
                "indicator_code",
                "indicator",
                "level_1",
                "level_2",
                "level_3",
                "level_4",
                "level_5",
                "not_applicable",
                "dont_know",
                "total",
            ]));
            for (i, d) in data.indicators.iter().zip(&data.distribution) {
                let mut row = vec![i.code.clone(), i.name.get(lang).to_owned()];
                row.extend(d.levels.iter().map(u32::to_string));
                row.extend([d.not_applicable, d.dont_know, d.total()].map(|n| n.to_string()));
                rows.push(row);
            }
        }
        OpenTable::Roadmap => {
            rows.push(header(&[
                "team",
                "item",
                "owner",
                "starts_on",
                "ends_on",
                "horizon",
                "status",
                "progress",
                "indicators",
            ]));
            for team in shown() {
                for item in team.roadmap.iter().flat_map(|r| &r.items) {
                    rows.push(vec![
                        team.name.clone(),
                        item.title.clone(),
                        item.owner.clone(),
                        item.starts_on.clone(),
                        item.ends_on.clone(),
                        enum_name(&item.horizon),
                        enum_name(&item.status),
                        item.progress.to_string(),
                        item.indicators.join(" "),
                    ]);
                }
            }
        }
        OpenTable::Milestones => {
            rows.push(header(&["team", "item", "milestone", "due_on"]));
            for team in shown() {
                for item in team.roadmap.iter().flat_map(|r| &r.items) {
                    for m in &item.milestones {
                        rows.push(vec![
                            team.name.clone(),
                            item.title.clone(),
                            m.title.clone(),
                            m.due_on.clone(),
                        ]);
                    }
                }
            }
        }
    }
    rows
}

/// The snake_case name an enum serialises to (`not_started`, `now`…), as in the JSON.
fn enum_name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The licence, as the metadata names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LicenceRef {
    /// SPDX identifier.
    pub id: &'static str,
    /// Its text.
    pub url: &'static str,
}

impl From<Licence> for LicenceRef {
    fn from(licence: Licence) -> Self {
        LicenceRef {
            id: licence.id(),
            url: licence.url(),
        }
    }
}

/// Provenance and terms of the open data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metadata {
    /// The workshop's title.
    pub title: String,
    /// Terms of reuse.
    pub licence: LicenceRef,
    /// Who publishes it (the workshop owner's display name).
    pub publisher: String,
    /// The public page it comes from (absolute URL).
    pub source: String,
    /// When the workshop was published, RFC 3339.
    pub published_at: String,
    /// When this file was made, RFC 3339.
    pub generated_at: String,
    /// The Rumbo version that made it.
    pub rumbo_version: &'static str,
    /// The language of names (`es`, `en`).
    pub language: &'static str,
    /// Teams with fewer respondents are shown by name only and left out of every number.
    pub anonymity_threshold: u32,
    /// The CSV tables.
    pub tables: Vec<TableRef>,
}

/// A CSV table of the open data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRef {
    /// Its name (`pillars`…).
    pub name: &'static str,
    /// Its absolute URL.
    pub url: String,
}

/// The JSON document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenDocument<'a> {
    /// [`SCHEMA`].
    pub schema: &'static str,
    /// Provenance and terms.
    pub metadata: Metadata,
    /// The anonymised aggregates and roadmaps.
    pub data: &'a PublicAggregates,
}

fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// The metadata of a published workshop's open data; `base` is the site's origin
/// (`https://host`), `now` unix seconds.
pub fn metadata(page: &PublicPageData, base: &str, lang: Lang, now: i64) -> Metadata {
    let root = format!("{base}/open/workshops/{}", page.published.id);
    Metadata {
        title: page.published.title.clone(),
        licence: page.published.licence.into(),
        publisher: page.publisher.clone(),
        source: root.clone(),
        published_at: rfc3339(page.published.published_at),
        generated_at: rfc3339(now),
        rumbo_version: env!("CARGO_PKG_VERSION"),
        language: lang.code(),
        anonymity_threshold: page.data.workshop.anonymity_threshold,
        tables: OpenTable::ALL
            .iter()
            .map(|t| TableRef {
                name: t.slug(),
                url: format!("{root}/{}.csv", t.slug()),
            })
            .collect(),
    }
}

/// A CSV file of `rows`: UTF-8 with a byte-order mark (so spreadsheet programs read it as
/// UTF-8), comma-separated, CRLF line ends.
#[cfg(feature = "ssr")]
pub fn csv_bytes(rows: &[Vec<String>]) -> crate::error::AppResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        writer
            .write_record(row)
            .map_err(|e| crate::error::AppError::internal("open data csv", e))?;
    }
    writer
        .into_inner()
        .map_err(|e| crate::error::AppError::internal("open data csv", e))
}

#[cfg(test)]
mod tests;
