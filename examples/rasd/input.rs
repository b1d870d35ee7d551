//! The inputs of `rasd extract`: files, directories, JSON lines, plain
//! text, standard input; doc ids and publication dates.
//!
//! - `-` (or no input at all) is standard input: JSON lines when its first
//!   non-blank character is `{`, one plain-text article otherwise.
//! - `--text FILE` (or `--text -`) is one plain-text article, whatever it
//!   looks like.
//! - A file ending in `.jsonl` or `.ndjson` is JSON lines; any other file is
//!   one plain-text article.
//! - A directory is walked recursively, in name order: its `.txt` files are
//!   articles, its `.jsonl`/`.ndjson` files JSON lines; other files and
//!   hidden entries are skipped, and so are symbolic links to directories
//!   (they can make loops).
//!
//! The doc id of an article file is its file stem; of a file found in a
//! directory, its path relative to that directory without the extension
//! (`2024/idlib-03`). When two articles would get the same id, both get
//! their path as given instead (without the extension), and a path given
//! twice gets `~2`, `~3`... A plain-text article on standard input is
//! `stdin`. In JSON lines the id is the line's `"id"` (a string, or a
//! number kept as its exact JSON text), or `line-N`. Any id seen before in
//! the run (from any input, a `line-N` too) becomes `id~2`, `id~3`...
//! with a `duplicate_of` field (`batch.rs`), so incident ids are unique.
//!
//! Every line of JSON-lines input gives one job: a blank line, a line that
//! is not a JSON object, a line longer than `--max-doc-bytes` (read past,
//! never held) each give a failed job, so each gives one output line.

use std::collections::HashMap;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use rasd::date::Date;

use crate::lines::warn;
pub use crate::published::parse_published;

/// One article to process, or the reason it cannot be.
pub struct Job {
    /// The doc id (a string, or the number a JSON line gave).
    pub doc: serde_json::Value,
    /// The article, or the message saying why it cannot be read.
    pub input: Result<Doc, String>,
    /// The bytes of input it was read from (for progress).
    pub bytes: u64,
    /// The id the input gave, when another document had it first and
    /// `doc` is `id~N` (set by `batch.rs`).
    pub duplicate_of: Option<serde_json::Value>,
}

impl Job {
    fn new(
        doc: serde_json::Value,
        input: Result<Doc, String>,
        bytes: u64,
    ) -> Job {
        Job { doc, input, bytes, duplicate_of: None }
    }
}

/// One article and what the input says about it.
pub struct Doc {
    pub text: String,
    pub published: Option<Date>,
    /// The input's `"source"` and `"url"`, carried to the output as given.
    pub source: serde_json::Value,
    pub url: serde_json::Value,
}

/// An input named on the command line.
#[derive(Clone, Debug)]
pub enum Input {
    /// `--text -`: one plain-text article on standard input.
    StdinText,
    /// `--text FILE`: one plain-text article.
    Text(PathBuf),
    /// A file or directory, read by its extension; `-` is standard
    /// input, JSON lines or one article as its first character tells.
    Path(PathBuf),
}

/// A source of documents, after directories were walked.
enum Source {
    Stdin { force_text: bool },
    Text { path: PathBuf, id: String, given: String },
    Lines { path: PathBuf },
}

/// How documents are read.
#[derive(Clone, Copy)]
pub struct Reading {
    /// The date of documents that bring none.
    pub published: Option<Date>,
    /// A document (a file, a JSON line) longer than this is a failed job,
    /// and is never held in memory.
    pub max_doc_bytes: u64,
}

/// Reads every input in order and gives `f` each document. An input that
/// cannot be listed (a missing file) gives one failed job.
pub fn read_all(
    inputs: &[Input],
    reading: Reading,
    on_total: impl FnOnce(Option<u64>),
    mut f: impl FnMut(Job) -> io::Result<()>,
) -> io::Result<()> {
    let mut sources = Vec::new();
    let mut failures = Vec::new();
    for input in inputs {
        expand(input, &mut sources, &mut failures);
    }
    if inputs.is_empty() {
        sources.push(Source::Stdin { force_text: false });
    }
    distinct_ids(&mut sources);
    // The input size, when it is known before reading (no stdin).
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    on_total(
        sources
            .iter()
            .map(|s| match s {
                Source::Stdin { .. } => None,
                Source::Text { path, .. } | Source::Lines { path } => {
                    Some(size(path))
                }
            })
            .sum(),
    );
    for job in failures {
        f(job)?;
    }
    for source in sources {
        match source {
            Source::Stdin { force_text } => {
                read_stdin(force_text, reading, &mut f)?
            }
            Source::Text { path, id, .. } => f(text_file(&path, id, reading))?,
            Source::Lines { path } => {
                let label = format!("{}: ", path.display());
                match std::fs::File::open(&path) {
                    Ok(file) => read_json_lines(
                        io::BufReader::new(file),
                        &label,
                        reading,
                        &mut f,
                    )?,
                    Err(e) => f(Job::new(
                        path.display().to_string().into(),
                        Err(format!("cannot read {}: {e}", path.display())),
                        0,
                    ))?,
                }
            }
        }
    }
    Ok(())
}

