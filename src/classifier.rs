//! The `Classifier`: a rule set compiled once (the built-in rules, plus a
//! custom pack), and the whole pipeline run on one notice — text, scan,
//! decide. Loading a pack validates every rule and then runs each custom
//! rule's own examples through the public classify path, each distinct
//! example text once.

use crate::decide;
use crate::error::Error;
use crate::explain::Trace;
use crate::report::Report;
use crate::rules::limits::{MAX_INPUT_BYTES, MAX_RULES};
use crate::rules::{builtin, taxonomy, validate, Field, RuleError, RuleSpec};
use crate::scan::{Clauses, Scanner};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A compiled rule set. Build it once and classify many texts with it.
pub struct Classifier {
    scanner: Scanner,
    custom_rules: usize,
}

impl std::fmt::Debug for Classifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Classifier")
            .field("rules", &self.scanner.table.rules.len())
            .field("cues", &self.scanner.table.cues.len())
            .field("custom_rules", &self.custom_rules)
            .finish()
    }
}

/// What classifying an example text gave, for checking rules against it.
struct Outcome {
    report: Option<Report>,
    trace: Option<Trace>,
}

impl Classifier {
    /// The built-in rules of `rules/`, compiled once per process.
    pub fn builtin() -> &'static Classifier {
        static BUILTIN: OnceLock<Classifier> = OnceLock::new();
        BUILTIN.get_or_init(|| Classifier {
            scanner: Scanner::new(&builtin::specs()).expect("built-in rules were validated by build.rs"),
            custom_rules: 0,
        })
    }

    /// The built-in rules plus a custom rule pack. Each custom rule is
    /// validated (field, id, patterns, size limits, examples present) and
    /// its own `match` / `no_match` examples are run; the first failure is
    /// returned, naming the rule and the reason.
    pub fn with_rules(custom: Vec<RuleSpec>) -> Result<Classifier, Error> {
        if custom.len() > MAX_RULES {
            return Err(Error::pack(format!("{} rules in the pack, more than the limit of {}", custom.len(), MAX_RULES)));
        }
        let mut all = builtin::specs();
        for rule in &custom {
            validate(rule, &taxonomy::Known).map_err(Error::rule)?;
            if all.iter().any(|r| r.id == rule.id) {
                return Err(Error::rule(RuleError {
                    rule: rule.id.clone(),
                    reason: "duplicate id: a rule with this id already exists".into(),
                }));
            }
            all.push(rule.clone());
        }
        let scanner = Scanner::extend(&Classifier::builtin().scanner, &custom, &all).map_err(Error::rule)?;
        let classifier = Classifier { scanner, custom_rules: custom.len() };
        classifier.check_all(&custom)?;
        Ok(classifier)
    }

    /// Runs a rule's own examples: every `match` text must get the rule's
    /// tag, every `no_match` text must not.
    pub fn check_examples(&self, rule: &RuleSpec) -> Result<(), Error> {
        self.check_all(std::slice::from_ref(rule))
    }

    /// The examples of every rule of `rules`, each distinct text
    /// classified once.
    fn check_all(&self, rules: &[RuleSpec]) -> Result<(), Error> {
        let mut seen: HashMap<&str, Outcome> = HashMap::new();
        for rule in rules {
            for (want, texts) in [(true, &rule.matches), (false, &rule.no_match)] {
                for text in texts.iter() {
                    let outcome = match seen.remove(text.as_str()) {
                        Some(o) => o,
                        None => Outcome { report: None, trace: None },
                    };
                    let (got, outcome) = self.fires_with(rule, text, outcome)?;
                    seen.insert(text.as_str(), outcome);
                    if got != want {
                        return Err(Error::rule(RuleError {
                            rule: rule.id.clone(),
                            reason: format!(
                                "example {:?} {} its {} ({}/{})",
                                text,
                                if want { "is not tagged by" } else { "is tagged by" },
                                if want { "`match` list" } else { "`no_match` list" },
                                rule.field(),
                                rule.tag()
                            ),
                        }));
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether classifying `text` yields the rule's tag (or, for the
    /// decision fields, the rule's value; for a scope rule, a hit of it).
    pub fn fires(&self, rule: &RuleSpec, text: &str) -> Result<bool, Error> {
        Ok(self.fires_with(rule, text, Outcome { report: None, trace: None })?.0)
    }

    fn fires_with(&self, rule: &RuleSpec, text: &str, mut o: Outcome) -> Result<(bool, Outcome), Error> {
        let tag = rule.tag();
        let Some(field) = rule.field_kind() else { return Ok((false, o)) };
        if field == Field::Scope {
            if o.trace.is_none() {
                o.trace = Some(self.trace(text)?);
            }
            let fired = o.trace.as_ref().is_some_and(|t| t.fired(field, &rule.id));
            return Ok((fired, o));
        }
        if o.report.is_none() {
            o.report = Some(self.classify(text)?);
        }
        let report = o.report.as_ref().expect("just set");
        let got = match field {
            Field::Attack => report.attack_types.iter().any(|t| t.id == tag),
            Field::Data => report.data_categories.iter().any(|t| t.tag.id == tag),
            Field::Reported => report.reported_to.iter().any(|t| t.id == tag),
            Field::Leak => report.leak_status.value.as_str() == tag,
            Field::Operational => report.severity.operational.as_str() == tag,
            Field::Org => match tag {
                "public_body" => report.organization.public_body,
                "corporation" => !report.organization.public_body && report.organization.name.is_some(),
                _ => report.organization.name.is_some(),
            },
            Field::Scope => unreachable!("handled above"),
        };
        Ok((got, o))
    }

    /// Classifies one notice. Fails only for input over [`MAX_INPUT_BYTES`].
    pub fn classify(&self, text: &str) -> Result<Report, Error> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::too_large(text.len()));
        }
        Ok(decide::decide(&self.scanner.scan(text, Clauses::Decide)))
    }

    /// Every cue hit in `text`, segment by segment, and what the scope
    /// filters made of it (what `jikenbo explain` prints).
    pub fn trace(&self, text: &str) -> Result<Trace, Error> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::too_large(text.len()));
        }
        Ok(Trace::new(&self.scanner.scan(text, Clauses::All)))
    }

    /// Number of rules (built-in plus custom).
    pub fn rule_count(&self) -> usize {
        self.scanner.table.rules.len()
    }
}
