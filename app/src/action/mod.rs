//! Prioritisation: the actions teams propose against their weaknesses, dot votes, the
//! facilitator's weights, the priority score and the impact/effort matrix.

pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
mod server;

pub use model::*;
pub use server::*;
