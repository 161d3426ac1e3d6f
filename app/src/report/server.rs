//! The report's server functions: thin shells that gather what the dashboard, prioritisation,
//! roadmap and team server functions already give the same reader, with their access checks.

use leptos::prelude::*;

use super::model::{ParticipantReport, StaffReport};
use crate::error::AppError;
use crate::ids::{TeamId, WorkshopId};

/// The facilitator's report of a workshop, or of one of its teams. Owners and
/// co-facilitators only (the dashboard's check).
#[server(name = GetStaffReport, endpoint = "staff_report")]
pub async fn staff_report(
    workshop: WorkshopId,
    #[server(default)] team: Option<TeamId>,
) -> Result<StaffReport, AppError> {
    ssr::staff(workshop, team).await
}

/// A participant's report of their own team.
#[server(name = GetParticipantReport, endpoint = "participant_report")]
pub async fn participant_report(workshop: WorkshopId) -> Result<ParticipantReport, AppError> {
    ssr::participant(workshop).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::error::AppResult;
    use crate::report::model::{dashboard_index, ReportHeader, TeamReport, TeamResults};
    use crate::workshop::WorkshopSummary;

    /// The head of the report: the summary the domain read, plus the workshop's dates.
    async fn header(summary: WorkshopSummary) -> AppResult<ReportHeader> {
        let state = crate::state::AppState::from_context()?;
        let dates: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT starts_on, ends_on FROM workshops WHERE id = $1")
                .bind(summary.id.0)
                .fetch_optional(state.db.pool())
                .await?;
        let (starts_on, ends_on) = dates.ok_or(AppError::NotFound)?;
        Ok(ReportHeader {
            workshop: summary,
            starts_on,
            ends_on,
            generated_on: time::OffsetDateTime::now_utc().date().to_string(),
        })
    }

    pub(super) async fn staff(
        workshop: WorkshopId,
        only: Option<TeamId>,
    ) -> AppResult<StaffReport> {
        // The dashboard checks that the reader facilitates this workshop.
        let data = crate::dashboard::dashboard(workshop).await?;
        let actions = crate::action::workshop_actions(workshop).await?;
        let roadmaps = crate::roadmap::workshop_roadmaps(workshop).await?;
        let teams: Vec<(TeamId, String)> = roadmaps
            .teams
            .iter()
            .map(|t| (t.id, t.name.clone()))
            .filter(|(id, _)| only.is_none_or(|o| o == *id))
            .collect();
        if only.is_some() && teams.is_empty() {
            return Err(AppError::NotFound);
        }
        let mut sections = Vec::with_capacity(teams.len());
        for (team, name, index) in dashboard_index(&teams, &data) {
            let Some(results) = TeamResults::from_dashboard(&data, index) else {
                continue;
            };
            let Some(roadmap) = roadmaps.roadmaps.iter().find(|r| r.team == team) else {
                continue;
            };
            sections.push(TeamReport {
                team,
                name,
                results,
                actions: actions
                    .teams
                    .iter()
                    .find(|t| t.team == team)
                    .map(|t| t.actions.clone())
                    .unwrap_or_default(),
                roadmap: roadmap.clone(),
                commitments: Vec::new(),
            });
        }
        // The export's commitments, with the export's own access check; team names are
        // unique in a workshop.
        let mut commitments = crate::export::commitments(workshop, only).await?;
        for section in &mut sections {
            if let Some(found) = commitments.iter_mut().find(|c| c.team == section.name) {
                section.commitments = std::mem::take(&mut found.commitments);
            }
        }
        Ok(StaffReport {
            header: header(data.workshop.clone()).await?,
            workshop: only.is_none().then_some(data),
            teams: sections,
        })
    }

    pub(super) async fn participant(workshop: WorkshopId) -> AppResult<ParticipantReport> {
        // Each read checks that the reader is a participant of this workshop.
        let view = crate::team::team_view(workshop).await?;
        let actions = crate::action::my_team_actions(workshop).await?;
        let roadmap = crate::roadmap::team_roadmap(workshop).await?;
        // A participant's commitments are their own team's.
        let commitments = crate::export::commitments(workshop, None)
            .await?
            .into_iter()
            .next()
            .map(|t| t.commitments)
            .unwrap_or_default();
        Ok(ParticipantReport {
            team: TeamReport {
                team: view.me.team,
                name: view.me.team_name.clone(),
                results: TeamResults::from_team_view(&view),
                actions: actions.actions,
                roadmap: roadmap.roadmap,
                commitments,
            },
            header: header(view.workshop).await?,
        })
    }
}
