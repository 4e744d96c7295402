//! Scope: which hits count. Hits in advice to readers (「ご注意ください」),
//! in hypotheticals (「万一…場合」), in contact details or in prevention
//! measures do not count for the fields those roles mislead; a hit denied
//! by its own clause (「…は含まれておりません」) does not count, except for
//! the leak status, which reads the denial; and data items count only where
//! the notice describes the affected data (a sentence that says so, or the
//! list under a heading or an introducing sentence that does).

use crate::rules::{Field, Filter, ScopeId};
use crate::scan::{Hit, Scan};
use crate::text::Shape;

/// A hit that survived the scope filters.
pub(crate) struct Kept {
    pub hit: Hit,
    /// The clause after it denies it (only leak-status hits are kept so).
    pub negated: bool,
    /// The clause after it asks whether (leak-status hits).
    pub undecided: bool,
}

/// Which segment roles drop hits of which fields (unless the cue ignores
/// the filter).
const SEGMENT_FILTERS: &[(Filter, &[Field])] = &[
    (Filter::Advice, &[Field::Attack, Field::Data, Field::Reported, Field::Leak, Field::Operational]),
    (Filter::Hypothetical, &[Field::Attack, Field::Data, Field::Reported, Field::Leak, Field::Operational]),
    (Filter::Contact, &[Field::Data, Field::Reported]),
    (Filter::Prevention, &[Field::Attack, Field::Data, Field::Operational]),
];

/// The hits that count, in text order (scope and organisation cues are
/// not tags: they never count here).
pub(crate) fn kept(scan: &Scan, in_context: &[bool]) -> Vec<Kept> {
    let mut out = Vec::new();
    let measures = under_prevention_heading(scan);
    for (i, h) in scan.hits.iter().enumerate() {
        let cue = &scan.rules.cues[h.cue];
        let field = scan.rules.field_of(h.cue);
        if matches!(field, Field::Scope | Field::Org) {
            continue;
        }
        let mut scope = scan.scope[h.seg];
        if measures[h.seg] {
            scope.insert(ScopeId::Prevention);
        }
        let dropped = SEGMENT_FILTERS.iter().any(|&(filter, fields)| {
            filter.scope().is_some_and(|s| scope.contains(s)) && cue.applies(filter) && fields.contains(&field)
        });
        if dropped {
            continue;
        }
        if field == Field::Data && !in_context[h.seg] && cue.applies(Filter::Context) {
            continue;
        }
        let negated = cue.applies(Filter::Negation) && scan.negated[i];
        if negated && field != Field::Leak {
            continue;
        }
        // «…に報告する予定です»: the authority is not told yet.
        if scan.planned[i] {
            continue;
        }
        out.push(Kept { hit: *h, negated, undecided: scan.undecided[i] });
    }
    out
}

/// The segments under a heading of prevention measures («■再発防止策»,
/// «4. 再発防止に向けた取り組み»), up to the next heading: the measures
/// («・VPN機器の脆弱性情報の確認と、速やかな更新») name no cause.
fn under_prevention_heading(scan: &Scan) -> Vec<bool> {
    let segs = &scan.text.segs;
    let mut out = vec![false; segs.len()];
    let mut block = false;
    for (i, seg) in segs.iter().enumerate() {
        if seg.shape == Shape::Heading {
            // «4 原因と再発防止»: a section of both states the cause.
            let t = &scan.text.as_str()[seg.start..seg.end];
            block = scan.scope[i].contains(ScopeId::Prevention) && !["原因", "経緯", "概要", "発生"].iter().any(|w| t.contains(w));
        } else {
            out[i] = block;
        }
    }
    out
}

/// «次のとおり», «次の6項目です», «次の情報が…»: a sentence announcing
/// what follows (not «次の日», «次の機会»).
fn announces_next(s: &str) -> bool {
    s.match_indices("次の").any(|(i, w)| {
        let rest = s[i + w.len()..].trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十つ".contains(c));
        ["とおり", "通り", "項目", "情報", "もの", "内容", "データ", "書類", "方"].iter().any(|n| rest.starts_with(n))
    })
}

