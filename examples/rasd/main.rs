//! `rasd`: the command-line front door to every stage of the crate.
//!
//! ```text
//! cargo run --release --example rasd -- <SUBCOMMAND> [OPTIONS]
//! ```
//!
//! The stage subcommands read lines on standard input and write one JSON
//! line per input line; `extract` reads articles (files, directories, JSON
//! lines or plain text) and writes JSON lines, ACLED-style CSV or GeoJSON.
//! Run with `--help` for the list; the output is described in
//! `docs/OUTPUT.md`.

mod acled;
mod batch;
mod dates;
mod extract;
mod gazetteer;
mod geojson;
mod input;
mod lines;
mod map;
mod numbers;
mod published;
mod record;
mod render;
mod resume;
mod stats;
mod tokens;

use std::io::Write;
use std::process::ExitCode;

use lines::{warn, BROKEN_PIPE};

const USAGE: &str = "\
usage: rasd <SUBCOMMAND> [OPTIONS]
       rasd <SUBCOMMAND> --help
       rasd --version

Subcommands:
  extract [OPTIONS] [INPUT...]
                             incidents of articles as JSON lines (default),
                             ACLED-style CSV or GeoJSON; see `rasd extract
                             --help`
  map [--html] [FILE]        an SVG map of extract's JSON lines (FILE or
                             stdin) over the governorate borders
  stats [--csv] [FILE]       counts per governorate, kind and month of
                             extract's JSON lines (FILE or stdin)
  tokens                     tokens of each input line
  numbers                    numbers of each input line, with qualifier,
                             magnitude and counted noun
  dates [--reference DATE]   dates of each input line (DATE: YYYY-MM-DD)
  gazetteer [--places FILE] [--actors FILE]
                             places and actors of each input line, with the
                             default tables plus your own TSV files

tokens, numbers, dates and gazetteer read standard input and write one JSON
line per input line. Byte spans in the output are offsets into the input
line (or document); the output of extract is described in docs/OUTPUT.md.
Exit status: 0 on success, 1 when some input could not be read (the rest
is still processed), 2 on a usage error, 141 when standard output was
closed (`rasd tokens | head`: the run stops quietly).
";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(sub) = args.next() else {
        let _ = write!(std::io::stderr(), "{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<_> = args.collect();
    let sub_usage = match sub.to_str() {
        Some("tokens") => Some(tokens::USAGE),
        Some("numbers") => Some(numbers::USAGE),
        Some("dates") => Some(dates::USAGE),
        Some("gazetteer") => Some(gazetteer::USAGE),
        Some("extract") => Some(extract::USAGE),
        Some("stats") => Some(stats::USAGE),
        Some("map") => Some(map::USAGE),
        _ => None,
    };
    if let Some(usage) = sub_usage {
        // `--help` anywhere before a `--` asks for help, whatever else is
        // on the line.
        let before_dashes = || rest.iter().take_while(|a| *a != "--");
        if before_dashes().any(|a| a == "--help" || a == "-h") {
            return print_out(usage);
        }
        if before_dashes().any(|a| a == "--version") {
            return print_out(&version());
        }
    }
    let result = match sub.to_str() {
        Some("tokens") => tokens::run(rest),
        Some("numbers") => numbers::run(rest),
        Some("dates") => dates::run(rest),
        Some("gazetteer") => gazetteer::run(rest),
        Some("extract") => extract::run(rest),
        Some("stats") => stats::run(rest),
        Some("map") => map::run(rest),
        Some("-h" | "--help" | "help") => return print_out(USAGE),
        Some("-V" | "--version" | "version") => return print_out(&version()),
        _ => {
            warn(format_args!("unknown subcommand {sub:?}\n"));
            let _ = write!(std::io::stderr(), "{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => exit_for(&*e),
    }
}

fn version() -> String {
    format!("rasd {}\n", env!("CARGO_PKG_VERSION"))
}

/// Prints `text` on standard output; a closed pipe ends quietly (141).
fn print_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::from(BROKEN_PIPE)
        }
        Err(e) => {
            warn(e);
            ExitCode::FAILURE
        }
        Ok(()) => ExitCode::SUCCESS,
    }
}

/// The message and exit code of a subcommand's error.
fn exit_for(e: &(dyn std::error::Error + 'static)) -> ExitCode {
    // The reader of our output went away (`rasd extract | head`): stop
    // quietly, with the status of a process killed by SIGPIPE.
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::from(BROKEN_PIPE);
        }
    }
    warn(e);
    // A wrong option or option value is a usage error.
    if e.is::<lexopt::Error>() || e.is::<lines::UsageError>() {
        ExitCode::from(2)
    } else {
        ExitCode::FAILURE
    }
}
