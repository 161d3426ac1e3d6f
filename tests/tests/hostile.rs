//! Hostile input, in-process on SQLite and PostgreSQL: thousands of generated malformed
//! requests against every server function, every JSON API operation and every download,
//! open-data and archive route, from a signed-out caller, a participant of workshop A and a
//! facilitator of workshop A, aimed mostly at workshop B and at A's other teams.
//!
//! Asserted: no answer is a 5xx, nothing panics, and the data each caller may not change
//! (workshop B; for the participant also A's other teams; for the signed-out caller both
//! workshops) is the same after the attack as before it.
//!
//! What is reached is found, not listed: server functions from server_fn's registry (their
//! fields from the app's source, `tests::hostile::signatures`), API operations from the
//! served OpenAPI document. Generation is seeded: every run sends the same requests.
//! `HOSTILE_REQUESTS` (default 5,001 per database, a third per caller) sets the number per database.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::Duration;

use axum::body::Body;
use http::Request;
use rand::rngs::StdRng;
use rand::seq::{IndexedMutRandom, IndexedRandom};
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

use tests::hostile::{self, Param, Scope};
use tests::{cookie_from, form, Kind, Reply, TestApp};

/// Requests per database unless `HOSTILE_REQUESTS` says otherwise.
const DEFAULT_REQUESTS: usize = 5_001;
/// Longest a single answer may take before it counts as a hang.
const PER_REQUEST: Duration = Duration::from_secs(60);
/// How the pages' own requests look, so that an Origin check lets the attack through to
/// the handlers (a browser on the app's own origin sends these).
const ORIGIN: &str = "http://127.0.0.1:3000";
/// The `Host` that [`ORIGIN`] belongs to: the server refuses writes whose origin is another.
const HOST: &str = "127.0.0.1:3000";

#[tokio::test]
async fn sqlite() {
    attack(Kind::Sqlite, 0x5EED_0001).await;
}

#[tokio::test]
async fn postgres() {
    attack(Kind::Postgres, 0x5EED_0002).await;
}

/// Who sends the requests of one phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    SignedOut,
    Participant,
    Facilitator,
}

/// Everything a phase needs to aim at.
struct World {
    a: i64,
    b: i64,
    own_team: i64,
    staff_a: String,
    participant_a: String,
    api_token_a: String,
    /// Id kind → ids of B, of A's other teams, of A's own team.
    targets: HashMap<String, Vec<i64>>,
    /// A valid archive (of A), for the import route.
    archive: Vec<u8>,
}

/// One thing to attack.
#[derive(Debug, Clone)]
enum Target {
    ServerFn {
        path: String,
        params: Vec<Param>,
    },
    Api {
        method: String,
        path: String,
        body: Option<Value>,
    },
    Route {
        template: &'static str,
    },
}

/// What went wrong, for the failure message.
#[derive(Debug)]
struct Failure {
    role: Role,
    what: String,
    status: String,
    body: String,
}

impl Failure {
    fn describe(&self) -> String {
        format!(
            "as {:?}: {} → {} {}",
            self.role, self.what, self.status, self.body
        )
    }
}

static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Records every panic, including those of spawned tasks that no one awaits.
fn watch_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(mut panics) = PANICS.lock() {
                panics.push(format!(
                    "{} on thread {:?}",
                    info,
                    std::thread::current().name()
                ));
            }
            default(info);
        }));
    });
}

