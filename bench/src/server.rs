//! The databases the bench runs on, and the Rumbo server process it measures.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Connection};
use tokio::io::AsyncWriteExt;
use tokio::process::{Child, Command};

use crate::client::{Browser, Error};

/// The kinds of database Rumbo runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A new SQLite file in a temporary folder.
    Sqlite,
    /// A new database on the PostgreSQL server, dropped afterwards.
    Postgres,
}

impl Backend {
    /// How the table names it.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// A fresh, empty database that is removed again by [`ScratchDb::remove`].
pub struct ScratchDb {
    /// Its URL.
    pub url: String,
    admin_url: Option<String>,
    name: String,
}

impl ScratchDb {
    /// A new database called `name`: a file in `dir` for SQLite, a database on the server of
    /// `admin_url` for PostgreSQL (dropped first if a crashed run left it behind).
    pub async fn create(
        backend: Backend,
        name: &str,
        dir: &Path,
        admin_url: &str,
    ) -> Result<ScratchDb, Error> {
        match backend {
            Backend::Sqlite => Ok(ScratchDb {
                url: format!("sqlite:{}", dir.join(format!("{name}.db")).display()),
                admin_url: None,
                name: name.to_owned(),
            }),
            Backend::Postgres => {
                let mut admin = sqlx::PgConnection::connect(admin_url).await.map_err(|e| {
                    format!("PostgreSQL must answer at {admin_url} (make postgres): {e}")
                })?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut admin)
                    .await?;
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .await?;
                let server = admin_url
                    .rsplit_once('/')
                    .map(|(server, _)| server)
                    .ok_or("the PostgreSQL admin URL must name a database")?;
                Ok(ScratchDb {
                    url: format!("{server}/{name}"),
                    admin_url: Some(admin_url.to_owned()),
                    name: name.to_owned(),
                })
            }
        }
    }

    /// A small pool on it, for seeding.
    pub async fn pool(&self) -> Result<AnyPool, Error> {
        sqlx::any::install_default_drivers();
        let url = if self.url.starts_with("sqlite:") && !self.url.contains('?') {
            format!("{}?mode=rwc", self.url)
        } else {
            self.url.clone()
        };
        Ok(AnyPoolOptions::new()
            .max_connections(2)
            .acquire_timeout(Duration::from_secs(30))
            .connect(&url)
            .await?)
    }

    /// Drops a PostgreSQL database (a SQLite file goes with its temporary folder).
    pub async fn remove(self) {
        if let Some(admin_url) = &self.admin_url {
            if let Ok(mut admin) = sqlx::PgConnection::connect(admin_url).await {
                let _ = sqlx::query(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.name
                ))
                .execute(&mut admin)
                .await;
            }
        }
    }
}

/// A running `rumbo serve` on a free port of 127.0.0.1.
pub struct Rumbo {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its log (standard output and error).
    pub log: PathBuf,
}

/// The facilitator account the bench creates.
pub const FACILITATOR_EMAIL: &str = "bench@rumbo.example";
/// Its password (a throwaway database's throwaway account).
pub const FACILITATOR_PASSWORD: &str = "bench-password-2026";

fn command(binary: &Path, db_url: &str, site_root: &Path, addr: SocketAddr) -> Command {
    let mut command = Command::new(binary);
    command
        .env("DATABASE_URL", db_url)
        .env("LEPTOS_SITE_ADDR", addr.to_string())
        .env("LEPTOS_SITE_ROOT", site_root)
        .env("LEPTOS_OUTPUT_NAME", "rumbo")
        .kill_on_drop(true);
    command
}

async fn run_to_end(mut command: Command, stdin: Option<&str>, what: &str) -> Result<(), Error> {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start {what}: {e}"))?;
    if let (Some(text), Some(mut input)) = (stdin, child.stdin.take()) {
        input.write_all(text.as_bytes()).await?;
        drop(input);
    }
    let output = child.wait_with_output().await?;
    if !output.status.success() {
        return Err(format!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(())
}

/// A port nobody listens on right now.
pub fn free_port() -> Result<SocketAddr, Error> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?)
}

impl Rumbo {
    /// Migrates the database, creates the bench's facilitator account, then starts the
    /// server and waits until it answers.
    pub async fn start(
        binary: &Path,
        db_url: &str,
        site_root: &Path,
        log_dir: &Path,
    ) -> Result<Rumbo, Error> {
        let addr = free_port()?;
        let mut migrate = command(binary, db_url, site_root, addr);
        migrate.arg("migrate");
        run_to_end(migrate, None, "rumbo migrate").await?;
        let mut create = command(binary, db_url, site_root, addr);
        create.args([
            "create-facilitator",
            "--email",
            FACILITATOR_EMAIL,
            "--name",
            "Bench",
        ]);
        // Read from standard input when it is not a terminal: never from a flag.
        run_to_end(
            create,
            Some(&format!("{FACILITATOR_PASSWORD}\n")),
            "rumbo create-facilitator",
        )
        .await?;

        let log = log_dir.join(format!("rumbo-{}.log", addr.port()));
        let file = std::fs::File::create(&log)?;
        let mut serve = command(binary, db_url, site_root, addr);
        serve
            .arg("serve")
            .stdin(Stdio::null())
            .stdout(file.try_clone()?)
            .stderr(file);
        let child = serve
            .spawn()
            .map_err(|e| format!("cannot start rumbo serve: {e}"))?;
        let mut rumbo = Rumbo { child, addr, log };
        rumbo.wait_until_ready().await?;
        Ok(rumbo)
    }

    async fn wait_until_ready(&mut self) -> Result<(), Error> {
        let probe = Browser::new(self.addr, std::net::Ipv4Addr::LOCALHOST.into());
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Err(
                    format!("rumbo serve exited ({status}); see {}", self.log.display()).into(),
                );
            }
            if let Ok(reply) = probe.get("/healthz").await {
                if reply.status.is_success() {
                    return Ok(());
                }
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "rumbo serve did not answer within 60 s; see {}",
                    self.log.display()
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The most resident memory the process has had so far (`VmHWM`), in bytes.
    pub fn peak_memory(&self) -> Option<u64> {
        let pid = self.child.id()?;
        vm_hwm(&std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?)
    }

    /// Stops the server (SIGKILL: nothing of its shutdown is measured).
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

/// The `VmHWM` line of a `/proc/<pid>/status` text, in bytes.
pub fn vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_memory_is_read_from_proc_status() {
        let status = "Name:\trumbo\nVmPeak:\t  900 kB\nVmHWM:\t   51200 kB\nVmRSS:\t 40000 kB\n";
        assert_eq!(vm_hwm(status), Some(51200 * 1024));
        assert_eq!(vm_hwm("Name:\trumbo\n"), None);
    }
}
