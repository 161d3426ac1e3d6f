//! Crash safety: the real `rumbo` server (RUMBO_BIN) on SQLite and on PostgreSQL takes a
//! concurrent load of participant autosaves over HTTP and is killed with SIGKILL in the
//! middle of it, three times; restarted on the same database, it must hold every save it had
//! acknowledged (or a later save of the same answer by the same participant).
//!
//! Nothing here depends on timing: the kills happen after a number of acknowledged saves,
//! whatever the speed, and the check only compares what was acknowledged with what is
//! stored. docs/durability.md explains the database settings this relies on.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::Row;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use tests::browser::RunningApp;
use tests::{form, Kind, TestDb};

/// Simulated participants saving at once.
const PARTICIPANTS: usize = 20;
/// Acknowledged saves to wait for before each kill.
const SAVES_BEFORE_KILL: usize = 300;
/// Kills per run.
const KILLS: usize = 3;

#[tokio::test]
async fn sqlite_acknowledged_saves_survive_sigkill() {
    survive_sigkill(Kind::Sqlite).await;
}

#[tokio::test]
async fn postgres_acknowledged_saves_survive_sigkill() {
    survive_sigkill(Kind::Postgres).await;
}

/// The settings of docs/durability.md are those of every pooled connection, not only the
/// first (PRAGMAs other than journal_mode belong to a connection). Needs no built server.
#[tokio::test]
async fn sqlite_connections_are_durable() {
    let test_db = TestDb::new(Kind::Sqlite).await;
    let pool = test_db.db.pool();
    // Hold several connections at once so the pool has to open more than one.
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(pool.acquire().await.expect("connection"));
    }
    for connection in &mut held {
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut **connection)
            .await
            .expect("journal_mode");
        assert_eq!(mode.to_lowercase(), "wal");
        // 2 is FULL.
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut **connection)
            .await
            .expect("synchronous");
        assert_eq!(synchronous, 2);
        let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut **connection)
            .await
            .expect("busy_timeout");
        assert!(busy >= 1000, "busy_timeout {busy}");
        let keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&mut **connection)
            .await
            .expect("foreign_keys");
        assert_eq!(keys, 1);
    }
}

/// One save as the client saw it.
#[derive(Debug, Clone, Copy)]
struct Save {
    participant: usize,
    indicator: i64,
    seq: u64,
}

#[derive(Default)]
struct Tally {
    acknowledged: Mutex<Vec<Save>>,
    acknowledged_count: AtomicUsize,
    refused: Mutex<HashMap<String, usize>>,
    unanswered: AtomicUsize,
}

