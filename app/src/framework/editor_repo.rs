//! Reading a workshop's framework back as a document, and changing it in place.
//!
//! Every change keeps the ids of the indicators it keeps, so answers and team consensus rows
//! stay attached. Indicators are deleted only with a guard in the statement itself (no answer,
//! no consensus), so an answer saved between a check and a delete is never lost with it: the
//! delete then touches nothing and the change is refused.

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};

use super::edit::{
    check_free_code, check_indicator_code, in_use, moved, orphaned_by, pinned_among, Direction,
    ImportSummary, IndicatorEdit, NewIndicator, PillarEdit, Usage,
};
use super::repo::{insert_details, insert_indicator, insert_levels, insert_pillar};
use super::{
    ActionDoc, DescriptorDoc, FrameworkDoc, IndicatorDoc, LevelDoc, PillarDoc, Text, SCHEMA_VERSION,
};
use crate::error::{AppError, AppResult};
use crate::i18n::Key;
use crate::ids::{FrameworkId, IndicatorId, PillarId};

/// A framework as stored: the document, and the ids of its pillars and indicators in the
/// same order.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// The document.
    pub doc: FrameworkDoc,
    /// Pillar ids, in the order of `doc.pillars`.
    pub pillar_ids: Vec<PillarId>,
    /// Indicator ids, per pillar, in the order of each pillar's indicators.
    pub indicator_ids: Vec<Vec<IndicatorId>>,
}

fn text(row: &sqlx::any::AnyRow, es: &str, en: &str) -> AppResult<Text> {
    Ok(Text {
        es: row.try_get(es)?,
        en: row.try_get(en)?,
    })
}

/// The framework as a document: exactly what an export holds.
pub async fn load_doc(conn: &mut AnyConnection, framework: FrameworkId) -> AppResult<FrameworkDoc> {
    Ok(load(conn, framework).await?.doc)
}

/// The framework as a document, with the ids of its parts.
pub async fn load(conn: &mut AnyConnection, framework: FrameworkId) -> AppResult<Stored> {
    let head = sqlx::query(
        "SELECT source_key, source_version, name_es, name_en, description_es, description_en
         FROM frameworks WHERE id = $1",
    )
    .bind(framework.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;

    let levels = sqlx::query(
        "SELECT level, name_es, name_en, summary_es, summary_en
         FROM framework_levels WHERE framework_id = $1 ORDER BY level",
    )
    .bind(framework.0)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| {
        Ok(LevelDoc {
            level: level_of(row)?,
            name: text(row, "name_es", "name_en")?,
            summary: text(row, "summary_es", "summary_en")?,
        })
    })
    .collect::<AppResult<Vec<_>>>()?;

    let mut descriptors: HashMap<i64, Vec<DescriptorDoc>> = HashMap::new();
    for row in sqlx::query(
        "SELECT d.indicator_id, d.level, d.descriptor_es, d.descriptor_en
         FROM level_descriptors d JOIN indicators i ON i.id = d.indicator_id
         WHERE i.framework_id = $1 ORDER BY d.indicator_id, d.level",
    )
    .bind(framework.0)
    .fetch_all(&mut *conn)
    .await?
    {
        descriptors
            .entry(row.try_get("indicator_id")?)
            .or_default()
            .push(DescriptorDoc {
                level: level_of(&row)?,
                descriptor: text(&row, "descriptor_es", "descriptor_en")?,
            });
    }

    let mut actions: HashMap<i64, Vec<ActionDoc>> = HashMap::new();
    for row in sqlx::query(
        "SELECT a.indicator_id, a.title_es, a.title_en, a.description_es, a.description_en
         FROM suggested_actions a JOIN indicators i ON i.id = a.indicator_id
         WHERE i.framework_id = $1 ORDER BY a.indicator_id, a.position, a.id",
    )
    .bind(framework.0)
    .fetch_all(&mut *conn)
    .await?
    {
        actions
            .entry(row.try_get("indicator_id")?)
            .or_default()
            .push(ActionDoc {
                title: text(&row, "title_es", "title_en")?,
                description: text(&row, "description_es", "description_en")?,
            });
    }

    let mut indicators: HashMap<i64, Vec<(IndicatorId, IndicatorDoc)>> = HashMap::new();
    for row in sqlx::query(
        "SELECT id, pillar_id, code, name_es, name_en, description_es, description_en, sources
         FROM indicators WHERE framework_id = $1 ORDER BY position, id",
    )
    .bind(framework.0)
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = row.try_get("id")?;
        let sources: String = row.try_get("sources")?;
        indicators
            .entry(row.try_get("pillar_id")?)
            .or_default()
            .push((
                IndicatorId(id),
                IndicatorDoc {
                    code: row.try_get("code")?,
                    name: text(&row, "name_es", "name_en")?,
                    description: text(&row, "description_es", "description_en")?,
                    sources: sources
                        .lines()
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    levels: descriptors.remove(&id).unwrap_or_default(),
                    suggested_actions: actions.remove(&id).unwrap_or_default(),
                },
            ));
    }

    let mut pillars = Vec::new();
    let mut pillar_ids = Vec::new();
    let mut indicator_ids = Vec::new();
    for row in sqlx::query(
        "SELECT id, code, name_es, name_en, description_es, description_en
         FROM pillars WHERE framework_id = $1 ORDER BY position, id",
    )
    .bind(framework.0)
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = row.try_get("id")?;
        let (ids, docs): (Vec<_>, Vec<_>) = indicators
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .unzip();
        pillar_ids.push(PillarId(id));
        indicator_ids.push(ids);
        pillars.push(PillarDoc {
            code: row.try_get("code")?,
            name: text(&row, "name_es", "name_en")?,
            description: text(&row, "description_es", "description_en")?,
            indicators: docs,
        });
    }

    Ok(Stored {
        doc: FrameworkDoc {
            schema_version: SCHEMA_VERSION,
            id: head.try_get("source_key")?,
            version: head.try_get("source_version")?,
            name: text(&head, "name_es", "name_en")?,
            description: text(&head, "description_es", "description_en")?,
            levels,
            pillars,
        },
        pillar_ids,
        indicator_ids,
    })
}

