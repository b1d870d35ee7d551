//! Integration tests: one module per pipeline stage.

mod behaviour;
mod date;
mod foundation;
mod gazetteer;
mod incident;
mod number;
