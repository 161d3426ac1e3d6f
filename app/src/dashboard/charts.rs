//! The dashboard's charts: pure builders from [`DashboardData`] to a chart description,
//! drawn in the browser by ECharts and tested here on their JSON.

use charming::component::{
    Aria, Axis, Grid, Legend, LegendType, RadarAxisName, RadarCoordinate, Title, VisualMap,
};
use charming::datatype::DataPoint;
use charming::element::{AxisLabel, AxisType, Label, TextStyle, Tooltip, Trigger};
use charming::series::{Bar, Heatmap, Radar};
use charming::Chart;

use super::model::{DashboardData, SharedResults};
use crate::i18n::{Key, Lang};
use crate::results::charts::{radar, wrap_label};

/// The charts the dashboard and the presentation mode show, in presentation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Pillar averages per team against the workshop's.
    Radar,
    /// Teams × indicators, coloured by consensus level.
    Heatmap,
    /// Answers per indicator, stacked by response.
    Distribution,
    /// Completion per team.
    Completion,
}

impl ChartKind {
    /// Every chart, in order.
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Radar,
        ChartKind::Heatmap,
        ChartKind::Distribution,
        ChartKind::Completion,
    ];

    /// The chart's name in the presentation address.
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Radar => "radar",
            ChartKind::Heatmap => "heatmap",
            ChartKind::Distribution => "distribution",
            ChartKind::Completion => "completion",
        }
    }

    /// The chart named `slug`.
    pub fn parse(slug: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// Its title.
    pub fn title(self) -> Key {
        match self {
            ChartKind::Radar => Key::DashRadarTitle,
            ChartKind::Heatmap => Key::DashHeatmapTitle,
            ChartKind::Distribution => Key::DashDistributionTitle,
            ChartKind::Completion => Key::DashCompletionTitle,
        }
    }

    fn position(self) -> usize {
        ChartKind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }

    /// The next chart, round the end.
    pub fn next(self) -> ChartKind {
        ChartKind::ALL[(self.position() + 1) % ChartKind::ALL.len()]
    }

    /// The previous chart, round the start.
    pub fn previous(self) -> ChartKind {
        let n = ChartKind::ALL.len();
        ChartKind::ALL[(self.position() + n - 1) % n]
    }

    /// The chart built from `data`.
    pub fn build(self, data: &DashboardData, lang: Lang, size: Size) -> Chart {
        match self {
            ChartKind::Radar => pillar_radar(data, lang, size),
            ChartKind::Heatmap => consensus_heatmap(data, lang, size),
            ChartKind::Distribution => distribution_bars(data, lang, size),
            ChartKind::Completion => completion_bars(data, lang, size),
        }
    }
}

/// Type sizes: the page's, or large for sharing a screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// Labels' font size in pixels.
    pub font: f64,
}

impl Size {
    /// On the dashboard page.
    pub const NORMAL: Size = Size { font: 12.0 };
    /// In presentation mode.
    pub const LARGE: Size = Size { font: 20.0 };

    fn title(self) -> Title {
        Title::new()
            .left("center")
            .text_style(TextStyle::new().font_size(self.font * 1.4))
    }

    fn label(self) -> AxisLabel {
        AxisLabel::new().font_size(self.font)
    }
}

/// The colours of levels 1–5, "not applicable" and "don't know": a sequential scale from
/// red to green that stays apart for the common colour-vision deficiencies, then greys.
pub const RESPONSE_COLOURS: [&str; 7] = [
    "#b2182b", "#ef8a62", "#f7dc6f", "#67a9cf", "#2166ac", "#9e9e9e", "#d4d4d4",
];

/// Pillar averages (0–5), one shape per team and one for the workshop average.
pub fn pillar_radar(data: &DashboardData, lang: Lang, size: Size) -> Chart {
    let max = 5.0;
    let names: Vec<String> = data
        .pillars
        .iter()
        .map(|p| wrap_label(p.name.get(lang), 13))
        .collect();
    let indicator: Vec<(&str, f64, f64)> = names.iter().map(|n| (n.as_str(), 0.0, max)).collect();
    let workshop = lang.t(Key::DashWorkshopAverage).to_owned();
    let mut series: Vec<(Vec<Option<f64>>, String)> = data
        .teams
        .iter()
        .filter(|t| t.averages.iter().any(Option::is_some))
        .map(|t| (t.averages.clone(), t.name.clone()))
        .collect();
    series.push((data.workshop_averages.clone(), workshop));
    let legend: Vec<String> = series.iter().map(|(_, n)| n.clone()).collect();
    let data_points: Vec<(Vec<Option<f64>>, &str)> = series
        .iter()
        .map(|(v, n)| (v.clone(), n.as_str()))
        .collect();
    Chart::new()
        .title(size.title().text(lang.t(Key::DashRadarTitle)))
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .legend(
            Legend::new()
                .type_(LegendType::Scroll)
                .bottom(0)
                .text_style(TextStyle::new().font_size(size.font))
                .data(legend),
        )
        .radar(
            RadarCoordinate::new()
                .indicator(indicator)
                .radius("55%")
                .center(vec!["50%", "52%"])
                .axis_name(
                    RadarAxisName::new()
                        .font_size(size.font)
                        .line_height(size.font * 1.25),
                ),
        )
        .series(
            Radar::new()
                .name(lang.t(Key::DashRadarTitle))
                .data(data_points),
        )
}

