//! How the pages react to their server actions: reload after a success, show the error.

use leptos::prelude::*;

use crate::error::AppError;

/// Bumps `refresh` (the key of the page's data resource) each time `action` succeeds, so the
/// page shows what the server now holds.
pub fn refresh_after<A, T>(action: ServerAction<A>, refresh: RwSignal<u32>)
where
    A: leptos::server_fn::ServerFn<Output = T, Error = AppError> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            refresh.update(|n| *n += 1);
        }
    });
}

/// The error of the action's latest run, if it failed.
pub fn error_of<A, T>(action: ServerAction<A>) -> Signal<Option<AppError>>
where
    A: leptos::server_fn::ServerFn<Output = T, Error = AppError> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}
