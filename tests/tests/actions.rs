//! Prioritisation in-process, on SQLite and PostgreSQL: proposing, editing and deleting
//! actions, dependencies, dot votes and their allowance, MoSCoW tags, the facilitator's
//! settings and merges, the ranking's numbers, and who may touch what.

use serde_json::Value;
use sqlx::Row;

use app::ids::WorkshopId;
use tests::{on_both_databases, TestApp};

/// The demo workshop in the prioritisation phase, with two fresh members of its first team
/// (the first made lead) and one of its second. Returns (workshop, facilitator cookie,
/// [lead, member, other team's member] cookies, [team A, team B]).
struct Setup {
    workshop: i64,
    staff: String,
    lead: String,
    member: String,
    stranger: String,
    teams: Vec<i64>,
}

async fn setup(app: &TestApp) -> Setup {
    let (workshop, staff) = app.demo_facilitator().await;
    // The demo comes with a plan for every team; these tests count from an empty one.
    for table in ["roadmaps", "actions"] {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(app.db().pool())
            .await
            .unwrap();
    }
    let teams: Vec<i64> = app::workshop::repo::teams(app.db().pool(), WorkshopId(workshop))
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id.0)
        .collect();
    let lead = app
        .join(app::demo::DEMO_JOIN_CODE, "Lía Lead", teams[0])
        .await;
    let member = app
        .join(app::demo::DEMO_JOIN_CODE, "Mateo Member", teams[0])
        .await;
    let stranger = app
        .join(app::demo::DEMO_JOIN_CODE, "Olga Other", teams[1])
        .await;
    // Joiners may start as leads (see `joiners_lead`); the test wants exactly one.
    sqlx::query(
        "UPDATE participants SET is_lead = CASE WHEN display_name = 'Lía Lead' THEN 1 ELSE 0 END
         WHERE display_name IN ('Lía Lead', 'Mateo Member', 'Olga Other')",
    )
    .execute(app.db().pool())
    .await
    .unwrap();
    set_phase(app, workshop, "prioritisation").await;
    Setup {
        workshop,
        staff,
        lead,
        member,
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

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

async fn indicator_ids(app: &TestApp, workshop: i64) -> Vec<i64> {
    sqlx::query(
        "SELECT i.id FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id
         JOIN pillars p ON p.id = i.pillar_id WHERE w.id = $1 ORDER BY p.position, i.position",
    )
    .bind(workshop)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|r| r.get::<i64, _>("id"))
    .collect()
}

/// Proposes an action; returns the reply.
async fn propose(
    app: &TestApp,
    cookie: &str,
    workshop: i64,
    title: &str,
    extra: &[(&str, &str)],
) -> tests::Reply {
    let w = workshop.to_string();
    let mut pairs: Vec<(&str, &str)> = vec![
        ("workshop", &w),
        ("title", title),
        ("description", "Qué se hará."),
        ("unit", "Planificación"),
        ("impact", "4"),
        ("effort", "2"),
        ("cost", "low"),
    ];
    for (k, v) in extra {
        if !k.ends_with("[]") {
            pairs.retain(|(key, _)| key != k);
        }
        pairs.push((k, v));
    }
    app.call_as(cookie, "propose_action", &pairs).await
}

async fn proposed(app: &TestApp, cookie: &str, workshop: i64, title: &str) -> i64 {
    let reply = propose(app, cookie, workshop, title, &[]).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    reply.json().as_i64().unwrap()
}

async fn page(app: &TestApp, cookie: &str, workshop: i64) -> Value {
    let reply = app
        .call_as(
            cookie,
            "my_team_actions",
            &[("workshop", &workshop.to_string())],
        )
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    reply.json()
}

