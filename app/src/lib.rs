//! Rumbo: open-government self-assessment workshops and the roadmaps they produce.
//!
//! The crate is laid out by domain: each folder holds that domain's types, rules, server
//! functions, repository (server only) and views.

// Leptos views are nested types; the team and assessment pages go deeper than the default.
#![recursion_limit = "256"]

pub mod action;
pub mod api;
pub mod archive;
pub mod assessment;
// Dashboard: `pub mod dashboard;` goes below this line.
pub mod dashboard;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod error;
pub mod export;
pub mod facilitator;
pub mod framework;
pub mod i18n;
pub mod ids;
// Learning: `pub mod learning;` goes below this line.
pub mod learning;

#[cfg(feature = "ssr")]
pub mod live;
// Implementation needs: `pub mod needs;` goes below this line.
pub mod needs;

pub mod participant;
// Programme: `pub mod programme;` goes below this line.
pub mod programme;

pub mod report;
pub mod results;
pub mod roadmap;
pub mod rounds;
pub mod sharing;
pub mod shell;
#[cfg(feature = "ssr")]
pub mod state;
pub mod team;
pub mod ui;
pub mod workshop;

pub use shell::{shell, App};
