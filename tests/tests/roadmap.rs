//! Roadmaps, in-process, on SQLite and PostgreSQL: generation from a team's prioritised
//! actions (dependencies, quick wins, "won't" left out), re-generation that keeps items
//! edited by hand, the hand edits and their bad inputs, follow-up, a dependency cycle stored
//! in the database, and who may do what in which phase.

use serde_json::Value;
use sqlx::Row;
use tests::{on_both_databases, TestApp};

/// A workshop with two teams: a lead and a member in the first, a lead in the second; its
/// owner and a facilitator of another workshop.
struct World {
    workshop: i64,
    teams: Vec<i64>,
    owner: String,
    stranger: String,
    lead: String,
    member: String,
    other_lead: String,
}

impl World {
    fn w(&self) -> String {
        self.workshop.to_string()
    }
}

async fn world(app: &TestApp) -> World {
    let owner = app.facilitator("ana@prefectura.gob.ec").await;
    let reply = app
        .call_as(
            &owner,
            "create_workshop",
            &[
                ("settings[title]", "Taller de hoja de ruta"),
                ("settings[description]", ""),
                ("settings[starts_on]", "2027-01-04"),
                ("settings[ends_on]", "2027-01-05"),
                ("settings[languages]", "es"),
                ("settings[anonymity_threshold]", "3"),
                ("settings[share_results]", "averages"),
            ],
        )
        .await;
    let workshop: i64 = reply
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .and_then(|l| l.strip_prefix("/facilitate/workshops/"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("create workshop: {reply:?}"));
    let w = workshop.to_string();
    let added = app
        .call_as(
            &owner,
            "add_teams",
            &[("workshop", &w), ("names", "Azuay\nLoja")],
        )
        .await;
    assert!(added.status.is_success(), "{added:?}");
    let teams: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY position, id")
            .bind(workshop)
            .fetch_all(app.db().pool())
            .await
            .unwrap();
    let code: String = sqlx::query_scalar("SELECT join_code FROM workshops WHERE id = $1")
        .bind(workshop)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
    let lead = app.join(&code, "Rosa", teams[0]).await;
    let member = app.join(&code, "Pablo", teams[0]).await;
    let other_lead = app.join(&code, "Lucía", teams[1]).await;
    for name in ["Rosa", "Lucía"] {
        let id: i64 = sqlx::query_scalar("SELECT id FROM participants WHERE display_name = $1")
            .bind(name)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let reply = app
            .call_as(
                &owner,
                "set_team_lead",
                &[
                    ("workshop", &w),
                    ("participant", &id.to_string()),
                    ("lead", "true"),
                ],
            )
            .await;
        assert!(reply.status.is_success(), "{reply:?}");
    }
    let stranger = app.facilitator("otra@rumbo.example").await;
    World {
        workshop,
        teams,
        owner,
        stranger,
        lead,
        member,
        other_lead,
    }
}

async fn set_phase(app: &TestApp, workshop: i64, phase: &str) {
    sqlx::query("UPDATE workshops SET phase = $1 WHERE id = $2")
        .bind(phase)
        .bind(workshop)
        .execute(app.db().pool())
        .await
        .unwrap();
}

/// Stores an action directly (the actions' own forms are tested with them).
async fn action(
    app: &TestApp,
    w: &World,
    team: usize,
    title: &str,
    unit: &str,
    (impact, effort): (i64, i64),
    moscow: Option<&str>,
) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO actions (workshop_id, team_id, title, description, responsible_unit, impact, effort,
                              cost_band, moscow, version, created_at, updated_at)
         VALUES ($1, $2, $3, '', $4, $5, $6, 'low', $7, 1, 0, 0) RETURNING id",
    )
    .bind(w.workshop)
    .bind(w.teams[team])
    .bind(title)
    .bind(unit)
    .bind(impact)
    .bind(effort)
    .bind(moscow)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
}

/// `action` cannot start before `on` has ended.
async fn depend(app: &TestApp, w: &World, team: usize, action: i64, on: i64) {
    sqlx::query(
        "INSERT INTO action_dependencies (action_id, depends_on, team_id) VALUES ($1, $2, $3)",
    )
    .bind(action)
    .bind(on)
    .bind(w.teams[team])
    .execute(app.db().pool())
    .await
    .unwrap();
}

