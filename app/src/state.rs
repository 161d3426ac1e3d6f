//! What every request handler and server function can reach.

use axum::extract::FromRef;
use leptos::prelude::*;

use crate::db::Db;
use crate::error::AppError;

/// The application's shared state, handed to server functions as context.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    /// Leptos' own settings (site root, address…).
    pub leptos_options: LeptosOptions,
    /// The database.
    pub db: Db,
    /// Live updates for dashboards.
    pub live: crate::live::Hub,
}

impl AppState {
    /// The state provided to the current server function or render.
    pub fn from_context() -> Result<AppState, AppError> {
        use_context::<AppState>()
            .ok_or_else(|| AppError::internal("state", "AppState missing from context"))
    }
}
