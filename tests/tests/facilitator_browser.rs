//! The facilitator's journey in headless Chromium: sign in, create a workshop with the
//! prefecture preset, open the assessment, and watch the live dashboard move while a
//! participant answers in a second browser, without reloading.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use tests::browser::{
    page_text, sign_in_as_demo_facilitator, text_of, wait_for, Browser, RunningApp,
};

/// Clicks a button by its text.
async fn click_button(client: &Client, text: &str) {
    client
        .find(Locator::XPath(&format!(
            "//button[normalize-space()='{text}']"
        )))
        .await
        .unwrap_or_else(|e| panic!("no button “{text}”: {e}"))
        .click()
        .await
        .unwrap();
}

/// The participants who answered in a team, as the dashboard's participation table shows it.
async fn respondents(client: &Client, team: &str) -> Option<String> {
    client
        .execute(
            "const table = [...document.querySelectorAll('table.data-table')] \
               .find(t => t.caption && t.caption.textContent.trim() === 'Participación por equipo'); \
             if (!table) return null; \
             const column = [...table.querySelectorAll('thead th')] \
               .findIndex(th => th.textContent.trim() === 'Respondieron'); \
             const row = [...table.querySelectorAll('tbody tr')] \
               .find(r => r.querySelector('th').textContent.trim() === arguments[0]); \
             return row && column >= 0 ? row.children[column].textContent.trim() : null;",
            vec![team.into()],
        )
        .await
        .unwrap()
        .as_str()
        .map(str::to_owned)
}

#[tokio::test]
async fn a_facilitator_sets_up_a_workshop_and_watches_answers_arrive() {
    let app = RunningApp::start_with_demo().await;
    let facilitator = Browser::start("es-EC,es").await;
    let f = &facilitator.client;
    f.set_window_size(1280, 900).await.unwrap();

    // Sign in.
    sign_in_as_demo_facilitator(f, &app.base_url).await;
    wait_for(f, "#create-title").await;

    // Create a workshop and add Ecuador's provincial governments.
    wait_for(f, "#create-title")
        .await
        .send_keys("Taller de prueba en el navegador")
        .await
        .unwrap();
    click_button(f, "Crear taller").await;
    wait_for(f, ".join-code").await;
    let url = f.current_url().await.unwrap().to_string();
    let workshop: i64 = url
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("set-up page at {url}"));
    wait_for(f, "#add-preset").await.click().await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while f.find_all(Locator::Css(".team-row")).await.unwrap().len() < 24 {
        assert!(
            Instant::now() < deadline,
            "the preset teams did not appear:\n{}",
            page_text(f).await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // Open the assessment.
    wait_for(f, "#phase-next").await.click().await.unwrap();
    wait_for(f, ".phases li.current").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        // Read in one go: the page may be swapping in its reloaded content.
        let current = f
            .execute(
                "const li = document.querySelector('.phases li.current'); return li ? li.textContent : '';",
                vec![],
            )
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if current.contains("Autoevaluación") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the assessment did not open: {current}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let code = text_of(f, ".join-code").await;

    // The dashboard, live. A mark on the page tells a reload apart from a live update.
    f.goto(&format!(
        "{}/facilitate/workshops/{workshop}/dashboard",
        app.base_url
    ))
    .await
    .unwrap();
    wait_for(f, ".live.on").await;
    f.execute("window.rumboNoReload = 'still here';", vec![])
        .await
        .unwrap();
    let team = "GAD Provincial de Azuay";
    assert_eq!(respondents(f, team).await.as_deref(), Some("0"));

    // A participant joins with the code in another browser and answers.
    let participant = Browser::start("es-EC,es").await;
    let p = &participant.client;
    p.set_window_size(360, 800).await.unwrap();
    p.goto(&format!("{}/join?code={code}", app.base_url))
        .await
        .unwrap();
    wait_for(p, "#join-name")
        .await
        .send_keys("Rosa Navegador")
        .await
        .unwrap();
    wait_for(p, "#join-team option:nth-child(2)")
        .await
        .click()
        .await
        .unwrap();
    click_button(p, "Unirme").await;
    wait_for(p, "#resume-link").await;
    p.goto(&format!("{}/workshops/{workshop}/assess/1", app.base_url))
        .await
        .unwrap();
    wait_for(p, "#ind-T1[data-live='true']").await;
    wait_for(p, "#ind-T1 input[name='response'][value='4']")
        .await
        .click()
        .await
        .unwrap();
    wait_for(p, "#ind-T1 .save-status[data-save-state='saved']").await;

    // The facilitator's dashboard shows it, without a reload.
    let deadline = Instant::now() + Duration::from_secs(10);
    while respondents(f, team).await.as_deref() != Some("1") {
        assert!(
            Instant::now() < deadline,
            "the dashboard did not update:\n{}",
            page_text(f).await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mark = f
        .execute("return window.rumboNoReload || null;", vec![])
        .await
        .unwrap();
    assert_eq!(mark.as_str(), Some("still here"), "the page was reloaded");
}
