//! End-to-end tests in headless Chromium against the real server.

use std::time::Duration;

use fantoccini::Locator;
use tests::browser::{Browser, RunningApp};

/// Home page in Spanish → switch to English → the demo's results page, where ECharts must
/// have drawn the radar after hydration.
#[tokio::test]
async fn home_language_switch_and_demo_results_chart() {
    let app = RunningApp::start_with_demo().await;
    let browser = Browser::start("es-EC,es").await;
    let client = &browser.client;

    client
        .goto(&format!("{}/", app.base_url))
        .await
        .expect("open home");
    let heading = client.find(Locator::Css("h1")).await.expect("a heading");
    assert_eq!(
        heading.text().await.unwrap(),
        "Gobierno abierto, paso a paso"
    );

    client
        .find(Locator::LinkText("English"))
        .await
        .expect("the language switch")
        .click()
        .await
        .unwrap();
    let heading = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath(
            "//h1[text()='Open government, step by step']",
        ))
        .await
        .expect("the home page in English");
    assert!(heading.is_displayed().await.unwrap());

    client
        .find(Locator::LinkText("See the workshop's results"))
        .await
        .expect("the demo link")
        .click()
        .await
        .unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("#pillar-radar[data-drawn='true'] canvas"))
        .await
        .expect("ECharts drew the radar after hydration");
    let size = client
        .execute(
            "const c = document.querySelector('#pillar-radar canvas'); \
             const r = c.getBoundingClientRect(); return [r.width, r.height];",
            vec![],
        )
        .await
        .unwrap();
    let (width, height) = (size[0].as_f64().unwrap(), size[1].as_f64().unwrap());
    assert!(
        width > 100.0 && height > 100.0,
        "canvas is {width}×{height}"
    );

    // The same data is in the table, in English now.
    let caption = client.find(Locator::Css("table caption")).await.unwrap();
    assert_eq!(
        caption.text().await.unwrap(),
        "Pillar averages by team (chart data)"
    );
    let rows = client
        .find_all(Locator::Css("table tbody tr"))
        .await
        .unwrap();
    assert!(rows.len() >= 6, "{} teams", rows.len());

    // The choice is remembered: a new visit to home is still in English.
    client.goto(&format!("{}/", app.base_url)).await.unwrap();
    let heading = client.find(Locator::Css("h1")).await.unwrap();
    assert_eq!(
        heading.text().await.unwrap(),
        "Open government, step by step"
    );

    browser.client.clone().close().await.ok();
}
