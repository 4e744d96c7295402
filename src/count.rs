//! The affected count (taxonomy §4): the stated total, else the largest
//! single figure of persons or records in the parts of the notice that
//! describe the affected data. Not login attempts, mails, devices or pages.

use crate::numbers::parse_number;
use crate::segment::Segment;
use crate::matcher::Prog as Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub value: u64,
    /// Byte span in the normalised text, from a marker (約, 最大, 計) to the unit.
    pub start: usize,
    pub end: usize,
    pub seg: usize,
    /// 名 / 人 (persons) rather than 件 / 社 / アカウント (records).
    pub person: bool,
    /// Marked as a total or maximum: 計, 合計, 総数, 最大, 上記, 延べ.
    pub total: bool,
    /// A superset this incident is only part of: 「1,514件のうち」.
    pub superset: bool,
}

struct Patterns {
    /// A unit right after the number.
    unit: Regex,
    /// Markers in the few characters before the number.
    total: Regex,
    /// What makes a figure something else than affected people or records.
    not_affected: Regex,
    /// Mails sent, attempts: what comes right before the figure.
    not_affected_before: Regex,
    /// 「…のうち」 after the figure.
    superset: Regex,
    /// A superset that is nonetheless affected: accounts logged into.
    accessed: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let [unit, total, not_affected, not_affected_before, superset, accessed] =
            crate::fixed::count().map(|p| crate::engine::builtin_prog(&p));
        Patterns { unit, total, not_affected, not_affected_before, superset, accessed }
    })
}

fn is_kanji_digit(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '〇' | '零')
}

fn starts_number(text: &str, i: usize) -> bool {
    let c = text[i..].chars().next().unwrap();
    let prev = text[..i].chars().next_back();
    let prev_is_num = prev.is_some_and(|p| p.is_ascii_digit() || p == ',' || p == '.' || is_kanji_digit(p) || p == '万' || p == '億');
    // 「数千件」「数百名」 are no figures.
    if prev_is_num || prev == Some('数') {
        return false;
    }
    c.is_ascii_digit() || is_kanji_digit(c)
}

/// Every figure with a person or record unit in `text`.
pub(crate) fn candidates(text: &str, segs: &[Segment]) -> Vec<Candidate> {
    let p = patterns();
    let mut out: Vec<Candidate> = Vec::new();
    for (si, seg) in segs.iter().enumerate() {
        let s = &text[seg.start..seg.end];
        let mut i = 0;
        while i < s.len() {
            if !s.is_char_boundary(i) || !starts_number(s, i) {
                i += 1;
                continue;
            }
            let Some((value, len)) = parse_number(&s[i..]) else {
                i += s[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            let after = i + len;
            let Some(u) = p.unit.captures(&s[after..]) else {
                i = after.max(i + 1);
                continue;
            };
            let unit_end = after + u[1].unwrap_or(0);
            let rest = &s[unit_end..];
            // A circled list marker or a date/heading figure never gets here:
            // it has no unit. Skip what is not people or records.
            let before_start = floor_char(s, i.saturating_sub(60));
            let before = &s[before_start..i];
            if p.not_affected.is_match(rest) || p.not_affected_before.is_match(before) || before.ends_with('第') {
                i = unit_end;
                continue;
            }
            let total = p.total.find(before);
            let start = total.map_or(i, |(a, _)| before_start + a);
            let superset = p.superset.is_match(rest) && !p.accessed.is_match(before);
            out.push(Candidate {
                value,
                start: seg.start + start,
                end: seg.start + unit_end,
                seg: si,
                person: u[2].is_some(),
                total: total.is_some(),
                superset,
            });
            i = unit_end;
        }
    }
    // 「549名分(576件)」: a record figure in brackets right after a person
    // figure restates it; keep the persons.
    let mut drop = vec![false; out.len()];
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.person && !b.person && a.seg == b.seg {
            let gap = &text[a.end..b.start];
            if gap.starts_with('(') && gap.chars().count() <= 12 {
                drop[k] = true;
            }
        }
    }
    out.into_iter().zip(drop).filter(|(_, d)| !d).map(|(c, _)| c).collect()
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The affected count among the candidates in segments that describe the
/// affected data: the largest total if one is stated, else the largest
/// figure that is not a superset.
pub(crate) fn choose<'a>(cands: &'a [Candidate], in_context: &[bool]) -> Option<&'a Candidate> {
    let usable: Vec<&Candidate> = cands.iter().filter(|c| in_context.get(c.seg).copied().unwrap_or(false)).collect();
    let totals = usable.iter().filter(|c| c.total).max_by_key(|c| c.value);
    if let Some(t) = totals {
        return Some(t);
    }
    usable.iter().filter(|c| !c.superset).max_by_key(|c| c.value).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::split;

    fn count(t: &str) -> Option<u64> {
        let segs = split(t);
        let c = candidates(t, &segs);
        choose(&c, &vec![true; segs.len()]).map(|c| c.value)
    }

    #[test]
    fn table() {
        let cases: &[(&str, Option<u64>)] = &[
            ("対象は255,765名分です。", Some(255_765)),
            ("計3,137名分(内、868名分)", Some(3_137)),
            ("1,722,379件のログインの試行があり、そのうち194,307件でログインされた", Some(194_307)),
            ("549名分(576件)", Some(549)),
            ("1,514件のうち、1,426件の個人情報が閲覧可能", Some(1_426)),
            ("不正ログインされた323件のうち10件で閲覧", Some(323)),
            ("217名の会員様宛てに送信し、49件が流出", Some(49)),
            ("(1)2,153件 (2)最大16,347件", Some(16_347)),
            ("令和6年5月19日に発生", None),
            ("第3者", None),
            ("約300件の不審メールを送信", None),
        ];
        for (t, want) in cases {
            assert_eq!(count(t), *want, "{}", t);
        }
    }
}
