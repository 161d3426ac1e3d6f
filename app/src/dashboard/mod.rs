//! The live dashboard facilitators share during the call, and what participants may see of
//! the other teams.
//!
//! Everything here is built on the team's consensus ([`crate::team::rules`]): a team's level
//! on an indicator is the lead's settled level, or else the median of its members' levels.

pub mod charts;
mod live_chart;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
mod server;
mod shared;
pub mod stream;
mod tables;
mod views;

pub use model::*;
pub use server::*;
pub use shared::SharedComparison;
pub use tables::ChartTable;
pub use views::height as chart_height;
pub use views::{DashboardPage, PresentPage};