async fn attack(kind: Kind, seed: u64) {
    watch_panics();
    let total: usize = std::env::var("HOSTILE_REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_REQUESTS);
    let app = TestApp::new(kind).await;
    let unclassified = hostile::unclassified_tables(app.db()).await;
    assert!(
        unclassified.is_empty(),
        "tables neither snapshotted nor bookkeeping (classify them in tests/src/hostile/snapshot.rs): {unclassified:?}"
    );
    let mut world = setup(&app).await;
    let targets = targets(&app).await;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut failures = Vec::new();
    let mut sent = 0;
    let per_phase = total.div_ceil(3);
    // Answers by caller and status class, to see that the attack reached past sign-in.
    let mut statuses: BTreeMap<(String, u16), usize> = BTreeMap::new();
    for role in [Role::SignedOut, Role::Participant, Role::Facilitator] {
        let scopes = protected(&world, role);
        let before = snapshots(&app, &scopes).await;
        // A comparison of empty tables would prove nothing.
        for table in [
            "teams",
            "participants",
            "answers",
            "actions",
            "roadmap_items",
        ] {
            assert!(
                before.iter().all(|snapshot| !snapshot[table].is_empty()),
                "{kind:?}: nothing to protect in {table}"
            );
        }
        for i in 0..per_phase {
            // Round robin over the targets, so each gets its share in every phase.
            let target = &targets[i % targets.len()];
            let (request, what) = build(target, role, &world, &mut rng);
            let reply = match tokio::time::timeout(PER_REQUEST, app.send(request)).await {
                Ok(reply) => reply,
                Err(_) => {
                    failures.push(Failure {
                        role,
                        what,
                        status: "no answer within a minute".into(),
                        body: String::new(),
                    });
                    continue;
                }
            };
            sent += 1;
            *statuses
                .entry((format!("{role:?}"), reply.status.as_u16() / 100 * 100))
                .or_default() += 1;
            if reply.status.is_server_error() {
                failures.push(Failure {
                    role,
                    what,
                    status: reply.status.to_string(),
                    body: reply.body.chars().take(300).collect(),
                });
            }
            keep_signed_in(&app, &mut world, role, &reply, i).await;
        }
        let after = snapshots(&app, &scopes).await;
        for ((scope, before), after) in scopes.iter().zip(&before).zip(&after) {
            for (table, rows) in before {
                let now = &after[table];
                assert!(
                    rows == now,
                    "{kind:?}: as {role:?}, rows of {table} in {scope:?} changed:\nbefore: {:#?}\nafter: {:#?}",
                    difference(rows, now),
                    difference(now, rows)
                );
            }
        }
    }
    // The comparison itself sees a change: every value was read, and one answer of B
    // altered behind the app's back shows.
    let scope = Scope {
        workshop: world.b,
        except_team: None,
    };
    let before = hostile::snapshot(app.db(), scope).await;
    assert!(
        before
            .values()
            .flatten()
            .all(|row| !row.contains("<unreadable>")),
        "{kind:?}: a column the snapshot cannot read: {before:?}"
    );
    sqlx::query(
        "UPDATE answers SET note = 'tampered' WHERE id = (SELECT MIN(a.id) FROM answers a
         JOIN participants p ON p.id = a.participant_id WHERE p.workshop_id = $1)",
    )
    .bind(world.b)
    .execute(app.db().pool())
    .await
    .expect("tamper");
    assert_ne!(before, hostile::snapshot(app.db(), scope).await);
    let panics = PANICS.lock().map(|p| p.clone()).unwrap_or_default();
    assert!(panics.is_empty(), "{kind:?}: panics: {panics:#?}");
    assert!(
        failures.is_empty(),
        "{kind:?}: {} of {sent} requests failed; the first ones: {:#?}",
        failures.len(),
        failures
            .iter()
            .take(15)
            .map(Failure::describe)
            .collect::<Vec<_>>()
    );
    assert!(
        sent >= total,
        "{kind:?}: only {sent} of {total} requests were sent"
    );
    for role in ["Participant", "Facilitator"] {
        assert!(
            statuses
                .get(&(role.to_owned(), 200))
                .copied()
                .unwrap_or_default()
                > 0,
            "{kind:?}: no request of the {role} succeeded; was the session lost? {statuses:?}"
        );
    }
    eprintln!(
        "{kind:?}: {sent} hostile requests against {} targets, none answered 5xx; by caller and status: {statuses:?}",
        targets.len()
    );
}

/// The rows in `a` that are not in `b`.
fn difference<'r>(a: &'r [String], b: &[String]) -> Vec<&'r String> {
    a.iter().filter(|row| !b.contains(row)).collect()
}

async fn snapshots(app: &TestApp, scopes: &[Scope]) -> Vec<hostile::Snapshot> {
    let mut out = Vec::new();
    for scope in scopes {
        out.push(hostile::snapshot(app.db(), *scope).await);
    }
    out
}

/// What the caller of a phase may not change.
fn protected(world: &World, role: Role) -> Vec<Scope> {
    let whole = |workshop| Scope {
        workshop,
        except_team: None,
    };
    match role {
        Role::SignedOut => vec![whole(world.a), whole(world.b)],
        Role::Participant => vec![
            Scope {
                workshop: world.a,
                except_team: Some(world.own_team),
            },
            whole(world.b),
        ],
        Role::Facilitator => vec![whole(world.b)],
    }
}

