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
                CAST(COALESCE((SELECT SUM(v.dots) FROM action_votes v WHERE v.action_id = a.id), 0) AS BIGINT) AS dots
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
        let mut ids: Vec<IndicatorId> = links.values().flatten().map(|(id, _)| *id).collect();
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
            .push((
                IndicatorId(row.try_get("indicator_id")?),
                row.try_get("code")?,
            ));
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

/// Who is changing actions, and so in which phases they may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    /// A member of the action's team: in the prioritisation phase only.
    Member,
    /// A facilitator of the workshop: in prioritisation and roadmap.
    Facilitator,
}

impl Editor {
    /// The phases (stored values) in which this editor may change actions; the second repeats
    /// the first when there is only one, so both fit one `IN ($a, $b)`.
    pub fn phases(self) -> (&'static str, &'static str) {
        match self {
            Editor::Member => ("prioritisation", "prioritisation"),
            Editor::Facilitator => ("prioritisation", "roadmap"),
        }
    }
}

/// An action's team, title and version, if it belongs to the workshop.
pub async fn action_facts<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    action: ActionId,
) -> AppResult<Option<(TeamId, String, i64)>> {
    let row = sqlx::query(
        "SELECT team_id, title, version FROM actions WHERE id = $1 AND workshop_id = $2",
    )
    .bind(action.0)
    .bind(workshop.0)
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        Ok((
            TeamId(row.try_get("team_id")?),
            row.try_get("title")?,
            row.try_get("version")?,
        ))
    })
    .transpose()
}

/// The titles of a team's actions, by id.
pub async fn titles<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<BTreeMap<ActionId, String>> {
    let rows = sqlx::query("SELECT id, title FROM actions WHERE team_id = $1")
        .bind(team.0)
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|row| Ok((ActionId(row.try_get("id")?), row.try_get("title")?)))
        .collect()
}

/// Whether the workshop is in one of the editor's phases.
pub async fn phase_allows<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    editor: Editor,
) -> AppResult<bool> {
    let (a, b) = editor.phases();
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM workshops WHERE id = $1 AND phase IN ($2, $3)")
            .bind(workshop.0)
            .bind(a)
            .bind(b)
            .fetch_optional(db)
            .await?;
    Ok(found.is_some())
}

/// An edit of an action's fields, already checked.
#[derive(Debug, Clone)]
pub struct Edit<'a> {
    /// The action.
    pub action: ActionId,
    /// Its team.
    pub team: TeamId,
    /// The version the editor started from.
    pub version: i64,
    /// New title.
    pub title: &'a str,
    /// New description.
    pub description: &'a str,
    /// New responsible unit.
    pub unit: &'a str,
    /// New impact.
    pub impact: Rating,
    /// New effort.
    pub effort: Rating,
    /// New cost band.
    pub cost: CostBand,
    /// The indicators it improves, replacing the old ones.
    pub indicators: &'a [IndicatorId],
    /// Its dependencies, replacing the old ones (already checked for cycles).
    pub depends_on: &'a [ActionId],
}

/// Writes an edit if the action is still at `version` and the phase allows the editor;
/// returns the new version, or `None` (nothing written) when either does not hold. Call
/// inside a transaction.
pub async fn update(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    editor: Editor,
    edit: &Edit<'_>,
) -> AppResult<Option<i64>> {
    let (a, b) = editor.phases();
    let version: Option<i64> = sqlx::query_scalar(
        "UPDATE actions SET title = $1, description = $2, responsible_unit = $3, impact = $4,
                effort = $5, cost_band = $6, version = version + 1, updated_at = $7
         WHERE id = $8 AND team_id = $9 AND version = $10
           AND EXISTS (SELECT 1 FROM workshops w WHERE w.id = $11 AND w.phase IN ($12, $13))
         RETURNING version",
    )
    .bind(edit.title)
    .bind(edit.description)
    .bind(edit.unit)
    .bind(i64::from(edit.impact.get()))
    .bind(i64::from(edit.effort.get()))
    .bind(edit.cost.as_str())
    .bind(now())
    .bind(edit.action.0)
    .bind(edit.team.0)
    .bind(edit.version)
    .bind(workshop.0)
    .bind(a)
    .bind(b)
    .fetch_optional(&mut *conn)
    .await?;
    if version.is_none() {
        return Ok(None);
    }
    sqlx::query("DELETE FROM action_indicators WHERE action_id = $1")
        .bind(edit.action.0)
        .execute(&mut *conn)
        .await?;
    link_indicators(conn, edit.action, edit.indicators).await?;
    replace_dependencies(conn, edit.team, edit.action, edit.depends_on).await?;
    Ok(version)
}

