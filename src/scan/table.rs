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
use crate::rules::limits::MAX_PACK_SIZE;
use crate::rules::{compile, Bits, Field, Filter, RuleError, RuleSpec, ScopeId};
use jikenbo_pattern::literals::{filter_literals, Literals};
use jikenbo_pattern::Prog;
use std::collections::HashMap;
use std::sync::Arc;

/// One rule, as the decide stage sees it.
#[derive(Clone)]
pub(crate) struct Rule {
    pub field: Field,
    pub id: String,
    pub tag: String,
}

/// One cue, as the decide stage sees it: which rule, how it is quoted,
/// how much it weighs, which scope filters do not apply to it.
#[derive(Clone)]
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
#[derive(Clone)]
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

/// A pattern's program.
pub(crate) struct Pattern {
    pub prog: Prog,
}

impl Pattern {
    /// A built-in pattern: compiled ahead of time by build.rs, else now.
    pub(crate) fn builtin(src: &str) -> Pattern {
        let prog = match builtin::compiled().get(src) {
            Some(Ok((prog, _))) => prog,
            _ => Prog::new(src).expect("the built-in patterns are valid"),
        };
        Pattern { prog }
    }

    /// Any pattern: the compiled one when build.rs made it, else validated
    /// (held to the pattern syntax and the engine's limits) and compiled.
    fn new(src: &str) -> Result<Pattern, String> {
        Pattern::with_literals(src).map(|(p, _)| p)
    }

    /// The same, with the literals that locate its matches (for the
    /// prefilter), from the same compiled entry or syntax tree.
    fn with_literals(src: &str) -> Result<(Pattern, Option<Literals>), String> {
        if let Some(Ok((prog, lits))) = builtin::compiled().get(src) {
            return Ok((Pattern { prog }, lits));
        }
        let (hir, prog) = compile(src)?;
        Ok((Pattern { prog }, filter_literals(&hir)))
    }
}

/// One compiled set of cues — the built-in ones, or a custom pack's — with
/// their patterns and conditions and the prefilter over their literals. A
/// classifier with a custom pack shares the built-in set (the prefilter's
/// table is most of a rule set's memory) and adds one of its own.
pub(crate) struct CueSet {
    /// Index in the rule table of the set's first cue.
    pub(super) first: usize,
    pub(super) prefilter: Prefilter,
    /// Per cue, its pattern.
    pub(super) patterns: Vec<Pattern>,
    /// Per cue, its conditions (shared by the cues that state the same one).
    pub(super) near: Vec<Option<Arc<Pattern>>>,
    pub(super) not_near: Vec<Option<Arc<Pattern>>>,
}

/// The alternations of the `scope/negation`, `scope/anti_negation` and
/// `scope/clause_break` cues, for the clause-tail test.
pub(crate) struct ClausePatterns {
    pub(super) negation: Option<Pattern>,
    pub(super) anti_negation: Option<Pattern>,
    pub(super) clause_break: Option<Pattern>,
    /// `scope/undecided`: the clause asks whether, it does not state.
    pub(super) undecided: Option<Pattern>,
    /// `scope/planned`: the clause says it will be done, not that it was.
    pub(super) planned: Option<Pattern>,
}

/// The rule set compiled for the scan.
pub(crate) struct Scanner {
    pub table: RuleTable,
    pub(super) sets: Vec<Arc<CueSet>>,
    pub(super) clauses: Arc<ClausePatterns>,
}

/// The ids of the scope rules that make the clause patterns.
const CLAUSE_SCOPES: [ScopeId; 5] =
    [ScopeId::Negation, ScopeId::AntiNegation, ScopeId::ClauseBreak, ScopeId::Undecided, ScopeId::Planned];

/// The alternation of every cue of the scope rules `id` in `specs`; an
/// error names `blame` (the custom rule that made it too large).
fn alternation(specs: &[RuleSpec], id: ScopeId, blame: &str) -> Result<Option<Pattern>, RuleError> {
    let mut parts = specs
        .iter()
        .filter(|r| r.field_kind() == Some(Field::Scope) && r.tag() == id.as_str())
        .flat_map(|r| r.cues.iter().map(|c| c.pattern.as_str()))
        .peekable();
    if parts.peek().is_none() {
        return Ok(None);
    }
    let src = jikenbo_pattern::alternation_source(parts);
    Pattern::new(&src).map(Some).map_err(|e| RuleError { rule: blame.to_string(), reason: format!("with the other scope/{} rules: {}", id, e) })
}

