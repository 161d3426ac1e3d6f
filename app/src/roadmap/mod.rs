//! Roadmaps: generated from a team's prioritised actions, edited by hand, followed up.

pub mod charts;
pub mod model;
pub mod rules;
pub mod schedule;
pub mod tables;

pub use model::*;
