use super::*;

fn teams(names: &[&str]) -> Vec<(TeamId, String)> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| (TeamId(i64::try_from(i).unwrap() + 1), (*n).to_owned()))
        .collect()
}

fn need(team: i64, kind: NeedKind, description: &str) -> NeedRecord {
    NeedRecord {
        team: TeamId(team),
        kind,
        description: description.into(),
    }
}

fn field_keys(err: AppError) -> Vec<(String, Vec<Key>)> {
    match err {
        AppError::Validation { fields } => fields.into_iter().collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_need_reads_trimmed() {
    let input = parse_need(" data ", "  Capacitación en datos abiertos  ").unwrap();
    assert_eq!(input.kind, NeedKind::Data);
    assert_eq!(input.description, "Capacitación en datos abiertos");
}

#[test]
fn every_kind_reads_back_from_its_code() {
    for kind in NeedKind::ALL {
        assert_eq!(NeedKind::parse(kind.as_str()), Some(kind));
    }
    assert_eq!(NeedKind::parse("money"), None);
    assert_eq!(NeedKind::parse(""), None);
}

#[test]
fn every_mistake_is_reported_at_once() {
    let fields = field_keys(parse_need("money", "   ").unwrap_err());
    assert_eq!(
        fields,
        vec![
            ("description".to_owned(), vec![Key::NeedErrDescriptionEmpty]),
            ("kind".to_owned(), vec![Key::NeedErrKind]),
        ]
    );
}

#[test]
fn descriptions_are_counted_in_characters() {
    // 1,000 two-byte characters fit; one more does not.
    let fits = "ñ".repeat(MAX_DESCRIPTION);
    assert!(parse_need("budget", &fits).is_ok());
    let over = "ñ".repeat(MAX_DESCRIPTION + 1);
    assert_eq!(
        field_keys(parse_need("budget", &over).unwrap_err()),
        vec![(
            "description".to_owned(),
            vec![Key::NeedErrDescriptionTooLong]
        )]
    );
}

#[test]
fn a_nul_character_is_refused() {
    assert_eq!(
        field_keys(parse_need("data", "a\0b").unwrap_err()),
        vec![(
            "description".to_owned(),
            vec![Key::NeedErrDescriptionInvalid]
        )]
    );
    assert!(parse_need("data", "línea 1\nlínea 2").is_ok());
}

#[test]
fn unblocked_actions_must_be_the_teams() {
    let mine: BTreeSet<ActionId> = [ActionId(3), ActionId(5)].into_iter().collect();
    assert_eq!(
        check_unblocks(&[ActionId(5), ActionId(3), ActionId(5)], &mine).unwrap(),
        vec![ActionId(3), ActionId(5)]
    );
    assert_eq!(check_unblocks(&[], &mine).unwrap(), Vec::<ActionId>::new());
    assert_eq!(
        field_keys(check_unblocks(&[ActionId(3), ActionId(9)], &mine).unwrap_err()),
        vec![("unblocks".to_owned(), vec![Key::NeedErrOtherAction])]
    );
}

#[test]
fn teams_are_counted_once_per_kind_out_of_every_team() {
    let teams = teams(&["Azuay", "Loja", "Napo", "Guayas"]);
    let needs = vec![
        need(1, NeedKind::StaffSkills, "Capacitación en datos abiertos"),
        need(1, NeedKind::StaffSkills, "Un analista de datos"),
        need(3, NeedKind::StaffSkills, "Formación en participación"),
        need(3, NeedKind::Budget, "Partida para el portal"),
        need(2, NeedKind::Legal, "Ordenanza de participación"),
    ];
    let summary = aggregate(&teams, &needs);
    assert_eq!(summary.teams_total, 4);
    assert_eq!(summary.teams_with_needs, 3);
    assert_eq!(summary.needs_total, 5);
    assert_eq!(
        summary.kinds.iter().map(|k| k.kind).collect::<Vec<_>>(),
        NeedKind::ALL.to_vec(),
        "every kind, in order, even those nobody needs"
    );
    let staff = &summary.kinds[2];
    assert_eq!(staff.kind, NeedKind::StaffSkills);
    assert_eq!(staff.teams, 2, "Azuay's two staff needs count once");
    assert_eq!(staff.team_names, ["Azuay", "Napo"]);
    assert_eq!(
        staff.descriptions,
        vec![
            (
                "Azuay".to_owned(),
                "Capacitación en datos abiertos".to_owned()
            ),
            ("Azuay".to_owned(), "Un analista de datos".to_owned()),
            ("Napo".to_owned(), "Formación en participación".to_owned()),
        ]
    );
    assert_eq!(summary.kinds[0].teams, 1);
    assert_eq!(summary.kinds[1].team_names, ["Napo"]);
    let data = summary
        .kinds
        .iter()
        .find(|k| k.kind == NeedKind::Data)
        .unwrap();
    assert_eq!((data.teams, data.descriptions.len()), (0, 0));
}

#[test]
fn needs_of_unknown_teams_are_left_out() {
    let teams = teams(&["Azuay"]);
    let needs = vec![
        need(1, NeedKind::Data, "Inventario de datos"),
        need(99, NeedKind::Data, "de otro taller"),
    ];
    let summary = aggregate(&teams, &needs);
    assert_eq!(summary.kinds[4].teams, 1);
    assert_eq!(summary.needs_total, 1);
    assert_eq!(summary.teams_with_needs, 1);
}

#[test]
fn an_empty_workshop_has_nothing_to_count() {
    let summary = aggregate(&[], &[]);
    assert_eq!(summary.teams_total, 0);
    assert!(summary.kinds.iter().all(|k| k.teams == 0));
    assert_eq!(share(0, 0), 0.0);
}

#[test]
fn shares_have_one_decimal() {
    assert_eq!(share(12, 23), 52.2);
    assert_eq!(share(1, 3), 33.3);
    assert_eq!(share(23, 23), 100.0);
}
