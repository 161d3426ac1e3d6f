//! The archive: a whole workshop as one file, and that file imported into another Rumbo.

mod views;

pub use views::{ArchivePanel, ImportPanel};