/// Workshop A is the demo (its facilitator and a participant of its first team are the
/// attackers); workshop B is a copy of it imported by another facilitator, so it holds
/// teams, answers, actions and roadmaps of its own.
async fn setup(app: &TestApp) -> World {
    let (a, staff_a) = app.demo_facilitator().await;
    let archive = raw(
        app,
        Request::get(format!("/facilitate/workshops/{a}/archive.json"))
            .header("cookie", &staff_a)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(archive.0, 200, "archive of A");
    let staff_b = app.facilitator("owner-b@hostile.example").await;
    let imported = app
        .send(
            Request::post("/facilitate/archives")
                .header("cookie", &staff_b)
                .header("content-type", "application/json")
                .header("origin", ORIGIN)
                .header("host", HOST)
                .body(Body::from(archive.1.clone()))
                .expect("request"),
        )
        .await;
    assert_eq!(imported.status, 201, "import B: {imported:?}");
    let b = imported.json()["workshop"].as_i64().expect("B's id");
    let teams = app::workshop::repo::teams(app.db().pool(), app::ids::WorkshopId(a))
        .await
        .expect("teams of A");
    let own_team = teams[0].id.0;
    let participant_a = app
        .join(app::demo::DEMO_JOIN_CODE, "Hostil Hugo", own_team)
        .await;
    let token = app
        .call_as(&staff_a, "create_api_token", &[("name", "hostile")])
        .await;
    assert_eq!(token.status, 200, "{token:?}");
    let api_token_a = token.json()["secret"].as_str().expect("secret").to_owned();

    let mut targets: HashMap<String, Vec<i64>> = HashMap::new();
    for kind in [
        "WorkshopId",
        "TeamId",
        "ParticipantId",
        "FrameworkId",
        "PillarId",
        "IndicatorId",
        "FacilitatorId",
        "ActionId",
        "RoadmapItemId",
        "MilestoneId",
        "ShareLinkId",
        "ApiTokenId",
    ] {
        let mut ids = hostile::ids_of(
            app.db(),
            kind,
            Scope {
                workshop: b,
                except_team: None,
            },
        )
        .await;
        ids.extend(
            hostile::ids_of(
                app.db(),
                kind,
                Scope {
                    workshop: a,
                    except_team: None,
                },
            )
            .await,
        );
        targets.insert(kind.to_owned(), ids);
    }
    assert!(
        targets["ActionId"].len() > 2 && targets["RoadmapItemId"].len() > 2,
        "the demo should bring actions and roadmaps: {targets:?}"
    );
    World {
        a,
        b,
        own_team,
        staff_a,
        participant_a,
        api_token_a,
        targets,
        archive: archive.1,
    }
}

async fn raw(app: &TestApp, request: Request<Body>) -> (u16, Vec<u8>) {
    let reply = app.send(request).await;
    (reply.status.as_u16(), reply.body.into_bytes())
}

/// Every server function (from the registry), every API operation (from the OpenAPI
/// document), and the other routes that read ids from the URL.
async fn targets(app: &TestApp) -> Vec<Target> {
    let signatures = hostile::server_fn_signatures();
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    let mut paths: Vec<(String, String)> = server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_owned(), method.to_string()))
        .collect();
    paths.sort();
    for (path, _method) in &paths {
        let endpoint = path.rsplit('/').next().unwrap_or_default();
        match signatures.get(endpoint) {
            Some(params) => out.push(Target::ServerFn {
                path: path.clone(),
                params: params.clone(),
            }),
            None => unknown.push(path.clone()),
        }
    }
    assert!(
        unknown.is_empty(),
        "server functions whose parameters were not found in app/src: {unknown:?}"
    );
    let registered: Vec<&str> = paths
        .iter()
        .map(|(p, _)| p.rsplit('/').next().unwrap_or_default())
        .collect();
    let unregistered: Vec<&String> = signatures
        .keys()
        .filter(|e| !registered.contains(&e.as_str()))
        .collect();
    assert!(
        unregistered.is_empty(),
        "server functions in app/src that the registry does not list: {unregistered:?}"
    );
    let document = app.get("/api/v1/openapi.json").await.json();
    let mut operations = 0;
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            if !matches!(method.as_str(), "get" | "put" | "post" | "patch" | "delete") {
                continue;
            }
            let schema = operation
                .pointer("/requestBody/content/application~1json/schema")
                .map(|s| resolve(&document, s));
            out.push(Target::Api {
                method: method.to_uppercase(),
                path: format!("/api/v1{path}"),
                body: schema,
            });
            operations += 1;
        }
    }
    assert!(
        operations >= 10,
        "the OpenAPI document lists {operations} operations"
    );
    for template in ROUTES {
        out.push(Target::Route { template });
    }
    out
}

/// The other routes: `{w}` a workshop id, `{t}` a team id, `{s}` any string.
const ROUTES: &[&str] = &[
    "GET /lang/{s}",
    "GET /healthz",
    "GET /resume/{s}",
    "GET /facilitate/workshops/{w}/framework.json",
    "GET /facilitate/workshops/{w}/events",
    "GET /facilitate/workshops/{w}/export.csv?team={t}&lang={s}&table={s}",
    "GET /facilitate/workshops/{w}/export.xlsx?team={t}&lang={s}",
    "GET /facilitate/workshops/{w}/export.json?team={t}&table={s}",
    "GET /facilitate/workshops/{w}/export.md?team={t}&lang={s}",
    "GET /workshops/{w}/export.csv?lang={s}&table={s}",
    "GET /workshops/{w}/export.xlsx?lang={s}",
    "GET /workshops/{w}/export.json?table={s}",
    "GET /workshops/{w}/export.md?lang={s}",
    "GET /open/workshops/{w}/data.json?lang={s}",
    "GET /open/workshops/{w}/{s}",
    "GET /open/workshops/{w}/{s}.csv?lang={s}",
    "GET /facilitate/workshops/{w}/archive.json?gzip={s}",
    "POST /facilitate/archives",
];

