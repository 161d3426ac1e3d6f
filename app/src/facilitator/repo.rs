//! Facilitator accounts, sessions, roles and login throttling in the database.

use sqlx::{Any, Executor, Row};

use super::session::STAFF_SESSION_SECONDS;
use super::{Email, Role, Staff, TeamMember};
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::i18n::Key;
use crate::ids::{FacilitatorId, WorkshopId};
use crate::participant::session::{hash_token, new_token};

/// Failed logins to one account within [`THROTTLE_WINDOW_SECONDS`] before it is locked.
pub const ACCOUNT_FAILURES: i64 = 5;
/// Failed logins from one client within the window before it is locked.
pub const CLIENT_FAILURES: i64 = 20;
/// The throttling window.
pub const THROTTLE_WINDOW_SECONDS: i64 = 15 * 60;

/// Creates an account. A second account with the same address is a conflict.
pub async fn create<'e>(
    db: impl Executor<'e, Database = Any>,
    email: &Email,
    name: &str,
    password_hash: &str,
    is_demo: bool,
) -> AppResult<FacilitatorId> {
    let at = now();
    sqlx::query_scalar(
        "INSERT INTO facilitators (email, display_name, password_hash, is_demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(email.as_str())
    .bind(name)
    .bind(password_hash)
    .bind(i64::from(is_demo))
    .bind(at)
    .fetch_one(db)
    .await
    .map(FacilitatorId)
    .map_err(|e| match AppError::from(e) {
        AppError::Conflict { .. } => AppError::Conflict {
            reason: Key::ErrEmailTaken,
        },
        other => other,
    })
}

/// An account and its password hash, by address.
pub async fn by_email<'e>(
    db: impl Executor<'e, Database = Any>,
    email: &Email,
) -> AppResult<Option<(Staff, String)>> {
    let row = sqlx::query(
        "SELECT id, email, display_name, password_hash FROM facilitators WHERE email = $1",
    )
    .bind(email.as_str())
    .fetch_optional(db)
    .await?;
    row.map(|row| Ok((staff_of(&row)?, row.try_get("password_hash")?)))
        .transpose()
}

