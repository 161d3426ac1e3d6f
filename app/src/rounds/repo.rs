//! Rounds in the database: which there are, opening the next one, and a closed round's
//! frozen answers read back as the dashboard reads live ones.

use std::collections::HashMap;

use sqlx::{Any, AnyConnection, Executor, Row};

use super::model::MAX_ROUND;
use super::rules::open_refusal;
use crate::assessment::repo::{read_mark, read_response};
use crate::assessment::MaturityLevel;
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::ids::{IndicatorId, ParticipantId, TeamId, WorkshopId};
use crate::team::rules::{MemberAnswer, Settled};
use crate::workshop::Phase;

fn round_number(value: i64) -> AppResult<u32> {
    u32::try_from(value).map_err(|_| AppError::internal("malformed round stored", value))
}

/// The workshop's current round and phase.
pub async fn current<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<(u32, Phase)> {
    let row = sqlx::query("SELECT round, phase FROM workshops WHERE id = $1")
        .bind(workshop.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let phase: String = row.try_get("phase")?;
    Ok((
        round_number(row.try_get("round")?)?,
        Phase::parse(&phase).ok_or_else(|| AppError::internal("unknown phase stored", &phase))?,
    ))
}

/// The closed rounds and when each was closed (seconds since the epoch), oldest first.
pub async fn closed<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<(u32, i64)>> {
    let rows = sqlx::query(
        "SELECT round, closed_at FROM assessment_rounds WHERE workshop_id = $1 ORDER BY round",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                round_number(row.try_get("round")?)?,
                row.try_get("closed_at")?,
            ))
        })
        .collect()
}

/// How many answers the current round holds.
pub async fn live_answers<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<u32> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $1",
    )
    .bind(workshop.0)
    .fetch_one(db)
    .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Closes round `expected` and opens the next: the live answers and settled levels are
/// copied into the round's archive and removed, and the workshop goes back to the
/// assessment phase. Call inside a transaction: either all of it happens or none.
///
/// The workshop row is updated first, guarded by the round and phase the caller saw, so a
/// second facilitator opening at the same time waits for this one and is then refused as
/// stale; nothing is copied unless that guard passed. Returns the new round.
pub async fn open_next(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    expected: u32,
) -> AppResult<u32> {
    let at = now();
    let round = i64::from(expected);
    let moved = sqlx::query(
        "UPDATE workshops SET round = round + 1, phase = 'assessment', updated_at = $1
         WHERE id = $2 AND round = $3 AND round < $4
           AND phase IN ('review', 'prioritisation', 'roadmap', 'closed')",
    )
    .bind(at)
    .bind(workshop.0)
    .bind(round)
    .bind(i64::from(MAX_ROUND))
    .execute(&mut *conn)
    .await?;
    if moved.rows_affected() != 1 {
        let (current, phase) = current(&mut *conn, workshop).await?;
        let reason = open_refusal(phase, current, expected)
            .ok_or_else(|| AppError::internal("round not opened", workshop))?;
        return Err(AppError::Conflict { reason });
    }
    sqlx::query(
        "INSERT INTO round_answers
             (workshop_id, round, participant_id, team_id, indicator_id, response, level, target_level, mark)
         SELECT p.workshop_id, $1, a.participant_id, p.team_id, a.indicator_id, a.response, a.level,
                a.target_level, a.mark
         FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $2",
    )
    .bind(round)
    .bind(workshop.0)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO round_consensus (workshop_id, round, team_id, indicator_id, level)
         SELECT t.workshop_id, $1, c.team_id, c.indicator_id, c.level
         FROM team_consensus c JOIN teams t ON t.id = c.team_id
         WHERE t.workshop_id = $2",
    )
    .bind(round)
    .bind(workshop.0)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO assessment_rounds (workshop_id, round, closed_at) VALUES ($1, $2, $3)",
    )
    .bind(workshop.0)
    .bind(round)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "DELETE FROM answers WHERE participant_id IN (SELECT id FROM participants WHERE workshop_id = $1)",
    )
    .bind(workshop.0)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "DELETE FROM team_consensus WHERE team_id IN (SELECT id FROM teams WHERE workshop_id = $1)",
    )
    .bind(workshop.0)
    .execute(&mut *conn)
    .await?;
    Ok(expected + 1)
}

/// The frozen answers of a closed round, by team and respondent, as
/// [`crate::dashboard::repo::answer_counts_of_workshop`] counts the live ones.
pub async fn archived_answers<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    round: u32,
) -> AppResult<Vec<(TeamId, ParticipantId, MemberAnswer)>> {
    let rows = sqlx::query(
        "SELECT team_id, participant_id, indicator_id, response, level, mark
         FROM round_answers WHERE workshop_id = $1 AND round = $2",
    )
    .bind(workshop.0)
    .bind(i64::from(round))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                TeamId(row.try_get("team_id")?),
                ParticipantId(row.try_get("participant_id")?),
                MemberAnswer {
                    indicator: IndicatorId(row.try_get("indicator_id")?),
                    response: read_response(row)?,
                    mark: read_mark(row)?,
                },
            ))
        })
        .collect()
}

/// The levels team leads had settled in a closed round, by team. Only the level is kept in
/// the archive; it is all the consensus needs.
pub async fn archived_settled<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    round: u32,
) -> AppResult<HashMap<TeamId, HashMap<IndicatorId, Settled>>> {
    let rows = sqlx::query(
        "SELECT team_id, indicator_id, level FROM round_consensus WHERE workshop_id = $1 AND round = $2",
    )
    .bind(workshop.0)
    .bind(i64::from(round))
    .fetch_all(db)
    .await?;
    let mut settled: HashMap<TeamId, HashMap<IndicatorId, Settled>> = HashMap::new();
    for row in rows {
        let level: i64 = row.try_get("level")?;
        let level = MaturityLevel::try_from(level)
            .map_err(|_| AppError::internal("malformed archived consensus", level))?;
        settled
            .entry(TeamId(row.try_get("team_id")?))
            .or_default()
            .insert(
                IndicatorId(row.try_get("indicator_id")?),
                Settled {
                    level: level.get(),
                    rationale: String::new(),
                    by: String::new(),
                    version: 0,
                },
            );
    }
    Ok(settled)
}
