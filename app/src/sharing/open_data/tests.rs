use super::*;
use crate::dashboard::{Distribution, IndicatorColumn};
use crate::framework::Text;
use crate::ids::WorkshopId;
use crate::results::PillarColumn;
use crate::roadmap::{Horizon, Status};
use crate::sharing::model::{PublicItem, PublicMilestone, PublicRoadmap, PublicTeam};
use crate::workshop::{Phase, WorkshopSummary};

fn text(es: &str, en: &str) -> Text {
    Text {
        es: es.into(),
        en: en.into(),
    }
}

fn hidden(name: &str) -> PublicTeam {
    PublicTeam {
        name: name.into(),
        shown: false,
        respondents: None,
        averages: Vec::new(),
        consensus: Vec::new(),
        roadmap: None,
    }
}

fn data() -> PublicAggregates {
    PublicAggregates {
        workshop: WorkshopSummary {
            id: WorkshopId(7),
            title: "Taller".into(),
            phase: Phase::Roadmap,
            anonymity_threshold: 3,
        },
        pillars: vec![PillarColumn {
            code: "T".into(),
            name: text("Transparencia", "Transparency"),
        }],
        indicators: vec![IndicatorColumn {
            code: "T1".into(),
            name: text("Cumplimiento", "Compliance"),
            pillar: 0,
        }],
        workshop_averages: vec![Some(2.5)],
        distribution: vec![Distribution {
            levels: [1, 0, 2, 0, 0],
            not_applicable: 1,
            dont_know: 0,
        }],
        strengths: Vec::new(),
        weaknesses: Vec::new(),
        teams: vec![
            PublicTeam {
                name: "Azuay".into(),
                shown: true,
                respondents: Some(4),
                averages: vec![Some(2.5)],
                consensus: vec![None],
                roadmap: Some(PublicRoadmap {
                    starts_on: Some("2027-01-04".into()),
                    items: vec![PublicItem {
                        title: "Publicar, con \"comillas\"".into(),
                        owner: "Comunicación".into(),
                        starts_on: "2027-01-04".into(),
                        ends_on: "2027-03-31".into(),
                        horizon: Horizon::Now,
                        status: Status::NotStarted,
                        progress: 0,
                        indicators: vec!["T1".into(), "T2".into()],
                        milestones: vec![PublicMilestone {
                            title: "Borrador".into(),
                            due_on: "2027-02-01".into(),
                        }],
                    }],
                    pillars: Vec::new(),
                }),
            },
            hidden("Napo"),
        ],
    }
}

#[test]
fn hidden_teams_have_no_rows_with_numbers() {
    let data = data();
    for table in [
        OpenTable::Pillars,
        OpenTable::Consensus,
        OpenTable::Roadmap,
        OpenTable::Milestones,
    ] {
        let rows = rows(&data, table, Lang::En);
        assert!(
            rows.iter().flatten().all(|cell| cell != "Napo"),
            "{table:?}"
        );
    }
    let teams = rows(&data, OpenTable::Teams, Lang::En);
    assert_eq!(teams[2], vec!["Napo", "false", ""]);
}

#[test]
fn tables_have_one_header_and_stable_values() {
    let data = data();
    let pillars = rows(&data, OpenTable::Pillars, Lang::Es);
    assert_eq!(
        pillars,
        vec![
            vec!["scope", "team", "pillar_code", "pillar", "average"],
            vec!["team", "Azuay", "T", "Transparencia", "2.5"],
            vec!["workshop", "", "T", "Transparencia", "2.5"],
        ]
    );
    let consensus = rows(&data, OpenTable::Consensus, Lang::En);
    assert_eq!(consensus[1], vec!["Azuay", "T", "T1", "Compliance", ""]);
    let distribution = rows(&data, OpenTable::Distribution, Lang::En);
    assert_eq!(
        distribution[1],
        vec!["T1", "Compliance", "1", "0", "2", "0", "0", "1", "0", "4"]
    );
    let roadmap = rows(&data, OpenTable::Roadmap, Lang::En);
    assert_eq!(roadmap[1][5..], ["now", "not_started", "0", "T1 T2"]);
}

#[test]
fn csv_files_start_with_a_bom_and_quote_what_needs_it() {
    let bytes = csv_bytes(&rows(&data(), OpenTable::Roadmap, Lang::En)).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFteam,item,"));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\"Publicar, con \"\"comillas\"\"\""));
    assert!(text.contains("\r\n"));
}

#[test]
fn every_table_is_listed_and_parsed_back() {
    for table in OpenTable::ALL {
        assert_eq!(OpenTable::parse(table.slug()), Some(table));
    }
    assert_eq!(OpenTable::parse("answers"), None);
    let links = links(WorkshopId(7));
    assert_eq!(links[0].1, "/open/workshops/7/data.json");
    assert_eq!(links.len(), 1 + OpenTable::ALL.len());
}
