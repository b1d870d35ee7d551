//! Shared line-by-line driver for the subcommands that read text lines.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

/// The result type of every subcommand.
pub type CmdResult = Result<ExitCode, Box<dyn std::error::Error>>;

/// Writes `rasd: {msg}` on standard error. A failed write (a full disk, a
/// closed pipe) is ignored: the records on standard output matter, and a
/// message that cannot be written must not stop the run.
pub fn warn(msg: impl std::fmt::Display) {
    // One write, so that messages from two threads do not mix.
    let _ = io::stderr().write_all(format!("rasd: {msg}\n").as_bytes());
}

/// The exit status of a run stopped because standard output was closed
/// (128 + SIGPIPE, as a shell reports a process killed by SIGPIPE).
pub const BROKEN_PIPE: u8 = 141;

/// Reads standard input line by line and writes `f(line)` as one JSON line
/// per input line, `{"line": N, ...fields}`. A line that is not valid UTF-8
/// yields `{"line": N, "error": "..."}`, and so does a line on which `f`
/// panics (it should not); the run goes on and the exit code is non-zero
/// at the end.
pub fn each_line(
    mut f: impl FnMut(&str) -> serde_json::Map<String, serde_json::Value>,
) -> CmdResult {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    read_lines(|n, bytes| {
        let mut obj = serde_json::Map::new();
        obj.insert("line".into(), n.into());
        let fields =
            match std::str::from_utf8(bytes) {
                Ok(line) => std::panic::catch_unwind(
                    std::panic::AssertUnwindSafe(|| f(line)),
                )
                .map_err(|_| {
                    format!("line {n}: internal error: rasd panicked")
                }),
                Err(e) => Err(format!("line {n}: invalid UTF-8: {e}")),
            };
        let msg = match fields {
            Ok(fields) => {
                obj.extend(fields);
                None
            }
            Err(msg) => {
                failed = true;
                obj.insert("error".into(), msg.clone().into());
                Some(msg)
            }
        };
        // The whole line at once, then the message.
        let mut line = serde_json::to_vec(&obj)?;
        line.push(b'\n');
        out.write_all(&line)?;
        if let Some(msg) = msg {
            warn(msg);
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Calls `f(n, line)` for each line of standard input, numbered from 1,
/// without its line ending (`\n` or `\r\n`). Lines are bytes: deciding
/// what to do with invalid UTF-8 is the caller's business.
pub fn read_lines(
    mut f: impl FnMut(usize, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    read_lines_from(io::BufReader::new(io::stdin().lock()), |n, line| {
        f(n, line)
    })
}

/// [`read_lines`] over any reader.
pub fn read_lines_from(
    mut reader: impl BufRead,
    mut f: impl FnMut(usize, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        n += 1;
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        f(n, &buf)?;
    }
}

/// A usage error found after the options were parsed (a bad option
/// value, an unreadable table): the CLI exits with status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// The user's gazetteer tables given with `--places FILE` and
/// `--actors FILE`, loaded on top of the default ones.
#[derive(Default)]
pub struct Tables {
    builder: Option<rasd::gazetteer::GazetteerBuilder>,
}

impl Tables {
    /// Loads the table of `--places` (when `places`) or `--actors`.
    pub fn load(
        &mut self,
        places: bool,
        path: std::ffi::OsString,
    ) -> Result<(), UsageError> {
        let b = self
            .builder
            .get_or_insert_with(rasd::gazetteer::Gazetteer::builder);
        let loaded = if places {
            b.load_places_tsv(&path)
        } else {
            b.load_actors_tsv(&path)
        };
        let option = if places { "--places" } else { "--actors" };
        loaded.map_err(|e| UsageError(format!("{option}: {e}")))?;
        Ok(())
    }

    /// The gazetteer: the default one, or the defaults plus the tables.
    pub fn build(
        self,
    ) -> Result<rasd::gazetteer::Gazetteer, Box<dyn std::error::Error>> {
        match self.builder {
            None => Ok(rasd::gazetteer::Gazetteer::global().clone()),
            Some(b) => Ok(b
                .build()
                .map_err(|e| UsageError(format!("gazetteer tables: {e}")))?),
        }
    }
}

/// Rejects any argument: for subcommands that take none.
pub fn no_args(args: Vec<std::ffi::OsString>) -> Result<(), lexopt::Error> {
    let mut p = lexopt::Parser::from_args(args);
    if let Some(arg) = p.next()? {
        return Err(arg.unexpected());
    }
    Ok(())
}

/// The crate's serde form of `record`, a mention found in `line`, with
/// `"text"` (the words of its span) first in every object that has a
/// span and no text, and a `"char_span"` beside every span, as in
/// `extract`'s records.
pub fn mention_json(
    record: &impl serde::Serialize,
    line: &str,
    index: &crate::record::CharIndex,
) -> serde_json::Value {
    let mut v = serde_json::to_value(record).unwrap_or_default();
    add_texts(&mut v, line);
    crate::record::add_char_spans(&mut v, index);
    v
}

fn add_texts(v: &mut serde_json::Value, line: &str) {
    match v {
        serde_json::Value::Array(items) => {
            items.iter_mut().for_each(|v| add_texts(v, line))
        }
        serde_json::Value::Object(fields) => {
            fields.values_mut().for_each(|v| add_texts(v, line));
            let text = fields
                .get("span")
                .and_then(|s| {
                    Some((s.get("start")?.as_u64()?, s.get("end")?.as_u64()?))
                })
                .and_then(|(a, b)| line.get(a as usize..b as usize));
            if let Some(text) = text.filter(|_| !fields.contains_key("text")) {
                let mut obj = serde_json::Map::new();
                obj.insert("text".into(), text.into());
                obj.extend(std::mem::take(fields));
                *fields = obj;
            }
        }
        _ => {}
    }
}

/// The JSON form of a span: `{"start": S, "end": E}`.
pub fn span_json(span: rasd::Span) -> serde_json::Value {
    serde_json::json!({"start": span.start, "end": span.end})
}
