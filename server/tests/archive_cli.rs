//! `rumbo export-archive` and `rumbo import-archive`: a workshop leaves one database as a file
//! and arrives in another, and a damaged file is refused with its problems, changing nothing.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use app::db::Db;

/// Runs `rumbo <args>` on `database_url`, with `stdin` piped in.
fn rumbo(args: &[&str], stdin: &str, database_url: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rumbo"))
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
fn succeeded(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

async fn count(url: &str, table: &str) -> i64 {
    let db = Db::connect(url).await.unwrap();
    let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(db.pool())
        .await
        .unwrap();
    db.close().await;
    n
}

#[tokio::test]
async fn a_workshop_moves_between_databases_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let source = format!("sqlite:{}", dir.path().join("source.db").display());
    let target = format!("sqlite:{}", dir.path().join("target.db").display());
    let file = dir.path().join("demo.rumbo.json.gz");
    let file_arg = file.to_str().unwrap();

    succeeded(&rumbo(&["demo"], "", &source));
    let wrote = succeeded(&rumbo(&["export-archive", "1", file_arg], "", &source));
    assert!(wrote.contains("keep it private"), "{wrote}");
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(&bytes[..2], &[0x1f, 0x8b], "a .gz name gives a gzip file");

    succeeded(&rumbo(
        &["create-facilitator", "--email", "eva@prefectura.gob.ec"],
        "una frase bastante larga\n",
        &target,
    ));
    let imported = succeeded(&rumbo(
        &[
            "import-archive",
            file_arg,
            "--owner",
            "eva@prefectura.gob.ec",
        ],
        "",
        &target,
    ));
    assert!(imported.contains("Imported workshop #"), "{imported}");
    for table in [
        "teams",
        "participants",
        "answers",
        "actions",
        "roadmap_items",
    ] {
        assert_eq!(
            count(&source, table).await,
            count(&target, table).await,
            "{table}"
        );
    }

    // A damaged file and an unknown owner: one message each, nothing added.
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, br#"{"format": "rumbo-archive/1", "workshop": 3}"#).unwrap();
    let refused = rumbo(
        &[
            "import-archive",
            broken.to_str().unwrap(),
            "--owner",
            "eva@prefectura.gob.ec",
        ],
        "",
        &target,
    );
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.starts_with("rumbo: "), "{said}");
    let stranger = rumbo(
        &["import-archive", file_arg, "--owner", "nadie@x.org"],
        "",
        &target,
    );
    assert!(!stranger.status.success());
    assert!(
        String::from_utf8_lossy(&stranger.stderr).contains("no facilitator account"),
        "{}",
        String::from_utf8_lossy(&stranger.stderr)
    );
    assert_eq!(count(&target, "workshops").await, 1);
}
