//! The live dashboard and what participants see of others, in-process, on SQLite and
//! PostgreSQL: who may read them, whether the numbers are right, that nothing personal
//! leaks, and that a saved answer reaches an open event stream.

use std::time::Duration;

use axum::body::Body;
use axum::Router;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use sqlx::Row;
use tower::ServiceExt;

use app::facilitator::Role;
use app::ids::{FacilitatorId, WorkshopId};
use tests::{cookie_from, form, on_both_databases, TestApp};

/// A second router on the app's database. Event streams never end, so they cannot go
/// through [`TestApp::send`], which reads whole bodies; changes that must reach a stream are
/// saved through this same router, whose hub the stream listens to.
fn router(app: &TestApp) -> Router {
    let options = server::leptos_options(([127, 0, 0, 1], 3000).into(), "target/site");
    server::router(app.db().clone(), options)
}

async fn open(router: &Router, path: &str, cookie: Option<&str>) -> http::Response<Body> {
    let mut request = Request::get(path).header("accept", "text/event-stream");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap()
}

async fn call_on(
    router: &Router,
    cookie: &str,
    endpoint: &str,
    pairs: &[(&str, &str)],
) -> StatusCode {
    let request = Request::post(format!("/api/{endpoint}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("cookie", cookie)
        .body(Body::from(form(pairs)))
        .unwrap();
    router.clone().oneshot(request).await.unwrap().status()
}

/// Reads a stream until `needle` appears or `within` passes; the text read so far.
async fn read_until(body: &mut Body, needle: &str, within: Duration) -> Result<String, String> {
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + within;
    while !text.contains(needle) {
        match tokio::time::timeout_at(deadline, body.frame()).await {
            Ok(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    text.push_str(&String::from_utf8_lossy(data));
                }
            }
            Ok(_) => return Err(format!("stream ended: {text:?}")),
            Err(_) => return Err(format!("no {needle:?} in time: {text:?}")),
        }
    }
    Ok(text)
}

async fn facilitator_id(app: &TestApp, email: &str) -> FacilitatorId {
    FacilitatorId(
        sqlx::query_scalar("SELECT id FROM facilitators WHERE email = $1")
            .bind(email)
            .fetch_one(app.db().pool())
            .await
            .unwrap(),
    )
}

async fn team_ids(app: &TestApp, workshop: i64) -> Vec<i64> {
    app::workshop::repo::teams(app.db().pool(), WorkshopId(workshop))
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id.0)
        .collect()
}

async fn first_indicator(app: &TestApp, workshop: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT i.id FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id
         JOIN pillars p ON p.id = i.pillar_id WHERE w.id = $1 ORDER BY p.position, i.position LIMIT 1",
    )
    .bind(workshop)
    .fetch_one(app.db().pool())
    .await
    .unwrap()
}

async fn sql(app: &TestApp, statement: &str, workshop: i64) {
    sqlx::query(statement)
        .bind(workshop)
        .execute(app.db().pool())
        .await
        .unwrap();
}

/// Every participant's name in the database.
async fn names(app: &TestApp) -> Vec<String> {
    sqlx::query("SELECT display_name FROM participants")
        .fetch_all(app.db().pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>("display_name"))
        .collect()
}

/// The demo, its owner, a co-facilitator, another facilitator and a participant, as cookies.
struct Cast {
    workshop: i64,
    owner: String,
    co: String,
    stranger: String,
    participant: String,
}

async fn cast(app: &TestApp) -> Cast {
    let (workshop, owner) = app.demo_facilitator().await;
    let co = app.facilitator("co@rumbo.example").await;
    let id = facilitator_id(app, "co@rumbo.example").await;
    app::facilitator::repo::grant(
        app.db().pool(),
        WorkshopId(workshop),
        id,
        Role::CoFacilitator,
    )
    .await
    .unwrap();
    let stranger = app.facilitator("otra@rumbo.example").await;
    let teams = team_ids(app, workshop).await;
    let participant = app
        .join(app::demo::DEMO_JOIN_CODE, "Zoila Testigo", teams[0])
        .await;
    Cast {
        workshop,
        owner,
        co,
        stranger,
        participant,
    }
}

