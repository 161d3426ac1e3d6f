//! Inserting a checked [`Archive`] as a new workshop. Call inside one transaction.

use std::collections::HashMap;

use sqlx::AnyConnection;

use super::model::*;
use crate::error::{AppError, AppResult};
use crate::facilitator::{repo as facilitators, Role};
use crate::framework::repo as frameworks;
use crate::ids::{FacilitatorId, FrameworkId, WorkshopId};
use crate::workshop::JoinCode;

/// File keys (or indicator codes) → the new rows' ids.
pub(super) struct Ids {
    pub(super) indicators: HashMap<String, i64>,
    pub(super) teams: HashMap<i64, i64>,
    pub(super) participants: HashMap<i64, i64>,
    pub(super) actions: HashMap<i64, i64>,
}

/// The new id of a key the checks resolved; a miss is a bug, not the file's fault.
pub(super) fn id<K: std::hash::Hash + Eq + std::fmt::Debug>(
    map: &HashMap<K, i64>,
    key: &K,
) -> AppResult<i64> {
    map.get(key)
        .copied()
        .ok_or_else(|| AppError::internal("archive key not resolved", format!("{key:?}")))
}

pub(super) fn opt(map: &HashMap<i64, i64>, key: Option<i64>) -> AppResult<Option<i64>> {
    key.map(|k| id(map, &k)).transpose()
}

/// Inserts the whole workshop with new ids; `owner` becomes its owner. The archive must have
/// passed [`super::check::check`].
pub async fn insert(
    conn: &mut AnyConnection,
    archive: &Archive,
    owner: FacilitatorId,
    join_code: &JoinCode,
) -> AppResult<WorkshopId> {
    let framework = frameworks::insert(conn, &archive.framework).await?;
    let workshop = insert_workshop(conn, &archive.workshop, framework, join_code).await?;
    facilitators::grant(&mut *conn, workshop, owner, Role::Owner).await?;
    let mut ids = Ids {
        indicators: frameworks::outline(&mut *conn, framework)
            .await?
            .into_iter()
            .flat_map(|p| p.indicators)
            .map(|i| (i.code, i.id.0))
            .collect(),
        teams: HashMap::new(),
        participants: HashMap::new(),
        actions: HashMap::new(),
    };
    let w = workshop.0;
    for (position, team) in (0_i64..).zip(&archive.teams) {
        let new: i64 = sqlx::query_scalar(
            "INSERT INTO teams (workshop_id, name, position) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(w)
        .bind(&team.name)
        .bind(position)
        .fetch_one(&mut *conn)
        .await?;
        ids.teams.insert(team.key, new);
    }
    for p in &archive.participants {
        let new: i64 = sqlx::query_scalar(
            "INSERT INTO participants (workshop_id, team_id, display_name, is_lead, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(w)
        .bind(id(&ids.teams, &p.team)?)
        .bind(&p.display_name)
        .bind(i64::from(p.is_lead))
        .bind(p.created_at)
        .fetch_one(&mut *conn)
        .await?;
        ids.participants.insert(p.key, new);
    }
    assessment(conn, archive, &ids).await?;
    rounds(conn, archive, workshop, &ids).await?;
    super::write_plans::actions(conn, archive, workshop, &mut ids).await?;
    super::write_plans::roadmaps(conn, archive, &ids).await?;
    super::write_plans::needs(conn, archive, workshop, &ids).await?;
    super::write_programme::programme(conn, archive, workshop).await?;
    super::write_programme::cases(conn, archive, workshop, &ids).await?;
    Ok(workshop)
}

async fn insert_workshop(
    conn: &mut AnyConnection,
    w: &WorkshopPart,
    framework: FrameworkId,
    join_code: &JoinCode,
) -> AppResult<WorkshopId> {
    // Never published and never the demo: an import starts private.
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO workshops (title, description, join_code, framework_id, phase,
             anonymity_threshold, starts_on, ends_on, is_demo, created_at, updated_at, languages,
             share_results, dots_per_participant, dots_stack, weight_relevance, weight_ambition,
             weight_feasibility, weight_resources, weight_gap, round, licence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $11, $12, $13, $14, $15, $16, $17,
             $18, $19, $20, $21)
         RETURNING id",
    )
    .bind(&w.title)
    .bind(&w.description)
    .bind(join_code.as_str())
    .bind(framework.0)
    .bind(&w.phase)
    .bind(w.anonymity_threshold)
    .bind(w.starts_on.as_deref())
    .bind(w.ends_on.as_deref())
    .bind(w.created_at)
    .bind(crate::db::now())
    .bind(&w.languages)
    .bind(&w.share_results)
    .bind(w.dots_per_participant)
    .bind(i64::from(w.dots_stack))
    .bind(w.weight_relevance)
    .bind(w.weight_ambition)
    .bind(w.weight_feasibility)
    .bind(w.weight_resources)
    .bind(w.weight_gap)
    .bind(w.round)
    .bind(&w.licence)
    .fetch_one(&mut *conn)
    .await?;
    Ok(WorkshopId(id))
}

async fn assessment(conn: &mut AnyConnection, archive: &Archive, ids: &Ids) -> AppResult<()> {
    for a in &archive.answers {
        sqlx::query(
            "INSERT INTO answers (participant_id, indicator_id, response, level, target_level,
                 evidence_url, note, mark, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id(&ids.participants, &a.participant)?)
        .bind(id(&ids.indicators, &a.indicator)?)
        .bind(&a.response)
        .bind(a.level)
        .bind(a.target_level)
        .bind(a.evidence_url.as_deref())
        .bind(a.note.as_deref())
        .bind(&a.mark)
        .bind(a.created_at)
        .bind(a.updated_at)
        .execute(&mut *conn)
        .await?;
    }
    for c in &archive.consensus {
        sqlx::query(
            "INSERT INTO team_consensus (team_id, indicator_id, level, rationale, set_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id(&ids.teams, &c.team)?)
        .bind(id(&ids.indicators, &c.indicator)?)
        .bind(c.level)
        .bind(&c.rationale)
        .bind(opt(&ids.participants, c.set_by)?)
        .bind(c.updated_at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

async fn rounds(
    conn: &mut AnyConnection,
    archive: &Archive,
    workshop: WorkshopId,
    ids: &Ids,
) -> AppResult<()> {
    let w = workshop.0;
    for r in &archive.rounds {
        sqlx::query(
            "INSERT INTO assessment_rounds (workshop_id, round, closed_at) VALUES ($1, $2, $3)",
        )
        .bind(w)
        .bind(r.round)
        .bind(r.closed_at)
        .execute(&mut *conn)
        .await?;
    }
    for a in &archive.round_answers {
        sqlx::query(
            "INSERT INTO round_answers (workshop_id, round, participant_id, team_id, indicator_id,
                 response, level, target_level, mark)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(w)
        .bind(a.round)
        .bind(id(&ids.participants, &a.participant)?)
        .bind(id(&ids.teams, &a.team)?)
        .bind(id(&ids.indicators, &a.indicator)?)
        .bind(&a.response)
        .bind(a.level)
        .bind(a.target_level)
        .bind(&a.mark)
        .execute(&mut *conn)
        .await?;
    }
    for c in &archive.round_consensus {
        sqlx::query(
            "INSERT INTO round_consensus (workshop_id, round, team_id, indicator_id, level)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(w)
        .bind(c.round)
        .bind(id(&ids.teams, &c.team)?)
        .bind(id(&ids.indicators, &c.indicator)?)
        .bind(c.level)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
