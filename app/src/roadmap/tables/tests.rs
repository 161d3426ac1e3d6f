use time::macros::date;

use super::*;
use crate::ids::ActionId;
use crate::roadmap::charts::tests::item;

#[test]
fn the_gantt_table_follows_the_charts_rows() {
    let mut first = item(
        1,
        "IT",
        "Portal",
        date!(2027 - 01 - 15),
        date!(2027 - 03 - 14),
    );
    first.owner = " IT ".into();
    let mut second = item(
        2,
        "IT",
        "Datos",
        date!(2027 - 03 - 15),
        date!(2027 - 07 - 14),
    );
    second.depends_on = vec![ActionId(101), ActionId(999)];
    let mut third = item(
        3,
        "Alcaldía",
        "Ordenanza",
        date!(2027 - 08 - 15),
        date!(2028 - 08 - 14),
    );
    third.depends_on = vec![ActionId(102), ActionId(101)];
    let table = gantt_table(Lang::En, &[second, third, first]);
    assert_eq!(
        table.headers,
        vec![
            "Responsible unit",
            "Action",
            "Start",
            "End",
            "Horizon",
            "Depends on"
        ]
    );
    assert_eq!(table.caption, "Timeline by responsible unit");
    assert_eq!(
        table.rows,
        vec![
            vec![
                "Alcaldía",
                "Ordenanza",
                "2027-08-15",
                "2028-08-14",
                "Next (6–18 months)",
                "Datos, Portal"
            ],
            vec![
                "IT",
                "Portal",
                "2027-01-15",
                "2027-03-14",
                "Now (0–6 months)",
                "—"
            ],
            vec![
                "IT",
                "Datos",
                "2027-03-15",
                "2027-07-14",
                "Now (0–6 months)",
                "Portal"
            ],
        ]
    );
}

#[test]
fn the_target_table_shows_the_change() {
    let pillars = vec![
        PillarTarget {
            code: "T".into(),
            name: "Transparencia".into(),
            current: Some(2.25),
            target: Some(3.0),
        },
        PillarTarget {
            code: "P".into(),
            name: "Participación".into(),
            current: Some(3.0),
            target: Some(3.0),
        },
        PillarTarget {
            code: "C".into(),
            name: "Colaboración".into(),
            current: None,
            target: Some(2.0),
        },
    ];
    let table = target_table(Lang::Es, &pillars);
    assert_eq!(
        table.headers,
        vec!["Pilar", "Nivel actual", "Meta", "Cambio esperado"]
    );
    assert_eq!(
        table.rows,
        vec![
            vec!["Transparencia", "2.2", "3.0", "+0.8"],
            vec!["Participación", "3.0", "3.0", "+0.0"],
            vec!["Colaboración", "sin datos", "2.0", "—"],
        ]
    );
}

#[test]
fn the_horizons_table_adds_up_teams() {
    let teams = vec![
        ("Azuay".to_owned(), [2, 1, 0]),
        ("Loja".to_owned(), [0, 3, 4]),
    ];
    let table = horizons_table(Lang::En, &teams);
    assert_eq!(
        table.headers,
        vec![
            "Team",
            "Now (0–6 months)",
            "Next (6–18 months)",
            "Later (18–36 months)",
            "Total"
        ]
    );
    assert_eq!(
        table.rows,
        vec![
            vec!["Azuay", "2", "1", "0", "3"],
            vec!["Loja", "0", "3", "4", "7"],
            vec!["Total", "2", "4", "4", "10"],
        ]
    );
    // One team needs no total row.
    assert_eq!(horizons_table(Lang::En, &teams[..1]).rows.len(), 1);
}

#[test]
fn team_horizons_count_each_teams_items() {
    let items = vec![
        item(1, "A", "x", date!(2027 - 01 - 15), date!(2027 - 03 - 14)),
        item(2, "A", "y", date!(2029 - 01 - 15), date!(2029 - 03 - 14)),
    ];
    assert_eq!(
        team_horizons(&[("Azuay".into(), items)]),
        vec![("Azuay".to_owned(), [1, 0, 1])]
    );
}

#[test]
fn numbers_are_told_from_words() {
    assert!(is_number("3"));
    assert!(is_number("+0.8"));
    assert!(is_number("-1.5"));
    assert!(!is_number("—"));
    assert!(!is_number("2027-01-15"));
    assert!(!is_number("sin datos"));
    assert!(!is_number("+"));
}
