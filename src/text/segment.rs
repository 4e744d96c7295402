//! Splits normalised text into segments: sentences (ended by 。!?) and lines.
//! Scope decisions (negation, advice, data context) are taken per segment.

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
/// segment; so does every line break.
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

/// Pushes the trimmed segment if it is not blank; tells whether it did.
fn push(out: &mut Vec<Segment>, text: &str, start: usize, end: usize, shape: Shape) -> bool {
    let s = &text[start..end];
    let trimmed_start = start + (s.len() - s.trim_start().len());
    let trimmed_end = start + s.trim_end().len();
    if trimmed_end <= trimmed_start {
        return false;
    }
    out.push(Segment { start: trimmed_start, end: trimmed_end, shape });
    true
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
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split("\n\n  \n").is_empty());
    }
}
