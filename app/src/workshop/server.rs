//! Server functions about workshops.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::ids::WorkshopId;

/// The demo workshop, as the home page offers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoWorkshop {
    /// Id.
    pub id: WorkshopId,
    /// Title.
    pub title: String,
    /// The join code as people read it, e.g. `DEMO-2026`.
    pub join_code: String,
}

/// The demo workshop, if it has been loaded.
#[server(name = GetDemoWorkshop, endpoint = "demo_workshop")]
pub async fn demo_workshop() -> Result<Option<DemoWorkshop>, AppError> {
    let state = crate::state::AppState::from_context()?;
    let demo = super::repo::demo(state.db.pool()).await?;
    Ok(demo.map(|(id, title, code)| DemoWorkshop {
        id,
        title,
        join_code: code.display(),
    }))
}
