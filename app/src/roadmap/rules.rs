//! The roadmap's rules, as pure functions: targets per pillar, horizons, milestone titles, and
//! the checks on dates typed by hand.
//!
//! # Targets
//!
//! The target level of an indicator for a team is
//! - the median of its members' target levels, when any member gave one;
//! - else, when an item of the roadmap is linked to the indicator, the current level + 1
//!   (never above 5): the roadmap is expected to move it one step;
//! - else the current level: nothing planned, nothing expected.
//!
//! A pillar's current level is the mean of its indicators' current levels (those that have
//! one); its target is the mean of its indicators' targets (those that have one). For the
//! whole workshop, each is the mean over the teams that have a value.

use std::collections::{BTreeMap, BTreeSet};

use time::macros::format_description;
use time::Date;

use super::model::{Horizon, ItemView, PillarTarget};
use super::schedule::{add_months, MilestoneKind};
use crate::error::AppError;
use crate::i18n::{Key, Lang};
use crate::results::aggregate::{mean_of_present, median};

/// The highest maturity level.
const TOP_LEVEL: f64 = 5.0;

/// One pillar and its indicators (identified by `K`: an id or a code), in the framework's
/// order.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarIndicators<K> {
    /// The pillar's code.
    pub code: String,
    /// Its name in the reader's language.
    pub name: String,
    /// Its indicators.
    pub indicators: Vec<K>,
}

/// What a team says about one indicator.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorLevels {
    /// The team's consensus level (the median of its members' levels), if any.
    pub current: Option<f64>,
    /// The target levels its members gave (1–5; other values are ignored).
    pub targets: Vec<u8>,
}

/// The target of one indicator (see the module documentation); `None` when neither a target
/// nor a current level is known.
pub fn indicator_target(current: Option<f64>, targets: &[u8], linked: bool) -> Option<f64> {
    let given: Vec<u8> = targets
        .iter()
        .copied()
        .filter(|t| (1..=5).contains(t))
        .collect();
    median(&given).or_else(|| {
        let current = current?;
        Some(if linked {
            (current + 1.0).min(TOP_LEVEL)
        } else {
            current
        })
    })
}

/// Current and target levels per pillar for one team, in the order of `pillars`.
/// `levels` holds what the team said per indicator; `linked` the indicators that an item of
/// its roadmap improves.
pub fn pillar_targets<K: Ord>(
    pillars: &[PillarIndicators<K>],
    levels: &BTreeMap<K, IndicatorLevels>,
    linked: &BTreeSet<K>,
) -> Vec<PillarTarget> {
    let none = IndicatorLevels::default();
    pillars
        .iter()
        .map(|pillar| {
            let known: Vec<(&IndicatorLevels, bool)> = pillar
                .indicators
                .iter()
                .map(|i| (levels.get(i).unwrap_or(&none), linked.contains(i)))
                .collect();
            PillarTarget {
                code: pillar.code.clone(),
                name: pillar.name.clone(),
                current: mean_of_present(known.iter().map(|(l, _)| l.current)),
                target: mean_of_present(
                    known
                        .iter()
                        .map(|(l, linked)| indicator_target(l.current, &l.targets, *linked)),
                ),
            }
        })
        .collect()
}

/// Current and target per pillar for the whole workshop: for each pillar (matched by code,
/// in the order they first appear), the mean over the teams that have a value.
pub fn workshop_pillar_targets(teams: &[Vec<PillarTarget>]) -> Vec<PillarTarget> {
    let mut order: Vec<(String, String)> = Vec::new();
    // Per pillar code: the teams' current levels and targets.
    type Values = (Vec<Option<f64>>, Vec<Option<f64>>);
    let mut values: BTreeMap<&str, Values> = BTreeMap::new();
    for pillar in teams.iter().flatten() {
        let entry = values.entry(pillar.code.as_str()).or_insert_with(|| {
            order.push((pillar.code.clone(), pillar.name.clone()));
            (Vec::new(), Vec::new())
        });
        entry.0.push(pillar.current);
        entry.1.push(pillar.target);
    }
    order
        .into_iter()
        .map(|(code, name)| {
            let (current, target) = &values[code.as_str()];
            PillarTarget {
                current: mean_of_present(current.iter().copied()),
                target: mean_of_present(target.iter().copied()),
                code,
                name,
            }
        })
        .collect()
}

