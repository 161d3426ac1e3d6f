use super::*;
use crate::action::model::{CostBand, Rating};
use crate::action::rules::{quadrant, Score};
use crate::ids::ActionId;

fn action(id: i64, effort: u8, impact: u8, dots: u32) -> RankedAction {
    let effort = Rating::new(effort).unwrap();
    let impact = Rating::new(impact).unwrap();
    RankedAction {
        id: ActionId(id),
        title: format!("Acción {id}"),
        description: String::new(),
        unit: "U".into(),
        impact,
        effort,
        cost: CostBand::Low,
        moscow: None,
        dots,
        score: Score {
            total: 50.0,
            terms: Vec::new(),
        },
        quadrant: quadrant(impact, effort),
        indicators: Vec::new(),
        depends_on: Vec::new(),
        version: 1,
    }
}

#[test]
fn lone_points_stay_and_identical_points_spread_the_same_way_every_time() {
    let points = [(2, 4), (2, 4), (3, 1), (2, 4)];
    let placed = jitter(&points);
    assert_eq!(placed[2], (3.0, 1.0));
    let same = [placed[0], placed[1], placed[3]];
    for (i, a) in same.iter().enumerate() {
        let d = ((a.0 - 2.0).powi(2) + (a.1 - 4.0).powi(2)).sqrt();
        assert!((d - JITTER_RADIUS).abs() < 0.01, "{a:?}");
        for b in &same[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_eq!(jitter(&points), placed);
}

#[test]
fn bubbles_grow_with_dots_and_stay_bounded() {
    assert!(bubble_size(0) < bubble_size(1));
    assert!(bubble_size(1) < bubble_size(4));
    assert!(bubble_size(1000) <= 60.0);
}

#[test]
fn the_matrix_has_its_quadrants_lines_and_one_bubble_per_action() {
    let actions = [action(1, 1, 5, 4), action(2, 5, 1, 0)];
    let json: serde_json::Value =
        serde_json::from_str(&matrix(&actions, Lang::En).to_string()).unwrap();
    let series = json["series"].as_array().unwrap();
    assert_eq!(series.len(), 3);
    let labels: Vec<&str> = series[0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Quick wins", "Big bets", "Fill-ins", "Time sinks"]);
    let lines = series[0]["markLine"]["data"].as_array().unwrap();
    assert_eq!(lines[0]["xAxis"], 2.5);
    assert_eq!(lines[1]["yAxis"], 2.5);
    assert_eq!(series[1]["data"][0]["value"], serde_json::json!([1.0, 5.0]));
    assert_eq!(series[1]["symbolSize"], bubble_size(4));
    assert_eq!(series[2]["data"][0]["value"], serde_json::json!([5.0, 1.0]));
    assert_eq!(json["xAxis"]["name"], "Effort");
    assert_eq!(json["yAxis"]["name"], "Impact");
}
