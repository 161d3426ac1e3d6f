//! Gathering a workshop's actions, votes and roadmaps into an [`Archive`].

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};

use super::model::*;
use super::read::Codes;
use crate::error::AppResult;
use crate::ids::WorkshopId;

/// Actions with their indicators and dependencies, and the votes on them.
pub(super) async fn actions(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    codes: &Codes,
    archive: &mut Archive,
) -> AppResult<()> {
    let w = workshop.0;
    let mut indicators: HashMap<i64, Vec<String>> = HashMap::new();
    for row in sqlx::query(
        "SELECT ai.action_id, ai.indicator_id FROM action_indicators ai
         JOIN actions a ON a.id = ai.action_id
         WHERE a.workshop_id = $1 ORDER BY ai.action_id, ai.indicator_id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let action: i64 = row.try_get("action_id")?;
        indicators.entry(action).or_default().push(codes.of(&row)?);
    }
    let mut waits: HashMap<i64, Vec<i64>> = HashMap::new();
    for row in sqlx::query(
        "SELECT d.action_id, d.depends_on FROM action_dependencies d
         JOIN actions a ON a.id = d.action_id
         WHERE a.workshop_id = $1 ORDER BY d.action_id, d.depends_on",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let action: i64 = row.try_get("action_id")?;
        waits
            .entry(action)
            .or_default()
            .push(row.try_get("depends_on")?);
    }
    for row in sqlx::query(
        "SELECT id, team_id, title, description, responsible_unit, impact, effort, cost_band,
                moscow, proposed_by, created_at, updated_at
         FROM actions WHERE workshop_id = $1 ORDER BY id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let key: i64 = row.try_get("id")?;
        archive.actions.push(ActionPart {
            key,
            team: row.try_get("team_id")?,
            title: row.try_get("title")?,
            description: row.try_get("description")?,
            responsible_unit: row.try_get("responsible_unit")?,
            impact: row.try_get("impact")?,
            effort: row.try_get("effort")?,
            cost_band: row.try_get("cost_band")?,
            moscow: row.try_get("moscow")?,
            proposed_by: row.try_get("proposed_by")?,
            indicators: indicators.remove(&key).unwrap_or_default(),
            depends_on: waits.remove(&key).unwrap_or_default(),
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        });
    }
    for row in sqlx::query(
        "SELECT v.action_id, v.participant_id, v.dots FROM action_votes v
         JOIN actions a ON a.id = v.action_id
         WHERE a.workshop_id = $1 ORDER BY v.action_id, v.participant_id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        archive.votes.push(VotePart {
            action: row.try_get("action_id")?,
            participant: row.try_get("participant_id")?,
            dots: row.try_get("dots")?,
        });
    }
    Ok(())
}

/// Roadmaps with their items and the items' milestones.
pub(super) async fn roadmaps(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    archive: &mut Archive,
) -> AppResult<()> {
    let w = workshop.0;
    let mut milestones: HashMap<i64, Vec<MilestonePart>> = HashMap::new();
    for row in sqlx::query(
        "SELECT m.item_id, m.title, m.due_on FROM roadmap_milestones m
         JOIN roadmap_items i ON i.id = m.item_id JOIN teams t ON t.id = i.team_id
         WHERE t.workshop_id = $1 ORDER BY m.item_id, m.position, m.id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let item: i64 = row.try_get("item_id")?;
        milestones.entry(item).or_default().push(MilestonePart {
            title: row.try_get("title")?,
            due_on: row.try_get("due_on")?,
        });
    }
    let mut items: HashMap<i64, Vec<ItemPart>> = HashMap::new();
    for row in sqlx::query(
        "SELECT i.id, i.team_id, i.action_id, i.owner, i.starts_on, i.ends_on, i.pinned, i.status,
                i.progress, i.updated_at
         FROM roadmap_items i JOIN teams t ON t.id = i.team_id
         WHERE t.workshop_id = $1 ORDER BY i.id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = row.try_get("id")?;
        let team: i64 = row.try_get("team_id")?;
        items.entry(team).or_default().push(ItemPart {
            action: row.try_get("action_id")?,
            owner: row.try_get("owner")?,
            starts_on: row.try_get("starts_on")?,
            ends_on: row.try_get("ends_on")?,
            pinned: row.try_get::<i64, _>("pinned")? != 0,
            status: row.try_get("status")?,
            progress: row.try_get("progress")?,
            updated_at: row.try_get("updated_at")?,
            milestones: milestones.remove(&id).unwrap_or_default(),
        });
    }
    for row in sqlx::query(
        "SELECT r.team_id, r.starts_on, r.generated_at FROM roadmaps r
         JOIN teams t ON t.id = r.team_id
         WHERE t.workshop_id = $1 ORDER BY t.position, t.id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let team: i64 = row.try_get("team_id")?;
        archive.roadmaps.push(RoadmapPart {
            team,
            starts_on: row.try_get("starts_on")?,
            generated_at: row.try_get("generated_at")?,
            items: items.remove(&team).unwrap_or_default(),
        });
    }
    Ok(())
}

/// Needs, with the actions each unblocks.
pub(super) async fn needs(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    archive: &mut Archive,
) -> AppResult<()> {
    let w = workshop.0;
    let mut unblocks: HashMap<i64, Vec<i64>> = HashMap::new();
    for row in sqlx::query(
        "SELECT l.need_id, l.action_id FROM need_actions l
         JOIN needs n ON n.id = l.need_id
         WHERE n.workshop_id = $1 ORDER BY l.need_id, l.action_id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let need: i64 = row.try_get("need_id")?;
        unblocks
            .entry(need)
            .or_default()
            .push(row.try_get("action_id")?);
    }
    for row in sqlx::query(
        "SELECT id, team_id, kind, description, created_by, created_at, updated_at
         FROM needs WHERE workshop_id = $1 ORDER BY id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = row.try_get("id")?;
        archive.needs.push(NeedPart {
            team: row.try_get("team_id")?,
            kind: row.try_get("kind")?,
            description: row.try_get("description")?,
            created_by: row.try_get("created_by")?,
            actions: unblocks.remove(&id).unwrap_or_default(),
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        });
    }
    Ok(())
}
