//! The `incident` stage (work in progress).
