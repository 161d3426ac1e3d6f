//! Inserting an archive's programme and the workshop's own cases.

use sqlx::AnyConnection;

use super::model::Archive;
use super::write::{id, Ids};
use crate::error::AppResult;
use crate::ids::WorkshopId;

/// Sessions with their materials.
pub(super) async fn programme(
    conn: &mut AnyConnection,
    archive: &Archive,
    workshop: WorkshopId,
) -> AppResult<()> {
    for s in &archive.programme {
        let new: i64 = sqlx::query_scalar(
            "INSERT INTO programme_sessions (workshop_id, title, starts_at, ends_at, time_zone,
                 panelists, phase, call_url, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(workshop.0)
        .bind(&s.title)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(&s.time_zone)
        .bind(&s.panelists)
        .bind(s.phase.as_deref())
        .bind(s.call_url.as_deref())
        .bind(s.created_at)
        .bind(s.updated_at)
        .fetch_one(&mut *conn)
        .await?;
        for (position, m) in (1_i64..).zip(&s.materials) {
            sqlx::query(
                "INSERT INTO programme_materials (session_id, position, title, url)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(new)
            .bind(position)
            .bind(&m.title)
            .bind(&m.url)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Cases with the indicators they illustrate.
pub(super) async fn cases(
    conn: &mut AnyConnection,
    archive: &Archive,
    workshop: WorkshopId,
    ids: &Ids,
) -> AppResult<()> {
    for c in &archive.cases {
        let new: i64 = sqlx::query_scalar(
            "INSERT INTO workshop_cases (workshop_id, title, place, country, level, years, summary,
                 results, presented_by, source_title, source_url, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(workshop.0)
        .bind(&c.title)
        .bind(&c.place)
        .bind(&c.country)
        .bind(&c.level)
        .bind(&c.years)
        .bind(&c.summary)
        .bind(&c.results)
        .bind(&c.presented_by)
        .bind(&c.source_title)
        .bind(c.source_url.as_deref())
        .bind(c.created_at)
        .bind(c.updated_at)
        .fetch_one(&mut *conn)
        .await?;
        for code in &c.indicators {
            sqlx::query(
                "INSERT INTO workshop_case_indicators (case_id, indicator_id) VALUES ($1, $2)",
            )
            .bind(new)
            .bind(id(&ids.indicators, code)?)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}
