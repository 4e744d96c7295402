//! Notice boundaries: one text that holds several notices (a casebook page,
//! a blog archive, notices pasted one after another) is cut into parts, one
//! notice each, before each part is classified on its own.
//!
//! The cut is conservative: a boundary needs a heading that opens a new
//! notice, and both sides must keep some running text. What starts a part:
//!
//! - a casebook heading that repeats (`【セキュリティ事件簿#2023-106】…` twice
//!   or more with the same bracket prefix);
//! - a notice title (`…に関するお詫びとお知らせ`, `…についてのお知らせ`,
//!   `…について(お詫び)`, `…のご報告`) on a line of its own after a blank
//!   line, a long separator line (`────`, `====`, `----`, `＊＊＊`) or a
//!   closing `以上`; its header lines (date, `各位`, organisation) go with
//!   it, also when a blank line stands between them and the title;
//! - after `以上` or a separator, a shorter title (no incident keyword needed).
//!
//! What never starts one: numbered or bulleted section headings (`1.概要`,
//! `■今後について`), indented lines, lines inside 「…」, a quoted earlier
//! notice introduced as such (`以下は…に掲載したお知らせです`), a lone date
//! line, the `記 … 以上` block of one notice, and any cut that would leave a
//! side without a sentence of its own.

use crate::report::{Evidence, Report};
use serde::Serialize;

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
}

// ---- lines ------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Separator,
    /// `【セキュリティ事件簿#…】`-style heading (the prefix is kept apart).
    Casebook,
    /// `以上` alone.
    End,
    /// A date alone (`2023年3月29日`, `公開日:2022年4月8日`, `(2013年)`).
    Date,
    /// `お客様各位`.
    Addressee,
    /// A short line naming an organisation or its officer.
    Org,
    /// Page furniture: a breadcrumb, a skip link, a page id or update
    /// date, a copyright line (`text::is_furniture`).
    Furniture,
    Other,
}

struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: Kind,
    indented: bool,
    /// Inside a 「…」 or 『…』 left open by an earlier line.
    quoted: bool,
}

impl Line<'_> {
    fn is_header(&self) -> bool {
        matches!(self.kind, Kind::Date | Kind::Addressee | Kind::Org | Kind::Furniture)
    }
    /// Running text: a sentence, or a line too long to be a heading.
    fn is_body(&self) -> bool {
        self.kind == Kind::Other && (self.text.contains('。') || self.text.chars().count() >= 40)
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut depth: i32 = 0;
    for raw in text.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let t = body.trim();
        let indented = body.starts_with([' ', '\t', '\u{3000}']) && !t.is_empty();
        let kind = kind_of(t);
        out.push(Line { start, end: start + body.len(), text: t, kind, indented, quoted: depth > 0 });
        for c in t.chars() {
            match c {
                '「' | '『' => depth += 1,
                '」' | '』' => depth = (depth - 1).max(0),
                _ => {}
            }
        }
        // A bracket left open by a whole paragraph is a typo, not a quote.
        if t.is_empty() || depth > 3 {
            depth = 0;
        }
    }
    out
}

fn kind_of(t: &str) -> Kind {
    if t.is_empty() {
        return Kind::Blank;
    }
    if is_separator(t) {
        return Kind::Separator;
    }
    if casebook_prefix(t).is_some() {
        return Kind::Casebook;
    }
    if crate::text::is_furniture(t) {
        return Kind::Furniture;
    }
    let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if squeezed == "以上" {
        return Kind::End;
    }
    if is_date_line(t) {
        return Kind::Date;
    }
    if squeezed.ends_with("各位") && squeezed.chars().count() <= 30 {
        return Kind::Addressee;
    }
    if is_org_line(t) {
        return Kind::Org;
    }
    Kind::Other
}

fn is_separator(t: &str) -> bool {
    let marks: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && marks.iter().all(|c| "─━═=＝-－ー—―‐‑~～＊*＿_・･#＃+＋".contains(*c))
        && (marks.len() >= 4 || marks.iter().all(|c| matches!(c, '＊' | '*' | '＃' | '#')))
}

