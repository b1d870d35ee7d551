//! The batch pipeline of `rasd extract`: one reader, a worker per core, one
//! writer, and a guarantee: every document read gives its output, in input
//! order, or the run stops and says why.
//!
//! - The reader (its own thread) reads the inputs, renames repeated doc
//!   ids, skips the ids `--resume` found, and hands each document to the
//!   workers, with a one-shot channel for its result that it gives the
//!   writer in input order.
//! - The workers render documents (`render.rs`: `catch_unwind` around
//!   each one). A worker that died anyway drops its channel, and the
//!   writer writes that document's error line: nothing is lost silently.
//! - The writer (the calling thread) writes each document's output whole,
//!   in order, then its message on standard error (a failed write there
//!   is ignored). A closed standard output stops the run quietly (141);
//!   SIGINT or SIGTERM stop it after the line being written (130, 143).
//!
//! Memory is bounded by bytes, not documents: the documents read and not
//! yet written hold at most `queue_bytes` of input (a longer document goes
//! alone), and the documents being extracted at once at most
//! `work_bytes` (the extraction costs a multiple of its input).

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use serde_json::Value;

use crate::input::{read_all, Input, Job, Reading};
use crate::lines::{warn, BROKEN_PIPE};
use crate::record::doc_str;
use crate::render::{Format, Rendered, Renderer};

/// How a batch runs.
pub struct Batch {
    pub inputs: Vec<Input>,
    pub reading: Reading,
    pub renderer: Renderer,
    /// Input bytes read and not yet written, at most.
    pub queue_bytes: usize,
    /// Input bytes being extracted at once, at most.
    pub work_bytes: usize,
    pub threads: usize,
    /// Doc ids (their JSON text) already written: skipped (`--resume`).
    pub skip: HashSet<String>,
}

/// What a document costs the queue beyond its bytes (its job, channels).
const JOB_COST: usize = 512;

/// How often a waiting thread looks for a signal or a stop.
const TICK: Duration = Duration::from_millis(50);

/// A byte budget shared by threads: `take` waits until the bytes fit, or
/// until nothing else is taken (a document longer than the budget goes
/// alone), or until the run stops.
struct Budget {
    limit: usize,
    used: Mutex<usize>,
    freed: Condvar,
}

impl Budget {
    fn new(limit: usize) -> Budget {
        Budget { limit, used: Mutex::new(0), freed: Condvar::new() }
    }

    /// Takes `n` bytes; false when the run stopped first.
    fn take(&self, n: usize, stop: &Stop) -> bool {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + n > self.limit {
            if stop.stopped() {
                return false;
            }
            used = self
                .freed
                .wait_timeout(used, TICK)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        *used += n;
        true
    }

    fn give(&self, n: usize) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        *used = used.saturating_sub(n);
        self.freed.notify_all();
    }
}

/// Why the run stops early: a signal, or the writer gone.
#[derive(Clone)]
pub struct Stop {
    /// The signal received (SIGINT, SIGTERM), or 0.
    signal: Arc<AtomicUsize>,
    /// Set by the writer when it stops, for the reader and the workers.
    halt: Arc<AtomicBool>,
}

impl Stop {
    /// Catches SIGINT and SIGTERM: the first one stops the run after the
    /// line being written; a second one ends the process at once.
    pub fn catch_signals() -> Stop {
        let stop = Stop {
            signal: Arc::new(AtomicUsize::new(0)),
            halt: Arc::new(AtomicBool::new(false)),
        };
        let got = Arc::new(AtomicBool::new(false));
        for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM]
        {
            let code = 128 + sig;
            // Registering can only fail for a forbidden signal.
            let _ = signal_hook::flag::register_conditional_shutdown(
                sig,
                code,
                Arc::clone(&got),
            );
            let _ = signal_hook::flag::register(sig, Arc::clone(&got));
            let _ = signal_hook::flag::register_usize(
                sig,
                Arc::clone(&stop.signal),
                sig as usize,
            );
        }
        stop
    }

    fn signal(&self) -> usize {
        self.signal.load(Ordering::SeqCst)
    }

    fn stopped(&self) -> bool {
        self.halt.load(Ordering::SeqCst) || self.signal() != 0
    }
}

/// A document on its way to a worker.
struct Task {
    job: Job,
    done: SyncSender<Rendered>,
}

/// A document the writer waits for, in input order.
struct Pending {
    job_doc: Value,
    duplicate_of: Option<Value>,
    cost: usize,
    bytes: u64,
    done: Receiver<Rendered>,
}

/// What the reader says at the end.
#[derive(Default)]
struct Read {
    renamed: usize,
    skipped: usize,
}

