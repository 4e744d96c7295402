//! Japanese text folding with an offset map back to the caller's UTF-16 text.
//! (Stub: identity mapping; replaced by the real folding.)

/// The normalised text and the map from its byte offsets to UTF-16 code
/// units of the original input.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// For each char of `text`: (byte offset in `text`, UTF-16 start, UTF-16 end) in the original.
    map: Vec<(u32, u32, u32)>,
    len16: u32,
}

impl Normalized {
    pub fn new(input: &str) -> Normalized {
        let mut map = Vec::with_capacity(input.len());
        let mut u16pos = 0u32;
        let mut text = String::with_capacity(input.len());
        for c in input.chars() {
            let w = c.len_utf16() as u32;
            map.push((text.len() as u32, u16pos, u16pos + w));
            text.push(c.to_ascii_lowercase());
            u16pos += w;
        }
        Normalized { text, map, len16: u16pos }
    }

    /// UTF-16 length of the original input.
    pub fn len16(&self) -> u32 {
        self.len16
    }

    /// Maps the byte range `start..end` of `text` (char boundaries, start < end)
    /// to the UTF-16 range of the original text it came from.
    pub fn span16(&self, start: usize, end: usize) -> (u32, u32) {
        let i = self.map.partition_point(|m| (m.0 as usize) <= start).saturating_sub(1);
        let j = self.map.partition_point(|m| (m.0 as usize) < end).saturating_sub(1);
        (self.map[i].1, self.map[j].2.max(self.map[i].1))
    }
}
