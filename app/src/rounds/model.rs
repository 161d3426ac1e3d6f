//! What the rounds page reads: the workshop's rounds, and two rounds compared.

use serde::{Deserialize, Serialize};

use crate::dashboard::IndicatorColumn;
use crate::results::PillarColumn;
use crate::workshop::{TeamSummary, WorkshopSummary};

/// The highest round number a workshop can reach (the schema's limit).
pub const MAX_ROUND: u32 = 100;

/// A round that has been closed: its answers are frozen and can be compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedRound {
    /// Its number, from 1.
    pub round: u32,
    /// The day it was closed (when the next round opened), as an ISO date in UTC.
    pub closed_on: String,
}

/// The workshop's rounds, for the rounds page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundsOverview {
    /// The workshop (its phase included).
    pub workshop: WorkshopSummary,
    /// The round participants answer now.
    pub current: u32,
    /// Earlier rounds, oldest first.
    pub closed: Vec<ClosedRound>,
    /// Answers given so far in the current round (kept as that round when a new one opens).
    pub answers: u32,
    /// Teams, in display order, for the comparison's team picker.
    pub teams: Vec<TeamSummary>,
}

impl RoundsOverview {
    /// Every round number there is, closed and current, in order.
    pub fn rounds(&self) -> Vec<u32> {
        self.closed
            .iter()
            .map(|c| c.round)
            .chain(std::iter::once(self.current))
            .collect()
    }
}

/// One value in two rounds, and how it moved.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The value in the earlier round (one decimal); `None` when there was none.
    pub from: Option<f64>,
    /// The value in the later round (one decimal); `None` when there is none.
    pub to: Option<f64>,
    /// `to − from` (one decimal); `None` when either is missing.
    pub change: Option<f64>,
}

/// The workshop as a whole, or one team, in two rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScopeComparison {
    /// The team's name; `None` for the whole workshop.
    pub team: Option<String>,
    /// People who answered at least one indicator, in each round.
    pub respondents: [u32; 2],
    /// Per pillar, in pillar order.
    pub pillars: Vec<Change>,
    /// Per indicator, in indicator order.
    pub indicators: Vec<Change>,
}

/// Two rounds of a workshop side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The earlier round.
    pub from: u32,
    /// The later round.
    pub to: u32,
    /// The workshop's current round (answers still coming in when `to` is it).
    pub current: u32,
    /// Pillars, in framework order.
    pub pillars: Vec<PillarColumn>,
    /// Indicators, in framework order.
    pub indicators: Vec<IndicatorColumn>,
    /// The whole workshop.
    pub workshop: ScopeComparison,
    /// Each team, in display order.
    pub teams: Vec<ScopeComparison>,
}