/// A schema with its `$ref`s replaced by what they point at (a few levels deep).
fn resolve(document: &Value, schema: &Value) -> Value {
    fn walk(document: &Value, value: &Value, depth: u8) -> Value {
        if depth > 6 {
            return json!({});
        }
        match value {
            Value::Object(map) => {
                if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
                    let pointer = reference.trim_start_matches('#');
                    return document
                        .pointer(pointer)
                        .map(|target| walk(document, target, depth + 1))
                        .unwrap_or_else(|| json!({}));
                }
                Value::Object(
                    map.iter()
                        .map(|(k, v)| (k.clone(), walk(document, v, depth + 1)))
                        .collect(),
                )
            }
            Value::Array(items) => {
                Value::Array(items.iter().map(|v| walk(document, v, depth + 1)).collect())
            }
            other => other.clone(),
        }
    }
    walk(document, schema, 0)
}

// ---------------------------------------------------------------------------------------
// Values

const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "2",
    "3",
    "5",
    "6",
    "-9223372036854775808",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999999",
    "1.5",
    "1e3",
    "0x1F",
    " 7",
    "7 ",
    "+3",
    "NaN",
    "",
    "abc",
    "٣",
    "4294967296",
    "256",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "a",
    "Ñandú ✓ 🦙",
    "<script>alert(1)</script>",
    "'; DROP TABLE answers; --",
    "' OR '1'='1",
    "\u{0}",
    "\r\n\t",
    "%",
    "%FF",
    "\u{202E}gnp.exe",
    "null",
    "[]",
    "{}",
    "{\"a\":1}",
    "../../etc/passwd",
    "assessment",
    "prioritisation",
    "roadmap",
    "closed",
    "setup",
    "es",
    "en",
    "na",
    "dk",
    "4",
    "true",
    "https://example.org/evidence",
    "javascript:alert(1)",
    "must",
    "won't",
    "2026-02-30",
    "2026-13-01",
    "9999-12-31",
    "answers",
    "teams",
];

/// A string that is long, huge, random or one of the classics.
fn any_string(rng: &mut StdRng) -> String {
    match rng.random_range(0..100) {
        0 => "x".repeat(1024 * 1024),
        1..=3 => "é".repeat(rng.random_range(10_000..40_000)),
        4..=20 => {
            let len = rng.random_range(0..300);
            (0..len)
                .map(|_| char::from_u32(rng.random_range(1..0x3000)).unwrap_or('?'))
                .collect()
        }
        21..=40 => NUMBERS.choose(rng).copied().unwrap_or("0").to_owned(),
        _ => STRINGS.choose(rng).copied().unwrap_or("").to_owned(),
    }
}

/// An id of the given kind: mostly a real one (B's, or A's), else an edge case.
fn any_id(kind: &str, world: &World, rng: &mut StdRng) -> String {
    let pool = world.targets.get(kind).map(Vec::as_slice).unwrap_or(&[]);
    match rng.random_range(0..100) {
        0..=69 if !pool.is_empty() => pool.choose(rng).copied().unwrap_or(1).to_string(),
        70..=79 => world.b.to_string(),
        _ => NUMBERS.choose(rng).copied().unwrap_or("0").to_owned(),
    }
}

