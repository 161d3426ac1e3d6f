//! The impact/effort matrix: a pure builder from a team's ranked actions to a charming
//! scatter, tested here on its JSON and drawn in the browser by ECharts.

use charming::component::{Aria, Axis, Grid, Title};
use charming::datatype::DataPointItem;
use charming::element::{
    AxisType, Label, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData,
    MarkLineVariant, NameLocation, Symbol, TextStyle, Tooltip, Trigger,
};
use charming::series::Scatter;
use charming::Chart;

use super::model::RankedAction;
use super::rules::Quadrant;
use crate::i18n::{Key, Lang};

/// How far apart actions with the same impact and effort are drawn, in rating units.
pub const JITTER_RADIUS: f64 = 0.18;

/// Where each point is drawn: actions with the same (effort, impact) are spread on a small
/// circle around it, in the order given, so none hides another; a lone action stays on its
/// spot. The same input always gives the same positions.
pub fn jitter(points: &[(u8, u8)]) -> Vec<(f64, f64)> {
    points
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| {
            let same: Vec<usize> = points
                .iter()
                .enumerate()
                .filter(|(_, p)| **p == (x, y))
                .map(|(j, _)| j)
                .collect();
            let (x, y) = (f64::from(x), f64::from(y));
            if same.len() < 2 {
                return (x, y);
            }
            let k = same.iter().position(|j| *j == i).unwrap_or(0) as f64;
            let angle = std::f64::consts::TAU * k / same.len() as f64;
            let round = |v: f64| (v * 1000.0).round() / 1000.0;
            (
                round(x + JITTER_RADIUS * angle.cos()),
                round(y + JITTER_RADIUS * angle.sin()),
            )
        })
        .collect()
}

/// A bubble's diameter in pixels for its dots: larger with more dots, by area.
pub fn bubble_size(dots: u32) -> f64 {
    (12.0 + 9.0 * f64::from(dots).sqrt()).min(60.0)
}

/// The name of a quadrant.
pub fn quadrant_key(quadrant: Quadrant) -> Key {
    match quadrant {
        Quadrant::QuickWin => Key::ActQuickWins,
        Quadrant::BigBet => Key::ActBigBets,
        Quadrant::FillIn => Key::ActFillIns,
        Quadrant::TimeSink => Key::ActTimeSinks,
    }
}

/// The 2×2 matrix: effort across, impact up, one bubble per action sized by its dots, the
/// quadrant lines at 2.5 and the quadrants' names in their corners.
pub fn matrix(actions: &[RankedAction], lang: Lang) -> Chart {
    let spots: Vec<(u8, u8)> = actions
        .iter()
        .map(|a| (a.effort.get(), a.impact.get()))
        .collect();
    let places = jitter(&spots);
    let dashed = LineStyle::new()
        .type_(LineStyleType::Dashed)
        .color("#6b7280")
        .width(1);
    // The quadrants' names, as a series of labels without symbols.
    let corners = [
        (Quadrant::QuickWin, 1.5, 5.35),
        (Quadrant::BigBet, 4.5, 5.35),
        (Quadrant::FillIn, 1.5, 0.65),
        (Quadrant::TimeSink, 4.5, 0.65),
    ];
    let names = Scatter::new()
        .name(lang.t(Key::ActQuadrants))
        .symbol_size(1)
        .symbol(Symbol::None)
        .label(
            Label::new()
                .show(true)
                .position(LabelPosition::Inside)
                .formatter("{b}")
                .color("#4b5563")
                .font_size(12),
        )
        .mark_line(
            MarkLine::new()
                .silent(true)
                .symbol(vec![Symbol::None, Symbol::None])
                .line_style(dashed)
                .label(Label::new().show(false))
                .data(vec![
                    MarkLineVariant::Simple(MarkLineData::new().x_axis(2.5)),
                    MarkLineVariant::Simple(MarkLineData::new().y_axis(2.5)),
                ]),
        )
        .data(
            corners
                .iter()
                .map(|(q, x, y)| DataPointItem::new(vec![*x, *y]).name(lang.t(quadrant_key(*q))))
                .collect::<Vec<_>>(),
        );
    let mut chart = Chart::new()
        .title(
            Title::new()
                .text(lang.t(Key::ActMatrixTitle))
                .left("center")
                .text_style(TextStyle::new().font_size(16)),
        )
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .grid(Grid::new().left(48).right(16).top(40).bottom(48))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(lang.t(Key::ActEffort))
                .name_location(NameLocation::Middle)
                .name_gap(28)
                .min(0.5)
                .max(5.5)
                .interval(1),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(lang.t(Key::ActImpact))
                .name_location(NameLocation::Middle)
                .name_gap(30)
                .min(0.5)
                .max(5.5)
                .interval(1),
        )
        .series(names);
    for (action, (x, y)) in actions.iter().zip(places) {
        chart = chart.series(
            Scatter::new()
                .name(format!(
                    "{} ({} {})",
                    action.title,
                    action.dots,
                    lang.t(Key::ActDotsWord)
                ))
                .symbol_size(bubble_size(action.dots))
                .data(vec![
                    DataPointItem::new(vec![x, y]).name(action.title.clone())
                ]),
        );
    }
    chart
}

#[cfg(test)]
mod tests;
