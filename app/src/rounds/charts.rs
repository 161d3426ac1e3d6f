//! The rounds' chart: a pure builder from a [`Comparison`] to a chart description, drawn in
//! the browser by ECharts and tested here on its JSON.

use charming::component::{Aria, Axis, Grid, Legend};
use charming::element::{AxisLabel, AxisType, Label, LabelPosition, Tooltip, Trigger};
use charming::series::Bar;
use charming::Chart;

use super::model::{Comparison, ScopeComparison};
use crate::i18n::{Key, Lang};
use crate::results::charts::wrap_label;

/// The two rounds' colours: a light and a dark blue, told apart without colour too (the
/// legend and the tooltip name them, and every bar carries its value).
pub const ROUND_COLOURS: [&str; 2] = ["#9ecae1", "#08519c"];

/// A round's name in the chart and the tables: "Round 2", or "Round 3 (current)".
pub fn round_name(round: u32, current: u32, lang: Lang) -> String {
    let key = if round == current {
        Key::RoundNameCurrent
    } else {
        Key::RoundName
    };
    lang.t(key).replace("{n}", &round.to_string())
}

/// The name of a scope: its team, or the whole workshop.
pub fn scope_name(scope: &ScopeComparison, lang: Lang) -> String {
    scope
        .team
        .clone()
        .unwrap_or_else(|| lang.t(Key::RoundWholeWorkshop).to_owned())
}

/// The pillar values of one scope in both rounds, as grouped horizontal bars: one group
/// per pillar (long names read on a phone), the earlier round's bar above the later one's.
pub fn pillar_bars(comparison: &Comparison, scope: &ScopeComparison, lang: Lang) -> Chart {
    let pillars: Vec<String> = comparison
        .pillars
        .iter()
        .map(|p| wrap_label(p.name.get(lang), 16))
        .collect();
    let names = [
        round_name(comparison.from, comparison.current, lang),
        round_name(comparison.to, comparison.current, lang),
    ];
    let values = [
        scope.pillars.iter().map(|c| c.from).collect::<Vec<_>>(),
        scope.pillars.iter().map(|c| c.to).collect::<Vec<_>>(),
    ];
    // No title inside the picture: the page's heading above it names the chart, and wraps
    // on a phone where a drawn title would be cut off.
    let mut chart = Chart::new()
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .color(ROUND_COLOURS.to_vec())
        .legend(Legend::new().bottom(0).data(names.to_vec()))
        .grid(
            Grid::new()
                .left(8)
                .right(36)
                .top(8)
                .bottom(36)
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Value).min(0).max(5).interval(1))
        // The first pillar at the top, as in the table.
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(pillars)
                .axis_label(AxisLabel::new().font_size(12)),
        );
    for (name, values) in names.iter().zip(values) {
        chart = chart.series(
            Bar::new()
                .name(name.as_str())
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .font_size(11),
                )
                .data(values),
        );
    }
    chart
}

/// A height that gives every pillar's pair of bars room.
pub fn height(comparison: &Comparison) -> u32 {
    let pillars = u32::try_from(comparison.pillars.len()).unwrap_or(12);
    100 + pillars * 56
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Text;
    use crate::results::PillarColumn;
    use crate::rounds::model::Change;

    fn comparison() -> Comparison {
        let pillar = |code: &str, es: &str, en: &str| PillarColumn {
            code: code.into(),
            name: Text {
                es: es.into(),
                en: en.into(),
            },
        };
        let change = |from, to, change| Change { from, to, change };
        let scope = |team: Option<&str>| ScopeComparison {
            team: team.map(str::to_owned),
            respondents: [3, 2],
            pillars: vec![
                change(Some(2.5), Some(3.0), Some(0.5)),
                change(None, Some(4.0), None),
            ],
            indicators: vec![],
        };
        Comparison {
            from: 1,
            to: 2,
            current: 2,
            pillars: vec![
                pillar("T", "Transparencia", "Transparency"),
                pillar("P", "Participación ciudadana", "Citizen participation"),
            ],
            indicators: vec![],
            workshop: scope(None),
            teams: vec![scope(Some("Azuay"))],
        }
    }

    fn json(chart: Chart) -> serde_json::Value {
        serde_json::to_value(chart).unwrap()
    }

    #[test]
    fn one_series_per_round_with_a_bar_per_pillar() {
        let c = comparison();
        let option = json(pillar_bars(&c, &c.workshop, Lang::En));
        assert!(option["title"].is_null(), "the page's heading names it");
        assert_eq!(
            option["yAxis"]["data"],
            serde_json::json!(["Transparency", "Citizen\nparticipation"])
        );
        let series = option["series"].as_array().unwrap();
        assert_eq!(series.len(), 2);
        assert_eq!(series[0]["name"], "Round 1");
        assert_eq!(series[1]["name"], "Round 2 (current)");
        assert_eq!(series[0]["data"], serde_json::json!([2.5, null]));
        assert_eq!(series[1]["data"], serde_json::json!([3.0, 4.0]));
        assert_eq!(
            option["legend"]["data"],
            serde_json::json!([{"name": "Round 1"}, {"name": "Round 2 (current)"}])
        );
        assert_eq!(option["aria"]["enabled"], true);
        assert_eq!(option["xAxis"]["max"], 5);
    }

    #[test]
    fn a_team_chart_shows_the_teams_values_in_the_readers_language() {
        let mut c = comparison();
        c.teams[0].pillars[0].to = Some(1.5);
        let option = json(pillar_bars(&c, &c.teams[0], Lang::Es));
        assert_eq!(option["series"][0]["name"], "Ronda 1");
        assert_eq!(option["series"][1]["name"], "Ronda 2 (actual)");
        assert_eq!(option["series"][1]["data"], serde_json::json!([1.5, 4.0]));
        assert_eq!(option["yAxis"]["data"][1], "Participación\nciudadana");
        assert_eq!(scope_name(&c.teams[0], Lang::Es), "Azuay");
        assert_eq!(scope_name(&c.workshop, Lang::En), "Whole workshop");
    }

    #[test]
    fn the_chart_grows_with_the_pillars() {
        let mut c = comparison();
        let two = height(&c);
        c.pillars.extend(c.pillars.clone());
        assert!(height(&c) > two);
    }
}
