//! The `rumbo` binary: `serve` (default), `migrate`, `demo`, `create-facilitator`.

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

use app::db::Db;
use server::config::{Command, Config};

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_new(&config.log_filter).unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // One line a person can act on; no backtrace.
            eprintln!("rumbo: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), String> {
    if let Err(issues) = app::framework::default_framework() {
        return Err(format!("the default framework file is invalid: {issues:?}"));
    }
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    match config.command.clone().unwrap_or(Command::Serve) {
        Command::Migrate => {
            println!("Database schema is up to date.");
            Ok(())
        }
        Command::Demo => {
            let outcome = app::demo::load(&db)
                .await
                .map_err(|e| format!("could not load the demo workshop: {e}"))?;
            let verb = if outcome.created {
                "Loaded"
            } else {
                "Already present:"
            };
            println!(
                "{verb} demo workshop #{}; join code {}; demo facilitator {} (password {}, demo only)",
                outcome.workshop,
                outcome.join_code.display(),
                app::demo::DEMO_FACILITATOR_EMAIL,
                app::demo::DEMO_FACILITATOR_PASSWORD,
            );
            Ok(())
        }
        Command::CreateFacilitator { email, name } => {
            let password = server::accounts::read_new_password()?;
            let id = server::accounts::create_facilitator(&db, &email, name.as_deref(), &password)
                .await?;
            println!(
                "Created facilitator account #{id} for {}.",
                email.trim().to_lowercase()
            );
            Ok(())
        }
        Command::ExportArchive { workshop, file } => {
            server::archive::export_to_file(&db, workshop, &file).await
        }
        Command::ImportArchive { file, owner } => {
            server::archive::import_file(&db, &file, &owner).await
        }
        Command::Serve => serve(config, db).await,
    }
}

async fn serve(config: Config, db: Db) -> Result<(), String> {
    let options = server::leptos_options(config.site_addr, &config.site_root);
    let settings = server::security::Settings {
        trusted_proxies: server::security::Settings::parse_trusted_proxies(
            &config.trusted_proxies,
        )?,
    };
    let app = server::router_with(db.clone(), options, &settings);
    let listener = tokio::net::TcpListener::bind(config.site_addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.site_addr))?;
    tracing::info!("Rumbo is listening on http://{}", config.site_addr);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| format!("server stopped: {e}"))?;
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    // Open dashboards' event streams would otherwise hold the graceful shutdown forever.
    server::close_live_streams();
}
