//! The programme in the database: a workshop's sessions and their materials.

use sqlx::{Any, AnyConnection, Executor, Row};

use super::input::NewSession;
use super::model::Material;
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::ids::{ProgrammeSessionId, WorkshopId};
use crate::workshop::Phase;

/// The workshop's sessions, by start, as stored.
pub async fn sessions(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
) -> AppResult<Vec<(ProgrammeSessionId, NewSession)>> {
    let rows = sqlx::query(
        "SELECT id, title, starts_at, ends_at, time_zone, panelists, phase, call_url
         FROM programme_sessions WHERE workshop_id = $1 ORDER BY starts_at, ends_at, id",
    )
    .bind(workshop.0)
    .fetch_all(&mut *conn)
    .await?;
    let materials = sqlx::query(
        "SELECT m.session_id, m.title, m.url FROM programme_materials m
         JOIN programme_sessions s ON s.id = m.session_id
         WHERE s.workshop_id = $1 ORDER BY m.session_id, m.position",
    )
    .bind(workshop.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let panelists: String = row.try_get("panelists")?;
            let phase: Option<String> = row.try_get("phase")?;
            let phase = match phase {
                Some(p) => Some(
                    Phase::parse(&p)
                        .ok_or_else(|| AppError::internal("unknown phase stored", &p))?,
                ),
                None => None,
            };
            let materials = materials
                .iter()
                .filter(|m| m.try_get::<i64, _>("session_id").ok() == Some(id))
                .map(|m| {
                    Ok(Material {
                        title: m.try_get("title")?,
                        url: m.try_get("url")?,
                    })
                })
                .collect::<AppResult<Vec<_>>>()?;
            Ok((
                ProgrammeSessionId(id),
                NewSession {
                    title: row.try_get("title")?,
                    starts_at: row.try_get("starts_at")?,
                    ends_at: row.try_get("ends_at")?,
                    time_zone: row.try_get("time_zone")?,
                    panelists: panelists
                        .lines()
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    phase,
                    call_link: row.try_get("call_url")?,
                    materials,
                },
            ))
        })
        .collect()
}

/// How many sessions the workshop's programme holds.
pub async fn count<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<usize> {
    let n: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM programme_sessions WHERE workshop_id = $1",
    )
    .bind(workshop.0)
    .fetch_one(db)
    .await?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

/// Adds a session. Call inside a transaction (the session and its materials go together).
pub async fn insert(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    session: &NewSession,
) -> AppResult<ProgrammeSessionId> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO programme_sessions
             (workshop_id, title, starts_at, ends_at, time_zone, panelists, phase, call_url, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(workshop.0)
    .bind(&session.title)
    .bind(session.starts_at)
    .bind(session.ends_at)
    .bind(&session.time_zone)
    .bind(session.panelists.join("\n"))
    .bind(session.phase.map(Phase::as_str))
    .bind(session.call_link.as_deref())
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    let id = ProgrammeSessionId(id);
    insert_materials(conn, id, &session.materials).await?;
    Ok(id)
}

async fn insert_materials(
    conn: &mut AnyConnection,
    session: ProgrammeSessionId,
    materials: &[Material],
) -> AppResult<()> {
    for (position, material) in (1_i64..).zip(materials) {
        sqlx::query(
            "INSERT INTO programme_materials (session_id, position, title, url) VALUES ($1, $2, $3, $4)",
        )
        .bind(session.0)
        .bind(position)
        .bind(&material.title)
        .bind(&material.url)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Replaces a session of the workshop. `NotFound` when the workshop has no such session
/// (another workshop's session included). Call inside a transaction.
pub async fn update(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    id: ProgrammeSessionId,
    session: &NewSession,
) -> AppResult<()> {
    let changed = sqlx::query(
        "UPDATE programme_sessions SET title = $1, starts_at = $2, ends_at = $3, time_zone = $4,
             panelists = $5, phase = $6, call_url = $7, updated_at = $8
         WHERE id = $9 AND workshop_id = $10",
    )
    .bind(&session.title)
    .bind(session.starts_at)
    .bind(session.ends_at)
    .bind(&session.time_zone)
    .bind(session.panelists.join("\n"))
    .bind(session.phase.map(Phase::as_str))
    .bind(session.call_link.as_deref())
    .bind(now())
    .bind(id.0)
    .bind(workshop.0)
    .execute(&mut *conn)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    sqlx::query("DELETE FROM programme_materials WHERE session_id = $1")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    insert_materials(conn, id, &session.materials).await
}

/// Removes a session of the workshop (its materials go with it). `NotFound` when the
/// workshop has no such session.
pub async fn delete(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    id: ProgrammeSessionId,
) -> AppResult<()> {
    // Its materials go by the foreign key's cascade, on both databases.
    let gone = sqlx::query("DELETE FROM programme_sessions WHERE id = $1 AND workshop_id = $2")
        .bind(id.0)
        .bind(workshop.0)
        .execute(&mut *conn)
        .await?;
    if gone.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
