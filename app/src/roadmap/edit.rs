//! The rules of editing a roadmap by hand, as pure functions: what a typed owner, milestone
//! title, status or progress may be, and how an item's milestones follow when its dates move.

use time::{Date, Duration};

use super::model::Status;
use crate::error::{AppError, AppResult};
use crate::i18n::Key;
use crate::ids::MilestoneId;

/// The longest owner (responsible unit) name, as the database allows.
pub const OWNER_MAX: usize = 120;
/// The longest milestone title, as the database allows.
pub const MILESTONE_TITLE_MAX: usize = 200;

/// A typed owner, trimmed: 1–120 characters.
pub fn parse_owner(typed: &str) -> AppResult<String> {
    let owner = typed.trim();
    if owner.is_empty() {
        return Err(AppError::invalid("owner", Key::RmErrOwnerEmpty));
    }
    if owner.chars().count() > OWNER_MAX {
        return Err(AppError::invalid("owner", Key::RmErrOwnerLong));
    }
    Ok(owner.to_owned())
}

/// A typed milestone title, trimmed: 1–200 characters.
pub fn parse_milestone_title(typed: &str) -> AppResult<String> {
    let title = typed.trim();
    if title.is_empty() {
        return Err(AppError::invalid("title", Key::RmErrMilestoneTitleEmpty));
    }
    if title.chars().count() > MILESTONE_TITLE_MAX {
        return Err(AppError::invalid("title", Key::RmErrMilestoneTitleLong));
    }
    Ok(title.to_owned())
}

/// A typed follow-up: an OGP completion level and a progress of 0–100 %. A completed item is
/// 100 % done whatever was typed, so the board never shows "completed, 40 %".
pub fn parse_follow_up(status: &str, progress: &str) -> AppResult<(Status, u8)> {
    let status = Status::parse(status).ok_or_else(|| AppError::invalid("status", Key::ErrChoice));
    let progress = progress
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| AppError::invalid("progress", Key::RmErrProgressRange));
    match (status, progress) {
        (Ok(Status::Completed), Ok(_)) => Ok((Status::Completed, 100)),
        (Ok(status), Ok(progress)) => Ok((status, progress)),
        (status, progress) => {
            Err(AppError::merge([status.err(), progress.err()]).unwrap_or(AppError::BadRequest))
        }
    }
}

/// An item moved to start on `starts_on`, keeping its length in days.
pub fn moved(starts_on: Date, ends_on: Date, to: Date) -> (Date, Date) {
    let length = ends_on - starts_on;
    (to, to.checked_add(length).unwrap_or(Date::MAX))
}

/// Where an item's milestones go when the item runs from `to` instead of `from`: each moves
/// by as many days as the start did, then is kept within the item's new dates (a milestone
/// past a shortened end lands on the end). Only the milestones whose date changes are given.
pub fn follow_milestones(
    milestones: &[(MilestoneId, Date)],
    from: Date,
    to: (Date, Date),
) -> Vec<(MilestoneId, Date)> {
    let shift: Duration = to.0 - from;
    milestones
        .iter()
        .filter_map(|&(id, due)| {
            let moved = due
                .checked_add(shift)
                .unwrap_or(Date::MAX)
                .clamp(to.0, to.1);
            (moved != due).then_some((id, moved))
        })
        .collect()
}

/// Refuses a milestone date outside its item's dates.
pub fn check_milestone_date(due_on: Date, starts_on: Date, ends_on: Date) -> AppResult<()> {
    if due_on < starts_on || due_on > ends_on {
        return Err(AppError::invalid("due_on", Key::RmErrMilestoneOutside));
    }
    Ok(())
}

