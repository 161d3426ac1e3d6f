//! Workshop archives, in-process: a whole workshop exported from one database and imported
//! into another, SQLite → PostgreSQL and PostgreSQL → SQLite, with the same dashboard,
//! action ranking, roadmaps and rounds; gzip; the import form; and every bad input (not
//! JSON, another version, a dangling reference, a dependency cycle, an oversized body, a
//! stranger or an anonymous caller) refused with a clear message and nothing inserted.

use std::collections::HashMap;

use axum::body::Body;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use app::archive::{Archive, FORMAT, MAX_BYTES};
use tests::{on_both_databases, Kind, TestApp};

/// A response read as bytes (archives may be gzip).
struct Raw {
    status: StatusCode,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

async fn send_raw(app: &TestApp, request: Request<Body>) -> Raw {
    let options = server::leptos_options(([127, 0, 0, 1], 3000).into(), "target/site");
    let response = server::router(app.db().clone(), options)
        .oneshot(request)
        .await
        .expect("infallible router");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Raw {
        status,
        headers,
        body,
    }
}

async fn download(app: &TestApp, cookie: &str, workshop: i64, gzip: bool) -> Raw {
    let query = if gzip { "?gzip=1" } else { "" };
    let request = Request::get(format!(
        "/facilitate/workshops/{workshop}/archive.json{query}"
    ))
    .header("cookie", cookie)
    .body(Body::empty())
    .expect("request");
    send_raw(app, request).await
}

async fn upload(app: &TestApp, cookie: &str, file: Vec<u8>) -> Raw {
    let request = Request::post("/facilitate/archives")
        .header("cookie", format!("{cookie}; rumbo_lang=en"))
        .header("content-type", "application/json")
        .body(Body::from(file))
        .expect("request");
    send_raw(app, request).await
}

fn json(raw: &Raw) -> Value {
    serde_json::from_slice(&raw.body)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&raw.body)))
}

