//! `/account`: who is signed in, the password change, and signing out.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::super::{current_staff, ChangePassword, LogOut, Staff};
use crate::error::AppError;
use crate::i18n::{use_lang, Key};
use crate::ui::ErrorNotice;
use crate::ui::FieldError;

/// The signed-in facilitator's account. Strangers are asked to sign in first.
#[component]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    let staff = Resource::new(|| (), |_| current_staff());
    view! {
        <Title text=lang.t(Key::AccountTitle) />
        <section class="page narrow">
            <h1>{lang.t(Key::AccountTitle)}</h1>
            <Suspense fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match staff.await {
                        Ok(Some(me)) => view! { <Account me /> }.into_any(),
                        Ok(None) => view! {
                            <ErrorNotice error=AppError::Unauthorized />
                        }
                            .into_any(),
                        Err(error) => view! {
                            <ErrorNotice error />
                        }
                            .into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Account(me: Staff) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let change = ServerAction::<ChangePassword>::new();
    let log_out = ServerAction::<LogOut>::new();
    let error = Signal::derive(move || change.value().get().and_then(Result::err));
    // Back from a change: with JavaScript the action says so; without, the address does.
    let changed = move || {
        error.get().is_none()
            && (query.read().get("changed").is_some()
                || matches!(change.value().get(), Some(Ok(()))))
    };
    let general = move || match error.get() {
        Some(AppError::TooManyAttempts) => Some(lang.t(Key::LoginTooManyAttempts).to_owned()),
        Some(AppError::Validation { .. }) | None => None,
        Some(other) => Some(other.message(lang)),
    };
    let invalid = move |field: &'static str| {
        move || match error.get() {
            Some(AppError::Validation { fields }) if fields.contains_key(field) => Some("true"),
            _ => None,
        }
    };
    let min_hint = lang
        .t(Key::AccountNewPasswordHint)
        .replace("{min}", &super::super::PASSWORD_MIN_CHARS.to_string());
    view! {
        <p>
            {lang.t(Key::AccountSignedInAs)} " " <strong>{me.name.clone()}</strong> " (" {me.email.clone()} ")"
        </p>
        <p class="actions">
            <a class="button secondary" href="/facilitate">{lang.t(Key::StaffMyWorkshops)}</a>
        </p>
        <h2>{lang.t(Key::AccountChangePassword)}</h2>
        <Show when=changed>
            <p class="notice success" role="status">{lang.t(Key::AccountPasswordChanged)}</p>
        </Show>
        <ActionForm action=change>
            <div class="stack">
                // Lets password managers file the new password under the right account.
                <input type="hidden" name="username" autocomplete="username" value=me.email.clone() />
                <label for="current-password">{lang.t(Key::AccountCurrentPassword)}</label>
                <input
                    id="current-password"
                    name="current_password"
                    type="password"
                    required
                    maxlength="1024"
                    autocomplete="current-password"
                    aria-invalid=invalid("current_password")
                />
                <FieldError error field="current_password" />
                <label for="new-password">{lang.t(Key::AccountNewPassword)}</label>
                <p class="hint" id="new-password-hint">{min_hint}</p>
                <input
                    id="new-password"
                    name="new_password"
                    type="password"
                    required
                    minlength=super::super::PASSWORD_MIN_CHARS.to_string()
                    maxlength="1024"
                    autocomplete="new-password"
                    aria-describedby="new-password-hint"
                    aria-invalid=invalid("new_password")
                />
                <FieldError error field="new_password" />
                <label for="repeat-password">{lang.t(Key::AccountRepeatPassword)}</label>
                <input
                    id="repeat-password"
                    name="repeat_password"
                    type="password"
                    required
                    maxlength="1024"
                    autocomplete="new-password"
                    aria-invalid=invalid("repeat_password")
                />
                <FieldError error field="repeat_password" />
                <Show when=move || general().is_some()>
                    <p class="field-error" role="alert">{general}</p>
                </Show>
                <button type="submit" class="button">{lang.t(Key::AccountPasswordSubmit)}</button>
            </div>
        </ActionForm>
        <crate::api::ApiTokensPanel />
        <h2>{lang.t(Key::AccountLogOut)}</h2>
        <ActionForm action=log_out>
            <button type="submit" class="button secondary">{lang.t(Key::AccountLogOut)}</button>
        </ActionForm>
    }
}
