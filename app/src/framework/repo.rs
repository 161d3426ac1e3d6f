//! Storing a framework copy for a workshop, and reading its outline back.

use sqlx::{Any, AnyConnection, Executor, Row};

use super::{FrameworkDoc, IndicatorDoc, PillarDoc, Text};
use crate::db::now;
use crate::error::AppResult;
use crate::ids::{FrameworkId, IndicatorId, PillarId};

/// A pillar with its indicators, as the results pages need them.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarOutline {
    /// Id.
    pub id: PillarId,
    /// Code, e.g. `T`.
    pub code: String,
    /// Name.
    pub name: Text,
    /// Indicators in display order.
    pub indicators: Vec<IndicatorOutline>,
}

/// An indicator's identity and name.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorOutline {
    /// Id.
    pub id: IndicatorId,
    /// Code, e.g. `T1`.
    pub code: String,
    /// Name.
    pub name: Text,
}

/// Writes a whole framework document. Call it inside a transaction: it is many rows.
pub async fn insert(conn: &mut AnyConnection, doc: &FrameworkDoc) -> AppResult<FrameworkId> {
    let framework_id: i64 = sqlx::query_scalar(
        "INSERT INTO frameworks (source_key, source_version, name_es, name_en, description_es, description_en, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(&doc.id)
    .bind(&doc.version)
    .bind(&doc.name.es)
    .bind(&doc.name.en)
    .bind(&doc.description.es)
    .bind(&doc.description.en)
    .bind(now())
    .fetch_one(&mut *conn)
    .await?;
    let framework = FrameworkId(framework_id);
    insert_levels(conn, framework, doc).await?;
    for (p, pillar) in (0_i64..).zip(&doc.pillars) {
        let pillar_id = insert_pillar(conn, framework, p, pillar).await?;
        for (i, indicator) in (0_i64..).zip(&pillar.indicators) {
            let id = insert_indicator(conn, framework, pillar_id, i, indicator).await?;
            insert_details(conn, id, indicator).await?;
        }
    }
    Ok(framework)
}

/// Writes the generic meaning of levels 1–5.
pub(super) async fn insert_levels(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    doc: &FrameworkDoc,
) -> AppResult<()> {
    for level in &doc.levels {
        sqlx::query(
            "INSERT INTO framework_levels (framework_id, level, name_es, name_en, summary_es, summary_en)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(framework.0)
        .bind(i64::from(level.level))
        .bind(&level.name.es)
        .bind(&level.name.en)
        .bind(&level.summary.es)
        .bind(&level.summary.en)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Writes one pillar (without its indicators) at `position`.
pub(super) async fn insert_pillar(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    position: i64,
    pillar: &PillarDoc,
) -> AppResult<PillarId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO pillars (framework_id, code, position, name_es, name_en, description_es, description_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(framework.0)
    .bind(&pillar.code)
    .bind(position)
    .bind(&pillar.name.es)
    .bind(&pillar.name.en)
    .bind(&pillar.description.es)
    .bind(&pillar.description.en)
    .fetch_one(&mut *conn)
    .await?;
    Ok(PillarId(id))
}

/// Writes one indicator's own row (not its descriptors or actions) at `position`.
pub(super) async fn insert_indicator(
    conn: &mut AnyConnection,
    framework: FrameworkId,
    pillar: PillarId,
    position: i64,
    indicator: &IndicatorDoc,
) -> AppResult<IndicatorId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO indicators (framework_id, pillar_id, code, position, name_es, name_en, description_es, description_en, sources)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(framework.0)
    .bind(pillar.0)
    .bind(&indicator.code)
    .bind(position)
    .bind(&indicator.name.es)
    .bind(&indicator.name.en)
    .bind(&indicator.description.es)
    .bind(&indicator.description.en)
    .bind(indicator.sources.join("\n"))
    .fetch_one(&mut *conn)
    .await?;
    Ok(IndicatorId(id))
}

/// Writes an indicator's level descriptors and suggested actions (after removing any it had).
pub(super) async fn insert_details(
    conn: &mut AnyConnection,
    indicator: IndicatorId,
    doc: &IndicatorDoc,
) -> AppResult<()> {
    for table in ["level_descriptors", "suggested_actions"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE indicator_id = $1"))
            .bind(indicator.0)
            .execute(&mut *conn)
            .await?;
    }
    for level in &doc.levels {
        sqlx::query(
            "INSERT INTO level_descriptors (indicator_id, level, descriptor_es, descriptor_en)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(indicator.0)
        .bind(i64::from(level.level))
        .bind(&level.descriptor.es)
        .bind(&level.descriptor.en)
        .execute(&mut *conn)
        .await?;
    }
    for (a, action) in (0_i64..).zip(&doc.suggested_actions) {
        sqlx::query(
            "INSERT INTO suggested_actions (indicator_id, position, title_es, title_en, description_es, description_en)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(indicator.0)
        .bind(a)
        .bind(&action.title.es)
        .bind(&action.title.en)
        .bind(&action.description.es)
        .bind(&action.description.en)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The pillars and indicators of a framework, in display order.
pub async fn outline<'e>(
    db: impl Executor<'e, Database = Any>,
    framework: FrameworkId,
) -> AppResult<Vec<PillarOutline>> {
    let rows = sqlx::query(
        "SELECT p.id AS pillar_id, p.code AS pillar_code, p.name_es AS pillar_es, p.name_en AS pillar_en,
                i.id AS indicator_id, i.code AS indicator_code, i.name_es AS indicator_es, i.name_en AS indicator_en
         FROM pillars p JOIN indicators i ON i.pillar_id = p.id
         WHERE p.framework_id = $1
         ORDER BY p.position, i.position",
    )
    .bind(framework.0)
    .fetch_all(db)
    .await?;

    let mut pillars: Vec<PillarOutline> = Vec::new();
    for row in rows {
        let pillar_id = PillarId(row.try_get("pillar_id")?);
        if pillars.last().map(|p| p.id) != Some(pillar_id) {
            pillars.push(PillarOutline {
                id: pillar_id,
                code: row.try_get("pillar_code")?,
                name: Text {
                    es: row.try_get("pillar_es")?,
                    en: row.try_get("pillar_en")?,
                },
                indicators: Vec::new(),
            });
        }
        if let Some(pillar) = pillars.last_mut() {
            pillar.indicators.push(IndicatorOutline {
                id: IndicatorId(row.try_get("indicator_id")?),
                code: row.try_get("indicator_code")?,
                name: Text {
                    es: row.try_get("indicator_es")?,
                    en: row.try_get("indicator_en")?,
                },
            });
        }
    }
    Ok(pillars)
}

/// The whole framework as participants read it, in three queries.
pub async fn sheet(db: &sqlx::AnyPool, framework: FrameworkId) -> AppResult<super::Sheet> {
    use super::{Sheet, SheetIndicator, SheetPillar};
    let text = |row: &sqlx::any::AnyRow, es: &str, en: &str| -> AppResult<Text> {
        Ok(Text {
            es: row.try_get(es)?,
            en: row.try_get(en)?,
        })
    };
    let levels = sqlx::query(
        "SELECT name_es, name_en FROM framework_levels WHERE framework_id = $1 ORDER BY level",
    )
    .bind(framework.0)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| text(row, "name_es", "name_en"))
    .collect::<AppResult<Vec<_>>>()?;

    let rows = sqlx::query(
        "SELECT p.id AS pillar_id, p.code AS pillar_code, p.name_es AS pillar_es, p.name_en AS pillar_en,
                p.description_es AS pillar_desc_es, p.description_en AS pillar_desc_en,
                i.id AS indicator_id, i.code AS indicator_code, i.name_es, i.name_en,
                i.description_es, i.description_en
         FROM pillars p JOIN indicators i ON i.pillar_id = p.id
         WHERE p.framework_id = $1
         ORDER BY p.position, i.position",
    )
    .bind(framework.0)
    .fetch_all(db)
    .await?;
    let descriptors = sqlx::query(
        "SELECT d.indicator_id, d.level, d.descriptor_es, d.descriptor_en
         FROM level_descriptors d JOIN indicators i ON i.id = d.indicator_id
         WHERE i.framework_id = $1 ORDER BY d.indicator_id, d.level",
    )
    .bind(framework.0)
    .fetch_all(db)
    .await?;
    let mut by_indicator: std::collections::HashMap<i64, Vec<Text>> = Default::default();
    for row in &descriptors {
        let id: i64 = row.try_get("indicator_id")?;
        by_indicator
            .entry(id)
            .or_default()
            .push(text(row, "descriptor_es", "descriptor_en")?);
    }

    let mut pillars: Vec<(i64, SheetPillar)> = Vec::new();
    for row in &rows {
        let pillar_id: i64 = row.try_get("pillar_id")?;
        if pillars.last().map(|(id, _)| *id) != Some(pillar_id) {
            pillars.push((
                pillar_id,
                SheetPillar {
                    code: row.try_get("pillar_code")?,
                    name: text(row, "pillar_es", "pillar_en")?,
                    description: text(row, "pillar_desc_es", "pillar_desc_en")?,
                    indicators: Vec::new(),
                },
            ));
        }
        let id: i64 = row.try_get("indicator_id")?;
        if let Some((_, pillar)) = pillars.last_mut() {
            pillar.indicators.push(SheetIndicator {
                id: IndicatorId(id),
                code: row.try_get("indicator_code")?,
                name: text(row, "name_es", "name_en")?,
                description: text(row, "description_es", "description_en")?,
                descriptors: by_indicator.remove(&id).unwrap_or_default(),
            });
        }
    }
    Ok(Sheet {
        levels,
        pillars: pillars.into_iter().map(|(_, p)| p).collect(),
    })
}
