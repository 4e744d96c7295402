//! The compiled rule set and the one-pass matcher.
//!
//! All cue patterns of all rules go into one `RegexSet`. A text is scanned
//! segment by segment: the set says which cues occur in the segment, and
//! only those cues are then located (`find_iter`) inside that segment, so
//! the work is linear in the text and no pattern is compiled per call.

use crate::segment::Segment;
use crate::spec::{self, RuleError, RuleSpec};
use regex::{Regex, RegexSet, RegexSetBuilder};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Attack,
    Data,
    Reported,
    Leak,
    Operational,
    Org,
    Scope,
}

impl Field {
    fn parse(s: &str) -> Option<Field> {
        Some(match s {
            "attack_types" => Field::Attack,
            "data_categories" => Field::Data,
            "reported_to" => Field::Reported,
            "leak_status" => Field::Leak,
            "operational" => Field::Operational,
            "organization" => Field::Org,
            "scope" => Field::Scope,
            _ => return None,
        })
    }
}

/// Scope filters, as bits of `Cue::ignore`.
pub(crate) const F_NEGATION: u8 = 1;
pub(crate) const F_ADVICE: u8 = 2;
pub(crate) const F_HYPOTHETICAL: u8 = 4;
pub(crate) const F_CONTACT: u8 = 8;
pub(crate) const F_CONTEXT: u8 = 16;
pub(crate) const F_PREVENTION: u8 = 32;

fn filter_bit(name: &str) -> u8 {
    match name {
        "negation" => F_NEGATION,
        "advice" => F_ADVICE,
        "hypothetical" => F_HYPOTHETICAL,
        "contact" => F_CONTACT,
        "context" => F_CONTEXT,
        "prevention" => F_PREVENTION,
        _ => 0,
    }
}

pub(crate) struct Rule {
    pub field: Field,
    pub id: String,
    pub tag: String,
}

pub(crate) struct Cue {
    pub rule: usize,
    /// `<field>/<rule id>` or `<field>/<rule id>#<cue name>`.
    pub evidence_id: String,
    pub weight: f64,
    near: Option<Regex>,
    not_near: Option<Regex>,
    /// Filters this cue is exempt from (F_* bits).
    pub ignore: u8,
}

/// One located cue.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub cue: usize,
    pub start: usize,
    pub end: usize,
    pub seg: usize,
}

pub(crate) struct Engine {
    set: RegexSet,
    res: Vec<Regex>,
    pub cues: Vec<Cue>,
    pub rules: Vec<Rule>,
    /// Alternations of the `scope/negation`, `scope/anti_negation` and
    /// `scope/clause_break` cues, for the clause-tail test.
    negation: Option<Regex>,
    anti_negation: Option<Regex>,
    clause_break: Option<Regex>,
}

fn alternation(specs: &[RuleSpec], id: &str) -> Result<Option<Regex>, RuleError> {
    let parts: Vec<String> = specs
        .iter()
        .filter(|r| r.field() == "scope" && r.tag() == id)
        .flat_map(|r| r.cues.iter().map(|c| format!("(?:{})", c.pattern)))
        .collect();
    if parts.is_empty() {
        return Ok(None);
    }
    spec::compile(&parts.join("|"))
        .map(Some)
        .map_err(|e| RuleError { rule: format!("scope/{}", id), reason: e })
}

