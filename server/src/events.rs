//! `GET /facilitate/workshops/{id}/events`: server-sent events telling a dashboard that its
//! workshop changed, so it reloads its numbers.
//!
//! Only the news "something changed" is sent, never data: the dashboard then reads the
//! numbers through its server function, which checks access again.

use std::convert::Infallible;
use std::sync::OnceLock;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream, StreamExt};
use http::request::Parts;
use http::StatusCode;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::broadcast::Receiver;
use tokio::sync::watch;
use tokio::time::Instant;

use app::facilitator::access::require_workshop_from;
use app::ids::WorkshopId;
use app::state::AppState;

/// The least time between two events to one dashboard: a burst of answers becomes one
/// reload.
pub const COALESCE: Duration = Duration::from_millis(300);
/// How often an idle connection gets a comment, so proxies do not close it.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Set once the server is shutting down: every stream then ends, since a graceful shutdown
/// waits for open connections and an event stream never closes by itself.
fn closing() -> &'static watch::Sender<bool> {
    static CLOSING: OnceLock<watch::Sender<bool>> = OnceLock::new();
    CLOSING.get_or_init(|| watch::channel(false).0)
}

/// Ends every open event stream of this process (browsers reconnect to another instance or
/// to this one when it is back). Call when shutdown begins.
pub fn close_all() {
    closing().send_replace(true);
}

pub(crate) async fn events(
    State(state): State<AppState>,
    Path(id): Path<String>,
    parts: Parts,
) -> Response {
    let Ok(workshop) = id.parse::<WorkshopId>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if let Err(error) = require_workshop_from(&state.db, &parts, workshop).await {
        let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::FORBIDDEN);
        return (
            status,
            error.message(app::i18n::lang_of_request(&parts.headers)),
        )
            .into_response();
    }
    // Subscribed before answering, so no change after the response's headers is missed.
    let news = state.live.subscribe();
    let stream =
        Sse::new(changes(news, workshop)).keep_alive(KeepAlive::new().interval(KEEP_ALIVE));
    // Tells a reverse proxy such as nginx to pass events on at once instead of buffering.
    ([("x-accel-buffering", "no")], stream).into_response()
}

/// A `ready` event at once, then one `changed` event per burst of changes to `workshop`.
fn changes(
    news: Receiver<WorkshopId>,
    workshop: WorkshopId,
) -> impl Stream<Item = Result<Event, Infallible>> {
    let ready = Event::default().event("ready").data(workshop.to_string());
    let first = stream::once(async move { Ok(ready) });
    let rest = stream::unfold(
        (
            news,
            Instant::now()
                .checked_sub(COALESCE)
                .unwrap_or_else(Instant::now),
        ),
        move |(mut news, last)| async move {
            loop {
                match news.recv().await {
                    Ok(changed) if changed == workshop => {}
                    Ok(_) => continue,
                    // Fell behind: something may have changed here.
                    Err(RecvError::Lagged(_)) => {}
                    Err(RecvError::Closed) => return None,
                }
                tokio::time::sleep_until(last + COALESCE).await;
                // Whatever arrived while waiting is covered by this one event.
                while news.try_recv().is_ok() {}
                let event = Event::default().event("changed").data(workshop.to_string());
                return Some((Ok(event), (news, Instant::now())));
            }
        },
    );
    let mut closed = closing().subscribe();
    first.chain(rest).take_until(async move {
        let _ = closed.wait_for(|closing| *closing).await;
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::broadcast;

    async fn next_name<S: Stream<Item = Result<Event, Infallible>> + Unpin>(
        stream: &mut S,
        within: Duration,
    ) -> Option<bool> {
        // `Some(true)` for an event, `Some(false)` for the end, `None` for silence.
        match tokio::time::timeout(within, stream.next()).await {
            Ok(Some(_)) => Some(true),
            Ok(None) => Some(false),
            Err(_) => None,
        }
    }

    #[tokio::test]
    async fn bursts_become_one_event_other_workshops_none_and_shutdown_ends_the_stream() {
        let (sender, receiver) = broadcast::channel(16);
        let mut stream = Box::pin(changes(receiver, WorkshopId(7)));
        let short = Duration::from_millis(450);
        assert_eq!(next_name(&mut stream, short).await, Some(true), "ready");
        sender.send(WorkshopId(8)).unwrap();
        assert_eq!(
            next_name(&mut stream, short).await,
            None,
            "another workshop"
        );
        for _ in 0..5 {
            sender.send(WorkshopId(7)).unwrap();
        }
        assert_eq!(next_name(&mut stream, short).await, Some(true), "the burst");
        assert_eq!(
            next_name(&mut stream, short).await,
            None,
            "one event for it"
        );
        close_all();
        assert_eq!(next_name(&mut stream, short).await, Some(false), "ended");
    }
}
