//! Integration tests for the foundation stage: the normalizer, the
//! tokenizer, sentences, and the `rasd tokens` command line.
//!
//! The property tests run over two kinds of input: arbitrary Unicode, and
//! generated "Arabic-heavy" text that mixes Arabic letters with everything
//! that makes Arabic news hard to handle (harakat, tatweel, bidi controls,
//! presentation forms, three digit systems, NBSP, emoji, line breaks).

use std::time::{Duration, Instant};

use proptest::prelude::*;
use rasd::normalize::{normalize, Normalized, Normalizer};
use rasd::token::{is_arabic_letter, sentences, tokenize, TokenKind};
use rasd::Span;

// ---------------------------------------------------------------------
// Input generators.

/// Characters that Arabic news text is made of, and the ones that break
/// naive Arabic processing.
fn arabic_char() -> impl Strategy<Value = char> {
    let range =
        |a: u32, b: u32| (a..=b).prop_filter_map("valid char", char::from_u32);
    prop_oneof![
        // Letters, including hamza forms, alef maqsura and teh marbuta.
        30 => range(0x0621, 0x064A),
        // Harakat, superscript alef, Quranic marks.
        8 => range(0x064B, 0x065F),
        2 => Just('\u{0670}'),
        2 => range(0x06D6, 0x06ED),
        2 => range(0x08D3, 0x08FF),
        3 => Just('\u{0640}'),
        // Bidi controls, zero-width characters, BOM.
        3 => prop::sample::select(vec![
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}',
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{FEFF}',
            '\u{061C}', '\u{00AD}', '\u{2060}',
        ]),
        // Presentation forms A and B, ligatures included.
        4 => range(0xFB50, 0xFDFF),
        4 => range(0xFE70, 0xFEFC),
        // Persian letters.
        2 => prop::sample::select(vec!['ک', 'ی', 'پ', 'چ', 'ژ', 'گ']),
        // Digits of three systems and the separators between them.
        5 => range('٠' as u32, '٩' as u32),
        3 => range('۰' as u32, '۹' as u32),
        5 => range('0' as u32, '9' as u32),
        4 => prop::sample::select(vec!['.', ',', '٫', '٬', '،', '؟', '!',
            '?', '…', '«', '»', '"', '(', ')', '-', '%', ':', '؛']),
        // Whitespace of every kind.
        10 => Just(' '),
        3 => prop::sample::select(vec!['\n', '\r', '\t', '\u{A0}',
            '\u{2009}', '\u{202F}', '\u{3000}', '\u{2028}', '\u{85}']),
        // Latin, other combining marks, emoji.
        3 => range('a' as u32, 'z' as u32),
        2 => range(0x0300, 0x036F),
        2 => prop::sample::select(vec!['🙂', '💥', '🇸', '🇾', '\u{FE0F}',
            '\u{1F3FD}', '👨']),
    ]
}

/// Arabic-heavy text of up to `max` characters.
fn arabic_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(arabic_char(), 0..max)
        .prop_map(|v| v.into_iter().collect())
}

/// Arbitrary Unicode text of up to `max` characters.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max)
        .prop_map(|v| v.into_iter().collect())
}

/// Every combination of the normalizer's options.
fn normalizer() -> impl Strategy<Value = Normalizer> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(a, y, t, h)| {
            Normalizer::new()
                .fold_alef(a)
                .fold_yeh(y)
                .fold_teh_marbuta(t)
                .fold_hamza_carriers(h)
        },
    )
}

// ---------------------------------------------------------------------
// The properties.

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Normalizing is idempotent, and normal text is borrowed.
fn check_normalize(n: &Normalizer, text: &str) -> Result<(), TestCaseError> {
    let norm = n.normalize(text);
    prop_assert_eq!(norm.original(), text);
    let again = n.normalize(norm.as_str());
    prop_assert_eq!(again.as_str(), norm.as_str());
    prop_assert!(again.is_borrowed(), "normal text not borrowed");
    prop_assert_eq!(norm.is_borrowed(), norm.as_str() == text);
    // No whitespace but single ' ' and '\n' survives; no removed mark does.
    let t = norm.as_str();
    prop_assert!(!t.contains("  ") && !t.contains(" \n"));
    prop_assert!(!t.contains("\n ") && !t.contains("\n\n"));
    let removed = |c: char| {
        matches!(c,
            '\u{064B}'..='\u{065F}' | '\u{0640}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' | '\u{A0}' | '\u{0660}'..='\u{0669}'
            | '\u{06F0}'..='\u{06F9}' | 'ک' | 'ی')
    };
    prop_assert!(!t.chars().any(removed), "{:?} kept a removed char", t);
    Ok(())
}

