//! Inserting an archive's actions, votes and roadmaps.

use sqlx::AnyConnection;

use super::model::Archive;
use super::write::{id, opt, Ids};
use crate::error::AppResult;
use crate::ids::WorkshopId;

/// Actions, then their indicators and dependencies (once every action has its new id), then
/// the votes on them.
pub(super) async fn actions(
    conn: &mut AnyConnection,
    archive: &Archive,
    workshop: WorkshopId,
    ids: &mut Ids,
) -> AppResult<()> {
    for a in &archive.actions {
        let new: i64 = sqlx::query_scalar(
            "INSERT INTO actions (workshop_id, team_id, title, description, responsible_unit,
                 impact, effort, cost_band, moscow, proposed_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(workshop.0)
        .bind(id(&ids.teams, &a.team)?)
        .bind(&a.title)
        .bind(&a.description)
        .bind(&a.responsible_unit)
        .bind(a.impact)
        .bind(a.effort)
        .bind(&a.cost_band)
        .bind(a.moscow.as_deref())
        .bind(opt(&ids.participants, a.proposed_by)?)
        .bind(a.created_at)
        .bind(a.updated_at)
        .fetch_one(&mut *conn)
        .await?;
        ids.actions.insert(a.key, new);
    }
    for a in &archive.actions {
        let action = id(&ids.actions, &a.key)?;
        for code in &a.indicators {
            sqlx::query("INSERT INTO action_indicators (action_id, indicator_id) VALUES ($1, $2)")
                .bind(action)
                .bind(id(&ids.indicators, code)?)
                .execute(&mut *conn)
                .await?;
        }
        for dep in &a.depends_on {
            sqlx::query(
                "INSERT INTO action_dependencies (action_id, depends_on, team_id) VALUES ($1, $2, $3)",
            )
            .bind(action)
            .bind(id(&ids.actions, dep)?)
            .bind(id(&ids.teams, &a.team)?)
            .execute(&mut *conn)
            .await?;
        }
    }
    for v in &archive.votes {
        sqlx::query(
            "INSERT INTO action_votes (action_id, participant_id, dots) VALUES ($1, $2, $3)",
        )
        .bind(id(&ids.actions, &v.action)?)
        .bind(id(&ids.participants, &v.participant)?)
        .bind(v.dots)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Roadmaps, their items and the items' milestones.
pub(super) async fn roadmaps(
    conn: &mut AnyConnection,
    archive: &Archive,
    ids: &Ids,
) -> AppResult<()> {
    for r in &archive.roadmaps {
        let team = id(&ids.teams, &r.team)?;
        sqlx::query("INSERT INTO roadmaps (team_id, starts_on, generated_at) VALUES ($1, $2, $3)")
            .bind(team)
            .bind(&r.starts_on)
            .bind(r.generated_at)
            .execute(&mut *conn)
            .await?;
        for item in &r.items {
            let new: i64 = sqlx::query_scalar(
                "INSERT INTO roadmap_items (team_id, action_id, owner, starts_on, ends_on, pinned,
                     status, progress, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(team)
            .bind(id(&ids.actions, &item.action)?)
            .bind(&item.owner)
            .bind(&item.starts_on)
            .bind(&item.ends_on)
            .bind(i64::from(item.pinned))
            .bind(&item.status)
            .bind(item.progress)
            .bind(item.updated_at)
            .fetch_one(&mut *conn)
            .await?;
            for (position, m) in (0_i64..).zip(&item.milestones) {
                sqlx::query(
                    "INSERT INTO roadmap_milestones (item_id, position, title, due_on) VALUES ($1, $2, $3, $4)",
                )
                .bind(new)
                .bind(position)
                .bind(&m.title)
                .bind(&m.due_on)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(())
}

/// Needs, and the actions each unblocks (after the actions have their new ids).
pub(super) async fn needs(
    conn: &mut AnyConnection,
    archive: &Archive,
    workshop: WorkshopId,
    ids: &Ids,
) -> AppResult<()> {
    for n in &archive.needs {
        let team = id(&ids.teams, &n.team)?;
        let new: i64 = sqlx::query_scalar(
            "INSERT INTO needs (workshop_id, team_id, kind, description, created_by, created_at,
                 updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(workshop.0)
        .bind(team)
        .bind(&n.kind)
        .bind(&n.description)
        .bind(opt(&ids.participants, n.created_by)?)
        .bind(n.created_at)
        .bind(n.updated_at)
        .fetch_one(&mut *conn)
        .await?;
        for action in &n.actions {
            sqlx::query(
                "INSERT INTO need_actions (need_id, action_id, team_id) VALUES ($1, $2, $3)",
            )
            .bind(new)
            .bind(id(&ids.actions, action)?)
            .bind(team)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}
