//! The printable report: a workshop's or a team's results, charts with their tables, the
//! ranked actions, the roadmap and its OGP commitments, laid out for the browser's "print to
//! PDF". It reads through the dashboard's, prioritisation's, roadmap's and team page's own
//! server functions, so it shows what those pages show, to the same readers.

pub mod model;
mod sections;
mod server;
mod views;

pub use server::*;
pub use views::{ReportPage, StaffReportPage};