/// Messages about renamed ids before they are only counted.
const SAY_RENAMED: usize = 5;

/// Runs the batch, writing to `out`; `head` and `tail` frame the output
/// (the GeoJSON collection).
pub fn run(
    batch: Batch,
    out: &mut dyn Write,
    stop: Stop,
    progress: &mut crate::extract::Progress,
) -> io::Result<ExitCode> {
    let Batch {
        inputs,
        reading,
        renderer,
        queue_bytes,
        work_bytes,
        threads,
        skip,
    } = batch;
    let format = renderer.format;
    let renderer = Arc::new(renderer);
    let queue = Arc::new(Budget::new(queue_bytes));
    let work = Arc::new(Budget::new(work_bytes));
    let (task_tx, task_rx) = mpsc::channel::<Task>();
    let task_rx = Arc::new(Mutex::new(task_rx));
    let (pending_tx, pending_rx) = mpsc::channel::<Pending>();
    let mut workers = Vec::new();
    for _ in 0..threads.max(1) {
        let (rx, renderer, work, stop) = (
            Arc::clone(&task_rx),
            Arc::clone(&renderer),
            Arc::clone(&work),
            stop.clone(),
        );
        workers.push(std::thread::spawn(move || loop {
            let task = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok(Task { job, done }) = task else { return };
            if stop.stopped() {
                continue;
            }
            let cost = job.input.as_ref().map_or(0, |d| d.text.len());
            if !work.take(cost, &stop) {
                continue;
            }
            let r = renderer.render(&job);
            work.give(cost);
            drop(job);
            let _ = done.send(r);
        }));
    }
    let total = Arc::new(Mutex::new(None));
    let reader = {
        let (queue, stop, total) =
            (Arc::clone(&queue), stop.clone(), Arc::clone(&total));
        std::thread::spawn(move || -> io::Result<Read> {
            let mut said = Read::default();
            let mut seen: HashMap<String, usize> = HashMap::new();
            read_all(
                &inputs,
                reading,
                |t| *total.lock().unwrap_or_else(|e| e.into_inner()) = t,
                |mut job| {
                    if stop.stopped() {
                        return Err(io::Error::other(Stopped));
                    }
                    rename_repeat(&mut seen, &mut said, &mut job);
                    if !skip.is_empty() && skip.contains(&id_key(&job.doc)) {
                        said.skipped += 1;
                        return Ok(());
                    }
                    let text = job.input.as_ref().map_or(0, |d| d.text.len());
                    let cost = text + JOB_COST;
                    if !queue.take(cost, &stop) {
                        return Err(io::Error::other(Stopped));
                    }
                    let (done_tx, done_rx) = mpsc::sync_channel(1);
                    let pending = Pending {
                        job_doc: job.doc.clone(),
                        duplicate_of: job.duplicate_of.clone(),
                        cost,
                        bytes: job.bytes,
                        done: done_rx,
                    };
                    // The writer gone: the run is over.
                    if pending_tx.send(pending).is_err()
                        || task_tx.send(Task { job, done: done_tx }).is_err()
                    {
                        return Err(io::Error::other(Stopped));
                    }
                    Ok(())
                },
            )?;
            Ok(said)
        })
    };
    let mut writer = Writer::new(format, out)?;
    let mut ended = None;
    'docs: loop {
        let pending = match pending_rx.try_recv() {
            Ok(p) => p,
            Err(mpsc::TryRecvError::Disconnected) => break,
            Err(mpsc::TryRecvError::Empty) => {
                // Nothing to write yet: what was written goes out now.
                if let Err(e) = writer.out.flush() {
                    ended = Some(e);
                    break;
                }
                loop {
                    if stop.signal() != 0 {
                        break 'docs;
                    }
                    match pending_rx.recv_timeout(TICK) {
                        Ok(p) => break p,
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => break 'docs,
                    }
                }
            }
        };
        progress.total = *total.lock().unwrap_or_else(|e| e.into_inner());
        let rendered = loop {
            if stop.signal() != 0 {
                break 'docs;
            }
            match pending.done.recv_timeout(TICK) {
                Ok(r) => break r,
                Err(RecvTimeoutError::Timeout) => continue,
                // The worker died with the document: say so, lose nothing.
                Err(RecvTimeoutError::Disconnected) => {
                    let job = Job {
                        doc: pending.job_doc.clone(),
                        input: Err(String::new()),
                        bytes: 0,
                        duplicate_of: pending.duplicate_of.clone(),
                    };
                    let msg = format!(
                        "doc {}: internal error: the worker stopped",
                        doc_str(&pending.job_doc)
                    );
                    break renderer.failure(&job, msg);
                }
            }
        };
        if let Err(e) = writer.write(&rendered) {
            ended = Some(e);
            break;
        }
        queue.give(pending.cost);
        progress.add(pending.bytes);
        if stop.signal() != 0 {
            break;
        }
    }
    stop.halt.store(true, Ordering::SeqCst);
    progress.finish();
    if let Some(e) = ended {
        return stopped_by(e);
    }
    let sig = stop.signal();
    if sig != 0 {
        if let Err(e) = writer.out.flush() {
            return stopped_by(e);
        }
        warn(format_args!(
            "stopped by signal {sig} after {} documents; every line written \
             is whole (--resume FILE goes on from there)",
            progress.docs
        ));
        return Ok(ExitCode::from(128 + sig as u8));
    }
    let failed = match writer.finish() {
        Ok(failed) => failed,
        Err(e) => return stopped_by(e),
    };
    // The reader is done: its channel closed.
    let said = match reader.join() {
        Ok(Ok(said)) => said,
        Ok(Err(e)) => {
            warn(e);
            return Ok(ExitCode::FAILURE);
        }
        Err(_) => {
            warn("internal error: the reader stopped");
            return Ok(ExitCode::FAILURE);
        }
    };
    if said.renamed > SAY_RENAMED {
        warn(format_args!("{} repeated doc ids renamed in all", said.renamed));
    }
    if said.skipped > 0 {
        warn(format_args!(
            "--resume: {} documents already written were skipped",
            said.skipped
        ));
    }
    drop(workers);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The reader stopped because the run did (not an input error).
