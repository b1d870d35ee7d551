//! The crate's one error type.
//!
//! Errors cover configuration and data only (a bad gazetteer file, an
//! invalid date given as configuration). Extraction itself never fails: an
//! expression that cannot be resolved comes back unresolved, not as an error.

use std::path::PathBuf;

/// An error from building a rasd component or loading its data.
///
/// The representation is private; use [`Error::kind`] to tell errors apart.
/// The message (`Display`) names the offending file, line or value.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error(#[from] ErrorRepr);

/// What kind of error an [`Error`] is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// A data file (gazetteer, actor table) has a malformed row.
    Data,
    /// A configuration value is invalid (for example a malformed date).
    Config,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum ErrorRepr {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{origin}:{line}: {message}")]
    Data { origin: String, line: usize, message: String },
    #[error("invalid configuration: {0}")]
    Config(String),
}

impl Error {
    /// The kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self.0 {
            ErrorRepr::Io { .. } => ErrorKind::Io,
            ErrorRepr::Data { .. } => ErrorKind::Data,
            ErrorRepr::Config(_) => ErrorKind::Config,
        }
    }

    /// An I/O error while reading `path`.
    #[allow(dead_code)]
    pub(crate) fn io(
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Error {
        Error(ErrorRepr::Io { path: path.into(), source })
    }

    /// A malformed row `line` (1-based) of the data named `origin`.
    #[allow(dead_code)]
    pub(crate) fn data(
        origin: impl Into<String>,
        line: usize,
        message: impl Into<String>,
    ) -> Error {
        Error(ErrorRepr::Data {
            origin: origin.into(),
            line,
            message: message.into(),
        })
    }

    /// An invalid configuration value.
    #[allow(dead_code)]
    pub(crate) fn config(message: impl Into<String>) -> Error {
        Error(ErrorRepr::Config(message.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_messages() {
        let e = Error::data("places.tsv", 12, "missing name_ar");
        assert_eq!(e.kind(), ErrorKind::Data);
        assert_eq!(e.to_string(), "places.tsv:12: missing name_ar");
        let e = Error::config("bad date \"2025-13-01\"");
        assert_eq!(e.kind(), ErrorKind::Config);
        assert_eq!(
            e.to_string(),
            "invalid configuration: bad date \"2025-13-01\""
        );
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let e = Error::io("data/actors.tsv", io);
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.to_string().starts_with("cannot read data/actors.tsv: "));
        assert!(std::error::Error::source(&e).is_some());
    }

    #[test]
    fn send_sync() {
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<Error>();
    }
}
