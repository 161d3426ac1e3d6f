//! Workshops, their teams and their participants.

mod model;
#[cfg(feature = "ssr")]
pub mod repo;
mod route;
mod server;

pub use model::{JoinCode, Phase, TeamSummary, WorkshopSummary};
pub use route::workshop_param;
pub use server::{demo_workshop, DemoWorkshop};
