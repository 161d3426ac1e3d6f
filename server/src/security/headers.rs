//! Security headers on every response, with a fresh script nonce per response.
//!
//! Leptos renders inline scripts (the hydration loader, streamed resources) and marks them
//! with the nonce it finds in its context. This layer makes the nonce, hands it to the
//! rendering through the request's extensions (see [`provide_page_nonce`]), and writes the
//! same nonce into the `Content-Security-Policy` header, so only the scripts we rendered run.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context, LeptosOptions};

/// The nonce of the page being rendered, carried from [`set`] to [`provide_page_nonce`].
#[derive(Clone, Debug)]
pub(crate) struct PageNonce(pub(crate) Nonce);

/// The fixed parts of the policy, decided once per router.
#[derive(Debug)]
pub(crate) struct Policy {
    /// cargo-leptos' live reload (`cargo leptos watch` only) connects to its own port.
    reload_port: Option<u32>,
}

impl Policy {
    pub(crate) fn new(options: &LeptosOptions) -> Policy {
        // The same switch `AutoReload` uses to decide whether to add its script.
        let watching = std::env::var_os("LEPTOS_WATCH").is_some();
        Policy {
            reload_port: watching
                .then(|| options.reload_external_port.unwrap_or(options.reload_port)),
        }
    }
}

/// The `Content-Security-Policy` of a response whose inline scripts carry `nonce`.
///
/// - scripts: our own files (the hydration bundle, ECharts from `/vendor/`) and inline
///   scripts with the nonce; never other inline scripts or `eval`. `'wasm-unsafe-eval'` lets
///   the browser compile our WebAssembly, which Chromium refuses under a `script-src`
///   without it.
/// - styles: our stylesheet, plus `'unsafe-inline'` for styles only: pages and ECharts use
///   `style` attributes (bar widths, colours). Inline styles cannot run code.
/// - images: our own, and `data:`/`blob:` for the charts' PNG downloads and the QR codes.
/// - no plugins, no `<base>` rewriting, forms post only to us, no framing by anyone.
pub fn content_security_policy(nonce: &str, reload_port: Option<u32>) -> String {
    let reload = reload_port
        .map(|port| format!(" ws://*:{port} wss://*:{port}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; \
         script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; \
         connect-src 'self'{reload}; \
         object-src 'none'; \
         base-uri 'none'; \
         form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The referrer policy for a path. Observer and resume links carry a secret in the path: no
/// referrer at all leaves them. Elsewhere only our own pages learn where a visitor came from.
pub fn referrer_policy(path: &str) -> &'static str {
    if super::redact::loggable_path(path) != path {
        "no-referrer"
    } else {
        "same-origin"
    }
}

/// Adds the security headers to every response; makes the nonce the page is rendered with.
pub(crate) async fn set(
    State(policy): State<Arc<Policy>>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = Nonce::new();
    let referrer = referrer_policy(request.uri().path());
    request.extensions_mut().insert(PageNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&nonce, policy.reload_port)) {
        headers.insert(CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static(referrer));
    // For browsers too old for `frame-ancestors`.
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // A page we open cannot reach back into ours through `window.opener`, and ours cannot
    // be reached by a page that opened it.
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// Gives the page being rendered the nonce of its response (called in the Leptos context of
/// every request). Without it Leptos would make a nonce of its own, unknown to the header.
pub(crate) fn provide_page_nonce() {
    let nonce = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<PageNonce>().cloned());
    if let Some(PageNonce(nonce)) = nonce {
        provide_context(nonce);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_need_the_nonce_and_inline_scripts_are_not_allowed() {
        let csp = content_security_policy("abc", None);
        let scripts = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .expect("script-src");
        assert!(scripts.contains("'nonce-abc'"), "{scripts}");
        assert!(!scripts.contains("unsafe-inline"), "{scripts}");
        assert!(!scripts.contains("'unsafe-eval'"), "{scripts}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(
            !csp.contains("ws://"),
            "no live reload outside `cargo leptos watch`"
        );
        assert!(content_security_policy("abc", Some(3001)).contains("ws://*:3001"));
    }

    #[test]
    fn links_with_secrets_send_no_referrer() {
        assert_eq!(referrer_policy("/observe/abc"), "no-referrer");
        assert_eq!(referrer_policy("/resume/abc"), "no-referrer");
        assert_eq!(referrer_policy("/workshops/1/report"), "same-origin");
    }
}
