//! Results of the assessment: aggregation rules, charts, and the pages that show them.

pub mod aggregate;
pub mod charts;
mod server;
mod views;

pub use server::{workshop_results, PillarColumn, TeamRow, WorkshopResults};
pub use views::ResultsPage;
