//! Workshops, their teams and their framework.

use axum::extract::{Path, State};
use axum::Json;
use serde::{Deserialize, Serialize};

use app::facilitator::access::require_workshop_as;
use app::facilitator::Role;
use app::framework::edit::ImportSummary;
use app::framework::FrameworkDoc;
use app::ids::WorkshopId;
use app::state::AppState;
use app::workshop::{MyWorkshop, TeamSummary, WorkshopSummary};

use super::caller::{id, Caller, Raw};
use super::problem::Problem;
use super::ApiResult;

/// A workshop as the API shows it: its header, the caller's role in it, its teams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub(crate) struct WorkshopOverview {
    /// Id, title, phase, anonymity threshold.
    pub workshop: WorkshopSummary,
    /// The caller's role.
    pub role: Role,
    /// Its teams, in display order.
    pub teams: Vec<TeamSummary>,
}

/// The workshops the token's owner runs, newest first.
#[utoipa::path(
    get, path = "/workshops", tag = "workshops",
    responses(
        (status = 200, description = "The caller's workshops", body = Vec<MyWorkshop>),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn list(
    caller: Caller,
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<MyWorkshop>>> {
    super::answer(
        app::workshop::workshops_for_staff(&state.db, &caller.staff).await,
        caller.lang,
    )
}

/// One workshop.
#[utoipa::path(
    get, path = "/workshops/{workshop}", tag = "workshops",
    params(("workshop" = i64, Path, description = "Workshop id")),
    responses(
        (status = 200, description = "The workshop", body = WorkshopOverview),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn one(
    caller: Caller,
    State(state): State<AppState>,
    Path(workshop): Path<String>,
) -> ApiResult<Json<WorkshopOverview>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    let overview = async {
        let role = require_workshop_as(&state.db, &caller.staff, workshop).await?;
        let facts = app::workshop::repo::facts(state.db.pool(), workshop).await?;
        let teams = app::workshop::repo::teams(state.db.pool(), workshop).await?;
        Ok(WorkshopOverview {
            workshop: facts.summary,
            role,
            teams,
        })
    };
    super::answer(overview.await, caller.lang)
}

/// A workshop's teams.
#[utoipa::path(
    get, path = "/workshops/{workshop}/teams", tag = "workshops",
    params(("workshop" = i64, Path, description = "Workshop id")),
    responses(
        (status = 200, description = "Its teams, in display order", body = Vec<TeamSummary>),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn teams(
    caller: Caller,
    State(state): State<AppState>,
    Path(workshop): Path<String>,
) -> ApiResult<Json<Vec<TeamSummary>>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    let teams = async {
        require_workshop_as(&state.db, &caller.staff, workshop).await?;
        app::workshop::repo::teams(state.db.pool(), workshop).await
    };
    super::answer(teams.await, caller.lang)
}

/// A workshop's framework as a document (the editor's download).
#[utoipa::path(
    get, path = "/workshops/{workshop}/framework", tag = "framework",
    params(("workshop" = i64, Path, description = "Workshop id")),
    responses(
        (status = 200, description = "The framework document", body = FrameworkDoc),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn framework(
    caller: Caller,
    State(state): State<AppState>,
    Path(workshop): Path<String>,
) -> ApiResult<Json<FrameworkDoc>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    super::answer(
        app::framework::export_for_staff(&state.db, &caller.staff, workshop).await,
        caller.lang,
    )
}

/// Replaces a workshop's framework with a document: the editor's import, with its checks
/// (indicators kept by code keep their answers; an answered indicator cannot disappear;
/// only before the assessment closes).
#[utoipa::path(
    put, path = "/workshops/{workshop}/framework", tag = "framework",
    params(("workshop" = i64, Path, description = "Workshop id")),
    request_body(content = FrameworkDoc, description = "A framework document, as GET returns it"),
    responses(
        (status = 200, description = "What the import changed", body = ImportSummary),
        (status = 400, description = "Not a JSON body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Answered indicators would disappear, or the phase forbids it", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The document is too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The document is not a valid framework", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn import_framework(
    caller: Caller,
    State(state): State<AppState>,
    Path(workshop): Path<String>,
    Raw(body): Raw,
) -> ApiResult<Json<ImportSummary>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    let Ok(json) = std::str::from_utf8(&body) else {
        return Err(Problem::from_error(
            &app::error::AppError::BadRequest,
            caller.lang,
        ));
    };
    let imported = app::framework::import_for_staff(&state.db, &caller.staff, workshop, json).await;
    if let Err(app::error::AppError::Validation { fields }) = &imported {
        // The editor's size limit: for the API, the status that says so.
        if fields
            .get("json")
            .is_some_and(|keys| keys.contains(&app::i18n::Key::FwTooLarge))
        {
            return Err(Problem::too_large(caller.lang));
        }
    }
    if imported.is_ok() {
        state.live.publish(&state.db, workshop).await;
    }
    super::answer(imported, caller.lang)
}
