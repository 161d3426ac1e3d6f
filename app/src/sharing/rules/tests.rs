use std::collections::HashMap;

use time::macros::date;

use super::*;
use crate::assessment::{Mark, MaturityLevel, Response};
use crate::dashboard::IndicatorColumn;
use crate::framework::Text;
use crate::ids::{IndicatorId, ParticipantId, TeamId, WorkshopId};
use crate::results::PillarColumn;
use crate::team::rules::MemberAnswer;
use crate::workshop::Phase;

fn text(s: &str) -> Text {
    Text {
        es: s.into(),
        en: s.into(),
    }
}

/// Pillar A = indicators 1, 2; pillar B = indicator 3.
fn layout() -> Layout {
    let column = |code: &str, pillar| IndicatorColumn {
        code: code.into(),
        name: text(code),
        pillar,
    };
    Layout {
        pillars: vec![
            PillarColumn {
                code: "A".into(),
                name: text("A"),
            },
            PillarColumn {
                code: "B".into(),
                name: text("B"),
            },
        ],
        indicators: vec![column("A1", 0), column("A2", 0), column("B1", 1)],
        sets: vec![vec![IndicatorId(1), IndicatorId(2)], vec![IndicatorId(3)]],
    }
}

fn summary(threshold: u32) -> WorkshopSummary {
    WorkshopSummary {
        id: WorkshopId(1),
        title: "Taller".into(),
        phase: Phase::Review,
        anonymity_threshold: threshold,
    }
}

fn level(who: i64, indicator: i64, level: u8, mark: Mark) -> (ParticipantId, MemberAnswer) {
    (
        ParticipantId(who),
        MemberAnswer {
            indicator: IndicatorId(indicator),
            response: Response::Level(MaturityLevel::try_from(level).unwrap()),
            mark,
        },
    )
}

/// Azuay: two respondents (levels 2 and 4 on everything); Loja: one respondent at level 5,
/// who marks A1 as a strength.
fn teams() -> Vec<TeamInput> {
    let all = |who, l, mark| (1..=3).map(move |i| level(who, i, l, mark));
    vec![
        TeamInput {
            name: "Azuay".into(),
            members: 3,
            answers: all(1, 2, Mark::Weakness)
                .chain(all(2, 4, Mark::Neutral))
                .collect(),
            settled: HashMap::new(),
        },
        TeamInput {
            name: "Loja".into(),
            members: 1,
            answers: all(3, 5, Mark::Strength).collect(),
            settled: HashMap::new(),
        },
    ]
}

fn roadmap(team: &str) -> TeamRoadmap {
    TeamRoadmap {
        team: TeamId(9),
        team_name: team.into(),
        starts_on: Some("2027-01-04".into()),
        items: Vec::new(),
        pillars: Vec::new(),
    }
}

#[test]
fn a_team_below_the_threshold_is_a_name_only() {
    let mut asked = Vec::new();
    let data = anonymise(summary(2), layout(), &teams(), None, |i| {
        asked.push(i);
        Some(roadmap("x"))
    });
    assert_eq!(asked, vec![0], "only a shown team's roadmap is read");
    let loja = &data.teams[1];
    assert_eq!(loja.name, "Loja");
    assert!(!loja.shown);
    assert_eq!(loja.respondents, None);
    assert!(loja.averages.is_empty() && loja.consensus.is_empty() && loja.roadmap.is_none());
    let azuay = &data.teams[0];
    assert!(azuay.shown);
    assert_eq!(azuay.respondents, Some(2));
    assert_eq!(azuay.averages, vec![Some(3.0), Some(3.0)]);
    assert_eq!(azuay.consensus, vec![Some(3.0); 3]);
}

#[test]
fn workshop_numbers_leave_hidden_teams_out() {
    let data = anonymise(summary(2), layout(), &teams(), None, |_| None);
    // Loja's 5s would pull the average up to 4.0 if counted.
    assert_eq!(data.workshop_averages, vec![Some(3.0), Some(3.0)]);
    assert_eq!(data.distribution[0].levels, [0, 1, 0, 1, 0]);
    assert!(data.strengths.is_empty(), "only Loja marked strengths");
    assert_eq!(data.weaknesses.len(), 3);
    // With a threshold of 1 everyone counts.
    let open = anonymise(summary(1), layout(), &teams(), None, |_| None);
    assert!(open.teams.iter().all(|t| t.shown));
    assert_eq!(open.distribution[0].levels, [0, 1, 0, 1, 1]);
    assert_eq!(open.workshop_averages, vec![Some(4.0), Some(4.0)]);
}

#[test]
fn a_one_team_view_keeps_that_team_and_the_workshop_averages_only() {
    let data = anonymise(summary(1), layout(), &teams(), Some(1), |i| {
        assert_eq!(i, 1);
        Some(roadmap("Loja"))
    });
    assert_eq!(data.teams.len(), 1);
    assert_eq!(data.teams[0].name, "Loja");
    assert_eq!(data.teams[0].averages, vec![Some(5.0), Some(5.0)]);
    assert!(data.teams[0].roadmap.is_some());
    assert_eq!(data.workshop_averages, vec![Some(4.0), Some(4.0)]);
    assert!(data.distribution.is_empty() && data.strengths.is_empty());
}

#[test]
fn links_open_until_revoked_or_expired() {
    assert_eq!(link_state(None, None, 100), LinkState::Active);
    assert_eq!(link_state(Some(101), None, 100), LinkState::Active);
    assert_eq!(link_state(Some(100), None, 100), LinkState::Expired);
    assert_eq!(link_state(Some(50), Some(40), 100), LinkState::Revoked);
    assert_eq!(link_state(None, Some(40), 100), LinkState::Revoked);
}

#[test]
fn an_expiry_date_lasts_the_whole_day() {
    let today = date!(2027 - 01 - 04);
    assert_eq!(parse_expiry("  ", today).unwrap(), None);
    // 2027-01-05T00:00:00Z.
    assert_eq!(
        parse_expiry("2027-01-04", today).unwrap(),
        Some(1_799_020_800 + 86_400)
    );
    assert!(matches!(
        parse_expiry("2027-01-03", today),
        Err(AppError::Validation { .. })
    ));
    assert!(matches!(
        parse_expiry("04/01/2027", today),
        Err(AppError::Validation { .. })
    ));
}

#[test]
fn labels_are_trimmed_and_bounded() {
    assert_eq!(parse_label("  Prefecto ").unwrap(), "Prefecto");
    assert!(parse_label(&"ñ".repeat(LABEL_MAX)).is_ok());
    assert!(parse_label(&"ñ".repeat(LABEL_MAX + 1)).is_err());
}

#[test]
fn licences_read_their_spdx_ids() {
    for licence in Licence::ALL {
        assert_eq!(Licence::parse(licence.id()), Some(licence));
    }
    assert_eq!(Licence::parse("GPL-3.0"), None);
    assert_eq!(
        serde_json::to_value(Licence::Cc0).unwrap(),
        serde_json::json!("CC0-1.0")
    );
}
