//! `rasd extract --resume FILE`: go on with a run that stopped.
//!
//! FILE holds the JSON lines of the earlier run. Its complete lines (a
//! record and its newline) are kept and their doc ids skipped; a partial
//! last line (the run was killed while writing it) is cut off; the new
//! records are appended. A FILE that does not exist is created. A FILE
//! with a line that is not a record of `rasd extract` is left untouched
//! and the run does not start.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::batch::id_key;
use crate::lines::UsageError;

/// The start of a record: its doc id (the rest is skipped, not kept).
#[derive(serde::Deserialize)]
struct Head {
    doc: serde_json::Value,
}

/// Reads FILE's doc ids, cuts a partial last line off and returns the
/// file, open for appending.
pub fn open(
    path: &Path,
) -> Result<(HashSet<String>, File), Box<dyn std::error::Error>> {
    let cannot = |e: io::Error| {
        io::Error::new(e.kind(), format!("--resume {}: {e}", path.display()))
    };
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(cannot)?;
    let mut ids = HashSet::new();
    // Where the last complete line ends.
    let mut keep = 0u64;
    let mut last: Option<(String, u64)> = None;
    {
        let reader = BufReader::with_capacity(1 << 16, &mut file);
        let mut stream =
            serde_json::Deserializer::from_reader(reader).into_iter::<Head>();
        loop {
            match stream.next() {
                None => break,
                Some(Ok(head)) => {
                    if let Some((id, end)) = last.take() {
                        ids.insert(id);
                        keep = end + 1;
                    }
                    last =
                        Some((id_key(&head.doc), stream.byte_offset() as u64));
                }
                Some(Err(e)) if e.is_eof() => break,
                Some(Err(e)) if e.is_io() => {
                    return Err(cannot(io::Error::other(e)).into())
                }
                Some(Err(e)) => {
                    return Err(UsageError(format!(
                        "--resume {}: not the JSON lines of rasd extract \
                         ({e}); the file is left as it is",
                        path.display()
                    ))
                    .into())
                }
            }
        }
    }
    // The last record counts if its newline was written.
    if let Some((id, end)) = last {
        let mut next = [0u8; 1];
        file.seek(SeekFrom::Start(end)).map_err(cannot)?;
        if file.read(&mut next).map_err(cannot)? == 1 && next[0] == b'\n' {
            ids.insert(id);
            keep = end + 1;
        }
    }
    if file.metadata().map_err(cannot)?.len() > keep {
        file.set_len(keep).map_err(cannot)?;
    }
    Ok((ids, file))
}
