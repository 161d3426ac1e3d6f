//! Roadmaps: generated from a team's prioritised actions, edited by hand, followed up.

pub mod board;
pub mod charts;
pub mod edit;
mod forms;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
pub mod schedule;
mod server;
mod staff_views;
pub mod tables;
mod views;

pub use model::*;
pub use server::*;
pub use staff_views::StaffRoadmapPage;
pub use views::{RoadmapPage, TeamCharts};
