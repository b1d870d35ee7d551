//! Integration tests for the incident stage.
