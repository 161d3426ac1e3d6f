//! Implementation needs: what each team needs to implement its actions (legal, budget,
//! staff and skills, technology, data, political support, partnerships), recorded beside
//! the actions, linked to the actions they unblock, aggregated across teams on the
//! facilitator's dashboard, and carried into the exports and the OGP commitments.

pub mod charts;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
mod server;
mod views;

pub use model::*;
pub use server::*;
pub use views::{NeedsOnDashboard, TeamNeedsSection};
