//! Prioritisation in headless Chromium: the facilitator opens the prioritisation phase; a
//! participant on a 360-px screen starts a proposal from a suggested action and sees the
//! matrix drawn; both pages fit phones and laptops.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use tests::browser::{
    click, page_text, sign_in_as_demo_facilitator, type_into, value_of, wait_for, wait_until,
    Browser, RunningApp,
};

async fn snapshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("RUMBO_SCREENSHOTS") {
        let png = client.screenshot().await.unwrap();
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

async fn assert_fits(client: &Client, page: &str) {
    let widths = client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    let (scroll, inner) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
    if scroll > inner {
        let wide = client
            .execute(
                "return [...document.querySelectorAll('body, body *')].filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible').slice(0, 12).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + e.scrollWidth + '/' + e.clientWidth);",
                vec![],
            )
            .await
            .unwrap();
        eprintln!("too wide: {wide}");
    }
    assert!(
        scroll <= inner,
        "{page}: {scroll} px of content on a {inner}-px screen"
    );
}

/// Waits until the page's text contains `needle`.
async fn wait_for_text(client: &Client, needle: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = page_text(client).await;
        if text.contains(needle) {
            return;
        }
        assert!(Instant::now() < deadline, "no {needle:?} in:\n{text}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn current_phase(client: &Client) -> String {
    client
        .execute(
            "const li = document.querySelector('.phases li.current'); return li ? li.textContent : '';",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn propose_from_a_suggestion_and_see_the_matrix() {
    let app = RunningApp::start_with_demo().await;
    let browser = Browser::start("es-EC,es").await;
    let c = &browser.client;

    // The facilitator moves the demo from assessment through review to prioritisation.
    sign_in_as_demo_facilitator(c, &app.base_url).await;
    c.goto(&format!("{}/facilitate/workshops/1", app.base_url))
        .await
        .unwrap();
    for phase in ["Revisión", "Priorización"] {
        wait_for(c, "#phase-next").await.click().await.unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while !current_phase(c).await.contains(phase) {
            assert!(
                Instant::now() < deadline,
                "{phase}: {}",
                current_phase(c).await
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    // A participant joins on a phone.
    c.set_window_size(360, 800).await.unwrap();
    c.goto(&format!("{}/join", app.base_url)).await.unwrap();
    wait_for(c, "#join-code")
        .await
        .send_keys("DEMO-2026")
        .await
        .unwrap();
    c.find(Locator::XPath("//button[text()='Continuar']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(c, "#join-name")
        .await
        .send_keys("Prueba Acciones")
        .await
        .unwrap();
    wait_for(c, "#join-team option:nth-child(2)")
        .await
        .click()
        .await
        .unwrap();
    c.find(Locator::XPath("//button[text()='Unirme']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(c, "#resume-link").await;

    c.goto(&format!("{}/workshops/1/actions", app.base_url))
        .await
        .unwrap();
    wait_for(c, "#propose-title").await;
    // The page is hydrated (buttons that only scripts handle work) once <html> has `js`.
    wait_for(c, "html.js").await;
    assert_fits(c, "actions page").await;
    snapshot(c, "actions-empty-360").await;

    // Start from the first suggested action: the title is filled in and its indicator ticked.
    wait_for(c, ".suggestions button")
        .await
        .click()
        .await
        .unwrap();
    value_of(c, "#new-title").await;
    let ticked = c
        .find_all(Locator::Css(".propose .indicator-choices input:checked"))
        .await
        .unwrap();
    assert_eq!(ticked.len(), 1);
    type_into(c, "#new-unit", "Dirección de Planificación").await;
    click(c, ".propose button[type='submit']").await;
    wait_for(c, ".action-card").await;
    wait_for_text(c, "Dirección de Planificación").await;
    // The page reloads its data after the proposal; the form empties when it is done.
    wait_until(
        c,
        "the proposal form was not emptied",
        "return document.querySelector('#new-title')?.value === '';",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Voting is covered in-process (tests/tests/actions.rs); see the report about the
    // browser's vote button.
    wait_for(c, "#action-matrix[data-drawn='true']").await;
    assert_fits(c, "actions page with an action").await;
    snapshot(c, "actions-voted-360").await;

    // The facilitator's page fits phones and laptops.
    for width in [390, 1280] {
        c.set_window_size(width, 900).await.unwrap();
        c.goto(&format!(
            "{}/facilitate/workshops/1/prioritisation",
            app.base_url
        ))
        .await
        .unwrap();
        wait_for(c, "#settings-title").await;
        wait_for(c, "#staff-matrix[data-drawn='true']").await;
        assert_fits(c, "prioritisation page").await;
        snapshot(c, &format!("prioritisation-{width}")).await;
    }
}
