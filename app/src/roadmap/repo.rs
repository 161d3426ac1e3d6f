//! Roadmaps in the database: a team's items as the pages read them, a generated schedule
//! written in one go, and the hand edits, each checked against the item's version and the
//! workshop's phase in the same statement that claims the item.

use std::collections::{HashMap, HashSet};

use sqlx::{Any, AnyConnection, Executor, Row};
use time::Date;

use super::model::Status;
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::i18n::{Key, Lang};
use crate::ids::{ActionId, MilestoneId, RoadmapItemId, TeamId, WorkshopId};
use crate::workshop::Phase;

/// Reads an ISO date the database holds; a malformed one is the server's fault.
pub fn stored_date(value: &str) -> AppResult<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(value.trim(), format)
        .map_err(|_| AppError::internal("malformed date stored", value))
}

/// A date as the database stores it (ISO).
pub fn iso(date: Date) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    date.format(format).unwrap_or_default()
}

/// A milestone as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMilestone {
    /// The milestone.
    pub id: MilestoneId,
    /// What is reached.
    pub title: String,
    /// When.
    pub due_on: Date,
}

/// A roadmap item as stored, with what the pages show beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredItem {
    /// The item.
    pub id: RoadmapItemId,
    /// Its team.
    pub team: TeamId,
    /// The action it schedules.
    pub action: ActionId,
    /// The action's title.
    pub title: String,
    /// The responsible unit.
    pub owner: String,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// Edited by hand.
    pub pinned: bool,
    /// OGP completion level.
    pub status: Status,
    /// 0–100.
    pub progress: u8,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Milestones in date order.
    pub milestones: Vec<StoredMilestone>,
}

fn read_item(row: &sqlx::any::AnyRow) -> AppResult<StoredItem> {
    let status: String = row.try_get("status")?;
    let progress: i64 = row.try_get("progress")?;
    let pinned: i64 = row.try_get("pinned")?;
    Ok(StoredItem {
        id: RoadmapItemId(row.try_get("id")?),
        team: TeamId(row.try_get("team_id")?),
        action: ActionId(row.try_get("action_id")?),
        title: row.try_get("title")?,
        owner: row.try_get("owner")?,
        starts_on: stored_date(&row.try_get::<String, _>("starts_on")?)?,
        ends_on: stored_date(&row.try_get::<String, _>("ends_on")?)?,
        pinned: pinned == 1,
        status: Status::parse(&status)
            .ok_or_else(|| AppError::internal("unknown status stored", &status))?,
        progress: u8::try_from(progress.clamp(0, 100)).unwrap_or(0),
        version: row.try_get("version")?,
        milestones: Vec::new(),
    })
}

const ITEM_COLUMNS: &str =
    "i.id, i.team_id, i.action_id, a.title, i.owner, i.starts_on, i.ends_on, \
     i.pinned, i.status, i.progress, i.version";

/// The first day of a team's roadmap, once it has been generated.
pub async fn start_of<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<Option<Date>> {
    let value: Option<String> =
        sqlx::query_scalar("SELECT starts_on FROM roadmaps WHERE team_id = $1")
            .bind(team.0)
            .fetch_optional(db)
            .await?;
    value.as_deref().map(stored_date).transpose()
}

