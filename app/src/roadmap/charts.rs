//! The roadmap's charts: pure builders from roadmap data to a chart description, drawn in the
//! browser by ECharts and tested here on their JSON. Each has a table with the same data in
//! [`super::tables`].
//!
//! # The Gantt chart's data
//!
//! One row per item (the y axis' categories, "unit · title", sorted by unit, then start date,
//! then title, then id: see [`gantt_order`]). Two stacked bar series share those rows:
//! `series[0]` is an invisible offset, the months from the roadmap's start to the item's first
//! day; `series[1]` is the visible bar, the item's duration in months up to the end of its
//! last day. Months are days ÷ 30.4375 (see [`month_position`]), rounded to 1/1024 of a month
//! so that offset + duration adds up exactly in floating point: an item starts after another
//! ends exactly when its offset is at least the other's offset + duration. An item that starts
//! before the roadmap is drawn from month 0.

use charming::component::{Aria, Axis, Grid, Legend, LegendType, Title};
use charming::datatype::DataPointItem;
use charming::element::{
    AxisLabel, AxisType, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkLine,
    MarkLineData, MarkLineVariant, NameLocation, Symbol, Tooltip, Trigger,
};
use charming::series::Bar;
use charming::Chart;
use time::Date;

use super::model::{Horizon, ItemView, PillarTarget};
use super::rules::parse_date;
use super::schedule::add_months;
use crate::i18n::{Key, Lang};
use crate::results::aggregate::round1;
use crate::results::charts::radar;

/// The colours of the horizons now, next and later (Dark2: apart for the common colour-vision
/// deficiencies, and dark enough for white text).
pub const HORIZON_COLOURS: [&str; 3] = ["#1b9e77", "#d95f02", "#7570b3"];

/// Days in an average month (365.25 ÷ 12).
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// Fractions of a month the chart's values are rounded to: a power of two, so sums are exact.
const STEPS_PER_MONTH: f64 = 1024.0;

/// A row label longer than this is cut with "…" (the table and tooltip have it whole).
const LABEL_CHARS: usize = 24;

/// The colour of a horizon.
pub fn horizon_colour(horizon: Horizon) -> &'static str {
    HORIZON_COLOURS[Horizon::ALL.iter().position(|h| *h == horizon).unwrap_or(0)]
}

/// The short name of a horizon (now, next, later).
pub fn horizon_short(horizon: Horizon) -> Key {
    match horizon {
        Horizon::Now => Key::RmcHorizonNowShort,
        Horizon::Next => Key::RmcHorizonNextShort,
        Horizon::Later => Key::RmcHorizonLaterShort,
    }
}

/// Where the beginning of `day` lies on the Gantt chart's axis: months since the beginning of
/// `roadmap_start` (days ÷ [`DAYS_PER_MONTH`]), rounded to 1/1024 of a month. Distinct days
/// give distinct values (a day is about 34/1024 of a month).
pub fn month_position(roadmap_start: Date, day: Date) -> f64 {
    let days = (day - roadmap_start).whole_days() as f64;
    (days / DAYS_PER_MONTH * STEPS_PER_MONTH).round() / STEPS_PER_MONTH
}

/// The Gantt chart's rows in order: by responsible unit (ignoring case and surrounding
/// spaces), then start date, then title, then id.
pub fn gantt_order(items: &[ItemView]) -> Vec<&ItemView> {
    let mut rows: Vec<&ItemView> = items.iter().collect();
    rows.sort_by_cached_key(|i| {
        (
            i.owner.trim().to_lowercase(),
            i.starts_on.clone(),
            i.title.clone(),
            i.id,
        )
    });
    rows
}

/// One bar of the Gantt chart.
#[derive(Debug, Clone, PartialEq)]
pub struct GanttBar {
    /// The row's label, "unit · title" (cut when long, unique).
    pub label: String,
    /// Months from the roadmap's start to the first day (0 when it starts before).
    pub offset: f64,
    /// Months from the first day to the end of the last.
    pub duration: f64,
    /// The item's horizon.
    pub horizon: Horizon,
    /// What the tooltip says: title, unit, dates, horizon.
    pub tooltip: String,
}

/// The bars of the Gantt chart, in [`gantt_order`]. An item whose dates cannot be read is left
/// out (the table still lists it).
pub fn gantt_bars(lang: Lang, roadmap_start: Date, items: &[ItemView]) -> Vec<GanttBar> {
    let mut seen: std::collections::BTreeMap<String, usize> = Default::default();
    gantt_order(items)
        .into_iter()
        .filter_map(|item| {
            let first = parse_date(&item.starts_on, "starts_on").ok()?;
            let last = parse_date(&item.ends_on, "ends_on").ok()?;
            let after_last = last.next_day().unwrap_or(last);
            let offset = month_position(roadmap_start, first).max(0.0);
            let end = month_position(roadmap_start, after_last).max(offset);
            let full = format!("{} · {}", item.owner.trim(), item.title.trim());
            let mut label = cut(&full, LABEL_CHARS);
            let count = seen.entry(label.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                label = format!("{label} ({count})");
            }
            Some(GanttBar {
                label,
                offset,
                duration: end - offset,
                horizon: item.horizon,
                tooltip: format!(
                    "{} — {} · {} → {} · {}",
                    item.title.trim(),
                    item.owner.trim(),
                    item.starts_on,
                    item.ends_on,
                    lang.t(horizon_short(item.horizon)),
                ),
            })
        })
        .collect()
}

fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        let kept: String = text.chars().take(chars - 1).collect();
        format!("{}…", kept.trim_end())
    }
}