/// `【セキュリティ事件簿#2023-106】…` → `セキュリティ事件簿`.
fn casebook_prefix(t: &str) -> Option<&str> {
    let rest = t.strip_prefix('【')?;
    let close = rest.find('】')?;
    let inside = &rest[..close];
    let hash = inside.find(['#', '＃'])?;
    let prefix = inside[..hash].trim();
    (!prefix.is_empty() && prefix.chars().count() <= 20).then_some(prefix)
}

const ORG_MARKS: &[&str] = &[
    "株式会社", "有限会社", "合同会社", "(株)", "（株）", "㈱", "法人", "大学", "学校", "学園", "病院", "医院",
    "クリニック", "診療所", "センター", "協会", "組合", "機構", "財団", "役場", "市役所", "委員会", "事務所", "本部",
    "会社", "銀行", "金庫", "庁", "省", "局", "課", "市", "町", "村", "県", "都", "府", "区", "代表取締役", "理事長",
    "社長", "市長", "知事", "院長", "学長", "Inc", "Co.", "Ltd", "Corporation",
];

const OFFICERS: &[&str] = &[
    "取締役", "院長", "市長", "町長", "村長", "区長", "知事", "理事長", "社長", "学長", "会長", "校長", "所長", "局長",
    "頭取", "代表理事", "代表者", "執行役",
];

fn is_org_line(t: &str) -> bool {
    let n = t.chars().count();
    n <= 40
        && !t.contains(['。', '、', '，'])
        && ORG_MARKS.iter().any(|m| t.contains(m))
        && !TITLE_ENDS.iter().any(|e| title_core(t).ends_with(e))
}

// ---- dates ------------------------------------------------------------------

/// A date as written in a notice; month and day may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Ymd {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

fn fold_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Reads a number at the start of `s` (ASCII or full-width digits, spaces
/// allowed around it); returns the value and the bytes read.
fn number(s: &str) -> Option<(u32, usize)> {
    let mut val: u32 = 0;
    let mut digits = 0;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if let Some(d) = fold_digit(c) {
            if digits >= 5 {
                return None;
            }
            val = val * 10 + d;
            digits += 1;
            used = i + c.len_utf8();
        } else if c == ' ' && digits == 0 {
            used = i + 1;
        } else {
            break;
        }
    }
    (digits > 0).then_some((val, used))
}

fn skip_spaces(s: &str) -> &str {
    s.trim_start_matches([' ', '\u{3000}'])
}

