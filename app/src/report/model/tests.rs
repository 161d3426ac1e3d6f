use super::*;
use crate::dashboard::{Distribution, IndicatorColumn, TeamStatus};
use crate::ids::WorkshopId;
use crate::results::PillarColumn;
use crate::workshop::Phase;

fn text(s: &str) -> Text {
    Text {
        es: s.to_owned(),
        en: s.to_owned(),
    }
}

fn team(name: &str, averages: Vec<Option<f64>>, consensus: Vec<Option<f64>>) -> TeamStatus {
    TeamStatus {
        name: name.to_owned(),
        members: 3,
        respondents: 3,
        finished: 3,
        completion: 100.0,
        averages,
        consensus,
    }
}

fn dashboard() -> DashboardData {
    DashboardData {
        workshop: WorkshopSummary {
            id: WorkshopId(1),
            title: "Taller".into(),
            phase: Phase::Roadmap,
            anonymity_threshold: 3,
        },
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
        indicators: vec![
            IndicatorColumn {
                code: "T1".into(),
                name: text("Portal"),
                pillar: 0,
            },
            IndicatorColumn {
                code: "P1".into(),
                name: text("Consejos"),
                pillar: 1,
            },
        ],
        teams: vec![
            team("Azuay", vec![Some(2.0), None], vec![Some(2.0), None]),
            team(
                "Loja",
                vec![Some(4.0), Some(3.0)],
                vec![Some(4.0), Some(3.0)],
            ),
        ],
        workshop_averages: vec![Some(3.0), Some(3.0)],
        distribution: vec![Distribution::default(); 2],
        disagreements: vec![],
        strengths: vec![],
        weaknesses: vec![],
    }
}

#[test]
fn a_teams_results_are_the_dashboards_numbers_beside_the_workshops() {
    let data = dashboard();
    let loja = TeamResults::from_dashboard(&data, 1).unwrap();
    assert!(loja.with_workshop);
    assert_eq!(
        loja.pillars
            .iter()
            .map(|p| (p.name.es.as_str(), p.team, p.workshop))
            .collect::<Vec<_>>(),
        vec![
            ("Transparencia", Some(4.0), Some(3.0)),
            ("Participación", Some(3.0), Some(3.0))
        ]
    );
    assert_eq!(
        loja.indicators
            .iter()
            .map(|i| (i.code.as_str(), i.level))
            .collect::<Vec<_>>(),
        vec![("T1", Some(4.0)), ("P1", Some(3.0))]
    );
    let azuay = TeamResults::from_dashboard(&data, 0).unwrap();
    assert_eq!(azuay.pillars[1].team, None);
    assert!(azuay.has_data());
    assert!(TeamResults::from_dashboard(&data, 2).is_none());
}

#[test]
fn results_without_any_average_have_nothing_to_draw() {
    let mut data = dashboard();
    data.teams[0].averages = vec![None, None];
    assert!(!TeamResults::from_dashboard(&data, 0).unwrap().has_data());
}

#[test]
fn teams_are_found_at_their_place_or_by_name() {
    let data = dashboard();
    let teams = vec![
        (TeamId(7), "Azuay".to_owned()),
        (TeamId(8), "Loja".to_owned()),
    ];
    assert_eq!(
        dashboard_index(&teams, &data),
        vec![
            (TeamId(7), "Azuay".to_owned(), 0),
            (TeamId(8), "Loja".to_owned(), 1)
        ]
    );
    // A team added between the reads shifts the others; one unknown to the dashboard is
    // left out rather than shown with another team's numbers.
    let shifted = vec![
        (TeamId(9), "Nueva".to_owned()),
        (TeamId(8), "Loja".to_owned()),
        (TeamId(7), "Azuay".to_owned()),
    ];
    assert_eq!(
        dashboard_index(&shifted, &data),
        vec![
            (TeamId(8), "Loja".to_owned(), 1),
            (TeamId(7), "Azuay".to_owned(), 0)
        ]
    );
}

#[test]
fn dates_read_as_a_day_a_span_or_none() {
    assert_eq!(
        date_span(Some("2026-11-30"), Some("2026-12-02"), Lang::Es),
        "2026-11-30 – 2026-12-02"
    );
    assert_eq!(
        date_span(Some("2026-11-30"), Some("2026-11-30"), Lang::En),
        "2026-11-30"
    );
    assert_eq!(date_span(None, Some("2026-12-02"), Lang::En), "2026-12-02");
    assert_eq!(date_span(None, None, Lang::En), "no dates set");
    assert_eq!(date_span(None, None, Lang::Es), "sin fechas fijadas");
}

#[test]
fn team_sections_have_their_own_ids() {
    assert_eq!(team_dom(TeamId(12)), "rep-team-12");
}
