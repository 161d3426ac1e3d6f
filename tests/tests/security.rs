//! Security basics, in-process, on SQLite and PostgreSQL: security headers with a script
//! nonce that matches the page's inline scripts, cookie flags, login and join throttling
//! (and whose address counts behind a proxy), refusal of cross-site writes, body size
//! limits, and link secrets kept out of logs. `docs/security.md` explains the mechanisms.

use axum::body::Body;
use axum::Router;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use app::ids::WorkshopId;
use server::security::Settings;
use tests::{cookie_from, form, on_both_databases, Reply, TestApp, TestDb};

/// The value of a directive of a Content-Security-Policy.
fn directive<'a>(csp: &'a str, name: &str) -> &'a str {
    csp.split(';')
        .map(str::trim)
        .find(|d| d.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("no {name} in {csp}"))
}

/// The nonce of a response's policy.
#[track_caller]
fn header_nonce(reply: &Reply) -> String {
    let csp = reply
        .headers
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("no CSP: {:?}", reply.headers))
        .to_str()
        .unwrap();
    let scripts = directive(csp, "script-src");
    assert!(!scripts.contains("unsafe-inline"), "{scripts}");
    assert!(!scripts.contains("'unsafe-eval'"), "{scripts}");
    assert!(scripts.contains("'wasm-unsafe-eval'"), "{scripts}");
    assert_eq!(directive(csp, "frame-ancestors"), "frame-ancestors 'none'");
    assert_eq!(directive(csp, "object-src"), "object-src 'none'");
    scripts
        .split_whitespace()
        .find_map(|s| s.strip_prefix("'nonce-")?.strip_suffix('\''))
        .unwrap_or_else(|| panic!("no nonce in {scripts}"))
        .to_owned()
}

/// Every `<script …>` opening tag of a page.
fn script_tags(html: &str) -> Vec<&str> {
    html.match_indices("<script")
        .map(|(at, _)| &html[at..at + html[at..].find('>').expect("tag ends")])
        .collect()
}

/// Checks the headers of a page, and that every inline script carries the header's nonce;
/// returns the nonce.
#[track_caller]
fn check_page(path: &str, reply: &Reply) -> String {
    assert!(
        reply.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"),
        "{path}: {reply:?}"
    );
    check_plain_headers(path, reply);
    let nonce = header_nonce(reply);
    let tags = script_tags(&reply.body);
    let inline: Vec<_> = tags.iter().filter(|t| !t.contains(" src=")).collect();
    assert!(!inline.is_empty(), "{path}: the hydration script is inline");
    for tag in inline {
        assert!(
            tag.contains(&format!("nonce=\"{nonce}\"")),
            "{path}: {tag} lacks nonce {nonce}"
        );
    }
    for tag in tags.iter().filter(|t| t.contains(" src=")) {
        assert!(
            tag.contains("src=\"/"),
            "{path}: scripts come from this site only: {tag}"
        );
    }
    nonce
}

#[track_caller]
fn check_plain_headers(path: &str, reply: &Reply) {
    assert_eq!(reply.headers["x-content-type-options"], "nosniff", "{path}");
    assert_eq!(reply.headers["x-frame-options"], "DENY", "{path}");
    let referrer = reply.headers["referrer-policy"].to_str().unwrap();
    if path.starts_with("/observe/") || path.starts_with("/resume/") {
        assert_eq!(referrer, "no-referrer", "{path}: the path holds a secret");
    } else {
        assert_eq!(referrer, "same-origin", "{path}");
    }
}

/// The ids of a workshop's teams.
async fn team_ids(app: &TestApp, workshop: i64) -> Vec<i64> {
    app::workshop::repo::teams(app.db().pool(), WorkshopId(workshop))
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id.0)
        .collect()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

/// A POST to a server function with the given headers and a body of `len` bytes.
fn post(path: &str, headers: &[(&str, &str)], body: String) -> Request<Body> {
    let mut request = Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from(body)).unwrap()
}

/// Sends a request to a router of our own making (for settings [`TestApp`] does not take).
async fn send(router: &Router, request: Request<Body>) -> (StatusCode, String) {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// A server-function call from a peer address, with extra headers.
fn call_from(
    ip: [u8; 4],
    endpoint: &str,
    pairs: &[(&str, &str)],
    headers: &[(&str, &str)],
) -> Request<Body> {
    let mut request = post(&format!("/api/{endpoint}"), headers, form(pairs));
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            ip, 40000,
        ))));
    request
}

