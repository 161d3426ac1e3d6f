//! What the dashboard reads from the database, in a handful of queries per workshop, however
//! many teams it has (a query per team cost more than the rest together at 100 teams).

use std::collections::HashMap;

use sqlx::{Any, Executor, Row};

use super::model::ShareResults;
use super::rules::{Layout, TeamInput};
use crate::assessment::repo::{read_mark, read_response};
use crate::assessment::MaturityLevel;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::ids::{IndicatorId, ParticipantId, TeamId, WorkshopId};
use crate::results::PillarColumn;
use crate::team::rules::{MemberAnswer, Settled};
use crate::workshop::repo::WorkshopFacts;

/// What the workshop's facilitators chose to share with participants.
pub async fn share_results<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<ShareResults> {
    let value: String = sqlx::query_scalar("SELECT share_results FROM workshops WHERE id = $1")
        .bind(workshop.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)?;
    ShareResults::parse(&value)
        .ok_or_else(|| AppError::internal("unknown share_results stored", &value))
}

/// How many people joined each team of a workshop (teams nobody joined are absent).
pub async fn members_per_team<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<HashMap<TeamId, usize>> {
    let rows = sqlx::query(
        "SELECT team_id, COUNT(*) AS members FROM participants WHERE workshop_id = $1 GROUP BY team_id",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let members: i64 = row.try_get("members")?;
            Ok((
                TeamId(row.try_get("team_id")?),
                usize::try_from(members).unwrap_or(0),
            ))
        })
        .collect()
}

/// Every answer of a workshop with its mark, by team and respondent; no free text.
pub async fn answers_of_workshop<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<(TeamId, ParticipantId, MemberAnswer)>> {
    let rows = sqlx::query(
        "SELECT p.team_id, a.participant_id, a.indicator_id, a.response, a.level, a.mark
         FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $1",
    )
    .bind(workshop.0)
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

/// The levels the leads of every team of a workshop settled, by team.
pub async fn settled_of_workshop<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<HashMap<TeamId, HashMap<IndicatorId, Settled>>> {
    let rows = sqlx::query(
        "SELECT c.team_id, c.indicator_id, c.level, c.rationale, c.version,
                COALESCE(p.display_name, '') AS by_name
         FROM team_consensus c
         JOIN teams t ON t.id = c.team_id
         LEFT JOIN participants p ON p.id = c.set_by
         WHERE t.workshop_id = $1",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    let mut by_team: HashMap<TeamId, HashMap<IndicatorId, Settled>> = HashMap::new();
    for row in rows {
        let level: i64 = row.try_get("level")?;
        by_team
            .entry(TeamId(row.try_get("team_id")?))
            .or_default()
            .insert(
                IndicatorId(row.try_get("indicator_id")?),
                Settled {
                    level: MaturityLevel::try_from(level)
                        .map_err(|_| AppError::internal("malformed consensus stored", level))?
                        .get(),
                    rationale: row.try_get("rationale")?,
                    by: row.try_get("by_name")?,
                    version: row.try_get("version")?,
                },
            );
    }
    Ok(by_team)
}

/// The framework's layout and every team's raw material, in display order, with the teams' ids.
pub async fn inputs(
    db: &Db,
    workshop: WorkshopId,
    facts: &WorkshopFacts,
) -> AppResult<(Layout, Vec<(TeamId, TeamInput)>)> {
    let pool = db.pool();
    let outline = crate::framework::repo::outline(pool, facts.framework).await?;
    let teams = crate::workshop::repo::teams(pool, workshop).await?;
    let members = members_per_team(pool, workshop).await?;
    let mut settled = settled_of_workshop(pool, workshop).await?;
    // Grouped in one pass: partitioning the whole list once per team grew with teams × answers.
    let mut answers: HashMap<TeamId, Vec<(ParticipantId, MemberAnswer)>> = HashMap::new();
    for (team, who, answer) in answers_of_workshop(pool, workshop).await? {
        answers.entry(team).or_default().push((who, answer));
    }
    let inputs = teams
        .into_iter()
        .map(|team| {
            (
                team.id,
                TeamInput {
                    name: team.name,
                    members: members.get(&team.id).copied().unwrap_or(0),
                    answers: answers.remove(&team.id).unwrap_or_default(),
                    settled: settled.remove(&team.id).unwrap_or_default(),
                },
            )
        })
        .collect();
    let layout = Layout {
        sets: outline
            .iter()
            .map(|p| p.indicators.iter().map(|i| i.id).collect())
            .collect(),
        indicators: outline
            .iter()
            .enumerate()
            .flat_map(|(pillar, p)| {
                p.indicators
                    .iter()
                    .map(move |i| super::model::IndicatorColumn {
                        code: i.code.clone(),
                        name: i.name.clone(),
                        pillar,
                    })
            })
            .collect(),
        pillars: outline
            .into_iter()
            .map(|p| PillarColumn {
                code: p.code,
                name: p.name,
            })
            .collect(),
    };
    Ok((layout, inputs))
}
