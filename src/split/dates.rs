//! Dates as notices write them. In: a line or a whole text; out: the dates
//! found ([`Ymd`], with month and day when written) and their byte offsets,
//! and whether a line is a date and nothing else. Also read by
//! `crate::export` (incident and notice dates).

/// A date as written in a notice; month and day may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Ymd {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

pub(super) fn fold_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Reads a number at the start of `s` (ASCII or full-width digits, spaces
/// allowed around it); returns the value and the bytes read.
pub(super) fn number(s: &str) -> Option<(u32, usize)> {
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

pub(super) fn skip_spaces(s: &str) -> &str {
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

pub(super) const DATE_LABELS: &[&str] = &[
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
