//! The folding against an oracle: every code point the folding handles is
//! folded as NFKC (the `unicode-normalization` crate) folds it, unless it
//! lies in one of the ranges of `DEPARTURES`, the one list of where the
//! folding differs from NFKC on purpose (and every entry of which is used).

use super::fold::{fold, voiced, Fold};
use unicode_normalization::UnicodeNormalization;

/// Where the folding departs from NFKC on purpose, in one place: the
/// inclusive code point range, what it gives instead, and why. The tables of
/// `fold_tables.rs` are plain NFKC; the test below checks every code point
/// the folding handles against the unicode-normalization crate and accepts
/// a difference only inside one of these ranges.
const DEPARTURES: &[(u32, u32, &str, &str)] = &[
    (0x41, 0x5A, "lower case", "ASCII letters are lower-cased: rules are written in lower case"),
    (0xFF21, 0xFF3A, "lower case", "full-width capitals fold to ASCII, then lower case"),
    (0x00, 0x1F, "' ' or '\\n'", "control characters become a space; CR, LF stay line breaks"),
    (0x7F, 0x9F, "' ' or '\\n'", "DEL and C1 controls become a space; NEL a line break"),
    (0x2028, 0x2029, "'\\n'", "line and paragraph separators are line breaks"),
    (0x1680, 0x1680, "' '", "Ogham space mark is a space"),
    (0x00AD, 0x00AD, "dropped", "soft hyphen"),
    (0x180E, 0x180E, "dropped", "Mongolian vowel separator (a format character)"),
    (0x200B, 0x200F, "dropped", "zero-width spaces and joiners, direction marks"),
    (0x202A, 0x202E, "dropped", "bidi embedding controls"),
    (0x2060, 0x2069, "dropped", "word joiner, invisible operators, bidi isolates"),
    (0xFEFF, 0xFEFF, "dropped", "byte order mark / zero-width no-break space"),
    (0xFE00, 0xFE0F, "dropped", "variation selectors (counted as part of the character before)"),
    (0xE0100, 0xE01EF, "dropped", "variation selectors supplement"),
    (0x2010, 0x2015, "'-'", "hyphens and dashes are one '-'"),
    (0x2212, 0x2212, "'-'", "minus sign"),
    (0xFE58, 0xFE58, "'-'", "small em dash"),
    (0x301C, 0x301C, "'~'", "wave dash (〜) is '~' like the full-width tilde"),
    (0x223C, 0x223C, "'~'", "tilde operator"),
    (0x2053, 0x2053, "'~'", "swung dash"),
    (0xFF9E, 0xFF9F, "゛ ゜", "a lone half-width voicing mark stays visible (NFKC: combining mark)"),
    (0xFFE3, 0xFFE3, "'¯'", "full-width macron is one character (NFKC: space + combining macron)"),
    (0x2E80, 0x2EF3, "whole ideograph", "CJK radical forms copied out of PDFs that stand for an ideograph (⻘ → 青)"),
    (0x2121, 0x2121, "tel", "℡, lower-cased"),
    (0x2116, 0x2116, "no", "№, lower-cased"),
    (0x2460, 0x24FF, "kept", "circled and parenthesised numbers: NFKC would glue ①1,000件 into 11,000"),
    (0x3220, 0x3229, "kept", "parenthesised ideographic numbers ㈠…"),
    (0x3280, 0x3289, "kept", "circled ideographic numbers ㊀…"),
    (0x3251, 0x325F, "kept", "circled numbers 21–35"),
    (0x32B1, 0x32BF, "kept", "circled numbers 36–50"),
];

fn departs(u: u32) -> bool {
    DEPARTURES.iter().any(|&(a, b, _, _)| (a..=b).contains(&u))
}

fn folded(c: char) -> String {
    match fold(c) {
        Fold::Drop => String::new(),
        Fold::One(x, _) => x.to_string(),
        Fold::Many(s) => s.to_string(),
    }
}

/// The code points the folding handles (every arm of `fold` and every
/// table), and the circled numbers it keeps on purpose.
fn covered() -> impl Iterator<Item = u32> {
    [
        0x00..=0xA0,
        0xAD..=0xAD,
        0x1680..=0x1680,
        0x180E..=0x180E,
        0x2000..=0x2015,
        0x2028..=0x202F,
        0x2053..=0x2053,
        0x205F..=0x2069,
        0x2116..=0x2116,
        0x2121..=0x2121,
        0x2212..=0x2212,
        0x223C..=0x223C,
        0x2460..=0x24FF,
        0x2776..=0x2793,
        0x2E80..=0x2EF3,
        0x2F00..=0x2FD5,
        0x3000..=0x3000,
        0x301C..=0x301C,
        0x3220..=0x3243,
        0x3251..=0x325F,
        0x3280..=0x32BF,
        0x32FF..=0x32FF,
        0x337B..=0x337F,
        0xF900..=0xFAFF,
        0xFE00..=0xFE0F,
        0xFE58..=0xFE58,
        0xFE63..=0xFE63,
        0xFEFF..=0xFEFF,
        0xFF01..=0xFF5E,
        0xFF61..=0xFF9F,
        0xFFE0..=0xFFE6,
        0xE0100..=0xE01EF,
    ]
    .into_iter()
    .flatten()
}

#[test]
fn folding_is_nfkc_except_the_listed_departures() {
    let mut checked = 0;
    let mut departed = 0;
    for u in covered() {
        let Some(c) = char::from_u32(u) else { continue };
        let want: String = c.to_string().nfkc().collect();
        let got = folded(c);
        if got == want {
            checked += 1;
            continue;
        }
        assert!(
            departs(u),
            "U+{:04X} {:?} folds to {:?} but NFKC gives {:?}, and DEPARTURES does not list it",
            u,
            c,
            got,
            want
        );
        departed += 1;
    }
    assert!(checked > 1000 && departed > 100, "{} agree, {} depart", checked, departed);
    // Each departure range is used: no stale entry.
    for &(a, b, what, _) in DEPARTURES {
        let used = (a..=b).filter_map(char::from_u32).any(|c| folded(c) != c.to_string().nfkc().collect::<String>());
        assert!(used, "DEPARTURES U+{:04X}–{:04X} ({}) departs nowhere", a, b, what);
    }
}

#[test]
fn voicing_is_nfc_composition() {
    for u in 0x3041..=0x30FF {
        let Some(c) = char::from_u32(u) else { continue };
        let (v, s) = voiced(c);
        for (mark, mine) in [('\u{3099}', v), ('\u{309A}', s)] {
            let composed: String = [c, mark].iter().collect::<String>().nfc().collect();
            let nfc = (composed.chars().count() == 1).then(|| composed.chars().next().unwrap());
            assert_eq!(mine, nfc, "{} + U+{:04X}", c, mark as u32);
        }
    }
}