#[derive(Debug)]
struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped")
    }
}

impl std::error::Error for Stopped {}

/// The end of a run whose output could not be written: quietly 141 for a
/// closed pipe, else the message and 1.
fn stopped_by(e: io::Error) -> io::Result<ExitCode> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Ok(ExitCode::from(BROKEN_PIPE));
    }
    Err(e)
}

/// The key of a doc id in `--resume`'s set: its JSON text.
pub fn id_key(doc: &Value) -> String {
    doc.to_string()
}

/// Renames a document whose id was seen before (`id~2`, `id~3`...), so
/// that doc ids and incident ids are unique in the output, and keeps the
/// id it gave in `duplicate_of`; says so on standard error (the first
/// few, then how many in all).
fn rename_repeat(
    seen: &mut HashMap<String, usize>,
    said: &mut Read,
    job: &mut Job,
) {
    let id = doc_str(&job.doc);
    let n = seen.entry(id.clone()).or_default();
    *n += 1;
    if *n == 1 {
        return;
    }
    let mut k = *n;
    let mut new = format!("{id}~{k}");
    // `a~2` may be an id of the input too: count on.
    while seen.contains_key(&new) {
        k += 1;
        new = format!("{id}~{k}");
    }
    seen.insert(id.clone(), k);
    seen.insert(new.clone(), 1);
    said.renamed += 1;
    if said.renamed <= SAY_RENAMED {
        warn(format_args!("doc id {id:?} seen before: this one is {new:?}"));
    }
    job.duplicate_of = Some(std::mem::replace(&mut job.doc, new.into()));
}

/// Writes rendered documents whole, in the chosen format.
struct Writer<'a> {
    out: io::BufWriter<&'a mut dyn Write>,
    geojson: Option<crate::geojson::GeoJson>,
    failed: bool,
}

impl<'a> Writer<'a> {
    fn new(format: Format, out: &'a mut dyn Write) -> io::Result<Writer<'a>> {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        let mut geojson = None;
        match format {
            Format::Jsonl => {}
            Format::Acled => {
                let mut w = crate::acled::writer(&mut out)
                    .map_err(|e| io::Error::other(e.to_string()))?;
                w.flush()?;
            }
            Format::GeoJson => {
                geojson = Some(crate::geojson::GeoJson::start(&mut out)?)
            }
        }
        Ok(Writer { out, geojson, failed: false })
    }

    fn write(&mut self, r: &Rendered) -> io::Result<()> {
        if let Some(g) = &mut self.geojson {
            g.unlocated += r.unlocated;
            if !r.out.is_empty() && g.any {
                self.out.write_all(b",\n")?;
            }
            g.any |= !r.out.is_empty();
        }
        self.out.write_all(&r.out)?;
        if let Some(e) = &r.error {
            self.failed = true;
            // The record first, then its message (they may share a pipe).
            self.out.flush()?;
            warn(e);
        }
        Ok(())
    }

    /// Ends the output; returns whether some document failed.
    fn finish(mut self) -> io::Result<bool> {
        if let Some(g) = self.geojson.take() {
            g.finish(&mut self.out)?;
        }
        self.out.flush()?;
        Ok(self.failed)
    }
}
