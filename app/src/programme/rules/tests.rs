use super::*;

const H: i64 = 3600;

#[test]
fn nothing_is_on_in_an_empty_programme() {
    let none: [(i64, i64); 0] = [];
    assert_eq!(now_and_next(&none, 0), (None, None));
}

#[test]
fn a_session_is_on_from_its_start_to_just_before_its_end() {
    let s = [(10 * H, 11 * H)];
    assert_eq!(
        now_and_next(&s, 10 * H - 1),
        (None, Some(0)),
        "a second before"
    );
    assert_eq!(now_and_next(&s, 10 * H), (Some(0), None), "at the start");
    assert_eq!(
        now_and_next(&s, 11 * H - 1),
        (Some(0), None),
        "the last second"
    );
    assert_eq!(
        now_and_next(&s, 11 * H),
        (None, None),
        "at the end it is over"
    );
}

#[test]
fn back_to_back_sessions_hand_over_at_the_boundary() {
    let s = [(9 * H, 10 * H), (10 * H, 11 * H), (12 * H, 13 * H)];
    assert_eq!(now_and_next(&s, 9 * H), (Some(0), Some(1)));
    assert_eq!(now_and_next(&s, 10 * H), (Some(1), Some(2)));
}

#[test]
fn in_a_gap_nothing_is_on_and_the_next_is_shown() {
    let s = [(9 * H, 10 * H), (14 * H, 15 * H)];
    assert_eq!(now_and_next(&s, 12 * H), (None, Some(1)));
    assert_eq!(now_and_next(&s, 16 * H), (None, None), "after the last");
}

#[test]
fn order_of_entry_does_not_matter() {
    let s = [(14 * H, 15 * H), (9 * H, 10 * H), (11 * H, 12 * H)];
    assert_eq!(now_and_next(&s, 8 * H), (None, Some(1)));
    assert_eq!(now_and_next(&s, 9 * H), (Some(1), Some(2)));
    assert_eq!(now_and_next(&s, 11 * H), (Some(2), Some(0)));
}

#[test]
fn overlapping_sessions_show_the_latest_started() {
    // A whole-morning block, a panel inside it, and a session starting later.
    let s = [(9 * H, 13 * H), (10 * H, 11 * H), (12 * H, 14 * H)];
    assert_eq!(now_and_next(&s, 9 * H), (Some(0), Some(1)));
    assert_eq!(
        now_and_next(&s, 10 * H),
        (Some(1), Some(2)),
        "the panel, not the block"
    );
    assert_eq!(
        now_and_next(&s, 11 * H),
        (Some(0), Some(2)),
        "back to the block"
    );
    assert_eq!(
        now_and_next(&s, 12 * H),
        (Some(2), None),
        "the later start wins"
    );
    assert_eq!(now_and_next(&s, 13 * H), (Some(2), None));
}

#[test]
fn equal_starts_prefer_the_shorter_then_the_first_entered() {
    let s = [(9 * H, 12 * H), (9 * H, 10 * H), (9 * H, 10 * H)];
    assert_eq!(now_and_next(&s, 9 * H), (Some(1), None));
    assert_eq!(now_and_next(&s, 8 * H), (None, Some(1)));
}

#[test]
fn a_started_session_is_never_next() {
    let s = [(9 * H, 12 * H), (10 * H, 11 * H)];
    assert_eq!(now_and_next(&s, 10 * H + 1), (Some(1), None));
}

#[test]
fn the_programme_is_followed_only_when_it_differs() {
    assert_eq!(
        phase_to_follow(Some(Phase::Prioritisation), Phase::Review),
        Some(Phase::Prioritisation)
    );
    assert_eq!(phase_to_follow(Some(Phase::Review), Phase::Review), None);
    assert_eq!(phase_to_follow(None, Phase::Review), None);
}

#[test]
fn phases_are_followed_one_step_at_a_time() {
    assert_eq!(
        step_towards(Phase::Assessment, Phase::Review),
        Some(Phase::Review)
    );
    assert_eq!(
        step_towards(Phase::Setup, Phase::Roadmap),
        Some(Phase::Assessment)
    );
    assert_eq!(
        step_towards(Phase::Roadmap, Phase::Assessment),
        Some(Phase::Prioritisation)
    );
    assert_eq!(step_towards(Phase::Review, Phase::Review), None);
    for from in Phase::ALL {
        for to in Phase::ALL {
            if let Some(step) = step_towards(from, to) {
                assert!(from.may_move_to(step), "{from:?} → {step:?}");
            }
        }
    }
}

#[test]
fn titles_are_trimmed_and_bounded() {
    assert_eq!(
        title("  ABC del gobierno abierto ").unwrap(),
        "ABC del gobierno abierto"
    );
    assert!(title("   ").is_err());
    assert!(title(&"x".repeat(TITLE_MAX_CHARS)).is_ok());
    assert!(title(&"x".repeat(TITLE_MAX_CHARS + 1)).is_err());
    assert!(title("dos\nlíneas").is_err());
}

#[test]
fn panelists_are_one_per_line() {
    assert_eq!(
        panelists("Ana Pérez (CONGOPE)\n\n  Luis Mora \r\n").unwrap(),
        ["Ana Pérez (CONGOPE)", "Luis Mora"]
    );
    assert_eq!(panelists("").unwrap(), Vec::<String>::new());
    let many = vec!["x"; MAX_PANELISTS + 1].join("\n");
    assert!(panelists(&many).is_err());
    assert!(panelists(&"y".repeat(PANELIST_MAX_CHARS + 1)).is_err());
}

#[test]
fn linked_phases_are_known_phases_or_none() {
    assert_eq!(phase(""), Ok(None));
    assert_eq!(phase("review"), Ok(Some(Phase::Review)));
    assert!(phase("fiesta").is_err());
}

#[test]
fn material_titles_are_needed_and_bounded() {
    assert_eq!(material_title("m1_title", " Guía ").unwrap(), "Guía");
    let Err(AppError::Validation { fields }) = material_title("m2_title", "") else {
        panic!("accepted an empty title")
    };
    assert!(fields.contains_key("m2_title"));
    assert!(material_title("m1_title", &"z".repeat(MATERIAL_TITLE_MAX_CHARS + 1)).is_err());
}

#[test]
fn offsets_read_as_people_write_them() {
    assert_eq!(offset_label(-5 * 3600), "UTC−5");
    assert_eq!(offset_label(-6 * 3600), "UTC−6");
    assert_eq!(offset_label(5 * 3600 + 1800), "UTC+5:30");
    assert_eq!(offset_label(0), "UTC");
}