fn level_of(row: &sqlx::any::AnyRow) -> AppResult<u8> {
    let level: i64 = row.try_get("level")?;
    u8::try_from(level).map_err(|_| AppError::internal("level out of range stored", level))
}

/// An indicator's usage, with where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The indicator.
    pub id: IndicatorId,
    /// Its pillar.
    pub pillar: PillarId,
    /// Its code and what is attached to it.
    pub usage: Usage,
}

/// How much each indicator of the framework is used.
pub async fn usage(conn: &mut AnyConnection, framework: FrameworkId) -> AppResult<Vec<Placed>> {
    let rows = sqlx::query(
        "SELECT i.id, i.pillar_id, i.code,
                (SELECT COUNT(*) FROM answers a WHERE a.indicator_id = i.id) AS answers,
                (SELECT COUNT(*) FROM team_consensus c WHERE c.indicator_id = i.id) AS settled
         FROM indicators i JOIN pillars p ON p.id = i.pillar_id
         WHERE i.framework_id = $1 ORDER BY p.position, p.id, i.position, i.id",
    )
    .bind(framework.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let answers: i64 = row.try_get("answers")?;
            let settled: i64 = row.try_get("settled")?;
            Ok(Placed {
                id: IndicatorId(row.try_get("id")?),
                pillar: PillarId(row.try_get("pillar_id")?),
                usage: Usage {
                    code: row.try_get("code")?,
                    answers: u32::try_from(answers).unwrap_or(u32::MAX),
                    settled: u32::try_from(settled).unwrap_or(u32::MAX),
                },
            })
        })
        .collect()
}