/// The demo workshop (answers, actions, votes, programme) with a closed round, settled
/// consensus, a dependency, generated roadmaps, a milestone and follow-up, a need that
/// unblocks two actions and a case of the workshop's own, in the roadmap phase.
async fn rich_workshop(app: &TestApp) -> (i64, String) {
    let (workshop, cookie) = app.demo_facilitator().await;
    let pool = app.db().pool();
    for sql in [
        "INSERT INTO assessment_rounds (workshop_id, round, closed_at) VALUES ($1, 1, 1790000000)",
        "INSERT INTO round_answers (workshop_id, round, participant_id, team_id, indicator_id, response, level, target_level, mark)
         SELECT p.workshop_id, 1, a.participant_id, p.team_id, a.indicator_id, a.response, a.level, a.target_level, a.mark
         FROM answers a JOIN participants p ON p.id = a.participant_id WHERE p.workshop_id = $1",
        "INSERT INTO round_consensus (workshop_id, round, team_id, indicator_id, level)
         SELECT t.workshop_id, 1, t.id, i.id, 2 FROM teams t, indicators i, workshops w
         WHERE t.workshop_id = $1 AND w.id = $1 AND i.framework_id = w.framework_id AND i.code = 'T1'",
        "INSERT INTO team_consensus (team_id, indicator_id, level, rationale, set_by, updated_at)
         SELECT t.id, i.id, 4, 'Acordado en plenaria', NULL, 1790000100 FROM teams t, indicators i, workshops w
         WHERE t.workshop_id = $1 AND w.id = $1 AND i.framework_id = w.framework_id AND i.code IN ('T2', 'P1')",
        "UPDATE workshops SET round = 2, phase = 'roadmap', dots_stack = 0, weight_gap = 4 WHERE id = $1",
    ] {
        sqlx::query(sql).bind(workshop).execute(pool).await.expect(sql);
    }
    // The second action of the first team with actions waits for its first.
    let pair: (i64, i64, i64) = sqlx::query_as(
        "SELECT a.id, b.id, a.team_id FROM actions a JOIN actions b ON b.team_id = a.team_id AND b.id > a.id
         WHERE a.workshop_id = $1 ORDER BY a.id, b.id LIMIT 1",
    )
    .bind(workshop)
    .fetch_one(pool)
    .await
    .expect("two actions of one team");
    sqlx::query(
        "INSERT INTO action_dependencies (action_id, depends_on, team_id) VALUES ($1, $2, $3)",
    )
    .bind(pair.1)
    .bind(pair.0)
    .bind(pair.2)
    .execute(pool)
    .await
    .unwrap();
    let need: i64 = sqlx::query_scalar(
        "INSERT INTO needs (workshop_id, team_id, kind, description, created_by, created_at, updated_at)
         VALUES ($1, $2, 'staff_skills', 'Capacitación en datos abiertos', NULL, 1790000200, 1790000200)
         RETURNING id",
    )
    .bind(workshop)
    .bind(pair.2)
    .fetch_one(pool)
    .await
    .unwrap();
    for action in [pair.0, pair.1] {
        sqlx::query("INSERT INTO need_actions (need_id, action_id, team_id) VALUES ($1, $2, $3)")
            .bind(need)
            .bind(action)
            .bind(pair.2)
            .execute(pool)
            .await
            .unwrap();
    }
    let case: i64 = sqlx::query_scalar(
        "INSERT INTO workshop_cases (workshop_id, title, place, country, level, years, summary,
             results, presented_by, source_title, source_url, created_at, updated_at)
         VALUES ($1, 'Presupuesto participativo provincial', 'Azuay', 'Ecuador', 'regional',
             '2019–2022', 'Asambleas cantonales deciden parte de la inversión.', '',
             'Prefectura del Azuay', 'Informe', 'https://example.org/informe', 1790000300, 1790000300)
         RETURNING id",
    )
    .bind(workshop)
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO workshop_case_indicators (case_id, indicator_id)
         SELECT $1, i.id FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id
         WHERE w.id = $2 AND i.code IN ('P1', 'T2')",
    )
    .bind(case)
    .bind(workshop)
    .execute(pool)
    .await
    .unwrap();
    let reply = app
        .call_as(
            &cookie,
            "generate_all_roadmaps",
            &[
                ("workshop", &workshop.to_string()),
                ("starts_on", "2027-01-04"),
            ],
        )
        .await;
    assert!(reply.status.is_success(), "{reply:?}");
    let item: (i64, String) = sqlx::query_as(
        "SELECT i.id, i.ends_on FROM roadmap_items i JOIN teams t ON t.id = i.team_id
         WHERE t.workshop_id = $1 ORDER BY i.id LIMIT 1",
    )
    .bind(workshop)
    .fetch_one(pool)
    .await
    .expect("a roadmap item");
    sqlx::query("INSERT INTO roadmap_milestones (item_id, position, title, due_on) VALUES ($1, 0, 'Borrador', $2)")
        .bind(item.0)
        .bind(&item.1)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE roadmap_items SET status = 'substantial', progress = 60, pinned = 1 WHERE id = $1",
    )
    .bind(item.0)
    .execute(pool)
    .await
    .unwrap();
    (workshop, cookie)
}

/// What the app shows of a workshop, through its own server functions, with the ids (which
/// an import renumbers) and optimistic-concurrency versions taken out.
async fn views(app: &TestApp, cookie: &str, workshop: i64) -> Vec<(String, Value)> {
    let w = workshop.to_string();
    let mut found = Vec::new();
    for endpoint in [
        "dashboard",
        "workshop_actions",
        "workshop_roadmaps",
        "rounds_overview",
        "workshop_needs",
        "programme",
        "learn_workshop_cases",
    ] {
        let reply = app.call_as(cookie, endpoint, &[("workshop", &w)]).await;
        assert!(reply.status.is_success(), "{endpoint}: {reply:?}");
        found.push((endpoint.to_owned(), without_ids(reply.json())));
    }
    let reply = app
        .call_as(
            cookie,
            "compare_rounds",
            &[("workshop", &w), ("from", "1"), ("to", "2")],
        )
        .await;
    assert!(reply.status.is_success(), "compare_rounds: {reply:?}");
    found.push(("compare_rounds".to_owned(), without_ids(reply.json())));
    found
}

const ID_KEYS: [&str; 10] = [
    "id",
    "workshop",
    "team",
    "action",
    "indicator",
    "participant",
    "depends_on",
    "version",
    "join_code",
    "item",
];

