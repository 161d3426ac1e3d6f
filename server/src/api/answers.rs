//! Answers: read anonymised, and recorded for respondents who answered outside Rumbo.

use axum::extract::{Path, State};
use axum::Json;
use serde::{Deserialize, Serialize};

use app::assessment::collected::{AnonymousAnswer, CollectedAnswer, Recorded};
use app::ids::{TeamId, WorkshopId};
use app::state::AppState;

use super::caller::{id, Body, Caller};
use super::problem::Problem;
use super::ApiResult;

/// The answers of one respondent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub(crate) struct RespondentAnswers {
    /// One or more answers; a later answer to the same indicator replaces an earlier one.
    pub answers: Vec<CollectedAnswer>,
}

/// Every answer of the workshop, without names or free text: respondents are numbered
/// within their team.
#[utoipa::path(
    get, path = "/workshops/{workshop}/answers", tag = "answers",
    params(("workshop" = i64, Path, description = "Workshop id")),
    responses(
        (status = 200, description = "The anonymised answers", body = Vec<AnonymousAnswer>),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn list(
    caller: Caller,
    State(state): State<AppState>,
    Path(workshop): Path<String>,
) -> ApiResult<Json<Vec<AnonymousAnswer>>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    super::answer(
        app::assessment::collected::answers_for_staff(&state.db, &caller.staff, workshop).await,
        caller.lang,
    )
}

/// Records answers collected outside Rumbo (on paper, in a call) for a named respondent of
/// a team, created on first use. The participant's form's rules apply: only in the
/// assessment phase, indicators of the workshop's framework, the same value checks. One
/// wrong answer saves none.
#[utoipa::path(
    put, path = "/workshops/{workshop}/teams/{team}/respondents/{name}/answers", tag = "answers",
    params(
        ("workshop" = i64, Path, description = "Workshop id"),
        ("team" = i64, Path, description = "Team id"),
        ("name" = String, Path, description = "The respondent's display name (1–80 characters)"),
    ),
    request_body = RespondentAnswers,
    responses(
        (status = 200, description = "Saved", body = Recorded),
        (status = 400, description = "Not a JSON body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop or team", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The assessment is not open", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some values are not acceptable", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn record(
    caller: Caller,
    State(state): State<AppState>,
    Path((workshop, team, name)): Path<(String, String, String)>,
    body: Result<Body<RespondentAnswers>, Problem>,
) -> ApiResult<Json<Recorded>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    let team: TeamId = id(&team, caller.lang)?;
    let Body(body) = body?;
    let recorded = app::assessment::collected::record_for_staff(
        &state.db,
        &caller.staff,
        workshop,
        team,
        &name,
        &body.answers,
    )
    .await;
    if recorded.is_ok() {
        state.live.publish(&state.db, workshop).await;
    }
    super::answer(recorded, caller.lang)
}
