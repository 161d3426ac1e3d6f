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
    let title = match error {
        AppError::NotFound => Key::NotFoundTitle,
        _ => Key::ErrorTitle,
    };
    view! {
        <div class="notice error" role="alert">
            <h2>{lang.t(title)}</h2>
            <p>{error.message(lang)}</p>
            <p>
                <a href="/">{lang.t(Key::BackHome)}</a>
            </p>
        </div>
    }
}
