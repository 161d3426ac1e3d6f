//! The programme's server functions: read by the workshop's facilitators and participants,
//! changed by its facilitators only.

use leptos::prelude::*;

use super::model::{ProgrammeView, SessionForm};
use crate::error::AppError;
use crate::ids::{ProgrammeSessionId, WorkshopId};

/// The workshop's programme, with the sessions on now and next as of this request.
#[server(name = GetProgramme, endpoint = "programme")]
pub async fn programme(workshop: WorkshopId) -> Result<ProgrammeView, AppError> {
    let state = crate::state::AppState::from_context()?;
    let staff = ssr::reader(&state.db, workshop).await?;
    ssr::view(&state.db, workshop, staff, crate::db::now()).await
}

/// Adds a session to the programme.
#[server(name = AddSession, endpoint = "add_programme_session")]
pub async fn add_session(workshop: WorkshopId, form: SessionForm) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::editable(&state.db, workshop).await?;
    let session = super::input::parse(&form)?;
    ssr::add(&state.db, workshop, &session).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// Replaces a session of the programme with the form's values.
#[server(name = EditSession, endpoint = "edit_programme_session")]
pub async fn edit_session(
    workshop: WorkshopId,
    session: ProgrammeSessionId,
    form: SessionForm,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::editable(&state.db, workshop).await?;
    let parsed = super::input::parse(&form)?;
    let mut tx = state.db.pool().begin().await?;
    super::repo::update(&mut tx, workshop, session, &parsed).await?;
    tx.commit().await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// Removes a session from the programme.
#[server(name = DeleteSession, endpoint = "delete_programme_session")]
pub async fn delete_session(
    workshop: WorkshopId,
    session: ProgrammeSessionId,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::editable(&state.db, workshop).await?;
    let mut conn = state.db.pool().acquire().await?;
    super::repo::delete(&mut conn, workshop, session).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::i18n::Key;
    use crate::programme::input::{self, NewSession};
    use crate::programme::model::{SessionView, DEFAULT_TIME_ZONE, MAX_SESSIONS};
    use crate::programme::{repo, rules};
    use crate::workshop::{repo as workshops, Phase};

    /// Whether the caller may read the programme: `true` for a facilitator of the workshop,
    /// `false` for one of its participants; refused otherwise.
    pub(super) async fn reader(db: &Db, workshop: WorkshopId) -> AppResult<bool> {
        match crate::facilitator::access::require_workshop(db, workshop).await {
            Ok(_) => Ok(true),
            Err(AppError::Unauthorized) => {
                let me = crate::participant::session::current(db).await?;
                me.require_workshop(workshop)?;
                Ok(false)
            }
            Err(other) => Err(other),
        }
    }

    /// Checks the caller runs the workshop and that it is not closed (closed is read-only).
    pub(super) async fn editable(db: &Db, workshop: WorkshopId) -> AppResult<()> {
        crate::facilitator::access::require_workshop(db, workshop).await?;
        if workshops::facts(db.pool(), workshop).await?.summary.phase == Phase::Closed {
            return Err(AppError::Conflict {
                reason: Key::ErrWorkshopClosed,
            });
        }
        Ok(())
    }

    pub(super) async fn add(db: &Db, workshop: WorkshopId, session: &NewSession) -> AppResult<()> {
        let mut tx = db.pool().begin().await?;
        if repo::count(&mut *tx, workshop).await? >= MAX_SESSIONS {
            return Err(AppError::Conflict {
                reason: Key::PrgErrTooMany,
            });
        }
        repo::insert(&mut tx, workshop, session).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The programme as of `now` (seconds since the epoch).
    pub(super) async fn view(
        db: &Db,
        workshop: WorkshopId,
        staff: bool,
        now: i64,
    ) -> AppResult<ProgrammeView> {
        let facts = workshops::facts(db.pool(), workshop).await?;
        let mut conn = db.pool().acquire().await?;
        let sessions: Vec<SessionView> = repo::sessions(&mut conn, workshop)
            .await?
            .into_iter()
            .map(|(id, stored)| input::view(id, stored))
            .collect();
        let (on, next) = rules::now_and_next(&sessions, now);
        let phase = facts.summary.phase;
        let follow =
            rules::phase_to_follow(on.and_then(|i| sessions[i].phase), phase).filter(|_| staff);
        let default_zone = sessions
            .last()
            .map(|s| s.time_zone.clone())
            .unwrap_or_else(|| DEFAULT_TIME_ZONE.to_owned());
        Ok(ProgrammeView {
            workshop: facts.summary,
            staff,
            sessions,
            now: on,
            next,
            follow,
            default_zone,
        })
    }
}
