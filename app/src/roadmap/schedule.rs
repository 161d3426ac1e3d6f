//! The roadmap generator: a pure, deterministic scheduler.
//!
//! [`schedule`] lays a team's prioritised actions out over the months that follow the
//! roadmap's start date. The horizons (0–6, 6–18 and 18–36 months, see
//! [`Horizon::of_month`](super::model::Horizon::of_month)) follow from where an item starts.
//!
//! # The rules
//!
//! 1. **Duration.** An item lasts [`duration_months`] of its effort: 2, 4, 6, 9 or 12 months.
//! 2. **Whole months.** A generated item starts `k` whole months after the roadmap's start,
//!    on the same day of the month (clamped to the month's length: a roadmap that starts on
//!    31 January has items starting on 28/29 February, 31 March, 30 April…), and ends the day
//!    before the period after its last month begins. Months are always counted from the
//!    roadmap's start, never chained, so a clamped day does not drift.
//! 3. **Order.** Items are placed one at a time: quick wins first, then by `rank` (the team's
//!    priority order), then by action id. An action that an earlier item waits for (directly or
//!    through others) takes that item's place in the order, so a quick win is not held back
//!    because its prerequisite ranks low. Among the items whose prerequisites are all placed,
//!    the first in this order is placed next.
//! 4. **Dependencies.** An item never starts before every item it depends on has ended: its
//!    start is at least the day after the latest `ends_on` of its dependencies. Dependencies on
//!    actions that are not among the tasks (a "won't" action left out of the roadmap) are
//!    ignored.
//! 5. **Load per unit.** At most [`UNIT_CAPACITY`] items of one responsible unit run at the same
//!    time: an item is placed at the earliest whole-month start that satisfies its dependencies
//!    and at which, on every day of the item, fewer than `UNIT_CAPACITY` items of its unit are
//!    already running. Units are compared as written, after trimming spaces.
//! 6. **Pinned items.** Items with dates set by hand keep them exactly (a range given end first
//!    is read in date order) and count toward their unit's load; generated items that depend
//!    on them start after they end. Pinned items that overlap each other beyond the capacity
//!    are left as they are: the scheduler only never adds a generated item to a unit that is
//!    already at capacity. A pinned item's own dependencies are not enforced (its dates are
//!    the person's choice); [`pinned_conflicts`] lists those that now start before a
//!    dependency ends, so a page can point them out.
//! 7. **Milestones.** Each item gets a kickoff on its first day, a midpoint halfway (rounded
//!    down to a whole day) and a delivery on its last day, in date order. The midpoint is left
//!    out when it would fall on the kickoff's or the delivery's day (an item of a day or two).
//! 8. **Cycles.** When the dependencies among the tasks go round in a circle, nothing is
//!    scheduled: [`ScheduleError::Cycle`] names the actions along the circle, in order, the
//!    first repeated at the end. The search is
//!    [`dependency_cycle`](crate::action::rules::dependency_cycle), which never loops.
//! 9. **Determinism.** The output depends only on the set of tasks, not on their order:
//!    slots come back sorted by start date, then action id. If the same action is given twice,
//!    the copy that comes first in the order of rule 3 is kept.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

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

/// `date` moved `months` whole months later, the day clamped to the target month's length
/// (31 January + 1 month = 28 or 29 February). Saturates at the calendar's last
/// representable date rather than panicking.
pub fn add_months(date: Date, months: u32) -> Date {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month()) - 1);
    let target = index + i64::from(months);
    let Ok(year) = i32::try_from(target.div_euclid(12)) else {
        return Date::MAX;
    };
    // `rem_euclid(12)` is 0..12, so the month number is 1..=12.
    let month = Month::try_from((target.rem_euclid(12) + 1) as u8).unwrap_or(Month::December);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MAX)
}

/// The milestones of an item running from `starts_on` to `ends_on` (rule 7 of the module
/// documentation), in date order.
pub fn milestones(starts_on: Date, ends_on: Date) -> Vec<(MilestoneKind, Date)> {
    let (first, last) = ordered(starts_on, ends_on);
    let half = (last - first).whole_days() / 2;
    let midpoint = first + Duration::days(half);
    let mut out = vec![(MilestoneKind::Kickoff, first)];
    if midpoint != first && midpoint != last {
        out.push((MilestoneKind::Midpoint, midpoint));
    }
    out.push((MilestoneKind::Delivery, last));
    out
}

