//! The primer from the assessment, in headless Chromium on a phone-sized screen: a
//! participant chooses a level, follows the indicator's link to the primer, reads the
//! glossary entry, comes back with the return link, and lands on the same indicator with the
//! chosen level still selected. Then the experiences library, filtered by pillar.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use tests::browser::{click, page_text, text_of, wait_for, Browser, RunningApp};

async fn js(client: &Client, script: &str) -> serde_json::Value {
    client.execute(script, vec![]).await.unwrap()
}

async fn current_url(client: &Client) -> String {
    client.current_url().await.unwrap().to_string()
}

/// Waits until the address contains `part`.
async fn wait_for_url(client: &Client, part: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let url = current_url(client).await;
        if url.contains(part) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "still on {url}, waiting for {part}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether the element's top is within the window (the browser scrolled to it).
async fn in_view(client: &Client, css: &str) -> bool {
    client
        .execute(
            "const e = document.querySelector(arguments[0]); if (!e) return false;
             const r = e.getBoundingClientRect(); return r.top > -5 && r.top < window.innerHeight;",
            vec![css.into()],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

#[tokio::test]
async fn from_an_indicator_to_the_primer_and_back_with_the_answer_kept() {
    let app = RunningApp::start_with_demo().await;
    let browser = Browser::start("es-EC,es").await;
    let c = &browser.client;
    c.set_window_size(360, 800).await.unwrap();

    // Join the demo (in the assessment phase).
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
        .send_keys("Prueba Guía")
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

    // The participation pillar; P3 (the empty chair) answered with level 2.
    let step = format!("{}/workshops/1/assess/2", app.base_url);
    c.goto(&step).await.unwrap();
    wait_for(c, "#ind-P3[data-live='true']").await;
    wait_for(c, "#ind-P3 input[name='response'][value='2']")
        .await
        .click()
        .await
        .unwrap();
    wait_for(c, "#ind-P3 .save-status[data-save-state='saved']").await;

    // Its link to the primer: the glossary entry on the empty chair.
    let link = wait_for(c, "#ind-P3 .learn-primer-link").await;
    let href = link.attr("href").await.unwrap().unwrap_or_default();
    assert!(href.ends_with("#term-silla-vacia"), "{href}");
    link.click().await.unwrap();
    wait_for_url(c, "/learn?back=").await;
    wait_for(c, "#term-silla-vacia").await;
    let text = page_text(c).await;
    assert!(text.contains("Silla vacía"), "{text}");
    assert!(
        in_view(c, "#term-silla-vacia").await,
        "the entry is scrolled to"
    );

    // Back to the question.
    assert!(text_of(c, "#learn-back-top")
        .await
        .contains("Volver a la pregunta"));
    let back_href = c
        .execute(
            "return document.querySelector('#learn-back-top').getAttribute('href');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(back_href.as_str(), Some("/workshops/1/assess/2#ind-P3"));
    click(c, "#learn-back-top").await;
    wait_for_url(c, "/workshops/1/assess/2#ind-P3").await;
    wait_for(c, "#ind-P3[data-live='true']").await;
    let checked = js(
        c,
        "return document.querySelector(\"#ind-P3 input[name='response'][value='2']\").checked;",
    )
    .await;
    assert_eq!(checked, serde_json::Value::Bool(true), "the answer is kept");
    assert!(in_view(c, "#ind-P3").await, "lands on the same indicator");
    assert_eq!(js(c, "return location.hash;").await, "#ind-P3");

    // The related experiences, and the library filtered by pillar without scripts' help.
    let case_link = wait_for(c, "#ind-P2 .related-cases a").await;
    case_link.click().await.unwrap();
    wait_for_url(c, "/learn/experiences?workshop=1#case-").await;
    wait_for(c, "#lrn-pillar").await;
    c.goto(&format!("{}/learn/experiences?pillar=R", app.base_url))
        .await
        .unwrap();
    wait_for(c, "#case-kaduna").await;
    assert!(
        c.find(Locator::Css("#case-paris")).await.is_err(),
        "participatory budgeting only is not accountability"
    );
}
