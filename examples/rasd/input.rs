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
//! `stdin`. In JSON lines the id is the line's `"id"`, or `line-N`. Any
//! id seen before in the run (from any input) becomes `id~2`, `id~3`...
//! (`extract.rs`), so incident ids are unique.

use std::collections::HashMap;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use rasd::date::Date;

use crate::lines::read_lines_from;
pub use crate::published::parse_published;

/// One article to process, or the reason it cannot be.
pub struct Job {
    /// The doc id (a string, or the number a JSON line gave).
    pub doc: serde_json::Value,
    /// The article, or the message saying why it cannot be read.
    pub input: Result<Doc, String>,
    /// The bytes of input it was read from (for progress).
    pub bytes: u64,
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

/// Reads every input in order and gives `f` each document. `published`
/// is the date for documents that bring none. An input that cannot be
/// listed (a missing file) gives one failed job.
pub fn read_all(
    inputs: &[Input],
    published: Option<Date>,
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
                read_stdin(force_text, published, &mut f)?
            }
            Source::Text { path, id, .. } => {
                f(text_file(&path, id, published))?
            }
            Source::Lines { path } => {
                let label = format!("{}: ", path.display());
                match std::fs::File::open(&path) {
                    Ok(file) => read_json_lines(
                        io::BufReader::new(file),
                        &label,
                        published,
                        &mut f,
                    )?,
                    Err(e) => f(Job {
                        doc: path.display().to_string().into(),
                        input: Err(format!(
                            "cannot read {}: {e}",
                            path.display()
                        )),
                        bytes: 0,
                    })?,
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
                failures.push(Job {
                    doc: path.display().to_string().into(),
                    input: Err(format!("cannot read {}: {e}", path.display())),
                    bytes: 0,
                });
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

fn text_file(path: &Path, id: String, published: Option<Date>) -> Job {
    let mut bytes = 0;
    let input = match std::fs::read(path) {
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        Ok(content) => {
            bytes = content.len() as u64;
            String::from_utf8(content)
                .map(|text| Doc::plain(text, published))
                .map_err(|e| format!("{}: invalid UTF-8: {e}", path.display()))
        }
    };
    Job { doc: id.into(), input, bytes }
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
    published: Option<Date>,
    f: &mut impl FnMut(Job) -> io::Result<()>,
) -> io::Result<()> {
    if io::IsTerminal::is_terminal(&io::stdin()) {
        eprintln!(
            "rasd: reading an article or JSON lines from the terminal; end \
             with Ctrl-D (see rasd extract --help)"
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
        return read_json_lines(rest, "", published, f);
    }
    let mut bytes = Vec::new();
    let mut rest = rest;
    rest.read_to_end(&mut bytes)?;
    let n = bytes.len() as u64;
    let input = String::from_utf8(bytes)
        .map(|text| Doc::plain(text, published))
        .map_err(|e| format!("standard input: invalid UTF-8: {e}"));
    f(Job { doc: "stdin".into(), input, bytes: n })
}

/// Reads JSON lines `{"id", "text", "published", "source", "url"}`; blank
/// lines are skipped. `label` prefixes messages (the file's path).
fn read_json_lines(
    reader: impl BufRead,
    label: &str,
    published: Option<Date>,
    f: &mut impl FnMut(Job) -> io::Result<()>,
) -> io::Result<()> {
    read_lines_from(reader, |n, line| {
        let line = if n == 1 {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
        } else {
            line
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        f(json_job(label, n, line, published))
    })
}

/// Reads line `n` of JSON-lines input.
fn json_job(
    label: &str,
    n: usize,
    bytes: &[u8],
    default_published: Option<Date>,
) -> Job {
    let fallback = serde_json::Value::from(format!("line-{n}"));
    let len = bytes.len() as u64 + 1;
    let fail = |doc: serde_json::Value, msg: String| Job {
        doc,
        input: Err(format!("{label}line {n}: {msg}")),
        bytes: len,
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return fail(fallback, format!("invalid UTF-8: {e}")),
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return fail(fallback, format!("invalid JSON: {e}")),
    };
    let Some(obj) = value.as_object() else {
        return fail(fallback, "expected a JSON object".into());
    };
    let doc = match obj.get("id") {
        Some(
            id @ (serde_json::Value::String(_) | serde_json::Value::Number(_)),
        ) => id.clone(),
        _ => fallback,
    };
    let Some(text) = obj.get("text").and_then(|t| t.as_str()) else {
        return fail(doc, "missing \"text\" string".into());
    };
    let published = match obj.get("published") {
        None | Some(serde_json::Value::Null) => default_published,
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => {
            default_published
        }
        Some(serde_json::Value::String(s)) => match parse_published(s) {
            Ok(d) => Some(d),
            Err(e) => return fail(doc, format!("\"published\": {e}")),
        },
        Some(_) => {
            return fail(doc, "\"published\" must be a string or null".into())
        }
    };
    let field = |k: &str| obj.get(k).cloned().unwrap_or_default();
    let input = Ok(Doc {
        text: text.to_owned(),
        published,
        source: field("source"),
        url: field("url"),
    });
    Job { doc, input, bytes: len }
}
