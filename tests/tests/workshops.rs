//! Workshop set-up by facilitators, in-process, on SQLite and PostgreSQL: creating and
//! editing workshops, teams, join codes, phases and team leads, and who may do each.

use app::facilitator::{repo as facilitators, Role};
use app::ids::{FacilitatorId, WorkshopId};
use serde_json::Value;
use sqlx::Row;
use tests::{form, on_both_databases, TestApp};

/// Creates a workshop through the server function; returns its id.
async fn create(app: &TestApp, cookie: &str, title: &str) -> i64 {
    let reply = app
        .call_as(
            cookie,
            "create_workshop",
            &[
                ("settings[title]", title),
                ("settings[description]", "Dos días en línea"),
                ("settings[starts_on]", "2026-11-30"),
                ("settings[ends_on]", "2026-12-01"),
                ("settings[languages]", "es"),
                ("settings[anonymity_threshold]", "4"),
                ("settings[share_results]", "averages"),
            ],
        )
        .await;
    assert!(
        reply.status.is_redirection() || reply.status.is_success(),
        "{reply:?}"
    );
    let location = reply
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("redirect to the set-up page");
    location
        .strip_prefix("/facilitate/workshops/")
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("unexpected redirect {location}"))
}

/// Everything set-up can change, as one comparable value.
async fn snapshot(app: &TestApp, workshop: i64) -> String {
    let pool = app.db().pool();
    let w = sqlx::query(
        "SELECT title, description, join_code, phase, languages, share_results, anonymity_threshold,
                COALESCE(starts_on, '') AS s, COALESCE(ends_on, '') AS e
         FROM workshops WHERE id = $1",
    )
    .bind(workshop)
    .fetch_one(pool)
    .await
    .unwrap();
    let mut out = format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}",
        w.get::<String, _>("title"),
        w.get::<String, _>("description"),
        w.get::<String, _>("join_code"),
        w.get::<String, _>("phase"),
        w.get::<String, _>("languages"),
        w.get::<String, _>("share_results"),
        w.get::<i64, _>("anonymity_threshold"),
        w.get::<String, _>("s"),
        w.get::<String, _>("e"),
    );
    for row in
        sqlx::query("SELECT id, name, position FROM teams WHERE workshop_id = $1 ORDER BY id")
            .bind(workshop)
            .fetch_all(pool)
            .await
            .unwrap()
    {
        out += &format!(
            "|t{}:{}@{}",
            row.get::<i64, _>("id"),
            row.get::<String, _>("name"),
            row.get::<i64, _>("position")
        );
    }
    for row in
        sqlx::query("SELECT id, is_lead FROM participants WHERE workshop_id = $1 ORDER BY id")
            .bind(workshop)
            .fetch_all(pool)
            .await
            .unwrap()
    {
        out += &format!(
            "|p{}:{}",
            row.get::<i64, _>("id"),
            row.get::<i64, _>("is_lead")
        );
    }
    out
}

async fn team_ids(app: &TestApp, workshop: i64) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY position, id")
        .bind(workshop)
        .fetch_all(app.db().pool())
        .await
        .unwrap()
}

