//! Server functions for who runs a workshop: the list, and the owner's invitations.

use leptos::prelude::*;

use super::WorkshopStaff;
use crate::error::AppError;
use crate::ids::{FacilitatorId, WorkshopId};

/// The workshop's facilitators, for any of them to see.
#[server(name = WorkshopFacilitators, endpoint = "workshop_facilitators")]
pub async fn workshop_facilitators(workshop: WorkshopId) -> Result<WorkshopStaff, AppError> {
    let state = crate::state::AppState::from_context()?;
    let (staff, my_role) = super::access::require_workshop(&state.db, workshop).await?;
    let facts = crate::workshop::repo::facts(state.db.pool(), workshop).await?;
    let members = super::repo::facilitators_of(state.db.pool(), workshop).await?;
    Ok(WorkshopStaff {
        workshop,
        title: facts.summary.title,
        me: staff.id,
        my_role,
        members,
    })
}

/// Makes an existing facilitator, found by e-mail, a co-facilitator. Only the owner may.
#[server(name = InviteCofacilitator, endpoint = "invite_cofacilitator")]
pub async fn invite_cofacilitator(workshop: WorkshopId, email: String) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    super::access::require_owner(&state.db, workshop).await?;
    super::account::invite(&state.db, workshop, &email).await?;
    Ok(())
}

/// Takes a co-facilitator off the workshop. Only the owner may, and never the owner.
#[server(name = RemoveCofacilitator, endpoint = "remove_cofacilitator")]
pub async fn remove_cofacilitator(
    workshop: WorkshopId,
    facilitator: FacilitatorId,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    super::access::require_owner(&state.db, workshop).await?;
    super::account::remove(&state.db, workshop, facilitator).await
}