/// Every normalized offset maps into the original, on a boundary, in
/// order; every span maps to a span on boundaries.
fn check_map(norm: &Normalized<'_>) -> Result<(), TestCaseError> {
    let (text, t) = (norm.original(), norm.as_str());
    let mut last = 0;
    let offsets: Vec<usize> =
        t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
    for &i in &offsets {
        let o = norm.to_original_offset(i);
        prop_assert!(text.is_char_boundary(o) && o <= text.len());
        prop_assert!(o >= last, "offsets out of order at {}", i);
        last = o;
    }
    for w in offsets.windows(2) {
        let span = norm.to_original(Span::new(w[0], w[1]));
        prop_assert!(on_boundaries(text, span), "{:?}", span);
        prop_assert!(!span.is_empty(), "char at {} maps to nothing", w[0]);
    }
    let whole = norm.to_original(Span::new(0, t.len()));
    prop_assert!(on_boundaries(text, whole));
    // Spans past the end, reversed or inside a character never panic.
    for (s, e) in [(0, usize::MAX), (t.len() + 5, 1), (1, 2), (3, 3)] {
        let span = norm.to_original(Span { start: s, end: e });
        prop_assert!(on_boundaries(text, span));
    }
    Ok(())
}

/// Each token's span slices the original to exactly the characters it
/// came from.
///
/// The exact statement: normalizing the original slice of a token gives
/// back the token's text. There is one exception, and the test checks it
/// precisely: a presentation-form ligature that decomposes into several
/// words (ﷺ is four words) yields several tokens that share its span; then
/// the normalized slice holds the token's text and the slice holds such a
/// ligature.
fn check_tokens(n: &Normalizer, text: &str) -> Result<(), TestCaseError> {
    let norm = n.normalize(text);
    let t = norm.as_str();
    let mut prev: Option<(Span, Span)> = None;
    let mut joined = String::new();
    for tok in tokenize(&norm) {
        let (ns, os) = (tok.norm_span(), tok.span());
        prop_assert!(on_boundaries(t, ns) && !ns.is_empty());
        prop_assert_eq!(&t[ns], tok.as_str());
        prop_assert!(on_boundaries(text, os) && !os.is_empty());
        joined.push_str(tok.as_str());

        // Harakat and tatweel after a token belong to its last letter.
        let after = text[os.end..].chars().next();
        prop_assert!(
            !after.is_some_and(|c| matches!(
                c,
                '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'
            )),
            "token {:?} at {:?} leaves its mark {:?} out",
            tok.as_str(),
            os,
            after
        );

        let slice = &text[os];
        let renorm = n.normalize(slice);
        if renorm.as_str() != tok.as_str() {
            prop_assert!(
                renorm.as_str().contains(' ')
                    && renorm.as_str().contains(tok.as_str())
                    && slice.chars().any(is_presentation_form),
                "token {:?} has span {:?} = {:?}, which normalizes to {:?}",
                tok.as_str(),
                os,
                slice,
                renorm.as_str()
            );
        }

        // Kinds agree with the text.
        let first = tok.as_str().chars().next().unwrap_or(' ');
        match tok.kind() {
            TokenKind::ArabicWord => {
                prop_assert!(is_arabic_letter(first) && tok.is_arabic());
                let mut all = tok.analyses();
                prop_assert!(all.next().is_some_and(|a| a.is_whole()));
                for a in all {
                    prop_assert!(!a.is_whole());
                    prop_assert_eq!(
                        format!("{}{}", a.prefix(), a.stem()),
                        tok.as_str()
                    );
                    prop_assert!(a.stem().chars().count() >= 2);
                }
            }
            TokenKind::Number => prop_assert!(first.is_ascii_digit()),
            _ => prop_assert_eq!(tok.analyses().count(), 1),
        }

        // In order; overlapping only inside one ligature.
        if let Some((pns, pos)) = prev {
            prop_assert!(ns.start >= pns.end);
            prop_assert!(os.start >= pos.start && os.end >= pos.end);
            if os.start < pos.end {
                let shared = &text[Span::new(os.start, pos.end)];
                prop_assert!(
                    shared.chars().any(is_presentation_form),
                    "tokens overlap on {:?}",
                    shared
                );
            }
        }
        prev = Some((ns, os));
    }
    // Nothing is lost: the tokens are the normalized text minus spaces.
    let expected: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    prop_assert_eq!(joined, expected);
    Ok(())
}

