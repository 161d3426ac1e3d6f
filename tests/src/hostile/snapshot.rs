//! Snapshots of the data a caller may not change, to compare before and after an attack.
//!
//! A scope is one workshop, optionally without one team (the caller's own, whose rows the
//! caller may change). Every table of the schema must be either covered here or named as
//! bookkeeping that legitimately changes under any caller (sessions, throttling counters):
//! [`unclassified_tables`] lists the ones that are neither, so a new table fails the test
//! until it is classified.

use std::collections::BTreeMap;

use sqlx::{Column, Row};

use app::db::{Backend, Db};

/// Whose data a snapshot holds.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    /// The workshop.
    pub workshop: i64,
    /// A team of it left out (the caller's own), or none.
    pub except_team: Option<i64>,
}

/// Table → its rows in the scope, each row rendered as text, sorted.
pub type Snapshot = BTreeMap<&'static str, Vec<String>>;

// `$1` is the workshop, `$2` the team left out (-1 for none).
const FRAMEWORK: &str = "(SELECT framework_id FROM workshops WHERE id = $1)";
const TEAMS: &str = "(SELECT id FROM teams WHERE workshop_id = $1 AND id <> $2)";
const PARTICIPANTS: &str = "(SELECT id FROM participants WHERE workshop_id = $1 AND team_id <> $2)";
const ACTIONS: &str = "(SELECT id FROM actions WHERE workshop_id = $1 AND team_id <> $2)";
const NEEDS: &str = "(SELECT id FROM needs WHERE workshop_id = $1 AND team_id <> $2)";
const SESSIONS: &str = "(SELECT id FROM programme_sessions WHERE workshop_id = $1 AND $2 = $2)";
const CASES: &str = "(SELECT id FROM workshop_cases WHERE workshop_id = $1 AND $2 = $2)";
const FACILITATORS: &str =
    "(SELECT facilitator_id FROM workshop_facilitators WHERE workshop_id = $1)";

/// The query giving each protected table's rows in a scope.
fn queries() -> Vec<(&'static str, String)> {
    vec![
        ("workshops", "SELECT * FROM workshops WHERE id = $1 AND $2 = $2".into()),
        ("frameworks", format!("SELECT * FROM frameworks WHERE id = {FRAMEWORK} AND $2 = $2")),
        ("framework_levels", format!("SELECT * FROM framework_levels WHERE framework_id = {FRAMEWORK} AND $2 = $2")),
        ("pillars", format!("SELECT * FROM pillars WHERE framework_id = {FRAMEWORK} AND $2 = $2")),
        ("indicators", format!("SELECT * FROM indicators WHERE framework_id = {FRAMEWORK} AND $2 = $2")),
        ("level_descriptors", format!("SELECT * FROM level_descriptors WHERE indicator_id IN (SELECT id FROM indicators WHERE framework_id = {FRAMEWORK}) AND $2 = $2")),
        ("suggested_actions", format!("SELECT * FROM suggested_actions WHERE indicator_id IN (SELECT id FROM indicators WHERE framework_id = {FRAMEWORK}) AND $2 = $2")),
        ("teams", format!("SELECT * FROM teams WHERE id IN {TEAMS}")),
        ("participants", format!("SELECT * FROM participants WHERE id IN {PARTICIPANTS}")),
        ("answers", format!("SELECT * FROM answers WHERE participant_id IN {PARTICIPANTS}")),
        ("participant_tokens", format!("SELECT * FROM participant_tokens WHERE participant_id IN {PARTICIPANTS}")),
        ("team_consensus", format!("SELECT * FROM team_consensus WHERE team_id IN {TEAMS}")),
        ("workshop_facilitators", "SELECT * FROM workshop_facilitators WHERE workshop_id = $1 AND $2 = $2".into()),
        ("facilitators", format!("SELECT * FROM facilitators WHERE id IN {FACILITATORS} AND $2 = $2")),
        ("api_tokens", format!("SELECT * FROM api_tokens WHERE facilitator_id IN {FACILITATORS} AND $2 = $2")),
        ("actions", format!("SELECT * FROM actions WHERE id IN {ACTIONS}")),
        ("action_indicators", format!("SELECT * FROM action_indicators WHERE action_id IN {ACTIONS}")),
        ("action_dependencies", format!("SELECT * FROM action_dependencies WHERE action_id IN {ACTIONS} OR depends_on IN {ACTIONS}")),
        ("action_votes", format!("SELECT * FROM action_votes WHERE action_id IN {ACTIONS} OR participant_id IN {PARTICIPANTS}")),
        ("roadmaps", format!("SELECT * FROM roadmaps WHERE team_id IN {TEAMS}")),
        ("roadmap_items", format!("SELECT * FROM roadmap_items WHERE team_id IN {TEAMS}")),
        ("roadmap_milestones", format!("SELECT * FROM roadmap_milestones WHERE item_id IN (SELECT id FROM roadmap_items WHERE team_id IN {TEAMS})")),
        ("assessment_rounds", "SELECT * FROM assessment_rounds WHERE workshop_id = $1 AND $2 = $2".into()),
        ("round_answers", "SELECT * FROM round_answers WHERE workshop_id = $1 AND team_id <> $2".into()),
        ("round_consensus", "SELECT * FROM round_consensus WHERE workshop_id = $1 AND team_id <> $2".into()),
        ("share_links", "SELECT * FROM share_links WHERE workshop_id = $1 AND (team_id IS NULL OR team_id <> $2)".into()),
        ("programme_sessions", format!("SELECT * FROM programme_sessions WHERE id IN {SESSIONS}")),
        ("programme_materials", format!("SELECT * FROM programme_materials WHERE session_id IN {SESSIONS}")),
        ("needs", format!("SELECT * FROM needs WHERE id IN {NEEDS}")),
        ("workshop_cases", format!("SELECT * FROM workshop_cases WHERE id IN {CASES}")),
        ("workshop_case_indicators", format!("SELECT * FROM workshop_case_indicators WHERE case_id IN {CASES}")),
        ("need_actions", format!("SELECT * FROM need_actions WHERE need_id IN {NEEDS} OR action_id IN {ACTIONS}")),
    ]
}

