//! What facilitators do with accounts: create one (from the command line), change its
//! password, and bring co-facilitators into a workshop. Server fns and the `rumbo` binary
//! call these; the access checks happen before.

use super::{check_new_password, default_display_name, password, repo, Email, Role, Staff};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::i18n::Key;
use crate::ids::{FacilitatorId, WorkshopId};
use crate::participant::DisplayName;

/// Creates a facilitator account. The name defaults to the part of the address before the
/// `@`. Every problem of the input is reported at once; a taken address is a conflict.
pub async fn create_account(
    db: &Db,
    email: &str,
    name: Option<&str>,
    new_password: &str,
) -> AppResult<FacilitatorId> {
    let email = Email::parse(email);
    let name = match (name, &email) {
        (Some(typed), _) => DisplayName::parse(typed).map(|n| n.as_str().to_owned()),
        (None, Ok(email)) => Ok(default_display_name(email)),
        (None, Err(_)) => Ok(String::new()),
    };
    let checked = check_new_password("password", new_password);
    if let Some(error) = AppError::merge([
        email.as_ref().err().cloned(),
        name.as_ref().err().cloned(),
        checked.err(),
    ]) {
        return Err(error);
    }
    let (Ok(email), Ok(name)) = (email, name) else {
        return Err(AppError::BadRequest);
    };
    let phc = password::hash(new_password.to_owned()).await?;
    repo::create(db.pool(), &email, &name, &phc, false).await
}

/// The fields of the change-password form.
pub struct PasswordChange<'a> {
    /// The password in use, typed again.
    pub current: &'a str,
    /// The new password.
    pub new: &'a str,
    /// The new password, typed a second time.
    pub repeat: &'a str,
}

/// Changes a signed-in facilitator's password and ends their other sessions (a stolen
/// session must not outlive the change), keeping the one that asked. A wrong current
/// password counts as a failed login, so this form cannot be used to guess it.
pub async fn change_password(
    db: &Db,
    staff: &Staff,
    keep_session_hash: &str,
    client: &str,
    change: PasswordChange<'_>,
) -> AppResult<()> {
    if repo::login_throttled(db.pool(), &staff.email, client).await? {
        return Err(AppError::TooManyAttempts);
    }
    let phc = repo::password_hash(db.pool(), staff.id).await?;
    let current_ok = password::verify(phc, change.current.to_owned()).await;
    if !current_ok {
        repo::record_login_failure(db.pool(), &staff.email, client).await?;
    }
    let mismatch = (change.new != change.repeat)
        .then(|| AppError::invalid("repeat_password", Key::ErrPasswordsDiffer));
    if let Some(error) = AppError::merge([
        (!current_ok).then(|| AppError::invalid("current_password", Key::ErrCurrentPasswordWrong)),
        check_new_password("new_password", change.new).err(),
        mismatch,
    ]) {
        return Err(error);
    }
    let phc = password::hash(change.new.to_owned()).await?;
    let mut tx = db.pool().begin().await?;
    repo::set_password_hash(&mut *tx, staff.id, &phc).await?;
    repo::close_other_sessions(&mut *tx, staff.id, keep_session_hash).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes the facilitator with address `typed_email` a co-facilitator of `workshop`. They must
/// have an account already: Rumbo sends no e-mail.
pub async fn invite(db: &Db, workshop: WorkshopId, typed_email: &str) -> AppResult<FacilitatorId> {
    let email = Email::parse(typed_email)?;
    let Some((invited, _)) = repo::by_email(db.pool(), &email).await? else {
        return Err(AppError::invalid("email", Key::ErrNoFacilitatorAccount));
    };
    let already = || AppError::Conflict {
        reason: Key::ErrAlreadyFacilitator,
    };
    if repo::role_in(db.pool(), workshop, invited.id)
        .await?
        .is_some()
    {
        return Err(already());
    }
    // Two owners inviting at once: the primary key decides, and the loser hears the same.
    repo::grant(db.pool(), workshop, invited.id, Role::CoFacilitator)
        .await
        .map_err(|e| match e {
            AppError::Conflict { .. } => already(),
            other => other,
        })?;
    Ok(invited.id)
}

/// Takes a co-facilitator off `workshop`. The owner cannot be removed; someone who does not
/// run the workshop is not found.
pub async fn remove(db: &Db, workshop: WorkshopId, facilitator: FacilitatorId) -> AppResult<()> {
    match repo::role_in(db.pool(), workshop, facilitator).await? {
        None => Err(AppError::NotFound),
        Some(Role::Owner) => Err(AppError::Conflict {
            reason: Key::ErrCannotRemoveOwner,
        }),
        Some(Role::CoFacilitator) => {
            if repo::revoke(db.pool(), workshop, facilitator).await? {
                Ok(())
            } else {
                Err(AppError::NotFound)
            }
        }
    }
}
