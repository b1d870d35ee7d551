//! Python bindings of rasd (PyO3), the `rasd._rasd` extension module.
//!
//! The records are those of `rasd extract` (docs/OUTPUT.md): the library's
//! serde form of each [`rasd::incident::Incident`] with `id` first and a
//! `char_span` beside every span. The CLI's own code builds them: its
//! `record.rs` (char spans, the typed records) and `acled.rs` (the ACLED
//! CSV) are compiled into this crate as they are, so the two cannot drift
//! apart. The Python layer (`python/rasd/__init__.py`) adds pandas.
//!
//! The GIL is released while articles are extracted; `extract_many`
//! extracts on several threads.

use std::collections::HashMap;
use std::path::PathBuf;

use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use rasd::date::Date;
use rasd::incident::ExtractOptions;
use serde_json::{Map, Value};

#[allow(dead_code)]
#[path = "../../examples/rasd/record.rs"]
mod record;

#[allow(dead_code)]
#[path = "../../examples/rasd/acled.rs"]
mod acled;

#[path = "../../examples/rasd/published.rs"]
mod published;

use record::{add_char_spans, doc_str, CharIndex, DocRecord};

pyo3::create_exception!(
    rasd,
    RasdError,
    pyo3::exceptions::PyValueError,
    "A rasd error: a bad gazetteer table, date or record. The message is \
     rasd's own."
);

/// The Python exception of a library error: `OSError` when a file could
/// not be read, `RasdError` (a `ValueError`) otherwise.
fn py_err(e: rasd::Error) -> PyErr {
    match e.kind() {
        rasd::ErrorKind::Io => PyOSError::new_err(e.to_string()),
        _ => RasdError::new_err(e.to_string()),
    }
}

/// Documents extracted per thread before the results go back to Python.
const CHUNK: usize = 256;

/// One document to extract.
struct Doc {
    text: String,
    published: Option<Date>,
    source: Value,
    url: Value,
}

/// A document read from Python: its id and its input, or why it is unusable.
struct Job {
    doc: Value,
    input: Result<Doc, String>,
}

/// The incidents of `text` as the CLI writes them, ids `<id>.<N>`.
fn incidents_json(
    extractor: &rasd::incident::Extractor,
    text: &str,
    published: Option<Date>,
    id: &str,
) -> Result<Vec<Value>, String> {
    let options = ExtractOptions::new().published(published);
    let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extractor.extract(text, &options)
    }))
    .map_err(|_| {
        format!("doc {id}: internal error: the extraction panicked")
    })?;
    let index = CharIndex::new(text);
    Ok(found
        .iter()
        .enumerate()
        .map(|(i, inc)| {
            let mut v = serde_json::to_value(inc).unwrap_or_default();
            add_char_spans(&mut v, &index);
            let mut obj = Map::new();
            obj.insert("id".into(), format!("{id}.{}", i + 1).into());
            if let Value::Object(fields) = v {
                obj.extend(fields);
            }
            Value::Object(obj)
        })
        .collect())
}

/// The CLI's JSON line of one document: `{"doc", "published", "source",
/// "url", "incidents"}`, or `{"doc", "error"}`.
fn doc_json(extractor: &rasd::incident::Extractor, job: &Job) -> Value {
    let error = |e: &str| serde_json::json!({"doc": job.doc, "error": e});
    let d = match &job.input {
        Ok(d) => d,
        Err(e) => return error(e),
    };
    match incidents_json(extractor, &d.text, d.published, &doc_str(&job.doc)) {
        Err(e) => error(&e),
        Ok(incidents) => {
            let mut line = Map::new();
            line.insert("doc".into(), job.doc.clone());
            let published = d.published.map(|p| p.to_string());
            line.insert("published".into(), published.into());
            line.insert("source".into(), d.source.clone());
            line.insert("url".into(), d.url.clone());
            line.insert("incidents".into(), incidents.into());
            Value::Object(line)
        }
    }
}

/// Extracts `jobs` on `threads` threads, in order.
fn process(
    extractor: &rasd::incident::Extractor,
    jobs: &[Job],
    threads: usize,
) -> Vec<Value> {
    if threads <= 1 || jobs.len() <= 1 {
        return jobs.iter().map(|j| doc_json(extractor, j)).collect();
    }
    let per = jobs.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .chunks(per)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|j| doc_json(extractor, j))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

