//! `signpost graph`: the dialogue drawn as DOT, Mermaid or SVG, to standard output or a file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use signpost::content::Content;
use signpost::graph::{Drawing, dot, mermaid, svg};

use super::args::GraphFormat;
use super::error::CliError;

/// Draws the content's dialogue in `lang` and writes it (a file is replaced whole).
pub fn graph(
    content_dir: &Path,
    format: GraphFormat,
    lang: &str,
    out: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let (content, _warnings) = Content::load(content_dir)?;
    let drawing = Drawing::of(&content, lang)?;
    let text = match format {
        GraphFormat::Dot => dot::render(&drawing),
        GraphFormat::Mermaid => mermaid::render(&drawing),
        GraphFormat::Svg => svg::render(&drawing),
    };
    match out {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| CliError::Write(path.to_path_buf(), e))?
        }
        None => std::io::stdout().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
