//! Importing a document over a workshop's framework, matching indicators by code.

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};

use super::read::{delete_unused_indicator, usage};
use crate::error::{AppError, AppResult};
use crate::framework::edit::{in_use, orphaned_by, pinned_among, ImportSummary, Usage};
use crate::framework::repo::{insert_details, insert_indicator, insert_levels, insert_pillar};
use crate::framework::{FrameworkDoc, Text};
use crate::i18n::Key;
use crate::ids::{FrameworkId, IndicatorId, PillarId};

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

pub(super) async fn write_pillar(
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
