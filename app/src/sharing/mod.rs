//! Sharing: read-only observer links, publishing, the public pages and the open data.

mod views;

pub use views::{ObserverPage, OpenIndexPage, PublicPage, SharingPanel};