/// Parses a date at the very start of `s`; returns it and the bytes read.
/// Forms: `2023年3月29日`, `2023 年 5 月 9 日`, `令和5年3月29日`, `令和元年`,
/// `平成25年11月19日`, `2023/03/30`, `2014.09.29`, `2023-03-30`, `2023年3月`.
pub(crate) fn date_at(s: &str) -> Option<(Ymd, usize)> {
    let lead = s.len() - skip_spaces(s).len();
    let s2 = &s[lead..];
    let (year, after_year) = if let Some(rest) = s2.strip_prefix("令和").or_else(|| s2.strip_prefix("平成")) {
        let base = if s2.starts_with("令和") { 2018 } else { 1988 };
        let rest_trim = skip_spaces(rest);
        let (n, used) = if let Some(r) = rest_trim.strip_prefix('元') {
            (1, rest.len() - r.len())
        } else {
            let (n, u) = number(rest_trim)?;
            (n, rest.len() - rest_trim.len() + u)
        };
        if n == 0 || n > 99 {
            return None;
        }
        let after = &rest[used..];
        let after_t = skip_spaces(after);
        let y = after_t.strip_prefix('年')?;
        (base + n, s.len() - y.len())
    } else {
        let (n, used) = number(s2)?;
        if !(1950..=2099).contains(&n) {
            return None;
        }
        let rest = &s2[used..];
        let rest_t = skip_spaces(rest);
        if let Some(sep) = rest_t.chars().next().filter(|c| matches!(c, '/' | '.' | '-' | '／' | '．')) {
            // numeric form: month and day are both needed.
            let r = &rest_t[sep.len_utf8()..];
            let (m, mu) = number(r)?;
            let r2 = &r[mu..];
            let sep2 = r2.chars().next()?;
            if sep2 != sep {
                return None;
            }
            let (d, du) = number(&r2[sep2.len_utf8()..])?;
            let end = s.len() - r2[sep2.len_utf8() + du..].len();
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some((Ymd { year: n as u16, month: Some(m as u8), day: Some(d as u8) }, end));
            }
            return None;
        }
        let y = rest_t.strip_prefix('年')?;
        (n, s.len() - y.len())
    };
    let year = year as u16;
    let mut end = after_year;
    let mut out = Ymd { year, month: None, day: None };
    let rest = &s[end..];
    if let Some((m, mu)) = number(rest) {
        let r = skip_spaces(&rest[mu..]);
        if let Some(r2) = r.strip_prefix('月').filter(|_| (1..=12).contains(&m)) {
            out.month = Some(m as u8);
            end = s.len() - r2.len();
            if let Some((d, du)) = number(r2) {
                let r3 = skip_spaces(&r2[du..]);
                if let Some(r4) = r3.strip_prefix('日').filter(|_| (1..=31).contains(&d)) {
                    out.day = Some(d as u8);
                    end = s.len() - r4.len();
                }
            }
        }
    }
    Some((out, end))
}

/// Every date in `text` with its byte offset, in text order.
pub(crate) fn dates(text: &str) -> Vec<(usize, Ymd)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap();
        let starts_number = fold_digit(c).is_some() || text[i..].starts_with("令和") || text[i..].starts_with("平成");
        let prev_digit = text[..i].chars().next_back().is_some_and(|p| fold_digit(p).is_some());
        if starts_number && !prev_digit {
            if let Some((d, used)) = date_at(&text[i..]) {
                out.push((i, d));
                i += used.max(1);
                continue;
            }
        }
        i += c.len_utf8();
    }
    out
}

const DATE_LABELS: &[&str] = &[
    "最終更新日", "公開日", "更新日", "掲載日", "発表日", "作成日", "発行日", "公表日", "日付", "更新", "掲載", "公開", "発表",
];

/// A line that is a date and nothing else (a label before it and a
/// weekday, 付 or 発表 after it allowed; `(2013年)` too).
pub(crate) fn is_date_line(t: &str) -> bool {
    let mut s = t.trim();
    if let Some(inner) = s.strip_prefix(['(', '（']).and_then(|r| r.strip_suffix([')', '）'])) {
        s = inner.trim();
    }
    for l in DATE_LABELS {
        if let Some(r) = s.strip_prefix(l) {
            s = r.trim_start_matches([':', '：', ' ', '\u{3000}']);
            break;
        }
    }
    let Some((_, used)) = date_at(s) else { return false };
    let mut rest = s[used..].trim();
    if let Some(r) = rest.strip_prefix(['(', '（']) {
        if let Some(close) = r.find([')', '）']) {
            let inner = &r[..close];
            if inner.chars().count() <= 8 {
                rest = r[close + r[close..].chars().next().unwrap().len_utf8()..].trim();
            }
        }
    }
    const TAILS: &[&str] = &["", "付", "付け", "発表", "公表", "更新", "掲載", "公開", "現在", "作成", "発行"];
    TAILS.contains(&rest)
}

// ---- titles -----------------------------------------------------------------

const TITLE_ENDS: &[&str] = &[
    "について", "に関して", "お知らせ", "お詫び", "おわび", "ご報告", "報告", "ご案内", "続報", "終報", "第一報", "第二報",
    "第三報", "第1報", "第2報", "第3報", "第4報", "第5報", "速報", "お願い", "ご注意",
];

