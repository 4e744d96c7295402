//! The caller's text, addressed in UTF-16 code units (the offsets every
//! report gives): [`Original::slice`] is `input.slice(start, end)` in
//! JavaScript. A checkpoint every 64 characters keeps a lookup to a short
//! walk, for inputs of any size.

const STEP: usize = 64;

pub(crate) struct Original<'a> {
    text: &'a str,
    /// (UTF-16 offset, byte offset) of every STEP-th character.
    marks: Vec<(u32, usize)>,
}

impl<'a> Original<'a> {
    pub(crate) fn new(text: &'a str) -> Original<'a> {
        let mut marks = Vec::with_capacity(text.len() / STEP / 2 + 1);
        let mut unit = 0u32;
        for (k, (b, c)) in text.char_indices().enumerate() {
            if k % STEP == 0 {
                marks.push((unit, b));
            }
            unit = unit.saturating_add(c.len_utf16() as u32);
        }
        Original { text, marks }
    }

    /// The byte offset of UTF-16 offset `u` (the start of the character
    /// holding it; the end of the text beyond it).
    pub(crate) fn byte(&self, u: u32) -> usize {
        let i = self.marks.partition_point(|&(m, _)| m <= u);
        let Some(&(mut unit, mut b)) = i.checked_sub(1).and_then(|i| self.marks.get(i)) else { return 0 };
        for c in self.text[b..].chars() {
            let w = c.len_utf16() as u32;
            if unit + w > u {
                break;
            }
            unit += w;
            b += c.len_utf8();
        }
        b
    }

    /// The caller's whole text.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The text of UTF-16 `start..end`.
    pub(crate) fn slice(&self, start: u32, end: u32) -> &'a str {
        let (a, b) = (self.byte(start), self.byte(end));
        &self.text[a..b.max(a)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_utf16_offsets() {
        let s = "aあ😀b".repeat(100);
        let o = Original::new(&s);
        let u: Vec<u16> = s.encode_utf16().collect();
        for a in 0..u.len() {
            for b in [a, a + 1, a + 2, a + 5, u.len()] {
                let b = b.min(u.len());
                // offsets that split a surrogate pair round down
                let want = String::from_utf16_lossy(&u[a..b]);
                let got = o.slice(a as u32, b as u32);
                if !want.contains('\u{FFFD}') {
                    assert_eq!(got, want, "{}..{}", a, b);
                }
            }
        }
        assert_eq!(Original::new("").slice(0, 3), "");
    }
}