fn without_ids(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let is_id = ID_KEYS.contains(&key.as_str()) || key.ends_with("_id");
                    let numeric = match &value {
                        Value::Number(_) | Value::Null => true,
                        // Names and codes stay compared; only the join code is new.
                        Value::String(_) => key == "join_code",
                        Value::Array(items) => items.iter().all(Value::is_number),
                        _ => false,
                    };
                    if is_id && numeric {
                        (key, Value::Null)
                    } else {
                        (key, without_ids(value))
                    }
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_ids).collect()),
        other => other,
    }
}

/// An archive with its keys renumbered in file order, and its moment of export dropped:
/// two archives of the same workshop from different databases are then equal.
fn canonical(mut archive: Archive) -> Archive {
    let index = |keys: Vec<i64>| -> HashMap<i64, i64> { keys.into_iter().zip(1..).collect() };
    let teams = index(archive.teams.iter().map(|t| t.key).collect());
    let people = index(archive.participants.iter().map(|p| p.key).collect());
    let actions = index(archive.actions.iter().map(|a| a.key).collect());
    archive.exported_at = 0;
    archive.teams.iter_mut().for_each(|t| t.key = teams[&t.key]);
    for p in &mut archive.participants {
        p.key = people[&p.key];
        p.team = teams[&p.team];
    }
    archive
        .answers
        .iter_mut()
        .for_each(|a| a.participant = people[&a.participant]);
    for c in &mut archive.consensus {
        c.team = teams[&c.team];
        c.set_by = c.set_by.map(|p| people[&p]);
    }
    for a in &mut archive.round_answers {
        a.participant = people[&a.participant];
        a.team = teams[&a.team];
    }
    archive
        .round_consensus
        .iter_mut()
        .for_each(|c| c.team = teams[&c.team]);
    archive
        .round_answers
        .sort_by_key(|a| (a.round, a.participant, a.indicator.clone()));
    archive
        .round_consensus
        .sort_by_key(|c| (c.round, c.team, c.indicator.clone()));
    archive
        .consensus
        .sort_by_key(|c| (c.team, c.indicator.clone()));
    for a in &mut archive.actions {
        a.key = actions[&a.key];
        a.team = teams[&a.team];
        a.proposed_by = a.proposed_by.map(|p| people[&p]);
        a.depends_on.iter_mut().for_each(|d| *d = actions[d]);
        a.indicators.sort();
    }
    for v in &mut archive.votes {
        v.action = actions[&v.action];
        v.participant = people[&v.participant];
    }
    archive.votes.sort_by_key(|v| (v.action, v.participant));
    for r in &mut archive.roadmaps {
        r.team = teams[&r.team];
        r.items
            .iter_mut()
            .for_each(|i| i.action = actions[&i.action]);
    }
    for n in &mut archive.needs {
        n.team = teams[&n.team];
        n.created_by = n.created_by.map(|p| people[&p]);
        n.actions.iter_mut().for_each(|a| *a = actions[a]);
        n.actions.sort();
    }
    archive.cases.iter_mut().for_each(|c| c.indicators.sort());
    archive
}

