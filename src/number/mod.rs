//! The `number` stage (work in progress).
