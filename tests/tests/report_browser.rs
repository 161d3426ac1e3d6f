//! The printable report and the downloads in a real headless Chromium, as a facilitator and a
//! participant would use them: the workshop's XLSX saved from the export page's link, a chart
//! saved as a PNG by its "Download PNG" link (a real browser download, checked on disk), the
//! report showing every chart drawn with its table, and "print to PDF" giving a document.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::Value;
use tests::browser::{
    free_port, page_text, sign_in_as_demo_facilitator, wait_for, wait_until, RunningApp, WAIT,
};

/// The first bytes of every PNG file.
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// chromedriver, killed with its browser when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A headless Chromium that saves downloads into `folder` without asking (the shared
/// `Browser` of the test crate keeps Chromium's defaults, which ask).
struct DownloadingBrowser {
    client: Client,
    _driver: Driver,
    _profile: tempfile::TempDir,
}

impl DownloadingBrowser {
    async fn start(accept_language: &str, folder: &Path) -> DownloadingBrowser {
        use std::os::unix::process::CommandExt;
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map(Driver)
            .expect("chromedriver must be installed (make test installs it)");
        let deadline = tokio::time::Instant::now() + WAIT;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                tokio::time::Instant::now() < deadline,
                "chromedriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().expect("profile folder");
        let capabilities = serde_json::json!({
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                    format!("--lang={accept_language}"),
                ],
                "prefs": {
                    "intl.accept_languages": accept_language,
                    "download.default_directory": folder.display().to_string(),
                    "download.prompt_for_download": false,
                    "download.directory_upgrade": true,
                    "safebrowsing.enabled": false,
                },
            }
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("start a Chromium session");
        DownloadingBrowser {
            client,
            _driver: driver,
            _profile: profile,
        }
    }
}