async fn round_trip(from: Kind, to: Kind) {
    let source = TestApp::new(from).await;
    let (workshop, owner) = rich_workshop(&source).await;
    let before = views(&source, &owner, workshop).await;
    let file = download(&source, &owner, workshop, false).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("attachment"));
    let exported: Archive = serde_json::from_slice(&file.body).expect("an archive");
    assert_eq!(exported.format, FORMAT);
    assert!(!exported.round_answers.is_empty() && !exported.votes.is_empty());
    assert!(exported
        .roadmaps
        .iter()
        .any(|r| r.items.iter().any(|i| !i.milestones.is_empty())));
    assert!(exported.actions.iter().any(|a| !a.depends_on.is_empty()));
    assert!(exported.needs.iter().any(|n| n.actions.len() == 2));
    assert!(exported.cases.iter().any(|c| c.indicators.len() == 2));
    assert!(exported
        .programme
        .iter()
        .any(|s| s.call_url.is_some() || !s.materials.is_empty()));

    let target = TestApp::new(to).await;
    let importer = target.facilitator("importa@rumbo.example").await;
    let reply = upload(&target, &importer, file.body.clone()).await;
    assert_eq!(
        reply.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let imported = json(&reply)["workshop"].as_i64().expect("new workshop id");

    let after = views(&target, &importer, imported).await;
    for (name, view) in &before {
        // Guards against comparing two empty answers.
        assert!(
            view.to_string().len() > 200,
            "{name} is nearly empty: {view}"
        );
    }
    for ((name, a), (_, b)) in before.iter().zip(&after) {
        assert_eq!(a, b, "{name} differs after the round trip");
    }
    let again = download(&target, &importer, imported, false).await;
    let again: Archive = serde_json::from_slice(&again.body).expect("an archive");
    assert_eq!(canonical(again), canonical(exported));

    // A new join code, the importer as the only facilitator, not published, not the demo.
    let row: (String, Option<i64>, i64) =
        sqlx::query_as("SELECT join_code, published_at, is_demo FROM workshops WHERE id = $1")
            .bind(imported)
            .fetch_one(target.db().pool())
            .await
            .unwrap();
    assert_ne!(row.0, "DEMO2026");
    assert_eq!((row.1, row.2), (None, 0));
    let roles: Vec<String> =
        sqlx::query_scalar("SELECT role FROM workshop_facilitators WHERE workshop_id = $1")
            .bind(imported)
            .fetch_all(target.db().pool())
            .await
            .unwrap();
    assert_eq!(roles, ["owner"]);
}

#[tokio::test]
async fn sqlite_to_postgres_keeps_aggregates_ranking_and_roadmaps() {
    round_trip(Kind::Sqlite, Kind::Postgres).await;
}

#[tokio::test]
async fn postgres_to_sqlite_keeps_aggregates_ranking_and_roadmaps() {
    round_trip(Kind::Postgres, Kind::Sqlite).await;
}

/// Rows in the tables an import writes to.
async fn counts(app: &TestApp) -> Vec<i64> {
    let mut found = Vec::new();
    for table in [
        "workshops",
        "frameworks",
        "indicators",
        "teams",
        "participants",
        "answers",
        "team_consensus",
        "actions",
        "action_votes",
        "roadmap_items",
        "round_answers",
        "workshop_facilitators",
        "needs",
        "programme_sessions",
        "workshop_cases",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        found.push(n);
    }
    found
}

/// A small sound archive to spoil: the demo's, exported.
async fn demo_file(app: &TestApp) -> (Value, String) {
    let (workshop, owner) = app.demo_facilitator().await;
    let file = download(app, &owner, workshop, false).await;
    assert_eq!(file.status, StatusCode::OK);
    (json(&file), owner)
}

