//! Gathering a workshop from the database into an [`Archive`].
//!
//! Rows are read in id order so that an import, which inserts them in file order, gives them
//! new ids in the same relative order: every list the app sorts with an id as tie-breaker
//! comes out the same.

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::model::*;
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::framework::editor_repo;
use crate::ids::{FrameworkId, WorkshopId};

/// Indicator id → code, for the framework of the workshop being read.
pub(super) struct Codes(HashMap<i64, String>);

impl Codes {
    pub(super) fn of(&self, row: &AnyRow) -> AppResult<String> {
        let id: i64 = row.try_get("indicator_id")?;
        self.0
            .get(&id)
            .cloned()
            .ok_or_else(|| AppError::internal("answer on an indicator of another framework", id))
    }
}

fn flag(row: &AnyRow, column: &str) -> AppResult<bool> {
    Ok(row.try_get::<i64, _>(column)? != 0)
}

/// The whole workshop as an archive.
pub async fn gather(conn: &mut AnyConnection, workshop: WorkshopId) -> AppResult<Archive> {
    let (settings, framework) = workshop_part(conn, workshop).await?;
    let stored = editor_repo::load(conn, framework).await?;
    let codes = Codes(
        stored
            .indicator_ids
            .iter()
            .flatten()
            .zip(stored.doc.indicators())
            .map(|(id, (_, indicator))| (id.0, indicator.code.clone()))
            .collect(),
    );
    let w = workshop.0;
    let teams =
        sqlx::query("SELECT id, name FROM teams WHERE workshop_id = $1 ORDER BY position, id")
            .bind(w)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|row| {
                Ok(TeamPart {
                    key: row.try_get("id")?,
                    name: row.try_get("name")?,
                })
            })
            .collect::<AppResult<_>>()?;
    let participants = sqlx::query(
        "SELECT id, team_id, display_name, is_lead, created_at FROM participants
         WHERE workshop_id = $1 ORDER BY id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| {
        Ok(ParticipantPart {
            key: row.try_get("id")?,
            team: row.try_get("team_id")?,
            display_name: row.try_get("display_name")?,
            is_lead: flag(row, "is_lead")?,
            created_at: row.try_get("created_at")?,
        })
    })
    .collect::<AppResult<_>>()?;
    let mut archive = Archive {
        format: FORMAT.to_owned(),
        exported_at: now(),
        rumbo_version: env!("CARGO_PKG_VERSION").to_owned(),
        workshop: settings,
        framework: stored.doc.clone(),
        teams,
        participants,
        answers: Vec::new(),
        consensus: Vec::new(),
        rounds: Vec::new(),
        round_answers: Vec::new(),
        round_consensus: Vec::new(),
        actions: Vec::new(),
        votes: Vec::new(),
        roadmaps: Vec::new(),
        needs: Vec::new(),
        programme: Vec::new(),
        cases: Vec::new(),
    };
    assessment(conn, workshop, &codes, &mut archive).await?;
    rounds(conn, workshop, &codes, &mut archive).await?;
    super::read_plans::actions(conn, workshop, &codes, &mut archive).await?;
    super::read_plans::roadmaps(conn, workshop, &mut archive).await?;
    super::read_plans::needs(conn, workshop, &mut archive).await?;
    super::read_programme::programme(conn, workshop, &mut archive).await?;
    super::read_programme::cases(conn, workshop, &codes, &mut archive).await?;
    Ok(archive)
}

