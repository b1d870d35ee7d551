//! Integration tests for the foundation stage.
