//! Reading a workshop from the address of a page.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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
