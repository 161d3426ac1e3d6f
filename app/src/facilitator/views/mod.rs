//! The facilitator's account pages, the header's sign-in links, and the workshop's
//! facilitators page.

mod account;
mod facilitators;
mod login;

use leptos::prelude::*;

use crate::i18n::{use_lang, Key};
pub use account::AccountPage;
pub use facilitators::FacilitatorsPage;
pub use login::LoginPage;

/// The header's way in for facilitators: one plain link. The sign-in page itself offers the
/// way to "my workshops" when the facilitator is already signed in. A static link rather
/// than a session lookup keeps every page's header free of a server round trip (and of a
/// resource outside the routes, which could hold up streaming a page).
#[component]
pub fn StaffLinks() -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="staff-links" aria-label=lang.t(Key::NavStaff)>
            <a class="staff-login" href="/login">{lang.t(Key::NavStaffLogin)}</a>
        </nav>
    }
}
