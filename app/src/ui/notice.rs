//! Showing errors to people.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{use_lang, Key};

/// Sets the HTTP status of the page being rendered on the server; does nothing in the browser.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// An error, explained in the reader's language, with the matching HTTP status.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    set_status(error.status_code());
    let lang = use_lang();
    let title = match &error {
        AppError::NotFound => Key::NotFoundTitle,
        _ => Key::ErrorTitle,
    };
    // Facilitators sign in; participants join with a code.
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let sign_in = (error == AppError::Unauthorized).then(|| {
        if path.starts_with("/facilitate") {
            let next: String = url_escape(&path);
            view! { <a class="button" href=format!("/login?next={next}")>{lang.t(Key::SignInAction)}</a> " " }.into_any()
        } else {
            view! { <a class="button" href="/join">{lang.t(Key::JoinTitle)}</a> " " }.into_any()
        }
    });
    view! {
        <div class="notice error" role="alert">
            <h2>{lang.t(title)}</h2>
            <p>{error.message(lang)}</p>
            <p>
                {sign_in}
                <a href="/">{lang.t(Key::BackHome)}</a>
            </p>
        </div>
    }
}

/// The messages of a failed form about one field, or, with `field = ""`, the message of an
/// error that is not about a field (a conflict, a closed phase, a lost connection).
#[component]
pub fn FieldError(
    /// The form's latest error, if any.
    #[prop(into)]
    error: Signal<Option<AppError>>,
    /// The field, or `""` for the form as a whole.
    field: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let text = move || match error.get() {
        Some(AppError::Validation { fields }) => fields.get(field).map(|keys| {
            keys.iter()
                .map(|k| lang.t(*k))
                .collect::<Vec<_>>()
                .join(" ")
        }),
        Some(other) if field.is_empty() => Some(other.message(lang)),
        _ => None,
    };
    view! {
        <Show when=move || text().is_some()>
            <p class="field-error" role="alert">{text}</p>
        </Show>
    }
}

/// A path made safe to carry in a query string: only the characters our paths use pass.
fn url_escape(path: &str) -> String {
    path.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.'))
        .collect()
}