/// Every item of a team with its milestones, by start date.
pub async fn items(conn: &mut AnyConnection, team: TeamId) -> AppResult<Vec<StoredItem>> {
    let rows = sqlx::query(&format!(
        "SELECT {ITEM_COLUMNS} FROM roadmap_items i JOIN actions a ON a.id = i.action_id
         WHERE i.team_id = $1 ORDER BY i.starts_on, i.id"
    ))
    .bind(team.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut items = rows.iter().map(read_item).collect::<AppResult<Vec<_>>>()?;
    let rows = sqlx::query(
        "SELECT m.id, m.item_id, m.title, m.due_on FROM roadmap_milestones m
         JOIN roadmap_items i ON i.id = m.item_id
         WHERE i.team_id = $1 ORDER BY m.due_on, m.position, m.id",
    )
    .bind(team.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_item: HashMap<i64, Vec<StoredMilestone>> = HashMap::new();
    for row in &rows {
        by_item
            .entry(row.try_get("item_id")?)
            .or_default()
            .push(StoredMilestone {
                id: MilestoneId(row.try_get("id")?),
                title: row.try_get("title")?,
                due_on: stored_date(&row.try_get::<String, _>("due_on")?)?,
            });
    }
    for item in &mut items {
        item.milestones = by_item.remove(&item.id.0).unwrap_or_default();
    }
    Ok(items)
}

/// One item of a workshop with its milestones; `NotFound` when it is not the workshop's.
pub async fn item_of_workshop(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    item: RoadmapItemId,
) -> AppResult<StoredItem> {
    let row = sqlx::query(&format!(
        "SELECT {ITEM_COLUMNS} FROM roadmap_items i JOIN actions a ON a.id = i.action_id
         WHERE i.id = $1 AND a.workshop_id = $2"
    ))
    .bind(item.0)
    .bind(workshop.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let mut found = read_item(&row)?;
    found.milestones = items(conn, found.team)
        .await?
        .into_iter()
        .find(|i| i.id == found.id)
        .map(|i| i.milestones)
        .unwrap_or_default();
    Ok(found)
}

/// The item a milestone belongs to, in `workshop`; `NotFound` otherwise.
pub async fn item_of_milestone<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    milestone: MilestoneId,
) -> AppResult<RoadmapItemId> {
    sqlx::query_scalar(
        "SELECT m.item_id FROM roadmap_milestones m
         JOIN roadmap_items i ON i.id = m.item_id JOIN actions a ON a.id = i.action_id
         WHERE m.id = $1 AND a.workshop_id = $2",
    )
    .bind(milestone.0)
    .bind(workshop.0)
    .fetch_optional(db)
    .await?
    .map(RoadmapItemId)
    .ok_or(AppError::NotFound)
}

/// The team's dependencies between actions: (action, the action it waits for).
pub async fn dependencies<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<Vec<(ActionId, ActionId)>> {
    let rows =
        sqlx::query("SELECT action_id, depends_on FROM action_dependencies WHERE team_id = $1")
            .bind(team.0)
            .fetch_all(db)
            .await?;
    rows.iter()
        .map(|r| {
            Ok((
                ActionId(r.try_get("action_id")?),
                ActionId(r.try_get("depends_on")?),
            ))
        })
        .collect()
}

/// The indicator codes each of a team's actions improves, in framework order.
pub async fn indicator_codes<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<HashMap<ActionId, Vec<String>>> {
    let rows = sqlx::query(
        "SELECT ai.action_id, ind.code FROM action_indicators ai
         JOIN actions a ON a.id = ai.action_id
         JOIN indicators ind ON ind.id = ai.indicator_id
         JOIN pillars p ON p.id = ind.pillar_id
         WHERE a.team_id = $1 ORDER BY p.position, ind.position, ind.id",
    )
    .bind(team.0)
    .fetch_all(db)
    .await?;
    let mut codes: HashMap<ActionId, Vec<String>> = HashMap::new();
    for row in &rows {
        codes
            .entry(ActionId(row.try_get("action_id")?))
            .or_default()
            .push(row.try_get("code")?);
    }
    Ok(codes)
}

/// The team's actions that are quick wins (high impact, low effort) as they stand now.
pub async fn quick_wins<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<HashSet<ActionId>> {
    use crate::action::model::Rating;
    use crate::action::rules::{quadrant, Quadrant};
    let rows = sqlx::query("SELECT id, impact, effort FROM actions WHERE team_id = $1")
        .bind(team.0)
        .fetch_all(db)
        .await?;
    let mut quick = HashSet::new();
    for row in &rows {
        let rating = |column: &str| -> AppResult<Rating> {
            let value: i64 = row.try_get(column)?;
            u8::try_from(value)
                .ok()
                .and_then(Rating::new)
                .ok_or_else(|| AppError::internal("malformed rating stored", value))
        };
        if quadrant(rating("impact")?, rating("effort")?) == Quadrant::QuickWin {
            quick.insert(ActionId(row.try_get("id")?));
        }
    }
    Ok(quick)
}

/// The indicators some roadmap item of the team improves.
pub async fn linked_indicators<'e>(
    db: impl Executor<'e, Database = Any>,
    team: TeamId,
) -> AppResult<HashSet<crate::ids::IndicatorId>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT ai.indicator_id FROM action_indicators ai
         JOIN roadmap_items i ON i.action_id = ai.action_id WHERE i.team_id = $1",
    )
    .bind(team.0)
    .fetch_all(db)
    .await?;
    Ok(ids.into_iter().map(crate::ids::IndicatorId).collect())
}

