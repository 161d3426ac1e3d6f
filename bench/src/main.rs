//! `rumbo-bench`: measures a release build of Rumbo over HTTP on 127.0.0.1, on SQLite and on
//! PostgreSQL, and prints the figures as Markdown tables (see BENCHMARKS.md).

mod autosave;
mod baseline;
mod client;
mod live;
mod server;
mod setup;
mod stats;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Parser;

use client::{Browser, Error};
use server::{Backend, Rumbo, ScratchDb};
use stats::{kib, ms, Samples, Table};

/// Load benchmark of a release build of Rumbo: participant autosave against a plain-insert
/// baseline, the facilitator dashboard at 60,000 and 600,000 answers, live updates to 1,000
/// dashboards, the WebAssembly's size and the server's peak memory.
#[derive(Parser, Debug)]
#[command(name = "rumbo-bench")]
struct Args {
    /// The `rumbo` binary to measure (a release build).
    #[arg(long)]
    server: PathBuf,
    /// The built site (its `pkg/rumbo.wasm` is measured, and the server serves it).
    #[arg(long)]
    site_root: PathBuf,
    /// Which databases: `sqlite`, `postgres` or both, comma-separated.
    #[arg(long, default_value = "sqlite,postgres", value_delimiter = ',')]
    databases: Vec<String>,
    /// The PostgreSQL server's admin URL; the bench creates and drops its databases there.
    #[arg(
        long,
        env = "BENCH_POSTGRES_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    postgres_admin_url: String,
    /// Numbers of participants saving at once.
    #[arg(long, default_value = "50,200,500", value_delimiter = ',')]
    participants: Vec<usize>,
    /// How many times each participant answers the whole framework (the first pass creates
    /// the answers, the others change them).
    #[arg(long, default_value_t = 1)]
    passes: usize,
    /// The mean pause (ms) between a participant's saves in the paced runs, which give the
    /// latency a crowd working at that pace sees; 0 leaves the paced runs out.
    #[arg(long, default_value_t = 1000)]
    think_ms: u64,
    /// No save is started after this many seconds of a run, so a slow database cannot make
    /// the bench endless (the run then counts fewer saves).
    #[arg(long, default_value_t = 30)]
    limit_secs: u64,
    /// Teams in the dashboard's workshop.
    #[arg(long, default_value_t = 100)]
    teams: usize,
    /// Participants per team in the dashboard's workshop (its 10× twin has ten times more).
    #[arg(long, default_value_t = 30)]
    per_team: usize,
    /// Timed calls of the dashboard at each size (after two untimed ones).
    #[arg(long, default_value_t = 20)]
    dashboard_calls: usize,
    /// Dashboards holding the event stream open.
    #[arg(long, default_value_t = 1000)]
    streams: usize,
    /// Saves whose arrival on every stream is timed.
    #[arg(long, default_value_t = 20)]
    live_saves: usize,
    /// SQLite's `synchronous` for the baseline (its journal mode is copied from Rumbo's file).
    #[arg(long, default_value = "FULL")]
    baseline_synchronous: String,
    /// A short run to try the bench out: fewer participants, a smaller workshop, fewer
    /// streams. Its figures are not the ones BENCHMARKS.md records.
    #[arg(long)]
    quick: bool,
}

impl Args {
    fn apply_quick(&mut self) {
        if self.quick {
            self.participants = vec![20, 50];
            self.passes = 1;
            self.limit_secs = 10;
            self.teams = 10;
            self.dashboard_calls = 5;
            self.streams = 100;
            self.live_saves = 5;
        }
    }
}

/// One size of crowd at one pace, on Rumbo and on the baseline.
struct AutosaveRow {
    people: usize,
    think: Option<Duration>,
    rumbo: autosave::Run,
    baseline: autosave::Run,
}

/// What one database's runs measured.
struct Measured {
    backend: Backend,
    autosave: Vec<AutosaveRow>,
    baseline_settings: String,
    dashboard: Vec<(i64, Samples, usize)>,
    live: live::Live,
    peak_memory: Option<u64>,
}

