use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use time::macros::date;

use super::*;

fn task(id: i64, unit: &str, effort: u8, rank: usize) -> Task {
    Task {
        action: ActionId(id),
        title: format!("T{id}"),
        unit: unit.into(),
        effort,
        quick_win: false,
        rank,
        depends_on: Vec::new(),
        pinned: None,
    }
}

fn after(mut t: Task, deps: &[i64]) -> Task {
    t.depends_on = deps.iter().map(|d| ActionId(*d)).collect();
    t
}

fn slot_of(slots: &[Slot], id: i64) -> &Slot {
    slots
        .iter()
        .find(|s| s.action == ActionId(id))
        .expect("every task is scheduled")
}

const START: Date = date!(2027 - 01 - 15);

#[test]
fn months_are_added_with_the_day_clamped() {
    assert_eq!(add_months(date!(2027 - 01 - 31), 1), date!(2027 - 02 - 28));
    assert_eq!(add_months(date!(2028 - 01 - 31), 1), date!(2028 - 02 - 29));
    assert_eq!(add_months(date!(2027 - 01 - 31), 2), date!(2027 - 03 - 31));
    assert_eq!(add_months(date!(2027 - 01 - 31), 3), date!(2027 - 04 - 30));
    assert_eq!(add_months(date!(2027 - 11 - 30), 3), date!(2028 - 02 - 29));
    assert_eq!(add_months(date!(2027 - 12 - 15), 1), date!(2028 - 01 - 15));
    assert_eq!(add_months(date!(2028 - 02 - 29), 12), date!(2029 - 02 - 28));
    assert_eq!(add_months(date!(2027 - 05 - 01), 0), date!(2027 - 05 - 01));
    assert_eq!(add_months(date!(2027 - 05 - 01), 36), date!(2030 - 05 - 01));
}

#[test]
fn durations_grow_with_effort() {
    let months: Vec<u32> = (1..=5).map(duration_months).collect();
    assert_eq!(months, vec![2, 4, 6, 9, 12]);
}

#[test]
fn an_item_runs_whole_months_from_the_start() {
    let slots = schedule(&[task(1, "Planning", 3, 0)], START).unwrap();
    assert_eq!(slots.len(), 1);
    assert_eq!(slots[0].starts_on, START);
    assert_eq!(slots[0].ends_on, date!(2027 - 07 - 14));
}

#[test]
fn periods_from_a_month_end_do_not_drift() {
    // Three items of one unit in a row: Jan 31 → Mar 30, Mar 31 → May 30, May 31 → Jul 30.
    let start = date!(2027 - 01 - 31);
    let tasks = [
        task(1, "U", 1, 0),
        after(task(2, "U", 1, 1), &[1]),
        after(task(3, "U", 1, 2), &[2]),
    ];
    let slots = schedule(&tasks, start).unwrap();
    assert_eq!(
        (slot_of(&slots, 1).starts_on, slot_of(&slots, 1).ends_on),
        (date!(2027 - 01 - 31), date!(2027 - 03 - 30))
    );
    assert_eq!(
        (slot_of(&slots, 2).starts_on, slot_of(&slots, 2).ends_on),
        (date!(2027 - 03 - 31), date!(2027 - 05 - 30))
    );
    assert_eq!(slot_of(&slots, 3).starts_on, date!(2027 - 05 - 31));
}

#[test]
fn a_dependent_starts_the_day_after_its_dependency_ends() {
    let tasks = [after(task(2, "Legal", 1, 0), &[1]), task(1, "IT", 2, 1)];
    let slots = schedule(&tasks, START).unwrap();
    let (first, second) = (slot_of(&slots, 1), slot_of(&slots, 2));
    assert_eq!(first.starts_on, START);
    assert_eq!(second.starts_on, first.ends_on.next_day().unwrap());
}

#[test]
fn a_dependent_waits_for_the_latest_of_its_dependencies() {
    let tasks = [
        task(1, "A", 1, 0),
        task(2, "B", 5, 1),
        after(task(3, "C", 1, 2), &[1, 2]),
    ];
    let slots = schedule(&tasks, START).unwrap();
    assert_eq!(slot_of(&slots, 3).starts_on, add_months(START, 12));
}

#[test]
fn dependencies_on_actions_left_out_are_ignored() {
    let slots = schedule(&[after(task(1, "A", 1, 0), &[99])], START).unwrap();
    assert_eq!(slots.len(), 1);
    assert_eq!(slots[0].starts_on, START);
}

