use super::*;
use crate::assessment::{Mark, MaturityLevel};
use crate::framework::Text;
use crate::ids::WorkshopId;
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
        phase: Phase::Assessment,
        anonymity_threshold: threshold,
    }
}

fn answer(
    who: i64,
    indicator: i64,
    level: Option<u8>,
    mark: Mark,
) -> (ParticipantId, MemberAnswer) {
    (
        ParticipantId(who),
        MemberAnswer {
            indicator: IndicatorId(indicator),
            response: match level {
                Some(0) => Response::DontKnow,
                Some(l) => Response::Level(MaturityLevel::try_from(l).unwrap()),
                None => Response::NotApplicable,
            },
            mark,
        },
    )
}

/// Azuay: 3 members; 1 answered everything, 2 answered one indicator, 3 nothing.
/// Loja: 2 members, both answered indicator 1 far apart (1 and 5): disagreement.
fn teams() -> Vec<TeamInput> {
    use Mark::*;
    vec![
        TeamInput {
            name: "Azuay".into(),
            members: 3,
            answers: [
                answer(1, 1, Some(2), Weakness),
                answer(1, 2, Some(4), Strength),
                answer(1, 3, None, Neutral),
                answer(2, 1, Some(3), Weakness),
            ]
            .into_iter()
            .collect(),
            settled: HashMap::new(),
        },
        TeamInput {
            name: "Loja".into(),
            members: 2,
            answers: [
                answer(5, 1, Some(1), Weakness),
                answer(6, 1, Some(5), Neutral),
                answer(6, 2, Some(0), Strength),
            ]
            .into_iter()
            .collect(),
            settled: HashMap::new(),
        },
        TeamInput {
            name: "Vacío".into(),
            members: 0,
            ..TeamInput::default()
        },
    ]
}

#[test]
fn completion_counts_answers_and_finishers() {
    let data = aggregate(summary(3), layout(), &teams());
    let azuay = &data.teams[0];
    assert_eq!(
        (azuay.members, azuay.respondents, azuay.finished),
        (3, 2, 1)
    );
    // 4 answers of 3 × 3 possible.
    assert!((azuay.completion - 400.0 / 9.0).abs() < 1e-9);
    let empty = &data.teams[2];
    assert_eq!(
        (empty.members, empty.respondents, empty.completion),
        (0, 0, 0.0)
    );
}

#[test]
fn averages_are_of_team_consensus_and_the_workshop_weighs_teams_equally() {
    let data = aggregate(summary(3), layout(), &teams());
    // Azuay: A1 median(2,3) = 2.5, A2 = 4 → pillar A 3.25; B only "not applicable".
    assert_eq!(data.teams[0].averages, vec![Some(3.25), None]);
    assert_eq!(data.teams[0].consensus, vec![Some(2.5), Some(4.0), None]);
    // Loja: A1 median(1,5) = 3; A2 only "don't know".
    assert_eq!(data.teams[1].averages, vec![Some(3.0), None]);
    // Workshop: mean of 3.25 and 3 (the empty team has no value and is left out).
    assert_eq!(data.workshop_averages, vec![Some(3.125), None]);
    assert_eq!(data.rounded().workshop_averages, vec![Some(3.1), None]);
}

#[test]
fn a_settled_level_replaces_the_median() {
    let mut teams = teams();
    teams[1].settled.insert(
        IndicatorId(1),
        Settled {
            level: 2,
            rationale: "r".into(),
            by: "Ana".into(),
            version: 1,
        },
    );
    let data = aggregate(summary(3), layout(), &teams);
    assert_eq!(data.teams[1].consensus[0], Some(2.0));
    assert_eq!(
        data.disagreements,
        vec![Disagreement {
            team: "Loja".into(),
            indicator: "A1".into(),
            settled: true
        }]
    );
}

#[test]
fn distribution_counts_every_kind_of_answer() {
    let data = aggregate(summary(3), layout(), &teams());
    assert_eq!(data.distribution[0].levels, [1, 1, 1, 0, 1]);
    assert_eq!(data.distribution[1].levels, [0, 0, 0, 1, 0]);
    assert_eq!(data.distribution[1].dont_know, 1);
    assert_eq!(data.distribution[2].not_applicable, 1);
    assert_eq!(
        data.distribution
            .iter()
            .map(Distribution::total)
            .sum::<u32>(),
        7
    );
}

#[test]
fn strengths_and_weaknesses_rank_by_teams_then_marks() {
    let data = aggregate(summary(3), layout(), &teams());
    // A1 is a weakness in both teams (3 marks); A2 a strength in both.
    assert_eq!(data.weaknesses.len(), 1);
    assert_eq!(
        (
            data.weaknesses[0].indicator.as_str(),
            data.weaknesses[0].teams,
            data.weaknesses[0].marks
        ),
        ("A1", 2, 3)
    );
    assert_eq!(
        (
            data.strengths[0].indicator.as_str(),
            data.strengths[0].teams
        ),
        ("A2", 2)
    );
    // Loja has no consensus on A2, so the mean is Azuay's alone.
    assert_eq!(data.strengths[0].average, Some(4.0));
}

