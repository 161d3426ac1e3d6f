//! The account page's server functions for API tokens. Only the signed-in facilitator's own
//! tokens are listed, made or revoked.

use leptos::prelude::*;

use super::model::{ApiToken, CreatedToken};
use crate::error::AppError;
use crate::ids::ApiTokenId;

/// The signed-in facilitator's tokens, newest first.
#[server(name = MyApiTokens, endpoint = "my_api_tokens")]
pub async fn my_api_tokens() -> Result<Vec<ApiToken>, AppError> {
    let state = crate::state::AppState::from_context()?;
    let staff = crate::facilitator::session::current(&state.db).await?;
    super::repo::list(state.db.pool(), staff.id).await
}

/// Makes a token for the signed-in facilitator; its secret is in the answer and nowhere
/// else.
#[server(name = CreateApiToken, endpoint = "create_api_token")]
pub async fn create_api_token(name: String) -> Result<CreatedToken, AppError> {
    let state = crate::state::AppState::from_context()?;
    let staff = crate::facilitator::session::current(&state.db).await?;
    ssr::create(&state.db, &staff, &name).await
}

/// Revokes one of the signed-in facilitator's tokens. Another's token is "not found".
#[server(name = RevokeApiToken, endpoint = "revoke_api_token")]
pub async fn revoke_api_token(token: ApiTokenId) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    let staff = crate::facilitator::session::current(&state.db).await?;
    if super::repo::revoke(state.db.pool(), staff.id, token).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::api::model::{check_token_name, MAX_ACTIVE_TOKENS};
    use crate::api::{repo, token};
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::facilitator::Staff;
    use crate::i18n::Key;
    use crate::participant::session::hash_token;

    pub(super) async fn create(db: &Db, staff: &Staff, name: &str) -> AppResult<CreatedToken> {
        let name = check_token_name(name)?;
        let mut tx = db.pool().begin().await?;
        if repo::active_count(&mut *tx, staff.id).await? >= MAX_ACTIVE_TOKENS {
            return Err(AppError::Conflict {
                reason: Key::ApiErrTooMany,
            });
        }
        let secret = token::new_secret();
        let stored = repo::create(
            &mut tx,
            staff.id,
            &name,
            &token::shown_prefix(&secret),
            &hash_token(&secret),
        )
        .await?;
        tx.commit().await?;
        Ok(CreatedToken {
            token: stored,
            secret,
        })
    }
}
