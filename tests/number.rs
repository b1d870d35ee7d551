//! Integration tests for the number stage.
