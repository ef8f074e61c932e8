//! The `signpost` command line: parses the arguments, sets up logging, and turns a failure
//! into one readable line and exit code 1.

// Output goes through `writeln!`, so a closed pipe is an error that ends quietly, not a panic.
#![deny(clippy::print_stdout)]

mod cli;

use std::io;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    // In a conversation on this terminal, a log line would land in the middle of a reply: logs
    // there are off unless `RUST_LOG` asks for them (then to stderr, e.g. `2>chat.log`).
    let filter = match std::env::var_os("RUST_LOG") {
        Some(_) => tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        None if cli.converses() => tracing_subscriber::EnvFilter::new("off"),
        None => tracing_subscriber::EnvFilter::new("warn"),
    };
    tracing_subscriber::fmt()
        .with_writer(io::stderr)
        // Colour codes only for a person at a terminal, not in a log file or the journal.
        .with_ansi(io::IsTerminal::is_terminal(&io::stderr()))
        .with_env_filter(filter)
        .init();
    match cli::run(cli) {
        Ok(code) => code,
        // Output closed early (`| head`): stop quietly, as a command in a pipeline should.
        Err(e) if e.is_closed_output() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("signpost: {e}");
            ExitCode::from(1)
        }
    }
}
