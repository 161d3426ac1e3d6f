//! The needs' rules, as pure functions: reading a typed need, checking the actions it
//! unblocks, and aggregating a workshop's needs per kind.
//!
//! Definitions (also stated on the dashboard): for each kind, the number of teams with at
//! least one need of that kind, out of every team in the workshop — a team with three
//! training needs counts once — and every description of that kind, grouped, teams in
//! display order.

use std::collections::BTreeSet;

use super::model::{KindSummary, NeedKind, NeedsSummary, MAX_DESCRIPTION};
use crate::error::AppError;
use crate::i18n::Key;
use crate::ids::{ActionId, TeamId};

/// A need's fields, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedInput {
    /// The kind.
    pub kind: NeedKind,
    /// The description, trimmed, 1–[`MAX_DESCRIPTION`] characters.
    pub description: String,
}

/// Reads a need as typed. Every mistake is reported at once, by field: an unknown kind, an
/// empty description, a description over [`MAX_DESCRIPTION`] characters or holding a NUL.
pub fn parse_need(kind: &str, description: &str) -> Result<NeedInput, AppError> {
    let kind = NeedKind::parse(kind).ok_or_else(|| AppError::invalid("kind", Key::NeedErrKind));
    let description = description.trim();
    let text = if description.is_empty() {
        Err(AppError::invalid(
            "description",
            Key::NeedErrDescriptionEmpty,
        ))
    } else if description.chars().count() > MAX_DESCRIPTION {
        Err(AppError::invalid(
            "description",
            Key::NeedErrDescriptionTooLong,
        ))
    } else if description.contains('\0') {
        // PostgreSQL's text cannot hold it; no keyboard types it.
        Err(AppError::invalid(
            "description",
            Key::NeedErrDescriptionInvalid,
        ))
    } else {
        Ok(description.to_owned())
    };
    match (kind, text) {
        (Ok(kind), Ok(description)) => Ok(NeedInput { kind, description }),
        (kind, text) => {
            Err(AppError::merge([kind.err(), text.err()]).unwrap_or(AppError::BadRequest))
        }
    }
}

/// The actions a need unblocks, without repeats, in id order; refused (field `unblocks`)
/// when one is not among the team's own actions (another team's, another workshop's, or
/// gone).
pub fn check_unblocks(
    chosen: &[ActionId],
    team_actions: &BTreeSet<ActionId>,
) -> Result<Vec<ActionId>, AppError> {
    let unique: BTreeSet<ActionId> = chosen.iter().copied().collect();
    if unique.iter().all(|a| team_actions.contains(a)) {
        Ok(unique.into_iter().collect())
    } else {
        Err(AppError::invalid("unblocks", Key::NeedErrOtherAction))
    }
}

/// A need as the aggregation reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedRecord {
    /// The team that recorded it.
    pub team: TeamId,
    /// Its kind.
    pub kind: NeedKind,
    /// What is needed.
    pub description: String,
}

/// The workshop's needs per kind: teams (id and name, in display order) and their needs.
/// A need of a team not in `teams` is left out, so counts never exceed the total.
pub fn aggregate(teams: &[(TeamId, String)], needs: &[NeedRecord]) -> NeedsSummary {
    let known = |team: TeamId| teams.iter().any(|(id, _)| *id == team);
    let kinds = NeedKind::ALL
        .into_iter()
        .map(|kind| {
            let mut team_names = Vec::new();
            let mut descriptions = Vec::new();
            for (team, name) in teams {
                let mine: Vec<&NeedRecord> = needs
                    .iter()
                    .filter(|n| n.team == *team && n.kind == kind)
                    .collect();
                if mine.is_empty() {
                    continue;
                }
                team_names.push(name.clone());
                descriptions.extend(mine.iter().map(|n| (name.clone(), n.description.clone())));
            }
            KindSummary {
                kind,
                teams: count(team_names.len()),
                team_names,
                descriptions,
            }
        })
        .collect();
    let with_needs: BTreeSet<TeamId> = needs.iter().map(|n| n.team).filter(|t| known(*t)).collect();
    NeedsSummary {
        teams_total: count(teams.len()),
        teams_with_needs: count(with_needs.len()),
        needs_total: count(needs.iter().filter(|n| known(n.team)).count()),
        kinds,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The share of teams, 0–100 with one decimal; 0 when the workshop has no teams.
pub fn share(teams: u32, total: u32) -> f64 {
    if total == 0 {
        return 0.0;
    }
    (f64::from(teams) * 1000.0 / f64::from(total)).round() / 10.0
}

#[cfg(test)]
mod tests;