#[track_caller]
fn assert_refused(reply: &Raw, status: StatusCode, place: &str, message: &str) {
    assert_eq!(
        reply.status,
        status,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let body = json(reply);
    let problems = body["problems"].as_array().expect("problems");
    assert!(
        problems
            .iter()
            .any(|p| p["place"].as_str().unwrap().starts_with(place)
                && p["message"].as_str().unwrap().contains(message)),
        "{place}: {message} in {body}"
    );
}

on_both_databases! {
    async fn gzip_archives_download_and_import(app: TestApp) {
        let (workshop, owner) = app.demo_facilitator().await;
        let file = download(&app, &owner, workshop, true).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(&file.body[..2], &[0x1f, 0x8b]);
        assert_eq!(file.headers["content-type"], "application/gzip");
        let reply = upload(&app, &owner, file.body).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&reply.body));
        let title: String = sqlx::query_scalar("SELECT title FROM workshops WHERE id = $1")
            .bind(json(&reply)["workshop"].as_i64().unwrap())
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let original: String = sqlx::query_scalar("SELECT title FROM workshops WHERE id = $1")
            .bind(workshop)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(title, original);
    }

    async fn bad_files_are_refused_and_change_nothing(app: TestApp) {
        let (sound, owner) = demo_file(&app).await;
        let before = counts(&app).await;

        let reply = upload(&app, &owner, b"{ \"format\": \"rumbo-archive/1\", ".to_vec()).await;
        assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "line 1, column ", "not valid JSON");

        let mut other = sound.clone();
        other["format"] = Value::from("rumbo-archive/9");
        let reply = upload(&app, &owner, other.to_string().into_bytes()).await;
        assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "format", "rumbo-archive/1");

        let mut missing = sound.clone();
        missing.as_object_mut().unwrap().remove("teams");
        let reply = upload(&app, &owner, missing.to_string().into_bytes()).await;
        assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, ".", "missing");

        let mut dangling = sound.clone();
        dangling["answers"][0]["indicator"] = Value::from("ZZ99");
        let reply = upload(&app, &owner, dangling.to_string().into_bytes()).await;
        assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "answers[0].indicator", "points to something");

        // The demo's first team has several actions: make the first two wait for each other.
        let mut cycle = sound.clone();
        let actions = cycle["actions"].as_array_mut().unwrap();
        let team = actions[0]["team"].clone();
        let same: Vec<usize> = (0..actions.len()).filter(|&i| actions[i]["team"] == team).take(2).collect();
        let (a, b) = (actions[same[0]]["key"].clone(), actions[same[1]]["key"].clone());
        actions[same[0]]["depends_on"] = Value::from(vec![b]);
        actions[same[1]]["depends_on"] = Value::from(vec![a]);
        let reply = upload(&app, &owner, cycle.to_string().into_bytes()).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(json(&reply)["problems"][0]["message"].as_str().unwrap().contains("cycle"), "{}", json(&reply));

        let mut oversized = sound.to_string().into_bytes();
        oversized.resize(MAX_BYTES + 10, b' ');
        let reply = upload(&app, &owner, oversized).await;
        assert_refused(&reply, StatusCode::PAYLOAD_TOO_LARGE, "file", "20 MB");

        let reply = upload(&app, &owner, vec![0x1f, 0x8b, 0, 1, 2, 3]).await;
        assert_refused(&reply, StatusCode::UNPROCESSABLE_ENTITY, "file", "damaged");

        // Signed out: nothing is read at all.
        let reply = upload(&app, "rumbo_staff=nobody", sound.to_string().into_bytes()).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);

        assert_eq!(counts(&app).await, before);
    }

    async fn only_the_workshops_facilitators_download_its_archive(app: TestApp) {
        let (workshop, _) = app.demo_facilitator().await;
        let stranger = app.facilitator("otra@rumbo.example").await;
        let reply = download(&app, &stranger, workshop, false).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        assert!(!String::from_utf8_lossy(&reply.body).contains("answers"));
        let reply = download(&app, "", workshop, false).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        let team: i64 = sqlx::query_scalar("SELECT MIN(id) FROM teams WHERE workshop_id = $1")
            .bind(workshop)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let participant = app.join("DEMO-2026", "Curiosa", team).await;
        let reply = download(&app, &participant, workshop, false).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        let reply = download(&app, &stranger, 999_999, false).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
    }

    async fn the_import_form_redirects_to_the_new_workshop_or_back_with_the_problem(app: TestApp) {
        let (sound, owner) = demo_file(&app).await;
        let form = |file: &[u8]| {
            let mut body = b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n".to_vec();
            body.extend_from_slice(file);
            body.extend_from_slice(b"\r\n--XyZ--\r\n");
            Request::post("/facilitate/archives")
                .header("cookie", owner.as_str())
                .header("content-type", "multipart/form-data; boundary=XyZ")
                .body(Body::from(body))
                .expect("request")
        };
        let reply = send_raw(&app, form(sound.to_string().as_bytes())).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        let to = reply.headers["location"].to_str().unwrap();
        let id: i64 = to.strip_prefix("/facilitate/workshops/").unwrap().parse().unwrap();
        assert!(id > 0);

        let before = counts(&app).await;
        let reply = send_raw(&app, form(b"{ not json")).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        let to = reply.headers["location"].to_str().unwrap().to_owned();
        assert!(to.starts_with("/facilitate?archive_error=ArcNotJson"), "{to}");
        assert_eq!(counts(&app).await, before);

        // The panel shows the problem in the reader's language.
        let page = app.get_with(&to, &[("cookie", &format!("{owner}; rumbo_lang=en"))]).await;
        assert!(page.body.contains("The archive could not be imported"), "{}", page.body);
        assert!(page.body.contains("The file is not valid JSON."));
    }
}
