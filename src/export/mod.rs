//! Exports of a [`Report`] to the formats incident databases and threat
//! intelligence platforms read: VERIS 1.4.1, STIX 2.1, MISP and CSV.
//!
//! Each export is built from the report alone, plus the notice's text where
//! it quotes evidence or looks for the notice's date; nothing is fetched,
//! and nothing reads a clock or a random source: every id is a UUIDv5 over
//! a namespace of this crate and a content key (the caller's
//! [`ExportOptions::id`], else its `source_url`, else the text, else the
//! report), and every timestamp is the caller's [`ExportOptions::created`]
//! or the date the notice states.
//!
//! The JSON exports are plain `#[derive(Serialize)]` structs (no maps), so
//! serde_json prints them and serde-wasm-bindgen turns them into plain JS
//! objects; CSV is a `String`.
//!
//! ```
//! use jikenbo::export::{self, ExportOptions};
//! let text = "不正アクセスに関するお知らせ\n\n2024年6月3日\n株式会社サンプル\n\n\
//!             当社サーバーが不正アクセスを受け、お客様の氏名と住所 約1,200名分が流出した可能性があります。";
//! let report = jikenbo::classify(text).unwrap();
//! let opts = ExportOptions { created: Some("2024-06-04T09:00:00Z".into()), ..Default::default() };
//! let veris = export::veris(&report, Some(text), &opts).unwrap();
//! assert_eq!(veris.attribute.confidentiality.as_ref().unwrap().data_disclosure, "Potentially");
//! assert_eq!(veris.timeline.incident.year, 2024);
//! let bundle = export::stix(&report, Some(text), &opts).unwrap();
//! assert_eq!(bundle.kind, "bundle");
//! // the same input gives the same ids
//! assert_eq!(bundle.id, export::stix(&report, Some(text), &opts).unwrap().id);
//! ```
//!
//! Each format's module opens with its mapping table and what it loses;
//! README.md, section "Exports", sums them up.

pub mod csv;
pub mod misp;
pub mod stix;
pub mod veris;

pub use self::csv::{csv, csv_fields, CsvOptions, CsvRow, CSV_COLUMNS};
pub use self::misp::{misp, MispEvent};
pub use self::stix::{stix, StixBundle};
pub use self::veris::{veris, VerisIncident};

use crate::report::{Evidence, Report};
use crate::split::{self, Ymd};
use serde::{Deserialize, Serialize};

/// What the caller adds to an export: the time, where the notice came from,
/// a stable id. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExportOptions {
    /// When the export is made: RFC 3339 in UTC (`2024-06-04T09:00:00Z`,
    /// fractions allowed) or a date (`2024-06-04`). Becomes STIX
    /// `created`/`modified`, MISP `date`/`timestamp`, VERIS `plus.created`.
    /// When absent, the notice's own date (found in the text) is used; an
    /// export that needs a time and has neither fails with `no_date`.
    pub created: Option<String>,
    /// The notice's address: VERIS `reference`, a STIX external reference,
    /// a MISP `link` attribute.
    pub source_url: Option<String>,
    /// A stable id of the notice (a file name, a database key): the content
    /// key of every generated id. Without it the ids derive from
    /// `source_url`, else the text, else the report.
    pub id: Option<String>,
    /// MISP distribution level (0–3; default 0, "your organisation only").
    pub distribution: Option<u8>,
}

/// Why an export could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError {
    code: &'static str,
    message: String,
}

impl ExportError {
    fn new(code: &'static str, message: String) -> ExportError {
        ExportError { code, message }
    }
    /// `no_date` (no `created` and no date in the text), `invalid_created`,
    /// `invalid_distribution`.
    pub fn code(&self) -> &'static str {
        self.code
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExportError {}

// ---- dates and times ----------------------------------------------------------------

/// A calendar date found in a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct NoticeDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl NoticeDate {
    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn full(d: Ymd) -> Option<NoticeDate> {
    Some(NoticeDate { year: d.year, month: d.month?, day: d.day? })
}

/// The date of the notice itself, when the text states one: a date line in
/// its header or signature (`2023年3月29日`, `公開日:2022年4月8日`,
/// `令和6年7月10日`), else a date ending its first line (`… 2023/03/30`).
/// Dates inside sentences (when something happened) are not the notice's
/// date and are not taken here.
pub fn notice_date(text: &str) -> Option<NoticeDate> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let n = lines.len();
    let near = |i: usize| i < 8 || i + 6 >= n;
    for (i, l) in lines.iter().enumerate() {
        if near(i) && split::is_date_line(l) {
            if let Some(d) = split::dates(l).into_iter().find_map(|(_, d)| full(d)) {
                return Some(d);
            }
        }
    }
    let first = lines.first()?;
    let (pos, d) = split::dates(first).into_iter().last()?;
    let tail = first[pos..].trim();
    let (_, used) = split::date_at(tail)?;
    (tail[used..].trim().is_empty()).then_some(())?;
    full(d)
}