/// Form fields for one parameter of the given type: mostly well typed, else anything.
fn fields_for(
    name: &str,
    ty: &str,
    world: &World,
    structs: &BTreeMap<String, Vec<Param>>,
    rng: &mut StdRng,
    out: &mut Vec<(String, Vec<u8>)>,
) {
    let ty = ty.trim();
    if let Some(inner) = ty.strip_prefix("Option<").and_then(|t| t.strip_suffix('>')) {
        if rng.random_bool(0.2) {
            return;
        }
        return fields_for(name, inner, world, structs, rng, out);
    }
    if let Some(inner) = ty.strip_prefix("Vec<").and_then(|t| t.strip_suffix('>')) {
        let count = rng.random_range(0..4);
        for i in 0..count {
            let key = match rng.random_range(0..4) {
                0 => format!("{name}[]"),
                1 => name.to_owned(),
                _ => format!("{name}[{i}]"),
            };
            fields_for(&key, inner, world, structs, rng, out);
        }
        return;
    }
    if let Some(fields) = structs.get(ty) {
        for field in fields {
            if rng.random_bool(0.9) {
                fields_for(
                    &format!("{name}[{}]", field.name),
                    &field.ty,
                    world,
                    structs,
                    rng,
                    out,
                );
            }
        }
        return;
    }
    let value = if rng.random_bool(0.1) {
        any_string(rng)
    } else if ty.ends_with("Id") {
        any_id(ty, world, rng)
    } else if matches!(
        ty,
        "i64" | "i32" | "u8" | "u16" | "u32" | "u64" | "usize" | "i16"
    ) {
        NUMBERS.choose(rng).copied().unwrap_or("0").to_owned()
    } else if ty == "bool" {
        ["true", "false", "on", "1", "yes", ""]
            .choose(rng)
            .copied()
            .unwrap_or("")
            .to_owned()
    } else {
        any_string(rng)
    };
    out.push((name.to_owned(), value.into_bytes()));
}

fn url_encode(pairs: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut body = String::new();
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            body.push('&');
        }
        body.extend(form_urlencoded::byte_serialize(key.as_bytes()));
        body.push('=');
        body.extend(form_urlencoded::byte_serialize(value));
    }
    body.into_bytes()
}

/// Bytes that are not UTF-8, put somewhere in `body`.
fn spoil_utf8(body: &mut Vec<u8>, rng: &mut StdRng) {
    let bad: &[&[u8]] = &[
        b"\xFF",
        b"\xC3\x28",
        b"\xE2\x82",
        b"\xF0\x9F\x98",
        b"%FF%FE",
        b"\xED\xA0\x80",
    ];
    for _ in 0..rng.random_range(1..4) {
        let at = if body.is_empty() {
            0
        } else {
            rng.random_range(0..=body.len())
        };
        let piece = bad.choose(rng).copied().unwrap_or(b"\xFF");
        body.splice(at..at, piece.iter().copied());
    }
}

fn random_bytes(rng: &mut StdRng, len: usize) -> Vec<u8> {
    (0..len).map(|_| rng.random::<u8>()).collect()
}

/// A JSON value following `schema` loosely: fields dropped, retyped or added at random.
fn from_schema(schema: &Value, world: &World, rng: &mut StdRng, depth: u8) -> Value {
    if depth > 5 || rng.random_bool(0.08) {
        return any_json(rng, 2);
    }
    let kind = schema
        .get("type")
        .and_then(|t| t.as_str().or_else(|| t.get(0).and_then(Value::as_str)))
        .unwrap_or(if schema.get("properties").is_some() {
            "object"
        } else {
            ""
        });
    if let Some(options) = schema.get("enum").and_then(Value::as_array) {
        if let Some(choice) = options.choose(rng) {
            return choice.clone();
        }
    }
    for combinator in ["oneOf", "anyOf", "allOf"] {
        if let Some(choice) = schema
            .get(combinator)
            .and_then(Value::as_array)
            .and_then(|o| o.choose(rng))
        {
            return from_schema(choice, world, rng, depth + 1);
        }
    }
    match kind {
        "object" => {
            let mut map = serde_json::Map::new();
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (key, sub) in properties {
                    if rng.random_bool(0.9) {
                        map.insert(key.clone(), from_schema(sub, world, rng, depth + 1));
                    }
                }
            }
            if rng.random_bool(0.2) {
                map.insert(any_string(rng), any_json(rng, 2));
            }
            Value::Object(map)
        }
        "array" => {
            let items = schema.get("items").cloned().unwrap_or(json!({}));
            Value::Array(
                (0..rng.random_range(0..4))
                    .map(|_| from_schema(&items, world, rng, depth + 1))
                    .collect(),
            )
        }
        "integer" | "number" => match rng.random_range(0..4) {
            0 => json!(i64::MAX),
            1 => json!(-1),
            2 => json!(1.5),
            _ => json!(world.targets["IndicatorId"]
                .choose(rng)
                .copied()
                .unwrap_or(1)),
        },
        "boolean" => json!(rng.random_bool(0.5)),
        _ => Value::String(any_string(rng)),
    }
}

