//! Where a part may start. In: the lines of a text and a candidate line
//! (the first of a block); out: whether a notice opens there ([`Start`]:
//! header lines — a date, `各位`, an organisation, a page's opening
//! furniture — then a title, or a page's furniture then running text),
//! which blocks just above it are its header too, and what ends before it
//! (a blank line, a separator, `以上`, a page's copyright line).

use super::lines::{Kind, Line, OFFICERS};
use super::titles::title_at;
use crate::text::Place;

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

/// Headings of a page's list of links («関連情報», «関連リンク»): the lines
/// under them name other pages, they do not open a notice.
const LINK_LISTS: &[&str] = &[
    "関連情報", "関連リンク", "関連ページ", "関連記事", "関連するページ", "関連するお知らせ", "関連ファイル", "添付ファイル",
    "リンク", "参考リンク", "お知らせ一覧", "新着情報", "過去のお知らせ", "バックナンバー", "このカテゴリ", "カテゴリー",
    "よく見られているページ", "よくある質問", "注目情報",
];

/// Line `i` stands in a list of links: between it and a link-list heading
/// above (`関連情報`, `【関連リンク】`, `■関連ページ`) there is no running
/// text, and no end of a page or notice (a footer, a copyright line,
/// `以上`, a separator).
pub(super) fn in_link_list(ls: &[Line], i: usize) -> bool {
    for l in ls[..i].iter().rev().filter(|l| l.kind != Kind::Blank).take(12) {
        if l.is_body() || matches!(l.kind, Kind::End | Kind::Separator | Kind::Casebook | Kind::Furniture(Place::Foot | Place::End)) {
            return false;
        }
        let t = l.text.trim_matches(|c: char| "■□◆◇●○◎▼▽【】[]〔〕<>＜＞《》:：".contains(c) || c.is_whitespace());
        if LINK_LISTS.iter().any(|h| t.starts_with(h) && t.chars().count() <= h.chars().count() + 12) {
            return true;
        }
    }
    false
}

/// What ends before line `i`: a blank line, a separator, `以上` or a
/// page's copyright line (both read as [`Kind::End`]), a page's footer
/// right above a page's opening furniture, or the text start.
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
            // the copyright line closes its page, blank line or not
            Kind::Furniture(Place::End) => return Some(Kind::End),
            // a footer («ページの先頭へ») then the next page's skip link or
            // breadcrumb: two pages pasted without a blank line
            Kind::Furniture(Place::Foot) if ls[i].opens_page() => return Some(Kind::Blank),
            _ => return saw_blank.then_some(Kind::Blank),
        }
    }
    Some(Kind::Blank)
}

/// A notice opening at a line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Start {
    /// The title's first and last lines, when there is a title.
    pub(super) title: Option<(usize, usize)>,
    /// The line after what the start has read (the title, or the header).
    pub(super) resume: usize,
    /// The header read before the title holds a date.
    pub(super) dated_above: bool,
    /// A date, an organisation or `各位` stands right under the title: the
    /// notice carries its header there (title + date form).
    pub(super) header_below: bool,
}

/// A run of a page's opening furniture strong enough to open a notice on
/// its own: a skip link, the text-size switch or a page id, or a
/// breadcrumb with another kind of furniture (an update date, a menu). A
/// breadcrumb-like line alone, or two of them («会員ページ > 登録情報 >
/// パスワード変更»), may be a how-to quoted in a notice.
fn page_opening(block: &[Line]) -> bool {
    let crumb = block.iter().any(|l| l.is_breadcrumb());
    let other = block.iter().any(|l| matches!(l.kind, Kind::Furniture(Place::Head | Place::Any)) && !l.is_breadcrumb());
    block.iter().any(|l| l.opens_page() && !l.is_breadcrumb()) || (crumb && other)
}

