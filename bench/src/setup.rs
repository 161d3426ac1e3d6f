//! Workshops for the bench, made as a facilitator makes them (the app's own server
//! functions), plus bulk participants and answers written straight into the database.
//!
//! Only the bulk rows bypass the app: joining 30,000 people through HTTP would measure the
//! seeding, not the dashboard, and the join is measured on its own in the autosave run.

use sqlx::{AnyPool, Row};

use crate::client::{Browser, Error};
use crate::server::{Backend, FACILITATOR_EMAIL, FACILITATOR_PASSWORD};

/// Signs the bench's facilitator in on `browser`, which keeps the session cookie.
pub async fn sign_in(browser: &mut Browser) -> Result<(), Error> {
    let reply = browser
        .call(
            "log_in",
            &[
                ("email", FACILITATOR_EMAIL),
                ("password", FACILITATOR_PASSWORD),
            ],
        )
        .await?;
    let cookie = reply
        .cookie("rumbo_staff")
        .ok_or_else(|| format!("log in failed ({}): {}", reply.status, reply.text()))?;
    browser.set_cookie(cookie);
    Ok(())
}

/// A workshop made for the bench.
#[derive(Debug, Clone)]
pub struct Workshop {
    /// Its id.
    pub id: i64,
    /// Its join code, as stored.
    pub code: String,
    /// Its teams' ids, in order.
    pub teams: Vec<i64>,
    /// Its framework's indicators' ids, in the order of the assessment.
    pub indicators: Vec<i64>,
}

/// Creates a workshop with `teams` teams and opens its assessment, through the server
/// functions of the set-up page, as the facilitator signed in on `staff`.
pub async fn workshop(
    staff: &Browser,
    db: &AnyPool,
    title: &str,
    teams: usize,
) -> Result<Workshop, Error> {
    let reply = staff
        .call(
            "create_workshop",
            &[
                ("settings[title]", title),
                ("settings[description]", ""),
                ("settings[starts_on]", ""),
                ("settings[ends_on]", ""),
                ("settings[languages]", "es,en"),
                ("settings[anonymity_threshold]", "3"),
                ("settings[share_results]", "teams"),
            ],
        )
        .await?;
    let id: i64 = reply
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|l| l.strip_prefix("/facilitate/workshops/"))
        .and_then(|id| id.parse().ok())
        .ok_or_else(|| format!("create_workshop ({}): {}", reply.status, reply.text()))?;
    let names: Vec<String> = (1..=teams).map(|n| format!("Equipo {n:03}")).collect();
    let id_text = id.to_string();
    let reply = staff
        .call(
            "add_teams",
            &[("workshop", &id_text), ("names", &names.join("\n"))],
        )
        .await?;
    if !reply.status.is_success() {
        return Err(format!("add_teams ({}): {}", reply.status, reply.text()).into());
    }
    let reply = staff
        .call(
            "move_phase",
            &[
                ("workshop", &id_text),
                ("from", "setup"),
                ("to", "assessment"),
            ],
        )
        .await?;
    if !reply.status.is_success() {
        return Err(format!("move_phase ({}): {}", reply.status, reply.text()).into());
    }
    let code: String = sqlx::query_scalar("SELECT join_code FROM workshops WHERE id = $1")
        .bind(id)
        .fetch_one(db)
        .await?;
    let teams: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY position, id")
            .bind(id)
            .fetch_all(db)
            .await?;
    let indicators: Vec<i64> = sqlx::query(
        "SELECT i.id FROM indicators i
         JOIN pillars p ON p.id = i.pillar_id
         JOIN workshops w ON w.framework_id = i.framework_id
         WHERE w.id = $1 ORDER BY p.position, i.position",
    )
    .bind(id)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| row.try_get::<i64, _>(0))
    .collect::<Result<_, _>>()?;
    Ok(Workshop {
        id,
        code,
        teams,
        indicators,
    })
}

/// Adds `per_team` participants to every team of the workshop and an answer from each of them
/// to every indicator, in two `INSERT … SELECT` statements. Levels and marks vary with the
/// ids so that the aggregation has real work to do. Returns how many answers the workshop has.
pub async fn bulk_answers(
    db: &AnyPool,
    backend: Backend,
    workshop: &Workshop,
    per_team: usize,
) -> Result<i64, Error> {
    let now = unix_now();
    let per_team = i64::try_from(per_team)?;
    let mut tx = db.begin().await?;
    sqlx::query(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $2)
         INSERT INTO participants (workshop_id, team_id, display_name, is_lead, created_at)
         SELECT $1, t.id, 'Persona ' || CAST(n.k AS TEXT), 0, $3
         FROM teams t CROSS JOIN n WHERE t.workshop_id = $1",
    )
    .bind(workshop.id)
    .bind(per_team)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO answers (participant_id, indicator_id, response, level, target_level, mark, created_at, updated_at)
         SELECT p.id, i.id, 'level', 1 + (p.id * 7 + i.id * 3) % 5, 1 + (p.id * 7 + i.id * 3 + 1) % 5,
                CASE WHEN (p.id + i.id) % 11 = 0 THEN 'strength'
                     WHEN (p.id + i.id) % 13 = 0 THEN 'weakness'
                     ELSE 'neutral' END,
                $2, $2
         FROM participants p
         JOIN workshops w ON w.id = p.workshop_id
         JOIN indicators i ON i.framework_id = w.framework_id
         WHERE p.workshop_id = $1",
    )
    .bind(workshop.id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let answers: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $1",
    )
    .bind(workshop.id)
    .fetch_one(db)
    .await?;
    // PostgreSQL's autovacuum would analyse the new rows within a minute; doing it now keeps
    // runs comparable. SQLite is left as Rumbo leaves it (it never runs ANALYZE).
    if backend == Backend::Postgres {
        sqlx::query("ANALYZE").execute(db).await?;
    }
    Ok(answers)
}

/// The current time as Rumbo stores it: Unix seconds.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
