//! Team answers and settled consensus in the database.

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row};

use super::rules::{MemberAnswer, Settled};
use crate::assessment::repo::{read_mark, read_response};
use crate::assessment::MaturityLevel;
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::ids::{IndicatorId, ParticipantId, TeamId};

/// Every answer of a team's members, without free text.
pub async fn member_answers<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<Vec<MemberAnswer>> {
    let rows = sqlx::query(
        "SELECT a.indicator_id, a.response, a.level, a.mark
         FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.team_id = $1",
    )
    .bind(team.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(MemberAnswer {
                indicator: IndicatorId(row.try_get("indicator_id")?),
                response: read_response(row)?,
                mark: read_mark(row)?,
            })
        })
        .collect()
}

/// How many people are in a team, and how many of them answered something.
pub async fn headcount<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<(i64, i64)> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS members,
                COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM answers a WHERE a.participant_id = p.id)) AS respondents
         FROM participants p WHERE p.team_id = $1",
    )
    .bind(team.0)
    .fetch_one(db)
    .await?;
    Ok((row.try_get("members")?, row.try_get("respondents")?))
}

/// The levels the team's leads have settled.
pub async fn settled<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<HashMap<IndicatorId, Settled>> {
    let rows = sqlx::query(
        "SELECT c.indicator_id, c.level, c.rationale, c.version, COALESCE(p.display_name, '') AS by_name
         FROM team_consensus c LEFT JOIN participants p ON p.id = c.set_by
         WHERE c.team_id = $1",
    )
    .bind(team.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                IndicatorId(row.try_get("indicator_id")?),
                settled_from_row(row)?,
            ))
        })
        .collect()
}

/// A settled level from a row with the columns `level`, `rationale`, `version` and `by_name`
/// (the lead's name, empty when they left).
pub fn settled_from_row(row: &AnyRow) -> AppResult<Settled> {
    let level: i64 = row.try_get("level")?;
    Ok(Settled {
        level: MaturityLevel::try_from(level)
            .map_err(|_| AppError::internal("malformed consensus stored", level))?
            .get(),
        rationale: row.try_get("rationale")?,
        by: row.try_get("by_name")?,
        version: row.try_get("version")?,
    })
}

/// What a lead wants to settle.
#[derive(Debug, Clone)]
pub struct Settle<'a> {
    /// Team.
    pub team: TeamId,
    /// Indicator.
    pub indicator: IndicatorId,
    /// Level.
    pub level: MaturityLevel,
    /// Why.
    pub rationale: &'a str,
    /// The lead.
    pub by: ParticipantId,
    /// The version the lead started from; 0 when nothing was settled yet.
    pub expected_version: i64,
}

/// Settles a level if nobody changed it since `expected_version`; otherwise answers with the
/// current value, so the lead sees what they would have overwritten.
pub async fn settle(conn: &mut AnyConnection, settle: &Settle<'_>) -> AppResult<i64> {
    let at = now();
    let level = i64::from(settle.level.get());
    let written: Option<i64> = if settle.expected_version == 0 {
        sqlx::query_scalar(
            "INSERT INTO team_consensus (team_id, indicator_id, level, rationale, set_by, version, updated_at)
             VALUES ($1, $2, $3, $4, $5, 1, $6)
             ON CONFLICT (team_id, indicator_id) DO NOTHING
             RETURNING version",
        )
        .bind(settle.team.0)
        .bind(settle.indicator.0)
        .bind(level)
        .bind(settle.rationale)
        .bind(settle.by.0)
        .bind(at)
        .fetch_optional(&mut *conn)
        .await?
    } else {
        sqlx::query_scalar(
            "UPDATE team_consensus SET level = $1, rationale = $2, set_by = $3, version = version + 1, updated_at = $4
             WHERE team_id = $5 AND indicator_id = $6 AND version = $7
             RETURNING version",
        )
        .bind(level)
        .bind(settle.rationale)
        .bind(settle.by.0)
        .bind(at)
        .bind(settle.team.0)
        .bind(settle.indicator.0)
        .bind(settle.expected_version)
        .fetch_optional(&mut *conn)
        .await?
    };
    if let Some(version) = written {
        return Ok(version);
    }
    let current = settled(&mut *conn, settle.team)
        .await?
        .remove(&settle.indicator);
    Err(match current {
        Some(current) => AppError::EditConflict {
            level: current.level,
            rationale: current.rationale,
            by: current.by,
            version: current.version,
        },
        // The version named does not exist and nothing is settled: the form is stale.
        None => AppError::Conflict {
            reason: crate::i18n::Key::ErrStaleForm,
        },
    })
}

/// The target levels the team's members gave in the current round's answers, per indicator,
/// lowest first. Indicators nobody gave a target for are absent.
pub async fn target_levels<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<HashMap<IndicatorId, Vec<u8>>> {
    let rows = sqlx::query(
        "SELECT a.indicator_id, a.target_level
         FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.team_id = $1 AND a.target_level IS NOT NULL
         ORDER BY a.indicator_id, a.target_level",
    )
    .bind(team.0)
    .fetch_all(db)
    .await?;
    let mut targets: HashMap<IndicatorId, Vec<u8>> = HashMap::new();
    for row in rows {
        let level: i64 = row.try_get("target_level")?;
        let level = u8::try_from(level)
            .ok()
            .filter(|l| (1..=5).contains(l))
            .ok_or_else(|| AppError::internal("malformed target level stored", level))?;
        targets
            .entry(IndicatorId(row.try_get("indicator_id")?))
            .or_default()
            .push(level);
    }
    Ok(targets)
}