/// Teams (rows) × indicators (columns), coloured by the team's consensus level.
pub fn consensus_heatmap(data: &DashboardData, lang: Lang, size: Size) -> Chart {
    let codes: Vec<String> = data.indicators.iter().map(|i| i.code.clone()).collect();
    let teams: Vec<String> = data.teams.iter().map(|t| t.name.clone()).collect();
    let cells: Vec<Vec<DataPoint>> = data
        .teams
        .iter()
        .enumerate()
        .flat_map(|(y, team)| {
            team.consensus
                .iter()
                .enumerate()
                .filter_map(move |(x, level)| {
                    level.map(|l| {
                        vec![
                            DataPoint::from(x as i64),
                            DataPoint::from(y as i64),
                            DataPoint::from(l),
                        ]
                    })
                })
        })
        .collect();
    Chart::new()
        .title(size.title().text(lang.t(Key::DashHeatmapTitle)))
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .grid(
            Grid::new()
                .left(8)
                .right(8)
                .top(size.font * 3.0)
                .bottom(size.font * 5.0)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(codes)
                .axis_label(size.label().rotate(90)),
        )
        // The first team at the top, as in the table.
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(teams)
                .axis_label(size.label()),
        )
        .visual_map(
            VisualMap::new()
                .min(1)
                .max(5)
                .calculable(false)
                .orient(charming::element::Orient::Horizontal)
                .left("center")
                .bottom(0)
                .text_style(TextStyle::new().font_size(size.font))
                .in_range(
                    charming::component::VisualMapChannel::new()
                        .color(RESPONSE_COLOURS[..5].to_vec()),
                ),
        )
        .series(
            Heatmap::new()
                .name(lang.t(Key::DashHeatmapTitle))
                .label(
                    Label::new()
                        .show(data.indicators.len() <= 12)
                        .font_size(size.font),
                )
                .data(cells),
        )
}

/// Answers per indicator, stacked: levels 1–5, "not applicable", "don't know".
pub fn distribution_bars(data: &DashboardData, lang: Lang, size: Size) -> Chart {
    let codes: Vec<String> = data.indicators.iter().map(|i| i.code.clone()).collect();
    let names = response_names(lang);
    let mut chart = Chart::new()
        .title(size.title().text(lang.t(Key::DashDistributionTitle)))
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .color(RESPONSE_COLOURS.to_vec())
        .legend(
            Legend::new()
                .type_(LegendType::Scroll)
                .bottom(0)
                .text_style(TextStyle::new().font_size(size.font))
                .data(names.clone()),
        )
        .grid(
            Grid::new()
                .left(8)
                .right(8)
                .top(size.font * 3.0)
                .bottom(size.font * 4.0)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(codes)
                .axis_label(size.label().rotate(90)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min_interval(1)
                .axis_label(size.label()),
        );
    for (slot, name) in names.iter().enumerate() {
        let values: Vec<i64> = data
            .distribution
            .iter()
            .map(|d| {
                i64::from(match slot {
                    0..=4 => d.levels[slot],
                    5 => d.not_applicable,
                    _ => d.dont_know,
                })
            })
            .collect();
        chart = chart.series(Bar::new().name(name.as_str()).stack("answers").data(values));
    }
    chart
}

/// The names of the responses, in [`RESPONSE_COLOURS`] order.
pub fn response_names(lang: Lang) -> Vec<String> {
    let level = lang.t(Key::DashLevel);
    (1..=5)
        .map(|l| format!("{level} {l}"))
        .chain([
            lang.t(Key::DashNotApplicable).to_owned(),
            lang.t(Key::DashDontKnow).to_owned(),
        ])
        .collect()
}

/// Completion per team (0–100 %), as horizontal bars.
pub fn completion_bars(data: &DashboardData, lang: Lang, size: Size) -> Chart {
    let teams: Vec<String> = data.teams.iter().map(|t| t.name.clone()).collect();
    let values: Vec<f64> = data.teams.iter().map(|t| t.completion).collect();
    Chart::new()
        .title(size.title().text(lang.t(Key::DashCompletionTitle)))
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(
            Grid::new()
                .left(8)
                .right(size.font * 3.0)
                .top(size.font * 3.0)
                .bottom(8)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(0)
                .max(100)
                .axis_label(size.label()),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(teams)
                .axis_label(size.label()),
        )
        .series(
            Bar::new()
                .name(lang.t(Key::DashCompletion))
                .label(Label::new().show(true).font_size(size.font))
                .data(values),
        )
}

/// The participant's team against the workshop average (and the other teams shown).
pub fn shared_radar(shared: &SharedResults, lang: Lang) -> Chart {
    let axes: Vec<&str> = shared.pillars.iter().map(|p| p.name.get(lang)).collect();
    let mut series = vec![(shared.my_team.clone(), shared.mine.clone())];
    if let Some(workshop) = &shared.workshop {
        series.push((
            lang.t(Key::DashWorkshopAverage).to_owned(),
            workshop.clone(),
        ));
    }
    series.extend(
        shared
            .others
            .iter()
            .map(|t| (t.name.clone(), t.averages.clone())),
    );
    radar(
        lang.t(Key::ShareRadarTitle),
        lang.t(Key::ShareTitle),
        &axes,
        &series,
    )
}

#[cfg(test)]
mod tests;
