//! Configuration from flags and the environment. Every variable is documented in
//! `.env.example`.

use std::net::SocketAddr;

use clap::{Parser, Subcommand};

/// Rumbo: open-government self-assessment workshops and roadmaps.
#[derive(Parser, Clone)]
#[command(name = "rumbo", version, about)]
pub struct Config {
    /// Where the data lives: `sqlite:<file>` (created on first start) or `postgres://…`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite:data/rumbo.db",
        global = true
    )]
    pub database_url: String,

    /// The address the web server listens on.
    #[arg(
        long = "addr",
        env = "LEPTOS_SITE_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub site_addr: SocketAddr,

    /// The folder with the built site (JavaScript, WebAssembly, styles, images).
    #[arg(
        long,
        env = "LEPTOS_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: String,

    /// What to log, as a tracing filter (e.g. `info`, `rumbo=debug,sqlx=warn`).
    #[arg(
        long = "log",
        env = "RUST_LOG",
        default_value = "info,sqlx=warn",
        global = true
    )]
    pub log_filter: String,

    /// Reverse proxies whose `X-Forwarded-For` is believed, as a comma-separated list of IP
    /// addresses (e.g. `127.0.0.1,::1`). Empty: the connection's peer is the client.
    #[arg(long, env = "RUMBO_TRUSTED_PROXIES", default_value = "", global = true)]
    pub trusted_proxies: String,

    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands of `rumbo`.
#[derive(Subcommand, Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Bring the schema up to date and serve the app (the default).
    Serve,
    /// Bring the schema up to date, then exit.
    Migrate,
    /// Load the demo workshop (once; running it again changes nothing), then exit.
    Demo,
    /// Create a facilitator account, then exit. The password is asked for twice at the
    /// terminal, or read from the first line of standard input when that is not a terminal
    /// (never from a flag, which would leave it in the shell's history).
    CreateFacilitator {
        /// The account's e-mail address, which is also its login.
        #[arg(long)]
        email: String,
        /// The name co-facilitators see; the part of the address before the `@` if omitted.
        #[arg(long)]
        name: Option<String>,
    },
    /// Write a workshop's archive (`rumbo-archive/1`, JSON; gzip when the file name ends in
    /// `.gz`), then exit. The file holds participants' names and answers: keep it private.
    ExportArchive {
        /// The workshop's number, as in its address `/facilitate/workshops/<id>`.
        workshop: i64,
        /// Where to write the file.
        file: std::path::PathBuf,
    },
    /// Import an archive file as a new workshop owned by an existing facilitator, then exit.
    ImportArchive {
        /// The archive file (JSON or gzip).
        file: std::path::PathBuf,
        /// The e-mail address of the facilitator who will own the workshop.
        #[arg(long)]
        owner: String,
    },
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &app::db::redact(&self.database_url))
            .field("site_addr", &self.site_addr)
            .field("site_root", &self.site_root)
            .field("log_filter", &self.log_filter)
            .field("command", &self.command)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_the_database_password() {
        let config = Config::parse_from(["rumbo", "--database-url", "postgres://u:hunter2@h/db"]);
        assert!(!format!("{config:?}").contains("hunter2"));
    }

    #[test]
    fn serve_is_the_default() {
        let config = Config::parse_from(["rumbo"]);
        assert_eq!(config.command, None);
        let config = Config::parse_from(["rumbo", "demo"]);
        assert_eq!(config.command, Some(Command::Demo));
    }

    #[test]
    fn create_facilitator_takes_an_email_and_maybe_a_name_but_no_password() {
        let config = Config::parse_from(["rumbo", "create-facilitator", "--email", "a@b.org"]);
        assert_eq!(
            config.command,
            Some(Command::CreateFacilitator {
                email: "a@b.org".into(),
                name: None
            })
        );
        let config = Config::parse_from([
            "rumbo",
            "create-facilitator",
            "--email",
            "a@b.org",
            "--name",
            "Ana",
        ]);
        assert!(matches!(
            config.command,
            Some(Command::CreateFacilitator { name: Some(n), .. }) if n == "Ana"
        ));
        assert!(Config::try_parse_from(["rumbo", "create-facilitator"]).is_err());
        assert!(Config::try_parse_from([
            "rumbo",
            "create-facilitator",
            "--email",
            "a@b.org",
            "--password",
            "secret secret"
        ])
        .is_err());
    }
}
