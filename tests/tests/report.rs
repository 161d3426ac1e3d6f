//! The report's server functions on both databases: the numbers are the dashboard's,
//! prioritisation's and roadmap's own, and only the readers of those pages may read them.

use serde_json::Value;

use app::ids::WorkshopId;
use tests::{on_both_databases, TestApp};

async fn team_ids(app: &TestApp, workshop: i64) -> Vec<i64> {
    app::workshop::repo::teams(app.db().pool(), WorkshopId(workshop))
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id.0)
        .collect()
}

/// A server function's JSON, asserting it answered 200.
async fn read(app: &TestApp, cookie: &str, endpoint: &str, pairs: &[(&str, &str)]) -> Value {
    let reply = app.call_as(cookie, endpoint, pairs).await;
    assert_eq!(reply.status, 200, "{endpoint}: {reply:?}");
    reply.json()
}

on_both_databases! {
    async fn the_staff_report_holds_the_dashboards_actions_and_roadmaps_numbers(app: TestApp) {
        let (workshop, owner) = app.demo_facilitator().await;
        let w = workshop.to_string();
        let pairs = [("workshop", w.as_str())];
        let report = read(&app, &owner, "staff_report", &pairs).await;
        let dashboard = read(&app, &owner, "dashboard", &pairs).await;
        let actions = read(&app, &owner, "workshop_actions", &pairs).await;
        let roadmaps = read(&app, &owner, "workshop_roadmaps", &pairs).await;

        assert_eq!(report["workshop"], dashboard, "the workshop part is the dashboard");
        assert_eq!(report["header"]["workshop"], dashboard["workshop"]);
        let teams = report["teams"].as_array().unwrap();
        assert_eq!(teams.len(), team_ids(&app, workshop).await.len());
        assert!(teams.len() >= 2);
        for (i, team) in teams.iter().enumerate() {
            let status = &dashboard["teams"][i];
            assert_eq!(team["name"], status["name"]);
            let pillars = team["results"]["pillars"].as_array().unwrap();
            for (p, pillar) in pillars.iter().enumerate() {
                assert_eq!(pillar["team"], status["averages"][p], "{} pillar {p}", team["name"]);
                assert_eq!(pillar["workshop"], dashboard["workshop_averages"][p]);
            }
            let indicators = team["results"]["indicators"].as_array().unwrap();
            for (k, indicator) in indicators.iter().enumerate() {
                assert_eq!(indicator["code"], dashboard["indicators"][k]["code"]);
                assert_eq!(indicator["level"], status["consensus"][k], "{} {}", team["name"], indicator["code"]);
            }
            let section = actions["teams"].as_array().unwrap().iter().find(|t| t["team"] == team["team"]).unwrap();
            assert_eq!(team["actions"], section["actions"], "{}", team["name"]);
            let roadmap = roadmaps["roadmaps"].as_array().unwrap().iter().find(|r| r["team"] == team["team"]).unwrap();
            assert_eq!(&team["roadmap"], roadmap, "{}", team["name"]);
        }

        // One team: that team only, without the workshop's dashboard.
        let team = teams[1]["team"].as_i64().unwrap().to_string();
        let one = read(&app, &owner, "staff_report", &[("workshop", &w), ("team", &team)]).await;
        assert_eq!(one["workshop"], Value::Null);
        assert_eq!(one["teams"].as_array().unwrap().len(), 1);
        assert_eq!(one["teams"][0], teams[1]);
    }

    async fn only_the_workshops_facilitators_read_the_staff_report(app: TestApp) {
        let (workshop, owner) = app.demo_facilitator().await;
        let w = workshop.to_string();
        let stranger = app.facilitator("otra@rumbo.example").await;
        let teams = team_ids(&app, workshop).await;
        let participant = app.join(app::demo::DEMO_JOIN_CODE, "Zoila Testigo", teams[0]).await;
        let pairs = [("workshop", w.as_str())];
        assert_eq!(app.call_as(&stranger, "staff_report", &pairs).await.status, 403, "another facilitator");
        assert_eq!(app.call_as(&participant, "staff_report", &pairs).await.status, 401, "a participant");
        assert_eq!(app.call_as(&owner, "staff_report", &[("workshop", "999999")]).await.status, 404);
        assert_eq!(app.call_as(&owner, "staff_report", &[("workshop", &w), ("team", "999999")]).await.status, 404, "a team of no workshop");
        assert_eq!(app.call_as(&owner, "staff_report", &[("workshop", &w), ("team", "x")]).await.status, 400);
        assert_eq!(app.call_as(&owner, "staff_report", &[("workshop", "x")]).await.status, 400);
    }

    async fn a_participant_reads_their_own_team_only(app: TestApp) {
        let (workshop, owner) = app.demo_facilitator().await;
        let w = workshop.to_string();
        let teams = team_ids(&app, workshop).await;
        let participant = app.join(app::demo::DEMO_JOIN_CODE, "Zoila Testigo", teams[1]).await;
        let pairs = [("workshop", w.as_str())];
        let reply = app.call_as(&participant, "participant_report", &pairs).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let report = reply.json();
        assert_eq!(report["team"]["team"], teams[1]);
        assert_eq!(report["team"]["results"]["with_workshop"], false);
        let staff = read(&app, &owner, "staff_report", &pairs).await;
        let mine = &staff["teams"][1];
        assert_eq!(report["team"]["actions"], mine["actions"]);
        assert_eq!(report["team"]["roadmap"], mine["roadmap"]);
        for (p, pillar) in report["team"]["results"]["pillars"].as_array().unwrap().iter().enumerate() {
            let same = &mine["results"]["pillars"][p]["team"];
            match (pillar["team"].as_f64(), same.as_f64()) {
                // The team page keeps full precision; the dashboard rounds to one decimal.
                (Some(a), Some(b)) => assert!((a - b).abs() <= 0.05, "{a} vs {b}"),
                (a, b) => assert_eq!(a, b),
            }
        }
        // No name of anyone, and nothing of the other teams.
        let text = reply.body.clone();
        assert!(!text.contains("Zoila Testigo"), "a name in the report");
        assert!(!text.contains("\"workshop_averages\""));
        // A facilitator is no participant, and a stranger to the workshop gets nothing.
        assert_eq!(app.call_as(&owner, "participant_report", &pairs).await.status, 401);
        let other = app.join(app::demo::DEMO_JOIN_CODE, "Otro", teams[0]).await;
        assert_eq!(app.call_as(&other, "participant_report", &[("workshop", "999999")]).await.status, 403);
    }
}
