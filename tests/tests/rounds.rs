//! Re-assessment rounds, in-process, on SQLite and PostgreSQL: opening a round archives the
//! answers exactly and starts afresh; the comparison's numbers are the dashboard's; bad
//! requests are refused with a clear message and change nothing; and an indicator with
//! archived answers stays in use in the framework editor.

use serde_json::Value;

use app::facilitator::Role;
use app::ids::{FacilitatorId, WorkshopId};
use tests::{form, on_both_databases, Reply, TestApp};

/// An answer as stored: participant, team, indicator, response, level, target, mark.
type AnswerRow = (i64, i64, i64, String, Option<i64>, Option<i64>, String);

async fn live_answers(app: &TestApp, workshop: i64) -> Vec<AnswerRow> {
    sqlx::query_as(
        "SELECT a.participant_id, p.team_id, a.indicator_id, a.response, a.level, a.target_level, a.mark
         FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $1 ORDER BY a.participant_id, a.indicator_id",
    )
    .bind(workshop)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
}

async fn archived_answers(app: &TestApp, workshop: i64, round: i64) -> Vec<AnswerRow> {
    sqlx::query_as(
        "SELECT participant_id, team_id, indicator_id, response, level, target_level, mark
         FROM round_answers WHERE workshop_id = $1 AND round = $2
         ORDER BY participant_id, indicator_id",
    )
    .bind(workshop)
    .bind(round)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
}

async fn live_consensus(app: &TestApp, workshop: i64) -> Vec<(i64, i64, i64)> {
    sqlx::query_as(
        "SELECT c.team_id, c.indicator_id, c.level FROM team_consensus c
         JOIN teams t ON t.id = c.team_id WHERE t.workshop_id = $1 ORDER BY c.team_id, c.indicator_id",
    )
    .bind(workshop)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
}

async fn archived_consensus(app: &TestApp, workshop: i64, round: i64) -> Vec<(i64, i64, i64)> {
    sqlx::query_as(
        "SELECT team_id, indicator_id, level FROM round_consensus
         WHERE workshop_id = $1 AND round = $2 ORDER BY team_id, indicator_id",
    )
    .bind(workshop)
    .bind(round)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
}

