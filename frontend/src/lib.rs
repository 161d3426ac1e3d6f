//! The WebAssembly bundle: it attaches Rumbo to the page the server rendered. All the code
//! lives in the `app` crate.

/// Called by the loader script once the bundle is fetched.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    app::ui::mark_scripted();
    leptos::mount::hydrate_body(app::App);
}
