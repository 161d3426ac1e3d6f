//! Reading a workshop from the address of a page.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::error::AppError;
use crate::ids::WorkshopId;

/// The workshop id of a `/workshops/:id/…` page, if the address holds one.
pub fn workshop_param() -> Memo<Option<WorkshopId>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<WorkshopId>().ok())
    })
}

/// Loads a page's data with `fetch` for its workshop; an address without a valid workshop id
/// is "not found", like a workshop that does not exist.
pub async fn load_for<T, F>(
    id: Option<WorkshopId>,
    fetch: impl FnOnce(WorkshopId) -> F,
) -> Result<T, AppError>
where
    F: std::future::Future<Output = Result<T, AppError>>,
{
    match id {
        Some(id) => fetch(id).await,
        None => Err(AppError::NotFound),
    }
}
