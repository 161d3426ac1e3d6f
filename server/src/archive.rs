//! A workshop's archive as a download, and importing one.

use axum::Router;

use app::state::AppState;

/// The archive routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
}
