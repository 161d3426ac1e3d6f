//! API tokens as their owner sees them.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::i18n::Key;
use crate::ids::ApiTokenId;

/// The longest token name, in characters (as the table allows).
pub const TOKEN_NAME_MAX_CHARS: usize = 80;
/// How many unrevoked tokens one facilitator may hold; a forgotten script should not be
/// able to mint tokens without end.
pub const MAX_ACTIVE_TOKENS: usize = 20;

/// One of the facilitator's tokens. The secret itself is never kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiToken {
    /// Id.
    pub id: ApiTokenId,
    /// The name its owner gave it.
    pub name: String,
    /// The secret's first characters, to tell tokens apart.
    pub prefix: String,
    /// When it was made (unix seconds).
    pub created_at: i64,
    /// When it was last used (unix seconds), if ever.
    pub last_used_at: Option<i64>,
    /// When it was revoked (unix seconds), if so.
    pub revoked_at: Option<i64>,
}

/// A token just made: the only time its secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedToken {
    /// The token as listed.
    pub token: ApiToken,
    /// The secret, to send as `Authorization: Bearer <secret>`.
    pub secret: String,
}

/// A token name as typed: trimmed, not empty, not too long, no control characters.
pub fn check_token_name(typed: &str) -> AppResult<String> {
    let name = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(AppError::invalid("name", Key::ApiErrNameEmpty));
    }
    if name.chars().count() > TOKEN_NAME_MAX_CHARS || name.chars().any(char::is_control) {
        return Err(AppError::invalid("name", Key::ApiErrNameTooLong));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_and_bounded() {
        assert_eq!(
            check_token_name("  hoja   de cálculo ").unwrap(),
            "hoja de cálculo"
        );
        assert!(check_token_name("   ").is_err());
        assert!(check_token_name(&"ñ".repeat(80)).is_ok());
        assert!(check_token_name(&"a".repeat(81)).is_err());
        assert!(check_token_name("a\u{7}b").is_err());
    }
}
