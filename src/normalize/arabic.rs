//! Character classes and folds for Arabic script.
//!
//! This file decides, for one character, what the normalizer does with it.
//! The offset bookkeeping lives in `mod.rs`.

use super::Normalizer;

/// What the normalizer does with one input character.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) enum Action {
    /// Keep the character unchanged.
    Keep,
    /// Drop the character. `attach` says whether it belongs to the
    /// preceding letter (a haraka or tatweel does; a bidi control does not),
    /// so that a span ending at that letter also covers it.
    Remove { attach: bool },
    /// Whitespace: part of a run that becomes one space, or one newline when
    /// the run holds a line break.
    Space { line_break: bool },
    /// Replace the character with another one.
    Replace(char),
    /// A presentation form: replace it with its compatibility decomposition.
    Decompose,
}

/// Harakat, superscript alef and Quranic annotation marks.
///
/// Besides the harakat block (U+064B..U+065F, U+0670) this covers the
/// honorific and Quranic marks of the Arabic block (U+0610..U+061A,
/// U+06D6..U+06DC, U+06DF..U+06E8, U+06EA..U+06ED) and the combining
/// Quranic marks of Arabic Extended-A and -B (U+0898..U+089F,
/// U+08CA..U+08E1, U+08E3..U+08FF). All of them are combining marks that
/// sit on a letter; none changes which word is written.
#[inline]
pub(super) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0898}'..='\u{089F}'
        | '\u{08CA}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}')
}

/// Zero-width characters, bidi controls, the byte order mark, the word
/// joiner and the soft hyphen: invisible characters that only get in the
/// way of matching.
#[inline]
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}')
}

/// Characters that end a line.
#[inline]
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Arabic presentation forms A and B (ligatures and positional forms).
#[inline]
pub(super) fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Whether `c` has a compatibility decomposition other than itself.
///
/// Some code points in the presentation form blocks have none: the ornate
/// parentheses ﴾ ﴿, the bismillah ligature ﷽, the tail fragment ﹳ and the
/// unassigned or noncharacter code points. Those are kept as they are.
fn decomposes(c: char) -> bool {
    let mut changed = false;
    unicode_normalization::char::decompose_compatible(c, |d| {
        changed |= d != c;
    });
    changed
}

/// Classifies one character under the options of `n`.
#[inline]
pub(super) fn classify(n: &Normalizer, c: char) -> Action {
    if c.is_ascii() {
        return match c {
            ' ' | '\n' => Action::Space { line_break: c == '\n' },
            '\t' | '\r' | '\u{0B}' | '\u{0C}' => {
                Action::Space { line_break: is_line_break(c) }
            }
            _ => Action::Keep,
        };
    }
    // The letters of the Arabic block, the bulk of the text: only a few
    // of them fold, and none is a mark, a control or whitespace.
    if matches!(c, '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}') {
        return match c {
            'أ' | 'إ' | 'آ' if n.fold_alef => Action::Replace('ا'),
            'ى' if n.fold_yeh => Action::Replace('ي'),
            'ة' if n.fold_teh_marbuta => Action::Replace('ه'),
            'ؤ' if n.fold_hamza_carriers => Action::Replace('و'),
            'ئ' if n.fold_hamza_carriers => Action::Replace('ي'),
            _ => Action::Keep,
        };
    }
    match c {
        '\u{0640}' => Action::Remove { attach: true },
        c if is_mark(c) => Action::Remove { attach: true },
        c if is_invisible(c) => Action::Remove { attach: false },
        'أ' | 'إ' | 'آ' | 'ٱ' if n.fold_alef => Action::Replace('ا'),
        'ى' if n.fold_yeh => Action::Replace('ي'),
        'ة' if n.fold_teh_marbuta => Action::Replace('ه'),
        'ؤ' if n.fold_hamza_carriers => Action::Replace('و'),
        'ئ' if n.fold_hamza_carriers => Action::Replace('ي'),
        // Persian keheh and yeh, as Persian keyboards type them.
        'ک' => Action::Replace('ك'),
        'ی' => Action::Replace('ي'),
        '٠'..='٩' => Action::Replace(shift_digit(c, '٠')),
        '۰'..='۹' => Action::Replace(shift_digit(c, '۰')),
        c if c.is_whitespace() => {
            Action::Space { line_break: is_line_break(c) }
        }
        c if is_presentation_form(c) && decomposes(c) => Action::Decompose,
        _ => Action::Keep,
    }
}

/// Maps a digit of the script whose zero is `zero` to its ASCII digit.
#[inline]
fn shift_digit(c: char, zero: char) -> char {
    let d = (c as u32 - zero as u32) as u8;
    (b'0' + d) as char
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let n = Normalizer::new();
        assert_eq!(classify(&n, 'َ'), Action::Remove { attach: true });
        assert_eq!(classify(&n, 'ـ'), Action::Remove { attach: true });
        assert_eq!(classify(&n, '\u{200F}'), Action::Remove { attach: false });
        assert_eq!(classify(&n, 'أ'), Action::Replace('ا'));
        assert_eq!(classify(&n, '٧'), Action::Replace('7'));
        assert_eq!(classify(&n, '۴'), Action::Replace('4'));
        assert_eq!(
            classify(&n, '\u{A0}'),
            Action::Space { line_break: false }
        );
        assert_eq!(
            classify(&n, '\u{2029}'),
            Action::Space { line_break: true }
        );
        assert_eq!(classify(&n, 'ﻹ'), Action::Decompose);
        assert_eq!(classify(&n, '٫'), Action::Keep);
        assert_eq!(classify(&n, '﴾'), Action::Keep);
        assert_eq!(classify(&n, '﷽'), Action::Keep);
        assert_eq!(classify(&n, '\u{FDD0}'), Action::Keep);
        assert_eq!(classify(&n, '\u{08F0}'), Action::Remove { attach: true });
        assert_eq!(classify(&n, '\u{2060}'), Action::Remove { attach: false });
        let keep = Normalizer::new().fold_teh_marbuta(false);
        assert_eq!(classify(&keep, 'ة'), Action::Keep);
    }
}
