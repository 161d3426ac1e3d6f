//! Chart builders: pure functions from results to a chart description.
//!
//! They run on the server (for tests) and in the browser, where ECharts draws them.

use charming::component::{Aria, Legend, LegendType, RadarAxisName, RadarCoordinate, Title};
use charming::element::{Tooltip, Trigger};
use charming::series::Radar;
use charming::Chart;

use super::WorkshopResults;
use crate::assessment::MaturityLevel;
use crate::i18n::{Key, Lang};

/// A radar of pillar averages (0–5), one shape per team.
pub fn pillar_radar(results: &WorkshopResults, lang: Lang) -> Chart {
    let axes: Vec<&str> = results.pillars.iter().map(|p| p.name.get(lang)).collect();
    let series: Vec<(String, Vec<Option<f64>>)> = results
        .teams
        .iter()
        .map(|t| (t.team.clone(), t.averages.clone()))
        .collect();
    radar(
        lang.t(Key::ResultsRadarTitle),
        lang.t(Key::ResultsTitle),
        &axes,
        &series,
    )
}

/// A radar on the 0–5 maturity scale: one axis per name in `axes`, one shape per named
/// series (values in axis order; `None` where there is no value).
pub fn radar(
    title: &str,
    series_name: &str,
    axes: &[&str],
    series: &[(String, Vec<Option<f64>>)],
) -> Chart {
    let max = f64::from(MaturityLevel::MAX.get());
    let names: Vec<String> = axes.iter().map(|n| wrap_label(n, 13)).collect();
    let indicator: Vec<(&str, f64, f64)> = names.iter().map(|n| (n.as_str(), 0.0, max)).collect();
    let data: Vec<(Vec<Option<f64>>, &str)> = series
        .iter()
        .map(|(name, values)| (values.clone(), name.as_str()))
        .collect();
    Chart::new()
        .title(Title::new().text(title).left("center"))
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .legend(
            // One scrollable line: eight team names would otherwise cover the radar on a phone.
            Legend::new()
                .type_(LegendType::Scroll)
                .bottom(0)
                .data(series.iter().map(|(name, _)| name.clone()).collect()),
        )
        .radar(
            RadarCoordinate::new()
                .indicator(indicator)
                // Room for the axis names beside the shape on a 360-px phone.
                .radius("45%")
                .center(vec!["50%", "50%"])
                .name_gap(6)
                .axis_name(RadarAxisName::new().font_size(11).line_height(14)),
        )
        .series(Radar::new().name(series_name).data(data))
}

/// Breaks a label into lines of about `width` characters at spaces, so that long axis names
/// stay on a phone's screen (ECharts draws `\n` as a line break).
pub fn wrap_label(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Text;
    use crate::ids::WorkshopId;
    use crate::results::{PillarColumn, TeamRow};
    use crate::workshop::{Phase, WorkshopSummary};

    fn results() -> WorkshopResults {
        let pillar = |code: &str, es: &str, en: &str| PillarColumn {
            code: code.into(),
            name: Text {
                es: es.into(),
                en: en.into(),
            },
        };
        WorkshopResults {
            workshop: WorkshopSummary {
                id: WorkshopId(1),
                title: "Demo".into(),
                phase: Phase::Review,
                anonymity_threshold: 3,
            },
            pillars: vec![
                pillar("T", "Transparencia", "Transparency"),
                pillar("P", "Participación", "Participation"),
            ],
            teams: vec![TeamRow {
                team: "Azuay".into(),
                respondents: 4,
                averages: vec![Some(3.5), None],
            }],
            hidden_teams: vec![],
        }
    }

    #[test]
    fn radar_has_one_axis_per_pillar_and_one_shape_per_team() {
        let option = serde_json::to_value(pillar_radar(&results(), Lang::En)).unwrap();
        let axes = &option["radar"][0]["indicator"];
        assert_eq!(axes[0]["name"], "Transparency");
        assert_eq!(axes[1]["name"], "Participation");
        assert_eq!(axes[1]["max"], 5.0);
        let data = &option["series"][0]["data"];
        assert_eq!(data[0]["name"], "Azuay");
        assert_eq!(data[0]["value"][0], 3.5);
        assert!(
            data[0]["value"][1].is_null(),
            "a missing average stays missing"
        );
        assert_eq!(option["aria"]["enabled"], true);
    }

    #[test]
    fn long_labels_wrap_at_spaces() {
        assert_eq!(
            wrap_label("Colaboración e innovación", 14),
            "Colaboración e\ninnovación"
        );
        assert_eq!(
            wrap_label("Citizen participation", 14),
            "Citizen\nparticipation"
        );
        assert_eq!(wrap_label("Transparencia", 14), "Transparencia");
        assert_eq!(wrap_label("", 14), "");
    }

    #[test]
    fn radar_speaks_the_readers_language() {
        let option = serde_json::to_value(pillar_radar(&results(), Lang::Es)).unwrap();
        assert_eq!(option["radar"][0]["indicator"][0]["name"], "Transparencia");
        assert_eq!(option["title"][0]["text"], "Promedio por pilar y equipo");
    }
}
