//! What the dashboard reads from the database, in a handful of queries per workshop, however
//! many teams it has (a query per team cost more than the rest together at 100 teams).

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::model::ShareResults;
use super::rules::{AnswerCounts, Layout, TeamAnswers, TeamInput};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::ids::{FrameworkId, IndicatorId, TeamId, WorkshopId};
use crate::results::PillarColumn;
use crate::team::repo::settled_from_row;
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

/// Every team's answers, counted by the database: per (team, indicator), how many answers
/// gave each level, "does not apply", "don't know", and each mark; and how many members gave
/// how many answers to the framework's indicators. At most teams × (2 × indicators + 1) rows,
/// however many participants answered. Both queries start from the workshop's participants,
/// so other workshops' answers are never scanned.
pub async fn answer_counts_of_workshop<'e, E>(
    db: E,
    workshop: WorkshopId,
    framework: FrameworkId,
) -> AppResult<HashMap<TeamId, TeamAnswers>>
where
    E: Executor<'e, Database = Any> + Copy,
{
    let tallies = sqlx::query(
        "SELECT p.team_id, a.indicator_id,
                CAST(SUM(CASE WHEN a.level = 1 THEN 1 ELSE 0 END) AS BIGINT) AS l1,
                CAST(SUM(CASE WHEN a.level = 2 THEN 1 ELSE 0 END) AS BIGINT) AS l2,
                CAST(SUM(CASE WHEN a.level = 3 THEN 1 ELSE 0 END) AS BIGINT) AS l3,
                CAST(SUM(CASE WHEN a.level = 4 THEN 1 ELSE 0 END) AS BIGINT) AS l4,
                CAST(SUM(CASE WHEN a.level = 5 THEN 1 ELSE 0 END) AS BIGINT) AS l5,
                CAST(SUM(CASE WHEN a.response = 'not_applicable' THEN 1 ELSE 0 END) AS BIGINT) AS na,
                CAST(SUM(CASE WHEN a.response = 'dont_know' THEN 1 ELSE 0 END) AS BIGINT) AS dk,
                CAST(SUM(CASE WHEN a.mark = 'strength' THEN 1 ELSE 0 END) AS BIGINT) AS strengths,
                CAST(SUM(CASE WHEN a.mark = 'weakness' THEN 1 ELSE 0 END) AS BIGINT) AS weaknesses
         FROM participants p JOIN answers a ON a.participant_id = p.id
         WHERE p.workshop_id = $1
         GROUP BY p.team_id, a.indicator_id",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    // Only the framework's indicators count towards completion, as the layout has them.
    let per_member = sqlx::query(
        "SELECT team_id, answered, CAST(COUNT(*) AS BIGINT) AS members
         FROM (SELECT p.team_id AS team_id, CAST(COUNT(*) AS BIGINT) AS answered
               FROM participants p
               JOIN answers a ON a.participant_id = p.id
               JOIN indicators i ON i.id = a.indicator_id
               WHERE p.workshop_id = $1 AND i.framework_id = $2
               GROUP BY p.team_id, p.id) member_answers
         GROUP BY team_id, answered",
    )
    .bind(workshop.0)
    .bind(framework.0)
    .fetch_all(db)
    .await?;
    let number = |row: &AnyRow, column: &str| -> AppResult<usize> {
        let n: i64 = row.try_get(column)?;
        Ok(usize::try_from(n).unwrap_or(0))
    };
    let mut by_team: HashMap<TeamId, TeamAnswers> = HashMap::new();
    for row in &tallies {
        let counts = AnswerCounts {
            levels: [
                number(row, "l1")?,
                number(row, "l2")?,
                number(row, "l3")?,
                number(row, "l4")?,
                number(row, "l5")?,
            ],
            not_applicable: number(row, "na")?,
            dont_know: number(row, "dk")?,
            strengths: number(row, "strengths")?,
            weaknesses: number(row, "weaknesses")?,
        };
        by_team
            .entry(TeamId(row.try_get("team_id")?))
            .or_default()
            .by_indicator
            .insert(IndicatorId(row.try_get("indicator_id")?), counts);
    }
    for row in &per_member {
        *by_team
            .entry(TeamId(row.try_get("team_id")?))
            .or_default()
            .per_member
            .entry(number(row, "answered")?)
            .or_default() += number(row, "members")?;
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
    for row in &rows {
        by_team
            .entry(TeamId(row.try_get("team_id")?))
            .or_default()
            .insert(
                IndicatorId(row.try_get("indicator_id")?),
                settled_from_row(row)?,
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
