//! Notice boundaries: one text that holds several notices (a casebook page,
//! a blog archive, notices or whole web pages pasted one after another) is
//! cut into parts, one notice each, before each part is classified on its
//! own.
//!
//! In: the whole text. Out: [`split`] gives its [`Part`]s (UTF-16 spans
//! into the text, and the heading that opened each), in order, one part
//! for a text of one notice; [`crate::Classifier::classify_all`] gives a
//! [`PartReport`] per part, with evidence offsets into the whole text.
//!
//! The cut is conservative: a boundary needs a heading or a page opening
//! that opens a new notice, and both sides must keep some running text.
//! What starts a part:
//!
//! - a casebook heading that repeats (`【セキュリティ事件簿#2023-106】…` twice
//!   or more with the same bracket prefix);
//! - a notice title (`…に関するお詫びとお知らせ`, `…についてのお知らせ`,
//!   `…について(お詫び)`, `…のご報告`) on a line of its own after a blank
//!   line, a long separator line (`────`, `====`, `----`, `＊＊＊`), a
//!   closing `以上` or a page's copyright line; its header lines (date,
//!   `各位`, organisation) go with it, also when a blank line stands
//!   between them and the title;
//! - after `以上`, a separator or a copyright line, a shorter title (no
//!   incident keyword needed);
//! - a page's opening furniture (`ここから本文です`, `ホーム > … > …`,
//!   `文字サイズ`, `ページ番号：… 更新日：…`): it opens the notice under it,
//!   blank-separated or not, with a title of any strength or none.
//!
//! What ends one: `以上`, a separator, a page's footer (the page's contact
//! block, `ページの先頭へ戻る`, the address, a copyright line, a menu of
//! links) — it stays with the notice above it — and a signature (a date
//! and the sender under the body), which is the notice's end and not the
//! next one's header when it is signed by an officer or the next notice
//! has its own date.
//!
//! What never starts one: numbered or bulleted section headings (`1.概要`,
//! `■今後について`), indented lines, lines inside 「…」, a quoted earlier
//! notice introduced as such (`以下は…に掲載したお知らせです`), a lone date
//! line, the `記 … 以上` block of one notice, a link under `関連情報`, a
//! lone breadcrumb-like line over a section heading (a how-to: `会員ページ >
//! 登録情報 > パスワード変更`), and any cut that would leave a side without
//! a sentence of its own (address, telephone and menu lines are none).
//!
//! - `lines.rs`: line kinds (blank, separator, casebook heading, `以上`,
//!   date, `各位`, organisation, page furniture, contact line);
//! - `dates.rs`: dates as notices write them (also read by `crate::export`);
//! - `titles.rs`: notice titles and their strength;
//! - `bounds.rs`: where a part may start, its header, what ends before it;
//! - `tests.rs`: unit tests (the whole-text cases are in `tests/split.rs`).

use crate::report::{Evidence, Report};
use serde::Serialize;

mod bounds;
mod dates;
mod lines;
mod titles;
#[cfg(test)]
mod tests;

pub(crate) use dates::{date_at, dates, is_date_line, Ymd};
use bounds::{gap_before, has_body, introduces_quote, notice_start, pull_back_header, trim_back};
use lines::{casebook_prefix, lines, Kind, Line};
use titles::title_at;

/// One notice found in a longer text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// Start of the part, in UTF-16 code units into the whole text.
    pub start: u32,
    /// End of the part (exclusive), in UTF-16 code units.
    pub end: u32,
    /// The heading that opened the part (a casebook heading or the notice
    /// title), when there is one.
    pub heading: Option<String>,
    #[serde(skip)]
    byte_start: usize,
    #[serde(skip)]
    byte_end: usize,
}

impl Part {
    /// The part's text, given the whole text it was found in.
    pub fn text<'a>(&self, full: &'a str) -> &'a str {
        full.get(self.byte_start..self.byte_end).unwrap_or("")
    }

    /// The part's span in UTF-8 bytes into the whole text.
    pub fn byte_range(&self) -> std::ops::Range<usize> {
        self.byte_start..self.byte_end
    }
}

/// One notice of a longer text and its report. Every evidence offset of the
/// report is into the whole text (already shifted by `start`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartReport {
    pub start: u32,
    pub end: u32,
    pub heading: Option<String>,
    pub report: Report,
}

impl crate::Classifier {
    /// Splits `text` into notices (see [`crate::split_notices`]) and classifies
    /// each. Offsets in every report are into `text`. Fails only for input
    /// over [`crate::MAX_INPUT_BYTES`].
    pub fn classify_all(&self, text: &str) -> Result<Vec<PartReport>, crate::Error> {
        if text.len() > crate::MAX_INPUT_BYTES {
            // classify() refuses it before doing any work; reuse its error.
            return Err(self.classify(text).expect_err("over the limit"));
        }
        split(text)
            .into_iter()
            .map(|p| {
                let mut report = self.classify(p.text(text))?;
                shift(&mut report, p.start);
                Ok(PartReport { start: p.start, end: p.end, heading: p.heading, report })
            })
            .collect()
    }
}

/// Moves every evidence span of `report` by `by` UTF-16 code units.
pub(crate) fn shift(report: &mut Report, by: u32) {
    fn mv(ev: &mut [Evidence], by: u32) {
        for e in ev {
            e.start += by;
            e.end += by;
        }
    }
    for t in &mut report.attack_types {
        mv(&mut t.evidence, by);
    }
    for t in &mut report.data_categories {
        mv(&mut t.tag.evidence, by);
    }
    for t in &mut report.reported_to {
        mv(&mut t.evidence, by);
    }
    mv(&mut report.leak_status.evidence, by);
    mv(&mut report.affected_count.evidence, by);
    mv(&mut report.organization.evidence, by);
    for r in &mut report.severity.reasons {
        mv(&mut r.evidence, by);
    }
}


