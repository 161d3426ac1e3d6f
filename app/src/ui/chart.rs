//! A chart drawn by ECharts in the browser, with a button that saves it as a PNG image.

use charming::Chart;
use leptos::prelude::*;

use crate::i18n::{use_lang, Key};

/// A chart container. The server renders an empty, labelled box (the data is in the table
/// that every chart has beside it); after hydration ECharts draws into it, as wide as the
/// box is on this screen, and a "Download PNG" link appears under it.
#[component]
pub fn EChart(
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    /// What to draw.
    chart: Chart,
    /// Height in pixels.
    #[prop(default = 380)]
    height: u32,
    /// What the chart shows, for screen readers.
    label: String,
) -> impl IntoView {
    let lang = use_lang();
    // Without a drawn chart there is no picture to save, so the link waits for the drawing
    // (and a page without JavaScript never shows it).
    let drawn = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        let id = id.clone();
        Effect::new(move |_| {
            draw_when_attached(
                id.clone(),
                chart.clone(),
                height,
                drawn,
                Owner::current(),
                0,
            )
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = chart;
    let save_label = lang.t(Key::RepDownloadPngLabel).replace("{chart}", &label);
    let on_save = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            #[cfg(feature = "hydrate")]
            save_png(&id, &ev);
            #[cfg(not(feature = "hydrate"))]
            let _ = (&id, ev);
        }
    };
    view! {
        <figure class="chart-figure">
            <div
                id=id.clone()
                class="chart"
                role="img"
                aria-label=label
                style=format!("height: {height}px")
            >
                <p class="chart-loading">{lang.t(Key::ChartLoading)}</p>
            </div>
            <a
                id=format!("{id}-png")
                class="chart-png"
                href="#"
                download=format!("{id}.png")
                hidden=move || !drawn.get()
                aria-label=save_label
                on:click=on_save
            >
                {lang.t(Key::RepDownloadPng)}
            </a>
        </figure>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// A chart ECharts drew.
        pub type Instance;

        /// Creates the chart in `element`: `echarts.init(element, theme, {width, height})`.
        #[wasm_bindgen(js_namespace = echarts, js_name = init)]
        pub fn init(element: &web_sys::Element, theme: &str, size: &JsValue) -> Instance;

        /// ECharts' own registry of the charts it drew: `undefined` for a box it never drew.
        #[wasm_bindgen(js_namespace = echarts, js_name = getInstanceByDom)]
        pub fn instance_by_dom(element: &web_sys::Element) -> JsValue;

        /// Draws `option` (or merges it into what is drawn).
        #[wasm_bindgen(method, js_name = setOption)]
        pub fn set_option(this: &Instance, option: &JsValue);

        /// Redraws at a new size.
        #[wasm_bindgen(method)]
        pub fn resize(this: &Instance, size: &JsValue);

        /// The chart as an image, as a `data:` URL.
        #[wasm_bindgen(method, js_name = getDataURL)]
        pub fn data_url(this: &Instance, options: &JsValue) -> String;
    }
}

/// The chart's ECharts option as a JavaScript object. Through JSON rather than charming's
/// `WasmRenderer` (serde-wasm-bindgen): the same object, but the JSON writer is a fraction of
/// the WebAssembly that building JavaScript objects field by field took.
#[cfg(feature = "hydrate")]
fn option_of(chart: &Chart) -> Option<wasm_bindgen::JsValue> {
    let json = serde_json::to_string(chart).ok()?;
    web_sys::js_sys::JSON::parse(&json).ok()
}

/// `{"width": …, "height": …}` for ECharts' `init` and `resize`.
#[cfg(feature = "hydrate")]
fn size(width: u32, height: u32) -> wasm_bindgen::JsValue {
    web_sys::js_sys::JSON::parse(&format!(r#"{{"width":{width},"height":{height}}}"#))
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

/// Gives the chart ECharts drew in `instance` (from `echarts.getInstanceByDom`) a new option,
/// in place.
#[cfg(feature = "hydrate")]
pub(crate) fn update(instance: wasm_bindgen::JsValue, chart: &Chart) {
    use wasm_bindgen::JsCast;
    if let Some(option) = option_of(chart) {
        instance
            .unchecked_into::<browser::Instance>()
            .set_option(&option);
    }
}

/// Puts the chart's picture into the clicked link just before the browser follows it, so
/// the browser saves it under the link's `download` name. Twice the screen's pixels, on
/// white: a transparent background prints and pastes badly.
#[cfg(feature = "hydrate")]
fn save_png(id: &str, ev: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let instance = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .map(|element| browser::instance_by_dom(&element))
        .filter(|i| !i.is_undefined() && !i.is_null());
    let link = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let options =
        web_sys::js_sys::JSON::parse(r##"{"type":"png","pixelRatio":2,"backgroundColor":"#fff"}"##);
    match (instance, link, options) {
        (Some(instance), Some(link), Ok(options)) => {
            let url = instance
                .unchecked_into::<browser::Instance>()
                .data_url(&options);
            let _ = link.set_attribute("href", &url);
        }
        // Nothing to save: stay on the page rather than follow "#".
        _ => ev.prevent_default(),
    }
}

/// Draws the chart once its box is in the document. After a client-side navigation the
/// effect can run before the new page is attached, so it waits a few frames for it.
#[cfg(feature = "hydrate")]
fn draw_when_attached(
    id: String,
    chart: Chart,
    height: u32,
    drawn: RwSignal<bool>,
    owner: Option<Owner>,
    tries: u32,
) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&id));
    match element {
        // Under the effect's owner, so the resize listener goes when the chart does.
        Some(element) => match owner {
            Some(owner) => owner.with(|| draw(&id, element, &chart, height, drawn)),
            None => draw(&id, element, &chart, height, drawn),
        },
        None if tries < 120 => request_animation_frame(move || {
            draw_when_attached(id, chart, height, drawn, owner, tries + 1)
        }),
        None => leptos::logging::error!("chart {id}: its box never appeared"),
    }
}

/// Draws the chart as wide as its box, and redraws it at the new width when the window is
/// resized (a phone turned sideways).
#[cfg(feature = "hydrate")]
fn draw(id: &str, element: web_sys::Element, chart: &Chart, height: u32, drawn: RwSignal<bool>) {
    let width_of =
        |element: &web_sys::Element| u32::try_from(element.client_width()).unwrap_or(0).max(260);
    let Some(option) = option_of(chart) else {
        leptos::logging::error!("chart {id} could not be drawn: its option is not JSON");
        return;
    };
    element.set_inner_html("");
    let echarts = browser::init(&element, "", &size(width_of(&element), height));
    echarts.set_option(&option);
    let _ = element.set_attribute("data-drawn", "true");
    drawn.set(true);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        echarts.resize(&size(width_of(&element), height));
    });
    on_cleanup(move || handle.remove());
}
