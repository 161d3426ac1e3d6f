//! Workshops, teams and participants in the database.

use sqlx::{Any, AnyConnection, Executor, Row};

use super::{JoinCode, Phase, TeamSummary, WorkshopSummary};
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::framework::{self, FrameworkDoc};
use crate::ids::{FrameworkId, ParticipantId, TeamId, WorkshopId};

/// What it takes to create a workshop.
#[derive(Debug, Clone)]
pub struct NewWorkshop<'a> {
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// Join code.
    pub join_code: &'a JoinCode,
    /// The framework the workshop gets its own copy of.
    pub framework: &'a FrameworkDoc,
    /// Team names, in display order.
    pub teams: &'a [&'a str],
    /// Phase to start in.
    pub phase: Phase,
    /// Minimum respondents before a team's aggregates are shown to others.
    pub anonymity_threshold: u32,
    /// Whether this is the demo workshop (there is at most one).
    pub is_demo: bool,
}

/// Creates a workshop with its framework copy and its teams. Call inside a transaction.
pub async fn create(conn: &mut AnyConnection, new: &NewWorkshop<'_>) -> AppResult<WorkshopId> {
    let framework_id = framework::repo::insert(conn, new.framework).await?;
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO workshops (title, description, join_code, framework_id, phase, anonymity_threshold, is_demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    )
    .bind(new.title)
    .bind(new.description)
    .bind(new.join_code.as_str())
    .bind(framework_id.0)
    .bind(new.phase.as_str())
    .bind(i64::from(new.anonymity_threshold))
    .bind(i64::from(new.is_demo))
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    for (position, name) in (0_i64..).zip(new.teams) {
        sqlx::query("INSERT INTO teams (workshop_id, name, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(*name)
            .bind(position)
            .execute(&mut *conn)
            .await?;
    }
    Ok(WorkshopId(id))
}

/// What the server needs to know about a workshop before serving anything of it.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopFacts {
    /// What pages show.
    pub summary: WorkshopSummary,
    /// The framework it owns.
    pub framework: FrameworkId,
    /// Whether it is the demo workshop (whose results anyone may read).
    pub is_demo: bool,
}

/// The facts of a workshop, in one query.
pub async fn facts<'e>(
    db: impl Executor<'e, Database = Any>,
    id: WorkshopId,
) -> AppResult<WorkshopFacts> {
    let row = sqlx::query(
        "SELECT id, title, phase, anonymity_threshold, framework_id, is_demo FROM workshops WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let phase: String = row.try_get("phase")?;
    let threshold: i64 = row.try_get("anonymity_threshold")?;
    let is_demo: i64 = row.try_get("is_demo")?;
    Ok(WorkshopFacts {
        summary: WorkshopSummary {
            id: WorkshopId(row.try_get("id")?),
            title: row.try_get("title")?,
            phase: Phase::parse(&phase)
                .ok_or_else(|| AppError::internal("unknown phase stored", &phase))?,
            anonymity_threshold: u32::try_from(threshold).unwrap_or(u32::MAX),
        },
        framework: FrameworkId(row.try_get("framework_id")?),
        is_demo: is_demo == 1,
    })
}

/// The framework a workshop owns.
pub async fn framework_of<'e>(
    db: impl Executor<'e, Database = Any>,
    id: WorkshopId,
) -> AppResult<FrameworkId> {
    sqlx::query_scalar("SELECT framework_id FROM workshops WHERE id = $1")
        .bind(id.0)
        .fetch_optional(db)
        .await?
        .map(FrameworkId)
        .ok_or(AppError::NotFound)
}

/// The demo workshop and its join code, if it has been loaded.
pub async fn demo<'e>(
    db: impl Executor<'e, Database = Any>,
) -> AppResult<Option<(WorkshopId, String, JoinCode)>> {
    let row = sqlx::query("SELECT id, title, join_code FROM workshops WHERE is_demo = 1")
        .fetch_optional(db)
        .await?;
    row.map(|row| {
        let code: String = row.try_get("join_code")?;
        let code = JoinCode::parse(&code)
            .map_err(|_| AppError::internal("malformed join code stored", &code))?;
        Ok((WorkshopId(row.try_get("id")?), row.try_get("title")?, code))
    })
    .transpose()
}

/// The teams of a workshop, in display order.
pub async fn teams<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<TeamSummary>> {
    let rows =
        sqlx::query("SELECT id, name FROM teams WHERE workshop_id = $1 ORDER BY position, id")
            .bind(workshop.0)
            .fetch_all(db)
            .await?;
    rows.into_iter()
        .map(|row| {
            Ok(TeamSummary {
                id: TeamId(row.try_get("id")?),
                name: row.try_get("name")?,
            })
        })
        .collect()
}

/// Adds a participant to a team of a workshop.
pub async fn add_participant<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    team: TeamId,
    display_name: &str,
) -> AppResult<ParticipantId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO participants (workshop_id, team_id, display_name, created_at)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(workshop.0)
    .bind(team.0)
    .bind(display_name)
    .bind(now())
    .fetch_one(db)
    .await?;
    Ok(ParticipantId(id))
}
