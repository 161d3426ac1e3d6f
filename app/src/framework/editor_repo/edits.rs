//! The editor's changes: wording, additions, removals and moves.

use sqlx::{AnyConnection, Row};

use super::import::write_pillar;
use super::read::{delete_unused_indicator, usage, Placed};
use crate::error::{AppError, AppResult};
use crate::framework::document::{INDICATORS_MAX, PILLARS_MAX};
use crate::framework::edit::{
    check_free_code, check_indicator_code, in_use, moved, Direction, IndicatorEdit, NewIndicator,
    PillarEdit, Usage,
};
use crate::framework::repo::{insert_details, insert_indicator, insert_pillar};
use crate::framework::{DescriptorDoc, IndicatorDoc, PillarDoc, Text};
use crate::i18n::Key;
use crate::ids::{FrameworkId, IndicatorId, PillarId};

/// The pillars of a framework: id, code and position, in display order.
async fn pillars(
    conn: &mut AnyConnection,
    framework: FrameworkId,
) -> AppResult<Vec<(PillarId, String, i64)>> {
    sqlx::query(
        "SELECT id, code, position FROM pillars WHERE framework_id = $1 ORDER BY position, id",
    )
    .bind(framework.0)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| {
        Ok((
            PillarId(row.try_get("id")?),
            row.try_get("code")?,
            row.try_get("position")?,
        ))
    })
    .collect()
}

/// Changes a pillar's code and wording. Pillar codes name no answers, so they may change
/// whenever they stay unique.
pub async fn update_pillar(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    pillar: PillarId,
    edit: &PillarEdit,
) -> AppResult<()> {
    let all = pillars(conn, framework).await?;
    let Some((_, _, position)) = all.iter().find(|(id, _, _)| *id == pillar) else {
        return Err(AppError::NotFound);
    };
    let others: Vec<String> = all
        .iter()
        .filter(|(id, _, _)| *id != pillar)
        .map(|(_, code, _)| code.clone())
        .collect();
    check_free_code(&edit.code, &others)?;
    write_pillar(
        conn,
        pillar,
        *position,
        &edit.code,
        &edit.name,
        &edit.description,
    )
    .await
}

