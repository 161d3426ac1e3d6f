//! The database: one pool for SQLite or PostgreSQL, chosen by the URL's scheme.
//!
//! Queries go through sqlx's `Any` driver so that one portable query text serves both
//! databases; where the SQL really differs, a repository asks [`Db::backend`].

use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, Connection};

/// The kinds of database Rumbo runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded default.
    Sqlite,
    /// For several app instances sharing one database.
    Postgres,
}

/// Why the database could not be opened, in words fit for one line of a terminal.
#[derive(Debug, thiserror::Error)]
pub enum DbOpenError {
    /// The URL is not one Rumbo can use.
    #[error("DATABASE_URL must start with sqlite: or postgres:// (got “{0}”)")]
    UnsupportedUrl(String),
    /// The URL has the right scheme but cannot be read.
    #[error("DATABASE_URL cannot be read: {0}")]
    MalformedUrl(String),
    /// The server did not answer or refused the connection.
    #[error("cannot connect to the database at {target}: {cause}")]
    Unreachable {
        /// The URL without its password.
        target: String,
        /// What the driver said.
        cause: String,
    },
    /// A migration failed.
    #[error("cannot bring the database schema up to date: {0}")]
    Migration(String),
}

/// A pool of connections and the kind of database behind it.
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    // For connections outside the pool (PostgreSQL's LISTEN needs its own).
    url: String,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend)
            .field("url", &redact(&self.url))
            .finish_non_exhaustive()
    }
}

impl Db {
    /// Opens a pool for `url` (`sqlite:…` or `postgres://…`). A SQLite file and its folder are
    /// created when missing.
    pub async fn connect(url: &str) -> Result<Db, DbOpenError> {
        sqlx::any::install_default_drivers();
        let backend = backend_of(url)?;
        let url = match backend {
            Backend::Sqlite => sqlite_url_creating_file(url)?,
            Backend::Postgres => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url)
            .map_err(|e| DbOpenError::MalformedUrl(first_line(&e.to_string())))?;
        if backend == Backend::Postgres {
            create_postgres_database_if_missing(&url).await;
        }
        // One plain connection first: a pool only reports "timed out", this says why.
        let unreachable = |cause: String| DbOpenError::Unreachable {
            target: redact(&url),
            cause,
        };
        let mut probe = tokio::time::timeout(
            Duration::from_secs(10),
            AnyConnection::connect_with(&options),
        )
        .await
        .map_err(|_| unreachable("no answer within 10 seconds".into()))?
        .map_err(|e| unreachable(first_line(&e.to_string())))?;
        if backend == Backend::Sqlite {
            use_write_ahead_log(&mut probe)
                .await
                .map_err(|e| unreachable(first_line(&e.to_string())))?;
        }
        let _ = probe.close().await;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                // One writer at a time is SQLite's own rule; a few readers help page loads.
                Backend::Sqlite => 4,
                Backend::Postgres => 10,
            })
            .acquire_timeout(Duration::from_secs(5))
            .after_connect(move |connection, _meta| {
                Box::pin(async move { durable_settings(connection, backend).await })
            })
            .connect_with(options)
            .await
            .map_err(|e| unreachable(first_line(&e.to_string())))?;
        Ok(Db { pool, backend, url })
    }

    /// Brings the schema up to date. Safe to run from several instances at once: on
    /// PostgreSQL sqlx takes an advisory lock.
    pub async fn migrate(&self) -> Result<(), DbOpenError> {
        let result = match self.backend {
            Backend::Sqlite => sqlx::migrate!("../migrations/sqlite").run(&self.pool).await,
            Backend::Postgres => {
                sqlx::migrate!("../migrations/postgres")
                    .run(&self.pool)
                    .await
            }
        };
        result.map_err(|e| DbOpenError::Migration(first_line(&e.to_string())))
    }

    /// The pool, for repositories.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The URL the pool was opened with. Holds the password, if any: never log it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection (at shutdown, and in tests before dropping a database).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Puts a SQLite database in write-ahead-log mode. The mode is stored in the file, so this is
