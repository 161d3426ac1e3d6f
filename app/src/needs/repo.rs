//! Needs and the actions they unblock, in the database.
//!
//! Writes check the workshop's phase in the same statement as the write, so a facilitator
//! closing the phase meanwhile wins; the link table's foreign keys name the team on both
//! sides, so an action of another team cannot be linked even if a check were missed.

use std::collections::BTreeMap;

use sqlx::{Any, AnyConnection, Executor, Row};

use super::model::{Need, NeedKind};
use super::rules::NeedRecord;
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::ids::{ActionId, NeedId, ParticipantId, TeamId, WorkshopId};

/// The phases (stored values) in which a team's members may change its needs: while actions
/// are prioritised and while the roadmap is built. Needs become clear as the roadmap takes
/// shape, so they stay open one phase longer than proposing actions; closed is read-only.
pub const OPEN_PHASES: (&str, &str) = ("prioritisation", "roadmap");

fn kind_of(row: &sqlx::any::AnyRow) -> AppResult<NeedKind> {
    let kind: String = row.try_get("kind")?;
    NeedKind::parse(&kind).ok_or_else(|| AppError::internal("malformed need kind stored", kind))
}

/// The actions each of the team's needs unblocks, oldest action first.
async fn links<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<BTreeMap<NeedId, Vec<ActionId>>> {
    let rows = sqlx::query(
        "SELECT need_id, action_id FROM need_actions WHERE team_id = $1
         ORDER BY need_id, action_id",
    )
    .bind(team.0)
    .fetch_all(db)
    .await?;
    let mut links: BTreeMap<NeedId, Vec<ActionId>> = BTreeMap::new();
    for row in rows {
        links
            .entry(NeedId(row.try_get("need_id")?))
            .or_default()
            .push(ActionId(row.try_get("action_id")?));
    }
    Ok(links)
}

/// A team's needs, oldest first, each with the actions it unblocks.
pub async fn team_needs(conn: &mut AnyConnection, team: TeamId) -> AppResult<Vec<Need>> {
    let rows = sqlx::query(
        "SELECT id, kind, description, version FROM needs WHERE team_id = $1 ORDER BY id",
    )
    .bind(team.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut links = links(&mut *conn, team).await?;
    rows.iter()
        .map(|row| {
            let id = NeedId(row.try_get("id")?);
            Ok(Need {
                id,
                kind: kind_of(row)?,
                description: row.try_get("description")?,
                unblocks: links.remove(&id).unwrap_or_default(),
                version: row.try_get("version")?,
            })
        })
        .collect()
}

/// A team's actions as (id, title), oldest first: what a need may unblock.
pub async fn team_actions<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    team: TeamId,
) -> AppResult<Vec<(ActionId, String)>> {
    let rows = sqlx::query(
        "SELECT id, title FROM actions WHERE team_id = $1 AND workshop_id = $2 ORDER BY id",
    )
    .bind(team.0)
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| Ok((ActionId(row.try_get("id")?), row.try_get("title")?)))
        .collect()
}

/// Every need of a workshop, for the aggregation.
pub async fn workshop_needs<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<NeedRecord>> {
    let rows = sqlx::query(
        "SELECT team_id, kind, description FROM needs WHERE workshop_id = $1 ORDER BY id",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(NeedRecord {
                team: TeamId(row.try_get("team_id")?),
                kind: kind_of(row)?,
                description: row.try_get("description")?,
            })
        })
        .collect()
}

/// A need's team and version, if it belongs to the workshop.
pub async fn need_facts<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    need: NeedId,
) -> AppResult<Option<(TeamId, i64)>> {
    let row = sqlx::query("SELECT team_id, version FROM needs WHERE id = $1 AND workshop_id = $2")
        .bind(need.0)
        .bind(workshop.0)
        .fetch_optional(db)
        .await?;
    row.map(|row| Ok((TeamId(row.try_get("team_id")?), row.try_get("version")?)))
        .transpose()
}

/// Whether the workshop is in a phase where needs may change.
pub async fn phase_open<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM workshops WHERE id = $1 AND phase IN ($2, $3)")
            .bind(workshop.0)
            .bind(OPEN_PHASES.0)
            .bind(OPEN_PHASES.1)
            .fetch_optional(db)
            .await?;
    Ok(found.is_some())
}

/// A new need, already checked.
#[derive(Debug, Clone)]
pub struct NewNeed<'a> {
    /// The workshop.
    pub workshop: WorkshopId,
    /// The team.
    pub team: TeamId,
    /// Its kind.
    pub kind: NeedKind,
    /// What is needed.
    pub description: &'a str,
    /// The team's actions it unblocks.
    pub unblocks: &'a [ActionId],
    /// Who recorded it.
    pub created_by: Option<ParticipantId>,
}

