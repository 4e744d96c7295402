//! Line kinds. In: the whole text; out: one [`Line`] per line (its byte
//! span, trimmed text, [`Kind`], whether it is indented or inside a 「…」
//! left open above), and the small readers the kinds are made of
//! (separators, casebook headings, organisation lines, address and
//! telephone lines, menus of links; page furniture is read by
//! `crate::text::furniture`).

use super::dates::is_date_line;
use crate::text::Place;
use super::titles::{title_core, TITLE_ENDS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
    /// date, a page-top link, a copyright line (`text::furniture`), and
    /// where on the page it stands.
    Furniture(Place),
    /// An address, telephone or opening-hours line (`〒100-0001 …`,
    /// `電話：0123-45-6789`): a contact block or a footer, neither a
    /// header nor running text.
    Contact,
    Other,
}

pub(super) struct Line<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    pub(super) kind: Kind,
    pub(super) indented: bool,
    /// Inside a 「…」 or 『…』 left open by an earlier line.
    pub(super) quoted: bool,
}

impl Line<'_> {
    pub(super) fn is_header(&self) -> bool {
        matches!(self.kind, Kind::Date | Kind::Addressee | Kind::Org | Kind::Furniture(Place::Head | Place::Any))
    }
    /// Furniture that opens a page, other than a date: a skip link, a
    /// breadcrumb, the text-size switch, the page id.
    pub(super) fn opens_page(&self) -> bool {
        self.kind == Kind::Furniture(Place::Head) && !is_date_line(self.text)
    }
    /// A breadcrumb («ホーム > お知らせ > …»).
    pub(super) fn is_breadcrumb(&self) -> bool {
        self.opens_page() && self.text.contains(['>', '＞', '›', '»', '〉'])
    }
    /// Running text: a sentence, or a line too long to be a heading (not a
    /// menu of links).
    pub(super) fn is_body(&self) -> bool {
        self.kind == Kind::Other && (self.text.contains('。') || (self.text.chars().count() >= 40 && !is_menu(self.text)))
    }
}

pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
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

pub(super) fn kind_of(t: &str) -> Kind {
    if t.is_empty() {
        return Kind::Blank;
    }
    if is_separator(t) {
        return Kind::Separator;
    }
    if casebook_prefix(t).is_some() {
        return Kind::Casebook;
    }
    if let Some(place) = crate::text::furniture(t) {
        return Kind::Furniture(place);
    }
    if is_contact(t) {
        return Kind::Contact;
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

const CONTACT_LABELS: &[&str] = &[
    "電話番号", "電話", "tel", "fax", "ファクス", "ファックス", "e-mail", "email", "メールアドレス", "メール", "所在地", "住所",
    "開庁時間", "受付時間", "営業時間", "開館時間", "窓口時間",
];

/// An address, telephone, fax or opening-hours line: a postal code
/// (`〒100-0001`), a telephone number (`0123-45-6789`, `03(1234)5678`), or
/// a label and a colon (`電話：`, `FAX:`, `受付時間：`) — and not a sentence.
pub(super) fn is_contact(t: &str) -> bool {
    if t.contains('。') || t.chars().count() > 100 {
        return false;
    }
    if t.split('〒').skip(1).any(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))) {
        return true;
    }
    let lower = t.to_lowercase();
    let labelled = CONTACT_LABELS.iter().any(|l| lower.strip_prefix(l).is_some_and(|r| r.trim_start().starts_with([':', '：'])));
    labelled || has_phone_number(t)
}

/// A telephone number: three runs of digits (2–5 beginning with 0, 1–4,
/// 3–4) joined by hyphens or brackets: `0123-45-6789`, `03(1234)5678`,
/// `０１２０－１２３－４５６` — not a case number such as `2024-10-001`.
fn has_phone_number(t: &str) -> bool {
    let fold = |c: char| if ('０'..='９').contains(&c) { char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap() } else { c };
    let cs: Vec<char> = t.chars().map(fold).collect();
    let run = |k: usize| cs[k..].iter().take_while(|c| c.is_ascii_digit()).count();
    let sep = |c: char| matches!(c, '-' | '－' | '‐' | '−' | 'ー' | '(' | ')' | '（' | '）');
    let mut k = 0;
    while k < cs.len() {
        if cs[k].is_ascii_digit() && (k == 0 || !cs[k - 1].is_ascii_digit()) {
            let a = run(k);
            let p = k + a;
            if (2..=5).contains(&a) && cs[k] == '0' && p < cs.len() && sep(cs[p]) {
                let b = run(p + 1);
                let q = p + 1 + b;
                if (1..=4).contains(&b) && q < cs.len() && sep(cs[q]) {
                    let c = run(q + 1);
                    if (3..=4).contains(&c) {
                        return true;
                    }
                }
            }
            k = p.max(k + 1);
            continue;
        }
        k += 1;
    }
    false
}

/// A line of links: three items or more joined by `|` (`プライバシーポリシー
/// | サイトマップ | お問い合わせ`).
pub(super) fn is_menu(t: &str) -> bool {
    let items: Vec<&str> = t.split(['|', '｜']).map(str::trim).collect();
    items.len() >= 3 && items.iter().all(|i| !i.is_empty() && i.chars().count() <= 20 && !i.contains('。'))
}

pub(super) fn is_separator(t: &str) -> bool {
    let marks: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && marks.iter().all(|c| "─━═=＝-－ー—―‐‑~～＊*＿_・･#＃+＋".contains(*c))
        && (marks.len() >= 4 || marks.iter().all(|c| matches!(c, '＊' | '*' | '＃' | '#')))
}

/// `【セキュリティ事件簿#2023-106】…` → `セキュリティ事件簿`.
pub(super) fn casebook_prefix(t: &str) -> Option<&str> {
    let rest = t.strip_prefix('【')?;
    let close = rest.find('】')?;
    let inside = &rest[..close];
    let hash = inside.find(['#', '＃'])?;
    let prefix = inside[..hash].trim();
    (!prefix.is_empty() && prefix.chars().count() <= 20).then_some(prefix)
}

pub(super) const ORG_MARKS: &[&str] = &[
    "株式会社", "有限会社", "合同会社", "(株)", "（株）", "㈱", "法人", "大学", "学校", "学園", "病院", "医院",
    "クリニック", "診療所", "センター", "協会", "組合", "機構", "財団", "役場", "市役所", "委員会", "事務所", "本部",
    "会社", "銀行", "金庫", "庁", "省", "局", "課", "市", "町", "村", "県", "都", "府", "区", "代表取締役", "理事長",
    "社長", "市長", "知事", "院長", "学長", "Inc", "Co.", "Ltd", "Corporation",
];

pub(super) const OFFICERS: &[&str] = &[
    "取締役", "院長", "市長", "町長", "村長", "区長", "知事", "理事長", "社長", "学長", "会長", "校長", "所長", "局長",
    "頭取", "代表理事", "代表者", "執行役",
];

pub(super) fn is_org_line(t: &str) -> bool {
    let n = t.chars().count();
    n <= 40
        && !t.contains(['。', '、', '，'])
        && ORG_MARKS.iter().any(|m| t.contains(m))
        && !TITLE_ENDS.iter().any(|e| title_core(t).ends_with(e))
}