/// done once, on the connection opened before the pool: switching needs an exclusive lock
/// that `busy_timeout` does not wait for, which the pool's connections would fight over
/// (launchbadge/sqlx#1930). An in-memory database stays in its own `memory` mode.
async fn use_write_ahead_log(connection: &mut AnyConnection) -> Result<(), sqlx::Error> {
    use sqlx::Row;
    let row = sqlx::query("PRAGMA journal_mode = WAL")
        .fetch_one(&mut *connection)
        .await?;
    let mode: String = row.try_get(0)?;
    match mode.to_ascii_lowercase().as_str() {
        "wal" | "memory" => Ok(()),
        other => Err(sqlx::Error::Configuration(
            format!("SQLite refused write-ahead logging (journal_mode stays {other})").into(),
        )),
    }
}

/// The settings every pooled connection gets, chosen so that a save the app has acknowledged
/// survives a killed process and a power cut (docs/durability.md says why each one).
async fn durable_settings(
    connection: &mut AnyConnection,
    backend: Backend,
) -> Result<(), sqlx::Error> {
    let statements: &[&str] = match backend {
        Backend::Sqlite => &[
            // In WAL mode FULL syncs the log at every commit; NORMAL would only sync at
            // checkpoints, and a power cut could take back the last acknowledged saves.
            "PRAGMA synchronous = FULL",
            // Writers queue for the single write lock instead of failing with "busy".
            "PRAGMA busy_timeout = 5000",
            "PRAGMA foreign_keys = ON",
        ],
        // The server default, restated per session so that a server configured with
        // `synchronous_commit = off` cannot acknowledge a commit it has not flushed.
        Backend::Postgres => &["SET synchronous_commit = on"],
    };
    for statement in statements {
        sqlx::query(statement).execute(&mut *connection).await?;
    }
    Ok(())
}

/// A first start on a new PostgreSQL server needs no manual `CREATE DATABASE`. Any failure
/// here (no rights, server down) is left for the connection that follows to explain.
async fn create_postgres_database_if_missing(url: &str) {
    use sqlx::migrate::MigrateDatabase;
    let exists =
        tokio::time::timeout(Duration::from_secs(10), sqlx::Any::database_exists(url)).await;
    if let Ok(Ok(false)) = exists {
        let _ =
            tokio::time::timeout(Duration::from_secs(10), sqlx::Any::create_database(url)).await;
    }
}

fn backend_of(url: &str) -> Result<Backend, DbOpenError> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        Err(DbOpenError::UnsupportedUrl(redact(url)))
    }
}

/// Creates the folder of a SQLite file and asks the driver to create the file.
fn sqlite_url_creating_file(url: &str) -> Result<String, DbOpenError> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() {
        return Err(DbOpenError::MalformedUrl(
            "no file name after sqlite:".into(),
        ));
    }
    if path != ":memory:" {
        if let Some(dir) = std::path::Path::new(path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| DbOpenError::Unreachable {
                    target: url.to_owned(),
                    cause: format!("cannot create folder {}: {e}", dir.display()),
                })?;
            }
        }
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// The URL with any password replaced, fit for logs and error messages.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or_default();
            if credentials.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                format!("{scheme}://{user}@{host}")
            }
        }
        None => url.to_owned(),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().to_owned()
}

/// The current time as stored: Unix seconds.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://rumbo:s3cret@db:5432/rumbo"),
            "postgres://rumbo:***@db:5432/rumbo"
        );
        assert_eq!(
            redact("postgres://postgres@localhost/x"),
            "postgres://postgres@localhost/x"
        );
        assert_eq!(redact("sqlite:data/rumbo.db"), "sqlite:data/rumbo.db");
    }

    #[test]
    fn only_known_schemes_are_accepted() {
        assert_eq!(backend_of("sqlite:x.db").unwrap(), Backend::Sqlite);
        assert_eq!(backend_of("postgresql://h/db").unwrap(), Backend::Postgres);
        assert!(matches!(
            backend_of("mysql://h/db"),
            Err(DbOpenError::UnsupportedUrl(_))
        ));
        assert!(matches!(
            backend_of("nonsense"),
            Err(DbOpenError::UnsupportedUrl(_))
        ));
    }

    #[test]
    fn sqlite_files_are_created_on_demand() {
        assert_eq!(
            sqlite_url_creating_file("sqlite::memory:").unwrap(),
            "sqlite::memory:?mode=rwc"
        );
        assert!(sqlite_url_creating_file("sqlite:").is_err());
    }
}