/// When the incident began, as far as the text says: the earliest date in
/// the text (year and month at least) not after the notice's own date.
pub(crate) fn incident_date(text: &str) -> Option<Ymd> {
    let limit = notice_date(text);
    split::dates(text)
        .into_iter()
        .map(|(_, d)| d)
        .filter(|d| d.month.is_some())
        .filter(|d| match (limit, full(*d)) {
            (Some(l), Some(f)) => f <= l,
            (Some(l), None) => (d.year, d.month.unwrap_or(0)) <= (l.year, l.month),
            (None, _) => true,
        })
        .min()
}

/// A point in time: `YYYY-MM-DDTHH:MM:SS.sssZ` and its Unix seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub rfc3339: String,
    pub date: NoticeDate,
    pub unix: i64,
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn stamp(y: u32, mo: u32, d: u32, h: u32, mi: u32, s: u32, ms: u32) -> Option<Stamp> {
    if !(1970..=9999).contains(&y) || !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let unix = days_from_civil(y as i64, mo as i64, d as i64) * 86400 + (h * 3600 + mi * 60 + s) as i64;
    Some(Stamp {
        rfc3339: format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", y, mo, d, h, mi, s, ms),
        date: NoticeDate { year: y as u16, month: mo as u8, day: d as u8 },
        unix,
    })
}

/// Reads `created`: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.fff]Z`.
fn parse_created(s: &str) -> Option<Stamp> {
    let s = s.trim();
    let (date, time) = match s.split_once(['T', 't']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut it = date.split('-');
    let (y, mo, d) = (digits(it.next()?)?, digits(it.next()?)?, digits(it.next()?)?);
    if it.next().is_some() || date.len() != 10 {
        return None;
    }
    let Some(t) = time else { return stamp(y, mo, d, 0, 0, 0, 0) };
    let t = t.strip_suffix(['Z', 'z'])?;
    let (hms, frac) = match t.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (t, None),
    };
    let mut it = hms.split(':');
    let (h, mi, sec) = (digits(it.next()?)?, digits(it.next()?)?, digits(it.next()?)?);
    if it.next().is_some() || hms.len() != 8 {
        return None;
    }
    let ms = match frac {
        Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) => {
            let f3: String = f.chars().chain("000".chars()).take(3).collect();
            f3.parse().ok()?
        }
        Some(_) => return None,
        None => 0,
    };
    stamp(y, mo, d, h, mi, sec, ms)
}

/// The export's time: the caller's `created`, else the notice's date.
pub(crate) fn when(opts: &ExportOptions, text: Option<&str>) -> Result<Stamp, ExportError> {
    if let Some(c) = &opts.created {
        return parse_created(c).ok_or_else(|| {
            ExportError::new(
                "invalid_created",
                format!("created {:?} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.fff]Z (UTC)", c),
            )
        });
    }
    text.and_then(notice_date)
        .and_then(|d| stamp(d.year as u32, d.month as u32, d.day as u32, 0, 0, 0, 0))
        .ok_or_else(|| ExportError::new("no_date", "no created time was given and the text states no date of the notice".into()))
}

// ---- ids ------------------------------------------------------------------------------

/// The namespace of every id this crate generates (itself a UUIDv5 of the
/// crate's address in the URL namespace).
fn namespace() -> uuid::Uuid {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, b"https://github.com/jikenbo/jikenbo#export")
}

/// The content key: what makes two exports "the same notice".
pub(crate) fn content_key(report: &Report, text: Option<&str>, opts: &ExportOptions) -> String {
    if let Some(id) = &opts.id {
        return format!("id:{}", id);
    }
    if let Some(url) = &opts.source_url {
        return format!("url:{}", url);
    }
    if let Some(t) = text {
        return format!("text:{}", uuid::Uuid::new_v5(&namespace(), t.as_bytes()));
    }
    let ids = |v: Vec<&str>| v.join(",");
    format!(
        "report:{}|{}|{}|{}|{:?}|{}",
        report.organization.name.as_deref().unwrap_or(""),
        ids(report.attack_types.iter().map(|t| t.id.as_str()).collect()),
        ids(report.data_categories.iter().map(|t| t.tag.id.as_str()).collect()),
        report.leak_status.value.as_str(),
        report.affected_count.value,
        ids(report.attack_types.iter().flat_map(|t| t.evidence.first()).map(|e| e.rule.as_str()).collect()),
    )
}

