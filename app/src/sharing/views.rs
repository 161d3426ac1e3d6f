//! The sharing panel of the export page, the observer's page and the public pages.

use leptos::prelude::*;

use crate::ids::WorkshopId;

/// Observer links and the publish switch, on the facilitator's export page.
#[component]
pub fn SharingPanel(
    /// The workshop.
    workshop: WorkshopId,
) -> impl IntoView {
    let _ = workshop;
}

/// `/observe/:token`: what an observer link shows.
#[component]
pub fn ObserverPage() -> impl IntoView {}

/// `/open`: the published workshops.
#[component]
pub fn OpenIndexPage() -> impl IntoView {}

/// `/open/workshops/:id`: a published workshop's aggregates and roadmaps.
#[component]
pub fn PublicPage() -> impl IntoView {}
