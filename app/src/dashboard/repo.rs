//! What the dashboard reads from the database, in a handful of queries per workshop, however
//! many teams it has (a query per team cost more than the rest together at 100 teams).

use std::collections::HashMap;

use sqlx::{Any, Executor, Row};

use super::model::ShareResults;
use super::rules::{Layout, TeamAnswers, TeamInput};
use crate::assessment::repo::{read_mark, read_response};
use crate::assessment::MaturityLevel;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::ids::{FrameworkId, IndicatorId, TeamId, WorkshopId};
use crate::results::PillarColumn;
use crate::team::rules::Settled;
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

/// Every team's answers, counted by the database: per (indicator, response, mark), and how
/// many members gave how many answers to the framework's indicators. At most teams ×
/// indicators × 7 responses × 3 marks rows plus teams × (indicators + 1), however many
/// participants answered (reading every answer cost ~150 ms at 60,000).
pub async fn answer_counts_of_workshop<'e, E>(
    db: E,
    workshop: WorkshopId,
    framework: FrameworkId,
) -> AppResult<HashMap<TeamId, TeamAnswers>>
where
    E: Executor<'e, Database = Any> + Copy,
{
    let tallies = sqlx::query(
        "SELECT p.team_id, a.indicator_id, a.response, a.level, a.mark,
                CAST(COUNT(*) AS BIGINT) AS answers
         FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $1
         GROUP BY p.team_id, a.indicator_id, a.response, a.level, a.mark",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    // Only the framework's indicators count towards completion, as the layout has them.
    let per_member = sqlx::query(
        "SELECT team_id, answered, CAST(COUNT(*) AS BIGINT) AS members
         FROM (SELECT p.team_id AS team_id, CAST(COUNT(*) AS BIGINT) AS answered
               FROM answers a
               JOIN participants p ON p.id = a.participant_id
               JOIN indicators i ON i.id = a.indicator_id
               JOIN pillars pl ON pl.id = i.pillar_id
               WHERE p.workshop_id = $1 AND pl.framework_id = $2
               GROUP BY p.team_id, a.participant_id) member_answers
         GROUP BY team_id, answered",
    )
    .bind(workshop.0)
    .bind(framework.0)
    .fetch_all(db)
    .await?;
    let mut by_team: HashMap<TeamId, TeamAnswers> = HashMap::new();
    for row in &tallies {
        let answers: i64 = row.try_get("answers")?;
        let key = (
            IndicatorId(row.try_get("indicator_id")?),
            read_response(row)?,
            read_mark(row)?,
        );
        *by_team
            .entry(TeamId(row.try_get("team_id")?))
            .or_default()
            .tallies
            .entry(key)
            .or_default() += usize::try_from(answers).unwrap_or(0);
    }
    for row in &per_member {
        let answered: i64 = row.try_get("answered")?;
        let members: i64 = row.try_get("members")?;
        *by_team
            .entry(TeamId(row.try_get("team_id")?))
            .or_default()
            .per_member
            .entry(usize::try_from(answered).unwrap_or(0))
            .or_default() += usize::try_from(members).unwrap_or(0);
    }
    Ok(by_team)
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
    let mut answers = answer_counts_of_workshop(pool, workshop, facts.framework).await?;
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
