//! The learning side in-process, on SQLite and PostgreSQL: the primer and the library pages,
//! a workshop's own cases (add, edit, delete), what participants of the workshop and
//! everyone else see of them, bad input refused with a message and nothing changed, and
//! other workshops' facilitators and participants refused.

use serde_json::Value;

use app::ids::WorkshopId;
use tests::{on_both_databases, Reply, TestApp};

struct Setup {
    workshop: String,
    staff: String,
    participant: String,
    stranger_staff: String,
}

async fn setup(app: &TestApp) -> Setup {
    let (workshop, staff) = app.demo_facilitator().await;
    let teams = app::workshop::repo::teams(app.db().pool(), WorkshopId(workshop))
        .await
        .unwrap();
    let participant = app
        .join(
            app::demo::DEMO_JOIN_CODE,
            "Paula Participante",
            teams[0].id.0,
        )
        .await;
    let stranger_staff = app.facilitator("otra@prefectura.example").await;
    Setup {
        workshop: workshop.to_string(),
        staff,
        participant,
        stranger_staff,
    }
}

/// Everything the cases of the database hold, to check a refusal changed nothing.
async fn stored(
    app: &TestApp,
) -> (
    Vec<(i64, i64, String, String, Option<String>)>,
    Vec<(i64, i64)>,
) {
    let cases = sqlx::query_as(
        "SELECT id, workshop_id, title, summary, source_url FROM workshop_cases ORDER BY id",
    )
    .fetch_all(app.db().pool())
    .await
    .unwrap();
    let links = sqlx::query_as(
        "SELECT case_id, indicator_id FROM workshop_case_indicators ORDER BY case_id, indicator_id",
    )
    .fetch_all(app.db().pool())
    .await
    .unwrap();
    (cases, links)
}

fn good_case(workshop: &str) -> Vec<(&'static str, String)> {
    vec![
        ("workshop", workshop.to_owned()),
        (
            "fields[title]",
            "Presupuesto participativo provincial".to_owned(),
        ),
        ("fields[place]", "Provincia del Azuay".to_owned()),
        ("fields[country]", "Ecuador".to_owned()),
        ("fields[level]", "regional".to_owned()),
        ("fields[years]", "2023–2025".to_owned()),
        (
            "fields[what]",
            "Asambleas en las parroquias rurales deciden parte de la inversión.".to_owned(),
        ),
        ("fields[results]", "".to_owned()),
        ("fields[indicators]", "p2, C4".to_owned()),
        (
            "fields[presented_by]",
            "Dirección de Participación, GAD Provincial del Azuay".to_owned(),
        ),
        ("fields[source_title]", "".to_owned()),
        ("fields[source_url]", "https://www.azuay.gob.ec/".to_owned()),
    ]
}

async fn save(app: &TestApp, cookie: &str, fields: &[(&str, String)]) -> Reply {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call_as(cookie, "learn_save_case", &pairs).await
}

