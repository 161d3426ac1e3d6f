//! The `rumbo` binary's behaviour at the command line: clear one-line errors, no panics.

use std::process::{Command, Output};

fn rumbo(args: &[&str], database_url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rumbo"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "off")
        .output()
        .expect("run rumbo")
}

#[track_caller]
fn assert_one_line_error(output: &Output, expected: &str) {
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<_> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line, got: {stderr}");
    assert!(lines[0].starts_with("rumbo: "), "{stderr}");
    assert!(lines[0].contains(expected), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "{stderr}"
    );
}

#[test]
fn unreachable_database_is_one_clear_line() {
    // Nothing listens on port 1.
    let output = rumbo(&["migrate"], "postgres://rumbo:secret@127.0.0.1:1/rumbo");
    assert_one_line_error(
        &output,
        "cannot connect to the database at postgres://rumbo:***@127.0.0.1:1/rumbo",
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("secret"));
}

#[test]
fn malformed_database_urls_are_one_clear_line() {
    assert_one_line_error(
        &rumbo(&["migrate"], "mysql://x/y"),
        "DATABASE_URL must start with sqlite: or postgres://",
    );
    assert_one_line_error(
        &rumbo(&["migrate"], "not a url"),
        "DATABASE_URL must start with",
    );
    assert_one_line_error(&rumbo(&["migrate"], "postgres://[::1"), "DATABASE_URL");
    assert_one_line_error(
        &rumbo(&["migrate"], "sqlite:"),
        "DATABASE_URL cannot be read",
    );
}

#[test]
fn sqlite_file_and_folder_are_created_and_demo_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite:{}",
        dir.path().join("nested/folder/rumbo.db").display()
    );
    let first = rumbo(&["demo"], &url);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).contains("Loaded demo workshop"));
    let second = rumbo(&["demo"], &url);
    assert!(second.status.success());
    let stdout = String::from_utf8_lossy(&second.stdout);
    assert!(
        stdout.contains("Already present") && stdout.contains("DEMO-2026"),
        "{stdout}"
    );
}

#[test]
fn a_taken_address_is_one_clear_line() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("rumbo.db").display());
    let output = Command::new(env!("CARGO_BIN_EXE_rumbo"))
        .args(["serve", "--addr", &addr])
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", "off")
        .output()
        .unwrap();
    assert_one_line_error(&output, &format!("cannot listen on {addr}"));
}

#[test]
fn a_missing_postgres_database_is_created_on_first_start() {
    let admin = std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let Some((server, _)) = admin.rsplit_once('/') else {
        panic!("TEST_POSTGRES_URL must name a database");
    };
    let name = format!("rumbo_cli_{}", std::process::id());
    let url = format!("{server}/{name}");
    let output = rumbo(&["demo"], &url);
    let dropped = Command::new("psql")
        .args([
            admin.as_str(),
            "-qc",
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        ])
        .output();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("Loaded demo workshop"));
    assert!(
        dropped.is_ok_and(|o| o.status.success()),
        "test database {name} left behind"
    );
}
