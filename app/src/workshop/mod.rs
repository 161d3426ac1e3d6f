//! Workshops, their teams and their participants.

mod model;
#[cfg(feature = "ssr")]
pub mod repo;
mod route;
mod server;
mod staff_nav;

pub use model::{JoinCode, Phase, TeamSummary, WorkshopSummary};
pub use route::workshop_param;
pub use server::{demo_workshop, DemoWorkshop};
pub use staff_nav::{StaffNav, StaffTab};
