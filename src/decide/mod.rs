//! Stage 3, decide: from a [`Scan`] to the [`Report`].
//!
//! In: one [`Scan`] (the text, its segments, the located cues and their
//! scope, the organisation and count candidates). Out: the [`Report`].
//! Pure functions over the `Scan`: no pattern runs here. Imports the scan
//! stage's data types, the taxonomy and the report; never the pattern
//! engine, never the `Classifier`.
//!
//! Order: scope first (`scope.rs`: which hits count), then each field —
//! tags (`tags.rs`), leak status (`leak.rs`), count (`count.rs`),
//! organisation (`org.rs`) — then the rubric of taxonomy §5/§7
//! (`rubric.rs`) with its reasons (`reasons.rs`, every reason text).

mod count;
mod leak;
mod org;
mod reasons;
mod rubric;
mod scope;
mod tags;
#[cfg(test)]
mod tests;

pub(crate) use scope::{in_context, kept};

use crate::report::*;
use crate::rules::limits::MAX_EVIDENCE;
use crate::rules::taxonomy;
use crate::rules::Field;
use crate::scan::{Hit, Scan};

/// Quoting the notice: byte spans of the normalised text as evidence in the
/// caller's offsets, with the caller's text.
trait Quote {
    fn quote(&self, start: usize, end: usize, rule: &str) -> Evidence;
    fn quote_hit(&self, h: &Hit) -> Evidence;
}

impl Quote for Scan<'_> {
    fn quote(&self, start: usize, end: usize, rule: &str) -> Evidence {
        let norm = &self.text.norm;
        let (start, end) = norm.span16(start, end);
        debug_assert!(start < end && end <= norm.len16(), "evidence {}..{} outside the input", start, end);
        Evidence { start, end, rule: rule.to_string(), text: self.text.original.slice(start, end).to_string() }
    }

    /// A cue's hit, trimmed to the cue: the context a pattern reads after
    /// the words it stands for is no part of the quote.
    fn quote_hit(&self, h: &Hit) -> Evidence {
        let end = quote_end(self.text.as_str(), h.start, h.end);
        self.quote(h.start, end, &self.rules.cues[h.cue].evidence_id)
    }
}

/// Where a quote of `text[start..end]` ends once the context a pattern
/// matches after its words is cut off: trailing punctuation and brackets
/// (an opening one, or a closing one the quote does not open), the
/// conjunction 及 (及び), and a one-character particle right after a noun
/// (「住所、」→「住所」,「本県の」→「本県」,「個人情報及」→「個人情報」; but
/// 「…したこと」 stays: こと is a word). Never empties the quote.
pub(crate) fn quote_end(text: &str, start: usize, mut end: usize) -> usize {
    const PUNCT: &str = "、。,.・:;!?「『(【〈《[";
    const CLOSE: &[(char, char)] = &[('」', '「'), ('』', '『'), (')', '('), ('】', '【'), ('〉', '〈'), ('》', '《'), (']', '[')];
    const PARTICLES: &str = "のとやにはをがもへで";
    loop {
        let q = &text[start..end];
        let mut rev = q.chars().rev();
        let Some(last) = rev.next() else { return end };
        let before = rev.next();
        let Some(before) = before else { return end };
        let cut = if PUNCT.contains(last) || last == '及' {
            true
        } else if let Some(&(_, open)) = CLOSE.iter().find(|(c, _)| *c == last) {
            !q.contains(open)
        } else if PARTICLES.contains(last) {
            // a particle after a noun (kanji, katakana, ASCII), not the
            // end of a word written in kana
            !matches!(before, '\u{3041}'..='\u{309F}') && !PUNCT.contains(before)
        } else {
            false
        };
        if !cut {
            return end;
        }
        end -= last.len_utf8();
    }
}

