//! A team's consensus: what its members' answers add up to, and the levels its leads settle.

#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
mod server;
mod views;

pub use server::*;
pub use views::TeamPage;
