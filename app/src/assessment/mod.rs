//! Answers to the assessment: a participant's level for an indicator, with evidence and marks.

mod model;
#[cfg(feature = "ssr")]
pub mod repo;

pub use model::{Answer, Mark, MaturityLevel, Response};
