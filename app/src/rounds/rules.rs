//! The rounds' rules, as pure functions.
//!
//! Definitions (also shown, in plain words, on the rounds page):
//! - A round's numbers are the dashboard's ([`crate::dashboard::rules::aggregate`]), computed
//!   the same way from the frozen answers of a closed round as from the live answers of the
//!   current one: a team's level on an indicator is the level its lead settled, or else the
//!   median of its members' levels; a team's pillar value is the mean of its levels over the
//!   pillar's indicators; the workshop's pillar value is the mean of the teams' pillar values.
//! - The workshop's level on an indicator is the mean of the teams' levels on it (over the
//!   teams that have one), as in the dashboard's strengths and weaknesses.
//! - Values are rounded to one decimal, as the dashboard shows them, and the change is the
//!   later round's shown value minus the earlier round's, so the three numbers on a row add
//!   up. There is no change when either value is missing.
//! - A new round opens only once the current one has been reviewed (review phase or later),
//!   and only from a page that shows the current round, so two facilitators clicking at once
//!   open one round, not two.

use serde::{Deserialize, Serialize};

use super::model::{Change, Comparison, ScopeComparison, MAX_ROUND};
use crate::dashboard::{DashboardData, TeamStatus};
use crate::error::AppError;
use crate::i18n::Key;
use crate::results::aggregate::{mean_of_present, round1};
use crate::workshop::Phase;

/// `to − from`, with one decimal; `None` when either is missing.
pub fn change(from: Option<f64>, to: Option<f64>) -> Option<f64> {
    Some(round1(to? - from?))
}

/// A value in two rounds, each rounded as shown, and their difference.
pub fn change_of(from: Option<f64>, to: Option<f64>) -> Change {
    let (from, to) = (from.map(round1), to.map(round1));
    Change {
        from,
        to,
        change: change(from, to),
    }
}

/// Which way a value moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trend {
    /// It rose.
    Up,
    /// It fell.
    Down,
    /// It stayed where it was.
    Same,
}

impl Trend {
    /// The direction of a change; `None` when there is no change to speak of.
    pub fn of(change: Option<f64>) -> Option<Trend> {
        let change = change?;
        // Changes are rounded to one decimal: anything smaller than half of it is none.
        Some(if change > 0.05 {
            Trend::Up
        } else if change < -0.05 {
            Trend::Down
        } else {
            Trend::Same
        })
    }

    /// The arrow shown beside the number (the words are there too, for screen readers).
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Up => "▲",
            Trend::Down => "▼",
            Trend::Same => "=",
        }
    }

    /// The words for the arrow.
    pub fn key(self) -> Key {
        match self {
            Trend::Up => Key::RoundUp,
            Trend::Down => Key::RoundDown,
            Trend::Same => Key::RoundSame,
        }
    }
}

/// A change as shown in the tables: sign and one decimal (`+0.5`, `−1.0`, `0.0`).
pub fn signed(change: f64) -> String {
    if change > 0.05 {
        format!("+{change:.1}")
    } else if change < -0.05 {
        format!("−{:.1}", -change)
    } else {
        "0.0".to_owned()
    }
}

/// The workshop's level on each indicator: the mean of the teams' levels that exist.
pub fn indicator_means(data: &DashboardData) -> Vec<Option<f64>> {
    (0..data.indicators.len())
        .map(|i| {
            mean_of_present(
                data.teams
                    .iter()
                    .map(|t| t.consensus.get(i).copied().flatten()),
            )
        })
        .collect()
}

fn changes(from: &[Option<f64>], to: &[Option<f64>], len: usize) -> Vec<Change> {
    (0..len)
        .map(|i| change_of(from.get(i).copied().flatten(), to.get(i).copied().flatten()))
        .collect()
}

fn team_comparison(
    from: Option<&TeamStatus>,
    to: &TeamStatus,
    data: &DashboardData,
) -> ScopeComparison {
    let none = Vec::new();
    let (from_pillars, from_levels) = from.map_or((&none, &none), |t| (&t.averages, &t.consensus));
    ScopeComparison {
        team: Some(to.name.clone()),
        respondents: [from.map_or(0, |t| t.respondents), to.respondents],
        pillars: changes(from_pillars, &to.averages, data.pillars.len()),
        indicators: changes(from_levels, &to.consensus, data.indicators.len()),
    }
}

/// Two rounds side by side. `earlier` and `later` are the dashboards (unrounded) of rounds
/// `from` and `to`, built on the same framework layout and the same teams in the same order;
/// the later round's teams and layout name the rows.
pub fn compare(
    from: u32,
    earlier: &DashboardData,
    to: u32,
    later: &DashboardData,
    current: u32,
) -> Comparison {
    let sum = |data: &DashboardData| data.teams.iter().map(|t| t.respondents).sum::<u32>();
    Comparison {
        from,
        to,
        current,
        pillars: later.pillars.clone(),
        indicators: later.indicators.clone(),
        workshop: ScopeComparison {
            team: None,
            respondents: [sum(earlier), sum(later)],
            pillars: changes(
                &earlier.workshop_averages,
                &later.workshop_averages,
                later.pillars.len(),
            ),
            indicators: changes(
                &indicator_means(earlier),
                &indicator_means(later),
                later.indicators.len(),
            ),
        },
        teams: later
            .teams
            .iter()
            .enumerate()
            .map(|(i, team)| team_comparison(earlier.teams.get(i), team, later))
            .collect(),
    }
}

/// Whether a new round may be opened in this phase: once the current round's answers have
/// been reviewed, and also after the workshop closed (a re-assessment months later).
pub fn opens_rounds(phase: Phase) -> bool {
    matches!(
        phase,
        Phase::Review | Phase::Prioritisation | Phase::Roadmap | Phase::Closed
    )
}

/// Why a new round may not be opened from a page that showed round `expected`, when the
/// workshop is in `phase` and round `current`; `None` when it may.
pub fn open_refusal(phase: Phase, current: u32, expected: u32) -> Option<Key> {
    if current != expected {
        Some(Key::RoundErrStale)
    } else if !opens_rounds(phase) {
        Some(Key::RoundErrTooEarly)
    } else if current >= MAX_ROUND {
        Some(Key::RoundErrLimit)
    } else {
        None
    }
}

/// Checks a comparison's two rounds against the rounds there are: both must exist and the
/// first must come before the second. Every mistake is reported at once, by field.
pub fn check_pair(from: u32, to: u32, rounds: &[u32]) -> Result<(), AppError> {
    let unknown = |round: u32, field: &str| {
        (!rounds.contains(&round)).then(|| AppError::invalid(field, Key::RoundErrUnknown))
    };
    let (from_error, to_error) = (unknown(from, "from"), unknown(to, "to"));
    let order = (from_error.is_none() && to_error.is_none() && from >= to)
        .then(|| AppError::invalid("to", Key::RoundErrOrder));
    match AppError::merge([from_error, to_error, order]) {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// The rounds a page compares by default: the one before the current round, and the
/// current one; `None` while there is a single round.
pub fn default_pair(rounds: &[u32]) -> Option<(u32, u32)> {
    match rounds {
        [.., a, b] => Some((*a, *b)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
