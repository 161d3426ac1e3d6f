//! Sharing: read-only observer links, publishing, the public pages and the open data.
//!
//! Observers (a link) and the public (a published workshop) read the same anonymised view:
//! see [`rules`] for what it keeps back.

pub mod model;
pub mod open_data;
mod public_views;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
mod server;
mod views;

pub use model::*;
pub use public_views::{ObserverPage, OpenIndexPage, PublicPage};
pub use server::*;
pub use views::SharingPanel;