on_both_databases! {
    async fn pages_have_security_headers_and_scripts_run_only_with_the_nonce(app: TestApp) {
        let (workshop, staff) = app.demo_facilitator().await;
        let teams = team_ids(&app, workshop).await;
        let participant = app.join(app::demo::DEMO_JOIN_CODE, "Ana", teams[0]).await;
        let link = app
            .call_as(&staff, "create_share_link", &[
                ("workshop", &workshop.to_string()), ("team", ""), ("label", "x"), ("expires_on", ""),
            ])
            .await
            .json()["path"]
            .as_str()
            .unwrap()
            .to_owned();
        let w = workshop;
        let pages: Vec<(String, &str)> = vec![
            ("/".into(), ""),
            ("/join".into(), ""),
            ("/login".into(), ""),
            ("/no-such-page".into(), ""),
            (link.clone(), ""),
            (format!("/workshops/{w}/assess"), &participant),
            (format!("/workshops/{w}/team"), &participant),
            (format!("/workshops/{w}/report"), &participant),
            ("/facilitate".into(), &staff),
            (format!("/facilitate/workshops/{w}/dashboard"), &staff),
            (format!("/facilitate/workshops/{w}/prioritisation"), &staff),
            (format!("/facilitate/workshops/{w}/roadmap"), &staff),
            (format!("/facilitate/workshops/{w}/report"), &staff),
        ];
        let mut nonces = Vec::new();
        for (path, cookie) in &pages {
            let reply = app.get_with(path, &[("cookie", cookie)]).await;
            assert!(reply.status == 200 || path == "/no-such-page", "{path}: {}", reply.status);
            nonces.push(check_page(path, &reply));
        }
        nonces.sort();
        nonces.dedup();
        assert_eq!(nonces.len(), pages.len(), "a new nonce for every response");
        assert!(nonces.iter().all(|n| n.len() >= 22), "128 bits or more: {nonces:?}");

        // Answers that are not pages carry the plain headers too.
        let reply = app.call("who_am_i", "").await;
        check_plain_headers("/api/who_am_i", &reply);
        let reply = app.get(&format!("/facilitate/workshops/{w}/framework.json")).await;
        check_plain_headers("framework.json", &reply);
    }

    async fn cookies_are_http_only_lax_site_wide_and_secure_over_https(app: TestApp) {
        let (workshop, _) = app.demo_facilitator().await;
        let team = team_ids(&app, workshop).await[0].to_string();
        let join = [("code", app::demo::DEMO_JOIN_CODE), ("name", "Ana"), ("team", team.as_str())];
        let login = [
            ("email", app::demo::DEMO_FACILITATOR_EMAIL),
            ("password", app::demo::DEMO_FACILITATOR_PASSWORD),
        ];
        for https in [false, true] {
            let proto: &[(&str, &str)] = if https { &[("x-forwarded-proto", "https")] } else { &[] };
            let joined = app.call_with("join_workshop", &form(&join), proto).await;
            let logged_in = app.call_with("log_in", &form(&login), proto).await;
            let language = app.get_with("/lang/en?next=/", proto).await;
            let mut seen = Vec::new();
            for reply in [&joined, &logged_in, &language] {
                for cookie in reply.headers.get_all("set-cookie") {
                    let cookie = cookie.to_str().unwrap();
                    seen.push(cookie.split('=').next().unwrap().to_owned());
                    let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
                    for flag in ["HttpOnly", "SameSite=Lax", "Path=/"] {
                        assert!(attributes.contains(&flag), "{cookie} lacks {flag}");
                    }
                    assert_eq!(attributes.contains(&"Secure"), https, "{cookie}");
                }
            }
            seen.sort();
            assert_eq!(seen, ["rumbo_lang", "rumbo_resume_once", "rumbo_session", "rumbo_staff"]);
        }
    }

    async fn forged_forwarded_addresses_do_not_escape_the_join_throttle(app: TestApp) {
        app.demo_facilitator().await;
        // Ten wrong codes, each claiming to come from somewhere else.
        for i in 0..10 {
            let forged = format!("203.0.113.{i}");
            let reply = app.call_with("find_workshop", &form(&[("code", "NOPE-0000")]), &[("x-forwarded-for", &forged)]).await;
            assert_eq!(reply.status, 422, "{reply:?}");
        }
        let reply = app.call_with("find_workshop", &form(&[("code", app::demo::DEMO_JOIN_CODE)]), &[("x-forwarded-for", "198.51.100.1")]).await;
        assert_eq!(reply.status, 429, "the header is not believed without a trusted proxy: {}", reply.body);
    }

    async fn logins_are_throttled_per_account_and_per_client(app: TestApp) {
        let (_, _) = app.demo_facilitator().await;
        let email = app::demo::DEMO_FACILITATOR_EMAIL;
        for _ in 0..5 {
            let reply = app.call_from([10, 0, 0, 1], "log_in", &[("email", email), ("password", "wrong")]).await;
            assert_eq!(reply.status, 422, "{reply:?}");
        }
        // Even the right password waits, from anywhere: the account is what is guessed at.
        let right = [("email", email), ("password", app::demo::DEMO_FACILITATOR_PASSWORD)];
        let reply = app.call_from([10, 0, 0, 2], "log_in", &right).await;
        assert_eq!(reply.status, 429, "{reply:?}");
        assert!(cookie_from(&reply, "rumbo_staff").is_none());

        // One client trying many accounts is stopped too (20 failures), others are not.
        for i in 0..20 {
            let someone = format!("person{i}@example.org");
            let reply = app.call_from([10, 0, 0, 3], "log_in", &[("email", &someone), ("password", "wrong")]).await;
            assert_eq!(reply.status, 422, "attempt {i}: {reply:?}");
        }
        let reply = app.call_from([10, 0, 0, 3], "log_in", &[("email", "other@example.org"), ("password", "x")]).await;
        assert_eq!(reply.status, 429, "{reply:?}");
        let reply = app.call_from([10, 0, 0, 4], "log_in", &[("email", "other@example.org"), ("password", "x")]).await;
        assert_eq!(reply.status, 422, "other clients are not affected: {reply:?}");
    }

    async fn cross_site_writes_are_refused_in_the_visitors_language(app: TestApp) {
        let (workshop, staff) = app.demo_facilitator().await;
        let team = team_ids(&app, workshop).await[0].to_string();
        let join = form(&[("code", app::demo::DEMO_JOIN_CODE), ("name", "Eve"), ("team", &team)]);
        let before = count(&app, "SELECT COUNT(*) FROM participants").await;
        let refused: [&[(&str, &str)]; 4] = [
            &[("sec-fetch-site", "cross-site")],
            &[("sec-fetch-site", "same-site")],
            &[("origin", "https://evil.example"), ("host", "rumbo.example")],
            &[("origin", "null"), ("host", "rumbo.example")],
        ];
        for headers in refused {
            let reply = app.call_with("join_workshop", &join, headers).await;
            assert_eq!(reply.status, 403, "{headers:?}: {reply:?}");
            assert!(reply.body.contains("otro sitio web"), "{}", reply.body);
        }
        let reply = app
            .call_with("join_workshop", &join, &[("sec-fetch-site", "cross-site"), ("accept-language", "en")])
            .await;
        assert!(reply.body.contains("another website"), "{}", reply.body);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM participants").await, before, "nobody joined");

        // A signed-in facilitator's session is not usable from another site either.
        let reply = app
            .call_with("regenerate_join_code", &form(&[("workshop", &workshop.to_string())]), &[
                ("cookie", &staff), ("sec-fetch-site", "cross-site"),
            ])
            .await;
        assert_eq!(reply.status, 403);
        let reply = app.call("find_workshop", &form(&[("code", app::demo::DEMO_JOIN_CODE)])).await;
        assert_eq!(reply.status, 200, "the join code is unchanged: {reply:?}");
        let archive = app
            .send(post(app::archive::IMPORT_PATH, &[("cookie", &staff), ("origin", "https://evil.example"), ("host", "rumbo.example")], String::new()))
            .await;
        assert_eq!(archive.status, 403);

        // Our own pages, typed addresses, and clients that are not browsers pass.
        let allowed: [&[(&str, &str)]; 4] = [
            &[("sec-fetch-site", "same-origin")],
            &[("sec-fetch-site", "none")],
            &[("origin", "https://rumbo.example"), ("host", "rumbo.example")],
            &[],
        ];
        for headers in allowed {
            let reply = app.call_with("join_workshop", &join, headers).await;
            assert!(reply.status.is_success() || reply.status.is_redirection(), "{headers:?}: {reply:?}");
        }
        assert_eq!(count(&app, "SELECT COUNT(*) FROM participants").await, before + 4);
        // Reading is never refused: links from other sites keep working.
        let reply = app.get_with("/join", &[("sec-fetch-site", "cross-site")]).await;
        assert_eq!(reply.status, 200);
    }

    async fn oversized_bodies_get_413_whether_announced_or_not(app: TestApp) {
        let (workshop, staff) = app.demo_facilitator().await;
        let big = "a".repeat(server::security::limits::DEFAULT_BODY_LIMIT + 1);
        let length = big.len().to_string();
        let announced = app
            .send(post("/api/save_answer", &[("content-length", &length), ("cookie", &staff)], big.clone()))
            .await;
        assert_eq!(announced.status, 413, "{}", announced.body);
        assert!(announced.body.contains("demasiado grande"), "{}", announced.body);
        // No Content-Length: the body is counted as it is read.
        let unannounced = app.send(post("/api/save_answer", &[], big)).await;
        assert_eq!(unannounced.status, 413, "{}", unannounced.body);

        let api = "x".repeat(server::security::limits::API_BODY_LIMIT + 1);
        let reply = app
            .send(
                Request::put(format!("/api/v1/workshops/{workshop}/answers"))
                    .header("authorization", "Bearer nope")
                    .header("content-type", "application/json")
                    .header("accept-language", "en")
                    .body(Body::from(api))
                    .unwrap(),
            )
            .await;
        assert_eq!(reply.status, 413, "{}", reply.body);
        assert!(reply.body.contains("too large"), "{}", reply.body);

        // The archive import may take more than a server function (and then says why it
        // refuses: no archive in the form).
        let archive = "x".repeat(server::security::limits::DEFAULT_BODY_LIMIT + 1);
        let reply = app
            .send(post(app::archive::IMPORT_PATH, &[("cookie", &staff), ("accept", "application/json")], archive))
            .await;
        assert!(reply.status.is_client_error() && reply.status != 413, "{reply:?}");

        // A body under the limit still works.
        let reply = app.call_as(&staff, "staff_report", &[("workshop", &workshop.to_string())]).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
    }
}