/// Whole months from `from` to `to`: the largest `k` with `from + k months ≤ to`, counting
/// months as the scheduler does (the day clamped to the month's length); 0 when `to` is
/// before `from`.
pub fn months_between(from: Date, to: Date) -> u32 {
    if to <= from {
        return 0;
    }
    let rough = (to.year() - from.year()) * 12 + i32::from(u8::from(to.month()))
        - i32::from(u8::from(from.month()));
    // `rough` is the month difference ignoring days; the answer is `rough` or `rough - 1`.
    let mut k = u32::try_from(rough.max(0)).unwrap_or(0);
    while k > 0 && add_months(from, k) > to {
        k -= 1;
    }
    k
}

/// The horizon of an item that starts on `item_start`, in a roadmap that starts on
/// `roadmap_start`: by the whole months elapsed (an item that starts before the roadmap is
/// "now").
pub fn horizon_of(roadmap_start: Date, item_start: Date) -> Horizon {
    Horizon::of_month(months_between(roadmap_start, item_start))
}

/// The title of a generated milestone, in `lang` (the workshop's first language).
pub fn milestone_title(kind: MilestoneKind, lang: Lang) -> &'static str {
    lang.t(match kind {
        MilestoneKind::Kickoff => Key::RmcMilestoneKickoff,
        MilestoneKind::Midpoint => Key::RmcMilestoneMidpoint,
        MilestoneKind::Delivery => Key::RmcMilestoneDelivery,
    })
}

/// Checks dates typed for a roadmap item: the end may not come before the start (a validation
/// error on `ends_on`), and the item may not start before one of the actions it depends on has
/// ended (`dependencies`: their titles and last days; refused, naming those that end on or
/// after the new start, in the order given).
pub fn check_item_dates(
    starts_on: Date,
    ends_on: Date,
    dependencies: &[(String, Date)],
) -> Result<(), AppError> {
    if ends_on < starts_on {
        return Err(AppError::invalid("ends_on", Key::RmcErrEndBeforeStart));
    }
    let blocking: Vec<String> = dependencies
        .iter()
        .filter(|(_, ends)| *ends >= starts_on)
        .map(|(title, _)| title.clone())
        .collect();
    if blocking.is_empty() {
        Ok(())
    } else {
        Err(AppError::Refused {
            reason: Key::RmcErrStartsBeforeDependency,
            names: blocking,
        })
    }
}

/// The first and last years a roadmap date may fall in: a wider range is a typing mistake.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// Reads a date typed as `YYYY-MM-DD` (what a date field sends) for the form field `field`.
pub fn parse_date(typed: &str, field: &str) -> Result<Date, AppError> {
    let format = format_description!("[year]-[month]-[day]");
    let date = Date::parse(typed.trim(), format).map_err(|e| {
        AppError::invalid(
            field,
            match e {
                // The shape was right but the day does not exist (30 February).
                time::error::Parse::TryFromParsed(_) => Key::RmcErrDateNoSuchDay,
                _ => Key::RmcErrDateFormat,
            },
        )
    })?;
    if YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(AppError::invalid(field, Key::RmcErrDateRange))
    }
}

/// Items that start on or before the last day of an item they depend on, as
/// `(item title, dependency title)` pairs in the items' order. The generator never places
/// items like that; dates set by hand before a re-generation moved a dependency can.
pub fn late_starts(items: &[ItemView]) -> Vec<(String, String)> {
    items
        .iter()
        .flat_map(|item| {
            item.depends_on.iter().filter_map(move |dep| {
                items
                    .iter()
                    .find(|other| other.action == *dep)
                    // ISO dates compare as text.
                    .filter(|other| item.starts_on.as_str() <= other.ends_on.as_str())
                    .map(|other| (item.title.clone(), other.title.clone()))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
