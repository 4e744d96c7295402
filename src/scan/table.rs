//! The cue table: the rule set compiled for the scan. Every rule's cues
//! with their patterns, their `near`/`not_near` conditions and the filters
//! they ignore; the alternations of the negation and clause-break scope
//! rules; and the prefilter over every cue's literals.
//!
//! The built-in patterns come compiled from build.rs; a custom rule pack is
//! validated and compiled when it is loaded, so that a bad pack fails then,
//! not in a later classify.

use super::prefilter::Prefilter;
use crate::rules::builtin;
use crate::rules::{check_set_size, compile, Bits, Field, Filter, RuleError, RuleSpec, ScopeId};
use jikenbo_pattern::literals::{filter_literals, Literals};
use jikenbo_pattern::Prog;
use std::collections::HashMap;
use std::sync::Arc;

/// One rule, as the decide stage sees it.
pub(crate) struct Rule {
    pub field: Field,
    pub id: String,
    pub tag: String,
}

/// One cue, as the decide stage sees it: which rule, how it is quoted,
/// how much it weighs, which scope filters do not apply to it.
pub(crate) struct Cue {
    pub rule: usize,
    /// `<field>/<rule id>` or `<field>/<rule id>#<cue name>`.
    pub evidence_id: String,
    pub weight: f64,
    pub ignore: Bits<Filter>,
    /// An `organization` cue named `name…`: run on the organisation's name
    /// only, never on the text.
    pub name_cue: bool,
}

impl Cue {
    /// Whether the scope filter applies to this cue.
    pub fn applies(&self, f: Filter) -> bool {
        !self.ignore.contains(f)
    }
}

/// The rules and cues: data only (no pattern), what a `Scan` refers to.
pub(crate) struct RuleTable {
    pub rules: Vec<Rule>,
    pub cues: Vec<Cue>,
}

impl RuleTable {
    pub fn rule_of(&self, cue: usize) -> &Rule {
        &self.rules[self.cues[cue].rule]
    }
    pub fn field_of(&self, cue: usize) -> Field {
        self.rule_of(cue).field
    }
}

/// A pattern with its program.
pub(crate) struct Pattern {
    pub src: String,
    pub prog: Prog,
}

impl Pattern {
    /// A built-in pattern: compiled ahead of time by build.rs, else now.
    pub(crate) fn builtin(src: &str) -> Pattern {
        let prog = match builtin::compiled().get(src) {
            Some((prog, _)) => prog,
            None => Prog::new(src).expect("the built-in patterns are valid"),
        };
        Pattern { src: src.to_string(), prog }
    }

    /// Any pattern: the compiled one when build.rs made it, else validated
    /// (held to the `regex` crate's syntax and size limits) and compiled.
    fn new(src: &str) -> Result<Pattern, String> {
        Pattern::with_literals(src).map(|(p, _)| p)
    }

    /// The same, with the literals that locate its matches (for the
    /// prefilter), from the same compiled entry or syntax tree.
    fn with_literals(src: &str) -> Result<(Pattern, Option<Literals>), String> {
        if let Some((prog, lits)) = builtin::compiled().get(src) {
            return Ok((Pattern { src: src.to_string(), prog }, lits));
        }
        compile(src)?;
        let hir = jikenbo_pattern::parse(src).map_err(|e| format!("pattern {:?}: {}", src, e))?;
        let prog = Prog::from_hir(&hir, src).map_err(|e| format!("pattern {:?}: {}", src, e))?;
        Ok((Pattern { src: src.to_string(), prog }, filter_literals(&hir)))
    }
}

/// The rule set compiled for the scan.
pub(crate) struct Scanner {
    pub table: RuleTable,
    pub(super) prefilter: Prefilter,
    /// Per cue, its pattern.
    pub(super) patterns: Vec<Pattern>,
    /// Per cue, its conditions (shared by the cues that state the same one).
    pub(super) near: Vec<Option<Arc<Pattern>>>,
    pub(super) not_near: Vec<Option<Arc<Pattern>>>,
    /// The alternations of the `scope/negation`, `scope/anti_negation` and
    /// `scope/clause_break` cues, for the clause-tail test.
    pub(super) negation: Option<Pattern>,
    pub(super) anti_negation: Option<Pattern>,
    pub(super) clause_break: Option<Pattern>,
}

