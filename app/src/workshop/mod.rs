//! Workshops, their teams and their participants.

mod model;
#[cfg(feature = "ssr")]
pub mod repo;
mod server;

pub use model::{JoinCode, Phase, TeamSummary, WorkshopSummary};
pub use server::{demo_workshop, DemoWorkshop};
