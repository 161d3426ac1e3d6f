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
    Effect::new(move |_| draw_when_attached(id, chart.clone(), height, Owner::current(), 0));
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

/// Draws the chart once its box is in the document. After a client-side navigation the
/// effect can run before the new page is attached, so it waits a few frames for it.
#[cfg(feature = "hydrate")]
fn draw_when_attached(
    id: &'static str,
    chart: Chart,
    height: u32,
    owner: Option<Owner>,
    tries: u32,
) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    match element {
        // Under the effect's owner, so the resize listener goes when the chart does.
        Some(element) => match owner {
            Some(owner) => owner.with(|| draw(id, element, &chart, height)),
            None => draw(id, element, &chart, height),
        },
        None if tries < 120 => {
            request_animation_frame(move || draw_when_attached(id, chart, height, owner, tries + 1))
        }
        None => leptos::logging::error!("chart {id}: its box never appeared"),
    }
}

/// Draws the chart as wide as its box, and redraws it at the new width when the window is
/// resized (a phone turned sideways).
#[cfg(feature = "hydrate")]
fn draw(id: &'static str, element: web_sys::Element, chart: &Chart, height: u32) {
    use charming::{ChartResize, WasmRenderer};
    let width_of =
        |element: &web_sys::Element| u32::try_from(element.client_width()).unwrap_or(0).max(260);
    element.set_inner_html("");
    match WasmRenderer::new(width_of(&element), height).render(id, chart) {
        Ok(echarts) => {
            let _ = element.set_attribute("data-drawn", "true");
            let handle = window_event_listener(leptos::ev::resize, move |_| {
                WasmRenderer::resize_chart(
                    &echarts,
                    ChartResize::new(width_of(&element), height, false, None),
                );
            });
            on_cleanup(move || handle.remove());
        }
        Err(err) => leptos::logging::error!("chart {id} could not be drawn: {err:?}"),
    }
}
