//! A workshop's settings, as the facilitator sets them, and the rules for reading them.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::i18n::Key;

/// The longest title accepted.
pub const TITLE_MAX_CHARS: usize = 200;
/// The longest description accepted.
pub const DESCRIPTION_MAX_CHARS: usize = 2000;
/// The default anonymity threshold: a team's aggregates need three respondents to be shown.
pub const DEFAULT_ANONYMITY_THRESHOLD: u32 = 3;

/// The languages a workshop is run in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Languages {
    /// Spanish only.
    Es,
    /// English only.
    En,
    /// Both; each person reads their own.
    #[default]
    Both,
}

impl Languages {
    /// As stored and sent by forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Languages::Es => "es",
            Languages::En => "en",
            Languages::Both => "es,en",
        }
    }

    /// Reads the stored or posted value.
    pub fn parse(value: &str) -> Option<Languages> {
        [Languages::Es, Languages::En, Languages::Both]
            .into_iter()
            .find(|l| l.as_str() == value)
    }

    /// The choice's name, for people.
    pub fn name_key(self) -> Key {
        match self {
            Languages::Es => Key::LanguagesEs,
            Languages::En => Key::LanguagesEn,
            Languages::Both => Key::LanguagesBoth,
        }
    }
}

/// What participants see of other teams (always subject to the anonymity threshold).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ShareResults {
    /// Only their own team.
    None,
    /// Also the workshop averages.
    Averages,
    /// Also other teams' aggregates.
    #[default]
    Teams,
}

impl ShareResults {
    /// As stored and sent by forms.
    pub fn as_str(self) -> &'static str {
        match self {
            ShareResults::None => "none",
            ShareResults::Averages => "averages",
            ShareResults::Teams => "teams",
        }
    }

    /// Reads the stored or posted value.
    pub fn parse(value: &str) -> Option<ShareResults> {
        [
            ShareResults::None,
            ShareResults::Averages,
            ShareResults::Teams,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }

    /// The choice, explained for the facilitator.
    pub fn name_key(self) -> Key {
        match self {
            ShareResults::None => Key::ShareChoiceNone,
            ShareResults::Averages => Key::ShareChoiceAverages,
            ShareResults::Teams => Key::ShareChoiceTeams,
        }
    }
}

/// Everything the facilitator sets about a workshop itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopSettings {
    /// Title.
    pub title: String,
    /// What it is about, for participants.
    pub description: String,
    /// First day, as an ISO date (`2026-11-30`).
    pub starts_on: Option<String>,
    /// Last day.
    pub ends_on: Option<String>,
    /// Languages.
    pub languages: Languages,
    /// Respondents a team needs before others see its aggregates.
    pub anonymity_threshold: u32,
    /// What participants see of other teams.
    pub share_results: ShareResults,
}

/// The settings form as posted: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsForm {
    /// Title.
    pub title: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// First day (`yyyy-mm-dd`, or empty).
    #[serde(default)]
    pub starts_on: String,
    /// Last day.
    #[serde(default)]
    pub ends_on: String,
    /// `es`, `en` or `es,en`.
    #[serde(default)]
    pub languages: String,
    /// A whole number, 1–100.
    #[serde(default)]
    pub anonymity_threshold: String,
    /// `none`, `averages` or `teams`.
    #[serde(default)]
    pub share_results: String,
}

