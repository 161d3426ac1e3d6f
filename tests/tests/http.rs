//! In-process HTTP tests, each on a fresh SQLite and a fresh PostgreSQL database.

use sqlx::Row;
use tests::{on_both_databases, TestApp};

async fn demo_id(app: &TestApp) -> i64 {
    app::demo::load(app.db())
        .await
        .expect("demo loads")
        .workshop
        .0
}

on_both_databases! {
    async fn home_page_is_spanish_by_default(app: TestApp) {
        let reply = app.get("/").await;
        assert_eq!(reply.status, 200);
        assert!(reply.body.contains(r#"<html lang="es""#), "{}", reply.body);
        assert!(reply.body.contains("Gobierno abierto, paso a paso"));
        assert!(reply.body.contains("/vendor/echarts.min.js"), "ECharts comes from our own assets");
        assert!(!reply.body.contains("cdn"), "no CDN anywhere");
    }

    async fn home_page_follows_accept_language_and_the_cookie(app: TestApp) {
        let reply = app.get_with("/", &[("accept-language", "en-GB,en;q=0.9")]).await;
        assert!(reply.body.contains(r#"<html lang="en""#));
        assert!(reply.body.contains("Open government, step by step"));

        let reply = app
            .get_with("/", &[("accept-language", "en"), ("cookie", "rumbo_lang=es")])
            .await;
        assert!(reply.body.contains("Gobierno abierto, paso a paso"), "the remembered choice wins");
    }

    async fn language_switch_sets_a_cookie_and_returns_to_the_page(app: TestApp) {
        let reply = app.get("/lang/en?next=/workshops/1/results").await;
        assert_eq!(reply.status, 303);
        assert_eq!(reply.headers["location"], "/workshops/1/results");
        let cookie = reply.headers["set-cookie"].to_str().unwrap();
        assert!(cookie.starts_with("rumbo_lang=en"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"), "{cookie}");

        let reply = app.get("/lang/en?next=//evil.example").await;
        assert_eq!(reply.headers["location"], "/", "no open redirect");
        let reply = app.get("/lang/xx?next=/").await;
        assert_eq!(reply.status, 303);
        assert!(reply.headers.get("set-cookie").is_none(), "unknown languages are ignored");
    }

    async fn unknown_routes_get_the_not_found_page(app: TestApp) {
        let reply = app.get("/no/such/page").await;
        assert_eq!(reply.status, 404);
        assert!(reply.body.contains("Página no encontrada"), "{}", reply.body);
        let reply = app.get_with("/no/such/page", &[("accept-language", "en")]).await;
        assert!(reply.body.contains("Page not found"));
    }

    async fn demo_has_actions_votes_and_a_generated_roadmap(app: TestApp) {
        let workshop = demo_id(&app).await;
        let pool = app.db().pool();
        let teams: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM teams WHERE workshop_id = $1")
            .bind(workshop).fetch_one(pool).await.unwrap();
        let per_team: Vec<(i64, i64, i64)> = sqlx::query(
            "SELECT t.id,
                    (SELECT COUNT(*) FROM actions a WHERE a.team_id = t.id AND COALESCE(a.moscow, '') <> 'wont') AS planned,
                    (SELECT COUNT(*) FROM roadmap_items r WHERE r.team_id = t.id) AS items
             FROM teams t WHERE t.workshop_id = $1",
        )
        .bind(workshop)
        .fetch_all(pool)
        .await
        .unwrap()
        .into_iter()
        .map(|row| (row.get("id"), row.get("planned"), row.get("items")))
        .collect();
        assert_eq!(per_team.len() as i64, teams);
        for (team, planned, items) in &per_team {
            assert!(*planned >= 3, "team {team} has {planned} planned actions");
            assert_eq!(planned, items, "every planned action of team {team} is on its roadmap");
        }
        // Every member spent the five default dots.
        let unspent: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM participants p WHERE p.workshop_id = $1
             AND (SELECT COALESCE(SUM(v.dots), 0) FROM action_votes v WHERE v.participant_id = p.id) <> 5",
        )
        .bind(workshop).fetch_one(pool).await.unwrap();
        assert_eq!(unspent, 0);
        // Dependencies exist, and no item starts before the item it depends on has ended.
        let pairs: Vec<(String, String)> = sqlx::query(
            "SELECT after.starts_on AS dependent_start, before.ends_on AS dependency_end
             FROM action_dependencies d
             JOIN roadmap_items after ON after.action_id = d.action_id
             JOIN roadmap_items before ON before.action_id = d.depends_on",
        )
        .fetch_all(pool)
        .await
        .unwrap()
        .into_iter()
        .map(|row| (row.get("dependent_start"), row.get("dependency_end")))
        .collect();
        assert!(!pairs.is_empty(), "the demo shows dependencies on its roadmaps");
        for (start, end) in &pairs {
            assert!(start > end, "an item starts {start}, before its dependency ends {end}");
        }
        // The facilitator sees every chart of it.
        let (_, cookie) = app.demo_facilitator().await;
        let roadmap = |team: i64| format!("/facilitate/workshops/{workshop}/roadmap?team={team}");
        let (dependent, team): (i64, i64) = sqlx::query(
            "SELECT d.action_id, d.team_id FROM action_dependencies d
             JOIN roadmap_items r ON r.action_id = d.action_id ORDER BY d.action_id",
        )
        .fetch_all(pool)
        .await
        .unwrap()
        .first()
        .map(|row| (row.get("action_id"), row.get("team_id")))
        .unwrap();
        let reply = app.get_with(&roadmap(team), &[("cookie", &cookie)]).await;
        assert!(!reply.body.contains("rm-late-starts"), "the generator never starts an item early");
        // Dates set by hand before the dependency moved: the page says so.
        sqlx::query(
            "UPDATE roadmap_items SET pinned = 1, starts_on = (SELECT before.starts_on
               FROM action_dependencies d JOIN roadmap_items before ON before.action_id = d.depends_on
               WHERE d.action_id = $1 LIMIT 1)
             WHERE action_id = $1",
        )
        .bind(dependent)
        .execute(pool)
        .await
        .unwrap();
        let reply = app.get_with(&roadmap(team), &[("cookie", &cookie)]).await;
        assert!(reply.body.contains("rm-late-starts"), "{}", reply.body);
        for page in ["roadmap", "prioritisation"] {
            let reply = app
                .get_with(&format!("/facilitate/workshops/{workshop}/{page}"), &[("cookie", &cookie)])
                .await;
            assert_eq!(reply.status, 200, "{page}: {}", reply.body);
            assert!(reply.body.contains("class=\"chart"), "{page} draws charts: {}", reply.body);
        }
    }

    async fn demo_loads_once_with_real_prefectures(app: TestApp) {
        let first = app::demo::load(app.db()).await.unwrap();
        let second = app::demo::load(app.db()).await.unwrap();
        assert!(first.created && !second.created);
        assert_eq!(first.workshop, second.workshop);
        assert_eq!(first.join_code.display(), "DEMO-2026");

        let pool = app.db().pool();
        let teams: Vec<(String, i64)> = sqlx::query(
            "SELECT t.name, COUNT(p.id) AS members FROM teams t
             LEFT JOIN participants p ON p.team_id = t.id GROUP BY t.id, t.name",
        )
        .fetch_all(pool)
        .await
        .unwrap()
        .into_iter()
        .map(|row| (row.get("name"), row.get("members")))
        .collect();
        assert!(teams.len() >= 6, "{teams:?}");
        assert!(teams.iter().any(|(name, _)| name.contains("Azuay")));
        assert!(teams.iter().all(|(_, members)| (3..=6).contains(members)), "{teams:?}");

        let answers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers").fetch_one(pool).await.unwrap();
        let participants: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM participants").fetch_one(pool).await.unwrap();
        assert_eq!(answers, participants * 20, "every demo participant answers the 20 indicators");
        let kinds: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT response) FROM answers").fetch_one(pool).await.unwrap();
        assert_eq!(kinds, 3, "levels, 'not applicable' and 'don't know' all appear");
    }

    async fn results_page_shows_the_table_behind_the_radar(app: TestApp) {
        let id = demo_id(&app).await;
        let reply = app.get(&format!("/workshops/{id}/results")).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert!(reply.body.contains(r#"id="pillar-radar""#));
        assert!(reply.body.contains("<table"));
        assert!(reply.body.contains("GAD Provincial de Azuay"));
        assert!(reply.body.contains("Transparencia"));

        let english = app.get_with(&format!("/workshops/{id}/results"), &[("accept-language", "en")]).await;
        assert!(english.body.contains("Pillar averages by team"));
        assert!(english.body.contains("Citizen participation"));
    }

    async fn results_are_computed_from_the_answers(app: TestApp) {
        let id = demo_id(&app).await;
        let reply = app.call("workshop_results", &format!("workshop={id}")).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let json = reply.json();
        assert_eq!(json["pillars"].as_array().unwrap().len(), 4);
        let teams = json["teams"].as_array().unwrap();
        assert!(teams.len() >= 6);
        for team in teams {
            for avg in team["averages"].as_array().unwrap() {
                let avg = avg.as_f64().expect("every demo pillar has answers");
                assert!((1.0..=5.0).contains(&avg), "{avg}");
            }
        }
        // Strengths and weaknesses differ between teams: the demo is not flat.
        let firsts: Vec<f64> = teams.iter().map(|t| t["averages"][0].as_f64().unwrap()).collect();
        let spread = firsts.iter().cloned().fold(f64::MIN, f64::max) - firsts.iter().cloned().fold(f64::MAX, f64::min);
        assert!(spread >= 1.0, "{firsts:?}");
    }

    async fn missing_workshops_are_not_found(app: TestApp) {
        for path in ["/workshops/999999/results", "/workshops/abc/results"] {
            let reply = app.get(path).await;
            assert_eq!(reply.status, 404, "{path}");
            assert!(reply.body.contains("No encontramos lo que busca"), "{path}: {}", reply.body);
        }
        let reply = app.call("workshop_results", "workshop=999999").await;
        assert_eq!(reply.status, 404);
        assert_eq!(reply.json()["kind"], "not_found");
    }

    async fn malformed_server_function_bodies_get_a_clear_400(app: TestApp) {
        for body in ["workshop=abc", "", "workshop=1&workshop=%FF%FE", "nonsense"] {
            let reply = app.call("workshop_results", body).await;
            assert_eq!(reply.status, 400, "{body:?}: {}", reply.body);
            let json = reply.json();
            assert_eq!(json["kind"], "bad_request");
            assert!(json["message"].as_str().unwrap().contains("No pudimos leer la solicitud"));
        }
    }

    async fn schema_refuses_what_code_would_refuse(app: TestApp) {
        demo_id(&app).await;
        let pool = app.db().pool();
        let participant: i64 = sqlx::query_scalar("SELECT MIN(id) FROM participants").fetch_one(pool).await.unwrap();
        let indicator: i64 = sqlx::query_scalar("SELECT MIN(id) FROM indicators").fetch_one(pool).await.unwrap();
        let insert = |response: &'static str, level: Option<i64>, participant: i64, indicator: i64| {
            sqlx::query(
                "INSERT INTO answers (participant_id, indicator_id, response, level, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, 0, 0)",
            )
            .bind(participant)
            .bind(indicator)
            .bind(response)
            .bind(level)
            .execute(pool)
        };
        // One answer per participant and indicator.
        assert!(insert("level", Some(3), participant, indicator).await.is_err());
        // Levels in range, and present exactly when the response is a level.
        sqlx::query("DELETE FROM answers WHERE participant_id = $1 AND indicator_id = $2")
            .bind(participant).bind(indicator).execute(pool).await.unwrap();
        assert!(insert("level", Some(6), participant, indicator).await.is_err());
        assert!(insert("level", Some(0), participant, indicator).await.is_err());
        assert!(insert("level", None, participant, indicator).await.is_err());
        assert!(insert("dont_know", Some(2), participant, indicator).await.is_err());
        assert!(insert("maybe", None, participant, indicator).await.is_err());
        // Foreign keys.
        assert!(insert("level", Some(2), 999_999, indicator).await.is_err());
        assert!(insert("level", Some(2), participant, 999_999).await.is_err());
        // Nothing above was half-written.
        let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE participant_id = $1 AND indicator_id = $2")
            .bind(participant).bind(indicator).fetch_one(pool).await.unwrap();
        assert_eq!(left, 0);
        assert!(insert("level", Some(5), participant, indicator).await.is_ok());
    }

    async fn participants_cannot_sit_in_another_workshops_team(app: TestApp) {
        demo_id(&app).await;
        let pool = app.db().pool();
        let team: i64 = sqlx::query_scalar("SELECT MIN(id) FROM teams").fetch_one(pool).await.unwrap();
        let framework: i64 = sqlx::query_scalar("SELECT MIN(id) FROM frameworks").fetch_one(pool).await.unwrap();
        let other: i64 = sqlx::query_scalar(
            "INSERT INTO workshops (title, join_code, framework_id, created_at, updated_at)
             VALUES ('Otro', 'OTRO2026', $1, 0, 0) RETURNING id",
        )
        .bind(framework)
        .fetch_one(pool)
        .await
        .unwrap_or_default();
        // A framework belongs to one workshop only, so the insert above must have failed…
        assert_eq!(other, 0);
        // …and a participant of a workshop cannot point at a team of another.
        let result = sqlx::query(
            "INSERT INTO participants (workshop_id, team_id, display_name, created_at) VALUES ($1, $2, 'X', 0)",
        )
        .bind(999_999_i64)
        .bind(team)
        .execute(pool)
        .await;
        assert!(result.is_err());
    }

    async fn results_of_unpublished_workshops_are_refused(app: TestApp) {
        use app::workshop::{repo, JoinCode, Phase};
        let code = JoinCode::parse("PRIV-2026").unwrap();
        let mut tx = app.db().pool().begin().await.unwrap();
        let id = repo::create(&mut tx, &repo::NewWorkshop {
            title: "Taller privado",
            description: "",
            join_code: &code,
            framework: app::framework::default_framework().unwrap(),
            teams: &["GAD Provincial de Carchi", "GAD Provincial de Bolívar"],
            phase: Phase::Setup,
            anonymity_threshold: 3,
            is_demo: false,
        })
        .await
        .unwrap();
        tx.commit().await.unwrap();

        let reply = app.call("workshop_results", &format!("workshop={id}")).await;
        assert_eq!(reply.status, 403, "{}", reply.body);
        assert_eq!(reply.json()["kind"], "forbidden");
        let page = app.get_with(&format!("/workshops/{id}/results"), &[("accept-language", "en")]).await;
        assert_eq!(page.status, 403);
        assert!(page.body.contains("You are not allowed to do this."));
        assert!(!page.body.contains("GAD Provincial de Carchi"), "nothing of it leaks");

        // Published by its facilitators, its anonymised results are public.
        sqlx::query("UPDATE workshops SET published_at = 1 WHERE id = $1")
            .bind(id.0)
            .execute(app.db().pool())
            .await
            .unwrap();
        let reply = app.call("workshop_results", &format!("workshop={id}")).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
    }

    async fn health_check_answers(app: TestApp) {
        let reply = app.get("/healthz").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body, "ok");
    }
}
