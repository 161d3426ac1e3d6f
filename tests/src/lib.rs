//! Shared helpers for Rumbo's test binaries: a fresh database per test on SQLite or
//! PostgreSQL, the app driven in-process, and small request helpers.

pub mod browser;
pub mod hostile;
pub mod http1;

use std::sync::atomic::{AtomicU32, Ordering};

use axum::body::Body;
use axum::Router;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use sqlx::Connection;
use tower::ServiceExt;

use app::db::Db;

/// The PostgreSQL server the tests create their databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A new SQLite file in a temporary folder.
    Sqlite,
    /// A new database on the test PostgreSQL server, dropped afterwards.
    Postgres,
}

/// A migrated, empty database that disappears when dropped.
pub struct TestDb {
    /// The pool.
    pub db: Db,
    /// Its URL, for starting a server process on it.
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Folder(#[allow(dead_code)] tempfile::TempDir),
    Database(String),
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TestDb {
    /// Creates and migrates a fresh database of the given kind.
    pub async fn new(kind: Kind) -> TestDb {
        let (url, cleanup) = match kind {
            Kind::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary folder");
                let url = format!("sqlite:{}", dir.path().join("rumbo.db").display());
                (url, Cleanup::Folder(dir))
            }
            Kind::Postgres => {
                let name = format!(
                    "rumbo_test_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::Relaxed)
                );
                let mut admin = sqlx::PgConnection::connect(&postgres_admin_url())
                    .await
                    .expect("PostgreSQL must answer at TEST_POSTGRES_URL (see README)");
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
                    .execute(&mut admin)
                    .await
                    .expect("drop stale test database");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .await
                    .expect("create test database");
                let base = postgres_admin_url();
                let url = match base.rsplit_once('/') {
                    Some((server, _)) => format!("{server}/{name}"),
                    None => panic!("TEST_POSTGRES_URL must name a database"),
                };
                (url, Cleanup::Database(name))
            }
        };
        let db = Db::connect(&url)
            .await
            .expect("connect to the test database");
        db.migrate().await.expect("migrate the test database");
        TestDb { db, url, cleanup }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Database(name) = &self.cleanup {
            let name = name.clone();
            // Drop cannot await, and the test's runtime is busy running this very drop: a
            // thread with its own runtime and its own connection drops the database. FORCE
            // ends the pool's connections, which belong to the test's runtime.
            let _ = std::thread::spawn(move || {
                let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                runtime.block_on(async move {
                    if let Ok(mut admin) = sqlx::PgConnection::connect(&postgres_admin_url()).await
                    {
                        let _ =
                            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut admin)
                                .await;
                    }
                });
            })
            .join();
        }
    }
}

/// The app on a fresh database, driven in-process (no socket).
pub struct TestApp {
    /// The database behind it.
    pub test_db: TestDb,
    router: Router,
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: http::HeaderMap,
    /// Body as text.
    pub body: String,
}

impl Reply {
    /// The body parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl TestApp {
    /// A fresh app on a fresh database.
    pub async fn new(kind: Kind) -> TestApp {
        let test_db = TestDb::new(kind).await;
        let options = server::leptos_options(([127, 0, 0, 1], 3000).into(), "target/site");
        let router = server::router(test_db.db.clone(), options);
        TestApp { test_db, router }
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.test_db.db
    }

