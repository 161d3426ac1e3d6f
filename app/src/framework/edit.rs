//! The framework editor's rules, as plain functions: what a form may change, and which
//! changes would take answers away from the indicators they were given to.
//!
//! # When the framework may change
//!
//! Answers and team consensus rows point at indicators. Deleting an indicator deletes them
//! with it, and renaming its code breaks every export that names it. So:
//!
//! - **Wording** (names, descriptions, sources, level descriptors, pillar codes) may change in
//!   every phase but `closed`: fixing a typo or a translation during the assessment helps
//!   everyone and loses nothing.
//! - **Structure** (adding, removing and reordering pillars and indicators, and importing a
//!   whole framework) may change in every phase but `closed`, as long as no indicator that has
//!   answers or consensus rows would disappear or change its code. In practice the structure is
//!   free during set-up, and afterwards only answered indicators are pinned.
//! - A **closed** workshop is a record: nothing changes.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::FrameworkDoc;
use crate::error::AppError;
use crate::i18n::Key;
use crate::workshop::Phase;

mod forms;

pub use forms::{
    IndicatorEdit, IndicatorForm, NewIndicator, NewIndicatorForm, PillarEdit, PillarForm,
};

/// Whether the framework of a workshop in `phase` may change at all.
pub fn editable(phase: Phase) -> Result<(), AppError> {
    if phase == Phase::Closed {
        Err(AppError::Conflict {
            reason: Key::FwClosed,
        })
    } else {
        Ok(())
    }
}

/// How much an indicator is used: what pins it in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// The indicator's code.
    pub code: String,
    /// Participants' answers to it.
    pub answers: u32,
    /// Teams whose lead settled a level for it.
    pub settled: u32,
}

impl Usage {
    /// Whether removing the indicator (or changing its code) would orphan something.
    pub fn is_pinned(&self) -> bool {
        self.answers > 0 || self.settled > 0
    }
}

/// The codes of used indicators that an imported document would drop, in the order given.
pub fn orphaned_by(doc: &FrameworkDoc, usage: &[Usage]) -> Vec<String> {
    let kept: HashSet<&str> = doc.indicators().map(|(_, i)| i.code.as_str()).collect();
    usage
        .iter()
        .filter(|u| u.is_pinned() && !kept.contains(u.code.as_str()))
        .map(|u| u.code.clone())
        .collect()
}

/// The refusal for removing used indicators: how many answers, and which codes.
pub fn in_use(reason: Key, pinned: &[&Usage]) -> AppError {
    AppError::FrameworkInUse {
        reason,
        codes: pinned.iter().map(|u| u.code.clone()).collect(),
        answers: pinned.iter().map(|u| u.answers).sum(),
    }
}

/// What importing a document does to the current indicators, by code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportSummary {
    /// Indicators that are new.
    pub added: u32,
    /// Indicators kept (by code) and rewritten in place, so their answers stay attached.
    pub updated: u32,
    /// Indicators that are gone (none of them had answers).
    pub removed: u32,
}

impl ImportSummary {
    /// Counts what an import of `doc` over indicators with `current` codes does.
    pub fn of(doc: &FrameworkDoc, current: &[String]) -> ImportSummary {
        let current: HashSet<&str> = current.iter().map(String::as_str).collect();
        let incoming: HashSet<&str> = doc.indicators().map(|(_, i)| i.code.as_str()).collect();
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        ImportSummary {
            added: count(incoming.difference(&current).count()),
            updated: count(incoming.intersection(&current).count()),
            removed: count(current.difference(&incoming).count()),
        }
    }
}

/// Up or down in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Towards the start.
    Up,
    /// Towards the end.
    Down,
}

/// The list after moving the item at `index` one place; `None` when it is already at that
/// end (or `index` is outside the list).
pub fn moved<T: Clone>(items: &[T], index: usize, direction: Direction) -> Option<Vec<T>> {
    let other = match direction {
        Direction::Up => index.checked_sub(1)?,
        Direction::Down => index + 1,
    };
    if index >= items.len() || other >= items.len() {
        return None;
    }
    let mut items = items.to_vec();
    items.swap(index, other);
    Some(items)
}

/// Whether an indicator may take `new_code`: an unchanged code always; another one only if
/// nothing is attached to the indicator and no other indicator has it. `others` are the codes
/// of the framework's other indicators.
pub fn check_indicator_code(
    current: &Usage,
    new_code: &str,
    others: &[String],
) -> Result<(), AppError> {
    if new_code == current.code {
        return Ok(());
    }
    if current.is_pinned() {
        return Err(AppError::Conflict {
            reason: Key::FwCodeLocked,
        });
    }
    check_free_code(new_code, others)
}

