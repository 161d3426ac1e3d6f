//! The prioritisation rules, as pure functions: the priority score, the 2×2 matrix's
//! quadrants, and dependency cycles.
//!
//! # The priority score
//!
//! Each criterion gives the action a value between 0 and 1:
//!
//! | criterion | value |
//! |---|---|
//! | relevance | the action's dots ÷ the most dots any action of the team has (0 when nobody voted) |
//! | ambition | (impact − 1) ÷ 4 |
//! | feasibility | (5 − effort) ÷ 4 |
//! | resources | low cost 1, medium ½, high 0 |
//! | gap | the mean, over the linked indicators, of (target − current level) ÷ 4, never below 0 |
//!
//! The score is the weighted mean of the values, times 100:
//! `score = 100 × Σ weightᵢ × valueᵢ ÷ Σ weightᵢ`, so it is always between 0 and 100 and the
//! weights only say how much each criterion counts. A criterion that has no value (the gap
//! of an action with no indicator that has a known level) is left out of both sums.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::model::{CostBand, DotRules, Rating, Settings, Weights};
use crate::error::AppError;
use crate::i18n::Key;
use crate::ids::ActionId;

/// A criterion of the priority formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// Relevance to open government, judged by the dot votes.
    Relevance,
    /// Ambition: the expected impact.
    Ambition,
    /// Feasibility: low effort scores high.
    Feasibility,
    /// Resources: low cost scores high.
    Resources,
    /// The gap of the linked indicators.
    Gap,
}

/// What the formula needs to know about one action.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreInput {
    /// Dots on this action.
    pub dots: u32,
    /// The most dots on any action of the same team.
    pub most_dots: u32,
    /// Expected impact.
    pub impact: Rating,
    /// Effort.
    pub effort: Rating,
    /// Cost band.
    pub cost: CostBand,
    /// The linked indicators' mean gap, 0–1 (see [`indicator_gap`]); `None` when unknown.
    pub gap: Option<f64>,
}

/// One criterion's part in a score, for "why is this ranked here?".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Term {
    /// The criterion.
    pub criterion: Criterion,
    /// Its value for the action, 0–1.
    pub value: f64,
    /// The facilitator's weight.
    pub weight: u8,
    /// What it adds to the score, in points of 100.
    pub points: f64,
}

/// A priority score and how it was reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Score {
    /// 0–100, rounded to one decimal.
    pub total: f64,
    /// Every criterion that counted, in the formula's order.
    pub terms: Vec<Term>,
}

/// The priority score of an action (see the module's documentation for the formula).
pub fn priority(input: &ScoreInput, weights: &Weights) -> Score {
    let relevance = if input.most_dots == 0 {
        0.0
    } else {
        f64::from(input.dots.min(input.most_dots)) / f64::from(input.most_dots)
    };
    let values = [
        (Criterion::Relevance, Some(relevance), weights.relevance),
        (
            Criterion::Ambition,
            Some(f64::from(input.impact.get() - 1) / 4.0),
            weights.ambition,
        ),
        (
            Criterion::Feasibility,
            Some(f64::from(5 - input.effort.get()) / 4.0),
            weights.feasibility,
        ),
        (
            Criterion::Resources,
            Some(match input.cost {
                CostBand::Low => 1.0,
                CostBand::Medium => 0.5,
                CostBand::High => 0.0,
            }),
            weights.resources,
        ),
        (
            Criterion::Gap,
            input.gap.map(|g| g.clamp(0.0, 1.0)),
            weights.gap,
        ),
    ];
    let counted: Vec<(Criterion, f64, u8)> = values
        .into_iter()
        .filter_map(|(c, v, w)| v.map(|v| (c, v, w)))
        .collect();
    let weight_sum: u32 = counted.iter().map(|(_, _, w)| u32::from(*w)).sum();
    if weight_sum == 0 {
        return Score {
            total: 0.0,
            terms: Vec::new(),
        };
    }
    let terms: Vec<Term> = counted
        .into_iter()
        .map(|(criterion, value, weight)| Term {
            criterion,
            value,
            weight,
            points: 100.0 * f64::from(weight) * value / f64::from(weight_sum),
        })
        .collect();
    let total = terms.iter().map(|t| t.points).sum::<f64>();
    Score {
        total: (total * 10.0).round() / 10.0,
        terms,
    }
}

/// The gap of one indicator, 0–1: how far the team's target is above its current level,
/// over the four steps of the scale. A target at or below the current level is no gap.
/// Without a stated target the target is the top level, 5. `None` without a current level.
pub fn indicator_gap(current: Option<f64>, target: Option<f64>) -> Option<f64> {
    let current = current?;
    let target = target.unwrap_or(5.0);
    Some(((target - current) / 4.0).clamp(0.0, 1.0))
}

