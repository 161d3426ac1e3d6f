//! Server functions for joining a workshop and holding a session.

use leptos::prelude::*;

use super::{JoinTarget, Me};
use crate::error::AppError;
use crate::ids::WorkshopId;

/// The workshop a typed code opens, with its teams: the second step of joining.
#[server(name = FindWorkshop, endpoint = "find_workshop")]
pub async fn find_workshop(code: String) -> Result<JoinTarget, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::find(&state.db, &code).await.map(|(target, _)| target)
}

/// Joins a workshop: creates the participant in the chosen team, opens their session and
/// sends them to the page that shows their resume link once.
#[server(name = JoinWorkshop, endpoint = "join_workshop")]
pub async fn join_workshop(code: String, name: String, team: String) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    let workshop = ssr::join(&state.db, &code, &name, &team).await?;
    state.live.publish(&state.db, workshop).await;
    leptos_axum::redirect(&format!("/workshops/{workshop}/welcome"));
    Ok(())
}

/// The resume link made when the participant joined, handed over once and then forgotten.
#[server(name = TakeResumeLink, endpoint = "take_resume_link")]
pub async fn take_resume_link() -> Result<Option<String>, AppError> {
    use super::session::{cookie_value, looks_like_token, set_cookie, RESUME_ONCE_COOKIE};
    let parts = use_context::<http::request::Parts>().ok_or(AppError::BadRequest)?;
    let token = cookie_value(&parts, RESUME_ONCE_COOKIE).filter(|t| looks_like_token(t));
    if token.is_some() {
        set_cookie(RESUME_ONCE_COOKIE, "", 0);
    }
    Ok(token.map(|t| ssr::resume_url(&parts, &t)))
}

/// A new resume link for the current participant; earlier links stop working.
#[server(name = RenewResumeLink, endpoint = "renew_resume_link")]
pub async fn renew_resume_link(workshop: WorkshopId) -> Result<String, AppError> {
    let state = crate::state::AppState::from_context()?;
    let me = super::session::current(&state.db).await?;
    me.require_workshop(workshop)?;
    let mut tx = state.db.pool().begin().await?;
    let token = super::repo::renew_resume(&mut tx, me.participant).await?;
    tx.commit().await?;
    // Also handed over by cookie, so that the page shows it after a plain form post.
    super::session::set_cookie(super::session::RESUME_ONCE_COOKIE, &token, 600);
    let parts = use_context::<http::request::Parts>().ok_or(AppError::BadRequest)?;
    Ok(ssr::resume_url(&parts, &token))
}

/// The participant of the current session, who must belong to `workshop`.
#[server(name = WhoAmI, endpoint = "who_am_i")]
pub async fn who_am_i(workshop: WorkshopId) -> Result<Me, AppError> {
    let state = crate::state::AppState::from_context()?;
    let me = super::session::current(&state.db).await?;
    me.require_workshop(workshop)?;
    Ok(me)
}

#[cfg(feature = "ssr")]
mod ssr {
    use http::request::Parts;
    use leptos::prelude::*;

    use super::super::repo;
    use super::super::session::{
        client_key, is_https, set_cookie, RESUME_ONCE_COOKIE, SESSION_COOKIE, SESSION_SECONDS,
    };
    use super::super::{DisplayName, JoinTarget};
    use crate::db::Db;
    use crate::error::{AppError, AppResult};
    use crate::i18n::Key;
    use crate::ids::{TeamId, WorkshopId};
    use crate::workshop::{repo as workshops, JoinCode, Phase};

    /// The workshop behind a code, refusing clients that guess too much.
    pub(super) async fn find(db: &Db, typed: &str) -> AppResult<(JoinTarget, WorkshopId)> {
        let client = client_key(use_context::<Parts>().as_ref());
        if repo::is_throttled(db.pool(), &client).await? {
            return Err(AppError::TooManyAttempts);
        }
        let found = match JoinCode::parse(typed) {
            Ok(code) => repo::workshop_by_code(db.pool(), &code)
                .await?
                .map(|id| (code, id)),
            Err(_) => None,
        };
        let Some((code, id)) = found else {
            let mut conn = db.pool().acquire().await?;
            repo::record_failure(&mut conn, &client).await?;
            return Err(AppError::invalid("code", Key::ErrJoinCodeUnknown));
        };
        let facts = workshops::facts(db.pool(), id).await?;
        if facts.summary.phase == Phase::Closed {
            return Err(AppError::Conflict {
                reason: Key::ErrWorkshopClosed,
            });
        }
        let teams = workshops::teams(db.pool(), id).await?;
        Ok((
            JoinTarget {
                code: code.display(),
                workshop: facts.summary,
                teams,
                joiners_lead: facts.is_demo,
            },
            id,
        ))
    }

    pub(super) async fn join(db: &Db, code: &str, name: &str, team: &str) -> AppResult<WorkshopId> {
        let (target, workshop) = find(db, code).await?;
        let name = DisplayName::parse(name);
        let team = team
            .trim()
            .parse::<i64>()
            .ok()
            .map(TeamId)
            .filter(|id| target.teams.iter().any(|t| t.id == *id))
            .ok_or_else(|| AppError::invalid("team", Key::ErrTeamUnknown));
        let (name, team) = match (name, team) {
            (Ok(name), Ok(team)) => (name, team),
            (name, team) => {
                return Err(
                    AppError::merge([name.err(), team.err()]).unwrap_or(AppError::BadRequest)
                )
            }
        };
        let mut tx = db.pool().begin().await?;
        let joined = repo::join(&mut tx, workshop, team, &name, target.joiners_lead).await?;
        tx.commit().await?;
        set_cookie(SESSION_COOKIE, &joined.session_token, SESSION_SECONDS);
        set_cookie(RESUME_ONCE_COOKIE, &joined.resume_token, 600);
        Ok(workshop)
    }

    /// The absolute resume link for a token, on the host the participant is using.
    pub(super) fn resume_url(parts: &Parts, token: &str) -> String {
        let host = parts
            .headers
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        let scheme = if is_https(parts) { "https" } else { "http" };
        format!("{scheme}://{host}/resume/{token}")
    }
}
