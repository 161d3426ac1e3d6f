//! The participant's journey in headless Chromium on a 360-px-wide screen: join the demo with
//! its code, answer, reload, lose the server mid-session, and see the team's consensus.

use fantoccini::{Client, Locator};
use tests::browser::{text_of, value_of, wait_for, Browser, RunningApp};

/// Waits until an indicator's form is hydrated: it then saves by itself.
async fn wait_until_live(client: &Client, code: &str) {
    wait_for(client, &format!("#ind-{code}[data-live='true']")).await;
}

async fn is_checked(client: &Client, css: &str) -> bool {
    client
        .execute(
            "return document.querySelector(arguments[0]).checked;",
            vec![css.into()],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

/// Saves what the screen shows when `RUMBO_SCREENSHOTS` names a folder (for looking at the
/// layout by eye; tests never depend on it).
async fn snapshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("RUMBO_SCREENSHOTS") {
        let png = client.screenshot().await.unwrap();
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

/// The page is no wider than the screen: nothing to scroll sideways.
async fn assert_fits(client: &Client, page: &str) {
    let widths = client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    let (scroll, inner) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
    assert!(
        scroll <= inner,
        "{page}: {scroll} px of content on a {inner}-px screen"
    );
}

async fn answer(client: &Client, code: &str, level: &str) {
    let css = format!("#ind-{code} input[name='response'][value='{level}']");
    wait_for(client, &css).await.click().await.unwrap();
}

#[tokio::test]
async fn join_answer_survive_a_restart_and_see_the_team() {
    let mut app = RunningApp::start_with_demo().await;
    let browser = Browser::start("es-EC,es").await;
    let client = &browser.client;
    client.set_window_size(360, 800).await.unwrap();

    // Join from the home page with the code typed loosely.
    client.goto(&format!("{}/", app.base_url)).await.unwrap();
    wait_for(client, "#join-code")
        .await
        .send_keys("demo 2026")
        .await
        .unwrap();
    client
        .find(Locator::XPath("//button[text()='Continuar']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    snapshot(client, "join").await;
    wait_for(client, "#join-name")
        .await
        .send_keys("Prueba Navegador")
        .await
        .unwrap();
    wait_for(client, "#join-team option:nth-child(2)")
        .await
        .click()
        .await
        .unwrap();
    client
        .find(Locator::XPath("//button[text()='Unirme']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let link = value_of(client, "#resume-link").await;
    assert!(
        link.contains("/resume/"),
        "the resume link is shown: {link}"
    );
    assert_fits(client, "welcome").await;
    snapshot(client, "welcome").await;

    client
        .find(Locator::LinkText("Empezar la autoevaluación"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until_live(client, "T1").await;
    assert_fits(client, "assessment step").await;
    snapshot(client, "step").await;

    // Three answers, each saved by itself.
    for (code, level) in [("T1", "3"), ("T2", "4"), ("T3", "na")] {
        answer(client, code, level).await;
        wait_for(
            client,
            &format!("#ind-{code} .save-status[data-save-state='saved']"),
        )
        .await;
    }

    // A reload shows exactly what was saved.
    client.refresh().await.unwrap();
    wait_for(client, "#ind-T1").await;
    for (code, level) in [("T1", "3"), ("T2", "4"), ("T3", "na")] {
        let css = format!("#ind-{code} input[name='response'][value='{level}']");
        assert!(
            is_checked(client, &css).await,
            "{code} kept {level} after reload"
        );
    }
    wait_until_live(client, "T4").await;

    // The server goes away mid-session: the answer is kept and retried until it is back.
    app.stop().await;
    answer(client, "T4", "2").await;
    wait_for(client, "#ind-T4 .save-status[data-save-state='retrying']").await;
    client
        .execute(
            "document.querySelector('#ind-T4').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    snapshot(client, "retrying").await;
    assert!(
        text_of(client, "#ind-T4 .save-status")
            .await
            .contains("Sin conexión"),
        "the participant is told"
    );
    app.start().await;
    wait_for(client, "#ind-T4 .save-status[data-save-state='saved']").await;
    client.refresh().await.unwrap();
    wait_for(client, "#ind-T4").await;
    assert!(
        is_checked(client, "#ind-T4 input[name='response'][value='2']").await,
        "the retried answer reached the server"
    );

    // An answer kept in the browser from a visit whose save never arrived (a phone closed the
    // tab while offline) is shown again and sent when the page is next opened. This visit
    // has finished loading first: a page still hydrating would take the kept answer up itself.
    wait_until_live(client, "T5").await;
    client
        .execute(
            "const form = document.querySelector('#ind-T5 form'); \
             const w = Number(form.querySelector('[name=workshop]').value); \
             const i = Number(form.querySelector('[name=indicator]').value); \
             localStorage.setItem(`rumbo:pending:${w}:${i}`, JSON.stringify({workshop: w, indicator: i, \
               response: '5', target: null, evidence: null, note: 'guardada sin conexión', mark: 'strength'}));",
            vec![],
        )
        .await
        .unwrap();
    client.refresh().await.unwrap();
    wait_for(client, "#ind-T5 .save-status[data-save-state='saved']").await;
    assert!(is_checked(client, "#ind-T5 input[name='response'][value='5']").await);
    client.refresh().await.unwrap();
    wait_until_live(client, "T5").await;
    assert!(
        is_checked(client, "#ind-T5 input[name='response'][value='5']").await,
        "the kept answer reached the server"
    );
    assert_eq!(
        value_of(client, "#ind-T5 textarea[name='note']").await,
        "guardada sin conexión"
    );
    let left = client
        .execute(
            "return Object.keys(localStorage).filter(k => k.startsWith('rumbo:pending:')).length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(left.as_i64(), Some(0), "nothing is left waiting once saved");

    // The team view: consensus table and the radar drawn by ECharts.
    wait_until_live(client, "T4").await;
    client
        .find(Locator::LinkText("Mi equipo"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(client, "#team-radar[data-drawn='true'] canvas").await;
    let rows = client
        .execute(
            "return document.querySelectorAll('.consensus-table tbody tr').length;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(rows.as_u64(), Some(20), "one row per indicator");
    let first = text_of(client, ".consensus-table tbody tr").await;
    assert!(first.contains("T1"), "{first}");
    assert_fits(client, "team view").await;
    snapshot(client, "team").await;

    browser.client.clone().close().await.ok();
}
