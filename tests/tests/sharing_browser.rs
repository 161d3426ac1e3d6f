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

/// Types `text` into the field `css`. The panel's parts may be drawn again just after
/// hydration (its data re-read in the browser), which makes a found field stale: find it
/// again until the text is really in the field on the page.
async fn type_into(client: &Client, css: &str, text: &str) {
    let check = format!("return document.querySelector({css:?})?.value === {text:?};");
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline {
        if let Ok(field) = client.find(Locator::Css(css)).await {
            let _ = field.clear().await;
            let _ = field.send_keys(text).await;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            if client.execute(&check, vec![]).await.ok() == Some(serde_json::json!(true)) {
                return;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("could not type into {css}");
}

/// Clicks `css`, finding it again if it was drawn anew in the meantime.
async fn click(client: &Client, css: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline {
        if let Ok(button) = client.find(Locator::Css(css)).await {
            if button.click().await.is_ok() {
                return;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("could not click {css}");
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
    type_into(f, "#shr-label", "Despacho del prefecto").await;
    click(f, ".shr-new-link button[type='submit']").await;
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
    click(f, ".shr-links button[type='submit']").await;
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