/// Replaces an action's dependencies (already checked). Call inside a transaction.
pub async fn replace_dependencies(
    conn: &mut AnyConnection,
    team: TeamId,
    action: ActionId,
    depends_on: &[ActionId],
) -> AppResult<()> {
    sqlx::query("DELETE FROM action_dependencies WHERE action_id = $1")
        .bind(action.0)
        .execute(&mut *conn)
        .await?;
    add_dependencies(conn, team, action, depends_on).await
}

/// Bumps an action's version (after its dependencies changed), if the phase allows the
/// editor; `false` when it does not.
pub async fn touch(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    editor: Editor,
    action: ActionId,
) -> AppResult<bool> {
    let (a, b) = editor.phases();
    let done = sqlx::query(
        "UPDATE actions SET version = version + 1, updated_at = $1
         WHERE id = $2 AND EXISTS (SELECT 1 FROM workshops w WHERE w.id = $3 AND w.phase IN ($4, $5))",
    )
    .bind(now())
    .bind(action.0)
    .bind(workshop.0)
    .bind(a)
    .bind(b)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes an action of `team` if the phase allows the editor; `false` when nothing was
/// deleted. Its votes, links and dependencies go with it.
pub async fn delete<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    editor: Editor,
    team: TeamId,
    action: ActionId,
) -> AppResult<bool> {
    let (a, b) = editor.phases();
    let done = sqlx::query(
        "DELETE FROM actions WHERE id = $1 AND team_id = $2
           AND EXISTS (SELECT 1 FROM workshops w WHERE w.id = $3 AND w.phase IN ($4, $5))",
    )
    .bind(action.0)
    .bind(team.0)
    .bind(workshop.0)
    .bind(a)
    .bind(b)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets the team lead's MoSCoW tag on an action of `team`, in prioritisation or roadmap;
/// `false` when nothing was written.
pub async fn set_moscow<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    team: TeamId,
    action: ActionId,
    tag: Option<Moscow>,
) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE actions SET moscow = $1, version = version + 1, updated_at = $2
         WHERE id = $3 AND team_id = $4
           AND EXISTS (SELECT 1 FROM workshops w WHERE w.id = $5 AND w.phase IN ('prioritisation', 'roadmap'))",
    )
    .bind(tag.map(Moscow::as_str))
    .bind(now())
    .bind(action.0)
    .bind(team.0)
    .bind(workshop.0)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Why a vote was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteRefusal {
    /// Voting is closed (not the prioritisation phase).
    Closed,
    /// Every dot is already placed.
    NoDotsLeft,
    /// Stacking is off and this participant already has a dot on the action.
    NoStacking,
    /// Nothing to take back.
    NoDot,
}