/// A UUIDv5 for one object of one export.
pub(crate) fn uuid_for(key: &str, what: &str) -> String {
    uuid::Uuid::new_v5(&namespace(), format!("{}\n{}", what, key).as_bytes()).to_string()
}

// ---- quoting the text -------------------------------------------------------------------

/// The text of a UTF-16 span of `text`, if the span fits.
pub(crate) fn slice16(text: &str, start: u32, end: u32) -> Option<&str> {
    let (mut bs, mut be) = (None, None);
    let mut u = 0u32;
    for (b, c) in text.char_indices() {
        if u == start {
            bs = Some(b);
        }
        if u == end {
            be = Some(b);
        }
        u += c.len_utf16() as u32;
    }
    if u == start {
        bs = Some(text.len());
    }
    if u == end {
        be = Some(text.len());
    }
    let (bs, be) = (bs?, be?);
    (bs <= be).then(|| &text[bs..be])
}

/// The sentence (or line) around an evidence span, trimmed, at most 160
/// characters (cut around the span when longer).
pub(crate) fn sentence(text: &str, ev: &Evidence) -> Option<String> {
    let hit = slice16(text, ev.start, ev.end)?;
    // slice16 returns a subslice of `text`: its byte offset
    let hit_b = hit.as_ptr() as usize - text.as_ptr() as usize;
    let before = &text[..hit_b];
    let s = before.rfind(['。', '\n', '！', '？']).map_or(0, |i| i + before[i..].chars().next().unwrap().len_utf8());
    let after = &text[hit_b + hit.len()..];
    let e = after.find(['。', '\n', '！', '？']).map_or(text.len(), |i| {
        let c = after[i..].chars().next().unwrap();
        hit_b + hit.len() + i + if c == '\n' { 0 } else { c.len_utf8() }
    });
    let sent = text[s..e].trim();
    if sent.is_empty() {
        return None;
    }
    let n = sent.chars().count();
    if n <= 160 {
        return Some(sent.to_string());
    }
    // keep 60 characters either side of the hit
    let rel = hit_b - (sent.as_ptr() as usize - text.as_ptr() as usize);
    let pre: String = sent[..rel].chars().rev().take(60).collect::<Vec<_>>().into_iter().rev().collect();
    let post: String = sent[rel + hit.len()..].chars().take(60).collect();
    Some(format!("…{}{}{}…", pre, hit, post))
}

/// Quotes of the evidence of the report's attack types, leak status and
/// count, in text order, without repeats; at most `max`.
pub(crate) fn quotes(report: &Report, text: &str, max: usize) -> Vec<(String, String)> {
    // per field, the first evidence in running text (a sentence ending in
    // 。), else the first: a title restates what the body says
    let pick = |evs: &'_ [Evidence]| -> Option<Evidence> {
        evs.iter().find(|e| sentence(text, e).is_some_and(|s| s.ends_with('。'))).or(evs.first()).cloned()
    };
    let mut evs: Vec<Evidence> = Vec::new();
    for t in &report.attack_types {
        evs.extend(pick(&t.evidence));
    }
    evs.extend(pick(&report.leak_status.evidence));
    evs.extend(pick(&report.affected_count.evidence));
    evs.sort_by_key(|e| e.start);
    let mut out: Vec<(String, String)> = Vec::new();
    for e in &evs {
        if let Some(s) = sentence(text, e) {
            if !out.iter().any(|(q, _)| *q == s) {
                out.push((s, e.rule.clone()));
            }
        }
        if out.len() >= max {
            break;
        }
    }
    out
}

/// The sentences around every evidence span of the attack types: where the
/// vectors and assets of VERIS are looked for.
pub(crate) fn attack_context(report: &Report, text: Option<&str>) -> String {
    let Some(text) = text else { return String::new() };
    let mut out = String::new();
    for t in &report.attack_types {
        for e in &t.evidence {
            if let Some(s) = sentence(text, e) {
                out.push_str(&s);
                out.push('\n');
            }
        }
    }
    out
}

/// The notice's title (or casebook heading), if the text opens with one.
pub(crate) fn title(text: Option<&str>) -> Option<String> {
    split::split(text?).into_iter().next()?.heading
}

// ---- shared readings of the report -------------------------------------------------------

/// Whether an attack type is intentional (taxonomy §1); None for neutral
/// (supply_chain) and unknown ids.
pub(crate) fn intentional(id: &str) -> Option<bool> {
    crate::taxonomy().into_iter().find(|e| e.field == "attackTypes" && e.id == id).and_then(|e| e.intentional)
}

