//! The checks of an archive's programme and the workshop's own cases (see [`super::check`]).

use std::collections::HashSet;

use super::check::{Issues, Refs, PHASES};
use super::model::Archive;
use crate::i18n::Key;
use crate::learning::rules::limits;
use crate::learning::GovLevel;
use crate::programme::model::{
    LINK_MAX_CHARS, MATERIAL_TITLE_MAX_CHARS, MAX_MATERIALS, MAX_PANELISTS, MAX_SESSIONS,
    PANELIST_MAX_CHARS, TITLE_MAX_CHARS,
};

/// Sessions start and end within this century (Unix seconds of 2000-01-01 and 2100-01-01),
/// as the programme form allows.
const CENTURY: std::ops::RangeInclusive<i64> = 946_684_800..=4_102_444_800;

/// Whether a time zone name is one the server's time-zone database knows.
fn known_zone(name: &str) -> bool {
    crate::programme::input::zone(name).is_some()
}

/// Flags `place` unless `url` is an http(s) address with a host, of at most `max` characters.
fn link(bad: &mut Issues, url: &str, max: usize, place: impl FnOnce() -> String) {
    let ok = url.chars().count() <= max && crate::assessment::input::is_evidence_url(url);
    bad.unless(ok, place, Key::ArcOutOfRange);
}

/// The programme's sessions and their materials.
pub(super) fn check_programme(archive: &Archive, bad: &mut Issues) {
    bad.unless(
        archive.programme.len() <= MAX_SESSIONS,
        || "programme".into(),
        Key::ArcOutOfRange,
    );
    for (n, s) in archive.programme.iter().enumerate() {
        let at = |field: &str| format!("programme[{n}].{field}");
        bad.chars(&s.title, 1..=TITLE_MAX_CHARS, || at("title"));
        bad.unless(
            CENTURY.contains(&s.starts_at),
            || at("starts_at"),
            Key::ArcOutOfRange,
        );
        bad.unless(
            CENTURY.contains(&s.ends_at) && s.ends_at > s.starts_at,
            || at("ends_at"),
            Key::ArcOutOfRange,
        );
        bad.unless(
            known_zone(&s.time_zone),
            || at("time_zone"),
            Key::ArcOutOfRange,
        );
        let names: Vec<&str> = s
            .panelists
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        bad.unless(
            names.len() <= MAX_PANELISTS
                && names
                    .iter()
                    .all(|l| l.chars().count() <= PANELIST_MAX_CHARS),
            || at("panelists"),
            Key::ArcOutOfRange,
        );
        bad.chars(&s.panelists, 0..=1600, || at("panelists"));
        if let Some(phase) = &s.phase {
            bad.one_of(phase, &PHASES, || at("phase"));
        }
        if let Some(url) = &s.call_url {
            link(bad, url, LINK_MAX_CHARS, || at("call_url"));
        }
        bad.unless(
            s.materials.len() <= MAX_MATERIALS,
            || at("materials"),
            Key::ArcOutOfRange,
        );
        for (m, material) in s.materials.iter().enumerate() {
            let at = |field: &str| format!("programme[{n}].materials[{m}].{field}");
            bad.chars(&material.title, 1..=MATERIAL_TITLE_MAX_CHARS, || {
                at("title")
            });
            link(bad, &material.url, LINK_MAX_CHARS, || at("url"));
        }
    }
}

/// The workshop's own cases.
pub(super) fn check_cases(archive: &Archive, refs: &Refs<'_>, bad: &mut Issues) {
    bad.unless(
        archive.cases.len() <= limits::CASES,
        || "cases".into(),
        Key::ArcOutOfRange,
    );
    for (n, c) in archive.cases.iter().enumerate() {
        let at = |field: &str| format!("cases[{n}].{field}");
        bad.chars(&c.title, 1..=limits::TITLE, || at("title"));
        bad.chars(&c.place, 1..=limits::PLACE, || at("place"));
        bad.chars(&c.country, 1..=limits::COUNTRY, || at("country"));
        bad.unless(
            GovLevel::parse(&c.level).is_some(),
            || at("level"),
            Key::ArcOutOfRange,
        );
        bad.chars(&c.years, 1..=limits::YEARS, || at("years"));
        bad.chars(&c.summary, 1..=limits::LONG, || at("summary"));
        bad.chars(&c.results, 0..=limits::LONG, || at("results"));
        bad.chars(&c.presented_by, 0..=limits::NAME, || at("presented_by"));
        bad.chars(&c.source_title, 0..=limits::NAME, || at("source_title"));
        if let Some(url) = &c.source_url {
            link(bad, url, limits::URL, || at("source_url"));
        }
        bad.unless(
            c.indicators.len() <= limits::INDICATORS,
            || at("indicators"),
            Key::ArcOutOfRange,
        );
        let mut linked = HashSet::new();
        for (i, code) in c.indicators.iter().enumerate() {
            refs.indicator(bad, code, || format!("cases[{n}].indicators[{i}]"));
            bad.unique(&mut linked, code.as_str(), || {
                format!("cases[{n}].indicators[{i}]")
            });
        }
    }
}
