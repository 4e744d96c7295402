//! Japanese text folding with an offset map back to the caller's UTF-16 text.
//!
//! [`Normalized::new`] folds the text the rules run on and remembers, for
//! every char of the folded text, which UTF-16 code units of the original
//! input it came from, so evidence found in the folded text can be reported
//! with offsets into the caller's string (JS `input.slice(start, end)`).
//!
//! Folding, char by char:
//! - full-width ASCII U+FF01–FF5E → ASCII; ASCII letters → lower case;
//! - U+3000, NBSP, U+2000–200A, U+202F, U+205F, U+1680 → ' '; other
//!   control chars (not `\n`, `\t`, `\r`) → ' '; `\r\n`, `\r`, U+0085,
//!   U+2028, U+2029 → `\n`;
//! - half-width katakana and punctuation U+FF61–FF9F → full-width; a
//!   following ﾞ/ﾟ (or a combining U+3099/U+309A) is composed with the kana
//!   before it into one char (ｶﾞ → ガ), which maps back to both chars;
//! - Kangxi radicals U+2F00–2FD5 and CJK compatibility ideographs
//!   U+F900–FAFF → their NFKC ideograph (generated tables); a few CJK
//!   radicals supplement forms that stand for a whole ideograph (⻘ → 青);
//! - ㈱ → (株) and the other parenthesised ideographs U+322A–3243, circled
//!   ideographs U+328A–32B0 (㊙ → 秘), era ligatures ㍻ ㍼ ㍽ ㍾ ㋿, ㍿ → 株式会社,
//!   ℡ → tel, № → no. Circled and parenthesised NUMBERS (①, ❶, ⑴, ㈠, ㊀)
//!   are kept as they are: NFKC would glue ①1,000件 into 11,000;
//! - dashes U+2010–2015, U+2212, U+FE58, U+FE63, U+FF0D → '-'; waves
//!   U+301C, U+FF5E, U+223C, U+2053 → '~' (ー U+30FC is kept);
//! - zero-width and format chars (U+200B–200F, U+2060–2064, U+FEFF, U+00AD,
//!   bidi controls, U+180E) are dropped; variation selectors are dropped
//!   and counted as part of the char before them.
//!
//! Layout:
//! - a run of spaces/tabs becomes one ' ', or nothing when it sits between
//!   two "joinable" chars: a run is dropped when at least one neighbour is
//!   CJK (ideograph, kana, CJK or full-width punctuation) or a digit and
//!   neither neighbour is a letter (ASCII or other alphabetic script). So
//!   "2 月 6 日" → "2月6日", "3, 137" → "3,137", "exchange online" stays and
//!   a space between a Latin word and CJK ("ppc に") is KEPT;
//! - spaces before a line break and at the end of the text are dropped;
//!   indentation at the start of a line is kept (as one ' ', the segmenter
//!   reads it as a list item); lines holding only spaces become empty;
//! - a single line break inside running CJK text is dropped (PDF
//!   hard-wrap), only in a text that looks hard-wrapped: a first pass
//!   measures every line in columns (CJK and full-width forms 2, others 1)
//!   and finds the wrap width W, the 4-column window of widths holding the
//!   most lines of at least [`MIN_WRAP_COLS`] columns, if it holds at least
//!   3 lines and a quarter of them. Notices that were not hard-wrapped have no W
//!   and keep all their line breaks. A break is then dropped when the line
//!   before it is at least W-3 columns wide, the char before it is a CJK
//!   letter or 、」』), the char after it is a CJK letter or 「『、。」』), the next line
//!   is not indented and does not start with a list marker (一、 ア. …), and
//!   the line before it, if it starts with a marker (■, 1., (1), ・, …),
//!   contains 、 or 。 (so headings like "■ 2. 影響について" keep their line
//!   break). In any text, hard-wrapped or not, a break that cannot end a
//!   line is dropped with the next line's indentation: the next line starts
//!   with a case particle, a small kana, ー, the ending of a verb or a topic
//!   は («侵入さ / れました»), the line ends in a case particle before a CJK
//!   letter («…に / 届け出»), a figure is split from its unit, or a line of
//!   at least 70 columns with a 、 breaks between two kana. Every other line
//!   break is kept as `\n`, blank lines included (spaces on them dropped).
//!
//! The map holds one entry per run of up to 32 chars that map one to one
//! onto consecutive original chars of the same UTF-16 width, and one entry
//! per other char, so it stays small for 10 MiB inputs.

use super::fold::{fold, voiced, Fold};

