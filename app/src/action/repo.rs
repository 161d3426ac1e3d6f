//! Actions, their indicators, dependencies and dot votes in the database, and the ranking
//! read from them.

use std::collections::{BTreeMap, HashMap};

use sqlx::{Any, AnyConnection, Executor, Row};

use super::model::{
    priority_order, CostBand, DotRules, Moscow, RankedAction, Rating, Settings, Weights,
};
use super::rules::{indicator_gap, mean_gap, priority, quadrant, ScoreInput};
use crate::db::{now, Db};
use crate::error::{AppError, AppResult};
use crate::ids::{ActionId, IndicatorId, ParticipantId, TeamId, WorkshopId};
use crate::results::aggregate::median;

/// A workshop's prioritisation settings, from its columns.
pub async fn settings<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Settings> {
    let row = sqlx::query(
        "SELECT dots_per_participant, dots_stack, weight_relevance, weight_ambition,
                weight_feasibility, weight_resources, weight_gap
         FROM workshops WHERE id = $1",
    )
    .bind(workshop.0)
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let small = |column: &'static str| -> AppResult<u8> {
        let value: i64 = row.try_get(column)?;
        u8::try_from(value).map_err(|_| AppError::internal("malformed setting stored", column))
    };
    Ok(Settings {
        dots: DotRules {
            per_participant: small("dots_per_participant")?,
            stack: small("dots_stack")? == 1,
        },
        weights: Weights {
            relevance: small("weight_relevance")?,
            ambition: small("weight_ambition")?,
            feasibility: small("weight_feasibility")?,
            resources: small("weight_resources")?,
            gap: small("weight_gap")?,
        },
    })
}

/// The team's actions in priority order (MoSCoW must, should, could, untagged, won't; then
/// score, highest first; then id), each with its score and the terms that made it.
///
/// The score's inputs: the dots on each action against the most dots on any action of the
/// team; impact, effort and cost; and the mean gap of the linked indicators between the
/// team's consensus (the lead's settled level, else the members' median) and the median of
/// the members' target levels; weighted by the workshop's settings.
pub async fn ranked(db: &Db, workshop: WorkshopId, team: TeamId) -> AppResult<Vec<RankedAction>> {
    let mut conn = db.pool().acquire().await?;
    ranked_on(&mut conn, workshop, team).await
}

/// [`ranked`] on a given connection (inside a transaction, say).
pub async fn ranked_on(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    team: TeamId,
) -> AppResult<Vec<RankedAction>> {
    let weights = settings(&mut *conn, workshop).await?.weights;
    let rows = sqlx::query(
        "SELECT a.id, a.title, a.description, a.responsible_unit, a.impact, a.effort, a.cost_band,
                a.moscow, a.version,
                COALESCE((SELECT SUM(v.dots) FROM action_votes v WHERE v.action_id = a.id), 0) AS dots
         FROM actions a
         WHERE a.team_id = $1 AND a.workshop_id = $2
         ORDER BY a.id",
    )
    .bind(team.0)
    .bind(workshop.0)
    .fetch_all(&mut *conn)
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let links = indicator_links(&mut *conn, team).await?;
    let edges = team_edges(&mut *conn, team).await?;

    // The team's level and target on every indicator an action is linked to.
    let linked: Vec<IndicatorId> = {
        let mut ids: Vec<IndicatorId> = links
            .values()
            .flatten()
            .map(|(id, _)| *id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let answers = crate::team::repo::member_answers(&mut *conn, team).await?;
    let settled = crate::team::repo::settled(&mut *conn, team).await?;
    let targets = crate::team::repo::target_levels(&mut *conn, team).await?;
    let consensus = crate::team::rules::team_consensus(&linked, &answers, &settled);
    let gap_of = |indicator: IndicatorId| {
        let current = consensus
            .iter()
            .find(|c| c.indicator == indicator)
            .and_then(|c| c.consensus());
        let target = targets.get(&indicator).and_then(|levels| median(levels));
        indicator_gap(current, target)
    };

    struct Row0 {
        id: ActionId,
        title: String,
        description: String,
        unit: String,
        impact: Rating,
        effort: Rating,
        cost: CostBand,
        moscow: Option<Moscow>,
        dots: u32,
        version: i64,
    }
    let mut plain = Vec::with_capacity(rows.len());
    for row in &rows {
        let rating = |column: &'static str| -> AppResult<Rating> {
            let value: i64 = row.try_get(column)?;
            u8::try_from(value)
                .ok()
                .and_then(Rating::new)
                .ok_or_else(|| AppError::internal("malformed rating stored", value))
        };
        let cost: String = row.try_get("cost_band")?;
        let moscow: Option<String> = row.try_get("moscow")?;
        let dots: i64 = row.try_get("dots")?;
        plain.push(Row0 {
            id: ActionId(row.try_get("id")?),
            title: row.try_get("title")?,
            description: row.try_get("description")?,
            unit: row.try_get("responsible_unit")?,
            impact: rating("impact")?,
            effort: rating("effort")?,
            cost: CostBand::parse(&cost)
                .ok_or_else(|| AppError::internal("malformed cost band stored", &cost))?,
            moscow: match moscow {
                None => None,
                Some(m) => Some(
                    Moscow::parse(&m)
                        .ok_or_else(|| AppError::internal("malformed MoSCoW tag stored", &m))?,
                ),
            },
            dots: u32::try_from(dots).unwrap_or(0),
            version: row.try_get("version")?,
        });
    }
    let most_dots = plain.iter().map(|a| a.dots).max().unwrap_or(0);
    let mut ranked: Vec<RankedAction> = plain
        .into_iter()
        .map(|a| {
            let mine = links.get(&a.id).cloned().unwrap_or_default();
            let gap = mean_gap(mine.iter().map(|(id, _)| gap_of(*id)));
            let score = priority(
                &ScoreInput {
                    dots: a.dots,
                    most_dots,
                    impact: a.impact,
                    effort: a.effort,
                    cost: a.cost,
                    gap,
                },
                &weights,
            );
            RankedAction {
                id: a.id,
                title: a.title,
                description: a.description,
                unit: a.unit,
                impact: a.impact,
                effort: a.effort,
                cost: a.cost,
                moscow: a.moscow,
                dots: a.dots,
                score,
                quadrant: quadrant(a.impact, a.effort),
                indicators: mine.into_iter().map(|(_, code)| code).collect(),
                depends_on: edges
                    .iter()
                    .filter(|(from, _)| *from == a.id)
                    .map(|(_, to)| *to)
                    .collect(),
                version: a.version,
            }
        })
        .collect();
    ranked.sort_by(priority_order);
    Ok(ranked)
}

/// The indicators each of the team's actions is linked to, as (id, code) in framework order.
pub async fn indicator_links<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<BTreeMap<ActionId, Vec<(IndicatorId, String)>>> {
    let rows = sqlx::query(
        "SELECT ai.action_id, ai.indicator_id, i.code
         FROM action_indicators ai
         JOIN actions a ON a.id = ai.action_id
         JOIN indicators i ON i.id = ai.indicator_id
         JOIN pillars p ON p.id = i.pillar_id
         WHERE a.team_id = $1
         ORDER BY ai.action_id, p.position, i.position",
    )
    .bind(team.0)
    .fetch_all(db)
    .await?;
    let mut links: BTreeMap<ActionId, Vec<(IndicatorId, String)>> = BTreeMap::new();
    for row in rows {
        links
            .entry(ActionId(row.try_get("action_id")?))
            .or_default()
            .push((IndicatorId(row.try_get("indicator_id")?), row.try_get("code")?));
    }
    Ok(links)
}

/// The team's dependencies, as `(action, depends_on)` pairs in a stable order.
pub async fn team_edges<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<Vec<(ActionId, ActionId)>> {
    let rows = sqlx::query(
        "SELECT action_id, depends_on FROM action_dependencies WHERE team_id = $1
         ORDER BY action_id, depends_on",
    )
    .bind(team.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                ActionId(row.try_get("action_id")?),
                ActionId(row.try_get("depends_on")?),
            ))
        })
        .collect()
}

