//! What the results page reads, and the server function that reads it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::framework::Text;
use crate::ids::WorkshopId;
use crate::workshop::WorkshopSummary;

/// A pillar as a column of the results table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PillarColumn {
    /// Code, e.g. `T`.
    pub code: String,
    /// Name.
    pub name: Text,
}

/// A team's row of the results table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamRow {
    /// Team name.
    pub team: String,
    /// Members who answered.
    pub respondents: u32,
    /// Pillar averages (1–5, one decimal), in the order of [`WorkshopResults::pillars`].
    pub averages: Vec<Option<f64>>,
}

/// The aggregated results of a workshop, as anyone allowed to read them sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkshopResults {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// Pillars, in framework order.
    pub pillars: Vec<PillarColumn>,
    /// Teams with enough respondents to be shown.
    pub teams: Vec<TeamRow>,
    /// Teams hidden by the anonymity threshold.
    pub hidden_teams: Vec<String>,
}

/// Reads the pillar averages of every team of a workshop.
#[server(name = GetWorkshopResults, endpoint = "workshop_results")]
pub async fn workshop_results(workshop: WorkshopId) -> Result<WorkshopResults, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::load(&state.db, workshop).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::assessment::repo::responses_of_workshop;
    use crate::db::Db;
    use crate::framework::repo::outline;
    use crate::results::aggregate::{round1, team_pillar_averages, visible_to_others, LevelPoint};
    use crate::workshop::repo as workshops;

    pub(super) async fn load(db: &Db, id: WorkshopId) -> Result<WorkshopResults, AppError> {
        let pool = db.pool();
        let facts = workshops::facts(pool, id).await?;
        // Public only once its facilitators publish it (the demo workshop is published).
        let (published_at, _) = crate::sharing::repo::publication(pool, id).await?;
        if published_at.is_none() {
            return Err(AppError::Forbidden);
        }
        let workshop = facts.summary;
        let pillars = outline(pool, facts.framework).await?;
        let teams = workshops::teams(pool, id).await?;
        let points: Vec<LevelPoint> = responses_of_workshop(pool, id)
            .await?
            .into_iter()
            .map(|r| LevelPoint {
                team: r.team,
                participant: r.participant,
                indicator: r.indicator,
                level: r.response.level().map(|l| l.get()),
            })
            .collect();

        let indicator_sets: Vec<_> = pillars
            .iter()
            .map(|p| p.indicators.iter().map(|i| i.id).collect())
            .collect();
        let team_ids: Vec<_> = teams.iter().map(|t| t.id).collect();
        let averages = team_pillar_averages(&indicator_sets, &team_ids, &points);

        let mut shown = Vec::new();
        let mut hidden_teams = Vec::new();
        for (team, row) in teams.into_iter().zip(averages) {
            if visible_to_others(row.respondents, workshop.anonymity_threshold) {
                shown.push(TeamRow {
                    team: team.name,
                    respondents: u32::try_from(row.respondents).unwrap_or(u32::MAX),
                    averages: row.averages.into_iter().map(|a| a.map(round1)).collect(),
                });
            } else {
                hidden_teams.push(team.name);
            }
        }
        Ok(WorkshopResults {
            workshop,
            pillars: pillars
                .into_iter()
                .map(|p| PillarColumn {
                    code: p.code,
                    name: p.name,
                })
                .collect(),
            teams: shown,
            hidden_teams,
        })
    }
}
