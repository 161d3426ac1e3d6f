//! Chart builders: pure functions from results to a chart description.
//!
//! They run on the server (for tests) and in the browser, where ECharts draws them.

use charming::component::{Aria, Legend, RadarAxisName, RadarCoordinate, Title};
use charming::element::{Tooltip, Trigger};
use charming::series::Radar;
use charming::Chart;

use super::WorkshopResults;
use crate::assessment::MaturityLevel;
use crate::i18n::{Key, Lang};

/// A radar of pillar averages (0–5), one shape per team.
pub fn pillar_radar(results: &WorkshopResults, lang: Lang) -> Chart {
    let max = f64::from(MaturityLevel::MAX.get());
    let axes: Vec<(&str, f64, f64)> = results
        .pillars
        .iter()
        .map(|p| (p.name.get(lang), 0.0, max))
        .collect();
    let data: Vec<(Vec<Option<f64>>, &str)> = results
        .teams
        .iter()
        .map(|t| (t.averages.clone(), t.team.as_str()))
        .collect();
    Chart::new()
        .title(
            Title::new()
                .text(lang.t(Key::ResultsRadarTitle))
                .left("center"),
        )
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .legend(
            Legend::new()
                .bottom(0)
                .data(results.teams.iter().map(|t| t.team.clone()).collect()),
        )
        .radar(
            RadarCoordinate::new()
                .indicator(axes)
                .radius("58%")
                .center(vec!["50%", "50%"])
                // Long pillar names wrap instead of running off a phone's screen.
                .axis_name(RadarAxisName::new().width(90).overflow("break")),
        )
        .series(Radar::new().name(lang.t(Key::ResultsTitle)).data(data))
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
    fn radar_speaks_the_readers_language() {
        let option = serde_json::to_value(pillar_radar(&results(), Lang::Es)).unwrap();
        assert_eq!(option["radar"][0]["indicator"][0]["name"], "Transparencia");
        assert_eq!(option["title"][0]["text"], "Promedio por pilar y equipo");
    }
}
