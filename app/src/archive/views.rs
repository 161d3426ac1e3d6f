//! Downloading a workshop's archive and importing one.

use leptos::prelude::*;

use crate::ids::WorkshopId;

/// The archive download, on the export page.
#[component]
pub fn ArchivePanel(
    /// The workshop.
    workshop: WorkshopId,
) -> impl IntoView {
    let _ = workshop;
}

/// Importing an archive as a new workshop, on the facilitator's home page.
#[component]
pub fn ImportPanel() -> impl IntoView {}
