//! The facilitator's dashboard in headless Chromium: drawn after hydration, connected live,
//! and updated without a reload when someone joins and answers.

use std::net::SocketAddr;
use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::Value;
use tests::browser::{Browser, RunningApp};
use tests::form;
use tests::http1::{cookie, request};

/// A number read by a script: the text of a cell of the table captioned `caption`, in the
/// first body row, at column `column` (0 is the first after the row's heading).
async fn cell(client: &Client, caption: &str, column: usize) -> String {
    let script = "const [caption, column] = arguments;
        const table = [...document.querySelectorAll('table')]
            .find(t => t.caption && t.caption.textContent.includes(caption));
        return table ? table.tBodies[0].rows[0].cells[column + 1].textContent.trim() : null;";
    match client
        .execute(script, vec![caption.into(), column.into()])
        .await
        .unwrap()
    {
        Value::String(text) => text,
        other => panic!("no table {caption:?}: {other}"),
    }
}

async fn eventually(client: &Client, caption: &str, column: usize, expected: &str) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let now = cell(client, caption, column).await;
        if now == expected {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{caption}: {now}, expected {expected}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_dashboard_follows_joins_and_answers_without_a_reload() {
    let app = RunningApp::start_with_demo().await;
    let addr: SocketAddr = app.base_url.trim_start_matches("http://").parse().unwrap();
    let browser = Browser::start("es-EC,es").await;
    let client = &browser.client;
    client.goto(&format!("{}/", app.base_url)).await.unwrap();
    // Signs in as the demo facilitator from the page, so the browser keeps the session cookie.
    let signed_in = client
        .execute(
            "const [email, password] = arguments;
             return fetch('/api/log_in', { method: 'POST', headers: { accept: 'application/json' },
                 body: new URLSearchParams({ email, password }) }).then(r => r.status);",
            vec![
                app::demo::DEMO_FACILITATOR_EMAIL.into(),
                app::demo::DEMO_FACILITATOR_PASSWORD.into(),
            ],
        )
        .await
        .unwrap();
    assert!(
        signed_in.as_u64().is_some_and(|s| s < 400),
        "log in: {signed_in}"
    );
    client
        .goto(&format!(
            "{}/facilitate/workshops/1/dashboard",
            app.base_url
        ))
        .await
        .unwrap();
    let wait = |css: &'static str| {
        client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
    };
    wait("#dash-radar[data-drawn]")
        .await
        .expect("the radar drawn after hydration");
    wait("#dash-completion[data-drawn]")
        .await
        .expect("the completion bars drawn");
    wait(".live.on").await.expect("connected live");

    // A marker that a reload would wipe.
    client
        .execute("window.stillHere = true;", vec![])
        .await
        .unwrap();
    let joined: u32 = cell(client, "Participación por equipo", 0)
        .await
        .parse()
        .unwrap();
    let answers: u32 = cell(client, "Respuestas por indicador", 7)
        .await
        .parse()
        .unwrap();

    // Someone joins the first team…
    let team: i64 = {
        let (_, body) = request(
            addr,
            "POST",
            "/api/find_workshop",
            "",
            &form(&[("code", app::demo::DEMO_JOIN_CODE)]),
        )
        .await;
        let target: Value = serde_json::from_str(&body).expect("JSON");
        target["teams"][0]["id"].as_i64().expect("a team")
    };
    let join = form(&[
        ("code", app::demo::DEMO_JOIN_CODE),
        ("name", "En vivo"),
        ("team", &team.to_string()),
    ]);
    let (head, _) = request(addr, "POST", "/api/join_workshop", "", &join).await;
    let participant = cookie(&head, "rumbo_session");
    eventually(
        client,
        "Participación por equipo",
        0,
        &(joined + 1).to_string(),
    )
    .await;

    // …and answers the first indicator.
    let (_, body) = request(
        addr,
        "POST",
        "/api/assessment_sheet",
        &participant,
        &form(&[("workshop", "1")]),
    )
    .await;
    let sheet: Value = serde_json::from_str(&body).expect("JSON");
    let indicator = sheet["sheet"]["pillars"][0]["indicators"][0]["id"]
        .as_i64()
        .expect("an indicator");
    let save = form(&[
        ("workshop", "1"),
        ("indicator", &indicator.to_string()),
        ("response", "4"),
    ]);
    let (head, body) = request(addr, "POST", "/api/save_answer", &participant, &save).await;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}\n{body}");
    eventually(
        client,
        "Respuestas por indicador",
        7,
        &(answers + 1).to_string(),
    )
    .await;

    let same_page = client
        .execute("return window.stillHere === true;", vec![])
        .await
        .unwrap();
    assert_eq!(same_page, Value::Bool(true), "updated without a reload");

    // Presentation mode: one chart, and the arrow keys move between charts.
    client
        .goto(&format!(
            "{}/facilitate/workshops/1/present/radar",
            app.base_url
        ))
        .await
        .unwrap();
    wait("#present-radar[data-drawn]")
        .await
        .expect("the radar presented");
    client
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys(&char::from(fantoccini::key::Key::Right).to_string())
        .await
        .unwrap();
    wait("#present-heatmap[data-drawn]")
        .await
        .expect("the next chart after →");
    assert!(client
        .current_url()
        .await
        .unwrap()
        .path()
        .ends_with("/present/heatmap"));

    // The same browser joins as a participant: its team page compares it with the others.
    let joined = client
        .execute(
            "const [code, team] = arguments;
             return fetch('/api/join_workshop', { method: 'POST', headers: { accept: 'application/json' },
                 body: new URLSearchParams({ code, name: 'Visitante', team }) }).then(r => r.status);",
            vec![app::demo::DEMO_JOIN_CODE.into(), team.to_string().into()],
        )
        .await
        .unwrap();
    assert!(joined.as_u64().is_some_and(|s| s < 400), "join: {joined}");
    client
        .goto(&format!("{}/workshops/1/team", app.base_url))
        .await
        .unwrap();
    wait("#share-radar[data-drawn]")
        .await
        .expect("the comparison radar drawn");
}