/// «1万8,652件», «延べ1,560件», «約300名分»: a line that is a figure alone.
fn is_figure_line(s: &str) -> bool {
    let s = ["約", "延べ", "計", "合計", "最大"].iter().fold(s, |s, m| s.strip_prefix(m).unwrap_or(s));
    // A bracketed note after the figure: «1,026名(延べ)», «32件(重複含む)».
    let s = match s.find('(') {
        Some(i) if s.ends_with(')') && s[i..].chars().count() <= 10 => &s[..i],
        _ => s,
    };
    let digits = s.trim_start_matches(|c: char| c.is_ascii_digit() || ",万千百億〇一二三四五六七八九十".contains(c));
    digits.len() < s.len() && ["件", "名", "人", "世帯", "社", "件分", "名分", "人分"].iter().any(|u| digits == *u)
}

/// «q.…», «q3…», «問2…», «質問:…»: a question of a Q&A list, by its label.
fn is_question_label(s: &str) -> bool {
    let s = s.trim_start();
    if let Some(r) = s.strip_prefix('q') {
        return r.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ':' | ')' | ' '));
    }
    ["問", "質問", "【質問", "【問"].iter().any(|p| s.strip_prefix(p).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ':' | ')' | '】' | ' ' | '一' | '二' | '三' | '四' | '五'))))
}

/// Which segments describe the affected data: those that say so
/// themselves, and the items and lines under a heading or an introducing
/// sentence («…は以下のとおりです») that does.
pub(crate) fn in_context(scan: &Scan) -> Vec<bool> {
    let text = scan.text.as_str();
    let segs = &scan.text.segs;
    let mut out = vec![false; segs.len()];
    let mut block = false;
    for (i, seg) in segs.iter().enumerate() {
        let own = scan.scope[i].contains(ScopeId::DataContext) && !scan.scope[i].contains(ScopeId::Prevention);
        let s = text[seg.start..seg.end].trim_end();
        let introduces = s.ends_with(':') || s.contains("以下") || s.contains("下記") || announces_next(s);
        match seg.shape {
            Shape::Heading => {
                // A heading right under a heading that opened a data block is a
                // sub-heading or the content itself («2.流出した情報» / «メールアドレス 49件»).
                // So is a table's next label after a figure row of the block
                // («口座番号 / 1万8,652件 / 電話番号 / 9,877件»).
                let prev = i.checked_sub(1).map(|k| (k, text[segs[k].start..segs[k].end].trim()));
                let label_before = |k: usize| k > 0 && out[k - 1] && segs[k - 1].shape == Shape::Heading;
                let section = s.starts_with(['<', '【', '■', '□', '◆', '●', '〈', '《']) || s.starts_with(|c: char| c.is_ascii_digit());
                // A row label: the next line is its figure («保護者 /
                // 1,026名(延べ) / 氏名、電話番号»).
                let row_label = segs.get(i + 1).is_some_and(|n| is_figure_line(text[n.start..n.end].trim()));
                let under = prev.is_some_and(|(k, t)| {
                    out[k] && (segs[k].shape == Shape::Heading || !section && (row_label || is_figure_line(t) && label_before(k)))
                });
                if !under {
                    block = own;
                }
            }
            Shape::Item => {
                if own && (introduces || !s.ends_with('。')) {
                    block = true;
                }
            }
            Shape::Sentence => {
                // A question («どのような情報が持ち出されたのですか。») opens
                // the block of its answer, or closes the one before it.
                let question = s.ends_with("か。") || s.ends_with("か?") || s.ends_with('?') || is_question_label(s);
                if question {
                    block = own;
                } else if own && introduces {
                    block = true;
                }
            }
        }
        out[i] = own || block;
    }
    out
}
