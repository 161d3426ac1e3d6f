//! The JSON API under `/api/v1`, described by the OpenAPI document at
//! `/api/v1/openapi.json`.
//!
//! Every call carries a facilitator's API token (`Authorization: Bearer …`, made on the
//! account page) and is answered as that facilitator: the handlers are thin and call the
//! same domain functions (`*_for_staff`) and checks the pages' server functions call.
//! Failures are problem details (RFC 9457) in the language of `Accept-Language`.

mod answers;
mod caller;
mod doc;
pub(crate) mod problem;
mod results;
mod workshops;

use axum::extract::DefaultBodyLimit;
use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use tower_http::set_header::SetResponseHeaderLayer;

use app::error::AppResult;
use app::i18n::Lang;
use app::state::AppState;

use doc::document;
use problem::Problem;

/// The largest body the API reads: a framework document (the editor's limit is 1,000,000
/// bytes) with room to spare.
pub(crate) const BODY_LIMIT: usize = 1024 * 1024;

/// What a handler answers: JSON, or a problem.
type ApiResult<T> = Result<T, Problem>;

/// A domain result as the API answers it.
fn answer<T>(result: AppResult<T>, lang: Lang) -> ApiResult<Json<T>> {
    result
        .map(Json)
        .map_err(|error| Problem::from_error(&error, lang))
}

/// The API's routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/workshops", get(workshops::list))
        .route("/workshops/{workshop}", get(workshops::one))
        .route("/workshops/{workshop}/teams", get(workshops::teams))
        .route(
            "/workshops/{workshop}/framework",
            get(workshops::framework).put(workshops::import_framework),
        )
        .route("/workshops/{workshop}/answers", get(answers::list))
        .route(
            "/workshops/{workshop}/teams/{team}/respondents/{name}/answers",
            put(answers::record),
        )
        .route("/workshops/{workshop}/aggregates", get(results::aggregates))
        .route(
            "/workshops/{workshop}/actions",
            get(results::actions).post(results::propose),
        )
        .route("/workshops/{workshop}/roadmap", get(results::roadmaps))
        .route(
            "/workshops/{workshop}/teams/{team}/roadmap",
            get(results::team_roadmap),
        )
        .route(
            "/workshops/{workshop}/teams/{team}/roadmap/generate",
            post(results::generate),
        )
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // Answers hold a facilitator's data: no cache may keep them.
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

/// The OpenAPI document (3.1) of this API, made from the handlers' annotations.
async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}

/// Any other path under `/api/v1`: a problem, not the app's HTML page.
async fn not_found(headers: axum::http::HeaderMap) -> Problem {
    Problem::from_error(
        &app::error::AppError::NotFound,
        app::i18n::lang_of_request(&headers),
    )
}