/// Behind a trusted proxy each visitor has their own throttle; what a visitor writes into
/// `X-Forwarded-For` themselves is still not believed.
#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_throttled() {
    let test_db = TestDb::new(tests::Kind::Sqlite).await;
    app::demo::load(&test_db.db).await.unwrap();
    let proxy = [127, 0, 0, 1];
    let settings = Settings {
        trusted_proxies: Settings::parse_trusted_proxies("127.0.0.1, ::1").unwrap(),
    };
    let options = server::leptos_options(([127, 0, 0, 1], 3000).into(), "target/site");
    let router = server::router_with(test_db.db.clone(), options, &settings);
    let wrong = [("code", "NOPE-0000")];
    for i in 0..10 {
        // The visitor forges a different address each time; the proxy appends the real one.
        let chain = format!("198.51.100.{i}, 203.0.113.7");
        let (status, _) = send(
            &router,
            call_from(
                proxy,
                "find_workshop",
                &wrong,
                &[("x-forwarded-for", &chain)],
            ),
        )
        .await;
        assert_eq!(status, 422);
    }
    let right = [("code", app::demo::DEMO_JOIN_CODE)];
    let (status, _) = send(
        &router,
        call_from(
            proxy,
            "find_workshop",
            &right,
            &[("x-forwarded-for", "203.0.113.7")],
        ),
    )
    .await;
    assert_eq!(status, 429, "the visitor behind the proxy is throttled");
    let (status, body) = send(
        &router,
        call_from(
            proxy,
            "find_workshop",
            &right,
            &[("x-forwarded-for", "203.0.113.8")],
        ),
    )
    .await;
    assert_eq!(
        status, 200,
        "another visitor behind the same proxy is not: {body}"
    );
    // A peer that is not the proxy cannot choose its address.
    for _ in 0..10 {
        send(
            &router,
            call_from(
                [192, 0, 2, 1],
                "find_workshop",
                &wrong,
                &[("x-forwarded-for", "203.0.113.9")],
            ),
        )
        .await;
    }
    let (status, _) = send(
        &router,
        call_from(
            [192, 0, 2, 1],
            "find_workshop",
            &right,
            &[("x-forwarded-for", "203.0.113.10")],
        ),
    )
    .await;
    assert_eq!(status, 429);
    assert!(Settings::parse_trusted_proxies("127.0.0.1, proxy.local").is_err());
}

#[test]
fn link_secrets_are_left_out_of_logged_paths() {
    let token = "ab".repeat(32);
    assert_eq!(
        server::loggable_path(&format!("/observe/{token}")),
        "/observe/…"
    );
    assert_eq!(
        server::loggable_path(&format!("/resume/{token}")),
        "/resume/…"
    );
    assert_eq!(
        server::loggable_path("/facilitate/workshops/3/dashboard"),
        "/facilitate/workshops/3/dashboard"
    );
}
