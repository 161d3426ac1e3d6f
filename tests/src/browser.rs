//! Running the real server and a real headless Chromium for end-to-end tests.
//!
//! Both processes are owned by guards that kill them when dropped, so a failing test leaves
//! nothing running.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

/// A child process killed on drop, with every process it started (it leads its own process
/// group), so a failing test leaves no browser behind.
pub struct ProcessGuard(Child);

impl ProcessGuard {
    fn spawn(command: &mut Command) -> std::io::Result<ProcessGuard> {
        use std::os::unix::process::CommandExt;
        command.process_group(0).spawn().map(ProcessGuard)
    }
}

impl Drop for ProcessGuard {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A free TCP port on the loopback interface.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The `rumbo` binary built by cargo-leptos, and the site it serves.
fn built_app() -> (PathBuf, PathBuf) {
    let bin = std::env::var_os("RUMBO_BIN").map(PathBuf::from).unwrap_or_else(|| {
        panic!("RUMBO_BIN is not set: browser tests need the app built by cargo-leptos; run `make test`")
    });
    let site = std::env::var_os("LEPTOS_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site"));
    assert!(
        bin.is_file(),
        "RUMBO_BIN {} does not exist; run `make test`",
        bin.display()
    );
    assert!(
        site.join("pkg").is_dir(),
        "the built site {} is missing; run `make test`",
        site.display()
    );
    (bin, site)
}

/// A `rumbo` server on its own SQLite database, with the demo workshop loaded.
pub struct RunningApp {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    server: Option<ProcessGuard>,
    bin: PathBuf,
    site: PathBuf,
    url: String,
    port: u16,
    _dir: tempfile::TempDir,
}

impl RunningApp {
    /// Loads the demo into a fresh database and starts serving it.
    pub async fn start_with_demo() -> RunningApp {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite:{}", dir.path().join("rumbo.db").display());
        RunningApp::start_on(&url, dir).await
    }

    /// Loads the demo (unless it is there) into the database at `url` and starts serving it:
    /// several of these on one PostgreSQL database are several instances of the app.
    pub async fn start_on_database(url: &str) -> RunningApp {
        let dir = tempfile::tempdir().expect("temporary folder");
        RunningApp::start_on(url, dir).await
    }

    async fn start_on(url: &str, dir: tempfile::TempDir) -> RunningApp {
        let (bin, site) = built_app();
        let port = free_port();
        let status = Command::new(&bin)
            .arg("demo")
            .env("DATABASE_URL", url)
            .stdout(Stdio::null())
            .status()
            .expect("run rumbo demo");
        assert!(status.success(), "rumbo demo failed");
        let mut app = RunningApp {
            base_url: format!("http://127.0.0.1:{port}"),
            server: None,
            bin,
            site,
            url: url.to_owned(),
            port,
            _dir: dir,
        };
        app.start().await;
        app
    }

    /// The database it serves, opened by the test itself, to set a scene the pages cannot.
    pub async fn database(&self) -> app::db::Db {
        app::db::Db::connect(&self.url)
            .await
            .expect("open the app's database")
    }

    /// Starts the server (again) on the same port and database.
    pub async fn start(&mut self) {
        let server = ProcessGuard::spawn(
            Command::new(&self.bin)
                .arg("serve")
                .env("DATABASE_URL", &self.url)
                .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", self.port))
                .env("LEPTOS_SITE_ROOT", &self.site)
                .env("RUST_LOG", "warn"),
        )
        .expect("start rumbo serve");
        self.server = Some(server);
        wait_for_port(self.port, "rumbo").await;
    }

    /// Kills the server, as a crash or a restart would, and waits until the port is closed.
    pub async fn stop(&mut self) {
        drop(self.server.take());
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
            assert!(Instant::now() < deadline, "rumbo did not stop");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

async fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "{what} did not start listening on port {port}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A headless Chromium driven through chromedriver.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    _driver: ProcessGuard,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium that prefers `accept_language`.
    pub async fn start(accept_language: &str) -> Browser {
        let port = free_port();
        let driver = ProcessGuard::spawn(
            Command::new("chromedriver")
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )
        .expect("chromedriver must be installed (make test installs it)");
        wait_for_port(port, "chromedriver").await;
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
                "prefs": { "intl.accept_languages": accept_language },
            }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("start a Chromium session");
        Browser {
            client,
            _driver: driver,
            _profile: profile,
        }
    }
}

