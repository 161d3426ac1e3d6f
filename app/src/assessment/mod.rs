//! Answers to the assessment: a participant's level for an indicator, with evidence and marks;
//! the pages that collect them, and the saving that never drops one.

pub mod autosave;
pub mod collected;
#[cfg(feature = "ssr")]
pub mod input;
mod model;
pub mod progress;
#[cfg(feature = "ssr")]
pub mod repo;
mod server;
pub mod views;

pub use model::{Answer, Mark, MaturityLevel, Response};
pub use server::*;
pub use views::{AssessOverviewPage, AssessStepPage, ReviewPage};
