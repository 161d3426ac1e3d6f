//! Reading an archive file and checking it whole before anything is written.
//!
//! Every rule the database would enforce is checked here first, so an import either fails
//! with the place of the first problems or inserts every row: a constraint error half-way
//! through a transaction would only say "something failed".

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::model::{Archive, FORMAT};
use crate::i18n::Key;

/// The largest archive an import reads, compressed or not (the demo workshop is ~0.5 MB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// The most problems reported at once; a broken file would otherwise list thousands.
pub const MAX_ISSUES: usize = 20;

/// One problem of an archive file, and where it is (e.g. `answers[3].indicator`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveIssue {
    /// Where.
    pub place: String,
    /// What, as a translation key.
    pub problem: Key,
}

fn issue(place: impl Into<String>, problem: Key) -> Vec<ArchiveIssue> {
    vec![ArchiveIssue {
        place: place.into(),
        problem,
    }]
}

/// Only the format, read before the rest so another version is named as such even when its
/// shape differs.
#[derive(Deserialize)]
struct Head {
    format: Option<String>,
}

/// Reads an archive from the (uncompressed) bytes of its file and checks it.
pub fn read(bytes: &[u8]) -> Result<Archive, Vec<ArchiveIssue>> {
    if bytes.len() > MAX_BYTES {
        return Err(issue("file", Key::ArcTooLarge));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(issue("file", Key::ArcNotJson));
    };
    let head: Head = serde_json::from_str(text).map_err(|err| match err.classify() {
        // JSON, but not an object with a format: some other file.
        serde_json::error::Category::Data => issue("format", Key::ArcFormat),
        _ => issue(
            format!("line {}, column {}", err.line(), err.column()),
            Key::ArcNotJson,
        ),
    })?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err(issue("format", Key::ArcFormat));
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    let archive: Archive = serde_path_to_error::deserialize(&mut reader)
        .map_err(|err| issue(err.path().to_string(), Key::ArcShape))?;
    let issues = check(&archive);
    if issues.is_empty() {
        Ok(archive)
    } else {
        Err(issues)
    }
}

/// Collects problems, up to [`MAX_ISSUES`].
#[derive(Default)]
pub(super) struct Issues(Vec<ArchiveIssue>);

impl Issues {
    pub(super) fn flag(&mut self, place: impl FnOnce() -> String, problem: Key) {
        if self.0.len() < MAX_ISSUES {
            self.0.push(ArchiveIssue {
                place: place(),
                problem,
            });
        }
    }

    pub(super) fn unless(&mut self, ok: bool, place: impl FnOnce() -> String, problem: Key) {
        if !ok {
            self.flag(place, problem);
        }
    }

    pub(super) fn range(
        &mut self,
        value: i64,
        range: std::ops::RangeInclusive<i64>,
        place: impl FnOnce() -> String,
    ) {
        self.unless(range.contains(&value), place, Key::ArcOutOfRange);
    }

    pub(super) fn chars(
        &mut self,
        text: &str,
        range: std::ops::RangeInclusive<usize>,
        place: impl FnOnce() -> String,
    ) {
        // A NUL is no text anyone typed, and PostgreSQL refuses to store it.
        self.unless(
            range.contains(&text.chars().count()) && !text.contains('\0'),
            place,
            Key::ArcOutOfRange,
        );
    }

    pub(super) fn one_of(&mut self, value: &str, allowed: &[&str], place: impl FnOnce() -> String) {
        self.unless(allowed.contains(&value), place, Key::ArcOutOfRange);
    }

    pub(super) fn date(
        &mut self,
        value: &str,
        place: impl FnOnce() -> String,
    ) -> Option<time::Date> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let date = time::Date::parse(value, format).ok();
        self.unless(date.is_some(), place, Key::ArcOutOfRange);
        date
    }

    /// Flags `place` unless `key` is new in `seen`.
    pub(super) fn unique<T: Eq + std::hash::Hash>(
        &mut self,
        seen: &mut HashSet<T>,
        key: T,
        place: impl FnOnce() -> String,
    ) {
        let fresh = seen.insert(key);
        self.unless(fresh, place, Key::ArcDuplicate);
    }
}

