//! Parsing of numbers as notices write them: "255,765", "25万5,765",
//! "1.5万", "2億3000万", "一万二千", "二〇二四".
//!
//! Grammar (on normalised text: ASCII digits, ',' and kanji numerals):
//!
//! ```text
//! number  := section (BIG section)* BIG?     BIG = 万 億 兆, strictly decreasing
//! section := term+                            a term per small unit 千 百 十,
//!                                             strictly decreasing
//! term    := digits SMALL? | SMALL            "3千", "千", "二百", "5"
//! digits  := arabic | kanji-digit+            "1,722,379", "1.5" (only before
//!                                             a multiplier), "二〇二四"
//! ```
//!
//! - A ',' is a thousands separator only when exactly three digits follow
//!   it ("12,34" → 12, stop before the comma).
//! - A '.' is a decimal point only when digits and then a multiplier
//!   (十 百 千 万 億 兆) follow it ("1.5万" → 15000); otherwise the number
//!   stops before it ("3.5" → 3). Fractions below one are dropped (floor).
//! - After a big unit, the next section must be smaller than that unit and
//!   be followed by a smaller big unit or nothing ("3万12345" → 30000, the
//!   rest is left; "1万2万" → 10000).
//! - Kanji digits written one by one are read positionally: "二〇二四" → 2024.
//! - The number never includes what follows it: "3万円" → (30000, len("3万")).
//! - Near misses: a leading 第/約/数 is not a number (`None`); the caller
//!   passes the position of the digit. A bare 一 (one kanji, nothing more)
//!   is NOT a number: 一部, お一人おひとり, 一件一件, 一時, 一切 are words, and a
//!   notice writes one person as 1名. Other lone kanji numerals that are
//!   part of a word ARE read: "二次" → (2, 3), "千葉" → (1000, 3),
//!   "十分" → (10, 3); the caller decides by the unit that follows. 万 or 億
//!   alone ("万一") is not a number.
//! - Overflow of u64 → `None`. Never panics; runs in time linear in the
//!   length of the number.

/// Fixed-point scale for decimal fractions: values are kept in millionths.
const SCALE: u128 = 1_000_000;
/// Decimal digits kept after the point (more are read and ignored).
const FRAC_DIGITS: u32 = 6;

/// Parses the number at the start of `s` (normalised text). Returns its value
/// and the number of bytes it spans, or `None` when `s` does not start with one.
pub fn parse_number(s: &str) -> Option<(u64, usize)> {
    let b = s.as_bytes();
    let mut total: u128 = 0;
    let mut pos = 0usize;
    // The last big unit used (万 = 10^4, …); sections after it must stay below it.
    let mut last_big: Option<u128> = None;
    while let Some((value, len)) = section(s, pos).ok()? {
        let after = pos + len;
        let big = big_unit(s, after);
        match (big, last_big) {
            (Some((m, ml)), None) => {
                total = total.checked_add(value.checked_mul(m)?)?;
                last_big = Some(m);
                pos = after + ml;
            }
            (Some((m, ml)), Some(prev)) if m < prev && value < prev * SCALE / m => {
                total = total.checked_add(value.checked_mul(m)?)?;
                last_big = Some(m);
                pos = after + ml;
            }
            (None, None) => {
                total = value;
                pos = after;
                break;
            }
            (None, Some(prev)) if value < prev * SCALE => {
                total = total.checked_add(value)?;
                pos = after;
                break;
            }
            _ => break,
        }
        if pos >= b.len() {
            break;
        }
    }
    // A bare 一 is a word part far more often than a figure: 一部, 一人ひとり,
    // 一件, 一時, 一方, 一切.
    if pos == 0 || &s[..pos] == "一" {
        return None;
    }
    u64::try_from(total / SCALE).ok().map(|v| (v, pos))
}

/// A big unit (万 億 兆) at `pos`: its value and byte length.
fn big_unit(s: &str, pos: usize) -> Option<(u128, usize)> {
    match s.get(pos..)?.chars().next()? {
        '万' => Some((10_000, 3)),
        '億' => Some((100_000_000, 3)),
        '兆' => Some((1_000_000_000_000, 3)),
        _ => None,
    }
}

/// A small unit (十 百 千) at `pos`: its value and byte length.
fn small_unit(s: &str, pos: usize) -> Option<(u128, usize)> {
    match s.get(pos..)?.chars().next()? {
        '十' => Some((10, 3)),
        '百' => Some((100, 3)),
        '千' => Some((1_000, 3)),
        _ => None,
    }
}

fn kanji_digit(c: char) -> Option<u128> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_multiplier(s: &str, pos: usize) -> bool {
    small_unit(s, pos).is_some() || big_unit(s, pos).is_some()
}