/// Stores a need if the phase allows it; `None` (nothing written) when it does not. Call
/// inside a transaction.
pub async fn create(conn: &mut AnyConnection, new: &NewNeed<'_>) -> AppResult<Option<NeedId>> {
    let at = now();
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO needs (workshop_id, team_id, kind, description, created_by, created_at, updated_at)
         SELECT w.id, $1, $2, $3, $4, $5, $5 FROM workshops w
         WHERE w.id = $6 AND w.phase IN ($7, $8)
         RETURNING id",
    )
    .bind(new.team.0)
    .bind(new.kind.as_str())
    .bind(new.description)
    .bind(new.created_by.map(|p| p.0))
    .bind(at)
    .bind(new.workshop.0)
    .bind(OPEN_PHASES.0)
    .bind(OPEN_PHASES.1)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(id) = id else {
        return Ok(None);
    };
    let id = NeedId(id);
    link(conn, new.team, id, new.unblocks).await?;
    Ok(Some(id))
}

async fn link(
    conn: &mut AnyConnection,
    team: TeamId,
    need: NeedId,
    unblocks: &[ActionId],
) -> AppResult<()> {
    for action in unblocks {
        sqlx::query(
            "INSERT INTO need_actions (need_id, action_id, team_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
        )
        .bind(need.0)
        .bind(action.0)
        .bind(team.0)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// An edit of a need, already checked.
#[derive(Debug, Clone)]
pub struct NeedEdit<'a> {
    /// The need.
    pub need: NeedId,
    /// Its team.
    pub team: TeamId,
    /// The version the editor started from.
    pub version: i64,
    /// New kind.
    pub kind: NeedKind,
    /// New description.
    pub description: &'a str,
    /// The actions it unblocks, replacing the old ones.
    pub unblocks: &'a [ActionId],
}

/// Writes an edit if the need is still at `version` and the phase allows it; returns the new
/// version, or `None` (nothing written). Call inside a transaction.
pub async fn update(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    edit: &NeedEdit<'_>,
) -> AppResult<Option<i64>> {
    let version: Option<i64> = sqlx::query_scalar(
        "UPDATE needs SET kind = $1, description = $2, version = version + 1, updated_at = $3
         WHERE id = $4 AND team_id = $5 AND version = $6
           AND EXISTS (SELECT 1 FROM workshops w WHERE w.id = $7 AND w.phase IN ($8, $9))
         RETURNING version",
    )
    .bind(edit.kind.as_str())
    .bind(edit.description)
    .bind(now())
    .bind(edit.need.0)
    .bind(edit.team.0)
    .bind(edit.version)
    .bind(workshop.0)
    .bind(OPEN_PHASES.0)
    .bind(OPEN_PHASES.1)
    .fetch_optional(&mut *conn)
    .await?;
    if version.is_none() {
        return Ok(None);
    }
    sqlx::query("DELETE FROM need_actions WHERE need_id = $1")
        .bind(edit.need.0)
        .execute(&mut *conn)
        .await?;
    link(conn, edit.team, edit.need, edit.unblocks).await?;
    Ok(version)
}

/// Deletes a need of `team` if the phase allows it; `false` when nothing was deleted. Its
/// links go with it.
pub async fn delete<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    team: TeamId,
    need: NeedId,
) -> AppResult<bool> {
    let done = sqlx::query(
        "DELETE FROM needs WHERE id = $1 AND team_id = $2
           AND EXISTS (SELECT 1 FROM workshops w WHERE w.id = $3 AND w.phase IN ($4, $5))",
    )
    .bind(need.0)
    .bind(team.0)
    .bind(workshop.0)
    .bind(OPEN_PHASES.0)
    .bind(OPEN_PHASES.1)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A need as the exports and the OGP commitments show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedNeed {
    /// Its kind.
    pub kind: NeedKind,
    /// What is needed.
    pub description: String,
    /// The actions it unblocks, oldest first.
    pub unblocks: Vec<ActionId>,
}

/// A team's needs for an export, oldest first.
pub async fn for_export(conn: &mut AnyConnection, team: TeamId) -> AppResult<Vec<ExportedNeed>> {
    Ok(team_needs(conn, team)
        .await?
        .into_iter()
        .map(|n| ExportedNeed {
            kind: n.kind,
            description: n.description,
            unblocks: n.unblocks,
        })
        .collect())
}