pub(super) const PHASES: [&str; 6] = [
    "setup",
    "assessment",
    "review",
    "prioritisation",
    "roadmap",
    "closed",
];
const RESPONSES: [&str; 3] = ["level", "not_applicable", "dont_know"];
const MARKS: [&str; 3] = ["neutral", "strength", "weakness"];

/// The problems of a parsed archive; empty when it can be imported.
pub fn check(archive: &Archive) -> Vec<ArchiveIssue> {
    let mut bad = Issues::default();
    if !archive.framework.check().is_empty() {
        bad.flag(|| "framework".into(), Key::ArcFramework);
    }
    check_workshop(archive, &mut bad);

    let indicators: HashSet<&str> = archive
        .framework
        .indicators()
        .map(|(_, i)| i.code.as_str())
        .collect();
    let mut names = HashSet::new();
    let mut teams = HashSet::new();
    for (n, team) in archive.teams.iter().enumerate() {
        bad.unique(&mut teams, team.key, || format!("teams[{n}].key"));
        bad.unique(&mut names, team.name.as_str(), || {
            format!("teams[{n}].name")
        });
        bad.chars(&team.name, 1..=120, || format!("teams[{n}].name"));
    }
    let mut participants = HashMap::new();
    for (n, p) in archive.participants.iter().enumerate() {
        bad.unless(
            participants.insert(p.key, p.team).is_none(),
            || format!("participants[{n}].key"),
            Key::ArcDuplicate,
        );
        bad.unless(
            teams.contains(&p.team),
            || format!("participants[{n}].team"),
            Key::ArcDangling,
        );
        bad.chars(&p.display_name, 1..=80, || {
            format!("participants[{n}].display_name")
        });
    }
    let refs = Refs {
        indicators: &indicators,
        teams: &teams,
        participants: &participants,
    };
    check_answers(archive, &refs, &mut bad);
    check_rounds(archive, &refs, &mut bad);
    super::check_plans::check_actions(archive, &refs, &mut bad);
    // These need the time-zone database and the URL parser, which only the server carries;
    // archives are only read there.
    #[cfg(feature = "ssr")]
    {
        super::check_programme::check_programme(archive, &mut bad);
        super::check_programme::check_cases(archive, &refs, &mut bad);
    }
    bad.0
}

/// What rows may refer to.
pub(super) struct Refs<'a> {
    indicators: &'a HashSet<&'a str>,
    teams: &'a HashSet<i64>,
    /// Participant key → team key.
    participants: &'a HashMap<i64, i64>,
}

impl Refs<'_> {
    pub(super) fn indicator(&self, bad: &mut Issues, code: &str, place: impl FnOnce() -> String) {
        bad.unless(self.indicators.contains(code), place, Key::ArcDangling);
    }
    pub(super) fn team(&self, bad: &mut Issues, key: i64, place: impl FnOnce() -> String) {
        bad.unless(self.teams.contains(&key), place, Key::ArcDangling);
    }
    pub(super) fn participant(&self, bad: &mut Issues, key: i64, place: impl FnOnce() -> String) {
        bad.unless(
            self.participants.contains_key(&key),
            place,
            Key::ArcDangling,
        );
    }
}

fn check_workshop(archive: &Archive, bad: &mut Issues) {
    let w = &archive.workshop;
    bad.chars(&w.title, 1..=200, || "workshop.title".into());
    bad.one_of(&w.phase, &PHASES, || "workshop.phase".into());
    bad.range(w.anonymity_threshold, 1..=100, || {
        "workshop.anonymity_threshold".into()
    });
    bad.one_of(&w.languages, &["es", "en", "es,en"], || {
        "workshop.languages".into()
    });
    bad.one_of(&w.share_results, &["none", "averages", "teams"], || {
        "workshop.share_results".into()
    });
    bad.range(w.dots_per_participant, 1..=30, || {
        "workshop.dots_per_participant".into()
    });
    for (name, weight) in [
        ("relevance", w.weight_relevance),
        ("ambition", w.weight_ambition),
        ("feasibility", w.weight_feasibility),
        ("resources", w.weight_resources),
        ("gap", w.weight_gap),
    ] {
        bad.range(weight, 0..=5, || format!("workshop.weight_{name}"));
    }
    bad.range(w.round, 1..=100, || "workshop.round".into());
    bad.chars(&w.licence, 1..=64, || "workshop.licence".into());
    let starts = w
        .starts_on
        .as_deref()
        .and_then(|d| bad.date(d, || "workshop.starts_on".into()));
    let ends = w
        .ends_on
        .as_deref()
        .and_then(|d| bad.date(d, || "workshop.ends_on".into()));
    if let (Some(starts), Some(ends)) = (starts, ends) {
        bad.unless(
            ends >= starts,
            || "workshop.ends_on".into(),
            Key::ArcOutOfRange,
        );
    }
}