// ---------------------------------------------------------------------
// Python <-> JSON values

fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(fields) => {
            let dict = PyDict::new(py);
            for (k, item) in fields {
                dict.set_item(PyString::new(py, k), to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// A Python value as JSON: dicts (string keys), lists and tuples, str,
/// int, float (NaN, as pandas writes a missing value, is null), bool, None.
fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.downcast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.downcast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_owned()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(u.into());
        }
        return Ok(obj.extract::<i64>()?.into());
    }
    if let Ok(f) = obj.downcast::<PyFloat>() {
        let f = f.value();
        return Ok(
            serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
        );
    }
    if let Ok(d) = obj.downcast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let k = k.downcast::<PyString>().map_err(|_| {
                PyTypeError::new_err("record keys must be strings")
            })?;
            map.insert(k.to_str()?.to_owned(), from_py(&v)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.downcast::<PyList>().is_ok() || obj.downcast::<PyTuple>().is_ok() {
        let items: PyResult<Vec<Value>> =
            obj.try_iter()?.map(|item| from_py(&item?)).collect();
        return Ok(Value::Array(items?));
    }
    // numpy scalars and arrays (pandas cells) know how to become Python.
    if obj.hasattr("tolist")? {
        let plain = obj.call_method0("tolist")?;
        if !plain.is(obj) {
            return from_py(&plain);
        }
    }
    Err(PyTypeError::new_err(format!(
        "cannot read a {} as JSON",
        obj.get_type().name()?
    )))
}

/// A publication date given as a str (`YYYY-MM-DD`, ISO 8601 timestamp,
/// RFC 2822), a `datetime.date` or `datetime.datetime`, or None.
fn published_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let s: String = if let Ok(s) = obj.downcast::<PyString>() {
        s.to_str()?.to_owned()
    } else if obj.hasattr("isoformat")? {
        obj.call_method0("isoformat")?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "published: expected a str, a datetime.date or None, not {}",
            obj.get_type().name()?
        )));
    };
    if s.trim().is_empty() {
        return Ok(None);
    }
    published::parse_published(&s)
        .map(Some)
        .map_err(|e| RasdError::new_err(format!("published: {e}")))
}

/// Paths given as one path or a sequence of them.
fn paths_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PathBuf>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(p) = obj.extract::<PathBuf>() {
        return Ok(vec![p]);
    }
    obj.try_iter()?.map(|p| p?.extract::<PathBuf>()).collect()
}

// ---------------------------------------------------------------------
// The extractor

