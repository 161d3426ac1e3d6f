//! The page for addresses that lead nowhere.

use leptos::prelude::*;

use crate::i18n::{use_lang, Key};
use crate::ui::set_status;

/// "Page not found", answered with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    let lang = use_lang();
    view! {
        <section class="page narrow">
            <h1>{lang.t(Key::NotFoundTitle)}</h1>
            <p>{lang.t(Key::NotFoundText)}</p>
            <p>
                <a class="button" href="/">{lang.t(Key::BackHome)}</a>
            </p>
        </section>
    }
}
