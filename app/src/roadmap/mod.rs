//! Roadmaps: generated from a team's prioritised actions, edited by hand, followed up.

pub mod model;
pub mod schedule;

pub use model::*;