/// Any JSON at all.
fn any_json(rng: &mut StdRng, depth: u8) -> Value {
    match rng.random_range(0..if depth == 0 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => json!(rng.random_bool(0.5)),
        2 => json!(NUMBERS
            .choose(rng)
            .and_then(|n| n.parse::<f64>().ok())
            .unwrap_or(-1.0)),
        3 => json!(rng.random::<i64>()),
        4 => Value::String(any_string(rng)),
        5 => Value::Array(
            (0..rng.random_range(0..4))
                .map(|_| any_json(rng, depth - 1))
                .collect(),
        ),
        _ => Value::Object(
            (0..rng.random_range(0..4))
                .map(|_| (any_string(rng), any_json(rng, depth - 1)))
                .collect(),
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Requests

/// One hostile request for `target` from `role`, and a line saying what it was.
fn build(target: &Target, role: Role, world: &World, rng: &mut StdRng) -> (Request<Body>, String) {
    match target {
        Target::ServerFn { path, params } => server_fn_request(path, params, role, world, rng),
        Target::Api { method, path, body } => {
            api_request(method, path, body.as_ref(), role, world, rng)
        }
        Target::Route { template } => route_request(template, role, world, rng),
    }
}

fn cookie_of(role: Role, world: &World, rng: &mut StdRng) -> Option<String> {
    if rng.random_bool(0.04) {
        // A forged or mangled session.
        return Some(
            [
                "rumbo_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "rumbo_staff=' OR 1=1 --",
                "rumbo_session=",
                "rumbo_staff=%FF%FE; rumbo_session=%00",
                "rumbo_lang=xx",
            ]
            .choose(rng)
            .copied()
            .unwrap_or("")
            .to_owned(),
        );
    }
    match role {
        Role::SignedOut => None,
        Role::Participant => Some(world.participant_a.clone()),
        Role::Facilitator => Some(world.staff_a.clone()),
    }
}

fn server_fn_request(
    path: &str,
    params: &[Param],
    role: Role,
    world: &World,
    rng: &mut StdRng,
) -> (Request<Body>, String) {
    thread_local! {
        static STRUCTS: BTreeMap<String, Vec<Param>> = hostile::struct_fields();
    }
    let mut pairs = Vec::new();
    STRUCTS.with(|structs| {
        for param in params {
            fields_for(&param.name, &param.ty, world, structs, rng, &mut pairs);
        }
    });
    let strategy = rng.random_range(0..100);
    let mut label = "typed";
    let mut content_type = Some("application/x-www-form-urlencoded");
    let mut method = "POST";
    match strategy {
        0..=39 => {}
        40..=49 => {
            label = "missing field";
            if !pairs.is_empty() {
                let at = rng.random_range(0..pairs.len());
                pairs.remove(at);
            }
        }
        50..=57 => {
            label = "extra fields";
            for _ in 0..rng.random_range(1..5) {
                let key = if rng.random_bool(0.5) {
                    params
                        .choose(rng)
                        .map(|p| p.name.clone())
                        .unwrap_or_else(|| "x".into())
                } else {
                    any_string(rng)
                };
                pairs.push((key, any_string(rng).into_bytes()));
            }
        }
        58..=67 => {
            label = "wrong types";
            for pair in &mut pairs {
                if rng.random_bool(0.5) {
                    pair.1 = any_string(rng).into_bytes();
                }
            }
            if rng.random_bool(0.3) {
                for pair in &mut pairs {
                    pair.0.push_str("[0][x]");
                }
            }
        }
        68..=71 => {
            label = "huge field";
            let huge = "Z".repeat(1024 * 1024);
            match pairs.choose_mut(rng) {
                Some(pair) => pair.1 = huge.into_bytes(),
                None => pairs.push(("huge".into(), huge.into_bytes())),
            }
        }
        72..=79 => label = "invalid UTF-8",
        80..=87 => {
            label = "wrong content type";
            content_type = [
                None,
                Some("application/json"),
                Some("text/plain"),
                Some("multipart/form-data; boundary=xyz"),
                Some("application/cbor"),
                Some("application/x-www-form-urlencoded; charset=utf-16"),
                Some("\u{7f}garbage"),
            ]
            .choose(rng)
            .copied()
            .flatten();
        }
        88..=89 => label = "oversized body",
        90..=93 => {
            label = "wrong method";
            method = ["GET", "PUT", "DELETE", "PATCH"]
                .choose(rng)
                .copied()
                .unwrap_or("GET");
        }
        _ => label = "random bytes",
    }
    let mut body = url_encode(&pairs);
    match label {
        "invalid UTF-8" => {
            // Raw bytes, not percent-encoded: the decoder must refuse, not crash.
            for pair in &mut pairs {
                if rng.random_bool(0.5) {
                    spoil_utf8(&mut pair.1, rng);
                }
            }
            body = pairs
                .iter()
                .map(|(k, v)| [k.as_bytes(), b"=", v].concat())
                .collect::<Vec<_>>()
                .join(&b'&');
            spoil_utf8(&mut body, rng);
        }
        "wrong content type" if content_type == Some("application/json") => {
            let object: serde_json::Map<String, Value> = pairs
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        Value::String(String::from_utf8_lossy(v).into_owned()),
                    )
                })
                .collect();
            body = Value::Object(object).to_string().into_bytes();
        }
        "oversized body" => {
            body = url_encode(&[("filler".into(), random_bytes(rng, 3 * 1024 * 1024))]);
        }
        "random bytes" => {
            let len = rng.random_range(0..2000);
            body = random_bytes(rng, len)
        }
        _ => {}
    }
    let uri = if method == "GET" {
        format!("{path}?{}", String::from_utf8_lossy(&body))
    } else {
        path.to_owned()
    };
    let mut request = Request::builder().method(method).uri(&uri);
    if let Some(kind) = content_type {
        request = request.header("content-type", kind);
    }
    request = common_headers(request, role, world, rng);
    let request = request
        .body(Body::from(if method == "GET" { Vec::new() } else { body }))
        .or_else(|_| Request::post(path).body(Body::empty()))
        .expect("request");
    (request, format!("{method} {path} ({label})"))
}

