//! The rounds page in a headless browser: a facilitator closes the review, opens round 2
//! with the confirmation ticked, and sees the comparison drawn, workshop-wide and for a
//! team; the page fits a phone and a laptop.

use fantoccini::{Client, Locator};
use tests::browser::{page_text, sign_in_as_demo_facilitator, wait_for, Browser, RunningApp};

/// Saves what the screen shows when `RUMBO_SCREENSHOTS` names a folder.
async fn snapshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("RUMBO_SCREENSHOTS") {
        let png = client.screenshot().await.unwrap();
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

async fn fits(client: &Client) -> (i64, i64) {
    let widths = client
        .execute(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
            vec![],
        )
        .await
        .unwrap();
    (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap())
}

#[tokio::test]
async fn a_facilitator_opens_round_two_and_compares_it_with_round_one() {
    let app = RunningApp::start_with_demo().await;
    let browser = Browser::start("es-EC,es").await;
    let f = &browser.client;
    sign_in_as_demo_facilitator(f, &app.base_url).await;
    wait_for(f, "#new-workshop-heading").await;

    // During the assessment the page explains when a round can be opened.
    let rounds = format!("{}/facilitate/workshops/1/rounds", app.base_url);
    f.goto(&rounds).await.unwrap();
    wait_for(f, "#round-current-title").await;
    assert!(page_text(f)
        .await
        .contains("a partir de la fase de revisión"));
    assert!(f.find(Locator::Css("#round-open")).await.is_err());

    // The review opens on the set-up page.
    f.goto(&format!("{}/facilitate/workshops/1", app.base_url))
        .await
        .unwrap();
    wait_for(f, "#phase-next").await.click().await.unwrap();
    wait_for(f, "#phase-back").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !page_text(f).await.contains("Revisión:") {
        assert!(
            std::time::Instant::now() < deadline,
            "{}",
            page_text(f).await
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }

    f.goto(&rounds).await.unwrap();
    // Hydrated (the page marks itself scripted), so the form saves in place.
    wait_for(f, "html.js #round-open").await;
    assert!(page_text(f)
        .await
        .contains("La comparación aparece cuando hay al menos dos rondas"));
    wait_for(f, ".round-confirm input[name='confirm']")
        .await
        .click()
        .await
        .unwrap();
    wait_for(f, "#round-open").await.click().await.unwrap();
    let done = wait_for(f, ".notice.success").await;
    assert!(done
        .text()
        .await
        .unwrap()
        .contains("La ronda 2 está abierta"));
    wait_for(f, "#round-chart-workshop[data-drawn='true']").await;
    let text = page_text(f).await;
    assert!(text.contains("Ronda actual: 2"), "{text}");
    assert!(text.contains("Todo el taller: indicadores"), "{text}");
    assert!(
        f.find(Locator::Css("#round-open")).await.is_err(),
        "back in the assessment: no second round yet"
    );

    // A team's chart and tables beside the workshop's.
    let team = wait_for(f, "#round-team").await;
    team.select_by_index(1).await.unwrap();
    wait_for(f, "#round-chart-team[data-drawn='true']").await;

    for width in [390, 1280] {
        f.set_window_size(width, 900).await.unwrap();
        f.goto(&rounds).await.unwrap();
        wait_for(f, "#round-chart-workshop[data-drawn='true']").await;
        wait_for(f, "#round-team")
            .await
            .select_by_index(1)
            .await
            .unwrap();
        wait_for(f, "#round-chart-team[data-drawn='true']").await;
        snapshot(f, &format!("rounds-{width}")).await;
        let (scroll, client) = fits(f).await;
        let wide = f
            .execute(
                "const w = document.documentElement.clientWidth; \
                 return [...document.querySelectorAll('body *')] \
                   .filter(e => e.getBoundingClientRect().right > w + 1 && (!e.parentElement.closest('.table-scroll') || getComputedStyle(e).position === 'absolute')) \
                   .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + getComputedStyle(e).overflowX + ' ' + getComputedStyle(e).position);",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            scroll <= client,
            "rounds page at {width}px scrolls sideways: {scroll} > {client}; too wide: {wide}"
        );
    }
}