/// Waits until a finished file whose name ends with `suffix` is in `folder` (Chromium writes
/// `*.crdownload` until it is done) and returns its bytes.
async fn downloaded(folder: &Path, suffix: &str) -> (PathBuf, Vec<u8>) {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let found = std::fs::read_dir(folder)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(suffix));
        if let Some(path) = found {
            let bytes = std::fs::read(&path).unwrap();
            if !bytes.is_empty() {
                return (path, bytes);
            }
        }
        let listing: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert!(
            tokio::time::Instant::now() < deadline,
            "no *{suffix} was downloaded; the folder holds {listing:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Every chart box of the page is drawn by ECharts and has a canvas.
const ALL_CHARTS_DRAWN: &str = "const charts = [...document.querySelectorAll('.chart')];
    return charts.length > 0 && charts.every(c => c.dataset.drawn === 'true' && c.querySelector('canvas'));";

/// The facilitator's part: the XLSX from the export page, then the whole-workshop report.
async fn facilitator_downloads_and_reads_the_report(app: &RunningApp, workshop: i64) {
    let folder = tempfile::tempdir().unwrap();
    let browser = DownloadingBrowser::start("es-EC,es", folder.path()).await;
    let client = &browser.client;
    sign_in_as_demo_facilitator(client, &app.base_url).await;
    wait_for(client, "#create-title").await;

    // The workshop's XLSX, by the export page's link.
    let export = format!("{}/facilitate/workshops/{workshop}/export", app.base_url);
    client.goto(&export).await.unwrap();
    wait_for(client, "html.js").await;
    let link = client
        .find(Locator::Css("a[href*='export.xlsx']:not([href*='team='])"))
        .await
        .expect("the export page links the workshop's XLSX");
    let href = link.attr("href").await.unwrap().unwrap_or_default();
    assert!(
        href.contains(&format!("/facilitate/workshops/{workshop}/export.xlsx")),
        "{href}"
    );
    link.click().await.unwrap();
    let (path, bytes) = downloaded(folder.path(), ".xlsx").await;
    assert!(
        bytes.starts_with(b"PK"),
        "{} is not a zip (XLSX) file",
        path.display()
    );
    // Opened by an independent reader, with the sheets the export promises.
    let workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a readable workbook");
    let sheets = calamine::Reader::sheet_names(&workbook);
    assert!(
        sheets.len() >= 4,
        "{} has sheets {sheets:?}",
        path.display()
    );

    // The whole workshop's report: the dashboard's four charts and every team's, drawn, each
    // with its table.
    let report = format!("{}/facilitate/workshops/{workshop}/report", app.base_url);
    client.goto(&report).await.unwrap();
    wait_for(client, "html.js").await;
    wait_for(client, "#rep-title").await;
    wait_until(
        client,
        "the report's charts were not all drawn",
        ALL_CHARTS_DRAWN,
    )
    .await;
    // The links are shown by the page's reactive update after each drawing: a moment later.
    wait_until(
        client,
        "a drawn chart without its PNG link",
        "return document.querySelectorAll('.chart-png:not([hidden])').length
             === document.querySelectorAll('.chart').length;",
    )
    .await;
    let facts = client
        .execute(
            "const q = s => document.querySelectorAll(s).length;
             return {
                 charts: q('.chart'),
                 workshop_charts: q('#rep-workshop .chart'),
                 workshop_tables: q('#rep-workshop table'),
                 teams: q('.report-team'),
                 team_radars: q('.report-team .chart[id$=\"-radar\"]'),
                 gantts: q('.report-team .chart[id$=\"-rm-gantt\"]'),
                 closed_tables: q('.report-section details.data-details:not([open])'),
                 buttons: q('.chart-png:not([hidden])'),

                 print: q('#rep-print'),
                 phase: document.getElementById('rep-phase').textContent.trim(),
             };",
            vec![],
        )
        .await
        .unwrap();
    let n = |key: &str| facts[key].as_u64().unwrap_or(0);
    assert_eq!(n("workshop_charts"), 4, "{facts}");
    assert!(
        n("workshop_tables") >= 4,
        "every dashboard chart has its table: {facts}"
    );
    assert!(n("teams") >= 2, "the demo has several teams: {facts}");
    assert!(n("team_radars") >= n("teams"), "{facts}");
    assert!(n("gantts") >= 1, "the demo's roadmaps are drawn: {facts}");
    assert_eq!(
        n("closed_tables"),
        0,
        "tables are open for printing: {facts}"
    );
    assert_eq!(
        n("buttons"),
        n("charts"),
        "a PNG link under every chart: {facts}"
    );
    assert_eq!(n("print"), 1, "{facts}");
    assert!(!facts["phase"].as_str().unwrap_or("").is_empty(), "{facts}");
    // Every team's commitments, once loaded; one section per team, so ids must not repeat.
    wait_until(
        client,
        "the commitments never loaded",
        "const sections = [...document.querySelectorAll('section.commitments')];
         return sections.length >= 2 && sections.every(s => !s.textContent.includes('Cargando'));",
    )
    .await;
    let repeated = client
        .execute(
            "const seen = new Set(), repeated = [];
             for (const e of document.querySelectorAll('[id]')) {
                 if (seen.has(e.id)) repeated.push(e.id);
                 seen.add(e.id);
             }
             return repeated;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        repeated,
        serde_json::json!([]),
        "ids used twice on the report"
    );
    // Each chart of a team is followed by a table of the same section.
    wait_until(
        client,
        "a team chart without a table after it",
        "return [...document.querySelectorAll('.report-team .chart')].every(c => {
             const block = c.closest('.rm-section, .report-block');
             return block && block.querySelector('table');
         });",
    )
    .await;
    // The numbers in the report are the dashboard's: the first team's pillar averages.
    let first_team = client
        .execute(
            "const table = document.querySelector('#rep-workshop table');
             const row = table.tBodies[0].rows[0];
             return [...row.cells].slice(1).map(c => c.textContent.trim());",
            vec![],
        )
        .await
        .unwrap();
    let in_team_section = client
        .execute(
            "const table = document.querySelector('.report-team table');
             return [...table.tBodies[0].rows].map(r => r.cells[1].textContent.trim());",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(first_team, in_team_section, "pillar averages differ");

    // A chart saved as a PNG by its link: a real download, checked on disk.
    client
        .find(Locator::Css("#rep-radar-png"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let (path, png) = downloaded(folder.path(), "rep-radar.png").await;
    assert!(
        png.starts_with(&PNG_SIGNATURE),
        "{} is not a PNG",
        path.display()
    );
    // Twice the screen's pixels: width and height sit in the IHDR chunk.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert!(width >= 1_000, "{} is {width} px wide", path.display());

    // "Print to PDF" gives a document of several pages.
    let pdf = client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    if let Ok(dir) = std::env::var("REPORT_PDF_DIR") {
        std::fs::write(Path::new(&dir).join("workshop-report.pdf"), &pdf).unwrap();
    }
    let pages = pdf.windows(10).filter(|w| w == b"/Type /Pag").count();
    assert!(pages >= 3, "{pages} pages");

    // One team's report from the staff side: only that team.
    let team: i64 = client
        .execute(
            "return Number(document.querySelector('.report-team').id.replace('rep-team-', ''));",
            vec![],
        )
        .await
        .unwrap()
        .as_i64()
        .unwrap();
    client.goto(&format!("{report}?team={team}")).await.unwrap();
    wait_for(client, &format!("#rep-team-{team}")).await;
    let counts = client
        .execute(
            "return [document.querySelectorAll('.report-team').length, document.querySelectorAll('#rep-workshop').length];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        counts,
        serde_json::json!([1, 0]),
        "{}",
        page_text(client).await
    );
    // An unknown team is "not found", not an empty report.
    client.goto(&format!("{report}?team=999999")).await.unwrap();
    wait_for(client, ".notice.error").await;
    assert_eq!(
        client
            .execute(
                "return document.querySelectorAll('.report-team').length;",
                vec![]
            )
            .await
            .unwrap(),
        serde_json::json!(0)
    );
    let _ = client.clone().close().await;
}

/// The participant's part: their own team's report, and nothing of the other teams.
async fn participant_reads_their_team_report(app: &RunningApp, workshop: i64, team: i64) {
    let folder = tempfile::tempdir().unwrap();
    let browser = DownloadingBrowser::start("en-GB,en", folder.path()).await;
    let client = &browser.client;
    client.goto(&format!("{}/", app.base_url)).await.unwrap();
    let joined = client
        .execute(
            "const [code, team] = arguments;
             return fetch('/api/join_workshop', { method: 'POST', headers: { accept: 'application/json' },
                 body: new URLSearchParams({ code, name: 'Rosa Guamán', team }) }).then(r => r.status);",
            vec![app::demo::DEMO_JOIN_CODE.into(), team.to_string().into()],
        )
        .await
        .unwrap();
    assert!(joined.as_u64().is_some_and(|s| s < 400), "join: {joined}");
    client
        .goto(&format!("{}/workshops/{workshop}/report", app.base_url))
        .await
        .unwrap();
    wait_for(client, "html.js").await;
    wait_for(client, &format!("#rep-team-{team}")).await;
    wait_until(
        client,
        "the team report's charts were not all drawn",
        ALL_CHARTS_DRAWN,
    )
    .await;
    let facts = client
        .execute(
            "return [document.querySelectorAll('.report-team').length,
                     document.querySelectorAll('#rep-workshop').length,
                     document.body.innerText.includes('Rosa Guamán'),
                     document.getElementById('rep-print').textContent.trim()];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        facts,
        serde_json::json!([1, 0, false, "Print / save as PDF"]),
        "{}",
        page_text(client).await
    );
    // A PNG from the team's own chart.
    client
        .find(Locator::Css(&format!("#rep-team-{team}-radar-png")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let (_, png) = downloaded(folder.path(), ".png").await;
    assert!(png.starts_with(&PNG_SIGNATURE));
    let _ = client.clone().close().await;
}

#[tokio::test]
async fn the_report_shows_every_chart_with_its_table_and_charts_and_exports_download() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("rumbo.db").display());
    let app = RunningApp::start_on_database(&url).await;
    let db = app::db::Db::connect(&url).await.unwrap();
    let (workshop, _, _) = app::workshop::repo::demo(db.pool())
        .await
        .unwrap()
        .expect("demo workshop");
    let teams = app::workshop::repo::teams(db.pool(), workshop)
        .await
        .unwrap();
    let team = teams.first().expect("a team").id;
    db.close().await;

    facilitator_downloads_and_reads_the_report(&app, workshop.0).await;
    participant_reads_their_team_report(&app, workshop.0, team.0).await;
}
