//! From actions to a drawn roadmap in headless Chromium: a team lead proposes two actions, the
//! second depending on the first, votes, generates the roadmap, and sees the Gantt chart drawn
//! with the dependent item starting after the other has ended — in the chart's data and in
//! its table.

use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::Value;
use tests::browser::{click, page_text, type_into, wait_for, Browser, RunningApp, WAIT};

const FIRST: &str = "Portal de datos abiertos del GAD";
const SECOND: &str = "Capacitar a la ciudadanía en el portal";

async fn set_phase(db: &app::db::Db, workshop: i64, phase: &str) {
    sqlx::query("UPDATE workshops SET phase = $1 WHERE id = $2")
        .bind(phase)
        .bind(workshop)
        .execute(db.pool())
        .await
        .unwrap();
}

/// Proposes an action on the actions page: title, unit, the first indicator offered, impact
/// and effort, and optionally a dependency on an action already proposed.
async fn propose(
    client: &Client,
    title: &str,
    unit: &str,
    effort: &str,
    depends_on: Option<i64>,
) -> i64 {
    type_into(client, "#new-title", title).await;
    type_into(client, "#new-unit", unit).await;
    let first_indicator = wait_for(client, "input[name='indicators[]']").await;
    if !first_indicator.is_selected().await.unwrap() {
        first_indicator.click().await.unwrap();
    }
    client
        .execute(
            "const [effort] = arguments;
             document.getElementById('new-impact').value = '4';
             document.getElementById('new-effort').value = effort;",
            vec![effort.into()],
        )
        .await
        .unwrap();
    if let Some(other) = depends_on {
        click(client, &format!("#new-dep-{other}")).await;
    }
    client
        .find(Locator::XPath(
            "//section[contains(@class,'propose')]//button[@type='submit']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The card appears once the list reloads; its id carries the action's id.
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let found = client
            .execute(
                "const [title] = arguments;
                 const card = [...document.querySelectorAll('li.action-card')]
                     .find(c => c.querySelector('h3') && c.querySelector('h3').textContent.includes(title));
                 return card ? Number(card.id.replace('action-', '')) : null;",
                vec![title.into()],
            )
            .await
            .unwrap();
        if let Some(id) = found.as_i64() {
            return id;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{title} was not listed:\n{}",
            page_text(client).await
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// One bar of the Gantt chart as ECharts holds it: (offset, duration) in months.
async fn bar(client: &Client, title: &str) -> (f64, f64) {
    let script = "const [title] = arguments;
        const el = document.getElementById('rm-gantt');
        const chart = el && window.echarts && echarts.getInstanceByDom(el);
        if (!chart) return null;
        const option = chart.getOption();
        const [offsets, durations] = option.series;
        const at = durations.data.findIndex(d => d && d.name && d.name.startsWith(title));
        if (at < 0) return null;
        const value = d => typeof d === 'object' ? Number(d.value) : Number(d);
        return [value(offsets.data[at]), value(durations.data[at])];";
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        match client.execute(script, vec![title.into()]).await.unwrap() {
            Value::Array(pair) => {
                return (pair[0].as_f64().unwrap(), pair[1].as_f64().unwrap());
            }
            other => {
                assert!(
                    tokio::time::Instant::now() < deadline,
                    "no Gantt bar for {title}: {other}\n{}",
                    page_text(client).await
                );
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
        }
    }
}

/// The (start, end) the Gantt chart's table gives an item.
async fn table_dates(client: &Client, title: &str) -> (String, String) {
    let script = "const [title] = arguments;
        const table = [...document.querySelectorAll('#rm-gantt-title ~ details table')][0];
        if (!table) return null;
        const row = [...table.tBodies[0].rows].find(r => r.cells[1].textContent.trim() === title);
        return row ? [row.cells[2].textContent.trim(), row.cells[3].textContent.trim()] : null;";
    match client.execute(script, vec![title.into()]).await.unwrap() {
        Value::Array(pair) => (
            pair[0].as_str().unwrap().to_owned(),
            pair[1].as_str().unwrap().to_owned(),
        ),
        other => panic!("no table row for {title}: {other}"),
    }
}

#[tokio::test]
async fn a_lead_proposes_votes_and_sees_the_dependent_item_drawn_after_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("rumbo.db").display());
    let app = RunningApp::start_on_database(&url).await;
    let db = app::db::Db::connect(&url).await.unwrap();
    let (workshop, _, _) = app::workshop::repo::demo(db.pool())
        .await
        .unwrap()
        .expect("demo workshop");
    let teams = app::workshop::repo::teams(db.pool(), workshop)
        .await
        .unwrap();
    let team = teams.last().expect("a team").id;
    // The demo gives every team actions and a roadmap; this team starts from nothing.
    sqlx::query("DELETE FROM roadmaps WHERE team_id = $1")
        .bind(team.0)
        .execute(db.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM actions WHERE team_id = $1")
        .bind(team.0)
        .execute(db.pool())
        .await
        .unwrap();
    set_phase(&db, workshop.0, "prioritisation").await;

    let browser = Browser::start("es-EC,es").await;
    let client = &browser.client;
    // A participant on a phone.
    client.set_window_size(360, 800).await.unwrap();
    client.goto(&format!("{}/", app.base_url)).await.unwrap();
    // Joins from the page, so the browser keeps the session cookie. Demo joiners lead their
    // team.
    let joined = client
        .execute(
            "const [code, team] = arguments;
             return fetch('/api/join_workshop', { method: 'POST', headers: { accept: 'application/json' },
                 body: new URLSearchParams({ code, name: 'Rosa Guamán', team }) }).then(r => r.status);",
            vec![app::demo::DEMO_JOIN_CODE.into(), team.0.to_string().into()],
        )
        .await
        .unwrap();
    assert!(joined.as_u64().is_some_and(|s| s < 400), "join: {joined}");

    // Two actions in the browser, the second depending on the first.
    client
        .goto(&format!("{}/workshops/{workshop}/actions", app.base_url))
        .await
        .unwrap();
    wait_for(client, "html.js").await;
    let first = propose(client, FIRST, "Dirección TIC", "2", None).await;
    let second = propose(client, SECOND, "Participación Ciudadana", "1", Some(first)).await;
    // A dot on each.
    for id in [first, second] {
        client
            .find(Locator::XPath(&format!(
                "//li[@id='action-{id}']//form[contains(@class,'inline')][2]//button"
            )))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    let dots: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(dots), 0) AS BIGINT) FROM action_votes WHERE action_id IN ($1, $2)",
    )
    .bind(first)
    .bind(second)
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(dots, 2, "one dot on each action");

    // The roadmap phase: the lead generates the roadmap.
    set_phase(&db, workshop.0, "roadmap").await;
    client
        .goto(&format!("{}/workshops/{workshop}/roadmap", app.base_url))
        .await
        .unwrap();
    wait_for(client, "html.js").await;
    wait_for(client, "#rm-not-generated").await;
    click(client, &format!("#rm-generate-{team}-submit")).await;
    wait_for(client, "#rm-gantt[data-drawn='true']").await;

    // The chart: the dependent item starts at or after the other's end.
    let (first_offset, first_duration) = bar(client, FIRST).await;
    let (second_offset, second_duration) = bar(client, SECOND).await;
    assert!(first_duration > 0.0 && second_duration > 0.0);
    assert!(
        second_offset >= first_offset + first_duration,
        "{SECOND} at {second_offset} starts before {FIRST} ends at {}",
        first_offset + first_duration
    );
    // The table says the same.
    let (_, first_end) = table_dates(client, FIRST).await;
    let (second_start, _) = table_dates(client, SECOND).await;
    assert!(second_start > first_end, "{second_start} vs {first_end}");
    // And the board lists both, in the "now" column.
    let board = wait_for(client, ".rm-column[data-horizon='now']")
        .await
        .text()
        .await
        .unwrap();
    assert!(board.contains(FIRST) && board.contains(SECOND), "{board}");
    // Nothing pushes the page past the phone's edge.
    let widths = client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        widths[0].as_i64() <= widths[1].as_i64(),
        "roadmap page {widths} wide on a phone"
    );
    db.close().await;
}