/// An item as stored, by its action's title.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    id: i64,
    owner: String,
    starts_on: String,
    ends_on: String,
    pinned: bool,
    status: String,
    progress: i64,
    version: i64,
    milestones: Vec<(i64, String, String)>,
}

async fn item(app: &TestApp, title: &str) -> Option<Item> {
    let row = sqlx::query(
        "SELECT i.id, i.owner, i.starts_on, i.ends_on, i.pinned, i.status, i.progress, i.version
         FROM roadmap_items i JOIN actions a ON a.id = i.action_id WHERE a.title = $1",
    )
    .bind(title)
    .fetch_optional(app.db().pool())
    .await
    .unwrap()?;
    let id: i64 = row.get("id");
    let milestones = sqlx::query(
        "SELECT id, title, due_on FROM roadmap_milestones WHERE item_id = $1 ORDER BY due_on, position, id",
    )
    .bind(id)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|m| (m.get("id"), m.get("title"), m.get("due_on")))
    .collect();
    Some(Item {
        id,
        owner: row.get("owner"),
        starts_on: row.get("starts_on"),
        ends_on: row.get("ends_on"),
        pinned: row.get::<i64, _>("pinned") == 1,
        status: row.get("status"),
        progress: row.get("progress"),
        version: row.get("version"),
        milestones,
    })
}

async fn must(app: &TestApp, title: &str) -> Item {
    item(app, title)
        .await
        .unwrap_or_else(|| panic!("no item for {title}"))
}

