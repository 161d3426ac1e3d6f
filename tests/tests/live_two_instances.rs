//! Two app instances on one PostgreSQL database: an answer saved through one reaches a
//! dashboard's event stream on the other within a second. Checked twice: with two `rumbo`
//! server processes (the built binary, as deployed), and with two routers in this process,
//! which runs without a build of the site.
//!
//! Why the in-process pair also counts as two instances: each server below is a complete `server::router` with
//! its own connection pool, its own live hub and its own PostgreSQL listener, served over
//! its own TCP socket. They share nothing but the database, exactly as two `rumbo`
//! processes behind a load balancer do; only PostgreSQL's NOTIFY can carry news from one
//! to the other. All traffic goes over real HTTP/1.1 connections.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use app::db::Db;
use tests::browser::RunningApp;
use tests::http1::{cookie, request};
use tests::{form, Kind, TestDb};

/// Serves a fresh instance on the database at `url`; its address.
async fn instance(url: &str) -> SocketAddr {
    let db = Db::connect(url).await.expect("connect");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    let router = server::router(db, server::leptos_options(addr, "target/site"));
    tokio::spawn(async move {
        axum::serve(listener, router).await.expect("serve");
    });
    addr
}

/// An open event stream.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    async fn open(addr: SocketAddr, path: &str, cookie: &str) -> Events {
        let mut stream = TcpStream::connect(addr).await.expect("connect");
        let head = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\nCookie: {cookie}\r\n\r\n");
        stream.write_all(head.as_bytes()).await.expect("write");
        let mut events = Events {
            stream,
            seen: String::new(),
        };
        let ok = events
            .wait_for("HTTP/1.1 200", Duration::from_secs(5))
            .await;
        assert!(ok, "{}", events.seen);
        assert!(
            events
                .wait_for("event: ready", Duration::from_secs(5))
                .await,
            "{}",
            events.seen
        );
        events
    }

    /// Reads until `needle` appears after what was consumed so far; consumes it.
    async fn wait_for(&mut self, needle: &str, within: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + within;
        let mut buffer = [0_u8; 4096];
        loop {
            if let Some(at) = self.seen.find(needle) {
                self.seen.drain(..at + needle.len());
                return true;
            }
            match tokio::time::timeout_at(deadline, self.stream.read(&mut buffer)).await {
                Ok(Ok(n)) if n > 0 => self.seen.push_str(&String::from_utf8_lossy(&buffer[..n])),
                _ => return false,
            }
        }
    }
}

#[tokio::test]
async fn an_answer_saved_on_one_instance_reaches_a_dashboard_on_the_other() {
    let test_db = TestDb::new(Kind::Postgres).await;
    app::demo::load(&test_db.db).await.expect("demo");
    let a = instance(&test_db.url).await;
    let b = instance(&test_db.url).await;
    answer_on_a_reaches_b(&test_db, a, b).await;
}

#[tokio::test]
async fn two_server_processes_share_news_through_postgresql() {
    let test_db = TestDb::new(Kind::Postgres).await;
    let first = RunningApp::start_on_database(&test_db.url).await;
    let second = RunningApp::start_on_database(&test_db.url).await;
    let addr = |app: &RunningApp| -> SocketAddr {
        app.base_url
            .trim_start_matches("http://")
            .parse()
            .expect("address")
    };
    answer_on_a_reaches_b(&test_db, addr(&first), addr(&second)).await;
}

/// Saves an answer through `a` and expects the demo facilitator's event stream on `b` to
/// hear of it within a second, and `b`'s dashboard to show it.
async fn answer_on_a_reaches_b(test_db: &TestDb, a: SocketAddr, b: SocketAddr) {
    let workshop: i64 = sqlx::query_scalar("SELECT id FROM workshops WHERE is_demo = 1")
        .fetch_one(test_db.db.pool())
        .await
        .unwrap();
    let team: i64 =
        sqlx::query_scalar("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY position LIMIT 1")
            .bind(workshop)
            .fetch_one(test_db.db.pool())
            .await
            .unwrap();
    let indicator: i64 = sqlx::query_scalar(
        "SELECT i.id FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id WHERE w.id = $1 ORDER BY i.id LIMIT 1",
    )
    .bind(workshop)
    .fetch_one(test_db.db.pool())
    .await
    .unwrap();

    // The facilitator signs in on B; a participant joins on A.
    let login = form(&[
        ("email", app::demo::DEMO_FACILITATOR_EMAIL),
        ("password", app::demo::DEMO_FACILITATOR_PASSWORD),
    ]);
    let (head, _) = request(b, "POST", "/api/log_in", "", &login).await;
    let staff = cookie(&head, "rumbo_staff");
    let join = form(&[
        ("code", app::demo::DEMO_JOIN_CODE),
        ("name", "Testigo"),
        ("team", &team.to_string()),
    ]);
    let (head, _) = request(a, "POST", "/api/join_workshop", "", &join).await;
    let participant = cookie(&head, "rumbo_session");

    let mut events = Events::open(
        b,
        &format!("/facilitate/workshops/{workshop}/events"),
        &staff,
    )
    .await;
    let save = |level: &'static str| {
        let participant = participant.clone();
        async move {
            let body = form(&[
                ("workshop", &workshop.to_string()),
                ("indicator", &indicator.to_string()),
                ("response", level),
            ]);
            let (head, body) = request(a, "POST", "/api/save_answer", &participant, &body).await;
            assert!(head.starts_with("HTTP/1.1 200"), "{head}\n{body}");
        }
    };

    // B's listener connects to PostgreSQL in the background as the instance starts; until it
    // has, a notification would be missed. Save until one gets through (a few seconds at
    // most), then let the stream fall quiet.
    let started = Instant::now();
    loop {
        save("3").await;
        if events
            .wait_for("event: changed", Duration::from_millis(500))
            .await
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "B never heard from A: {}",
            events.seen
        );
    }
    while events
        .wait_for("event: changed", Duration::from_millis(700))
        .await
    {}

    // The measured case.
    let started = Instant::now();
    save("5").await;
    assert!(
        events
            .wait_for("event: changed", Duration::from_secs(1))
            .await,
        "no event on B within a second: {}",
        events.seen
    );
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
    // For the record (run with --nocapture): how long the news took, save included.
    eprintln!("answer saved on A, event on B after {elapsed:?}");

    // And the dashboard read on B shows the answer saved on A.
    let (head, body) = request(
        b,
        "POST",
        "/api/dashboard",
        &staff,
        &form(&[("workshop", &workshop.to_string())]),
    )
    .await;
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(body.contains("\"levels\""), "{body}");
}