/// Deletes an indicator only if nothing is attached to it; `false` if something is.
async fn delete_unused_indicator(conn: &mut AnyConnection, id: IndicatorId) -> AppResult<bool> {
    let done = sqlx::query(
        "DELETE FROM indicators WHERE id = $1
           AND NOT EXISTS (SELECT 1 FROM answers WHERE indicator_id = $1)
           AND NOT EXISTS (SELECT 1 FROM team_consensus WHERE indicator_id = $1)",
    )
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces the framework with `doc`, which must be checked. Indicators are matched by code:
/// those kept are rewritten in place (their answers stay attached), new ones are added and
/// the rest removed. Refused, changing nothing, if a removed indicator has answers or a
/// consensus. Call inside a transaction.
pub async fn replace(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    doc: &FrameworkDoc,
) -> AppResult<ImportSummary> {
    let placed = usage(conn, framework).await?;
    let usages: Vec<Usage> = placed.iter().map(|p| p.usage.clone()).collect();
    let orphaned = orphaned_by(doc, &usages);
    if !orphaned.is_empty() {
        return Err(in_use(
            Key::FwInUseImport,
            &pinned_among(&orphaned, &usages),
        ));
    }
    let codes: Vec<String> = usages.iter().map(|u| u.code.clone()).collect();
    let summary = ImportSummary::of(doc, &codes);

    sqlx::query(
        "UPDATE frameworks SET source_key = $1, source_version = $2, name_es = $3, name_en = $4,
                description_es = $5, description_en = $6
         WHERE id = $7",
    )
    .bind(&doc.id)
    .bind(&doc.version)
    .bind(&doc.name.es)
    .bind(&doc.name.en)
    .bind(&doc.description.es)
    .bind(&doc.description.en)
    .bind(framework.0)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM framework_levels WHERE framework_id = $1")
        .bind(framework.0)
        .execute(&mut *conn)
        .await?;
    insert_levels(conn, framework, doc).await?;

    let old_pillars: HashMap<String, i64> =
        sqlx::query("SELECT id, code FROM pillars WHERE framework_id = $1")
            .bind(framework.0)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|row| Ok((row.try_get("code")?, row.try_get("id")?)))
            .collect::<AppResult<_>>()?;
    let mut old_indicators: HashMap<String, IndicatorId> = placed
        .iter()
        .map(|p| (p.usage.code.clone(), p.id))
        .collect();
    let mut kept_pillars = Vec::new();

    for (p, pillar) in (0_i64..).zip(&doc.pillars) {
        let pillar_id = match old_pillars.get(&pillar.code) {
            Some(&id) => {
                write_pillar(
                    conn,
                    PillarId(id),
                    p,
                    &pillar.code,
                    &pillar.name,
                    &pillar.description,
                )
                .await?;
                PillarId(id)
            }
            None => insert_pillar(conn, framework, p, pillar).await?,
        };
        kept_pillars.push(pillar_id);
        for (i, indicator) in (0_i64..).zip(&pillar.indicators) {
            let id = match old_indicators.remove(&indicator.code) {
                Some(id) => {
                    sqlx::query(
                        "UPDATE indicators SET pillar_id = $1, position = $2, name_es = $3, name_en = $4,
                                description_es = $5, description_en = $6, sources = $7
                         WHERE id = $8",
                    )
                    .bind(pillar_id.0)
                    .bind(i)
                    .bind(&indicator.name.es)
                    .bind(&indicator.name.en)
                    .bind(&indicator.description.es)
                    .bind(&indicator.description.en)
                    .bind(indicator.sources.join("\n"))
                    .bind(id.0)
                    .execute(&mut *conn)
                    .await?;
                    id
                }
                None => insert_indicator(conn, framework, pillar_id, i, indicator).await?,
            };
            insert_details(conn, id, indicator).await?;
        }
    }

    // What is left of the old indicators is not in the document, and was unused when checked.
    for (code, id) in old_indicators {
        if !delete_unused_indicator(conn, id).await? {
            return Err(AppError::FrameworkInUse {
                reason: Key::FwInUseImport,
                codes: vec![code],
                answers: 0,
            });
        }
    }
    for (_, id) in old_pillars {
        if !kept_pillars.contains(&PillarId(id)) {
            sqlx::query("DELETE FROM pillars WHERE id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(summary)
}

async fn write_pillar(
    conn: &mut AnyConnection,
    id: PillarId,
    position: i64,
    code: &str,
    name: &Text,
    description: &Text,
) -> AppResult<()> {
    sqlx::query(
        "UPDATE pillars SET position = $1, code = $2, name_es = $3, name_en = $4,
                description_es = $5, description_en = $6
         WHERE id = $7",
    )
    .bind(position)
    .bind(code)
    .bind(&name.es)
    .bind(&name.en)
    .bind(&description.es)
    .bind(&description.en)
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

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
             AND NOT EXISTS (SELECT 1 FROM team_consensus WHERE indicator_id = $7)))",
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