/// An incident extractor: the default gazetteer, or the default tables
/// plus (or, with ``defaults=False``, only) your own TSV files.
///
/// ``places`` and ``actors`` are a path or a list of paths to tables in
/// the format of ``data/places.tsv`` and ``data/actors.tsv`` (as the CLI's
/// ``--places`` and ``--actors``). A bad table raises ``RasdError`` (a
/// ``ValueError``) naming the file and line; an unreadable one
/// ``OSError``.
///
/// An extractor is immutable and may be shared by threads.
#[pyclass(frozen, module = "rasd._rasd")]
struct Extractor {
    inner: rasd::incident::Extractor,
    gazetteer: rasd::gazetteer::Gazetteer,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (places=None, actors=None, *, defaults=true))]
    fn new(
        py: Python<'_>,
        places: Option<&Bound<'_, PyAny>>,
        actors: Option<&Bound<'_, PyAny>>,
        defaults: bool,
    ) -> PyResult<Extractor> {
        let places = paths_arg(places)?;
        let actors = paths_arg(actors)?;
        if defaults && places.is_empty() && actors.is_empty() {
            return Ok(Extractor::default_one());
        }
        let built = py.allow_threads(|| {
            let mut b = rasd::gazetteer::Gazetteer::builder();
            if !defaults {
                b.without_defaults();
            }
            for p in &places {
                b.load_places_tsv(p)?;
            }
            for p in &actors {
                b.load_actors_tsv(p)?;
            }
            let gazetteer = b.build()?;
            let inner = rasd::incident::Extractor::builder()
                .gazetteer(gazetteer.clone())
                .build()?;
            Ok::<_, rasd::Error>(Extractor { inner, gazetteer })
        });
        built.map_err(py_err)
    }

    /// The incidents of one article, as the CLI's records (docs/OUTPUT.md):
    /// a list of dicts, in the order the article tells them, with ids
    /// ``<doc>.<N>``.
    ///
    /// ``published``: the publication date (``YYYY-MM-DD``, an ISO 8601
    /// timestamp, an RFC 2822 date, a ``datetime.date``), against which
    /// relative dates are resolved. The GIL is released while extracting.
    #[pyo3(signature = (text, published=None, *, doc="doc"))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        published: Option<&Bound<'py, PyAny>>,
        doc: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let published = published_arg(published)?;
        let incidents = py
            .allow_threads(|| {
                incidents_json(&self.inner, text, published, doc)
            })
            .map_err(PyRuntimeError::new_err)?;
        let list = PyList::empty(py);
        for inc in &incidents {
            list.append(to_py(py, inc)?)?;
        }
        Ok(list)
    }

    /// Extracts many articles, on ``threads`` threads (default: all
    /// cores), with the GIL released.
    ///
    /// ``docs`` is an iterable of dicts ``{"id", "text", "published",
    /// "source", "url"}`` (only ``text`` is required), as the CLI's JSON
    /// lines. Returns one dict per document, in order, as the CLI's
    /// output lines: ``{"doc", "published", "source", "url",
    /// "incidents"}``. A doc without an ``id`` is ``line-N`` (N counts
    /// docs from 1); a repeated id becomes ``<id>~2``, ``<id>~3``...
    /// ``published`` is the date of docs that give none.
    ///
    /// A document that cannot be read (no ``text``, a bad date) raises
    /// ``RasdError``, or with ``errors="record"`` gives ``{"doc",
    /// "error"}`` as in the CLI.
    #[pyo3(signature = (docs, threads=None, *, published=None, errors="raise"))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        docs: &Bound<'py, PyAny>,
        threads: Option<usize>,
        published: Option<&Bound<'py, PyAny>>,
        errors: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let raise = match errors {
            "raise" => true,
            "record" => false,
            _ => {
                return Err(PyValueError::new_err(format!(
                    "errors={errors:?}: expected \"raise\" or \"record\""
                )))
            }
        };
        let default_published = published_arg(published)?;
        let threads = threads
            .unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, |n| n.get())
            })
            .max(1);
        let out = PyList::empty(py);
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut chunk: Vec<Job> = Vec::new();
        let mut n = 0usize;
        let flush = |chunk: &mut Vec<Job>| -> PyResult<()> {
            let done =
                py.allow_threads(|| process(&self.inner, chunk, threads));
            chunk.clear();
            for line in &done {
                if raise {
                    if let Some(e) = line.get("error").and_then(Value::as_str)
                    {
                        return Err(RasdError::new_err(e.to_owned()));
                    }
                }
                out.append(to_py(py, line)?)?;
            }
            Ok(())
        };
        for item in docs.try_iter()? {
            n += 1;
            let mut job = read_doc(&item?, n, default_published)?;
            let id = doc_str(&job.doc);
            let count = seen.entry(id.clone()).or_default();
            *count += 1;
            if *count > 1 {
                job.doc = format!("{id}~{count}").into();
            }
            chunk.push(job);
            if chunk.len() == CHUNK * threads {
                flush(&mut chunk)?;
            }
        }
        flush(&mut chunk)?;
        Ok(out)
    }

    /// The ACLED-style CSV of ``records`` (with a header unless
    /// ``header=False``), exactly as ``rasd extract --format acled``:
    /// ACLED's 29 columns then rasd's; totals over several events are left
    /// out unless ``with_aggregates``.
    ///
    /// ``records``: document records (from ``extract_many`` or the CLI's
    /// JSON lines) or incident records (from ``extract``; their doc is
    /// their id without ``.N``, with no publication date).
    #[pyo3(signature = (records, *, with_aggregates=false, header=true))]
    fn to_acled(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        with_aggregates: bool,
        header: bool,
    ) -> PyResult<String> {
        let bytes = self.acled_bytes(py, records, with_aggregates, header)?;
        String::from_utf8(bytes)
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))
    }

    /// The rows of ``to_acled`` as dicts (column name to string).
    #[pyo3(signature = (records, *, with_aggregates=false))]
    fn acled_rows<'py>(
        &self,
        py: Python<'py>,
        records: &Bound<'py, PyAny>,
        with_aggregates: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let bytes = self.acled_bytes(py, records, with_aggregates, false)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        let out = PyList::empty(py);
        for row in reader.records() {
            let row =
                row.map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
            let dict = PyDict::new(py);
            for (k, v) in acled::COLUMNS.iter().zip(row.iter()) {
                dict.set_item(*k, v)?;
            }
            out.append(dict)?;
        }
        Ok(out)
    }

    fn __repr__(&self) -> String {
        format!(
            "<rasd.Extractor: {} places, {} actors>",
            self.gazetteer.all_places().len(),
            self.gazetteer.all_actors().len()
        )
    }
}

