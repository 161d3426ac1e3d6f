//! Participant sessions on the server: secrets, cookies, and who is asking.
//!
//! A session is a random 256-bit token in an HttpOnly, SameSite=Lax cookie; the database
//! keeps only its SHA-256 hash. The same kind of token, in a link, lets a participant open a
//! new session on another device.

use http::header::{COOKIE, SET_COOKIE};
use http::request::Parts;
use http::HeaderValue;
use leptos::prelude::*;
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::{repo, Me};
use crate::db::Db;
use crate::error::{AppError, AppResult};

/// The cookie that carries the participant's session.
pub const SESSION_COOKIE: &str = "rumbo_session";
/// A short-lived cookie that carries the resume link from joining to the page that shows it
/// once, so that joining also works as a plain form post without JavaScript.
pub const RESUME_ONCE_COOKIE: &str = "rumbo_resume_once";
/// How long a browser session lasts.
pub const SESSION_SECONDS: i64 = 30 * 24 * 3600;
/// How long a resume link works.
pub const RESUME_SECONDS: i64 = 90 * 24 * 3600;

/// A new secret: 32 random bytes from the operating system's generator, as 64 hex digits.
pub fn new_token() -> String {
    let mut bytes = [0_u8; 32];
    // ThreadRng is a CSPRNG seeded and periodically reseeded from the operating system.
    rand::rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// What the database stores of a secret.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a value has the shape of one of our tokens, checked before any database lookup.
pub fn looks_like_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The value of a cookie in a request.
pub fn cookie_value(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// Whether the request came over https (directly or through a proxy that says so), in which
/// case cookies are marked Secure.
pub fn is_https(parts: &Parts) -> bool {
    parts.uri.scheme_str() == Some("https")
        || parts
            .headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, for the whole site; Secure over https.
pub fn cookie_header(name: &str, value: &str, max_age: i64, secure: bool) -> String {
    cookie::Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .max_age(cookie::time::Duration::seconds(max_age))
        .secure(secure)
        .build()
        .to_string()
}

/// Adds a `Set-Cookie` header to the response being built.
pub fn set_cookie(name: &str, value: &str, max_age: i64) {
    let secure = use_context::<Parts>().is_some_and(|p| is_https(&p));
    if let (Some(response), Ok(header)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&cookie_header(name, value, max_age, secure)),
    ) {
        response.append_header(SET_COOKIE, header);
    }
}

/// The participant behind the current request, from their session cookie.
pub async fn current(db: &Db) -> AppResult<Me> {
    let parts = use_context::<Parts>().ok_or(AppError::Unauthorized)?;
    let token = cookie_value(&parts, SESSION_COOKIE).ok_or(AppError::Unauthorized)?;
    if !looks_like_token(&token) {
        return Err(AppError::Unauthorized);
    }
    repo::by_session(db.pool(), &hash_token(&token)).await
}

/// Who is asking, for throttling: the peer address when the server knows it.
pub fn client_key(parts: Option<&Parts>) -> String {
    parts
        .and_then(|p| {
            p.extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        })
        .map(|info| info.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_fixed_length() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert!(looks_like_token(&a));
        assert_eq!(hash_token(&a).len(), 64);
        assert_ne!(hash_token(&a), a, "the stored value is not the secret");
        assert_eq!(hash_token("abc"), hash_token("abc"));
    }

    #[test]
    fn forged_values_are_not_tokens() {
        assert!(!looks_like_token(""));
        assert!(!looks_like_token(&"g".repeat(64)));
        assert!(!looks_like_token(&"a".repeat(63)));
        assert!(!looks_like_token("' OR 1=1 --"));
    }

    #[test]
    fn cookies_are_http_only_and_lax() {
        let plain = cookie_header(SESSION_COOKIE, "x", 60, false);
        assert!(
            plain.contains("HttpOnly") && plain.contains("SameSite=Lax"),
            "{plain}"
        );
        assert!(
            plain.contains("Path=/") && !plain.contains("Secure"),
            "{plain}"
        );
        assert!(cookie_header(SESSION_COOKIE, "x", 60, true).contains("Secure"));
    }
}