/// Changes an indicator's wording, sources and level descriptors, and its code while nothing
/// is attached to it.
pub async fn update_indicator(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    indicator: IndicatorId,
    edit: &IndicatorEdit,
) -> AppResult<()> {
    let placed = usage(conn, framework).await?;
    let current = placed
        .iter()
        .find(|p| p.id == indicator)
        .ok_or(AppError::NotFound)?;
    let others: Vec<String> = placed
        .iter()
        .filter(|p| p.id != indicator)
        .map(|p| p.usage.code.clone())
        .collect();
    check_indicator_code(&current.usage, &edit.code, &others)?;
    // The code is only rewritten when it is unchanged or the indicator is unused; the guard
    // keeps it so even if an answer arrived since the check.
    let done = sqlx::query(
        "UPDATE indicators SET code = $1, name_es = $2, name_en = $3, description_es = $4,
                description_en = $5, sources = $6
         WHERE id = $7 AND (code = $1 OR (
             NOT EXISTS (SELECT 1 FROM answers WHERE indicator_id = $7)
             AND NOT EXISTS (SELECT 1 FROM team_consensus WHERE indicator_id = $7)
             AND NOT EXISTS (SELECT 1 FROM round_answers WHERE indicator_id = $7)
             AND NOT EXISTS (SELECT 1 FROM round_consensus WHERE indicator_id = $7)))",
    )
    .bind(&edit.code)
    .bind(&edit.name.es)
    .bind(&edit.name.en)
    .bind(&edit.description.es)
    .bind(&edit.description.en)
    .bind(edit.sources.join("\n"))
    .bind(indicator.0)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict {
            reason: Key::FwCodeLocked,
        });
    }
    for (level, descriptor) in (1_i64..).zip(&edit.descriptors) {
        // Upsert by hand, portable to both databases: a row for every level always exists
        // for indicators made here, but an imported file may have had them all.
        let updated = sqlx::query(
            "UPDATE level_descriptors SET descriptor_es = $1, descriptor_en = $2
             WHERE indicator_id = $3 AND level = $4",
        )
        .bind(&descriptor.es)
        .bind(&descriptor.en)
        .bind(indicator.0)
        .bind(level)
        .execute(&mut *conn)
        .await?;
        if updated.rows_affected() == 0 {
            sqlx::query(
                "INSERT INTO level_descriptors (indicator_id, level, descriptor_es, descriptor_en)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(indicator.0)
            .bind(level)
            .bind(&descriptor.es)
            .bind(&descriptor.en)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// A new indicator's document: its code and name, blank descriptors for levels 1–5.
fn new_indicator_doc(new: &NewIndicator) -> IndicatorDoc {
    IndicatorDoc {
        code: new.code.clone(),
        name: new.name.clone(),
        description: Text::default(),
        sources: Vec::new(),
        levels: (1..=5)
            .map(|level| DescriptorDoc {
                level,
                descriptor: Text::default(),
            })
            .collect(),
        suggested_actions: Vec::new(),
    }
}

async fn add_indicator_row(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    pillar: PillarId,
    new: &NewIndicator,
) -> AppResult<IndicatorId> {
    let position: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM indicators WHERE pillar_id = $1",
    )
    .bind(pillar.0)
    .fetch_one(&mut *conn)
    .await?;
    let doc = new_indicator_doc(new);
    let id = insert_indicator(conn, framework, pillar, position, &doc).await?;
    insert_details(conn, id, &doc).await?;
    Ok(id)
}

async fn indicator_codes(
    conn: &mut AnyConnection,
    framework: FrameworkId,
) -> AppResult<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT code FROM indicators WHERE framework_id = $1")
            .bind(framework.0)
            .fetch_all(&mut *conn)
            .await?,
    )
}

/// Adds an indicator at the end of a pillar.
pub async fn add_indicator(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    pillar: PillarId,
    new: &NewIndicator,
) -> AppResult<IndicatorId> {
    if !pillars(conn, framework)
        .await?
        .iter()
        .any(|(id, _, _)| *id == pillar)
    {
        return Err(AppError::NotFound);
    }
    let inside: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM indicators WHERE pillar_id = $1")
        .bind(pillar.0)
        .fetch_one(&mut *conn)
        .await?;
    if usize::try_from(inside).unwrap_or(usize::MAX) >= INDICATORS_MAX {
        return Err(AppError::Conflict {
            reason: Key::FwFull,
        });
    }
    check_free_code(&new.code, &indicator_codes(conn, framework).await?)?;
    add_indicator_row(conn, framework, pillar, new).await
}

/// Adds a pillar at the end, with its first indicator (a pillar is never empty).
pub async fn add_pillar(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    pillar: &PillarEdit,
    first: &NewIndicator,
) -> AppResult<PillarId> {
    let existing = pillars(conn, framework).await?;
    if existing.len() >= PILLARS_MAX {
        return Err(AppError::Conflict {
            reason: Key::FwFull,
        });
    }
    let taken: Vec<String> = existing.iter().map(|(_, code, _)| code.clone()).collect();
    let pillar_code = check_free_code(&pillar.code, &taken);
    let indicator_code = check_free_code(&first.code, &indicator_codes(conn, framework).await?)
        .map_err(|_| AppError::invalid("first_code", Key::FwCodeTaken));
    if let Some(error) = AppError::merge([pillar_code.err(), indicator_code.err()]) {
        return Err(error);
    }
    let position = existing.iter().map(|(_, _, p)| p + 1).max().unwrap_or(0);
    let doc = PillarDoc {
        code: pillar.code.clone(),
        name: pillar.name.clone(),
        description: pillar.description.clone(),
        indicators: Vec::new(),
    };
    let id = insert_pillar(conn, framework, position, &doc).await?;
    add_indicator_row(conn, framework, id, first).await?;
    Ok(id)
}

