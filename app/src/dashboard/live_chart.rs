//! A chart that follows a signal: drawn once, then updated in place as new numbers arrive,
//! so a live dashboard neither flickers nor piles up chart instances over a long session.

use charming::Chart;
use leptos::prelude::*;

use crate::ui::EChart;

/// An [`EChart`] whose picture follows `chart`.
#[component]
pub fn LiveChart(
    /// The element id, unique on the page.
    id: &'static str,
    /// What to draw, as it changes.
    chart: Signal<Chart>,
    /// Height in pixels.
    height: u32,
    /// What the chart shows, for screen readers.
    label: String,
) -> impl IntoView {
    // The first picture is EChart's; later ones update the same ECharts instance.
    #[cfg(feature = "hydrate")]
    Effect::new(move |drawn: Option<()>| {
        let chart = chart.get();
        if drawn.is_some() {
            redraw(id, chart, 0);
        }
    });
    view! { <EChart id chart=chart.get_untracked() height label /> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// ECharts' own registry of the charts it drew.
        #[wasm_bindgen(js_namespace = echarts, js_name = getInstanceByDom)]
        pub fn instance_by_dom(element: &web_sys::Element) -> JsValue;
    }
}

/// Gives the chart drawn in `#id` its new option; if EChart has not drawn it yet (it waits
/// for its box after a navigation), tries again on the next frames.
#[cfg(feature = "hydrate")]
fn redraw(id: &'static str, chart: Chart, tries: u32) {
    let instance = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .map(|element| browser::instance_by_dom(&element))
        .filter(|i| !i.is_undefined() && !i.is_null());
    match instance {
        Some(instance) => crate::ui::chart::update(instance, &chart),
        None if tries < 120 => request_animation_frame(move || redraw(id, chart, tries + 1)),
        None => {}
    }
}
