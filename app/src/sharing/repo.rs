//! Sharing's storage: observer links (only their secret's hash) and the publish state.

use sqlx::{Any, Executor, Row};

use super::model::{Licence, PublishedWorkshop};
use crate::error::{AppError, AppResult};
use crate::ids::{FacilitatorId, ShareLinkId, TeamId, WorkshopId};

/// A stored link, as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredLink {
    /// The link.
    pub id: ShareLinkId,
    /// Its workshop.
    pub workshop: WorkshopId,
    /// The team it is limited to.
    pub team: Option<TeamId>,
    /// That team's name.
    pub team_name: Option<String>,
    /// Label.
    pub label: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub expires_at: Option<i64>,
    /// Unix seconds.
    pub revoked_at: Option<i64>,
}

const LINK_COLUMNS: &str = "s.id, s.workshop_id, s.team_id, t.name AS team_name, s.label,
     s.created_at, s.expires_at, s.revoked_at
     FROM share_links s LEFT JOIN teams t ON t.id = s.team_id";

fn read_link(row: &sqlx::any::AnyRow) -> AppResult<StoredLink> {
    Ok(StoredLink {
        id: ShareLinkId(row.try_get("id")?),
        workshop: WorkshopId(row.try_get("workshop_id")?),
        team: row.try_get::<Option<i64>, _>("team_id")?.map(TeamId),
        team_name: row.try_get("team_name")?,
        label: row.try_get("label")?,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        revoked_at: row.try_get("revoked_at")?,
    })
}

/// A new link to be stored.
pub struct NewLink<'a> {
    /// Its workshop.
    pub workshop: WorkshopId,
    /// The team it is limited to.
    pub team: Option<TeamId>,
    /// Label.
    pub label: &'a str,
    /// SHA-256 of the secret, hex.
    pub token_hash: &'a str,
    /// Who made it.
    pub created_by: FacilitatorId,
    /// Unix seconds.
    pub expires_at: Option<i64>,
}

/// Stores a link; returns its id.
pub async fn insert<'e>(
    db: impl Executor<'e, Database = Any>,
    link: &NewLink<'_>,
) -> AppResult<ShareLinkId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO share_links (workshop_id, team_id, label, token_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(link.workshop.0)
    .bind(link.team.map(|t| t.0))
    .bind(link.label)
    .bind(link.token_hash)
    .bind(link.created_by.0)
    .bind(crate::db::now())
    .bind(link.expires_at)
    .fetch_one(db)
    .await?;
    Ok(ShareLinkId(id))
}

/// A workshop's links, newest first.
pub async fn of_workshop<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<StoredLink>> {
    let rows = sqlx::query(&format!(
        "SELECT {LINK_COLUMNS} WHERE s.workshop_id = $1 ORDER BY s.created_at DESC, s.id DESC"
    ))
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter().map(read_link).collect()
}

/// The link whose secret has this hash.
pub async fn by_hash<'e>(
    db: impl Executor<'e, Database = Any>,
    token_hash: &str,
) -> AppResult<Option<StoredLink>> {
    let row = sqlx::query(&format!("SELECT {LINK_COLUMNS} WHERE s.token_hash = $1"))
        .bind(token_hash)
        .fetch_optional(db)
        .await?;
    row.as_ref().map(read_link).transpose()
}

/// Revokes a link of the workshop (again: nothing changes). `NotFound` when the workshop has
/// no such link.
pub async fn revoke<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    link: ShareLinkId,
) -> AppResult<()> {
    let done = sqlx::query(
        "UPDATE share_links SET revoked_at = COALESCE(revoked_at, $1)
         WHERE id = $2 AND workshop_id = $3",
    )
    .bind(crate::db::now())
    .bind(link.0)
    .bind(workshop.0)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// When the workshop was published (`None`: not) and its licence.
pub async fn publication<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<(Option<i64>, Licence)> {
    let row = sqlx::query("SELECT published_at, licence FROM workshops WHERE id = $1")
        .bind(workshop.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let licence: String = row.try_get("licence")?;
    Ok((
        row.try_get("published_at")?,
        Licence::parse(&licence).unwrap_or_default(),
    ))
}

/// Publishes (at `published_at`) or unpublishes (`None`) a workshop, under `licence`.
pub async fn set_publication<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    published_at: Option<i64>,
    licence: Licence,
) -> AppResult<()> {
    sqlx::query("UPDATE workshops SET published_at = $1, licence = $2 WHERE id = $3")
        .bind(published_at)
        .bind(licence.id())
        .bind(workshop.0)
        .execute(db)
        .await?;
    Ok(())
}

fn read_published(row: &sqlx::any::AnyRow) -> AppResult<PublishedWorkshop> {
    let licence: String = row.try_get("licence")?;
    Ok(PublishedWorkshop {
        id: WorkshopId(row.try_get("id")?),
        title: row.try_get("title")?,
        published_at: row.try_get("published_at")?,
        licence: Licence::parse(&licence).unwrap_or_default(),
    })
}

/// Every published workshop, most recently published first.
pub async fn published<'e>(
    db: impl Executor<'e, Database = Any>,
) -> AppResult<Vec<PublishedWorkshop>> {
    let rows = sqlx::query(
        "SELECT id, title, published_at, licence FROM workshops
         WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC",
    )
    .fetch_all(db)
    .await?;
    rows.iter().map(read_published).collect()
}

/// A published workshop; `NotFound` when it does not exist or is not published.
pub async fn published_one<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<PublishedWorkshop> {
    let row = sqlx::query(
        "SELECT id, title, published_at, licence FROM workshops
         WHERE id = $1 AND published_at IS NOT NULL",
    )
    .bind(workshop.0)
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    read_published(&row)
}

/// The display name of the workshop's owner: the publisher named on public pages (never an
/// email). Empty when the owner's account is gone.
pub async fn publisher<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<String> {
    let name: Option<String> = sqlx::query_scalar(
        "SELECT f.display_name FROM workshop_facilitators w
         JOIN facilitators f ON f.id = w.facilitator_id
         WHERE w.workshop_id = $1 AND w.role = 'owner'
         ORDER BY w.added_at LIMIT 1",
    )
    .bind(workshop.0)
    .fetch_optional(db)
    .await?;
    Ok(name.unwrap_or_default())
}