/// Serialises a participant's votes: a write on their row first, so two requests of the
/// same participant (two tabs) take turns — on PostgreSQL the row lock, on SQLite the
/// database's write lock — and each sees what the other placed.
async fn lock_participant(conn: &mut AnyConnection, participant: ParticipantId) -> AppResult<()> {
    sqlx::query("UPDATE participants SET team_id = team_id WHERE id = $1")
        .bind(participant.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Puts one of the participant's dots on an action of their team. The phase, the allowance
/// and the stacking rule are checked in the same statement as the write, after the
/// participant's votes are locked (see [`lock_participant`]). Returns the participant's dots
/// on the action. Call inside a transaction.
pub async fn vote(
    conn: &mut AnyConnection,
    participant: ParticipantId,
    action: ActionId,
) -> AppResult<Result<u32, VoteRefusal>> {
    lock_participant(conn, participant).await?;
    let dots: Option<i64> = sqlx::query_scalar(
        "INSERT INTO action_votes (action_id, participant_id, dots)
         SELECT a.id, p.id, 1
         FROM actions a
         JOIN participants p ON p.team_id = a.team_id AND p.id = $2
         JOIN workshops w ON w.id = a.workshop_id
         WHERE a.id = $1 AND w.phase = 'prioritisation'
           AND (SELECT CAST(COALESCE(SUM(v.dots), 0) AS BIGINT) FROM action_votes v WHERE v.participant_id = p.id)
               < w.dots_per_participant
         ON CONFLICT (action_id, participant_id) DO UPDATE SET dots = action_votes.dots + 1
         WHERE EXISTS (SELECT 1 FROM workshops w2 JOIN actions a2 ON a2.workshop_id = w2.id
                       WHERE a2.id = excluded.action_id AND w2.dots_stack = 1)
         RETURNING dots",
    )
    .bind(action.0)
    .bind(participant.0)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(dots) = dots {
        return Ok(Ok(u32::try_from(dots).unwrap_or(0)));
    }
    // Nothing written: say why.
    let row = sqlx::query(
        "SELECT w.phase, w.dots_per_participant,
                (SELECT CAST(COALESCE(SUM(v.dots), 0) AS BIGINT) FROM action_votes v WHERE v.participant_id = p.id) AS used
         FROM participants p JOIN workshops w ON w.id = p.workshop_id WHERE p.id = $1",
    )
    .bind(participant.0)
    .fetch_one(&mut *conn)
    .await?;
    let phase: String = row.try_get("phase")?;
    let allowance: i64 = row.try_get("dots_per_participant")?;
    let used: i64 = row.try_get("used")?;
    Ok(Err(if phase != "prioritisation" {
        VoteRefusal::Closed
    } else if used >= allowance {
        VoteRefusal::NoDotsLeft
    } else {
        VoteRefusal::NoStacking
    }))
}

/// Takes one of the participant's dots back from an action, in the prioritisation phase.
/// Returns the dots left on it. Call inside a transaction.
pub async fn unvote(
    conn: &mut AnyConnection,
    participant: ParticipantId,
    action: ActionId,
) -> AppResult<Result<u32, VoteRefusal>> {
    lock_participant(conn, participant).await?;
    let open: Option<i64> = sqlx::query_scalar(
        "SELECT w.id FROM participants p JOIN workshops w ON w.id = p.workshop_id
         WHERE p.id = $1 AND w.phase = 'prioritisation'",
    )
    .bind(participant.0)
    .fetch_optional(&mut *conn)
    .await?;
    if open.is_none() {
        return Ok(Err(VoteRefusal::Closed));
    }
    let left: Option<i64> = sqlx::query_scalar(
        "UPDATE action_votes SET dots = dots - 1
         WHERE action_id = $1 AND participant_id = $2 AND dots > 1 RETURNING dots",
    )
    .bind(action.0)
    .bind(participant.0)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(left) = left {
        return Ok(Ok(u32::try_from(left).unwrap_or(0)));
    }
    let removed = sqlx::query(
        "DELETE FROM action_votes WHERE action_id = $1 AND participant_id = $2 AND dots = 1",
    )
    .bind(action.0)
    .bind(participant.0)
    .execute(&mut *conn)
    .await?;
    Ok(if removed.rows_affected() == 1 {
        Ok(0)
    } else {
        Err(VoteRefusal::NoDot)
    })
}

/// Stores a workshop's prioritisation settings unless it is closed; `false` when closed.
pub async fn save_settings<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    settings: &Settings,
) -> AppResult<bool> {
    let w = settings.weights;
    let done = sqlx::query(
        "UPDATE workshops SET dots_per_participant = $1, dots_stack = $2, weight_relevance = $3,
                weight_ambition = $4, weight_feasibility = $5, weight_resources = $6,
                weight_gap = $7, updated_at = $8
         WHERE id = $9 AND phase <> 'closed'",
    )
    .bind(i64::from(settings.dots.per_participant))
    .bind(i64::from(settings.dots.stack))
    .bind(i64::from(w.relevance))
    .bind(i64::from(w.ambition))
    .bind(i64::from(w.feasibility))
    .bind(i64::from(w.resources))
    .bind(i64::from(w.gap))
    .bind(now())
    .bind(workshop.0)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Merges `duplicate` into `kept` (both of `team`, already checked): each participant's
/// dots are added (capped at one without stacking, the extra dot going back to them),
/// indicators united, dependencies re-pointed without self-dependencies or cycles, and the
/// duplicate deleted. Call inside a transaction.
pub async fn merge(
    conn: &mut AnyConnection,
    team: TeamId,
    duplicate: ActionId,
    kept: ActionId,
    stack: bool,
) -> AppResult<()> {
    let rows = sqlx::query(
        "SELECT d.participant_id, d.dots AS dup, COALESCE(k.dots, 0) AS kept
         FROM action_votes d
         LEFT JOIN action_votes k ON k.participant_id = d.participant_id AND k.action_id = $2
         WHERE d.action_id = $1",
    )
    .bind(duplicate.0)
    .bind(kept.0)
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
        let participant: i64 = row.try_get("participant_id")?;
        let dup: i64 = row.try_get("dup")?;
        let had: i64 = row.try_get("kept")?;
        let (dots, _returned) = super::rules::merged_dots(
            u32::try_from(had).unwrap_or(0),
            u32::try_from(dup).unwrap_or(0),
            stack,
        );
        sqlx::query(
            "INSERT INTO action_votes (action_id, participant_id, dots) VALUES ($1, $2, $3)
             ON CONFLICT (action_id, participant_id) DO UPDATE SET dots = excluded.dots",
        )
        .bind(kept.0)
        .bind(participant)
        .bind(i64::from(dots))
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "INSERT INTO action_indicators (action_id, indicator_id)
         SELECT $1, indicator_id FROM action_indicators WHERE action_id = $2
         ON CONFLICT DO NOTHING",
    )
    .bind(kept.0)
    .bind(duplicate.0)
    .execute(&mut *conn)
    .await?;
    // The needs the duplicate unblocked now unblock the kept action (both are the team's).
    sqlx::query(
        "INSERT INTO need_actions (need_id, action_id, team_id)
         SELECT need_id, $1, team_id FROM need_actions WHERE action_id = $2
         ON CONFLICT DO NOTHING",
    )
    .bind(kept.0)
    .bind(duplicate.0)
    .execute(&mut *conn)
    .await?;
    let edges = team_edges(&mut *conn, team).await?;
    let (edges, _dropped) = super::rules::repoint_edges(&edges, duplicate, kept);
    sqlx::query("DELETE FROM action_dependencies WHERE team_id = $1")
        .bind(team.0)
        .execute(&mut *conn)
        .await?;
    for (from, to) in edges {
        add_dependencies(conn, team, from, &[to]).await?;
    }
    sqlx::query("DELETE FROM actions WHERE id = $1")
        .bind(duplicate.0)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE actions SET version = version + 1, updated_at = $1 WHERE id = $2")
        .bind(now())
        .bind(kept.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The framework's suggested actions for some indicators, in the framework's order, as
/// (indicator, title, description) in both languages.
pub async fn suggestions<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<(IndicatorId, crate::framework::Text, crate::framework::Text)>> {
    let rows = sqlx::query(
        "SELECT s.indicator_id, s.title_es, s.title_en, s.description_es, s.description_en
         FROM suggested_actions s
         JOIN indicators i ON i.id = s.indicator_id
         JOIN workshops w ON w.framework_id = i.framework_id
         WHERE w.id = $1
         ORDER BY s.indicator_id, s.position",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                IndicatorId(row.try_get("indicator_id")?),
                crate::framework::Text {
                    es: row.try_get("title_es")?,
                    en: row.try_get("title_en")?,
                },
                crate::framework::Text {
                    es: row.try_get("description_es")?,
                    en: row.try_get("description_en")?,
                },
            ))
        })
        .collect()
}
