//! The open data of published workshops (CSV and JSON with licence and provenance).

use axum::Router;

use app::state::AppState;

/// The open-data routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
}
