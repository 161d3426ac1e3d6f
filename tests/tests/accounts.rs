//! Facilitator accounts, in-process, on SQLite and PostgreSQL: creating accounts, signing in
//! and out, throttling, sessions, the password change, co-facilitator invitations and their
//! access matrix, and the pages.

use app::error::AppError;
use app::facilitator::{create_account, password, repo, Email, Role};
use app::framework::default_framework;
use app::ids::{FacilitatorId, WorkshopId};
use app::workshop::repo::{create, teams, NewWorkshop};
use app::workshop::{JoinCode, Phase};
use tests::{cookie_from, form, on_both_databases, TestApp, TEST_PASSWORD};

/// A workshop in the assessment phase owned by a new facilitator `owner@…`; returns its id,
/// the owner's session cookie, and its first team.
async fn owned_workshop(app: &TestApp, owner: &str) -> (i64, String, i64) {
    let cookie = app.facilitator(owner).await;
    let owner_id = account_id(app, owner).await;
    let code = JoinCode::parse("ACC-2026").unwrap();
    let mut tx = app.db().pool().begin().await.unwrap();
    let id = create(
        &mut tx,
        &NewWorkshop {
            title: "Taller de cuentas",
            description: "",
            join_code: &code,
            framework: default_framework().unwrap(),
            teams: &["GAD Loja"],
            phase: Phase::Assessment,
            anonymity_threshold: 3,
            is_demo: false,
        },
    )
    .await
    .unwrap();
    repo::grant(&mut *tx, id, owner_id, Role::Owner)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let team = teams(app.db().pool(), id).await.unwrap()[0].id.0;
    (id.0, cookie, team)
}

async fn account_id(app: &TestApp, email: &str) -> FacilitatorId {
    let email = Email::parse(email).unwrap();
    repo::by_email(app.db().pool(), &email)
        .await
        .unwrap()
        .expect("account")
        .0
        .id
}

/// The signed-in facilitator's e-mail as `current_staff` reports it (`None` when signed out).
async fn who(app: &TestApp, cookie: &str) -> Option<String> {
    let reply = app.call_as(cookie, "current_staff", &[]).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["email"].as_str().map(str::to_owned)
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(app.db().pool())
        .await
        .unwrap()
}

fn field_errors(reply: &tests::Reply) -> Vec<String> {
    reply.json()["fields"]
        .as_object()
        .map(|f| f.keys().cloned().collect())
        .unwrap_or_default()
}

fn login_form(email: &str, password: &str) -> Vec<(&'static str, String)> {
    vec![
        ("email", email.to_owned()),
        ("password", password.to_owned()),
    ]
}

async fn log_in_from(app: &TestApp, ip: [u8; 4], email: &str, password: &str) -> tests::Reply {
    let pairs = login_form(email, password);
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call_from(ip, "log_in", &pairs).await
}

