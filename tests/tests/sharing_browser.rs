//! Sharing in headless Chromium, as a facilitator and an observer would do it: a link made on
//! the export page (the hydrated form), opened by someone signed out, then revoked.

use fantoccini::Locator;
use tests::browser::{
    click, sign_in_as_demo_facilitator, type_into, value_of, wait_for, wait_until, Browser,
    RunningApp,
};

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
    let url = value_of(f, "#shr-url").await;
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