/// Everything a roadmap is made of, as one comparable value.
async fn snapshot(app: &TestApp) -> String {
    let pool = app.db().pool();
    let mut out = String::new();
    for row in sqlx::query("SELECT team_id, starts_on, version FROM roadmaps ORDER BY team_id")
        .fetch_all(pool)
        .await
        .unwrap()
    {
        out += &format!(
            "r{}:{}:{}|",
            row.get::<i64, _>("team_id"),
            row.get::<String, _>("starts_on"),
            row.get::<i64, _>("version")
        );
    }
    for row in sqlx::query(
        "SELECT id, action_id, owner, starts_on, ends_on, pinned, status, progress, version
         FROM roadmap_items ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap()
    {
        out += &format!(
            "i{}:{}:{}:{}:{}:{}:{}:{}:{}|",
            row.get::<i64, _>("id"),
            row.get::<i64, _>("action_id"),
            row.get::<String, _>("owner"),
            row.get::<String, _>("starts_on"),
            row.get::<String, _>("ends_on"),
            row.get::<i64, _>("pinned"),
            row.get::<String, _>("status"),
            row.get::<i64, _>("progress"),
            row.get::<i64, _>("version")
        );
    }
    for row in sqlx::query("SELECT id, item_id, title, due_on FROM roadmap_milestones ORDER BY id")
        .fetch_all(pool)
        .await
        .unwrap()
    {
        out += &format!(
            "m{}:{}:{}:{}|",
            row.get::<i64, _>("id"),
            row.get::<i64, _>("item_id"),
            row.get::<String, _>("title"),
            row.get::<String, _>("due_on")
        );
    }
    out
}

/// Generates team 0's roadmap as `cookie`.
async fn generate(
    app: &TestApp,
    w: &World,
    cookie: &str,
    start: &str,
    reset: bool,
) -> tests::Reply {
    let wid = w.w();
    let team = w.teams[0].to_string();
    let mut pairs = vec![
        ("workshop", wid.as_str()),
        ("team", team.as_str()),
        ("starts_on", start),
    ];
    if reset {
        pairs.push(("reset_pinned", "true"));
    }
    app.call_as(cookie, "generate_roadmap", &pairs).await
}

async fn edit_dates(
    app: &TestApp,
    w: &World,
    cookie: &str,
    item: &Item,
    start: &str,
    end: &str,
) -> tests::Reply {
    app.call_as(
        cookie,
        "edit_item_dates",
        &[
            ("workshop", &w.w()),
            ("item", &item.id.to_string()),
            ("starts_on", start),
            ("ends_on", end),
            ("version", &item.version.to_string()),
        ],
    )
    .await
}

/// The fields a validation error names.
fn fields(reply: &tests::Reply) -> Vec<String> {
    let json: Value = reply.json();
    json["fields"]
        .as_object()
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

/// The standard team: a quick win and two larger actions in one unit (capacity 2), an action
/// in another unit that depends on the first, and a "won't".
struct Plan {
    portal: i64,
    training: i64,
}

async fn plan(app: &TestApp, w: &World) -> Plan {
    // Must: not a quick win (low impact), 9 months.
    let portal = action(
        app,
        w,
        0,
        "Portal de datos abiertos",
        "TIC",
        (2, 4),
        Some("must"),
    )
    .await;
    // Should: not a quick win (high effort), 6 months.
    action(
        app,
        w,
        0,
        "Sistema de trámites",
        "TIC",
        (4, 3),
        Some("should"),
    )
    .await;
    // Could: a quick win (high impact, low effort), 2 months; ranks last but goes first.
    action(
        app,
        w,
        0,
        "Publicar el presupuesto",
        "TIC",
        (5, 1),
        Some("could"),
    )
    .await;
    // Depends on the portal.
    let training = action(
        app,
        w,
        0,
        "Capacitar a la ciudadanía",
        "Participación",
        (4, 2),
        None,
    )
    .await;
    depend(app, w, 0, training, portal).await;
    action(app, w, 0, "Nueva sede", "Obras", (3, 5), Some("wont")).await;
    Plan { portal, training }
}

on_both_databases! {
    async fn generation_follows_dependencies_and_puts_quick_wins_first(app: TestApp) {
        let w = world(&app).await;
        plan(&app, &w).await;
        set_phase(&app, w.workshop, "roadmap").await;
        let reply = generate(&app, &w, &w.lead, "2027-02-01", false).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json(), 4, "four items: the won't is left out");

        let portal = must(&app, "Portal de datos abiertos").await;
        let system = must(&app, "Sistema de trámites").await;
        let quick = must(&app, "Publicar el presupuesto").await;
        let training = must(&app, "Capacitar a la ciudadanía").await;
        assert!(item(&app, "Nueva sede").await.is_none(), "won't actions are not scheduled");
        // The unit carries two items at once: the quick win and the first by priority start,
        // the other waits.
        assert_eq!(quick.starts_on, "2027-02-01");
        assert_eq!(portal.starts_on, "2027-02-01");
        assert!(system.starts_on.as_str() > "2027-02-01", "{system:?}");
        // Never before a dependency has ended.
        assert!(training.starts_on > portal.ends_on, "{training:?} vs {portal:?}");
        for it in [&portal, &system, &quick, &training] {
            assert!(it.ends_on >= it.starts_on);
            assert!(!it.pinned);
            assert_eq!(it.status, "not_started");
            assert!(!it.owner.is_empty());
            assert!(it.milestones.len() >= 2, "{it:?}");
            assert_eq!(it.milestones.first().unwrap().2, it.starts_on, "kickoff on the first day");
            assert_eq!(it.milestones.last().unwrap().2, it.ends_on, "delivery on the last day");
            for (_, title, due) in &it.milestones {
                assert!(!title.is_empty());
                assert!(*due >= it.starts_on && *due <= it.ends_on);
            }
        }
        assert_eq!(portal.owner, "TIC");
        assert_eq!(training.owner, "Participación");

        // The participant's page data: items by start date, with horizons and dependencies.
        let view = app.call_as(&w.lead, "team_roadmap", &[("workshop", &w.w())]).await;
        assert_eq!(view.status, 200, "{}", view.body);
        let view = view.json();
        assert_eq!(view["roadmap"]["starts_on"], "2027-02-01");
        assert_eq!(view["may"]["generate"], true);
        assert_eq!(view["may"]["edit"], true);
        let items = view["roadmap"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 4);
        let starts: Vec<&str> = items.iter().map(|i| i["starts_on"].as_str().unwrap()).collect();
        let mut sorted = starts.clone();
        sorted.sort_unstable();
        assert_eq!(starts, sorted, "by start date");
        let training_view = items.iter().find(|i| i["title"] == "Capacitar a la ciudadanía").unwrap();
        assert_eq!(training_view["depends_on"].as_array().unwrap().len(), 1);
        assert_eq!(items.iter().find(|i| i["title"] == "Publicar el presupuesto").unwrap()["quick_win"], true);
        assert_eq!(items[0]["horizon"], "now");
        assert!(!view["roadmap"]["pillars"].as_array().unwrap().is_empty(), "a pillar per framework pillar");

        // The member sees the same roadmap, and may not generate.
        let seen = app.call_as(&w.member, "team_roadmap", &[("workshop", &w.w())]).await.json();
        assert_eq!(seen["roadmap"]["items"].as_array().unwrap().len(), 4);
        assert_eq!(seen["may"]["generate"], false);
        assert_eq!(seen["may"]["edit"], false);

        // Without a date, the workshop's first day.
        let reply = generate(&app, &w, &w.owner, "", false).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(must(&app, "Publicar el presupuesto").await.starts_on, "2027-01-04");
        // A date that is no date changes nothing.
        let before = snapshot(&app).await;
        let reply = generate(&app, &w, &w.owner, "2027-02-30", false).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(fields(&reply), ["starts_on"]);
        assert_eq!(snapshot(&app).await, before);
    }

    async fn regeneration_keeps_items_edited_by_hand_unless_asked(app: TestApp) {
        let w = world(&app).await;
        plan(&app, &w).await;
        set_phase(&app, w.workshop, "roadmap").await;
        assert_eq!(generate(&app, &w, &w.lead, "2027-02-01", false).await.status, 200);
        let quick = must(&app, "Publicar el presupuesto").await;
        // Moved by hand: pinned.
        let reply = edit_dates(&app, &w, &w.lead, &quick, "2027-06-15", "").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let moved = must(&app, "Publicar el presupuesto").await;
        assert!(moved.pinned);
        assert_eq!(moved.starts_on, "2027-06-15");

        // Generated again from a later date: the pinned item stays, the others move.
        let portal = must(&app, "Portal de datos abiertos").await;
        assert_eq!(generate(&app, &w, &w.lead, "2027-03-01", false).await.status, 200);
        assert_eq!(must(&app, "Publicar el presupuesto").await, moved, "untouched, milestones too");
        let again = must(&app, "Portal de datos abiertos").await;
        assert_eq!(again.id, portal.id, "items are updated in place");
        assert_eq!(again.starts_on, "2027-03-01");
        assert!(!again.pinned);

        // Asked to reset: the generator places it again.
        assert_eq!(generate(&app, &w, &w.lead, "2027-03-01", true).await.status, 200);
        let reset = must(&app, "Publicar el presupuesto").await;
        assert!(!reset.pinned);
        assert_eq!(reset.starts_on, "2027-03-01");

        // An action tagged "won't" later leaves the roadmap, pinned or not.
        let quick = must(&app, "Publicar el presupuesto").await;
        assert_eq!(edit_dates(&app, &w, &w.lead, &quick, "2027-05-01", "").await.status, 200);
        sqlx::query("UPDATE actions SET moscow = 'wont' WHERE title = 'Publicar el presupuesto'")
            .execute(app.db().pool())
            .await
            .unwrap();
        assert_eq!(generate(&app, &w, &w.lead, "2027-03-01", false).await.status, 200);
        assert!(item(&app, "Publicar el presupuesto").await.is_none());
        let left: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM roadmap_milestones m LEFT JOIN roadmap_items i ON i.id = m.item_id WHERE i.id IS NULL",
        )
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        assert_eq!(left, 0, "no milestone outlives its item");
        // So does a deleted action.
        sqlx::query("DELETE FROM actions WHERE title = 'Sistema de trámites'")
            .execute(app.db().pool())
            .await
            .unwrap();
        assert_eq!(generate(&app, &w, &w.lead, "2027-03-01", false).await.json(), 2);
        assert!(item(&app, "Sistema de trámites").await.is_none());
    }

    async fn hand_edits_are_checked_and_pin_the_item(app: TestApp) {
        let w = world(&app).await;
        plan(&app, &w).await;
        set_phase(&app, w.workshop, "roadmap").await;
        assert_eq!(generate(&app, &w, &w.owner, "2027-02-01", false).await.status, 200);
        let portal = must(&app, "Portal de datos abiertos").await;
        let training = must(&app, "Capacitar a la ciudadanía").await;

        // Dates in the wrong order: a field error, nothing changed.
        let before = snapshot(&app).await;
        let reply = edit_dates(&app, &w, &w.lead, &training, "2028-05-01", "2028-04-01").await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(fields(&reply), ["ends_on"]);
        assert_eq!(reply.json()["fields"]["ends_on"][0], "RmcErrEndBeforeStart");
        let reply = edit_dates(&app, &w, &w.lead, &training, "mañana", "").await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(fields(&reply), ["starts_on"]);
        // Starting before its dependency ends: refused, naming it.
        let reply = edit_dates(&app, &w, &w.lead, &training, &portal.ends_on, "").await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(reply.json()["reason"], "RmcErrStartsBeforeDependency");
        assert_eq!(reply.json()["names"], serde_json::json!(["Portal de datos abiertos"]));
        assert!(reply.json()["message"].as_str().unwrap().contains("Portal de datos abiertos"));
        // Ending after an item that depends on it starts: refused, naming that item.
        let reply = edit_dates(&app, &w, &w.lead, &portal, &portal.starts_on, &training.starts_on).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(reply.json()["reason"], "RmErrEndsAfterDependent");
        assert_eq!(reply.json()["names"], serde_json::json!(["Capacitar a la ciudadanía"]));
        assert_eq!(snapshot(&app).await, before);

        // Moved later: same length, milestones follow, pinned.
        let reply = edit_dates(&app, &w, &w.lead, &training, "2029-01-10", "").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let moved = must(&app, "Capacitar a la ciudadanía").await;
        assert!(moved.pinned);
        assert_eq!(moved.version, training.version + 1);
        assert_eq!(reply.json(), moved.version);
        assert_eq!(moved.starts_on, "2029-01-10");
        assert_eq!(moved.milestones.first().unwrap().2, "2029-01-10");
        assert_eq!(moved.milestones.last().unwrap().2, moved.ends_on);
        assert!(moved.ends_on > moved.starts_on);
        // Set both dates, shorter: milestones stay within.
        let reply = edit_dates(&app, &w, &w.owner, &moved, "2029-02-01", "2029-02-20").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let set = must(&app, "Capacitar a la ciudadanía").await;
        assert_eq!((set.starts_on.as_str(), set.ends_on.as_str()), ("2029-02-01", "2029-02-20"));
        assert!(set.milestones.iter().all(|(_, _, d)| d.as_str() >= "2029-02-01" && d.as_str() <= "2029-02-20"));

        // A stale version changes nothing.
        let before = snapshot(&app).await;
        let reply = edit_dates(&app, &w, &w.lead, &moved, "2029-03-01", "").await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(snapshot(&app).await, before);

        // The owner.
        let item_id = set.id.to_string();
        let owner = |name: &'static str, version: i64| {
            let (app, lead, wid, item_id) = (&app, w.lead.clone(), w.w(), item_id.clone());
            async move {
                app.call_as(&lead, "set_item_owner", &[("workshop", &wid), ("item", &item_id), ("owner", name), ("version", &version.to_string())]).await
            }
        };
        let reply = owner("   ", set.version).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(fields(&reply), ["owner"]);
        let reply = owner(" Dirección de Participación ", set.version).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let now = must(&app, "Capacitar a la ciudadanía").await;
        assert_eq!(now.owner, "Dirección de Participación");

        // Milestones: within the item only.
        let milestone = |endpoint: &'static str, pairs: Vec<(&'static str, String)>| {
            let (app, lead, wid) = (&app, w.lead.clone(), w.w());
            async move {
                let mut all: Vec<(&str, String)> = vec![("workshop", wid)];
                all.extend(pairs);
                let borrowed: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.call_as(&lead, endpoint, &borrowed).await
            }
        };
        let before = snapshot(&app).await;
        let reply = milestone("add_milestone", vec![("item", item_id.clone()), ("title", "Taller piloto".into()), ("due_on", "2029-03-01".into()), ("version", now.version.to_string())]).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(fields(&reply), ["due_on"]);
        let reply = milestone("add_milestone", vec![("item", item_id.clone()), ("title", " ".into()), ("due_on", "2029-02-10".into()), ("version", now.version.to_string())]).await;
        assert_eq!(fields(&reply), ["title"]);
        assert_eq!(snapshot(&app).await, before);
        let reply = milestone("add_milestone", vec![("item", item_id.clone()), ("title", "Taller piloto".into()), ("due_on", "2029-02-10".into()), ("version", now.version.to_string())]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let now = must(&app, "Capacitar a la ciudadanía").await;
        let pilot = now.milestones.iter().find(|m| m.1 == "Taller piloto").expect("added").0;
        let reply = milestone("edit_milestone", vec![("milestone", pilot.to_string()), ("title", "Taller piloto".into()), ("due_on", "2029-01-31".into()), ("version", now.version.to_string())]).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let reply = milestone("edit_milestone", vec![("milestone", pilot.to_string()), ("title", "Primer taller".into()), ("due_on", "2029-02-12".into()), ("version", now.version.to_string())]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let now = must(&app, "Capacitar a la ciudadanía").await;
        assert!(now.milestones.contains(&(pilot, "Primer taller".into(), "2029-02-12".into())));
        let reply = milestone("remove_milestone", vec![("milestone", pilot.to_string()), ("version", now.version.to_string())]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let now = must(&app, "Capacitar a la ciudadanía").await;
        assert!(!now.milestones.iter().any(|m| m.0 == pilot));
        // Another team's milestone is not found.
        let reply = milestone("remove_milestone", vec![("milestone", "999999".into()), ("version", now.version.to_string())]).await;
        assert_eq!(reply.status, 404, "{}", reply.body);

        // Unpinned: the generator places it again.
        assert!(now.pinned);
        let reply = app.call_as(&w.lead, "unpin_item", &[("workshop", &w.w()), ("item", &item_id), ("version", &now.version.to_string())]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert!(!must(&app, "Capacitar a la ciudadanía").await.pinned);
        assert_eq!(generate(&app, &w, &w.lead, "2027-02-01", false).await.status, 200);
        let back = must(&app, "Capacitar a la ciudadanía").await;
        assert_eq!(back.starts_on, training.starts_on);
        assert_eq!(back.owner, "Participación", "the action's unit again");
    }

    async fn follow_up_records_status_and_progress(app: TestApp) {
        let w = world(&app).await;
        plan(&app, &w).await;
        set_phase(&app, w.workshop, "roadmap").await;
        assert_eq!(generate(&app, &w, &w.lead, "2027-02-01", false).await.status, 200);
        let portal = must(&app, "Portal de datos abiertos").await;
        let id = portal.id.to_string();
        let status = |cookie: String, status: &'static str, progress: &'static str, version: i64| {
            let (app, wid, id) = (&app, w.w(), id.clone());
            async move {
                app.call_as(&cookie, "set_item_status", &[("workshop", &wid), ("item", &id), ("status", status), ("progress", progress), ("version", &version.to_string())]).await
            }
        };
        let before = snapshot(&app).await;
        let reply = status(w.lead.clone(), "limited", "101", portal.version).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(fields(&reply), ["progress"]);
        let reply = status(w.lead.clone(), "half", "-5", portal.version).await;
        assert_eq!(fields(&reply), ["progress", "status"]);
        let reply = status(w.member.clone(), "limited", "30", portal.version).await;
        assert_eq!(reply.status, 403, "a member who is not the lead");
        let reply = status(w.other_lead.clone(), "limited", "30", portal.version).await;
        assert_eq!(reply.status, 404, "another team's lead");
        let reply = status(w.stranger.clone(), "limited", "30", portal.version).await;
        assert_eq!(reply.status, 403, "another workshop's facilitator");
        assert_eq!(snapshot(&app).await, before);

        let reply = status(w.lead.clone(), "limited", "30", portal.version).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let now = must(&app, "Portal de datos abiertos").await;
        assert_eq!((now.status.as_str(), now.progress, now.pinned), ("limited", 30, false), "follow-up does not pin");
        // Completed is 100 %; facilitators follow up too, and in the closed phase.
        set_phase(&app, w.workshop, "closed").await;
        let reply = status(w.owner.clone(), "completed", "40", now.version).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let done = must(&app, "Portal de datos abiertos").await;
        assert_eq!((done.status.as_str(), done.progress), ("completed", 100));
        // But not the plan: dates are only edited in the roadmap phase.
        let reply = edit_dates(&app, &w, &w.owner, &done, "2030-01-01", "").await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        // Nor follow-up before the roadmap phase.
        set_phase(&app, w.workshop, "prioritisation").await;
        let reply = status(w.owner.clone(), "substantial", "60", done.version).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(must(&app, "Portal de datos abiertos").await, done);
    }

    async fn a_dependency_cycle_is_refused_naming_its_actions(app: TestApp) {
        let w = world(&app).await;
        let p = plan(&app, &w).await;
        set_phase(&app, w.workshop, "roadmap").await;
        assert_eq!(generate(&app, &w, &w.lead, "2027-02-01", false).await.status, 200);
        // The actions' forms refuse cycles; one stored anyway (an older version, a bug) must
        // not loop or leave half a roadmap.
        depend(&app, &w, 0, p.portal, p.training).await;
        let before = snapshot(&app).await;
        let reply = generate(&app, &w, &w.lead, "2027-05-01", true).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        let json = reply.json();
        assert_eq!(json["reason"], "ErrDependencyCycle", "{json}");
        let names: Vec<&str> = json["names"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        assert!(names.contains(&"Portal de datos abiertos") && names.contains(&"Capacitar a la ciudadanía"), "{names:?}");
        assert_eq!(snapshot(&app).await, before, "nothing changed");
        // "Generate all" refuses the same way, for every team.
        action(&app, &w, 1, "Rendición de cuentas", "Planificación", (4, 2), None).await;
        let reply = app.call_as(&w.owner, "generate_all_roadmaps", &[("workshop", &w.w()), ("starts_on", "2027-05-01")]).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(snapshot(&app).await, before);
        // Once the circle is broken, both teams get their roadmaps.
        sqlx::query("DELETE FROM action_dependencies WHERE action_id = $1")
            .bind(p.portal)
            .execute(app.db().pool())
            .await
            .unwrap();
        let reply = app.call_as(&w.owner, "generate_all_roadmaps", &[("workshop", &w.w()), ("starts_on", "2027-05-01")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json(), 2);
        assert_eq!(must(&app, "Rendición de cuentas").await.starts_on, "2027-05-01");
    }

    async fn who_may_generate_and_edit_in_which_phase(app: TestApp) {
        let w = world(&app).await;
        plan(&app, &w).await;
        action(&app, &w, 1, "Rendición de cuentas", "Planificación", (4, 2), None).await;
        let other_team = w.teams[1].to_string();
        let wid = w.w();
        let generate_other = |cookie: String| {
            let (app, wid, team) = (&app, wid.clone(), other_team.clone());
            async move {
                app.call_as(&cookie, "generate_roadmap", &[("workshop", &wid), ("team", &team), ("starts_on", "")]).await
            }
        };

        // Review: nobody generates.
        set_phase(&app, w.workshop, "review").await;
        assert_eq!(generate(&app, &w, &w.owner, "", false).await.status, 409);
        // Prioritisation: the facilitator may, the lead not yet.
        set_phase(&app, w.workshop, "prioritisation").await;
        assert_eq!(generate(&app, &w, &w.lead, "", false).await.status, 409);
        assert_eq!(snapshot(&app).await, "");
        assert_eq!(generate(&app, &w, &w.owner, "", false).await.status, 200);
        // …but nobody edits items before the roadmap phase.
        let portal = must(&app, "Portal de datos abiertos").await;
        assert_eq!(edit_dates(&app, &w, &w.owner, &portal, "2027-03-01", "").await.status, 409);

        set_phase(&app, w.workshop, "roadmap").await;
        let before = snapshot(&app).await;
        assert_eq!(app.call("generate_roadmap", &tests::form(&[("workshop", &wid), ("team", &w.teams[0].to_string()), ("starts_on", "")])).await.status, 401, "anonymous");
        assert_eq!(generate(&app, &w, &w.member, "", false).await.status, 403, "a member who is not the lead");
        assert_eq!(generate(&app, &w, &w.other_lead, "", false).await.status, 404, "another team's lead");
        assert_eq!(generate(&app, &w, &w.stranger, "", false).await.status, 403, "another workshop's facilitator");
        assert_eq!(generate_other(w.lead.clone()).await.status, 404, "the lead, for another team");
        assert_eq!(edit_dates(&app, &w, &w.other_lead, &portal, "2027-03-01", "").await.status, 404, "another team's item");
        assert_eq!(edit_dates(&app, &w, &w.member, &portal, "2027-03-01", "").await.status, 403);
        assert_eq!(edit_dates(&app, &w, &w.stranger, &portal, "2027-03-01", "").await.status, 403);
        assert_eq!(snapshot(&app).await, before);
        assert_eq!(generate_other(w.other_lead.clone()).await.status, 200, "each lead their own team");
        assert_eq!(generate(&app, &w, &w.lead, "", false).await.status, 200);

        // Reads: participants see their own team's; facilitators any team of their workshop.
        let mine = app.call_as(&w.other_lead, "team_roadmap", &[("workshop", &wid)]).await.json();
        assert_eq!(mine["roadmap"]["items"][0]["title"], "Rendición de cuentas");
        assert_eq!(mine["roadmap"]["items"].as_array().unwrap().len(), 1);
        let staff = app.call_as(&w.owner, "staff_roadmap", &[("workshop", &wid), ("team", &other_team)]).await;
        assert_eq!(staff.status, 200, "{}", staff.body);
        assert_eq!(staff.json()["roadmap"]["team_name"], "Loja");
        assert_eq!(app.call_as(&w.owner, "staff_roadmap", &[("workshop", &wid), ("team", "999999")]).await.status, 404);
        assert_eq!(app.call_as(&w.stranger, "staff_roadmap", &[("workshop", &wid), ("team", &other_team)]).await.status, 403);
        assert_eq!(app.call_as(&w.lead, "staff_roadmap", &[("workshop", &wid), ("team", &other_team)]).await.status, 401);
        let all = app.call_as(&w.owner, "workshop_roadmaps", &[("workshop", &wid)]).await;
        assert_eq!(all.status, 200, "{}", all.body);
        let all = all.json();
        assert_eq!(all["roadmaps"].as_array().unwrap().len(), 2);
        assert_eq!(all["roadmaps"][0]["items"].as_array().unwrap().len(), 4);
        assert_eq!(app.call_as(&w.stranger, "workshop_roadmaps", &[("workshop", &wid)]).await.status, 403);
        assert_eq!(app.call_as(&w.lead, "team_roadmap", &[("workshop", "999999")]).await.status, 403, "another workshop");

        // The pages answer with the same statuses.
        let page = format!("/workshops/{wid}/roadmap");
        let reply = app.get_with(&page, &[("cookie", &w.lead)]).await;
        assert_eq!(reply.status, 200);
        assert!(reply.body.contains("Portal de datos abiertos"), "the board lists the items");
        assert!(reply.body.contains("Ver datos como tabla"), "tables behind the charts");
        assert!(reply.body.contains("name=\"reset_pinned\""), "the lead may generate again");
        let reply = app.get_with(&page, &[("cookie", &w.member)]).await;
        assert_eq!(reply.status, 200);
        assert!(!reply.body.contains("name=\"reset_pinned\""), "a member may not");
        assert_eq!(app.get(&page).await.status, 401);
        let staff_page = format!("/facilitate/workshops/{wid}/roadmap");
        let reply = app.get_with(&staff_page, &[("cookie", &w.owner)]).await;
        assert_eq!(reply.status, 200);
        assert!(reply.body.contains("rm-generate-all"));
        assert_eq!(app.get_with(&staff_page, &[("cookie", &w.stranger)]).await.status, 403);
    }

    async fn before_generation_the_page_says_what_happens(app: TestApp) {
        let w = world(&app).await;
        set_phase(&app, w.workshop, "roadmap").await;
        let reply = app.get_with(&format!("/workshops/{}/roadmap", w.workshop), &[("cookie", &w.lead)]).await;
        assert_eq!(reply.status, 200);
        assert!(reply.body.contains("rm-not-generated"), "{}", reply.body);
        assert!(reply.body.contains("Generar la hoja de ruta"));
        // A team without actions gets an empty roadmap, not an error.
        let reply = generate(&app, &w, &w.lead, "", false).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json(), 0);
    }
}
