//! The participant's journey, in-process, on SQLite and PostgreSQL: joining, sessions,
//! answering, progress, the team view and the lead's consensus, and every bad input.

use app::framework::default_framework;
use app::workshop::repo::{create, teams, NewWorkshop};
use app::workshop::{JoinCode, Phase};
use serde_json::Value;
use sqlx::Row;
use tests::{cookie_from, form, on_both_databases, TestApp};

/// Form fields of a request.
type Fields<'a> = Vec<(&'a str, &'a str)>;

/// A workshop in the assessment phase with the given teams; returns its id and team ids.
async fn workshop(app: &TestApp, code: &str, names: &[&str]) -> (i64, Vec<i64>) {
    let code = JoinCode::parse(code).unwrap();
    let mut tx = app.db().pool().begin().await.unwrap();
    let id = create(
        &mut tx,
        &NewWorkshop {
            title: "Taller de prueba",
            description: "",
            join_code: &code,
            framework: default_framework().unwrap(),
            teams: names,
            phase: Phase::Assessment,
            anonymity_threshold: 3,
            is_demo: false,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let teams = teams(app.db().pool(), id)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id.0)
        .collect();
    (id.0, teams)
}

/// The indicators of a workshop's framework, in id order.
async fn indicators(app: &TestApp, workshop: i64) -> Vec<i64> {
    sqlx::query(
        "SELECT i.id FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id
         WHERE w.id = $1 ORDER BY i.id",
    )
    .bind(workshop)
    .fetch_all(app.db().pool())
    .await
    .unwrap()
    .iter()
    .map(|r| r.get::<i64, _>("id"))
    .collect()
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

/// Saves an answer as a participant; the fields are the form's.
async fn save(
    app: &TestApp,
    cookie: &str,
    workshop: i64,
    indicator: i64,
    fields: &[(&str, &str)],
) -> tests::Reply {
    let (w, i) = (workshop.to_string(), indicator.to_string());
    let mut pairs = vec![("workshop", w.as_str()), ("indicator", i.as_str())];
    pairs.extend_from_slice(fields);
    app.call_as(cookie, "save_answer", &pairs).await
}

/// The participant's answer to an indicator, as their sheet shows it.
async fn my_answer(app: &TestApp, cookie: &str, workshop: i64, indicator: i64) -> Option<Value> {
    let reply = app
        .call_as(
            cookie,
            "assessment_sheet",
            &[("workshop", &workshop.to_string())],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["indicator"] == indicator)
        .cloned()
}

fn field_errors(reply: &tests::Reply) -> Vec<String> {
    reply.json()["fields"]
        .as_object()
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

async fn participant_id(app: &TestApp, cookie: &str, workshop: i64) -> i64 {
    let reply = app
        .call_as(cookie, "who_am_i", &[("workshop", &workshop.to_string())])
        .await;
    reply.json()["participant"].as_i64().unwrap()
}

on_both_databases! {
    async fn joining_with_a_forgiving_code_opens_a_session(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU-2026", &["GAD Azuay", "GAD Loja"]).await;
        let reply = app.call("find_workshop", &form(&[("code", " ecu 2026 ")])).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let target = reply.json();
        assert_eq!(target["code"], "ECU2-026");
        assert_eq!(target["teams"].as_array().unwrap().len(), 2);

        let reply = app
            .call("join_workshop", &form(&[("code", "ecu-2026"), ("name", "  María   (Planificación) "), ("team", &teams[1].to_string())]))
            .await;
        assert_eq!(reply.headers["location"], format!("/workshops/{id}/welcome"));
        let cookies: Vec<_> = reply.headers.get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
        let session = cookies.iter().find(|c| c.starts_with("rumbo_session=")).expect("session cookie");
        assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"), "{session}");
        assert!(!session.contains("Secure"), "plain http: no Secure flag");
        let token = session.split(';').next().unwrap().trim_start_matches("rumbo_session=");
        let stored = count(&app, "SELECT COUNT(*) FROM participant_tokens WHERE purpose = 'session'").await;
        assert_eq!(stored, 1);
        let leaked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM participant_tokens WHERE token_hash = $1")
            .bind(token)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(leaked, 0, "only a hash of the token is stored");

        let cookie = cookie_from(&reply, "rumbo_session").unwrap();
        let me = app.call_as(&cookie, "who_am_i", &[("workshop", &id.to_string())]).await.json();
        assert_eq!(me["display_name"], "María (Planificación)");
        assert_eq!(me["team_name"], "GAD Loja");
        assert_eq!(me["is_lead"], false, "only demo joiners are leads");

        // Over https (behind a proxy), cookies are Secure.
        let reply = app
            .call_with(
                "join_workshop",
                &form(&[("code", "ECU2026"), ("name", "Ana"), ("team", &teams[0].to_string())]),
                &[("x-forwarded-proto", "https")],
            )
            .await;
        let secure = reply.headers.get_all("set-cookie").iter().all(|v| v.to_str().unwrap().contains("Secure"));
        assert!(secure, "{reply:?}");
    }

    async fn the_resume_link_is_shown_once_and_opens_a_session_elsewhere(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let reply = app
            .call("join_workshop", &form(&[("code", "ECU2026"), ("name", "Ana"), ("team", &teams[0].to_string())]))
            .await;
        let session = cookie_from(&reply, "rumbo_session").unwrap();
        let once = cookie_from(&reply, "rumbo_resume_once").unwrap();
        let both = format!("{session}; {once}");
        let reply = app.call_with("take_resume_link", "", &[("cookie", &both), ("host", "rumbo.example")]).await;
        let link = reply.json().as_str().expect("a link").to_owned();
        assert!(link.starts_with("http://rumbo.example/resume/"), "{link}");
        assert!(
            reply.headers.get_all("set-cookie").iter().any(|v| v.to_str().unwrap().starts_with("rumbo_resume_once=;")),
            "the link is forgotten after it is shown: {reply:?}"
        );
        let reply = app.call_with("take_resume_link", "", &[("cookie", &session)]).await;
        assert_eq!(reply.json(), Value::Null);

        // Another device: no cookie, just the link.
        let path = link.trim_start_matches("http://rumbo.example");
        let reply = app.get(path).await;
        assert_eq!(reply.status, 303);
        assert_eq!(reply.headers["location"], format!("/workshops/{id}/assess"));
        let other = cookie_from(&reply, "rumbo_session").unwrap();
        assert_ne!(other, session);
        assert_eq!(participant_id(&app, &other, id).await, participant_id(&app, &session, id).await);

        // Over https the new session's cookie is Secure.
        let reply = app.get_with(path, &[("x-forwarded-proto", "https")]).await;
        let cookie = reply.headers["set-cookie"].to_str().unwrap();
        assert!(cookie.contains("Secure") && cookie.contains("HttpOnly"), "{cookie}");

        // A new link retires the old one.
        let reply = app.call_as(&session, "renew_resume_link", &[("workshop", &id.to_string())]).await;
        assert!(reply.json().as_str().unwrap().contains("/resume/"));
        let reply = app.get(path).await;
        assert_eq!(reply.headers["location"], "/join?resume=invalid");
        let reply = app.get("/resume/not-a-token").await;
        assert_eq!(reply.headers["location"], "/join?resume=invalid");
        let page = app.get("/join?resume=invalid").await;
        assert!(page.body.contains("Ese enlace personal no es válido"), "{}", page.body);
    }

    async fn wrong_codes_get_a_clear_message_and_are_throttled(app: TestApp) {
        workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let reply = app.call_from([10, 0, 0, 1], "find_workshop", &[("code", "NOPE-0000")]).await;
        assert_eq!(reply.status, 422);
        assert_eq!(reply.json()["message"], "No hay ningún taller con ese código. Revíselo con el facilitador.");
        for _ in 0..9 {
            app.call_from([10, 0, 0, 1], "find_workshop", &[("code", "x")]).await;
        }
        let reply = app.call_from([10, 0, 0, 1], "find_workshop", &[("code", "ECU2026")]).await;
        assert_eq!(reply.status, 429, "even the right code waits: {}", reply.body);
        assert!(reply.json()["message"].as_str().unwrap().contains("Espere 15 minutos"));
        let reply = app.call_from([10, 0, 0, 1], "join_workshop", &[("code", "ECU2026"), ("name", "A"), ("team", "1")]).await;
        assert_eq!(reply.status, 429);
        let reply = app.call_from([10, 0, 0, 2], "find_workshop", &[("code", "ECU2026")]).await;
        assert_eq!(reply.status, 200, "other clients are not affected");

        let page = app.get_with("/join?code=zzzz", &[("accept-language", "en")]).await;
        assert_eq!(page.status, 422);
        assert!(page.body.contains("No workshop has that code"), "{}", page.body);
    }

    async fn joining_with_bad_input_changes_nothing(app: TestApp) {
        let (_, teams) = workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let (_, other_teams) = workshop(&app, "OTRO2026", &["GAD Loja"]).await;
        let reply = app
            .call("join_workshop", &form(&[("code", "ECU2026"), ("name", "   "), ("team", &other_teams[0].to_string())]))
            .await;
        assert_eq!(reply.status, 422);
        assert_eq!(field_errors(&reply), ["name", "team"], "both mistakes at once");
        for (name, team) in [
            ("x".repeat(81), teams[0].to_string()),
            ("Ana".into(), "abc".into()),
            ("Ana".into(), "".into()),
            ("Ana\u{7}".into(), teams[0].to_string()),
        ] {
            let reply = app.call("join_workshop", &form(&[("code", "ECU2026"), ("name", &name), ("team", &team)])).await;
            assert_eq!(reply.status, 422, "{name:?} {team:?}: {}", reply.body);
        }
        let reply = app.call("join_workshop", "code=ECU2026").await;
        assert_eq!(reply.status, 400, "missing fields");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM participants").await, 0);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM participant_tokens").await, 0);
    }

    async fn answers_save_and_read_back(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let ind = indicators(&app, id).await;
        let me = app.join("ECU2026", "Ana", teams[0]).await;
        let reply = save(&app, &me, id, ind[0], &[
            ("response", "3"), ("target", "4"), ("evidence", "https://azuay.gob.ec/lotaip"),
            ("note", "Publicado, sin actualizar desde marzo"), ("mark", "weakness"),
        ]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json()["version"], 1);
        let answer = my_answer(&app, &me, id, ind[0]).await.unwrap();
        assert_eq!(answer["response"], serde_json::json!({"kind": "level", "level": 3}));
        assert_eq!((answer["target"].as_i64(), answer["mark"].as_str()), (Some(4), Some("weakness")));
        assert_eq!(answer["evidence_url"], "https://azuay.gob.ec/lotaip");

        let reply = save(&app, &me, id, ind[0], &[("response", "dk"), ("target", ""), ("evidence", ""), ("note", ""), ("mark", "neutral")]).await;
        assert_eq!(reply.json()["version"], 2);
        let answer = my_answer(&app, &me, id, ind[0]).await.unwrap();
        assert_eq!(answer["response"]["kind"], "dont_know");
        assert_eq!((answer["target"].clone(), answer["evidence_url"].clone()), (Value::Null, Value::Null));
        save(&app, &me, id, ind[1], &[("response", "na")]).await;

        // Progress and review pages are built from the same answers.
        let page = app.get_with(&format!("/workshops/{id}/review"), &[("cookie", &me)]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("2 de 20 respondidos"), "{}", page.body);
        let page = app.get_with(&format!("/workshops/{id}/assess/1"), &[("cookie", &me), ("accept-language", "en")]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Active-transparency compliance") || page.body.contains("Step 1 of 4"), "{}", page.body);
        let page = app.get_with(&format!("/workshops/{id}/assess/9"), &[("cookie", &me)]).await;
        assert_eq!(page.status, 404);
    }

    async fn bad_answers_are_refused_and_change_nothing(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let (other, _) = workshop(&app, "OTRO2026", &["GAD Loja"]).await;
        let ind = indicators(&app, id).await;
        let foreign = indicators(&app, other).await;
        let me = app.join("ECU2026", "Ana", teams[0]).await;
        save(&app, &me, id, ind[0], &[("response", "2"), ("note", "original")]).await;
        let before = my_answer(&app, &me, id, ind[0]).await;

        let long = "n".repeat(2001);
        let cases: Vec<(Fields, &str, &str)> = vec![
            (vec![("response", "0")], "response", "El nivel debe estar entre 1 y 5."),
            (vec![("response", "6")], "response", "El nivel debe estar entre 1 y 5."),
            (vec![("response", "abc")], "response", "El nivel debe estar entre 1 y 5."),
            (vec![("response", "")], "response", "Elija un nivel"),
            (vec![("response", "3"), ("target", "9")], "target", "El nivel debe estar entre 1 y 5."),
            (vec![("response", "3"), ("evidence", "javascript:alert(1)")], "evidence", "http:// o https://"),
            (vec![("response", "3"), ("evidence", "ftp://x.org/a")], "evidence", "http:// o https://"),
            (vec![("response", "3"), ("note", long.as_str())], "note", "hasta 2000 caracteres"),
            (vec![("response", "3"), ("mark", "excelente")], "mark", "fortaleza"),
        ];
        for (fields, field, message) in cases {
            let reply = save(&app, &me, id, ind[0], &fields).await;
            assert_eq!(reply.status, 422, "{fields:?}: {}", reply.body);
            assert_eq!(field_errors(&reply), [field], "{fields:?}");
            assert!(reply.json()["message"].as_str().unwrap().contains(message), "{}", reply.body);
        }
        // An indicator of another workshop's framework, or none at all.
        for indicator in [foreign[0], 999_999] {
            let reply = save(&app, &me, id, indicator, &[("response", "3")]).await;
            assert_eq!(reply.status, 422, "{}", reply.body);
            assert_eq!(field_errors(&reply), ["indicator"]);
        }
        // Not even a number.
        let reply = app.call_as(&me, "save_answer", &[("workshop", &id.to_string()), ("indicator", "uno"), ("response", "3")]).await;
        assert_eq!(reply.status, 400);
        assert_eq!(my_answer(&app, &me, id, ind[0]).await, before, "nothing changed");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM answers").await, 1);
    }

    async fn forged_and_expired_sessions_are_refused(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let ind = indicators(&app, id).await;
        let me = app.join("ECU2026", "Ana", teams[0]).await;
        let forged = format!("rumbo_session={}", "ab".repeat(32));
        for cookie in ["", "rumbo_session=", "rumbo_session=' OR 1=1 --", forged.as_str()] {
            let reply = save(&app, cookie, id, ind[0], &[("response", "3")]).await;
            assert_eq!(reply.status, 401, "{cookie}: {}", reply.body);
            assert!(reply.json()["message"].as_str().unwrap().contains("Únase al taller"));
        }
        sqlx::query("UPDATE participant_tokens SET expires_at = 0").execute(app.db().pool()).await.unwrap();
        let reply = save(&app, &me, id, ind[0], &[("response", "3")]).await;
        assert_eq!(reply.status, 401, "expired");
        let page = app.get_with(&format!("/workshops/{id}/assess"), &[("cookie", &me)]).await;
        assert_eq!(page.status, 401);
        assert!(page.body.contains(r#"href="/join""#), "the page offers to join again");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM answers").await, 0);
    }

    async fn participants_cannot_write_to_another_workshop_or_team(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU2026", &["GAD Azuay", "GAD Loja"]).await;
        let (other, other_teams) = workshop(&app, "OTRO2026", &["GAD Manabí"]).await;
        let ind = indicators(&app, id).await;
        let foreign = indicators(&app, other).await;
        let me = app.join("ECU2026", "Ana", teams[0]).await;
        let stranger = app.join("OTRO2026", "Luis", other_teams[0]).await;

        // Another workshop, named in the request: refused, whichever indicator.
        let reply = save(&app, &me, other, foreign[0], &[("response", "3")]).await;
        assert_eq!(reply.status, 403, "{}", reply.body);
        let reply = app.call_as(&me, "team_view", &[("workshop", &other.to_string())]).await;
        assert_eq!(reply.status, 403);
        let page = app.get_with(&format!("/workshops/{other}/assess/1"), &[("cookie", &me)]).await;
        assert_eq!(page.status, 403);
        assert!(!page.body.contains("Luis"));

        // Another team: there is no field for it; forged extra fields are ignored.
        let forged_team = teams[1].to_string();
        let intruder = participant_id(&app, &stranger, other).await.to_string();
        let reply = save(&app, &me, id, ind[0], &[("response", "5"), ("team", &forged_team), ("participant", &intruder)]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let owner: i64 = sqlx::query_scalar("SELECT p.team_id FROM answers a JOIN participants p ON p.id = a.participant_id")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(owner, teams[0], "the answer belongs to the session's own team");
        let loja = app.join("ECU2026", "Pedro", teams[1]).await;
        let view = app.call_as(&loja, "team_view", &[("workshop", &id.to_string())]).await.json();
        assert_eq!(view["respondents"], 0, "Loja sees none of Azuay's answers");
    }

    async fn answers_are_read_only_once_the_phase_closes(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let ind = indicators(&app, id).await;
        let me = app.join("ECU2026", "Ana", teams[0]).await;
        save(&app, &me, id, ind[0], &[("response", "2")]).await;
        for phase in ["review", "setup", "closed"] {
            set_phase(&app, id, phase).await;
            let reply = save(&app, &me, id, ind[0], &[("response", "4")]).await;
            assert_eq!(reply.status, 409, "{phase}: {}", reply.body);
            assert!(reply.json()["message"].as_str().unwrap().contains("no está abierta"));
        }
        set_phase(&app, id, "review").await;
        // The write itself re-checks the phase, so a save racing the close cannot land.
        let answer = app::assessment::Answer {
            participant: app::ids::ParticipantId(participant_id(&app, &me, id).await),
            indicator: app::ids::IndicatorId(ind[0]),
            response: app::assessment::Response::NotApplicable,
            target: None,
            evidence_url: None,
            note: None,
            mark: app::assessment::Mark::Neutral,
        };
        assert_eq!(app::assessment::repo::upsert(app.db().pool(), &answer).await.unwrap(), None);
        let sheet = app.call_as(&me, "assessment_sheet", &[("workshop", &id.to_string())]).await.json();
        assert_eq!(sheet["editable"], false);
        assert_eq!(my_answer(&app, &me, id, ind[0]).await.unwrap()["response"]["level"], 2);
        let page = app.get_with(&format!("/workshops/{id}/assess/1"), &[("cookie", &me)]).await;
        assert!(page.body.contains("La fase de autoevaluación está cerrada"), "{}", page.body);
        assert!(page.body.contains("<fieldset disabled"), "inputs are disabled");
        set_phase(&app, id, "setup").await;
        let page = app.get_with(&format!("/workshops/{id}/assess/1"), &[("cookie", &me), ("accept-language", "en")]).await;
        assert!(page.body.contains("The assessment has not started yet"), "{}", page.body);
    }

    async fn the_team_view_shows_consensus_spread_and_flags(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let ind = indicators(&app, id).await;
        let people = [
            app.join("ECU2026", "Ana", teams[0]).await,
            app.join("ECU2026", "Luis", teams[0]).await,
            app.join("ECU2026", "Rosa", teams[0]).await,
            app.join("ECU2026", "Juan", teams[0]).await,
        ];
        // First indicator: 1, 2, 5 and "not applicable" → median 2, range 1–5, flagged.
        // Second: 3, 3, 4, 4 → median 3.5, IQR 1 → not flagged.
        for (who, first, second, mark) in [(0, "1", "3", "weakness"), (1, "2", "3", "weakness"), (2, "5", "4", "strength"), (3, "na", "4", "neutral")] {
            save(&app, &people[who], id, ind[0], &[("response", first), ("mark", mark)]).await;
            save(&app, &people[who], id, ind[1], &[("response", second)]).await;
        }
        let view = app.call_as(&people[0], "team_view", &[("workshop", &id.to_string())]).await.json();
        assert_eq!((view["members"].as_i64(), view["respondents"].as_i64()), (Some(4), Some(4)));
        let first = &view["pillars"][0]["indicators"][0]["consensus"];
        assert_eq!(first["median"], 2.0);
        assert_eq!(first["spread"]["count"], 3);
        assert_eq!((first["spread"]["min"].as_i64(), first["spread"]["max"].as_i64()), (Some(1), Some(5)));
        assert_eq!((first["spread"]["q1"].as_f64(), first["spread"]["q3"].as_f64()), (Some(1.5), Some(3.5)));
        assert_eq!(first["disagreement"], true);
        assert_eq!((first["not_applicable"].as_i64(), first["weaknesses"].as_i64()), (Some(1), Some(2)));
        let second = &view["pillars"][0]["indicators"][1]["consensus"];
        assert_eq!((second["median"].as_f64(), second["disagreement"].as_bool()), (Some(3.5), Some(false)));
        assert_eq!(view["pillars"][0]["average"], 2.75);
        assert_eq!(view["weaknesses"][0], view["pillars"][0]["indicators"][0]["code"]);

        let page = app.get_with(&format!("/workshops/{id}/team"), &[("cookie", &people[1])]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(r#"id="team-radar""#), "the radar's box");
        assert!(page.body.contains("rango intercuartílico es 2 o más"), "the rule is shown");
        assert!(page.body.contains("Revisar: hay desacuerdo"));
        assert!(!page.body.contains("Rosa"), "no names of other members");
    }

    async fn two_leads_cannot_overwrite_each_other_silently(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let ind = indicators(&app, id).await;
        let ana = app.join("ECU2026", "Ana", teams[0]).await;
        let luis = app.join("ECU2026", "Luis", teams[0]).await;
        let rosa = app.join("ECU2026", "Rosa", teams[0]).await;
        sqlx::query("UPDATE participants SET is_lead = 1 WHERE display_name IN ('Ana', 'Luis')")
            .execute(app.db().pool())
            .await
            .unwrap();
        let (w, i) = (id.to_string(), ind[0].to_string());
        let settle = |cookie: &str, level: &str, rationale: &str, version: &str| {
            let pairs = [("workshop", w.clone()), ("indicator", i.clone()), ("level", level.into()), ("rationale", rationale.into()), ("version", version.into())];
            let app = &app;
            let cookie = cookie.to_owned();
            async move {
                let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.call_as(&cookie, "settle_consensus", &pairs).await
            }
        };
        let reply = settle(&ana, "2", "No hay ordenanza", "0").await;
        assert_eq!((reply.status.as_u16(), reply.json()), (200, Value::from(1)));
        // Luis started from the same empty state: refused, and told what is there now.
        let reply = settle(&luis, "4", "Sí publicamos", "0").await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        let body = reply.json();
        assert_eq!((body["kind"].as_str(), body["level"].as_i64(), body["by"].as_str()), (Some("edit_conflict"), Some(2), Some("Ana")));
        assert!(body["message"].as_str().unwrap().contains("ahora es 2 («No hay ordenanza», por Ana)"), "{body}");
        // Having seen it, he saves from the current version.
        let reply = settle(&luis, "3", "Acordado en la reunión", "1").await;
        assert_eq!(reply.json(), Value::from(2));
        let reply = settle(&ana, "1", "otra vez", "1").await;
        assert_eq!(reply.status, 409, "a stale version is refused");

        let reply = settle(&rosa, "5", "yo decido", "2").await;
        assert_eq!(reply.status, 403, "members who are not leads");
        let reply = settle(&luis, "7", "", "2").await;
        assert_eq!(reply.status, 422);
        assert_eq!(field_errors(&reply), ["level", "rationale"]);
        let reply = settle(&luis, "3", &"r".repeat(501), "2").await;
        assert_eq!(field_errors(&reply), ["rationale"]);

        let view = app.call_as(&rosa, "team_view", &[("workshop", &w)]).await.json();
        let settled = &view["pillars"][0]["indicators"][0]["consensus"]["settled"];
        assert_eq!((settled["level"].as_i64(), settled["by"].as_str()), (Some(3), Some("Luis")));

        set_phase(&app, id, "prioritisation").await;
        let reply = settle(&luis, "4", "tarde", "2").await;
        assert_eq!(reply.status, 409);
        assert!(reply.json()["message"].as_str().unwrap().contains("Ya no se puede fijar"));
    }

    async fn without_javascript_the_forms_work_by_plain_post(app: TestApp) {
        let (id, teams) = workshop(&app, "ECU2026", &["GAD Azuay"]).await;
        let ind = indicators(&app, id).await;
        let page = format!("/workshops/{id}/assess/1");
        // Joining: a plain form post, answered with a redirect to the welcome page.
        let reply = app
            .call_with(
                "join_workshop",
                &form(&[("code", "ECU2026"), ("name", "Ana"), ("team", &teams[0].to_string())]),
                &[("accept", "text/html"), ("referer", "/join?code=ECU2026")],
            )
            .await;
        assert!(reply.status.is_redirection(), "{reply:?}");
        assert_eq!(reply.headers["location"], format!("/workshops/{id}/welcome"));
        let me = cookie_from(&reply, "rumbo_session").unwrap();

        // Answering: the form posts every field; the browser comes back to the same step.
        let body = form(&[
            ("workshop", &id.to_string()), ("indicator", &ind[0].to_string()), ("response", "4"),
            ("mark", "strength"), ("target", "5"), ("evidence", ""), ("note", "sin JavaScript"),
        ]);
        let reply = app
            .call_with("save_answer", &body, &[("accept", "text/html"), ("referer", &page), ("cookie", &me)])
            .await;
        assert!(reply.status.is_redirection(), "{reply:?}");
        assert_eq!(reply.headers["location"], page.as_str());
        assert_eq!(my_answer(&app, &me, id, ind[0]).await.unwrap()["note"], "sin JavaScript");
        let html = app.get_with(&page, &[("cookie", &me)]).await.body;
        assert!(html.contains(r#"value="4" checked"#), "the saved level is checked in the page");

        // A refused answer comes back to the page with the error in the address, and the page
        // shows it in the reader's language. (Browsers send the referer as a full address.)
        let body = form(&[("workshop", &id.to_string()), ("indicator", &ind[0].to_string()), ("response", "9")]);
        let referer = format!("http://localhost{page}");
        let reply = app
            .call_with("save_answer", &body, &[("accept", "text/html"), ("referer", &referer), ("cookie", &me)])
            .await;
        let back = reply.headers["location"].to_str().unwrap().trim_start_matches("http://localhost").to_owned();
        assert!(back.starts_with(&page) && back.contains("__err="), "{back}");
        let html = app.get_with(&back, &[("cookie", &me)]).await.body;
        assert!(html.contains("El nivel debe estar entre 1 y 5."), "{html}");
        assert_eq!(my_answer(&app, &me, id, ind[0]).await.unwrap()["response"]["level"], 4);
    }

    async fn the_demo_workshop_can_be_joined_and_its_joiners_lead(app: TestApp) {
        let demo = app::demo::load(app.db()).await.unwrap().workshop.0;
        let page = app.get("/join?code=demo-2026").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Azuay"), "teams to choose from");
        let team: i64 = sqlx::query_scalar("SELECT MIN(id) FROM teams WHERE workshop_id = $1")
            .bind(demo)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let me = app.join("DEMO-2026", "Visitante", team).await;
        let view = app.call_as(&me, "team_view", &[("workshop", &demo.to_string())]).await.json();
        assert_eq!(view["can_settle"], true);
        assert!(view["respondents"].as_i64().unwrap() >= 3, "the demo team has answers already");
        let home = app.get("/").await;
        assert!(home.body.contains(r#"action="/join""#), "home has the join form");
    }
}
