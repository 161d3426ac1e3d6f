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
    // Facilitators sign in and come back; participants join with a code.
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let staff_page = path.starts_with("/facilitate") || path == "/account";
    if staff_page && matches!(error, AppError::Unauthorized | AppError::Forbidden) {
        let (heading, text, link) = if error == AppError::Unauthorized {
            (
                Key::LoginRequiredTitle,
                Key::LoginRequiredText,
                view! { <a class="button" href=login_href(&path)>{lang.t(Key::LoginSubmit)}</a> }
                    .into_any(),
            )
        } else {
            (
                Key::ErrorTitle,
                Key::StaffNotYourWorkshop,
                view! { <a href="/facilitate">{lang.t(Key::StaffMyWorkshops)}</a> }.into_any(),
            )
        };
        return view! {
            <div class="notice error" role="alert">
                <h2>{lang.t(heading)}</h2>
                <p>{lang.t(text)}</p>
                <p>{link}</p>
            </div>
        }
        .into_any();
    }
    let sign_in = (error == AppError::Unauthorized).then(|| {
        view! { <a class="button" href="/join">{lang.t(Key::JoinTitle)}</a> " " }
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
    .into_any()
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

/// The sign-in page's address, coming back to `next` (a path on this site) afterwards.
pub fn login_href(next: &str) -> String {
    let encoded: String = next
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("/login?next={encoded}")
}

#[cfg(test)]
mod tests {
    use super::login_href;

    #[test]
    fn the_way_back_is_encoded() {
        assert_eq!(
            login_href("/facilitate/workshops/1/facilitators"),
            "/login?next=/facilitate/workshops/1/facilitators"
        );
        assert_eq!(login_href("/a?b=c&d"), "/login?next=/a%3Fb%3Dc%26d");
    }
}
