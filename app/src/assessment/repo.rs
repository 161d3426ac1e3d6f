//! Answers in the database.

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::{Answer, Mark, MaturityLevel, Response};
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::ids::{IndicatorId, ParticipantId, TeamId, WorkshopId};

/// Saves an answer, replacing the participant's earlier answer to the same indicator, if the
/// participant's workshop is in the assessment phase and the indicator is in its framework.
/// Returns the answer's new version, or `None` when the phase is not open or the indicator not
/// the workshop's.
///
/// Both are checked in the same statement as the write, so a save racing the facilitator's
/// closing of the phase cannot slip in after it, and a save costs one round trip, not two.
pub async fn upsert<'e>(
    db: impl Executor<'e, Database = Any>,
    answer: &Answer,
) -> AppResult<Option<i64>> {
    let (kind, level) = answer.response.to_columns();
    let at = now();
    // The WHERE clause also keeps SQLite's parser from reading ON CONFLICT as a join's ON.
    let version: Option<i64> = sqlx::query_scalar(
        "INSERT INTO answers (participant_id, indicator_id, response, level, target_level, evidence_url, note, mark, created_at, updated_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $9
         WHERE EXISTS (
             SELECT 1 FROM participants p
             JOIN workshops w ON w.id = p.workshop_id
             JOIN indicators i ON i.framework_id = w.framework_id
             WHERE p.id = $1 AND w.phase = 'assessment' AND i.id = $2
         )
         ON CONFLICT (participant_id, indicator_id) DO UPDATE SET
             response = excluded.response, level = excluded.level, target_level = excluded.target_level,
             evidence_url = excluded.evidence_url, note = excluded.note, mark = excluded.mark,
             version = answers.version + 1, updated_at = excluded.updated_at
         RETURNING version",
    )
    .bind(answer.participant.0)
    .bind(answer.indicator.0)
    .bind(kind)
    .bind(level)
    .bind(answer.target.map(|t| i64::from(t.get())))
    .bind(answer.evidence_url.as_deref())
    .bind(answer.note.as_deref())
    .bind(answer.mark.as_str())
    .bind(at)
    .fetch_optional(db)
    .await?;
    Ok(version)
}

/// One answer reduced to what aggregation needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResponseRow {
    /// The respondent's team.
    pub team: TeamId,
    /// The respondent.
    pub participant: ParticipantId,
    /// The indicator.
    pub indicator: IndicatorId,
    /// The response.
    pub response: Response,
}

/// Every answer of a workshop, without free text.
pub async fn responses_of_workshop<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<ResponseRow>> {
    let rows = sqlx::query(
        "SELECT p.team_id, a.participant_id, a.indicator_id, a.response, a.level
         FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $1",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ResponseRow {
                team: TeamId(row.try_get("team_id")?),
                participant: ParticipantId(row.try_get("participant_id")?),
                indicator: IndicatorId(row.try_get("indicator_id")?),
                response: read_response(row)?,
            })
        })
        .collect()
}

/// Every answer of one participant.
pub async fn answers_of<'e>(
    db: impl Executor<'e, Database = Any>,
    participant: ParticipantId,
) -> AppResult<Vec<Answer>> {
    let rows = sqlx::query(
        "SELECT indicator_id, response, level, target_level, evidence_url, note, mark
         FROM answers WHERE participant_id = $1",
    )
    .bind(participant.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let target: Option<i64> = row.try_get("target_level")?;
            Ok(Answer {
                participant,
                indicator: IndicatorId(row.try_get("indicator_id")?),
                response: read_response(row)?,
                target: target.and_then(|t| MaturityLevel::try_from(t).ok()),
                evidence_url: row.try_get("evidence_url")?,
                note: row.try_get("note")?,
                mark: read_mark(row)?,
            })
        })
        .collect()
}

/// The response of a row with the `response` and `level` columns of `answers`.
pub fn read_response(row: &AnyRow) -> AppResult<Response> {
    let kind: String = row.try_get("response")?;
    Response::from_columns(&kind, row.try_get("level")?)
        .ok_or_else(|| AppError::internal("malformed answer stored", &kind))
}

/// The mark of a row with the `mark` column of `answers`.
pub fn read_mark(row: &AnyRow) -> AppResult<Mark> {
    let mark: String = row.try_get("mark")?;
    Mark::parse(&mark).ok_or_else(|| AppError::internal("malformed mark stored", &mark))
}

/// Whether an indicator belongs to a framework.
pub async fn indicator_in_framework<'e>(
    db: impl Executor<'e, Database = Any>,
    indicator: IndicatorId,
    framework: crate::ids::FrameworkId,
) -> AppResult<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM indicators WHERE id = $1 AND framework_id = $2")
            .bind(indicator.0)
            .bind(framework.0)
            .fetch_optional(db)
            .await?;
    Ok(found.is_some())
}

/// One answer of a workshop as facilitators may read it: no name, no free text.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffAnswerRow {
    /// The respondent's team.
    pub team: TeamId,
    /// The respondent (never shown; numbered per team by the caller).
    pub participant: ParticipantId,
    /// The indicator's code.
    pub indicator: String,
    /// The response.
    pub response: Response,
    /// The level to reach.
    pub target: Option<MaturityLevel>,
    /// Strength, weakness or neither.
    pub mark: Mark,
}

/// Every answer of a workshop by team, respondent and indicator, without free text.
pub async fn staff_answers_of_workshop<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<StaffAnswerRow>> {
    let rows = sqlx::query(
        "SELECT p.team_id, a.participant_id, i.code, a.response, a.level, a.target_level, a.mark
         FROM answers a JOIN participants p ON p.id = a.participant_id
         JOIN indicators i ON i.id = a.indicator_id
         JOIN pillars pl ON pl.id = i.pillar_id
         WHERE p.workshop_id = $1
         ORDER BY p.team_id, a.participant_id, pl.position, i.position",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let target: Option<i64> = row.try_get("target_level")?;
            Ok(StaffAnswerRow {
                team: TeamId(row.try_get("team_id")?),
                participant: ParticipantId(row.try_get("participant_id")?),
                indicator: row.try_get("code")?,
                response: read_response(row)?,
                target: target.and_then(|t| MaturityLevel::try_from(t).ok()),
                mark: read_mark(row)?,
            })
        })
        .collect()
}

/// The first participant of a team with exactly this display name, if any.
pub async fn respondent_named<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
    name: &str,
) -> AppResult<Option<ParticipantId>> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM participants WHERE team_id = $1 AND display_name = $2 ORDER BY id LIMIT 1",
    )
    .bind(team.0)
    .bind(name)
    .fetch_optional(db)
    .await?;
    Ok(id.map(ParticipantId))
}
