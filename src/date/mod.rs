//! The `date` stage (work in progress).
