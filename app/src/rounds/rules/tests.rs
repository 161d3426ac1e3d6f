use std::collections::HashMap;

use super::*;
use crate::assessment::{Mark, MaturityLevel, Response};
use crate::dashboard::rules::{aggregate, Layout, TeamInput};
use crate::dashboard::IndicatorColumn;
use crate::framework::Text;
use crate::i18n::Key;
use crate::ids::{IndicatorId, ParticipantId, WorkshopId};
use crate::results::PillarColumn;
use crate::team::rules::{MemberAnswer, Settled};
use crate::workshop::WorkshopSummary;

fn text(s: &str) -> Text {
    Text {
        es: s.into(),
        en: s.into(),
    }
}

/// Two pillars: T (indicators 1, 2) and P (indicator 3).
fn layout() -> Layout {
    let column = |code: &str, pillar| IndicatorColumn {
        code: code.into(),
        name: text(code),
        pillar,
    };
    Layout {
        pillars: vec![
            PillarColumn {
                code: "T".into(),
                name: text("Transparencia"),
            },
            PillarColumn {
                code: "P".into(),
                name: text("Participación"),
            },
        ],
        indicators: vec![column("T1", 0), column("T2", 0), column("P1", 1)],
        sets: vec![vec![IndicatorId(1), IndicatorId(2)], vec![IndicatorId(3)]],
    }
}

fn answer(who: i64, indicator: i64, level: Option<u8>) -> (ParticipantId, MemberAnswer) {
    (
        ParticipantId(who),
        MemberAnswer {
            indicator: IndicatorId(indicator),
            response: match level {
                Some(l) => Response::Level(MaturityLevel::try_from(l).unwrap()),
                None => Response::DontKnow,
            },
            mark: Mark::Neutral,
        },
    )
}

fn team(
    name: &str,
    answers: Vec<(ParticipantId, MemberAnswer)>,
    settled: &[(i64, u8)],
) -> TeamInput {
    TeamInput {
        name: name.into(),
        members: 3,
        answers: answers.into_iter().collect(),
        settled: settled
            .iter()
            .map(|&(i, level)| {
                (
                    IndicatorId(i),
                    Settled {
                        level,
                        rationale: String::new(),
                        by: String::new(),
                        version: 0,
                    },
                )
            })
            .collect::<HashMap<_, _>>(),
    }
}

fn dashboard(teams: &[TeamInput]) -> DashboardData {
    let workshop = WorkshopSummary {
        id: WorkshopId(1),
        title: "Taller".into(),
        phase: Phase::Review,
        anonymity_threshold: 3,
    };
    aggregate(workshop, layout(), teams)
}

/// Round 1: Azuay answers T1 with 2 and 3 (median 2.5), T2 with 1; Loja only T1 = 4.
fn round_one() -> DashboardData {
    dashboard(&[
        team(
            "Azuay",
            vec![
                answer(1, 1, Some(2)),
                answer(2, 1, Some(3)),
                answer(1, 2, Some(1)),
            ],
            &[],
        ),
        team("Loja", vec![answer(3, 1, Some(4))], &[]),
    ])
}

/// Round 2: Azuay's lead settles T1 at 4; T2 rises to 3; P1 is answered for the first
/// time. Loja answers "don't know" on T1 only.
fn round_two() -> DashboardData {
    dashboard(&[
        team(
            "Azuay",
            vec![
                answer(1, 1, Some(1)),
                answer(1, 2, Some(3)),
                answer(2, 3, Some(5)),
            ],
            &[(1, 4)],
        ),
        team("Loja", vec![answer(3, 1, None)], &[]),
    ])
}

#[test]
fn change_is_later_minus_earlier_and_needs_both() {
    assert_eq!(change(Some(2.5), Some(4.0)), Some(1.5));
    assert_eq!(change(Some(4.0), Some(2.5)), Some(-1.5));
    assert_eq!(change(Some(3.0), Some(3.0)), Some(0.0));
    assert_eq!(change(None, Some(3.0)), None);
    assert_eq!(change(Some(3.0), None), None);
    assert_eq!(change(None, None), None);
    // No floating-point dust: 3.3 − 1.1 is shown as 2.2.
    assert_eq!(change(Some(3.3), Some(1.1)), Some(-2.2));
}

#[test]
fn shown_values_add_up() {
    // 2.44 and 2.56 are shown as 2.4 and 2.6; the change shown is 0.2, not 0.1.
    let c = change_of(Some(2.44), Some(2.56));
    assert_eq!((c.from, c.to, c.change), (Some(2.4), Some(2.6), Some(0.2)));
}

#[test]
fn trends_and_signs() {
    assert_eq!(Trend::of(Some(0.5)), Some(Trend::Up));
    assert_eq!(Trend::of(Some(-1.0)), Some(Trend::Down));
    assert_eq!(Trend::of(Some(0.0)), Some(Trend::Same));
    assert_eq!(Trend::of(None), None);
    assert_eq!(Trend::Up.arrow(), "▲");
    assert_eq!(Trend::Down.key(), Key::RoundDown);
    assert_eq!(signed(0.5), "+0.5");
    assert_eq!(signed(-1.24), "−1.2");
    assert_eq!(signed(0.0), "0.0");
}

