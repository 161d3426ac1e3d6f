use super::*;

fn r(v: u8) -> Rating {
    Rating::new(v).unwrap()
}

fn input(
    dots: u32,
    most: u32,
    impact: u8,
    effort: u8,
    cost: CostBand,
    gap: Option<f64>,
) -> ScoreInput {
    ScoreInput {
        dots,
        most_dots: most,
        impact: r(impact),
        effort: r(effort),
        cost,
        gap,
    }
}

#[test]
fn the_best_possible_action_scores_100_and_the_worst_0() {
    let w = Weights::default();
    let best = priority(&input(6, 6, 5, 1, CostBand::Low, Some(1.0)), &w);
    assert_eq!(best.total, 100.0);
    let worst = priority(&input(0, 6, 1, 5, CostBand::High, Some(0.0)), &w);
    assert_eq!(worst.total, 0.0);
}

#[test]
fn the_score_is_the_weighted_mean_shown_term_by_term() {
    // relevance 3/6 = 0.5 (w 3), ambition (4-1)/4 = 0.75 (w 2), feasibility (5-2)/4 = 0.75 (w 2),
    // resources medium 0.5 (w 1), gap 0.25 (w 2): (1.5 + 1.5 + 1.5 + 0.5 + 0.5) / 10 = 0.55.
    let score = priority(
        &input(3, 6, 4, 2, CostBand::Medium, Some(0.25)),
        &Weights::default(),
    );
    assert_eq!(score.total, 55.0);
    assert_eq!(score.terms.len(), 5);
    let sum: f64 = score.terms.iter().map(|t| t.points).sum();
    assert!((sum - 55.0).abs() < 1e-9);
    assert_eq!(score.terms[0].criterion, Criterion::Relevance);
    assert!((score.terms[0].points - 15.0).abs() < 1e-9);
}

#[test]
fn an_unknown_gap_is_left_out_of_both_sums() {
    let w = Weights::default();
    let with = priority(&input(6, 6, 5, 1, CostBand::Low, None), &w);
    assert_eq!(with.total, 100.0);
    assert!(with.terms.iter().all(|t| t.criterion != Criterion::Gap));
}

#[test]
fn weights_change_the_order() {
    let cheap_unpopular = input(0, 4, 3, 1, CostBand::Low, None);
    let popular_costly = input(4, 4, 3, 4, CostBand::High, None);
    let votes_first = Weights {
        relevance: 5,
        ambition: 0,
        feasibility: 0,
        resources: 0,
        gap: 0,
    };
    let cost_first = Weights {
        relevance: 0,
        ambition: 0,
        feasibility: 3,
        resources: 5,
        gap: 0,
    };
    assert!(
        priority(&popular_costly, &votes_first).total
            > priority(&cheap_unpopular, &votes_first).total
    );
    assert!(
        priority(&cheap_unpopular, &cost_first).total
            > priority(&popular_costly, &cost_first).total
    );
}

#[test]
fn all_zero_weights_score_nothing_and_are_refused() {
    let zero = Weights {
        relevance: 0,
        ambition: 0,
        feasibility: 0,
        resources: 0,
        gap: 0,
    };
    assert_eq!(
        priority(&input(1, 1, 5, 1, CostBand::Low, None), &zero).total,
        0.0
    );
    assert!(zero.check().is_err());
    assert!(Weights {
        gap: 6,
        ..Weights::default()
    }
    .check()
    .is_err());
    assert!(Weights::default().check().is_ok());
}

#[test]
fn gaps_use_the_target_or_the_top_level() {
    assert_eq!(indicator_gap(Some(2.0), Some(4.0)), Some(0.5));
    assert_eq!(indicator_gap(Some(1.0), None), Some(1.0));
    assert_eq!(indicator_gap(Some(4.0), Some(3.0)), Some(0.0));
    assert_eq!(indicator_gap(None, Some(4.0)), None);
    assert_eq!(mean_gap([Some(0.5), None, Some(1.0)]), Some(0.75));
}

#[test]
fn quadrants_split_at_three() {
    assert_eq!(quadrant(r(3), r(2)), Quadrant::QuickWin);
    assert_eq!(quadrant(r(5), r(3)), Quadrant::BigBet);
    assert_eq!(quadrant(r(2), r(1)), Quadrant::FillIn);
    assert_eq!(quadrant(r(1), r(5)), Quadrant::TimeSink);
}

#[test]
fn cycles_are_found_and_named_in_order() {
    let a = ActionId(1);
    let b = ActionId(2);
    let c = ActionId(3);
    assert_eq!(dependency_cycle(&[(a, b), (b, c)]), None);
    assert_eq!(
        dependency_cycle(&[(a, b), (b, c), (c, a)]),
        Some(vec![a, b, c, a])
    );
    assert_eq!(
        dependency_cycle(&[(c, a), (b, c), (a, b)]),
        Some(vec![a, b, c, a])
    );
    assert_eq!(dependency_cycle(&[(a, a)]), Some(vec![a, a]));
}

