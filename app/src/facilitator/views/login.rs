//! `/login`: the facilitator's sign-in form.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::super::{current_staff, LogIn};
use crate::error::AppError;
use crate::i18n::{use_lang, Key};
use crate::ui::FieldError;

/// E-mail and password; a plain form, so it works without JavaScript. After signing in the
/// browser goes to `?next=` (when it is a page of this site) or to the facilitator's
/// workshops.
#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let action = ServerAction::<LogIn>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    // Too many attempts is about this form: say how long to wait, in its own words.
    let general = move || match error.get() {
        Some(AppError::TooManyAttempts) => Some(lang.t(Key::LoginTooManyAttempts).to_owned()),
        Some(AppError::Validation { .. }) | None => None,
        Some(other) => Some(other.message(lang)),
    };
    let invalid =
        move || matches!(error.get(), Some(AppError::Validation { .. })).then_some("true");
    let staff = Resource::new(|| (), |_| current_staff());
    view! {
        <Title text=lang.t(Key::LoginTitle) />
        <section class="page narrow">
            <h1>{lang.t(Key::LoginTitle)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    staff.await.ok().flatten().map(|me| view! {
                        <div class="notice success">
                            <p>{lang.t(Key::LoginAlready)} " " <strong>{me.name}</strong> " (" {me.email} ")."</p>
                            <p class="actions">
                                <a class="button" href="/facilitate">{lang.t(Key::StaffMyWorkshops)}</a>
                                <a class="button secondary" href="/account">{lang.t(Key::NavStaffAccount)}</a>
                            </p>
                        </div>
                    })
                })}
            </Suspense>
            <p class="lead">{lang.t(Key::LoginIntro)}</p>
            <ActionForm action>
                <div class="stack">
                    <input type="hidden" name="next" value=next />
                    <label for="login-email">{lang.t(Key::LoginEmail)}</label>
                    <input
                        id="login-email"
                        name="email"
                        type="email"
                        required
                        maxlength="254"
                        autocomplete="username"
                        inputmode="email"
                        autocapitalize="none"
                        spellcheck="false"
                        aria-invalid=invalid
                    />
                    <FieldError error field="email" />
                    <label for="login-password">{lang.t(Key::LoginPassword)}</label>
                    <input
                        id="login-password"
                        name="password"
                        type="password"
                        required
                        maxlength="1024"
                        autocomplete="current-password"
                        aria-invalid=invalid
                    />
                    <FieldError error field="password" />
                    <Show when=move || general().is_some()>
                        <p class="field-error" role="alert">{general}</p>
                    </Show>
                    <button type="submit" class="button">{lang.t(Key::LoginSubmit)}</button>
                </div>
            </ActionForm>
            <p class="hint login-help">{lang.t(Key::LoginNoAccount)}</p>
        </section>
    }
}
