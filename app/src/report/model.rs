//! What the report shows, and the pure rules that shape it from the domains' own data: a
//! team's results come from the dashboard (facilitators) or the team page (participants), so
//! the report never computes an aggregate of its own.

use serde::{Deserialize, Serialize};

use crate::action::RankedAction;
use crate::dashboard::DashboardData;
use crate::framework::Text;
use crate::i18n::{Key, Lang};
use crate::ids::TeamId;
use crate::roadmap::TeamRoadmap;
use crate::team::TeamView;
use crate::workshop::WorkshopSummary;

/// The head of every report: which workshop, where it stands and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportHeader {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// Its first day (ISO), if set.
    pub starts_on: Option<String>,
    /// Its last day (ISO), if set.
    pub ends_on: Option<String>,
    /// The day the report was read (ISO, UTC).
    pub generated_on: String,
}

/// A pillar of a team's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PillarLine {
    /// Name.
    pub name: Text,
    /// The team's average, 1–5.
    pub team: Option<f64>,
    /// The workshop's average, when the reader may see it (facilitators).
    pub workshop: Option<f64>,
}

/// An indicator of a team's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorLine {
    /// Code, e.g. `T1`.
    pub code: String,
    /// Name.
    pub name: Text,
    /// The team's level: settled by its lead, else its members' median.
    pub level: Option<f64>,
}

/// A team's assessment results: consensus only, never an individual answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamResults {
    /// Per pillar, in framework order.
    pub pillars: Vec<PillarLine>,
    /// Per indicator, in framework order.
    pub indicators: Vec<IndicatorLine>,
    /// Whether the workshop's averages are given beside the team's.
    pub with_workshop: bool,
}

impl TeamResults {
    /// Team `index` of the dashboard, beside the workshop's averages.
    pub fn from_dashboard(data: &DashboardData, index: usize) -> Option<TeamResults> {
        let team = data.teams.get(index)?;
        let pillars = data
            .pillars
            .iter()
            .enumerate()
            .map(|(i, p)| PillarLine {
                name: p.name.clone(),
                team: team.averages.get(i).copied().flatten(),
                workshop: data.workshop_averages.get(i).copied().flatten(),
            })
            .collect();
        let indicators = data
            .indicators
            .iter()
            .enumerate()
            .map(|(i, column)| IndicatorLine {
                code: column.code.clone(),
                name: column.name.clone(),
                level: team.consensus.get(i).copied().flatten(),
            })
            .collect();
        Some(TeamResults {
            pillars,
            indicators,
            with_workshop: true,
        })
    }

    /// A participant's own team, as their team page shows it.
    pub fn from_team_view(view: &TeamView) -> TeamResults {
        TeamResults {
            pillars: view
                .pillars
                .iter()
                .map(|p| PillarLine {
                    name: p.name.clone(),
                    team: p.average,
                    workshop: None,
                })
                .collect(),
            indicators: view
                .pillars
                .iter()
                .flat_map(|p| &p.indicators)
                .map(|i| IndicatorLine {
                    code: i.code.clone(),
                    name: i.name.clone(),
                    level: i.consensus.consensus(),
                })
                .collect(),
            with_workshop: false,
        }
    }

    /// Whether there is anything to draw.
    pub fn has_data(&self) -> bool {
        self.pillars.iter().any(|p| p.team.is_some())
    }
}

/// One team's part of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamReport {
    /// The team.
    pub team: TeamId,
    /// Its name.
    pub name: String,
    /// Its results.
    pub results: TeamResults,
    /// Its actions in priority order.
    pub actions: Vec<RankedAction>,
    /// Its roadmap (`starts_on` is `None` before it is generated).
    pub roadmap: TeamRoadmap,
    /// Its roadmap items as OGP commitments.
    pub commitments: Vec<crate::export::commitment::Commitment>,
}

/// The facilitator's report: the whole workshop, or one team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffReport {
    /// The head.
    pub header: ReportHeader,
    /// The workshop's dashboard, unless the report is about one team.
    pub workshop: Option<DashboardData>,
    /// The teams reported on, in display order.
    pub teams: Vec<TeamReport>,
}

/// A participant's report: their own team only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantReport {
    /// The head.
    pub header: ReportHeader,
    /// The participant's team.
    pub team: TeamReport,
}

/// The workshop's dates as a reader writes them: one day, a span, or "no dates set".
pub fn date_span(starts_on: Option<&str>, ends_on: Option<&str>, lang: Lang) -> String {
    match (starts_on, ends_on) {
        (Some(start), Some(end)) if start != end => format!("{start} – {end}"),
        (Some(day), _) | (None, Some(day)) => day.to_owned(),
        (None, None) => lang.t(Key::RepNoDates).to_owned(),
    }
}

/// The element id prefix of a team's section, unique on the page.
pub fn team_dom(team: TeamId) -> String {
    format!("rep-team-{team}")
}

/// Pairs each team (id and name, in display order) with its index in the dashboard, which
/// lists the same teams in the same order but without ids. A team whose name does not sit at
/// its place (one added or renamed between the reads) is looked up by name, else left out.
pub fn dashboard_index(
    teams: &[(TeamId, String)],
    data: &DashboardData,
) -> Vec<(TeamId, String, usize)> {
    teams
        .iter()
        .enumerate()
        .filter_map(|(at, (id, name))| {
            let here = data.teams.get(at).is_some_and(|t| &t.name == name);
            let index = if here {
                Some(at)
            } else {
                data.teams.iter().position(|t| &t.name == name)
            };
            index.map(|i| (*id, name.clone(), i))
        })
        .collect()
}

#[cfg(test)]
#[path = "model/tests.rs"]
mod tests;
