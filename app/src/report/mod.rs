//! The printable report: a workshop's or a team's results, charts with their tables, the
//! roadmap and its OGP commitments, laid out for the browser's "print to PDF".

mod views;

pub use views::{ReportPage, StaffReportPage};
