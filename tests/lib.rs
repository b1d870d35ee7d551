//! Integration tests: one module per pipeline stage.

#[cfg(feature = "serde")]
mod cli;
mod date;
mod foundation;
mod gazetteer;
mod incident;
mod number;