/// Sentences lie in the input, in order, and hold every token.
fn check_sentences(text: &str) -> Result<(), TestCaseError> {
    let norm = normalize(text);
    let t = norm.as_str();
    let sents: Vec<_> = sentences(&norm).collect();
    let mut last = Span::new(0, 0);
    for s in &sents {
        let (ns, os) = (s.norm_span(), s.span());
        prop_assert!(on_boundaries(t, ns) && !ns.is_empty());
        prop_assert_eq!(t[ns].trim(), &t[ns]);
        prop_assert!(on_boundaries(text, os) && !os.is_empty());
        prop_assert!(ns.start >= last.end, "sentences overlap");
        last = ns;
    }
    for tok in tokenize(&norm) {
        let ns = tok.norm_span();
        prop_assert!(
            sents.iter().any(|s| s.norm_span().contains(ns)),
            "token {:?} at {:?} in no sentence",
            tok.as_str(),
            ns
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn normalize_any(n in normalizer(), text in any_text(120)) {
        check_normalize(&n, &text)?;
        check_map(&n.normalize(&text))?;
    }

    #[test]
    fn normalize_arabic(n in normalizer(), text in arabic_text(200)) {
        check_normalize(&n, &text)?;
        check_map(&n.normalize(&text))?;
    }

    #[test]
    fn tokens_any(n in normalizer(), text in any_text(120)) {
        check_tokens(&n, &text)?;
    }

    #[test]
    fn tokens_arabic(n in normalizer(), text in arabic_text(200)) {
        check_tokens(&n, &text)?;
    }

    #[test]
    fn sentences_any(text in any_text(120)) {
        check_sentences(&text)?;
    }

    #[test]
    fn sentences_arabic(text in arabic_text(200)) {
        check_sentences(&text)?;
    }
}

// ---------------------------------------------------------------------
// Hand-written cases, in the style of the news.

#[test]
fn hostile_inputs() {
    let cases = [
        // Combining marks alone, and a mark on a space.
        "\u{064E}\u{0650}\u{0651}",
        " \u{064B} \u{0301}\u{0301} x\u{0301}",
        // Bidi controls around and inside words.
        "\u{202B}قصف\u{202C} \u{2067}على\u{2069} حل\u{200F}ب",
        // Presentation forms, ligatures with several words.
        "ﺍﻟﻘﺼﻒ ﻋﻠﻰ ﻹدلب ﷲ ﷺ ﷻ ﴾حلب﴿ ﷽",
        // Emoji with ZWJ sequences, skin tones and variation selectors.
        "👨\u{200D}👩\u{200D}👧 ❤\u{FE0F} 👍🏽 🇸🇾",
        // Digits of three systems and separators.
        "١٫٥ ۲٬۵۰۰ 3.5 ٫٫ ٬",
        "",
    ];
    for text in cases {
        for n in [Normalizer::new(), Normalizer::new().fold_alef(false)] {
            check_normalize(&n, text).unwrap();
            check_map(&n.normalize(text)).unwrap();
            check_tokens(&n, text).unwrap();
        }
        check_sentences(text).unwrap();
    }
}

#[test]
fn tokens_carry_original_text() {
    let text = "وبالرَّقَّة قُتِلَ ٣ مدنيين، وأُصيب ١٫٥ ألفاً…";
    let norm = normalize(text);
    let got: Vec<(&str, &str, TokenKind)> = tokenize(&norm)
        .map(|t| (&text[t.span()], t.as_str(), t.kind()))
        .collect();
    use TokenKind::*;
    assert_eq!(
        got,
        [
            ("وبالرَّقَّة", "وبالرقه", ArabicWord),
            ("قُتِلَ", "قتل", ArabicWord),
            ("٣", "3", Number),
            ("مدنيين", "مدنيين", ArabicWord),
            ("،", "،", Punct),
            ("وأُصيب", "واصيب", ArabicWord),
            ("١٫٥", "1٫5", Number),
            ("ألفاً", "الفا", ArabicWord),
            ("…", "…", Punct),
        ]
    );
    let city = tokenize(&norm).next().unwrap();
    let split = city.analyses().find(|a| a.stem() == "رقه").unwrap();
    assert_eq!(split.prefix(), "وبال");
}

#[test]
fn sentences_keep_decimals() {
    let text = "ارتفع العدد إلى 1.5 ألف.. وقال مصدر: ٢٫٥ مليون؟ نعم\nثم هدأ";
    let norm = normalize(text);
    let got: Vec<&str> = sentences(&norm).map(|s| &text[s.span()]).collect();
    assert_eq!(
        got,
        [
            "ارتفع العدد إلى 1.5 ألف..",
            "وقال مصدر: ٢٫٥ مليون؟",
            "نعم",
            "ثم هدأ"
        ]
    );
}

// ---------------------------------------------------------------------
// Linear time.
//
// Each check times the same work at a size and at four times that size
// and asserts that the larger input takes less than eight times as long:
// twice the slack that linear growth needs, half of the sixteen times of
// quadratic growth. The two sizes are timed in turn, five times each, and
// the fastest run of each counts, so that a burst of load on a shared
// machine does not decide the result. On 64-bit Linux the time is the
// thread's CPU time, so waiting for a core does not count either; the
// checks also hold a lock so that they do not time each other.
//
// The sizes are those of the requirements: 1 MB of harakat and tatweel,
// 100 000 proclitic letters in one word (each then four times as large),
// and one long line: 256 KB in debug builds, 4 MB with
// `cargo test --release`. The 100 MB line is the `#[ignore]`d test
// `linear_time_100mb_line` (`cargo test --release -- --ignored`).

/// Normalizes, tokenizes and splits `text`; returns a count so that the
/// work cannot be optimized away.
fn pipeline(text: &str) -> usize {
    let norm = normalize(text);
    let mut n = 0;
    for tok in tokenize(&norm) {
        n += tok.analyses().count();
    }
    n + sentences(&norm).count()
}

/// The CPU time this thread has used, on 64-bit Linux
/// (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, nanosecond resolution).
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_time() -> Option<Duration> {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec of the platform's layout
    // (two 64-bit fields on 64-bit Linux); the call writes nothing else.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| Duration::new(ts.sec as u64, ts.nsec as u32))
}

/// Elsewhere: unknown, and the tests fall back to wall-clock time.
#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

/// The time one run of the pipeline over `text` takes: CPU time where the
/// system reports it, so that time spent waiting for a core on a busy
/// machine does not count; wall-clock time elsewhere.
fn time_once(text: &str, work: &dyn Fn(&str) -> usize) -> Duration {
    let (cpu, wall) = (thread_cpu_time(), Instant::now());
    std::hint::black_box(work(std::hint::black_box(text)));
    match (cpu, thread_cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    }
}

static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn assert_linear(name: &str, make: &dyn Fn(usize) -> String, size: usize) {
    assert_linear_with(name, make, size, &pipeline);
}

/// Fails when `work` over 4x the input takes 8x the time or more (linear
/// growth gives 4, quadratic 16); best of five runs each.
pub(crate) fn assert_linear_with(
    name: &str,
    make: &dyn Fn(usize) -> String,
    size: usize,
    work: &dyn Fn(&str) -> usize,
) {
    let _lock = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let (small, large) = (make(size), make(size * 4));
    let (mut ts, mut tl) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        ts = ts.min(time_once(&small, work));
        tl = tl.min(time_once(&large, work));
    }
    let ratio = tl.as_secs_f64() / ts.as_secs_f64().max(1e-6);
    eprintln!(
        "{name}: {} B in {ts:?}, {} B in {tl:?}",
        small.len(),
        large.len()
    );
    assert!(ratio < 8.0, "{name}: 4x input took {ratio:.1}x the time");
}

/// `size` bytes (about) of one line of Arabic news, no line break.
fn one_line(size: usize) -> String {
    let unit = "قُتِلَ ٣ مدنيين وأُصيب ١٫٥ ألفاً في قصفٍ على إدلـــب، ";
    unit.repeat(size / unit.len() + 1)
}

/// `size` bytes of harakat and tatweel with no letter at all.
fn diacritics(size: usize) -> String {
    "\u{064E}\u{0651}\u{0640}\u{0652}".repeat(size / 8)
}

/// `size / 2` proclitic letters in a row: one enormous word.
fn proclitics(size: usize) -> String {
    "وبالل".repeat(size / 10)
}

#[test]
fn linear_time_long_line() {
    let size = if cfg!(debug_assertions) { 1 << 18 } else { 1 << 22 };
    assert_linear("long line", &one_line, size);
}

#[test]
fn linear_time_diacritics() {
    assert_linear("diacritics", &diacritics, 1 << 20);
}

#[test]
fn linear_time_proclitics() {
    assert_linear("proclitics", &proclitics, 200_000);
}

#[test]
#[ignore = "100 MB: run with cargo test --release -- --ignored"]
fn linear_time_100mb_line() {
    assert_linear("100 MB line", &one_line, 25 << 20);
}

// ---------------------------------------------------------------------
// The `rasd tokens` command line.
//
// `cargo test` builds the examples before it runs the tests, so the binary
// sits in the target directory next to this test's own. A narrower
// `cargo test --test integration` does not build it; then the test says so
// and passes, unless `RASD_REQUIRE_CLI` is set (as `.ci/run` does).

pub(crate) fn rasd_binary() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    // target/<profile>/deps/integration-<hash> -> target/<profile>/examples
    let dir = exe.parent()?.parent()?.join("examples");
    let bin = dir.join(format!("rasd{}", std::env::consts::EXE_SUFFIX));
    if bin.is_file() {
        return Some(bin);
    }
    assert!(
        std::env::var_os("RASD_REQUIRE_CLI").is_none(),
        "RASD_REQUIRE_CLI is set but {} does not exist",
        bin.display()
    );
    eprintln!("skipped: {} not built (run `cargo test`)", bin.display());
    None
}

