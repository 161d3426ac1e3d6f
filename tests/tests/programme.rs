//! The workshop programme, in-process, on SQLite and PostgreSQL: the facilitator lays out
//! sessions (add, edit, delete); participants see the session on now and the next one on
//! their home page; the set-up page offers the phase the programme calls for; bad input is
//! refused with a message beside the field and changes nothing; other workshops' people are
//! refused.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use app::facilitator::Role;
use app::ids::{FacilitatorId, WorkshopId};
use tests::{on_both_databases, Reply, TestApp};

/// The demo workshop (in the assessment phase), its owner, a participant of it, the owner
/// of another workshop and a participant of that other workshop.
struct Cast {
    w: String,
    owner: String,
    participant: String,
    stranger: String,
    outsider: String,
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

async fn first_team(app: &TestApp, workshop: i64) -> i64 {
    app::workshop::repo::teams(app.db().pool(), WorkshopId(workshop))
        .await
        .unwrap()[0]
        .id
        .0
}

async fn cast(app: &TestApp) -> Cast {
    use app::framework::default_framework;
    use app::workshop::repo::{create, NewWorkshop};
    use app::workshop::{JoinCode, Phase};
    let (workshop, owner) = app.demo_facilitator().await;
    // The demo comes with its own programme; these tests lay one out from nothing.
    sqlx::query("DELETE FROM programme_sessions WHERE workshop_id = $1")
        .bind(workshop)
        .execute(app.db().pool())
        .await
        .unwrap();
    let team = first_team(app, workshop).await;
    let participant = app
        .join(app::demo::DEMO_JOIN_CODE, "Zoila Testigo", team)
        .await;
    let code = JoinCode::parse("OTRO2026").unwrap();
    let mut tx = app.db().pool().begin().await.unwrap();
    let other = create(
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
    let stranger = app.facilitator("otra@rumbo.example").await;
    let staff = facilitator_id(app, "otra@rumbo.example").await;
    app::facilitator::repo::grant(app.db().pool(), other, staff, Role::Owner)
        .await
        .unwrap();
    let other_team = first_team(app, other.0).await;
    let outsider = app.join("OTRO2026", "Pedro Ajeno", other_team).await;
    Cast {
        w: workshop.to_string(),
        owner,
        participant,
        stranger,
        outsider,
    }
}

/// Seconds since the epoch.
fn now() -> i64 {
    i64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap()
}

/// A fixed-offset IANA zone where it is about noon now, so sessions around "now" never
/// cross midnight whenever the test runs, and the offset of that zone in hours.
fn noon_zone() -> (String, i64) {
    let utc_hour = (now() / 3600).rem_euclid(24);
    let offset = 12 - utc_hour; // from −11 to +12
                                // IANA's Etc zones have the sign reversed: Etc/GMT+5 is UTC−5.
    let name = match offset {
        0 => "Etc/GMT".to_owned(),
        o if o > 0 => format!("Etc/GMT-{o}"),
        o => format!("Etc/GMT+{}", -o),
    };
    (name, offset)
}

/// The civil date and `hh:mm` of an instant at a fixed offset (hours).
fn local(at: i64, offset: i64) -> (String, String) {
    let t = at + offset * 3600;
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        format!("{y:04}-{m:02}-{d:02}"),
        format!("{:02}:{:02}", secs / 3600, (secs % 3600) / 60),
    )
}

/// A session form's fields as the page posts them.
fn session(title: &str, from: i64, to: i64) -> Vec<(String, String)> {
    let (zone, offset) = noon_zone();
    let (day, starts) = local(from, offset);
    let (_, ends) = local(to, offset);
    [
        ("form[title]", title.to_owned()),
        ("form[day]", day),
        ("form[starts]", starts),
        ("form[ends]", ends),
        ("form[time_zone]", zone),
        (
            "form[panelists]",
            "Ana Pérez (CONGOPE)\nLuis Mora (CIFAL Ecuador)".to_owned(),
        ),
        ("form[phase]", String::new()),
        (
            "form[call_link]",
            "https://meet.example.org/abc-defg-hij".to_owned(),
        ),
        ("form[m1_title]", "Guía del taller".to_owned()),
        ("form[m1_url]", "https://example.org/guia.pdf".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

fn set(form: &mut [(String, String)], field: &str, value: &str) {
    let key = format!("form[{field}]");
    form.iter_mut()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v = value.to_owned())
        .unwrap_or_else(|| panic!("no field {field}"));
}

async fn call(app: &TestApp, cookie: &str, endpoint: &str, pairs: &[(String, String)]) -> Reply {
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.call_as(cookie, endpoint, &pairs).await
}

async fn add(app: &TestApp, cookie: &str, w: &str, form: &[(String, String)]) -> Reply {
    let mut pairs = vec![("workshop".to_owned(), w.to_owned())];
    pairs.extend_from_slice(form);
    call(app, cookie, "add_programme_session", &pairs).await
}

async fn edit(app: &TestApp, cookie: &str, w: &str, id: i64, form: &[(String, String)]) -> Reply {
    let mut pairs = vec![
        ("workshop".to_owned(), w.to_owned()),
        ("session".to_owned(), id.to_string()),
    ];
    pairs.extend_from_slice(form);
    call(app, cookie, "edit_programme_session", &pairs).await
}

async fn programme(app: &TestApp, cookie: &str, w: &str) -> Reply {
    app.call_as(cookie, "programme", &[("workshop", w)]).await
}

/// Everything the programme stores, to check that a refusal left it alone.
async fn stored(
    app: &TestApp,
) -> (
    Vec<(i64, i64, String, i64, i64, String, String)>,
    Vec<(i64, i64, String, String)>,
) {
    let sessions = sqlx::query_as(
        "SELECT id, workshop_id, title, starts_at, ends_at, time_zone, panelists
         FROM programme_sessions ORDER BY id",
    )
    .fetch_all(app.db().pool())
    .await
    .unwrap();
    let materials = sqlx::query_as(
        "SELECT session_id, position, title, url FROM programme_materials ORDER BY session_id, position",
    )
    .fetch_all(app.db().pool())
    .await
    .unwrap();
    (sessions, materials)
}

fn fields(reply: &Reply) -> Vec<String> {
    reply.json()["fields"]
        .as_object()
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

fn titles(view: &Value) -> Vec<String> {
    view["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap().to_owned())
        .collect()
}

on_both_databases! {
    async fn the_programme_is_laid_out_and_shown_now_and_next(app: TestApp) {
        let c = cast(&app).await;
        let w = c.w.as_str();
        let t = now();
        assert_eq!(programme(&app, &c.participant, w).await.json()["sessions"], Value::Array(vec![]));

        // A panel on now, linked to the review, and a working block after it.
        let mut panel = session("Experiencias de gobierno abierto", t - 1800, t + 1800);
        set(&mut panel, "phase", "review");
        let reply = add(&app, &c.owner, w, &panel).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let mut block = session("Priorización de acciones", t + 3600, t + 7200);
        set(&mut block, "call_link", "");
        set(&mut block, "m1_title", "");
        set(&mut block, "m1_url", "");
        let reply = add(&app, &c.owner, w, &block).await;
        assert_eq!(reply.status, 200, "{}", reply.body);

        // What the facilitator reads: the times as typed, in their zone, now and next.
        let view = programme(&app, &c.owner, w).await;
        assert_eq!(view.status, 200, "{}", view.body);
        let view = view.json();
        assert_eq!(titles(&view), ["Experiencias de gobierno abierto", "Priorización de acciones"]);
        let first = &view["sessions"][0];
        let (zone, offset) = noon_zone();
        assert_eq!(first["time_zone"], zone.as_str());
        assert_eq!(first["starts"], local(t - 1800, offset).1.as_str());
        assert_eq!(first["ends"], local(t + 1800, offset).1.as_str());
        assert_eq!(first["day"], local(t, offset).0.as_str());
        // Stored as UTC instants, to the minute the form carries.
        assert!((first["starts_at"].as_i64().unwrap() - (t - 1800)).abs() < 60);
        assert_eq!(first["panelists"], serde_json::json!(["Ana Pérez (CONGOPE)", "Luis Mora (CIFAL Ecuador)"]));
        assert_eq!(first["phase"], "review");
        assert_eq!(first["call_link"], "https://meet.example.org/abc-defg-hij");
        assert_eq!(first["materials"], serde_json::json!([{"title": "Guía del taller", "url": "https://example.org/guia.pdf"}]));
        assert_eq!(view["sessions"][1]["call_link"], Value::Null);
        assert_eq!((view["now"].clone(), view["next"].clone()), (0.into(), 1.into()));
        assert_eq!(view["follow"], "review", "the demo is in the assessment; the panel belongs to the review");
        assert_eq!(view["staff"], true);

        // The participant reads the same programme, without the facilitator's prompt.
        let mine = programme(&app, &c.participant, w).await;
        assert_eq!(mine.status, 200, "{}", mine.body);
        let mine = mine.json();
        assert_eq!((mine["now"].clone(), mine["next"].clone()), (0.into(), 1.into()));
        assert_eq!(mine["follow"], Value::Null);
        assert_eq!(mine["staff"], false);

        // The participant's home page shows the panel under "Now", with the call, and the
        // block under "Next"; the full programme page lists both.
        let home = app.get_with(&format!("/workshops/{w}/assess"), &[("cookie", &c.participant), ("accept-language", "en")]).await;
        assert_eq!(home.status, 200);
        let now_part = home.body.split("id=\"prg-now\"").nth(1).expect("a Now card");
        let (now_part, next_part) = now_part.split_once("id=\"prg-next\"").expect("a Next card");
        assert!(now_part.contains("Experiencias de gobierno abierto"), "{now_part}");
        assert!(now_part.contains("Join the call"));
        assert!(now_part.contains("https://meet.example.org/abc-defg-hij"));
        assert!(now_part.contains(&format!("({zone}, UTC")), "the zone beside the time");
        assert!(next_part.contains("Priorización de acciones"));
        let page = app.get_with(&format!("/workshops/{w}/programme"), &[("cookie", &c.participant)]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Priorización de acciones") && page.body.contains("Guía del taller"));
        let page = app.get_with(&format!("/facilitate/workshops/{w}/programme"), &[("cookie", &c.owner)]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Experiencias de gobierno abierto"));

        // The set-up page offers the review; following it moves the phase, and the prompt goes.
        let setup = app.get_with(&format!("/facilitate/workshops/{w}"), &[("cookie", &c.owner), ("accept-language", "en")]).await;
        assert_eq!(setup.status, 200);
        assert!(setup.body.contains("id=\"prg-follow-switch\""), "the prompt is shown");
        assert!(setup.body.contains("Switch to this phase"));
        let dashboard = app
            .get_with(&format!("/facilitate/workshops/{w}/dashboard"), &[("cookie", &c.owner)])
            .await;
        assert_eq!(dashboard.status, 200);
        assert!(dashboard.body.contains("id=\"prg-follow-switch\""), "the dashboard too");
        let reply = app.call_as(&c.owner, "move_phase", &[("workshop", w), ("from", "assessment"), ("to", "review")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(programme(&app, &c.owner, w).await.json()["follow"], Value::Null);
        let setup = app.get_with(&format!("/facilitate/workshops/{w}"), &[("cookie", &c.owner)]).await;
        assert!(!setup.body.contains("id=\"prg-follow-switch\""));
        let dashboard = app
            .get_with(&format!("/facilitate/workshops/{w}/dashboard"), &[("cookie", &c.owner)])
            .await;
        assert!(!dashboard.body.contains("id=\"prg-follow-switch\""));

        // Edit: the panel loses its call and material and changes title.
        let ids: Vec<i64> = view["sessions"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect();
        let mut changed = panel.clone();
        set(&mut changed, "title", "Experiencias internacionales");
        set(&mut changed, "call_link", "");
        set(&mut changed, "m1_title", "");
        set(&mut changed, "m1_url", "");
        let reply = edit(&app, &c.owner, w, ids[0], &changed).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let view = programme(&app, &c.owner, w).await.json();
        assert_eq!(titles(&view), ["Experiencias internacionales", "Priorización de acciones"]);
        assert_eq!(view["sessions"][0]["call_link"], Value::Null);
        assert_eq!(view["sessions"][0]["materials"], Value::Array(vec![]));

        // Delete: the block goes; now nothing comes next.
        let reply = app.call_as(&c.owner, "delete_programme_session", &[("workshop", w), ("session", &ids[1].to_string())]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let view = programme(&app, &c.participant, w).await.json();
        assert_eq!(titles(&view), ["Experiencias internacionales"]);
        assert_eq!((view["now"].clone(), view["next"].clone()), (0.into(), Value::Null));
        let reply = app.call_as(&c.owner, "delete_programme_session", &[("workshop", w), ("session", &ids[1].to_string())]).await;
        assert_eq!(reply.status, 404, "already gone");
    }

    async fn bad_input_is_refused_beside_the_field_and_changes_nothing(app: TestApp) {
        let c = cast(&app).await;
        let w = c.w.as_str();
        let t = now();
        let good = session("Apertura", t + 3600, t + 5400);
        let reply = add(&app, &c.owner, w, &good).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let id = programme(&app, &c.owner, w).await.json()["sessions"][0]["id"].as_i64().unwrap();
        let before = stored(&app).await;

        let cases: Vec<(&str, &str, &str)> = vec![
            ("ends", "00:01", "ends"),
            ("starts", "9am", "starts"),
            ("ends", "25:00", "ends"),
            ("day", "30/11/2026", "day"),
            ("time_zone", "Mars/Olympus_Mons", "time_zone"),
            ("time_zone", "", "time_zone"),
            ("call_link", "javascript:alert(1)", "call_link"),
            ("call_link", "ftp://example.org/acta.pdf", "call_link"),
            ("call_link", "meet.example.org/abc", "call_link"),
            ("m1_url", "data:text/html,hola", "m1_url"),
            ("m1_title", "", "m1_title"),
            ("phase", "fiesta", "phase"),
            ("title", "", "title"),
        ];
        let long_title = "x".repeat(201);
        let long_link = format!("https://example.org/{}", "a".repeat(600));
        let many = vec!["Panelista"; 13].join("\n");
        let long_panelist = "p".repeat(121);
        let oversized: Vec<(&str, &str, &str)> = vec![
            ("title", &long_title, "title"),
            ("call_link", &long_link, "call_link"),
            ("panelists", &many, "panelists"),
            ("panelists", &long_panelist, "panelists"),
        ];
        for (field, value, expected) in cases.into_iter().chain(oversized) {
            let mut form = good.clone();
            set(&mut form, field, value);
            for (what, reply) in [
                ("add", add(&app, &c.owner, w, &form).await),
                ("edit", edit(&app, &c.owner, w, id, &form).await),
            ] {
                assert_eq!(reply.status, 422, "{what} {field}={value}: {}", reply.body);
                assert_eq!(fields(&reply), [expected], "{what} {field}={value}");
                assert!(!reply.json()["message"].as_str().unwrap_or_default().is_empty());
            }
        }
        // Several mistakes at once are all named.
        let mut form = good.clone();
        set(&mut form, "title", "");
        set(&mut form, "call_link", "mailto:ana@example.org");
        let reply = add(&app, &c.owner, w, &form).await;
        assert_eq!(fields(&reply), ["call_link", "title"]);
        // The message is in the reader's language.
        let mut form = good.clone();
        set(&mut form, "ends", "00:01");
        let mut pairs = vec![("workshop".to_owned(), w.to_owned())];
        pairs.extend(form);
        let body = tests::form(&pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>());
        let es = app.call_with("add_programme_session", &body, &[("cookie", &c.owner), ("accept-language", "es")]).await;
        let en = app.call_with("add_programme_session", &body, &[("cookie", &c.owner), ("accept-language", "en")]).await;
        assert!(es.json()["message"].as_str().unwrap().contains("terminar después"), "{}", es.body);
        assert!(en.json()["message"].as_str().unwrap().contains("end after"), "{}", en.body);
        // Malformed requests (no form, no workshop) are refused too.
        let reply = app.call_as(&c.owner, "add_programme_session", &[("workshop", w)]).await;
        assert!(reply.status.is_client_error(), "{}", reply.body);
        let reply = app.call_as(&c.owner, "edit_programme_session", &[("workshop", w), ("session", "x")]).await;
        assert_eq!(reply.status, 400, "{}", reply.body);

        assert_eq!(stored(&app).await, before, "nothing changed");
    }

    async fn other_workshops_people_are_refused(app: TestApp) {
        let c = cast(&app).await;
        let w = c.w.as_str();
        let t = now();
        let form = session("Apertura", t + 3600, t + 5400);
        let reply = add(&app, &c.owner, w, &form).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let id = programme(&app, &c.owner, w).await.json()["sessions"][0]["id"].as_i64().unwrap();
        let before = stored(&app).await;

        // Another workshop's facilitator and participant, a participant of this workshop,
        // and nobody at all: none of them may change it.
        for (who, cookie, read) in [
            ("stranger", c.stranger.as_str(), 403),
            ("outsider", c.outsider.as_str(), 403),
            ("participant", c.participant.as_str(), 200),
            ("anonymous", "", 401),
        ] {
            assert_eq!(programme(&app, cookie, w).await.status, read, "{who} reads");
            let reply = add(&app, cookie, w, &form).await;
            assert!(matches!(reply.status.as_u16(), 401 | 403), "{who} adds: {}", reply.body);
            let reply = edit(&app, cookie, w, id, &form).await;
            assert!(matches!(reply.status.as_u16(), 401 | 403), "{who} edits: {}", reply.body);
            let reply = app.call_as(cookie, "delete_programme_session", &[("workshop", w), ("session", &id.to_string())]).await;
            assert!(matches!(reply.status.as_u16(), 401 | 403), "{who} deletes: {}", reply.body);
        }
        // The stranger's own workshop cannot reach this workshop's session by its id.
        let other: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE title = 'Otro taller'")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let o = other.to_string();
        let reply = edit(&app, &c.stranger, &o, id, &form).await;
        assert_eq!(reply.status, 404, "{}", reply.body);
        let reply = app.call_as(&c.stranger, "delete_programme_session", &[("workshop", &o), ("session", &id.to_string())]).await;
        assert_eq!(reply.status, 404, "{}", reply.body);
        assert_eq!(stored(&app).await, before, "nothing changed");

        // Pages: the participant's home of another workshop shows nothing of this programme.
        let home = app.get_with(&format!("/workshops/{o}/assess"), &[("cookie", &c.outsider)]).await;
        assert!(!home.body.contains("Apertura"));

        // A closed workshop's programme is read-only.
        for (from, to) in [("assessment", "review"), ("review", "prioritisation"), ("prioritisation", "roadmap"), ("roadmap", "closed")] {
            let reply = app.call_as(&c.owner, "move_phase", &[("workshop", w), ("from", from), ("to", to)]).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let reply = add(&app, &c.owner, w, &form).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(stored(&app).await, before, "nothing changed");
    }

    async fn the_demo_workshop_carries_the_two_day_programme(app: TestApp) {
        let (w, cookie) = app.demo_facilitator().await;
        let reply = programme(&app, &cookie, &w.to_string()).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let view = reply.json();
        let demo = titles(&view);
        assert_eq!(demo.len(), 8, "{demo:?}");
        assert_eq!(demo[1], "El ABC del gobierno abierto");
        let days: std::collections::BTreeSet<&str> = view["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["day"].as_str().unwrap())
            .collect();
        assert_eq!(days.len(), 2, "two days: {days:?}");
        // Loading the demo again adds nothing.
        app::demo::load(app.db()).await.unwrap();
        assert_eq!(titles(&programme(&app, &cookie, &w.to_string()).await.json()).len(), 8);
    }
}