fn common_headers(
    mut request: http::request::Builder,
    role: Role,
    world: &World,
    rng: &mut StdRng,
) -> http::request::Builder {
    if rng.random_bool(0.9) {
        request = request.header("accept", "application/json");
    }
    if rng.random_bool(0.95) {
        request = request
            .header("origin", ORIGIN)
            .header("host", HOST)
            .header("sec-fetch-site", "same-origin");
    }
    if let Some(cookie) = cookie_of(role, world, rng) {
        request = request.header("cookie", cookie);
    }
    if rng.random_bool(0.1) {
        request = request.header(
            "accept-language",
            ["xx", "en;q=abc", "es-EC,es;q=0.9", ",,,;", "*"]
                .choose(rng)
                .copied()
                .unwrap_or("*"),
        );
    }
    request
}

fn api_request(
    method: &str,
    template: &str,
    schema: Option<&Value>,
    role: Role,
    world: &World,
    rng: &mut StdRng,
) -> (Request<Body>, String) {
    let path = fill(template, world, rng, role);
    let mut label = "typed";
    let mut body = Vec::new();
    let mut content_type = Some("application/json");
    if let Some(schema) = schema {
        match rng.random_range(0..100) {
            0..=59 => body = from_schema(schema, world, rng, 0).to_string().into_bytes(),
            60..=69 => {
                label = "any JSON";
                body = any_json(rng, 3).to_string().into_bytes();
            }
            70..=77 => {
                label = "invalid UTF-8";
                body = from_schema(schema, world, rng, 0).to_string().into_bytes();
                spoil_utf8(&mut body, rng);
            }
            78..=83 => {
                label = "oversized body";
                body = format!("{{\"x\":\"{}\"}}", "y".repeat(3 * 1024 * 1024)).into_bytes();
            }
            84..=91 => {
                label = "wrong content type";
                body = url_encode(&[("title".into(), b"x".to_vec())]);
                content_type = [
                    None,
                    Some("text/plain"),
                    Some("application/x-www-form-urlencoded"),
                ]
                .choose(rng)
                .copied()
                .flatten();
            }
            _ => {
                label = "random bytes";
                let len = rng.random_range(0..3000);
                body = random_bytes(rng, len);
            }
        }
    } else if rng.random_bool(0.2) {
        label = "unexpected body";
        body = any_json(rng, 2).to_string().into_bytes();
    }
    let method = if rng.random_bool(0.05) {
        label = "wrong method";
        ["DELETE", "PATCH", "POST", "PUT"]
            .choose(rng)
            .copied()
            .unwrap_or("DELETE")
    } else {
        method
    };
    let mut request = Request::builder().method(method).uri(&path);
    if let Some(kind) = content_type {
        request = request.header("content-type", kind);
    }
    let authorization = match (role, rng.random_range(0..10)) {
        (Role::Facilitator, 0..=7) => Some(format!("Bearer {}", world.api_token_a)),
        (_, 0..=3) => None,
        (_, 4) => Some("Bearer ".into()),
        (_, 5) => Some(format!("Bearer {}", "A".repeat(5000))),
        (_, 6) => Some("Basic ZGVtbzpkZW1v".into()),
        (_, 7) => Some(format!("Bearer {}x", world.api_token_a)),
        _ => Some(format!(
            "Bearer {}",
            any_string(rng).replace(['\r', '\n', '\0'], "")
        )),
    };
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    request = common_headers(request, role, world, rng);
    let request = request
        .body(Body::from(body))
        .or_else(|_| Request::get(template.replace(['{', '}'], "")).body(Body::empty()))
        .expect("request");
    (request, format!("API {method} {path} ({label})"))
}

