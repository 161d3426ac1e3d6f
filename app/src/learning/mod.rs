//! The workshop's learning side: the ABC of open government (a primer with its glossary),
//! and a library of real, sourced experiences tied to the indicators they illustrate, to
//! which a workshop's facilitators add the workshop's own cases.
//!
//! The primer and the built-in cases are long static texts: they live in [`content`], which
//! is compiled into the server only, and reach the browser through server functions.

#[cfg(feature = "ssr")]
pub mod content;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
mod server;
mod views;

pub use model::*;
pub use server::*;
pub use views::{
    CasesPage, ExperiencesPage, IndicatorLearning, LeaveLink, PrimerPage, RelatedCases,
};
