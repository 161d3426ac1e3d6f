//! Live updates: many dashboards hold the workshop's event stream open; a participant saves;
//! how long until each dashboard hears of it.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use http_body_util::BodyExt;
use tokio::sync::mpsc;

use crate::client::{loopback, Browser, Error};
use crate::setup::Workshop;
use crate::stats::Samples;

/// The server waits this long between two events to one dashboard (server/src/events.rs
/// `COALESCE`); saves are spaced wider so that none is held back by the one before.
const COALESCE: Duration = Duration::from_millis(300);

/// What the live run measured.
#[derive(Debug, Default)]
pub struct Live {
    /// Streams that were open.
    pub streams: usize,
    /// Saves made.
    pub saves: usize,
    /// From sending a save to its event arriving, per stream and save.
    pub latency: Samples,
    /// Events that did not arrive within 10 s.
    pub missed: usize,
}

enum News {
    Ready,
    Changed(Instant),
}

/// The names of the events complete in `buffer`, which keeps any unfinished rest.
pub fn take_events(buffer: &mut String) -> Vec<String> {
    let mut names = Vec::new();
    while let Some(end) = buffer.find("\n\n") {
        let event: String = buffer.drain(..end + 2).collect();
        if let Some(name) = event
            .lines()
            .find_map(|line| line.strip_prefix("event:").map(|n| n.trim().to_owned()))
        {
            names.push(name);
        }
    }
    names
}

/// Opens `streams` event streams on `workshop` as the facilitator of `staff`, then has one
/// participant save `saves` answers, one at a time.
pub async fn run(
    addr: SocketAddr,
    staff: &Browser,
    workshop: &Workshop,
    streams: usize,
    saves: usize,
    person: usize,
) -> Result<Live, Error> {
    let (tx, mut rx) = mpsc::unbounded_channel::<News>();
    let path = format!("/facilitate/workshops/{}/events", workshop.id);
    let mut readers = Vec::with_capacity(streams);
    for _ in 0..streams {
        let staff = staff.clone();
        let tx = tx.clone();
        let path = path.clone();
        readers.push(tokio::spawn(async move {
            let response = staff.open_stream(&path).await?;
            if !response.status().is_success() {
                return Err::<(), Error>(format!("events: {}", response.status()).into());
            }
            let mut body = response.into_body();
            let mut buffer = String::new();
            while let Some(frame) = body.frame().await {
                let frame = frame?;
                let arrived = Instant::now();
                if let Some(data) = frame.data_ref() {
                    buffer.push_str(&String::from_utf8_lossy(data));
                    for name in take_events(&mut buffer) {
                        let news = match name.as_str() {
                            "ready" => News::Ready,
                            "changed" => News::Changed(arrived),
                            _ => continue,
                        };
                        if tx.send(news).is_err() {
                            return Ok(());
                        }
                    }
                }
            }
            Ok(())
        }));
    }
    drop(tx);

    let outcome = measure(addr, workshop, streams, saves, person, &mut rx).await;
    for reader in &readers {
        reader.abort();
    }
    outcome
}

async fn measure(
    addr: SocketAddr,
    workshop: &Workshop,
    streams: usize,
    saves: usize,
    person: usize,
    rx: &mut mpsc::UnboundedReceiver<News>,
) -> Result<Live, Error> {
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut ready = 0;
    while ready < streams {
        match tokio::time::timeout_at(deadline.into(), rx.recv()).await {
            Ok(Some(News::Ready)) => ready += 1,
            Ok(Some(News::Changed(_))) => {}
            Ok(None) => return Err(format!("event streams ended; {ready} were open").into()),
            Err(_) => return Err(format!("only {ready} of {streams} event streams opened").into()),
        }
    }

    let mut participant = Browser::new(addr, loopback(person));
    let joined = participant
        .call(
            "join_workshop",
            &[
                ("code", &workshop.code),
                ("name", "Participante en vivo"),
                ("team", &workshop.teams[0].to_string()),
            ],
        )
        .await?;
    let cookie = joined
        .cookie("rumbo_session")
        .ok_or_else(|| format!("join_workshop ({}): {}", joined.status, joined.text()))?;
    participant.set_cookie(cookie);
    // The join itself is news: let it reach every stream and the coalescing window pass.
    drain_for(rx, streams, Duration::from_secs(10)).await;
    tokio::time::sleep(COALESCE + Duration::from_millis(100)).await;
    while rx.try_recv().is_ok() {}

    let mut live = Live {
        streams,
        saves,
        ..Live::default()
    };
    let id = workshop.id.to_string();
    for s in 0..saves {
        let indicator = workshop.indicators[s % workshop.indicators.len()].to_string();
        let response = (1 + s % 5).to_string();
        let sent = Instant::now();
        let reply = participant
            .call(
                "save_answer",
                &[
                    ("workshop", &id),
                    ("indicator", &indicator),
                    ("response", &response),
                    ("mark", "neutral"),
                ],
            )
            .await?;
        if !reply.status.is_success() {
            return Err(format!("save_answer ({}): {}", reply.status, reply.text()).into());
        }
        let arrivals = drain_for(rx, streams, Duration::from_secs(10)).await;
        live.missed += streams - arrivals.len();
        for arrived in arrivals {
            live.latency.push(arrived.saturating_duration_since(sent));
        }
        tokio::time::sleep(COALESCE + Duration::from_millis(100)).await;
        while rx.try_recv().is_ok() {}
    }
    Ok(live)
}

/// Arrival times of up to `expected` change events, waiting at most `within`.
async fn drain_for(
    rx: &mut mpsc::UnboundedReceiver<News>,
    expected: usize,
    within: Duration,
) -> Vec<Instant> {
    let deadline = tokio::time::Instant::now() + within;
    let mut arrivals = Vec::with_capacity(expected);
    while arrivals.len() < expected {
        match tokio::time::timeout_at(deadline, rx.recv()).await {
            Ok(Some(News::Changed(at))) => arrivals.push(at),
            Ok(Some(News::Ready)) => {}
            Ok(None) | Err(_) => break,
        }
    }
    arrivals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_read_whole_across_chunks() {
        let mut buffer = String::from("event: ready\ndata: 7\n\n:\n\nevent: chan");
        assert_eq!(take_events(&mut buffer), ["ready"]);
        assert_eq!(buffer, "event: chan");
        buffer.push_str("ged\ndata: 7\n\n");
        assert_eq!(take_events(&mut buffer), ["changed"]);
        assert!(buffer.is_empty());
    }
}