/// A part under construction: first line, end line (exclusive), heading lines.
type Span = (usize, usize, Option<(usize, usize)>);

/// Finds the notices of `text`. Returns one part per notice, in order; a
/// text with one notice (or none: blank text) gives one part spanning it.
pub fn split(text: &str) -> Vec<Part> {
    let ls = lines(text);
    let first = ls.iter().position(|l| l.kind != Kind::Blank);
    let Some(first) = first else {
        return vec![Part { start: 0, end: utf16_len(text), heading: None, byte_start: 0, byte_end: text.len() }];
    };

    // casebook prefixes that repeat
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for l in &ls {
        if let Some(p) = casebook_prefix(l.text) {
            match counts.iter_mut().find(|(q, _)| *q == p) {
                Some(c) => c.1 += 1,
                None => counts.push((p, 1)),
            }
        }
    }
    let repeated = |t: &str| casebook_prefix(t).is_some_and(|p| counts.iter().any(|(q, n)| *q == p && *n >= 2));

    // starts: (line index, heading line range)
    let mut starts: Vec<(usize, Option<(usize, usize)>)> = vec![(first, None)];
    let mut i = first + 1;
    while i < ls.len() {
        let l = &ls[i];
        if l.kind == Kind::Casebook && repeated(l.text) && !l.indented {
            starts.push((i, Some((i, i))));
            i += 1;
            continue;
        }
        if l.kind == Kind::Blank || l.kind == Kind::Separator || l.kind == Kind::End {
            i += 1;
            continue;
        }
        // only the first line of a block can start a part
        let Some(gap) = gap_before(&ls, i) else {
            i += 1;
            continue;
        };
        let relaxed = matches!(gap, Kind::Separator | Kind::End);
        if introduces_quote(&ls, i) {
            i += 1;
            continue;
        }
        let floor = starts.last().map_or(first, |x| x.0);
        if !has_body(&ls[floor..i]) {
            // the part so far is a heading or a header: this title is its own
            i += 1;
            continue;
        }
        if let Some(start) = notice_start(&ls, i, relaxed) {
            let mut s = i;
            if gap == Kind::Blank {
                s = pull_back_header(&ls, i, floor, &start);
            }
            starts.push((s, start.title));
            i = start.resume.max(i + 1);
            continue;
        }
        i += 1;
    }

    // the first part's heading: its casebook heading or its title
    if let Some(h) = heading_of_first(&ls, first) {
        starts[0].1 = Some(h);
    }

    // spans, then merge parts without running text of their own
    let mut spans: Vec<Span> = Vec::new();
    for (k, &(s, h)) in starts.iter().enumerate() {
        let next = starts.get(k + 1).map_or(ls.len(), |x| x.0);
        let e = trim_back(&ls, s, next);
        spans.push((s, e, h));
    }
    let mut merged: Vec<Span> = Vec::new();
    let mut pending: Option<(usize, Option<(usize, usize)>)> = None; // header-only part waiting for the next
    for (s, e, h) in spans {
        let (s, h) = match pending.take() {
            Some((ps, ph)) => (ps, ph.or(h)),
            None => (s, h),
        };
        if has_body(&ls[s..e]) {
            merged.push((s, e, h));
        } else if h.is_some() || merged.is_empty() {
            // a heading or a header with nothing under it: it opens the next part
            pending = Some((s, h));
        } else if let Some(last) = merged.last_mut() {
            // a trailing piece without running text: it ends the part before
            last.1 = e;
        }
    }
    if let Some((s, h)) = pending {
        let e = trim_back(&ls, s, ls.len());
        match merged.last_mut() {
            Some(last) => last.1 = e,
            None => merged.push((s, e, h)),
        }
    }

    let mut u16 = Utf16Index::new(text);
    merged
        .into_iter()
        .map(|(s, e, h)| {
            let bs = ls[s].start;
            let be = if e > s { ls[e - 1].end } else { ls[s].end };
            let heading = h.map(|(a, b)| {
                ls[a..=b].iter().map(|l| l.text).collect::<Vec<_>>().join(" ")
            });
            Part { start: u16.at(bs), end: u16.at(be), heading, byte_start: bs, byte_end: be }
        })
        .collect()
}

fn heading_of_first(ls: &[Line], first: usize) -> Option<(usize, usize)> {
    if ls[first].kind == Kind::Casebook {
        return Some((first, first));
    }
    let mut j = first;
    while j < ls.len() && (ls[j].kind == Kind::Blank || ls[j].is_header()) && j < first + 8 {
        j += 1;
    }
    if j >= ls.len() {
        return None;
    }
    let (_, last) = title_at(ls, j)?;
    Some((j, last))
}

fn utf16_len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// Byte offset → UTF-16 offset, for increasing queries.
struct Utf16Index<'a> {
    text: &'a str,
    byte: usize,
    unit: u32,
}

impl<'a> Utf16Index<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Index { text, byte: 0, unit: 0 }
    }
    fn at(&mut self, b: usize) -> u32 {
        if b < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += utf16_len(&self.text[self.byte..b]);
        self.byte = b;
        self.unit
    }
}
