//! Sharing's rules, as pure functions: whether a link opens, what an expiry date means, and
//! the anonymised view observers and the public read.
//!
//! Anonymity (the same rule as the participants' comparison, [`visible_to_others`]): a team
//! is shown with numbers only when at least `anonymity_threshold` of its members answered;
//! otherwise by name only, with no roadmap either (a roadmap's current-versus-target radar
//! carries the team's levels). The workshop-wide numbers (pillar averages, distribution,
//! strengths and weaknesses) are the dashboard's own rules run over the shown teams only.

use time::{Date, Duration};

use super::model::*;
use crate::dashboard::rules::{aggregate, Layout, TeamInput};
use crate::dashboard::DashboardData;
use crate::error::{AppError, AppResult};
use crate::i18n::Key;
use crate::results::aggregate::visible_to_others;
use crate::roadmap::TeamRoadmap;
use crate::workshop::WorkshopSummary;

/// The longest label a link may have (the database's limit).
pub const LABEL_MAX: usize = 120;

/// Whether a link with these times opens at `now` (unix seconds). Revocation wins over
/// expiry: it is what the facilitator did last on purpose.
pub fn link_state(expires_at: Option<i64>, revoked_at: Option<i64>, now: i64) -> LinkState {
    if revoked_at.is_some() {
        LinkState::Revoked
    } else if expires_at.is_some_and(|at| at <= now) {
        LinkState::Expired
    } else {
        LinkState::Active
    }
}

/// A typed label, trimmed; refused when too long.
pub fn parse_label(typed: &str) -> AppResult<String> {
    let label = typed.trim();
    if label.chars().count() > LABEL_MAX {
        return Err(AppError::invalid("label", Key::ShrErrLabelLong));
    }
    Ok(label.to_owned())
}

/// An expiry typed as a date (`YYYY-MM-DD`, empty: never): the link works through that whole
/// day in UTC, so it stops at the next midnight. A day before `today` is refused.
pub fn parse_expiry(typed: &str, today: Date) -> AppResult<Option<i64>> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    let day = crate::roadmap::rules::parse_date(typed, "expires_on")?;
    if day < today {
        return Err(AppError::invalid("expires_on", Key::ShrErrExpiryPast));
    }
    let end = day.midnight().assume_utc() + Duration::days(1);
    Ok(Some(end.unix_timestamp()))
}

/// Which teams are shown with their numbers (in the inputs' order).
pub fn shown_teams(workshop: &WorkshopSummary, layout: &Layout, inputs: &[TeamInput]) -> Vec<bool> {
    shown_of(&aggregate(workshop.clone(), layout.clone(), inputs))
}

fn shown_of(data: &DashboardData) -> Vec<bool> {
    let threshold = data.workshop.anonymity_threshold;
    data.teams
        .iter()
        .map(|t| visible_to_others(t.respondents as usize, threshold))
        .collect()
}

/// The anonymised view of a workshop (see the module's rules) from the dashboard's raw
/// material. `roadmap` loads the roadmap of the team at an index, and is called only for the
/// teams shown. `only`: a one-team view (an observer link to that team, by index).
pub fn anonymise(
    workshop: WorkshopSummary,
    layout: Layout,
    inputs: &[TeamInput],
    only: Option<usize>,
    mut roadmap: impl FnMut(usize) -> Option<TeamRoadmap>,
) -> PublicAggregates {
    let everyone = aggregate(workshop.clone(), layout.clone(), inputs);
    let shown = shown_of(&everyone);
    let visible: Vec<TeamInput> = inputs
        .iter()
        .zip(&shown)
        .filter(|(_, s)| **s)
        .map(|(t, _)| t.clone())
        .collect();
    let over_shown = aggregate(workshop, layout, &visible).rounded();
    let mut numbers = over_shown.teams.iter();
    let teams = everyone
        .teams
        .iter()
        .zip(&shown)
        .enumerate()
        .filter_map(|(index, (team, &shown))| {
            // Keeps `numbers` in step with the shown teams whether or not this one is wanted.
            let numbers = shown.then(|| numbers.next()).flatten();
            if only.is_some_and(|o| o != index) {
                return None;
            }
            Some(match numbers {
                Some(status) => PublicTeam {
                    name: team.name.clone(),
                    shown: true,
                    respondents: Some(status.respondents),
                    averages: status.averages.clone(),
                    consensus: status.consensus.clone(),
                    roadmap: roadmap(index).map(public_roadmap),
                },
                None => PublicTeam {
                    name: team.name.clone(),
                    shown: false,
                    respondents: None,
                    averages: Vec::new(),
                    consensus: Vec::new(),
                    roadmap: None,
                },
            })
        })
        .collect();
    let whole = only.is_none();
    PublicAggregates {
        workshop: over_shown.workshop,
        pillars: over_shown.pillars,
        indicators: over_shown.indicators,
        workshop_averages: over_shown.workshop_averages,
        distribution: if whole {
            over_shown.distribution
        } else {
            Vec::new()
        },
        strengths: if whole {
            over_shown.strengths
        } else {
            Vec::new()
        },
        weaknesses: if whole {
            over_shown.weaknesses
        } else {
            Vec::new()
        },
        teams,
    }
}

/// A roadmap without its internal ids, versions and hand-edit marks.
pub fn public_roadmap(roadmap: TeamRoadmap) -> PublicRoadmap {
    PublicRoadmap {
        starts_on: roadmap.starts_on,
        items: roadmap
            .items
            .into_iter()
            .map(|i| PublicItem {
                title: i.title,
                owner: i.owner,
                starts_on: i.starts_on,
                ends_on: i.ends_on,
                horizon: i.horizon,
                status: i.status,
                progress: i.progress,
                indicators: i.indicators,
                milestones: i
                    .milestones
                    .into_iter()
                    .map(|m| PublicMilestone {
                        title: m.title,
                        due_on: m.due_on,
                    })
                    .collect(),
            })
            .collect(),
        pillars: roadmap.pillars,
    }
}

#[cfg(test)]
mod tests;
