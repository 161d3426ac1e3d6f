//! API tokens in the database.

use sqlx::{Any, AnyConnection, Executor, Row};

use super::model::ApiToken;
use crate::db::now;
use crate::error::AppResult;
use crate::facilitator::Staff;
use crate::ids::{ApiTokenId, FacilitatorId};

/// Stores a new token of a facilitator.
pub async fn create(
    conn: &mut AnyConnection,
    facilitator: FacilitatorId,
    name: &str,
    prefix: &str,
    token_hash: &str,
) -> AppResult<ApiToken> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO api_tokens (facilitator_id, name, prefix, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(facilitator.0)
    .bind(name)
    .bind(prefix)
    .bind(token_hash)
    .bind(at)
    .fetch_one(conn)
    .await?;
    Ok(ApiToken {
        id: ApiTokenId(id),
        name: name.to_owned(),
        prefix: prefix.to_owned(),
        created_at: at,
        last_used_at: None,
        revoked_at: None,
    })
}

/// A facilitator's tokens, newest first.
pub async fn list<'e>(
    db: impl Executor<'e, Database = Any>,
    facilitator: FacilitatorId,
) -> AppResult<Vec<ApiToken>> {
    let rows = sqlx::query(
        "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens
         WHERE facilitator_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(facilitator.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ApiToken {
                id: ApiTokenId(row.try_get("id")?),
                name: row.try_get("name")?,
                prefix: row.try_get("prefix")?,
                created_at: row.try_get("created_at")?,
                last_used_at: row.try_get("last_used_at")?,
                revoked_at: row.try_get("revoked_at")?,
            })
        })
        .collect()
}

/// How many unrevoked tokens a facilitator holds.
pub async fn active_count<'e>(
    db: impl Executor<'e, Database = Any>,
    facilitator: FacilitatorId,
) -> AppResult<usize> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM api_tokens WHERE facilitator_id = $1 AND revoked_at IS NULL",
    )
    .bind(facilitator.0)
    .fetch_one(db)
    .await?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

/// Revokes one of the facilitator's tokens; whether it was theirs and still live.
pub async fn revoke<'e>(
    db: impl Executor<'e, Database = Any>,
    facilitator: FacilitatorId,
    token: ApiTokenId,
) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1
         WHERE id = $2 AND facilitator_id = $3 AND revoked_at IS NULL",
    )
    .bind(now())
    .bind(token.0)
    .bind(facilitator.0)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The facilitator a live token belongs to, marking it used.
pub async fn staff_of_token(db: &sqlx::AnyPool, token_hash: &str) -> AppResult<Option<Staff>> {
    let row = sqlx::query(
        "SELECT t.id AS token_id, f.id, f.email, f.display_name FROM api_tokens t
         JOIN facilitators f ON f.id = t.facilitator_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let token: i64 = row.try_get("token_id")?;
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(now())
        .bind(token)
        .execute(db)
        .await?;
    Ok(Some(Staff {
        id: FacilitatorId(row.try_get("id")?),
        email: row.try_get("email")?,
        name: row.try_get("display_name")?,
    }))
}