use pyo3::exceptions::PyRuntimeError;

impl Extractor {
    fn default_one() -> Extractor {
        let gazetteer = rasd::gazetteer::Gazetteer::global().clone();
        Extractor { inner: rasd::incident::Extractor::new(), gazetteer }
    }

    fn acled_bytes(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        with_aggregates: bool,
        header: bool,
    ) -> PyResult<Vec<u8>> {
        let docs = doc_records(records)?;
        py.allow_threads(|| {
            let mut out = Vec::new();
            let csv_err =
                |e: csv::Error| PyRuntimeError::new_err(e.to_string());
            if header {
                acled::writer(&mut out).map_err(csv_err)?.flush()?;
            }
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut out);
            for doc in &docs {
                acled::write_doc(
                    &mut w,
                    &self.gazetteer,
                    doc,
                    with_aggregates,
                )
                .map_err(csv_err)?;
            }
            w.flush()?;
            drop(w);
            Ok(out)
        })
    }
}

/// Reads the docs of `to_acled`: document records, or runs of incident
/// records grouped by doc.
fn doc_records(records: &Bound<'_, PyAny>) -> PyResult<Vec<DocRecord>> {
    let bad = |e: serde_json::Error, what: &str| {
        RasdError::new_err(format!("{what}: not a rasd record: {e}"))
    };
    let mut docs: Vec<DocRecord> = Vec::new();
    let mut loose: Option<(String, Vec<Value>)> = None;
    let end_loose = |loose: &mut Option<(String, Vec<Value>)>,
                     docs: &mut Vec<DocRecord>|
     -> PyResult<()> {
        if let Some((doc, incidents)) = loose.take() {
            let line = serde_json::json!({"doc": doc, "incidents": incidents});
            docs.push(serde_json::from_value(line).map_err(|e| bad(e, &doc))?);
        }
        Ok(())
    };
    for (i, item) in records.try_iter()?.enumerate() {
        let v = from_py(&item?)?;
        let what = format!("records[{i}]");
        let Some(obj) = v.as_object() else {
            return Err(RasdError::new_err(format!("{what}: not a dict")));
        };
        if obj.contains_key("doc") {
            end_loose(&mut loose, &mut docs)?;
            if !obj.contains_key("error") {
                docs.push(
                    serde_json::from_value(v).map_err(|e| bad(e, &what))?,
                );
            }
            continue;
        }
        let id = obj.get("id").and_then(Value::as_str).unwrap_or("");
        let doc = id.rsplit_once('.').map_or(id, |(d, _)| d).to_owned();
        match &mut loose {
            Some((d, incidents)) if *d == doc => incidents.push(v),
            _ => {
                end_loose(&mut loose, &mut docs)?;
                loose = Some((doc, vec![v]));
            }
        }
    }
    end_loose(&mut loose, &mut docs)?;
    Ok(docs)
}