/// Runs `rasd tokens` on `input`: (exit success, stdout lines, stderr).
fn run_tokens(
    bin: &std::path::Path,
    input: &[u8],
) -> (bool, Vec<String>, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(bin)
        .arg("tokens")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rasd tokens");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("wait for rasd tokens");
    writer.join().unwrap().expect("write stdin");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.success(), stdout.lines().map(str::to_owned).collect(), stderr)
}

/// Checks the output of `rasd tokens` for `input`: one JSON line per line,
/// and every token's span slices its line to its "text".
fn check_cli_output(input: &str, out: &[String]) {
    let lines: Vec<&str> = input
        .split_inclusive('\n')
        .map(|l| l.strip_suffix('\n').unwrap_or(l))
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    assert_eq!(out.len(), lines.len());
    for (i, (line, json)) in lines.iter().zip(out).enumerate() {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(v["line"], i + 1);
        let tokens = v["tokens"].as_array().expect("tokens");
        let norm = normalize(line);
        assert_eq!(tokens.len(), tokenize(&norm).count());
        for (tok, lib) in tokens.iter().zip(tokenize(&norm)) {
            let start = tok["span"]["start"].as_u64().unwrap() as usize;
            let end = tok["span"]["end"].as_u64().unwrap() as usize;
            let span = Span::new(start, end);
            assert!(on_boundaries(line, span), "line {}: {span:?}", i + 1);
            assert_eq!(tok["text"], &line[span], "line {}", i + 1);
            assert_eq!(span, lib.span());
            assert_eq!(tok["norm"], lib.as_str());
            assert_eq!(tok["kind"], lib.kind().as_str());
        }
    }
}