/// The mean gap of an action's indicators; `None` when none of them has a known gap.
pub fn mean_gap(gaps: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    crate::results::aggregate::mean_of_present(gaps)
}

/// A quadrant of the impact/effort matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High impact, low effort: do first.
    QuickWin,
    /// High impact, high effort: plan carefully.
    BigBet,
    /// Low impact, low effort: when there is room.
    FillIn,
    /// Low impact, high effort: avoid.
    TimeSink,
}

/// From this impact up, an action's impact is high (the matrix's line sits at 2.5).
pub const HIGH_IMPACT: u8 = 3;
/// From this effort up, an action's effort is high.
pub const HIGH_EFFORT: u8 = 3;

/// The quadrant an action falls in.
pub fn quadrant(impact: Rating, effort: Rating) -> Quadrant {
    match (impact.get() >= HIGH_IMPACT, effort.get() >= HIGH_EFFORT) {
        (true, false) => Quadrant::QuickWin,
        (true, true) => Quadrant::BigBet,
        (false, false) => Quadrant::FillIn,
        (false, true) => Quadrant::TimeSink,
    }
}

/// A dependency cycle among `edges` (`(action, depends_on)` pairs), as the actions along it
/// in order with the first repeated at the end (`[a, b, a]`); `None` when there is none. The
/// search is deterministic: the same edges give the same cycle, whatever their order.
pub fn dependency_cycle(edges: &[(ActionId, ActionId)]) -> Option<Vec<ActionId>> {
    let mut graph: BTreeMap<ActionId, BTreeSet<ActionId>> = BTreeMap::new();
    for (from, to) in edges {
        graph.entry(*from).or_default().insert(*to);
        graph.entry(*to).or_default();
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let mut marks: BTreeMap<ActionId, Mark> = graph.keys().map(|k| (*k, Mark::New)).collect();
    // Iterative depth-first search, so a long chain cannot overflow the stack.
    for &root in graph.keys() {
        if marks[&root] != Mark::New {
            continue;
        }
        let mut path: Vec<ActionId> = vec![root];
        let mut iters: Vec<std::collections::btree_set::Iter<'_, ActionId>> =
            vec![graph[&root].iter()];
        marks.insert(root, Mark::OnPath);
        while let Some(next) = iters.last_mut().map(Iterator::next) {
            match next {
                Some(&child) => match marks[&child] {
                    Mark::New => {
                        marks.insert(child, Mark::OnPath);
                        path.push(child);
                        iters.push(graph[&child].iter());
                    }
                    Mark::OnPath => {
                        let start = path.iter().position(|a| *a == child).unwrap_or(0);
                        let mut cycle = path[start..].to_vec();
                        cycle.push(child);
                        return Some(cycle);
                    }
                    Mark::Done => {}
                },
                None => {
                    iters.pop();
                    if let Some(done) = path.pop() {
                        marks.insert(done, Mark::Done);
                    }
                }
            }
        }
    }
    None
}

/// The longest title, in characters.
pub const TITLE_MAX_CHARS: usize = 200;
/// The longest description, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 4000;
/// The longest responsible unit's name, in characters.
pub const UNIT_MAX_CHARS: usize = 120;

/// A proposed (or edited) action's fields, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// Title, trimmed.
    pub title: String,
    /// Description, trimmed.
    pub description: String,
    /// Responsible unit, trimmed.
    pub unit: String,
    /// Expected impact.
    pub impact: Rating,
    /// Effort.
    pub effort: Rating,
    /// Cost band.
    pub cost: CostBand,
}

