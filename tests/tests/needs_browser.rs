//! Implementation needs in headless Chromium: teams record needs, and the facilitator's
//! dashboard draws the needs chart and shows the same numbers in its table.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::Value;
use tests::browser::{page_text, sign_in_as_demo_facilitator, wait_for, Browser, RunningApp};
use tests::form;
use tests::http1::{cookie, request};

/// A server function called over the socket; panics unless it answers 2xx/3xx.
async fn call(addr: SocketAddr, endpoint: &str, session: &str, pairs: &[(&str, &str)]) -> String {
    let (head, body) = request(
        addr,
        "POST",
        &format!("/api/{endpoint}"),
        session,
        &form(pairs),
    )
    .await;
    assert!(
        head.starts_with("HTTP/1.1 2") || head.starts_with("HTTP/1.1 3"),
        "{endpoint}: {head}\n{body}"
    );
    head + "\r\n\r\n" + &body
}

/// The cells of the row headed `row` in the table captioned `caption`, or `None` while the
/// table is not there.
async fn row(client: &Client, caption: &str, row: &str) -> Option<Vec<String>> {
    let script = "const [caption, name] = arguments;
        const table = [...document.querySelectorAll('table')]
            .find(t => t.caption && t.caption.textContent.includes(caption));
        if (!table) return null;
        const tr = [...table.tBodies[0].rows].find(r => r.cells[0].textContent.trim() === name);
        return tr ? [...tr.cells].map(c => c.textContent.trim()) : null;";
    match client
        .execute(script, vec![caption.into(), row.into()])
        .await
        .unwrap()
    {
        Value::Array(cells) => Some(
            cells
                .into_iter()
                .map(|c| c.as_str().unwrap_or_default().to_owned())
                .collect(),
        ),
        _ => None,
    }
}

#[tokio::test]
async fn the_dashboard_draws_the_needs_chart_and_table() {
    let app = RunningApp::start_with_demo().await;
    // The demo's own needs set aside: the counts below are this test's.
    let db = app.database().await;
    sqlx::query("DELETE FROM needs")
        .execute(db.pool())
        .await
        .unwrap();
    db.pool().close().await;
    let addr: SocketAddr = app.base_url.trim_start_matches("http://").parse().unwrap();

    // The facilitator moves the demo to prioritisation (over the socket, as a script would).
    let staff = {
        let (head, body) = request(
            addr,
            "POST",
            "/api/log_in",
            "",
            &form(&[
                ("email", app::demo::DEMO_FACILITATOR_EMAIL),
                ("password", app::demo::DEMO_FACILITATOR_PASSWORD),
            ]),
        )
        .await;
        assert!(!head.starts_with("HTTP/1.1 4"), "{head}\n{body}");
        cookie(&head, "rumbo_staff")
    };
    for (from, to) in [("assessment", "review"), ("review", "prioritisation")] {
        call(
            addr,
            "move_phase",
            &staff,
            &[("workshop", "1"), ("from", from), ("to", to)],
        )
        .await;
    }

    // Members of two teams record needs: two teams need staff and skills, one a budget.
    let reply = call(
        addr,
        "find_workshop",
        "",
        &[("code", app::demo::DEMO_JOIN_CODE)],
    )
    .await;
    let target: Value =
        serde_json::from_str(reply.split_once("\r\n\r\n").unwrap().1).expect("JSON");
    let teams: Vec<String> = target["teams"]
        .as_array()
        .expect("teams")
        .iter()
        .map(|t| t["id"].as_i64().expect("id").to_string())
        .collect();
    let total = teams.len();
    let needs = [
        (0, "staff_skills", "Capacitación en datos abiertos"),
        (0, "staff_skills", "Un analista de datos"),
        (1, "staff_skills", "Formación en participación"),
        (1, "budget", "Partida para el portal"),
    ];
    let mut sessions: Vec<Option<String>> = vec![None; 2];
    for (team, kind, description) in needs {
        if sessions[team].is_none() {
            let reply = call(
                addr,
                "join_workshop",
                "",
                &[
                    ("code", app::demo::DEMO_JOIN_CODE),
                    ("name", &format!("Equipo {team}")),
                    ("team", &teams[team]),
                ],
            )
            .await;
            sessions[team] = Some(cookie(&reply, "rumbo_session"));
        }
        let session = sessions[team].clone().unwrap();
        call(
            addr,
            "record_need",
            &session,
            &[
                ("workshop", "1"),
                ("kind", kind),
                ("description", description),
            ],
        )
        .await;
    }

    // The facilitator's dashboard: the chart is drawn, the table has the numbers.
    let browser = Browser::start("es-EC,es").await;
    let c = &browser.client;
    sign_in_as_demo_facilitator(c, &app.base_url).await;
    // Signed in once the login page has sent us on.
    let deadline = Instant::now() + Duration::from_secs(20);
    while c.current_url().await.unwrap().path() == "/login" {
        assert!(Instant::now() < deadline, "still on the login page");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    c.goto(&format!(
        "{}/facilitate/workshops/1/dashboard",
        app.base_url
    ))
    .await
    .unwrap();
    wait_for(c, "#dash-needs[data-drawn]").await;
    c.find(Locator::Css("#dash-needs canvas"))
        .await
        .expect("ECharts drew on a canvas");
    let caption = "Necesidades de implementación por tipo";
    let deadline = Instant::now() + Duration::from_secs(20);
    let cells = loop {
        if let Some(cells) = row(c, caption, "Personal y capacidades").await {
            break cells;
        }
        assert!(
            Instant::now() < deadline,
            "no needs table:\n{}",
            page_text(c).await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(cells[1], "2", "two teams need staff and skills: {cells:?}");
    assert_eq!(cells[2], total.to_string(), "out of every team: {cells:?}");
    let budget = row(c, caption, "Presupuesto").await.expect("budget row");
    assert_eq!(
        (budget[1].as_str(), budget[2].as_str()),
        ("1", total.to_string().as_str())
    );
    let legal = row(c, caption, "Legal o normativa")
        .await
        .expect("legal row");
    assert_eq!(legal[1], "0");
    let text = page_text(c).await;
    assert!(
        text.contains(&format!(
            "2 de {total} equipos necesitan: Personal y capacidades"
        )),
        "{text}"
    );

    // A need recorded while the dashboard is open reaches it through the page's one event
    // stream, without a reload; one team, so the verb is singular.
    wait_for(c, ".live-badge .live.on").await;
    call(
        addr,
        "record_need",
        sessions[0].as_deref().unwrap(),
        &[
            ("workshop", "1"),
            ("kind", "legal"),
            ("description", "Ordenanza de participación actualizada"),
        ],
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while row(c, caption, "Legal o normativa")
        .await
        .map(|r| r[1].clone())
        != Some("1".into())
    {
        assert!(
            Instant::now() < deadline,
            "the new need never reached the open dashboard:\n{}",
            page_text(c).await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(page_text(c)
        .await
        .contains(&format!("1 de {total} equipos necesita: Legal o normativa")));
}
