//! Who may export what, the download requests, and the commitments the report shows.
//!
//! Access (decided here, documented in `docs/export-schema.md`):
//! - a facilitator (owner or co-facilitator) of the workshop exports the whole workshop or
//!   any one team, with every team's anonymised answers;
//! - a participant exports only their own team; its anonymised answers are included only
//!   when the team has at least the workshop's anonymity threshold of respondents, so that
//!   a member of a small team cannot tell a colleague's answers from the numbering;
//! - anyone else gets 401/403/404 with a sentence in their language, and nothing else.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::commitment::Commitment;
use super::tables::TableKind;
use crate::error::AppError;
use crate::i18n::{Key, Lang};
use crate::ids::{TeamId, WorkshopId};

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One table as CSV.
    Csv,
    /// A workbook.
    Xlsx,
    /// `rumbo-export/1`.
    Json,
    /// The roadmap and the commitments.
    Markdown,
}

impl Format {
    /// Every format, as the download panel lists them.
    pub const ALL: [Format; 4] = [Format::Xlsx, Format::Csv, Format::Json, Format::Markdown];

    /// The file extension, which is also the URL's (`export.csv`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
            Format::Markdown => "md",
        }
    }

    /// Reads a URL's extension.
    pub fn parse(value: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension() == value)
    }

    /// The `Content-Type` sent.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Json => "application/json; charset=utf-8",
            Format::Markdown => "text/markdown; charset=utf-8",
        }
    }

    /// Its name in the download panel.
    pub fn name_key(self) -> Key {
        match self {
            Format::Csv => Key::ExpCsv,
            Format::Xlsx => Key::ExpXlsx,
            Format::Json => Key::ExpJson,
            Format::Markdown => Key::ExpMarkdown,
        }
    }
}

/// A download request, read from the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRequest {
    /// The format.
    pub format: Format,
    /// One team (`?team=`), or the whole workshop.
    pub team: Option<TeamId>,
    /// The file's language (`?lang=`); `None`: the reader's.
    pub lang: Option<Lang>,
    /// The CSV's table (`?table=`, default `consensus`).
    pub table: TableKind,
}

fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// Reads `export.{ext}?team=&lang=&table=`. Empty values count as absent; every bad value
/// is reported at once, by field.
pub fn parse_request(
    extension: &str,
    team: Option<&str>,
    lang: Option<&str>,
    table: Option<&str>,
) -> Result<ExportRequest, AppError> {
    let format =
        Format::parse(extension).ok_or_else(|| AppError::invalid("format", Key::ExpErrFormat));
    let team = match given(team) {
        None => Ok(None),
        Some(t) => t
            .parse::<i64>()
            .ok()
            .filter(|t| *t > 0)
            .map(|t| Some(TeamId(t)))
            .ok_or_else(|| AppError::invalid("team", Key::ExpErrTeam)),
    };
    let lang = match given(lang) {
        None => Ok(None),
        Some(l) => match l {
            "es" => Ok(Some(Lang::Es)),
            "en" => Ok(Some(Lang::En)),
            _ => Err(AppError::invalid("lang", Key::ExpErrLang)),
        },
    };
    let table = match given(table) {
        None => Ok(TableKind::Consensus),
        Some(t) => TableKind::parse(t).ok_or_else(|| AppError::invalid("table", Key::ExpErrTable)),
    };
    match (format, team, lang, table) {
        (Ok(format), Ok(team), Ok(lang), Ok(table)) => Ok(ExportRequest {
            format,
            team,
            lang,
            table,
        }),
        (format, team, lang, table) => {
            Err(
                AppError::merge([format.err(), team.err(), lang.err(), table.err()])
                    .unwrap_or(AppError::BadRequest),
            )
        }
    }
}

/// Who asks for a download, by the URL they used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// `/facilitate/workshops/{id}/export.*`: a facilitator of the workshop.
    Staff,
    /// `/workshops/{id}/export.*`: a participant, for their own team.
    Participant,
}

/// A file ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// `Content-Type`.
    pub content_type: &'static str,
    /// The file's name.
    pub filename: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// One team's roadmap items as OGP commitments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamCommitments {
    /// The team's name.
    pub team: String,
    /// Its items' commitments, by start date.
    pub commitments: Vec<Commitment>,
}

/// The roadmap items as OGP commitments, in the reader's language: a facilitator gets every
/// team or `team`; a participant their own team (another team is "not found").
#[server(name = GetCommitments, endpoint = "export_commitments")]
pub async fn commitments(
    workshop: WorkshopId,
    #[server(default)] team: Option<TeamId>,
) -> Result<Vec<TeamCommitments>, AppError> {
    let state = crate::state::AppState::from_context()?;
    let lang = crate::i18n::detect_lang();
    let (selection, _) = ssr::select(&state.db, workshop, team).await?;
    let data = super::gather::dataset(&state.db, workshop, selection, lang).await?;
    Ok(data
        .teams
        .into_iter()
        .map(|t| TeamCommitments {
            team: t.name,
            commitments: t.roadmap.into_iter().map(|i| i.commitment).collect(),
        })
        .collect())
}