#[test]
fn strengths_tie_break_on_the_higher_level_and_weaknesses_on_the_lower() {
    use Mark::*;
    let team = |mark| TeamInput {
        name: "T".into(),
        members: 1,
        answers: [
            answer(1, 1, Some(2), mark),
            answer(1, 2, Some(5), mark),
            answer(1, 3, None, mark),
        ]
        .into_iter()
        .collect(),
        settled: HashMap::new(),
    };
    let data = aggregate(summary(1), layout(), &[team(Strength)]);
    let order: Vec<&str> = data
        .strengths
        .iter()
        .map(|r| r.indicator.as_str())
        .collect();
    assert_eq!(order, ["A2", "A1", "B1"], "higher first, no level last");
    let data = aggregate(summary(1), layout(), &[team(Weakness)]);
    let order: Vec<&str> = data
        .weaknesses
        .iter()
        .map(|r| r.indicator.as_str())
        .collect();
    assert_eq!(order, ["A1", "A2", "B1"], "lower first, no level last");
}

#[test]
fn participants_see_only_what_is_shared_and_above_the_threshold() {
    // Threshold 2: Azuay (2 respondents) and Loja (2) are visible; the empty team is not.
    let data = aggregate(summary(2), layout(), &teams());
    let none = shared_view(&data, 0, ShareResults::None);
    assert_eq!(
        (none.workshop.clone(), none.others.len(), none.hidden.len()),
        (None, 0, 0)
    );
    assert_eq!(none.mine, vec![Some(3.3), None]);

    let averages = shared_view(&data, 0, ShareResults::Averages);
    assert_eq!(averages.workshop, Some(vec![Some(3.1), None]));
    assert!(averages.others.is_empty() && averages.hidden.is_empty());

    let teams = shared_view(&data, 0, ShareResults::Teams);
    assert_eq!(teams.others.len(), 1);
    assert_eq!(
        (
            teams.others[0].name.as_str(),
            teams.others[0].averages.clone()
        ),
        ("Loja", vec![Some(3.0), None])
    );
    assert_eq!(teams.hidden, vec!["Vacío".to_owned()]);

    // Threshold 3: nobody qualifies; the workshop average is then computed over no team.
    let data = aggregate(summary(3), layout(), &self::teams());
    let teams = shared_view(&data, 1, ShareResults::Teams);
    assert_eq!(teams.workshop, Some(vec![None, None]));
    assert!(teams.others.is_empty());
    assert_eq!(teams.hidden, vec!["Azuay".to_owned(), "Vacío".to_owned()]);
    assert_eq!(teams.my_team, "Loja");
}

#[test]
fn answers_are_counted_by_kind_and_by_member() {
    use Mark::*;
    let counted: TeamAnswers = [
        answer(1, 1, Some(2), Weakness),
        answer(1, 2, Some(4), Neutral),
        answer(2, 1, Some(2), Weakness),
        answer(2, 2, Some(4), Strength),
        answer(3, 1, None, Neutral),
    ]
    .into_iter()
    .collect();
    assert_eq!(counted.by_indicator.len(), 2);
    assert_eq!(
        counted.by_indicator[&IndicatorId(1)],
        AnswerCounts {
            levels: [0, 2, 0, 0, 0],
            not_applicable: 1,
            weaknesses: 2,
            ..AnswerCounts::default()
        }
    );
    assert_eq!(
        counted.by_indicator[&IndicatorId(2)],
        AnswerCounts {
            levels: [0, 0, 0, 2, 0],
            strengths: 1,
            ..AnswerCounts::default()
        }
    );
    // Members 1 and 2 gave two answers, member 3 one.
    assert_eq!(
        counted.per_member.into_iter().collect::<Vec<_>>(),
        [(1, 1), (2, 2)]
    );
}

#[test]
fn counted_answers_give_the_same_median_and_spread_as_single_ones() {
    // Five members on indicator 1: levels 1, 1, 3, 5, 5 (median 3, IQR 4: disagreement);
    // as counts, 1 and 5 are each one tally of two.
    let answers: Vec<_> = [1, 1, 3, 5, 5]
        .into_iter()
        .enumerate()
        .map(|(who, l)| answer(who as i64 + 1, 1, Some(l), Mark::Neutral))
        .collect();
    let team = TeamInput {
        name: "T".into(),
        members: 5,
        answers: answers.into_iter().collect(),
        settled: HashMap::new(),
    };
    assert_eq!(
        team.answers.by_indicator[&IndicatorId(1)].levels,
        [2, 0, 1, 0, 2]
    );
    let data = aggregate(summary(1), layout(), &[team]);
    assert_eq!(data.teams[0].consensus[0], Some(3.0));
    assert_eq!(data.distribution[0].levels, [2, 0, 1, 0, 2]);
    assert_eq!(data.disagreements.len(), 1);
    assert_eq!((data.teams[0].respondents, data.teams[0].finished), (5, 0));
}
