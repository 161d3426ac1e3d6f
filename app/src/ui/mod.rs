//! Small building blocks shared by the domains' views.

mod chart;
mod notice;

pub use chart::EChart;
pub use notice::{set_status, ErrorNotice};
