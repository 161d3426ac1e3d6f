//! `rumbo create-facilitator`: the password comes on standard input (never a flag), the
//! account can sign in, and mistakes are one clear line.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use app::db::Db;
use app::facilitator::{password, repo, Email};

/// Runs `rumbo create-facilitator <args>` with `stdin` piped in.
fn create_facilitator(args: &[&str], stdin: &str, database_url: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rumbo"))
        .arg("create-facilitator")
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rumbo");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[track_caller]
fn assert_one_line_error(output: &Output, expected: &str) {
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<_> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line, got: {stderr}");
    assert!(lines[0].starts_with("rumbo: "), "{stderr}");
    assert!(lines[0].contains(expected), "{stderr}");
}

#[tokio::test]
async fn an_account_made_at_the_command_line_can_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("rumbo.db").display());

    let made = create_facilitator(
        &["--email", "Ana@Prefectura.gob.ec", "--name", "Ana López"],
        "una frase bastante larga\nthe rest is ignored\n",
        &url,
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let stdout = String::from_utf8_lossy(&made.stdout);
    assert!(stdout.contains("ana@prefectura.gob.ec"), "{stdout}");
    assert!(
        !stdout.contains("bastante"),
        "the password is never printed"
    );

    let db = Db::connect(&url).await.unwrap();
    let email = Email::parse("ana@prefectura.gob.ec").unwrap();
    let (staff, phc) = repo::by_email(db.pool(), &email).await.unwrap().unwrap();
    assert_eq!(staff.name, "Ana López");
    assert!(password::verify(phc.clone(), "una frase bastante larga".into()).await);
    assert!(!password::verify(phc, "una frase bastante larga\n".into()).await);
    db.close().await;

    // The same address again: refused, and said so in one line.
    let again = create_facilitator(
        &["--email", "ana@prefectura.gob.ec"],
        "otra frase larga\n",
        &url,
    );
    assert_one_line_error(&again, "An account with that e-mail already exists.");

    // Too short a password, a malformed address, no password at all.
    let short = create_facilitator(&["--email", "luis@x.org"], "corta\n", &url);
    assert_one_line_error(&short, "at least 10 characters");
    let malformed = create_facilitator(&["--email", "luis"], "una frase bastante larga\n", &url);
    assert_one_line_error(&malformed, "valid e-mail address");
    let empty = create_facilitator(&["--email", "luis@x.org"], "", &url);
    assert_one_line_error(&empty, "at least 10 characters");

    let db = Db::connect(&url).await.unwrap();
    let luis = Email::parse("luis@x.org").unwrap();
    assert!(repo::by_email(db.pool(), &luis).await.unwrap().is_none());
    db.close().await;
}

#[test]
fn the_password_is_never_a_flag() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("rumbo.db").display());
    let output = create_facilitator(
        &[
            "--email",
            "ana@x.org",
            "--password",
            "una frase bastante larga",
        ],
        "",
        &url,
    );
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--password"));
}
