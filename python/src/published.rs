//! Publication dates as the CLI reads them (`parse_published` in
//! examples/rasd/input.rs, which cannot be compiled in alone: it lives
//! with the CLI's input readers).

use rasd::date::Date;

/// Reads `YYYY-MM-DD`, an ISO 8601 / RFC 3339 timestamp (the date as
/// written, in its own offset) or an RFC 2822 date.
pub fn parse(s: &str) -> Result<Date, String> {
    let t = s.trim();
    let wrong = || {
        format!(
            "cannot read {s:?} as a date: expected YYYY-MM-DD, an ISO 8601 \
             timestamp such as 2025-11-04T09:30:00Z, or an RFC 2822 date"
        )
    };
    if t.len() == 10 {
        return t.parse::<Date>().map_err(|_| wrong());
    }
    if t.len() > 10 && matches!(t.as_bytes()[10], b'T' | b't' | b' ') {
        let whole_ok = t.parse::<jiff::Timestamp>().is_ok()
            || t.parse::<jiff::civil::DateTime>().is_ok();
        if whole_ok {
            return t[..10].parse::<Date>().map_err(|_| wrong());
        }
        return Err(wrong());
    }
    jiff::fmt::rfc2822::parse(t).map(|z| z.date()).map_err(|_| wrong())
}