async fn join_code(app: &TestApp, workshop: i64) -> String {
    sqlx::query_scalar("SELECT join_code FROM workshops WHERE id = $1")
        .bind(workshop)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

async fn phase(app: &TestApp, workshop: i64) -> String {
    sqlx::query_scalar("SELECT phase FROM workshops WHERE id = $1")
        .bind(workshop)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

fn message(reply: &tests::Reply) -> String {
    reply.body.clone()
}

on_both_databases! {
    async fn a_facilitator_creates_a_workshop_with_its_own_framework(app: TestApp) {
        let owner = app.facilitator("ana@prefectura.gob.ec").await;
        let id = create(&app, &owner, "Taller de gobierno abierto 2026").await;
        let pool = app.db().pool();
        let row = sqlx::query(
            "SELECT w.phase, w.languages, w.share_results, w.anonymity_threshold, w.starts_on, w.join_code,
                    (SELECT COUNT(*) FROM indicators i WHERE i.framework_id = w.framework_id) AS indicators
             FROM workshops w WHERE w.id = $1",
        )
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap();
        assert_eq!(row.get::<String, _>("phase"), "setup");
        assert_eq!(row.get::<String, _>("languages"), "es");
        assert_eq!(row.get::<String, _>("share_results"), "averages");
        assert_eq!(row.get::<i64, _>("anonymity_threshold"), 4);
        assert_eq!(row.get::<Option<String>, _>("starts_on").as_deref(), Some("2026-11-30"));
        assert_eq!(row.get::<String, _>("join_code").len(), 8);
        assert!(row.get::<i64, _>("indicators") >= 20, "a copy of the default framework");

        let list = app.call_as(&owner, "my_workshops", &[]).await;
        assert_eq!(list.status, 200, "{}", list.body);
        let list = list.json();
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert_eq!(list[0]["role"], "owner");
        assert_eq!(list[0]["phase"], "setup");

        // The set-up page shows the code, a QR code of the join link and the settings.
        let view = app.call_as(&owner, "workshop_setup", &[("workshop", &id.to_string())]).await;
        assert_eq!(view.status, 200, "{}", view.body);
        let view = view.json();
        assert!(view["qr_svg"].as_str().unwrap().contains("<svg"));
        assert!(view["join_url"].as_str().unwrap().ends_with(&format!("/join?code={}", join_code(&app, id).await)));
        assert_eq!(view["settings"]["anonymity_threshold"], 4);

        // Another facilitator's list does not show it.
        let other = app.facilitator("otro@prefectura.gob.ec").await;
        let theirs = app.call_as(&other, "my_workshops", &[]).await.json();
        assert_eq!(theirs.as_array().unwrap().len(), 0);
    }

    async fn bad_settings_are_explained_field_by_field_and_change_nothing(app: TestApp) {
        let owner = app.facilitator("ana@prefectura.gob.ec").await;
        let reply = app
            .call_as(
                &owner,
                "create_workshop",
                &[
                    ("settings[title]", "  "),
                    ("settings[starts_on]", "2026-12-02"),
                    ("settings[ends_on]", "2026-12-01"),
                    ("settings[anonymity_threshold]", "mil"),
                ],
            )
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let fields = &reply.json()["fields"];
        for field in ["title", "ends_on", "anonymity_threshold"] {
            assert!(fields.get(field).is_some(), "{field} not reported: {fields}");
        }
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM workshops")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(count, 0);

        let id = create(&app, &owner, "Taller").await;
        let before = snapshot(&app, id).await;
        let reply = app
            .call_as(
                &owner,
                "update_workshop",
                &[("workshop", &id.to_string()), ("settings[title]", "Nuevo"), ("settings[languages]", "fr")],
            )
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(snapshot(&app, id).await, before);
        // Forged arguments are a bad request, not a crash.
        let reply = app.call_as(&owner, "update_workshop", &[("workshop", "x")]).await;
        assert_eq!(reply.status, 400, "{}", reply.body);

        let reply = app
            .call_as(
                &owner,
                "update_workshop",
                &[("workshop", &id.to_string()), ("settings[title]", "Nuevo título"), ("settings[anonymity_threshold]", "5")],
            )
            .await;
        assert!(reply.status.is_success(), "{}", reply.body);
        assert!(snapshot(&app, id).await.starts_with("Nuevo título|"));
    }

    async fn teams_come_from_the_preset_a_paste_or_one_by_one(app: TestApp) {
        let owner = app.facilitator("ana@prefectura.gob.ec").await;
        let id = create(&app, &owner, "Taller").await;
        let w = id.to_string();
        let reply = app.call_as(&owner, "add_preset_teams", &[("workshop", &w)]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json()["added"], 24);
        assert_eq!(team_ids(&app, id).await.len(), 24);

        // Again: everything is there already.
        let reply = app.call_as(&owner, "add_preset_teams", &[("workshop", &w)]).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert!(message(&reply).contains("team_name_taken") || message(&reply).contains("ErrTeamNameTaken"), "{}", reply.body);

        // A paste: blank lines and names already present are left out, and reported.
        let reply = app
            .call_as(&owner, "add_teams", &[("workshop", &w), ("names", "Dirección de Planificación\n\n gad provincial de loja \nDirección de Planificación\n")])
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let done = reply.json();
        assert_eq!(done["added"], 1);
        assert_eq!(done["already_present"], serde_json::json!(["gad provincial de loja"]));
        assert_eq!(team_ids(&app, id).await.len(), 25);

        let reply = app.call_as(&owner, "add_teams", &[("workshop", &w), ("names", &"x".repeat(121))]).await;
        assert_eq!(reply.status, 422, "{}", reply.body);

        // Renaming to a name another team has is refused; to a new one works.
        let ids = team_ids(&app, id).await;
        let (first, second) = (ids[0].to_string(), ids[1].to_string());
        let before = snapshot(&app, id).await;
        let reply = app
            .call_as(&owner, "rename_team", &[("workshop", &w), ("team", &first), ("name", "GAD Provincial de Bolívar")])
            .await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(snapshot(&app, id).await, before);
        let reply = app
            .call_as(&owner, "rename_team", &[("workshop", &w), ("team", &first), ("name", "  Prefectura del Azuay ")])
            .await;
        assert!(reply.status.is_success(), "{}", reply.body);

        // A team with a participant stays; an empty one goes.
        app.call_as(&owner, "move_phase", &[("workshop", &w), ("from", "setup"), ("to", "assessment")]).await;
        let code = join_code(&app, id).await;
        app.join(&code, "Rosa", ids[0]).await;
        let before = snapshot(&app, id).await;
        let reply = app.call_as(&owner, "remove_team", &[("workshop", &w), ("team", &first)]).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(snapshot(&app, id).await, before);
        let reply = app.call_as(&owner, "remove_team", &[("workshop", &w), ("team", &second)]).await;
        assert!(reply.status.is_success(), "{}", reply.body);
        assert_eq!(team_ids(&app, id).await.len(), 24);
        // A team of another workshop is not found through this one.
        let other = create(&app, &owner, "Otro").await;
        app.call_as(&owner, "add_teams", &[("workshop", &other.to_string()), ("names", "Ajeno")]).await;
        let foreign = team_ids(&app, other).await[0].to_string();
        let reply = app.call_as(&owner, "remove_team", &[("workshop", &w), ("team", &foreign)]).await;
        assert_eq!(reply.status, 404, "{}", reply.body);
        assert_eq!(team_ids(&app, other).await.len(), 1);
    }

    async fn a_new_join_code_retires_the_old_one(app: TestApp) {
        let owner = app.facilitator("ana@prefectura.gob.ec").await;
        let id = create(&app, &owner, "Taller").await;
        let w = id.to_string();
        app.call_as(&owner, "add_teams", &[("workshop", &w), ("names", "Azuay")]).await;
        let old = join_code(&app, id).await;
        assert_eq!(app.call("find_workshop", &form(&[("code", &old)])).await.status, 200);
        let reply = app.call_as(&owner, "regenerate_join_code", &[("workshop", &w)]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let new = join_code(&app, id).await;
        assert_ne!(new, old);
        assert_eq!(reply.json(), Value::String(format!("{}-{}", &new[..4], &new[4..])));
        assert_eq!(app.call("find_workshop", &form(&[("code", &old)])).await.status, 422);
        assert_eq!(app.call("find_workshop", &form(&[("code", &new)])).await.status, 200);
    }

    async fn phases_open_in_order(app: TestApp) {
        let owner = app.facilitator("ana@prefectura.gob.ec").await;
        let id = create(&app, &owner, "Taller").await;
        let w = id.to_string();
        let go = |from: &'static str, to: &'static str| {
            let (app, owner, w) = (&app, owner.clone(), w.clone());
            async move { app.call_as(&owner, "move_phase", &[("workshop", &w), ("from", from), ("to", to)]).await }
        };
        // Skipping is refused; so is opening the assessment with no teams.
        assert_eq!(go("setup", "review").await.status, 409);
        assert_eq!(go("setup", "assessment").await.status, 409);
        assert_eq!(phase(&app, id).await, "setup");
        app.call_as(&owner, "add_teams", &[("workshop", &w), ("names", "Azuay")]).await;
        assert!(go("setup", "assessment").await.status.is_success());
        assert_eq!(phase(&app, id).await, "assessment");
        // A stale page (it still thinks "setup") cannot move the workshop.
        assert_eq!(go("setup", "assessment").await.status, 409);
        // Unknown phases are a bad request.
        assert_eq!(go("assessment", "voting").await.status, 400);
        for (from, to) in [("assessment", "review"), ("review", "assessment"), ("assessment", "review"),
                           ("review", "prioritisation"), ("prioritisation", "roadmap"), ("roadmap", "closed")] {
            let reply = go(from, to).await;
            assert!(reply.status.is_success(), "{from} → {to}: {}", reply.body);
            assert_eq!(phase(&app, id).await, to);
        }
        // A closed workshop is read-only, but can be reopened.
        let before = snapshot(&app, id).await;
        let reply = app.call_as(&owner, "add_teams", &[("workshop", &w), ("names", "Loja")]).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(snapshot(&app, id).await, before);
        assert!(go("closed", "roadmap").await.status.is_success());
    }

    async fn the_facilitator_names_team_leads(app: TestApp) {
        let owner = app.facilitator("ana@prefectura.gob.ec").await;
        let id = create(&app, &owner, "Taller").await;
        let w = id.to_string();
        app.call_as(&owner, "add_teams", &[("workshop", &w), ("names", "Azuay\nLoja")]).await;
        let code = join_code(&app, id).await;
        let teams = team_ids(&app, id).await;
        app.join(&code, "Rosa", teams[0]).await;
        let rosa: i64 = sqlx::query_scalar("SELECT id FROM participants WHERE display_name = 'Rosa'")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let lead = |value: &'static str| {
            let (app, owner, w) = (&app, owner.clone(), w.clone());
            async move {
                app.call_as(&owner, "set_team_lead", &[("workshop", &w), ("participant", &rosa.to_string()), ("lead", value)]).await
            }
        };
        assert!(lead("true").await.status.is_success());
        let is_lead = || async {
            sqlx::query_scalar::<_, i64>("SELECT is_lead FROM participants WHERE id = $1")
                .bind(rosa)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
        };
        assert_eq!(is_lead().await, 1);
        let view = app.call_as(&owner, "workshop_setup", &[("workshop", &w)]).await.json();
        assert_eq!(view["participants"][0]["is_lead"], true);
        assert!(lead("false").await.status.is_success());
        assert_eq!(is_lead().await, 0);
        // Through another workshop, the participant is not found.
        let other = create(&app, &owner, "Otro").await;
        let reply = app
            .call_as(&owner, "set_team_lead", &[("workshop", &other.to_string()), ("participant", &rosa.to_string()), ("lead", "true")])
            .await;
        assert_eq!(reply.status, 404, "{}", reply.body);
        assert_eq!(is_lead().await, 0);
    }

    async fn only_the_workshops_facilitators_may_set_it_up(app: TestApp) {
        let owner = app.facilitator("ana@prefectura.gob.ec").await;
        let id = create(&app, &owner, "Taller").await;
        let w = id.to_string();
        app.call_as(&owner, "add_teams", &[("workshop", &w), ("names", "Azuay\nLoja\nVacío")]).await;
        app.call_as(&owner, "move_phase", &[("workshop", &w), ("from", "setup"), ("to", "assessment")]).await;
        let code = join_code(&app, id).await;
        let teams = team_ids(&app, id).await;
        let member = app.join(&code, "Rosa", teams[0]).await;
        let lead = app.join(&code, "Luis", teams[1]).await;
        let luis: i64 = sqlx::query_scalar("SELECT id FROM participants WHERE display_name = 'Luis'")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        sqlx::query("UPDATE participants SET is_lead = 1 WHERE id = $1").bind(luis).execute(app.db().pool()).await.unwrap();
        let stranger = app.facilitator("otro@prefectura.gob.ec").await;
        let co = app.facilitator("co@prefectura.gob.ec").await;
        let co_id: i64 = sqlx::query_scalar("SELECT id FROM facilitators WHERE email = 'co@prefectura.gob.ec'")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        facilitators::grant(app.db().pool(), WorkshopId(id), FacilitatorId(co_id), Role::CoFacilitator)
            .await
            .unwrap();

        let empty_team = teams[2].to_string();
        let first_team = teams[0].to_string();
        let luis_id = luis.to_string();
        let actions: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("workshop_setup", vec![("workshop", &w)]),
            ("update_workshop", vec![("workshop", &w), ("settings[title]", "Cambiado")]),
            ("add_teams", vec![("workshop", &w), ("names", "Nuevo equipo")]),
            ("add_preset_teams", vec![("workshop", &w)]),
            ("rename_team", vec![("workshop", &w), ("team", &empty_team), ("name", "Renombrado")]),
            ("regenerate_join_code", vec![("workshop", &w)]),
            ("set_team_lead", vec![("workshop", &w), ("participant", &luis_id), ("lead", "false")]),
            ("move_phase", vec![("workshop", &w), ("from", "assessment"), ("to", "review")]),
            ("remove_team", vec![("workshop", &w), ("team", &empty_team)]),
        ];
        let refused = [("anonymous", "", 401), ("participant", member.as_str(), 401), ("team lead", lead.as_str(), 401), ("another facilitator", stranger.as_str(), 403)];
        for (who, cookie, status) in refused {
            for (endpoint, fields) in &actions {
                let before = snapshot(&app, id).await;
                let reply = if cookie.is_empty() {
                    app.call(endpoint, &form(fields)).await
                } else {
                    app.call_as(cookie, endpoint, fields).await
                };
                assert_eq!(reply.status, status, "{who} → {endpoint}: {}", reply.body);
                assert!(!reply.body.contains("Azuay"), "{who} → {endpoint} leaked: {}", reply.body);
                assert_eq!(snapshot(&app, id).await, before, "{who} → {endpoint} changed something");
            }
        }
        // A workshop that does not exist is not found, for facilitators.
        let reply = app.call_as(&stranger, "workshop_setup", &[("workshop", "999999")]).await;
        assert_eq!(reply.status, 404, "{}", reply.body);
        // The co-facilitator and the owner may do all of it.
        for (who, cookie) in [("co-facilitator", co.as_str()), ("owner", owner.as_str())] {
            for (endpoint, fields) in &actions {
                if *endpoint == "add_preset_teams" && who == "owner" {
                    continue; // the co-facilitator already added them all
                }
                let fields: Vec<(&str, &str)> = if *endpoint == "move_phase" && who == "owner" {
                    vec![("workshop", &w), ("from", "review"), ("to", "assessment")]
                } else if *endpoint == "rename_team" && who == "owner" {
                    vec![("workshop", &w), ("team", &first_team), ("name", "Azuay renombrado")]
                } else if *endpoint == "add_teams" && who == "owner" {
                    vec![("workshop", &w), ("names", "Otro equipo más")]
                } else if *endpoint == "remove_team" && who == "owner" {
                    continue; // removed by the co-facilitator
                } else {
                    fields.clone()
                };
                let reply = app.call_as(cookie, endpoint, &fields).await;
                assert!(reply.status.is_success(), "{who} → {endpoint}: {} {}", reply.status, reply.body);
            }
        }
    }

    async fn the_set_up_pages_answer_with_the_right_status(app: TestApp) {
        let owner = app.facilitator("ana@prefectura.gob.ec").await;
        let id = create(&app, &owner, "Taller de Rumbo").await;
        let page = app.get_with(&format!("/facilitate/workshops/{id}"), &[("cookie", &owner)]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Taller de Rumbo") && page.body.contains("<svg"), "set-up page");
        let home = app.get_with("/facilitate", &[("cookie", &owner)]).await;
        assert_eq!(home.status, 200);
        assert!(home.body.contains("Taller de Rumbo"));
        let screen = app.get_with(&format!("/facilitate/workshops/{id}/join-screen"), &[("cookie", &owner)]).await;
        assert_eq!(screen.status, 200);
        // Anonymous visitors are asked to sign in, and come back afterwards.
        let page = app.get(&format!("/facilitate/workshops/{id}")).await;
        assert_eq!(page.status, 401);
        assert!(page.body.contains(&format!("/login?next=/facilitate/workshops/{id}")), "sign-in link");
        assert!(!page.body.contains("Taller de Rumbo"));
        let stranger = app.facilitator("otro@prefectura.gob.ec").await;
        let page = app.get_with(&format!("/facilitate/workshops/{id}"), &[("cookie", &stranger)]).await;
        assert_eq!(page.status, 403);
        assert_eq!(app.get_with("/facilitate/workshops/nope", &[("cookie", &owner)]).await.status, 404);
    }
}