impl SettingsForm {
    /// Reads the form, reporting every wrong field at once.
    pub fn parse(&self) -> AppResult<WorkshopSettings> {
        let title = self.title.trim();
        let title_error = if title.is_empty() {
            Some(AppError::invalid("title", Key::ErrTitleMissing))
        } else if title.chars().count() > TITLE_MAX_CHARS {
            Some(AppError::invalid("title", Key::ErrTitleTooLong))
        } else {
            None
        };
        let description = self.description.trim();
        let description_error = (description.chars().count() > DESCRIPTION_MAX_CHARS)
            .then(|| AppError::invalid("description", Key::ErrDescriptionTooLong));
        let starts_on = optional_date(&self.starts_on);
        let ends_on = optional_date(&self.ends_on);
        let order_error = match (&starts_on, &ends_on) {
            // ISO dates compare correctly as text.
            (Ok(Some(start)), Ok(Some(end))) if end < start => {
                Some(AppError::invalid("ends_on", Key::ErrDatesOrder))
            }
            _ => None,
        };
        let languages = match self.languages.trim() {
            "" => Ok(Languages::default()),
            other => Languages::parse(other).ok_or(AppError::invalid("languages", Key::ErrChoice)),
        };
        let share_results = match self.share_results.trim() {
            "" => Ok(ShareResults::default()),
            other => {
                ShareResults::parse(other).ok_or(AppError::invalid("share_results", Key::ErrChoice))
            }
        };
        let threshold = match self.anonymity_threshold.trim() {
            "" => Ok(DEFAULT_ANONYMITY_THRESHOLD),
            typed => typed
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=100).contains(n))
                .ok_or(AppError::invalid(
                    "anonymity_threshold",
                    Key::ErrThresholdRange,
                )),
        };
        if let Some(error) = AppError::merge([
            title_error,
            description_error,
            starts_on
                .clone()
                .err()
                .map(|_| AppError::invalid("starts_on", Key::ErrDateFormat)),
            ends_on
                .clone()
                .err()
                .map(|_| AppError::invalid("ends_on", Key::ErrDateFormat)),
            order_error,
            languages.clone().err(),
            share_results.clone().err(),
            threshold.clone().err(),
        ]) {
            return Err(error);
        }
        Ok(WorkshopSettings {
            title: title.to_owned(),
            description: description.to_owned(),
            starts_on: starts_on.unwrap_or_default(),
            ends_on: ends_on.unwrap_or_default(),
            languages: languages?,
            anonymity_threshold: threshold?,
            share_results: share_results?,
        })
    }
}

/// An optional ISO date (`yyyy-mm-dd`, as `<input type=date>` sends it).
fn optional_date(typed: &str) -> Result<Option<String>, ()> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    #[cfg(feature = "ssr")]
    {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        time::Date::parse(typed, &format)
            .map(|_| Some(typed.to_owned()))
            .map_err(|_| ())
    }
    #[cfg(not(feature = "ssr"))]
    {
        // The server checks dates; the browser's date input already sends this shape.
        Ok(Some(typed.to_owned()))
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn form() -> SettingsForm {
        SettingsForm {
            title: "  Taller 2026 ".into(),
            ..SettingsForm::default()
        }
    }

    #[test]
    fn defaults_fill_what_is_left_empty() {
        let settings = form().parse().unwrap();
        assert_eq!(settings.title, "Taller 2026");
        assert_eq!(settings.anonymity_threshold, 3);
        assert_eq!(settings.languages, Languages::Both);
        assert_eq!(settings.share_results, ShareResults::Teams);
        assert_eq!(settings.starts_on, None);
    }

    #[test]
    fn every_wrong_field_is_reported_at_once() {
        let bad = SettingsForm {
            title: " ".into(),
            starts_on: "2026-02-30".into(),
            ends_on: "mañana".into(),
            anonymity_threshold: "0".into(),
            languages: "fr".into(),
            ..SettingsForm::default()
        };
        let Err(AppError::Validation { fields }) = bad.parse() else {
            panic!("accepted");
        };
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "anonymity_threshold",
                "ends_on",
                "languages",
                "starts_on",
                "title"
            ]
        );
    }

    #[test]
    fn the_end_cannot_come_before_the_start() {
        let bad = SettingsForm {
            starts_on: "2026-11-30".into(),
            ends_on: "2026-11-29".into(),
            ..form()
        };
        assert_eq!(
            bad.parse(),
            Err(AppError::invalid("ends_on", Key::ErrDatesOrder))
        );
        let good = SettingsForm {
            ends_on: "2026-12-01".into(),
            ..bad
        };
        assert_eq!(good.parse().unwrap().ends_on.as_deref(), Some("2026-12-01"));
    }
}