/// A new action, already checked (see [`super::rules::parse_proposal`]).
#[derive(Debug, Clone)]
pub struct NewAction<'a> {
    /// The workshop.
    pub workshop: WorkshopId,
    /// The team it belongs to.
    pub team: TeamId,
    /// Title, 1–200 characters.
    pub title: &'a str,
    /// Description, up to 4000 characters.
    pub description: &'a str,
    /// Responsible unit, 1–120 characters.
    pub unit: &'a str,
    /// Expected impact.
    pub impact: Rating,
    /// Effort.
    pub effort: Rating,
    /// Cost band.
    pub cost: CostBand,
    /// Indicators of the workshop's framework it improves.
    pub indicators: &'a [IndicatorId],
    /// Actions of the same team it depends on.
    pub depends_on: &'a [ActionId],
    /// Who proposed it (`None` for a facilitator or the demo).
    pub proposed_by: Option<ParticipantId>,
}

/// Stores a new action with its indicators and dependencies. Call inside a transaction: the
/// dependencies' foreign key refuses another team's action, and a new action cannot close a
/// cycle because nothing depends on it yet.
pub async fn create(conn: &mut AnyConnection, new: &NewAction<'_>) -> AppResult<ActionId> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO actions (workshop_id, team_id, title, description, responsible_unit, impact,
                              effort, cost_band, proposed_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(new.workshop.0)
    .bind(new.team.0)
    .bind(new.title)
    .bind(new.description)
    .bind(new.unit)
    .bind(i64::from(new.impact.get()))
    .bind(i64::from(new.effort.get()))
    .bind(new.cost.as_str())
    .bind(new.proposed_by.map(|p| p.0))
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    let id = ActionId(id);
    link_indicators(conn, id, new.indicators).await?;
    add_dependencies(conn, new.team, id, new.depends_on).await?;
    Ok(id)
}

async fn link_indicators(
    conn: &mut AnyConnection,
    action: ActionId,
    indicators: &[IndicatorId],
) -> AppResult<()> {
    for indicator in indicators {
        sqlx::query(
            "INSERT INTO action_indicators (action_id, indicator_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING",
        )
        .bind(action.0)
        .bind(indicator.0)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

async fn add_dependencies(
    conn: &mut AnyConnection,
    team: TeamId,
    action: ActionId,
    depends_on: &[ActionId],
) -> AppResult<()> {
    for to in depends_on {
        sqlx::query(
            "INSERT INTO action_dependencies (action_id, depends_on, team_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
        )
        .bind(action.0)
        .bind(to.0)
        .bind(team.0)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Dots per action of a participant.
pub async fn my_dots<'e>(
    db: impl Executor<'e, Database = Any>,
    participant: ParticipantId,
) -> AppResult<HashMap<ActionId, u32>> {
    let rows = sqlx::query("SELECT action_id, dots FROM action_votes WHERE participant_id = $1")
        .bind(participant.0)
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|row| {
            let dots: i64 = row.try_get("dots")?;
            Ok((
                ActionId(row.try_get("action_id")?),
                u32::try_from(dots).unwrap_or(0),
            ))
        })
        .collect()
}