/// Whether `code` is free among `taken`.
pub fn check_free_code(code: &str, taken: &[String]) -> Result<(), AppError> {
    if taken.iter().any(|t| t == code) {
        Err(AppError::invalid("code", Key::FwCodeTaken))
    } else {
        Ok(())
    }
}

/// The used indicators among `codes`, with their usage, for a refusal.
pub fn pinned_among<'a>(codes: &[String], usage: &'a [Usage]) -> Vec<&'a Usage> {
    let by_code: HashMap<&str, &Usage> = usage.iter().map(|u| (u.code.as_str(), u)).collect();
    codes
        .iter()
        .filter_map(|c| by_code.get(c.as_str()).copied())
        .filter(|u| u.is_pinned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::default_framework;
    use crate::i18n::Lang;

    fn usage(code: &str, answers: u32, settled: u32) -> Usage {
        Usage {
            code: code.into(),
            answers,
            settled,
        }
    }

    #[test]
    fn dropping_an_answered_indicator_orphans_it() {
        let mut doc = default_framework().unwrap().clone();
        doc.pillars[0].indicators.retain(|i| i.code != "T2");
        doc.pillars[3].indicators.retain(|i| i.code != "C5");
        let usage = [
            usage("T1", 4, 0),
            usage("T2", 3, 0),
            usage("C5", 0, 1),
            usage("P9", 0, 0),
        ];
        assert_eq!(orphaned_by(&doc, &usage), ["T2", "C5"]);
    }

    #[test]
    fn keeping_every_answered_code_orphans_nothing() {
        let mut doc = default_framework().unwrap().clone();
        // Moved to another pillar and reworded: still the same indicator.
        let t1 = doc.pillars[0].indicators.remove(0);
        doc.pillars[1].indicators.push(t1);
        doc.pillars[1].indicators[5].name.es = "Otro nombre".into();
        let usage = [usage("T1", 4, 0), usage("OLD", 0, 0)];
        assert!(orphaned_by(&doc, &usage).is_empty());
    }

    #[test]
    fn an_import_is_counted_by_code() {
        let doc = default_framework().unwrap();
        let current: Vec<String> = ["T1", "T2", "X1"].map(String::from).to_vec();
        assert_eq!(
            ImportSummary::of(doc, &current),
            ImportSummary {
                added: 18,
                updated: 2,
                removed: 1
            }
        );
    }

    #[test]
    fn a_used_indicator_keeps_its_code() {
        let others = vec!["T2".to_owned()];
        assert!(check_indicator_code(&usage("T1", 2, 0), "T1", &others).is_ok());
        assert_eq!(
            check_indicator_code(&usage("T1", 2, 0), "T9", &others),
            Err(AppError::Conflict {
                reason: Key::FwCodeLocked
            })
        );
        assert!(check_indicator_code(&usage("T1", 0, 0), "T9", &others).is_ok());
        assert_eq!(
            check_indicator_code(&usage("T1", 0, 0), "T2", &others),
            Err(AppError::invalid("code", Key::FwCodeTaken))
        );
    }

    #[test]
    fn refusals_count_answers_and_name_codes() {
        let usage = [usage("T1", 4, 0), usage("T2", 0, 0), usage("T3", 3, 1)];
        let codes: Vec<String> = ["T1", "T2", "T3"].map(String::from).to_vec();
        let pinned = pinned_among(&codes, &usage);
        let err = in_use(Key::FwInUsePillar, &pinned);
        let text = err.message(Lang::Es);
        assert!(text.contains("7 respuestas"), "{text}");
        assert!(text.contains("T1, T3"), "{text}");
        assert_eq!(err.status_code(), 409);
    }

    #[test]
    fn moving_swaps_with_the_neighbour() {
        let items = [1, 2, 3];
        assert_eq!(moved(&items, 1, Direction::Up), Some(vec![2, 1, 3]));
        assert_eq!(moved(&items, 1, Direction::Down), Some(vec![1, 3, 2]));
        assert_eq!(moved(&items, 0, Direction::Up), None);
        assert_eq!(moved(&items, 2, Direction::Down), None);
        assert_eq!(moved(&items, 7, Direction::Down), None);
    }

    #[test]
    fn only_closed_workshops_are_frozen() {
        assert!(editable(Phase::Setup).is_ok());
        assert!(editable(Phase::Assessment).is_ok());
        assert!(editable(Phase::Closed).is_err());
    }
}