fn hostile_file() -> String {
    let mut s = String::new();
    s.push_str("\u{064E}\u{0650}\u{0651}\u{0652}\n");
    s.push_str("\u{0301}\u{0301} \u{0640}\u{0640}\n");
    s.push_str("\u{202B}قصف\u{202C} \u{2067}على\u{2069} حل\u{200F}ب\r\n");
    s.push_str("ﺍﻟﻘﺼﻒ ﻋﻠﻰ ﻹدلب ﷲ ﷺ ﷻ ﴾حلب﴿ ﷽\n");
    s.push_str("👨\u{200D}👩\u{200D}👧 ❤\u{FE0F} 👍🏽 🇸🇾\n");
    s.push_str("\u{A0}\u{A0}١٫٥\u{A0}مليون\t\t۲٬۵۰۰\n");
    s.push('\n');
    // A very long line.
    s.push_str(&one_line(1 << 20));
    s.push('\n');
    s
}

#[test]
fn cli_tokens_spans_slice_back() {
    let Some(bin) = rasd_binary() else { return };
    let mut inputs = vec![hostile_file()];
    for dir in ["../shared/seeds", "examples/data"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                inputs.push(std::fs::read_to_string(e.path()).unwrap());
            }
        }
    }
    for input in &inputs {
        let (ok, out, err) = run_tokens(&bin, input.as_bytes());
        assert!(ok, "rasd tokens failed: {err}");
        check_cli_output(input, &out);
    }
}

#[test]
fn cli_invalid_utf8_names_the_line() {
    let Some(bin) = rasd_binary() else { return };
    let input =
        b"\xd9\x82\xd8\xb5\xd9\x81\n\xff\xfe \xd8\n\xd8\xad\xd9\x84\xd8\xa8\n";
    let (ok, out, err) = run_tokens(&bin, input);
    assert!(!ok, "invalid UTF-8 must give a non-zero exit");
    assert!(err.contains("line 2"), "stderr: {err}");
    assert_eq!(out.len(), 3, "the other lines are still processed");
    let bad: serde_json::Value = serde_json::from_str(&out[1]).unwrap();
    assert_eq!(bad["line"], 2);
    assert!(bad["error"].as_str().unwrap().contains("line 2"));
    let good: serde_json::Value = serde_json::from_str(&out[2]).unwrap();
    assert_eq!(good["tokens"][0]["text"], "حلب");
}
