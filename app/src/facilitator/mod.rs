//! Facilitators: accounts, sessions, and who may run which workshop.

#[cfg(feature = "ssr")]
pub mod access;
mod model;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod repo;
mod server;
#[cfg(feature = "ssr")]
pub mod session;

pub use model::{check_new_password, Email, Role, Staff, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
pub use server::*;
