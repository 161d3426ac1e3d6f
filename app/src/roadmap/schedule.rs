//! The roadmap generator: a pure, deterministic scheduler.
//!
//! TODO(R4 scheduler helper): implement, with unit tests and proptest property tests.
//! The signature below is the contract the roadmap's server functions code against.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::ids::ActionId;

/// How many items one responsible unit carries at the same time, at most.
pub const UNIT_CAPACITY: usize = 2;

/// One action to schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// The action.
    pub action: ActionId,
    /// Its title, to name it in a cycle report.
    pub title: String,
    /// The responsible unit whose load is spread.
    pub unit: String,
    /// Effort 1–5, which gives the duration (see [`duration_months`]).
    pub effort: u8,
    /// Whether it is a quick win (high impact, low effort): scheduled first.
    pub quick_win: bool,
    /// Its place in the team's priority order (0 = first): MoSCoW, then score.
    pub rank: usize,
    /// Actions that must have ended before this one starts.
    pub depends_on: Vec<ActionId>,
    /// Dates set by hand, kept as they are.
    pub pinned: Option<(Date, Date)>,
}

/// What a milestone marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// Work starts: unit named, plan agreed.
    Kickoff,
    /// Halfway: progress published.
    Midpoint,
    /// Delivered and published.
    Delivery,
}

/// One scheduled action.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The action.
    pub action: ActionId,
    /// First day.
    pub starts_on: Date,
    /// Last day (on or after the first).
    pub ends_on: Date,
    /// Its milestones, in date order.
    pub milestones: Vec<(MilestoneKind, Date)>,
}

/// Why a roadmap cannot be generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    /// The actions depend on each other in a circle; their titles in order, the first repeated.
    Cycle(Vec<String>),
}

/// Months an action of this effort takes.
pub fn duration_months(effort: u8) -> u32 {
    match effort {
        0 | 1 => 2,
        2 => 4,
        3 => 6,
        4 => 9,
        _ => 12,
    }
}

/// Schedules `tasks` from `start`. See the module documentation for the rules.
pub fn schedule(tasks: &[Task], start: Date) -> Result<Vec<Slot>, ScheduleError> {
    let _ = (tasks, start);
    unimplemented!("scheduler helper")
}
