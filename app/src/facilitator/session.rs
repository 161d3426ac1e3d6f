//! Facilitator sessions on the server: the cookie, and who is asking.
//!
//! The secret is made, hashed and carried exactly as a participant's (see
//! [`crate::participant::session`]), in a cookie of its own, so one browser can be a
//! facilitator and try the participant's side at the same time.

use http::request::Parts;
use leptos::prelude::*;

use super::{repo, Staff};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::participant::session::{cookie_value, hash_token, looks_like_token};

/// The cookie that carries a facilitator's session.
pub const STAFF_COOKIE: &str = "rumbo_staff";
/// How long a facilitator stays signed in.
pub const STAFF_SESSION_SECONDS: i64 = 7 * 24 * 3600;

/// The session secret the current request carries, if it has the right shape.
pub fn token_of_request() -> Option<String> {
    let parts = use_context::<Parts>()?;
    cookie_value(&parts, STAFF_COOKIE).filter(|t| looks_like_token(t))
}

/// The facilitator behind the current request.
pub async fn current(db: &Db) -> AppResult<Staff> {
    let token = token_of_request().ok_or(AppError::Unauthorized)?;
    repo::by_session(db.pool(), &hash_token(&token))
        .await?
        .ok_or(AppError::Unauthorized)
}

/// The facilitator behind a request, from its parts: for plain axum routes (the dashboard's
/// live events), which run outside Leptos' context.
pub async fn current_from(db: &Db, parts: &Parts) -> AppResult<Staff> {
    let token = cookie_value(parts, STAFF_COOKIE)
        .filter(|t| looks_like_token(t))
        .ok_or(AppError::Unauthorized)?;
    repo::by_session(db.pool(), &hash_token(&token))
        .await?
        .ok_or(AppError::Unauthorized)
}