#[test]
fn a_unit_carries_at_most_its_capacity_at_once() {
    let tasks = [
        task(1, "Comms", 2, 0),
        task(2, "Comms", 1, 1),
        task(3, "Comms", 1, 2),
        task(4, "IT", 1, 3),
    ];
    let slots = schedule(&tasks, START).unwrap();
    assert_eq!(UNIT_CAPACITY, 2);
    assert_eq!(slot_of(&slots, 1).starts_on, START);
    assert_eq!(slot_of(&slots, 2).starts_on, START);
    // The third waits for the first to end that frees a place: item 2, after two months.
    assert_eq!(slot_of(&slots, 3).starts_on, add_months(START, 2));
    // Another unit is not held up.
    assert_eq!(slot_of(&slots, 4).starts_on, START);
}

#[test]
fn units_are_compared_without_surrounding_spaces() {
    let tasks = [
        task(1, "Comms", 1, 0),
        task(2, " Comms", 1, 1),
        task(3, "Comms ", 1, 2),
    ];
    let slots = schedule(&tasks, START).unwrap();
    assert_eq!(slot_of(&slots, 3).starts_on, add_months(START, 2));
}

#[test]
fn quick_wins_come_first_then_rank() {
    let mut quick = task(3, "U", 1, 9);
    quick.quick_win = true;
    let tasks = [task(1, "U", 1, 0), task(2, "U", 1, 1), quick];
    let slots = schedule(&tasks, START).unwrap();
    assert_eq!(slot_of(&slots, 3).starts_on, START);
    assert_eq!(slot_of(&slots, 1).starts_on, START);
    assert_eq!(slot_of(&slots, 2).starts_on, add_months(START, 2));
}

#[test]
fn a_prerequisite_of_a_quick_win_takes_its_place_in_the_order() {
    // The quick win (4) needs 3, which ranks last; 3 goes before 1 and 2 in unit U.
    let mut quick = after(task(4, "V", 1, 0), &[3]);
    quick.quick_win = true;
    let tasks = [
        task(1, "U", 1, 0),
        task(2, "U", 1, 1),
        task(3, "U", 1, 8),
        quick,
    ];
    let slots = schedule(&tasks, START).unwrap();
    assert_eq!(slot_of(&slots, 3).starts_on, START);
    assert_eq!(slot_of(&slots, 4).starts_on, add_months(START, 2));
    assert_eq!(slot_of(&slots, 1).starts_on, START);
    assert_eq!(slot_of(&slots, 2).starts_on, add_months(START, 2));
}

#[test]
fn pinned_items_keep_their_dates_and_count_toward_the_load() {
    let mut p1 = task(1, "U", 5, 5);
    p1.pinned = Some((date!(2027 - 01 - 20), date!(2027 - 04 - 03)));
    let mut p2 = task(2, "U", 1, 6);
    p2.pinned = Some((date!(2027 - 02 - 01), date!(2027 - 05 - 20)));
    let tasks = [p1, p2, task(3, "U", 1, 0)];
    let slots = schedule(&tasks, START).unwrap();
    assert_eq!(
        (slot_of(&slots, 1).starts_on, slot_of(&slots, 1).ends_on),
        (date!(2027 - 01 - 20), date!(2027 - 04 - 03))
    );
    assert_eq!(
        (slot_of(&slots, 2).starts_on, slot_of(&slots, 2).ends_on),
        (date!(2027 - 02 - 01), date!(2027 - 05 - 20))
    );
    // Jan 15 – Mar 14 would overlap both pinned items from Feb 1; Feb 15 too; Mar 15 – May 14
    // overlaps both until Apr 3; Apr 15 overlaps only the second: room.
    assert_eq!(slot_of(&slots, 3).starts_on, date!(2027 - 04 - 15));
}

#[test]
fn a_pinned_range_given_end_first_is_read_in_date_order() {
    let mut p = task(1, "U", 1, 0);
    p.pinned = Some((date!(2027 - 03 - 01), date!(2027 - 02 - 01)));
    let slots = schedule(&[p], START).unwrap();
    assert_eq!(slots[0].starts_on, date!(2027 - 02 - 01));
    assert_eq!(slots[0].ends_on, date!(2027 - 03 - 01));
}

