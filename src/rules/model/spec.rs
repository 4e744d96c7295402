//! What one rule file holds, and the checks every rule must pass (the same
//! for the built-in rules, at build time, and for custom packs, at load).

use crate::limits::{MAX_CUES, MAX_INSTS, MAX_MEMO_BITS, MAX_MEMO_ROWS, MAX_PATTERN_COST, MAX_PATTERN_LEN, MAX_SEGMENT_BYTES};
use jikenbo_pattern::{Hir, Prog};
use crate::vocab::{Field, Filter};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelSpec {
    pub ja: String,
    pub en: String,
}

/// One cue: a pattern over the normalised text, with its scope conditions.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueSpec {
    /// Short name, shown in evidence as `<field>/<rule>#<name>`.
    #[serde(default)]
    pub name: Option<String>,
    /// A `regex` crate pattern, matched against the normalised text
    /// (NFKC-like folding, ASCII lower-cased, spaces inside numbers and
    /// between CJK characters removed).
    pub pattern: String,
    /// 0 < weight <= 1; how strongly one hit supports the tag (default 1).
    #[serde(default)]
    pub weight: Option<f64>,
    /// The same sentence must also match this pattern.
    #[serde(default)]
    pub near: Option<String>,
    /// The same sentence must not match this pattern.
    #[serde(default)]
    pub not_near: Option<String>,
    /// Scope filters that do not apply to this cue (see [`Filter`]).
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// One rule: a taxonomy id (or a decision input) and the cues that show it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Unique id of the rule. For the built-in rules, the file stem.
    pub id: String,
    /// The output field (folder of `rules/`). Built-in rules take it from
    /// their folder; custom rules must give it.
    #[serde(default)]
    pub field: Option<String>,
    /// The taxonomy id the rule emits; defaults to `id`.
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub label: Option<LabelSpec>,
    /// MITRE ATT&CK technique id, where one fits.
    #[serde(default)]
    pub attack: Option<String>,
    /// VERIS enumeration, where one fits.
    #[serde(default)]
    pub veris: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    pub cues: Vec<CueSpec>,
    /// Texts the classifier must tag with this rule's id.
    #[serde(default, rename = "match")]
    pub matches: Vec<String>,
    /// Texts the classifier must not tag with it: near-misses, negations,
    /// advice to readers, neighbouring types.
    #[serde(default)]
    pub no_match: Vec<String>,
}

impl CueSpec {
    /// A cue with this pattern and nothing else (set the other fields with
    /// struct update syntax: `CueSpec { near: …, ..CueSpec::new(p) }`).
    pub fn new(pattern: impl Into<String>) -> CueSpec {
        CueSpec { pattern: pattern.into(), ..CueSpec::default() }
    }
}

impl RuleSpec {
    /// A custom rule with its field, the tag it emits (`tag` = the taxonomy
    /// id, or the decision id of a decision field), its cues and its
    /// examples.
    pub fn new(id: &str, field: Field, tag: &str, cues: Vec<CueSpec>, matches: &[&str], no_match: &[&str]) -> RuleSpec {
        RuleSpec {
            id: id.into(),
            field: Some(field.as_str().into()),
            tag: Some(tag.into()),
            cues,
            matches: matches.iter().map(|s| s.to_string()).collect(),
            no_match: no_match.iter().map(|s| s.to_string()).collect(),
            ..RuleSpec::default()
        }
    }

    /// The field as written (empty when none is given).
    pub fn field(&self) -> &str {
        self.field.as_deref().unwrap_or("")
    }
    /// The field, when it is one of [`Field`].
    pub fn field_kind(&self) -> Option<Field> {
        Field::parse(self.field())
    }
    pub fn tag(&self) -> &str {
        self.tag.as_deref().unwrap_or(&self.id)
    }
}

/// A rule that failed validation: which rule, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub rule: String,
    pub reason: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "rule {:?}: {}", self.rule, self.reason)
    }
}

/// Which tag ids each tag field accepts.
pub trait KnownIds {
    fn known(&self, field: &str, id: &str) -> bool;
}

fn err(rule: &RuleSpec, reason: impl Into<String>) -> RuleError {
    RuleError { rule: if rule.id.is_empty() { "(no id)".into() } else { rule.id.clone() }, reason: reason.into() }
}

/// Parses and compiles one pattern with the limits every rule pattern
/// obeys: its length, the `regex` crate's syntax (regex-syntax, as the
/// pattern engine parses it), and the engine's own limits — instructions
/// (`MAX_INSTS`), work per position (`MAX_PATTERN_COST`) and memo rows
/// (`MAX_MEMO_ROWS`: a segment of `MAX_SEGMENT_BYTES` must fit the memo
/// budget `MAX_MEMO_BITS`, so that every search runs in linear time and
/// bounded memory). Each error is one line naming the pattern.
pub fn compile(pattern: &str) -> Result<(Hir, Prog), String> {
    if pattern.len() > MAX_PATTERN_LEN {
        return Err(format!("pattern is {} bytes long, more than the limit of {}", pattern.len(), MAX_PATTERN_LEN));
    }
    let hir = jikenbo_pattern::parse(pattern).map_err(|e| format!("bad pattern {:?}: {}", pattern, one_line(&e)))?;
    let prog = Prog::from_hir(&hir, pattern).map_err(|e| {
        if e.contains("instructions") {
            format!("pattern {:?} compiles larger than the size limit of {} instructions", pattern, MAX_INSTS)
        } else {
            e
        }
    })?;
    let cost = prog.cost(MAX_SEGMENT_BYTES);
    if cost > MAX_PATTERN_COST {
        return Err(format!(
            "pattern {:?} compiles larger than the size limit: {} steps per position of the text (instructions, alternatives and the largest count of each repetition), more than {}",
            pattern, cost, MAX_PATTERN_COST
        ));
    }
    if prog.memo_rows() > MAX_MEMO_ROWS {
        return Err(format!(
            "pattern {:?} has {} alternations and repetitions, more than the limit of {} (the matcher's memo of {} bits over a segment of {} bytes): split it into several cues",
            pattern,
            prog.memo_rows(),
            MAX_MEMO_ROWS,
            MAX_MEMO_BITS,
            MAX_SEGMENT_BYTES
        ));
    }
    Ok((hir, prog))
}

