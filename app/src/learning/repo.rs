//! A workshop's own cases in the database.

use std::collections::HashMap;

use sqlx::{Any, AnyConnection, Executor, Row};

use super::model::{Case, GovLevel, IndicatorCode, Source};
use super::rules::CaseDraft;
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::framework::Text;
use crate::ids::{CaseId, IndicatorId, WorkshopId};

fn same(text: String) -> Text {
    Text {
        es: text.clone(),
        en: text,
    }
}

/// The indicators of the workshop's framework: id, code, pillar code and name.
pub async fn indicators<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<(IndicatorId, IndicatorCode, String)>> {
    let rows = sqlx::query(
        "SELECT i.id, i.code, i.name_es, i.name_en, p.code AS pillar
         FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id
         JOIN pillars p ON p.id = i.pillar_id
         WHERE w.id = $1 ORDER BY p.position, i.position",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                IndicatorId(row.try_get("id")?),
                IndicatorCode {
                    code: row.try_get("code")?,
                    name: Text {
                        es: row.try_get("name_es")?,
                        en: row.try_get("name_en")?,
                    },
                },
                row.try_get("pillar")?,
            ))
        })
        .collect()
}

/// The workshop's own cases, oldest first, with their indicator and pillar codes.
pub async fn cases(conn: &mut AnyConnection, workshop: WorkshopId) -> AppResult<Vec<Case>> {
    let rows = sqlx::query(
        "SELECT id, title, place, country, level, years, summary, results, presented_by,
                source_title, source_url
         FROM workshop_cases WHERE workshop_id = $1 ORDER BY id",
    )
    .bind(workshop.0)
    .fetch_all(&mut *conn)
    .await?;
    let links = sqlx::query(
        "SELECT l.case_id, i.code, p.code AS pillar
         FROM workshop_case_indicators l
         JOIN workshop_cases c ON c.id = l.case_id
         JOIN indicators i ON i.id = l.indicator_id
         JOIN pillars p ON p.id = i.pillar_id
         WHERE c.workshop_id = $1 ORDER BY p.position, i.position",
    )
    .bind(workshop.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut codes: HashMap<i64, (Vec<String>, Vec<String>)> = HashMap::new();
    for row in &links {
        let entry = codes.entry(row.try_get("case_id")?).or_default();
        entry.0.push(row.try_get("code")?);
        let pillar: String = row.try_get("pillar")?;
        if !entry.1.contains(&pillar) {
            entry.1.push(pillar);
        }
    }
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            let level: String = row.try_get("level")?;
            let level = GovLevel::parse(&level)
                .ok_or_else(|| AppError::internal("unknown case level stored", &level))?;
            let source_url: Option<String> = row.try_get("source_url")?;
            let source_title: String = row.try_get("source_title")?;
            let presented_by: String = row.try_get("presented_by")?;
            let (indicators, pillars) = codes.remove(&id).unwrap_or_default();
            Ok(Case {
                anchor: format!("case-w{id}"),
                id: Some(CaseId(id)),
                title: same(row.try_get("title")?),
                place: same(row.try_get("place")?),
                country: same(row.try_get("country")?),
                level,
                years: row.try_get("years")?,
                what: same(row.try_get("summary")?),
                results: same(row.try_get("results")?),
                indicators,
                pillars,
                sources: source_url
                    .map(|url| Source {
                        title: if source_title.is_empty() {
                            url.clone()
                        } else {
                            source_title
                        },
                        url,
                    })
                    .into_iter()
                    .collect(),
                presented_by: (!presented_by.is_empty()).then_some(presented_by),
            })
        })
        .collect()
}

/// How many cases the workshop holds.
pub async fn count<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<usize> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM workshop_cases WHERE workshop_id = $1")
        .bind(workshop.0)
        .fetch_one(db)
        .await?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

/// Stores a new case (`case = None`) or replaces one of the workshop's, with its indicator
/// links. `indicator_ids` are the framework's ids for the draft's codes. Call inside a
/// transaction. A case of another workshop is `NotFound`.
pub async fn save(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    case: Option<CaseId>,
    draft: &CaseDraft,
    indicator_ids: &[IndicatorId],
) -> AppResult<CaseId> {
    let at = now();
    let id = match case {
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO workshop_cases
                     (workshop_id, title, place, country, level, years, summary, results,
                      presented_by, source_title, source_url, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
                 RETURNING id",
            )
            .bind(workshop.0)
            .bind(&draft.title)
            .bind(&draft.place)
            .bind(&draft.country)
            .bind(draft.level.as_str())
            .bind(&draft.years)
            .bind(&draft.what)
            .bind(&draft.results)
            .bind(&draft.presented_by)
            .bind(&draft.source_title)
            .bind(draft.source_url.as_deref())
            .bind(at)
            .fetch_one(&mut *conn)
            .await?;
            CaseId(id)
        }
        Some(id) => {
            let updated = sqlx::query(
                "UPDATE workshop_cases SET title = $1, place = $2, country = $3, level = $4,
                     years = $5, summary = $6, results = $7, presented_by = $8,
                     source_title = $9, source_url = $10, updated_at = $11
                 WHERE id = $12 AND workshop_id = $13",
            )
            .bind(&draft.title)
            .bind(&draft.place)
            .bind(&draft.country)
            .bind(draft.level.as_str())
            .bind(&draft.years)
            .bind(&draft.what)
            .bind(&draft.results)
            .bind(&draft.presented_by)
            .bind(&draft.source_title)
            .bind(draft.source_url.as_deref())
            .bind(at)
            .bind(id.0)
            .bind(workshop.0)
            .execute(&mut *conn)
            .await?;
            if updated.rows_affected() != 1 {
                return Err(AppError::NotFound);
            }
            sqlx::query("DELETE FROM workshop_case_indicators WHERE case_id = $1")
                .bind(id.0)
                .execute(&mut *conn)
                .await?;
            id
        }
    };
    for indicator in indicator_ids {
        sqlx::query("INSERT INTO workshop_case_indicators (case_id, indicator_id) VALUES ($1, $2)")
            .bind(id.0)
            .bind(indicator.0)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// Removes one of the workshop's cases; another workshop's (or none) is `NotFound`.
pub async fn delete<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    case: CaseId,
) -> AppResult<()> {
    let deleted = sqlx::query("DELETE FROM workshop_cases WHERE id = $1 AND workshop_id = $2")
        .bind(case.0)
        .bind(workshop.0)
        .execute(db)
        .await?;
    if deleted.rows_affected() == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
