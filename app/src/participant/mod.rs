//! Participants: joining a workshop with its code, their sessions, and resume links.

mod model;
#[cfg(feature = "ssr")]
pub mod repo;
mod server;
#[cfg(feature = "ssr")]
pub mod session;
mod views;

pub use model::{DisplayName, JoinTarget, Me};
pub use server::*;
pub use views::{CodeForm, JoinPage, ResumeLink, WelcomePage};
