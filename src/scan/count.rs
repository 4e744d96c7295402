//! The figures of a notice that may be the affected count (taxonomy §4):
//! every number with a person or record unit, with what surrounds it (a
//! total or maximum marker, a superset 「…のうち」). Not login attempts,
//! mails, devices or pages. The decide stage chooses among them.

use super::table::Pattern;
use crate::rules::limits::MAX_FIGURES;
use crate::text::{parse_number, Segment};
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub(crate) struct CountCandidate {
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
    /// Rounded: 「約39万件」「3,000件程度」.
    pub approx: bool,
    /// The real number of persons, duplicates removed: 「実人数591名」
    /// beside 「延べ647件」.
    pub real: bool,
    /// A cumulative total: 「延べ3,480名」.
    pub cumulative: bool,
}

struct Patterns {
    /// A unit right after the number.
    unit: Pattern,
    /// Markers in the few characters before the number.
    total: Pattern,
    /// What makes a figure something else than affected people or records.
    not_affected: Pattern,
    /// Mails sent, attempts: what comes right before the figure.
    not_affected_before: Pattern,
    /// 「…のうち」 after the figure.
    superset: Pattern,
    /// A superset that is nonetheless affected: accounts logged into.
    accessed: Pattern,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let [unit, total, not_affected, not_affected_before, superset, accessed] =
            crate::rules::fixed::count().map(|p| Pattern::builtin(&p));
        Patterns { unit, total, not_affected, not_affected_before, superset, accessed }
    })
}

/// Markers of the real number of persons, duplicates removed.
const REAL_MARKERS: [&str; 4] = ["実人数", "実人員", "実数", "重複を除"];

fn is_kanji_digit(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '〇' | '零')
}

fn starts_number(text: &str, i: usize) -> bool {
    let c = text[i..].chars().next().unwrap();
    let prev = text[..i].chars().next_back();
    let prev_is_num = prev.is_some_and(|p| p.is_ascii_digit() || p == ',' || p == '.' || is_kanji_digit(p) || p == '万' || p == '億');
    // 「数千件」「数百名」 are no figures; 「実人数3,870人」 is one.
    if prev_is_num || (prev == Some('数') && matches!(c, '十' | '百' | '千' | '万')) {
        return false;
    }
    c.is_ascii_digit() || is_kanji_digit(c)
}

/// Every figure with a person or record unit in `text`.
/// The figures, at most `MAX_FIGURES` of them (the flag: more were there).
pub(super) fn candidates(text: &str, segs: &[Segment]) -> (Vec<CountCandidate>, bool) {
    let p = patterns();
    let mut out: Vec<CountCandidate> = Vec::new();
    let mut many = false;
    'segments: for (si, seg) in segs.iter().enumerate() {
        let s = &text[seg.start..seg.end];
        let mut i = 0;
        while i < s.len() {
            if !s.is_char_boundary(i) || !starts_number(s, i) {
                i += 1;
                continue;
            }
            let Some((value, len)) = parse_number(&s[i..]).or_else(|| one_person(s, i)) else {
                i += s[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            let after = i + len;
            let Some(u) = p.unit.prog.captures(&s[after..]) else {
                i = after.max(i + 1);
                continue;
            };
            let unit_end = after + u[1].unwrap_or(0);
            let rest = &s[unit_end..];
            // A circled list marker or a date/heading figure never gets here:
            // it has no unit. Skip what is not people or records.
            let before_start = floor_char(s, i.saturating_sub(60));
            let before = &s[before_start..i];
            if p.not_affected.prog.is_match(rest) || p.not_affected_before.prog.is_match(before) || before.ends_with('第') {
                i = unit_end;
                continue;
            }
            let total = p.total.prog.find(before);
            let start = total.map_or(i, |(a, _)| before_start + a);
            let superset = p.superset.prog.is_match(rest) && !p.accessed.prog.is_match(before);
            let near = &before[floor_char(before, before.len().saturating_sub(36))..];
            // A flattened table puts the label on the line before the
            // figure («申込者の実人数 / 1,212人»).
            let label = match (near.trim().is_empty(), si.checked_sub(1)) {
                (true, Some(k)) => text[segs[k].start..segs[k].end].trim_end(),
                _ => "",
            };
            let label = &label[floor_char(label, label.len().saturating_sub(36))..];
            let real = REAL_MARKERS.iter().any(|m| near.contains(m) || label.ends_with(m));
            let cumulative = total.is_some_and(|(a, b)| before[a..b].contains("延べ"));
            let approx = ["約", "およそ", "概ね", "おおよそ"].iter().any(|m| before.ends_with(m))
                || ["程度", "ほど", "余り", "超", "以上"].iter().any(|m| rest.starts_with(m));
            if out.len() == MAX_FIGURES {
                many = true;
                break 'segments;
            }
            out.push(CountCandidate {
                value,
                start: seg.start + start,
                end: seg.start + unit_end,
                seg: si,
                person: u[2].is_some(),
                // «実人数は983名»: the real persons of one row, not a total.
                total: total.is_some() && !real,
                superset,
                approx,
                real,
                cumulative,
            });
            i = unit_end;
        }
    }
    // 「549名分(576件)」「96件(88名分)」: a record figure and a person
    // figure in brackets right after it restate one set; keep the persons.
    // Not a breakdown (「12者(個人11名、法人1社)」: more figures in the
    // brackets), nor a record total beside a person figure that is none.
    let mut drop = vec![false; out.len()];
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.person != b.person && a.seg == b.seg {
            let gap = &text[a.end..b.start];
            let closes = text[b.end..].find(')').map(|i| b.end + i);
            let breakdown = out.get(k + 1).is_some_and(|c| c.seg == b.seg && closes.is_some_and(|x| c.start < x));
            let (person, record) = if a.person { (a, b) } else { (b, a) };
            // «延べ4,521件(実人数3,870人)»: a cumulative record total gives
            // way to the real number of persons beside it.
            let real_persons = REAL_MARKERS.iter().any(|w| gap.contains(w));
            let record_outranks = record.total && !person.total && !real_persons;
            // «12,408件、9,870名分»: the same set told both ways, side by side.
            let side_by_side = gap == "、" && !a.person;
            if (side_by_side || gap.starts_with('(') && gap.chars().count() <= 12) && !breakdown && !record_outranks {
                drop[if a.person { k } else { k - 1 }] = true;
            }
        }
    }
    (out.into_iter().zip(drop).filter(|(_, d)| !d).map(|(c, _)| c).collect(), many)
}

/// 「お一人」「一名」: one person, where a bare 一 is otherwise no figure
/// («一人ひとり», «お一人お一人», «唯一», «統一» stay words): only a figure
/// of the data («お一人の個人情報», «一名分»), not the person who called
/// («利用者のお一人から»).
fn one_person(s: &str, i: usize) -> Option<(u64, usize)> {
    let rest = s[i..].strip_prefix('一')?;
    let after = rest.strip_prefix('名').or_else(|| rest.strip_prefix('人'))?;
    if !(after.starts_with('分') || after.starts_with('の') && !after.starts_with("の方")) {
        return None;
    }
    let prev = s[..i].chars().next_back();
    let word_before = prev.is_some_and(|p| is_kanji(p) && !"者様員生徒客名".contains(p));
    (!word_before).then_some((1, "一".len()))
}

fn is_kanji(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
