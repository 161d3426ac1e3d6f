use time::macros::date;

use super::*;

fn levels(current: Option<f64>, targets: &[u8]) -> IndicatorLevels {
    IndicatorLevels {
        current,
        targets: targets.to_vec(),
    }
}

#[test]
fn members_targets_win_with_their_median() {
    assert_eq!(indicator_target(Some(2.0), &[4, 5, 3], true), Some(4.0));
    assert_eq!(indicator_target(Some(2.0), &[4, 5], false), Some(4.5));
    // Even below the current level: what members say is what they aim at.
    assert_eq!(indicator_target(Some(4.0), &[3], true), Some(3.0));
    // A target without a current level still counts.
    assert_eq!(indicator_target(None, &[3], false), Some(3.0));
}

#[test]
fn out_of_range_targets_are_ignored() {
    assert_eq!(indicator_target(Some(2.0), &[0, 9], false), Some(2.0));
    assert_eq!(indicator_target(Some(2.0), &[0, 4], false), Some(4.0));
}

#[test]
fn a_linked_indicator_aims_one_step_up_capped_at_five() {
    assert_eq!(indicator_target(Some(2.0), &[], true), Some(3.0));
    assert_eq!(indicator_target(Some(2.5), &[], true), Some(3.5));
    assert_eq!(indicator_target(Some(4.5), &[], true), Some(5.0));
    assert_eq!(indicator_target(Some(5.0), &[], true), Some(5.0));
}

#[test]
fn an_indicator_without_plans_keeps_its_level() {
    assert_eq!(indicator_target(Some(2.0), &[], false), Some(2.0));
    assert_eq!(indicator_target(None, &[], true), None);
}

#[test]
fn pillar_targets_average_their_indicators() {
    let pillars = vec![
        PillarIndicators {
            code: "T".into(),
            name: "Transparency".into(),
            indicators: vec!["T1", "T2", "T3"],
        },
        PillarIndicators {
            code: "P".into(),
            name: "Participation".into(),
            indicators: vec!["P1"],
        },
    ];
    let levels: BTreeMap<&str, IndicatorLevels> = [
        ("T1", levels(Some(2.0), &[])),  // linked: 3
        ("T2", levels(Some(3.0), &[5])), // target 5
        ("T3", levels(None, &[])),       // nothing known
        ("P1", levels(Some(1.0), &[])),  // not linked: 1
    ]
    .into_iter()
    .collect();
    let linked: BTreeSet<&str> = ["T1", "P1x"].into_iter().collect();
    let out = pillar_targets(&pillars, &levels, &linked);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].code, "T");
    assert_eq!(out[0].name, "Transparency");
    assert_eq!(out[0].current, Some(2.5));
    assert_eq!(out[0].target, Some(4.0));
    assert_eq!(out[1].current, Some(1.0));
    assert_eq!(out[1].target, Some(1.0));
}

#[test]
fn a_pillar_with_nothing_known_has_no_values() {
    let pillars = vec![PillarIndicators {
        code: "C".into(),
        name: "Collaboration".into(),
        indicators: vec![1, 2],
    }];
    let out = pillar_targets(&pillars, &BTreeMap::new(), &BTreeSet::from([1]));
    assert_eq!(out[0].current, None);
    assert_eq!(out[0].target, None);
}

#[test]
fn the_workshop_takes_the_mean_over_teams_with_values() {
    let p = |code: &str, current: Option<f64>, target: Option<f64>| PillarTarget {
        code: code.into(),
        name: format!("Pillar {code}"),
        current,
        target,
    };
    let teams = vec![
        vec![p("T", Some(2.0), Some(3.0)), p("P", None, None)],
        vec![p("T", Some(3.0), Some(5.0)), p("P", Some(1.0), Some(2.0))],
        vec![p("T", None, Some(4.0)), p("A", Some(4.0), Some(4.0))],
    ];
    let out = workshop_pillar_targets(&teams);
    let codes: Vec<&str> = out.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, vec!["T", "P", "A"]);
    assert_eq!(out[0].current, Some(2.5));
    assert_eq!(out[0].target, Some(4.0));
    assert_eq!(out[1].current, Some(1.0));
    assert_eq!(out[1].target, Some(2.0));
    assert_eq!(out[2].name, "Pillar A");
    assert!(workshop_pillar_targets(&[]).is_empty());
}

#[test]
fn whole_months_count_like_the_scheduler() {
    let start = date!(2027 - 01 - 31);
    assert_eq!(months_between(start, start), 0);
    assert_eq!(months_between(start, date!(2027 - 02 - 27)), 0);
    // 31 January + 1 month is 28 February.
    assert_eq!(months_between(start, date!(2027 - 02 - 28)), 1);
    assert_eq!(months_between(start, date!(2027 - 03 - 30)), 1);
    assert_eq!(months_between(start, date!(2027 - 03 - 31)), 2);
    assert_eq!(months_between(start, date!(2026 - 12 - 01)), 0);
    let mid = date!(2027 - 01 - 15);
    assert_eq!(months_between(mid, date!(2027 - 07 - 14)), 5);
    assert_eq!(months_between(mid, date!(2027 - 07 - 15)), 6);
    assert_eq!(months_between(mid, date!(2030 - 01 - 15)), 36);
    for k in 0..40 {
        assert_eq!(months_between(start, add_months(start, k)), k);
    }
}