fn with(
    mut fields: Vec<(&'static str, String)>,
    key: &str,
    value: &str,
) -> Vec<(&'static str, String)> {
    for (k, v) in &mut fields {
        if *k == key {
            *v = value.to_owned();
        }
    }
    fields
}

fn field_errors(reply: &Reply) -> Vec<String> {
    assert_eq!(reply.status, 422, "{}", reply.body);
    let json = reply.json();
    json["fields"]
        .as_object()
        .unwrap_or_else(|| panic!("{json}"))
        .keys()
        .cloned()
        .collect()
}

on_both_databases! {
    async fn primer_and_library_pages_are_public_and_bilingual(app: TestApp) {
        let es = app.get_with("/learn", &[("accept-language", "es")]).await;
        assert_eq!(es.status, 200);
        assert!(es.body.contains("El ABC del gobierno abierto"));
        assert!(es.body.contains("id=\"term-silla-vacia\""));
        assert!(es.body.contains("id=\"sec-pilar-p\""));
        assert!(!es.body.contains("learn-back-top"), "no return link without ?back=");
        let en = app.get_with("/learn", &[("accept-language", "en")]).await;
        assert!(en.body.contains("The ABC of open government"));
        assert!(en.body.contains("Empty chair"));

        // A return address of ours is offered; anything else is not.
        let back = app.get("/learn?back=%2Fworkshops%2F1%2Fassess%2F2%23ind-P3").await;
        assert!(back.body.contains("href=\"/workshops/1/assess/2#ind-P3\""), "{}", back.body);
        assert!(back.body.contains("Volver a la pregunta"));
        for evil in ["https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "javascript%3Aalert(1)"] {
            let page = app.get(&format!("/learn?back={evil}")).await;
            assert_eq!(page.status, 200);
            assert!(!page.body.contains("learn-back-top"), "{evil}");
            assert!(!page.body.contains("evil.example\""), "{evil}");
        }

        let library = app.get("/learn/experiences").await;
        assert_eq!(library.status, 200);
        assert!(library.body.contains("id=\"case-porto-alegre\""));
        assert!(library.body.contains("https://hdl.handle.net/10986/11309"));
        // Filter by pillar and search by words, without JavaScript: the query string.
        let accountability = app.get("/learn/experiences?pillar=R").await;
        assert!(accountability.body.contains("id=\"case-kaduna\""));
        assert!(!accountability.body.contains("id=\"case-paris\""));
        let search = app.get("/learn/experiences?q=silla+vacia").await;
        assert!(search.body.contains("id=\"case-quito\""));
        assert!(!search.body.contains("id=\"case-kaduna\""));
        let none = app.get("/learn/experiences?q=zzzzqqq").await;
        assert!(none.body.contains("Ninguna experiencia coincide"));
        // Nonsense in the query narrows to nothing rather than failing.
        assert_eq!(app.get("/learn/experiences?workshop=abc&pillar=%00").await.status, 200);

        let primer = app.call("learn_primer", "").await;
        assert_eq!(primer.status, 200);
        assert!(primer.json()["glossary"].as_array().unwrap().len() >= 13);
    }

    async fn a_facilitator_adds_edits_and_deletes_a_case(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.as_str();
        let reply = save(&app, &s.staff, &good_case(w)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let id = reply.json().as_i64().expect("case id");
        let (cases, links) = stored(&app).await;
        assert_eq!(cases.len(), 1);
        assert_eq!(cases[0].2, "Presupuesto participativo provincial");
        assert_eq!(links.len(), 2, "P2 and C4");

        // Its participants see it in the library and beside the indicator; the page too.
        let page = app.call_as(&s.staff, "learn_workshop_cases", &[("workshop", w)]).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let page = page.json();
        assert_eq!(page["cases"][0]["indicators"], serde_json::json!(["P2", "C4"]));
        assert_eq!(page["cases"][0]["pillars"], serde_json::json!(["P", "C"]));
        let related = app
            .call_as(&s.participant, "learn_related", &[("workshop", w), ("code", "P2")])
            .await;
        assert_eq!(related.status, 200, "{}", related.body);
        let anchors: Vec<String> = related.json().as_array().unwrap().iter()
            .map(|l| l["anchor"].as_str().unwrap().to_owned()).collect();
        assert_eq!(anchors[0], format!("case-w{id}"));
        assert!(anchors.contains(&"case-porto-alegre".to_owned()));
        let library = app
            .get_with(&format!("/learn/experiences?workshop={w}"), &[("cookie", &s.participant)])
            .await;
        assert!(library.body.contains(&format!("id=\"case-w{id}\"")), "{}", library.body);
        assert!(library.body.contains("Dirección de Participación"));
        let staff_page = app
            .get_with(&format!("/facilitate/workshops/{w}/cases"), &[("cookie", &s.staff)])
            .await;
        assert_eq!(staff_page.status, 200);
        assert!(staff_page.body.contains("Presupuesto participativo provincial"));
        // The assessment step links each indicator to the primer, coming back to it, and
        // lists the experiences beside it (the workshop's own first).
        let step = app
            .get_with(&format!("/workshops/{w}/assess/2"), &[("cookie", &s.participant)])
            .await;
        assert_eq!(step.status, 200);
        assert!(
            step.body.contains(&format!("href=\"/learn?back=/workshops/{w}/assess/2%23ind-P3#term-silla-vacia\"")),
            "{}",
            step.body
        );
        assert!(step.body.contains(&format!("/learn/experiences?workshop={w}#case-w{id}")));
        assert!(step.body.contains(&format!("/learn/experiences?workshop={w}#case-quito")));
        // The actions page shows the same beside each weakness, coming back to the list.
        let actions = app
            .get_with(&format!("/workshops/{w}/actions"), &[("cookie", &s.participant)])
            .await;
        assert_eq!(actions.status, 200);
        if actions.body.contains("class=\"weakness-list\"") {
            assert!(actions.body.contains(&format!("/workshops/{w}/actions%23weak-title#")), "{}", actions.body);
        }
        // Anyone else sees only the built-in cases.
        let public = app.get(&format!("/learn/experiences?workshop={w}")).await;
        assert_eq!(public.status, 200);
        assert!(!public.body.contains(&format!("case-w{id}")));
        let outsider = app
            .call_as(&s.stranger_staff, "learn_related", &[("workshop", w), ("code", "P2")])
            .await
            .json();
        assert!(!outsider.to_string().contains(&format!("case-w{id}")));

        // Edit: new title and indicators, no source.
        let edited = with(with(with(good_case(w), "fields[title]", "Asambleas parroquiales"), "fields[indicators]", "P1"), "fields[source_url]", "");
        let mut edited = edited;
        edited.push(("case", id.to_string()));
        let reply = save(&app, &s.staff, &edited).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let (cases, links) = stored(&app).await;
        assert_eq!(cases.len(), 1);
        assert_eq!(cases[0].2, "Asambleas parroquiales");
        assert_eq!(cases[0].4, None);
        assert_eq!(links.len(), 1);

        let reply = app.call_as(&s.staff, "learn_delete_case", &[("workshop", w), ("case", &id.to_string())]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let (cases, links) = stored(&app).await;
        assert!(cases.is_empty() && links.is_empty());
        let again = app.call_as(&s.staff, "learn_delete_case", &[("workshop", w), ("case", &id.to_string())]).await;
        assert_eq!(again.status, 404);
    }

    async fn bad_input_gets_a_message_and_changes_nothing(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.as_str();
        let reply = save(&app, &s.staff, &good_case(w)).await;
        let id = reply.json().as_i64().unwrap().to_string();
        let before = stored(&app).await;
        let mut editing = good_case(w);
        editing.push(("case", id.clone()));

        for fields in [good_case(w), editing] {
            let unknown = save(&app, &s.staff, &with(fields.clone(), "fields[indicators]", "P2, Z9")).await;
            assert_eq!(field_errors(&unknown), ["indicators"]);
            assert!(unknown.body.contains("LrnErrUnknownIndicator"), "{}", unknown.body);
            for link in ["javascript:alert(1)", "ftp://example.org/x", "www.example.org"] {
                let reply = save(&app, &s.staff, &with(fields.clone(), "fields[source_url]", link)).await;
                assert_eq!(field_errors(&reply), ["source_url"], "{link}");
            }
            let long = "x".repeat(2001);
            let reply = save(&app, &s.staff, &with(fields.clone(), "fields[what]", &long)).await;
            assert_eq!(field_errors(&reply), ["what"]);
            let reply = save(&app, &s.staff, &with(fields.clone(), "fields[title]", &long)).await;
            assert_eq!(field_errors(&reply), ["title"]);
            let reply = save(&app, &s.staff, &with(with(fields.clone(), "fields[title]", ""), "fields[level]", "galactic")).await;
            assert_eq!(field_errors(&reply), ["level", "title"]);
            assert_eq!(stored(&app).await, before);
        }
        // A case id that is not a number, or not this workshop's.
        let mut bad_id = good_case(w);
        bad_id.push(("case", "abc".to_owned()));
        assert_eq!(save(&app, &s.staff, &bad_id).await.status, 400);
        let mut missing = good_case(w);
        missing.push(("case", "999999".to_owned()));
        assert_eq!(save(&app, &s.staff, &missing).await.status, 404);
        assert_eq!(stored(&app).await, before);

        // The message reads in the user's language.
        let reply = save(&app, &s.staff, &with(good_case(w), "fields[source_url]", "mailto:a@b.c")).await;
        let json: Value = reply.json();
        assert_eq!(json["fields"]["source_url"][0], "LrnErrLink");
    }

    async fn others_may_not_edit_a_workshops_cases(app: TestApp) {
        let s = setup(&app).await;
        let w = s.workshop.as_str();
        let id = save(&app, &s.staff, &good_case(w)).await.json().as_i64().unwrap().to_string();
        let before = stored(&app).await;
        // Another workshop's facilitator, a participant of this one, and nobody.
        assert_eq!(save(&app, &s.stranger_staff, &good_case(w)).await.status, 403);
        assert_eq!(save(&app, &s.participant, &good_case(w)).await.status, 401);
        assert_eq!(app.call("learn_save_case", &tests::form(&[("workshop", w), ("fields[title]", "x")])).await.status, 401);
        for cookie in [&s.stranger_staff, &s.participant] {
            let reply = app.call_as(cookie, "learn_delete_case", &[("workshop", w), ("case", &id)]).await;
            assert!(matches!(reply.status.as_u16(), 401 | 403), "{}", reply.status);
            let page = app.call_as(cookie, "learn_workshop_cases", &[("workshop", w)]).await;
            assert!(matches!(page.status.as_u16(), 401 | 403), "{}", page.status);
        }
        // The other facilitator's own workshop cannot reach this workshop's case either.
        let reply = app.call_as(&s.stranger_staff, "create_workshop", &[
            ("settings[title]", "Otro taller"), ("settings[description]", ""), ("settings[starts_on]", ""),
            ("settings[ends_on]", ""), ("settings[languages]", "es"), ("settings[anonymity_threshold]", "3"),
            ("settings[share_results]", "none"),
        ]).await;
        assert!(reply.status.is_redirection() || reply.status.is_success(), "{reply:?}");
        let other: i64 = sqlx::query_scalar("SELECT MAX(id) FROM workshops")
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_ne!(other.to_string(), w);
        let reply = app
            .call_as(&s.stranger_staff, "learn_delete_case", &[("workshop", &other.to_string()), ("case", &id)])
            .await;
        assert_eq!(reply.status, 404, "{}", reply.body);
        let mut edit = good_case(&other.to_string());
        edit.push(("case", id.clone()));
        assert_eq!(save(&app, &s.stranger_staff, &edit).await.status, 404);
        assert_eq!(stored(&app).await, before);
    }
}