#[test]
fn an_item_after_a_pinned_one_starts_after_it_ends() {
    let mut p = task(1, "Legal", 1, 0);
    p.pinned = Some((date!(2027 - 06 - 01), date!(2027 - 09 - 20)));
    let tasks = [p, after(task(2, "IT", 1, 0), &[1])];
    let slots = schedule(&tasks, START).unwrap();
    // The first whole-month period on or after Sep 21 starts on Oct 15.
    assert_eq!(slot_of(&slots, 2).starts_on, date!(2027 - 10 - 15));
}

#[test]
fn a_pinned_item_before_the_start_does_not_hold_up_its_dependents() {
    let mut p = task(1, "Legal", 1, 0);
    p.pinned = Some((date!(2026 - 06 - 01), date!(2026 - 09 - 20)));
    let slots = schedule(&[p, after(task(2, "Legal", 1, 0), &[1])], START).unwrap();
    assert_eq!(slot_of(&slots, 2).starts_on, START);
}

#[test]
fn pinned_items_that_no_longer_fit_their_dependencies_are_listed() {
    // 2 is pinned to start on Feb 1, but 1 (generated) runs to Mar 14; 3 is pinned after.
    let mut early = after(task(2, "B", 1, 1), &[1, 99]);
    early.pinned = Some((date!(2027 - 02 - 01), date!(2027 - 04 - 01)));
    let mut late = after(task(3, "C", 1, 2), &[1]);
    late.pinned = Some((date!(2027 - 03 - 15), date!(2027 - 05 - 01)));
    let tasks = [task(1, "A", 1, 0), early, late];
    let slots = schedule(&tasks, START).unwrap();
    assert_eq!(slot_of(&slots, 1).ends_on, date!(2027 - 03 - 14));
    assert_eq!(
        pinned_conflicts(&tasks, &slots),
        vec![(ActionId(2), ActionId(1))]
    );
}

#[test]
fn a_cycle_is_named_in_order() {
    let tasks = [
        after(task(1, "U", 1, 0), &[2]),
        after(task(2, "U", 1, 1), &[3]),
        after(task(3, "U", 1, 2), &[1]),
        after(task(4, "U", 1, 3), &[1]),
    ];
    let err = schedule(&tasks, START).unwrap_err();
    assert_eq!(
        err,
        ScheduleError::Cycle(vec!["T1".into(), "T2".into(), "T3".into(), "T1".into()])
    );
}

#[test]
fn an_action_depending_on_itself_is_a_cycle() {
    let err = schedule(&[after(task(7, "U", 1, 0), &[7])], START).unwrap_err();
    assert_eq!(err, ScheduleError::Cycle(vec!["T7".into(), "T7".into()]));
}

#[test]
fn a_cycle_through_a_pinned_item_is_still_a_cycle() {
    let mut p = after(task(1, "U", 1, 0), &[2]);
    p.pinned = Some((START, date!(2027 - 03 - 01)));
    let err = schedule(&[p, after(task(2, "U", 1, 1), &[1])], START).unwrap_err();
    assert!(matches!(err, ScheduleError::Cycle(names) if names.len() == 3));
}

#[test]
fn the_input_order_does_not_matter() {
    let mut q = after(task(5, "B", 1, 4), &[2]);
    q.quick_win = true;
    let tasks = vec![
        task(1, "A", 3, 0),
        task(2, "A", 2, 1),
        after(task(3, "A", 4, 2), &[1]),
        after(task(4, "B", 5, 3), &[1, 2]),
        q,
        task(6, "A", 1, 5),
    ];
    let expected = schedule(&tasks, START).unwrap();
    let mut reversed = tasks.clone();
    reversed.reverse();
    assert_eq!(schedule(&reversed, START).unwrap(), expected);
    let mut rotated = tasks.clone();
    rotated.rotate_left(2);
    assert_eq!(schedule(&rotated, START).unwrap(), expected);
}

#[test]
fn slots_come_back_by_start_then_action() {
    let tasks = [
        task(3, "A", 1, 0),
        task(1, "B", 1, 1),
        after(task(2, "C", 1, 2), &[3]),
    ];
    let slots = schedule(&tasks, START).unwrap();
    let order: Vec<i64> = slots.iter().map(|s| s.action.0).collect();
    assert_eq!(order, vec![1, 3, 2]);
}

#[test]
fn a_repeated_action_is_scheduled_once() {
    let tasks = [task(1, "A", 1, 3), task(1, "A", 1, 0)];
    let slots = schedule(&tasks, START).unwrap();
    assert_eq!(slots.len(), 1);
}

