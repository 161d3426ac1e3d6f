//! The facilitator's account pages, the header's sign-in links, and the workshop's
//! facilitators page.

mod account;
mod facilitators;
mod login;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::current_staff;
use crate::i18n::{use_lang, Key};
pub use account::AccountPage;
pub use facilitators::FacilitatorsPage;
pub use login::LoginPage;

/// The header's links for facilitators: their workshops and account when signed in, else a
/// discreet way to sign in. Asked again on each navigation, so signing in or out shows at
/// once; `Transition` keeps the old links while it asks, so nothing flickers.
#[component]
pub fn StaffLinks() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let staff = Resource::new(move || location.pathname.get(), |_| current_staff());
    view! {
        <nav class="staff-links" aria-label=lang.t(Key::NavStaff)>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match staff.await {
                        Ok(Some(_)) => view! {
                            <a href="/facilitate">{lang.t(Key::StaffMyWorkshops)}</a>
                            <a href="/account">{lang.t(Key::NavStaffAccount)}</a>
                        }
                            .into_any(),
                        _ => view! {
                            <a class="staff-login" href="/login">{lang.t(Key::NavStaffLogin)}</a>
                        }
                            .into_any(),
                    }
                })}
            </Transition>
        </nav>
    }
}
