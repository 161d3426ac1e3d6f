//! Server functions for signing in and out, and for the account's password.

use leptos::prelude::*;

use super::Staff;
use crate::error::AppError;

/// Signs a facilitator in and sends them to `next` (a path on this site) or to their
/// workshops. Wrong credentials get one message whether the account exists or not.
#[server(name = LogIn, endpoint = "log_in")]
pub async fn log_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::log_in(&state.db, &email, &password).await?;
    leptos_axum::redirect(&ssr::local_path(next.as_deref()));
    Ok(())
}

/// Signs the current facilitator out of this browser.
#[server(name = LogOut, endpoint = "log_out")]
pub async fn log_out() -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    if let Some(token) = super::session::token_of_request() {
        super::repo::close_session(
            state.db.pool(),
            &crate::participant::session::hash_token(&token),
        )
        .await?;
    }
    crate::participant::session::set_cookie(super::session::STAFF_COOKIE, "", 0);
    leptos_axum::redirect("/login");
    Ok(())
}

/// The signed-in facilitator, if any: pages use it to offer "sign in" or the account menu.
#[server(name = CurrentStaff, endpoint = "current_staff")]
pub async fn current_staff() -> Result<Option<Staff>, AppError> {
    let state = crate::state::AppState::from_context()?;
    match super::session::current(&state.db).await {
        Ok(staff) => Ok(Some(staff)),
        Err(AppError::Unauthorized) => Ok(None),
        Err(other) => Err(other),
    }
}

/// Changes the signed-in facilitator's password: the current one must be right (a wrong one
/// counts as a failed login), the new one typed twice. Their other sessions end; this one
/// stays, and the browser comes back to the account page with a confirmation.
#[server(name = ChangePassword, endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    repeat_password: String,
) -> Result<(), AppError> {
    use super::account::{self, PasswordChange};
    let state = crate::state::AppState::from_context()?;
    let staff = super::session::current(&state.db).await?;
    let token = super::session::token_of_request().ok_or(AppError::Unauthorized)?;
    let client =
        crate::participant::session::client_key(use_context::<http::request::Parts>().as_ref());
    account::change_password(
        &state.db,
        &staff,
        &crate::participant::session::hash_token(&token),
        &client,
        PasswordChange {
            current: &current_password,
            new: &new_password,
            repeat: &repeat_password,
        },
    )
    .await?;
    leptos_axum::redirect("/account?changed=1");
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use http::request::Parts;
    use leptos::prelude::*;

    use super::super::session::{STAFF_COOKIE, STAFF_SESSION_SECONDS};
    use super::super::{password, repo, Email};
    use crate::db::Db;
    use crate::error::{AppError, AppResult};
    use crate::i18n::Key;
    use crate::participant::session::{client_key, set_cookie};

    /// Checks the credentials, with throttling, and opens a session.
    pub(super) async fn log_in(db: &Db, email: &str, typed_password: &str) -> AppResult<()> {
        let client = client_key(use_context::<Parts>().as_ref());
        let wrong = || AppError::invalid("password", Key::ErrLoginFailed);
        let Ok(email) = Email::parse(email) else {
            return Err(wrong());
        };
        if repo::login_throttled(db.pool(), email.as_str(), &client).await? {
            return Err(AppError::TooManyAttempts);
        }
        let staff = match repo::by_email(db.pool(), &email).await? {
            Some((staff, phc)) => password::verify(phc, typed_password.to_owned())
                .await
                .then_some(staff),
            None => {
                password::waste_time(typed_password.to_owned()).await;
                None
            }
        };
        let Some(staff) = staff else {
            repo::record_login_failure(db.pool(), email.as_str(), &client).await?;
            return Err(wrong());
        };
        repo::forget_expired_sessions(db.pool()).await?;
        let token = repo::open_session(db.pool(), staff.id).await?;
        set_cookie(STAFF_COOKIE, &token, STAFF_SESSION_SECONDS);
        Ok(())
    }

    /// `next` if it is a path on this site, else the facilitator's home. Anything else
    /// (`//evil.example`, `https://…`) would make the login page an open redirect; control
    /// characters could not even be put in the `Location` header.
    pub(super) fn local_path(next: Option<&str>) -> String {
        match next {
            Some(path)
                if path.starts_with('/')
                    && !path.starts_with("//")
                    && !path.contains('\\')
                    && !path.chars().any(char::is_control) =>
            {
                path.to_owned()
            }
            _ => "/facilitate".to_owned(),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::local_path;

        #[test]
        fn only_paths_of_this_site_are_followed() {
            assert_eq!(local_path(Some("/account")), "/account");
            assert_eq!(
                local_path(Some("/facilitate/workshops/3/facilitators")),
                "/facilitate/workshops/3/facilitators"
            );
            for bad in [
                "",
                "//evil.example",
                "https://evil.example",
                "/\\evil.example",
                "evil",
                "/ok\r\nSet-Cookie: x=y",
            ] {
                assert_eq!(local_path(Some(bad)), "/facilitate", "{bad:?}");
            }
            assert_eq!(local_path(None), "/facilitate");
        }
    }
}
