//! Showing what a server function loaded, or why it could not.

use leptos::prelude::*;
use leptos::server::codee::string::JsonSerdeCodec;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{use_lang, Key};

/// Waits for `resource` and shows `view` with its value, or the error in the reader's
/// language (with its HTTP status on the server). When the resource reloads (after a form
/// on the page saved something), the page keeps showing the previous value until the new
/// one arrives, instead of blanking to "Loading…".
pub fn loaded<T, V>(
    resource: Resource<Result<T, AppError>, JsonSerdeCodec>,
    view: impl Fn(T) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    view! {
        <Transition fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(value) => view(value).into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}
