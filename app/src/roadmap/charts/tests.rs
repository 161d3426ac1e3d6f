use serde_json::Value;
use time::macros::date;

use super::*;
use crate::ids::{ActionId, RoadmapItemId};
use crate::roadmap::model::Status;
use crate::roadmap::rules::horizon_of;

const START: Date = date!(2027 - 01 - 15);

pub(crate) fn item(id: i64, owner: &str, title: &str, starts: Date, ends: Date) -> ItemView {
    ItemView {
        id: RoadmapItemId(id),
        action: ActionId(100 + id),
        title: title.into(),
        owner: owner.into(),
        starts_on: starts.to_string(),
        ends_on: ends.to_string(),
        horizon: horizon_of(START, starts),
        quick_win: false,
        status: Status::NotStarted,
        progress: 0,
        pinned: false,
        depends_on: Vec::new(),
        indicators: Vec::new(),
        milestones: Vec::new(),
        version: 1,
    }
}

fn items() -> Vec<ItemView> {
    let mut publish = item(
        2,
        "Comunicación",
        "Publicar el presupuesto",
        date!(2027 - 03 - 15),
        date!(2027 - 07 - 14),
    );
    publish.depends_on = vec![ActionId(101)];
    vec![
        publish,
        item(
            1,
            "Comunicación",
            "Portal de datos",
            START,
            date!(2027 - 03 - 14),
        ),
        item(
            3,
            "Alcaldía",
            "Ordenanza de participación",
            date!(2027 - 08 - 15),
            date!(2028 - 08 - 14),
        ),
        item(
            4,
            "Alcaldía",
            "Consejo ciudadano con un nombre muy largo de verdad",
            date!(2028 - 09 - 15),
            date!(2029 - 03 - 14),
        ),
    ]
}

fn json(chart: Chart) -> Value {
    serde_json::to_value(chart).unwrap()
}

fn values(series: &Value) -> Vec<f64> {
    series["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["value"].as_f64().unwrap())
        .collect()
}

#[test]
fn positions_are_days_over_an_average_month_in_exact_steps() {
    assert_eq!(month_position(START, START), 0.0);
    let a_year = month_position(START, date!(2028 - 01 - 15));
    assert!((a_year - 365.0 / DAYS_PER_MONTH).abs() <= 0.5 / 1024.0);
    assert_eq!((a_year * 1024.0).fract(), 0.0);
    // One day apart is always a different value.
    let mut previous = month_position(START, START);
    let mut day = START;
    for _ in 0..1200 {
        day = day.next_day().unwrap();
        let now = month_position(START, day);
        assert!(now > previous);
        previous = now;
    }
    assert!(month_position(START, date!(2026 - 12 - 15)) < 0.0);
}

#[test]
fn rows_are_grouped_by_unit_then_start() {
    let option = json(gantt(Lang::Es, START, &items()));
    let rows: Vec<&str> = option["yAxis"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        rows,
        vec![
            "Alcaldía · Ordenanza de…",
            "Alcaldía · Consejo ciud…",
            "Comunicación · Portal d…",
            "Comunicación · Publicar…",
        ]
    );
    assert_eq!(option["yAxis"]["inverse"], true);
}

#[test]
fn offset_and_duration_give_each_items_dates() {
    let option = json(gantt(Lang::En, START, &items()));
    let offsets = values(&option["series"][0]);
    let durations = values(&option["series"][1]);
    assert_eq!(option["series"][0]["stack"], option["series"][1]["stack"]);
    assert_eq!(option["series"][0]["itemStyle"]["color"], "transparent");
    // Row 2 is "Portal de datos", row 3 "Publicar el presupuesto", which depends on it.
    let (dep_start, dep_end) = (offsets[2], offsets[2] + durations[2]);
    assert_eq!(dep_start, 0.0);
    assert_eq!(dep_end, month_position(START, date!(2027 - 03 - 15)));
    assert_eq!(offsets[3], month_position(START, date!(2027 - 03 - 15)));
    assert!(
        offsets[3] >= dep_end,
        "the dependent starts after the other ends"
    );
    for (o, d) in offsets.iter().zip(&durations) {
        assert!(*o >= 0.0 && *d > 0.0);
    }
}

#[test]
fn bars_are_coloured_by_horizon_and_say_what_they_are() {
    let option = json(gantt(Lang::En, START, &items()));
    let data = option["series"][1]["data"].as_array().unwrap();
    assert_eq!(data[0]["itemStyle"]["color"], HORIZON_COLOURS[1]);
    assert_eq!(data[1]["itemStyle"]["color"], HORIZON_COLOURS[2]);
    assert_eq!(data[2]["itemStyle"]["color"], HORIZON_COLOURS[0]);
    assert_eq!(
        data[2]["name"],
        "Portal de datos — Comunicación · 2027-01-15 → 2027-03-14 · Now"
    );
    assert_eq!(option["tooltip"]["formatter"], "{b}");
    assert_eq!(option["title"][0]["text"], "Timeline by responsible unit");
}

#[test]
fn horizon_boundaries_are_marked_at_6_and_18_months() {
    let option = json(gantt(Lang::En, START, &items()));
    let lines = option["series"][1]["markLine"]["data"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0]["xAxis"].as_f64().unwrap(),
        month_position(START, date!(2027 - 07 - 15))
    );
    assert_eq!(lines[0]["name"], "Next");
    assert_eq!(
        lines[1]["xAxis"].as_f64().unwrap(),
        month_position(START, date!(2028 - 07 - 15))
    );
    assert_eq!(lines[1]["name"], "Later");
    assert_eq!(option["xAxis"]["min"], 0.0);
    assert_eq!(option["xAxis"]["max"], 36.0);
}