impl ClausePatterns {
    fn new(specs: &[RuleSpec], blame: impl Fn(ScopeId) -> String) -> Result<ClausePatterns, RuleError> {
        Ok(ClausePatterns {
            negation: alternation(specs, ScopeId::Negation, &blame(ScopeId::Negation))?,
            anti_negation: alternation(specs, ScopeId::AntiNegation, &blame(ScopeId::AntiNegation))?,
            clause_break: alternation(specs, ScopeId::ClauseBreak, &blame(ScopeId::ClauseBreak))?,
            undecided: alternation(specs, ScopeId::Undecided, &blame(ScopeId::Undecided))?,
            planned: alternation(specs, ScopeId::Planned, &blame(ScopeId::Planned))?,
        })
    }
}

impl CueSet {
    /// Compiles the cues of `specs` (whose rules are numbered from
    /// `first_rule` in the table, their cues from `first`), adding the rules
    /// and cues to `table`. `budget`: the most program size the set's
    /// patterns may take in all (None: no limit, for the built-in rules).
    fn new(specs: &[RuleSpec], table: &mut RuleTable, budget: Option<usize>) -> Result<CueSet, RuleError> {
        let first = table.cues.len();
        let mut patterns = Vec::new();
        let mut lits = Vec::new();
        let (mut near, mut not_near) = (Vec::new(), Vec::new());
        let mut shared: HashMap<String, Arc<Pattern>> = HashMap::new();
        let mut size = 0usize;
        for spec in specs {
            let field = spec.field_kind().ok_or_else(|| RuleError {
                rule: spec.id.clone(),
                reason: format!("unknown field {:?}", spec.field()),
            })?;
            let rule_idx = table.rules.len();
            table.rules.push(Rule { field, id: spec.id.clone(), tag: spec.tag().to_string() });
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
                table.cues.push(Cue {
                    rule: rule_idx,
                    evidence_id,
                    weight: c.weight.unwrap_or(1.0),
                    ignore: c.ignore.iter().filter_map(|f| Filter::parse(f)).collect(),
                    name_cue,
                });
                let (pattern, literals) = Pattern::with_literals(&c.pattern).map_err(|e| RuleError { rule: spec.id.clone(), reason: e })?;
                size += pattern.prog.size();
                for cond in [&c.near, &c.not_near].into_iter().flatten() {
                    size += shared.get(cond).map_or(0, |p| p.prog.size());
                }
                if let Some(max) = budget.filter(|&max| size > max) {
                    return Err(RuleError {
                        rule: spec.id.clone(),
                        reason: format!(
                            "cue {}: the pack's patterns compile to more than {} instructions in all (this cue brings them to {})",
                            i + 1,
                            max,
                            size
                        ),
                    });
                }
                patterns.push(pattern);
                lits.push(literals);
            }
        }
        let cues = &table.cues[first..];
        let prefilter = Prefilter::new(lits, |ci| cues[ci].name_cue);
        Ok(CueSet { first, prefilter, patterns, near, not_near })
    }
}

impl Scanner {
    /// The set holding cue `ci` (of the table), and the cue's index in it.
    pub(super) fn set_of(&self, ci: usize) -> (&CueSet, usize) {
        let set = self.sets.iter().rev().find(|s| s.first <= ci).expect("cue 0 is in the first set");
        (set, ci - set.first)
    }

    /// The pattern of cue `ci`.
    pub(super) fn pattern(&self, ci: usize) -> &Pattern {
        let (set, i) = self.set_of(ci);
        &set.patterns[i]
    }

    /// The scanner of one rule set (the built-in rules, or any set of
    /// specifications in tests).
    pub fn new(specs: &[RuleSpec]) -> Result<Scanner, RuleError> {
        let mut table = RuleTable { rules: Vec::new(), cues: Vec::new() };
        let set = CueSet::new(specs, &mut table, None)?;
        let clauses = ClausePatterns::new(specs, |id| format!("scope/{}", id))?;
        Ok(Scanner { table, sets: vec![Arc::new(set)], clauses: Arc::new(clauses) })
    }

    /// `base` with the rules of a custom pack added: the base's compiled
    /// cue sets are shared, the pack's cues are compiled into a set of their
    /// own (held to `MAX_PACK_SIZE`); the clause patterns are rebuilt only
    /// when the pack adds negation or clause-break rules. `all` is every
    /// specification, base and pack.
    pub fn extend(base: &Scanner, custom: &[RuleSpec], all: &[RuleSpec]) -> Result<Scanner, RuleError> {
        let mut table = base.table.clone();
        let set = CueSet::new(custom, &mut table, Some(MAX_PACK_SIZE))?;
        let mut sets = base.sets.clone();
        sets.push(Arc::new(set));
        let adds = |id: ScopeId| custom.iter().rev().find(|r| r.field_kind() == Some(Field::Scope) && r.tag() == id.as_str());
        let clauses = if CLAUSE_SCOPES.iter().any(|&id| adds(id).is_some()) {
            Arc::new(ClausePatterns::new(all, |id| adds(id).map_or_else(|| format!("scope/{}", id), |r| r.id.clone()))?)
        } else {
            base.clauses.clone()
        };
        Ok(Scanner { table, sets, clauses })
    }
}
