//! The framework editor, in-process, on SQLite and PostgreSQL: export and import (round trip,
//! malformed files, answered indicators), wording and structure edits, the download route, and
//! who may do any of it.

use app::facilitator::{Email, Role};
use app::framework::{default_framework, editor_repo};
use app::ids::{FrameworkId, WorkshopId};
use app::workshop::repo::{create, framework_of, teams, NewWorkshop};
use app::workshop::{JoinCode, Phase};
use serde_json::Value;
use tests::{on_both_databases, TestApp};

/// Owned form fields.
type Pairs = Vec<(String, String)>;

fn borrowed(pairs: &Pairs) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Pairs {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A facilitator's id, by e-mail.
async fn staff_id(app: &TestApp, email: &str) -> app::ids::FacilitatorId {
    let email = Email::parse(email).unwrap();
    app::facilitator::repo::by_email(app.db().pool(), &email)
        .await
        .unwrap()
        .unwrap()
        .0
        .id
}

/// A new workshop in set-up with the default framework, owned by a new facilitator; returns
/// its id and the owner's cookie.
async fn fresh_workshop(app: &TestApp, owner: &str) -> (i64, String) {
    let cookie = app.facilitator(owner).await;
    let code = JoinCode::parse("FRESH2026").unwrap();
    let mut tx = app.db().pool().begin().await.unwrap();
    let id = create(
        &mut tx,
        &NewWorkshop {
            title: "Taller nuevo",
            description: "",
            join_code: &code,
            framework: default_framework().unwrap(),
            teams: &["GAD Azuay"],
            phase: Phase::Setup,
            anonymity_threshold: 3,
            is_demo: false,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let owner_id = staff_id(app, owner).await;
    app::facilitator::repo::grant(app.db().pool(), id, owner_id, Role::Owner)
        .await
        .unwrap();
    (id.0, cookie)
}

/// A co-facilitator of `workshop`, signed in.
async fn co_facilitator(app: &TestApp, workshop: i64, email: &str) -> String {
    let cookie = app.facilitator(email).await;
    let id = staff_id(app, email).await;
    app::facilitator::repo::grant(
        app.db().pool(),
        WorkshopId(workshop),
        id,
        Role::CoFacilitator,
    )
    .await
    .unwrap();
    cookie
}

async fn framework_id(app: &TestApp, workshop: i64) -> FrameworkId {
    framework_of(app.db().pool(), WorkshopId(workshop))
        .await
        .unwrap()
}

/// The framework as stored, read straight from the database.
async fn stored(app: &TestApp, workshop: i64) -> Value {
    let framework = framework_id(app, workshop).await;
    let mut conn = app.db().pool().acquire().await.unwrap();
    serde_json::to_value(editor_repo::load_doc(&mut conn, framework).await.unwrap()).unwrap()
}

/// Everything a refused call must leave alone: the framework, its positions and its answers.
async fn snapshot(app: &TestApp, workshop: i64) -> (Value, Vec<(i64, String)>) {
    let answers: Vec<(i64, String)> = sqlx::query_as(
        "SELECT a.id, i.code FROM answers a JOIN indicators i ON i.id = a.indicator_id
         JOIN workshops w ON w.framework_id = i.framework_id WHERE w.id = $1 ORDER BY a.id",
    )
    .bind(workshop)
    .fetch_all(app.db().pool())
    .await
    .unwrap();
    (stored(app, workshop).await, answers)
}

async fn export(app: &TestApp, cookie: &str, workshop: i64) -> Value {
    let reply = app
        .call_as(
            cookie,
            "export_framework",
            &[("workshop", &workshop.to_string())],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn import(app: &TestApp, cookie: &str, workshop: i64, json: &str) -> tests::Reply {
    app.call_as(
        cookie,
        "import_framework",
        &[("workshop", &workshop.to_string()), ("json", json)],
    )
    .await
}

/// The editor's view of the framework (ids, usage).
async fn editor(app: &TestApp, cookie: &str, workshop: i64) -> Value {
    let reply = app
        .call_as(
            cookie,
            "framework_editor",
            &[("workshop", &workshop.to_string())],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

fn message(reply: &tests::Reply) -> String {
    reply.json()["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The fields of an indicator's form, filled from the editor's view.
fn indicator_form(workshop: i64, indicator: &Value) -> Pairs {
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

fn set(form: &mut Pairs, key: &str, value: &str) {
    form.iter_mut().find(|(k, _)| k == key).unwrap().1 = value.to_owned();
}

fn codes(doc: &Value, pillar: usize) -> Vec<String> {
    doc["pillars"][pillar]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap().to_owned())
        .collect()
}

fn pillar_codes(doc: &Value) -> Vec<String> {
    doc["pillars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_owned())
        .collect()
}

on_both_databases! {
    async fn export_then_import_then_export_is_identical(app: TestApp) {
        // A fresh workshop (no answers) and the demo (answers everywhere).
        let (fresh, owner) = fresh_workshop(&app, "ana@prefectura.gob.ec").await;
        let (demo, demo_owner) = app.demo_facilitator().await;
        for (workshop, cookie) in [(fresh, owner.as_str()), (demo, demo_owner.as_str())] {
            let before = snapshot(&app, workshop).await;
            let first = export(&app, cookie, workshop).await;
            assert_eq!(first, serde_json::to_value(default_framework().unwrap()).unwrap());
            let pretty = serde_json::to_string_pretty(&first).unwrap();
            let reply = import(&app, cookie, workshop, &pretty).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
            assert_eq!(reply.json()["updated"], 20);
            assert_eq!(reply.json()["added"], 0);
            assert_eq!(reply.json()["removed"], 0);
            let second = export(&app, cookie, workshop).await;
            assert_eq!(serde_json::to_string_pretty(&second).unwrap(), pretty);
            // Answers are still there, on the same indicators.
            assert_eq!(snapshot(&app, workshop).await, before);
        }
        assert!(!snapshot(&app, demo).await.1.is_empty(), "the demo has answers");

        // The download: a pretty JSON attachment, identical to the export.
        let reply = app.get_with(&format!("/facilitate/workshops/{fresh}/framework.json"), &[("cookie", &owner)]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let disposition = reply.headers["content-disposition"].to_str().unwrap();
        assert!(disposition.starts_with("attachment;") && disposition.contains(".json"), "{disposition}");
        assert!(reply.body.starts_with("{\n  \"schema_version\": 1,"), "{}", &reply.body[..40]);
        let downloaded: Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(downloaded, export(&app, &owner, fresh).await);
    }

    async fn malformed_imports_point_at_the_place_and_change_nothing(app: TestApp) {
        let (workshop, owner) = fresh_workshop(&app, "ana@prefectura.gob.ec").await;
        let before = snapshot(&app, workshop).await;
        let good = export(&app, &owner, workshop).await;

        let reply = import(&app, &owner, workshop, "{ \"schema_version\": 1,\n  oops").await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let text = message(&reply);
        assert!(text.contains("JSON") && text.contains("línea 2"), "{text}");

        let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(1_000_000));
        let reply = import(&app, &owner, workshop, &huge).await;
        assert_eq!(reply.status, 422);
        assert!(message(&reply).contains("demasiado grande"), "{}", message(&reply));

        let mut missing = good.clone();
        missing["pillars"][2]["indicators"][0].as_object_mut().unwrap().remove("code");
        let reply = import(&app, &owner, workshop, &missing.to_string()).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let text = message(&reply);
        assert!(text.contains("Pilar 3 › indicador 1: falta el campo «code»"), "{text}");
        assert!(text.contains("(pillars[2].indicators[0])"), "{text}");
        assert_eq!(reply.json()["problems"][0]["path"], "pillars[2].indicators[0]");

        let mut duplicate = good.clone();
        duplicate["pillars"][1]["indicators"][0]["code"] = "T1".into();
        let reply = import(&app, &owner, workshop, &duplicate.to_string()).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let text = message(&reply);
        assert!(text.contains("Pilar 2 (P) › indicador 1 (T1) › campo «code»"), "{text}");
        assert!(text.contains("pillars[1].indicators[0].code"), "{text}");

        let mut level = good.clone();
        level["pillars"][0]["indicators"][3]["levels"][4]["level"] = 7.into();
        let reply = app
            .call_with(
                "import_framework",
                &tests::form(&[("workshop", &workshop.to_string()), ("json", &level.to_string())]),
                &[("cookie", &owner), ("accept-language", "en")],
            )
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let text = message(&reply);
        assert!(text.contains("Pillar 1 (T) › indicator 4 (T4) › field “levels”"), "{text}");
        assert!(text.contains("pillars[0].indicators[3].levels"), "{text}");

        let mut half = good.clone();
        half["pillars"][3]["indicators"][4]["name"]["en"] = "".into();
        let reply = import(&app, &owner, workshop, &half.to_string()).await;
        assert_eq!(reply.status, 422);
        assert!(message(&reply).contains("pillars[3].indicators[4].name"), "{}", message(&reply));

        assert_eq!(snapshot(&app, workshop).await, before);
    }

    async fn an_import_may_not_orphan_answers(app: TestApp) {
        let (workshop, owner) = app.demo_facilitator().await;
        let before = snapshot(&app, workshop).await;
        let t1_answers = before.1.iter().filter(|(_, code)| code == "T1").count();
        assert!(t1_answers > 0);
        let good = export(&app, &owner, workshop).await;

        // Dropping T1 and the whole of pillar C: refused, naming the codes.
        let mut dropping = good.clone();
        dropping["pillars"][0]["indicators"].as_array_mut().unwrap().remove(0);
        dropping["pillars"].as_array_mut().unwrap().remove(3);
        let reply = import(&app, &owner, workshop, &dropping.to_string()).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        let text = message(&reply);
        assert!(text.contains("T1, C1"), "{text}");
        assert!(text.contains("No se cambió nada"), "{text}");
        assert_eq!(snapshot(&app, workshop).await, before);

        // Keeping every answered code, reworded and moved, with a new indicator: accepted.
        let mut keeping = good.clone();
        keeping["pillars"][0]["indicators"][0]["name"]["es"] = "Transparencia activa al día".into();
        let t1 = keeping["pillars"][0]["indicators"].as_array_mut().unwrap().remove(0);
        keeping["pillars"][1]["indicators"].as_array_mut().unwrap().push(t1);
        let mut new = keeping["pillars"][0]["indicators"][0].clone();
        new["code"] = "T9".into();
        keeping["pillars"][0]["indicators"].as_array_mut().unwrap().push(new);
        let reply = import(&app, &owner, workshop, &keeping.to_string()).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json()["added"], 1);
        assert_eq!(reply.json()["updated"], 20);
        let after = snapshot(&app, workshop).await;
        assert_eq!(after.1, before.1, "every answer stays, on the indicator of the same code");
        assert_eq!(after.0, keeping);
        assert_eq!(codes(&after.0, 1).last().unwrap(), "T1");
    }

    async fn answered_indicators_keep_their_code_and_place_but_not_their_wording(app: TestApp) {
        let (workshop, owner) = app.demo_facilitator().await;
        let view = editor(&app, &owner, workshop).await;
        let t1 = view["pillars"][0]["indicators"][0].clone();
        assert_eq!(t1["code"], "T1");
        let answers = t1["answers"].as_u64().unwrap();
        assert!(answers > 0);

        let mut form = indicator_form(workshop, &t1);
        set(&mut form, "form[name_es]", "Transparencia activa, revisada");
        set(&mut form, "form[d3_en]", "Documented, with a named unit.");
        let reply = app.call_as(&owner, "save_indicator", &borrowed(&form)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let doc = stored(&app, workshop).await;
        assert_eq!(doc["pillars"][0]["indicators"][0]["name"]["es"], "Transparencia activa, revisada");
        assert_eq!(doc["pillars"][0]["indicators"][0]["levels"][2]["descriptor"]["en"], "Documented, with a named unit.");

        let before = snapshot(&app, workshop).await;
        set(&mut form, "form[code]", "T1b");
        let reply = app.call_as(&owner, "save_indicator", &borrowed(&form)).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert!(message(&reply).contains("código no puede cambiar"), "{}", message(&reply));

        let id = t1["id"].to_string();
        let reply = app
            .call_as(&owner, "remove_indicator", &[("workshop", &workshop.to_string()), ("indicator", &id)])
            .await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        let text = message(&reply);
        assert!(text.starts_with(&format!("{answers} respuestas usan este indicador (T1)")), "{text}");
        assert!(text.contains("solo puede cambiar su redacción"), "{text}");

        let pillar = view["pillars"][0]["id"].to_string();
        let reply = app
            .call_as(&owner, "remove_pillar", &[("workshop", &workshop.to_string()), ("pillar", &pillar)])
            .await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert!(message(&reply).contains("T1, T2"), "{}", message(&reply));

        // Bad wording: every mistake named by field, nothing saved.
        let mut bad = indicator_form(workshop, &t1);
        set(&mut bad, "form[name_en]", " ");
        set(&mut bad, "form[d2_es]", "");
        let reply = app.call_as(&owner, "save_indicator", &borrowed(&bad)).await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let fields: Vec<String> = reply.json()["fields"].as_object().unwrap().keys().cloned().collect();
        assert_eq!(fields, ["d2", "name"]);
        assert_eq!(snapshot(&app, workshop).await, before);

        // A closed workshop is frozen, wording included.
        sqlx::query("UPDATE workshops SET phase = 'closed' WHERE id = $1")
            .bind(workshop)
            .execute(app.db().pool())
            .await
            .unwrap();
        let reply = app.call_as(&owner, "save_indicator", &borrowed(&indicator_form(workshop, &t1))).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert!(message(&reply).contains("cerrado"), "{}", message(&reply));
        let reply = import(&app, &owner, workshop, &export(&app, &owner, workshop).await.to_string()).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(snapshot(&app, workshop).await, before);
    }

    async fn pillars_and_indicators_are_reordered(app: TestApp) {
        let (workshop, owner) = fresh_workshop(&app, "ana@prefectura.gob.ec").await;
        let view = editor(&app, &owner, workshop).await;
        let w = workshop.to_string();
        let t1 = view["pillars"][0]["indicators"][0]["id"].to_string();
        let reply = app.call_as(&owner, "move_indicator", &[("workshop", &w), ("indicator", &t1), ("direction", "down")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = app.call_as(&owner, "move_indicator", &[("workshop", &w), ("indicator", &t1), ("direction", "down")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(codes(&stored(&app, workshop).await, 0), ["T2", "T3", "T1", "T4", "T5"]);

        let r = view["pillars"][2]["id"].to_string();
        let reply = app.call_as(&owner, "move_pillar", &[("workshop", &w), ("pillar", &r), ("direction", "up")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(pillar_codes(&stored(&app, workshop).await), ["T", "R", "P", "C"]);

        // At the ends nothing moves; a made-up direction is the caller's mistake.
        let t = view["pillars"][0]["id"].to_string();
        let reply = app.call_as(&owner, "move_pillar", &[("workshop", &w), ("pillar", &t), ("direction", "up")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = app.call_as(&owner, "move_pillar", &[("workshop", &w), ("pillar", &t), ("direction", "sideways")]).await;
        assert_eq!(reply.status, 400, "{}", reply.body);
        assert_eq!(pillar_codes(&stored(&app, workshop).await), ["T", "R", "P", "C"]);

        // An indicator of another workshop is not found here.
        let (demo, _) = app.demo_facilitator().await;
        let demo_framework = framework_id(&app, demo).await;
        let foreign: i64 = sqlx::query_scalar("SELECT MIN(id) FROM indicators WHERE framework_id = $1")
            .bind(demo_framework.0)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        let before = snapshot(&app, demo).await;
        let reply = app.call_as(&owner, "move_indicator", &[("workshop", &w), ("indicator", &foreign.to_string()), ("direction", "down")]).await;
        assert_eq!(reply.status, 404, "{}", reply.body);
        assert_eq!(snapshot(&app, demo).await, before);
    }

    async fn pillars_and_indicators_are_added_and_removed(app: TestApp) {
        let (workshop, owner) = fresh_workshop(&app, "ana@prefectura.gob.ec").await;
        let w = workshop.to_string();
        let reply = app
            .call_as(&owner, "add_pillar", &[
                ("workshop", &w),
                ("form[code]", "D"), ("form[name_es]", "Datos"), ("form[name_en]", "Data"),
                ("first[code]", "D1"), ("first[name_es]", "Catálogo de datos"), ("first[name_en]", "Data catalogue"),
            ])
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let view = editor(&app, &owner, workshop).await;
        assert_eq!(view["pillars"][4]["code"], "D");
        let d = view["pillars"][4]["id"].to_string();
        let reply = app
            .call_as(&owner, "add_indicator", &[("workshop", &w), ("pillar", &d), ("form[code]", "D2"), ("form[name_es]", "Apertura"), ("form[name_en]", "Openness")])
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let doc = stored(&app, workshop).await;
        assert_eq!(codes(&doc, 4), ["D1", "D2"]);
        assert_eq!(doc["pillars"][4]["indicators"][1]["levels"].as_array().unwrap().len(), 5);

        // What the editor makes, an import takes back unchanged.
        let json = serde_json::to_string_pretty(&doc).unwrap();
        let reply = import(&app, &owner, workshop, &json).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(serde_json::to_string_pretty(&export(&app, &owner, workshop).await).unwrap(), json);

        // Duplicates and bad codes are refused with the field named.
        let before = snapshot(&app, workshop).await;
        let reply = app
            .call_as(&owner, "add_indicator", &[("workshop", &w), ("pillar", &d), ("form[code]", "T1"), ("form[name_es]", "X"), ("form[name_en]", "X")])
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(reply.json()["fields"]["code"][0], "FwCodeTaken");
        let reply = app
            .call_as(&owner, "add_pillar", &[
                ("workshop", &w),
                ("form[code]", "T"), ("form[name_es]", "Otra"), ("form[name_en]", ""),
                ("first[code]", "THIS CODE IS FAR TOO LONG"), ("first[name_es]", "x"), ("first[name_en]", "x"),
            ])
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let fields: Vec<String> = reply.json()["fields"].as_object().unwrap().keys().cloned().collect();
        assert_eq!(fields, ["first_code", "name"]);
        let reply = app
            .call_as(&owner, "add_pillar", &[
                ("workshop", &w),
                ("form[code]", "T"), ("form[name_es]", "Otra"), ("form[name_en]", "Other"),
                ("first[code]", "T1"), ("first[name_es]", "x"), ("first[name_en]", "x"),
            ])
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let fields: Vec<String> = reply.json()["fields"].as_object().unwrap().keys().cloned().collect();
        assert_eq!(fields, ["code", "first_code"]);
        let t = view["pillars"][0].clone();
        let reply = app
            .call_as(&owner, "save_pillar", &[
                ("workshop", &w), ("pillar", &t["id"].to_string()),
                ("form[code]", "P"), ("form[name_es]", "T"), ("form[name_en]", "T"),
            ])
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(snapshot(&app, workshop).await, before);

        // A pillar keeps at least one indicator; the framework at least one pillar.
        let view = editor(&app, &owner, workshop).await;
        let d1 = view["pillars"][4]["indicators"][0]["id"].to_string();
        let d2 = view["pillars"][4]["indicators"][1]["id"].to_string();
        let reply = app.call_as(&owner, "remove_indicator", &[("workshop", &w), ("indicator", &d2)]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let reply = app.call_as(&owner, "remove_indicator", &[("workshop", &w), ("indicator", &d1)]).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(codes(&stored(&app, workshop).await, 4), ["D1"]);
        for p in 0..4 {
            let id = view["pillars"][p]["id"].to_string();
            let reply = app.call_as(&owner, "remove_pillar", &[("workshop", &w), ("pillar", &id)]).await;
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
        let reply = app.call_as(&owner, "remove_pillar", &[("workshop", &w), ("pillar", &d)]).await;
        assert_eq!(reply.status, 409, "{}", reply.body);
        assert_eq!(pillar_codes(&stored(&app, workshop).await), ["D"]);
        let indicators: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM indicators WHERE framework_id = $1")
            .bind(framework_id(&app, workshop).await.0)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(indicators, 1);
    }

    async fn only_the_workshops_facilitators_may_touch_its_framework(app: TestApp) {
        let (workshop, owner) = app.demo_facilitator().await;
        let co = co_facilitator(&app, workshop, "co@prefectura.gob.ec").await;
        let stranger = app.facilitator("otra@prefectura.gob.ec").await;
        let (_, code) = {
            let demo = app::workshop::repo::demo(app.db().pool()).await.unwrap().unwrap();
            (demo.0, demo.2)
        };
        let team = teams(app.db().pool(), WorkshopId(workshop)).await.unwrap()[0].id.0;
        let participant = app.join(code.as_str(), "Participante", team).await;
        let export_json = export(&app, &owner, workshop).await.to_string();

        // Every framework server function, with arguments the owner may use; removals get a
        // fresh target each round, made directly in the database.
        let calls = |round: usize| {
            let app = &app;
            let export_json = export_json.clone();
            let owner = owner.clone();
            async move {
                let framework = framework_id(app, workshop).await;
                let view = editor(app, &owner, workshop).await;
                let pillar = view["pillars"][0]["id"].to_string();
                let t2 = view["pillars"][0]["indicators"][1].clone();
                let mut conn = app.db().pool().acquire().await.unwrap();
                let new = |code: String| app::framework::edit::NewIndicatorForm {
                    code: code.clone(), name_es: code.clone(), name_en: code,
                }.parse("").unwrap();
                let spare = editor_repo::add_indicator(&mut conn, framework, app::ids::PillarId(view["pillars"][0]["id"].as_i64().unwrap()), &new(format!("S{round}"))).await.unwrap();
                let spare_pillar = editor_repo::add_pillar(
                    &mut conn, framework,
                    &app::framework::edit::PillarForm { code: format!("Q{round}"), name_es: "Q".into(), name_en: "Q".into(), ..Default::default() }.parse().unwrap(),
                    &new(format!("Q{round}1")),
                ).await.unwrap();
                let w = workshop.to_string();
                let mut save_indicator = indicator_form(workshop, &t2);
                set(&mut save_indicator, "form[name_es]", &format!("Revisado {round}"));
                vec![
                    ("framework_editor", pairs(&[("workshop", &w)])),
                    ("export_framework", pairs(&[("workshop", &w)])),
                    ("save_pillar", pairs(&[("workshop", &w), ("pillar", &pillar), ("form[code]", "T"), ("form[name_es]", &format!("Transparencia {round}")), ("form[name_en]", "Transparency")])),
                    ("save_indicator", save_indicator),
                    ("add_indicator", pairs(&[("workshop", &w), ("pillar", &pillar), ("form[code]", &format!("N{round}")), ("form[name_es]", "Nuevo"), ("form[name_en]", "New")])),
                    ("add_pillar", pairs(&[("workshop", &w), ("form[code]", &format!("Z{round}")), ("form[name_es]", "Z"), ("form[name_en]", "Z"), ("first[code]", &format!("Z{round}1")), ("first[name_es]", "Z"), ("first[name_en]", "Z")])),
                    ("move_pillar", pairs(&[("workshop", &w), ("pillar", &pillar), ("direction", "down")])),
                    ("move_indicator", pairs(&[("workshop", &w), ("indicator", &t2["id"].to_string()), ("direction", "up")])),
                    ("remove_indicator", pairs(&[("workshop", &w), ("indicator", &spare.to_string())])),
                    ("remove_pillar", pairs(&[("workshop", &w), ("pillar", &spare_pillar.to_string())])),
                    ("import_framework", pairs(&[("workshop", &w), ("json", &export_json)])),
                ]
            }
        };

        for (round, (who, cookie, status)) in [
            ("anonymous", "", 401),
            ("participant", participant.as_str(), 401),
            ("another facilitator", stranger.as_str(), 403),
        ]
        .into_iter()
        .enumerate()
        {
            for (endpoint, form) in calls(round).await {
                let before = snapshot(&app, workshop).await;
                let reply = app.call_as(cookie, endpoint, &borrowed(&form)).await;
                assert_eq!(reply.status, status, "{who} on {endpoint}: {}", reply.body);
                assert!(!reply.body.contains("Transparencia"), "{who} on {endpoint} leaks: {}", reply.body);
                assert_eq!(snapshot(&app, workshop).await, before, "{who} on {endpoint} changed something");
            }
            let reply = app.get_with(&format!("/facilitate/workshops/{workshop}/framework.json"), &[("cookie", cookie)]).await;
            assert_eq!(reply.status.as_u16(), status, "{who} downloading: {}", reply.body);
            assert!(!reply.body.contains("Transparencia"), "{who} downloading");
        }

        for (round, (who, cookie)) in [("co-facilitator", co.as_str()), ("owner", owner.as_str())].into_iter().enumerate() {
            for (endpoint, form) in calls(10 + round).await {
                let reply = app.call_as(cookie, endpoint, &borrowed(&form)).await;
                assert_eq!(reply.status, 200, "{who} on {endpoint}: {}", reply.body);
            }
            let reply = app.get_with(&format!("/facilitate/workshops/{workshop}/framework.json"), &[("cookie", cookie)]).await;
            assert_eq!(reply.status, 200, "{who} downloading");
        }

        // A workshop that does not exist, for a signed-in facilitator.
        let reply = app.call_as(&owner, "export_framework", &[("workshop", "999999")]).await;
        assert_eq!(reply.status, 404);
        let reply = app.get_with("/facilitate/workshops/999999/framework.json", &[("cookie", &owner)]).await;
        assert_eq!(reply.status, 404);
    }

    async fn the_editor_page_works_without_javascript(app: TestApp) {
        let (workshop, owner) = app.demo_facilitator().await;
        let page = format!("/facilitate/workshops/{workshop}/framework");
        let reply = app.get_with(&page, &[("cookie", &owner)]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        for expected in ["Marco de evaluación", "T1", "action=\"/api/save_indicator\"", "name=\"form[d5_en]\"",
                         "action=\"/api/import_framework\"", "framework.json", "aria-current=\"page\""] {
            assert!(reply.body.contains(expected), "page lacks {expected}");
        }
        let reply = app.get(&page).await;
        assert_eq!(reply.status, 401);
        let stranger = app.facilitator("otra@prefectura.gob.ec").await;
        let reply = app.get_with(&page, &[("cookie", &stranger)]).await;
        assert_eq!(reply.status, 403);
        assert!(!reply.body.contains("name=\"form[d5_en]\""));

        // A browser without JavaScript posts the form and comes back to the page; an error
        // comes back in the address, for the page to show.
        let view = editor(&app, &owner, workshop).await;
        let mut form = indicator_form(workshop, &view["pillars"][0]["indicators"][1]);
        set(&mut form, "form[name_en]", "Handling of information requests, revised");
        let html = [("cookie", owner.as_str()), ("accept", "text/html"), ("referer", page.as_str())];
        let reply = app.call_with("save_indicator", &tests::form(&borrowed(&form)), &html).await;
        assert!(reply.status.is_redirection(), "{reply:?}");
        assert_eq!(reply.headers["location"], page.as_str());
        assert_eq!(stored(&app, workshop).await["pillars"][0]["indicators"][1]["name"]["en"], "Handling of information requests, revised");
        // Browsers send the referer as a full address.
        let referer = format!("http://localhost{page}");
        let html = [("cookie", owner.as_str()), ("accept", "text/html"), ("referer", referer.as_str())];
        let reply = app
            .call_with("import_framework", &tests::form(&[("workshop", &workshop.to_string()), ("json", "nope")]), &html)
            .await;
        assert!(reply.status.is_redirection(), "{reply:?}");
        let location = reply.headers["location"].to_str().unwrap().trim_start_matches("http://localhost").to_owned();
        assert!(location.starts_with(&page) && location.contains("__err="), "{location}");
        let reply = app.get_with(&location, &[("cookie", &owner)]).await;
        assert!(reply.body.contains("no es un texto JSON válido"), "the page shows the import's problem");
    }
}