fn is_json_lines(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "jsonl" || x == "ndjson")
}

fn without_extension(path: &Path) -> String {
    let s = path.with_extension("").to_string_lossy().into_owned();
    s.replace(std::path::MAIN_SEPARATOR, "/")
}

fn expand(input: &Input, out: &mut Vec<Source>, failures: &mut Vec<Job>) {
    match input {
        Input::StdinText => out.push(Source::Stdin { force_text: true }),
        Input::Text(path) => out.push(text_source(path, None)),
        Input::Path(path) if path.as_os_str() == "-" => {
            out.push(Source::Stdin { force_text: false })
        }
        Input::Path(path) if path.is_dir() => {
            let mut files = Vec::new();
            if let Err(e) = walk(path, &mut files) {
                failures.push(Job::new(
                    path.display().to_string().into(),
                    Err(format!("cannot read {}: {e}", path.display())),
                    0,
                ));
            }
            for file in files {
                if is_json_lines(&file) {
                    out.push(Source::Lines { path: file });
                } else {
                    out.push(text_source(&file, Some(path)));
                }
            }
        }
        Input::Path(path) if is_json_lines(path) => {
            out.push(Source::Lines { path: path.clone() })
        }
        Input::Path(path) => out.push(text_source(path, None)),
    }
}

fn text_source(path: &Path, root: Option<&Path>) -> Source {
    let id = match root.and_then(|r| path.strip_prefix(r).ok()) {
        Some(rel) => without_extension(rel),
        None => path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        ),
    };
    Source::Text { path: path.to_owned(), id, given: without_extension(path) }
}

/// The `.txt`, `.jsonl` and `.ndjson` files under `dir`, in name order.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (e.path(), e.file_type().map(|t| t.is_symlink())))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, link) in entries {
        if path.is_dir() {
            // Links to directories are not followed: they can loop.
            if !link.unwrap_or(true) {
                walk(&path, out)?;
            }
        } else if path.extension().is_some_and(|x| x == "txt")
            || is_json_lines(&path)
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Gives articles that would share an id their path as given instead.
fn distinct_ids(sources: &mut [Source]) {
    let mut count: HashMap<String, usize> = HashMap::new();
    for s in sources.iter() {
        if let Source::Text { id, .. } = s {
            *count.entry(id.clone()).or_default() += 1;
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for s in sources.iter_mut() {
        if let Source::Text { id, given, .. } = s {
            if count[id.as_str()] > 1 {
                *id = given.clone();
            }
            let n = seen.entry(id.clone()).or_default();
            *n += 1;
            if *n > 1 {
                *id = format!("{id}~{n}");
            }
        }
    }
}

fn text_file(path: &Path, id: String, reading: Reading) -> Job {
    let max = reading.max_doc_bytes;
    let label = format!("{}: ", path.display());
    let input = match std::fs::File::open(path) {
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        Ok(file) => match file.metadata() {
            Ok(m) if m.is_file() && m.len() > max => {
                Err(too_long(&label, m.len(), max))
            }
            _ => read_text(file, max, &label),
        },
    };
    let bytes = input.as_ref().map_or(0, |t| t.len() as u64);
    let input = input.map(|text| Doc::plain(text, reading.published));
    Job::new(id.into(), input, bytes)
}

/// Reads a whole plain-text article of at most `max` bytes; reads past a
/// longer one without holding it.
fn read_text(
    mut reader: impl Read,
    max: u64,
    label: &str,
) -> Result<String, String> {
    let mut bytes = Vec::new();
    let cannot = |e: io::Error| format!("{label}cannot read: {e}");
    (&mut reader)
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > max {
        let rest = io::copy(&mut reader, &mut io::sink()).map_err(cannot)?;
        return Err(too_long(label, bytes.len() as u64 + rest, max));
    }
    String::from_utf8(bytes).map_err(|e| format!("{label}invalid UTF-8: {e}"))
}

/// The message of a document longer than `--max-doc-bytes`.
fn too_long(label: &str, len: u64, max: u64) -> String {
    format!("{label}{len} bytes, more than --max-doc-bytes {max}")
}

impl Doc {
    fn plain(text: String, published: Option<Date>) -> Doc {
        Doc {
            text,
            published,
            source: serde_json::Value::Null,
            url: serde_json::Value::Null,
        }
    }
}

/// Standard input: JSON lines when its first non-blank byte is `{`
/// (unless `force_text`), else one plain-text article.
fn read_stdin(
    force_text: bool,
    reading: Reading,
    f: &mut impl FnMut(Job) -> io::Result<()>,
) -> io::Result<()> {
    if io::IsTerminal::is_terminal(&io::stdin()) {
        warn(
            "reading an article or JSON lines from the terminal; end with \
             Ctrl-D (see rasd extract --help)",
        );
    }
    let mut stdin = io::BufReader::new(io::stdin().lock());
    let mut head = Vec::new();
    let first = loop {
        let buf = stdin.fill_buf()?;
        if buf.is_empty() {
            break None;
        }
        let skip = buf
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(buf.len());
        let first = buf.get(skip).copied();
        head.extend_from_slice(&buf[..skip]);
        stdin.consume(skip);
        if first.is_some() {
            break first;
        }
    };
    let Some(first) = first else { return Ok(()) };
    let rest = io::Cursor::new(head).chain(stdin);
    if first == b'{' && !force_text {
        return read_json_lines(rest, "", reading, f);
    }
    let input = read_text(rest, reading.max_doc_bytes, "standard input: ");
    let n = input.as_ref().map_or(0, |t| t.len() as u64);
    let input = input.map(|text| Doc::plain(text, reading.published));
    f(Job::new("stdin".into(), input, n))
}

/// One line of JSON-lines input, without its line ending.
enum Line {
    /// The line.
    Whole,
    /// A line longer than the limit: how long it was.
    TooLong(u64),
}

/// Reads the next line into `buf` (cleared first), keeping at most `max`
/// bytes: a longer line is read past. `None` at the end of the input.
fn next_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: u64,
) -> io::Result<Option<Line>> {
    buf.clear();
    let mut len = 0u64;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1),
            None => (chunk, chunk.len()),
        };
        len += part.len() as u64;
        if len <= max {
            buf.extend_from_slice(part);
        } else {
            buf.clear();
        }
        let newline = done > part.len();
        reader.consume(done);
        if newline {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if len > max {
        return Ok(Some(Line::TooLong(len)));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(Line::Whole))
}