on_both_databases! {
    async fn accounts_are_created_with_checked_input(app: TestApp) {
        let id = create_account(app.db(), " Ana@Prefectura.GOB.ec ", Some("  Ana  López "), "una frase larga")
            .await
            .unwrap();
        let (staff, phc) = repo::by_email(app.db().pool(), &Email::parse("ana@prefectura.gob.ec").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!((staff.id, staff.name.as_str()), (id, "Ana López"));
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(password::verify(phc, "una frase larga".into()).await);

        // Without a name, the part before the @.
        create_account(app.db(), "luis@x.org", None, "otra frase larga").await.unwrap();
        let (luis, _) = repo::by_email(app.db().pool(), &Email::parse("luis@x.org").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(luis.name, "luis");

        // The same address, in other letters: a conflict that names the problem.
        let again = create_account(app.db(), "ANA@prefectura.gob.ec", None, "una frase larga").await;
        assert_eq!(
            again,
            Err(AppError::Conflict { reason: app::i18n::Key::ErrEmailTaken })
        );
        // Every mistake at once, and nothing stored.
        let Err(AppError::Validation { fields }) = create_account(app.db(), "nope", Some(" "), "short").await else {
            panic!("bad input accepted");
        };
        assert_eq!(fields.keys().collect::<Vec<_>>(), ["email", "name", "password"]);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM facilitators").await, 2);

        // And the account signs in through the app.
        let cookie = app.log_in("ana@prefectura.gob.ec", "una frase larga").await;
        assert_eq!(who(&app, &cookie).await.as_deref(), Some("ana@prefectura.gob.ec"));
    }

    async fn log_in_sets_a_safe_cookie(app: TestApp) {
        app.facilitator("ana@x.org").await;
        let body = form(&[("email", "ana@x.org"), ("password", TEST_PASSWORD)]);
        let plain = app.call("log_in", &body).await;
        assert!(plain.status.is_success() || plain.status.is_redirection(), "{plain:?}");
        let set = plain.headers["set-cookie"].to_str().unwrap().to_owned();
        assert!(set.starts_with("rumbo_staff="), "{set}");
        for part in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=604800"] {
            assert!(set.contains(part), "{part} missing: {set}");
        }
        assert!(!set.contains("Secure"), "not over plain http: {set}");
        assert_eq!(plain.headers["location"], "/facilitate", "no next: the facilitator's home");

        let https = app
            .call_with("log_in", &body, &[("x-forwarded-proto", "https")])
            .await;
        let set = https.headers["set-cookie"].to_str().unwrap();
        assert!(set.contains("Secure") && set.contains("HttpOnly"), "{set}");
        // Only a hash of the secret is stored.
        let cookie = cookie_from(&https, "rumbo_staff").unwrap();
        let token = cookie.trim_start_matches("rumbo_staff=");
        let stored = count(&app, &format!(
            "SELECT COUNT(*) FROM facilitator_sessions WHERE token_hash = '{token}'"
        )).await;
        assert_eq!(stored, 0);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM facilitator_sessions").await, 3);
    }

    async fn wrong_password_and_unknown_email_look_the_same(app: TestApp) {
        app.facilitator("ana@x.org").await;
        let wrong = app.call("log_in", &form(&[("email", "ana@x.org"), ("password", "not the password")])).await;
        let unknown = app.call("log_in", &form(&[("email", "nadie@x.org"), ("password", "not the password")])).await;
        let malformed = app.call("log_in", &form(&[("email", "nadie"), ("password", "x")])).await;
        for reply in [&wrong, &unknown, &malformed] {
            assert_eq!(reply.status, 422, "{reply:?}");
            assert_eq!(field_errors(reply), ["password"]);
            assert!(cookie_from(reply, "rumbo_staff").is_none());
        }
        assert_eq!(wrong.body, unknown.body);
        assert_eq!(wrong.body, malformed.body);
        assert!(wrong.json()["message"].as_str().unwrap().contains("no son correctos"));
    }

    async fn an_account_is_locked_after_five_failures_from_anywhere(app: TestApp) {
        app.facilitator("ana@x.org").await;
        for i in 0..5 {
            let reply = log_in_from(&app, [10, 0, 0, 1 + i], "ana@x.org", "wrong password").await;
            assert_eq!(reply.status, 422, "attempt {i}: {reply:?}");
        }
        // The right password, from yet another address: still locked, for this account only.
        let reply = log_in_from(&app, [10, 0, 9, 9], "ana@x.org", TEST_PASSWORD).await;
        assert_eq!(reply.status, 429, "{reply:?}");
        assert!(cookie_from(&reply, "rumbo_staff").is_none());
        // The address is typed differently but is the same account.
        let reply = log_in_from(&app, [10, 0, 9, 9], " ANA@x.org", TEST_PASSWORD).await;
        assert_eq!(reply.status, 429, "{reply:?}");
        // Without JavaScript, the form comes back saying how long to wait.
        let reply = app
            .call_with(
                "log_in",
                &form(&[("email", "ana@x.org"), ("password", TEST_PASSWORD)]),
                &[("accept", "text/html"), ("referer", "http://localhost/login")],
            )
            .await;
        let back = reply.headers["location"].to_str().unwrap().trim_start_matches("http://localhost").to_owned();
        assert!(back.contains("__err="), "{back}");
        let page = app.get(&back).await;
        assert!(page.body.contains("espere 15 minutos"), "{}", page.body);
        app.facilitator("luis@x.org").await;
        let reply = log_in_from(&app, [10, 0, 0, 1], "luis@x.org", TEST_PASSWORD).await;
        assert!(reply.status.is_success(), "other accounts are not locked: {reply:?}");

        // Once the window has passed, the account opens again.
        sqlx::query("UPDATE login_failures SET at = at - 901")
            .execute(app.db().pool())
            .await
            .unwrap();
        let reply = log_in_from(&app, [10, 0, 9, 9], "ana@x.org", TEST_PASSWORD).await;
        assert!(reply.status.is_success(), "{reply:?}");
    }

    async fn a_client_is_locked_after_twenty_failures_across_accounts(app: TestApp) {
        app.facilitator("ana@x.org").await;
        let guesser = [192, 0, 2, 7];
        for i in 0..20 {
            let reply = log_in_from(&app, guesser, &format!("guess{i}@x.org"), "wrong password").await;
            assert_eq!(reply.status, 422, "attempt {i}: {reply:?}");
        }
        let reply = log_in_from(&app, guesser, "ana@x.org", TEST_PASSWORD).await;
        assert_eq!(reply.status, 429, "{reply:?}");
        // Ana, from her own address, is not locked out by someone else's guessing.
        let reply = log_in_from(&app, [198, 51, 100, 1], "ana@x.org", TEST_PASSWORD).await;
        assert!(reply.status.is_success(), "{reply:?}");
    }

    async fn log_out_ends_the_session(app: TestApp) {
        let cookie = app.facilitator("ana@x.org").await;
        let other_device = app.log_in("ana@x.org", TEST_PASSWORD).await;
        assert_eq!(who(&app, &cookie).await.as_deref(), Some("ana@x.org"));
        let reply = app.call_as(&cookie, "log_out", &[]).await;
        assert!(reply.status.is_success() || reply.status.is_redirection(), "{reply:?}");
        let cleared = reply.headers["set-cookie"].to_str().unwrap();
        assert!(cleared.starts_with("rumbo_staff=;") && cleared.contains("Max-Age=0"), "{cleared}");
        assert_eq!(reply.headers["location"], "/login");
        // The old cookie, replayed, is worth nothing; the other device stays signed in.
        assert_eq!(who(&app, &cookie).await, None);
        assert_eq!(who(&app, &other_device).await.as_deref(), Some("ana@x.org"));
        // Signing out twice, or without a session, is harmless.
        assert!(app.call_as(&cookie, "log_out", &[]).await.status.is_success());
        assert!(app.call("log_out", "").await.status.is_success());
    }

    async fn expired_and_forged_sessions_are_refused(app: TestApp) {
        let (workshop, cookie, _) = owned_workshop(&app, "ana@x.org").await;
        let w = workshop.to_string();
        assert_eq!(app.call_as(&cookie, "workshop_facilitators", &[("workshop", &w)]).await.status, 200);
        sqlx::query("UPDATE facilitator_sessions SET expires_at = $1")
            .bind(app::db::now() - 1)
            .execute(app.db().pool())
            .await
            .unwrap();
        assert_eq!(who(&app, &cookie).await, None);
        let reply = app.call_as(&cookie, "workshop_facilitators", &[("workshop", &w)]).await;
        assert_eq!(reply.status, 401, "{reply:?}");
        let forged = format!("rumbo_staff={}", "a".repeat(64));
        assert_eq!(who(&app, &forged).await, None);
        assert_eq!(who(&app, "rumbo_staff=' OR 1=1 --").await, None);
        // The next login forgets expired sessions.
        app.log_in("ana@x.org", TEST_PASSWORD).await;
        assert_eq!(count(&app, "SELECT COUNT(*) FROM facilitator_sessions").await, 1);
    }

    async fn passwords_are_changed_with_care(app: TestApp) {
        let here = app.facilitator("ana@x.org").await;
        let elsewhere = app.log_in("ana@x.org", TEST_PASSWORD).await;
        let change = |current: &'static str, new: &'static str, repeat: &'static str| {
            [("current_password", current), ("new_password", new), ("repeat_password", repeat)]
        };

        let reply = app.call_as(&here, "change_password", &change("wrong password", "a new long password", "a new long password")).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        assert_eq!(field_errors(&reply), ["current_password"]);
        // A wrong current password counts as a failed login.
        assert_eq!(count(&app, "SELECT COUNT(*) FROM login_failures WHERE account = 'ana@x.org'").await, 1);

        let reply = app.call_as(&here, "change_password", &change(TEST_PASSWORD, "a new long password", "a new long passwort")).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        assert_eq!(field_errors(&reply), ["repeat_password"]);

        let reply = app.call_as(&here, "change_password", &change(TEST_PASSWORD, "short", "short")).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        assert_eq!(field_errors(&reply), ["new_password"]);
        assert!(reply.json()["message"].as_str().unwrap().contains("al menos 10"));

        // Nothing changed so far.
        assert_eq!(who(&app, &elsewhere).await.as_deref(), Some("ana@x.org"));
        let anonymous = app.call("change_password", &form(&change(TEST_PASSWORD, "a new long password", "a new long password"))).await;
        assert_eq!(anonymous.status, 401);

        // The form as a browser without JavaScript sends it (with the hidden username).
        let body = form(&[
            ("username", "ana@x.org"),
            ("current_password", TEST_PASSWORD),
            ("new_password", "a new long password"),
            ("repeat_password", "a new long password"),
        ]);
        let reply = app
            .call_with("change_password", &body, &[("cookie", &here), ("accept", "text/html"), ("referer", "/account")])
            .await;
        assert!(reply.status.is_redirection(), "{reply:?}");
        assert_eq!(reply.headers["location"], "/account?changed=1");

        assert_eq!(who(&app, &here).await.as_deref(), Some("ana@x.org"), "this session stays");
        assert_eq!(who(&app, &elsewhere).await, None, "other sessions end");
        let old = app.call("log_in", &form(&[("email", "ana@x.org"), ("password", TEST_PASSWORD)])).await;
        assert_eq!(old.status, 422);
        app.log_in("ana@x.org", "a new long password").await;
        let page = app.get_with("/account?changed=1", &[("cookie", &here)]).await;
        assert!(page.body.contains("Su contraseña cambió"), "{}", page.body);
    }

    async fn wrong_current_passwords_are_throttled_too(app: TestApp) {
        let here = app.facilitator("ana@x.org").await;
        let pairs = [("current_password", "wrong password"), ("new_password", "a new long password"), ("repeat_password", "a new long password")];
        for _ in 0..5 {
            assert_eq!(app.call_as(&here, "change_password", &pairs).await.status, 422);
        }
        let right = [("current_password", TEST_PASSWORD), ("new_password", "a new long password"), ("repeat_password", "a new long password")];
        assert_eq!(app.call_as(&here, "change_password", &right).await.status, 429);
        let reply = app.call("log_in", &form(&[("email", "ana@x.org"), ("password", TEST_PASSWORD)])).await;
        assert_eq!(reply.status, 429);
    }

    async fn next_never_leaves_the_site(app: TestApp) {
        app.facilitator("ana@x.org").await;
        for (next, expected) in [
            ("//evil.example", "/facilitate"),
            ("https://evil.example/", "/facilitate"),
            ("/\\evil.example", "/facilitate"),
            ("/x\r\nSet-Cookie: a=b", "/facilitate"),
            ("/facilitate/workshops/7/facilitators", "/facilitate/workshops/7/facilitators"),
        ] {
            let body = form(&[("email", "ana@x.org"), ("password", TEST_PASSWORD), ("next", next)]);
            // As a plain form post (a real redirect) and as our pages' script sends it.
            for accept in ["text/html", "application/json"] {
                let reply = app
                    .call_with("log_in", &body, &[("accept", accept), ("referer", "/login")])
                    .await;
                assert_eq!(reply.headers["location"], expected, "{next:?} {accept}: {reply:?}");
                assert!(cookie_from(&reply, "rumbo_staff").is_some());
            }
        }
    }

    async fn the_owner_invites_and_removes_co_facilitators(app: TestApp) {
        let (workshop, owner, team) = owned_workshop(&app, "owner@x.org").await;
        let w = workshop.to_string();
        let co = app.facilitator("co@x.org").await;
        let stranger = app.facilitator("stranger@x.org").await;
        app.facilitator("third@x.org").await;
        let participant = app.join("ACC-2026", "Participante", team).await;
        let rows = || count(&app, "SELECT COUNT(*) FROM workshop_facilitators");
        let list = |cookie: String| {
            let w = w.clone();
            let app = &app;
            async move { app.call_as(&cookie, "workshop_facilitators", &[("workshop", &w)]).await }
        };

        // Before the invitation, co@ is a stranger to the workshop.
        assert_eq!(list(co.clone()).await.status, 403);

        // Unknown address, malformed address: clear field errors, nothing changes.
        let reply = app.call_as(&owner, "invite_cofacilitator", &[("workshop", &w), ("email", "nobody@x.org")]).await;
        assert_eq!(reply.status, 422, "{reply:?}");
        assert_eq!(field_errors(&reply), ["email"]);
        assert!(reply.json()["message"].as_str().unwrap().contains("necesita una cuenta"));
        let reply = app.call_as(&owner, "invite_cofacilitator", &[("workshop", &w), ("email", "not an address")]).await;
        assert_eq!(reply.status, 422);
        assert_eq!(rows().await, 1);

        // The owner invites (in whatever letters the address is typed).
        let reply = app.call_as(&owner, "invite_cofacilitator", &[("workshop", &w), ("email", " CO@x.org ")]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        let seen = list(co.clone()).await;
        assert_eq!(seen.status, 200, "the invited facilitator now runs the workshop");
        let seen = seen.json();
        assert_eq!(seen["my_role"], "co_facilitator");
        assert_eq!(seen["members"][0]["email"], "owner@x.org");
        assert_eq!(seen["members"][0]["role"], "owner");
        assert_eq!(seen["members"][1]["email"], "co@x.org");

        // Twice: a conflict that says why.
        let reply = app.call_as(&owner, "invite_cofacilitator", &[("workshop", &w), ("email", "co@x.org")]).await;
        assert_eq!(reply.status, 409, "{reply:?}");
        assert_eq!(reply.json()["reason"], "ErrAlreadyFacilitator");
        // The owner is already there too.
        let reply = app.call_as(&owner, "invite_cofacilitator", &[("workshop", &w), ("email", "owner@x.org")]).await;
        assert_eq!(reply.status, 409);

        // Nobody else may invite.
        let third = [("workshop", w.as_str()), ("email", "third@x.org")];
        for (cookie, status) in [
            (co.as_str(), 403),
            (stranger.as_str(), 403),
            (participant.as_str(), 401),
            ("", 401),
        ] {
            let reply = app.call_as(cookie, "invite_cofacilitator", &third).await;
            assert_eq!(reply.status, status, "{cookie}: {reply:?}");
        }
        assert_eq!(rows().await, 2, "nothing changed");
        // Not even into a workshop that does not exist.
        let reply = app.call_as(&owner, "invite_cofacilitator", &[("workshop", "999999"), ("email", "third@x.org")]).await;
        assert_eq!(reply.status, 404);

        // Removing: never the owner, never by anyone but the owner.
        let owner_id = account_id(&app, "owner@x.org").await.to_string();
        let co_id = account_id(&app, "co@x.org").await.to_string();
        let reply = app.call_as(&owner, "remove_cofacilitator", &[("workshop", &w), ("facilitator", &owner_id)]).await;
        assert_eq!(reply.status, 409, "{reply:?}");
        assert!(reply.json()["message"].as_str().unwrap().contains("propietaria"));
        let reply = app.call_as(&co, "remove_cofacilitator", &[("workshop", &w), ("facilitator", &owner_id)]).await;
        assert_eq!(reply.status, 403);
        for (cookie, status) in [(co.as_str(), 403), (stranger.as_str(), 403), (participant.as_str(), 401), ("", 401)] {
            let reply = app.call_as(cookie, "remove_cofacilitator", &[("workshop", &w), ("facilitator", &co_id)]).await;
            assert_eq!(reply.status, status, "{cookie}: {reply:?}");
        }
        assert_eq!(rows().await, 2, "nothing changed");
        let third_id = account_id(&app, "third@x.org").await.to_string();
        let reply = app.call_as(&owner, "remove_cofacilitator", &[("workshop", &w), ("facilitator", &third_id)]).await;
        assert_eq!(reply.status, 404, "not a facilitator of this workshop");

        let reply = app.call_as(&owner, "remove_cofacilitator", &[("workshop", &w), ("facilitator", &co_id)]).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        assert_eq!(list(co.clone()).await.status, 403, "removed: the workshop is closed to them");
        assert_eq!(list(owner.clone()).await.json()["members"].as_array().unwrap().len(), 1);
        // Who may read the list at all.
        assert_eq!(list(participant.clone()).await.status, 401);
        assert_eq!(list(String::new()).await.status, 401);
        assert_eq!(list(stranger.clone()).await.status, 403);
    }

    async fn pages_speak_spanish_and_ask_strangers_to_sign_in(app: TestApp) {
        let login = app.get("/login?next=/account").await;
        assert_eq!(login.status, 200);
        assert!(login.body.contains(r#"lang="es""#));
        assert!(login.body.contains("Acceso para facilitadores"), "{}", login.body);
        assert!(login.body.contains(r#"autocomplete="username""#));
        assert!(login.body.contains(r#"autocomplete="current-password""#));
        assert!(login.body.contains(r#"name="next" value="/account""#), "{}", login.body);
        let english = app.get_with("/login", &[("cookie", "rumbo_lang=en")]).await;
        assert!(english.body.contains("Facilitator sign-in"));

        let page = app.get("/facilitate/workshops/1/facilitators").await;
        assert_eq!(page.status, 401, "{}", page.body);
        assert!(
            page.body.contains(r#"href="/login?next=/facilitate/workshops/1/facilitators""#),
            "{}",
            page.body
        );
        let account = app.get("/account").await;
        assert_eq!(account.status, 401);
        assert!(account.body.contains(r#"href="/login?next=/account""#));

        // The header: a discreet sign-in link for strangers, the account for facilitators.
        let home = app.get("/").await;
        assert!(home.body.contains(r#"href="/login""#), "{}", home.body);
        let (_, owner, _) = owned_workshop(&app, "owner@x.org").await;
        let home = app.get_with("/", &[("cookie", &owner)]).await;
        assert!(home.body.contains(r#"href="/account""#) && !home.body.contains(r#"href="/login""#));

        let login = app.get_with("/login", &[("cookie", &owner)]).await;
        assert!(login.body.contains("Ya inició sesión como"), "{}", login.body);
        let account = app.get_with("/account", &[("cookie", &owner)]).await;
        assert_eq!(account.status, 200);
        assert!(account.body.contains("owner@x.org") && account.body.contains(r#"autocomplete="new-password""#));
    }

    async fn the_facilitators_page_shows_the_form_to_the_owner_only(app: TestApp) {
        let (workshop, owner, _) = owned_workshop(&app, "owner@x.org").await;
        let co = app.facilitator("co@x.org").await;
        let stranger = app.facilitator("stranger@x.org").await;
        repo::grant(app.db().pool(), WorkshopId(workshop), account_id(&app, "co@x.org").await, Role::CoFacilitator)
            .await
            .unwrap();
        let path = format!("/facilitate/workshops/{workshop}/facilitators");
        let page = app.get_with(&path, &[("cookie", &owner)]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Taller de cuentas") && page.body.contains("co@x.org"));
        assert!(page.body.contains(r#"action="/api/invite_cofacilitator""#), "{}", page.body);
        assert!(page.body.contains(r#"action="/api/remove_cofacilitator""#));
        let page = app.get_with(&path, &[("cookie", &co)]).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("owner@x.org") && page.body.contains("(usted)"));
        assert!(!page.body.contains("invite_cofacilitator") && !page.body.contains("remove_cofacilitator"));
        let page = app.get_with(&path, &[("cookie", &stranger)]).await;
        assert_eq!(page.status, 403);
        assert!(page.body.contains("Usted no facilita este taller"));
        assert!(!page.body.contains("owner@x.org"), "nothing leaks");
        let page = app.get_with("/facilitate/workshops/999999/facilitators", &[("cookie", &owner)]).await;
        assert_eq!(page.status, 404);
    }

    async fn without_javascript_a_failed_login_comes_back_with_its_message(app: TestApp) {
        app.facilitator("ana@x.org").await;
        let reply = app
            .call_with(
                "log_in",
                &form(&[("email", "ana@x.org"), ("password", "wrong password"), ("next", "/account")]),
                &[("accept", "text/html"), ("referer", "http://localhost/login?next=/account")],
            )
            .await;
        assert!(reply.status.is_redirection(), "{reply:?}");
        let back = reply.headers["location"].to_str().unwrap().trim_start_matches("http://localhost").to_owned();
        assert!(back.starts_with("/login?next=") && back.contains("__err="), "{back}");
        let page = app.get(&back).await;
        assert!(page.body.contains("El correo o la contraseña no son correctos."), "{}", page.body);
        assert!(page.body.contains(r#"name="next" value="/account""#));
    }
}