fn check_level(bad: &mut Issues, level: Option<i64>, place: impl FnOnce() -> String) {
    if let Some(level) = level {
        bad.range(level, 1..=5, place);
    }
}

fn check_answers(archive: &Archive, refs: &Refs<'_>, bad: &mut Issues) {
    let mut seen = HashSet::new();
    for (n, a) in archive.answers.iter().enumerate() {
        let at = |field: &str| format!("answers[{n}].{field}");
        refs.participant(bad, a.participant, || at("participant"));
        refs.indicator(bad, &a.indicator, || at("indicator"));
        bad.unique(&mut seen, (a.participant, a.indicator.as_str()), || {
            at("indicator")
        });
        bad.one_of(&a.response, &RESPONSES, || at("response"));
        bad.unless(
            (a.response == "level") == a.level.is_some(),
            || at("level"),
            Key::ArcOutOfRange,
        );
        check_level(bad, a.level, || at("level"));
        check_level(bad, a.target_level, || at("target_level"));
        bad.one_of(&a.mark, &MARKS, || at("mark"));
        for (field, text) in [("evidence_url", &a.evidence_url), ("note", &a.note)] {
            if let Some(text) = text {
                bad.chars(text, 0..=2000, || at(field));
            }
        }
    }
    let mut seen = HashSet::new();
    for (n, c) in archive.consensus.iter().enumerate() {
        let at = |field: &str| format!("consensus[{n}].{field}");
        refs.team(bad, c.team, || at("team"));
        refs.indicator(bad, &c.indicator, || at("indicator"));
        bad.unique(&mut seen, (c.team, c.indicator.as_str()), || {
            at("indicator")
        });
        bad.range(c.level, 1..=5, || at("level"));
        bad.chars(&c.rationale, 1..=500, || at("rationale"));
        if let Some(by) = c.set_by {
            refs.participant(bad, by, || at("set_by"));
        }
    }
}

fn check_rounds(archive: &Archive, refs: &Refs<'_>, bad: &mut Issues) {
    let mut rounds = HashSet::new();
    for (n, r) in archive.rounds.iter().enumerate() {
        bad.range(r.round, 1..=100, || format!("rounds[{n}].round"));
        bad.unique(&mut rounds, r.round, || format!("rounds[{n}].round"));
    }
    let mut seen = HashSet::new();
    for (n, a) in archive.round_answers.iter().enumerate() {
        let at = |field: &str| format!("round_answers[{n}].{field}");
        bad.unless(rounds.contains(&a.round), || at("round"), Key::ArcDangling);
        refs.participant(bad, a.participant, || at("participant"));
        refs.team(bad, a.team, || at("team"));
        refs.indicator(bad, &a.indicator, || at("indicator"));
        bad.unique(
            &mut seen,
            (a.round, a.participant, a.indicator.as_str()),
            || at("indicator"),
        );
        bad.one_of(&a.response, &RESPONSES, || at("response"));
        bad.unless(
            (a.response == "level") == a.level.is_some(),
            || at("level"),
            Key::ArcOutOfRange,
        );
        check_level(bad, a.level, || at("level"));
        check_level(bad, a.target_level, || at("target_level"));
        bad.one_of(&a.mark, &MARKS, || at("mark"));
    }
    let mut seen = HashSet::new();
    for (n, c) in archive.round_consensus.iter().enumerate() {
        let at = |field: &str| format!("round_consensus[{n}].{field}");
        bad.unless(rounds.contains(&c.round), || at("round"), Key::ArcDangling);
        refs.team(bad, c.team, || at("team"));
        refs.indicator(bad, &c.indicator, || at("indicator"));
        bad.unique(&mut seen, (c.round, c.team, c.indicator.as_str()), || {
            at("indicator")
        });
        bad.range(c.level, 1..=5, || at("level"));
    }
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