#[test]
fn a_long_chain_does_not_overflow() {
    let edges: Vec<_> = (0..100_000)
        .map(|i| (ActionId(i), ActionId(i + 1)))
        .collect();
    assert_eq!(dependency_cycle(&edges), None);
}

fn a(id: i64) -> ActionId {
    ActionId(id)
}

#[test]
fn a_proposal_is_trimmed_and_every_mistake_reported_at_once() {
    let ok = parse_proposal("  Portal ", "", " Planificación ", "4", " 2", "medium").unwrap();
    assert_eq!(ok.title, "Portal");
    assert_eq!(ok.unit, "Planificación");
    assert_eq!((ok.impact.get(), ok.effort.get()), (4, 2));
    assert_eq!(ok.cost, CostBand::Medium);
    let long = "é".repeat(TITLE_MAX_CHARS + 1);
    match parse_proposal(&long, &"x".repeat(4001), "", "0", "6", "cheap") {
        Err(AppError::Validation { fields }) => {
            let names: Vec<&str> = fields.keys().map(String::as_str).collect();
            assert_eq!(
                names,
                ["cost", "description", "effort", "impact", "title", "unit"]
            );
            assert_eq!(fields["title"], vec![Key::ActErrTitleTooLong]);
            assert_eq!(fields["unit"], vec![Key::ActErrUnitMissing]);
        }
        other => panic!("{other:?}"),
    }
    // Exactly at the limits is fine, counted in characters.
    assert!(parse_proposal(&"é".repeat(200), "", "u", "1", "5", "low").is_ok());
}

#[test]
fn settings_are_read_within_their_ranges() {
    let s = parse_settings("30", false, ["0", "5", "1", "0", "0"]).unwrap();
    assert_eq!(s.dots.per_participant, 30);
    assert!(!s.dots.stack);
    assert_eq!(s.weights.ambition, 5);
    for (dots, weights, field) in [
        ("0", ["1"; 5], "dots"),
        ("31", ["1"; 5], "dots"),
        ("x", ["1"; 5], "dots"),
        ("5", ["1", "1", "6", "1", "1"], "feasibility"),
        ("5", ["1", "1", "1", "1", "-1"], "gap"),
        ("5", ["0"; 5], "relevance"),
    ] {
        match parse_settings(dots, true, weights) {
            Err(AppError::Validation { fields }) => assert!(fields.contains_key(field), "{field}"),
            other => panic!("{dots} {weights:?}: {other:?}"),
        }
    }
}

#[test]
fn merged_dots_are_capped_without_stacking() {
    assert_eq!(merged_dots(2, 3, true), (5, 0));
    assert_eq!(merged_dots(1, 1, false), (1, 1));
    assert_eq!(merged_dots(0, 1, false), (1, 0));
    assert_eq!(merged_dots(0, 0, false), (0, 0));
}

#[test]
fn repointing_moves_edges_and_never_makes_a_self_dependency_or_cycle() {
    // 2 is the duplicate of 1. 2 → 3 moves to 1 → 3; 4 → 2 to 4 → 1; 1 → 2 would be 1 → 1.
    let (edges, dropped) = repoint_edges(&[(a(2), a(3)), (a(4), a(2)), (a(1), a(2))], a(2), a(1));
    assert_eq!(edges, vec![(a(1), a(3)), (a(4), a(1))]);
    assert!(dropped.is_empty());
    // 1 → 5 stays; 5 → 2 would become 5 → 1, closing 1 → 5 → 1: dropped.
    let (edges, dropped) = repoint_edges(&[(a(1), a(5)), (a(5), a(2))], a(2), a(1));
    assert_eq!(edges, vec![(a(1), a(5))]);
    assert_eq!(dropped, vec![(a(5), a(1))]);
    assert!(dependency_cycle(&edges).is_none());
    // Repeated edges appear once.
    let (edges, _) = repoint_edges(&[(a(1), a(3)), (a(2), a(3))], a(2), a(1));
    assert_eq!(edges, vec![(a(1), a(3))]);
}

#[test]
fn the_priority_order_is_moscow_then_score_then_id() {
    use crate::action::model::{priority_order, Moscow, RankedAction};
    let ranked = |id: i64, moscow: Option<Moscow>, total: f64| RankedAction {
        id: a(id),
        title: String::new(),
        description: String::new(),
        unit: String::new(),
        impact: r(3),
        effort: r(3),
        cost: CostBand::Low,
        moscow,
        dots: 0,
        score: Score {
            total,
            terms: Vec::new(),
        },
        quadrant: Quadrant::BigBet,
        indicators: Vec::new(),
        depends_on: Vec::new(),
        version: 1,
    };
    let mut list = [
        ranked(1, Some(Moscow::Wont), 99.0),
        ranked(2, None, 80.0),
        ranked(3, Some(Moscow::Could), 10.0),
        ranked(4, None, 90.0),
        ranked(5, Some(Moscow::Must), 0.0),
        ranked(6, Some(Moscow::Should), 50.0),
        ranked(7, None, 90.0),
    ];
    list.sort_by(priority_order);
    let ids: Vec<i64> = list.iter().map(|x| x.id.0).collect();
    assert_eq!(ids, [5, 6, 3, 4, 7, 2, 1]);
}