/// Narrowest wrap width (in columns) taken for a hard-wrapped text; lines
/// narrower than this do not count when looking for the wrap width.
const MIN_WRAP_COLS: u32 = 30;
/// Widest wrap width (in columns) taken for a hard-wrapped text (80
/// full-width chars); wider lines are unwrapped paragraphs.
const MAX_WRAP_COLS: u32 = 160;
/// Longest run of one-to-one chars behind one map entry.
const RUN: u32 = 32;
/// `Entry::e16` of an entry that starts a one-to-one run.
const SIMPLE: u32 = u32::MAX;

/// A map entry: the char at byte `byte` of `text` comes from UTF-16
/// `s16..e16` of the original, or starts a one-to-one run at `s16` when
/// `e16 == SIMPLE`.
#[derive(Debug, Clone, Copy)]
struct Entry {
    byte: u32,
    s16: u32,
    e16: u32,
}

/// The normalised text and the map from its byte offsets to UTF-16 code
/// units of the original input.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    map: Vec<Entry>,
    len16: u32,
}

impl Normalized {
    pub fn new(input: &str) -> Normalized {
        let mut layout = Layout::new(input.len(), wrap_width(input));
        let mut items = Folder::new(input).peekable();
        while let Some(it) = items.next() {
            let next = items.peek().map(|n| n.c);
            layout.push(it, next);
        }
        let b = layout.finish();
        Normalized { text: b.text, map: b.map, len16: sat32(input.encode_utf16().count()) }
    }

    /// UTF-16 length of the original input.
    pub fn len16(&self) -> u32 {
        self.len16
    }

    /// Maps the byte range `start..end` of `text` (char boundaries, start < end)
    /// to the UTF-16 range of the original text it came from.
    ///
    /// The result covers every original char that contributed to a char of
    /// the range, and whatever was dropped between them. Out-of-range or
    /// non-boundary offsets are clamped (a range that ends up empty covers
    /// the char at `start`); never panics. Empty text → (0, 0).
    pub fn span16(&self, start: usize, end: usize) -> (u32, u32) {
        let n = self.text.len();
        if n == 0 || self.map.is_empty() {
            return (0, 0);
        }
        let mut a = start.min(n - 1);
        while !self.text.is_char_boundary(a) {
            a -= 1;
        }
        let z = end.min(n).max(a + 1);
        let mut l = z - 1;
        while !self.text.is_char_boundary(l) {
            l -= 1;
        }
        let l = l.max(a);
        let (s, _) = self.range_at(a);
        let (_, e) = self.range_at(l);
        (s, e.max(s))
    }

    /// Original UTF-16 range of the char at byte `b` (a char boundary of a
    /// non-empty text).
    fn range_at(&self, b: usize) -> (u32, u32) {
        let k = self.map.partition_point(|m| m.byte as usize <= b).saturating_sub(1);
        let m = self.map[k];
        if m.e16 != SIMPLE {
            return (m.s16, m.e16);
        }
        let from = m.byte as usize;
        let mut pos = m.s16;
        for (i, ch) in self.text[from..].char_indices() {
            let w = ch.len_utf16() as u32;
            if from + i >= b {
                return (pos, pos + w);
            }
            pos += w;
        }
        (pos, pos)
    }
}

fn sat32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------
// Output with its map.

struct Builder {
    text: String,
    map: Vec<Entry>,
    /// Chars in the open one-to-one run (0: none open).
    run_len: u32,
    /// End (UTF-16) of the last char pushed.
    last_e: u32,
}

impl Builder {
    fn push(&mut self, c: char, s: u32, e: u32) {
        let byte = sat32(self.text.len());
        if e.wrapping_sub(s) == c.len_utf16() as u32 && e > s {
            if self.run_len > 0 && self.run_len < RUN && s == self.last_e {
                self.run_len += 1;
            } else {
                self.map.push(Entry { byte, s16: s, e16: SIMPLE });
                self.run_len = 1;
            }
        } else {
            self.map.push(Entry { byte, s16: s, e16: e });
            self.run_len = 0;
        }
        self.text.push(c);
        self.last_e = e;
    }
}

// ---------------------------------------------------------------------------
// Layout: spaces and line breaks.

/// A folded char with the original UTF-16 range it comes from.
#[derive(Debug, Clone, Copy)]
struct Item {
    c: char,
    s: u32,
    e: u32,
    /// Came from a full-width or compatibility form (（ → '(' is CJK
    /// punctuation for the space rule).
    wide: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// CJK letters and punctuation, full-width forms, digits.
    Strong,
    /// Other punctuation and symbols (',', '(', '■', '①', emoji, …).
    Weak,
    /// Letters of alphabetic scripts (ASCII or not).
    Letter,
}

