//! Accessibility in headless Chromium.
//!
//! axe-core (from the npm registry, pinned in package-lock.json and installed by
//! scripts/ensure-tools.sh) checks every main page, participant and facilitator side, in
//! Spanish and in English: no violation of serious or critical impact is allowed. And a
//! participant answers every indicator of one pillar with the keyboard only, seeing where the
//! focus is at every stop.

use std::time::{Duration, Instant};

use fantoccini::key::Key as WdKey;
use fantoccini::{Client, Locator};
use serde_json::Value;
use tests::browser::{page_text, sign_in_as_demo_facilitator, wait_for, Browser, RunningApp};

/// A page to check, and what shows that its content (not a loading placeholder) is there.
struct Page {
    name: &'static str,
    path: &'static str,
    ready: &'static str,
}

const fn page(name: &'static str, path: &'static str, ready: &'static str) -> Page {
    Page { name, path, ready }
}

/// Pages anyone sees, signed out.
const PUBLIC_PAGES: &[Page] = &[
    page("home", "/", "#join-code"),
    page("join (code)", "/join", "#join-code"),
    page("join (name and team)", "/join?code=DEMO-2026", "#join-name"),
    page("login", "/login", "#login-email"),
    page("results", "/workshops/1/results", "main h1"),
    page("open data", "/open", "main h1"),
    page("public workshop", "/open/workshops/1", "#shr-pillars"),
    page("primer", "/learn", "#glosario-title"),
    page("experiences library", "/learn/experiences", "#lrn-count"),
];

/// Pages of a participant of the demo workshop.
const PARTICIPANT_PAGES: &[Page] = &[
    page("assessment overview", "/workshops/1/assess", ".pillar-list"),
    page(
        "assessment step",
        "/workshops/1/assess/1",
        "article.indicator[data-live='true']",
    ),
    page("review", "/workshops/1/review", "main h1"),
    page("team view", "/workshops/1/team", ".consensus-table"),
    page(
        "prioritisation (participant)",
        "/workshops/1/actions",
        "main h1",
    ),
    page("roadmap (participant)", "/workshops/1/roadmap", "main h1"),
    page("report (participant)", "/workshops/1/report", "main h1"),
    page(
        "programme (participant)",
        "/workshops/1/programme",
        "main h1",
    ),
];

/// Pages of the demo facilitator.
const FACILITATOR_PAGES: &[Page] = &[
    page("facilitator home", "/facilitate", "#new-workshop-heading"),
    page("workshop set-up", "/facilitate/workshops/1", ".join-code"),
    page(
        "join screen",
        "/facilitate/workshops/1/join-screen",
        ".join-code",
    ),
    page("dashboard", "/facilitate/workshops/1/dashboard", ".live.on"),
    page(
        "programme (facilitator)",
        "/facilitate/workshops/1/programme",
        "#prg-list-title",
    ),
    page(
        "workshop cases",
        "/facilitate/workshops/1/cases",
        "#case-add-title",
    ),
    page(
        "presentation",
        "/facilitate/workshops/1/present/heatmap",
        ".live.on",
    ),
    page(
        "prioritisation (facilitator)",
        "/facilitate/workshops/1/prioritisation",
        "#settings-title",
    ),
    page(
        "roadmap (facilitator)",
        "/facilitate/workshops/1/roadmap",
        "main h1",
    ),
    page(
        "rounds",
        "/facilitate/workshops/1/rounds",
        "#round-current-title",
    ),
    page("export", "/facilitate/workshops/1/export", "#shr-title"),
    page(
        "report (facilitator)",
        "/facilitate/workshops/1/report",
        "#rep-title",
    ),
    page(
        "framework editor",
        "/facilitate/workshops/1/framework",
        "form",
    ),
    page(
        "facilitators",
        "/facilitate/workshops/1/facilitators",
        "table",
    ),
    page("account", "/account", "#api-token-name"),
];

/// axe-core, read from the repository's node_modules at test time.
fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; scripts/ensure-tools.sh installs axe-core from package-lock.json",
            path.display()
        )
    })
}

