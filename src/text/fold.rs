//! Folding one character: what the rules see in place of each character of
//! a notice — NFKC for the compatibility forms a Japanese notice holds,
//! plus deliberate departures (lower case, dashes, spaces, kept circled
//! numbers…), which `src/text/tests.rs` lists in one place (`DEPARTURES`)
//! and checks against the unicode-normalization crate.

use super::fold_tables::{COMPAT, CIRCLED_IDEO, HALFWIDTH, KANGXI, PAREN_IDEO};

/// What one character folds to.
pub(super) enum Fold {
    /// Nothing (format characters, a stray variation selector).
    Drop,
    /// One character, and whether it came from a full-width or
    /// compatibility form (the layout treats those as CJK punctuation).
    One(char, bool),
    /// Several characters (㈱ → (株), ㍿ → 株式会社).
    Many(&'static str),
}


pub(super) fn fold(c: char) -> Fold {
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
pub(super) fn voiced(c: char) -> (Option<char>, Option<char>) {
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

