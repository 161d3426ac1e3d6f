//! The download links of the export page, of a team's roadmap page, and the OGP commitments.

use leptos::prelude::*;

use crate::ids::{TeamId, WorkshopId};

/// The export page's downloads: every format, for the workshop or one team.
#[component]
pub fn DownloadsPanel(
    /// The workshop.
    workshop: WorkshopId,
) -> impl IntoView {
    let _ = workshop;
}

/// The downloads a participant has of their own team, shown on the team's roadmap page.
#[component]
pub fn TeamDownloads(
    /// The workshop.
    workshop: WorkshopId,
) -> impl IntoView {
    let _ = workshop;
}

/// Each roadmap item of the workshop (or of `team`) as an OGP commitment, for the report.
#[component]
pub fn CommitmentsSection(
    /// The workshop.
    workshop: WorkshopId,
    /// One team, or every team the reader may see.
    #[prop(optional)]
    team: Option<TeamId>,
) -> impl IntoView {
    let _ = (workshop, team);
}
