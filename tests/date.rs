//! Integration tests for the date stage.