fn alternation(specs: &[RuleSpec], id: ScopeId) -> Result<Option<Pattern>, RuleError> {
    let mut parts = specs
        .iter()
        .filter(|r| r.field_kind() == Some(Field::Scope) && r.tag() == id.as_str())
        .flat_map(|r| r.cues.iter().map(|c| c.pattern.as_str()))
        .peekable();
    if parts.peek().is_none() {
        return Ok(None);
    }
    let src = jikenbo_pattern::alternation_source(parts);
    Pattern::new(&src).map(Some).map_err(|e| RuleError { rule: format!("scope/{}", id), reason: e })
}

impl Scanner {
    pub fn new(specs: &[RuleSpec]) -> Result<Scanner, RuleError> {
        let mut rules = Vec::with_capacity(specs.len());
        let mut cues = Vec::new();
        let mut patterns = Vec::new();
        let mut lits = Vec::new();
        let (mut near, mut not_near) = (Vec::new(), Vec::new());
        let mut shared: HashMap<String, Arc<Pattern>> = HashMap::new();
        for spec in specs {
            let field = spec.field_kind().ok_or_else(|| RuleError {
                rule: spec.id.clone(),
                reason: format!("unknown field {:?}", spec.field()),
            })?;
            let rule_idx = rules.len();
            rules.push(Rule { field, id: spec.id.clone(), tag: spec.tag().to_string() });
            for (i, c) in spec.cues.iter().enumerate() {
                let err = |e: String| RuleError { rule: spec.id.clone(), reason: format!("cue {}: {}", i + 1, e) };
                let mut share = |src: &Option<String>| -> Result<Option<Arc<Pattern>>, RuleError> {
                    let Some(p) = src else { return Ok(None) };
                    if let Some(found) = shared.get(p) {
                        return Ok(Some(found.clone()));
                    }
                    let pat = Arc::new(Pattern::new(p).map_err(err)?);
                    shared.insert(p.clone(), pat.clone());
                    Ok(Some(pat))
                };
                near.push(share(&c.near)?);
                not_near.push(share(&c.not_near)?);
                let evidence_id = match &c.name {
                    Some(n) => format!("{}/{}#{}", field, spec.id, n),
                    None => format!("{}/{}", field, spec.id),
                };
                let name_cue = field == Field::Org && evidence_id.contains("#name");
                cues.push(Cue {
                    rule: rule_idx,
                    evidence_id,
                    weight: c.weight.unwrap_or(1.0),
                    ignore: c.ignore.iter().filter_map(|f| Filter::parse(f)).collect(),
                    name_cue,
                });
                let (pattern, literals) = Pattern::with_literals(&c.pattern).map_err(|e| RuleError { rule: spec.id.clone(), reason: e })?;
                patterns.push(pattern);
                lits.push(literals);
            }
        }
        if specs.len() != builtin::RULE_COUNT {
            // A custom pack: the combined size limit the rule set has
            // always been held to.
            let srcs: Vec<String> = patterns.iter().map(|p| p.src.clone()).collect();
            check_set_size(&srcs).map_err(|e| RuleError { rule: "(rule set)".into(), reason: e })?;
        }
        let prefilter = Prefilter::new(lits, |ci| cues[ci].name_cue);
        Ok(Scanner {
            prefilter,
            patterns,
            near,
            not_near,
            negation: alternation(specs, ScopeId::Negation)?,
            anti_negation: alternation(specs, ScopeId::AntiNegation)?,
            clause_break: alternation(specs, ScopeId::ClauseBreak)?,
            table: RuleTable { rules, cues },
        })
    }
}