const INCIDENT_WORDS: &[&str] = &[
    "不正", "漏えい", "漏洩", "流出", "紛失", "盗難", "盗ま", "誤送信", "誤送付", "誤配", "誤掲載", "誤公開", "誤廃棄", "廃棄",
    "滅失", "所在不明", "感染", "ランサム", "ウイルス", "ウィルス", "マルウェア", "攻撃", "個人情報", "個⼈情報", "情報",
    "障害", "改ざん", "改竄", "詐欺", "不具合", "閲覧", "事案", "事故", "被害", "インシデント", "アクセス", "ログイン",
    "サインイン", "乗っ取", "なりすまし", "迷惑メール", "不審", "持ち出", "誤って", "漏れ", "セキュリティ", "DDoS",
    "サイバー", "お詫び", "おわび", "誤", "懲戒", "盗用", "流用", "窃取", "脆弱性", "ハッキング", "スパム",
];

/// Strips what may follow a title's last word: a date, bracketed notes
/// (`(お詫び)`, `【続報】`, `（第2報）`), punctuation.
fn title_core(t: &str) -> &str {
    let mut s = t.trim();
    for _ in 0..4 {
        let before = s;
        // a trailing date: "… 2023/03/30", "… 2023年3月29日"
        if let Some(pos) = s.rfind([' ', '\u{3000}']) {
            let tail = s[pos..].trim();
            if date_at(tail).is_some_and(|(_, used)| used == tail.len()) {
                s = s[..pos].trim_end();
            }
        }
        s = s.trim_end_matches(['、', '，', ',', ' ', '\u{3000}', '!', '！']);
        for (open, close) in [('(', ')'), ('（', '）'), ('【', '】'), ('〔', '〕'), ('［', '］'), ('[', ']')] {
            if s.ends_with(close) {
                if let Some(o) = s.rfind(open) {
                    if o > 0 {
                        s = s[..o].trim_end();
                    }
                }
            }
        }
        if s == before {
            break;
        }
    }
    s
}

/// Whether the line opens with a section number or a list/quote mark.
fn numbered(t: &str) -> bool {
    let mut chars = t.chars();
    let Some(first) = chars.next() else { return false };
    if fold_digit(first).is_some() {
        // "1.概要", "2 漏えいした情報", "10）経緯", "1-2 対象" — but not a
        // date opening a title ("6/15に発生した不正ログインについて").
        let after = t.chars().find(|c| fold_digit(*c).is_none());
        return after.is_none_or(|c| ".．、,，)） \u{3000}:：-－".contains(c));
    }
    if matches!(first, '「' | '『') {
        // a title may open with a quoted service name: 「エン転職」への…
        let close = if first == '「' { '」' } else { '』' };
        return t.find(close).is_none_or(|i| t[i + close.len_utf8()..].trim().is_empty());
    }
    if matches!(first, '(' | '（') {
        let inner: String = chars.take_while(|c| !matches!(c, ')' | '）')).collect();
        let n = inner.chars().count();
        return n <= 3; // (1) （ア） (イ)
    }
    if first == '【' {
        // 【続報】… is a title; 【事案】 alone, 【令和7年2月19日】 are headings.
        return t.strip_prefix('【').and_then(|r| r.find('】').map(|i| r[i + '】'.len_utf8()..].trim().is_empty())).unwrap_or(true);
    }
    if first == '第' {
        // 第1章, 第二節 — not 第三者による…, not 第2報
        let rest: String = chars.skip_while(|c| fold_digit(*c).is_some() || "一二三四五六七八九十".contains(*c)).take(1).collect();
        return rest.chars().next().is_some_and(|c| "章節条項部".contains(c));
    }
    ('\u{2460}'..='\u{24FF}').contains(&first)
        || ('\u{2160}'..='\u{217F}').contains(&first)
        || ('\u{2776}'..='\u{2793}').contains(&first)
        || "■□◆◇●○◎・※*＊-－•⚫▶►▸◦‣·★☆▼▽<＜〈《>＞\"“'".contains(first)
        || t.starts_with("Q.")
        || t.starts_with("A.")
}

