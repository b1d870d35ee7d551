//! Integration tests for the gazetteer stage.
