//! Rebuilds the crate when a migration changes: `sqlx::migrate!` embeds the files, and on
//! stable Rust cargo would not otherwise notice an edited or added migration.

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