async fn workshop_part(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
) -> AppResult<(WorkshopPart, FrameworkId)> {
    let row = sqlx::query(
        "SELECT title, description, phase, anonymity_threshold, starts_on, ends_on, languages,
                share_results, dots_per_participant, dots_stack, weight_relevance, weight_ambition,
                weight_feasibility, weight_resources, weight_gap, round, licence, created_at,
                framework_id
         FROM workshops WHERE id = $1",
    )
    .bind(workshop.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(AppError::NotFound)?;
    let part = WorkshopPart {
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        phase: row.try_get("phase")?,
        anonymity_threshold: row.try_get("anonymity_threshold")?,
        starts_on: row.try_get("starts_on")?,
        ends_on: row.try_get("ends_on")?,
        languages: row.try_get("languages")?,
        share_results: row.try_get("share_results")?,
        dots_per_participant: row.try_get("dots_per_participant")?,
        dots_stack: flag(&row, "dots_stack")?,
        weight_relevance: row.try_get("weight_relevance")?,
        weight_ambition: row.try_get("weight_ambition")?,
        weight_feasibility: row.try_get("weight_feasibility")?,
        weight_resources: row.try_get("weight_resources")?,
        weight_gap: row.try_get("weight_gap")?,
        round: row.try_get("round")?,
        licence: row.try_get("licence")?,
        created_at: row.try_get("created_at")?,
    };
    Ok((part, FrameworkId(row.try_get("framework_id")?)))
}

async fn assessment(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    codes: &Codes,
    archive: &mut Archive,
) -> AppResult<()> {
    let rows = sqlx::query(
        "SELECT a.participant_id, a.indicator_id, a.response, a.level, a.target_level,
                a.evidence_url, a.note, a.mark, a.created_at, a.updated_at
         FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $1 ORDER BY a.id",
    )
    .bind(workshop.0)
    .fetch_all(&mut *conn)
    .await?;
    for row in &rows {
        archive.answers.push(AnswerPart {
            participant: row.try_get("participant_id")?,
            indicator: codes.of(row)?,
            response: row.try_get("response")?,
            level: row.try_get("level")?,
            target_level: row.try_get("target_level")?,
            evidence_url: row.try_get("evidence_url")?,
            note: row.try_get("note")?,
            mark: row.try_get("mark")?,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        });
    }
    let rows = sqlx::query(
        "SELECT c.team_id, c.indicator_id, c.level, c.rationale, c.set_by, c.updated_at
         FROM team_consensus c JOIN teams t ON t.id = c.team_id
         WHERE t.workshop_id = $1 ORDER BY t.position, t.id, c.indicator_id",
    )
    .bind(workshop.0)
    .fetch_all(&mut *conn)
    .await?;
    for row in &rows {
        archive.consensus.push(ConsensusPart {
            team: row.try_get("team_id")?,
            indicator: codes.of(row)?,
            level: row.try_get("level")?,
            rationale: row.try_get("rationale")?,
            set_by: row.try_get("set_by")?,
            updated_at: row.try_get("updated_at")?,
        });
    }
    Ok(())
}

async fn rounds(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    codes: &Codes,
    archive: &mut Archive,
) -> AppResult<()> {
    let w = workshop.0;
    let rows = sqlx::query(
        "SELECT round, closed_at FROM assessment_rounds WHERE workshop_id = $1 ORDER BY round",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?;
    for row in &rows {
        archive.rounds.push(RoundPart {
            round: row.try_get("round")?,
            closed_at: row.try_get("closed_at")?,
        });
    }
    let rows = sqlx::query(
        "SELECT round, participant_id, team_id, indicator_id, response, level, target_level, mark
         FROM round_answers WHERE workshop_id = $1 ORDER BY round, participant_id, indicator_id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?;
    for row in &rows {
        archive.round_answers.push(RoundAnswerPart {
            round: row.try_get("round")?,
            participant: row.try_get("participant_id")?,
            team: row.try_get("team_id")?,
            indicator: codes.of(row)?,
            response: row.try_get("response")?,
            level: row.try_get("level")?,
            target_level: row.try_get("target_level")?,
            mark: row.try_get("mark")?,
        });
    }
    let rows = sqlx::query(
        "SELECT round, team_id, indicator_id, level FROM round_consensus
         WHERE workshop_id = $1 ORDER BY round, team_id, indicator_id",
    )
    .bind(w)
    .fetch_all(&mut *conn)
    .await?;
    for row in &rows {
        archive.round_consensus.push(RoundConsensusPart {
            round: row.try_get("round")?,
            team: row.try_get("team_id")?,
            indicator: codes.of(row)?,
            level: row.try_get("level")?,
        });
    }
    Ok(())
}