    /// Sends a request and reads the whole response.
    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible router");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("read body")
            .to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// `GET path` with extra headers.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Reply {
        self.get_with(path, &[]).await
    }

    /// Calls a server function with a URL-encoded body, as browsers do.
    pub async fn call(&self, endpoint: &str, form: &str) -> Reply {
        self.call_with(endpoint, form, &[]).await
    }

    /// Calls a server function with a URL-encoded body and extra headers.
    pub async fn call_with(&self, endpoint: &str, form: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = Request::post(format!("/api/{endpoint}"))
            .header("content-type", "application/x-www-form-urlencoded");
        // What our pages' scripts send, unless the test plays a browser without JavaScript.
        if !headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("accept"))
        {
            request = request.header("accept", "application/json");
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(form.to_owned())).expect("request"))
            .await
    }

    /// Calls a server function as the holder of a session cookie (`rumbo_session=…`).
    pub async fn call_as(&self, cookie: &str, endpoint: &str, pairs: &[(&str, &str)]) -> Reply {
        self.call_with(endpoint, &form(pairs), &[("cookie", cookie)])
            .await
    }

    /// Calls a server function from a given client address, as the server sees it.
    pub async fn call_from(&self, ip: [u8; 4], endpoint: &str, pairs: &[(&str, &str)]) -> Reply {
        let mut request = Request::post(format!("/api/{endpoint}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(Body::from(form(pairs)))
            .expect("request");
        let addr = std::net::SocketAddr::from((ip, 40000));
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(addr));
        self.send(request).await
    }

    /// Joins a workshop as a new participant; returns their session cookie (`name=value`).
    pub async fn join(&self, code: &str, name: &str, team: i64) -> String {
        let reply = self
            .call(
                "join_workshop",
                &form(&[("code", code), ("name", name), ("team", &team.to_string())]),
            )
            .await;
        assert!(
            reply.status.is_redirection() || reply.status.is_success(),
            "join: {reply:?}"
        );
        cookie_from(&reply, "rumbo_session")
            .unwrap_or_else(|| panic!("no session cookie: {reply:?}"))
    }
}

impl TestApp {
    /// Signs a facilitator in; returns their session cookie (`rumbo_staff=…`).
    pub async fn log_in(&self, email: &str, password: &str) -> String {
        let reply = self
            .call("log_in", &form(&[("email", email), ("password", password)]))
            .await;
        assert!(
            reply.status.is_redirection() || reply.status.is_success(),
            "log in: {reply:?}"
        );
        cookie_from(&reply, "rumbo_staff").unwrap_or_else(|| panic!("no staff cookie: {reply:?}"))
    }

    /// Creates a facilitator account directly in the database and signs it in; returns the
    /// session cookie.
    pub async fn facilitator(&self, email: &str) -> String {
        let email_parsed = app::facilitator::Email::parse(email).expect("test e-mail");
        let phc = app::facilitator::password::hash(TEST_PASSWORD.to_owned())
            .await
            .expect("hash");
        app::facilitator::repo::create(self.db().pool(), &email_parsed, email, &phc, false)
            .await
            .expect("create facilitator");
        self.log_in(email, TEST_PASSWORD).await
    }

    /// Loads the demo workshop and signs its facilitator in; returns the workshop id and the
    /// session cookie.
    pub async fn demo_facilitator(&self) -> (i64, String) {
        let outcome = app::demo::load(self.db()).await.expect("demo");
        let cookie = self
            .log_in(
                app::demo::DEMO_FACILITATOR_EMAIL,
                app::demo::DEMO_FACILITATOR_PASSWORD,
            )
            .await;
        (outcome.workshop.0, cookie)
    }
}

/// The password [`TestApp::facilitator`] gives every account it creates.
pub const TEST_PASSWORD: &str = "a test password";

/// A URL-encoded form body.
pub fn form(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The `name=value` of a cookie a response sets, if it sets it to something.
pub fn cookie_from(reply: &Reply, name: &str) -> Option<String> {
    reply
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with(&format!("{name}=")) && pair.len() > name.len() + 1)
        .map(str::to_owned)
}

/// Runs the same async test body on SQLite and on PostgreSQL, as two tests.
#[macro_export]
macro_rules! on_both_databases {
    ($(async fn $name:ident($app:ident: TestApp) $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn body($app: $crate::TestApp) $body

            #[tokio::test]
            async fn sqlite() {
                body($crate::TestApp::new($crate::Kind::Sqlite).await).await;
            }

            #[tokio::test]
            async fn postgres() {
                body($crate::TestApp::new($crate::Kind::Postgres).await).await;
            }
        }
    )*};
}
