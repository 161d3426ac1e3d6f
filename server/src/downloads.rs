//! File downloads of the exports: CSV, XLSX, JSON and Markdown, per workshop and per team.

use axum::Router;

use app::state::AppState;

/// The export routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
}
