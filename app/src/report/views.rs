//! `/workshops/:id/report` (a participant's team) and `/facilitate/workshops/:id/report`.

use leptos::prelude::*;

/// A participant's team report.
#[component]
pub fn ReportPage() -> impl IntoView {}

/// The facilitator's report of the workshop, or of one team with `?team=`.
#[component]
pub fn StaffReportPage() -> impl IntoView {}