/// How a line reads as a notice title: None, or Some(strong).
/// `strong` titles carry an incident keyword and may open a part after a
/// mere blank line; weak ones only after `以上` or a separator.
fn title_strength(line: &Line) -> Option<bool> {
    if line.kind == Kind::Casebook && !line.indented {
        return Some(true);
    }
    if line.kind != Kind::Other || line.indented || line.quoted {
        return None;
    }
    let t = line.text;
    let n = t.chars().count();
    if !(6..=120).contains(&n) || t.contains('。') || numbered(t) {
        return None;
    }
    let core = title_core(t);
    let end = TITLE_ENDS.iter().find(|e| core.ends_with(*e))?;
    let stem = core[..core.len() - end.len()].trim_end_matches(['の', 'と', 'へ', 'に']);
    if stem.chars().count() < 4 {
        return None;
    }
    if core.ends_with("お願い") && !core.contains("お詫び") && !core.contains("おわび") {
        return None;
    }
    Some(INCIDENT_WORDS.iter().any(|w| t.contains(w)))
}

/// A title may run over two lines ("…お詫びとお願い、\nおよび…について").
/// Returns its strength and its last line.
fn title_at(ls: &[Line], i: usize) -> Option<(bool, usize)> {
    if let Some(s) = title_strength(&ls[i]) {
        return Some((s, i));
    }
    let l = &ls[i];
    if l.kind == Kind::Other && !l.indented && !l.quoted && !numbered(l.text) && !l.text.contains('。') {
        if let Some(next) = ls.get(i + 1) {
            if next.kind == Kind::Other && l.text.chars().count() + next.text.chars().count() <= 120 {
                if let Some(s) = title_strength(next) {
                    let any = INCIDENT_WORDS.iter().any(|w| l.text.contains(w));
                    return Some((s || any, i + 1));
                }
            }
        }
    }
    None
}

const QUOTE_INTROS: &[&str] = &["掲載", "お知らせ", "公表", "抜粋", "引用", "再掲", "原文", "参考", "前回", "第1報", "第一報"];

/// The last non-blank line before `i` introduces a quotation
/// ("以下は2月3日に掲載したお知らせです。", "…のとおりです:").
fn introduces_quote(ls: &[Line], i: usize) -> bool {
    let Some(prev) = ls[..i].iter().rev().find(|l| l.kind != Kind::Blank) else { return false };
    let t = prev.text;
    if t.ends_with([':', '：', '「', '『']) {
        return true;
    }
    (t.contains("以下") || t.contains("下記")) && QUOTE_INTROS.iter().any(|w| t.contains(w)) && !t.contains("とおり")
}