/// A candidate part start at line `i` (the first line of a block): header
/// lines then a title, or a page's opening furniture then running text.
pub(super) fn notice_start(ls: &[Line], i: usize, relaxed: bool) -> Option<Start> {
    let mut j = i;
    let mut k = 0;
    let mut page = false;
    // a header block may come first, blank-separated from the title
    while j < ls.len() && k < 10 {
        let l = &ls[j];
        // after a mere blank line the header must touch the title; a
        // blank-separated header is taken in by pull_back_header instead —
        // but a page's opening furniture may stand apart from its title
        if (l.kind == Kind::Blank && (relaxed || page)) || l.is_header() {
            page = page || page_opening(&ls[i..=j]);
            j += 1;
            k += 1;
            continue;
        }
        break;
    }
    if j >= ls.len() {
        return None;
    }
    let header = &ls[i..j];
    let dated_above = header.iter().any(|l| l.kind == Kind::Date || (l.kind == Kind::Furniture(Place::Head) && !l.opens_page()));
    if j > i && (!header.iter().any(|l| l.is_header()) || (ls[j].kind == Kind::Casebook && !page)) {
        // a casebook heading starts its own part, without the lines above
        // it — unless they are the opening of the page it stands on
        return None;
    }
    if j > i && !page && relaxed && header.iter().any(|l| l.kind == Kind::Blank) {
        // after 以上: a header block standing apart from the title goes with
        // it only if it holds a date or 各位 (a lone name is the signature)
        let first_block = header.iter().take_while(|l| l.kind != Kind::Blank);
        if !first_block.clone().any(|l| matches!(l.kind, Kind::Date | Kind::Addressee | Kind::Furniture(Place::Head | Place::Any))) {
            return None;
        }
    }
    if j > i && !relaxed {
        // header lines then a title: the title must stand right after them
        // or after one blank line, and the header must hold a date or 各位.
        if !header.iter().any(|l| matches!(l.kind, Kind::Date | Kind::Addressee | Kind::Furniture(Place::Head | Place::Any))) {
            return None;
        }
    }
    if !page && in_link_list(ls, j) {
        // a link to another page in the page's list of links
        return None;
    }
    let Some((strong, last)) = title_at(ls, j) else {
        // a page without a title line of its own: its furniture opens it
        return (page && ls[j].is_body()).then_some(Start { title: None, resume: j, dated_above, header_below: false });
    };
    // "title + date": a title with a date or an organisation right under it
    // (one blank line allowed) opens a notice even without an incident word
    let header_below = ls[last + 1..].iter().filter(|l| l.kind != Kind::Blank).take(1).any(|l| l.is_header())
        && ls[last + 1..].iter().take(2).any(|l| l.kind != Kind::Blank);
    if !(strong || relaxed || header_below || page) {
        return None;
    }
    // a body must follow within a few lines
    let body = ls[last + 1..].iter().filter(|l| l.kind != Kind::Blank).take(6).any(|l| l.is_body());
    body.then_some(Start { title: Some((j, last)), resume: last + 1, dated_above, header_below })
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

/// From a start at line `i`, takes in the header blocks just before it
/// (blank-separated, header lines only), never crossing `floor`, `以上` or
/// a separator: a page's opening furniture (skip link, breadcrumb, page
/// id); a block holding `各位`; a date and another line — unless that is
/// the signature closing the notice above: signed by an officer
/// («院長 …»), or the start already has its date (above the title or
/// right under it; a notice carries one header).
pub(super) fn pull_back_header(ls: &[Line], i: usize, floor: usize, start: &Start) -> usize {
    let mut s = i;
    let mut dated = start.dated_above;
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
        // a page's opening furniture opens the notice under it, however
        // many lines it takes
        let page = block.iter().any(|l| l.opens_page());
        if block.is_empty() || block.len() > if page { 8 } else { 4 } || !block.iter().all(|l| l.is_header()) {
            break;
        }
        let addressee = block.iter().any(|l| l.kind == Kind::Addressee);
        let has_date = block.iter().any(|l| l.kind == Kind::Date);
        // an officer's name ("院長 …", "市長 …") marks the signature that
        // closes the notice before, not the header of the next one
        let signed = block.iter().any(|l| OFFICERS.iter().any(|o| l.text.contains(o)));
        let own_header = dated || start.header_below;
        if !(page || addressee || (has_date && block.len() >= 2 && !signed && !own_header)) {
            break;
        }
        if has_date && own_header && !page {
            // the start has its date already: this one signs the notice above
            break;
        }
        // the part before must keep running text
        if !has_body(&ls[floor..b]) {
            break;
        }
        dated = dated || has_date;
        s = b;
    }
    s
}