#[cfg(feature = "ssr")]
pub use ssr::download_for_request;

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::export::gather::{dataset, Selection};
    use crate::export::{markdown, writers};

    /// What the caller may export of `workshop`, asking for `team`: a facilitator session
    /// first, else a participant's. Also says which reader it was.
    pub(super) async fn select(
        db: &Db,
        workshop: WorkshopId,
        team: Option<TeamId>,
    ) -> AppResult<(Selection, Reader)> {
        match crate::facilitator::access::require_workshop(db, workshop).await {
            Ok(_) => Ok((
                Selection {
                    team,
                    withhold_small: false,
                },
                Reader::Staff,
            )),
            Err(AppError::Unauthorized) => {
                Ok((participant(db, workshop, team).await?, Reader::Participant))
            }
            Err(other) => Err(other),
        }
    }

    async fn participant(
        db: &Db,
        workshop: WorkshopId,
        team: Option<TeamId>,
    ) -> AppResult<Selection> {
        let me = crate::participant::session::current(db).await?;
        me.require_workshop(workshop)?;
        if team.is_some_and(|t| t != me.team) {
            // Another team's id is not confirmed to exist.
            return Err(AppError::NotFound);
        }
        Ok(Selection {
            team: Some(me.team),
            withhold_small: true,
        })
    }

    async fn file(
        db: &Db,
        workshop: WorkshopId,
        reader: Reader,
        request: ExportRequest,
        lang: Lang,
    ) -> AppResult<ExportFile> {
        let selection = match reader {
            Reader::Staff => {
                crate::facilitator::access::require_workshop(db, workshop).await?;
                Selection {
                    team: request.team,
                    withhold_small: false,
                }
            }
            Reader::Participant => participant(db, workshop, request.team).await?,
        };
        let data = dataset(db, workshop, selection, request.lang.unwrap_or(lang)).await?;
        let mut filename = format!("rumbo-workshop-{workshop}");
        if let Some(team) = selection.team {
            filename.push_str(&format!("-team-{team}"));
        }
        if request.format == Format::Csv {
            filename.push('-');
            filename.push_str(request.table.as_str());
        }
        filename.push('-');
        filename.push_str(data.lang.code());
        filename.push('.');
        filename.push_str(request.format.extension());
        let bytes = match request.format {
            Format::Csv => writers::csv(&data, request.table)?,
            Format::Xlsx => writers::xlsx(&data)?,
            Format::Json => writers::json(&data)?,
            Format::Markdown => markdown::markdown(&data).into_bytes(),
        };
        Ok(ExportFile {
            content_type: request.format.content_type(),
            filename,
            bytes,
        })
    }

    /// A download for a plain axum route: the request's cookies decide who is asking, as
    /// they do for server functions.
    pub async fn download_for_request(
        db: &Db,
        parts: http::request::Parts,
        workshop: WorkshopId,
        reader: Reader,
        request: ExportRequest,
    ) -> AppResult<ExportFile> {
        use leptos::reactive::computed::ScopedFuture;
        use leptos::reactive::owner::Owner;
        let lang = crate::i18n::lang_of_request(&parts.headers);
        let owner = Owner::new();
        owner.with(|| provide_context(parts));
        let db = db.clone();
        owner
            .with(|| {
                ScopedFuture::new(async move { file(&db, workshop, reader, request, lang).await })
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_request_reads() {
        let r = parse_request("csv", Some("7"), Some("en"), Some("actions")).unwrap();
        assert_eq!(
            r,
            ExportRequest {
                format: Format::Csv,
                team: Some(TeamId(7)),
                lang: Some(Lang::En),
                table: TableKind::Actions,
            }
        );
    }

    #[test]
    fn empty_values_are_absent() {
        let r = parse_request("xlsx", Some(""), Some(" "), None).unwrap();
        assert_eq!(
            (r.team, r.lang, r.table),
            (None, None, TableKind::Consensus)
        );
    }

    #[test]
    fn every_bad_value_is_reported() {
        let Err(AppError::Validation { fields }) =
            parse_request("pdf", Some("x"), Some("fr"), Some("people"))
        else {
            panic!("expected a validation error");
        };
        let mut names: Vec<&str> = fields.keys().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, ["format", "lang", "table", "team"]);
        assert!(parse_request("csv", Some("-3"), None, None).is_err());
    }
}
