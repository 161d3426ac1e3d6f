//! Header, language switch and footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{use_lang, Key, Lang};

/// The page frame: a skip link, the header with the language switch, the content, the footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="skip-link" href="#main">{lang.t(Key::SkipToContent)}</a>
        <header class="site-header">
            <nav aria-label=lang.t(Key::NavMain)>
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    {lang.t(Key::AppName)}
                </a>
            </nav>
            <crate::facilitator::StaffLinks />
            <LanguageSwitch />
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{lang.t(Key::FooterText)}</p>
            // The learning side is open to anyone, before, during and after a workshop.
            <nav class="footer-links" aria-label=lang.t(Key::LrnFooterNav)>
                <a href="/learn">{lang.t(Key::LrnPrimerTitle)}</a>
                <a href="/learn/experiences">{lang.t(Key::LrnExperiencesTitle)}</a>
            </nav>
        </footer>
    }
}

/// Links to the same page in each language. A plain link works without JavaScript; the
/// server remembers the choice in a cookie.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let current = use_lang();
    let location = use_location();
    view! {
        <nav aria-label=current.t(Key::LanguageSwitch)>
        <ul class="lang-switch">
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    let href = move || {
                        format!("/lang/{}?next={}", lang.code(), encode(&location.pathname.get()))
                    };
                    view! {
                        <li>
                            <a
                                href=href
                                hreflang=lang.code()
                                lang=lang.code()
                                aria-current=(lang == current).then_some("true")
                                rel="nofollow"
                            >
                                {lang.native_name()}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        </nav>
    }
}

/// Percent-encodes a path for a query value.
fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
