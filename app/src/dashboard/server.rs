//! The dashboard's and the comparison's server functions.

use leptos::prelude::*;

use super::model::{DashboardData, SharedResults};
use crate::error::AppError;
use crate::ids::WorkshopId;

/// The live dashboard of a workshop, for its owner and co-facilitators. Every team is shown
/// (facilitators are trusted with small teams' numbers) but never who answered what.
#[server(name = GetDashboard, endpoint = "dashboard")]
pub async fn dashboard(workshop: WorkshopId) -> Result<DashboardData, AppError> {
    let state = crate::state::AppState::from_context()?;
    let staff = crate::facilitator::session::current(&state.db).await?;
    ssr::dashboard_for_staff(&state.db, &staff, workshop).await
}

#[cfg(feature = "ssr")]
pub use ssr::dashboard_for_staff;

/// What the current participant may see of the other teams, per the workshop's setting.
#[server(name = GetSharedResults, endpoint = "shared_results")]
pub async fn shared_results(workshop: WorkshopId) -> Result<SharedResults, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::shared(&state.db, workshop).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::dashboard::repo;
    use crate::dashboard::rules::{aggregate, shared_view};
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::ids::TeamId;
    use crate::participant::session;
    use crate::workshop::repo as workshops;

    /// The dashboard as the facilitators' page shows it, for an identified facilitator (a
    /// session or an API token) of the workshop.
    pub async fn dashboard_for_staff(
        db: &Db,
        staff: &crate::facilitator::Staff,
        workshop: WorkshopId,
    ) -> AppResult<DashboardData> {
        crate::facilitator::access::require_workshop_as(db, staff, workshop).await?;
        load(db, workshop).await.map(|(data, _)| data.rounded())
    }

    /// The unrounded dashboard and the teams' ids, in display order.
    pub(super) async fn load(
        db: &Db,
        workshop: WorkshopId,
    ) -> AppResult<(DashboardData, Vec<TeamId>)> {
        let facts = workshops::facts(db.pool(), workshop).await?;
        let (layout, teams) = repo::inputs(db, workshop, &facts).await?;
        let (ids, inputs): (Vec<_>, Vec<_>) = teams.into_iter().unzip();
        Ok((aggregate(facts.summary, layout, &inputs), ids))
    }

    pub(super) async fn shared(db: &Db, workshop: WorkshopId) -> AppResult<SharedResults> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        let mode = repo::share_results(db.pool(), workshop).await?;
        let (data, ids) = load(db, workshop).await?;
        let mine = ids
            .iter()
            .position(|t| *t == me.team)
            .ok_or_else(|| AppError::internal("participant's team not in workshop", me.team))?;
        Ok(shared_view(&data, mine, mode))
    }
}
