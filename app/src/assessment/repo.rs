//! Answers in the database.

use sqlx::{Any, Executor, Row};

use super::{Answer, Response};
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::ids::{IndicatorId, ParticipantId, TeamId, WorkshopId};

/// Saves an answer, replacing the participant's earlier answer to the same indicator.
pub async fn upsert<'e>(db: impl Executor<'e, Database = Any>, answer: &Answer) -> AppResult<()> {
    let (kind, level) = answer.response.to_columns();
    let at = now();
    sqlx::query(
        "INSERT INTO answers (participant_id, indicator_id, response, level, target_level, evidence_url, note, mark, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (participant_id, indicator_id) DO UPDATE SET
             response = excluded.response, level = excluded.level, target_level = excluded.target_level,
             evidence_url = excluded.evidence_url, note = excluded.note, mark = excluded.mark,
             version = answers.version + 1, updated_at = excluded.updated_at",
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
    .execute(db)
    .await?;
    Ok(())
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
    rows.into_iter()
        .map(|row| {
            let kind: String = row.try_get("response")?;
            let level: Option<i64> = row.try_get("level")?;
            Ok(ResponseRow {
                team: TeamId(row.try_get("team_id")?),
                participant: ParticipantId(row.try_get("participant_id")?),
                indicator: IndicatorId(row.try_get("indicator_id")?),
                response: Response::from_columns(&kind, level)
                    .ok_or_else(|| AppError::internal("malformed answer stored", &kind))?,
            })
        })
        .collect()
}
