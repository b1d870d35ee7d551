//! The `gazetteer` stage (work in progress).
