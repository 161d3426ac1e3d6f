//! The JSON API under `/api/v1`, described by the OpenAPI document at
//! `/api/v1/openapi.json`.

use axum::Router;

use app::state::AppState;

/// The API's routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
}
