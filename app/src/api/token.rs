//! API token secrets: how they look, and who one belongs to.
//!
//! A secret is `rumbo_` and 64 hex digits (the participant sessions' generator), so a
//! leaked one is easy to recognise in logs and code. Only its SHA-256 is stored.

use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::facilitator::Staff;
use crate::participant::session::{hash_token, looks_like_token, new_token};

/// What every secret starts with.
pub const SECRET_PREFIX: &str = "rumbo_";
/// How many characters of a secret are kept to tell tokens apart.
pub const SHOWN_PREFIX_CHARS: usize = 12;

/// A new secret.
pub fn new_secret() -> String {
    format!("{SECRET_PREFIX}{}", new_token())
}

/// Whether a value has the shape of a secret, checked before any database lookup.
pub fn looks_like_secret(value: &str) -> bool {
    value
        .strip_prefix(SECRET_PREFIX)
        .is_some_and(looks_like_token)
}

/// What the list shows of a secret.
pub fn shown_prefix(secret: &str) -> String {
    secret.chars().take(SHOWN_PREFIX_CHARS).collect()
}

/// The facilitator a bearer secret belongs to, if it is a live token; marks it used.
/// Anything else (no secret, a malformed, unknown or revoked one) is `Unauthorized`.
pub async fn authenticate(db: &Db, secret: Option<&str>) -> AppResult<Staff> {
    let secret = secret
        .filter(|s| looks_like_secret(s))
        .ok_or(AppError::Unauthorized)?;
    super::repo::staff_of_token(db.pool(), &hash_token(secret))
        .await?
        .ok_or(AppError::Unauthorized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_have_a_recognisable_shape() {
        let secret = new_secret();
        assert!(looks_like_secret(&secret));
        assert_eq!(secret.len(), SECRET_PREFIX.len() + 64);
        assert!(!looks_like_secret(&secret[SECRET_PREFIX.len()..]));
        assert!(!looks_like_secret("rumbo_xyz"));
        assert_eq!(shown_prefix(&secret).len(), SHOWN_PREFIX_CHARS);
    }
}