/// The workshop's first day, if the facilitator set one.
pub async fn workshop_start<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Option<Date>> {
    let value: Option<Option<String>> =
        sqlx::query_scalar("SELECT starts_on FROM workshops WHERE id = $1")
            .bind(workshop.0)
            .fetch_optional(db)
            .await?;
    value
        .ok_or(AppError::NotFound)?
        .as_deref()
        .map(stored_date)
        .transpose()
}

/// The workshop's first language, which generated milestone titles are written in.
pub async fn first_language<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Lang> {
    let value: String = sqlx::query_scalar("SELECT languages FROM workshops WHERE id = $1")
        .bind(workshop.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(if value.trim().starts_with("en") {
        Lang::En
    } else {
        Lang::Es
    })
}

/// The teams of a workshop that have at least one action.
pub async fn teams_with_actions<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<TeamId>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT t.id FROM teams t WHERE t.workshop_id = $1
         AND EXISTS (SELECT 1 FROM actions a WHERE a.team_id = t.id)
         ORDER BY t.position, t.id",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    Ok(ids.into_iter().map(TeamId).collect())
}

/// The current phase of a workshop, read on `conn` (inside a transaction, so a write that
/// follows sees the same phase).
pub async fn phase_of(conn: &mut AnyConnection, workshop: WorkshopId) -> AppResult<Phase> {
    let value: String = sqlx::query_scalar("SELECT phase FROM workshops WHERE id = $1")
        .bind(workshop.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Phase::parse(&value).ok_or_else(|| AppError::internal("unknown phase stored", &value))
}

/// One item as the generator placed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The action.
    pub action: ActionId,
    /// The responsible unit.
    pub owner: String,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// Milestones: title and date, in date order.
    pub milestones: Vec<(String, Date)>,
}