/// The level of government of a public body, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gov {
    National,
    Regional,
    Local,
    Unknown,
}

pub(crate) fn government(report: &Report) -> Option<Gov> {
    if !report.organization.public_body {
        return None;
    }
    let name = report.organization.name.as_deref().unwrap_or("");
    let local = ["市", "区", "町", "村"].iter().any(|m| name.contains(m));
    let regional = ["都", "道", "府", "県"].iter().any(|m| name.contains(m));
    let national = ["省", "庁", "委員会", "内閣", "国立"].iter().any(|m| name.contains(m));
    Some(if local {
        Gov::Local
    } else if regional {
        Gov::Regional
    } else if national {
        Gov::National
    } else {
        Gov::Unknown
    })
}

/// The sector of the organisation, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sector {
    Healthcare,
    University,
    School,
    Bank,
    Insurance,
    Government,
    Unknown,
}

pub(crate) fn sector(report: &Report) -> Sector {
    let name = report.organization.name.as_deref().unwrap_or("");
    let has = |ms: &[&str]| ms.iter().any(|m| name.contains(m));
    if has(&["病院", "医療センター", "クリニック", "診療所", "医院", "医療法人"]) {
        Sector::Healthcare
    } else if has(&["大学"]) {
        Sector::University
    } else if has(&["学校", "高校", "学園", "学院", "教育委員会"]) {
        Sector::School
    } else if has(&["銀行", "信用金庫", "信用組合", "金庫"]) {
        Sector::Bank
    } else if has(&["保険"]) {
        Sector::Insurance
    } else if report.organization.public_body {
        Sector::Government
    } else {
        Sector::Unknown
    }
}

/// An English one-paragraph summary of the report, with quotes of the
/// evidence when the text is given.
pub(crate) fn summary(report: &Report, text: Option<&str>) -> String {
    let org = report.organization.name.as_deref().unwrap_or("The organisation");
    let body = if report.organization.public_body { " (a public body)" } else { "" };
    let what = if report.attack_types.is_empty() {
        "an incident whose cause the notice does not name".to_string()
    } else {
        report.attack_types.iter().map(|t| t.label.en.to_lowercase()).collect::<Vec<_>>().join(", ")
    };
    let mut s = format!("{}{} reports {}.", org, body, what);
    if !report.data_categories.is_empty() {
        let data: Vec<String> = report.data_categories.iter().map(|t| t.tag.label.en.to_lowercase()).collect();
        s.push_str(&format!(" Data involved: {}.", data.join(", ")));
    }
    s.push_str(&format!(" Leak: {}.", report.leak_status.value.as_str()));
    if let Some(n) = report.affected_count.value {
        s.push_str(&format!(" Affected: {}.", n));
    }
    s.push_str(&format!(
        " Severity: {} (data {}, operational {}).",
        report.severity.level.as_str(),
        report.severity.data.as_str(),
        report.severity.operational.as_str()
    ));
    if report.ppc_report.required {
        let r: Vec<&str> = report.ppc_report.reasons.iter().map(|r| r.as_str()).collect();
        s.push_str(&format!(" Report to Japan's PPC required ({}).", r.join(", ")));
    }
    if let Some(text) = text {
        let q = quotes(report, text, 3);
        if !q.is_empty() {
            s.push_str(" Evidence: ");
            s.push_str(&q.iter().map(|(q, _)| format!("「{}」", q)).collect::<Vec<_>>().join(" "));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_forms() {
        let s = parse_created("2024-06-04T09:00:00Z").unwrap();
        assert_eq!(s.rfc3339, "2024-06-04T09:00:00.000Z");
        assert_eq!(s.unix, 1717491600);
        assert_eq!(parse_created("1970-01-01").unwrap().unix, 0);
        assert_eq!(parse_created("2024-02-29T23:59:59.5Z").unwrap().rfc3339, "2024-02-29T23:59:59.500Z");
        for bad in ["2023-02-29", "2024-06-04T09:00:00+09:00", "2024-6-4", "yesterday", "2024-06-04T25:00:00Z", ""] {
            assert!(parse_created(bad).is_none(), "{}", bad);
        }
    }

    #[test]
    fn utf16_slices() {
        let t = "a𠮷bかな";
        assert_eq!(slice16(t, 1, 3), Some("𠮷"));
        assert_eq!(slice16(t, 3, 6), Some("bかな"));
        assert_eq!(slice16(t, 2, 3), None, "inside a surrogate pair");
        assert_eq!(slice16(t, 0, 99), None);
    }
}
