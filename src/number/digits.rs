//! Reading a run of digits with grouping and decimal separators.

/// A decimal read exactly: `mantissa / 10^places`.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Decimal {
    pub(crate) mantissa: u128,
    pub(crate) places: u32,
}

/// The most digits a number may have; longer runs (identifiers, phone
/// numbers glued together) are not read as numbers.
const MAX_DIGITS: usize = 30;

impl Decimal {
    /// The value as `f64`.
    pub(crate) fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.places as i32)
    }

    /// Multiplies by `factor`, exactly, simplifying trailing zeros.
    pub(crate) fn scale(self, factor: u64) -> Option<Decimal> {
        let mut d = Decimal {
            mantissa: self.mantissa.checked_mul(u128::from(factor))?,
            places: self.places,
        };
        while d.places > 0 && d.mantissa.is_multiple_of(10) {
            d.mantissa /= 10;
            d.places -= 1;
        }
        Some(d)
    }
}

/// Reads a number token of the tokenizer: ASCII digits with inner `.` `,`
/// `٫` `٬`.
///
/// `٫` is always a decimal point and `٬` always a thousands separator. With
/// ASCII separators, the last of `.` and `,` is the decimal point when both
/// occur; a lone kind of separator is a thousands separator when every
/// group after the first has exactly three digits and it occurs more than
/// once or is a `,`; otherwise a single separator is a decimal point
/// ("1.5", "2,5"). Any other shape ("1.2.3") is not a number.
pub(crate) fn parse(s: &str) -> Option<Decimal> {
    let arabic_dec = s.contains('٫');
    let n_dot = s.matches('.').count();
    let n_comma = s.matches(',').count();
    let (group_sep, dec_sep): (&[char], Option<char>) = if arabic_dec {
        (&['٬', ',', '.'], Some('٫'))
    } else if n_dot > 0 && n_comma > 0 {
        let last_dot = s.rfind('.')?;
        let last_comma = s.rfind(',')?;
        if last_dot > last_comma {
            (&[',', '٬'], Some('.'))
        } else {
            (&['.', '٬'], Some(','))
        }
    } else if n_comma > 0 {
        if n_comma == 1 && !groups_of_three(s, ',') {
            (&['٬'], Some(','))
        } else {
            (&[',', '٬'], None)
        }
    } else if n_dot > 0 {
        // "1.000.000", and "250.000" (a decimal would not end in "000").
        if groups_of_three(s, '.') && (n_dot > 1 || s.ends_with(".000")) {
            (&['.', '٬'], None)
        } else {
            (&['٬'], Some('.'))
        }
    } else {
        (&['٬'], None)
    };
    let (int_part, frac_part) = match dec_sep {
        Some(c) => match s.split_once(c) {
            Some((i, f)) => (i, f),
            None => (s, ""),
        },
        None => (s, ""),
    };
    if frac_part.contains(|c: char| !c.is_ascii_digit()) {
        return None;
    }
    if int_part.contains(|c| group_sep.contains(&c))
        && !groups_of_three_any(int_part, group_sep)
    {
        return None;
    }
    let mut mantissa: u128 = 0;
    let mut digits = 0usize;
    for c in int_part.chars().chain(frac_part.chars()) {
        if let Some(d) = c.to_digit(10) {
            digits += 1;
            if digits > MAX_DIGITS {
                return None;
            }
            mantissa = mantissa * 10 + u128::from(d);
        } else if !group_sep.contains(&c) {
            return None;
        }
    }
    if digits == 0 {
        return None;
    }
    let mut d = Decimal { mantissa, places: frac_part.len() as u32 };
    while d.places > 0 && d.mantissa.is_multiple_of(10) {
        d.mantissa /= 10;
        d.places -= 1;
    }
    Some(d)
}

/// Whether `s`, split at `sep`, has a first group of 1 to 3 digits and
/// only 3-digit groups after it.
fn groups_of_three(s: &str, sep: char) -> bool {
    groups_of_three_any(s, &[sep])
}

fn groups_of_three_any(s: &str, seps: &[char]) -> bool {
    let mut parts = s.split(|c| seps.contains(&c));
    let first = parts.next().map_or(0, str::len);
    (1..=3).contains(&first) && parts.all(|p| p.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<f64> {
        parse(s).map(Decimal::to_f64)
    }

    #[test]
    fn shapes() {
        assert_eq!(v("2,500"), Some(2500.0));
        assert_eq!(v("2٬500"), Some(2500.0));
        assert_eq!(v("1٫5"), Some(1.5));
        assert_eq!(v("1.5"), Some(1.5));
        assert_eq!(v("2,5"), Some(2.5));
        assert_eq!(v("1,234.5"), Some(1234.5));
        assert_eq!(v("1.234,5"), Some(1234.5));
        assert_eq!(v("1.000.000"), Some(1_000_000.0));
        assert_eq!(v("100٬000٫0"), Some(100_000.0));
        assert_eq!(v("01.10"), Some(1.1));
        assert_eq!(v("1.2.3"), None);
        assert_eq!(v("12,34,567"), None);
        assert_eq!(v("1234567890123456789012345678901"), None);
        assert_eq!(v("2017"), Some(2017.0));
        assert_eq!(v("250.000"), Some(250_000.0));
        assert_eq!(v("2.500"), Some(2.5));
    }

    #[test]
    fn scaling() {
        let d = parse("1.5").unwrap().scale(1_000_000).unwrap();
        assert_eq!(d, Decimal { mantissa: 1_500_000, places: 0 });
        assert_eq!(parse("2.25").unwrap().scale(10).unwrap().places, 1);
    }
}
