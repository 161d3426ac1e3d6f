//! Reading a framework back: the document with its ids, and what pins each indicator.

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};

use crate::error::{AppError, AppResult};
use crate::framework::edit::Usage;
use crate::framework::{
    ActionDoc, DescriptorDoc, FrameworkDoc, IndicatorDoc, LevelDoc, PillarDoc, Text, SCHEMA_VERSION,
};
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

/// How much each indicator of the framework is used: answers and settled levels of the
/// current round and of closed rounds alike (removing the indicator would erase them).
pub async fn usage(conn: &mut AnyConnection, framework: FrameworkId) -> AppResult<Vec<Placed>> {
    let rows = sqlx::query(
        "SELECT i.id, i.pillar_id, i.code,
                (SELECT COUNT(*) FROM answers a WHERE a.indicator_id = i.id)
                  + (SELECT COUNT(*) FROM round_answers a WHERE a.indicator_id = i.id) AS answers,
                (SELECT COUNT(*) FROM team_consensus c WHERE c.indicator_id = i.id)
                  + (SELECT COUNT(*) FROM round_consensus c WHERE c.indicator_id = i.id) AS settled
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
pub(super) async fn delete_unused_indicator(
    conn: &mut AnyConnection,
    id: IndicatorId,
) -> AppResult<bool> {
    let done = sqlx::query(
        "DELETE FROM indicators WHERE id = $1
           AND NOT EXISTS (SELECT 1 FROM answers WHERE indicator_id = $1)
           AND NOT EXISTS (SELECT 1 FROM team_consensus WHERE indicator_id = $1)
           AND NOT EXISTS (SELECT 1 FROM round_answers WHERE indicator_id = $1)
           AND NOT EXISTS (SELECT 1 FROM round_consensus WHERE indicator_id = $1)",
    )
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
