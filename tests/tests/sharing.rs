//! Sharing, in-process, on SQLite and PostgreSQL: observer links (made, opened, revoked,
//! expired, refused), who may manage them, the publish switch, and the public JSON and CSV
//! read back and compared number by number with the anonymised aggregates.

use serde_json::Value;
use tests::{on_both_databases, TestApp};

/// The demo workshop (published when loaded) and its owner's cookie.
async fn demo(app: &TestApp) -> (String, String) {
    let (workshop, owner) = app.demo_facilitator().await;
    (workshop.to_string(), owner)
}

async fn team_ids(app: &TestApp, workshop: &str) -> Vec<i64> {
    sqlx::query_scalar::<_, i64>("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY id")
        .bind(workshop.parse::<i64>().unwrap())
        .fetch_all(app.db().pool())
        .await
        .unwrap()
}

async fn count_links(app: &TestApp) -> i64 {
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM share_links")
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

async fn published_at(app: &TestApp, workshop: &str) -> Option<i64> {
    sqlx::query_scalar::<_, Option<i64>>("SELECT published_at FROM workshops WHERE id = $1")
        .bind(workshop.parse::<i64>().unwrap())
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

/// Makes a link; returns its id and path.
async fn make_link(app: &TestApp, owner: &str, workshop: &str, team: &str) -> (i64, String) {
    let reply = app
        .call_as(
            owner,
            "create_share_link",
            &[
                ("workshop", workshop),
                ("team", team),
                ("label", "Despacho del prefecto"),
                ("expires_on", ""),
            ],
        )
        .await;
    assert!(reply.status.is_success(), "{reply:?}");
    let json = reply.json();
    let path = json["path"].as_str().unwrap().to_owned();
    assert!(path.starts_with("/observe/") && path.len() == "/observe/".len() + 64);
    (json["id"].as_i64().unwrap(), path)
}

fn token_of(path: &str) -> &str {
    path.trim_start_matches("/observe/")
}

/// Reads a CSV body (with its byte-order mark) into a header and rows.
fn read_csv(body: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = body
        .strip_prefix('\u{feff}')
        .expect("CSV starts with a BOM");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn number(cell: &str) -> Option<f64> {
    (!cell.is_empty()).then(|| cell.parse().unwrap())
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

fn floats(value: &Value) -> Vec<Option<f64>> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(Value::as_f64)
        .collect()
}

on_both_databases! {
    async fn observer_links_open_until_revoked_or_expired(app: TestApp) {
        let (w, owner) = demo(&app).await;
        let (link, path) = make_link(&app, &owner, &w, "").await;

        let page = app.get_with(&path, &[("accept-language", "en")]).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("shr-pillars"), "the aggregates are shown");
        let observed = app.call("observe", &tests::form(&[("token", token_of(&path))])).await.json();
        assert_eq!(observed["kind"], "shown");
        assert_eq!(observed["data"]["teams"].as_array().unwrap().len(), 8);
        assert!(observed["team"].is_null());

        // The list shows the link without its secret.
        let settings = app.call_as(&owner, "sharing_settings", &[("workshop", &w)]).await;
        assert!(!settings.body.contains(token_of(&path)));
        assert_eq!(settings.json()["links"][0]["state"], "active");

        let revoked = app
            .call_as(&owner, "revoke_share_link", &[("workshop", &w), ("link", &link.to_string())])
            .await;
        assert!(revoked.status.is_success(), "{revoked:?}");
        let gone = app.get_with(&path, &[("accept-language", "en")]).await;
        assert_eq!(gone.status, 410);
        assert!(gone.body.contains("This link no longer works"));
        assert!(!gone.body.contains("shr-pillars"), "nothing else is shown");
        let gone_es = app.get_with(&path, &[("accept-language", "es")]).await;
        assert!(gone_es.body.contains("Este enlace ya no funciona"));
        let observed = app.call("observe", &tests::form(&[("token", token_of(&path))])).await.json();
        assert_eq!(observed, serde_json::json!({"kind": "gone", "state": "revoked"}));
        let settings = app.call_as(&owner, "sharing_settings", &[("workshop", &w)]).await.json();
        assert_eq!(settings["links"][0]["state"], "revoked");

        // Expired: its last day has passed.
        let (expiring, path) = make_link(&app, &owner, &w, "").await;
        sqlx::query("UPDATE share_links SET expires_at = $1 WHERE id = $2")
            .bind(app::db::now() - 1)
            .bind(expiring)
            .execute(app.db().pool())
            .await
            .unwrap();
        let gone = app.get_with(&path, &[("accept-language", "en")]).await;
        assert_eq!(gone.status, 410);
        assert!(gone.body.contains("expired"));

        // Unknown or malformed secrets.
        let unknown = app.get(&format!("/observe/{}", "0".repeat(64))).await;
        assert_eq!(unknown.status, 404);
        assert_eq!(app.get("/observe/not-a-token").await.status, 404);
        let unknown = app.call("observe", &tests::form(&[("token", "zz")])).await;
        assert_eq!(unknown.status, 404);
    }

    async fn a_team_link_shows_that_team_only(app: TestApp) {
        let (w, owner) = demo(&app).await;
        let team = team_ids(&app, &w).await[2];
        let (_, path) = make_link(&app, &owner, &w, &team.to_string()).await;
        let observed = app.call("observe", &tests::form(&[("token", token_of(&path))])).await.json();
        let name: String = sqlx::query_scalar("SELECT name FROM teams WHERE id = $1")
            .bind(team)
            .fetch_one(app.db().pool())
            .await
            .unwrap();
        assert_eq!(observed["team"], name.as_str());
        let teams = observed["data"]["teams"].as_array().unwrap();
        assert_eq!(teams.len(), 1);
        assert_eq!(teams[0]["name"], name.as_str());
        assert!(observed["data"]["distribution"].as_array().unwrap().is_empty());
        let page = app.get(&path).await;
        assert_eq!(page.status, 200);
    }

    async fn bad_link_input_is_refused_and_changes_nothing(app: TestApp) {
        let (w, owner) = demo(&app).await;
        let before = count_links(&app).await;
        let long = "x".repeat(121);
        let cases: [(&str, &str, &str, &str); 5] = [
            ("", "", "2000-01-01", "expires_on"),
            ("", "", "mañana", "expires_on"),
            ("", &long, "", "label"),
            ("abc", "", "", "team"),
            ("999999", "", "", "team"),
        ];
        for (team, label, expires, field) in cases {
            let reply = app
                .call_as(
                    &owner,
                    "create_share_link",
                    &[("workshop", &w), ("team", team), ("label", label), ("expires_on", expires)],
                )
                .await;
            assert_eq!(reply.status, 422, "{team} {expires}: {reply:?}");
            assert!(reply.json()["fields"][field].is_array(), "{reply:?}");
        }
        // A revocation of a link that is not this workshop's.
        let reply = app
            .call_as(&owner, "revoke_share_link", &[("workshop", &w), ("link", "424242")])
            .await;
        assert_eq!(reply.status, 404);
        assert_eq!(count_links(&app).await, before);
    }

    async fn only_the_workshops_facilitators_share(app: TestApp) {
        let (w, owner) = demo(&app).await;
        let (link, _) = make_link(&app, &owner, &w, "").await;
        let before = count_links(&app).await;
        let published = published_at(&app, &w).await;
        let team = team_ids(&app, &w).await[0];
        let participant = app.join("DEMO-2026", "Rosa", team).await;
        let stranger = app.facilitator("otra@prefectura.gob.ec").await;
        let link = link.to_string();
        let calls: [(&str, Vec<(&str, &str)>); 5] = [
            ("create_share_link", vec![("workshop", &w), ("team", ""), ("label", ""), ("expires_on", "")]),
            ("revoke_share_link", vec![("workshop", &w), ("link", &link)]),
            ("sharing_settings", vec![("workshop", &w)]),
            ("publish_workshop", vec![("workshop", &w), ("licence", "CC0-1.0")]),
            ("unpublish_workshop", vec![("workshop", &w)]),
        ];
        for (endpoint, pairs) in &calls {
            let reply = app.call_as(&participant, endpoint, pairs).await;
            assert_eq!(reply.status, 401, "participant {endpoint}: {reply:?}");
            let reply = app.call_as(&stranger, endpoint, pairs).await;
            assert_eq!(reply.status, 403, "stranger {endpoint}: {reply:?}");
            let reply = app.call_as("", endpoint, pairs).await;
            assert_eq!(reply.status, 401, "anonymous {endpoint}: {reply:?}");
        }
        assert_eq!(count_links(&app).await, before);
        assert_eq!(published_at(&app, &w).await, published);
        let settings = app.call_as(&owner, "sharing_settings", &[("workshop", &w)]).await.json();
        assert_eq!(settings["links"][0]["state"], "active");
        assert_eq!(settings["licence"], "CC-BY-4.0");
    }

    async fn publish_and_unpublish(app: TestApp) {
        let (w, owner) = demo(&app).await;
        let data = format!("/open/workshops/{w}/data.json");
        assert!(published_at(&app, &w).await.is_some(), "the demo is published");
        let list = app.call("published_workshops", "").await.json();
        assert_eq!(list[0]["id"].as_i64().unwrap().to_string(), w);
        assert_eq!(app.get(&format!("/open/workshops/{w}")).await.status, 200);
        assert_eq!(app.get("/open").await.status, 200);

        let reply = app.call_as(&owner, "unpublish_workshop", &[("workshop", &w)]).await;
        assert!(reply.status.is_success(), "{reply:?}");
        assert_eq!(published_at(&app, &w).await, None);
        for path in [data.clone(), format!("/open/workshops/{w}/pillars.csv"), format!("/open/workshops/{w}")] {
            assert_eq!(app.get(&path).await.status, 404, "{path}");
        }
        let missing = app.get_with(&data, &[("accept-language", "en")]).await;
        assert!(missing.body.contains("not"), "{}", missing.body);
        assert!(app.call("published_workshops", "").await.json().as_array().unwrap().is_empty());
        let public = app.call("public_workshop", &tests::form(&[("workshop", &w)])).await;
        assert_eq!(public.status, 404);

        let bad = app.call_as(&owner, "publish_workshop", &[("workshop", &w), ("licence", "GPL-3.0")]).await;
        assert_eq!(bad.status, 422);
        assert_eq!(published_at(&app, &w).await, None);
        let reply = app.call_as(&owner, "publish_workshop", &[("workshop", &w), ("licence", "CC0-1.0")]).await;
        assert!(reply.status.is_success(), "{reply:?}");
        let at = published_at(&app, &w).await.expect("published");
        // Changing the licence keeps the publication date.
        app.call_as(&owner, "publish_workshop", &[("workshop", &w), ("licence", "ODbL-1.0")]).await;
        assert_eq!(published_at(&app, &w).await, Some(at));

        let reply = app.get_with(&data, &[("host", "rumbo.example.org"), ("x-forwarded-proto", "https")]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert!(reply.headers["link"].to_str().unwrap().contains("rel=\"license\""));
        let json = reply.json();
        assert_eq!(json["schema"], "rumbo-open-data/1");
        let meta = &json["metadata"];
        assert_eq!(meta["licence"]["id"], "ODbL-1.0");
        assert_eq!(meta["publisher"], "Facilitadora demo");
        assert_eq!(meta["source"], format!("https://rumbo.example.org/open/workshops/{w}"));
        assert!(meta["generated_at"].as_str().unwrap().starts_with("20"));
        assert!(meta["rumbo_version"].is_string());
        assert_eq!(meta["tables"].as_array().unwrap().len(), 6);
        assert!(!reply.body.contains('@'), "no e-mail address is published");

        assert_eq!(app.get(&format!("/open/workshops/{w}/answers.csv")).await.status, 404);
        assert_eq!(app.get(&format!("/open/workshops/{w}/pillars.csv?lang=fr")).await.status, 400);
        assert_eq!(app.get("/open/workshops/x/data.json").await.status, 404);
    }

    async fn public_numbers_equal_the_anonymised_aggregates(app: TestApp) {
        let (w, owner) = demo(&app).await;
        let id: i64 = w.parse().unwrap();
        // Some demo teams (3 to 6 respondents) fall below a threshold of 5.
        sqlx::query("UPDATE workshops SET anonymity_threshold = 5, share_results = 'teams' WHERE id = $1")
            .bind(id)
            .execute(app.db().pool())
            .await
            .unwrap();
        let teams = team_ids(&app, &w).await;
        let participant = app.join("DEMO-2026", "Observadora", teams[0]).await;
        let shared = app.call_as(&participant, "shared_results", &[("workshop", &w)]).await.json();
        let dashboard = app.call_as(&owner, "dashboard", &[("workshop", &w)]).await.json();
        let json = app.get(&format!("/open/workshops/{w}/data.json?lang=en")).await.json();
        let data = &json["data"];
        assert_eq!(json["metadata"]["anonymity_threshold"], 5);

        // The workshop's averages: over the teams shown, as participants are shown them.
        assert_eq!(floats(&data["workshop_averages"]), floats(&shared["workshop"]));
        let hidden: Vec<&str> = shared["hidden"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert!(!hidden.is_empty(), "the test needs a hidden team");
        let public_teams = data["teams"].as_array().unwrap();
        let board_teams = dashboard["teams"].as_array().unwrap();
        assert_eq!(public_teams.len(), board_teams.len());
        let mut shown = Vec::new();
        for (public, board) in public_teams.iter().zip(board_teams) {
            let name = public["name"].as_str().unwrap();
            assert_eq!(name, board["name"].as_str().unwrap());
            let respondents = board["respondents"].as_u64().unwrap();
            if respondents >= 5 {
                assert_eq!(public["shown"], true, "{name}");
                assert_eq!(public["respondents"].as_u64(), Some(respondents));
                assert_eq!(floats(&public["averages"]), floats(&board["averages"]), "{name}");
                assert_eq!(floats(&public["consensus"]), floats(&board["consensus"]), "{name}");
                if let Some(other) = shared["others"].as_array().unwrap().iter().find(|o| o["name"] == name) {
                    assert_eq!(floats(&public["averages"]), floats(&other["averages"]));
                }
                shown.push(name.to_owned());
            } else {
                assert_eq!(public["shown"], false, "{name}");
                assert!(public["respondents"].is_null() && public["roadmap"].is_null());
                assert!(public["averages"].as_array().unwrap().is_empty());
                assert!(public["consensus"].as_array().unwrap().is_empty());
                assert!(hidden.contains(&name) || board["name"] == shared["my_team"]);
            }
        }

        assert!(!shown.is_empty(), "the test needs a shown team");

        // The distribution: every answer of the shown teams' members, counted here in SQL.
        let indicators = data["indicators"].as_array().unwrap();
        for (i, indicator) in indicators.iter().enumerate() {
            let counted: Vec<(String, Option<i64>)> = sqlx::query_as(
                "SELECT t.name, a.level FROM answers a
                 JOIN participants p ON p.id = a.participant_id
                 JOIN teams t ON t.id = p.team_id
                 JOIN indicators n ON n.id = a.indicator_id
                 WHERE p.workshop_id = $1 AND n.code = $2",
            )
            .bind(id)
            .bind(indicator["code"].as_str().unwrap())
            .fetch_all(app.db().pool())
            .await
            .unwrap();
            let mut levels = [0_u64; 5];
            for (_, level) in counted.iter().filter(|(t, _)| shown.contains(t)) {
                if let Some(l) = level {
                    levels[usize::try_from(*l).unwrap() - 1] += 1;
                }
            }
            let public: Vec<u64> = data["distribution"][i]["levels"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
            assert_eq!(public, levels.to_vec(), "{}", indicator["code"]);
        }

        // The CSV files hold the same numbers, and nothing of the hidden teams.
        let csv = |table: &str| {
            let path = format!("/open/workshops/{w}/{table}.csv?lang=en");
            let app = &app;
            async move {
                let reply = app.get(&path).await;
                assert_eq!(reply.status, 200, "{path}");
                assert!(reply.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
                read_csv(&reply.body)
            }
        };
        let (header, rows) = csv("pillars").await;
        assert_eq!(header, ["scope", "team", "pillar_code", "pillar", "average"]);
        let pillars = data["pillars"].as_array().unwrap();
        assert_eq!(rows.len(), (shown.len() + 1) * pillars.len());
        for row in &rows {
            let p = pillars.iter().position(|p| p["code"] == row[2].as_str()).unwrap();
            let expected = if row[0] == "workshop" {
                data["workshop_averages"][p].as_f64()
            } else {
                let team = public_teams.iter().find(|t| t["name"] == row[1].as_str()).unwrap();
                assert_eq!(team["shown"], true);
                team["averages"][p].as_f64()
            };
            assert!(close(number(&row[4]), expected), "{row:?}");
        }
        let (_, rows) = csv("consensus").await;
        assert_eq!(rows.len(), shown.len() * indicators.len());
        for row in &rows {
            let team = public_teams.iter().find(|t| t["name"] == row[0].as_str()).unwrap();
            let i = indicators.iter().position(|n| n["code"] == row[2].as_str()).unwrap();
            assert!(close(number(&row[4]), team["consensus"][i].as_f64()), "{row:?}");
        }
        let (_, rows) = csv("distribution").await;
        for (row, d) in rows.iter().zip(data["distribution"].as_array().unwrap()) {
            let cells: Vec<u64> = row[2..7].iter().map(|c| c.parse().unwrap()).collect();
            let levels: Vec<u64> = d["levels"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
            assert_eq!(cells, levels);
            assert_eq!(row[7].parse::<u64>().unwrap(), d["not_applicable"].as_u64().unwrap());
        }
        let (_, rows) = csv("teams").await;
        for row in &rows {
            assert_eq!(row[1] == "true", shown.contains(&row[0]));
            assert_eq!(row[2].is_empty(), !shown.contains(&row[0]));
        }
        let staff = app.call_as(&owner, "workshop_roadmaps", &[("workshop", &w)]).await.json();
        let expected: usize = staff["roadmaps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| shown.iter().any(|s| r["team_name"] == s.as_str()))
            .map(|r| r["items"].as_array().unwrap().len())
            .sum();
        let (_, rows) = csv("roadmap").await;
        assert_eq!(rows.len(), expected);
        assert!(rows.iter().all(|r| shown.contains(&r[0])));
        let (_, rows) = csv("milestones").await;
        assert!(rows.iter().all(|r| shown.contains(&r[0])));

        // The public page names the hidden teams, apart from the numbers.
        let page = app.get(&format!("/open/workshops/{w}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("id=\"shr-hidden\""));
        for name in &hidden {
            assert!(!page.body.contains(&format!("<th scope=\"row\">{name}</th>")), "{name}");
        }

        // Never an individual answer or a participant's name.
        let names: Vec<String> = sqlx::query_scalar("SELECT display_name FROM participants WHERE workshop_id = $1")
            .bind(id)
            .fetch_all(app.db().pool())
            .await
            .unwrap();
        let body = app.get(&format!("/open/workshops/{w}/data.json")).await.body;
        for name in names {
            assert!(!body.contains(&name), "{name} is published");
        }
    }
}