impl Engine {
    pub fn new(specs: Vec<RuleSpec>) -> Result<Engine, RuleError> {
        let mut rules = Vec::with_capacity(specs.len());
        let mut cues = Vec::new();
        let mut patterns = Vec::new();
        for spec in &specs {
            let field = Field::parse(spec.field()).ok_or_else(|| RuleError {
                rule: spec.id.clone(),
                reason: format!("unknown field {:?}", spec.field()),
            })?;
            let rule_idx = rules.len();
            rules.push(Rule { field, id: spec.id.clone(), tag: spec.tag().to_string() });
            for (i, c) in spec.cues.iter().enumerate() {
                let err = |e: String| RuleError { rule: spec.id.clone(), reason: format!("cue {}: {}", i + 1, e) };
                let near = c.near.as_deref().map(spec::compile).transpose().map_err(err)?;
                let not_near = c.not_near.as_deref().map(spec::compile).transpose().map_err(err)?;
                let evidence_id = match &c.name {
                    Some(n) => format!("{}/{}#{}", spec.field(), spec.id, n),
                    None => format!("{}/{}", spec.field(), spec.id),
                };
                cues.push(Cue {
                    rule: rule_idx,
                    evidence_id,
                    weight: c.weight.unwrap_or(1.0),
                    near,
                    not_near,
                    ignore: c.ignore.iter().map(|f| filter_bit(f)).fold(0, |a, b| a | b),
                });
                patterns.push(c.pattern.clone());
            }
        }
        let res = patterns
            .iter()
            .zip(&cues)
            .map(|(p, c)| {
                spec::compile(p).map_err(|e| RuleError { rule: rules[c.rule].id.clone(), reason: e })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let set = RegexSetBuilder::new(&patterns)
            .size_limit(spec::PATTERN_SIZE_LIMIT * 64)
            .dfa_size_limit(8 << 20)
            .build()
            .map_err(|e| RuleError { rule: "(rule set)".into(), reason: e.to_string() })?;
        Ok(Engine {
            set,
            res,
            negation: alternation(&specs, "negation")?,
            anti_negation: alternation(&specs, "anti_negation")?,
            clause_break: alternation(&specs, "clause_break")?,
            cues,
            rules,
        })
    }

    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    pub fn cue_count(&self) -> usize {
        self.cues.len()
    }

    /// Finds every cue in every segment, applying each cue's `near` and
    /// `not_near` conditions. Hits come sorted by position.
    pub fn scan(&self, text: &str, segs: &[Segment]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (si, seg) in segs.iter().enumerate() {
            let s = &text[seg.start..seg.end];
            let matched = self.set.matches(s);
            if !matched.matched_any() {
                continue;
            }
            for ci in matched.iter() {
                let cue = &self.cues[ci];
                if cue.near.as_ref().is_some_and(|r| !r.is_match(s)) {
                    continue;
                }
                if cue.not_near.as_ref().is_some_and(|r| r.is_match(s)) {
                    continue;
                }
                for m in self.res[ci].find_iter(s) {
                    if m.start() < m.end() {
                        hits.push(Hit { cue: ci, start: seg.start + m.start(), end: seg.start + m.end(), seg: si });
                    }
                }
            }
        }
        hits.sort_by_key(|h| (h.start, h.end, h.cue));
        hits
    }

    /// Whether the clause after a hit (up to the segment end or the next
    /// clause break) denies it: 「…は含まれておりません」「…は確認されておりません」.
    pub fn negated(&self, text: &str, seg: &Segment, end: usize) -> bool {
        let Some(neg) = &self.negation else { return false };
        let from = end.min(seg.end);
        // The clause that can deny a hit is short: look at most 40 characters ahead.
        let to = text[from..seg.end].char_indices().nth(40).map_or(seg.end, |(i, _)| from + i);
        let mut tail = &text[from..to];
        if let Some(cb) = &self.clause_break {
            if let Some(m) = cb.find(tail) {
                tail = &tail[..m.start()];
            }
        }
        if !neg.is_match(tail) {
            return false;
        }
        !self.anti_negation.as_ref().is_some_and(|a| a.is_match(tail))
    }

    /// Runs the `#name…` cues of the organization rules against a name:
    /// the first cue of rule `tag` that matches, with its span in `name`.
    pub fn match_name(&self, tag: &str, name: &str) -> Option<(usize, usize, usize)> {
        self.cues.iter().enumerate().find_map(|(ci, c)| {
            let r = &self.rules[c.rule];
            if r.field != Field::Org || r.tag != tag || !c.evidence_id.contains("#name") {
                return None;
            }
            self.res[ci].find(name).map(|m| (ci, m.start(), m.end()))
        })
    }

    /// Whether any cue of the scope rule `id` matches somewhere in `text`
    /// (used to run the examples of scope rules).
    pub fn scope_fires(&self, id: &str, text: &str) -> bool {
        let norm = crate::normalize::Normalized::new(text);
        self.cues.iter().zip(&self.res).any(|(c, re)| {
            let r = &self.rules[c.rule];
            r.field == Field::Scope && r.id == id && re.is_match(&norm.text)
        })
    }
}
