//! Publication dates as the command line (and the Python package, which
//! compiles this file in) reads them.

use rasd::date::Date;

/// Reads a publication date: `YYYY-MM-DD`, an ISO 8601 / RFC 3339
/// timestamp (`2025-11-04T09:30:00Z`, `2025-11-04 09:30+03:00`: the date
/// as written, in the timestamp's own offset) or an RFC 2822 date as in
/// RSS feeds (`Tue, 04 Nov 2025 09:30:00 +0000`).
pub fn parse_published(s: &str) -> Result<Date, String> {
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
