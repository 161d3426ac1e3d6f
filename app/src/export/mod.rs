//! Exports: a workshop's or a team's results as CSV, XLSX, JSON and Markdown, and each
//! roadmap item in the shape of an OGP commitment.

mod page;
mod views;

pub use page::ExportPage;
pub use views::{CommitmentsSection, DownloadsPanel, TeamDownloads};
