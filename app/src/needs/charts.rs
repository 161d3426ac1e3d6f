//! The needs chart: a pure builder, drawn in the browser by ECharts and tested on its JSON.

use charming::component::{Aria, Axis, Grid, Title};
use charming::element::{AxisLabel, AxisType, Label, TextStyle, Tooltip, Trigger};
use charming::series::Bar;
use charming::Chart;

use super::model::NeedsSummary;
use crate::i18n::{Key, Lang};

/// One bar per kind of need: how many teams need it, on an axis that ends at the number of
/// teams in the workshop, so "12 of 23" reads off the bar.
pub fn needs_bars(summary: &NeedsSummary, lang: Lang) -> Chart {
    let kinds: Vec<String> = summary
        .kinds
        .iter()
        .map(|k| lang.t(k.kind.name_key()).to_owned())
        .collect();
    let values: Vec<i64> = summary.kinds.iter().map(|k| i64::from(k.teams)).collect();
    let max = i64::from(summary.teams_total.max(1));
    Chart::new()
        .title(
            Title::new()
                .left("center")
                .text(lang.t(Key::NeedChartTitle))
                .text_style(TextStyle::new().font_size(16.8)),
        )
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(
            Grid::new()
                .left(8)
                .right(36)
                .top(44)
                .bottom(8)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .max(max)
                .min_interval(1)
                .axis_label(AxisLabel::new().font_size(12)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(kinds)
                .axis_label(AxisLabel::new().font_size(12)),
        )
        .series(
            Bar::new()
                .name(lang.t(Key::NeedChartSeries))
                .label(Label::new().show(true).font_size(12))
                .data(values),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::TeamId;
    use crate::needs::model::NeedKind;
    use crate::needs::rules::{aggregate, NeedRecord};

    /// A chart part ECharts accepts either alone or in a list: the first of it.
    fn first(value: &serde_json::Value) -> &serde_json::Value {
        value.as_array().and_then(|a| a.first()).unwrap_or(value)
    }

    #[test]
    fn one_bar_per_kind_up_to_the_number_of_teams() {
        let teams: Vec<(TeamId, String)> = (1..=23)
            .map(|i| (TeamId(i), format!("Prefectura {i}")))
            .collect();
        let needs: Vec<NeedRecord> = (1..=12)
            .map(|i| NeedRecord {
                team: TeamId(i),
                kind: NeedKind::StaffSkills,
                description: "Capacitación en datos abiertos".into(),
            })
            .collect();
        let summary = aggregate(&teams, &needs);
        let json = serde_json::to_value(needs_bars(&summary, Lang::Es)).unwrap();
        assert_eq!(first(&json["xAxis"])["max"], 23);
        let categories = first(&json["yAxis"])["data"].as_array().unwrap();
        assert_eq!(categories.len(), NeedKind::ALL.len());
        assert_eq!(categories[2], Lang::Es.t(Key::NeedKindStaffSkills));
        let data = json["series"][0]["data"].as_array().unwrap();
        assert_eq!(data[2], 12);
        assert_eq!(data[0], 0);
        assert_eq!(
            first(&json["title"])["text"],
            Lang::Es.t(Key::NeedChartTitle)
        );
    }

    #[test]
    fn a_workshop_without_teams_still_has_an_axis() {
        let json = serde_json::to_value(needs_bars(&aggregate(&[], &[]), Lang::En)).unwrap();
        assert_eq!(first(&json["xAxis"])["max"], 1);
    }
}
