//! The checks of an archive's actions, votes and roadmaps (see [`super::check`]).

use std::collections::{HashMap, HashSet};

use super::check::{Issues, Refs};
use super::model::Archive;
use crate::action::rules::dependency_cycle;
use crate::i18n::Key;
use crate::ids::ActionId;
use crate::needs::{NeedKind, MAX_DESCRIPTION};

/// Actions (with their links and the dependency graph), votes and roadmaps.
pub(super) fn check_actions(archive: &Archive, refs: &Refs<'_>, bad: &mut Issues) {
    // Action key → its team's key.
    let mut actions: HashMap<i64, i64> = HashMap::new();
    for (n, a) in archive.actions.iter().enumerate() {
        bad.unless(
            actions.insert(a.key, a.team).is_none(),
            || format!("actions[{n}].key"),
            Key::ArcDuplicate,
        );
    }
    let mut edges = Vec::new();
    for (n, a) in archive.actions.iter().enumerate() {
        let at = |field: &str| format!("actions[{n}].{field}");
        refs.team(bad, a.team, || at("team"));
        bad.chars(&a.title, 1..=200, || at("title"));
        bad.chars(&a.description, 0..=4000, || at("description"));
        bad.chars(&a.responsible_unit, 1..=120, || at("responsible_unit"));
        bad.range(a.impact, 1..=5, || at("impact"));
        bad.range(a.effort, 1..=5, || at("effort"));
        bad.one_of(&a.cost_band, &["low", "medium", "high"], || at("cost_band"));
        if let Some(moscow) = &a.moscow {
            bad.one_of(moscow, &["must", "should", "could", "wont"], || {
                at("moscow")
            });
        }
        if let Some(by) = a.proposed_by {
            refs.participant(bad, by, || at("proposed_by"));
        }
        let mut linked = HashSet::new();
        for (i, code) in a.indicators.iter().enumerate() {
            refs.indicator(bad, code, || format!("actions[{n}].indicators[{i}]"));
            bad.unique(&mut linked, code.as_str(), || {
                format!("actions[{n}].indicators[{i}]")
            });
        }
        let mut waits = HashSet::new();
        for (d, dep) in a.depends_on.iter().enumerate() {
            let place = || format!("actions[{n}].depends_on[{d}]");
            // Only another action of the same team: the database's composite key says so too.
            let ok = *dep != a.key && actions.get(dep) == Some(&a.team);
            bad.unless(ok, place, Key::ArcDangling);
            bad.unique(&mut waits, *dep, place);
            edges.push((ActionId(a.key), ActionId(*dep)));
        }
    }
    if let Some(cycle) = dependency_cycle(&edges) {
        let keys: Vec<String> = cycle.iter().map(|a| a.0.to_string()).collect();
        bad.flag(
            || format!("actions (keys {})", keys.join(" → ")),
            Key::ArcCycle,
        );
    }
    let mut voted = HashSet::new();
    for (n, v) in archive.votes.iter().enumerate() {
        let at = |field: &str| format!("votes[{n}].{field}");
        bad.unless(
            actions.contains_key(&v.action),
            || at("action"),
            Key::ArcDangling,
        );
        refs.participant(bad, v.participant, || at("participant"));
        bad.unique(&mut voted, (v.action, v.participant), || at("participant"));
        bad.range(v.dots, 1..=30, || at("dots"));
    }
    check_roadmaps(archive, refs, &actions, bad);
    check_needs(archive, refs, &actions, bad);
}

/// Needs: each unblocks only actions of its own team, as the database's composite key says.
fn check_needs(archive: &Archive, refs: &Refs<'_>, actions: &HashMap<i64, i64>, bad: &mut Issues) {
    for (n, need) in archive.needs.iter().enumerate() {
        let at = |field: &str| format!("needs[{n}].{field}");
        refs.team(bad, need.team, || at("team"));
        bad.unless(
            NeedKind::parse(&need.kind).is_some(),
            || at("kind"),
            Key::ArcOutOfRange,
        );
        bad.chars(&need.description, 1..=MAX_DESCRIPTION, || at("description"));
        if let Some(by) = need.created_by {
            refs.participant(bad, by, || at("created_by"));
        }
        let mut unblocked = HashSet::new();
        for (a, action) in need.actions.iter().enumerate() {
            let place = || format!("needs[{n}].actions[{a}]");
            bad.unless(
                actions.get(action) == Some(&need.team),
                place,
                Key::ArcDangling,
            );
            bad.unique(&mut unblocked, *action, place);
        }
    }
}

fn check_roadmaps(
    archive: &Archive,
    refs: &Refs<'_>,
    actions: &HashMap<i64, i64>,
    bad: &mut Issues,
) {
    let mut teams = HashSet::new();
    let mut scheduled = HashSet::new();
    for (n, r) in archive.roadmaps.iter().enumerate() {
        refs.team(bad, r.team, || format!("roadmaps[{n}].team"));
        bad.unique(&mut teams, r.team, || format!("roadmaps[{n}].team"));
        bad.date(&r.starts_on, || format!("roadmaps[{n}].starts_on"));
        for (i, item) in r.items.iter().enumerate() {
            let at = |field: &str| format!("roadmaps[{n}].items[{i}].{field}");
            bad.unless(
                actions.get(&item.action) == Some(&r.team),
                || at("action"),
                Key::ArcDangling,
            );
            bad.unique(&mut scheduled, item.action, || at("action"));
            bad.chars(&item.owner, 1..=120, || at("owner"));
            let starts = bad.date(&item.starts_on, || at("starts_on"));
            let ends = bad.date(&item.ends_on, || at("ends_on"));
            if let (Some(starts), Some(ends)) = (starts, ends) {
                bad.unless(ends >= starts, || at("ends_on"), Key::ArcOutOfRange);
            }
            bad.one_of(
                &item.status,
                &["not_started", "limited", "substantial", "completed"],
                || at("status"),
            );
            bad.range(item.progress, 0..=100, || at("progress"));
            for (m, milestone) in item.milestones.iter().enumerate() {
                let at = |field: &str| format!("roadmaps[{n}].items[{i}].milestones[{m}].{field}");
                bad.chars(&milestone.title, 1..=200, || at("title"));
                bad.date(&milestone.due_on, || at("due_on"));
            }
        }
    }
}
