//! Participants, their secrets and join throttling in the database.

use sqlx::{Any, AnyConnection, Executor, Row};

use super::session::{hash_token, new_token, RESUME_SECONDS, SESSION_SECONDS};
use super::{DisplayName, Me};
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::ids::{ParticipantId, TeamId, WorkshopId};
use crate::workshop::JoinCode;

/// What joining hands back: the new participant and their two secrets, in clear text for the
/// last time.
#[derive(Debug)]
pub struct Joined {
    /// The new participant.
    pub participant: ParticipantId,
    /// For the session cookie.
    pub session_token: String,
    /// For the resume link.
    pub resume_token: String,
}

/// The workshop a join code opens, if any.
pub async fn workshop_by_code<'e>(
    db: impl Executor<'e, Database = Any>,
    code: &JoinCode,
) -> AppResult<Option<WorkshopId>> {
    let id: Option<i64> = sqlx::query_scalar("SELECT id FROM workshops WHERE join_code = $1")
        .bind(code.as_str())
        .fetch_optional(db)
        .await?;
    Ok(id.map(WorkshopId))
}

/// Adds a participant to a team and opens their first session. Call inside a transaction.
pub async fn join(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    team: TeamId,
    name: &DisplayName,
    is_lead: bool,
) -> AppResult<Joined> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO participants (workshop_id, team_id, display_name, is_lead, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(workshop.0)
    .bind(team.0)
    .bind(name.as_str())
    .bind(i64::from(is_lead))
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    let participant = ParticipantId(id);
    let session_token = new_token();
    let resume_token = new_token();
    store_token(
        &mut *conn,
        participant,
        &session_token,
        "session",
        at + SESSION_SECONDS,
    )
    .await?;
    store_token(
        &mut *conn,
        participant,
        &resume_token,
        "resume",
        at + RESUME_SECONDS,
    )
    .await?;
    Ok(Joined {
        participant,
        session_token,
        resume_token,
    })
}

async fn store_token<'e>(
    db: impl Executor<'e, Database = Any>,
    participant: ParticipantId,
    token: &str,
    purpose: &str,
    expires_at: i64,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO participant_tokens (token_hash, participant_id, purpose, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_token(token))
    .bind(participant.0)
    .bind(purpose)
    .bind(now())
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The participant holding a secret of the given purpose that has not expired.
async fn holder<'e>(
    db: impl Executor<'e, Database = Any>,
    token_hash: &str,
    purpose: &str,
) -> AppResult<Me> {
    let row = sqlx::query(
        "SELECT p.id, p.workshop_id, p.team_id, t.name AS team_name, p.display_name, p.is_lead
         FROM participant_tokens k
         JOIN participants p ON p.id = k.participant_id
         JOIN teams t ON t.id = p.team_id
         WHERE k.token_hash = $1 AND k.purpose = $2 AND k.expires_at > $3",
    )
    .bind(token_hash)
    .bind(purpose)
    .bind(now())
    .fetch_optional(db)
    .await?
    // Unknown, forged and expired secrets all read the same: "join again".
    .ok_or(AppError::Unauthorized)?;
    let is_lead: i64 = row.try_get("is_lead")?;
    Ok(Me {
        participant: ParticipantId(row.try_get("id")?),
        workshop: WorkshopId(row.try_get("workshop_id")?),
        team: TeamId(row.try_get("team_id")?),
        team_name: row.try_get("team_name")?,
        display_name: row.try_get("display_name")?,
        is_lead: is_lead == 1,
    })
}

/// The participant of a session.
pub async fn by_session<'e>(
    db: impl Executor<'e, Database = Any>,
    token_hash: &str,
) -> AppResult<Me> {
    holder(db, token_hash, "session").await
}

/// Opens a new session for the holder of a resume link; returns who and the session token.
pub async fn resume(conn: &mut AnyConnection, resume_hash: &str) -> AppResult<(Me, String)> {
    let me = holder(&mut *conn, resume_hash, "resume").await?;
    let token = new_token();
    store_token(
        &mut *conn,
        me.participant,
        &token,
        "session",
        now() + SESSION_SECONDS,
    )
    .await?;
    Ok((me, token))
}

/// Replaces a participant's resume links with a new one, returned in clear text.
pub async fn renew_resume(
    conn: &mut AnyConnection,
    participant: ParticipantId,
) -> AppResult<String> {
    sqlx::query("DELETE FROM participant_tokens WHERE participant_id = $1 AND purpose = 'resume'")
        .bind(participant.0)
        .execute(&mut *conn)
        .await?;
    let token = new_token();
    store_token(
        &mut *conn,
        participant,
        &token,
        "resume",
        now() + RESUME_SECONDS,
    )
    .await?;
    Ok(token)
}

/// How many wrong codes one client may type in [`FAILURE_WINDOW_SECONDS`].
pub const MAX_FAILURES: i64 = 10;
/// The window over which wrong codes are counted.
pub const FAILURE_WINDOW_SECONDS: i64 = 15 * 60;

/// Whether a client has typed too many wrong codes lately.
pub async fn is_throttled<'e>(
    db: impl Executor<'e, Database = Any>,
    client: &str,
) -> AppResult<bool> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM join_failures WHERE client = $1 AND at > $2")
            .bind(client)
            .bind(now() - FAILURE_WINDOW_SECONDS)
            .fetch_one(db)
            .await?;
    Ok(count >= MAX_FAILURES)
}

/// Records a wrong code, and forgets those older than the window.
pub async fn record_failure(conn: &mut AnyConnection, client: &str) -> AppResult<()> {
    let at = now();
    sqlx::query("DELETE FROM join_failures WHERE at <= $1")
        .bind(at - FAILURE_WINDOW_SECONDS)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO join_failures (client, at) VALUES ($1, $2)")
        .bind(client)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
