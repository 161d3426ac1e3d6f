//! The join link as a QR code, drawn on the server as SVG.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::error::{AppError, AppResult};

/// An SVG image of a QR code for `url`, for phones to scan off a shared screen. Medium error
/// correction survives a blurry video call; the quiet zone is kept for scanners.
pub fn svg_for(url: &str) -> AppResult<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|e| AppError::internal("QR code", e))?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .dark_color(svg::Color("#1b1b1b"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_svg_images() {
        let svg = svg_for("https://rumbo.example/join?code=ABCD2345").unwrap();
        assert!(
            svg.starts_with("<?xml") || svg.starts_with("<svg"),
            "{}",
            &svg[..40]
        );
        assert!(svg.contains("</svg>"));
    }
}
