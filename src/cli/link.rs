//! `signpost link`: the `t.me` link for a poster or a text message, printed, and its QR code
//! written as SVG or PNG.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use qrcode::render::svg;
use qrcode::{Color, QrCode};
use signpost::content::Content;
use signpost::deeplink::{Link, LinkError};

use super::error::CliError;

/// Pixels per QR module in a PNG (a 41-module code with its margin is 392 px wide).
const PNG_SCALE: usize = 8;

/// Modules of white margin around the code, as the QR standard asks.
const QUIET_ZONE: usize = 4;

/// Prints the link; with `qr`, writes its QR code first (nothing is written if anything is
/// wrong).
pub fn link(
    content_dir: &Path,
    practice: Option<&str>,
    source: Option<&str>,
    bot: Option<&str>,
    qr: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let bot = bot
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .ok_or(LinkError::NoBot)?;
    let (content, _warnings) = Content::load(content_dir)?;
    let url = Link::new(&content.practices, practice, source)?.url(bot)?;
    if let Some(path) = qr {
        let code = QrCode::new(url.as_bytes()).map_err(|e| CliError::Qr(e.to_string()))?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let bytes = match ext.as_deref() {
            Some("svg") => svg_of(&code).into_bytes(),
            Some("png") => png_of(&code)?,
            Some(_) | None => return Err(CliError::QrFormat(path.to_path_buf())),
        };
        std::fs::write(path, bytes).map_err(|e| CliError::Write(path.to_path_buf(), e))?;
    }
    writeln!(std::io::stdout(), "{url}")?;
    Ok(ExitCode::SUCCESS)
}

/// The code as an SVG image, black on white, with its margin.
fn svg_of(code: &QrCode) -> String {
    code.render::<svg::Color<'_>>()
        .min_dimensions(320, 320)
        .quiet_zone(true)
        .build()
}

/// The code as a greyscale PNG, [`PNG_SCALE`] pixels a module, with its margin.
fn png_of(code: &QrCode) -> Result<Vec<u8>, CliError> {
    let modules = code.width();
    let side = (modules + 2 * QUIET_ZONE) * PNG_SCALE;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color == Color::Dark {
            let (mx, my) = (i % modules + QUIET_ZONE, i / modules + QUIET_ZONE);
            for y in my * PNG_SCALE..(my + 1) * PNG_SCALE {
                pixels[y * side + mx * PNG_SCALE..y * side + (mx + 1) * PNG_SCALE].fill(0);
            }
        }
    }
    let side = u32::try_from(side).map_err(|e| CliError::Qr(e.to_string()))?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let png_error = |e: png::EncodingError| CliError::Qr(e.to_string());
    let mut writer = encoder.write_header().map_err(png_error)?;
    writer.write_image_data(&pixels).map_err(png_error)?;
    writer.finish().map_err(png_error)?;
    Ok(out)
}
