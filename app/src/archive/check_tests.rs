use super::*;
use crate::archive::model::*;
use crate::framework::default_framework;

/// A small sound archive: two teams, three participants, answers, a closed round, two
/// actions where the second waits for the first, a vote, a roadmap, a need, a programme
/// session and a case of the workshop's own.
fn sound() -> Archive {
    Archive {
        format: FORMAT.into(),
        exported_at: 1_800_000_000,
        rumbo_version: "test".into(),
        workshop: WorkshopPart {
            title: "Taller".into(),
            description: String::new(),
            phase: "roadmap".into(),
            anonymity_threshold: 3,
            starts_on: Some("2027-01-04".into()),
            ends_on: Some("2027-01-05".into()),
            languages: "es,en".into(),
            share_results: "teams".into(),
            dots_per_participant: 5,
            dots_stack: true,
            weight_relevance: 3,
            weight_ambition: 2,
            weight_feasibility: 2,
            weight_resources: 1,
            weight_gap: 2,
            round: 2,
            licence: "CC-BY-4.0".into(),
            created_at: 1_700_000_000,
        },
        framework: default_framework().expect("default framework").clone(),
        teams: vec![
            TeamPart {
                key: 10,
                name: "Azuay".into(),
            },
            TeamPart {
                key: 11,
                name: "Loja".into(),
            },
        ],
        participants: vec![
            participant(1, 10, "Rosa"),
            participant(2, 10, "Pablo"),
            participant(3, 11, "Lucía"),
        ],
        answers: vec![AnswerPart {
            participant: 1,
            indicator: "T1".into(),
            response: "level".into(),
            level: Some(3),
            target_level: Some(4),
            evidence_url: None,
            note: Some("nota".into()),
            mark: "weakness".into(),
            created_at: 1,
            updated_at: 2,
        }],
        consensus: vec![ConsensusPart {
            team: 10,
            indicator: "T1".into(),
            level: 3,
            rationale: "acordado".into(),
            set_by: Some(1),
            updated_at: 3,
        }],
        rounds: vec![RoundPart {
            round: 1,
            closed_at: 5,
        }],
        round_answers: vec![RoundAnswerPart {
            round: 1,
            participant: 2,
            team: 10,
            indicator: "T2".into(),
            response: "dont_know".into(),
            level: None,
            target_level: None,
            mark: "neutral".into(),
        }],
        round_consensus: vec![RoundConsensusPart {
            round: 1,
            team: 10,
            indicator: "T2".into(),
            level: 2,
        }],
        actions: vec![action(100, 10, &[]), action(101, 10, &[100])],
        votes: vec![VotePart {
            action: 100,
            participant: 2,
            dots: 2,
        }],
        roadmaps: vec![RoadmapPart {
            team: 10,
            starts_on: "2027-02-01".into(),
            generated_at: 6,
            items: vec![ItemPart {
                action: 100,
                owner: "Planificación".into(),
                starts_on: "2027-02-01".into(),
                ends_on: "2027-04-30".into(),
                pinned: false,
                status: "limited".into(),
                progress: 20,
                updated_at: 7,
                milestones: vec![MilestonePart {
                    title: "Borrador".into(),
                    due_on: "2027-03-01".into(),
                }],
            }],
        }],
        needs: vec![NeedPart {
            team: 10,
            kind: "staff_skills".into(),
            description: "Capacitación en datos abiertos".into(),
            created_by: Some(2),
            actions: vec![100, 101],
            created_at: 8,
            updated_at: 8,
        }],
        programme: vec![SessionPart {
            title: "El ABC del gobierno abierto".into(),
            starts_at: 1_800_000_000,
            ends_at: 1_800_003_600,
            time_zone: "America/Guayaquil".into(),
            panelists: "Ana Pérez\nLuis Mora".into(),
            phase: Some("assessment".into()),
            call_url: Some("https://meet.example.org/abc".into()),
            materials: vec![MaterialPart {
                title: "Presentación".into(),
                url: "https://example.org/abc.pdf".into(),
            }],
            created_at: 9,
            updated_at: 9,
        }],
        cases: vec![CasePart {
            title: "Presupuesto participativo provincial".into(),
            place: "Azuay".into(),
            country: "Ecuador".into(),
            level: "regional".into(),
            years: "2019–2022".into(),
            summary: "Asambleas cantonales deciden parte de la inversión.".into(),
            results: String::new(),
            presented_by: "Prefectura del Azuay".into(),
            source_title: String::new(),
            source_url: None,
            indicators: vec!["P1".into(), "T1".into()],
            created_at: 10,
            updated_at: 10,
        }],
    }
}

fn participant(key: i64, team: i64, name: &str) -> ParticipantPart {
    ParticipantPart {
        key,
        team,
        display_name: name.into(),
        is_lead: key == 1,
        created_at: 1,
    }
}