fn say(message: impl std::fmt::Display) {
    eprintln!("rumbo-bench: {message}");
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let mut args = Args::parse();
    args.apply_quick();
    match run(&args).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            say(format!("failed: {e}"));
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<(), Error> {
    if !args.server.is_file() {
        return Err(format!(
            "no server binary at {} (make release)",
            args.server.display()
        )
        .into());
    }
    let started = Instant::now();
    let mut measured = Vec::new();
    for name in &args.databases {
        let backend = match name.trim() {
            "sqlite" => Backend::Sqlite,
            "postgres" | "postgresql" => Backend::Postgres,
            other => return Err(format!("unknown database {other:?} (sqlite or postgres)").into()),
        };
        measured.push(on(backend, args).await?);
    }
    let wasm = wasm_size(&args.site_root.join("pkg").join("rumbo.wasm"));
    println!("{}", report(args, &measured, wasm, started.elapsed()));
    Ok(())
}

/// Every measurement on one database, on a fresh server and fresh databases.
async fn on(backend: Backend, args: &Args) -> Result<Measured, Error> {
    let dir = tempfile::tempdir()?;
    let pid = std::process::id();
    let db = ScratchDb::create(
        backend,
        &format!("rumbo_bench_{pid}"),
        dir.path(),
        &args.postgres_admin_url,
    )
    .await?;
    let base_db = ScratchDb::create(
        backend,
        &format!("rumbo_bench_baseline_{pid}"),
        dir.path(),
        &args.postgres_admin_url,
    )
    .await?;
    let outcome = measure_on(backend, args, &db, &base_db, dir.path()).await;
    db.remove().await;
    base_db.remove().await;
    outcome
}

async fn measure_on(
    backend: Backend,
    args: &Args,
    db: &ScratchDb,
    base_db: &ScratchDb,
    dir: &Path,
) -> Result<Measured, Error> {
    say(format!(
        "{}: starting {}",
        backend.name(),
        args.server.display()
    ));
    let rumbo = Rumbo::start(&args.server, &db.url, &args.site_root, dir).await?;
    let outcome = measure_server(backend, args, &rumbo, db, base_db).await;
    let peak_memory = rumbo.peak_memory();
    rumbo.stop().await;
    outcome.map(|mut m| {
        m.peak_memory = peak_memory;
        m
    })
}

async fn measure_server(
    backend: Backend,
    args: &Args,
    rumbo: &Rumbo,
    db: &ScratchDb,
    base_db: &ScratchDb,
) -> Result<Measured, Error> {
    let pool = db.pool().await?;
    let mut staff = Browser::new(rumbo.addr, std::net::Ipv4Addr::LOCALHOST.into());
    setup::sign_in(&mut staff).await?;

    // Autosave, Rumbo and baseline one after the other at each size.
    let journal_mode = match backend {
        Backend::Sqlite => {
            sqlx::query_scalar::<_, String>("PRAGMA journal_mode")
                .fetch_one(&pool)
                .await?
        }
        Backend::Postgres => String::new(),
    };
    let base = baseline::Baseline::start(
        backend,
        &base_db.url,
        &journal_mode,
        &args.baseline_synchronous,
    )
    .await?;
    let workshop = setup::workshop(&staff, &pool, "Autosave", 20).await?;
    let mut runs = Vec::new();
    let mut first = 0;
    let mut paces = vec![None];
    if args.think_ms > 0 {
        paces.push(Some(Duration::from_millis(args.think_ms)));
    }
    for think in paces {
        for &people in &args.participants {
            say(format!(
                "{}: autosave, {people} participants, {}",
                backend.name(),
                pace(think)
            ));
            let load = autosave::Load {
                passes: args.passes,
                think,
                limit: Duration::from_secs(args.limit_secs),
            };
            let mine = autosave::rumbo(rumbo.addr, &workshop, people, first, load).await?;
            let theirs =
                autosave::baseline(base.addr, workshop.indicators.len(), people, first, load)
                    .await?;
            first += people;
            runs.push(AutosaveRow {
                people,
                think,
                rumbo: mine,
                baseline: theirs,
            });
        }
    }
    let baseline_settings = base.settings.clone();
    base.stop();

    // Live updates on a workshop of its own.
    say(format!(
        "{}: live updates, {} streams",
        backend.name(),
        args.streams
    ));
    let live_workshop = setup::workshop(&staff, &pool, "En vivo", 1).await?;
    let live = live::run(
        rumbo.addr,
        &staff,
        &live_workshop,
        args.streams,
        args.live_saves,
        first,
    )
    .await?;

    // The dashboard at 1× and 10×.
    let mut dashboard = Vec::new();
    for (title, per_team) in [("Panel", args.per_team), ("Panel 10x", args.per_team * 10)] {
        let panel = setup::workshop(&staff, &pool, title, args.teams).await?;
        let seeding = Instant::now();
        let answers = setup::bulk_answers(&pool, backend, &panel, per_team).await?;
        say(format!(
            "{}: dashboard, {answers} answers (seeded in {:.1} s)",
            backend.name(),
            seeding.elapsed().as_secs_f64()
        ));
        let (samples, bytes) = dashboard_times(&staff, panel.id, args.dashboard_calls).await?;
        dashboard.push((answers, samples, bytes));
    }
    pool.close().await;
    Ok(Measured {
        backend,
        autosave: runs,
        baseline_settings,
        dashboard,
        live,
        peak_memory: None,
    })
}

/// Times `calls` calls of the dashboard's server function, after two untimed ones; returns
/// the times and the size of the reply.
async fn dashboard_times(
    staff: &Browser,
    workshop: i64,
    calls: usize,
) -> Result<(Samples, usize), Error> {
    let id = workshop.to_string();
    let mut samples = Samples::new();
    let mut bytes = 0;
    for call in 0..calls + 2 {
        let sent = Instant::now();
        let reply = staff.call("dashboard", &[("workshop", &id)]).await?;
        let took = sent.elapsed();
        if !reply.status.is_success() {
            return Err(format!("dashboard ({}): {}", reply.status, reply.text()).into());
        }
        bytes = reply.body.len();
        if call >= 2 {
            samples.push(took);
        }
    }
    Ok((samples, bytes))
}

/// The WebAssembly's size, raw and gzip -9.
fn wasm_size(path: &Path) -> Option<(u64, u64)> {
    use flate2::write::GzEncoder;
    use std::io::Write;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .read_to_end(&mut bytes)
        .ok()?;
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes).ok()?;
    let zipped = gz.finish().ok()?;
    Some((bytes.len() as u64, zipped.len() as u64))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| format!("{:.1} GiB", kb / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown memory".to_owned());
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    format!("{cores} cores ({cpu}), {memory}; load average at the end {load}")
}

fn pace(think: Option<Duration>) -> String {
    match think {
        None => "no pause".to_owned(),
        Some(t) => format!("pause ~{:.1} s", t.as_secs_f64()),
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "MISSED"
    }
}

fn report(args: &Args, measured: &[Measured], wasm: Option<(u64, u64)>, took: Duration) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\n## Rumbo benchmark{}\n\nMachine: {}. Run took {:.0} s.\n\n",
        if args.quick {
            " (--quick: not for the record)"
        } else {
            ""
        },
        machine(),
        took.as_secs_f64()
    ));

    out.push_str(&format!(
        "### Participant autosave (each participant joins, then answers all indicators {} time(s); no save starts after {} s)\n\n",
        args.passes, args.limit_secs
    ));
    let mut t = Table::new(&[
        "database",
        "participants",
        "pace",
        "Rumbo saves/s",
        "Rumbo p50",
        "Rumbo p99",
        "baseline saves/s",
        "baseline p50",
        "baseline p99",
        "Rumbo/baseline",
        "errors",
        "join p50",
        "join p99",
    ]);
    for m in measured {
        for row in &m.autosave {
            let (people, mine, theirs) = (row.people, &row.rumbo, &row.baseline);
            let (mut mine_lat, mut their_lat, mut join) = (
                mine.latency.clone(),
                theirs.latency.clone(),
                mine.join.clone(),
            );
            let ratio = if theirs.throughput() > 0.0 {
                format!("{:.0} %", 100.0 * mine.throughput() / theirs.throughput())
            } else {
                "–".to_owned()
            };
            t.row(vec![
                m.backend.name().to_owned(),
                people.to_string(),
                pace(row.think),
                format!("{:.0}", mine.throughput()),
                ms(mine_lat.percentile(50.0)),
                ms(mine_lat.percentile(99.0)),
                format!("{:.0}", theirs.throughput()),
                ms(their_lat.percentile(50.0)),
                ms(their_lat.percentile(99.0)),
                ratio,
                format!("{}/{}", mine.errors, theirs.errors),
                ms(join.percentile(50.0)),
                ms(join.percentile(99.0)),
            ]);
        }
    }
    out.push_str(&t.render());
    for m in measured {
        out.push_str(&format!(
            "\nBaseline on {}: {}.",
            m.backend.name(),
            m.baseline_settings
        ));
        for row in &m.autosave {
            for (who, run) in [("Rumbo", &row.rumbo), ("baseline", &row.baseline)] {
                if let Some(e) = &run.first_error {
                    out.push_str(&format!(
                        "\n{} {who} at {}, {}: first error: {e}",
                        m.backend.name(),
                        row.people,
                        pace(row.think)
                    ));
                }
            }
        }
    }

    out.push_str("\n\n### Facilitator dashboard (server function over HTTP, signed in)\n\n");
    let mut t = Table::new(&[
        "database", "answers", "calls", "median", "p99", "reply", "growth",
    ]);
    for m in measured {
        let first_median = m
            .dashboard
            .first()
            .and_then(|(_, s, _)| s.clone().percentile(50.0));
        for (answers, samples, bytes) in &m.dashboard {
            let mut s = samples.clone();
            let median = s.percentile(50.0);
            let growth = match (first_median, median) {
                (Some(a), Some(b)) if a > Duration::ZERO => {
                    format!("×{:.1}", b.as_secs_f64() / a.as_secs_f64())
                }
                _ => "–".to_owned(),
            };
            t.row(vec![
                m.backend.name().to_owned(),
                answers.to_string(),
                s.len().to_string(),
                ms(median),
                ms(s.percentile(99.0)),
                kib(*bytes as u64),
                growth,
            ]);
        }
    }
    out.push_str(&t.render());

    out.push_str(
        "\n### Live updates (from sending a save to its event on every open dashboard stream)\n\n",
    );
    let mut t = Table::new(&[
        "database", "streams", "saves", "p50", "p99", "max", "missed",
    ]);
    for m in measured {
        let mut s = m.live.latency.clone();
        t.row(vec![
            m.backend.name().to_owned(),
            m.live.streams.to_string(),
            m.live.saves.to_string(),
            ms(s.percentile(50.0)),
            ms(s.percentile(99.0)),
            ms(s.percentile(100.0)),
            m.live.missed.to_string(),
        ]);
    }
    out.push_str(&t.render());

    out.push_str("\n### Size and memory\n\n");
    let mut t = Table::new(&["what", "value"]);
    match wasm {
        Some((raw, gz)) => {
            t.row(vec!["rumbo.wasm raw".into(), kib(raw)]);
            t.row(vec!["rumbo.wasm gzip -9".into(), kib(gz)]);
        }
        None => t.row(vec![
            "rumbo.wasm".into(),
            "not found under --site-root".into(),
        ]),
    }
    for m in measured {
        t.row(vec![
            format!("server peak memory (VmHWM), {}", m.backend.name()),
            m.peak_memory
                .map(|b| format!("{:.1} MiB", b as f64 / 1024.0 / 1024.0))
                .unwrap_or_else(|| "–".into()),
        ]);
    }
    out.push_str(&t.render());

    out.push_str("\n### Targets\n\n");
    let mut t = Table::new(&["target", "database", "measured", "verdict"]);
    for m in measured {
        let most = m.autosave.iter().map(|r| r.people).max().unwrap_or(0);
        for row in m.autosave.iter().filter(|r| r.people == most) {
            let (mine, theirs) = (&row.rumbo, &row.baseline);
            if row.think.is_none() {
                let ratio = if theirs.throughput() > 0.0 {
                    mine.throughput() / theirs.throughput()
                } else {
                    0.0
                };
                t.row(vec![
                    format!("autosave ≥ 50 % of baseline's saves/s at {most}"),
                    m.backend.name().into(),
                    format!("{:.0} %", ratio * 100.0),
                    verdict(ratio >= 0.5).into(),
                ]);
            }
            let p99 = mine.latency.clone().percentile(99.0);
            t.row(vec![
                format!("autosave p99 < 25 ms at {most}, {}", pace(row.think)),
                m.backend.name().into(),
                ms(p99),
                verdict(p99.is_some_and(|p| p < Duration::from_millis(25))).into(),
            ]);
        }
        if let Some((answers, samples, _)) = m.dashboard.first() {
            let median = samples.clone().percentile(50.0);
            t.row(vec![
                format!("dashboard < 50 ms at {answers} answers (median)"),
                m.backend.name().into(),
                ms(median),
                verdict(median.is_some_and(|d| d < Duration::from_millis(50))).into(),
            ]);
        }
        if let [(small, a, _), (big, b, _), ..] = m.dashboard.as_slice() {
            let (a, b) = (a.clone().percentile(50.0), b.clone().percentile(50.0));
            if let (Some(a), Some(b)) = (a, b) {
                let growth = b.as_secs_f64() / a.as_secs_f64().max(1e-9);
                let size = *big as f64 / (*small).max(1) as f64;
                t.row(vec![
                    format!("dashboard grows no worse than linearly (×{size:.0} answers)"),
                    m.backend.name().into(),
                    format!("×{growth:.1}"),
                    verdict(growth <= size).into(),
                ]);
            }
        }
        let p99 = m.live.latency.clone().percentile(99.0);
        t.row(vec![
            format!("live p99 < 250 ms at {} streams", m.live.streams),
            m.backend.name().into(),
            ms(p99),
            verdict(m.live.missed == 0 && p99.is_some_and(|p| p < Duration::from_millis(250)))
                .into(),
        ]);
    }
    if let Some((_, gz)) = wasm {
        t.row(vec![
            "wasm ≤ 350 KB gzip".into(),
            "–".into(),
            format!("{:.0} KB", gz as f64 / 1000.0),
            verdict(gz <= 350_000).into(),
        ]);
    }
    out.push_str(&t.render());
    out
}
