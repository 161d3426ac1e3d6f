//! Every facilitator page fits a phone's screen and a laptop's: nothing to scroll sideways.
//! (Facilitators prepare on laptops, but check the dashboard on their phones during a call.)

use fantoccini::Client;
use tests::browser::{sign_in_as_demo_facilitator, wait_for, Browser, RunningApp};

/// Saves what the screen shows when `RUMBO_SCREENSHOTS` names a folder.
async fn snapshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("RUMBO_SCREENSHOTS") {
        let png = client.screenshot().await.unwrap();
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

#[tokio::test]
async fn facilitator_pages_fit_phones_and_laptops() {
    let app = RunningApp::start_with_demo().await;
    let browser = Browser::start("es-EC,es").await;
    let f = &browser.client;
    sign_in_as_demo_facilitator(f, &app.base_url).await;
    wait_for(f, "#new-workshop-heading").await;

    let pages = [
        ("home", "/facilitate", "#new-workshop-heading"),
        ("setup", "/facilitate/workshops/1", ".join-code"),
        (
            "join-screen",
            "/facilitate/workshops/1/join-screen",
            ".join-code",
        ),
        ("framework", "/facilitate/workshops/1/framework", "form"),
        ("dashboard", "/facilitate/workshops/1/dashboard", ".live.on"),
        (
            "present",
            "/facilitate/workshops/1/present/heatmap",
            ".live.on",
        ),
        (
            "prioritisation",
            "/facilitate/workshops/1/prioritisation",
            "#staff-matrix[data-drawn='true']",
        ),
        (
            "roadmap",
            "/facilitate/workshops/1/roadmap",
            "#rm-gantt[data-drawn='true']",
        ),
        (
            "rounds",
            "/facilitate/workshops/1/rounds",
            "#round-current-title",
        ),
        (
            "facilitators",
            "/facilitate/workshops/1/facilitators",
            "table",
        ),
        ("account", "/account", "#api-token-name"),
        ("export", "/facilitate/workshops/1/export", "#shr-title"),
        ("report", "/facilitate/workshops/1/report", "#rep-title"),
        ("open", "/open", "h1"),
        ("public", "/open/workshops/1", "#shr-pillars"),
    ];
    for width in [390, 1280] {
        f.set_window_size(width, 900).await.unwrap();
        for (name, path, ready) in pages {
            f.goto(&format!("{}{path}", app.base_url)).await.unwrap();
            wait_for(f, ready).await;
            let widths = f
                .execute(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
                    vec![],
                )
                .await
                .unwrap();
            let (scroll, client) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
            snapshot(f, &format!("facilitator-{name}-{width}")).await;
            assert!(
                scroll <= client,
                "{name} at {width} px: {scroll} px of content in {client} px"
            );
        }
    }
}
