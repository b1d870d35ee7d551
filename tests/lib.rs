//! Integration tests: one module per pipeline stage.

mod date;
mod foundation;
mod gazetteer;
mod incident;
mod number;