/// Refuses an item ending on or after the day an item that depends on it starts
/// (`dependents`: their titles and first days), naming those items.
pub fn check_dependents(ends_on: Date, dependents: &[(String, Date)]) -> AppResult<()> {
    let blocked: Vec<String> = dependents
        .iter()
        .filter(|(_, starts)| *starts <= ends_on)
        .map(|(title, _)| title.clone())
        .collect();
    if blocked.is_empty() {
        Ok(())
    } else {
        Err(AppError::Refused {
            reason: Key::RmErrEndsAfterDependent,
            names: blocked,
        })
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn field_of(err: AppError) -> Vec<String> {
        match err {
            AppError::Validation { fields } => fields.into_keys().collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn owners_are_trimmed_and_bounded() {
        assert_eq!(parse_owner("  Secretaría  ").unwrap(), "Secretaría");
        assert_eq!(field_of(parse_owner("   ").unwrap_err()), ["owner"]);
        assert!(parse_owner(&"x".repeat(OWNER_MAX)).is_ok());
        assert_eq!(
            field_of(parse_owner(&"x".repeat(OWNER_MAX + 1)).unwrap_err()),
            ["owner"]
        );
    }

    #[test]
    fn milestone_titles_are_trimmed_and_bounded() {
        assert_eq!(parse_milestone_title(" Pilot ").unwrap(), "Pilot");
        assert!(parse_milestone_title("").is_err());
        assert!(parse_milestone_title(&"é".repeat(MILESTONE_TITLE_MAX)).is_ok());
        assert!(parse_milestone_title(&"é".repeat(MILESTONE_TITLE_MAX + 1)).is_err());
    }

    #[test]
    fn follow_up_reads_levels_and_percentages() {
        assert_eq!(
            parse_follow_up("limited", "30").unwrap(),
            (Status::Limited, 30)
        );
        assert_eq!(
            parse_follow_up("substantial", " 75 % ").unwrap(),
            (Status::Substantial, 75)
        );
        assert_eq!(
            parse_follow_up("not_started", "0").unwrap(),
            (Status::NotStarted, 0)
        );
        // Completed means done.
        assert_eq!(
            parse_follow_up("completed", "40").unwrap(),
            (Status::Completed, 100)
        );
        assert_eq!(
            field_of(parse_follow_up("limited", "101").unwrap_err()),
            ["progress"]
        );
        assert_eq!(
            field_of(parse_follow_up("limited", "-1").unwrap_err()),
            ["progress"]
        );
        assert_eq!(
            field_of(parse_follow_up("limited", "").unwrap_err()),
            ["progress"]
        );
        assert_eq!(
            field_of(parse_follow_up("done", "10").unwrap_err()),
            ["status"]
        );
        assert_eq!(
            field_of(parse_follow_up("done", "x").unwrap_err()),
            ["progress", "status"],
            "both mistakes at once"
        );
    }

    #[test]
    fn a_moved_item_keeps_its_length() {
        assert_eq!(
            moved(
                date!(2027 - 01 - 01),
                date!(2027 - 02 - 28),
                date!(2027 - 03 - 01)
            ),
            (date!(2027 - 03 - 01), date!(2027 - 04 - 28))
        );
        assert_eq!(
            moved(
                date!(2027 - 01 - 01),
                date!(2027 - 01 - 01),
                date!(2026 - 12 - 31)
            ),
            (date!(2026 - 12 - 31), date!(2026 - 12 - 31))
        );
    }

    #[test]
    fn milestones_follow_the_start_and_stay_inside() {
        let (a, b, c) = (MilestoneId(1), MilestoneId(2), MilestoneId(3));
        let stones = [
            (a, date!(2027 - 01 - 01)),
            (b, date!(2027 - 01 - 31)),
            (c, date!(2027 - 03 - 01)),
        ];
        // Ten days later, same length: every milestone moves ten days.
        assert_eq!(
            follow_milestones(
                &stones,
                date!(2027 - 01 - 01),
                (date!(2027 - 01 - 11), date!(2027 - 03 - 11))
            ),
            vec![
                (a, date!(2027 - 01 - 11)),
                (b, date!(2027 - 02 - 10)),
                (c, date!(2027 - 03 - 11))
            ]
        );
        // Same start, shorter: only the milestone past the new end moves, onto it.
        assert_eq!(
            follow_milestones(
                &stones,
                date!(2027 - 01 - 01),
                (date!(2027 - 01 - 01), date!(2027 - 02 - 01))
            ),
            vec![(c, date!(2027 - 02 - 01))]
        );
    }

    #[test]
    fn an_item_must_end_before_its_dependents_start() {
        let dependents = [
            ("Publish".to_owned(), date!(2027 - 03 - 01)),
            ("Train".to_owned(), date!(2027 - 05 - 01)),
        ];
        assert!(check_dependents(date!(2027 - 02 - 28), &dependents).is_ok());
        assert!(check_dependents(date!(2027 - 02 - 28), &[]).is_ok());
        match check_dependents(date!(2027 - 03 - 01), &dependents) {
            Err(AppError::Refused { names, .. }) => assert_eq!(names, ["Publish"]),
            other => panic!("{other:?}"),
        }
        match check_dependents(date!(2027 - 06 - 01), &dependents) {
            Err(AppError::Refused { names, .. }) => assert_eq!(names, ["Publish", "Train"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn milestones_must_fall_within_their_item() {
        let (s, e) = (date!(2027 - 01 - 01), date!(2027 - 06 - 30));
        assert!(check_milestone_date(s, s, e).is_ok());
        assert!(check_milestone_date(e, s, e).is_ok());
        assert_eq!(
            field_of(check_milestone_date(date!(2026 - 12 - 31), s, e).unwrap_err()),
            ["due_on"]
        );
        assert_eq!(
            field_of(check_milestone_date(date!(2027 - 07 - 01), s, e).unwrap_err()),
            ["due_on"]
        );
    }
}