/// The report of one scanned notice.
pub(crate) fn decide(scan: &Scan) -> Report {
    let context = in_context(scan);
    let kept = kept(scan, &context);

    let attack = tags::attack_types(scan, &kept);
    let data = tags::data_categories(scan, &kept);
    let reported = tags::reported_to(scan, &kept);
    let leak = leak::leak_status(scan, &kept, &attack);
    let (affected, figure) = count::affected_count(scan, &context);
    let organization = org::organization(scan);

    // Operational severity: the highest level any kept cue states.
    let mut operational = Level::Low;
    let mut op_ev: Vec<(Level, Evidence)> = Vec::new();
    for k in kept.iter().filter(|k| scan.rules.field_of(k.hit.cue) == Field::Operational) {
        let level = match scan.rules.rule_of(k.hit.cue).tag.as_str() {
            "critical" => Level::Critical,
            "high" => Level::High,
            _ => Level::Medium,
        };
        operational = operational.max(level);
        op_ev.push((level, scan.quote_hit(&k.hit)));
    }

    // Rubric.
    let max_tier = data.iter().map(|d| d.tier).max().unwrap_or(0);
    let data_level = rubric::data_severity(max_tier, figure, leak.value);
    let level = data_level.max(operational);
    let basis = reasons::DataBasis {
        tier: data.iter().filter(|d| d.tier == max_tier).flat_map(|d| d.tag.evidence.iter().cloned()).collect(),
        count: &affected.evidence,
        leak: &leak.evidence,
    };
    let mut reasons = reasons::data_reasons(max_tier, figure, leak.value, data_level, basis);
    let outage: Vec<Evidence> = op_ev.into_iter().filter(|(l, _)| *l == operational).map(|(_, e)| e).collect();
    reasons.push(reasons::operational(operational, outage));
    let has = |id: &str| data.iter().any(|d| d.tag.id == id);
    let ppc = rubric::ppc(&rubric::PpcInput {
        personal: data.iter().any(|d| taxonomy::row(Field::Data, &d.tag.id).is_some_and(|r| r.personal)),
        special_care: has("medical") || has("special_care"),
        payment_card: has("payment_card"),
        my_number: has("my_number"),
        intentional: attack.iter().any(|t| taxonomy::row(Field::Attack, &t.id).is_some_and(|r| r.intentional)),
        ransomware: attack.iter().any(|t| t.id == "ransomware"),
        leak: leak.value,
        count: figure,
        public_body: organization.public_body,
    });

    let mut report = Report {
        schema: SCHEMA,
        language: language(scan.text.as_str()),
        attack_types: attack,
        data_categories: data,
        leak_status: leak,
        affected_count: affected,
        severity: Severity { level, data: data_level, operational, reasons },
        reported_to: reported,
        organization,
        ppc_report: ppc,
        truncated: scan.truncated,
    };
    if cap_evidence(&mut report) {
        report.truncated = true;
    }
    report
}

/// At most `MAX_EVIDENCE` spans per tag and decision (the first ones, in
/// text order); whether any were left out.
fn cap_evidence(r: &mut Report) -> bool {
    let mut lists: Vec<&mut Vec<Evidence>> = Vec::new();
    lists.extend(r.attack_types.iter_mut().map(|t| &mut t.evidence));
    lists.extend(r.data_categories.iter_mut().map(|t| &mut t.tag.evidence));
    lists.extend(r.reported_to.iter_mut().map(|t| &mut t.evidence));
    lists.push(&mut r.leak_status.evidence);
    lists.push(&mut r.organization.evidence);
    lists.extend(r.severity.reasons.iter_mut().map(|x| &mut x.evidence));
    let mut cut = false;
    for l in lists {
        if l.len() > MAX_EVIDENCE {
            l.truncate(MAX_EVIDENCE);
            cut = true;
        }
    }
    cut
}

fn language(text: &str) -> Language {
    let mut ja = 0usize;
    let mut latin = 0usize;
    for c in text.chars() {
        match c {
            '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => ja += 1,
            'a'..='z' => latin += 1,
            _ => {}
        }
    }
    if ja >= 2 && ja * 4 >= latin / 3 {
        Language::Ja
    } else if latin >= 20 {
        Language::En
    } else {
        Language::Und
    }
}
