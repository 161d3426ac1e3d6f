//! What of a request may be written to the log.

/// Path prefixes whose next segment is a secret: a participant's resume link and an
/// observer's read-only link. Whoever reads the log must not be able to use them.
const SECRET_PREFIXES: [(&str, &str); 2] = [("/resume/", "/resume/…"), ("/observe/", "/observe/…")];

/// A request path as it may be logged: the secret part of resume and observer links is
/// left out. (The query string is never logged, and neither are headers: cookies and
/// `Authorization` stay out of the log.)
pub fn loggable_path(path: &str) -> &str {
    SECRET_PREFIXES
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map_or(path, |(_, shown)| shown)
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn link_secrets_are_not_logged() {
        assert_eq!(loggable_path("/resume/abc123"), "/resume/…");
        assert_eq!(loggable_path("/observe/abc123"), "/observe/…");
        assert_eq!(loggable_path("/observe/abc/extra"), "/observe/…");
        assert_eq!(loggable_path("/workshops/1/team"), "/workshops/1/team");
        // Only the exact prefixes: a page whose name merely starts alike is left alone.
        assert_eq!(loggable_path("/observer"), "/observer");
    }
}

/// The whole router, with every log event captured: secrets sent in the ways a client sends
/// them (link paths, query, cookie, `Authorization`, form body) never reach the log.
#[cfg(test)]
mod captured_logs {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use axum::body::Body;
    use http::Request;
    use tower::ServiceExt;

    #[derive(Clone, Default)]
    struct Capture(Arc<Mutex<Vec<u8>>>);

    impl Write for Capture {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::Error::other("poisoned"))?
                .extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn secrets_never_reach_the_log() {
        let capture = Capture::default();
        let writer = capture.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);

        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("rumbo.db").display());
        let db = app::db::Db::connect(&url).await.unwrap();
        db.migrate().await.unwrap();
        let options = crate::leptos_options(([127, 0, 0, 1], 3000).into(), "target/site");
        let router = crate::router(db, options);

        let secret = "5ec12e7".repeat(9);
        let requests = [
            Request::get(format!("/resume/{secret}")).body(Body::empty()),
            Request::get(format!("/observe/{secret}")).body(Body::empty()),
            Request::get(format!("/join?code={secret}")).body(Body::empty()),
            Request::get("/api/v1/workshops")
                .header("authorization", format!("Bearer {secret}"))
                .body(Body::empty()),
            Request::post("/api/log_in")
                .header("content-type", "application/x-www-form-urlencoded")
                .header(
                    "cookie",
                    format!("rumbo_session={secret}; rumbo_staff={secret}"),
                )
                .body(Body::from(format!("email=a%40b.org&password={secret}"))),
        ];
        for request in requests {
            let response = router.clone().oneshot(request.unwrap()).await.unwrap();
            // Read the whole answer: some logging happens when the body ends.
            let _ = axum::body::to_bytes(response.into_body(), usize::MAX).await;
        }

        let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
        assert!(
            log.contains("/resume/…") && log.contains("/observe/…") && log.contains("/api/log_in"),
            "requests are logged: {log}"
        );
        assert!(!log.contains(&secret), "a secret reached the log:\n{log}");
    }
}
