//! Prioritisation: the actions teams propose against their weaknesses, dot votes, the
//! facilitator's weights, the priority score and the impact/effort matrix.

pub mod charts;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
mod server;
mod staff_views;
mod tables;
mod views;

pub use model::*;
pub use server::*;
pub use staff_views::PrioritisationPage;
pub use staff_views::RankedTable as RankedActionsTable;
pub use tables::MatrixTable;
pub use views::ActionsPage;
