//! The facilitator's account pages, the header's sign-in links, and the workshop's
//! facilitators page.

mod account;
mod facilitators;
mod login;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::current_staff;
use crate::error::AppError;
use crate::i18n::{use_lang, Key};
use crate::ui::{set_status, ErrorNotice};
pub use account::AccountPage;
pub use facilitators::FacilitatorsPage;
pub use login::LoginPage;

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

/// An error on a facilitator page: "sign in" (with a way back to `next`) for strangers, a
/// plain explanation for facilitators of other workshops, else the usual notice. Sets the
/// page's HTTP status.
#[component]
pub fn StaffErrorNotice(
    /// What went wrong.
    error: AppError,
    /// The page to come back to after signing in.
    next: String,
) -> impl IntoView {
    let lang = use_lang();
    match error {
        AppError::Unauthorized => {
            set_status(401);
            view! {
                <div class="notice error" role="alert">
                    <h2>{lang.t(Key::LoginRequiredTitle)}</h2>
                    <p>{lang.t(Key::LoginRequiredText)}</p>
                    <p>
                        <a class="button" href=login_href(&next)>{lang.t(Key::LoginSubmit)}</a>
                    </p>
                </div>
            }
            .into_any()
        }
        AppError::Forbidden => {
            set_status(403);
            view! {
                <div class="notice error" role="alert">
                    <h2>{lang.t(Key::ErrorTitle)}</h2>
                    <p>{lang.t(Key::StaffNotYourWorkshop)}</p>
                    <p>
                        <a href="/facilitate">{lang.t(Key::StaffMyWorkshops)}</a>
                    </p>
                </div>
            }
            .into_any()
        }
        other => view! { <ErrorNotice error=other /> }.into_any(),
    }
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