/// A height in pixels that gives each of `rows` Gantt rows room for its label.
pub fn gantt_height(rows: usize) -> u32 {
    let rows = u32::try_from(rows).unwrap_or(u32::MAX / 32);
    (120 + 30 * rows).max(220)
}

/// The Gantt chart of a team's roadmap, grouped by responsible unit (see the module
/// documentation for its data).
pub fn gantt(lang: Lang, roadmap_start: Date, items: &[ItemView]) -> Chart {
    let bars = gantt_bars(lang, roadmap_start, items);
    let next = month_position(roadmap_start, add_months(roadmap_start, 6));
    let later = month_position(roadmap_start, add_months(roadmap_start, 18));
    let end = bars
        .iter()
        .map(|b| b.offset + b.duration)
        .fold(36.0_f64, f64::max)
        .ceil();
    let offsets: Vec<DataPointItem> = bars
        .iter()
        .map(|b| DataPointItem::new(b.offset).name(b.tooltip.clone()))
        .collect();
    let durations: Vec<DataPointItem> = bars
        .iter()
        .map(|b| {
            DataPointItem::new(b.duration)
                .name(b.tooltip.clone())
                .item_style(ItemStyle::new().color(horizon_colour(b.horizon)))
        })
        .collect();
    let boundary = |at: f64, horizon: Horizon| {
        MarkLineVariant::Simple(
            MarkLineData::new()
                .x_axis(at)
                .name(lang.t(horizon_short(horizon))),
        )
    };
    Chart::new()
        .title(Title::new().text(lang.t(Key::RmcGanttTitle)).left("center"))
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{b}"))
        // Room at the top for the horizon boundaries' labels.
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(56)
                .bottom(40)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(lang.t(Key::RmcGanttAxis))
                .name_location(NameLocation::Middle)
                .name_gap(24)
                .min(0)
                .max(end)
                .interval(6),
        )
        // The first row at the top, as in the table.
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .axis_label(AxisLabel::new().font_size(11))
                .data(bars.iter().map(|b| b.label.clone()).collect()),
        )
        .series(
            Bar::new()
                .name(lang.t(Key::RmcGanttOffset))
                .stack("gantt")
                .item_style(ItemStyle::new().color("transparent"))
                .data(offsets),
        )
        .series(
            Bar::new()
                .name(lang.t(Key::RmcGanttDuration))
                .stack("gantt")
                .bar_width("60%")
                .mark_line(
                    MarkLine::new()
                        .silent(true)
                        .symbol(vec![Symbol::None, Symbol::None])
                        .line_style(
                            LineStyle::new()
                                .color("#555555")
                                .type_(LineStyleType::Dashed),
                        )
                        .label(
                            Label::new()
                                .formatter("{b}")
                                .font_size(10)
                                .position(LabelPosition::Start),
                        )
                        .data(vec![
                            boundary(next, Horizon::Next),
                            boundary(later, Horizon::Later),
                        ]),
                )
                .data(durations),
        )
}

/// The current level against the target per pillar (0–5), one shape each.
pub fn target_radar(lang: Lang, pillars: &[PillarTarget]) -> Chart {
    let axes: Vec<&str> = pillars.iter().map(|p| p.name.as_str()).collect();
    let values = |pick: fn(&PillarTarget) -> Option<f64>| -> Vec<Option<f64>> {
        pillars.iter().map(|p| pick(p).map(round1)).collect()
    };
    let series = vec![
        (lang.t(Key::RmcCurrent).to_owned(), values(|p| p.current)),
        (lang.t(Key::RmcTarget).to_owned(), values(|p| p.target)),
    ];
    radar(
        lang.t(Key::RmcRadarTitle),
        lang.t(Key::RmcRadarTitle),
        &axes,
        &series,
    )
}

/// How many items of each team start now, next and later: one stacked horizontal bar per team,
/// for the whole workshop. `teams` are (name, counts in [`Horizon::ALL`] order).
pub fn workshop_horizons(lang: Lang, teams: &[(String, [usize; 3])]) -> Chart {
    let names: Vec<String> = Horizon::ALL
        .iter()
        .map(|h| lang.t(h.name_key()).to_owned())
        .collect();
    let mut chart = Chart::new()
        .title(
            Title::new()
                .text(lang.t(Key::RmcHorizonsTitle))
                .left("center"),
        )
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .color(HORIZON_COLOURS.to_vec())
        .legend(
            Legend::new()
                .type_(LegendType::Scroll)
                .bottom(0)
                .data(names.clone()),
        )
        .grid(
            Grid::new()
                .left(8)
                .right(16)
                .top(40)
                .bottom(40)
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Value).min(0).min_interval(1))
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(teams.iter().map(|(name, _)| name.clone()).collect()),
        );
    for (slot, name) in names.iter().enumerate() {
        let counts: Vec<i64> = teams
            .iter()
            .map(|(_, c)| i64::try_from(c[slot]).unwrap_or(i64::MAX))
            .collect();
        chart = chart.series(
            Bar::new()
                .name(name.as_str())
                .stack("horizons")
                .data(counts),
        );
    }
    chart
}

/// Counts a team's items per horizon, in [`Horizon::ALL`] order.
pub fn horizon_counts(items: &[ItemView]) -> [usize; 3] {
    let mut counts = [0; 3];
    for item in items {
        if let Some(slot) = Horizon::ALL.iter().position(|h| *h == item.horizon) {
            counts[slot] += 1;
        }
    }
    counts
}

#[cfg(test)]
pub(crate) mod tests;
