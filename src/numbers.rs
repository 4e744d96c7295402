//! Parsing of numbers as notices write them. (Stub: ASCII digits and commas only.)

/// Parses the number at the start of `s` (normalised text). Returns its value
/// and the number of bytes it spans, or `None` when `s` does not start with one.
pub fn parse_number(s: &str) -> Option<(u64, usize)> {
    let mut v: u64 = 0;
    let mut n = 0;
    for (i, c) in s.char_indices() {
        if let Some(d) = c.to_digit(10) {
            v = v.checked_mul(10)?.checked_add(d as u64)?;
            n = i + 1;
        } else if c == ',' && n > 0 {
            continue;
        } else {
            break;
        }
    }
    if n == 0 { None } else { Some((v, n)) }
}