/// Writes a generated roadmap: the roadmap's start, every placed item (created, or updated
/// in place so its follow-up status stays), and the removal of items whose action is
/// neither placed nor kept. Items in `kept` are not touched. Run inside a transaction.
pub async fn save_generated(
    conn: &mut AnyConnection,
    team: TeamId,
    start: Date,
    placed: &[Placed],
    kept: &HashSet<ActionId>,
) -> AppResult<()> {
    let at = now();
    sqlx::query(
        "INSERT INTO roadmaps (team_id, starts_on, generated_at, version) VALUES ($1, $2, $3, 1)
         ON CONFLICT (team_id) DO UPDATE SET starts_on = excluded.starts_on,
             generated_at = excluded.generated_at, version = roadmaps.version + 1",
    )
    .bind(team.0)
    .bind(iso(start))
    .bind(at)
    .execute(&mut *conn)
    .await?;
    let existing = sqlx::query("SELECT id, action_id FROM roadmap_items WHERE team_id = $1")
        .bind(team.0)
        .fetch_all(&mut *conn)
        .await?;
    let mut item_of: HashMap<ActionId, i64> = HashMap::new();
    for row in &existing {
        item_of.insert(ActionId(row.try_get("action_id")?), row.try_get("id")?);
    }
    let placed_actions: HashSet<ActionId> = placed.iter().map(|p| p.action).collect();
    for (action, id) in &item_of {
        if !placed_actions.contains(action) && !kept.contains(action) {
            sqlx::query("DELETE FROM roadmap_milestones WHERE item_id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
            sqlx::query("DELETE FROM roadmap_items WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    for item in placed {
        let id: i64 = match item_of.get(&item.action) {
            Some(&id) => {
                sqlx::query(
                    "UPDATE roadmap_items SET owner = $1, starts_on = $2, ends_on = $3, pinned = 0,
                         version = version + 1, updated_at = $4 WHERE id = $5",
                )
                .bind(&item.owner)
                .bind(iso(item.starts_on))
                .bind(iso(item.ends_on))
                .bind(at)
                .bind(id)
                .execute(&mut *conn)
                .await?;
                sqlx::query("DELETE FROM roadmap_milestones WHERE item_id = $1")
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                id
            }
            None => {
                sqlx::query_scalar(
                    "INSERT INTO roadmap_items (team_id, action_id, owner, starts_on, ends_on, pinned, updated_at)
                     VALUES ($1, $2, $3, $4, $5, 0, $6) RETURNING id",
                )
                .bind(team.0)
                .bind(item.action.0)
                .bind(&item.owner)
                .bind(iso(item.starts_on))
                .bind(iso(item.ends_on))
                .bind(at)
                .fetch_one(&mut *conn)
                .await?
            }
        };
        for (position, (title, due_on)) in item.milestones.iter().enumerate() {
            insert_milestone(conn, RoadmapItemId(id), position, title, *due_on).await?;
        }
    }
    Ok(())
}

async fn insert_milestone(
    conn: &mut AnyConnection,
    item: RoadmapItemId,
    position: usize,
    title: &str,
    due_on: Date,
) -> AppResult<MilestoneId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO roadmap_milestones (item_id, position, title, due_on) VALUES ($1, $2, $3, $4)
         RETURNING id",
    )
    .bind(item.0)
    .bind(i64::try_from(position).unwrap_or(i64::MAX))
    .bind(title)
    .bind(iso(due_on))
    .fetch_one(&mut *conn)
    .await?;
    Ok(MilestoneId(id))
}

/// Which phases a kind of change is allowed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// Dates, owner, milestones, pinning: the roadmap phase only.
    Plan,
    /// Status and progress: the roadmap and closed phases.
    FollowUp,
}

impl EditKind {
    /// Whether the change is allowed in `phase`.
    pub fn allowed_in(self, phase: Phase) -> bool {
        match self {
            EditKind::Plan => phase == Phase::Roadmap,
            EditKind::FollowUp => matches!(phase, Phase::Roadmap | Phase::Closed),
        }
    }

    fn phases(self) -> (&'static str, &'static str) {
        match self {
            EditKind::Plan => ("roadmap", "roadmap"),
            EditKind::FollowUp => ("roadmap", "closed"),
        }
    }

    /// Why the change is refused outside its phases.
    pub fn closed_reason(self) -> Key {
        match self {
            EditKind::Plan => Key::RmErrPlanClosed,
            EditKind::FollowUp => Key::RmErrFollowUpClosed,
        }
    }
}

/// What claiming an item does to its pin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pin {
    /// A hand edit of the plan: the generator keeps the item where it is.
    Set,
    /// Back to the generator.
    Clear,
    /// Follow-up only: the pin stays as it is.
    Keep,
}