fn action(key: i64, team: i64, depends_on: &[i64]) -> ActionPart {
    ActionPart {
        key,
        team,
        title: format!("Acción {key}"),
        description: String::new(),
        responsible_unit: "Comunicación".into(),
        impact: 4,
        effort: 2,
        cost_band: "low".into(),
        moscow: Some("must".into()),
        proposed_by: Some(1),
        indicators: vec!["T1".into()],
        depends_on: depends_on.to_vec(),
        created_at: 1,
        updated_at: 1,
    }
}

fn problems(archive: &Archive) -> Vec<(String, Key)> {
    check(archive)
        .into_iter()
        .map(|i| (i.place, i.problem))
        .collect()
}

#[test]
fn a_sound_archive_passes_and_reads_back_from_its_json() {
    let archive = sound();
    assert_eq!(problems(&archive), vec![]);
    let json = serde_json::to_vec(&archive).unwrap();
    assert_eq!(read(&json), Ok(archive));
}

#[test]
fn not_json_another_format_and_a_wrong_shape_are_named() {
    assert_eq!(read(b"{ not json").unwrap_err()[0].problem, Key::ArcNotJson);
    assert_eq!(read(&[0xff, 0xfe]).unwrap_err()[0].problem, Key::ArcNotJson);
    let other = r#"{"format": "rumbo-archive/2", "whatever": 1}"#;
    assert_eq!(
        read(other.as_bytes()).unwrap_err()[0].problem,
        Key::ArcFormat
    );
    assert_eq!(read(b"[1, 2]").unwrap_err()[0].problem, Key::ArcFormat);
    let mut value = serde_json::to_value(sound()).unwrap();
    value["teams"][1]["key"] = serde_json::json!("eleven");
    let found = read(value.to_string().as_bytes()).unwrap_err();
    assert_eq!(found[0].problem, Key::ArcShape);
    assert_eq!(found[0].place, "teams[1].key");
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let big = vec![b' '; MAX_BYTES + 1];
    assert_eq!(read(&big).unwrap_err()[0].problem, Key::ArcTooLarge);
}

#[test]
fn dangling_references_are_named_with_their_place() {
    let mut archive = sound();
    archive.answers[0].indicator = "ZZ9".into();
    archive.participants[2].team = 99;
    archive.votes[0].action = 555;
    archive.consensus[0].set_by = Some(77);
    assert_eq!(
        problems(&archive),
        vec![
            ("participants[2].team".into(), Key::ArcDangling),
            ("answers[0].indicator".into(), Key::ArcDangling),
            ("consensus[0].set_by".into(), Key::ArcDangling),
            ("votes[0].action".into(), Key::ArcDangling),
        ]
    );
}

#[test]
fn a_dependency_on_another_teams_action_or_itself_dangles() {
    let mut archive = sound();
    archive.actions.push(action(102, 11, &[100]));
    archive.actions.push(action(103, 11, &[103]));
    let found = problems(&archive);
    assert!(
        found.contains(&("actions[2].depends_on[0]".into(), Key::ArcDangling)),
        "{found:?}"
    );
    assert!(
        found.contains(&("actions[3].depends_on[0]".into(), Key::ArcDangling)),
        "{found:?}"
    );
}

#[test]
fn a_dependency_cycle_is_refused() {
    let mut archive = sound();
    archive.actions[0].depends_on = vec![101];
    let found = problems(&archive);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, Key::ArcCycle);
    assert!(found[0].0.contains("100"), "{found:?}");
}

#[test]
fn values_out_of_range_and_duplicates_are_refused() {
    let mut archive = sound();
    archive.answers[0].level = Some(6);
    archive.answers.push(archive.answers[0].clone());
    archive.answers[1].level = Some(2);
    archive.workshop.phase = "lunch".into();
    archive.workshop.ends_on = Some("2027-01-01".into());
    archive.roadmaps[0].items[0].ends_on = "2027-13-01".into();
    archive.teams[1].name = "Azuay".into();
    archive.actions[1].cost_band = "free".into();
    archive.rounds.push(RoundPart {
        round: 1,
        closed_at: 9,
    });
    let found = problems(&archive);
    for expected in [
        ("answers[0].level", Key::ArcOutOfRange),
        ("answers[1].indicator", Key::ArcDuplicate),
        ("workshop.phase", Key::ArcOutOfRange),
        ("workshop.ends_on", Key::ArcOutOfRange),
        ("roadmaps[0].items[0].ends_on", Key::ArcOutOfRange),
        ("teams[1].name", Key::ArcDuplicate),
        ("actions[1].cost_band", Key::ArcOutOfRange),
        ("rounds[1].round", Key::ArcDuplicate),
    ] {
        assert!(
            found.contains(&(expected.0.into(), expected.1)),
            "{expected:?} in {found:?}"
        );
    }
}

