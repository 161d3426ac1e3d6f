//! Live updates in the browser: an `EventSource` on the workshop's events route.

use leptos::prelude::*;

use crate::i18n::{use_lang, Key};
use crate::ids::WorkshopId;

/// The state of the connection, for the small indicator beside the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Live {
    /// Not connected (on the server, or before the page is scripted).
    Off,
    /// Receiving updates.
    On,
    /// The connection dropped; the browser is trying again.
    Reconnecting,
}

/// The address of a workshop's change events.
pub fn events_path(workshop: WorkshopId) -> String {
    format!("/facilitate/workshops/{workshop}/events")
}

/// Listens to the workshop's changes while the calling component lives, calling
/// `on_change` for each (and after a reconnection, in case one was missed).
pub fn use_live(
    workshop: Memo<Option<WorkshopId>>,
    on_change: impl Fn() + Clone + Send + Sync + 'static,
) -> RwSignal<Live> {
    let status = RwSignal::new(Live::Off);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(id) = workshop.get() {
            open(events_path(id), status, on_change.clone());
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (workshop, on_change);
    status
}

#[cfg(feature = "hydrate")]
fn open(url: String, status: RwSignal<Live>, on_change: impl Fn() + Clone + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Ok(source) = web_sys::EventSource::new(&url) else {
        status.set(Live::Reconnecting);
        return;
    };
    let again = on_change.clone();
    let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if status.get_untracked() == Live::Reconnecting {
            again();
        }
        status.set(Live::On);
    });
    let on_error =
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| status.set(Live::Reconnecting));
    let changed = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| on_change());
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let _ = source.add_event_listener_with_callback("changed", changed.as_ref().unchecked_ref());
    // The closures live as long as the connection; both go when the page does.
    let kept = StoredValue::new_local((source, on_open, on_error, changed));
    on_cleanup(move || {
        kept.try_with_value(|(source, ..)| source.close());
    });
}

/// "Live" or "Reconnecting…", announced politely to screen readers.
#[component]
pub fn LiveBadge(status: RwSignal<Live>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="live-badge" role="status" aria-live="polite">
            {move || match status.get() {
                Live::Off => None,
                Live::On => Some(view! { <span class="live on">{lang.t(Key::DashLive)}</span> }),
                Live::Reconnecting => Some(view! { <span class="live off">{lang.t(Key::DashReconnecting)}</span> }),
            }}
        </p>
    }
}
