//! Saving answers as they are given, and never dropping one.
//!
//! Each indicator's form has one saver. A change replaces the saver's *wanted* state; a
//! single loop per form sends the latest wanted state until the server has acknowledged
//! exactly that state. A save that fails for a transient reason (no network, the server
//! restarting) is retried with growing pauses for as long as the page is open, and leaving
//! the page while a save is pending asks for confirmation. A save the server refuses (a bad
//! link, a closed phase) is not retried: its message is shown instead.
//!
//! Phones do not always ask before a tab is closed, so every answer waiting to be saved is
//! also kept in the browser's local storage until the server acknowledges it. When the page
//! is opened again, the form shows the kept answer and sends it.

use crate::error::AppError;

/// Where an indicator's saving stands, as the participant sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing to save yet, or nothing changed since the page loaded.
    Idle,
    /// The answer needs a level (or "not applicable" / "don't know") before it can be saved.
    NeedsResponse,
    /// A save is on its way.
    Saving,
    /// The server has the latest answer.
    Saved,
    /// The last save failed for a transient reason; the answer is kept and will be sent again.
    Retrying {
        /// How many attempts failed so far.
        attempt: u32,
    },
    /// The server refused the answer; retrying would not help.
    Refused(AppError),
}

impl SaveState {
    /// A stable name, for styling and for tests.
    pub fn name(&self) -> &'static str {
        match self {
            SaveState::Idle => "idle",
            SaveState::NeedsResponse => "needs-response",
            SaveState::Saving => "saving",
            SaveState::Saved => "saved",
            SaveState::Retrying { .. } => "retrying",
            SaveState::Refused(_) => "refused",
        }
    }
}

/// Whether a failed save is worth sending again: the network or the server failed, not the
/// answer.
pub fn is_transient(error: &AppError) -> bool {
    matches!(error, AppError::Network | AppError::Internal)
}

/// The pause before retry number `attempt` (1-based): 1 s, 2 s, 4 s… at most 8 s, short
/// enough that an answer arrives soon after the connection comes back.
pub fn retry_delay_ms(attempt: u32) -> u32 {
    1000_u32.saturating_mul(1 << attempt.saturating_sub(1).min(3))
}

#[cfg(feature = "hydrate")]
pub use client::{has_pending, stashed, Saver};

#[cfg(feature = "hydrate")]
mod client {
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::{Arc, Mutex};

    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use server_fn::ServerFn;

    use super::{is_transient, retry_delay_ms, SaveState};
    use crate::assessment::SaveAnswer;

    /// Saves still on their way, across the whole page: leaving asks for confirmation while
    /// this is not zero. A plain static, because a save outlives the form that started it
    /// (the participant may move on to the next pillar while it is retried).
    static PENDING: AtomicU32 = AtomicU32::new(0);

    /// Whether any save is still on its way.
    pub fn has_pending() -> bool {
        PENDING.load(Ordering::Relaxed) > 0
    }

    #[derive(Default)]
    struct Queue {
        wanted: Option<SaveAnswer>,
        acknowledged: Option<String>,
        running: bool,
    }

    /// The saver of one indicator's form.
    #[derive(Clone)]
    pub struct Saver {
        queue: Arc<Mutex<Queue>>,
        state: RwSignal<SaveState>,
        on_saved: Callback<bool>,
    }

    fn fingerprint(input: &SaveAnswer) -> String {
        serde_json::to_string(input).unwrap_or_default()
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window().and_then(|w| w.local_storage().ok().flatten())
    }

    fn stash_key(input: &SaveAnswer) -> String {
        format!("rumbo:pending:{}:{}", input.workshop, input.indicator)
    }

