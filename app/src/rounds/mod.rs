//! Re-assessment rounds: a facilitator opens a new round on the same framework, and the
//! rounds' results are compared side by side.
//!
//! The current round's answers live in `answers` and `team_consensus`, where the assessment
//! pages read and write them. Opening the next round moves them into `round_answers` and
//! `round_consensus` under the closed round's number; a comparison reads a closed round from
//! there and computes it exactly as the dashboard computes the live one.

pub mod charts;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
mod server;
mod views;

pub use model::*;
pub use server::*;
pub use views::RoundsPage;
