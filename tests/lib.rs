//! Integration tests: one module per pipeline stage.

mod behaviour;
#[cfg(feature = "serde")]
mod cli;
#[cfg(feature = "serde")]
mod cli_batch;
#[cfg(feature = "serde")]
mod cli_formats;
mod date;
mod foundation;
mod gazetteer;
mod incident;
mod number;
