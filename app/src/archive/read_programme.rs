//! Gathering a workshop's programme and its own cases into an [`Archive`].

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};

use super::model::*;
use super::read::Codes;
use crate::error::AppResult;
use crate::ids::WorkshopId;

/// Sessions in time order, with their materials.
pub(super) async fn programme(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    archive: &mut Archive,
) -> AppResult<()> {
    let w = workshop.0;
    let mut materials: HashMap<i64, Vec<MaterialPart>> = HashMap::new();
    for row in sqlx::query(
        "SELECT m.session_id, m.title, m.url FROM programme_materials m
         JOIN programme_sessions s ON s.id = m.session_id
         WHERE s.workshop_id = $1 ORDER BY m.session_id, m.position",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let session: i64 = row.try_get("session_id")?;
        materials.entry(session).or_default().push(MaterialPart {
            title: row.try_get("title")?,
            url: row.try_get("url")?,
        });
    }
    for row in sqlx::query(
        "SELECT id, title, starts_at, ends_at, time_zone, panelists, phase, call_url,
                created_at, updated_at
         FROM programme_sessions WHERE workshop_id = $1 ORDER BY starts_at, id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = row.try_get("id")?;
        archive.programme.push(SessionPart {
            title: row.try_get("title")?,
            starts_at: row.try_get("starts_at")?,
            ends_at: row.try_get("ends_at")?,
            time_zone: row.try_get("time_zone")?,
            panelists: row.try_get("panelists")?,
            phase: row.try_get("phase")?,
            call_url: row.try_get("call_url")?,
            materials: materials.remove(&id).unwrap_or_default(),
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        });
    }
    Ok(())
}

/// The workshop's own cases, with the indicators they illustrate.
pub(super) async fn cases(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    codes: &Codes,
    archive: &mut Archive,
) -> AppResult<()> {
    let w = workshop.0;
    let mut indicators: HashMap<i64, Vec<String>> = HashMap::new();
    for row in sqlx::query(
        "SELECT l.case_id, l.indicator_id FROM workshop_case_indicators l
         JOIN workshop_cases c ON c.id = l.case_id
         WHERE c.workshop_id = $1 ORDER BY l.case_id, l.indicator_id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let case: i64 = row.try_get("case_id")?;
        indicators.entry(case).or_default().push(codes.of(&row)?);
    }
    for row in sqlx::query(
        "SELECT id, title, place, country, level, years, summary, results, presented_by,
                source_title, source_url, created_at, updated_at
         FROM workshop_cases WHERE workshop_id = $1 ORDER BY id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = row.try_get("id")?;
        archive.cases.push(CasePart {
            title: row.try_get("title")?,
            place: row.try_get("place")?,
            country: row.try_get("country")?,
            level: row.try_get("level")?,
            years: row.try_get("years")?,
            summary: row.try_get("summary")?,
            results: row.try_get("results")?,
            presented_by: row.try_get("presented_by")?,
            source_title: row.try_get("source_title")?,
            source_url: row.try_get("source_url")?,
            indicators: indicators.remove(&id).unwrap_or_default(),
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        });
    }
    Ok(())
}