/// How long a browser test waits for something to appear. Generous: a debug build hydrating
/// while other test binaries compete for two cores has taken more than 20 s; a passing test
/// never waits this long, so only a failure pays for it.
pub const WAIT: Duration = Duration::from_secs(40);

/// Waits for an element; on failure, panics with what the page showed.
pub async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    match client
        .wait()
        .at_most(WAIT)
        .for_element(fantoccini::Locator::Css(css))
        .await
    {
        Ok(element) => element,
        Err(e) => {
            let url = client
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            panic!(
                "{css} did not appear on {url}: {e}\n--- page text ---\n{}",
                page_text(client).await
            )
        }
    }
}

/// The visible text of the page, for failure messages.
pub async fn page_text(client: &Client) -> String {
    client
        .execute("return document.body.innerText;", vec![])
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Signs in on the app's login page as the demo facilitator.
pub async fn sign_in_as_demo_facilitator(client: &Client, base_url: &str) {
    client.goto(&format!("{base_url}/login")).await.unwrap();
    wait_for(client, "#login-email")
        .await
        .send_keys(app::demo::DEMO_FACILITATOR_EMAIL)
        .await
        .unwrap();
    wait_for(client, "#login-password")
        .await
        .send_keys(app::demo::DEMO_FACILITATOR_PASSWORD)
        .await
        .unwrap();
    client
        .find(fantoccini::Locator::XPath(
            "//form[.//input[@id='login-email']]//button[@type='submit']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Runs `script` until it returns `true`; on failure, panics with `what` and the page's text.
/// A script error (the page between two documents) counts as "not yet".
pub async fn wait_until(client: &Client, what: &str, script: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline {
        if client.execute(script, vec![]).await.ok() == Some(serde_json::Value::Bool(true)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}\n--- page text ---\n{}", page_text(client).await);
}

/// Clicks `css`, finding it again if it was drawn anew in the meantime (hydration and live
/// updates replace elements, which makes an element found a moment ago stale).
pub async fn click(client: &Client, css: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline {
        if let Ok(button) = client.find(fantoccini::Locator::Css(css)).await {
            if button.click().await.is_ok() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "could not click {css}\n--- page text ---\n{}",
        page_text(client).await
    );
}

/// Types `text` into the field `css`, finding it again until the text is really in the field
/// on the page (a field drawn anew just after hydration loses what was typed into the old one).
pub async fn type_into(client: &Client, css: &str, text: &str) {
    let check = format!("return document.querySelector({css:?})?.value === {text:?};");
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline {
        if let Ok(field) = client.find(fantoccini::Locator::Css(css)).await {
            let _ = field.clear().await;
            let _ = field.send_keys(text).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            if client.execute(&check, vec![]).await.ok() == Some(serde_json::Value::Bool(true)) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not type into {css}");
}

/// Runs `script` until it returns a string, and returns it; on failure, panics with `what`
/// and the page's text. Reading in the page itself means that a part drawn anew in the
/// meantime cannot go stale in our hands.
async fn read_string(client: &Client, script: &str, what: &str) -> String {
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline {
        if let Ok(serde_json::Value::String(text)) = client.execute(script, vec![]).await {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}\n--- page text ---\n{}", page_text(client).await);
}

/// The value of the field `css` once it has one, read in the page.
pub async fn value_of(client: &Client, css: &str) -> String {
    let script = format!("return document.querySelector({css:?})?.value || null;");
    read_string(client, &script, &format!("{css} never had a value")).await
}

/// The text of the first element matching `css` once there is one, read in the page.
pub async fn text_of(client: &Client, css: &str) -> String {
    let script =
        format!("const e = document.querySelector({css:?}); return e ? e.innerText : null;");
    read_string(client, &script, &format!("{css} did not appear")).await
}