/// Tables any caller changes in the normal course of things: sessions come and go (signing
/// in and out), failed attempts are counted for throttling. None holds workshop data.
const BOOKKEEPING: &[&str] = &[
    "facilitator_sessions",
    "join_failures",
    "login_failures",
    "_sqlx_migrations",
];

/// The rows of every protected table in `scope`.
pub async fn snapshot(db: &Db, scope: Scope) -> Snapshot {
    let mut out = Snapshot::new();
    for (table, sql) in queries() {
        let rows = sqlx::query(&sql)
            .bind(scope.workshop)
            .bind(scope.except_team.unwrap_or(-1))
            .fetch_all(db.pool())
            .await
            .unwrap_or_else(|e| panic!("snapshot of {table}: {e}"));
        let mut rendered: Vec<String> = rows.iter().map(render).collect();
        rendered.sort();
        out.insert(table, rendered);
    }
    out
}

/// One row as `column=value, …`, whatever the column types.
fn render(row: &sqlx::any::AnyRow) -> String {
    let mut parts = Vec::new();
    for (i, column) in row.columns().iter().enumerate() {
        let value = if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
            format!("{v:?}")
        } else if let Ok(v) = row.try_get::<Option<String>, _>(i) {
            format!("{v:?}")
        } else if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
            format!("{v:?}")
        } else if let Ok(v) = row.try_get::<Option<bool>, _>(i) {
            format!("{v:?}")
        } else if let Ok(v) = row.try_get::<Option<i32>, _>(i) {
            format!("{v:?}")
        } else if let Ok(v) = row.try_get::<Option<Vec<u8>>, _>(i) {
            format!("{v:?}")
        } else {
            "<unreadable>".to_owned()
        };
        parts.push(format!("{}={value}", column.name()));
    }
    parts.join(", ")
}

/// Tables of the schema that are neither snapshotted nor known bookkeeping.
pub async fn unclassified_tables(db: &Db) -> Vec<String> {
    let sql = match db.backend() {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        }
        Backend::Postgres => {
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'"
        }
    };
    let names: Vec<String> = sqlx::query_scalar(sql)
        .fetch_all(db.pool())
        .await
        .expect("list tables");
    let covered: Vec<&str> = queries().iter().map(|(t, _)| *t).collect();
    names
        .into_iter()
        .filter(|n| !covered.contains(&n.as_str()) && !BOOKKEEPING.contains(&n.as_str()))
        .collect()
}

/// The ids of the given kind (an id type's name, e.g. `TeamId`) in a scope, for aiming
/// requests at them. Unknown kinds have none.
pub async fn ids_of(db: &Db, kind: &str, scope: Scope) -> Vec<i64> {
    let sql = match kind {
        "WorkshopId" => "SELECT id FROM workshops WHERE id = $1 AND $2 = $2".to_owned(),
        "TeamId" => format!("SELECT id FROM teams WHERE id IN {TEAMS}"),
        "ParticipantId" => format!("SELECT id FROM participants WHERE id IN {PARTICIPANTS}"),
        "FrameworkId" => format!("SELECT {FRAMEWORK} WHERE $2 = $2"),
        "PillarId" => format!("SELECT id FROM pillars WHERE framework_id = {FRAMEWORK} AND $2 = $2"),
        "IndicatorId" => format!("SELECT id FROM indicators WHERE framework_id = {FRAMEWORK} AND $2 = $2"),
        "FacilitatorId" => "SELECT facilitator_id FROM workshop_facilitators WHERE workshop_id = $1 AND $2 = $2".to_owned(),
        "ActionId" => format!("SELECT id FROM actions WHERE id IN {ACTIONS}"),
        "RoadmapItemId" => format!("SELECT id FROM roadmap_items WHERE team_id IN {TEAMS}"),
        "MilestoneId" => format!("SELECT id FROM roadmap_milestones WHERE item_id IN (SELECT id FROM roadmap_items WHERE team_id IN {TEAMS})"),
        "ShareLinkId" => "SELECT id FROM share_links WHERE workshop_id = $1 AND $2 = $2".to_owned(),
        "ProgrammeSessionId" => format!("SELECT id FROM programme_sessions WHERE id IN {SESSIONS}"),
        "CaseId" => format!("SELECT id FROM workshop_cases WHERE id IN {CASES}"),
        "NeedId" => format!("SELECT id FROM needs WHERE id IN {NEEDS}"),
        "ApiTokenId" => format!("SELECT id FROM api_tokens WHERE facilitator_id IN {FACILITATORS} AND $2 = $2"),
        _ => return Vec::new(),
    };
    sqlx::query_scalar::<_, i64>(&sql)
        .bind(scope.workshop)
        .bind(scope.except_team.unwrap_or(-1))
        .fetch_all(db.pool())
        .await
        .unwrap_or_else(|e| panic!("ids of {kind}: {e}"))
}
