//! What the dashboard and the participants' comparison read.

use serde::{Deserialize, Serialize};

use crate::framework::Text;
use crate::results::PillarColumn;
use crate::workshop::WorkshopSummary;

/// An indicator as a column of the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct IndicatorColumn {
    /// Code, e.g. `T1`.
    pub code: String,
    /// Name.
    pub name: Text,
    /// Index of its pillar in [`DashboardData::pillars`].
    pub pillar: usize,
}

/// One team on the dashboard. Only counts and the team's consensus: no participant's name
/// and no single answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TeamStatus {
    /// Team name.
    pub name: String,
    /// People who joined the team.
    pub members: u32,
    /// Members who answered at least one indicator.
    pub respondents: u32,
    /// Members who answered every indicator.
    pub finished: u32,
    /// Answers given as a percentage of all possible (members × indicators), 0–100.
    pub completion: f64,
    /// Pillar averages of the team's consensus, in pillar order.
    pub averages: Vec<Option<f64>>,
    /// The team's consensus per indicator, in indicator order.
    pub consensus: Vec<Option<f64>>,
}

/// How a workshop's answers to one indicator are spread over the possible responses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Distribution {
    /// Answers at levels 1 to 5.
    pub levels: [u32; 5],
    /// "Not applicable" answers.
    pub not_applicable: u32,
    /// "Don't know" answers.
    pub dont_know: u32,
}

impl Distribution {
    /// All answers.
    pub fn total(&self) -> u32 {
        self.levels.iter().sum::<u32>() + self.not_applicable + self.dont_know
    }
}

/// An indicator on which a team's members disagree (see [`crate::team::rules::Spread`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Disagreement {
    /// Team name.
    pub team: String,
    /// Indicator code.
    pub indicator: String,
    /// Whether a team lead has since settled the team's level.
    pub settled: bool,
}

/// An indicator ranked across the workshop as a strength or a weakness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CrossRanked {
    /// Indicator code.
    pub indicator: String,
    /// Teams in which at least one member marked it so.
    pub teams: u32,
    /// Members who marked it so, across all teams.
    pub marks: u32,
    /// Mean of the teams' consensus on it (over teams that have one).
    pub average: Option<f64>,
}

/// Everything the facilitator's dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DashboardData {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// Pillars, in framework order.
    pub pillars: Vec<PillarColumn>,
    /// Indicators, in framework order.
    pub indicators: Vec<IndicatorColumn>,
    /// Every team, in display order (the facilitator sees them all).
    pub teams: Vec<TeamStatus>,
    /// The workshop's pillar averages: the mean of the teams' pillar averages.
    pub workshop_averages: Vec<Option<f64>>,
    /// Per indicator, in indicator order.
    pub distribution: Vec<Distribution>,
    /// Where a team's members disagree.
    pub disagreements: Vec<Disagreement>,
    /// Strengths, most widely marked first.
    pub strengths: Vec<CrossRanked>,
    /// Weaknesses, most widely marked first.
    pub weaknesses: Vec<CrossRanked>,
}

/// What participants are allowed to see of the other teams (the workshop's `share_results`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareResults {
    /// Nothing beyond their own team.
    None,
    /// The workshop's pillar averages.
    Averages,
    /// The workshop's averages and each other team's pillar averages.
    Teams,
}

impl ShareResults {
    /// Reads the stored value.
    pub fn parse(value: &str) -> Option<ShareResults> {
        match value {
            "none" => Some(ShareResults::None),
            "averages" => Some(ShareResults::Averages),
            "teams" => Some(ShareResults::Teams),
            _ => None,
        }
    }
}

/// Another team's pillar averages, as participants see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OtherTeam {
    /// Team name.
    pub name: String,
    /// Members who answered.
    pub respondents: u32,
    /// Pillar averages, in pillar order.
    pub averages: Vec<Option<f64>>,
}

/// What a participant sees of the others: never single answers, nothing of a team below the
/// anonymity threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedResults {
    /// What the facilitator chose to share.
    pub mode: ShareResults,
    /// The anonymity threshold.
    pub threshold: u32,
    /// Pillars, in framework order.
    pub pillars: Vec<PillarColumn>,
    /// The participant's own team.
    pub my_team: String,
    /// Its pillar averages.
    pub mine: Vec<Option<f64>>,
    /// The workshop's pillar averages over the teams at or above the threshold; `None` when
    /// not shared.
    pub workshop: Option<Vec<Option<f64>>>,
    /// Other teams at or above the threshold (only when teams are shared).
    pub others: Vec<OtherTeam>,
    /// Other teams below the threshold, by name only (only when teams are shared).
    pub hidden: Vec<String>,
}