fn ordered(a: Date, b: Date) -> (Date, Date) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// The order of rule 3 for one task on its own: quick wins first, then rank, then id.
type OrderKey = (bool, usize, ActionId);

fn own_key(task: &Task) -> OrderKey {
    (!task.quick_win, task.rank, task.action)
}

/// Schedules `tasks` from `start`. See the module documentation for the rules.
pub fn schedule(tasks: &[Task], start: Date) -> Result<Vec<Slot>, ScheduleError> {
    // One task per action, chosen whatever the input order (rule 9).
    let mut by_id: BTreeMap<ActionId, &Task> = BTreeMap::new();
    for task in tasks {
        by_id
            .entry(task.action)
            .and_modify(|kept| {
                if tie_break(task) < tie_break(kept) {
                    *kept = task;
                }
            })
            .or_insert(task);
    }

    // Dependencies among the tasks only (rule 4), without repeats.
    let deps: BTreeMap<ActionId, BTreeSet<ActionId>> = by_id
        .iter()
        .map(|(id, task)| {
            let known = task
                .depends_on
                .iter()
                .copied()
                .filter(|d| by_id.contains_key(d))
                .collect();
            (*id, known)
        })
        .collect();

    let edges: Vec<(ActionId, ActionId)> = deps
        .iter()
        .flat_map(|(id, ds)| ds.iter().map(move |d| (*id, *d)))
        .collect();
    if let Some(cycle) = crate::action::rules::dependency_cycle(&edges) {
        return Err(ScheduleError::Cycle(
            cycle
                .iter()
                .map(|id| {
                    by_id
                        .get(id)
                        .map_or_else(|| id.to_string(), |t| t.title.clone())
                })
                .collect(),
        ));
    }

    // Placed items: action → (unit, first day, last day).
    let mut placed: BTreeMap<ActionId, (String, Date, Date)> = BTreeMap::new();
    for (id, task) in &by_id {
        if let Some((a, b)) = task.pinned {
            let (first, last) = ordered(a, b);
            placed.insert(*id, (task.unit.trim().to_owned(), first, last));
        }
    }

    // Rule 3: each unpinned task's place in the order is the earliest of its own and of every
    // unpinned task that waits for it, directly or not.
    let dependents = reverse(&deps);
    let order: BTreeMap<ActionId, (OrderKey, OrderKey)> = by_id
        .iter()
        .filter(|(_, t)| t.pinned.is_none())
        .map(|(id, task)| {
            let inherited = waiting_on(*id, &dependents)
                .into_iter()
                .filter_map(|w| by_id.get(&w))
                .filter(|t| t.pinned.is_none())
                .map(|t| own_key(t))
                .fold(own_key(task), std::cmp::min);
            (*id, (inherited, own_key(task)))
        })
        .collect();

    let mut waiting: BTreeSet<(OrderKey, OrderKey)> = BTreeSet::new();
    let mut missing: BTreeMap<ActionId, usize> = BTreeMap::new();
    for (id, key) in &order {
        let unplaced = deps[id].iter().filter(|d| !placed.contains_key(d)).count();
        missing.insert(*id, unplaced);
        if unplaced == 0 {
            waiting.insert(*key);
        }
    }

    while let Some(key) = waiting.pop_first() {
        let id = key.1 .2;
        let task = by_id[&id];
        let unit = task.unit.trim().to_owned();
        let months = duration_months(task.effort);
        let ready = deps[&id]
            .iter()
            .filter_map(|d| placed.get(d).map(|(_, _, last)| *last))
            .max()
            .map(|last| last.next_day().unwrap_or(Date::MAX));
        let (first, last) = earliest_slot(&placed, &unit, start, months, ready);
        placed.insert(id, (unit, first, last));
        for w in dependents.get(&id).into_iter().flatten() {
            if let Some(n) = missing.get_mut(w) {
                *n -= 1;
                if *n == 0 {
                    waiting.insert(order[w]);
                }
            }
        }
    }

    let mut slots: Vec<Slot> = placed
        .into_iter()
        .map(|(action, (_, starts_on, ends_on))| Slot {
            action,
            starts_on,
            ends_on,
            milestones: milestones(starts_on, ends_on),
        })
        .collect();
    slots.sort_by_key(|s| (s.starts_on, s.action));
    Ok(slots)
}