/// An account's password hash.
pub async fn password_hash<'e>(
    db: impl Executor<'e, Database = Any>,
    id: FacilitatorId,
) -> AppResult<String> {
    sqlx::query_scalar("SELECT password_hash FROM facilitators WHERE id = $1")
        .bind(id.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Replaces an account's password hash.
pub async fn set_password_hash<'e>(
    db: impl Executor<'e, Database = Any>,
    id: FacilitatorId,
    password_hash: &str,
) -> AppResult<()> {
    sqlx::query("UPDATE facilitators SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(now())
        .bind(id.0)
        .execute(db)
        .await?;
    Ok(())
}

/// Opens a session and returns its secret, in clear text for the only time.
pub async fn open_session<'e>(
    db: impl Executor<'e, Database = Any>,
    id: FacilitatorId,
) -> AppResult<String> {
    let token = new_token();
    let at = now();
    sqlx::query(
        "INSERT INTO facilitator_sessions (token_hash, facilitator_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(hash_token(&token))
    .bind(id.0)
    .bind(at)
    .bind(at + STAFF_SESSION_SECONDS)
    .execute(db)
    .await?;
    Ok(token)
}

/// Ends one session.
pub async fn close_session<'e>(
    db: impl Executor<'e, Database = Any>,
    token_hash: &str,
) -> AppResult<()> {
    sqlx::query("DELETE FROM facilitator_sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Forgets sessions that have expired (run at each login, so the table does not grow).
pub async fn forget_expired_sessions<'e>(db: impl Executor<'e, Database = Any>) -> AppResult<()> {
    sqlx::query("DELETE FROM facilitator_sessions WHERE expires_at <= $1")
        .bind(now())
        .execute(db)
        .await?;
    Ok(())
}

/// Ends every session of an account except one (after a password change).
pub async fn close_other_sessions<'e>(
    db: impl Executor<'e, Database = Any>,
    id: FacilitatorId,
    keep_hash: &str,
) -> AppResult<()> {
    sqlx::query("DELETE FROM facilitator_sessions WHERE facilitator_id = $1 AND token_hash <> $2")
        .bind(id.0)
        .bind(keep_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// The facilitator a live session belongs to.
pub async fn by_session<'e>(
    db: impl Executor<'e, Database = Any>,
    token_hash: &str,
) -> AppResult<Option<Staff>> {
    let row = sqlx::query(
        "SELECT f.id, f.email, f.display_name FROM facilitator_sessions s
         JOIN facilitators f ON f.id = s.facilitator_id
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now())
    .fetch_optional(db)
    .await?;
    row.map(|row| staff_of(&row)).transpose()
}

fn staff_of(row: &sqlx::any::AnyRow) -> AppResult<Staff> {
    Ok(Staff {
        id: FacilitatorId(row.try_get("id")?),
        email: row.try_get("email")?,
        name: row.try_get("display_name")?,
    })
}

/// How a facilitator stands in a workshop, if at all.
pub async fn role_in<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    facilitator: FacilitatorId,
) -> AppResult<Option<Role>> {
    let role: Option<String> = sqlx::query_scalar(
        "SELECT role FROM workshop_facilitators WHERE workshop_id = $1 AND facilitator_id = $2",
    )
    .bind(workshop.0)
    .bind(facilitator.0)
    .fetch_optional(db)
    .await?;
    Ok(role.as_deref().and_then(Role::parse))
}

/// Gives a facilitator a role in a workshop. A second owner, or a facilitator who already
/// has a role there, is a conflict.
pub async fn grant<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    facilitator: FacilitatorId,
    role: Role,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO workshop_facilitators (workshop_id, facilitator_id, role, added_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(workshop.0)
    .bind(facilitator.0)
    .bind(role.as_str())
    .bind(now())
    .execute(db)
    .await?;
    Ok(())
}

/// Everyone who runs a workshop: the owner first, then co-facilitators in the order they
/// were added.
pub async fn facilitators_of<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<TeamMember>> {
    let rows = sqlx::query(
        "SELECT f.id, f.email, f.display_name, wf.role FROM workshop_facilitators wf
         JOIN facilitators f ON f.id = wf.facilitator_id
         WHERE wf.workshop_id = $1
         ORDER BY CASE WHEN wf.role = 'owner' THEN 0 ELSE 1 END, wf.added_at, f.id",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let staff = staff_of(row)?;
            let role: String = row.try_get("role")?;
            let role = Role::parse(&role)
                .ok_or_else(|| AppError::internal("facilitator role", format!("{role:?}")))?;
            Ok(TeamMember {
                id: staff.id,
                name: staff.name,
                email: staff.email,
                role,
            })
        })
        .collect()
}

/// Takes a co-facilitator off a workshop; returns whether they were one. Owners are never
/// removed this way: a workshop always keeps its owner.
pub async fn revoke<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    facilitator: FacilitatorId,
) -> AppResult<bool> {
    let done = sqlx::query(
        "DELETE FROM workshop_facilitators
         WHERE workshop_id = $1 AND facilitator_id = $2 AND role = 'co'",
    )
    .bind(workshop.0)
    .bind(facilitator.0)
    .execute(db)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Whether logins to `account` or from `client` are locked for now.
pub async fn login_throttled<'e>(
    db: impl Executor<'e, Database = Any>,
    account: &str,
    client: &str,
) -> AppResult<bool> {
    let since = now() - THROTTLE_WINDOW_SECONDS;
    let (by_account, by_client): (i64, i64) = sqlx::query_as(
        "SELECT
           (SELECT COUNT(*) FROM login_failures WHERE account = $1 AND at > $3),
           (SELECT COUNT(*) FROM login_failures WHERE client = $2 AND at > $3)",
    )
    .bind(account)
    .bind(client)
    .bind(since)
    .fetch_one(db)
    .await?;
    Ok(by_account >= ACCOUNT_FAILURES || by_client >= CLIENT_FAILURES)
}

/// Records a failed login, and forgets those older than the window.
pub async fn record_login_failure(
    pool: &sqlx::AnyPool,
    account: &str,
    client: &str,
) -> AppResult<()> {
    let at = now();
    let account: String = account.chars().take(254).collect();
    let client: String = client.chars().take(100).collect();
    sqlx::query("INSERT INTO login_failures (account, client, at) VALUES ($1, $2, $3)")
        .bind(account)
        .bind(client)
        .bind(at)
        .execute(pool)
        .await?;
    sqlx::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(at - THROTTLE_WINDOW_SECONDS)
        .execute(pool)
        .await?;
    Ok(())
}
