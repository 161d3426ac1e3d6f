//! What the facilitator's set-up pages read and write in the database.

use sqlx::{Any, AnyConnection, Executor, Row};

use super::settings::{Languages, ShareResults, WorkshopSettings};
use super::setup::{MyWorkshop, SetupParticipant, SetupTeam};
use super::{JoinCode, Phase};
use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::facilitator::Role;
use crate::i18n::Key;
use crate::ids::{FacilitatorId, ParticipantId, TeamId, WorkshopId};

/// The workshops a facilitator owns or co-facilitates, newest first.
pub async fn list_for<'e>(
    db: impl Executor<'e, Database = Any>,
    facilitator: FacilitatorId,
) -> AppResult<Vec<MyWorkshop>> {
    let rows = sqlx::query(
        "SELECT w.id, w.title, w.phase, wf.role, w.starts_on,
                (SELECT COUNT(*) FROM teams t WHERE t.workshop_id = w.id) AS teams,
                (SELECT COUNT(*) FROM participants p WHERE p.workshop_id = w.id) AS participants
         FROM workshop_facilitators wf JOIN workshops w ON w.id = wf.workshop_id
         WHERE wf.facilitator_id = $1
         ORDER BY w.created_at DESC, w.id DESC",
    )
    .bind(facilitator.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let phase: String = row.try_get("phase")?;
            let role: String = row.try_get("role")?;
            Ok(MyWorkshop {
                id: WorkshopId(row.try_get("id")?),
                title: row.try_get("title")?,
                phase: Phase::parse(&phase)
                    .ok_or_else(|| AppError::internal("unknown phase stored", &phase))?,
                role: Role::parse(&role)
                    .ok_or_else(|| AppError::internal("unknown role stored", &role))?,
                starts_on: row.try_get("starts_on")?,
                teams: count(row, "teams")?,
                participants: count(row, "participants")?,
            })
        })
        .collect()
}

fn count(row: &sqlx::any::AnyRow, column: &str) -> AppResult<u32> {
    let n: i64 = row.try_get(column)?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// A workshop's settings.
pub async fn settings<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<WorkshopSettings> {
    let row = sqlx::query(
        "SELECT title, description, starts_on, ends_on, languages, anonymity_threshold, share_results
         FROM workshops WHERE id = $1",
    )
    .bind(workshop.0)
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    let languages: String = row.try_get("languages")?;
    let share: String = row.try_get("share_results")?;
    Ok(WorkshopSettings {
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        starts_on: row.try_get("starts_on")?,
        ends_on: row.try_get("ends_on")?,
        languages: Languages::parse(&languages)
            .ok_or_else(|| AppError::internal("unknown languages stored", &languages))?,
        anonymity_threshold: count(&row, "anonymity_threshold")?,
        share_results: ShareResults::parse(&share)
            .ok_or_else(|| AppError::internal("unknown sharing stored", &share))?,
    })
}

/// Saves a workshop's settings.
pub async fn update_settings<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    settings: &WorkshopSettings,
) -> AppResult<()> {
    let done = sqlx::query(
        "UPDATE workshops SET title = $1, description = $2, starts_on = $3, ends_on = $4,
                languages = $5, anonymity_threshold = $6, share_results = $7, updated_at = $8
         WHERE id = $9",
    )
    .bind(&settings.title)
    .bind(&settings.description)
    .bind(settings.starts_on.as_deref())
    .bind(settings.ends_on.as_deref())
    .bind(settings.languages.as_str())
    .bind(i64::from(settings.anonymity_threshold))
    .bind(settings.share_results.as_str())
    .bind(now())
    .bind(workshop.0)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The teams of a workshop with how many people joined each.
pub async fn teams<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<SetupTeam>> {
    let rows = sqlx::query(
        "SELECT t.id, t.name, (SELECT COUNT(*) FROM participants p WHERE p.team_id = t.id) AS members
         FROM teams t WHERE t.workshop_id = $1 ORDER BY t.position, t.id",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(SetupTeam {
                id: TeamId(row.try_get("id")?),
                name: row.try_get("name")?,
                members: count(row, "members")?,
            })
        })
        .collect()
}