async fn survive_sigkill(kind: Kind) {
    let test_db = TestDb::new(kind).await;
    let mut app = RunningApp::start_on_database(&test_db.url).await;
    let addr: SocketAddr = app
        .base_url
        .trim_start_matches("http://")
        .parse()
        .expect("address");
    let db = &test_db.db;
    // The demo is the only workshop.
    let workshop: i64 = sqlx::query_scalar("SELECT MIN(id) FROM workshops")
        .fetch_one(db.pool())
        .await
        .expect("the demo workshop");
    let teams: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM teams WHERE workshop_id = $1 ORDER BY id")
            .bind(workshop)
            .fetch_all(db.pool())
            .await
            .expect("teams");
    let indicators: Vec<i64> = sqlx::query_scalar(
        "SELECT i.id FROM indicators i JOIN workshops w ON w.framework_id = i.framework_id
         WHERE w.id = $1 ORDER BY i.id",
    )
    .bind(workshop)
    .fetch_all(db.pool())
    .await
    .expect("indicators");
    assert!(!indicators.is_empty());

    let mut cookies = Vec::new();
    for p in 0..PARTICIPANTS {
        let body = form(&[
            ("code", app::demo::DEMO_JOIN_CODE),
            ("name", &name(p)),
            ("team", &teams[p % teams.len()].to_string()),
        ]);
        let (status, head, reply) = post(addr, "/api/join_workshop", "", &body)
            .await
            .expect("join");
        assert!(status < 400, "join: {status} {reply}");
        cookies.push(tests::http1::cookie(&head, "rumbo_session"));
    }

    let tally = Arc::new(Tally::default());
    let stop = Arc::new(AtomicBool::new(false));
    let mut workers = Vec::new();
    for (p, cookie) in cookies.into_iter().enumerate() {
        let tally = tally.clone();
        let stop = stop.clone();
        let indicators = indicators.clone();
        workers.push(tokio::spawn(async move {
            let mut seq = 0u64;
            while !stop.load(Ordering::Relaxed) {
                seq += 1;
                let indicator = indicators[(seq as usize + p) % indicators.len()];
                let body = form(&[
                    ("workshop", &workshop.to_string()),
                    ("indicator", &indicator.to_string()),
                    ("response", &level(seq).to_string()),
                    ("note", &note(p, seq)),
                ]);
                match post(addr, "/api/save_answer", &cookie, &body).await {
                    Ok((200, _, _)) => {
                        tally.acknowledged.lock().expect("tally").push(Save {
                            participant: p,
                            indicator,
                            seq,
                        });
                        tally.acknowledged_count.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok((status, _, _)) => {
                        *tally
                            .refused
                            .lock()
                            .expect("tally")
                            .entry(status.to_string())
                            .or_default() += 1;
                    }
                    Err(_) => {
                        // The server is down (killed, or not yet back): try again shortly.
                        tally.unanswered.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                }
            }
        }));
    }

    for kill in 0..KILLS {
        let target = (kill + 1) * SAVES_BEFORE_KILL;
        wait_until(&format!("{target} acknowledged saves"), || {
            tally.acknowledged_count.load(Ordering::Relaxed) >= target
        })
        .await;
        // SIGKILL to the server's process group, while the workers keep sending.
        app.stop().await;
        app.start().await;
    }
    // Some saves after the last restart, so the server is seen to work again.
    let target = (KILLS + 1) * SAVES_BEFORE_KILL;
    wait_until(&format!("{target} acknowledged saves"), || {
        tally.acknowledged_count.load(Ordering::Relaxed) >= target
    })
    .await;
    // The last kill is in the middle of the load too; nothing is stopped gracefully.
    app.stop().await;
    stop.store(true, Ordering::Relaxed);
    for worker in workers {
        worker.await.expect("worker");
    }
    app.start().await;

    // Latest acknowledged seq per (participant, indicator).
    let acknowledged = tally.acknowledged.lock().expect("tally").clone();
    let mut latest: HashMap<(usize, i64), u64> = HashMap::new();
    for save in &acknowledged {
        let entry = latest
            .entry((save.participant, save.indicator))
            .or_default();
        *entry = (*entry).max(save.seq);
    }
    // Read through a fresh connection, as the restarted server does.
    let reader = app::db::Db::connect(&test_db.url).await.expect("reconnect");
    let rows = sqlx::query(
        "SELECT p.display_name, a.indicator_id, a.note, a.level FROM answers a
         JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $1 AND p.display_name LIKE 'Crash %'",
    )
    .bind(workshop)
    .fetch_all(reader.pool())
    .await
    .expect("answers");
    let mut stored: HashMap<(usize, i64), (u64, i64)> = HashMap::new();
    for row in &rows {
        let participant: String = row.get("display_name");
        let p: usize = participant
            .trim_start_matches("Crash ")
            .parse()
            .expect("a participant of this test");
        let note: String = row.get("note");
        let seq = parse_note(&note, p).unwrap_or_else(|| panic!("unexpected note {note}"));
        let indicator: i64 = row.get("indicator_id");
        let stored_level: i64 = row
            .try_get::<i64, _>("level")
            .unwrap_or_else(|_| i64::from(row.get::<i32, _>("level")));
        assert_eq!(
            stored_level,
            i64::from(level(seq)),
            "level of save {seq} of {participant}"
        );
        stored.insert((p, indicator), (seq, stored_level));
    }
    let mut lost = Vec::new();
    for ((p, indicator), seq) in &latest {
        match stored.get(&(*p, *indicator)) {
            // The same save, or a later one of the same participant that was sent after
            // it (and perhaps committed just before a kill, without an answer).
            Some((found, _)) if found >= seq => {}
            other => lost.push(format!(
                "participant {p}, indicator {indicator}: acknowledged save {seq}, stored {other:?}"
            )),
        }
    }
    reader.close().await;
    let refused = tally.refused.lock().expect("tally").clone();
    eprintln!(
        "{kind:?}: {} acknowledged saves ({} distinct answers) across {KILLS}+1 SIGKILLs; {} requests unanswered while down; refused by status: {refused:?}",
        acknowledged.len(),
        latest.len(),
        tally.unanswered.load(Ordering::Relaxed)
    );
    assert!(
        lost.is_empty(),
        "{kind:?}: acknowledged saves lost: {lost:#?}"
    );
    app.stop().await;
}

fn name(p: usize) -> String {
    format!("Crash {p}")
}

fn note(p: usize, seq: u64) -> String {
    format!("crash-{p}-{seq}")
}

fn parse_note(note: &str, p: usize) -> Option<u64> {
    note.strip_prefix(&format!("crash-{p}-"))?.parse().ok()
}

/// The level a save sends, derived from its number so a stored row can be checked whole.
fn level(seq: u64) -> u8 {
    (seq % 5) as u8 + 1
}

async fn wait_until(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(180);
    while !done() {
        assert!(Instant::now() < deadline, "waited in vain for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A form POST on its own connection, as a same-origin page sends it; the status, head
/// and body, or the I/O error (the server is down).
async fn post(
    addr: SocketAddr,
    path: &str,
    cookie: &str,
    body: &str,
) -> std::io::Result<(u16, String, String)> {
    let exchange = async {
        let mut stream = TcpStream::connect(addr).await?;
        let cookie = if cookie.is_empty() {
            String::new()
        } else {
            format!("Cookie: {cookie}\r\n")
        };
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nConnection: close\r\n\
             Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\n{cookie}\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await?;
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).await?;
        Ok::<_, std::io::Error>(reply)
    };
    let reply = tokio::time::timeout(Duration::from_secs(30), exchange)
        .await
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "no answer"))??;
    let reply = String::from_utf8_lossy(&reply).into_owned();
    let (head, body) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "no status line"))?;
    Ok((status, head.to_owned(), body.to_owned()))
}
