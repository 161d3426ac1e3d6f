//! Rumbo's HTTP server: the router, kept apart from start-up so tests drive it in-process.

pub mod accounts;
mod api;
pub mod archive;
pub mod config;
mod downloads;
mod events;
mod framework_download;
mod language;
mod open_data;
mod resume;
pub mod security;
mod server_fn_status;

use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

use app::db::Db;
use app::state::AppState;
use app::{shell, App};

pub use events::close_all as close_live_streams;
pub use security::loggable_path;

/// Leptos' settings for a server listening on `site_addr` and serving the built site from
/// `site_root`.
pub fn leptos_options(site_addr: std::net::SocketAddr, site_root: &str) -> LeptosOptions {
    LeptosOptions::builder()
        // The name cargo-leptos gives the JavaScript and WebAssembly bundles.
        .output_name("rumbo")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(site_addr)
        .build()
}

/// The whole application as an axum router, with the default security settings (no trusted
/// proxy).
pub fn router(db: Db, leptos_options: LeptosOptions) -> Router {
    router_with(db, leptos_options, &security::Settings::default())
}

/// The whole application as an axum router, with the given security settings.
pub fn router_with(db: Db, leptos_options: LeptosOptions, settings: &security::Settings) -> Router {
    let live = app::live::Hub::new();
    live.listen(&db);
    let state = AppState {
        leptos_options,
        db,
        live,
    };
    let routes = routes();
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            // The nonce of the response's Content-Security-Policy, for Leptos' inline scripts.
            security::headers::provide_page_nonce();
        }
    };
    let render = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    let app = Router::new()
        .route("/lang/{code}", get(language::switch))
        .route("/healthz", get(|| async { "ok" }))
        .route("/resume/{token}", get(resume::resume))
        .route(
            "/facilitate/workshops/{id}/framework.json",
            get(framework_download::download),
        )
        .route("/facilitate/workshops/{id}/events", get(events::events))
        .merge(downloads::routes())
        .merge(open_data::routes())
        .merge(archive::routes())
        .nest("/api/v1", api::routes())
        .leptos_routes_with_context(&state, routes, context.clone(), render)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn(server_fn_status::fix))
        .layer(CompressionLayer::new());
    security::wrap(app, settings, &state.leptos_options)
        // Only the method and the path, with link secrets left out: never the query, the
        // headers (cookies, `Authorization`) or the body.
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::extract::Request| {
            tracing::debug_span!("request", method = %request.method(), path = %loggable_path(request.uri().path()))
        }))
        .with_state(state)
}

/// The app's routes, listed once per process. Listing runs the app with resource loading
/// suppressed process-wide (leptos_server's `SuppressResourceLoad`), so a page that starts
/// rendering on another thread at that moment waits forever (leptos-rs/leptos#4773). A
/// server builds one router, but the tests build many in one process, concurrently.
fn routes() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}
