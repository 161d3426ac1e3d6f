//! The learning side's server functions. The primer and the library are public; a workshop's
//! own cases are shown to its participants and facilitators, and edited by its facilitators.

use leptos::prelude::*;

use super::model::{CaseFields, CaseLink, Library, Primer, WorkshopCases};
use crate::error::AppError;
use crate::ids::{CaseId, WorkshopId};

/// The primer and its glossary, in both languages.
#[server(name = GetPrimer, endpoint = "learn_primer")]
pub async fn learn_primer() -> Result<Primer, AppError> {
    Ok(super::content::primer())
}

/// The experiences library: the built-in cases, and the workshop's own when the caller is
/// one of its participants or facilitators (for anyone else the workshop is left out).
#[server(name = GetLibrary, endpoint = "learn_library")]
pub async fn learn_library(workshop: Option<WorkshopId>) -> Result<Library, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::library(&state.db, workshop).await
}

/// The cases (built-in and the workshop's own) that illustrate the indicator `code`.
#[server(name = GetRelatedCases, endpoint = "learn_related")]
pub async fn related_cases(workshop: WorkshopId, code: String) -> Result<Vec<CaseLink>, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::related(&state.db, workshop, &code).await
}

/// The facilitator's cases page: the workshop's own cases and its indicator codes.
#[server(name = GetWorkshopCases, endpoint = "learn_workshop_cases")]
pub async fn workshop_cases(workshop: WorkshopId) -> Result<WorkshopCases, AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    ssr::workshop_cases(&state.db, workshop).await
}

/// Adds a case to the workshop (no `case`) or edits one of its cases. Every field is checked
/// (lengths, the level, http(s) links, indicator codes of the workshop's framework); a
/// mistake changes nothing and is reported beside its field.
#[server(name = SaveCase, endpoint = "learn_save_case")]
pub async fn save_case(
    workshop: WorkshopId,
    case: Option<String>,
    fields: CaseFields,
) -> Result<CaseId, AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    let case = match case.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(raw) => Some(raw.parse::<CaseId>().map_err(|_| AppError::BadRequest)?),
    };
    let raw = super::rules::RawCase {
        title: &fields.title,
        place: &fields.place,
        country: &fields.country,
        level: &fields.level,
        years: &fields.years,
        what: &fields.what,
        results: &fields.results,
        indicators: &fields.indicators,
        presented_by: &fields.presented_by,
        source_title: &fields.source_title,
        source_url: &fields.source_url,
    };
    ssr::save(&state.db, workshop, case, &raw).await
}

/// Removes one of the workshop's cases.
#[server(name = DeleteCase, endpoint = "learn_delete_case")]
pub async fn delete_case(workshop: WorkshopId, case: CaseId) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    super::repo::delete(state.db.pool(), workshop, case).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::framework::Text;
    use crate::i18n::Key;
    use crate::learning::model::Case;
    use crate::learning::rules::{self, limits, RawCase};
    use crate::learning::{content, repo};
    use crate::workshop::repo as workshops;

    /// Whether the caller may read the workshop's own cases: one of its participants, or one
    /// of its facilitators.
    async fn may_read(db: &Db, workshop: WorkshopId) -> AppResult<bool> {
        if let Ok(me) = crate::participant::session::current(db).await {
            if me.workshop == workshop {
                return Ok(true);
            }
        }
        match crate::facilitator::access::require_workshop(db, workshop).await {
            Ok(_) => Ok(true),
            Err(AppError::Unauthorized | AppError::Forbidden | AppError::NotFound) => Ok(false),
            Err(other) => Err(other),
        }
    }

    async fn own_cases(db: &Db, workshop: WorkshopId) -> AppResult<Vec<Case>> {
        let mut conn = db.pool().acquire().await?;
        repo::cases(&mut conn, workshop).await
    }

    pub(super) async fn library(db: &Db, workshop: Option<WorkshopId>) -> AppResult<Library> {
        let mut context = None;
        let mut cases = Vec::new();
        if let Some(workshop) = workshop {
            if may_read(db, workshop).await? {
                let facts = workshops::facts(db.pool(), workshop).await?;
                context = Some((workshop, facts.summary.title));
                cases = own_cases(db, workshop).await?;
            }
        }
        cases.extend(content::cases());
        let mut pillars = content::pillars();
        for case in &cases {
            for code in &case.pillars {
                if !pillars.iter().any(|(c, _)| c == code) {
                    pillars.push((
                        code.clone(),
                        Text {
                            es: code.clone(),
                            en: code.clone(),
                        },
                    ));
                }
            }
        }
        Ok(Library {
            workshop: context,
            cases,
            pillars,
        })
    }

    pub(super) async fn related(
        db: &Db,
        workshop: WorkshopId,
        code: &str,
    ) -> AppResult<Vec<CaseLink>> {
        if code.trim().is_empty() || code.len() > 16 {
            return Ok(Vec::new());
        }
        let mut cases = if may_read(db, workshop).await? {
            own_cases(db, workshop).await?
        } else {
            Vec::new()
        };
        cases.extend(content::cases());
        Ok(rules::related(&cases, code))
    }

    pub(super) async fn workshop_cases(db: &Db, workshop: WorkshopId) -> AppResult<WorkshopCases> {
        let facts = workshops::facts(db.pool(), workshop).await?;
        let indicators = repo::indicators(db.pool(), workshop)
            .await?
            .into_iter()
            .map(|(_, code, _)| code)
            .collect();
        Ok(WorkshopCases {
            workshop: facts.summary,
            cases: own_cases(db, workshop).await?,
            indicators,
        })
    }

    pub(super) async fn save(
        db: &Db,
        workshop: WorkshopId,
        case: Option<CaseId>,
        raw: &RawCase<'_>,
    ) -> AppResult<CaseId> {
        let known = repo::indicators(db.pool(), workshop).await?;
        let codes: Vec<String> = known.iter().map(|(_, c, _)| c.code.clone()).collect();
        let draft = rules::parse_case(raw, &codes)?;
        let ids: Vec<_> = draft
            .indicators
            .iter()
            .filter_map(|code| {
                known
                    .iter()
                    .find(|(_, c, _)| &c.code == code)
                    .map(|(id, _, _)| *id)
            })
            .collect();
        let mut tx = db.pool().begin().await?;
        if case.is_none() && repo::count(&mut *tx, workshop).await? >= limits::CASES {
            return Err(AppError::Conflict {
                reason: Key::LrnErrTooManyCases,
            });
        }
        let id = repo::save(&mut tx, workshop, case, &draft, &ids).await?;
        tx.commit().await?;
        Ok(id)
    }
}
