//! The trace of one notice for rule authors (`jikenbo explain`): every
//! segment with its shape and scope, every cue hit in it and whether its
//! clause denies it. Built from the same `Scan` the report is decided from.

use crate::decide::in_context;
use crate::rules::{Field, ScopeId};
use crate::scan::Scan;

/// Every segment of a notice, with the cues found in it.
#[derive(Debug, Clone)]
pub struct Trace {
    pub segments: Vec<TraceSegment>,
}

/// One segment (sentence or line) of the normalised text.
#[derive(Debug, Clone)]
pub struct TraceSegment {
    /// The segment's normalised text.
    pub text: String,
    /// `Sentence`, `Heading` or `Item`.
    pub shape: &'static str,
    /// The segment describes the affected data.
    pub context: bool,
    /// The segment-level scope rules that fired in it.
    pub scope: Vec<&'static str>,
    pub hits: Vec<TraceHit>,
}

/// One cue hit.
#[derive(Debug, Clone)]
pub struct TraceHit {
    /// `<field>/<rule id>[#<cue name>]`.
    pub rule: String,
    /// The rule's field and id.
    pub field: &'static str,
    pub rule_id: String,
    /// The matched normalised text.
    pub text: String,
    /// The clause after the hit denies it.
    pub negated: bool,
}

impl Trace {
    pub(crate) fn new(scan: &Scan) -> Trace {
        let text = scan.text.as_str();
        let ctx = in_context(scan);
        let mut segments: Vec<TraceSegment> = scan
            .text
            .segs
            .iter()
            .enumerate()
            .map(|(i, seg)| TraceSegment {
                text: text[seg.start..seg.end].to_string(),
                shape: match seg.shape {
                    crate::text::Shape::Sentence => "Sentence",
                    crate::text::Shape::Heading => "Heading",
                    crate::text::Shape::Item => "Item",
                },
                context: ctx[i],
                scope: ScopeId::ALL.iter().filter(|s| scan.scope[i].contains(**s)).map(|s| s.as_str()).collect(),
                hits: Vec::new(),
            })
            .collect();
        for (i, h) in scan.hits.iter().enumerate() {
            let rule = scan.rules.rule_of(h.cue);
            segments[h.seg].hits.push(TraceHit {
                rule: scan.rules.cues[h.cue].evidence_id.clone(),
                field: rule.field.as_str(),
                rule_id: rule.id.clone(),
                text: text[h.start..h.end].to_string(),
                negated: scan.negated[i],
            });
        }
        Trace { segments }
    }

    /// Whether a cue of the rule `id` of `field` hit anywhere.
    pub fn fired(&self, field: Field, id: &str) -> bool {
        self.segments.iter().flat_map(|s| &s.hits).any(|h| h.field == field.as_str() && h.rule_id == id)
    }
}

/// One line per segment, then one per hit (scope cues are shown as the
/// segment's flags, not as hits).
impl std::fmt::Display for Trace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, seg) in self.segments.iter().enumerate() {
            let flag = |id: ScopeId, word: &str| if seg.scope.contains(&id.as_str()) { format!(" {}", word) } else { String::new() };
            writeln!(
                f,
                "[{}] {}{}{}{}{}{} {}",
                i,
                seg.shape,
                if seg.context { " CTX" } else { "" },
                flag(ScopeId::Advice, "ADVICE"),
                flag(ScopeId::Hypothetical, "HYPO"),
                flag(ScopeId::Contact, "CONTACT"),
                flag(ScopeId::Recovered, "RECOVERED"),
                seg.text
            )?;
            for h in seg.hits.iter().filter(|h| h.field != Field::Scope.as_str()) {
                writeln!(f, "      {} {:?}{}", h.rule, h.text, if h.negated { " NEGATED" } else { "" })?;
            }
        }
        Ok(())
    }
}
