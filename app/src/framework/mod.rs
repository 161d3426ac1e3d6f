//! The maturity framework: pillars, indicators, level descriptors and suggested actions.
//!
//! A framework is data, not code. The default one ships as `frameworks/default.json`; each
//! workshop owns a copy of it in the database, which its facilitators edit, export and import
//! (see [`edit`] for what may change when).

mod document;
pub mod edit;
mod editor_parts;
#[cfg(feature = "ssr")]
pub mod editor_repo;
mod editor_server;
mod editor_views;
mod problem;
#[cfg(feature = "ssr")]
pub mod repo;
mod sheet;

pub use document::{
    code_is_sound, default_framework, ActionDoc, DescriptorDoc, FrameworkDoc, FrameworkIssue,
    IndicatorDoc, LevelDoc, PillarDoc, Problem, Text, CODE_MAX_CHARS, DESCRIPTION_MAX_CHARS,
    NAME_MAX_CHARS, SCHEMA_VERSION,
};
pub use editor_server::*;
pub use editor_views::FrameworkEditorPage;
pub use problem::{readable_place, FrameworkProblem, MAX_PROBLEMS};
pub use sheet::{Sheet, SheetIndicator, SheetPillar};