#[test]
fn a_level_must_come_with_a_level_response_only() {
    let mut archive = sound();
    archive.answers[0].response = "dont_know".into();
    assert_eq!(
        problems(&archive),
        vec![("answers[0].level".into(), Key::ArcOutOfRange)]
    );
}

#[test]
fn an_item_of_another_teams_action_or_scheduled_twice_is_refused() {
    let mut archive = sound();
    archive.roadmaps.push(RoadmapPart {
        team: 11,
        starts_on: "2027-02-01".into(),
        generated_at: 1,
        items: vec![archive.roadmaps[0].items[0].clone()],
    });
    let found = problems(&archive);
    assert!(
        found.contains(&("roadmaps[1].items[0].action".into(), Key::ArcDangling)),
        "{found:?}"
    );
    assert!(
        found.contains(&("roadmaps[1].items[0].action".into(), Key::ArcDuplicate)),
        "{found:?}"
    );
}

#[test]
fn a_broken_framework_is_refused_and_problems_are_capped() {
    let mut archive = sound();
    archive.framework.pillars.clear();
    for n in 0..50 {
        archive.participants.push(participant(1000 + n, 999, "X"));
    }
    let found = problems(&archive);
    assert_eq!(found[0], ("framework".into(), Key::ArcFramework));
    assert_eq!(found.len(), MAX_ISSUES);
}

#[test]
fn an_archive_written_before_needs_programme_and_cases_reads_as_having_none() {
    let mut value = serde_json::to_value(sound()).unwrap();
    for part in ["needs", "programme", "cases"] {
        value.as_object_mut().unwrap().remove(part);
    }
    let archive = read(value.to_string().as_bytes()).expect("an older archive");
    assert!(archive.needs.is_empty() && archive.programme.is_empty() && archive.cases.is_empty());
}

#[test]
fn a_need_unblocks_only_its_own_teams_actions_once() {
    let mut archive = sound();
    archive.actions.push(action(102, 11, &[]));
    archive.needs[0].actions = vec![100, 102, 100, 999];
    archive.needs[0].kind = "goodwill".into();
    archive.needs[0].description = String::new();
    archive.needs[0].created_by = Some(77);
    let found = problems(&archive);
    for expected in [
        ("needs[0].kind", Key::ArcOutOfRange),
        ("needs[0].description", Key::ArcOutOfRange),
        ("needs[0].created_by", Key::ArcDangling),
        ("needs[0].actions[1]", Key::ArcDangling),
        ("needs[0].actions[2]", Key::ArcDuplicate),
        ("needs[0].actions[3]", Key::ArcDangling),
    ] {
        assert!(
            found.contains(&(expected.0.into(), expected.1)),
            "{expected:?} in {found:?}"
        );
    }
    assert!(!found
        .iter()
        .any(|(place, _)| place == "needs[0].actions[0]"));
}

#[cfg(feature = "ssr")]
#[test]
fn sessions_out_of_order_unknown_zones_and_links_that_are_not_http_are_refused() {
    let mut archive = sound();
    let session = &mut archive.programme[0];
    session.ends_at = session.starts_at;
    session.time_zone = "Mars/Olympus".into();
    session.call_url = Some("javascript:alert(1)".into());
    session.phase = Some("lunch".into());
    session.panelists = (0..13).map(|n| format!("Panelista {n}\n")).collect();
    session.materials = vec![
        MaterialPart {
            title: String::new(),
            url: "ftp://example.org/a".into(),
        };
        4
    ];
    let found = problems(&archive);
    for expected in [
        "programme[0].ends_at",
        "programme[0].time_zone",
        "programme[0].call_url",
        "programme[0].phase",
        "programme[0].panelists",
        "programme[0].materials",
        "programme[0].materials[0].title",
        "programme[0].materials[0].url",
    ] {
        assert!(
            found.contains(&(expected.into(), Key::ArcOutOfRange)),
            "{expected} in {found:?}"
        );
    }
}

#[cfg(feature = "ssr")]
#[test]
fn a_case_with_an_unknown_indicator_a_bad_level_or_a_nul_is_refused() {
    let mut archive = sound();
    let case = &mut archive.cases[0];
    case.indicators = vec!["ZZ9".into(), "T1".into(), "T1".into()];
    case.level = "galactic".into();
    case.title = "Nulo\0".into();
    case.source_url = Some("mailto:prefectura@example.org".into());
    case.summary = "x".repeat(2001);
    let found = problems(&archive);
    for expected in [
        ("cases[0].indicators[0]", Key::ArcDangling),
        ("cases[0].indicators[2]", Key::ArcDuplicate),
        ("cases[0].level", Key::ArcOutOfRange),
        ("cases[0].title", Key::ArcOutOfRange),
        ("cases[0].source_url", Key::ArcOutOfRange),
        ("cases[0].summary", Key::ArcOutOfRange),
    ] {
        assert!(
            found.contains(&(expected.0.into(), expected.1)),
            "{expected:?} in {found:?}"
        );
    }
}
