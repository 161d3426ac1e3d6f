//! Workshops, their teams and their participants.

mod model;
#[cfg(feature = "ssr")]
mod qr;
#[cfg(feature = "ssr")]
pub mod repo;
mod route;
mod server;
mod settings;
mod setup;
#[cfg(feature = "ssr")]
pub mod setup_repo;
mod setup_views;
mod staff_nav;
pub mod teams;

pub use model::{JoinCode, Phase, TeamSummary, WorkshopSummary};
pub use route::{load_for, workshop_param};
pub use server::{demo_workshop, DemoWorkshop};
pub use settings::{Languages, SettingsForm, ShareResults, WorkshopSettings};
pub use setup::*;
pub use setup_views::{FacilitatorHome, JoinScreenPage, WorkshopSetupPage};
pub use staff_nav::{StaffNav, StaffTab};