fn one_line(s: &str) -> String {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Upper-case ASCII letters outside escapes can never match: the text is
/// lower-cased before matching.
fn has_upper_literal(pattern: &str) -> bool {
    let mut chars = pattern.chars();
    let mut in_class_escape = false;
    while let Some(c) = chars.next() {
        if c == '\\' {
            // skip the escaped char, and a {…} that follows \p / \P / \x / \u
            if let Some(n) = chars.next() {
                if matches!(n, 'p' | 'P' | 'x' | 'u' | 'U') {
                    in_class_escape = true;
                }
            }
            continue;
        }
        if in_class_escape {
            if c == '{' {
                continue;
            }
            if c == '}' || !c.is_ascii_alphanumeric() {
                in_class_escape = false;
            }
            continue;
        }
        if c.is_ascii_uppercase() {
            return true;
        }
    }
    false
}

fn is_rule_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.'))
}

/// Checks one rule: field, ids, patterns, examples. Does not run the
/// examples through the classifier (that needs the whole rule set).
pub fn validate(rule: &RuleSpec, known: &dyn KnownIds) -> Result<(), RuleError> {
    if !is_rule_id(&rule.id) {
        return Err(err(rule, "id must be 1-64 characters of a-z, 0-9, '_', '-', '.'"));
    }
    let field = rule.field();
    if field.is_empty() {
        return Err(err(rule, format!("no field given (one of {})", Field::names())));
    }
    let Some(kind) = Field::parse(field) else {
        return Err(err(rule, format!("unknown field {:?} (expected one of {})", field, Field::names())));
    };
    let tag = rule.tag();
    let tag_ok = match kind.fixed_ids() {
        Some(ids) => ids.contains(&tag),
        None => known.known(field, tag),
    };
    if !tag_ok {
        return Err(err(rule, format!("unknown id {:?} for field {:?}", tag, field)));
    }
    if let Some(l) = &rule.label {
        if l.ja.trim().is_empty() || l.en.trim().is_empty() {
            return Err(err(rule, "label needs both ja and en text"));
        }
    }
    if rule.cues.is_empty() {
        return Err(err(rule, "no cues: a rule needs at least one [[cues]] pattern"));
    }
    if rule.cues.len() > MAX_CUES {
        return Err(err(rule, format!("{} cues, more than the limit of {}", rule.cues.len(), MAX_CUES)));
    }
    let mut names = Vec::new();
    for (i, cue) in rule.cues.iter().enumerate() {
        let which = match &cue.name {
            Some(n) => format!("cue {:?}", n),
            None => format!("cue {}", i + 1),
        };
        if let Some(n) = &cue.name {
            if !is_rule_id(n) {
                return Err(err(rule, format!("{}: name must be a-z, 0-9, '_', '-', '.'", which)));
            }
            if names.contains(n) {
                return Err(err(rule, format!("duplicate cue name {:?}", n)));
            }
            names.push(n.clone());
        }
        if cue.pattern.is_empty() {
            return Err(err(rule, format!("{}: empty pattern", which)));
        }
        let (_, prog) = compile(&cue.pattern).map_err(|e| err(rule, format!("{}: {}", which, e)))?;
        if prog.matches_empty() {
            return Err(err(
                rule,
                format!("{}: pattern {:?} can match the empty string (evidence must quote at least one character)", which, cue.pattern),
            ));
        }
        for p in [Some(&cue.pattern), cue.near.as_ref(), cue.not_near.as_ref()].into_iter().flatten() {
            if has_upper_literal(p) {
                return Err(err(
                    rule,
                    format!("{}: pattern {:?} has upper-case ASCII letters, which never match (text is lower-cased)", which, p),
                ));
            }
        }
        for (what, p) in [("near", &cue.near), ("not_near", &cue.not_near)] {
            if let Some(p) = p {
                compile(p).map_err(|e| err(rule, format!("{} {}: {}", which, what, e)))?;
            }
        }
        if let Some(w) = cue.weight {
            if !(w > 0.0 && w <= 1.0) {
                return Err(err(rule, format!("{}: weight {} is not in (0, 1]", which, w)));
            }
        }
        for f in &cue.ignore {
            if Filter::parse(f).is_none() {
                return Err(err(rule, format!("{}: unknown filter {:?} in ignore (expected {})", which, f, Filter::names())));
            }
        }
    }
    if rule.matches.is_empty() {
        return Err(err(rule, "missing examples: `match` needs at least one text the rule must fire on"));
    }
    if rule.no_match.is_empty() {
        return Err(err(rule, "missing examples: `no_match` needs at least one near-miss the rule must not fire on"));
    }
    Ok(())
}