#[test]
fn milestones_mark_start_middle_and_end() {
    let slots = schedule(&[task(1, "A", 1, 0)], START).unwrap();
    let m = &slots[0].milestones;
    assert_eq!(
        m,
        &vec![
            (MilestoneKind::Kickoff, date!(2027 - 01 - 15)),
            (MilestoneKind::Midpoint, date!(2027 - 02 - 13)),
            (MilestoneKind::Delivery, date!(2027 - 03 - 14)),
        ]
    );
}

#[test]
fn a_short_item_skips_a_midpoint_that_would_coincide() {
    let d = date!(2027 - 05 - 05);
    assert_eq!(
        milestones(d, d),
        vec![(MilestoneKind::Kickoff, d), (MilestoneKind::Delivery, d)]
    );
    let e = d.next_day().unwrap();
    assert_eq!(
        milestones(d, e),
        vec![(MilestoneKind::Kickoff, d), (MilestoneKind::Delivery, e)]
    );
    let f = e.next_day().unwrap();
    assert_eq!(
        milestones(d, f),
        vec![
            (MilestoneKind::Kickoff, d),
            (MilestoneKind::Midpoint, e),
            (MilestoneKind::Delivery, f)
        ]
    );
}

#[test]
fn nothing_to_schedule_is_an_empty_roadmap() {
    assert_eq!(schedule(&[], START).unwrap(), Vec::new());
}

// ---------------------------------------------------------------------------------------
// Property tests on random graphs.

/// A random acyclic set of tasks: task `i` may depend only on tasks placed before it in a
/// hidden order, while ids are a random permutation, so the graph is not sorted by id.
fn dag() -> impl Strategy<Value = Vec<Task>> {
    (1usize..40)
        .prop_flat_map(|n| {
            let per_task = (
                0usize..4,                                                 // unit
                1u8..=5,                                                   // effort
                0usize..n,                                                 // rank
                any::<bool>(),                                             // quick win
                prop::collection::vec(any::<prop::sample::Index>(), 0..3), // deps
                prop::option::weighted(0.2, (0i64..900, 0i64..400)),       // pinned offset, length
            );
            (
                Just((0..n as i64).collect::<Vec<i64>>()).prop_shuffle(),
                prop::collection::vec(per_task, n),
            )
        })
        .prop_map(|(ids, specs)| {
            specs
                .into_iter()
                .enumerate()
                .map(|(i, (unit, effort, rank, quick_win, deps, pinned))| {
                    let depends_on: Vec<ActionId> = if i == 0 {
                        Vec::new()
                    } else {
                        deps.iter()
                            .map(|ix| ActionId(ids[ix.index(i)] + 1))
                            .collect()
                    };
                    Task {
                        action: ActionId(ids[i] + 1),
                        title: format!("Action {}", ids[i] + 1),
                        unit: ["Legal", "IT", "Comms", "Finance"][unit].into(),
                        effort,
                        quick_win,
                        rank,
                        depends_on,
                        pinned: pinned.map(|(offset, len)| {
                            let first = START + Duration::days(offset - 100);
                            (first, first + Duration::days(len))
                        }),
                    }
                })
                .collect()
        })
}

