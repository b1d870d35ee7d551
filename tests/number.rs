//! Integration tests for the number stage.
//!
//! * `cases`: the table in `testdata/number/cases.tsv`, one case per line.
//! * `duckling_*`: conformance with the Arabic numeral corpus of Duckling
//!   (BSD-3-Clause), see `testdata/number/README.md`.
//! * `prop_*`: no panic, spans on char boundaries, in order, for any input.

use rasd::normalize::normalize;
use rasd::number::{find_iter, numbers, Number};

/// Renders one number as the table writes it:
/// `surface => value kind qualifier [m=M] [noun=category:form]`.
fn render(text: &str, n: &Number) -> String {
    let value = match n.value() {
        None => "null".to_owned(),
        Some(v) if v.fract() == 0.0 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
    };
    let mut s = format!(
        "{} => {} {} {}",
        &text[n.span()],
        value,
        n.kind().as_str(),
        n.qualifier().as_str()
    );
    if let Some(m) = n.magnitude() {
        s.push_str(&format!(" m={m}"));
    }
    if let Some(noun) = n.noun() {
        let cat = format!("{:?}", noun.category()).to_lowercase();
        let form = format!("{:?}", noun.form()).to_lowercase();
        s.push_str(&format!(" noun={cat}:{form}"));
    }
    s
}

fn render_all(text: &str) -> String {
    let found: Vec<String> =
        numbers(text).iter().map(|n| render(text, n)).collect();
    if found.is_empty() {
        "-".to_owned()
    } else {
        found.join(" ; ")
    }
}

#[test]
fn cases() {
    let table = include_str!("../testdata/number/cases.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (lineno, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (text, expected) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("cases.tsv:{}: no tab", lineno + 1));
        count += 1;
        let got = render_all(text);
        if got != expected.trim() {
            failures.push(format!(
                "cases.tsv:{}: {text}\n  expected: {expected}\n  got:      {got}",
                lineno + 1
            ));
        }
    }
    assert!(count >= 150, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
