//! Small building blocks shared by the domains' views.

mod actions;
pub(crate) mod chart;
mod loaded;
mod notice;

pub use actions::{error_of, refresh_after};
pub use chart::EChart;
pub use loaded::loaded;
pub use notice::{login_href, set_status, ErrorNotice, FieldError};

/// Marks the page as run by JavaScript (`<html class="js">`): answer forms then hide their
/// Save buttons, because they save by themselves.
#[cfg(feature = "hydrate")]
pub fn mark_scripted() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().add_1("js");
    }
}