/// Whether any unpinned slot runs on a day when its unit already has `UNIT_CAPACITY` or more
/// other items running; `None` when the load is fine.
fn overload(tasks: &[Task], slots: &[Slot]) -> Option<(ActionId, Date)> {
    let unit: BTreeMap<ActionId, String> = tasks
        .iter()
        .map(|t| (t.action, t.unit.trim().to_owned()))
        .collect();
    let pinned: BTreeSet<ActionId> = tasks
        .iter()
        .filter(|t| t.pinned.is_some())
        .map(|t| t.action)
        .collect();
    for s in slots.iter().filter(|s| !pinned.contains(&s.action)) {
        let same: Vec<&Slot> = slots
            .iter()
            .filter(|o| o.action != s.action && unit[&o.action] == unit[&s.action])
            .collect();
        // Load changes only where an item starts; check the slot's first day and every start
        // inside it.
        let days = std::iter::once(s.starts_on).chain(
            same.iter()
                .map(|o| o.starts_on)
                .filter(|d| *d > s.starts_on && *d <= s.ends_on),
        );
        for day in days {
            let running = same
                .iter()
                .filter(|o| o.starts_on <= day && o.ends_on >= day)
                .count();
            if running + 1 > UNIT_CAPACITY {
                return Some((s.action, day));
            }
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_task_is_scheduled_once_and_dependencies_hold(tasks in dag()) {
        let slots = schedule(&tasks, START).unwrap();
        let ids: BTreeSet<ActionId> = tasks.iter().map(|t| t.action).collect();
        prop_assert_eq!(slots.len(), tasks.len());
        prop_assert_eq!(slots.iter().map(|s| s.action).collect::<BTreeSet<_>>(), ids);
        let by_id: BTreeMap<ActionId, &Slot> = slots.iter().map(|s| (s.action, s)).collect();
        for t in &tasks {
            let s = by_id[&t.action];
            prop_assert!(s.starts_on <= s.ends_on);
            match t.pinned {
                Some((a, b)) => prop_assert_eq!((s.starts_on, s.ends_on), (a.min(b), a.max(b))),
                None => {
                    prop_assert!(s.starts_on >= START);
                    // Whole months from the start, as long as the effort says.
                    let k = crate::roadmap::rules::months_between(START, s.starts_on);
                    prop_assert_eq!(s.starts_on, add_months(START, k));
                    prop_assert_eq!(
                        s.ends_on.next_day(),
                        Some(add_months(START, k + duration_months(t.effort)))
                    );
                    for d in &t.depends_on {
                        prop_assert!(
                            s.starts_on > by_id[d].ends_on,
                            "{} starts {} before its dependency {} ends {}",
                            t.action, s.starts_on, d, by_id[d].ends_on
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn no_generated_item_overloads_a_unit(tasks in dag()) {
        let slots = schedule(&tasks, START).unwrap();
        prop_assert_eq!(overload(&tasks, &slots), None);
    }

    #[test]
    fn milestones_lie_within_their_item_in_date_order(tasks in dag()) {
        for s in schedule(&tasks, START).unwrap() {
            prop_assert_eq!(s.milestones.first().map(|m| m.0), Some(MilestoneKind::Kickoff));
            prop_assert_eq!(s.milestones.last().map(|m| m.0), Some(MilestoneKind::Delivery));
            prop_assert_eq!(s.milestones.first().map(|m| m.1), Some(s.starts_on));
            prop_assert_eq!(s.milestones.last().map(|m| m.1), Some(s.ends_on));
            for pair in s.milestones.windows(2) {
                prop_assert!(pair[0].1 <= pair[1].1);
            }
            for (_, day) in &s.milestones {
                prop_assert!(s.starts_on <= *day && *day <= s.ends_on);
            }
        }
    }

    #[test]
    fn permuting_the_input_gives_the_same_roadmap(
        (tasks, shuffled) in dag().prop_flat_map(|t| (Just(t.clone()), Just(t).prop_shuffle()))
    ) {
        prop_assert_eq!(schedule(&tasks, START), schedule(&shuffled, START));
    }

    #[test]
    fn an_injected_cycle_is_reported_with_real_edges(
        tasks in dag(),
        pick in any::<(prop::sample::Index, prop::sample::Index)>(),
        shuffle_seed in any::<prop::sample::Index>(),
    ) {
        let mut tasks = tasks;
        let n = tasks.len();
        // Close a circle: a depends on b and b on a (a == b gives a self-dependency).
        let (a, b) = (pick.0.index(n), pick.1.index(n));
        let (ida, idb) = (tasks[a].action, tasks[b].action);
        tasks[a].depends_on.push(idb);
        tasks[b].depends_on.push(ida);
        tasks.rotate_left(shuffle_seed.index(n));
        let title_of: BTreeMap<String, ActionId> =
            tasks.iter().map(|t| (t.title.clone(), t.action)).collect();
        let deps: BTreeMap<ActionId, BTreeSet<ActionId>> = tasks
            .iter()
            .map(|t| (t.action, t.depends_on.iter().copied().collect()))
            .collect();
        match schedule(&tasks, START) {
            Err(ScheduleError::Cycle(names)) => {
                prop_assert!(names.len() >= 2);
                prop_assert_eq!(names.first(), names.last());
                let inner: BTreeSet<&String> = names[..names.len() - 1].iter().collect();
                prop_assert_eq!(inner.len(), names.len() - 1, "each action once: {:?}", names);
                for pair in names.windows(2) {
                    let (from, to) = (title_of[&pair[0]], title_of[&pair[1]]);
                    prop_assert!(deps[&from].contains(&to), "{:?} is no cycle", names);
                }
            }
            other => prop_assert!(false, "expected a cycle, got {:?}", other),
        }
    }
}