/// Removes an indicator nothing is attached to; never a pillar's last one.
pub async fn remove_indicator(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    indicator: IndicatorId,
) -> AppResult<()> {
    let placed = usage(conn, framework).await?;
    let target = placed
        .iter()
        .find(|p| p.id == indicator)
        .ok_or(AppError::NotFound)?;
    if target.usage.is_pinned() {
        return Err(in_use(Key::FwInUseIndicator, &[&target.usage]));
    }
    if placed.iter().filter(|p| p.pillar == target.pillar).count() == 1 {
        return Err(AppError::Conflict {
            reason: Key::FwLastIndicator,
        });
    }
    if !delete_unused_indicator(conn, indicator).await? {
        return Err(in_use(Key::FwInUseIndicator, &[&target.usage]));
    }
    Ok(())
}

/// Removes a pillar and its indicators, if none of them has anything attached; never the
/// framework's last pillar.
pub async fn remove_pillar(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    pillar: PillarId,
) -> AppResult<()> {
    let all = pillars(conn, framework).await?;
    if !all.iter().any(|(id, _, _)| *id == pillar) {
        return Err(AppError::NotFound);
    }
    let placed = usage(conn, framework).await?;
    let inside: Vec<&Placed> = placed.iter().filter(|p| p.pillar == pillar).collect();
    let pinned: Vec<&Usage> = inside
        .iter()
        .map(|p| &p.usage)
        .filter(|u| u.is_pinned())
        .collect();
    if !pinned.is_empty() {
        return Err(in_use(Key::FwInUsePillar, &pinned));
    }
    if all.len() == 1 {
        return Err(AppError::Conflict {
            reason: Key::FwLastPillar,
        });
    }
    for p in &inside {
        if !delete_unused_indicator(conn, p.id).await? {
            return Err(in_use(Key::FwInUsePillar, &[&p.usage]));
        }
    }
    sqlx::query("DELETE FROM pillars WHERE id = $1")
        .bind(pillar.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn renumber(conn: &mut AnyConnection, table: &str, ids: &[i64]) -> AppResult<()> {
    // `table` is one of two literals below, never input.
    let sql = format!("UPDATE {table} SET position = $1 WHERE id = $2");
    for (position, id) in (0_i64..).zip(ids) {
        sqlx::query(&sql)
            .bind(position)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Moves a pillar one place up or down. At either end, nothing changes.
pub async fn move_pillar(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    pillar: PillarId,
    direction: Direction,
) -> AppResult<()> {
    let ids: Vec<i64> = pillars(conn, framework)
        .await?
        .iter()
        .map(|(id, _, _)| id.0)
        .collect();
    let index = ids
        .iter()
        .position(|id| *id == pillar.0)
        .ok_or(AppError::NotFound)?;
    match moved(&ids, index, direction) {
        Some(order) => renumber(conn, "pillars", &order).await,
        None => Ok(()),
    }
}

/// Moves an indicator one place up or down within its pillar. At either end, nothing changes.
pub async fn move_indicator(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    indicator: IndicatorId,
    direction: Direction,
) -> AppResult<()> {
    let placed = usage(conn, framework).await?;
    let pillar = placed
        .iter()
        .find(|p| p.id == indicator)
        .ok_or(AppError::NotFound)?
        .pillar;
    let ids: Vec<i64> = placed
        .iter()
        .filter(|p| p.pillar == pillar)
        .map(|p| p.id.0)
        .collect();
    let index = ids
        .iter()
        .position(|id| *id == indicator.0)
        .ok_or(AppError::NotFound)?;
    match moved(&ids, index, direction) {
        Some(order) => renumber(conn, "indicators", &order).await,
        None => Ok(()),
    }
}