/// A section below the next big unit: "3000", "二千三百", "3千5百", "1.5".
/// `Ok(None)`: no section at `pos`; `Err(())`: overflow. Values are scaled
/// by `SCALE`.
fn section(s: &str, pos: usize) -> Result<Option<(u128, usize)>, ()> {
    let mut acc: u128 = 0;
    let mut p = pos;
    // The last small unit used in this section.
    let mut last_small: Option<u128> = None;
    loop {
        let digits = digits(s, p)?;
        let q = digits.map_or(p, |(_, l)| p + l);
        match small_unit(s, q) {
            Some((m, ml)) if last_small.is_none_or(|prev| m < prev) => {
                let d = digits.map_or(SCALE, |(v, _)| v);
                acc = acc.checked_add(d.checked_mul(m).ok_or(())?).ok_or(())?;
                last_small = Some(m);
                p = q + ml;
            }
            _ => {
                // Digits with no small unit end the section ("二十三": 三;
                // "5,765"). Units only count if nothing bigger came before
                // ("二十五" ok, "二十三十" stops after 三).
                if let Some((v, _)) = digits {
                    if last_small.is_none_or(|prev| v < prev * SCALE) {
                        acc = acc.checked_add(v).ok_or(())?;
                        p = q;
                    }
                }
                break;
            }
        }
    }
    Ok(if p == pos { None } else { Some((acc, p - pos)) })
}

/// Digits at `pos`: arabic (with separators and a decimal part before a
/// multiplier) or kanji digits read one by one. Scaled by `SCALE`.
fn digits(s: &str, pos: usize) -> Result<Option<(u128, usize)>, ()> {
    let b = s.as_bytes();
    let Some(&first) = b.get(pos) else { return Ok(None) };
    if first.is_ascii_digit() {
        let mut v: u128 = 0;
        let mut p = pos;
        while p < b.len() {
            if b[p].is_ascii_digit() {
                v = v.checked_mul(10).and_then(|v| v.checked_add(u128::from(b[p] - b'0'))).ok_or(())?;
                // Keep the integer part within u64 range times the largest
                // unit; anything longer overflows the result anyway.
                if v > u128::from(u64::MAX) {
                    return Err(());
                }
                p += 1;
            } else if b[p] == b',' && three_digits(b, p + 1) {
                p += 1;
            } else {
                break;
            }
        }
        let mut v = v * SCALE;
        // Decimal part, only before a multiplier.
        if b.get(p) == Some(&b'.') && b.get(p + 1).is_some_and(u8::is_ascii_digit) {
            let mut q = p + 1;
            while q < b.len() && b[q].is_ascii_digit() {
                q += 1;
            }
            if is_multiplier(s, q) {
                let mut frac: u128 = 0;
                let mut scale = SCALE;
                for &d in b[p + 1..q].iter().take(FRAC_DIGITS as usize) {
                    scale /= 10;
                    frac += u128::from(d - b'0') * scale;
                }
                v += frac;
                p = q;
            }
        }
        return Ok(Some((v, p - pos)));
    }
    let Some(rest) = s.get(pos..) else { return Ok(None) };
    let mut v: u128 = 0;
    let mut p = pos;
    for c in rest.chars() {
        let Some(d) = kanji_digit(c) else { break };
        v = v.checked_mul(10).and_then(|v| v.checked_add(d)).ok_or(())?;
        if v > u128::from(u64::MAX) {
            return Err(());
        }
        p += c.len_utf8();
    }
    Ok(if p == pos { None } else { Some((v * SCALE, p - pos)) })
}