/// The workshop's round and phase, as stored.
async fn round_and_phase(app: &TestApp, workshop: i64) -> (i64, String) {
    sqlx::query_as("SELECT round, phase FROM workshops WHERE id = $1")
        .bind(workshop)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

/// Everything opening a round touches, to check that a refusal left it all alone.
async fn state(
    app: &TestApp,
    workshop: i64,
) -> (
    Vec<AnswerRow>,
    Vec<(i64, i64, i64)>,
    (i64, String),
    i64,
    i64,
) {
    let archived: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM round_answers WHERE workshop_id = $1")
            .bind(workshop)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
    let rounds: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM assessment_rounds WHERE workshop_id = $1")
            .bind(workshop)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
    (
        live_answers(app, workshop).await,
        live_consensus(app, workshop).await,
        round_and_phase(app, workshop).await,
        archived,
        rounds,
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

async fn indicators(app: &TestApp, workshop: i64) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT i.id FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id
         JOIN pillars p ON p.id = i.pillar_id WHERE w.id = $1 ORDER BY p.position, i.position",
    )
    .bind(workshop)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
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

/// The fields of an indicator's form in the framework editor, filled from its view.
fn indicator_form(workshop: i64, indicator: &Value) -> Vec<(String, String)> {
    let text = |v: &Value, lang: &str| v[lang].as_str().unwrap().to_owned();
    let mut form = vec![
        ("workshop".to_owned(), workshop.to_string()),
        ("indicator".to_owned(), indicator["id"].to_string()),
        (
            "form[code]".to_owned(),
            indicator["code"].as_str().unwrap().to_owned(),
        ),
        ("form[name_es]".to_owned(), text(&indicator["name"], "es")),
        ("form[name_en]".to_owned(), text(&indicator["name"], "en")),
        (
            "form[description_es]".to_owned(),
            text(&indicator["description"], "es"),
        ),
        (
            "form[description_en]".to_owned(),
            text(&indicator["description"], "en"),
        ),
        (
            "form[sources]".to_owned(),
            indicator["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ];
    for (l, d) in indicator["descriptors"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        form.push((format!("form[d{}_es]", l + 1), text(d, "es")));
        form.push((format!("form[d{}_en]", l + 1), text(d, "en")));
    }
    form
}

fn message(reply: &Reply) -> String {
    reply.json()["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The demo workshop, its owner, a co-facilitator, another workshop's facilitator, and a
/// participant of the first team (demo joiners lead their team).
struct Cast {
    workshop: i64,
    w: String,
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
    let stranger = other_workshops_owner(app).await;
    let teams = team_ids(app, workshop).await;
    let participant = app
        .join(app::demo::DEMO_JOIN_CODE, "Zoila Testigo", teams[0])
        .await;
    Cast {
        workshop,
        w: workshop.to_string(),
        owner,
        co,
        stranger,
        participant,
    }
}

/// The owner of a second workshop (in review, so it could open rounds of its own).
async fn other_workshops_owner(app: &TestApp) -> String {
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
            phase: Phase::Review,
            anonymity_threshold: 3,
            is_demo: false,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let cookie = app.facilitator("otra@rumbo.example").await;
    let staff = facilitator_id(app, "otra@rumbo.example").await;
    app::facilitator::repo::grant(app.db().pool(), id, staff, Role::Owner)
        .await
        .unwrap();
    cookie
}

async fn move_phase(app: &TestApp, cookie: &str, w: &str, from: &str, to: &str) {
    let reply = app
        .call_as(
            cookie,
            "move_phase",
            &[("workshop", w), ("from", from), ("to", to)],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
}

async fn open(app: &TestApp, cookie: &str, w: &str, expected: &str) -> Reply {
    app.call_as(
        cookie,
        "open_round",
        &[
            ("workshop", w),
            ("expected_round", expected),
            ("confirm", "yes"),
        ],
    )
    .await
}

async fn compare(app: &TestApp, cookie: &str, w: &str, from: &str, to: &str) -> Reply {
    app.call_as(
        cookie,
        "compare_rounds",
        &[("workshop", w), ("from", from), ("to", to)],
    )
    .await
}

/// A scope's values in one round (`"from"` or `"to"`), per pillar or per indicator.
fn side(scope: &Value, part: &str, which: &str) -> Value {
    Value::Array(
        scope[part]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c[which].clone())
            .collect(),
    )
}

on_both_databases! {
    async fn opening_a_round_archives_the_answers_and_starts_afresh(app: TestApp) {
        let c = cast(&app).await;
        let w = c.w.as_str();
        let teams = team_ids(&app, c.workshop).await;
        let ids = indicators(&app, c.workshop).await;
        let (t1, t2) = (ids[0].to_string(), ids[1].to_string());

        // The lead of the first team settles T1 and answers T2 with a target level.
        let reply = app.call_as(&c.participant, "settle_consensus", &[("workshop", w), ("indicator", &t1), ("level", "5"), ("rationale", "Acordado en el equipo"), ("version", "0")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = app.call_as(&c.participant, "save_answer", &[("workshop", w), ("indicator", &t2), ("response", "2"), ("target", "4"), ("mark", "weakness")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        // An action of the team, which must outlive the round.
        sqlx::query(
            "INSERT INTO actions (workshop_id, team_id, title, responsible_unit, impact, effort, cost_band, created_at, updated_at)
             VALUES ($1, $2, 'Portal de datos abiertos', 'Comunicación', 4, 2, 'low', 0, 0)",
        )
        .bind(c.workshop).bind(teams[0]).execute(app.db().pool()).await.unwrap();

        let answers = live_answers(&app, c.workshop).await;
        let consensus = live_consensus(&app, c.workshop).await;
        assert!(answers.len() > 50, "the demo has answers");
        assert!(answers.iter().any(|a| a.5.is_some()), "with target levels");
        assert!(consensus.contains(&(teams[0], ids[0], 5)));
        let dashboard = app.call_as(&c.owner, "dashboard", &[("workshop", w)]).await;
        assert_eq!(dashboard.status, 200);
        let dashboard = dashboard.json();

        let overview = app.call_as(&c.co, "rounds_overview", &[("workshop", w)]).await;
        assert_eq!(overview.status, 200, "{}", overview.body);
        let overview = overview.json();
        assert_eq!(overview["current"], 1);
        assert_eq!(overview["closed"], serde_json::json!([]));
        assert_eq!(overview["workshop"]["phase"], "assessment");
        assert_eq!(overview["answers"], answers.len());

        // Round 1 is closed from the review on.
        move_phase(&app, &c.owner, w, "assessment", "review").await;
        let count_actions = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM actions WHERE workshop_id = $1")
                .bind(c.workshop)
                .fetch_one(app.db().pool())
                .await
                .unwrap()
        };
        let actions_before = count_actions().await;
        assert!(actions_before >= 1);
        let reply = open(&app, &c.co, w, "1").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json(), 2);

        assert_eq!(live_answers(&app, c.workshop).await, vec![], "participants answer afresh");
        assert_eq!(live_consensus(&app, c.workshop).await, vec![]);
        assert_eq!(archived_answers(&app, c.workshop, 1).await, answers, "round 1 kept exactly");
        assert_eq!(archived_consensus(&app, c.workshop, 1).await, consensus);
        assert_eq!(round_and_phase(&app, c.workshop).await, (2, "assessment".to_owned()));
        assert_eq!(count_actions().await, actions_before, "actions belong to the workshop, not the round");
        let overview = app.call_as(&c.owner, "rounds_overview", &[("workshop", w)]).await.json();
        assert_eq!(overview["current"], 2);
        assert_eq!(overview["closed"][0]["round"], 1);
        assert_eq!(overview["closed"][0]["closed_on"].as_str().unwrap().len(), 10, "an ISO date");
        assert_eq!(overview["answers"], 0);

        // Round 2: the lead answers T1 again; the dashboard now shows only that.
        let reply = app.call_as(&c.participant, "save_answer", &[("workshop", w), ("indicator", &t1), ("response", "3")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(live_answers(&app, c.workshop).await.len(), 1);
        assert_eq!(archived_answers(&app, c.workshop, 1).await, answers, "the archive is not touched");

        // The comparison's round 1 is the dashboard as it was before the round opened.
        let reply = compare(&app, &c.owner, w, "1", "2").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let cmp = reply.json();
        assert_eq!((cmp["from"].clone(), cmp["to"].clone(), cmp["current"].clone()), (1.into(), 2.into(), 2.into()));
        assert_eq!(side(&cmp["workshop"], "pillars", "from"), dashboard["workshop_averages"]);
        assert_eq!(cmp["teams"].as_array().unwrap().len(), teams.len());
        for (index, team) in dashboard["teams"].as_array().unwrap().iter().enumerate() {
            let compared = &cmp["teams"][index];
            assert_eq!(compared["team"], team["name"]);
            assert_eq!(side(compared, "indicators", "from"), team["consensus"], "team {index}");
            assert_eq!(side(compared, "pillars", "from"), team["averages"], "team {index}");
            assert_eq!(compared["respondents"][0], team["respondents"]);
        }
        // The lead's settled 5 counted in round 1; the lone answer of 3 in round 2.
        let first = &cmp["teams"][0];
        assert_eq!(first["indicators"][0], serde_json::json!({"from": 5.0, "to": 3.0, "change": -2.0}));
        assert_eq!(first["indicators"][1]["to"], Value::Null);
        assert_eq!(first["indicators"][1]["change"], Value::Null, "no change without a value");
        assert_eq!(first["respondents"][1], 1);
        assert_eq!(cmp["teams"][1]["pillars"][0]["to"], Value::Null);
        // The team's pillar changes by its new value minus its old, as shown.
        let pillar = &first["pillars"][0];
        let (from, to) = (pillar["from"].as_f64().unwrap(), pillar["to"].as_f64().unwrap());
        assert_eq!(to, 3.0, "T1 alone in round 2");
        assert_eq!(pillar["change"].as_f64().unwrap(), ((to - from) * 10.0).round() / 10.0);
        // The workshop's T1 in round 2 is the one team that answered it.
        assert_eq!(cmp["workshop"]["indicators"][0]["to"], 3.0);

        // Round 2 closed in turn: compared as archived, it reads exactly as it did live.
        move_phase(&app, &c.owner, w, "assessment", "review").await;
        let reply = open(&app, &c.owner, w, "2").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json(), 3);
        let archived = compare(&app, &c.owner, w, "1", "2").await.json();
        assert_eq!(archived["workshop"], cmp["workshop"]);
        assert_eq!(archived["teams"], cmp["teams"]);
        assert_eq!(archived["current"], 3);
        let to_current = compare(&app, &c.owner, w, "2", "3").await.json();
        assert_eq!(to_current["teams"][0]["indicators"][0], serde_json::json!({"from": 3.0, "to": null, "change": null}));

        // The page: the current round, the form is gone (assessment again), the comparison.
        let page = app.get_with(&format!("/facilitate/workshops/{w}/rounds"), &[("cookie", &c.owner)]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Ronda actual: 3"), "{}", page.body);
        assert!(page.body.contains("Ronda 1, cerrada el"));
        assert!(page.body.contains("a partir de la fase de revisión"), "the form waits for the review");
        assert!(page.body.contains("id=\"round-chart-workshop\""));
        assert!(page.body.contains("Todo el taller: indicadores"));
        assert!(page.body.contains("Ronda 3 (actual)"));
    }

    async fn bad_requests_are_refused_and_change_nothing(app: TestApp) {
        let c = cast(&app).await;
        let w = c.w.as_str();
        let before = state(&app, c.workshop).await;

        // In the assessment phase: too early.
        let reply = open(&app, &c.owner, w, "1").await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert!(message(&reply).contains("debe revisarse primero"), "{}", message(&reply));
        assert_eq!(state(&app, c.workshop).await, before);

        // In set-up: too early too.
        move_phase(&app, &c.owner, w, "assessment", "setup").await;
        let reply = open(&app, &c.owner, w, "1").await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        move_phase(&app, &c.owner, w, "setup", "assessment").await;
        move_phase(&app, &c.owner, w, "assessment", "review").await;
        let before = state(&app, c.workshop).await;

        // Without the confirmation.
        let reply = app.call_as(&c.owner, "open_round", &[("workshop", w), ("expected_round", "1")]).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert!(message(&reply).contains("Marque la casilla"), "{}", message(&reply));
        // From a stale page.
        let reply = open(&app, &c.owner, w, "2").await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert!(message(&reply).contains("Recargue la página"), "{}", message(&reply));
        // Garbage.
        let reply = open(&app, &c.owner, w, "uno").await;
        assert_eq!(reply.status, 400, "{}", reply.body);
        // Not a facilitator of this workshop.
        assert_eq!(open(&app, &c.stranger, w, "1").await.status, 403, "another workshop's facilitator");
        assert_eq!(open(&app, &c.participant, w, "1").await.status, 401, "a participant, even a lead");
        assert_eq!(app.call("open_round", &form(&[("workshop", w), ("expected_round", "1"), ("confirm", "yes")])).await.status, 401);
        assert_eq!(open(&app, &c.owner, "999999", "1").await.status, 404);
        assert_eq!(state(&app, c.workshop).await, before, "nothing changed");

        // Reading is for the workshop's facilitators too.
        assert_eq!(app.call_as(&c.stranger, "rounds_overview", &[("workshop", w)]).await.status, 403);
        assert_eq!(app.call_as(&c.participant, "rounds_overview", &[("workshop", w)]).await.status, 401);
        assert_eq!(compare(&app, &c.stranger, w, "1", "1").await.status, 403);
        let page = format!("/facilitate/workshops/{w}/rounds");
        assert_eq!(app.get_with(&page, &[("cookie", &c.stranger)]).await.status, 403);
        assert_eq!(app.get(&page).await.status, 401);

        // A single round: the page offers the form and no comparison yet.
        let reply = app.get_with(&page, &[("cookie", &c.co)]).await;
        assert_eq!(reply.status, 200);
        assert!(reply.body.contains("id=\"round-open\""), "{}", reply.body);
        assert!(reply.body.contains("Las acciones y las hojas de ruta se mantienen"));
        assert!(reply.body.contains("La comparación aparece cuando hay al menos dos rondas"));

        // Two opening at once: the second is stale.
        assert_eq!(open(&app, &c.owner, w, "1").await.status, 200);
        let after = state(&app, c.workshop).await;
        let reply = open(&app, &c.co, w, "1").await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert!(message(&reply).contains("Recargue la página"), "{}", message(&reply));
        assert_eq!(state(&app, c.workshop).await, after);

        // Comparing rounds that do not exist, or backwards.
        for (from, to, field) in [("1", "3", "to"), ("0", "2", "from"), ("2", "1", "to"), ("2", "2", "to")] {
            let reply = compare(&app, &c.owner, w, from, to).await;
            assert_eq!(reply.status, 422, "{from}→{to}: {}", reply.body);
            assert!(reply.json()["fields"][field].is_array(), "{from}→{to}: {}", reply.body);
        }
        let reply = compare(&app, &c.owner, w, "1", "3").await;
        assert!(message(&reply).contains("no existe en este taller"), "{}", message(&reply));
        assert_eq!(compare(&app, &c.owner, w, "1", "2").await.status, 200);
        // In English too.
        let reply = app
            .call_with("compare_rounds", &form(&[("workshop", w), ("from", "2"), ("to", "1")]), &[("cookie", &c.owner), ("accept-language", "en")])
            .await;
        assert!(message(&reply).contains("must come before"), "{}", reply.body);
    }

    async fn an_indicator_with_archived_answers_stays_in_use(app: TestApp) {
        let c = cast(&app).await;
        let w = c.w.as_str();
        let ids = indicators(&app, c.workshop).await;
        let t1 = ids[0];
        let archived_t1: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE indicator_id = $1")
            .bind(t1).fetch_one(app.db().pool()).await.unwrap();
        assert!(archived_t1 > 0);
        move_phase(&app, &c.owner, w, "assessment", "review").await;
        assert_eq!(open(&app, &c.owner, w, "1").await.status, 200);
        let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE indicator_id = $1")
            .bind(t1).fetch_one(app.db().pool()).await.unwrap();
        assert_eq!(live, 0, "only archived answers remain");

        // The editor counts them…
        let view = app.call_as(&c.owner, "framework_editor", &[("workshop", w)]).await;
        assert_eq!(view.status, 200, "{}", view.body);
        let indicator = view.json()["pillars"][0]["indicators"][0].clone();
        assert_eq!(indicator["id"], t1);
        assert_eq!(indicator["answers"], archived_t1);

        // …and refuses to remove the indicator, its pillar, or to recode it.
        let reply = app.call_as(&c.owner, "remove_indicator", &[("workshop", w), ("indicator", &t1.to_string())]).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert!(message(&reply).contains("(T1)"), "{}", message(&reply));
        let pillar = view.json()["pillars"][0]["id"].to_string();
        let reply = app.call_as(&c.owner, "remove_pillar", &[("workshop", w), ("pillar", &pillar)]).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        let still: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM round_answers WHERE indicator_id = $1")
            .bind(t1).fetch_one(app.db().pool()).await.unwrap();
        assert_eq!(still, archived_t1, "the archive kept every answer");
        assert_eq!(indicators(&app, c.workshop).await, ids);

        let mut pairs = indicator_form(c.workshop, &indicator);
        pairs.iter_mut().find(|(k, _)| k == "form[code]").unwrap().1 = "T1b".to_owned();
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let reply = app.call_as(&c.owner, "save_indicator", &borrowed).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        let code: String = sqlx::query_scalar("SELECT code FROM indicators WHERE id = $1")
            .bind(t1).fetch_one(app.db().pool()).await.unwrap();
        assert_eq!(code, "T1");

        // An indicator nobody ever answered can still go.
        let reply = app
            .call_as(&c.owner, "add_indicator", &[("workshop", w), ("pillar", &pillar), ("form[code]", "T99"), ("form[name_es]", "Nuevo"), ("form[name_en]", "New")])
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let fresh: i64 = sqlx::query_scalar(
            "SELECT i.id FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id WHERE w.id = $1 AND i.code = 'T99'",
        )
        .bind(c.workshop).fetch_one(app.db().pool()).await.unwrap();
        let reply = app.call_as(&c.owner, "remove_indicator", &[("workshop", w), ("indicator", &fresh.to_string())]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
    }
}
