//! Implementation needs in-process, on SQLite and PostgreSQL: recording, editing and
//! deleting a team's needs beside its actions, the phases that allow it, bad input (a clear
//! message and nothing changed), who may touch what, the facilitator's aggregation, the
//! exports, and the OGP commitments of the actions a need unblocks.

use serde_json::Value;

use tests::{on_both_databases, TestApp};

/// The demo workshop (eight teams with actions and roadmaps) in the prioritisation phase,
/// without the demo's own needs (these tests count from none), with two members of its
/// first team and one of its second.
struct Setup {
    workshop: i64,
    staff: String,
    member: String,
    mate: String,
    stranger: String,
    teams: Vec<i64>,
}

async fn setup(app: &TestApp) -> Setup {
    let (workshop, staff) = app.demo_facilitator().await;
    let teams: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY position, id")
            .bind(workshop)
            .fetch_all(app.db().pool())
            .await
            .unwrap();
    sqlx::query("DELETE FROM needs WHERE workshop_id = $1")
        .bind(workshop)
        .execute(app.db().pool())
        .await
        .unwrap();
    let member = app
        .join(app::demo::DEMO_JOIN_CODE, "Nora Needs", teams[0])
        .await;
    let mate = app
        .join(app::demo::DEMO_JOIN_CODE, "Mateo Mate", teams[0])
        .await;
    let stranger = app
        .join(app::demo::DEMO_JOIN_CODE, "Olga Other", teams[1])
        .await;
    set_phase(app, workshop, "prioritisation").await;
    Setup {
        workshop,
        staff,
        member,
        mate,
        stranger,
        teams,
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

/// A team's actions, oldest first.
async fn actions_of(app: &TestApp, team: i64) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM actions WHERE team_id = $1 ORDER BY id")
        .bind(team)
        .fetch_all(app.db().pool())
        .await
        .unwrap()
}

/// Every need of the database as (team, kind, description, linked actions), for checking
/// that a refused request changed nothing.
async fn snapshot(app: &TestApp) -> Vec<(i64, String, String, i64, i64)> {
    sqlx::query_as(
        "SELECT n.team_id, n.kind, n.description, n.version,
                CAST((SELECT COUNT(*) FROM need_actions l WHERE l.need_id = n.id) AS BIGINT)
         FROM needs n ORDER BY n.id",
    )
    .fetch_all(app.db().pool())
    .await
    .unwrap()
}

async fn record(
    app: &TestApp,
    cookie: &str,
    workshop: i64,
    kind: &str,
    description: &str,
    unblocks: &[i64],
) -> tests::Reply {
    let w = workshop.to_string();
    let ids: Vec<String> = unblocks.iter().map(i64::to_string).collect();
    let mut pairs: Vec<(&str, &str)> = vec![
        ("workshop", &w),
        ("kind", kind),
        ("description", description),
    ];
    pairs.extend(ids.iter().map(|id| ("unblocks[]", id.as_str())));
    app.call_as(cookie, "record_need", &pairs).await
}

async fn recorded(
    app: &TestApp,
    cookie: &str,
    workshop: i64,
    kind: &str,
    description: &str,
    unblocks: &[i64],
) -> i64 {
    let reply = record(app, cookie, workshop, kind, description, unblocks).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    reply.json().as_i64().unwrap()
}

async fn page(app: &TestApp, cookie: &str, workshop: i64) -> Value {
    let reply = app
        .call_as(
            cookie,
            "my_team_needs",
            &[("workshop", &workshop.to_string())],
        )
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    reply.json()
}

#[allow(clippy::too_many_arguments)]
async fn update(
    app: &TestApp,
    cookie: &str,
    workshop: i64,
    need: i64,
    version: i64,
    kind: &str,
    description: &str,
    unblocks: &[i64],
) -> tests::Reply {
    let (w, n, v) = (workshop.to_string(), need.to_string(), version.to_string());
    let ids: Vec<String> = unblocks.iter().map(i64::to_string).collect();
    let mut pairs: Vec<(&str, &str)> = vec![
        ("workshop", &w),
        ("need", &n),
        ("version", &v),
        ("kind", kind),
        ("description", description),
    ];
    pairs.extend(ids.iter().map(|id| ("unblocks[]", id.as_str())));
    app.call_as(cookie, "update_need", &pairs).await
}

async fn delete(app: &TestApp, cookie: &str, workshop: i64, need: i64) -> tests::Reply {
    app.call_as(
        cookie,
        "delete_need",
        &[
            ("workshop", &workshop.to_string()),
            ("need", &need.to_string()),
        ],
    )
    .await
}

on_both_databases! {
    async fn record_edit_and_delete(app: TestApp) {
        let s = setup(&app).await;
        let mine = actions_of(&app, s.teams[0]).await;
        assert!(mine.len() >= 2, "the demo gives the team actions");
        let id = recorded(&app, &s.member, s.workshop, "staff_skills",
            "  Capacitar a cinco técnicos en datos abiertos  ", &[mine[1], mine[0], mine[1]]).await;

        // A teammate sees it, trimmed, with both actions once, and may edit it.
        let p = page(&app, &s.mate, s.workshop).await;
        assert_eq!(p["can_edit"], true);
        let need = &p["needs"][0];
        assert_eq!(need["id"], id);
        assert_eq!(need["kind"], "staff_skills");
        assert_eq!(need["description"], "Capacitar a cinco técnicos en datos abiertos");
        assert_eq!(need["unblocks"], serde_json::json!([mine[0], mine[1]]));
        assert_eq!(need["version"], 1);
        let titles = p["actions"].as_array().unwrap();
        assert_eq!(titles.len(), mine.len(), "every action of the team is offered");

        let reply = update(&app, &s.mate, s.workshop, id, 1, "data", "Inventario de datos", &[mine[0]]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        assert_eq!(reply.json(), 2);
        let p = page(&app, &s.member, s.workshop).await;
        assert_eq!(p["needs"][0]["kind"], "data");
        assert_eq!(p["needs"][0]["unblocks"], serde_json::json!([mine[0]]));

        // The first editor's page is stale now: refused, nothing changed.
        let before = snapshot(&app).await;
        let reply = update(&app, &s.member, s.workshop, id, 1, "budget", "Otra cosa", &[]).await;
        assert_eq!(reply.status, 409, "{reply:?}");
        assert!(reply.body.contains("NeedErrStale"), "{}", reply.body);
        assert_eq!(snapshot(&app).await, before);

        // The roadmap phase still allows needs; deleting works, and the action stays.
        set_phase(&app, s.workshop, "roadmap").await;
        let reply = delete(&app, &s.member, s.workshop, id).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        assert!(snapshot(&app).await.is_empty());
        assert_eq!(actions_of(&app, s.teams[0]).await, mine);
        let reply = delete(&app, &s.member, s.workshop, id).await;
        assert_eq!(reply.status, 404, "{reply:?}");
    }

    async fn deleting_an_action_unlinks_it(app: TestApp) {
        let s = setup(&app).await;
        let mine = actions_of(&app, s.teams[0]).await;
        let id = recorded(&app, &s.member, s.workshop, "budget", "Partida para el portal", &[mine[0], mine[1]]).await;
        let reply = app.call_as(&s.member, "delete_action", &[
            ("workshop", &s.workshop.to_string()), ("action", &mine[0].to_string()),
        ]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let p = page(&app, &s.member, s.workshop).await;
        assert_eq!(p["needs"][0]["id"], id);
        assert_eq!(p["needs"][0]["unblocks"], serde_json::json!([mine[1]]));
    }

    async fn merging_a_duplicate_action_moves_its_needs(app: TestApp) {
        let s = setup(&app).await;
        let mine = actions_of(&app, s.teams[0]).await;
        let on_duplicate = recorded(&app, &s.member, s.workshop, "data", "Catálogo de datos", &[mine[1]]).await;
        let on_both = recorded(&app, &s.member, s.workshop, "budget", "Partida", &[mine[0], mine[1]]).await;
        let reply = app.call_as(&s.staff, "merge_actions", &[
            ("workshop", &s.workshop.to_string()),
            ("duplicate", &mine[1].to_string()),
            ("keep", &mine[0].to_string()),
        ]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let p = page(&app, &s.member, s.workshop).await;
        let unblocks = |need: i64| {
            p["needs"].as_array().unwrap().iter().find(|n| n["id"] == need).unwrap()["unblocks"].clone()
        };
        assert_eq!(unblocks(on_duplicate), serde_json::json!([mine[0]]));
        assert_eq!(unblocks(on_both), serde_json::json!([mine[0]]));
    }

    async fn bad_input_gets_a_message_and_changes_nothing(app: TestApp) {
        let s = setup(&app).await;
        let mine = actions_of(&app, s.teams[0]).await;
        let theirs = actions_of(&app, s.teams[1]).await;
        let id = recorded(&app, &s.member, s.workshop, "legal", "Ordenanza de participación", &[mine[0]]).await;
        let before = snapshot(&app).await;
        let long = "x".repeat(1001);
        let w = s.workshop.to_string();
        let cases: Vec<(&str, &str, Vec<i64>, &str, &str)> = vec![
            ("money", "Algo", vec![], "kind", "Choose a kind of need from the list."),
            ("", "Algo", vec![], "kind", "Choose a kind of need from the list."),
            ("budget", "   ", vec![], "description", "Describe what is needed."),
            ("budget", &long, vec![], "description", "The description may have up to 1,000 characters."),
            ("budget", "Algo", vec![theirs[0]], "unblocks", "You can only link your own team's actions."),
            ("budget", "Algo", vec![mine[0], 987_654], "unblocks", "You can only link your own team's actions."),
        ];
        for (kind, description, unblocks, field, sentence) in &cases {
            for reply in [
                record(&app, &s.member, s.workshop, kind, description, unblocks).await,
                update(&app, &s.member, s.workshop, id, 1, kind, description, unblocks).await,
            ] {
                assert_eq!(reply.status, 422, "{kind} {description}: {reply:?}");
                let body = reply.json();
                assert!(body["fields"][field].is_array(), "{field}: {body}");
                // The key the browser shows in the reader's language.
                let key = body["fields"][field][0].as_str().unwrap();
                let key = app::i18n::Key::ALL.iter().find(|k| k.name() == key).unwrap();
                assert_eq!(app::i18n::Lang::En.t(*key), *sentence);
                assert!(!app::i18n::Lang::Es.t(*key).is_empty());
            }
            assert_eq!(snapshot(&app).await, before, "{kind} {description}");
        }
        // Malformed arguments are the caller's mistake, not the server's.
        let reply = app.call_as(&s.member, "record_need", &[("workshop", &w), ("kind", "data")]).await;
        assert_eq!(reply.status, 400, "{reply:?}");
        let reply = app.call_as(&s.member, "update_need", &[
            ("workshop", &w), ("need", "abc"), ("version", "1"), ("kind", "data"), ("description", "x"),
        ]).await;
        assert_eq!(reply.status, 400, "{reply:?}");
        assert_eq!(snapshot(&app).await, before);
    }

    async fn phases_outside_prioritisation_and_roadmap_are_read_only(app: TestApp) {
        let s = setup(&app).await;
        let id = recorded(&app, &s.member, s.workshop, "technology", "Servidor para el portal", &[]).await;
        let before = snapshot(&app).await;
        for phase in ["review", "closed"] {
            set_phase(&app, s.workshop, phase).await;
            let reply = record(&app, &s.member, s.workshop, "data", "Algo", &[]).await;
            assert_eq!(reply.status, 409, "{phase}: {reply:?}");
            assert!(reply.body.contains("NeedErrClosed"), "{}", reply.body);
            let reply = update(&app, &s.member, s.workshop, id, 1, "data", "Algo", &[]).await;
            assert_eq!(reply.status, 409, "{phase}: {reply:?}");
            let reply = delete(&app, &s.member, s.workshop, id).await;
            assert_eq!(reply.status, 409, "{phase}: {reply:?}");
            let p = page(&app, &s.member, s.workshop).await;
            assert_eq!(p["can_edit"], false);
            assert_eq!(p["needs"].as_array().unwrap().len(), 1, "still readable");
            assert_eq!(snapshot(&app).await, before);
        }
        // The page says so, in the reader's language.
        let html = app.get_with(&format!("/workshops/{}/actions", s.workshop),
            &[("cookie", &s.member), ("accept-language", "en")]).await;
        assert_eq!(html.status, 200);
        assert!(html.body.contains("What we need to implement them"), "{}", html.body);
        assert!(html.body.contains("Servidor para el portal"));
        assert!(html.body.contains(app::i18n::Lang::En.t(app::i18n::Key::NeedReadOnly)));
    }

    async fn others_cannot_touch_a_teams_needs(app: TestApp) {
        let s = setup(&app).await;
        let mine = actions_of(&app, s.teams[0]).await;
        let id = recorded(&app, &s.member, s.workshop, "partnerships", "Convenio con la universidad", &[mine[0]]).await;
        let before = snapshot(&app).await;

        // A participant of another team: the need does not exist for them.
        let reply = update(&app, &s.stranger, s.workshop, id, 1, "data", "Mío", &[]).await;
        assert_eq!(reply.status, 404, "{reply:?}");
        let reply = delete(&app, &s.stranger, s.workshop, id).await;
        assert_eq!(reply.status, 404, "{reply:?}");
        let p = page(&app, &s.stranger, s.workshop).await;
        assert!(p["needs"].as_array().unwrap().is_empty());
        // Nor can they link the other team's actions to their own needs.
        let reply = record(&app, &s.stranger, s.workshop, "data", "Mío", &[mine[0]]).await;
        assert_eq!(reply.status, 422, "{reply:?}");

        // A participant of another workshop.
        let other = app.facilitator("otra@rumbo.example").await;
        let reply = app.call_as(&other, "create_workshop", &[
            ("settings[title]", "Otro taller"), ("settings[description]", ""), ("settings[starts_on]", ""),
            ("settings[ends_on]", ""), ("settings[languages]", "es"), ("settings[anonymity_threshold]", "3"),
            ("settings[share_results]", "none"),
        ]).await;
        assert!(reply.status.is_redirection() || reply.status.is_success(), "{reply:?}");
        let other_workshop: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE title = 'Otro taller'")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let reply = app.call_as(&other, "add_teams", &[
            ("workshop", &other_workshop.to_string()), ("names", "Carchi"),
        ]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let (code, team): (String, i64) = sqlx::query_as(
            "SELECT w.join_code, t.id FROM workshops w JOIN teams t ON t.workshop_id = w.id WHERE w.id = $1",
        )
        .bind(other_workshop)
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        sqlx::query("UPDATE workshops SET phase = 'prioritisation' WHERE id = $1")
            .bind(other_workshop)
            .execute(app.db().pool())
            .await
            .unwrap();
        let outsider = app.join(&code, "Fuera", team).await;
        let reply = update(&app, &outsider, s.workshop, id, 1, "data", "Mío", &[]).await;
        assert_eq!(reply.status, 403, "{reply:?}");
        let reply = delete(&app, &outsider, other_workshop, id).await;
        assert_eq!(reply.status, 404, "{reply:?}");
        let reply = record(&app, &outsider, other_workshop, "data", "Mío", &[mine[0]]).await;
        assert_eq!(reply.status, 422, "another workshop's action: {reply:?}");

        // Nobody signed in, and a facilitator (who is no member of a team).
        let reply = record(&app, "", s.workshop, "data", "Mío", &[]).await;
        assert_eq!(reply.status, 401, "{reply:?}");
        let reply = delete(&app, &s.staff, s.workshop, id).await;
        assert!(reply.status == 401 || reply.status == 403, "{reply:?}");
        assert_eq!(snapshot(&app).await, before);

        // Another facilitator may not read the workshop's aggregation.
        let reply = app.call_as(&other, "workshop_needs", &[("workshop", &s.workshop.to_string())]).await;
        assert_eq!(reply.status, 403, "{reply:?}");
        let reply = app.call_as(&s.member, "workshop_needs", &[("workshop", &s.workshop.to_string())]).await;
        assert!(reply.status == 401 || reply.status == 403, "{reply:?}");
    }

    async fn the_demo_shows_needs_on_the_dashboard(app: TestApp) {
        let (workshop, staff) = app.demo_facilitator().await;
        let reply = app.call_as(&staff, "workshop_needs", &[("workshop", &workshop.to_string())]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let summary = reply.json();
        assert_eq!(summary["teams_with_needs"], 8, "every demo team has needs");
        let expected = app::needs::demo::teams_per_kind();
        for (kind, teams) in app::needs::NeedKind::ALL.iter().zip(expected) {
            let found = summary["kinds"].as_array().unwrap().iter()
                .find(|k| k["kind"] == kind.as_str()).unwrap().clone();
            assert_eq!(found["teams"], teams, "{kind:?}");
        }
        // Each need unblocks actions of its own team.
        let strays: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM need_actions l JOIN needs n ON n.id = l.need_id
             JOIN actions a ON a.id = l.action_id WHERE a.team_id <> n.team_id OR n.workshop_id <> $1")
            .bind(workshop).fetch_one(app.db().pool()).await.unwrap();
        let linked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM need_actions")
            .fetch_one(app.db().pool()).await.unwrap();
        assert_eq!(strays, 0);
        assert!(linked > 0);
        let html = app.get_with(&format!("/facilitate/workshops/{workshop}/dashboard"),
            &[("cookie", &staff), ("accept-language", "es")]).await;
        assert!(html.body.contains("6 de 8 equipos necesitan: Personal y capacidades"));
        assert!(html.body.contains("1 de 8 equipos necesita: Alianzas"), "the singular");
    }

    async fn the_dashboard_counts_teams_per_kind(app: TestApp) {
        let s = setup(&app).await;
        recorded(&app, &s.member, s.workshop, "staff_skills", "Capacitación en datos abiertos", &[]).await;
        recorded(&app, &s.mate, s.workshop, "staff_skills", "Un analista de datos", &[]).await;
        recorded(&app, &s.stranger, s.workshop, "staff_skills", "Formación en participación", &[]).await;
        recorded(&app, &s.stranger, s.workshop, "budget", "Partida para el portal", &[]).await;
        let reply = app.call_as(&s.staff, "workshop_needs", &[("workshop", &s.workshop.to_string())]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let summary = reply.json();
        assert_eq!(summary["teams_total"], s.teams.len());
        assert_eq!(summary["teams_with_needs"], 2);
        assert_eq!(summary["needs_total"], 4);
        let kind = |code: &str| summary["kinds"].as_array().unwrap().iter().find(|k| k["kind"] == code).unwrap().clone();
        let staff_kind = kind("staff_skills");
        assert_eq!(staff_kind["teams"], 2, "a team with two staff needs counts once");
        assert_eq!(staff_kind["descriptions"].as_array().unwrap().len(), 3);
        assert_eq!(kind("budget")["teams"], 1);
        assert_eq!(kind("legal")["teams"], 0);

        // The dashboard page shows the sentence and the table.
        let html = app.get_with(&format!("/facilitate/workshops/{}/dashboard", s.workshop),
            &[("cookie", &s.staff), ("accept-language", "es")]).await;
        assert_eq!(html.status, 200);
        let sentence = format!("2 de {} equipos necesitan: Personal y capacidades", s.teams.len());
        assert!(html.body.contains(&sentence), "{sentence} not in the dashboard");
        // One team: the verb agrees.
        let one = format!("1 de {} equipos necesita: Presupuesto", s.teams.len());
        assert!(html.body.contains(&one), "{one} not in the dashboard");
        assert!(html.body.contains("Necesidades de implementación por tipo"));
        assert!(html.body.contains("id=\"dash-needs\""));
    }

    async fn exports_and_commitments_carry_the_needs(app: TestApp) {
        let s = setup(&app).await;
        // An action of the team that the demo's roadmap scheduled.
        let (action, title): (i64, String) = sqlx::query_as(
            "SELECT a.id, a.title FROM roadmap_items ri JOIN actions a ON a.id = ri.action_id
             WHERE a.team_id = $1 ORDER BY ri.starts_on, a.id LIMIT 1",
        )
        .bind(s.teams[0])
        .fetch_one(app.db().pool())
        .await
        .unwrap();
        recorded(&app, &s.member, s.workshop, "political_support", "Respaldo del prefecto para la ordenanza", &[action]).await;
        recorded(&app, &s.member, s.workshop, "data", "Catálogo de datos sin acción", &[]).await;
        let team = s.teams[0].to_string();
        let base = format!("/facilitate/workshops/{}", s.workshop);
        let staff = [("cookie", s.staff.as_str())];

        // JSON: the team's needs, and the commitment of the unblocked action.
        let json = app.get_with(&format!("{base}/export.json?lang=en&team={team}"), &staff).await;
        assert_eq!(json.status, 200, "{json:?}");
        let data = json.json();
        let needs = &data["teams"][0]["needs"];
        assert_eq!(needs[0]["kind"], "political_support");
        assert_eq!(needs[0]["description"], "Respaldo del prefecto para la ordenanza");
        assert_eq!(needs[0]["unblocks"], serde_json::json!([title.clone()]));
        assert_eq!(needs[1]["unblocks"], serde_json::json!([]));
        let item = data["teams"][0]["roadmap"].as_array().unwrap().iter()
            .find(|i| i["title"] == title.as_str()).expect("the unblocked action's item");
        assert_eq!(item["commitment"]["needs"], serde_json::json!([
            { "kind": "political_support", "description": "Respaldo del prefecto para la ordenanza" }
        ]));
        let others = data["teams"][0]["roadmap"].as_array().unwrap().iter()
            .filter(|i| i["title"] != title.as_str())
            .all(|i| i["commitment"]["needs"] == serde_json::json!([]));
        assert!(others, "only the unblocked action's commitment lists the need");

        // CSV: the needs table, labels in the file's language.
        let csv = app.get_with(&format!("{base}/export.csv?lang=es&table=needs"), &staff).await;
        assert_eq!(csv.status, 200, "{csv:?}");
        assert!(csv.body.contains("Respaldo político"), "{}", csv.body);
        assert!(csv.body.contains("Respaldo del prefecto para la ordenanza"));
        assert!(csv.body.contains(&title));

        // Markdown: the team's needs, and the commitment's.
        let md = app.get_with(&format!("{base}/export.md?lang=en&team={team}"), &staff).await;
        assert_eq!(md.status, 200);
        assert!(md.body.contains("### Implementation needs"), "{}", md.body);
        assert!(md.body.contains("Needs to implement it:**\n  - Political support: Respaldo del prefecto para la ordenanza"), "{}", md.body);

        // XLSX: a needs sheet (the exports test reads the whole workbook).
        let xlsx = app.get_with(&format!("{base}/export.xlsx?lang=en"), &staff).await;
        assert_eq!(xlsx.status, 200);

        // The printable report's commitments, for the facilitator and for the participant.
        let report = app.get_with(&format!("{base}/report?team={team}"), &[("cookie", &s.staff), ("accept-language", "en")]).await;
        assert_eq!(report.status, 200);
        assert!(report.body.contains("Needs to implement it"), "no needs in the report");
        assert!(report.body.contains("Respaldo del prefecto para la ordenanza"));
        let report = app.get_with(&format!("/workshops/{}/report", s.workshop), &[("cookie", &s.member), ("accept-language", "es")]).await;
        assert_eq!(report.status, 200);
        assert!(report.body.contains("Necesidades para implementarlo"));
        assert!(report.body.contains("Respaldo del prefecto para la ordenanza"));

        // Another team's participant exports only their own team: no trace of these needs.
        let theirs = app.get_with(&format!("/workshops/{}/export.json", s.workshop), &[("cookie", &s.stranger)]).await;
        assert_eq!(theirs.status, 200);
        assert!(!theirs.body.contains("Respaldo del prefecto"));
    }
}
