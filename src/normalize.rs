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
//!   3 lines and 30% of them. Notices that were not hard-wrapped have no W
//!   and keep all their line breaks. A break is then dropped when the line
//!   before it is at least W-3 columns wide, the char before it is a CJK
//!   letter or 、」』), the char after it is a CJK letter or 「『、。」』), the next line
//!   is not indented and does not start with a list marker (一、 ア. …), and
//!   the line before it, if it starts with a marker (■, 1., (1), ・, …),
//!   contains 、 or 。 (so headings like "■ 2. 影響について" keep their line
//!   break). Every other line break is kept as `\n`, blank lines included
//!   (spaces on them dropped).
//!
//! The map holds one entry per run of up to 32 chars that map one to one
//! onto consecutive original chars of the same UTF-16 width, and one entry
//! per other char, so it stays small for 10 MiB inputs.

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
    if best.1 < 3 || best.1 * 10 < long * 3 {
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

    /// Whether the pending single line break before `it` is a PDF wrap.
    fn wraps(&self, it: &Item, next: Option<char>) -> bool {
        let Some(last) = self.last else { return false };
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

enum Fold {
    Drop,
    One(char, bool),
    Many(&'static str),
}

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

fn fold(c: char) -> Fold {
    use Fold::*;
    let u = c as u32;
    // Most of a notice: printable ASCII but capitals, CJK punctuation, kana
    // and kanji, which stay as they are (none of the cases below).
    if matches!(u, 0x20..=0x40 | 0x5B..=0x7E | 0x3001..=0x301B | 0x301D..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF) {
        return One(c, false);
    }
    match u {
        0x41..=0x5A => One(c.to_ascii_lowercase(), false),
        0x09 | 0x0A => One(c, false),
        0x0D => One('\n', false),
        0x00..=0x1F | 0x7F => One(' ', false),
        0x85 | 0x2028 | 0x2029 => One('\n', false),
        0x80..=0x9F => One(' ', false),
        0xA0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => One(' ', false),
        0xAD | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069 | 0xFEFF => Drop,
        // A variation selector that did not follow a char.
        0xFE00..=0xFE0F | 0xE0100..=0xE01EF => Drop,
        0xFF01..=0xFF5E => One(char::from_u32(u - 0xFEE0).unwrap_or(c).to_ascii_lowercase(), true),
        0xFF61..=0xFF9F => One(HALFWIDTH[(u - 0xFF61) as usize], true),
        0xFFE0 => One('¢', true),
        0xFFE1 => One('£', true),
        0xFFE2 => One('¬', true),
        0xFFE3 => One('¯', true),
        0xFFE4 => One('¦', true),
        0xFFE5 => One('¥', true),
        0xFFE6 => One('₩', true),
        0x2010..=0x2015 | 0x2212 | 0xFE58 | 0xFE63 => One('-', false),
        0x301C | 0x223C | 0x2053 => One('~', false),
        0x2F00..=0x2FD5 => One(KANGXI[(u - 0x2F00) as usize], true),
        0x2E80..=0x2EF3 => match radical_supplement(c) {
            Some(v) => One(v, true),
            None => One(c, false),
        },
        0xF900..=0xFAFF => match COMPAT.binary_search_by_key(&(u as u16), |&(k, _)| k) {
            Ok(i) => One(char::from_u32(COMPAT[i].1).unwrap_or(c), true),
            Err(_) => One(c, false),
        },
        0x322A..=0x3243 => Many(PAREN_IDEO[(u - 0x322A) as usize]),
        0x328A..=0x32B0 => One(CIRCLED_IDEO[(u - 0x328A) as usize], true),
        0x32FF => Many("令和"),
        0x337B => Many("平成"),
        0x337C => Many("昭和"),
        0x337D => Many("大正"),
        0x337E => Many("明治"),
        0x337F => Many("株式会社"),
        0x2121 => Many("tel"),
        0x2116 => Many("no"),
        _ => One(c, false),
    }
}

/// CJK radicals supplement forms that stand for a whole ideograph in text
/// copied out of PDFs (NFKC maps only ⺟ and ⻳). Chinese-only simplified
/// forms and component forms (⻏, ⺡, …) are left alone.
fn radical_supplement(c: char) -> Option<char> {
    Some(match c {
        '\u{2E9D}' => '月',
        '\u{2E9F}' => '母',
        '\u{2EA0}' => '民',
        '\u{2EC4}' => '西',
        '\u{2ED1}' => '長',
        '\u{2ED8}' => '青',
        '\u{2EDD}' | '\u{2EDF}' => '食',
        '\u{2EE3}' => '骨',
        '\u{2EE4}' => '鬼',
        '\u{2EE8}' => '麦',
        '\u{2EE9}' => '黄',
        '\u{2EEB}' => '斉',
        '\u{2EED}' => '歯',
        '\u{2EEF}' => '竜',
        '\u{2EF1}' => '龜',
        '\u{2EF2}' => '亀',
        '\u{2EF3}' => '龟',
        _ => return None,
    })
}

/// The voiced and semi-voiced forms of a kana (NFC composition with
/// U+3099 / U+309A).
fn voiced(c: char) -> (Option<char>, Option<char>) {
    let v = |x: char| (Some(x), None);
    match c {
        'う' => v('ゔ'),
        'か' => v('が'),
        'き' => v('ぎ'),
        'く' => v('ぐ'),
        'け' => v('げ'),
        'こ' => v('ご'),
        'さ' => v('ざ'),
        'し' => v('じ'),
        'す' => v('ず'),
        'せ' => v('ぜ'),
        'そ' => v('ぞ'),
        'た' => v('だ'),
        'ち' => v('ぢ'),
        'つ' => v('づ'),
        'て' => v('で'),
        'と' => v('ど'),
        'は' => (Some('ば'), Some('ぱ')),
        'ひ' => (Some('び'), Some('ぴ')),
        'ふ' => (Some('ぶ'), Some('ぷ')),
        'へ' => (Some('べ'), Some('ぺ')),
        'ほ' => (Some('ぼ'), Some('ぽ')),
        'ウ' => v('ヴ'),
        'カ' => v('ガ'),
        'キ' => v('ギ'),
        'ク' => v('グ'),
        'ケ' => v('ゲ'),
        'コ' => v('ゴ'),
        'サ' => v('ザ'),
        'シ' => v('ジ'),
        'ス' => v('ズ'),
        'セ' => v('ゼ'),
        'ソ' => v('ゾ'),
        'タ' => v('ダ'),
        'チ' => v('ヂ'),
        'ツ' => v('ヅ'),
        'テ' => v('デ'),
        'ト' => v('ド'),
        'ハ' => (Some('バ'), Some('パ')),
        'ヒ' => (Some('ビ'), Some('ピ')),
        'フ' => (Some('ブ'), Some('プ')),
        'ヘ' => (Some('ベ'), Some('ペ')),
        'ホ' => (Some('ボ'), Some('ポ')),
        'ワ' => v('ヷ'),
        'ヰ' => v('ヸ'),
        'ヱ' => v('ヹ'),
        'ヲ' => v('ヺ'),
        'ゝ' => v('ゞ'),
        'ヽ' => v('ヾ'),
        _ => (None, None),
    }
}

// ---------------------------------------------------------------------------
// Fact tables (generated with Python's unicodedata.normalize('NFKC', …)).

/// U+FF61–FF9F (ﾞ ﾟ standing alone become the spacing ゛ ゜).
const HALFWIDTH: [char; 63] = [
    '。','「','」','、','・','ヲ','ァ','ィ','ゥ','ェ','ォ','ャ','ュ','ョ','ッ','ー',
    'ア','イ','ウ','エ','オ','カ','キ','ク','ケ','コ','サ','シ','ス','セ','ソ','タ',
    'チ','ツ','テ','ト','ナ','ニ','ヌ','ネ','ノ','ハ','ヒ','フ','ヘ','ホ','マ','ミ',
    'ム','メ','モ','ヤ','ユ','ヨ','ラ','リ','ル','レ','ロ','ワ','ン','゛','゜',
];

const PAREN_IDEO: [&str; 26] = ["(月)", "(火)", "(水)", "(木)", "(金)", "(土)", "(日)", "(株)", "(有)", "(社)", "(名)", "(特)", "(財)", "(祝)", "(労)", "(代)", "(呼)", "(学)", "(監)", "(企)", "(資)", "(協)", "(祭)", "(休)", "(自)", "(至)"];

const CIRCLED_IDEO: [char; 39] = ['月', '火', '水', '木', '金', '土', '日', '株', '有', '社', '名', '特', '財', '祝', '労', '秘', '男', '女', '適', '優', '印', '注', '項', '休', '写', '正', '上', '中', '下', '左', '右', '医', '宗', '学', '監', '企', '資', '協', '夜'];

// Kangxi radicals U+2F00–2FD5.
const KANGXI: [char; 214] = [
    '一','丨','丶','丿','乙','亅','二','亠','人','儿','入','八','冂','冖','冫','几',
    '凵','刀','力','勹','匕','匚','匸','十','卜','卩','厂','厶','又','口','囗','土',
    '士','夂','夊','夕','大','女','子','宀','寸','小','尢','尸','屮','山','巛','工',
    '己','巾','干','幺','广','廴','廾','弋','弓','彐','彡','彳','心','戈','戶','手',
    '支','攴','文','斗','斤','方','无','日','曰','月','木','欠','止','歹','殳','毋',
    '比','毛','氏','气','水','火','爪','父','爻','爿','片','牙','牛','犬','玄','玉',
    '瓜','瓦','甘','生','用','田','疋','疒','癶','白','皮','皿','目','矛','矢','石',
    '示','禸','禾','穴','立','竹','米','糸','缶','网','羊','羽','老','而','耒','耳',
    '聿','肉','臣','自','至','臼','舌','舛','舟','艮','色','艸','虍','虫','血','行',
    '衣','襾','見','角','言','谷','豆','豕','豸','貝','赤','走','足','身','車','辛',
    '辰','辵','邑','酉','釆','里','金','長','門','阜','隶','隹','雨','靑','非','面',
    '革','韋','韭','音','頁','風','飛','食','首','香','馬','骨','高','髟','鬥','鬯',
    '鬲','鬼','魚','鳥','鹵','鹿','麥','麻','黃','黍','黑','黹','黽','鼎','鼓','鼠',
    '鼻','齊','齒','龍','龜','龠',
];

// CJK compatibility ideographs U+F900–FAFF that NFKC changes (sorted).
const COMPAT: [(u16, u32); 460] = [
    (0xF900, 0x8C48),(0xF901, 0x66F4),(0xF902, 0x8ECA),(0xF903, 0x8CC8),(0xF904, 0x6ED1),(0xF905, 0x4E32),
    (0xF906, 0x53E5),(0xF907, 0x9F9C),(0xF908, 0x9F9C),(0xF909, 0x5951),(0xF90A, 0x91D1),(0xF90B, 0x5587),
    (0xF90C, 0x5948),(0xF90D, 0x61F6),(0xF90E, 0x7669),(0xF90F, 0x7F85),(0xF910, 0x863F),(0xF911, 0x87BA),
    (0xF912, 0x88F8),(0xF913, 0x908F),(0xF914, 0x6A02),(0xF915, 0x6D1B),(0xF916, 0x70D9),(0xF917, 0x73DE),
    (0xF918, 0x843D),(0xF919, 0x916A),(0xF91A, 0x99F1),(0xF91B, 0x4E82),(0xF91C, 0x5375),(0xF91D, 0x6B04),
    (0xF91E, 0x721B),(0xF91F, 0x862D),(0xF920, 0x9E1E),(0xF921, 0x5D50),(0xF922, 0x6FEB),(0xF923, 0x85CD),
    (0xF924, 0x8964),(0xF925, 0x62C9),(0xF926, 0x81D8),(0xF927, 0x881F),(0xF928, 0x5ECA),(0xF929, 0x6717),
    (0xF92A, 0x6D6A),(0xF92B, 0x72FC),(0xF92C, 0x90CE),(0xF92D, 0x4F86),(0xF92E, 0x51B7),(0xF92F, 0x52DE),
    (0xF930, 0x64C4),(0xF931, 0x6AD3),(0xF932, 0x7210),(0xF933, 0x76E7),(0xF934, 0x8001),(0xF935, 0x8606),
    (0xF936, 0x865C),(0xF937, 0x8DEF),(0xF938, 0x9732),(0xF939, 0x9B6F),(0xF93A, 0x9DFA),(0xF93B, 0x788C),
    (0xF93C, 0x797F),(0xF93D, 0x7DA0),(0xF93E, 0x83C9),(0xF93F, 0x9304),(0xF940, 0x9E7F),(0xF941, 0x8AD6),
    (0xF942, 0x58DF),(0xF943, 0x5F04),(0xF944, 0x7C60),(0xF945, 0x807E),(0xF946, 0x7262),(0xF947, 0x78CA),
    (0xF948, 0x8CC2),(0xF949, 0x96F7),(0xF94A, 0x58D8),(0xF94B, 0x5C62),(0xF94C, 0x6A13),(0xF94D, 0x6DDA),
    (0xF94E, 0x6F0F),(0xF94F, 0x7D2F),(0xF950, 0x7E37),(0xF951, 0x964B),(0xF952, 0x52D2),(0xF953, 0x808B),
    (0xF954, 0x51DC),(0xF955, 0x51CC),(0xF956, 0x7A1C),(0xF957, 0x7DBE),(0xF958, 0x83F1),(0xF959, 0x9675),
    (0xF95A, 0x8B80),(0xF95B, 0x62CF),(0xF95C, 0x6A02),(0xF95D, 0x8AFE),(0xF95E, 0x4E39),(0xF95F, 0x5BE7),
    (0xF960, 0x6012),(0xF961, 0x7387),(0xF962, 0x7570),(0xF963, 0x5317),(0xF964, 0x78FB),(0xF965, 0x4FBF),
    (0xF966, 0x5FA9),(0xF967, 0x4E0D),(0xF968, 0x6CCC),(0xF969, 0x6578),(0xF96A, 0x7D22),(0xF96B, 0x53C3),
    (0xF96C, 0x585E),(0xF96D, 0x7701),(0xF96E, 0x8449),(0xF96F, 0x8AAA),(0xF970, 0x6BBA),(0xF971, 0x8FB0),
    (0xF972, 0x6C88),(0xF973, 0x62FE),(0xF974, 0x82E5),(0xF975, 0x63A0),(0xF976, 0x7565),(0xF977, 0x4EAE),
    (0xF978, 0x5169),(0xF979, 0x51C9),(0xF97A, 0x6881),(0xF97B, 0x7CE7),(0xF97C, 0x826F),(0xF97D, 0x8AD2),
    (0xF97E, 0x91CF),(0xF97F, 0x52F5),(0xF980, 0x5442),(0xF981, 0x5973),(0xF982, 0x5EEC),(0xF983, 0x65C5),
    (0xF984, 0x6FFE),(0xF985, 0x792A),(0xF986, 0x95AD),(0xF987, 0x9A6A),(0xF988, 0x9E97),(0xF989, 0x9ECE),
    (0xF98A, 0x529B),(0xF98B, 0x66C6),(0xF98C, 0x6B77),(0xF98D, 0x8F62),(0xF98E, 0x5E74),(0xF98F, 0x6190),
    (0xF990, 0x6200),(0xF991, 0x649A),(0xF992, 0x6F23),(0xF993, 0x7149),(0xF994, 0x7489),(0xF995, 0x79CA),
    (0xF996, 0x7DF4),(0xF997, 0x806F),(0xF998, 0x8F26),(0xF999, 0x84EE),(0xF99A, 0x9023),(0xF99B, 0x934A),
    (0xF99C, 0x5217),(0xF99D, 0x52A3),(0xF99E, 0x54BD),(0xF99F, 0x70C8),(0xF9A0, 0x88C2),(0xF9A1, 0x8AAA),
    (0xF9A2, 0x5EC9),(0xF9A3, 0x5FF5),(0xF9A4, 0x637B),(0xF9A5, 0x6BAE),(0xF9A6, 0x7C3E),(0xF9A7, 0x7375),
    (0xF9A8, 0x4EE4),(0xF9A9, 0x56F9),(0xF9AA, 0x5BE7),(0xF9AB, 0x5DBA),(0xF9AC, 0x601C),(0xF9AD, 0x73B2),
    (0xF9AE, 0x7469),(0xF9AF, 0x7F9A),(0xF9B0, 0x8046),(0xF9B1, 0x9234),(0xF9B2, 0x96F6),(0xF9B3, 0x9748),
    (0xF9B4, 0x9818),(0xF9B5, 0x4F8B),(0xF9B6, 0x79AE),(0xF9B7, 0x91B4),(0xF9B8, 0x96B8),(0xF9B9, 0x60E1),
    (0xF9BA, 0x4E86),(0xF9BB, 0x50DA),(0xF9BC, 0x5BEE),(0xF9BD, 0x5C3F),(0xF9BE, 0x6599),(0xF9BF, 0x6A02),
    (0xF9C0, 0x71CE),(0xF9C1, 0x7642),(0xF9C2, 0x84FC),(0xF9C3, 0x907C),(0xF9C4, 0x9F8D),(0xF9C5, 0x6688),
    (0xF9C6, 0x962E),(0xF9C7, 0x5289),(0xF9C8, 0x677B),(0xF9C9, 0x67F3),(0xF9CA, 0x6D41),(0xF9CB, 0x6E9C),
    (0xF9CC, 0x7409),(0xF9CD, 0x7559),(0xF9CE, 0x786B),(0xF9CF, 0x7D10),(0xF9D0, 0x985E),(0xF9D1, 0x516D),
    (0xF9D2, 0x622E),(0xF9D3, 0x9678),(0xF9D4, 0x502B),(0xF9D5, 0x5D19),(0xF9D6, 0x6DEA),(0xF9D7, 0x8F2A),
    (0xF9D8, 0x5F8B),(0xF9D9, 0x6144),(0xF9DA, 0x6817),(0xF9DB, 0x7387),(0xF9DC, 0x9686),(0xF9DD, 0x5229),
    (0xF9DE, 0x540F),(0xF9DF, 0x5C65),(0xF9E0, 0x6613),(0xF9E1, 0x674E),(0xF9E2, 0x68A8),(0xF9E3, 0x6CE5),
    (0xF9E4, 0x7406),(0xF9E5, 0x75E2),(0xF9E6, 0x7F79),(0xF9E7, 0x88CF),(0xF9E8, 0x88E1),(0xF9E9, 0x91CC),
    (0xF9EA, 0x96E2),(0xF9EB, 0x533F),(0xF9EC, 0x6EBA),(0xF9ED, 0x541D),(0xF9EE, 0x71D0),(0xF9EF, 0x7498),
    (0xF9F0, 0x85FA),(0xF9F1, 0x96A3),(0xF9F2, 0x9C57),(0xF9F3, 0x9E9F),(0xF9F4, 0x6797),(0xF9F5, 0x6DCB),
    (0xF9F6, 0x81E8),(0xF9F7, 0x7ACB),(0xF9F8, 0x7B20),(0xF9F9, 0x7C92),(0xF9FA, 0x72C0),(0xF9FB, 0x7099),
    (0xF9FC, 0x8B58),(0xF9FD, 0x4EC0),(0xF9FE, 0x8336),(0xF9FF, 0x523A),(0xFA00, 0x5207),(0xFA01, 0x5EA6),
    (0xFA02, 0x62D3),(0xFA03, 0x7CD6),(0xFA04, 0x5B85),(0xFA05, 0x6D1E),(0xFA06, 0x66B4),(0xFA07, 0x8F3B),
    (0xFA08, 0x884C),(0xFA09, 0x964D),(0xFA0A, 0x898B),(0xFA0B, 0x5ED3),(0xFA0C, 0x5140),(0xFA0D, 0x55C0),
    (0xFA10, 0x585A),(0xFA12, 0x6674),(0xFA15, 0x51DE),(0xFA16, 0x732A),(0xFA17, 0x76CA),(0xFA18, 0x793C),
    (0xFA19, 0x795E),(0xFA1A, 0x7965),(0xFA1B, 0x798F),(0xFA1C, 0x9756),(0xFA1D, 0x7CBE),(0xFA1E, 0x7FBD),
    (0xFA20, 0x8612),(0xFA22, 0x8AF8),(0xFA25, 0x9038),(0xFA26, 0x90FD),(0xFA2A, 0x98EF),(0xFA2B, 0x98FC),
    (0xFA2C, 0x9928),(0xFA2D, 0x9DB4),(0xFA2E, 0x90DE),(0xFA2F, 0x96B7),(0xFA30, 0x4FAE),(0xFA31, 0x50E7),
    (0xFA32, 0x514D),(0xFA33, 0x52C9),(0xFA34, 0x52E4),(0xFA35, 0x5351),(0xFA36, 0x559D),(0xFA37, 0x5606),
    (0xFA38, 0x5668),(0xFA39, 0x5840),(0xFA3A, 0x58A8),(0xFA3B, 0x5C64),(0xFA3C, 0x5C6E),(0xFA3D, 0x6094),
    (0xFA3E, 0x6168),(0xFA3F, 0x618E),(0xFA40, 0x61F2),(0xFA41, 0x654F),(0xFA42, 0x65E2),(0xFA43, 0x6691),
    (0xFA44, 0x6885),(0xFA45, 0x6D77),(0xFA46, 0x6E1A),(0xFA47, 0x6F22),(0xFA48, 0x716E),(0xFA49, 0x722B),
    (0xFA4A, 0x7422),(0xFA4B, 0x7891),(0xFA4C, 0x793E),(0xFA4D, 0x7949),(0xFA4E, 0x7948),(0xFA4F, 0x7950),
    (0xFA50, 0x7956),(0xFA51, 0x795D),(0xFA52, 0x798D),(0xFA53, 0x798E),(0xFA54, 0x7A40),(0xFA55, 0x7A81),
    (0xFA56, 0x7BC0),(0xFA57, 0x7DF4),(0xFA58, 0x7E09),(0xFA59, 0x7E41),(0xFA5A, 0x7F72),(0xFA5B, 0x8005),
    (0xFA5C, 0x81ED),(0xFA5D, 0x8279),(0xFA5E, 0x8279),(0xFA5F, 0x8457),(0xFA60, 0x8910),(0xFA61, 0x8996),
    (0xFA62, 0x8B01),(0xFA63, 0x8B39),(0xFA64, 0x8CD3),(0xFA65, 0x8D08),(0xFA66, 0x8FB6),(0xFA67, 0x9038),
    (0xFA68, 0x96E3),(0xFA69, 0x97FF),(0xFA6A, 0x983B),(0xFA6B, 0x6075),(0xFA6C, 0x242EE),(0xFA6D, 0x8218),
    (0xFA70, 0x4E26),(0xFA71, 0x51B5),(0xFA72, 0x5168),(0xFA73, 0x4F80),(0xFA74, 0x5145),(0xFA75, 0x5180),
    (0xFA76, 0x52C7),(0xFA77, 0x52FA),(0xFA78, 0x559D),(0xFA79, 0x5555),(0xFA7A, 0x5599),(0xFA7B, 0x55E2),
    (0xFA7C, 0x585A),(0xFA7D, 0x58B3),(0xFA7E, 0x5944),(0xFA7F, 0x5954),(0xFA80, 0x5A62),(0xFA81, 0x5B28),
    (0xFA82, 0x5ED2),(0xFA83, 0x5ED9),(0xFA84, 0x5F69),(0xFA85, 0x5FAD),(0xFA86, 0x60D8),(0xFA87, 0x614E),
    (0xFA88, 0x6108),(0xFA89, 0x618E),(0xFA8A, 0x6160),(0xFA8B, 0x61F2),(0xFA8C, 0x6234),(0xFA8D, 0x63C4),
    (0xFA8E, 0x641C),(0xFA8F, 0x6452),(0xFA90, 0x6556),(0xFA91, 0x6674),(0xFA92, 0x6717),(0xFA93, 0x671B),
    (0xFA94, 0x6756),(0xFA95, 0x6B79),(0xFA96, 0x6BBA),(0xFA97, 0x6D41),(0xFA98, 0x6EDB),(0xFA99, 0x6ECB),
    (0xFA9A, 0x6F22),(0xFA9B, 0x701E),(0xFA9C, 0x716E),(0xFA9D, 0x77A7),(0xFA9E, 0x7235),(0xFA9F, 0x72AF),
    (0xFAA0, 0x732A),(0xFAA1, 0x7471),(0xFAA2, 0x7506),(0xFAA3, 0x753B),(0xFAA4, 0x761D),(0xFAA5, 0x761F),
    (0xFAA6, 0x76CA),(0xFAA7, 0x76DB),(0xFAA8, 0x76F4),(0xFAA9, 0x774A),(0xFAAA, 0x7740),(0xFAAB, 0x78CC),
    (0xFAAC, 0x7AB1),(0xFAAD, 0x7BC0),(0xFAAE, 0x7C7B),(0xFAAF, 0x7D5B),(0xFAB0, 0x7DF4),(0xFAB1, 0x7F3E),
    (0xFAB2, 0x8005),(0xFAB3, 0x8352),(0xFAB4, 0x83EF),(0xFAB5, 0x8779),(0xFAB6, 0x8941),(0xFAB7, 0x8986),
    (0xFAB8, 0x8996),(0xFAB9, 0x8ABF),(0xFABA, 0x8AF8),(0xFABB, 0x8ACB),(0xFABC, 0x8B01),(0xFABD, 0x8AFE),
    (0xFABE, 0x8AED),(0xFABF, 0x8B39),(0xFAC0, 0x8B8A),(0xFAC1, 0x8D08),(0xFAC2, 0x8F38),(0xFAC3, 0x9072),
    (0xFAC4, 0x9199),(0xFAC5, 0x9276),(0xFAC6, 0x967C),(0xFAC7, 0x96E3),(0xFAC8, 0x9756),(0xFAC9, 0x97DB),
    (0xFACA, 0x97FF),(0xFACB, 0x980B),(0xFACC, 0x983B),(0xFACD, 0x9B12),(0xFACE, 0x9F9C),(0xFACF, 0x2284A),
    (0xFAD0, 0x22844),(0xFAD1, 0x233D5),(0xFAD2, 0x3B9D),(0xFAD3, 0x4018),(0xFAD4, 0x4039),(0xFAD5, 0x25249),
    (0xFAD6, 0x25CD0),(0xFAD7, 0x27ED3),(0xFAD8, 0x9F43),(0xFAD9, 0x9F8E),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normalized::new(s).text
    }

    /// The original text of `span16(start, end)`.
    fn orig(input: &str, n: &Normalized, start: usize, end: usize) -> String {
        let u: Vec<u16> = input.encode_utf16().collect();
        let (s, e) = n.span16(start, end);
        String::from_utf16(&u[s as usize..e as usize]).expect("span splits a surrogate pair")
    }

    /// For every output char: its span is non-empty, inside the input,
    /// monotone, and slicing the original gives valid UTF-16.
    fn check_contract(input: &str) -> Normalized {
        let n = Normalized::new(input);
        assert_eq!(n.len16() as usize, input.encode_utf16().count());
        let mut prev = (0, 0);
        for (i, c) in n.text.char_indices() {
            let (s, e) = n.span16(i, i + c.len_utf8());
            assert!(s < e && e <= n.len16(), "{input:?}: char {c:?} at {i} -> {s}..{e}");
            assert!(s >= prev.0 && e >= prev.1, "{input:?}: not monotone at {i}");
            prev = (s, e);
            orig(input, &n, i, i + c.len_utf8());
        }
        n
    }

    /// Pairs (output char, original text it maps to), for every output char.
    fn pieces(input: &str) -> Vec<(char, String)> {
        let n = check_contract(input);
        n.text.char_indices().map(|(i, c)| (c, orig(input, &n, i, i + c.len_utf8()))).collect()
    }

    #[test]
    fn full_width_ascii_and_case() {
        assert_eq!(norm("ＡＢＣ１２３！（株）"), "abc123!(株)");
        assert_eq!(norm("Exchange Online"), "exchange online");
        assert_eq!(norm("ＰＰＣ"), "ppc");
        assert_eq!(norm("ＩＤ：ａｂ＠ｃ．ｊｐ"), "id:ab@c.jp");
        // Non-ASCII letters are left as they are.
        assert_eq!(norm("Ω"), "Ω");
    }

    #[test]
    fn unicode_spaces() {
        for sp in ['\u{3000}', '\u{A0}', '\u{2002}', '\u{2009}', '\u{200A}', '\u{202F}', '\u{205F}'] {
            assert_eq!(norm(&format!("exchange{sp}online")), "exchange online", "{sp:?}");
            assert_eq!(norm(&format!("計{sp}3,137名")), "計3,137名", "{sp:?}");
        }
    }

    #[test]
    fn half_width_katakana() {
        assert_eq!(norm("ｶﾀｶﾅ"), "カタカナ");
        assert_eq!(norm("ｶﾞｷﾞｸﾞ"), "ガギグ");
        assert_eq!(norm("ﾊﾟｽﾜｰﾄﾞ"), "パスワード");
        assert_eq!(norm("ｳﾞｧ"), "ヴァ");
        assert_eq!(norm("｢ｱ｣､ｲ｡ｳ･ｴ"), "「ア」、イ。ウ・エ");
        assert_eq!(norm("ｰ"), "ー");
        // A voicing mark with nothing to compose with stays a mark.
        assert_eq!(norm("ﾞa"), "゛a");
        assert_eq!(norm("ｱﾞ"), "ア゛");
        // Decomposed kana (NFD copies from macOS) are composed as well.
        assert_eq!(norm("か\u{3099}は\u{309A}"), "がぱ");
        // The combined char maps back to both original chars.
        assert_eq!(pieces("ｶﾞﾊﾟ"), vec![('ガ', "ｶﾞ".into()), ('パ', "ﾊﾟ".into())]);
        assert_eq!(pieces("ﾃﾞｰﾀ")[0], ('デ', "ﾃﾞ".into()));
    }

    #[test]
    fn radicals_and_compat_ideographs() {
        // Kangxi radicals, as PDF copies give them.
        assert_eq!(norm("⼀部の⽒名・⽣年⽉⽇"), "一部の氏名・生年月日");
        assert_eq!(norm("⾦額"), "金額");
        assert_eq!(KANGXI.len(), 214);
        assert_eq!(norm("\u{2FD5}"), "龠");
        // CJK radicals supplement.
        assert_eq!(norm("⻘⻑⻄⻝⻤⻩⻲⻭⻯⺠⺟⻳"), "青長西食鬼黄亀歯竜民母龟");
        // Component forms stay.
        assert_eq!(norm("⻏⺡"), "⻏⺡");
        // Compatibility ideographs.
        assert_eq!(norm("\u{F900}\u{FA10}"), "\u{8C48}\u{585A}");
        // 﨑 U+FA11 is a unified ideograph of that block: NFKC keeps it.
        assert_eq!(norm("\u{FA11}"), "\u{FA11}");
        assert!(COMPAT.windows(2).all(|w| w[0].0 < w[1].0));
        // One that NFKC maps to an astral ideograph: 1 unit in, 2 out.
        let p = pieces("a\u{FA6C}b");
        assert_eq!(p[1], ('\u{242EE}', "\u{FA6C}".into()));
        assert_eq!(p[2], ('b', "b".into()));
    }

    #[test]
    fn enclosed_forms() {
        assert_eq!(norm("㈱ジケン"), "(株)ジケン");
        assert_eq!(norm("㈲・㈹"), "(有)・(代)");
        assert_eq!(norm("℡ 03-1234-5678"), "tel 03-1234-5678");
        assert_eq!(norm("№5"), "no5");
        assert_eq!(norm("㍻31年・㋿2年・㍼・㍽・㍾"), "平成31年・令和2年・昭和・大正・明治");
        assert_eq!(norm("㍿ジケン"), "株式会社ジケン");
        assert_eq!(norm("㊙"), "秘");
        // Every char of an expansion maps to the one original char.
        assert_eq!(pieces("㈱"), vec![('(', "㈱".into()), ('株', "㈱".into()), (')', "㈱".into())]);
    }

    #[test]
    fn circled_numbers_stay() {
        assert_eq!(norm("①1,000件"), "①1,000件");
        assert_eq!(norm("❶⑴⒈㈠㊀⑳"), "❶⑴⒈㈠㊀⑳");
        assert_eq!(norm("① 1,000件"), "①1,000件");
    }

    #[test]
    fn dashes_and_waves() {
        for d in ['\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}', '\u{FE63}', '\u{FF0D}'] {
            assert_eq!(norm(&format!("03{d}1234")), "03-1234", "{d:?}");
        }
        for w in ['\u{301C}', '\u{FF5E}', '\u{223C}', '\u{2053}'] {
            assert_eq!(norm(&format!("4月{w}5月")), "4月~5月", "{w:?}");
        }
        assert_eq!(norm("サーバー"), "サーバー");
    }

    #[test]
    fn dropped_chars() {
        assert_eq!(norm("不正\u{200B}アク\u{200C}セ\u{200D}ス\u{2060}\u{FEFF}"), "不正アクセス");
        assert_eq!(norm("pass\u{AD}word"), "password");
        assert_eq!(norm("\u{FEFF}当社"), "当社");
        // A variation selector belongs to the char before it.
        assert_eq!(pieces("葛\u{E0100}城"), vec![('葛', "葛\u{E0100}".into()), ('城', "城".into())]);
        // Dropped chars between two kept chars are covered by a span.
        let input = "不\u{200B}正";
        let n = Normalized::new(input);
        assert_eq!(orig(input, &n, 0, n.text.len()), input);
        // Only dropped chars: empty text, no panic.
        let n = Normalized::new("\u{200B}\u{FEFF}");
        assert_eq!(n.text, "");
        assert_eq!(n.span16(0, 1), (0, 0));
    }

    #[test]
    fn spaces_between_joinable_chars() {
        assert_eq!(norm("計 3,137 名分"), "計3,137名分");
        assert_eq!(norm("3, 137"), "3,137");
        assert_eq!(norm("16, 347件"), "16,347件");
        assert_eq!(norm("2 月 6 日"), "2月6日");
        assert_eq!(norm("不正 アクセス"), "不正アクセス");
        assert_eq!(norm("氏名 ( 漢字 )"), "氏名(漢字)");
        assert_eq!(norm("氏名　（漢字）"), "氏名(漢字)");
        assert_eq!(norm("exchange   online"), "exchange online");
        assert_eq!(norm("a, b"), "a, b");
        // Letter next to CJK: kept (rules can use \b around ASCII words).
        assert_eq!(norm("ppc に報告"), "ppc に報告");
        assert_eq!(norm("windows 10 の"), "windows 10の");
        // A collapsed run maps back to the whole run.
        assert_eq!(pieces("a \t b")[1], (' ', " \t ".into()));
        // Tabs are whitespace too.
        assert_eq!(norm("氏名\t住所"), "氏名住所");
        // Spaces at the end of a line or of the text are dropped.
        assert_eq!(norm("概要   \n本文  "), "概要\n本文");
    }

    #[test]
    fn indentation_is_kept() {
        assert_eq!(norm("記\n  ・氏名\n  ・住所"), "記\n ・氏名\n ・住所");
        assert_eq!(norm("  本文"), " 本文");
        assert_eq!(norm("a\n\n   \n\n b"), "a\n\n\n\n b");
    }

    #[test]
    fn line_breaks() {
        assert_eq!(norm("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(pieces("a\r\nb")[1], ('\n', "\r\n".into()));
        assert_eq!(norm("a\u{2028}b\u{85}c"), "a\nb\nc");
        assert_eq!(norm("一\n\n二"), "一\n\n二");
        assert_eq!(norm("一\r\n\r\n\r\n二"), "一\n\n\n二");
        assert_eq!(norm("概要\n"), "概要\n");
    }

    const PARA: &str = "当社が運営するサーバーに対して第三者による不正アクセスがあり、お客様の個人情報が漏えいした可能性があることが判明いたしました。お客様には多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。";

    /// `s` hard-wrapped every `n` chars, as a PDF copy gives it.
    fn hard_wrap(s: &str, n: usize) -> String {
        let chars: Vec<char> = s.chars().collect();
        chars.chunks(n).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("\n")
    }

    /// What the wrapped `s` should come back as: breaks kept after 。 only.
    fn unwrapped(wrapped: &str) -> String {
        wrapped.split('\n').fold(String::new(), |mut acc, l| {
            if !acc.is_empty() && acc.ends_with('。') {
                acc.push('\n');
            }
            acc.push_str(l);
            acc
        })
    }

    #[test]
    fn wrap_width_detection() {
        assert_eq!(wrap_width(&hard_wrap(PARA, 20)), Some(40));
        assert_eq!(wrap_width(&hard_wrap(PARA, 31)), Some(62));
        // Text that is not hard-wrapped: one long line per paragraph.
        assert_eq!(wrap_width(&format!("{PARA}\n\n{PARA}\n概要\n{PARA}")), None);
        // Lines of all sorts of widths.
        let ragged: String = (0..40).map(|i| format!("{}\n", &"あ".repeat(15 + i * 3))).collect();
        assert_eq!(wrap_width(&ragged), None);
        assert_eq!(wrap_width("概要\n本文"), None);
        assert_eq!(wrap_width(""), None);
    }

    #[test]
    fn pdf_wrap_join() {
        for n in [15, 20, 23, 31] {
            let w = hard_wrap(PARA, n);
            assert_eq!(norm(&w), unwrapped(&w), "width {n}");
            assert_eq!(norm(&w.replace('\n', "\r\n")), unwrapped(&w), "width {n}");
            assert_eq!(norm(&w.replace('\n', " \n")), unwrapped(&w), "width {n}");
        }
        // The joined break maps to nothing; the chars around it keep their
        // offsets, and a span across it covers it.
        let first = PARA.chars().position(|c| c == '、').unwrap() + 1;
        let input = hard_wrap(PARA, first);
        let n = check_contract(&input);
        assert!(input.contains("不正アクセスがあり、\nお客様"));
        let i = n.text.find("あり、お客様").unwrap();
        assert_eq!(orig(&input, &n, i, i + "あり、お客様".len()), "あり、\nお客様");
        let i = n.text.find("お客様").unwrap();
        assert_eq!(orig(&input, &n, i, i + "お客様".len()), "お客様");

        // Not joined inside a hard-wrapped text: list markers, headings,
        // blank lines, after 。, before ASCII/digits, indented next lines,
        // short lines.
        let doc = hard_wrap(PARA, first);
        let line = doc.lines().next().unwrap();
        assert!(line.ends_with('、'));
        for next in ["・氏名", "①氏名", "(1)氏名", "■経緯", "2.経緯", "一、経緯", "ア.経緯", "web", " 当社", "\n当社"] {
            let input = format!("{doc}\n\n{line}\n{next}");
            assert!(norm(&input).ends_with(&format!("{line}\n{}", norm(next))), "{next:?}");
        }
        let input = format!("{doc}\n\n概要\n当社は");
        assert!(norm(&input).ends_with("\n\n概要\n当社は"));
        let heading = "■2.お客様への影響と今後の当社の対応について";
        let input = format!("{doc}\n\n{heading}\nお客様の");
        assert!(norm(&input).ends_with(&format!("{heading}\nお客様の")));
        // A text that is not hard-wrapped keeps its line breaks.
        let input = format!("{PARA}\n当社は");
        assert_eq!(norm(&input), input);
        let title = "県立中央病院における患者情報のfax誤送信について";
        assert_eq!(norm(&format!("{title}\n公開日")), format!("{title}\n公開日"));
    }

    #[test]
    fn control_chars_and_nul() {
        assert_eq!(norm("a\u{0}b"), "a b");
        assert_eq!(norm("当\u{0}社\u{7}"), "当社");
        // Trailing spaces are dropped, leading ones kept as indentation.
        assert_eq!(norm("\u{0}\u{1}\u{1F}"), "");
        assert_eq!(norm("a\u{0}"), "a");
        let n = check_contract("\u{0}\u{0}a");
        assert_eq!(n.text, " a");
        assert_eq!(n.span16(0, 1), (0, 2));
    }

    #[test]
    fn astral_chars_and_surrogates() {
        let input = "😀漏えい😀𠮷野家\u{1F468}\u{200D}\u{1F469}";
        let n = check_contract(input);
        assert_eq!(n.text, "😀漏えい😀𠮷野家\u{1F468}\u{1F469}");
        let i = n.text.find("𠮷").unwrap();
        assert_eq!(orig(input, &n, i, i + 4), "𠮷");
        // The ZWJ between the two emoji is covered when both are in the span.
        let i = n.text.find('\u{1F468}').unwrap();
        assert_eq!(orig(input, &n, i, n.text.len()), "\u{1F468}\u{200D}\u{1F469}");
        // U+FFFD (what a lone surrogate becomes) is one unit.
        assert_eq!(pieces("a\u{FFFD}b")[1], ('\u{FFFD}', "\u{FFFD}".into()));
    }

    #[test]
    fn offset_contract_on_mixed_text() {
        let input = "【お詫び】ＡＢＣ㈱ 計 3,137 名分\r\n\u{200B}ｶﾞｲﾄﾞ⽒名😀\u{3000}\u{3000}exchange　online〜\n\n\t①1,000件\u{FA6C}㍻\u{0}\r漏えいしたおそれがあり、第三者による不正なアクセス\nを確認";
        for (c, o) in pieces(input) {
            assert!(!o.is_empty(), "{c:?}");
        }
        let n = Normalized::new(input);
        let u: Vec<u16> = input.encode_utf16().collect();
        // Every byte range on char boundaries maps inside the original and
        // never splits a surrogate pair.
        let bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).chain([n.text.len()]).collect();
        for (x, &a) in bounds.iter().enumerate() {
            for &b in &bounds[x + 1..] {
                let (s, e) = n.span16(a, b);
                assert!(s < e && e <= n.len16());
                assert!(String::from_utf16(&u[s as usize..e as usize]).is_ok());
            }
        }
        // A span of folded text gives back the original text of it.
        let i = n.text.find("ガイド").unwrap();
        assert_eq!(orig(input, &n, i, i + "ガイド氏名".len()), "ｶﾞｲﾄﾞ⽒名");
        let i = n.text.find("計3,137名分").unwrap();
        assert_eq!(orig(input, &n, i, i + "計3,137名分".len()), "計 3,137 名分");
    }

    #[test]
    fn span16_clamps() {
        let input = "漏えい";
        let n = Normalized::new(input);
        assert_eq!(n.span16(0, 3), (0, 1));
        assert_eq!(n.span16(1, 2), (0, 1)); // inside a char: widened to it
        assert_eq!(n.span16(4, 100), (1, 3));
        assert_eq!(n.span16(100, 200), (2, 3));
        assert_eq!(n.span16(5, 5), (1, 2));
        assert_eq!(n.span16(6, 3), (2, 3));
        let e = Normalized::new("");
        assert_eq!((e.text.as_str(), e.len16(), e.span16(0, 1)), ("", 0, (0, 0)));
    }

    #[test]
    fn long_runs_use_few_map_entries() {
        let input = "あいうえお".repeat(1000);
        let n = check_contract(&input);
        assert!(n.map.len() <= 5000 / RUN as usize + 1, "{}", n.map.len());
        // Spans in the middle of a run.
        for k in [0usize, 31, 32, 33, 4999] {
            let (s, e) = n.span16(k * 3, k * 3 + 3);
            assert_eq!((s, e), (k as u32, k as u32 + 1));
        }
    }

    #[test]
    fn ten_mebibytes_quickly() {
        let para = "当社サーバーへの不正アクセスにより、お客様 3,137 名分の個人情報(氏名、住所)が漏えいした可能性があります。ＡＢＣ㈱ ｶﾞｲﾄﾞ😀\r\n";
        let mut input = String::new();
        while input.len() < 10 << 20 {
            input.push_str(para);
        }
        let t = std::time::Instant::now();
        let n = Normalized::new(&input);
        let took = t.elapsed();
        assert!(took.as_secs_f64() < 5.0, "{took:?}");
        assert!(n.map.len() < n.text.len() / 8, "{} entries for {} bytes", n.map.len(), n.text.len());
        let last = n.text.len();
        let (s, e) = n.span16(last - 1, last);
        assert_eq!(e, n.len16());
        assert!(s < e);
        // Pathological inputs: all spaces, all line breaks, all dropped.
        for s in [" ".repeat(1 << 20), "\n".repeat(1 << 20), "\u{200B}".repeat(1 << 20), "ｶﾞ".repeat(1 << 18)] {
            let n = Normalized::new(&s);
            if !n.text.is_empty() {
                assert!(n.span16(0, n.text.len()).1 <= n.len16());
            }
        }
    }
}
