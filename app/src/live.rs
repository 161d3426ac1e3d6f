//! Live updates: "something changed in workshop N", delivered to every open dashboard.
//!
//! Within one process a broadcast channel carries the news. With PostgreSQL, several app
//! instances may share the database, so changes are also sent with `NOTIFY`, and every
//! instance listens and passes on what the others sent. `NOTIFY` is coalesced: at most one per
//! workshop every [`NOTIFY_WINDOW`], because each one is a round trip and PostgreSQL
//! serialises the commits of notifying transactions (one per autosave cost a third of the
//! save throughput), while dashboards redraw at most every 300 ms anyway.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::RngCore;
use tokio::sync::{broadcast, Notify};

use crate::db::{Backend, Db};
use crate::ids::WorkshopId;

/// The PostgreSQL channel the instances talk on.
pub const CHANNEL: &str = "rumbo_live";

/// How long changes are gathered before the other instances are told of them.
pub const NOTIFY_WINDOW: Duration = Duration::from_millis(50);

/// The hub of one app instance.
#[derive(Clone, Debug)]
pub struct Hub {
    sender: broadcast::Sender<WorkshopId>,
    // Tells this instance's own notifications apart from the others'.
    instance: String,
    outbox: Arc<Outbox>,
}

/// Workshops whose news the other instances have not been sent yet.
#[derive(Debug, Default)]
struct Outbox {
    pending: Mutex<BTreeSet<WorkshopId>>,
    wake: Notify,
}

impl Default for Hub {
    fn default() -> Self {
        Hub::new()
    }
}

impl Hub {
    /// A hub with no listeners yet.
    pub fn new() -> Hub {
        // A dashboard that falls this far behind skips ahead; it only needs the latest state.
        let (sender, _) = broadcast::channel(256);
        let mut id = [0_u8; 8];
        rand::rng().fill_bytes(&mut id);
        Hub {
            sender,
            instance: id.iter().map(|b| format!("{b:02x}")).collect(),
            outbox: Arc::default(),
        }
    }

    /// News of every workshop, from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<WorkshopId> {
        self.sender.subscribe()
    }

    /// Tells this instance's dashboards that `workshop` changed.
    pub fn deliver(&self, workshop: WorkshopId) {
        // No receiver is not an error: nobody is watching.
        let _ = self.sender.send(workshop);
    }

    /// Tells every instance's dashboards that `workshop` changed: this instance's at once,
    /// the others' within [`NOTIFY_WINDOW`] (see [`Hub::listen`]).
    pub async fn publish(&self, db: &Db, workshop: WorkshopId) {
        self.deliver(workshop);
        if db.backend() == Backend::Postgres {
            self.outbox
                .pending
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(workshop);
            self.outbox.wake.notify_one();
        }
    }

    /// On PostgreSQL, for as long as the process runs: listens for the other instances' news,
    /// and sends them ours. Does nothing on SQLite, which only one instance uses.
    pub fn listen(&self, db: &Db) {
        if db.backend() != Backend::Postgres {
            return;
        }
        let hub = self.clone();
        let url = db.url().to_owned();
        tokio::spawn(async move {
            loop {
                if let Err(e) = hub.relay(&url).await {
                    tracing::warn!(error = %e, "live updates from other instances interrupted; retrying");
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
        let hub = self.clone();
        let db = db.clone();
        tokio::spawn(async move {
            loop {
                hub.outbox.wake.notified().await;
                tokio::time::sleep(NOTIFY_WINDOW).await;
                hub.send_pending(&db).await;
            }
        });
    }

    /// Sends one notification per workshop that changed since the last call. Failing to
    /// notify the other instances is logged, never fatal: the changes themselves are saved.
    async fn send_pending(&self, db: &Db) {
        let workshops = std::mem::take(
            &mut *self
                .outbox
                .pending
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        for workshop in workshops {
            let sent = sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(format!("{}:{}", self.instance, workshop.0))
                .execute(db.pool())
                .await;
            if let Err(e) = sent {
                tracing::warn!(error = %e, "could not notify other instances");
            }
        }
    }

    async fn relay(&self, url: &str) -> Result<(), sqlx::Error> {
        let mut listener = sqlx::postgres::PgListener::connect(url).await?;
        listener.listen(CHANNEL).await?;
        loop {
            let notification = listener.recv().await?;
            if let Some(workshop) = self.news_from_others(notification.payload()) {
                self.deliver(workshop);
            }
        }
    }

    /// The workshop named by another instance's notification; `None` for our own (already
    /// delivered) and for anything malformed.
    fn news_from_others(&self, payload: &str) -> Option<WorkshopId> {
        let (instance, workshop) = payload.split_once(':')?;
        if instance == self.instance {
            return None;
        }
        workshop.parse().ok().map(WorkshopId)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_and_malformed_notifications_are_ignored() {
        let hub = Hub::new();
        let own = format!("{}:7", hub.instance);
        assert_eq!(hub.news_from_others(&own), None);
        assert_eq!(
            hub.news_from_others("0123456789abcdef:7"),
            Some(WorkshopId(7))
        );
        assert_eq!(hub.news_from_others("garbage"), None);
        assert_eq!(hub.news_from_others("x:y"), None);
    }

    #[tokio::test]
    async fn subscribers_hear_deliveries() {
        let hub = Hub::new();
        let mut rx = hub.subscribe();
        hub.deliver(WorkshopId(3));
        assert_eq!(rx.recv().await.unwrap(), WorkshopId(3));
    }
}