/// Reads JSON lines `{"id", "text", "published", "source", "url"}`: one
/// job per line, blank lines included. `label` prefixes messages (the
/// file's path).
fn read_json_lines(
    mut reader: impl BufRead,
    label: &str,
    reading: Reading,
    f: &mut impl FnMut(Job) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut n = 0usize;
    while let Some(line) =
        next_line(&mut reader, &mut buf, reading.max_doc_bytes)?
    {
        n += 1;
        let job = match line {
            Line::TooLong(len) => Job::new(
                fallback(n),
                Err(too_long(
                    &format!("{label}line {n}: "),
                    len,
                    reading.max_doc_bytes,
                )),
                len + 1,
            ),
            Line::Whole => {
                let line = if n == 1 {
                    buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf)
                } else {
                    &buf
                };
                json_job(label, n, line, reading.published)
            }
        };
        f(job)?;
        // Do not keep a long line's buffer for the short ones after it.
        if buf.capacity() > 1 << 20 {
            buf = Vec::new();
        }
    }
    Ok(())
}

/// The doc id of line `n` when it gives none.
fn fallback(n: usize) -> serde_json::Value {
    format!("line-{n}").into()
}

/// Reads line `n` of JSON-lines input.
fn json_job(
    label: &str,
    n: usize,
    bytes: &[u8],
    default_published: Option<Date>,
) -> Job {
    use serde_json::Value;
    let len = bytes.len() as u64 + 1;
    let fail = |doc: Value, msg: String| {
        Job::new(doc, Err(format!("{label}line {n}: {msg}")), len)
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return fail(fallback(n), "empty line".into());
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return fail(fallback(n), format!("invalid UTF-8: {e}")),
    };
    let mut obj = match serde_json::from_str(text) {
        Ok(Value::Object(obj)) => obj,
        Ok(_) => return fail(fallback(n), "expected a JSON object".into()),
        Err(e) => return fail(fallback(n), format!("invalid JSON: {e}")),
    };
    let doc = match obj.remove("id") {
        Some(id @ (Value::String(_) | Value::Number(_))) => id,
        None | Some(Value::Null) => fallback(n),
        Some(_) => {
            let msg = "\"id\" must be a string or a number".into();
            return fail(fallback(n), msg);
        }
    };
    let text = match obj.remove("text") {
        Some(Value::String(text)) => text,
        _ => return fail(doc, "missing \"text\" string".into()),
    };
    let published = match obj.get("published") {
        None | Some(Value::Null) => default_published,
        Some(Value::String(s)) if s.trim().is_empty() => default_published,
        Some(Value::String(s)) => match parse_published(s) {
            Ok(d) => Some(d),
            Err(e) => return fail(doc, format!("\"published\": {e}")),
        },
        Some(_) => {
            return fail(doc, "\"published\" must be a string or null".into())
        }
    };
    let mut field = |k: &str| obj.remove(k).unwrap_or_default();
    let input = Ok(Doc {
        text,
        published,
        source: field("source"),
        url: field("url"),
    });
    Job::new(doc, input, len)
}