on_both_databases! {
    async fn only_the_workshops_facilitators_read_the_dashboard(app: TestApp) {
        let c = cast(&app).await;
        let w = c.workshop.to_string();
        let pairs = [("workshop", w.as_str())];
        assert_eq!(app.call("dashboard", &form(&pairs)).await.status, 401, "anonymous");
        // Demo joiners are team leads: a lead is still not a facilitator.
        assert_eq!(app.call_as(&c.participant, "dashboard", &pairs).await.status, 401, "participant, team lead");
        let other = other_workshop_participant(&app).await;
        assert_eq!(app.call_as(&other, "dashboard", &pairs).await.status, 401, "participant of another workshop");
        let both = format!("{}; {}", c.participant, c.stranger);
        assert_eq!(app.call_as(&both, "dashboard", &pairs).await.status, 403, "a participant cookie adds nothing");
        assert_eq!(app.call_as(&c.stranger, "dashboard", &pairs).await.status, 403, "another facilitator");
        assert_eq!(app.call_as(&c.co, "dashboard", &pairs).await.status, 200, "co-facilitator");
        assert_eq!(app.call_as(&c.owner, "dashboard", &pairs).await.status, 200, "owner");
        assert_eq!(app.call_as(&c.owner, "dashboard", &[("workshop", "999999")]).await.status, 404);
        assert_eq!(app.call_as(&c.owner, "dashboard", &[("workshop", "x")]).await.status, 400);

        // The pages answer with the same statuses.
        let page = format!("/facilitate/workshops/{w}/dashboard");
        assert_eq!(app.get(&page).await.status, 401);
        assert_eq!(app.get_with(&page, &[("cookie", &c.stranger)]).await.status, 403);
        let reply = app.get_with(&page, &[("cookie", &c.co)]).await;
        assert_eq!(reply.status, 200);
        assert!(reply.body.contains("Ver datos como tabla"), "tables behind every chart");
        let present = format!("/facilitate/workshops/{w}/present/heatmap");
        assert_eq!(app.get_with(&present, &[("cookie", &c.owner)]).await.status, 200);
        assert_eq!(app.get_with(&present, &[("cookie", &c.stranger)]).await.status, 403);
        let unknown = format!("/facilitate/workshops/{w}/present/pie");
        assert_eq!(app.get_with(&unknown, &[("cookie", &c.owner)]).await.status, 404);
    }

    async fn only_the_workshops_facilitators_open_its_events(app: TestApp) {
        let c = cast(&app).await;
        let r = router(&app);
        let path = format!("/facilitate/workshops/{}/events", c.workshop);
        assert_eq!(open(&r, &path, None).await.status(), 401, "anonymous");
        assert_eq!(open(&r, &path, Some(&c.participant)).await.status(), 401, "participant");
        assert_eq!(open(&r, &path, Some(&c.stranger)).await.status(), 403, "another facilitator");
        assert_eq!(open(&r, "/facilitate/workshops/999999/events", Some(&c.owner)).await.status(), 404);
        assert_eq!(open(&r, "/facilitate/workshops/abc/events", Some(&c.owner)).await.status(), 404);
        for cookie in [&c.co, &c.owner] {
            let response = open(&r, &path, Some(cookie)).await;
            assert_eq!(response.status(), 200);
            assert_eq!(response.headers()["content-type"], "text/event-stream");
            assert_eq!(response.headers()["x-accel-buffering"], "no");
        }
    }

    async fn a_saved_answer_reaches_an_open_stream_within_a_second(app: TestApp) {
        let c = cast(&app).await;
        let r = router(&app);
        let path = format!("/facilitate/workshops/{}/events", c.workshop);
        let mut body = open(&r, &path, Some(&c.co)).await.into_body();
        read_until(&mut body, "event: ready", Duration::from_secs(1)).await.unwrap();

        let (w, i) = (c.workshop.to_string(), first_indicator(&app, c.workshop).await.to_string());
        let started = std::time::Instant::now();
        let status = call_on(&r, &c.participant, "save_answer", &[("workshop", &w), ("indicator", &i), ("response", "4")]).await;
        assert_eq!(status, 200);
        let text = read_until(&mut body, "event: changed", Duration::from_secs(1)).await.unwrap();
        assert!(started.elapsed() < Duration::from_secs(1));
        assert!(text.contains(&format!("data: {w}")), "{text}");

        // A burst of saves is one event, not one per save.
        for level in ["1", "2", "3", "5"] {
            call_on(&r, &c.participant, "save_answer", &[("workshop", &w), ("indicator", &i), ("response", level)]).await;
        }
        let text = read_until(&mut body, "event: changed", Duration::from_secs(1)).await.unwrap();
        let more = read_until(&mut body, "event: changed", Duration::from_millis(700)).await;
        assert!(more.is_err(), "coalesced: {text} then {more:?}");

        // A failed save (bad level) changes nothing and sends nothing.
        let status = call_on(&r, &c.participant, "save_answer", &[("workshop", &w), ("indicator", &i), ("response", "9")]).await;
        assert_eq!(status, 422);
        assert!(read_until(&mut body, "event: changed", Duration::from_millis(500)).await.is_err());

        // A lead settling a level is news too (demo joiners are leads)…
        let status = call_on(&r, &c.participant, "settle_consensus", &[("workshop", &w), ("indicator", &i), ("level", "3"), ("rationale", "Acordado"), ("version", "0")]).await;
        assert_eq!(status, 200);
        read_until(&mut body, "event: changed", Duration::from_secs(1)).await.unwrap();
        // …and so is someone joining (the participation table changes).
        tokio::time::sleep(Duration::from_millis(350)).await;
        let team = team_ids(&app, c.workshop).await[1].to_string();
        let request = Request::post("/api/join_workshop")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(Body::from(form(&[("code", app::demo::DEMO_JOIN_CODE), ("name", "Nueva"), ("team", &team)])))
            .unwrap();
        assert!(r.clone().oneshot(request).await.unwrap().status().is_success());
        read_until(&mut body, "event: changed", Duration::from_secs(1)).await.unwrap();

        // Another workshop's changes are not this stream's news.
        let other = other_workshop_participant(&app).await;
        let other_id: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE join_code = 'OTRO2026'")
            .fetch_one(app.db().pool()).await.unwrap();
        let oi = first_indicator(&app, other_id).await.to_string();
        let status = call_on(&r, &other, "save_answer", &[("workshop", &other_id.to_string()), ("indicator", &oi), ("response", "2")]).await;
        assert_eq!(status, 200);
        assert!(read_until(&mut body, "event: changed", Duration::from_millis(500)).await.is_err());
    }

    async fn dashboard_numbers_match_the_answers(app: TestApp) {
        let c = cast(&app).await;
        let reply = app.call_as(&c.owner, "dashboard", &[("workshop", &c.workshop.to_string())]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let data = reply.json();
        let pool = app.db().pool();
        let teams = team_ids(&app, c.workshop).await;
        let indicators: Vec<i64> = sqlx::query_scalar(
            "SELECT i.id FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id
             JOIN pillars p ON p.id = i.pillar_id WHERE w.id = $1 ORDER BY p.position, i.position",
        )
        .bind(c.workshop)
        .fetch_all(pool)
        .await
        .unwrap();
        assert_eq!(data["indicators"].as_array().unwrap().len(), indicators.len());
        assert_eq!(data["teams"].as_array().unwrap().len(), teams.len());

        for (index, team) in teams.iter().enumerate() {
            let row = &data["teams"][index];
            let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM participants WHERE team_id = $1")
                .bind(team).fetch_one(pool).await.unwrap();
            let answered: i64 = sqlx::query_scalar(
                "SELECT COUNT(DISTINCT a.participant_id) FROM answers a JOIN participants p ON p.id = a.participant_id WHERE p.team_id = $1",
            ).bind(team).fetch_one(pool).await.unwrap();
            let answers: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM answers a JOIN participants p ON p.id = a.participant_id WHERE p.team_id = $1",
            ).bind(team).fetch_one(pool).await.unwrap();
            assert_eq!(row["members"], members, "team {index}");
            assert_eq!(row["respondents"], answered, "team {index}");
            let completion = 100.0 * answers as f64 / (members as f64 * indicators.len() as f64);
            assert_eq!(row["completion"].as_f64().unwrap(), (completion * 10.0).round() / 10.0, "team {index}");

            // The team's level on the first indicator: the median of its members' levels.
            let mut levels: Vec<i64> = sqlx::query_scalar(
                "SELECT a.level FROM answers a JOIN participants p ON p.id = a.participant_id
                 WHERE p.team_id = $1 AND a.indicator_id = $2 AND a.level IS NOT NULL",
            ).bind(team).bind(indicators[0]).fetch_all(pool).await.unwrap();
            levels.sort_unstable();
            let n = levels.len();
            let median = match n {
                0 => None,
                _ if n % 2 == 1 => Some(levels[n / 2] as f64),
                _ => Some((levels[n / 2 - 1] + levels[n / 2]) as f64 / 2.0),
            };
            assert_eq!(row["consensus"][0].as_f64(), median, "team {index}");
        }

        // The distribution of the first indicator, counted in SQL.
        for level in 1..=5_i64 {
            let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE indicator_id = $1 AND level = $2")
                .bind(indicators[0]).bind(level).fetch_one(pool).await.unwrap();
            assert_eq!(data["distribution"][0]["levels"][(level - 1) as usize], count, "level {level}");
        }
        let na: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE indicator_id = $1 AND response = 'not_applicable'")
            .bind(indicators[0]).fetch_one(pool).await.unwrap();
        assert_eq!(data["distribution"][0]["not_applicable"], na);

        // The workshop average is the mean of the teams' pillar averages.
        let team_values: Vec<f64> = data["teams"].as_array().unwrap().iter().filter_map(|t| t["averages"][0].as_f64()).collect();
        let mean = team_values.iter().sum::<f64>() / team_values.len() as f64;
        let shown = data["workshop_averages"][0].as_f64().unwrap();
        assert!((shown - mean).abs() <= 0.051, "{shown} vs {mean}");

        // The demo has strengths marked; the ranking is by teams, then marks.
        let strengths = data["strengths"].as_array().unwrap();
        assert!(!strengths.is_empty());
        assert!(strengths.windows(2).all(|w| w[0]["teams"].as_u64() >= w[1]["teams"].as_u64()));

        // No participant's name anywhere.
        for name in names(&app).await {
            assert!(!reply.body.contains(&name), "{name} leaked into the dashboard");
        }
    }

    async fn participants_see_what_the_workshop_shares(app: TestApp) {
        let c = cast(&app).await;
        let w = c.workshop.to_string();
        let pairs = [("workshop", w.as_str())];
        assert_eq!(app.call("shared_results", &form(&pairs)).await.status, 401, "anonymous");
        assert_eq!(app.call_as(&c.owner, "shared_results", &pairs).await.status, 401, "facilitators are not participants");
        // A participant of another workshop.
        let other = other_workshop_participant(&app).await;
        assert_eq!(app.call_as(&other, "shared_results", &pairs).await.status, 403);

        // Default: teams. Every demo team has enough respondents (threshold 3)…
        let reply = app.call_as(&c.participant, "shared_results", &pairs).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let shared = reply.json();
        assert_eq!(shared["mode"], "teams");
        let teams = team_ids(&app, c.workshop).await;
        assert_eq!(shared["others"].as_array().unwrap().len(), teams.len() - 1, "all but their own");
        assert!(shared["workshop"].is_array());
        for name in names(&app).await {
            assert!(!reply.body.contains(&name), "{name} leaked");
        }
        for key in ["level", "note", "evidence", "consensus", "distribution"] {
            assert!(!reply.body.contains(&format!("\"{key}")), "no {key} in {}", reply.body);
        }

        // The team page shows the comparison: radar and table.
        let page = app.get_with(&format!("/workshops/{w}/team"), &[("cookie", &c.participant)]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("id=\"share-radar\"") && page.body.contains("Promedio del taller"), "{}", page.body);

        // …until the threshold rises above the smaller teams.
        sql(&app, "UPDATE workshops SET anonymity_threshold = 5 WHERE id = $1", c.workshop).await;
        let dashboard = app.call_as(&c.owner, "dashboard", &pairs).await.json();
        let shared = app.call_as(&c.participant, "shared_results", &pairs).await.json();
        let big: Vec<String> = dashboard["teams"].as_array().unwrap().iter().skip(1)
            .filter(|t| t["respondents"].as_u64().unwrap() >= 5)
            .map(|t| t["name"].as_str().unwrap().to_owned()).collect();
        let small: Vec<String> = dashboard["teams"].as_array().unwrap().iter().skip(1)
            .filter(|t| t["respondents"].as_u64().unwrap() < 5)
            .map(|t| t["name"].as_str().unwrap().to_owned()).collect();
        assert!(!small.is_empty());
        let shown: Vec<String> = shared["others"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap().to_owned()).collect();
        assert_eq!(shown, big);
        assert_eq!(shared["hidden"], serde_json::json!(small));
        // The workshop average is over the visible teams only.
        let visible: Vec<f64> = dashboard["teams"].as_array().unwrap().iter()
            .filter(|t| t["respondents"].as_u64().unwrap() >= 5)
            .filter_map(|t| t["averages"][0].as_f64()).collect();
        let expected = if visible.is_empty() { Value::Null } else {
            let m = visible.iter().sum::<f64>() / visible.len() as f64;
            serde_json::json!((m * 10.0).round() / 10.0)
        };
        let got = shared["workshop"][0].as_f64().map(|v| serde_json::json!(v)).unwrap_or(Value::Null);
        match (&got, &expected) {
            (Value::Null, Value::Null) => {}
            _ => assert!((got.as_f64().unwrap() - expected.as_f64().unwrap()).abs() <= 0.051, "{got} vs {expected}"),
        }

        // Averages only: no other team, by name or number.
        sql(&app, "UPDATE workshops SET share_results = 'averages' WHERE id = $1", c.workshop).await;
        let reply = app.call_as(&c.participant, "shared_results", &pairs).await;
        let shared = reply.json();
        assert_eq!(shared["mode"], "averages");
        assert!(shared["workshop"].is_array());
        assert_eq!(shared["others"], serde_json::json!([]));
        assert_eq!(shared["hidden"], serde_json::json!([]));
        for name in big.iter().chain(&small) {
            assert!(!reply.body.contains(name.as_str()), "{name} shown in averages mode");
        }

        // None: only their own team.
        sql(&app, "UPDATE workshops SET share_results = 'none' WHERE id = $1", c.workshop).await;
        let shared = app.call_as(&c.participant, "shared_results", &pairs).await.json();
        assert_eq!(shared["mode"], "none");
        assert_eq!(shared["workshop"], Value::Null);
        assert_eq!(shared["others"], serde_json::json!([]));

        // The team page says so, and draws no comparison.
        let page = app.get_with(&format!("/workshops/{w}/team"), &[("cookie", &c.participant)]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Comparación con otros equipos"));
        assert!(page.body.contains("no se muestran los resultados de otros equipos"));
        assert!(!page.body.contains("id=\"share-radar\""));
    }
}

/// A participant of a second, non-demo workshop.
async fn other_workshop_participant(app: &TestApp) -> String {
    use app::framework::default_framework;
    use app::workshop::repo::{create, NewWorkshop};
    use app::workshop::{JoinCode, Phase};
    let code = JoinCode::parse("OTRO2026").unwrap();
    let mut tx = app.db().pool().begin().await.unwrap();
    let id = create(
        &mut tx,
        &NewWorkshop {
            title: "Otro taller",
            description: "",
            join_code: &code,
            framework: default_framework().unwrap(),
            teams: &["GAD Otro"],
            phase: Phase::Assessment,
            anonymity_threshold: 3,
            is_demo: false,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let team = team_ids(app, id.0).await[0];
    let reply = app
        .call(
            "join_workshop",
            &form(&[
                ("code", "OTRO2026"),
                ("name", "Ajena"),
                ("team", &team.to_string()),
            ]),
        )
        .await;
    cookie_from(&reply, "rumbo_session").unwrap()
}
