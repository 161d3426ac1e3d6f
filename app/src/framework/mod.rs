//! The maturity framework: pillars, indicators, level descriptors and suggested actions.
//!
//! A framework is data, not code. The default one ships as `frameworks/default.json`; each
//! workshop owns a copy of it in the database.

mod document;
#[cfg(feature = "ssr")]
pub mod repo;
mod sheet;

pub use document::{
    default_framework, ActionDoc, DescriptorDoc, FrameworkDoc, FrameworkIssue, IndicatorDoc,
    LevelDoc, PillarDoc, Problem, Text, SCHEMA_VERSION,
};
pub use sheet::{Sheet, SheetIndicator, SheetPillar};
