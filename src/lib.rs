//! rasd (رصد, "monitoring") turns Arabic news about the war in Syria into
//! structured, verifiable incident records.
//!
//! Every fact rasd reports carries a [`Span`]: byte offsets into the
//! ORIGINAL text, so a person can check it.
//!
//! ```
//! use rasd::date::Date;
//! use rasd::incident::{extract_incidents, ExtractOptions};
//!
//! let text = "استشهد 3 مدنيين بينهم امرأة بقصف مدفعي لقوات النظام على مدينة \
//!             أريحا اليوم الخميس.";
//! let options = ExtractOptions::new().published(Some(Date::constant(2024, 2, 8)));
//! let incidents = extract_incidents(text, &options);
//!
//! let inc = &incidents[0];
//! let killed = inc.killed().unwrap();
//! assert_eq!((killed.value(), killed.women()), (Some(3), Some(1)));
//! assert_eq!(&text[killed.span()], "استشهد 3 مدنيين بينهم امرأة");
//! assert_eq!(inc.places()[0].name(), "أريحا");
//! assert_eq!(inc.perpetrators().next().unwrap().group(), "syrian_government");
//! assert_eq!(inc.date().unwrap().start(), Some(Date::constant(2024, 2, 8)));
//! ```
//!
//! # Overview
//!
//! [`incident::extract_incidents`] is the front door; [`incident::Extractor`]
//! does the same with a gazetteer of your own (built with
//! [`gazetteer::Gazetteer::builder`], for example from your village list).
//!
//! The pipeline has one module per stage, each usable on its own:
//!
//! * [`normalize`]: folds Arabic for matching and maps offsets back;
//! * [`token`]: tokens with proclitic analyses, and sentences;
//! * [`gazetteer`]: Syrian places and armed actors;
//! * [`number`]: casualty counts and other numbers, with qualifiers;
//! * [`date`]: dates resolved against the publication date;
//! * [`incident`]: incidents composed from all of the above.
//!
//! # Example: normalize and tokenize
//!
//! ```
//! use rasd::normalize::normalize;
//! use rasd::token::tokenize;
//!
//! let text = "قُتِلَ مدنيان في إدلب";
//! let norm = normalize(text);
//! let words: Vec<&str> = tokenize(&norm).map(|t| &text[t.span()]).collect();
//! assert_eq!(words, ["قُتِلَ", "مدنيان", "في", "إدلب"]);
//! ```
//!
//! # Guarantees
//!
//! * **Spans point into the original.** Offsets are bytes of the text the
//!   caller gave, on character boundaries, even where normalization removed
//!   harakat or turned a ligature into several letters. Internally every
//!   stage works on [`normalize::Normalized`] text and converts with
//!   [`normalize::Normalized::to_original`] before it reports.
//! * **No panics, linear time.** No input makes rasd panic, and time grows
//!   linearly with the input, also for a single 100 MB line, a megabyte of
//!   harakat, or a word of 100 000 proclitic letters.
//! * **Extraction is infallible.** [`Error`] covers configuration and data
//!   files only; text that cannot be read comes back unresolved.
//!
//! The reasons behind the normalizer's folds, the offset map, the proclitic
//! analyses and the error policy are in `docs/DESIGN.md`.
//!
//! # Crate features
//!
//! * `serde` (default): `Serialize` for the public records, in the JSON
//!   form that the example CLI prints (`Deserialize` for the plain value
//!   types such as [`Span`]). Turn it off with `default-features = false`.
//!
//! # Example program
//!
//! `examples/rasd` is a command-line front door to every stage:
//! `cargo run --release --example rasd -- extract ARTICLE.txt --published
//! 2024-12-01` prints incidents as JSON lines; `tokens`, `numbers`, `dates`
//! and `gazetteer` show one stage each.

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

mod error;
// The trigger lexicon below the incident stage, which maps its labels to
// cues.
mod morph;
// Whether a text can report an incident at all, before the incident
// stage tokenizes it.
pub mod normalize;
mod prefilter;
mod span;
pub mod token;

pub mod date;
pub mod gazetteer;
pub mod incident;
pub mod number;

pub use crate::error::{Error, ErrorKind};
pub use crate::span::Span;

/// The code blocks of README.md, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