/// Claims an item for a change: bumps its version (and sets its pin) if it is still at
/// `version` and the workshop is in a phase that allows `kind`, all in one statement. The
/// caller then writes the change on the same transaction. Returns the new version.
pub async fn claim(
    conn: &mut AnyConnection,
    item: RoadmapItemId,
    version: i64,
    kind: EditKind,
    pin: Pin,
) -> AppResult<i64> {
    let (first, second) = kind.phases();
    let pin_code: i64 = match pin {
        Pin::Set => 1,
        Pin::Clear => 0,
        Pin::Keep => 2,
    };
    let written: Option<i64> = sqlx::query_scalar(
        "UPDATE roadmap_items SET version = version + 1, updated_at = $1,
             pinned = CASE $2 WHEN 1 THEN 1 WHEN 0 THEN 0 ELSE pinned END
         WHERE id = $3 AND version = $4
           AND EXISTS (SELECT 1 FROM teams t JOIN workshops w ON w.id = t.workshop_id
                       WHERE t.id = roadmap_items.team_id AND (w.phase = $5 OR w.phase = $6))
         RETURNING version",
    )
    .bind(now())
    .bind(pin_code)
    .bind(item.0)
    .bind(version)
    .bind(first)
    .bind(second)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(version) = written {
        return Ok(version);
    }
    // Nothing written: tell a closed phase from a stale form.
    let row = sqlx::query(
        "SELECT w.phase FROM roadmap_items i JOIN teams t ON t.id = i.team_id
         JOIN workshops w ON w.id = t.workshop_id WHERE i.id = $1",
    )
    .bind(item.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let phase: String = row.try_get("phase")?;
    let open = Phase::parse(&phase).is_some_and(|p| kind.allowed_in(p));
    Err(AppError::Conflict {
        reason: if open {
            Key::ErrStaleForm
        } else {
            kind.closed_reason()
        },
    })
}

/// New dates for a claimed item, and new dates for its milestones.
pub async fn write_dates(
    conn: &mut AnyConnection,
    item: RoadmapItemId,
    starts_on: Date,
    ends_on: Date,
    milestones: &[(MilestoneId, Date)],
) -> AppResult<()> {
    sqlx::query("UPDATE roadmap_items SET starts_on = $1, ends_on = $2 WHERE id = $3")
        .bind(iso(starts_on))
        .bind(iso(ends_on))
        .bind(item.0)
        .execute(&mut *conn)
        .await?;
    for (id, due_on) in milestones {
        sqlx::query("UPDATE roadmap_milestones SET due_on = $1 WHERE id = $2 AND item_id = $3")
            .bind(iso(*due_on))
            .bind(id.0)
            .bind(item.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A new owner for a claimed item.
pub async fn write_owner(
    conn: &mut AnyConnection,
    item: RoadmapItemId,
    owner: &str,
) -> AppResult<()> {
    sqlx::query("UPDATE roadmap_items SET owner = $1 WHERE id = $2")
        .bind(owner)
        .bind(item.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A new milestone of a claimed item, placed last.
pub async fn add_milestone(
    conn: &mut AnyConnection,
    item: RoadmapItemId,
    title: &str,
    due_on: Date,
) -> AppResult<MilestoneId> {
    let last: Option<i64> =
        sqlx::query_scalar("SELECT MAX(position) FROM roadmap_milestones WHERE item_id = $1")
            .bind(item.0)
            .fetch_one(&mut *conn)
            .await?;
    let position = usize::try_from(last.map_or(0, |p| p + 1)).unwrap_or(0);
    insert_milestone(conn, item, position, title, due_on).await
}

/// A milestone of a claimed item renamed and re-dated.
pub async fn write_milestone(
    conn: &mut AnyConnection,
    item: RoadmapItemId,
    milestone: MilestoneId,
    title: &str,
    due_on: Date,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE roadmap_milestones SET title = $1, due_on = $2 WHERE id = $3 AND item_id = $4",
    )
    .bind(title)
    .bind(iso(due_on))
    .bind(milestone.0)
    .bind(item.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A milestone of a claimed item removed.
pub async fn delete_milestone(
    conn: &mut AnyConnection,
    item: RoadmapItemId,
    milestone: MilestoneId,
) -> AppResult<()> {
    sqlx::query("DELETE FROM roadmap_milestones WHERE id = $1 AND item_id = $2")
        .bind(milestone.0)
        .bind(item.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// New follow-up values for a claimed item.
pub async fn write_follow_up(
    conn: &mut AnyConnection,
    item: RoadmapItemId,
    status: Status,
    progress: u8,
) -> AppResult<()> {
    sqlx::query("UPDATE roadmap_items SET status = $1, progress = $2 WHERE id = $3")
        .bind(status.as_str())
        .bind(i64::from(progress))
        .bind(item.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