/// Exactly three ASCII digits at `p`, not followed by a fourth.
fn three_digits(b: &[u8], p: usize) -> bool {
    b.len() >= p + 3 && b[p..p + 3].iter().all(u8::is_ascii_digit) && !b.get(p + 3).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected value, expected consumed text).
    const CASES: &[(&str, Option<(u64, &str)>)] = &[
        // Arabic digits and separators.
        ("0", Some((0, "0"))),
        ("7", Some((7, "7"))),
        ("255,765", Some((255_765, "255,765"))),
        ("16,347件", Some((16_347, "16,347"))),
        ("1,722,379名", Some((1_722_379, "1,722,379"))),
        ("12,34", Some((12, "12"))),
        ("12,3456", Some((12, "12"))),
        ("12,", Some((12, "12"))),
        ("1,000,", Some((1_000, "1,000"))),
        ("1,000,00", Some((1_000, "1,000"))),
        ("3,137名分", Some((3_137, "3,137"))),
        ("2024年", Some((2_024, "2024"))),
        ("007", Some((7, "007"))),
        // Decimal point only before a multiplier.
        ("3.5", Some((3, "3"))),
        ("3.5%", Some((3, "3"))),
        ("3.", Some((3, "3"))),
        ("1.5万", Some((15_000, "1.5万"))),
        ("1.5万件", Some((15_000, "1.5万"))),
        ("1.25万", Some((12_500, "1.25万"))),
        ("2.5億", Some((250_000_000, "2.5億"))),
        ("1.5千", Some((1_500, "1.5千"))),
        ("1.5千万", Some((15_000_000, "1.5千万"))),
        ("0.5万", Some((5_000, "0.5万"))),
        ("1.23456万", Some((12_345, "1.23456万"))),
        // Big units.
        ("3万", Some((30_000, "3万"))),
        ("3万円", Some((30_000, "3万"))),
        ("793万", Some((7_930_000, "793万"))),
        ("793万件", Some((7_930_000, "793万"))),
        ("25万5,765", Some((255_765, "25万5,765"))),
        ("25万5,765件", Some((255_765, "25万5,765"))),
        ("2億3000万", Some((230_000_000, "2億3000万"))),
        ("2億3,000万人", Some((230_000_000, "2億3,000万"))),
        ("1億2千万3百", Some((120_000_300, "1億2千万3百"))),
        ("3千万", Some((30_000_000, "3千万"))),
        ("1兆", Some((1_000_000_000_000, "1兆"))),
        ("3万12345", Some((30_000, "3万"))),
        ("1万2万", Some((10_000, "1万"))),
        ("1万1億", Some((10_000, "1万"))),
        ("5億1万", Some((500_010_000, "5億1万"))),
        // Small units with arabic digits.
        ("3千", Some((3_000, "3千"))),
        ("3千人", Some((3_000, "3千"))),
        ("3千5百", Some((3_500, "3千5百"))),
        ("3百千", Some((300, "3百"))),
        // Kanji numerals.
        ("一万二千", Some((12_000, "一万二千"))),
        ("二十三", Some((23, "二十三"))),
        ("二十三名", Some((23, "二十三"))),
        ("三千", Some((3_000, "三千"))),
        ("百", Some((100, "百"))),
        ("十", Some((10, "十"))),
        ("千", Some((1_000, "千"))),
        ("千件", Some((1_000, "千"))),
        ("百二十", Some((120, "百二十"))),
        ("千九百八十四", Some((1_984, "千九百八十四"))),
        ("三千五百万", Some((35_000_000, "三千五百万"))),
        ("一億二千三百四十五万六千七百八十九", Some((123_456_789, "一億二千三百四十五万六千七百八十九"))),
        ("十万", Some((100_000, "十万"))),
        ("二〇二四", Some((2_024, "二〇二四"))),
        ("二〇二四年", Some((2_024, "二〇二四"))),
        ("〇", Some((0, "〇"))),
        ("二十三十", Some((23, "二十三"))),
        ("十十", Some((10, "十"))),
        // Mixed.
        ("1万二千", Some((12_000, "1万二千"))),
        ("3五", Some((3, "3"))),
        // Near misses: the caller checks the unit after the number.
        ("一部", None),
        ("一人ひとり", None),
        ("一", None),
        ("一万", Some((10_000, "一万"))),
        ("一〇", Some((10, "一〇"))),
        ("十一", Some((11, "十一"))),
        ("一千", Some((1_000, "一千"))),
        ("二次", Some((2, "二"))),
        ("千葉県", Some((1_000, "千"))),
        ("第3", None),
        ("約3万", None),
        ("数千件", None),
        ("万一", None),
        ("億", None),
        ("", None),
        (",000", None),
        (".5万", None),
        ("円", None),
        ("①1,000件", None),
        ("a1", None),
        // Overflow.
        ("18446744073709551615", Some((u64::MAX, "18446744073709551615"))),
        ("18446744073709551616", None),
        ("99999999999999999999999999999999999999999", None),
        ("18446744073709551615万", None),
        ("2000兆", Some((2_000_000_000_000_000, "2000兆"))),
        ("20000000兆", None),
        ("九九九九九九九九九九九九九九九九九九九九九", None),
    ];

    #[test]
    fn table() {
        for &(input, want) in CASES {
            let got = parse_number(input);
            let want = want.map(|(v, t)| (v, t.len()));
            assert_eq!(got, want, "parse_number({input:?})");
            if let Some((_, n)) = got {
                assert!(input.is_char_boundary(n), "{input:?}");
            }
        }
    }

    #[test]
    fn long_inputs_do_not_panic() {
        let s = "1,000 ".repeat(100_000);
        assert_eq!(parse_number(&s), Some((1_000, 5)));
        // "1,0001,000…": the comma is followed by four digits.
        let s = "1,000".repeat(100_000);
        assert_eq!(parse_number(&s), Some((1, 1)));
        let s = "9".repeat(1 << 20);
        assert_eq!(parse_number(&s), None);
        let s = "〇".repeat(1 << 16);
        assert_eq!(parse_number(&s), Some((0, s.len())));
        let s = "一十".repeat(1000);
        assert_eq!(parse_number(&s), Some((11, "一十一".len())));
        for s in ["万", "万万", "1万万", "1..5万", "1.万", "1,,000", "\u{0}", "十百千万億兆"] {
            let _ = parse_number(s);
        }
        assert_eq!(parse_number("十百千万億兆"), Some((10, 3)));
    }
}
