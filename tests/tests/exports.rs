//! Exports, in-process, on SQLite and PostgreSQL: every format read back with independent
//! readers (`csv`, `calamine`, `serde_json`) and every number compared with what the
//! dashboard, the prioritisation page and the roadmap page send; who may download what; and
//! bad query values.

use std::collections::HashMap;
use std::io::Cursor;

use axum::body::Body;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use tests::{on_both_databases, TestApp};

/// A response with its body as bytes (the shared helper reads bodies as text, which would
/// mangle a workbook).
struct File {
    status: StatusCode,
    headers: http::HeaderMap,
    bytes: Vec<u8>,
}

impl File {
    fn text(&self) -> String {
        String::from_utf8(self.bytes.clone()).expect("UTF-8")
    }
}

async fn fetch(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> File {
    let options = server::leptos_options(([127, 0, 0, 1], 3000).into(), "target/site");
    let router = server::router(app.db().clone(), options);
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = router
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("infallible router");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    File {
        status,
        headers,
        bytes,
    }
}

/// The demo workshop (eight teams with answers, actions and generated roadmaps), its
/// facilitator's cookie, and its teams' ids in display order.
async fn demo(app: &TestApp) -> (i64, String, Vec<i64>) {
    let (workshop, cookie) = app.demo_facilitator().await;
    let teams: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY position, id")
            .bind(workshop)
            .fetch_all(app.db().pool())
            .await
            .unwrap();
    (workshop, cookie, teams)
}

async fn server_fn(app: &TestApp, cookie: &str, endpoint: &str, workshop: i64) -> Value {
    let reply = app
        .call_as(cookie, endpoint, &[("workshop", &workshop.to_string())])
        .await;
    assert_eq!(reply.status, 200, "{endpoint}: {reply:?}");
    reply.json()
}

/// Reads a CSV export: checks the BOM, returns the header and the rows.
fn read_csv(file: &File) -> (Vec<String>, Vec<Vec<String>>) {
    assert_eq!(file.status, 200, "{}", String::from_utf8_lossy(&file.bytes));
    assert_eq!(&file.bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM first");
    let mut reader = csv::Reader::from_reader(&file.bytes[3..]);
    let headers = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

fn num(text: &str) -> Option<f64> {
    (!text.is_empty()).then(|| text.parse().expect("a number"))
}

fn median(levels: &mut [f64]) -> Option<f64> {
    levels.sort_by(f64::total_cmp);
    let n = levels.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(levels[n / 2]),
        _ => Some((levels[n / 2 - 1] + levels[n / 2]) / 2.0),
    }
}

/// Days since 1899-12-30 (spreadsheets' date numbers) of an ISO date.
fn serial(iso: &str) -> f64 {
    let parts: Vec<i64> = iso.split('-').map(|p| p.parse().unwrap()).collect();
    let (y, m, d) = (parts[0], parts[1], parts[2]);
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days_since_1970 = era * 146_097 + doe - 719_468;
    (days_since_1970 + 25_569) as f64
}

fn as_f64(v: &Value) -> Option<f64> {
    v.as_f64()
}

on_both_databases! {
    async fn consensus_and_answers_csv_match_the_dashboard(app: TestApp) {
        let (w, staff, _) = demo(&app).await;
        let dashboard = server_fn(&app, &staff, "dashboard", w).await;
        let indicators: Vec<String> = dashboard["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["code"].as_str().unwrap().to_owned())
            .collect();

        let file = fetch(&app, &format!("/facilitate/workshops/{w}/export.csv?lang=en&table=consensus"), &[("cookie", &staff)]).await;
        assert!(file.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
        assert!(file.headers["content-disposition"].to_str().unwrap().contains(".csv"));
        let (headers, rows) = read_csv(&file);
        assert_eq!(&headers[..5], ["Team", "Pillar", "Indicator", "Indicator name", "Consensus"]);
        let teams = dashboard["teams"].as_array().unwrap();
        assert_eq!(rows.len(), teams.len() * indicators.len(), "one row per team and indicator");
        let mut medians: HashMap<(String, String), Option<f64>> = HashMap::new();
        for row in &rows {
            assert_eq!(row.len(), headers.len());
            let team = teams.iter().find(|t| t["name"] == row[0].as_str()).expect("a dashboard team");
            let i = indicators.iter().position(|c| *c == row[2]).expect("an indicator");
            assert_eq!(num(&row[4]), as_f64(&team["consensus"][i]), "{} {}", row[0], row[2]);
            medians.insert((row[0].clone(), row[2].clone()), num(&row[5]));
        }

        // The answers table, read independently, gives the same medians.
        let file = fetch(&app, &format!("/facilitate/workshops/{w}/export.csv?lang=en&table=answers"), &[("cookie", &staff)]).await;
        let (headers, rows) = read_csv(&file);
        assert_eq!(headers, ["Team", "Respondent", "Pillar", "Indicator", "Indicator name", "Response", "Level", "Target", "Mark"]);
        let answers: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM answers a JOIN participants p ON p.id = a.participant_id WHERE p.workshop_id = $1",
        ).bind(w).fetch_one(app.db().pool()).await.unwrap();
        assert_eq!(rows.len() as i64, answers);
        let names: Vec<String> = sqlx::query_scalar("SELECT display_name FROM participants WHERE workshop_id = $1")
            .bind(w).fetch_all(app.db().pool()).await.unwrap();
        let mut levels: HashMap<(String, String), Vec<f64>> = HashMap::new();
        for row in &rows {
            assert!(row.iter().all(|cell| !names.contains(cell)), "no participant's name: {row:?}");
            assert!(row[1].parse::<u32>().unwrap() >= 1);
            let entry = levels.entry((row[0].clone(), row[3].clone())).or_default();
            if let Some(level) = num(&row[6]) {
                entry.push(level);
            }
        }
        for (key, median_column) in &medians {
            let mut given = levels.get(key).cloned().unwrap_or_default();
            assert_eq!(median(&mut given), *median_column, "{key:?}");
        }
        // Respondents' completion per team equals the dashboard's respondents.
        for team in teams {
            let mut people: Vec<&str> = rows.iter().filter(|r| r[0] == team["name"].as_str().unwrap()).map(|r| r[1].as_str()).collect();
            people.sort_unstable();
            people.dedup();
            assert_eq!(people.len() as u64, team["respondents"].as_u64().unwrap());
        }
    }

    async fn workbook_matches_dashboard_actions_and_roadmaps(app: TestApp) {
        let (w, staff, _) = demo(&app).await;
        let dashboard = server_fn(&app, &staff, "dashboard", w).await;
        let actions = server_fn(&app, &staff, "workshop_actions", w).await;
        let roadmaps = server_fn(&app, &staff, "workshop_roadmaps", w).await;

        let file = fetch(&app, &format!("/facilitate/workshops/{w}/export.xlsx?lang=en"), &[("cookie", &staff)]).await;
        assert_eq!(file.status, 200);
        assert_eq!(&file.bytes[..2], b"PK");
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(file.bytes)).expect("a workbook");
        assert_eq!(book.sheet_names(), ["Readme", "Answers", "Consensus", "Actions", "Roadmap", "Needs"]);

        let indicators: Vec<&str> = dashboard["indicators"].as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap()).collect();
        let consensus = book.worksheet_range("Consensus").unwrap();
        let mut rows = consensus.rows();
        assert_eq!(rows.next().unwrap()[4], Data::String("Consensus".into()));
        let mut seen = 0;
        for row in rows {
            let team = dashboard["teams"].as_array().unwrap().iter().find(|t| Data::String(t["name"].as_str().unwrap().into()) == row[0]).unwrap();
            let Data::String(code) = &row[2] else { panic!("indicator code") };
            let i = indicators.iter().position(|c| c == code).unwrap();
            let expected = as_f64(&team["consensus"][i]);
            match &row[4] {
                Data::Float(x) => assert_eq!(Some(*x), expected, "{code}"),
                Data::Empty => assert_eq!(expected, None),
                other => panic!("consensus must be a number: {other:?}"),
            }
            seen += 1;
        }
        assert_eq!(seen, dashboard["teams"].as_array().unwrap().len() * indicators.len());

        // Actions: every team's, in the page's order, with its score and dots as numbers.
        let sheet = book.worksheet_range("Actions").unwrap();
        let rows: Vec<&[Data]> = sheet.rows().skip(1).collect();
        let expected: Vec<(String, String, f64, f64)> = actions["teams"].as_array().unwrap().iter().flat_map(|t| {
            t["actions"].as_array().unwrap().iter().map(move |a| (
                t["name"].as_str().unwrap().to_owned(),
                a["title"].as_str().unwrap().to_owned(),
                a["score"]["total"].as_f64().unwrap(),
                a["dots"].as_f64().unwrap(),
            ))
        }).collect();
        assert!(!expected.is_empty(), "the demo has actions");
        assert_eq!(rows.len(), expected.len());
        for (row, (team, title, score, dots)) in rows.iter().zip(&expected) {
            assert_eq!(row[0], Data::String(team.clone()));
            assert_eq!(row[2], Data::String(title.clone()));
            assert_eq!(row[9], Data::Float(*dots), "{title} dots");
            assert_eq!(row[10], Data::Float(*score), "{title} score");
        }

        // Roadmap: dates are dates, progress a number, in the page's order.
        let sheet = book.worksheet_range("Roadmap").unwrap();
        let rows: Vec<&[Data]> = sheet.rows().skip(1).collect();
        let items: Vec<(String, Value)> = roadmaps["roadmaps"].as_array().unwrap().iter().flat_map(|r| {
            r["items"].as_array().unwrap().iter().map(move |i| (r["team_name"].as_str().unwrap().to_owned(), i.clone()))
        }).collect();
        assert!(!items.is_empty(), "the demo has roadmaps");
        assert_eq!(rows.len(), items.len());
        for (row, (team, item)) in rows.iter().zip(&items) {
            assert_eq!(row[0], Data::String(team.clone()));
            assert_eq!(row[1], Data::String(item["title"].as_str().unwrap().into()));
            for (col, field) in [(3, "starts_on"), (4, "ends_on")] {
                let Data::DateTime(day) = &row[col] else { panic!("{field} must be a date: {:?}", row[col]) };
                assert_eq!(day.as_f64(), serial(item[field].as_str().unwrap()), "{field}");
            }
            assert_eq!(row[7], Data::Float(item["progress"].as_f64().unwrap()));
        }
    }

    async fn json_and_markdown_match_the_pages(app: TestApp) {
        let (w, staff, teams) = demo(&app).await;
        let dashboard = server_fn(&app, &staff, "dashboard", w).await;
        let roadmaps = server_fn(&app, &staff, "workshop_roadmaps", w).await;
        let file = fetch(&app, &format!("/facilitate/workshops/{w}/export.json?lang=es"), &[("cookie", &staff)]).await;
        assert_eq!(file.status, 200);
        let data: Value = serde_json::from_slice(&file.bytes).unwrap();
        assert_eq!(data["schema"], "rumbo-export/1");
        assert_eq!(data["scope"], "workshop");
        assert_eq!(data["lang"], "es");
        let averages: Vec<Value> = data["workshop_averages"].as_array().unwrap().iter().map(|p| p["value"].clone()).collect();
        assert_eq!(&averages, dashboard["workshop_averages"].as_array().unwrap());
        let exported = data["teams"].as_array().unwrap();
        assert_eq!(exported.len(), teams.len());
        for (team, shown) in exported.iter().zip(dashboard["teams"].as_array().unwrap()) {
            assert_eq!(team["name"], shown["name"]);
            for field in ["members", "respondents", "finished", "completion"] {
                assert_eq!(team[field], shown[field], "{field}");
            }
            let mine: Vec<Value> = team["pillar_averages"].as_array().unwrap().iter().map(|p| p["value"].clone()).collect();
            assert_eq!(&mine, shown["averages"].as_array().unwrap());
            let consensus: Vec<Value> = team["consensus"].as_array().unwrap().iter().map(|c| c["consensus"].clone()).collect();
            assert_eq!(&consensus, shown["consensus"].as_array().unwrap());
        }
        for (team, roadmap) in exported.iter().zip(roadmaps["roadmaps"].as_array().unwrap()) {
            let items = roadmap["items"].as_array().unwrap();
            assert_eq!(team["roadmap"].as_array().unwrap().len(), items.len());
            for (mine, shown) in team["roadmap"].as_array().unwrap().iter().zip(items) {
                for field in ["title", "owner", "starts_on", "ends_on", "progress", "status", "horizon", "indicators"] {
                    assert_eq!(mine[field], shown[field], "{field}");
                }
                let c = &mine["commitment"];
                assert_eq!(c["lead_unit"], shown["owner"]);
                assert_eq!(c["milestones"].as_array().unwrap().len(), shown["milestones"].as_array().unwrap().len());
                assert!(!c["ogp_values"].as_array().unwrap().is_empty() || shown["indicators"].as_array().unwrap().is_empty());
            }
        }

        // The report's commitments: every team for the facilitator, the same as the JSON's.
        let reply = app.call_as(&staff, "export_commitments", &[("workshop", &w.to_string())]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let all = reply.json();
        assert_eq!(all.as_array().unwrap().len(), teams.len());
        let stranger = app.facilitator("otra@prefectura.gob.ec").await;
        let reply = app.call_as(&stranger, "export_commitments", &[("workshop", &w.to_string())]).await;
        assert_eq!(reply.status, 403, "{reply:?}");

        let file = fetch(&app, &format!("/facilitate/workshops/{w}/export.md?lang=en&team={}", teams[0]), &[("cookie", &staff)]).await;
        assert_eq!(file.status, 200);
        let md = file.text();
        let first = &dashboard["teams"][0]["name"];
        assert!(md.contains(&format!("## {}", first.as_str().unwrap())));
        assert!(!md.contains(&format!("## {}", dashboard["teams"][1]["name"].as_str().unwrap())), "one team only");
        for part in ["Public problem and baseline", "Relevance to OGP values", "Lead unit", "Milestones"] {
            assert!(md.contains(part), "{part}");
        }
    }

    async fn a_participant_exports_their_own_team_only(app: TestApp) {
        let (w, _staff, teams) = demo(&app).await;
        let me = app.join(app::demo::DEMO_JOIN_CODE, "Exportadora", teams[1]).await;
        let file = fetch(&app, &format!("/workshops/{w}/export.json?lang=en"), &[("cookie", &me)]).await;
        assert_eq!(file.status, 200, "{}", file.text());
        let data: Value = serde_json::from_slice(&file.bytes).unwrap();
        assert_eq!(data["scope"], "team");
        assert!(data["workshop_averages"].is_null());
        let exported = data["teams"].as_array().unwrap();
        assert_eq!(exported.len(), 1);
        let team_name: String = sqlx::query_scalar("SELECT name FROM teams WHERE id = $1").bind(teams[1]).fetch_one(app.db().pool()).await.unwrap();
        assert_eq!(exported[0]["name"], team_name.as_str());
        let threshold = data["workshop"]["anonymity_threshold"].as_u64().unwrap();
        let withheld = exported[0]["respondents"].as_u64().unwrap() < threshold;
        assert_eq!(exported[0]["answers_withheld"], withheld);
        assert_eq!(exported[0]["answers"].as_array().unwrap().is_empty(), withheld || exported[0]["respondents"] == 0);

        // The report's commitments: the participant's team only.
        let reply = app.call_as(&me, "export_commitments", &[("workshop", &w.to_string())]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let mine = reply.json();
        assert_eq!(mine.as_array().unwrap().len(), 1);
        assert_eq!(mine[0]["team"], team_name.as_str());
        assert_eq!(mine[0]["commitments"].as_array().unwrap().len(), exported[0]["roadmap"].as_array().unwrap().len());
        let reply = app.call_as(&me, "export_commitments", &[("workshop", &w.to_string()), ("team", &teams[0].to_string())]).await;
        assert_eq!(reply.status, 404, "{reply:?}");

        // Another team: not found; the facilitator's URL: not for participants.
        let other = fetch(&app, &format!("/workshops/{w}/export.csv?team={}", teams[0]), &[("cookie", &me)]).await;
        assert_eq!(other.status, 404);
        let staff_url = fetch(&app, &format!("/facilitate/workshops/{w}/export.csv"), &[("cookie", &me)]).await;
        assert_eq!(staff_url.status, 401);
        // The team's workbook opens.
        let xlsx = fetch(&app, &format!("/workshops/{w}/export.xlsx?lang=es"), &[("cookie", &me)]).await;
        assert_eq!(xlsx.status, 200);
        let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(xlsx.bytes)).expect("a workbook");
        assert_eq!(book.sheet_names(), ["Léame", "Respuestas", "Consenso", "Acciones", "Hoja de ruta", "Necesidades"]);
    }

    async fn strangers_are_refused_and_nothing_leaks(app: TestApp) {
        let (w, staff, teams) = demo(&app).await;
        let other = app.facilitator("otra@prefectura.gob.ec").await;
        for ext in ["csv", "xlsx", "json", "md"] {
            let anonymous = fetch(&app, &format!("/facilitate/workshops/{w}/export.{ext}"), &[("accept-language", "en")]).await;
            assert_eq!(anonymous.status, 401, "{ext}");
            assert!(anonymous.headers["content-type"].to_str().unwrap().starts_with("text/plain"));
            let stranger = fetch(&app, &format!("/facilitate/workshops/{w}/export.{ext}"), &[("cookie", &other)]).await;
            assert_eq!(stranger.status, 403, "{ext}");
            let participant_url = fetch(&app, &format!("/workshops/{w}/export.{ext}"), &[]).await;
            assert_eq!(participant_url.status, 401, "{ext}");
        }
        // A team of another workshop, through this workshop's URL: not found.
        let reply = app.call_as(&other, "create_workshop", &[
            ("settings[title]", "Otro taller"), ("settings[description]", ""), ("settings[starts_on]", ""),
            ("settings[ends_on]", ""), ("settings[languages]", "es"), ("settings[anonymity_threshold]", "3"),
            ("settings[share_results]", "none"),
        ]).await;
        assert!(reply.status.is_redirection() || reply.status.is_success(), "{reply:?}");
        let file = fetch(&app, &format!("/facilitate/workshops/{w}/export.json?team=999999"), &[("cookie", &staff)]).await;
        assert_eq!(file.status, 404);
        let file = fetch(&app, "/facilitate/workshops/999999/export.json", &[("cookie", &staff)]).await;
        assert_eq!(file.status, 404);
        let file = fetch(&app, &format!("/facilitate/workshops/{w}/export.json?team={}", teams[0]), &[("cookie", &other)]).await;
        assert_eq!(file.status, 403);
    }

    async fn the_pages_link_every_download(app: TestApp) {
        let (w, staff, teams) = demo(&app).await;
        let page = app.get_with(&format!("/facilitate/workshops/{w}/export"), &[("cookie", &staff), ("accept-language", "en")]).await;
        assert_eq!(page.status, 200);
        for ext in ["csv", "xlsx", "json", "md"] {
            assert!(page.body.contains(&format!("/facilitate/workshops/{w}/export.{ext}")), "{ext}");
        }
        assert!(page.body.contains(&format!("/facilitate/workshops/{w}/report?team={}", teams[0])));
        assert!(page.body.contains(&format!("<option value=\"{}\"", teams[0])), "team choice");
        assert!(page.body.contains("Whole workshop"));

        let me = app.join(app::demo::DEMO_JOIN_CODE, "Lectora", teams[0]).await;
        let page = app.get_with(&format!("/workshops/{w}/roadmap"), &[("cookie", &me), ("accept-language", "es")]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&format!("/workshops/{w}/export.xlsx")));
        assert!(page.body.contains(&format!("/workshops/{w}/report")));
        assert!(page.body.contains("Descargas de su equipo"));
    }

    async fn bad_query_values_are_named_in_the_readers_language(app: TestApp) {
        let (w, staff, _) = demo(&app).await;
        let cases = [
            ("export.csv?table=people", "Unknown table"),
            ("export.json?lang=fr", "Unknown language"),
            ("export.xlsx?team=abc", "no such team"),
            ("export.md?team=-1", "no such team"),
        ];
        for (path, sentence) in cases {
            let file = fetch(&app, &format!("/facilitate/workshops/{w}/{path}"), &[("cookie", &staff), ("accept-language", "en")]).await;
            assert_eq!(file.status, 422, "{path}");
            assert!(file.text().contains(sentence), "{path}: {}", file.text());
        }
        let file = fetch(&app, &format!("/facilitate/workshops/{w}/export.csv?table=nada"), &[("cookie", &staff), ("accept-language", "es")]).await;
        assert_eq!(file.status, 422);
        assert!(file.text().contains("Tabla desconocida"), "{}", file.text());
        let file = fetch(&app, "/facilitate/workshops/abc/export.csv", &[("cookie", &staff)]).await;
        assert_eq!(file.status, 404);
        // An unknown extension is no export route at all.
        let file = fetch(&app, &format!("/facilitate/workshops/{w}/export.pdf"), &[("cookie", &staff)]).await;
        assert_ne!(file.status, 200);
    }
}

#[test]
fn serial_dates_are_spreadsheet_dates() {
    assert_eq!(serial("1900-03-01"), 61.0);
    assert_eq!(serial("2027-01-04"), 46391.0);
}