/// One document of `extract_many`, read as the CLI reads a JSON line.
fn read_doc(
    item: &Bound<'_, PyAny>,
    n: usize,
    default_published: Option<Date>,
) -> PyResult<Job> {
    let fallback = Value::from(format!("line-{n}"));
    let Ok(d) = item.downcast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "docs[{}]: expected a dict {{\"id\", \"text\", ...}}, not {}",
            n - 1,
            item.get_type().name()?
        )));
    };
    let get = |k: &str| -> PyResult<Value> {
        d.get_item(k)?.map_or(Ok(Value::Null), |v| from_py(&v))
    };
    let doc = match get("id")? {
        id @ (Value::String(_) | Value::Number(_)) => id,
        _ => fallback,
    };
    let fail = |msg: String| {
        let input = Err(format!("doc {}: {msg}", doc_str(&doc)));
        Ok(Job { doc: doc.clone(), input })
    };
    let text = match d.get_item("text")? {
        Some(t) => match t.downcast::<PyString>() {
            Ok(s) => s.to_str()?.to_owned(),
            Err(_) => return fail("missing \"text\" string".into()),
        },
        None => return fail("missing \"text\" string".into()),
    };
    // None, NaN and NaT (pandas' missing values) and blank strings are no
    // date; datetime.date and pandas Timestamps are read as ISO dates.
    let published = match d.get_item("published")? {
        None => default_published,
        Some(p) if p.is_none() => default_published,
        Some(p)
            if p.downcast::<PyFloat>().is_ok_and(|f| f.value().is_nan()) =>
        {
            default_published
        }
        Some(p) => {
            let s: String = if let Ok(s) = p.downcast::<PyString>() {
                s.to_str()?.to_owned()
            } else if p.hasattr("isoformat")? {
                p.call_method0("isoformat")?.extract()?
            } else {
                return fail("\"published\" must be a string or null".into());
            };
            if s.trim().is_empty() || s == "NaT" {
                default_published
            } else {
                match published::parse_published(&s) {
                    Ok(date) => Some(date),
                    Err(e) => return fail(format!("\"published\": {e}")),
                }
            }
        }
    };
    let input =
        Ok(Doc { text, published, source: get("source")?, url: get("url")? });
    Ok(Job { doc, input })
}

// ---------------------------------------------------------------------
// Module-level functions, with the default extractor

fn default_extractor(py: Python<'_>) -> PyResult<Py<Extractor>> {
    static DEFAULT: pyo3::sync::GILOnceCell<Py<Extractor>> =
        pyo3::sync::GILOnceCell::new();
    DEFAULT
        .get_or_try_init(py, || Py::new(py, Extractor::default_one()))
        .map(|e| e.clone_ref(py))
}

/// The incidents of one article with the default gazetteer, as the CLI's
/// records (see ``Extractor.extract``).
#[pyfunction]
#[pyo3(signature = (text, published=None, *, doc="doc"))]
fn extract<'py>(
    py: Python<'py>,
    text: &str,
    published: Option<&Bound<'py, PyAny>>,
    doc: &str,
) -> PyResult<Bound<'py, PyList>> {
    default_extractor(py)?.get().extract(py, text, published, doc)
}

/// Extracts many articles with the default gazetteer (see
/// ``Extractor.extract_many``).
#[pyfunction]
#[pyo3(signature = (docs, threads=None, *, published=None, errors="raise"))]
fn extract_many<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    threads: Option<usize>,
    published: Option<&Bound<'py, PyAny>>,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    default_extractor(py)?
        .get()
        .extract_many(py, docs, threads, published, errors)
}

/// The ACLED-style CSV of records, with the default gazetteer (see
/// ``Extractor.to_acled``).
#[pyfunction]
#[pyo3(signature = (records, *, with_aggregates=false, header=true))]
fn to_acled(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    with_aggregates: bool,
    header: bool,
) -> PyResult<String> {
    default_extractor(py)?.get().to_acled(py, records, with_aggregates, header)
}

/// The rows of ``to_acled`` as dicts (see ``Extractor.acled_rows``).
#[pyfunction]
#[pyo3(signature = (records, *, with_aggregates=false))]
fn acled_rows<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    with_aggregates: bool,
) -> PyResult<Bound<'py, PyList>> {
    default_extractor(py)?.get().acled_rows(py, records, with_aggregates)
}

#[pymodule]
fn _rasd(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(to_acled, m)?)?;
    m.add_function(wrap_pyfunction!(acled_rows, m)?)?;
    m.add("RasdError", m.py().get_type::<RasdError>())?;
    m.add("ACLED_COLUMNS", acled::COLUMNS.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
