//! Sharing in headless Chromium, as a facilitator and an observer would do it: a link made on
//! the export page (the hydrated form), opened by someone signed out, then revoked.

use fantoccini::{Client, Locator};
use tests::browser::{sign_in_as_demo_facilitator, wait_for, Browser, RunningApp, WAIT};

/// Waits until `script` returns true; on failure, panics with `what`.
async fn wait_until(client: &Client, what: &str, script: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline {
        if client.execute(script, vec![]).await.ok() == Some(serde_json::json!(true)) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{what}");
}

#[tokio::test]
async fn an_observer_link_is_made_opened_and_revoked() {
    let app = RunningApp::start_with_demo().await;
    let browser = Browser::start("es-EC,es").await;
    let f = &browser.client;
    sign_in_as_demo_facilitator(f, &app.base_url).await;
    wait_for(f, "#new-workshop-heading").await;

    f.goto(&format!("{}/facilitate/workshops/1/export", app.base_url))
        .await
        .unwrap();
    wait_for(f, "html.js").await;
    wait_for(f, "#shr-label")
        .await
        .send_keys("Despacho del prefecto")
        .await
        .unwrap();
    f.find(Locator::Css(".shr-new-link button[type='submit']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Shown once, as a full address, without leaving the page.
    let url = wait_for(f, "#shr-url")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        url.starts_with(&format!("{}/observe/", app.base_url)),
        "{url}"
    );
    let token = url.rsplit('/').next().unwrap().to_owned();
    wait_until(
        f,
        "the new link is not listed",
        "return [...document.querySelectorAll('.shr-links td')].some(td => td.textContent === 'Despacho del prefecto');",
    )
    .await;
    let listed: String = f
        .execute(
            "return document.querySelector('.shr-links').textContent;",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(!listed.contains(&token), "the list never shows the secret");

    // Someone signed out, reading English, opens it: the aggregates, drawn, with their tables.
    let outsider = Browser::start("en").await;
    let o = &outsider.client;
    o.goto(&url).await.unwrap();
    wait_for(o, "#shr-pillars").await;
    wait_for(o, "#shr-radar[data-drawn='true']").await;

    // Revoked on the export page: the link now says so, and shows nothing else.
    f.find(Locator::Css(".shr-links button[type='submit']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        f,
        "the revoked link still offers a revoke button",
        "return document.querySelectorAll('.shr-links button[type=\"submit\"]').length === 0;",
    )
    .await;
    o.goto(&url).await.unwrap();
    wait_for(o, "#shr-gone").await;
    assert!(o.find(Locator::Css("#shr-pillars")).await.is_err());
}