#[test]
fn horizons_follow_the_months_elapsed() {
    let start = date!(2027 - 01 - 15);
    assert_eq!(horizon_of(start, start), Horizon::Now);
    assert_eq!(horizon_of(start, date!(2026 - 06 - 01)), Horizon::Now);
    assert_eq!(horizon_of(start, date!(2027 - 07 - 14)), Horizon::Now);
    assert_eq!(horizon_of(start, date!(2027 - 07 - 15)), Horizon::Next);
    assert_eq!(horizon_of(start, date!(2028 - 07 - 14)), Horizon::Next);
    assert_eq!(horizon_of(start, date!(2028 - 07 - 15)), Horizon::Later);
    assert_eq!(horizon_of(start, date!(2031 - 01 - 01)), Horizon::Later);
}

#[test]
fn milestone_titles_speak_the_workshops_language() {
    assert_eq!(
        milestone_title(MilestoneKind::Kickoff, Lang::En),
        "Kickoff: unit named, plan agreed"
    );
    assert_eq!(
        milestone_title(MilestoneKind::Delivery, Lang::Es),
        "Entrega: resultado publicado"
    );
    assert_ne!(
        milestone_title(MilestoneKind::Midpoint, Lang::Es),
        milestone_title(MilestoneKind::Midpoint, Lang::En)
    );
}

#[test]
fn an_end_before_the_start_is_invalid() {
    let err = check_item_dates(date!(2027 - 05 - 01), date!(2027 - 04 - 30), &[]).unwrap_err();
    assert_eq!(err, AppError::invalid("ends_on", Key::RmcErrEndBeforeStart));
    assert_eq!(err.status_code(), 422);
    // A one-day item is fine.
    let day = date!(2027 - 05 - 01);
    assert_eq!(check_item_dates(day, day, &[]), Ok(()));
}

#[test]
fn starting_before_a_dependency_ends_is_refused_naming_it() {
    let deps = vec![
        ("Open data portal".to_owned(), date!(2027 - 06 - 30)),
        ("Budget law".to_owned(), date!(2027 - 03 - 31)),
        ("Train staff".to_owned(), date!(2027 - 07 - 01)),
    ];
    let err = check_item_dates(date!(2027 - 06 - 30), date!(2027 - 12 - 31), &deps).unwrap_err();
    assert_eq!(
        err,
        AppError::Refused {
            reason: Key::RmcErrStartsBeforeDependency,
            names: vec!["Open data portal".into(), "Train staff".into()],
        }
    );
    assert_eq!(err.status_code(), 409);
    // The day after the last one ends is fine.
    assert_eq!(
        check_item_dates(date!(2027 - 07 - 02), date!(2027 - 12 - 31), &deps),
        Ok(())
    );
}

#[test]
fn dates_in_the_wrong_order_are_reported_before_dependencies() {
    let deps = vec![("A".to_owned(), date!(2030 - 01 - 01))];
    let err = check_item_dates(date!(2027 - 05 - 01), date!(2027 - 04 - 01), &deps).unwrap_err();
    assert_eq!(err, AppError::invalid("ends_on", Key::RmcErrEndBeforeStart));
}

#[test]
fn iso_dates_are_read() {
    assert_eq!(
        parse_date("2027-03-31", "starts_on"),
        Ok(date!(2027 - 03 - 31))
    );
    assert_eq!(
        parse_date(" 2028-02-29 ", "starts_on"),
        Ok(date!(2028 - 02 - 29))
    );
}

#[test]
fn bad_dates_get_a_clear_message_on_their_field() {
    for typed in [
        "",
        "31/03/2027",
        "2027-3-31",
        "2027-03-31T00:00",
        "tomorrow",
    ] {
        assert_eq!(
            parse_date(typed, "ends_on"),
            Err(AppError::invalid("ends_on", Key::RmcErrDateFormat)),
            "{typed:?}"
        );
    }
    for typed in ["2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10"] {
        let err = parse_date(typed, "starts_on").unwrap_err();
        assert!(
            err == AppError::invalid("starts_on", Key::RmcErrDateNoSuchDay)
                || err == AppError::invalid("starts_on", Key::RmcErrDateFormat),
            "{typed:?}: {err:?}"
        );
    }
    assert_eq!(
        parse_date("2027-02-30", "starts_on"),
        Err(AppError::invalid("starts_on", Key::RmcErrDateNoSuchDay))
    );
    assert_eq!(
        parse_date("1999-12-31", "starts_on"),
        Err(AppError::invalid("starts_on", Key::RmcErrDateRange))
    );
    assert_eq!(
        parse_date("2100-01-01", "starts_on"),
        Err(AppError::invalid("starts_on", Key::RmcErrDateRange))
    );
}

fn item(action: i64, title: &str, starts_on: &str, ends_on: &str, depends_on: &[i64]) -> ItemView {
    ItemView {
        id: crate::ids::RoadmapItemId(action),
        action: crate::ids::ActionId(action),
        title: title.to_owned(),
        owner: "Planificación".to_owned(),
        starts_on: starts_on.to_owned(),
        ends_on: ends_on.to_owned(),
        horizon: Horizon::Now,
        quick_win: false,
        status: crate::roadmap::Status::NotStarted,
        progress: 0,
        pinned: true,
        depends_on: depends_on
            .iter()
            .map(|d| crate::ids::ActionId(*d))
            .collect(),
        indicators: Vec::new(),
        milestones: Vec::new(),
        version: 1,
    }
}

#[test]
fn items_starting_before_their_dependency_ends_are_named() {
    let items = [
        item(1, "Comité", "2027-01-04", "2027-03-03", &[]),
        item(2, "Portal", "2027-03-04", "2027-06-03", &[1]),
        item(3, "Datos", "2027-03-03", "2027-09-03", &[1, 2]),
    ];
    assert_eq!(
        late_starts(&items),
        vec![
            ("Datos".to_owned(), "Comité".to_owned()),
            ("Datos".to_owned(), "Portal".to_owned())
        ]
    );
    assert!(late_starts(&items[..2]).is_empty());
}
