//! Exports: a workshop's or a team's results as CSV, XLSX, JSON and Markdown, and each
//! roadmap item in the shape of an OGP commitment.
//!
//! One [`model::Dataset`] is gathered per download from the dashboard's, the
//! prioritisation's and the roadmap's own functions (`gather.rs`, server only); every format
//! is written from it, so the numbers in a CSV, a workbook and the JSON are the same as on
//! the pages. The JSON schema is documented in `docs/export-schema.md`.

pub mod commitment;
#[cfg(feature = "ssr")]
pub mod gather;
pub mod markdown;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
mod rows;
mod server;
pub mod tables;
mod views;
#[cfg(feature = "ssr")]
pub mod writers;

pub use page::ExportPage;
pub use server::*;
pub use views::{CommitmentsSection, DownloadsPanel, TeamDownloads};