#[test]
fn the_axis_grows_past_36_months_when_items_do() {
    let long = vec![item(1, "A", "Long", START, date!(2031 - 01 - 14))];
    let option = json(gantt(Lang::En, START, &long));
    assert!(option["xAxis"]["max"].as_f64().unwrap() >= 47.0);
}

#[test]
fn an_item_before_the_start_is_drawn_from_month_zero() {
    let early = vec![item(
        1,
        "A",
        "Early",
        date!(2026 - 11 - 15),
        date!(2027 - 02 - 14),
    )];
    let bars = gantt_bars(Lang::En, START, &early);
    assert_eq!(bars[0].offset, 0.0);
    assert_eq!(
        bars[0].duration,
        month_position(START, date!(2027 - 02 - 15))
    );
}

#[test]
fn the_row_order_does_not_depend_on_the_input_order() {
    let mut reversed = items();
    reversed.reverse();
    assert_eq!(
        json(gantt(Lang::Es, START, &items())),
        json(gantt(Lang::Es, START, &reversed))
    );
}

#[test]
fn equal_labels_are_told_apart() {
    let twins = vec![
        item(1, "A", "Same", START, date!(2027 - 03 - 14)),
        item(2, "A", "Same", START, date!(2027 - 03 - 14)),
    ];
    let labels: Vec<String> = gantt_bars(Lang::En, START, &twins)
        .into_iter()
        .map(|b| b.label)
        .collect();
    assert_eq!(labels, vec!["A · Same", "A · Same (2)"]);
}

#[test]
fn unreadable_dates_are_left_out_of_the_chart() {
    let mut bad = items();
    bad[0].starts_on = "soon".into();
    assert_eq!(gantt_bars(Lang::En, START, &bad).len(), 3);
}

#[test]
fn an_empty_roadmap_is_an_empty_chart() {
    let option = json(gantt(Lang::En, START, &[]));
    assert!(option["series"][1]
        .get("data")
        .is_none_or(|d| d.as_array().unwrap().is_empty()));
    assert_eq!(gantt_height(0), 220);
    assert!(gantt_height(20) > gantt_height(10));
}

#[test]
fn the_radar_has_current_and_target_per_pillar() {
    let pillars = vec![
        PillarTarget {
            code: "T".into(),
            name: "Transparencia".into(),
            current: Some(2.25),
            target: Some(3.3333),
        },
        PillarTarget {
            code: "P".into(),
            name: "Participación".into(),
            current: None,
            target: None,
        },
    ];
    let option = json(target_radar(Lang::En, &pillars));
    assert_eq!(option["radar"][0]["indicator"][0]["name"], "Transparencia");
    assert_eq!(option["radar"][0]["indicator"][1]["max"], 5.0);
    let data = option["series"][0]["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    assert_eq!(data[0]["name"], "Current level");
    assert_eq!(data[0]["value"][0], 2.3);
    assert!(data[0]["value"][1].is_null());
    assert_eq!(data[1]["name"], "Target");
    assert_eq!(data[1]["value"][0], 3.3);
    assert_eq!(
        option["title"][0]["text"],
        "Current level and target by pillar"
    );
}

#[test]
fn the_workshop_chart_stacks_horizons_per_team() {
    let teams = vec![
        ("Azuay".to_owned(), [2, 1, 0]),
        ("Loja".to_owned(), [0, 3, 4]),
    ];
    let option = json(workshop_horizons(Lang::Es, &teams));
    assert_eq!(option["yAxis"]["data"][1], "Loja");
    let series = option["series"].as_array().unwrap();
    assert_eq!(series.len(), 3);
    assert_eq!(series[0]["name"], "Ahora (0–6 meses)");
    for s in series {
        assert_eq!(s["stack"], "horizons");
    }
    let counts: Vec<Vec<i64>> = series
        .iter()
        .map(|s| {
            s["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_i64().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(counts, vec![vec![2, 0], vec![1, 3], vec![0, 4]]);
    assert_eq!(option["color"][2], HORIZON_COLOURS[2]);
}

#[test]
fn items_are_counted_per_horizon() {
    assert_eq!(horizon_counts(&items()), [2, 1, 1]);
    assert_eq!(horizon_counts(&[]), [0, 0, 0]);
}
