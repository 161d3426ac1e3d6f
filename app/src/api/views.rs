//! The account page's API tokens.

use leptos::prelude::*;

/// The signed-in facilitator's API tokens: create, list, revoke.
#[component]
pub fn ApiTokensPanel() -> impl IntoView {}
