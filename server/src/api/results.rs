//! Aggregates, actions and roadmaps.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};

use app::action::{ActionForm, WorkshopActions};
use app::dashboard::DashboardData;
use app::ids::{ActionId, IndicatorId, TeamId, WorkshopId};
use app::roadmap::{StaffRoadmap, WorkshopRoadmaps};
use app::state::AppState;

use super::caller::{id, Body, Caller};
use super::problem::Problem;
use super::ApiResult;

/// A new action, proposed by a facilitator for a team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub(crate) struct NewAction {
    /// The team it is for.
    pub team: TeamId,
    /// Title.
    pub title: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// The unit that would lead it.
    pub unit: String,
    /// Impact, 1–5.
    pub impact: i64,
    /// Effort, 1–5.
    pub effort: i64,
    /// Cost band: `low` (current budget), `medium` (a budget line of its own) or `high`
    /// (new funding).
    pub cost: String,
    /// Indicators of the workshop's framework it improves.
    #[serde(default)]
    pub indicators: Vec<IndicatorId>,
    /// Actions of the same team it depends on.
    #[serde(default)]
    pub depends_on: Vec<ActionId>,
}

/// The id of something made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub(crate) struct CreatedAction {
    /// The new action.
    pub id: ActionId,
}

/// How to generate a roadmap.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub(crate) struct Generation {
    /// First day (`YYYY-MM-DD`); empty or absent: the workshop's first day, else today.
    #[serde(default)]
    pub starts_on: Option<String>,
    /// Whether items whose dates were set by hand get new dates too.
    #[serde(default)]
    pub reset_pinned: bool,
}

/// What a generation made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub(crate) struct Generated {
    /// How many items the roadmap has.
    pub items: u32,
}

/// The dashboard's data: every team's completion and consensus, pillar averages, the
/// distribution of answers, disagreements, strengths and weaknesses.
#[utoipa::path(
    get, path = "/workshops/{workshop}/aggregates", tag = "results",
    params(("workshop" = i64, Path, description = "Workshop id")),
    responses(
        (status = 200, description = "The aggregates", body = DashboardData),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn aggregates(
    caller: Caller,
    State(state): State<AppState>,
    Path(workshop): Path<String>,
) -> ApiResult<Json<DashboardData>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    super::answer(
        app::dashboard::dashboard_for_staff(&state.db, &caller.staff, workshop).await,
        caller.lang,
    )
}

/// Every team's actions, ranked as the prioritisation page ranks them, and the settings.
#[utoipa::path(
    get, path = "/workshops/{workshop}/actions", tag = "actions",
    params(("workshop" = i64, Path, description = "Workshop id")),
    responses(
        (status = 200, description = "The actions", body = WorkshopActions),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn actions(
    caller: Caller,
    State(state): State<AppState>,
    Path(workshop): Path<String>,
) -> ApiResult<Json<WorkshopActions>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    super::answer(
        app::action::workshop_actions_for_staff(&state.db, &caller.staff, workshop).await,
        caller.lang,
    )
}

/// Proposes an action for a team, with the pages' checks (phase, values, indicators of the
/// framework, dependencies within the team).
#[utoipa::path(
    post, path = "/workshops/{workshop}/actions", tag = "actions",
    params(("workshop" = i64, Path, description = "Workshop id")),
    request_body = NewAction,
    responses(
        (status = 201, description = "Proposed", body = CreatedAction),
        (status = 400, description = "Not a JSON body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The phase does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some values are not acceptable", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn propose(
    caller: Caller,
    State(state): State<AppState>,
    Path(workshop): Path<String>,
    body: Result<Body<NewAction>, Problem>,
) -> ApiResult<(StatusCode, Json<CreatedAction>)> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    let Body(new) = body?;
    let form = ActionForm {
        title: new.title,
        description: new.description,
        unit: new.unit,
        impact: new.impact.to_string(),
        effort: new.effort.to_string(),
        cost: new.cost,
        indicators: new.indicators,
        depends_on: new.depends_on,
    };
    let proposed =
        app::action::propose_for_staff(&state.db, &caller.staff, workshop, Some(new.team), form)
            .await;
    if proposed.is_ok() {
        state.live.publish(&state.db, workshop).await;
    }
    let Json(id) = super::answer(proposed, caller.lang)?;
    Ok((StatusCode::CREATED, Json(CreatedAction { id })))
}

/// Every team's roadmap and the workshop's current versus target per pillar.
#[utoipa::path(
    get, path = "/workshops/{workshop}/roadmap", tag = "roadmap",
    params(("workshop" = i64, Path, description = "Workshop id")),
    responses(
        (status = 200, description = "The roadmaps", body = WorkshopRoadmaps),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn roadmaps(
    caller: Caller,
    State(state): State<AppState>,
    Path(workshop): Path<String>,
) -> ApiResult<Json<WorkshopRoadmaps>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    super::answer(
        app::roadmap::workshop_roadmaps_for_staff(&state.db, &caller.staff, workshop, caller.lang)
            .await,
        caller.lang,
    )
}

/// One team's roadmap.
#[utoipa::path(
    get, path = "/workshops/{workshop}/teams/{team}/roadmap", tag = "roadmap",
    params(
        ("workshop" = i64, Path, description = "Workshop id"),
        ("team" = i64, Path, description = "Team id"),
    ),
    responses(
        (status = 200, description = "The team's roadmap", body = StaffRoadmap),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop or team", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn team_roadmap(
    caller: Caller,
    State(state): State<AppState>,
    Path((workshop, team)): Path<(String, String)>,
) -> ApiResult<Json<StaffRoadmap>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    let team: TeamId = id(&team, caller.lang)?;
    super::answer(
        app::roadmap::staff_roadmap_for_staff(
            &state.db,
            &caller.staff,
            workshop,
            team,
            caller.lang,
        )
        .await,
        caller.lang,
    )
}

/// Generates (again) a team's roadmap from its prioritised actions, as the roadmap page's
/// button does (prioritisation or roadmap phase).
#[utoipa::path(
    post, path = "/workshops/{workshop}/teams/{team}/roadmap/generate", tag = "roadmap",
    params(
        ("workshop" = i64, Path, description = "Workshop id"),
        ("team" = i64, Path, description = "Team id"),
    ),
    request_body = Generation,
    responses(
        (status = 200, description = "Generated", body = Generated),
        (status = 400, description = "Not a JSON body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, unknown or revoked token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another facilitator's workshop", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such workshop or team", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The phase does not allow it, or actions depend on each other in a circle", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some values are not acceptable", body = Problem, content_type = "application/problem+json"),
    ),
    security(("token" = []))
)]
pub(crate) async fn generate(
    caller: Caller,
    State(state): State<AppState>,
    Path((workshop, team)): Path<(String, String)>,
    body: Result<Body<Generation>, Problem>,
) -> ApiResult<Json<Generated>> {
    let workshop: WorkshopId = id(&workshop, caller.lang)?;
    let team: TeamId = id(&team, caller.lang)?;
    let Body(generation) = body?;
    let generated = app::roadmap::generate_for_staff(
        &state.db,
        &caller.staff,
        workshop,
        team,
        generation.starts_on.as_deref().unwrap_or(""),
        generation.reset_pinned,
    )
    .await;
    if generated.is_ok() {
        state.live.publish(&state.db, workshop).await;
    }
    let Json(items) = super::answer(generated, caller.lang)?;
    Ok(Json(Generated {
        items: u32::try_from(items).unwrap_or(u32::MAX),
    }))
}