/// What ends before line `i`: a blank line, a separator, `以上`, or the text start.
fn gap_before(ls: &[Line], i: usize) -> Option<Kind> {
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
fn notice_start(ls: &[Line], i: usize, relaxed: bool) -> Option<(usize, usize)> {
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
fn trim_back(ls: &[Line], from: usize, to: usize) -> usize {
    let mut e = to;
    while e > from && matches!(ls[e - 1].kind, Kind::Blank | Kind::Separator) {
        e -= 1;
    }
    e
}

fn has_body(ls: &[Line]) -> bool {
    let chars: usize = ls.iter().map(|l| l.text.chars().count()).sum();
    chars >= 60 && ls.iter().any(|l| l.is_body())
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
        if let Some((title_first, last)) = notice_start(&ls, i, relaxed) {
            let mut s = i;
            if gap == Kind::Blank {
                s = pull_back_header(&ls, i, floor);
            }
            starts.push((s, Some((title_first, last))));
            i = last + 1;
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

/// From a title block starting at `i`, takes in the header blocks just
/// before it (blank-separated, header lines only, holding `各位`, or a date
/// and another line), never crossing `floor`, `以上` or a separator.
fn pull_back_header(ls: &[Line], i: usize, floor: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        let d = |s: &str| date_at(s).map(|(d, _)| (d.year, d.month, d.day));
        assert_eq!(d("2023年3月29日"), Some((2023, Some(3), Some(29))));
        assert_eq!(d("2023 年 5 月 9 日"), Some((2023, Some(5), Some(9))));
        assert_eq!(d("２０２４年１２月３日"), Some((2024, Some(12), Some(3))));
        assert_eq!(d("令和5年3月29日"), Some((2023, Some(3), Some(29))));
        assert_eq!(d("令和元年7月1日"), Some((2019, Some(7), Some(1))));
        assert_eq!(d("平成25年11月19日"), Some((2013, Some(11), Some(19))));
        assert_eq!(d("2023/03/30"), Some((2023, Some(3), Some(30))));
        assert_eq!(d("2014.09.29"), Some((2014, Some(9), Some(29))));
        assert_eq!(d("2023年3月"), Some((2023, Some(3), None)));
        assert_eq!(d("2000年から"), Some((2000, None, None)));
        assert_eq!(d("255,765名"), None);
        assert_eq!(d("2023/13/01"), None);
        assert_eq!(d("3月27日"), None);
        assert_eq!(d("1200件"), None);
    }

    #[test]
    fn date_lines_and_not() {
        assert!(is_date_line("2023年7月28日"));
        assert!(is_date_line("公開日:2022年4月8日"));
        assert!(is_date_line("更新日 平成20年11月22日"));
        assert!(is_date_line("2023年10月18日（水）"));
        assert!(is_date_line("(2013年)"));
        assert!(is_date_line("2025/04/08"));
        assert!(!is_date_line("2023年3月27日、不正ログインが確認されました。"));
        assert!(!is_date_line("2023年3月20日~3月27日の期間"));
    }

    #[test]
    fn titles_and_section_headings() {
        let strength = |t: &str| {
            let ls = lines(t);
            title_strength(&ls[0])
        };
        assert_eq!(strength("不正アクセスによる個人情報漏えいに関するお詫びとお知らせ"), Some(true));
        assert_eq!(strength("患者さまの個人情報の漏洩について(お詫び)"), Some(true));
        assert_eq!(strength("システム障害の発生について（第2報）"), Some(true));
        assert_eq!(strength("【続報】個人情報の漏洩について"), Some(true));
        assert_eq!(strength("(令和7年3月5日発表)個人情報を含む廃棄予定文書の滅失について"), Some(true));
        assert_eq!(strength("当社ウェブサイトのリニューアルについて"), Some(false));
        assert_eq!(strength("1.概要および当社の対応について"), None);
        assert_eq!(strength("■情報流出について"), None);
        assert_eq!(strength("患者さんへのお願い"), None);
        assert_eq!(strength("今後について"), None);
        assert_eq!(strength("　不正アクセスについてのお知らせ"), None, "indented");
        assert_eq!(strength("2023年3月27日、不正ログインについて確認しました。"), None);
    }

    #[test]
    fn separators_and_casebook() {
        assert!(is_separator("────────"));
        assert!(is_separator("=========="));
        assert!(is_separator("----"));
        assert!(is_separator("＊＊＊"));
        assert!(!is_separator("ーー"));
        assert!(!is_separator("---a---"));
        assert_eq!(casebook_prefix("【セキュリティ事件簿#2023-106】エン…"), Some("セキュリティ事件簿"));
        assert_eq!(casebook_prefix("【続報】個人情報"), None);
        assert_eq!(casebook_prefix("【令和7年2月19日(水曜日)】"), None);
    }

    #[test]
    fn utf16_offsets_count_surrogates() {
        let mut ix = Utf16Index::new("a𠮷b");
        assert_eq!(ix.at(1), 1);
        assert_eq!(ix.at(5), 3);
        assert_eq!(ix.at(6), 4);
    }
}
