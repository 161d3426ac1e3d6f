//! The workshop's programme: days and sessions (title, time in a time zone, panelists, the
//! phase they belong to, the video-call link and materials), laid out by the facilitator.
//!
//! Participants see the session on now and the next one on their home page; the
//! facilitator's set-up page offers the phase change the programme calls for. Times are
//! stored as UTC instants with the IANA zone they were typed in; the time-zone database is
//! used on the server only (`input.rs`), so every page gets the times already written out.

#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod input;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod rules;
mod server;
mod views;

pub use model::*;
pub use server::*;
pub use views::{FollowProgramme, ParticipantProgrammePage, ProgrammeNowNext, ProgrammePage};