/// Pinned items that start on or before the last day of an action they depend on, as
/// `(pinned action, dependency)` pairs in action order: hand-set dates that a regenerated
/// roadmap no longer fits. Dependencies that are not scheduled are ignored.
pub fn pinned_conflicts(tasks: &[Task], slots: &[Slot]) -> Vec<(ActionId, ActionId)> {
    let by_id: BTreeMap<ActionId, &Slot> = slots.iter().map(|s| (s.action, s)).collect();
    let conflicts: BTreeSet<(ActionId, ActionId)> = tasks
        .iter()
        .filter(|t| t.pinned.is_some())
        .filter_map(|t| by_id.get(&t.action).map(|slot| (t, *slot)))
        .flat_map(|(t, slot)| {
            t.depends_on
                .iter()
                .filter(|d| {
                    by_id
                        .get(d)
                        .is_some_and(|dep| dep.ends_on >= slot.starts_on)
                })
                .map(|d| (t.action, *d))
                .collect::<Vec<_>>()
        })
        .collect();
    conflicts.into_iter().collect()
}

/// A total order on tasks, to choose between two copies of the same action.
fn tie_break(task: &Task) -> impl Ord + '_ {
    (
        own_key(task),
        task.pinned,
        task.effort,
        task.unit.as_str(),
        task.title.as_str(),
        task.depends_on.iter().collect::<BTreeSet<_>>(),
    )
}

fn reverse(deps: &BTreeMap<ActionId, BTreeSet<ActionId>>) -> BTreeMap<ActionId, Vec<ActionId>> {
    let mut out: BTreeMap<ActionId, Vec<ActionId>> = BTreeMap::new();
    for (id, ds) in deps {
        for d in ds {
            out.entry(*d).or_default().push(*id);
        }
    }
    out
}

/// Every action that waits for `id`, directly or through others (the graph has no cycle).
fn waiting_on(id: ActionId, dependents: &BTreeMap<ActionId, Vec<ActionId>>) -> BTreeSet<ActionId> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![id];
    while let Some(next) = stack.pop() {
        for w in dependents.get(&next).into_iter().flatten() {
            if seen.insert(*w) {
                stack.push(*w);
            }
        }
    }
    seen
}

/// The earliest whole-month period of `months` months from `start` that begins on or after
/// `ready` and during which the unit has room (rules 2, 4 and 5).
fn earliest_slot(
    placed: &BTreeMap<ActionId, (String, Date, Date)>,
    unit: &str,
    start: Date,
    months: u32,
    ready: Option<Date>,
) -> (Date, Date) {
    let busy: Vec<(Date, Date)> = placed
        .values()
        .filter(|(u, _, _)| u == unit)
        .map(|(_, a, b)| (*a, *b))
        .collect();
    let mut k: u32 = 0;
    if let Some(ready) = ready {
        // Jump close to the first period that can start on or after `ready`, then step.
        if ready > start {
            let (y, m) = (
                ready.year() - start.year(),
                i32::from(u8::from(ready.month())),
            );
            let whole = (y * 12 + m - i32::from(u8::from(start.month())) - 1).max(0);
            k = u32::try_from(whole).unwrap_or(0);
        }
        while add_months(start, k) < ready {
            k += 1;
        }
    }
    loop {
        let first = add_months(start, k);
        let last = add_months(start, k + months)
            .previous_day()
            .unwrap_or(first)
            .max(first);
        if has_room(&busy, first, last) || first == Date::MAX {
            return (first, last);
        }
        // Past every busy item's end there is always room, so this ends.
        k += 1;
    }
}

/// Whether fewer than [`UNIT_CAPACITY`] of `busy` run on every day of `first..=last`.
fn has_room(busy: &[(Date, Date)], first: Date, last: Date) -> bool {
    let overlapping: Vec<&(Date, Date)> = busy
        .iter()
        .filter(|(a, b)| *a <= last && *b >= first)
        .collect();
    // The count of running items only rises where one starts, so it peaks at `first` or at
    // the start of one of them.
    std::iter::once(first)
        .chain(overlapping.iter().map(|(a, _)| *a).filter(|a| *a > first))
        .all(|day| {
            overlapping
                .iter()
                .filter(|(a, b)| *a <= day && *b >= day)
                .count()
                < UNIT_CAPACITY
        })
}

#[cfg(test)]
mod tests;
