//! The programme's rules, as pure functions: which session is on now and which comes next,
//! which phase the programme calls for, and the checks on typed texts.
//!
//! Definitions:
//! - A session is on from its start (included) to its end (excluded): at 10:30 a session of
//!   09:00–10:30 is over and one of 10:30–12:00 is on.
//! - When sessions overlap, the one on "now" is the one that started last (the newest thing
//!   in the room); among equal starts, the one that ends first, then the first entered.
//! - "Next" is the session that starts soonest after now; a session that has already
//!   started is never "next", even when another one is shown as "now".

use crate::error::AppError;
use crate::i18n::Key;
use crate::workshop::Phase;

use super::model::{MATERIAL_TITLE_MAX_CHARS, MAX_PANELISTS, PANELIST_MAX_CHARS, TITLE_MAX_CHARS};

/// Something with a start and an end, in seconds since the epoch.
pub trait Timed {
    /// Start (included).
    fn starts_at(&self) -> i64;
    /// End (excluded).
    fn ends_at(&self) -> i64;
}

impl Timed for super::model::SessionView {
    fn starts_at(&self) -> i64 {
        self.starts_at
    }
    fn ends_at(&self) -> i64 {
        self.ends_at
    }
}

impl Timed for (i64, i64) {
    fn starts_at(&self) -> i64 {
        self.0
    }
    fn ends_at(&self) -> i64 {
        self.1
    }
}

/// The session on at `now` and the next one to start, as indices into `sessions` (in any
/// order). `now` is a parameter so the rule can be tested at any moment.
pub fn now_and_next<T: Timed>(sessions: &[T], now: i64) -> (Option<usize>, Option<usize>) {
    let current = sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.starts_at() <= now && now < s.ends_at())
        // Latest start wins; then the earliest end; then the first entered (lowest index).
        .min_by_key(|(i, s)| (std::cmp::Reverse(s.starts_at()), s.ends_at(), *i))
        .map(|(i, _)| i);
    let next = sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.starts_at() > now)
        .min_by_key(|(i, s)| (s.starts_at(), s.ends_at(), *i))
        .map(|(i, _)| i);
    (current, next)
}

/// The phase the programme calls for: the linked phase of the session on now, when it is
/// not the workshop's phase already.
pub fn phase_to_follow(current_session_phase: Option<Phase>, workshop: Phase) -> Option<Phase> {
    current_session_phase.filter(|p| *p != workshop)
}

/// The one step the facilitator can take from `from` towards `to`: phases move one at a
/// time (see [`Phase::may_move_to`]), so a programme that jumps ahead is followed step by
/// step. `None` when already there.
pub fn step_towards(from: Phase, to: Phase) -> Option<Phase> {
    let index = |p: Phase| Phase::ALL.iter().position(|q| *q == p);
    match (index(from), index(to)) {
        (Some(a), Some(b)) if b > a => from.next(),
        (Some(a), Some(b)) if b < a => from.previous(),
        _ => None,
    }
}

/// A session title: trimmed, not empty, not too long.
pub fn title(typed: &str) -> Result<String, AppError> {
    let title = typed.trim();
    if title.is_empty() {
        Err(AppError::invalid("title", Key::PrgErrTitleEmpty))
    } else if title.chars().count() > TITLE_MAX_CHARS || title.contains(['\n', '\r']) {
        Err(AppError::invalid("title", Key::PrgErrTitleLong))
    } else {
        Ok(title.to_owned())
    }
}

/// Panelists, one per non-empty line: at most [`MAX_PANELISTS`], each of at most
/// [`PANELIST_MAX_CHARS`] characters.
pub fn panelists(typed: &str) -> Result<Vec<String>, AppError> {
    let names: Vec<String> = typed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if names.len() > MAX_PANELISTS || names.iter().any(|n| n.chars().count() > PANELIST_MAX_CHARS) {
        Err(AppError::invalid("panelists", Key::PrgErrPanelists))
    } else {
        Ok(names)
    }
}

/// A material's title: not empty when it has a link, not too long.
pub fn material_title(field: &str, typed: &str) -> Result<String, AppError> {
    let title = typed.trim();
    if title.is_empty() {
        Err(AppError::invalid(field, Key::PrgErrMaterialTitle))
    } else if title.chars().count() > MATERIAL_TITLE_MAX_CHARS || title.contains(['\n', '\r']) {
        Err(AppError::invalid(field, Key::PrgErrTextLong))
    } else {
        Ok(title.to_owned())
    }
}

/// The linked phase: empty for none, else a phase's stored name.
pub fn phase(typed: &str) -> Result<Option<Phase>, AppError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    Phase::parse(typed)
        .map(Some)
        .ok_or_else(|| AppError::invalid("phase", Key::PrgErrPhase))
}

/// An offset from UTC in seconds, as people read it: `UTC−5`, `UTC+5:30`, `UTC`.
pub fn offset_label(seconds: i32) -> String {
    if seconds == 0 {
        return "UTC".to_owned();
    }
    // A real minus sign, as typographers and screen readers expect.
    let sign = if seconds < 0 { '−' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// The name of a day of the week, 0 = Monday.
pub fn weekday_key(weekday: u8) -> Key {
    match weekday {
        0 => Key::PrgMonday,
        1 => Key::PrgTuesday,
        2 => Key::PrgWednesday,
        3 => Key::PrgThursday,
        4 => Key::PrgFriday,
        5 => Key::PrgSaturday,
        _ => Key::PrgSunday,
    }
}

#[cfg(test)]
mod tests;