fn class(c: char, wide: bool) -> Class {
    if c.is_ascii_alphabetic() {
        Class::Letter
    } else if c.is_ascii_digit() || is_cjk(c) || (wide && !c.is_alphanumeric()) {
        Class::Strong
    } else if c.is_alphabetic() {
        Class::Letter
    } else {
        Class::Weak
    }
}

/// Ideographs and kana (the letters of Japanese text).
fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32,
        0x3005..=0x3007            // 々 〆 〇
        | 0x3041..=0x3096 | 0x3099..=0x309F
        | 0x30A1..=0x30FA | 0x30FC..=0x30FF
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x20000..=0x3FFFF)
}

/// CJK letters, CJK symbols and punctuation, half/full-width forms,
/// radicals, enclosed CJK and compatibility blocks.
fn is_cjk(c: char) -> bool {
    is_cjk_letter(c)
        || matches!(c as u32, 0x2E80..=0x2FDF | 0x3000..=0x303F | 0x30A0 | 0x30FB | 0x3200..=0x33FF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

/// Display columns of a folded char: 2 for CJK and full-width forms.
fn cols(it: &Item) -> u32 {
    if it.wide || is_cjk(it.c) {
        2
    } else {
        1
    }
}

/// The wrap width of a hard-wrapped text, in columns, or `None` when the
/// text does not look hard-wrapped (see the module doc).
fn wrap_width(input: &str) -> Option<u32> {
    let mut hist = vec![0u32; MAX_WRAP_COLS as usize + 1];
    let mut w = 0u32;
    let mut record = |w: u32| {
        if w >= MIN_WRAP_COLS {
            hist[w.min(MAX_WRAP_COLS) as usize] += 1;
        }
    };
    for it in Folder::new(input) {
        match it.c {
            '\n' => {
                record(w);
                w = 0;
            }
            ' ' | '\t' => {}
            _ => w = w.saturating_add(cols(&it)),
        }
    }
    record(w);
    let long: u32 = hist.iter().sum();
    let mut best = (0u32, 0u32);
    for top in MIN_WRAP_COLS..MAX_WRAP_COLS {
        let n: u32 = hist[(top - 3) as usize..=top as usize].iter().sum();
        if n >= best.1 {
            best = (top, n);
        }
    }
    if best.1 < 3 || best.1 * 4 < long {
        return None;
    }
    // The widest width in use inside the window.
    (best.0 - 3..=best.0).rev().find(|&w| hist[w as usize] > 0)
}

/// Whether a run of spaces between `a` and `b` is dropped.
fn drop_space(a: &Item, b: &Item) -> bool {
    let (x, y) = (class(a.c, a.wide), class(b.c, b.wide));
    x != Class::Letter && y != Class::Letter && (x == Class::Strong || y == Class::Strong)
}

/// Whether `c`, at the start of a line after `last`, can only go on the
/// word or phrase the line before broke off: a case particle, a small kana,
/// the prolonged sound mark, or the ending of a verb («しまし / た»).
fn continues_word(last: char, c: char) -> bool {
    matches!(c, 'を' | 'が' | 'に' | 'へ' | 'れ' | 'て' | 'っ' | 'ゃ' | 'ゅ' | 'ょ' | 'ん' | 'る' | 'ー' | 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ッ' | 'ャ' | 'ュ' | 'ョ')
        || (matches!(c, 'た' | 'す') && matches!(last, 'し' | 'っ' | 'れ' | 'い' | 'き' | 'ち' | 'み' | 'り' | 'ま' | 'せ' | 'け'))
}

/// 「…の被害 / はありません」: a topic particle after a noun, not a word
/// of its own (はじめに, はがき, はい).
fn continues_with_topic(c: char, next: Option<char>) -> bool {
    c == 'は' && !matches!(next, Some('じ' | 'が' | 'い' | 'や' | 'る' | 'な'))
}

/// A char that opens a list item or heading when it starts a line.
fn is_line_marker(c: char) -> bool {
    !(is_cjk_letter(c) || c.is_ascii_alphabetic() || matches!(c, '「' | '『')) || c == '第'
}

/// 「一、」「ア.」「イ)」: a kanji numeral or kana used as a list marker.
fn is_list_marker(c: char, next: Option<char>) -> bool {
    let numeral_or_kana = matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
        || matches!(c as u32, 0x3041..=0x3096 | 0x30A1..=0x30FA);
    numeral_or_kana && matches!(next, Some('、' | '.' | ')' | ':' | '．' | '）' | '」'))
}

fn extend(r: Option<(u32, u32)>, it: &Item) -> Option<(u32, u32)> {
    Some(r.map_or((it.s, it.e), |(s, _)| (s, it.e)))
}

struct Layout {
    out: Builder,
    /// Last char pushed to the output (' ' and '\n' included).
    last: Option<Item>,
    /// Pending spaces after the last visible char, before any line break.
    sp: Option<(u32, u32)>,
    /// A pending single line break.
    nl: Option<(u32, u32)>,
    /// Two or more line breaks in a row were seen (already pushed).
    blank: bool,
    /// Pending spaces after a line break: indentation.
    ind: Option<(u32, u32)>,
    /// Wrap width of a hard-wrapped text (see [`wrap_width`]).
    wrap: Option<u32>,
    /// Columns of the current line of the input (since the last line
    /// break, joined or not).
    src_cols: u32,
    /// The current output line: first visible char, has 、。, .
    line_first: Option<char>,
    line_punct: bool,
}

impl Layout {
    fn new(cap: usize, wrap: Option<u32>) -> Layout {
        Layout {
            out: Builder { text: String::with_capacity(cap), map: Vec::with_capacity(cap / 48 + 4), run_len: 0, last_e: 0 },
            last: None,
            sp: None,
            nl: None,
            blank: false,
            ind: None,
            wrap,
            src_cols: 0,
            line_first: None,
            line_punct: false,
        }
    }

    fn emit(&mut self, c: char, (s, e): (u32, u32), wide: bool) {
        self.out.push(c, s, e);
        self.last = Some(Item { c, s, e, wide });
        if c == '\n' {
            self.line_first = None;
            self.line_punct = false;
        } else {
            if self.line_first.is_none() && c != ' ' {
                self.line_first = Some(c);
            }
            if matches!(c, '、' | '。' | ',') {
                self.line_punct = true;
            }
        }
    }

    /// Whether the pending single line break before `it` is a PDF wrap,
    /// or breaks a word: a line cannot start with a particle or the rest
    /// of a verb («侵入さ / れました», «パスワード / 　をリセット»), whatever
    /// the width of the lines and their indentation.
    fn wraps(&self, it: &Item, next: Option<char>) -> bool {
        let Some(last) = self.last else { return false };
        if is_cjk_letter(last.c) && (continues_word(last.c, it.c) || continues_with_topic(it.c, next)) {
            return true;
        }
        // «…JPCERT/CCに / 届け出ました»: a line cannot end in a case particle;
        // «(約1,900 / 件)»: nor a figure break from its unit.
        if (matches!(last.c, 'を' | 'が' | 'に' | 'へ' | 'で' | 'と' | 'の') && is_cjk_letter(it.c) && !is_list_marker(it.c, next))
            || (last.c.is_ascii_digit() && matches!(it.c, '件' | '名' | '人' | '万' | '千' | '億' | '円' | '世' | '通' | '枚' | '社'))
        {
            return true;
        }
        // «1万8,6 / 52件», «三十 / 八名分»: a figure broken off inside,
        // before a thousands group is complete or between kanji numerals.
        if self.breaks_figure(last.c, it.c, next) {
            return true;
        }
        // A long line of a sentence (35 full-width chars, with a comma) that
        // breaks off inside a kana word («…Excelファイ / ルを開き»), as a
        // narrow column copy does, even where the lines are too few or too
        // uneven to show a wrap width. (Between two kanji a line may as well
        // end a phrase: «…個人情報の一部 / 現時点で».)
        let kana = |c: char| matches!(c as u32, 0x3041..=0x3096 | 0x30A1..=0x30FA | 0x30FC);
        if kana(last.c) && kana(it.c) && self.ind.is_none() && self.line_punct && self.src_cols >= 70 && !is_list_marker(it.c, next) {
            return true;
        }
        // A line may end in a letter or punctuation that opens or closes
        // nothing, and the next one start with a letter or with what cannot
        // start a line (、。」) after naive wrapping.
        let before_ok = is_cjk_letter(last.c) || matches!(last.c, '、' | '」' | '』' | ')');
        let after_ok = is_cjk_letter(it.c) || matches!(it.c, '「' | '『' | '、' | '。' | '」' | '』' | ')');
        let marked = self.line_first.is_some_and(is_line_marker);
        before_ok
            && after_ok
            && self.ind.is_none()
            && !is_list_marker(it.c, next)
            && self.wrap.is_some_and(|w| self.src_cols + 3 >= w)
            && (!marked || self.line_punct)
    }

    fn breaks_figure(&self, last: char, c: char, next: Option<char>) -> bool {
        let numeral = |c: char| matches!(c, '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千');
        if numeral(last) && numeral(c) {
            return !is_list_marker(c, next);
        }
        if !(last.is_ascii_digit() && c.is_ascii_digit()) {
            return false;
        }
        // The digits after the last comma: one or two, so the group goes on.
        let tail = self.out.text.as_bytes();
        let digits = tail.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        (1..=2).contains(&digits) && tail.len() > digits && tail[tail.len() - digits - 1] == b','
    }

    fn push(&mut self, it: Item, next: Option<char>) {
        match it.c {
            ' ' | '\t' => {
                if self.nl.is_some() || self.blank {
                    self.ind = extend(self.ind, &it);
                } else {
                    self.sp = extend(self.sp, &it);
                }
            }
            '\n' => {
                self.sp = None;
                self.ind = None;
                if self.blank {
                    self.emit('\n', (it.s, it.e), false);
                } else if let Some(r) = self.nl.take() {
                    self.emit('\n', r, false);
                    self.emit('\n', (it.s, it.e), false);
                    self.blank = true;
                } else {
                    self.nl = Some((it.s, it.e));
                }
            }
            _ => {
                if let Some(r) = self.nl {
                    let wraps = self.wraps(&it, next);
                    self.src_cols = 0;
                    if !wraps {
                        self.emit('\n', r, false);
                        if let Some(i) = self.ind {
                            self.emit(' ', i, false);
                        }
                    }
                    self.nl = None;
                    self.ind = None;
                } else if self.blank {
                    self.src_cols = 0;
                    if let Some(i) = self.ind.take() {
                        self.emit(' ', i, false);
                    }
                    self.blank = false;
                } else if let Some(r) = self.sp.take() {
                    let keep = match &self.last {
                        None => true,
                        Some(l) => l.c == '\n' || !drop_space(l, &it),
                    };
                    if keep {
                        self.emit(' ', r, false);
                    }
                }
                // Spaces do not count: a line's width is its visible chars.
                self.src_cols = self.src_cols.saturating_add(cols(&it));
                self.emit(it.c, (it.s, it.e), it.wide);
            }
        }
    }

    fn finish(mut self) -> Builder {
        if let Some(r) = self.nl.take() {
            self.emit('\n', r, false);
        }
        self.out
    }
}

// ---------------------------------------------------------------------------
// Folding, char by char.

struct Folder<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    /// UTF-16 offset of the next char of `chars`.
    pos: u32,
    /// Rest of a multi-char expansion and the range it maps to.
    many: Option<(std::str::Chars<'static>, u32, u32)>,
}

impl<'a> Folder<'a> {
    fn new(input: &'a str) -> Folder<'a> {
        Folder { chars: input.chars().peekable(), pos: 0, many: None }
    }

    fn take(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        self.pos = self.pos.saturating_add(c.len_utf16() as u32);
        Some(c)
    }
}

impl Iterator for Folder<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some((rest, s, e)) = &mut self.many {
            if let Some(c) = rest.next() {
                return Some(Item { c, s: *s, e: *e, wide: true });
            }
            self.many = None;
        }
        loop {
            let s = self.pos;
            let c = self.take()?;
            let (mut ch, wide) = match fold(c) {
                Fold::Drop => continue,
                Fold::Many(m) => {
                    let mut rest = m.chars();
                    let first = rest.next()?;
                    self.many = Some((rest, s, self.pos));
                    return Some(Item { c: first, s, e: self.pos, wide: true });
                }
                Fold::One(ch, wide) => (ch, wide),
            };
            if c == '\r' && self.chars.peek() == Some(&'\n') {
                self.take();
            }
            // Marks that belong to this char: voicing marks that compose
            // with it, variation selectors.
            while let Some(&n) = self.chars.peek() {
                let composed = match n {
                    '\u{FF9E}' | '\u{3099}' => voiced(ch).0,
                    '\u{FF9F}' | '\u{309A}' => voiced(ch).1,
                    '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => Some(ch),
                    _ => None,
                };
                match composed {
                    Some(v) => {
                        ch = v;
                        self.take();
                    }
                    None => break,
                }
            }
            return Some(Item { c: ch, s, e: self.pos, wide });
        }
    }
}

#[cfg(test)]
mod tests;
