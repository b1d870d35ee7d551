//! A small, cache-resident set of the first words of every pattern, to
//! skip the trie walk at word offsets that cannot start a kept match.
//!
//! A kept match ends at the end of a word, so its pattern, up to its
//! first non-word character, is exactly the rest of the word where the
//! match starts (from the match start to the word end). The set answers
//! "may this be such a first word?" with false positives (a Bloom filter:
//! two bits per word, about 0.5% false positives for the 9,500 first
//! words of the default tables) but no false negatives, so skipping the
//! walk when it says no never loses a match.

use super::matcher::is_word_char;

/// Bits in the set: 2^18 (32 KiB, which stays in the L1 cache).
const BITS: u32 = 18;

/// The first words of the patterns, as bits of their hashes.
#[derive(Clone, Debug)]
pub(crate) struct FirstWords {
    bits: Vec<u64>,
}

impl FirstWords {
    /// The set of the first words of `patterns`.
    pub(crate) fn new<'p>(
        patterns: impl IntoIterator<Item = &'p str>,
    ) -> FirstWords {
        let mut bits = vec![0; 1 << (BITS - 6)];
        for p in patterns {
            let end = p
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(p.len(), |(i, _)| i);
            for (word, bit) in Self::slots(&p.as_bytes()[..end]) {
                bits[word] |= bit;
            }
        }
        FirstWords { bits }
    }

    /// Whether `word` may be the first word of a pattern.
    #[inline]
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        Self::slots(word)
            .iter()
            .all(|&(w, bit)| self.bits.get(w).is_some_and(|x| x & bit != 0))
    }

    /// The two bits of `bytes`: for each, its word in `bits` and the bit.
    #[inline]
    fn slots(bytes: &[u8]) -> [(usize, u64); 2] {
        let h = hash(bytes);
        let slot = |x: u64| {
            let x = (x & ((1 << BITS) - 1)) as usize;
            (x >> 6, 1 << (x & 63))
        };
        [slot(h >> (64 - BITS)), slot(h >> 20)]
    }
}

/// A fast hash of a short byte string: FxHash's mixing over eight bytes
/// at a time, the last eight (or four) read overlapping the ones before.
#[inline]
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |h: u64, x: u64| (h.rotate_left(5) ^ x).wrapping_mul(K);
    let n = bytes.len();
    let u64_at = |i: usize| {
        bytes
            .get(i..i + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let u32_at = |i: usize| {
        bytes
            .get(i..i + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    let mut h = n as u64;
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            h = mix(h, u64_at(i));
            i += 8;
        }
        h = mix(h, u64_at(n - 8));
    } else if n >= 4 {
        h = mix(h, u32_at(0) | u32_at(n - 4) << 32);
    } else if n > 0 {
        let b = |i: usize| u64::from(bytes[i]);
        h = mix(h, b(0) | b(n / 2) << 8 | b(n - 1) << 16);
    }
    // Fold the high bits, which the bit index takes, with the low ones.
    mix(h, h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_false_negatives() {
        let pats = ["دير الزور", "حلب", "قوات النظام", "ريف"];
        let set = FirstWords::new(pats);
        for w in ["دير", "حلب", "قوات", "ريف"] {
            assert!(set.may_contain(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn mostly_rejects_others() {
        let set = FirstWords::new(["حلب", "ادلب"]);
        let others = ["الرياض", "جده", "مكه", "الدمام", "وزير", "التعليم"];
        let hits =
            others.iter().filter(|w| set.may_contain(w.as_bytes())).count();
        assert!(hits <= 1, "{hits}");
    }
}
