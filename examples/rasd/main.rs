//! `rasd`: the command-line front door to every stage of the crate.
//!
//! ```text
//! cargo run --release --example rasd -- <SUBCOMMAND> [OPTIONS]
//! ```
//!
//! Subcommands read lines (or documents) on standard input and write one
//! JSON line per input line on standard output. Run with `--help` for the
//! list.

mod dates;
mod extract;
mod gazetteer;
mod lines;
mod numbers;
mod tokens;

use std::process::ExitCode;

const USAGE: &str = "\
usage: rasd <SUBCOMMAND> [OPTIONS]

Subcommands (each reads standard input, writes JSON lines):
  tokens                     tokens of each input line
  numbers [--details]        numbers of each input line (--details adds the
                             magnitude, qualifier span and counted noun)
  dates [--reference DATE]   dates of each input line (DATE: YYYY-MM-DD)
  gazetteer [--places FILE] [--actors FILE]
                             places and actors of each input line, with the
                             default tables plus your own TSV files
  extract [--published DATE] [FILE...]
                             incidents of articles: FILE arguments (one
                             article each, doc id = file stem), or JSON
                             lines {\"id\", \"text\", \"published\"} on stdin

Byte spans in the output are offsets into the input line (or document).
Exit status: 0 on success, 1 when some input could not be read (the rest
is still processed), 2 on a usage error.
";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(sub) = args.next() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<_> = args.collect();
    let result = match sub.to_str() {
        Some("tokens") => tokens::run(rest),
        Some("numbers") => numbers::run(rest),
        Some("dates") => dates::run(rest),
        Some("gazetteer") => gazetteer::run(rest),
        Some("extract") => extract::run(rest),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("rasd: unknown subcommand {sub:?}\n");
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rasd: {e}");
            // A wrong option or option value is a usage error.
            if e.is::<lexopt::Error>() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