/// A path (and query) from a template, its placeholders filled in.
fn fill(template: &str, world: &World, rng: &mut StdRng, role: Role) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        let name = &rest[open + 1..close];
        let value = match name {
            "w" | "workshop" | "id" => any_id("WorkshopId", world, rng),
            "t" | "team" => any_id("TeamId", world, rng),
            _ => any_string(rng),
        };
        // The event stream of the caller's own workshop is endless by design.
        let value = if template.ends_with("/events")
            && value == world.a.to_string()
            && role != Role::SignedOut
        {
            world.b.to_string()
        } else {
            value
        };
        let mut bytes = value.into_bytes();
        if bytes.len() > 4096 {
            bytes.truncate(4096);
        }
        if rng.random_bool(0.05) {
            spoil_utf8(&mut bytes, rng);
        }
        out.extend(form_urlencoded::byte_serialize(&bytes));
        rest = rest.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn route_request(
    template: &str,
    role: Role,
    world: &World,
    rng: &mut StdRng,
) -> (Request<Body>, String) {
    let (method, template) = template.split_once(' ').unwrap_or(("GET", template));
    let path = fill(template, world, rng, role);
    let mut request = Request::builder().method(method).uri(&path);
    let mut label = "";
    let body = if method == "POST" {
        let (kind, body, what) = match rng.random_range(0..6) {
            0 => ("application/json", world.archive.clone(), "a valid archive"),
            1 => ("application/json", any_json(rng, 3).to_string().into_bytes(), "any JSON"),
            2 => ("application/gzip", random_bytes(rng, 2000), "random gzip"),
            3 => (
                "multipart/form-data; boundary=XyZ",
                b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n{\"format\":1}\r\n--XyZ--\r\n".to_vec(),
                "multipart",
            ),
            4 => ("multipart/form-data; boundary=XyZ", random_bytes(rng, 3000), "broken multipart"),
            _ => {
                let mut body = world.archive.clone();
                spoil_utf8(&mut body, rng);
                ("application/json", body, "archive with invalid UTF-8")
            }
        };
        label = what;
        request = request.header("content-type", kind);
        body
    } else {
        Vec::new()
    };
    request = common_headers(request, role, world, rng);
    let request = request
        .body(Body::from(body))
        .or_else(|_| Request::get("/healthz").body(Body::empty()))
        .expect("request");
    (request, format!("{method} {path} {label}"))
}

/// Signs the caller in again when an attack signed them out (log_out, or a session that a
/// request ended), so each phase keeps attacking with the role it is about.
async fn keep_signed_in(app: &TestApp, world: &mut World, role: Role, reply: &Reply, i: usize) {
    let (name, endpoint, args): (&str, &str, Vec<(&str, String)>) = match role {
        Role::SignedOut => return,
        Role::Participant => (
            "rumbo_session",
            "who_am_i",
            vec![("workshop", world.a.to_string())],
        ),
        Role::Facilitator => ("rumbo_staff", "current_staff", vec![]),
    };
    let cleared = reply
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with(&format!("{name}=")));
    if !cleared && !i.is_multiple_of(100) {
        return;
    }
    let cookie = match role {
        Role::Participant => &world.participant_a,
        _ => &world.staff_a,
    };
    let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let check = app
        .call_with(
            endpoint,
            &form(&pairs),
            &[("cookie", cookie), ("origin", ORIGIN), ("host", HOST)],
        )
        .await;
    if check.status.is_success() {
        return;
    }
    match role {
        Role::Participant => {
            world.participant_a = app
                .join(app::demo::DEMO_JOIN_CODE, "Hostil Hugo", world.own_team)
                .await;
        }
        _ => {
            let reply = app
                .call(
                    "log_in",
                    &form(&[
                        ("email", app::demo::DEMO_FACILITATOR_EMAIL),
                        ("password", app::demo::DEMO_FACILITATOR_PASSWORD),
                    ]),
                )
                .await;
            world.staff_a = cookie_from(&reply, "rumbo_staff")
                .unwrap_or_else(|| panic!("facilitator A cannot sign in again: {reply:?}"));
        }
    }
}

/// The two bodies server_fn cannot read at all (not UTF-8; over the size limit) are the
/// caller's mistake: 4xx, with a message in the caller's language.
#[tokio::test]
async fn unreadable_bodies_are_refused_not_failed() {
    let app = TestApp::new(Kind::Sqlite).await;
    for body in [b"code=\xFF\xFE".to_vec(), vec![b'a'; 3 * 1024 * 1024]] {
        let reply = app
            .send(
                Request::post("/api/find_workshop")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("accept", "application/json")
                    .header("origin", ORIGIN)
                    .header("host", HOST)
                    .body(Body::from(body))
                    .expect("request"),
            )
            .await;
        assert!(reply.status.is_client_error(), "{reply:?}");
        assert!(
            !reply.json()["message"]
                .as_str()
                .unwrap_or_default()
                .is_empty(),
            "{reply:?}"
        );
    }
}
