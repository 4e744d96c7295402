//! Where a part may start. In: the lines of a text and a candidate line;
//! out: whether a notice opens there (header lines, then a title with a
//! body under it), which lines above it are its header, and what ends
//! before it (a blank line, a separator, `以上`).

use super::lines::{Kind, Line, OFFICERS};
use super::titles::title_at;

pub(super) const QUOTE_INTROS: &[&str] = &["掲載", "お知らせ", "公表", "抜粋", "引用", "再掲", "原文", "参考", "前回", "第1報", "第一報"];

/// The last non-blank line before `i` introduces a quotation
/// ("以下は2月3日に掲載したお知らせです。", "…のとおりです:").
pub(super) fn introduces_quote(ls: &[Line], i: usize) -> bool {
    let Some(prev) = ls[..i].iter().rev().find(|l| l.kind != Kind::Blank) else { return false };
    let t = prev.text;
    if t.ends_with([':', '：', '「', '『']) {
        return true;
    }
    (t.contains("以下") || t.contains("下記")) && QUOTE_INTROS.iter().any(|w| t.contains(w)) && !t.contains("とおり")
}

/// What ends before line `i`: a blank line, a separator, `以上`, or the text start.
pub(super) fn gap_before(ls: &[Line], i: usize) -> Option<Kind> {
    if i == 0 {
        return Some(Kind::Blank);
    }
    let mut j = i;
    let mut saw_blank = false;
    while j > 0 {
        j -= 1;
        match ls[j].kind {
            Kind::Blank => saw_blank = true,
            Kind::Separator => return Some(Kind::Separator),
            Kind::End => return Some(Kind::End),
            _ => return saw_blank.then_some(Kind::Blank),
        }
    }
    Some(Kind::Blank)
}

/// A candidate part start at line `i` (the first line of a block): header
/// lines then a title. Returns the title's first and last lines.
pub(super) fn notice_start(ls: &[Line], i: usize, relaxed: bool) -> Option<(usize, usize)> {
    let mut j = i;
    let mut k = 0;
    // a header block may come first, blank-separated from the title
    while j < ls.len() && k < 8 {
        let l = &ls[j];
        // after a mere blank line the header must touch the title; a
        // blank-separated header is taken in by pull_back_header instead
        if (l.kind == Kind::Blank && relaxed) || l.is_header() {
            j += 1;
            k += 1;
            continue;
        }
        break;
    }
    if j >= ls.len() {
        return None;
    }
    if j > i && (!ls[i..j].iter().any(|l| l.is_header()) || ls[j].kind == Kind::Casebook) {
        // a casebook heading starts its own part, without the lines above it
        return None;
    }
    if j > i && relaxed && ls[i..j].iter().any(|l| l.kind == Kind::Blank) {
        // after 以上: a header block standing apart from the title goes with
        // it only if it holds a date or 各位 (a lone name is the signature)
        let first_block = ls[i..j].iter().take_while(|l| l.kind != Kind::Blank);
        if !first_block.clone().any(|l| matches!(l.kind, Kind::Date | Kind::Addressee | Kind::Furniture)) {
            return None;
        }
    }
    if j > i && !relaxed {
        // header lines then a title: the title must stand right after them
        // or after one blank line, and the header must hold a date or 各位.
        if !ls[i..j].iter().any(|l| matches!(l.kind, Kind::Date | Kind::Addressee | Kind::Furniture)) {
            return None;
        }
    }
    let (strong, last) = title_at(ls, j)?;
    // "title + date": a title with a date or an organisation right under it
    // (one blank line allowed) opens a notice even without an incident word
    let dated = ls[last + 1..].iter().filter(|l| l.kind != Kind::Blank).take(1).any(|l| l.is_header())
        && ls[last + 1..].iter().take(2).any(|l| l.kind != Kind::Blank);
    if !(strong || relaxed || dated) {
        return None;
    }
    // a body must follow within a few lines
    let body = ls[last + 1..].iter().filter(|l| l.kind != Kind::Blank).take(6).any(|l| l.is_body());
    body.then_some((j, last))
}

/// Lines that end a part's span at the back (blank lines, separators).
pub(super) fn trim_back(ls: &[Line], from: usize, to: usize) -> usize {
    let mut e = to;
    while e > from && matches!(ls[e - 1].kind, Kind::Blank | Kind::Separator) {
        e -= 1;
    }
    e
}

pub(super) fn has_body(ls: &[Line]) -> bool {
    let chars: usize = ls.iter().map(|l| l.text.chars().count()).sum();
    chars >= 60 && ls.iter().any(|l| l.is_body())
}

/// From a title block starting at `i`, takes in the header blocks just
/// before it (blank-separated, header lines only, holding `各位`, or a date
/// and another line), never crossing `floor`, `以上` or a separator.
pub(super) fn pull_back_header(ls: &[Line], i: usize, floor: usize) -> usize {
    let mut s = i;
    for _ in 0..2 {
        // skip the blank lines above s
        let mut j = s;
        while j > floor && ls[j - 1].kind == Kind::Blank {
            j -= 1;
        }
        if j == s || j <= floor {
            break;
        }
        // the block above
        let mut b = j;
        while b > floor && ls[b - 1].kind != Kind::Blank {
            b -= 1;
        }
        let block = &ls[b..j];
        if block.is_empty() || block.len() > 4 || !block.iter().all(|l| l.is_header()) {
            break;
        }
        let addressee = block.iter().any(|l| l.kind == Kind::Addressee);
        let dated = block.iter().any(|l| l.kind == Kind::Date);
        // an officer's name ("院長 …", "市長 …") marks the signature that
        // closes the notice before, not the header of the next one
        let signed = block.iter().any(|l| OFFICERS.iter().any(|o| l.text.contains(o)));
        if !(addressee || (dated && block.len() >= 2 && !signed)) {
            break;
        }
        // the part before must keep running text
        if !has_body(&ls[floor..b]) {
            break;
        }
        s = b;
    }
    s
}
