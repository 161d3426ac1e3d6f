//! Who may run a workshop: the one check every facilitator server function starts with.

use super::{repo, session, Role, Staff};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::ids::WorkshopId;
use crate::workshop::repo as workshops;

/// The signed-in facilitator and their role in `workshop`. Anonymous callers (and
/// participants, who have no facilitator session) are `Unauthorized`; facilitators with no
/// role there are `Forbidden`; a workshop that does not exist is `NotFound`.
pub async fn require_workshop(db: &Db, workshop: WorkshopId) -> AppResult<(Staff, Role)> {
    let staff = session::current(db).await?;
    let role = require_workshop_as(db, &staff, workshop).await?;
    Ok((staff, role))
}

/// The role of an already identified facilitator (a session, or an API token) in
/// `workshop`: `Forbidden` without one, `NotFound` when the workshop does not exist. Every
/// other check of this module ends here, so the pages and the API refuse alike.
pub async fn require_workshop_as(db: &Db, staff: &Staff, workshop: WorkshopId) -> AppResult<Role> {
    match repo::role_in(db.pool(), workshop, staff.id).await? {
        Some(role) => Ok(role),
        None => {
            // Tells "no such workshop" from "not yours" only to signed-in facilitators.
            workshops::facts(db.pool(), workshop).await?;
            Err(AppError::Forbidden)
        }
    }
}

/// As [`require_workshop`], for what only the owner may do (inviting co-facilitators).
pub async fn require_owner(db: &Db, workshop: WorkshopId) -> AppResult<Staff> {
    match require_workshop(db, workshop).await? {
        (staff, Role::Owner) => Ok(staff),
        (_, Role::CoFacilitator) => Err(AppError::Forbidden),
    }
}

/// As [`require_workshop`], for a plain axum route given the request's parts.
pub async fn require_workshop_from(
    db: &Db,
    parts: &http::request::Parts,
    workshop: WorkshopId,
) -> AppResult<(Staff, Role)> {
    let staff = session::current_from(db, parts).await?;
    let role = require_workshop_as(db, &staff, workshop).await?;
    Ok((staff, role))
}