/// Reads a proposal form. Every mistake is reported at once, by field, in the user's
/// language.
pub fn parse_proposal(
    title: &str,
    description: &str,
    unit: &str,
    impact: &str,
    effort: &str,
    cost: &str,
) -> Result<Proposal, AppError> {
    let text = |field: &str, value: &str, min: usize, max: usize, missing: Key, long: Key| {
        let value = value.trim();
        let n = value.chars().count();
        if n < min {
            Err(AppError::invalid(field, missing))
        } else if n > max {
            Err(AppError::invalid(field, long))
        } else {
            Ok(value.to_owned())
        }
    };
    let title = text(
        "title",
        title,
        1,
        TITLE_MAX_CHARS,
        Key::ActErrTitleMissing,
        Key::ActErrTitleTooLong,
    );
    let description = text(
        "description",
        description,
        0,
        DESCRIPTION_MAX_CHARS,
        Key::ActErrTitleMissing,
        Key::ActErrDescriptionTooLong,
    );
    let unit = text(
        "unit",
        unit,
        1,
        UNIT_MAX_CHARS,
        Key::ActErrUnitMissing,
        Key::ActErrUnitTooLong,
    );
    let impact = Rating::parse(impact, "impact");
    let effort = Rating::parse(effort, "effort");
    let cost = CostBand::parse(cost).ok_or_else(|| AppError::invalid("cost", Key::ActErrCostBand));
    match (title, description, unit, impact, effort, cost) {
        (Ok(title), Ok(description), Ok(unit), Ok(impact), Ok(effort), Ok(cost)) => Ok(Proposal {
            title,
            description,
            unit,
            impact,
            effort,
            cost,
        }),
        (title, description, unit, impact, effort, cost) => Err(AppError::merge([
            title.err(),
            description.err(),
            unit.err(),
            impact.err(),
            effort.err(),
            cost.err(),
        ])
        .unwrap_or(AppError::BadRequest)),
    }
}

/// Reads the facilitator's settings form: dots 1–30, stacking, and the five weights 0–5
/// (see [`Weights::check`]). Every mistake is reported at once.
pub fn parse_settings(dots: &str, stack: bool, weights: [&str; 5]) -> Result<Settings, AppError> {
    let dots = dots
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|d| (1..=MAX_DOTS).contains(d))
        .ok_or_else(|| AppError::invalid("dots", Key::ActErrDotsRange));
    let fields = ["relevance", "ambition", "feasibility", "resources", "gap"];
    let parsed: Vec<Result<u8, AppError>> = fields
        .iter()
        .zip(weights)
        .map(|(field, typed)| {
            typed
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|w| *w <= Weights::MAX)
                .ok_or_else(|| AppError::invalid(field, Key::ErrWeightRange))
        })
        .collect();
    if let Some(err) = AppError::merge(
        std::iter::once(dots.as_ref().err().cloned())
            .chain(parsed.iter().map(|r| r.as_ref().err().cloned())),
    ) {
        return Err(err);
    }
    let w: Vec<u8> = parsed.into_iter().flatten().collect();
    let weights = Weights {
        relevance: w[0],
        ambition: w[1],
        feasibility: w[2],
        resources: w[3],
        gap: w[4],
    };
    weights.check()?;
    Ok(Settings {
        dots: DotRules {
            per_participant: dots?,
            stack,
        },
        weights,
    })
}

/// The most dots a facilitator may give each participant.
pub const MAX_DOTS: u8 = 30;

/// What merging a duplicate does to one participant's dots: the two are added, but without
/// stacking a participant keeps at most one dot on an action, and the extra dot goes back to
/// them. Returns (dots kept on the merged action, dots returned).
pub fn merged_dots(kept: u32, duplicate: u32, stack: bool) -> (u32, u32) {
    let sum = kept + duplicate;
    if stack || sum <= 1 {
        (sum, 0)
    } else {
        (1, sum - 1)
    }
}

/// The dependencies after merging `duplicate` into `kept`: the edges not touching the
/// duplicate stay; then each edge to or from the duplicate, in order, is moved to the kept
/// action unless it would make the kept action depend on itself, repeat an edge, or close a
/// cycle. Returns the new edges (sorted) and the moved edges that were dropped.
#[allow(clippy::type_complexity)]
pub fn repoint_edges(
    edges: &[(ActionId, ActionId)],
    duplicate: ActionId,
    kept: ActionId,
) -> (Vec<(ActionId, ActionId)>, Vec<(ActionId, ActionId)>) {
    let touches = |(from, to): &(ActionId, ActionId)| *from == duplicate || *to == duplicate;
    let mut set: BTreeSet<(ActionId, ActionId)> =
        edges.iter().filter(|e| !touches(e)).copied().collect();
    let mut moved: Vec<(ActionId, ActionId)> =
        edges.iter().filter(|e| touches(e)).copied().collect();
    moved.sort_unstable();
    let swap = |a: ActionId| if a == duplicate { kept } else { a };
    let mut dropped = Vec::new();
    for (from, to) in moved {
        let edge = (swap(from), swap(to));
        if edge.0 == edge.1 || set.contains(&edge) {
            continue;
        }
        let mut with: Vec<(ActionId, ActionId)> = set.iter().copied().collect();
        with.push(edge);
        if dependency_cycle(&with).is_some() {
            dropped.push(edge);
        } else {
            set.insert(edge);
        }
    }
    (set.into_iter().collect(), dropped)
}

#[cfg(test)]
mod tests;