fn action(page: &Value, id: i64) -> &Value {
    page["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("action {id} not on the page: {page}"))
}

async fn vote(app: &TestApp, cookie: &str, workshop: i64, action: i64, add: bool) -> tests::Reply {
    app.call_as(
        cookie,
        if add { "vote" } else { "unvote" },
        &[
            ("workshop", &workshop.to_string()),
            ("action", &action.to_string()),
        ],
    )
    .await
}

fn message(reply: &tests::Reply) -> String {
    reply.body.clone()
}

on_both_databases! {
    async fn propose_edit_and_delete(app: TestApp) {
        let s = setup(&app).await;
        let indicators = indicator_ids(&app, s.workshop).await;
        let (i0, i1) = (indicators[0].to_string(), indicators[1].to_string());
        let reply = propose(&app, &s.member, s.workshop, "Portal de datos abiertos",
            &[("indicators[]", &i0), ("indicators[]", &i1)]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let id = reply.json().as_i64().unwrap();
        let p = page(&app, &s.lead, s.workshop).await;
        let a = action(&p, id);
        assert_eq!(a["title"], "Portal de datos abiertos");
        assert_eq!(a["indicators"].as_array().unwrap().len(), 2);
        assert_eq!(a["version"], 1);

        // Another member of the team edits it from version 1.
        let w = s.workshop.to_string();
        let ids = id.to_string();
        let edit = |version: &'static str, title: &'static str| {
            vec![
                ("workshop", w.clone()), ("action", ids.clone()), ("version", version.to_owned()),
                ("title", title.to_owned()), ("unit", "Comunicación".to_owned()),
                ("impact", "5".to_owned()), ("effort", "3".to_owned()), ("cost", "medium".to_owned()),
                ("indicators[]", i1.clone()),
            ]
        };
        let pairs = edit("1", "Portal de datos abiertos v2");
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = app.call_as(&s.lead, "update_action", &pairs).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        assert_eq!(reply.json(), 2);
        let p = page(&app, &s.member, s.workshop).await;
        let a = action(&p, id);
        assert_eq!(a["title"], "Portal de datos abiertos v2");
        assert_eq!(a["impact"], 5);
        assert_eq!(a["cost"], "medium");
        assert_eq!(a["indicators"].as_array().unwrap().len(), 1);

        // A stale edit is refused and changes nothing.
        let pairs = edit("1", "Stale");
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = app.call_as(&s.member, "update_action", &pairs).await;
        assert_eq!(reply.status, 409, "{reply:?}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM actions WHERE title = 'Stale'").await, 0);

        // Bad input: every mistake at once, nothing stored.
        let long = "x".repeat(201);
        let reply = propose(&app, &s.member, s.workshop, &long,
            &[("impact", "6"), ("effort", "0"), ("cost", "cheap"), ("unit", "  ")]).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        for field in ["title", "impact", "effort", "cost", "unit"] {
            assert!(reply.body.contains(&format!("\"{field}\"")), "{field}: {}", reply.body);
        }
        let reply = propose(&app, &s.member, s.workshop, "   ", &[]).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        let reply = propose(&app, &s.member, s.workshop, "Unknown indicator",
            &[("indicators[]", "999999")]).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        assert!(reply.body.contains("indicators"), "{}", reply.body);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM actions").await, 1);

        // Delete.
        let reply = app.call_as(&s.member, "delete_action", &[("workshop", &w), ("action", &ids)]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM actions").await, 0);
    }

    async fn phases_refuse_changes_and_votes(app: TestApp) {
        let s = setup(&app).await;
        let id = proposed(&app, &s.member, s.workshop, "Antes del cierre").await;
        for phase in ["review", "roadmap", "closed"] {
            set_phase(&app, s.workshop, phase).await;
            let reply = propose(&app, &s.member, s.workshop, "Fuera de fase", &[]).await;
            assert_eq!(reply.status, 409, "{phase}: {reply:?}");
            let reply = vote(&app, &s.member, s.workshop, id, true).await;
            assert_eq!(reply.status, 409, "{phase}: {reply:?}");
            assert!(message(&reply).contains("ActErrVotingClosed") || reply.body.contains("act_err_voting_closed"), "{}", reply.body);
            let reply = app.call_as(&s.member, "delete_action",
                &[("workshop", &s.workshop.to_string()), ("action", &id.to_string())]).await;
            assert_eq!(reply.status, 409, "{phase}: {reply:?}");
        }
        // Facilitators may still add and edit in the roadmap phase, not when closed.
        set_phase(&app, s.workshop, "roadmap").await;
        let team = s.teams[0].to_string();
        let reply = propose(&app, &s.staff, s.workshop, "Por la facilitadora", &[("team", &team)]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        set_phase(&app, s.workshop, "closed").await;
        let reply = propose(&app, &s.staff, s.workshop, "Cerrado", &[("team", &team)]).await;
        assert_eq!(reply.status, 409, "{reply:?}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM actions").await, 2);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM action_votes").await, 0);
    }

    async fn votes_respect_the_allowance(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.to_string();
        let a = proposed(&app, &s.member, s.workshop, "A").await;
        let b = proposed(&app, &s.member, s.workshop, "B").await;
        // Three dots, stacking on.
        let reply = app.call_as(&s.staff, "update_prioritisation_settings", &[
            ("workshop", &w), ("dots", "3"), ("stack", "on"), ("relevance", "3"),
            ("ambition", "2"), ("feasibility", "2"), ("resources", "1"), ("gap", "2"),
        ]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        assert_eq!(vote(&app, &s.member, s.workshop, a, true).await.json(), 1);
        assert_eq!(vote(&app, &s.member, s.workshop, a, true).await.json(), 2);
        assert_eq!(vote(&app, &s.member, s.workshop, b, true).await.json(), 1);
        let reply = vote(&app, &s.member, s.workshop, b, true).await;
        assert_eq!(reply.status, 409, "{reply:?}");
        let p = page(&app, &s.member, s.workshop).await;
        assert_eq!(p["remaining"], 0);
        assert_eq!(action(&p, a)["dots"], 2);
        // Take one back, and it can go elsewhere.
        assert_eq!(vote(&app, &s.member, s.workshop, a, false).await.json(), 1);
        assert_eq!(vote(&app, &s.member, s.workshop, b, true).await.json(), 2);
        assert_eq!(vote(&app, &s.member, s.workshop, b, false).await.json(), 1);
        assert_eq!(vote(&app, &s.member, s.workshop, b, false).await.json(), 0);
        assert_eq!(vote(&app, &s.member, s.workshop, b, false).await.status, 409);

        // Without stacking: one dot per action.
        let reply = app.call_as(&s.staff, "update_prioritisation_settings", &[
            ("workshop", &w), ("dots", "3"), ("relevance", "3"),
            ("ambition", "2"), ("feasibility", "2"), ("resources", "1"), ("gap", "2"),
        ]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        assert_eq!(vote(&app, &s.lead, s.workshop, b, true).await.json(), 1);
        let reply = vote(&app, &s.lead, s.workshop, b, true).await;
        assert_eq!(reply.status, 409, "{reply:?}");
        assert!(reply.body.contains("no_stacking") || reply.body.contains("NoStacking"), "{}", reply.body);
        assert_eq!(count(&app, "SELECT CAST(COALESCE(SUM(dots), 0) AS BIGINT) FROM action_votes").await, 2);

        // Another team's participant cannot vote on it (not found, not revealed).
        let reply = vote(&app, &s.stranger, s.workshop, a, true).await;
        assert_eq!(reply.status, 404, "{reply:?}");
    }

    async fn concurrent_votes_never_exceed_the_allowance(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.to_string();
        let reply = app.call_as(&s.staff, "update_prioritisation_settings", &[
            ("workshop", &w), ("dots", "3"), ("stack", "on"), ("relevance", "3"),
            ("ambition", "2"), ("feasibility", "2"), ("resources", "1"), ("gap", "2"),
        ]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let a = proposed(&app, &s.member, s.workshop, "A").await;
        let b = proposed(&app, &s.member, s.workshop, "B").await;
        // Two tabs, five clicks each, all at once.
        let v = |action: i64| vote(&app, &s.member, s.workshop, action, true);
        let (r1, r2, r3, r4, r5, r6, r7, r8, r9, r10) =
            tokio::join!(v(a), v(b), v(a), v(b), v(a), v(b), v(a), v(b), v(a), v(b));
        let replies = [r1, r2, r3, r4, r5, r6, r7, r8, r9, r10];
        let taken = replies.iter().filter(|r| r.status == 200).count();
        assert_eq!(taken, 3, "{:?}", replies.iter().map(|r| (r.status, r.body.clone())).collect::<Vec<_>>());
        assert!(replies.iter().all(|r| r.status == 200 || r.status == 409));
        assert_eq!(count(&app, "SELECT CAST(COALESCE(SUM(dots), 0) AS BIGINT) FROM action_votes").await, 3);
    }

    async fn dependencies_stay_in_the_team_and_acyclic(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.to_string();
        let a = proposed(&app, &s.member, s.workshop, "Ordenanza").await;
        let b = proposed(&app, &s.member, s.workshop, "Reglamento").await;
        let c = proposed(&app, &s.member, s.workshop, "Capacitación").await;
        let other = proposed(&app, &s.stranger, s.workshop, "De otro equipo").await;
        let deps = |action: i64, on: &[i64]| {
            let mut pairs = vec![("workshop".to_owned(), w.clone()), ("action".to_owned(), action.to_string())];
            pairs.extend(on.iter().map(|d| ("depends_on[]".to_owned(), d.to_string())));
            pairs
        };
        let call = |pairs: Vec<(String, String)>| {
            let cookie = s.member.clone();
            let app = &app;
            async move {
                let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                app.call_as(&cookie, "set_dependencies", &pairs).await
            }
        };
        // b after a, c after b.
        assert_eq!(call(deps(b, &[a])).await.status, 200);
        assert_eq!(call(deps(c, &[b])).await.status, 200);
        // a after c would close a circle: refused, naming the actions; nothing stored.
        let reply = call(deps(a, &[c])).await;
        assert_eq!(reply.status, 409, "{reply:?}");
        for title in ["Ordenanza", "Reglamento", "Capacitación"] {
            assert!(reply.body.contains(title), "{title}: {}", reply.body);
        }
        assert_eq!(count(&app, "SELECT COUNT(*) FROM action_dependencies").await, 2);
        // On itself.
        let reply = call(deps(a, &[a])).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        // On another team's action.
        let reply = call(deps(a, &[other])).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        let reply = propose(&app, &s.member, s.workshop, "Nueva", &[("depends_on[]", &other.to_string())]).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM action_dependencies").await, 2);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM actions").await, 4);
        // Setting b's dependencies on another team's action through the other team: not found.
        let reply = app.call_as(&s.stranger, "set_dependencies",
            &[("workshop", &w), ("action", &b.to_string())]).await;
        assert_eq!(reply.status, 404, "{reply:?}");
        // The ranking lists the dependencies.
        let p = page(&app, &s.member, s.workshop).await;
        assert_eq!(action(&p, c)["depends_on"], serde_json::json!([b]));
    }

    async fn the_ranking_follows_the_formula(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.to_string();
        let indicators = indicator_ids(&app, s.workshop).await;
        let i0 = indicators[0].to_string();
        let a = proposed(&app, &s.member, s.workshop, "Poco votada").await;
        let reply = propose(&app, &s.member, s.workshop, "Muy votada",
            &[("impact", "5"), ("effort", "1"), ("cost", "high"), ("indicators[]", &i0)]).await;
        let b = reply.json().as_i64().unwrap();
        let reply = app.call_as(&s.staff, "update_prioritisation_settings", &[
            ("workshop", &w), ("dots", "5"), ("stack", "on"), ("relevance", "4"),
            ("ambition", "1"), ("feasibility", "2"), ("resources", "3"), ("gap", "5"),
        ]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        for _ in 0..3 { assert_eq!(vote(&app, &s.member, s.workshop, b, true).await.status, 200); }
        assert_eq!(vote(&app, &s.lead, s.workshop, a, true).await.status, 200);
        let p = page(&app, &s.member, s.workshop).await;
        let weights = [4.0, 1.0, 2.0, 3.0, 5.0];
        for item in p["actions"].as_array().unwrap() {
            let terms = item["score"]["terms"].as_array().unwrap();
            let weight_sum: f64 = terms.iter().map(|t| t["weight"].as_f64().unwrap()).sum();
            let mut total = 0.0;
            for t in terms {
                let (v, wgt, pts) = (t["value"].as_f64().unwrap(), t["weight"].as_f64().unwrap(), t["points"].as_f64().unwrap());
                assert!((pts - 100.0 * wgt * v / weight_sum).abs() < 1e-9, "{t}");
                let criterion = t["criterion"].as_str().unwrap();
                let expected_weight = match criterion {
                    "relevance" => weights[0], "ambition" => weights[1], "feasibility" => weights[2],
                    "resources" => weights[3], _ => weights[4],
                };
                assert_eq!(wgt, expected_weight, "{criterion}");
                total += pts;
            }
            assert!((item["score"]["total"].as_f64().unwrap() - (total * 10.0).round() / 10.0).abs() < 1e-9);
        }
        // "Poco votada": relevance 1/3, ambition 3/4, feasibility 3/4, resources 1, no gap:
        // (4·⅓ + 1·¾ + 2·¾ + 3·1) / 10 = 0.6583 → 65.8.
        let low = action(&p, a);
        assert_eq!(low["score"]["terms"].as_array().unwrap().len(), 4);
        assert_eq!(low["score"]["total"], 65.8);
        // "Muy votada" has the gap of its indicator as a fifth term.
        let high = action(&p, b);
        let terms = high["score"]["terms"].as_array().unwrap();
        assert_eq!(terms.len(), 5);
        let gap = terms[4]["value"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&gap));
        assert_eq!(terms[0]["value"], 1.0);
        assert_eq!(terms[3]["value"], 0.0);
        let expected = (100.0 * (4.0 + 1.0 + 2.0 + 5.0 * gap) / 15.0 * 10.0_f64).round() / 10.0;
        assert_eq!(high["score"]["total"].as_f64().unwrap(), expected);
        assert_eq!(high["quadrant"], "quick_win");
        // Untagged, the higher score comes first.
        let first = if expected > 65.8 { b } else { a };
        assert_eq!(p["actions"][0]["id"], first);

        // MoSCoW outranks the score: "won't" goes last, "must" first.
        let tag = |cookie: String, action: i64, tag: &'static str| {
            let app = &app; let w = w.clone();
            async move { app.call_as(&cookie, "set_moscow", &[("workshop", &w), ("action", &action.to_string()), ("moscow", tag)]).await }
        };
        assert_eq!(tag(s.lead.clone(), b, "wont").await.status, 200);
        let p = page(&app, &s.member, s.workshop).await;
        assert_eq!(p["actions"][0]["id"], a);
        assert_eq!(p["actions"][1]["moscow"], "wont");
        // Only the lead; not another team's lead either.
        let reply = tag(s.member.clone(), a, "must").await;
        assert_eq!(reply.status, 403, "{reply:?}");
        let reply = tag(s.lead.clone(), a, "maybe").await;
        assert_eq!(reply.status, 422, "{reply:?}");
        sqlx::query("UPDATE participants SET is_lead = 1 WHERE display_name = 'Olga Other'")
            .execute(app.db().pool()).await.unwrap();
        let reply = tag(s.stranger.clone(), a, "must").await;
        assert_eq!(reply.status, 404, "{reply:?}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM actions WHERE moscow IS NOT NULL").await, 1);
    }

    async fn settings_are_checked(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.to_string();
        let base = |dots: &'static str, weights: [&'static str; 5]| {
            vec![("workshop", w.clone()), ("dots", dots.to_owned()), ("relevance", weights[0].to_owned()),
                 ("ambition", weights[1].to_owned()), ("feasibility", weights[2].to_owned()),
                 ("resources", weights[3].to_owned()), ("gap", weights[4].to_owned())]
        };
        for (dots, weights, field) in [
            ("0", ["3", "2", "2", "1", "2"], "dots"),
            ("31", ["3", "2", "2", "1", "2"], "dots"),
            ("5", ["6", "2", "2", "1", "2"], "relevance"),
            ("5", ["3", "2", "x", "1", "2"], "feasibility"),
            ("5", ["0", "0", "0", "0", "0"], "relevance"),
        ] {
            let pairs = base(dots, weights);
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let reply = app.call_as(&s.staff, "update_prioritisation_settings", &pairs).await;
            assert_eq!(reply.status, 422, "{dots} {weights:?}: {reply:?}");
            assert!(reply.body.contains(field), "{field}: {}", reply.body);
        }
        let reply = app.call_as(&s.staff, "prioritisation_settings", &[("workshop", &w)]).await;
        assert_eq!(reply.json()["dots"]["per_participant"], 5);
        // Participants cannot change them.
        let pairs = base("9", ["1", "1", "1", "1", "1"]);
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = app.call_as(&s.lead, "update_prioritisation_settings", &pairs).await;
        assert_eq!(reply.status, 401, "{reply:?}");
        // Closed workshops keep theirs.
        set_phase(&app, s.workshop, "closed").await;
        let reply = app.call_as(&s.staff, "update_prioritisation_settings", &pairs).await;
        assert_eq!(reply.status, 409, "{reply:?}");
        assert_eq!(count(&app, "SELECT dots_per_participant FROM workshops WHERE is_demo = 1").await, 5);
    }

    async fn merging_duplicates(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.to_string();
        let indicators = indicator_ids(&app, s.workshop).await;
        let (i0, i1) = (indicators[0].to_string(), indicators[1].to_string());
        // No stacking: the member voted for both, so one dot comes back.
        let reply = app.call_as(&s.staff, "update_prioritisation_settings", &[
            ("workshop", &w), ("dots", "5"), ("relevance", "3"),
            ("ambition", "2"), ("feasibility", "2"), ("resources", "1"), ("gap", "2"),
        ]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let keep = propose(&app, &s.member, s.workshop, "Portal", &[("indicators[]", &i0)]).await.json().as_i64().unwrap();
        let dup = propose(&app, &s.lead, s.workshop, "Portal web", &[("indicators[]", &i1)]).await.json().as_i64().unwrap();
        let before = proposed(&app, &s.member, s.workshop, "Antes").await;
        let after = proposed(&app, &s.member, s.workshop, "Después").await;
        let deps = |action: i64, on: i64| {
            let app = &app; let w = w.clone(); let cookie = s.member.clone();
            async move { app.call_as(&cookie, "set_dependencies", &[("workshop", &w), ("action", &action.to_string()), ("depends_on[]", &on.to_string())]).await }
        };
        // dup depends on before; after depends on dup; keep depends on after... which would
        // make keep → after → keep once dup becomes keep: that edge must be dropped.
        assert_eq!(deps(dup, before).await.status, 200);
        assert_eq!(deps(after, dup).await.status, 200);
        assert_eq!(deps(keep, after).await.status, 200);
        for cookie in [&s.member, &s.lead] {
            assert_eq!(vote(&app, cookie, s.workshop, dup, true).await.status, 200);
        }
        assert_eq!(vote(&app, &s.member, s.workshop, keep, true).await.status, 200);
        let other = proposed(&app, &s.stranger, s.workshop, "Ajena").await;

        // Refusals first: same action, another team's, a participant.
        let merge = |cookie: String, duplicate: i64, keep: i64| {
            let app = &app; let w = w.clone();
            async move { app.call_as(&cookie, "merge_actions", &[("workshop", &w), ("duplicate", &duplicate.to_string()), ("keep", &keep.to_string())]).await }
        };
        assert_eq!(merge(s.staff.clone(), dup, dup).await.status, 422);
        assert_eq!(merge(s.staff.clone(), dup, other).await.status, 422);
        assert_eq!(merge(s.member.clone(), dup, keep).await.status, 401);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM actions").await, 5);

        let reply = merge(s.staff.clone(), dup, keep).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let p = page(&app, &s.member, s.workshop).await;
        assert!(p["actions"].as_array().unwrap().iter().all(|a| a["id"] != dup));
        let kept = action(&p, keep);
        // member: 1 + 1 capped at 1 (one returned); lead: 1.
        assert_eq!(kept["dots"], 2);
        assert_eq!(p["remaining"], 4);
        assert_eq!(kept["indicators"].as_array().unwrap().len(), 2);
        // keep inherits dup's "before"; "after" now depends on keep, and keep's own
        // dependency on "after" would close a circle, so one of them is dropped.
        let edges: Vec<(i64, i64)> = sqlx::query("SELECT action_id, depends_on FROM action_dependencies ORDER BY action_id, depends_on")
            .fetch_all(app.db().pool()).await.unwrap().iter()
            .map(|r| (r.get::<i64, _>("action_id"), r.get::<i64, _>("depends_on"))).collect();
        assert!(edges.contains(&(keep, before)), "{edges:?}");
        assert!(!edges.iter().any(|(a, b)| a == b));
        assert!(!(edges.contains(&(keep, after)) && edges.contains(&(after, keep))), "{edges:?}");
        assert!(edges.iter().all(|(a, b)| *a != dup && *b != dup));
    }

    async fn teams_and_workshops_are_kept_apart(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.to_string();
        let a = proposed(&app, &s.member, s.workshop, "Del equipo A").await;
        // The other team's member sees only their team's actions.
        let p = page(&app, &s.stranger, s.workshop).await;
        assert!(p["actions"].as_array().unwrap().is_empty());
        // And cannot edit or delete ours.
        let reply = app.call_as(&s.stranger, "delete_action", &[("workshop", &w), ("action", &a.to_string())]).await;
        assert_eq!(reply.status, 404, "{reply:?}");
        let reply = app.call_as(&s.stranger, "update_action", &[
            ("workshop", &w), ("action", &a.to_string()), ("version", "1"), ("title", "Mío"),
            ("unit", "U"), ("impact", "1"), ("effort", "1"), ("cost", "low"),
        ]).await;
        assert_eq!(reply.status, 404, "{reply:?}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM actions WHERE title = 'Del equipo A'").await, 1);
        // A participant cannot read the facilitator's view; a facilitator of another
        // workshop is forbidden; the workshop's own facilitator sees every team.
        let reply = app.call_as(&s.member, "workshop_actions", &[("workshop", &w)]).await;
        assert_eq!(reply.status, 401, "{reply:?}");
        let outsider = app.facilitator("otra@rumbo.example").await;
        for endpoint in ["workshop_actions", "prioritisation_settings"] {
            let reply = app.call_as(&outsider, endpoint, &[("workshop", &w)]).await;
            assert_eq!(reply.status, 403, "{endpoint}: {reply:?}");
        }
        let reply = app.call_as(&outsider, "delete_action", &[("workshop", &w), ("action", &a.to_string())]).await;
        assert_eq!(reply.status, 403, "{reply:?}");
        let reply = app.call_as(&s.staff, "workshop_actions", &[("workshop", &w)]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let view = reply.json();
        assert_eq!(view["teams"].as_array().unwrap().len(), s.teams.len());
        assert_eq!(view["teams"][0]["actions"][0]["id"], a);
        // The participant page offers the team's weaknesses first, with suggestions.
        let p = page(&app, &s.member, s.workshop).await;
        let indicators = p["indicators"].as_array().unwrap();
        assert!(!indicators.is_empty());
        assert!(indicators.iter().any(|i| !i["suggestions"].as_array().unwrap().is_empty()));
    }
}

on_both_databases! {
    async fn the_pages_render_for_their_readers(app: TestApp) {
        let s = setup(&app).await;
        let a = proposed(&app, &s.member, s.workshop, "Mesa de datos abiertos").await;
        assert_eq!(vote(&app, &s.member, s.workshop, a, true).await.status, 200);
        let path = format!("/workshops/{}/actions", s.workshop);
        let en = ("accept-language", "en");
        let reply = app.get_with(&path, &[("cookie", &s.member), en]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        for needle in [
            "Mesa de datos abiertos",
            "Remaining dots: 4 of 5",
            "Why is it ranked here?",
            "Propose an action",
            "action-matrix",
            "Add a dot to “Mesa de datos abiertos”",
            "weak-title",
        ] {
            assert!(reply.body.contains(needle), "{needle}");
        }
        // Only the lead gets the MoSCoW select.
        assert!(!reply.body.contains("moscow-form"));
        let reply = app.get_with(&path, &[("cookie", &s.lead), en]).await;
        assert!(reply.body.contains("moscow-form"));
        // Outside the phase: read-only, with the reason.
        set_phase(&app, s.workshop, "roadmap").await;
        let reply = app.get_with(&path, &[("cookie", &s.member), en]).await;
        assert_eq!(reply.status, 200);
        assert!(reply.body.contains("only during the prioritisation phase"));
        assert!(!reply.body.contains("Propose an action"));
        assert!(reply.body.contains("Mesa de datos abiertos"));
        // The facilitator's page.
        let path = format!("/facilitate/workshops/{}/prioritisation", s.workshop);
        let reply = app.get_with(&path, &[("cookie", &s.staff), en]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        for needle in ["Dots and weights", "weight-relevance", "Mesa de datos abiertos", "staff-matrix"] {
            assert!(reply.body.contains(needle), "{needle}");
        }
        let outsider = app.facilitator("otra@rumbo.example").await;
        let reply = app.get_with(&path, &[("cookie", &outsider), en]).await;
        assert_eq!(reply.status, 403);
    }
}