    /// Keeps an answer in the browser until the server has it.
    fn stash(input: &SaveAnswer, print: &str) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(&stash_key(input), print);
        }
    }

    /// Forgets the kept answer once the server acknowledged it (unless a newer one replaced it).
    fn unstash(input: &SaveAnswer, print: &str) {
        if let Some(storage) = storage() {
            let key = stash_key(input);
            if storage.get_item(&key).ok().flatten().as_deref() == Some(print) {
                let _ = storage.remove_item(&key);
            }
        }
    }

    /// An answer kept from an earlier visit that the server never acknowledged.
    pub fn stashed(
        workshop: crate::ids::WorkshopId,
        indicator: crate::ids::IndicatorId,
    ) -> Option<SaveAnswer> {
        let key = format!("rumbo:pending:{workshop}:{indicator}");
        let kept = storage()?.get_item(&key).ok().flatten()?;
        serde_json::from_str(&kept).ok()
    }

    impl Saver {
        /// A saver that shows its state in `state` and tells `on_saved` whether each saved
        /// answer has a response.
        pub fn new(state: RwSignal<SaveState>, on_saved: Callback<bool>) -> Saver {
            Saver {
                queue: Arc::default(),
                state,
                on_saved,
            }
        }

        /// Asks for `input` to be saved, replacing whatever was waiting.
        pub fn push(&self, input: SaveAnswer) {
            stash(&input, &fingerprint(&input));
            let start = {
                let Ok(mut queue) = self.queue.lock() else {
                    return;
                };
                queue.wanted = Some(input);
                !std::mem::replace(&mut queue.running, true)
            };
            if start {
                PENDING.fetch_add(1, Ordering::Relaxed);
                spawn_local(self.clone().run());
            }
        }

        /// The next state to send, or `None` (and the loop ends) when the server has it.
        fn next(&self) -> Option<(SaveAnswer, String)> {
            let mut queue = self.queue.lock().ok()?;
            let wanted = queue.wanted.clone();
            match wanted {
                Some(input) => {
                    let print = fingerprint(&input);
                    if queue.acknowledged.as_deref() == Some(print.as_str()) {
                        queue.running = false;
                        None
                    } else {
                        Some((input, print))
                    }
                }
                None => {
                    queue.running = false;
                    None
                }
            }
        }

        fn acknowledge(&self, print: String) {
            if let Ok(mut queue) = self.queue.lock() {
                queue.acknowledged = Some(print);
            }
        }

        async fn run(self) {
            let mut attempt = 0_u32;
            while let Some((input, print)) = self.next() {
                // The form may be gone (another page); the save goes on regardless.
                self.state.try_set(SaveState::Saving);
                let has_response = input
                    .response
                    .as_deref()
                    .is_some_and(|r| !r.trim().is_empty());
                match input.clone().run_on_client().await {
                    Ok(_) => {
                        attempt = 0;
                        unstash(&input, &print);
                        self.acknowledge(print);
                        self.state.try_set(SaveState::Saved);
                        self.on_saved.try_run(has_response);
                    }
                    Err(error) if is_transient(&error) => {
                        attempt = attempt.saturating_add(1);
                        self.state.try_set(SaveState::Retrying { attempt });
                        gloo_timers::future::TimeoutFuture::new(retry_delay_ms(attempt)).await;
                    }
                    Err(error) => {
                        // Not retried, but remembered so an unchanged form is not sent again.
                        unstash(&input, &print);
                        self.acknowledge(print);
                        self.state.try_set(SaveState::Refused(error));
                    }
                }
            }
            PENDING.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_network_and_server_failures_are_retried() {
        assert!(is_transient(&AppError::Network));
        assert!(is_transient(&AppError::Internal));
        assert!(!is_transient(&AppError::Unauthorized));
        assert!(!is_transient(&AppError::invalid(
            "evidence",
            crate::i18n::Key::ErrEvidenceUrl
        )));
    }

    #[test]
    fn retry_pauses_grow_and_are_capped() {
        let pauses: Vec<u32> = (1..=6).map(retry_delay_ms).collect();
        assert_eq!(pauses, [1000, 2000, 4000, 8000, 8000, 8000]);
        assert_eq!(retry_delay_ms(0), 1000);
        assert_eq!(retry_delay_ms(u32::MAX), 8000);
    }
}