/// Appends teams after the existing ones. Call inside a transaction.
pub async fn add_teams(
    conn: &mut AnyConnection,
    workshop: WorkshopId,
    names: &[String],
) -> AppResult<()> {
    let last: Option<i64> =
        sqlx::query_scalar("SELECT MAX(position) FROM teams WHERE workshop_id = $1")
            .bind(workshop.0)
            .fetch_one(&mut *conn)
            .await?;
    let first = last.map_or(0, |p| p + 1);
    for (position, name) in (first..).zip(names) {
        sqlx::query("INSERT INTO teams (workshop_id, name, position) VALUES ($1, $2, $3)")
            .bind(workshop.0)
            .bind(name)
            .bind(position)
            .execute(&mut *conn)
            .await
            .map_err(team_name_taken)?;
    }
    Ok(())
}

fn team_name_taken(e: sqlx::Error) -> AppError {
    match AppError::from(e) {
        AppError::Conflict { .. } => AppError::Conflict {
            reason: Key::ErrTeamNameTaken,
        },
        other => other,
    }
}

/// Renames a team of the workshop.
pub async fn rename_team<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    team: TeamId,
    name: &str,
) -> AppResult<()> {
    let done = sqlx::query("UPDATE teams SET name = $1 WHERE id = $2 AND workshop_id = $3")
        .bind(name)
        .bind(team.0)
        .bind(workshop.0)
        .execute(db)
        .await
        .map_err(team_name_taken)?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Removes a team nobody has joined. The emptiness check is part of the delete, so a
/// participant joining at the same moment is never lost with the team.
pub async fn remove_empty_team(
    pool: &sqlx::AnyPool,
    workshop: WorkshopId,
    team: TeamId,
) -> AppResult<()> {
    let done = sqlx::query(
        "DELETE FROM teams WHERE id = $1 AND workshop_id = $2
           AND NOT EXISTS (SELECT 1 FROM participants p WHERE p.team_id = $1)",
    )
    .bind(team.0)
    .bind(workshop.0)
    .execute(pool)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(());
    }
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM teams WHERE id = $1 AND workshop_id = $2")
            .bind(team.0)
            .bind(workshop.0)
            .fetch_optional(pool)
            .await?;
    Err(match exists {
        Some(_) => AppError::Conflict {
            reason: Key::ErrTeamNotEmpty,
        },
        None => AppError::NotFound,
    })
}

/// Gives the workshop a new join code; the old one stops working at once.
pub async fn set_join_code<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    code: &JoinCode,
) -> AppResult<()> {
    sqlx::query("UPDATE workshops SET join_code = $1, updated_at = $2 WHERE id = $3")
        .bind(code.as_str())
        .bind(now())
        .bind(workshop.0)
        .execute(db)
        .await?;
    Ok(())
}

/// The workshop's join code.
pub async fn join_code<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<JoinCode> {
    let code: String = sqlx::query_scalar("SELECT join_code FROM workshops WHERE id = $1")
        .bind(workshop.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)?;
    JoinCode::parse(&code).map_err(|_| AppError::internal("malformed join code stored", &code))
}

/// Moves the workshop from phase `from` to `to`. Only if it is still in `from`: two
/// facilitators clicking at once cannot skip a phase.
pub async fn move_phase<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    from: Phase,
    to: Phase,
) -> AppResult<()> {
    let done = sqlx::query(
        "UPDATE workshops SET phase = $1, updated_at = $2 WHERE id = $3 AND phase = $4",
    )
    .bind(to.as_str())
    .bind(now())
    .bind(workshop.0)
    .bind(from.as_str())
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::Conflict {
            reason: Key::ErrPhaseChanged,
        });
    }
    Ok(())
}

/// The people who joined, by team, with how many answers each gave.
pub async fn participants<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<SetupParticipant>> {
    let rows = sqlx::query(
        "SELECT p.id, p.display_name, p.team_id, p.is_lead,
                (SELECT COUNT(*) FROM answers a WHERE a.participant_id = p.id) AS answers
         FROM participants p JOIN teams t ON t.id = p.team_id
         WHERE p.workshop_id = $1
         ORDER BY t.position, t.id, p.display_name, p.id",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let lead: i64 = row.try_get("is_lead")?;
            Ok(SetupParticipant {
                id: ParticipantId(row.try_get("id")?),
                name: row.try_get("display_name")?,
                team: TeamId(row.try_get("team_id")?),
                is_lead: lead == 1,
                answers: count(row, "answers")?,
            })
        })
        .collect()
}

/// Makes a participant of the workshop a team lead, or not.
pub async fn set_lead<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
    participant: ParticipantId,
    is_lead: bool,
) -> AppResult<()> {
    let done =
        sqlx::query("UPDATE participants SET is_lead = $1 WHERE id = $2 AND workshop_id = $3")
            .bind(i64::from(is_lead))
            .bind(participant.0)
            .bind(workshop.0)
            .execute(db)
            .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
