//! A chart drawn by ECharts in the browser.

use charming::Chart;
use leptos::prelude::*;

use crate::i18n::{use_lang, Key};

/// A chart container. The server renders an empty, labelled box (the data is in the table
/// that every chart has beside it); after hydration ECharts draws into it, as wide as the
/// box is on this screen.
#[component]
pub fn EChart(
    /// The element id, unique on the page.
    id: &'static str,
    /// What to draw.
    chart: Chart,
    /// Height in pixels.
    #[prop(default = 380)]
    height: u32,
    /// What the chart shows, for screen readers.
    label: String,
) -> impl IntoView {
    let lang = use_lang();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| draw(id, &chart, height));
    #[cfg(not(feature = "hydrate"))]
    let _ = chart;
    view! {
        <figure class="chart-figure">
            <div
                id=id
                class="chart"
                role="img"
                aria-label=label
                style=format!("height: {height}px")
            >
                <p class="chart-loading">{lang.t(Key::ChartLoading)}</p>
            </div>
        </figure>
    }
}

#[cfg(feature = "hydrate")]
fn draw(id: &str, chart: &Chart, height: u32) {
    use charming::WasmRenderer;
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    let width = u32::try_from(element.client_width()).unwrap_or(0).max(280);
    element.set_inner_html("");
    if let Err(err) = WasmRenderer::new(width, height).render(id, chart) {
        leptos::logging::error!("chart {id} could not be drawn: {err:?}");
    } else {
        let _ = element.set_attribute("data-drawn", "true");
    }
}
