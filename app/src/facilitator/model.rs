//! What a facilitator is, and the rules for their credentials.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::i18n::Key;
use crate::ids::{FacilitatorId, WorkshopId};

/// Shorter passwords are refused: a workshop's answers are worth more than a guess.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// Longer ones are refused too, so that hashing cannot be made to take forever.
pub const PASSWORD_MAX_CHARS: usize = 1024;

/// An e-mail address as accounts are keyed: trimmed and in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Reads an address as typed. Only the shape is checked (one `@`, something on each side,
    /// a dot in the domain): whether it receives mail is not Rumbo's concern.
    pub fn parse(typed: &str) -> AppResult<Email> {
        let email = typed.trim().to_lowercase();
        let valid = email.len() <= 254
            && !email.chars().any(char::is_whitespace)
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if valid {
            Ok(Email(email))
        } else {
            Err(AppError::invalid("email", Key::ErrEmailInvalid))
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks a new password against the length rules; the error names the field.
pub fn check_new_password(field: &str, password: &str) -> AppResult<()> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Err(AppError::invalid(field, Key::ErrPasswordTooShort))
    } else if chars > PASSWORD_MAX_CHARS {
        Err(AppError::invalid(field, Key::ErrPasswordTooLong))
    } else {
        Ok(())
    }
}

/// A signed-in facilitator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    /// Their account.
    pub id: FacilitatorId,
    /// Their e-mail address, which is also their login.
    pub email: String,
    /// The name shown to co-facilitators.
    pub name: String,
}

/// How a facilitator stands in a workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Created it; may invite co-facilitators.
    Owner,
    /// Invited by the owner; runs the workshop with them.
    CoFacilitator,
}

impl Role {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::CoFacilitator => "co",
        }
    }

    /// Reads the stored value.
    pub fn parse(value: &str) -> Option<Role> {
        match value {
            "owner" => Some(Role::Owner),
            "co" => Some(Role::CoFacilitator),
            _ => None,
        }
    }
}

/// A facilitator of a workshop, as its facilitators page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    /// Their account.
    pub id: FacilitatorId,
    /// Their name.
    pub name: String,
    /// Their e-mail address, so co-facilitators can reach each other.
    pub email: String,
    /// Owner or co-facilitator.
    pub role: Role,
}

/// Who runs a workshop, as seen by one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopStaff {
    /// The workshop.
    pub workshop: WorkshopId,
    /// Its title.
    pub title: String,
    /// The caller.
    pub me: FacilitatorId,
    /// The caller's role: only the owner may invite and remove.
    pub my_role: Role,
    /// The owner first, then co-facilitators in the order they were added.
    pub members: Vec<TeamMember>,
}

/// The name an account gets when none is given: the part of the address before the `@`.
pub fn default_display_name(email: &Email) -> String {
    let local = email.as_str().split('@').next().unwrap_or_default();
    local.chars().take(80).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            Email::parse("  Ana@Prefectura.GOB.ec ").unwrap().as_str(),
            "ana@prefectura.gob.ec"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "ana",
            "@x.org",
            "ana@",
            "ana@x",
            "a b@x.org",
            "ana@@x.org",
            "ana@x.org.",
            "ana@.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn the_default_name_is_the_local_part() {
        let email = Email::parse("Ana.Lopez@prefectura.gob.ec").unwrap();
        assert_eq!(default_display_name(&email), "ana.lopez");
        let long = Email::parse(&format!("{}@x.org", "a".repeat(120))).unwrap();
        assert_eq!(default_display_name(&long).chars().count(), 80);
    }

    #[test]
    fn passwords_have_a_length_window() {
        assert!(check_new_password("password", "short").is_err());
        assert!(check_new_password("password", "long enough!").is_ok());
        assert!(check_new_password("password", &"x".repeat(PASSWORD_MAX_CHARS + 1)).is_err());
        // Counted in characters, not bytes.
        assert!(check_new_password("password", "ñandúñandú").is_ok());
    }
}
