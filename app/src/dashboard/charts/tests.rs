use super::*;
use crate::dashboard::model::{Distribution, IndicatorColumn, OtherTeam, ShareResults, TeamStatus};
use crate::framework::Text;
use crate::ids::WorkshopId;
use crate::results::PillarColumn;
use crate::workshop::{Phase, WorkshopSummary};

fn text(es: &str, en: &str) -> Text {
    Text {
        es: es.into(),
        en: en.into(),
    }
}

fn team(
    name: &str,
    averages: Vec<Option<f64>>,
    consensus: Vec<Option<f64>>,
    completion: f64,
) -> TeamStatus {
    TeamStatus {
        name: name.into(),
        members: 4,
        respondents: 3,
        finished: 1,
        completion,
        averages,
        consensus,
    }
}

fn data() -> DashboardData {
    DashboardData {
        workshop: WorkshopSummary {
            id: WorkshopId(1),
            title: "Taller".into(),
            phase: Phase::Assessment,
            anonymity_threshold: 3,
        },
        pillars: vec![
            PillarColumn {
                code: "T".into(),
                name: text("Transparencia", "Transparency"),
            },
            PillarColumn {
                code: "P".into(),
                name: text("Participación", "Participation"),
            },
        ],
        indicators: vec![
            IndicatorColumn {
                code: "T1".into(),
                name: text("a", "a"),
                pillar: 0,
            },
            IndicatorColumn {
                code: "P1".into(),
                name: text("b", "b"),
                pillar: 1,
            },
        ],
        teams: vec![
            team("Azuay", vec![Some(3.5), None], vec![Some(3.5), None], 50.0),
            team("Loja", vec![None, None], vec![None, None], 0.0),
            team(
                "Manabí",
                vec![Some(2.0), Some(4.0)],
                vec![Some(2.0), Some(4.0)],
                100.0,
            ),
        ],
        workshop_averages: vec![Some(2.8), Some(4.0)],
        distribution: vec![
            Distribution {
                levels: [1, 0, 2, 0, 0],
                not_applicable: 1,
                dont_know: 0,
            },
            Distribution {
                levels: [0, 0, 0, 3, 0],
                not_applicable: 0,
                dont_know: 2,
            },
        ],
        disagreements: vec![],
        strengths: vec![],
        weaknesses: vec![],
    }
}

fn json(chart: Chart) -> serde_json::Value {
    serde_json::to_value(chart).unwrap()
}

#[test]
fn radar_shows_teams_with_values_and_the_workshop_average() {
    let option = json(pillar_radar(&data(), Lang::En, Size::NORMAL));
    assert_eq!(option["radar"][0]["indicator"][0]["name"], "Transparency");
    let series = option["series"][0]["data"].as_array().unwrap();
    let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
    // Loja has no value yet, so no empty shape for it.
    assert_eq!(names, ["Azuay", "Manabí", "Workshop average"]);
    assert_eq!(series[2]["value"][0], 2.8);
    assert!(series[0]["value"][1].is_null());
    assert_eq!(option["aria"]["enabled"], true);
}

#[test]
fn heatmap_has_one_cell_per_team_and_indicator_with_a_level() {
    let option = json(consensus_heatmap(&data(), Lang::Es, Size::NORMAL));
    assert_eq!(option["xAxis"]["data"], serde_json::json!(["T1", "P1"]));
    assert_eq!(
        option["yAxis"]["data"],
        serde_json::json!(["Azuay", "Loja", "Manabí"])
    );
    let cells = option["series"][0]["data"].as_array().unwrap();
    assert_eq!(
        cells,
        &vec![
            serde_json::json!([0, 0, 3.5]),
            serde_json::json!([0, 2, 2.0]),
            serde_json::json!([1, 2, 4.0]),
        ]
    );
    assert_eq!(
        (
            option["visualMap"][0]["min"].as_f64(),
            option["visualMap"][0]["max"].as_f64()
        ),
        (Some(1.0), Some(5.0))
    );
}

#[test]
fn distribution_stacks_seven_responses_per_indicator() {
    let option = json(distribution_bars(&data(), Lang::Es, Size::NORMAL));
    let series = option["series"].as_array().unwrap();
    assert_eq!(series.len(), 7);
    assert!(series
        .iter()
        .all(|s| s["stack"] == "answers" && s["type"] == "bar"));
    assert_eq!(series[0]["name"], "Nivel 1");
    assert_eq!(series[2]["data"], serde_json::json!([2, 0]));
    assert_eq!(series[3]["data"], serde_json::json!([0, 3]));
    assert_eq!(
        (series[5]["name"].as_str(), series[5]["data"].clone()),
        (Some("No aplica"), serde_json::json!([1, 0]))
    );
    assert_eq!(series[6]["data"], serde_json::json!([0, 2]));
    assert_eq!(option["color"].as_array().unwrap().len(), 7);
}

#[test]
fn completion_is_a_percentage_per_team() {
    let option = json(completion_bars(&data(), Lang::Es, Size::LARGE));
    assert_eq!(
        option["series"][0]["data"],
        serde_json::json!([50.0, 0.0, 100.0])
    );
    assert_eq!(option["xAxis"]["max"], 100.0);
    assert_eq!(option["yAxis"]["axisLabel"]["fontSize"], Size::LARGE.font);
}

#[test]
fn presentation_type_is_larger() {
    let normal = json(consensus_heatmap(&data(), Lang::Es, Size::NORMAL));
    let large = json(consensus_heatmap(&data(), Lang::Es, Size::LARGE));
    assert!(
        large["yAxis"]["axisLabel"]["fontSize"].as_f64()
            > normal["yAxis"]["axisLabel"]["fontSize"].as_f64()
    );
}

#[test]
fn presentation_order_goes_round() {
    assert_eq!(ChartKind::Radar.previous(), ChartKind::Completion);
    assert_eq!(ChartKind::Completion.next(), ChartKind::Radar);
    for kind in ChartKind::ALL {
        assert_eq!(ChartKind::parse(kind.slug()), Some(kind));
        assert_eq!(kind.next().previous(), kind);
    }
    assert_eq!(ChartKind::parse("nada"), None);
}

#[test]
fn participants_radar_has_their_team_the_workshop_and_shown_teams() {
    let d = data();
    let shared = SharedResults {
        mode: ShareResults::Teams,
        threshold: 3,
        pillars: d.pillars.clone(),
        my_team: "Azuay".into(),
        mine: vec![Some(3.5), None],
        workshop: Some(vec![Some(2.8), Some(4.0)]),
        others: vec![OtherTeam {
            name: "Manabí".into(),
            respondents: 3,
            averages: vec![Some(2.0), Some(4.0)],
        }],
        hidden: vec!["Loja".into()],
    };
    let option = json(shared_radar(&shared, Lang::Es));
    let names: Vec<String> = option["series"][0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Azuay", "Promedio del taller", "Manabí"]);
    let averages_only = SharedResults {
        others: vec![],
        workshop: None,
        ..shared
    };
    let option = json(shared_radar(&averages_only, Lang::Es));
    assert_eq!(option["series"][0]["data"].as_array().unwrap().len(), 1);
}