#[test]
fn teams_are_compared_per_indicator_and_pillar() {
    let c = compare(1, &round_one(), 2, &round_two(), 2);
    assert_eq!((c.from, c.to, c.current), (1, 2, 2));
    let azuay = &c.teams[0];
    assert_eq!(azuay.team.as_deref(), Some("Azuay"));
    assert_eq!(azuay.respondents, [2, 2]);
    // T1: median 2.5, then the lead's 4 (not the lone answer of 1).
    assert_eq!(
        azuay.indicators[0],
        Change {
            from: Some(2.5),
            to: Some(4.0),
            change: Some(1.5)
        }
    );
    assert_eq!(azuay.indicators[1].change, Some(2.0));
    // P1 was not answered in round 1: a value, but no change.
    assert_eq!(
        azuay.indicators[2],
        Change {
            from: None,
            to: Some(5.0),
            change: None
        }
    );
    // Pillar T: mean(2.5, 1) = 1.75 → shown 1.8; then mean(4, 3) = 3.5.
    assert_eq!(
        azuay.pillars[0],
        Change {
            from: Some(1.8),
            to: Some(3.5),
            change: Some(1.7)
        }
    );
    assert_eq!(azuay.pillars[1].change, None);

    // Loja answered "don't know" in round 2: no level, so no change.
    let loja = &c.teams[1];
    assert_eq!(
        loja.indicators[0],
        Change {
            from: Some(4.0),
            to: None,
            change: None
        }
    );
    assert_eq!(loja.respondents, [1, 1]);
}

#[test]
fn the_workshop_is_the_mean_of_its_teams() {
    let (one, two) = (round_one(), round_two());
    let c = compare(1, &one, 2, &two, 3);
    let w = &c.workshop;
    assert_eq!(w.team, None);
    assert_eq!(w.respondents, [3, 3]);
    // T1: mean(2.5, 4) = 3.25 → 3.3 (round half away from zero), then Azuay's 4 alone.
    assert_eq!(
        w.indicators[0],
        Change {
            from: Some(3.3),
            to: Some(4.0),
            change: Some(0.7)
        }
    );
    // Pillar values are exactly the dashboard's workshop averages, rounded as it shows them.
    let shown = |d: &DashboardData| d.clone().rounded().workshop_averages;
    assert_eq!(
        w.pillars.iter().map(|p| p.from).collect::<Vec<_>>(),
        shown(&one)
    );
    assert_eq!(
        w.pillars.iter().map(|p| p.to).collect::<Vec<_>>(),
        shown(&two)
    );
    // And team values are the dashboard's too.
    for (team, status) in c.teams.iter().zip(&two.clone().rounded().teams) {
        assert_eq!(
            team.indicators.iter().map(|i| i.to).collect::<Vec<_>>(),
            status.consensus
        );
        assert_eq!(
            team.pillars.iter().map(|p| p.to).collect::<Vec<_>>(),
            status.averages
        );
    }
}

#[test]
fn a_team_new_since_the_earlier_round_has_no_earlier_values() {
    let mut later = round_two();
    let extra = dashboard(&[team("Nueva", vec![answer(9, 3, Some(2))], &[])]);
    later.teams.push(extra.teams[0].clone());
    let c = compare(1, &round_one(), 2, &later, 2);
    let nueva = &c.teams[2];
    assert_eq!(nueva.respondents, [0, 1]);
    assert_eq!(
        nueva.indicators[2],
        Change {
            from: None,
            to: Some(2.0),
            change: None
        }
    );
}

#[test]
fn indicator_means_skip_teams_without_a_level() {
    assert_eq!(
        indicator_means(&round_two()),
        vec![Some(4.0), Some(3.0), Some(5.0)]
    );
    assert_eq!(indicator_means(&dashboard(&[])), vec![None, None, None]);
}

#[test]
fn rounds_open_from_the_review_on() {
    assert!(!opens_rounds(Phase::Setup));
    assert!(!opens_rounds(Phase::Assessment));
    for phase in [
        Phase::Review,
        Phase::Prioritisation,
        Phase::Roadmap,
        Phase::Closed,
    ] {
        assert!(opens_rounds(phase), "{phase:?}");
    }
    assert_eq!(open_refusal(Phase::Review, 1, 1), None);
    assert_eq!(
        open_refusal(Phase::Assessment, 1, 1),
        Some(Key::RoundErrTooEarly)
    );
    assert_eq!(
        open_refusal(Phase::Setup, 1, 1),
        Some(Key::RoundErrTooEarly)
    );
    // A stale page is told so first: what it showed is no longer true.
    assert_eq!(
        open_refusal(Phase::Assessment, 2, 1),
        Some(Key::RoundErrStale)
    );
    assert_eq!(open_refusal(Phase::Roadmap, 3, 4), Some(Key::RoundErrStale));
    assert_eq!(
        open_refusal(Phase::Closed, MAX_ROUND, MAX_ROUND),
        Some(Key::RoundErrLimit)
    );
}

#[test]
fn a_pair_must_exist_and_be_in_order() {
    let rounds = [1, 2, 3];
    assert!(check_pair(1, 3, &rounds).is_ok());
    assert!(check_pair(2, 3, &rounds).is_ok());
    assert_eq!(
        check_pair(0, 3, &rounds),
        Err(AppError::invalid("from", Key::RoundErrUnknown))
    );
    assert_eq!(
        check_pair(3, 2, &rounds),
        Err(AppError::invalid("to", Key::RoundErrOrder))
    );
    assert_eq!(
        check_pair(2, 2, &rounds),
        Err(AppError::invalid("to", Key::RoundErrOrder))
    );
    let both = check_pair(7, 9, &rounds).unwrap_err();
    let AppError::Validation { fields } = both else {
        panic!("{both:?}");
    };
    assert_eq!(fields.len(), 2, "both fields named: {fields:?}");
}

#[test]
fn by_default_the_last_two_rounds_are_compared() {
    assert_eq!(default_pair(&[1]), None);
    assert_eq!(default_pair(&[]), None);
    assert_eq!(default_pair(&[1, 2]), Some((1, 2)));
    assert_eq!(default_pair(&[1, 2, 3]), Some((2, 3)));
}
