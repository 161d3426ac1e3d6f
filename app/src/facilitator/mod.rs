//! Facilitators: accounts, sessions, and who may run which workshop.

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod account;
mod cofacilitators;
mod model;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod repo;
mod server;
#[cfg(feature = "ssr")]
pub mod session;
mod views;

#[cfg(feature = "ssr")]
pub use account::create_account;
pub use cofacilitators::*;
pub use model::{
    check_new_password, default_display_name, Email, Role, Staff, TeamMember, WorkshopStaff,
    PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS,
};
pub use server::*;
pub use views::{AccountPage, FacilitatorsPage, LoginPage, StaffLinks};
