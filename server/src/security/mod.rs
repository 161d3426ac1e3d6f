//! The server's defences, as layers around the whole router: security headers with a
//! per-response script nonce, refusal of cross-site writes, the client's address behind a
//! trusted proxy, body size limits and timeouts, and paths with secrets kept out of logs.
//!
//! `docs/security.md` explains each choice; the tests are in `tests/tests/security.rs`.

pub mod client;
pub mod csrf;
pub mod headers;
pub mod limits;
pub mod redact;

use std::net::IpAddr;
use std::sync::Arc;

use axum::middleware::{from_fn, from_fn_with_state};
use axum::Router;
use leptos::prelude::LeptosOptions;

use app::state::AppState;

pub use redact::loggable_path;

/// What an operator may tune about the defences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Reverse proxies whose `X-Forwarded-For` is believed. Empty (the default): the peer
    /// address is the client, and the header, which anyone can send, is ignored.
    pub trusted_proxies: Vec<IpAddr>,
}

impl Settings {
    /// Reads a comma-separated list of IP addresses (`127.0.0.1, ::1`); the first entry that
    /// is not an address is reported.
    pub fn parse_trusted_proxies(list: &str) -> Result<Vec<IpAddr>, String> {
        list.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpAddr>()
                    .map_err(|_| format!("not an IP address in the trusted proxies: {entry:?}"))
            })
            .collect()
    }
}

/// Wraps the app's routes in the defences. The outermost layer runs first: headers are set
/// on every answer, including the refusals of the inner layers.
pub(crate) fn wrap(
    router: Router<AppState>,
    settings: &Settings,
    options: &LeptosOptions,
) -> Router<AppState> {
    let policy = Arc::new(headers::Policy::new(options));
    let proxies = Arc::new(settings.trusted_proxies.clone());
    router
        .layer(from_fn(limits::limit))
        .layer(from_fn(csrf::refuse_cross_site))
        .layer(from_fn_with_state(proxies, client::resolve))
        .layer(from_fn_with_state(policy, headers::set))
}