/// Polls `script` (which returns a boolean) until it is true; panics with `what` and the
/// page's text after the deadline.
async fn until(client: &Client, script: &str, what: &str) {
    // Longer than `WAIT`: a debug build's WebAssembly on a busy machine can take a while.
    let deadline = Instant::now() + 3 * tests::browser::WAIT;
    loop {
        let ok = client
            .execute(script, vec![])
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if ok {
            return;
        }
        if Instant::now() > deadline {
            let url = client.current_url().await.map(|u| u.to_string());
            panic!(
                "{what} on {url:?}\n--- page text ---\n{}",
                page_text(client).await
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Opens `page` and waits until it is hydrated, its content is there and every chart drawn.
async fn open(client: &Client, base_url: &str, page: &Page) {
    client
        .goto(&format!("{base_url}{}", page.path))
        .await
        .unwrap();
    until(
        client,
        "return document.documentElement.classList.contains('js');",
        &format!("{}: not hydrated", page.name),
    )
    .await;
    wait_for(client, page.ready).await;
    until(
        client,
        "return [...document.querySelectorAll('.chart')]
            .every(c => c.dataset.drawn === 'true');",
        &format!("{}: a chart was not drawn", page.name),
    )
    .await;
    let error = client
        .find_all(Locator::Css("main .notice.error"))
        .await
        .unwrap();
    assert!(
        error.is_empty(),
        "{} shows an error\n--- page text ---\n{}",
        page.name,
        page_text(client).await
    );
}

/// One rule broken on one page, with the elements that break it.
struct Violation {
    page: &'static str,
    rule: String,
    impact: String,
    help: String,
    targets: Vec<String>,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "[{}] {} ({}): {}",
            self.page, self.rule, self.impact, self.help
        )?;
        for target in &self.targets {
            writeln!(f, "      {target}")?;
        }
        Ok(())
    }
}

/// Runs axe-core on the page shown (injected through WebDriver, which the page's
/// Content-Security-Policy does not apply to) and returns its violations.
async fn axe(client: &Client, axe: &str, page: &'static str) -> Vec<Violation> {
    let loaded = client
        .execute(
            &format!("{axe}\n;return typeof window.axe === 'object';"),
            vec![],
        )
        .await
        .expect("inject axe-core");
    assert_eq!(loaded, Value::Bool(true), "axe-core did not load on {page}");
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
            .then(r => done(JSON.stringify(r.violations.map(v => ({
                rule: v.id, impact: v.impact || '', help: v.help,
                targets: v.nodes.map(n => n.target.join(' ') + '  — ' +
                    (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)),
            })))))
            .catch(e => done('axe failed: ' + e));";
    let answer = client.execute_async(script, vec![]).await.expect("run axe");
    let text = answer.as_str().unwrap_or_default();
    let found: Vec<Value> = serde_json::from_str(text).unwrap_or_else(|_| panic!("{page}: {text}"));
    found
        .into_iter()
        .map(|v| Violation {
            page,
            rule: v["rule"].as_str().unwrap_or_default().to_owned(),
            impact: v["impact"].as_str().unwrap_or_default().to_owned(),
            help: v["help"].as_str().unwrap_or_default().to_owned(),
            targets: v["targets"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect(),
        })
        .collect()
}

/// Joins the demo workshop as a new participant of its first team, through the join form.
async fn join_demo(client: &Client, base_url: &str, name: &str) {
    client
        .goto(&format!("{base_url}/join?code=DEMO-2026"))
        .await
        .unwrap();
    wait_for(client, "html.js").await;
    wait_for(client, "#join-name")
        .await
        .send_keys(name)
        .await
        .unwrap();
    // The first team, chosen with the arrow key; Enter in the name field sends the form.
    wait_for(client, "#join-team")
        .await
        .send_keys(&char::from(WdKey::Down).to_string())
        .await
        .unwrap();
    wait_for(client, "#join-name")
        .await
        .send_keys(&char::from(WdKey::Enter).to_string())
        .await
        .unwrap();
    wait_for(client, "#resume-link").await;
}

/// Checks every main page in the language the browser prefers; fails with the list of
/// serious and critical violations.
async fn check_every_page(accept_language: &str) {
    let app = RunningApp::start_with_demo().await;
    let browser = Browser::start(accept_language).await;
    let client = &browser.client;
    let source = axe_source();
    let mut violations = Vec::new();
    let mut minor = Vec::new();
    let mut check = |found: Vec<Violation>| {
        for v in found {
            if matches!(v.impact.as_str(), "serious" | "critical") {
                violations.push(v);
            } else {
                minor.push(v);
            }
        }
    };

    for page in PUBLIC_PAGES {
        open(client, &app.base_url, page).await;
        check(axe(client, &source, page.name).await);
    }
    join_demo(client, &app.base_url, "Prueba Accesible").await;
    check(axe(client, &source, "welcome").await);
    for page in PARTICIPANT_PAGES {
        open(client, &app.base_url, page).await;
        check(axe(client, &source, page.name).await);
    }
    sign_in_as_demo_facilitator(client, &app.base_url).await;
    wait_for(client, "#new-workshop-heading").await;
    for page in FACILITATOR_PAGES {
        open(client, &app.base_url, page).await;
        check(axe(client, &source, page.name).await);
    }

    // Moderate and minor findings are printed (run with --nocapture) but do not fail.
    for v in &minor {
        println!("{accept_language} (not failing) {v}");
    }
    let list: String = violations.iter().map(ToString::to_string).collect();
    assert!(
        violations.is_empty(),
        "{} serious or critical accessibility violations ({accept_language}):\n{list}",
        violations.len()
    );
    browser.client.clone().close().await.ok();
}

#[tokio::test]
async fn no_serious_violations_on_any_main_page_in_spanish() {
    check_every_page("es-EC,es").await;
}

#[tokio::test]
async fn no_serious_violations_on_any_main_page_in_english() {
    check_every_page("en-GB,en").await;
}

/// Presses `keys` together (WebDriver key characters) as a keyboard would, on whatever has
/// the focus.
async fn press(client: &Client, keys: &[WdKey]) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys {
        actions = actions.then(KeyAction::Down {
            value: char::from(*key),
        });
    }
    for key in keys.iter().rev() {
        actions = actions.then(KeyAction::Up {
            value: char::from(*key),
        });
    }
    client.perform_actions(actions).await.unwrap();
}

/// What has the focus, for messages.
async fn focused(client: &Client) -> String {
    client
        .execute(
            "const e = document.activeElement;
             return e ? e.outerHTML.slice(0, 160) : 'nothing';",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Whether the focused element matches `css`.
async fn focus_is(client: &Client, css: &str) -> bool {
    client
        .execute(
            "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
            vec![css.into()],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

/// The focused element shows an outline (its own, or its label's when the label is what the
/// eye sees, as for the level cards).
async fn assert_focus_visible(client: &Client) {
    let visible = client
        .execute(
            "const shows = e => { const s = getComputedStyle(e);
                 return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                     || s.boxShadow !== 'none'; };
             const e = document.activeElement;
             if (!e || e === document.body) return false;
             const label = e.closest('label');
             return shows(e) || (!!label && shows(label));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        visible,
        Value::Bool(true),
        "the focus is not visible on {}",
        focused(client).await
    );
}

/// Presses Tab until the focus is on an element matching `css`, checking at every stop that
/// the focus can be seen.
async fn tab_to(client: &Client, css: &str) {
    for _ in 0..60 {
        press(client, &[WdKey::Tab]).await;
        // The body has the focus when Tab has left the page for the browser's own controls.
        if !focus_is(client, "body").await {
            assert_focus_visible(client).await;
        }
        if focus_is(client, css).await {
            return;
        }
    }
    panic!(
        "60 Tabs did not reach {css}; the focus is on {}",
        focused(client).await
    );
}

async fn checked_level(client: &Client, article: &str) -> Option<String> {
    client
        .execute(
            "const c = document.querySelector(`#${arguments[0]} input[name='response']:checked`);
             return c ? c.value : null;",
            vec![article.into()],
        )
        .await
        .unwrap()
        .as_str()
        .map(str::to_owned)
}

#[tokio::test]
async fn a_pillar_is_answered_with_the_keyboard_only() {
    // The focus is visible in the style sheet for everything that takes it.
    let css = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../style/main.css"),
    )
    .unwrap();
    for rule in [
        "a:focus-visible",
        "button:focus-visible",
        "input:focus-visible",
        "select:focus-visible",
        "textarea:focus-visible",
        "summary:focus-visible",
        ".level-card:has(input:focus-visible)",
    ] {
        assert!(css.contains(rule), "style/main.css has no {rule} outline");
    }

    let app = RunningApp::start_with_demo().await;
    let browser = Browser::start("es-EC,es").await;
    let client = &browser.client;
    join_demo(client, &app.base_url, "Solo Teclado").await;

    // From the welcome page to the first step: Tab to the link that starts, Enter.
    wait_for(client, "html.js").await;
    tab_to(client, "main a[href$='/assess/1']").await;
    press(client, &[WdKey::Enter]).await;
    wait_for(client, "article.indicator[data-live='true']").await;
    let articles: Vec<String> = client
        .execute(
            "return [...document.querySelectorAll('article.indicator')].map(a => a.id);",
            vec![],
        )
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert!(
        articles.len() >= 3,
        "a pillar of several indicators: {articles:?}"
    );
    for article in &articles {
        wait_for(client, &format!("#{article}[data-live='true']")).await;
    }

    let mut chosen = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        // Tab enters the level group on its first card; Space chooses it and the arrow keys
        // move the choice, as in any radio group.
        tab_to(client, &format!("#{article} input[name='response']")).await;
        press(client, &[WdKey::Space]).await;
        let level = 2 + i % 4;
        for _ in 1..level {
            press(client, &[WdKey::Right]).await;
        }
        assert_focus_visible(client).await;
        until(
            client,
            &format!(
                "return document.querySelector(\"#{article} input[name='response'][value='{level}']\").checked;"
            ),
            &format!("{article}: level {level} chosen with the arrow keys"),
        )
        .await;
        // Shift+Tab leaves the group and Tab comes back to the chosen card, not the first.
        press(client, &[WdKey::Shift, WdKey::Tab]).await;
        assert!(
            !focus_is(client, &format!("#{article} input[name='response']")).await,
            "Shift+Tab left the level group"
        );
        press(client, &[WdKey::Tab]).await;
        assert!(
            focus_is(
                client,
                &format!("#{article} input[name='response'][value='{level}']")
            )
            .await,
            "Tab came back to the chosen level, not {}",
            focused(client).await
        );
        wait_for(
            client,
            &format!("#{article} .save-status[data-save-state='saved']"),
        )
        .await;
        chosen.push((article.clone(), level.to_string()));
    }

    // On to the next pillar with the step's own button.
    tab_to(client, "main .step-actions a[href$='/assess/2']").await;
    press(client, &[WdKey::Enter]).await;
    until(
        client,
        "return location.pathname.endsWith('/assess/2');",
        "Enter on the next button opened step 2",
    )
    .await;

    // The answers were saved: the first step shows them after a fresh load, and the review
    // no longer lists them.
    client
        .goto(&format!("{}/workshops/1/assess/1", app.base_url))
        .await
        .unwrap();
    wait_for(client, "article.indicator").await;
    for (article, level) in &chosen {
        assert_eq!(
            checked_level(client, article).await.as_deref(),
            Some(level.as_str()),
            "{article} kept level {level}"
        );
    }
    client
        .goto(&format!("{}/workshops/1/review", app.base_url))
        .await
        .unwrap();
    wait_for(client, "main h1").await;
    let left = page_text(client).await;
    for (article, _) in &chosen {
        let code = article.trim_start_matches("ind-");
        let listed = client
            .find_all(Locator::Css(&format!(".unanswered a[href$='#{article}']")))
            .await
            .unwrap();
        assert!(listed.is_empty(), "{code} is still unanswered:\n{left}");
    }
    browser.client.clone().close().await.ok();
}
