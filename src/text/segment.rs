//! Splits normalised text into segments: sentences (ended by 。!?) and lines.
//! Scope decisions (negation, advice, data context) are taken per segment.

use crate::rules::limits::MAX_SEGMENT_BYTES;

/// How a segment sits in the layout of the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Running text.
    Sentence,
    /// A short whole line that opens a section: "3.原因", "■経緯", "事案概要".
    Heading,
    /// A list item or sub-heading: "・氏名", "(1)会員情報", "①…", an indented line.
    Item,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
}

fn is_item_marker(c: char) -> bool {
    matches!(
        c,
        '・' | '•' | '⚫' | '●' | '○' | '-' | '*' | '※' | '(' | '「' | '>' | '▶' | '▸' | '◦' | '‣' | '·'
    ) || ('\u{2460}'..='\u{2473}').contains(&c)
        || ('\u{2776}'..='\u{2793}').contains(&c)
}

fn is_heading_marker(c: char) -> bool {
    matches!(c, '■' | '□' | '◆' | '◇' | '◎' | '【' | '<' | '〈' | '《' | '▼' | '▽' | '★' | '☆' | '第')
}

/// Classifies a whole line (already trimmed of the line break).
fn line_shape(line: &str, indented: bool) -> Shape {
    let t = line.trim_start();
    let chars = t.chars().count();
    let first = t.chars().next().unwrap_or(' ');
    let ends_sentence = t.trim_end().ends_with('。');
    if indented || is_item_marker(first) {
        return Shape::Item;
    }
    if is_heading_marker(first) && chars <= 60 {
        return Shape::Heading;
    }
    if first.is_ascii_digit() && chars <= 60 && !ends_sentence {
        // "3.原因", "2 漏えいした情報" — but not a date line "2024年…" or a figure.
        let rest: String = t.chars().skip_while(|c| c.is_ascii_digit()).take(1).collect();
        // «2端末の保護状況»: the normaliser drops the space after a section
        // number; a figure with a unit or a date («2024年», «41名») is no heading.
        let figure = rest.chars().next().is_some_and(|c| "年月日時分秒件名人社歳才万億千百円%:~-/".contains(c));
        if !figure {
            return Shape::Heading;
        }
        return Shape::Item;
    }
    // A short bare line is a heading, unless it states a figure («企業 591 社分»).
    if !ends_sentence && chars <= 24 && !t.contains('、') && !t.chars().any(|c| c.is_ascii_digit()) {
        return Shape::Heading;
    }
    Shape::Sentence
}

/// Splits `text` into non-empty segments. Sentence ends (。!?) close a
/// segment; so does every line break; and a run longer than
/// `MAX_SEGMENT_BYTES` without either is cut into pieces of at most that
/// many bytes (at a 、 or a space near the limit when there is one), so that
/// every search of a cue covers a bounded span.
pub(crate) fn split(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let bytes = text.as_bytes();
    while line_start <= text.len() {
        let line_end = memchr_nl(bytes, line_start).unwrap_or(text.len());
        let line = &text[line_start..line_end];
        if !line.trim().is_empty() {
            let indented = line.starts_with(' ') || line.starts_with('\t');
            let shape = line_shape(line, indented);
            // Only the first segment of a line can be a heading or an item;
            // the sentences after it on the same line are running text.
            let mut seg_start = line_start;
            let mut shape_now = shape;
            for (i, c) in line.char_indices() {
                if matches!(c, '。' | '!' | '?') {
                    let end = line_start + i + c.len_utf8();
                    if push(&mut out, text, seg_start, end, shape_now) {
                        shape_now = Shape::Sentence;
                    }
                    seg_start = end;
                }
            }
            push(&mut out, text, seg_start, line_end, shape_now);
        }
        if line_end >= text.len() {
            break;
        }
        line_start = line_end + 1;
    }
    out
}

fn memchr_nl(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..].iter().position(|&b| b == b'\n').map(|p| p + from)
}

/// Pushes the trimmed segment if it is not blank (in pieces when it is
/// longer than `MAX_SEGMENT_BYTES`); tells whether it did.
fn push(out: &mut Vec<Segment>, text: &str, start: usize, end: usize, shape: Shape) -> bool {
    let s = &text[start..end];
    let mut a = start + (s.len() - s.trim_start().len());
    let b = start + s.trim_end().len();
    if b <= a {
        return false;
    }
    let mut shape = shape;
    while b - a > MAX_SEGMENT_BYTES {
        let cut = cut_point(text, a, a + MAX_SEGMENT_BYTES);
        out.push(Segment { start: a, end: cut, shape });
        shape = Shape::Sentence;
        a = cut;
    }
    out.push(Segment { start: a, end: b, shape });
    true
}

/// Where to end a piece of an over-long run that starts at `a`: after the
/// last 、 or space in the final eighth before `limit`, else at the last
/// char boundary before it.
fn cut_point(text: &str, a: usize, mut limit: usize) -> usize {
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut floor = (limit - MAX_SEGMENT_BYTES / 8).max(a);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    match text[floor..limit].rfind(['、', ' ']) {
        Some(i) => {
            let at = floor + i;
            at + text[at..].chars().next().map_or(1, char::len_utf8)
        }
        None => limit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(t: &str) -> Vec<(String, Shape)> {
        split(t).iter().map(|s| (t[s.start..s.end].to_string(), s.shape)).collect()
    }

    #[test]
    fn splits_sentences_and_lines() {
        let t = "概要\n当社は攻撃を受けました。調査中です。\n・氏名\n 対象:12名\n3.原因\n2024年5月1日、発覚";
        let s = shapes(t);
        assert_eq!(s[0], ("概要".into(), Shape::Heading));
        assert_eq!(s[1], ("当社は攻撃を受けました。".into(), Shape::Sentence));
        assert_eq!(s[2], ("調査中です。".into(), Shape::Sentence));
        assert_eq!(s[3], ("・氏名".into(), Shape::Item));
        assert_eq!(s[4], ("対象:12名".into(), Shape::Item));
        assert_eq!(s[5], ("3.原因".into(), Shape::Heading));
        assert_eq!(s[6].1, Shape::Item);
    }

    #[test]
    fn long_runs_are_cut_into_bounded_pieces() {
        let run = "あいうえお、".repeat(2000);
        let segs = split(&run);
        assert!(segs.len() > 1);
        let mut at = 0;
        for s in &segs {
            assert!(s.end - s.start <= MAX_SEGMENT_BYTES, "{} bytes", s.end - s.start);
            assert_eq!(s.start, at, "pieces are contiguous");
            assert!(run[s.start..s.end].ends_with('、') || s.end == run.len(), "cut after a 、");
            at = s.end;
        }
        assert_eq!(at, run.len());
        let plain = "a".repeat(10_000);
        let segs = split(&plain);
        assert_eq!(segs.len(), 3);
        assert!(segs.iter().all(|s| s.end - s.start <= MAX_SEGMENT_BYTES));
        // A short sentence is untouched.
        assert_eq!(split("短い文。").len(), 1);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split("\n\n  \n").is_empty());
    }
}
