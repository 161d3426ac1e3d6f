//! The archive: a whole workshop as one file, and that file imported into another Rumbo.
//!
//! [`model`] is the file format (`rumbo-archive/1`), [`check`] reads a file and refuses it
//! whole before anything is written; behind `ssr`, `read` gathers a workshop, `write`
//! inserts one with new ids, and [`service`] adds the access checks, compression and the one
//! transaction. The routes live in the server crate (`server/src/archive.rs`).

pub mod check;
mod check_plans;
#[cfg(feature = "ssr")]
mod check_programme;
pub mod model;
#[cfg(feature = "ssr")]
mod read;
#[cfg(feature = "ssr")]
mod read_plans;
#[cfg(feature = "ssr")]
mod read_programme;
#[cfg(feature = "ssr")]
pub mod service;
mod views;
#[cfg(feature = "ssr")]
mod write;
#[cfg(feature = "ssr")]
mod write_plans;
#[cfg(feature = "ssr")]
mod write_programme;

pub use check::{ArchiveIssue, MAX_BYTES};
pub use model::{Archive, FORMAT};
pub use views::{ArchivePanel, ImportPanel};

/// Where the import form posts the file (multipart), or a client posts it as the body.
pub const IMPORT_PATH: &str = "/facilitate/archives";

/// The download address of a workshop's archive.
pub fn download_path(workshop: crate::ids::WorkshopId, gzip: bool) -> String {
    let query = if gzip { "?gzip=1" } else { "" };
    format!("/facilitate/workshops/{workshop}/archive.json{query}")
}
