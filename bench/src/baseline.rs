//! The practical limit Rumbo's autosave is compared with: an axum handler that reads the same
//! kind of form and does one plain sqlx `INSERT`, on the same kind of database, with a pool of
//! the same size, on its own two-thread runtime (as `rumbo serve` has on two cores).

use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};

use crate::client::Error;
use crate::server::Backend;

/// What the baseline's form carries: the same values an answer's save does.
#[derive(Debug, Deserialize)]
struct Save {
    participant: i64,
    indicator: i64,
    response: String,
}

async fn save(State(pool): State<AnyPool>, Form(save): Form<Save>) -> (StatusCode, String) {
    let level: i64 = save.response.parse().unwrap_or(3);
    let at = crate::setup::unix_now();
    let inserted = sqlx::query(
        "INSERT INTO baseline_answers (participant_id, indicator_id, level, updated_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(save.participant)
    .bind(save.indicator)
    .bind(level)
    .bind(at)
    .execute(&pool)
    .await;
    match inserted {
        Ok(_) => (StatusCode::OK, r#"{"version":1}"#.to_owned()),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// A running baseline server.
pub struct Baseline {
    /// Where it listens.
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// The SQLite settings it runs with, for the report (empty on PostgreSQL).
    pub settings: String,
}

impl Baseline {
    /// Starts the baseline on `db_url`. On SQLite, `journal_mode` is the one Rumbo's own file
    /// ended up with (so both write the same way) and `synchronous` as given.
    pub async fn start(
        backend: Backend,
        db_url: &str,
        journal_mode: &str,
        synchronous: &str,
    ) -> Result<Baseline, Error> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (shutdown, stop) = tokio::sync::oneshot::channel::<()>();
        let (ready, started) = tokio::sync::oneshot::channel::<Result<String, String>>();
        let (db_url, journal_mode, synchronous) = (
            db_url.to_owned(),
            journal_mode.to_owned(),
            synchronous.to_owned(),
        );
        // The pool is opened on the baseline's own runtime, whose reactor then drives its
        // connections: nothing of it runs on the load generator's threads.
        let thread = std::thread::spawn(move || {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(e) => {
                    let _ = ready.send(Err(e.to_string()));
                    return;
                }
            };
            runtime.block_on(async move {
                let opened = open(backend, &db_url, &journal_mode, &synchronous).await;
                let listener = tokio::net::TcpListener::from_std(listener);
                let (pool, listener) = match (opened, listener) {
                    (Ok((pool, settings)), Ok(listener)) => {
                        let _ = ready.send(Ok(settings));
                        (pool, listener)
                    }
                    (Err(e), _) => {
                        let _ = ready.send(Err(e.to_string()));
                        return;
                    }
                    (_, Err(e)) => {
                        let _ = ready.send(Err(e.to_string()));
                        return;
                    }
                };
                let app = Router::new().route("/save", post(save)).with_state(pool);
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async move {
                        let _ = stop.await;
                    })
                    .await;
            });
        });
        let settings = started
            .await
            .map_err(|_| "the baseline server did not start")??;
        Ok(Baseline {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
            settings,
        })
    }

    /// Stops the server and waits for its thread.
    pub fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Opens the baseline's pool and table; returns them with a description of the settings.
async fn open(
    backend: Backend,
    db_url: &str,
    journal_mode: &str,
    synchronous: &str,
) -> Result<(AnyPool, String), Error> {
    sqlx::any::install_default_drivers();
    let url = match backend {
        Backend::Sqlite => format!("{db_url}?mode=rwc"),
        Backend::Postgres => db_url.to_owned(),
    };
    let synchronous_pragma = format!("PRAGMA synchronous = {synchronous}");
    let pool_options = match backend {
        Backend::Sqlite => {
            AnyPoolOptions::new()
                .max_connections(4)
                .after_connect(move |conn, _| {
                    let pragma = synchronous_pragma.clone();
                    Box::pin(async move {
                        conn.execute(pragma.as_str()).await?;
                        Ok(())
                    })
                })
        }
        Backend::Postgres => AnyPoolOptions::new().max_connections(10),
    }
    .acquire_timeout(Duration::from_secs(5));
    let pool = pool_options.connect(&url).await?;
    let settings = match backend {
        Backend::Sqlite => {
            let mode: String = sqlx::query_scalar(&format!("PRAGMA journal_mode = {journal_mode}"))
                .fetch_one(&pool)
                .await?;
            format!("journal_mode={mode}, synchronous={synchronous}")
        }
        Backend::Postgres => "pool of 10".to_owned(),
    };
    pool.execute(
        "CREATE TABLE IF NOT EXISTS baseline_answers (
            participant_id BIGINT NOT NULL,
            indicator_id BIGINT NOT NULL,
            level BIGINT NOT NULL,
            updated_at BIGINT NOT NULL)",
    )
    .await?;
    Ok((pool, settings))
}
