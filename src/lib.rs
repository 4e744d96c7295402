//! # jikenbo (事件簿)
//!
//! A rule-based classifier for Japanese security-incident notices
//! (「お詫びとお知らせ」). Give it the text of a notice and it tells what
//! happened, what data was involved, whether it leaked, how many people were
//! affected, how severe it is, whom the organisation told and whether Japan's
//! Personal Information Protection Commission (PPC) must be notified. Every
//! tag carries the exact spans of the notice that justify it.
//!
//! ```
//! let text = "当社サーバーがランサムウェアに感染し、ファイルが暗号化されました。\
//!             お客様の氏名・住所 約1,200名分が流出した可能性があります。";
//! let report = jikenbo::classify(text).unwrap();
//! let attacks: Vec<&str> = report.attack_types.iter().map(|t| t.id.as_str()).collect();
//! assert!(attacks.contains(&"ransomware"));
//! assert_eq!(report.affected_count.value, Some(1200));
//! assert_eq!(report.leak_status.value, jikenbo::LeakStatus::Possible);
//! // evidence offsets are UTF-16 code units into the original text
//! let ev = &report.attack_types[0].evidence[0];
//! let utf16: Vec<u16> = text.encode_utf16().collect();
//! assert_eq!(String::from_utf16(&utf16[ev.start as usize..ev.end as usize]).unwrap(), "ランサムウェア");
//! ```
//!
//! The pipeline is normalise → match → decide → report:
//! - `normalize` folds full-width forms, half-width katakana, Kangxi
//!   radicals and the like, keeping a map back to the caller's offsets;
//! - the matcher runs every cue of every rule in one `RegexSet` pass;
//! - the decision layer applies scope (negation, advice to readers,
//!   hypotheticals, contact details), extracts the count and the
//!   organisation, and applies the severity and PPC rubric of
//!   `spec/taxonomy.md`.
//!
//! The rules are data: `rules/<field>/<id>.toml`, validated and compiled into
//! the crate by `build.rs`. Custom rule packs in the same shape can be added
//! at run time with [`Classifier::with_rules`].

mod classify;
mod count;
mod engine;
mod matcher;
mod error;
mod fixed;
mod normalize;
mod numbers;
mod org;
mod report;
mod rubric;
mod segment;
mod spec;
mod taxonomy;
/// Exports of a report to VERIS, STIX 2.1, MISP and CSV (see `docs-draft/exports.md`).
pub mod export;
mod split;

/// The JavaScript binding (npm package). Public only so that `tests/web.rs`
/// can call it inside wasm; not part of the Rust API.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use error::Error;
pub use report::*;
pub use spec::{CueSpec, LabelSpec, RuleSpec};
pub use taxonomy::{taxonomy, TaxonomyEntry};
pub use split::{Part, PartReport};

use std::sync::OnceLock;

/// Largest input accepted, in UTF-8 bytes (10 MiB). Longer text gets
/// [`Error`] instead of a frozen tab.
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// A compiled rule set. Build it once and classify many texts with it.
pub struct Classifier {
    engine: engine::Engine,
    custom_rules: usize,
}

impl std::fmt::Debug for Classifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Classifier")
            .field("rules", &self.engine.rule_count())
            .field("cues", &self.engine.cue_count())
            .field("custom_rules", &self.custom_rules)
            .finish()
    }
}

impl Classifier {
    /// The built-in rules of `rules/`, compiled once per process.
    pub fn builtin() -> &'static Classifier {
        static BUILTIN: OnceLock<Classifier> = OnceLock::new();
        BUILTIN.get_or_init(|| Classifier {
            engine: engine::Engine::new(taxonomy::builtin_specs())
                .expect("built-in rules were validated by build.rs"),
            custom_rules: 0,
        })
    }

    /// The built-in rules plus a custom rule pack. Each custom rule is
    /// validated (field, id, patterns, size limits, examples present) and
    /// its own `match` / `no_match` examples are run; the first failure is
    /// returned, naming the rule and the reason.
    pub fn with_rules(custom: Vec<RuleSpec>) -> Result<Classifier, Error> {
        if custom.len() > spec::MAX_RULES {
            return Err(Error::pack(format!(
                "{} rules in the pack, more than the limit of {}",
                custom.len(),
                spec::MAX_RULES
            )));
        }
        let mut all = taxonomy::builtin_specs();
        for rule in &custom {
            spec::validate(rule, &taxonomy::Known).map_err(Error::rule)?;
            if all.iter().any(|r| r.id == rule.id) {
                return Err(Error::rule(spec::RuleError {
                    rule: rule.id.clone(),
                    reason: "duplicate id: a rule with this id already exists".into(),
                }));
            }
            all.push(rule.clone());
        }
        let classifier = Classifier { engine: engine::Engine::new(all).map_err(Error::rule)?, custom_rules: custom.len() };
        for rule in &custom {
            classifier.check_examples(rule)?;
        }
        Ok(classifier)
    }

    /// Runs a rule's own examples: every `match` text must get the rule's
    /// tag, every `no_match` text must not.
    pub fn check_examples(&self, rule: &RuleSpec) -> Result<(), Error> {
        for (want, texts) in [(true, &rule.matches), (false, &rule.no_match)] {
            for text in texts.iter() {
                let got = self.fires(rule, text)?;
                if got != want {
                    return Err(Error::rule(spec::RuleError {
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
        Ok(())
    }

    /// Whether classifying `text` yields the rule's tag (or, for the
    /// decision fields, the rule's value).
    pub fn fires(&self, rule: &RuleSpec, text: &str) -> Result<bool, Error> {
        let tag = rule.tag();
        Ok(match rule.field() {
            "scope" => self.engine.scope_fires(&rule.id, text),
            _ => {
                let report = self.classify(text)?;
                match rule.field() {
                    "attack_types" => report.attack_types.iter().any(|t| t.id == tag),
                    "data_categories" => report.data_categories.iter().any(|t| t.tag.id == tag),
                    "reported_to" => report.reported_to.iter().any(|t| t.id == tag),
                    "leak_status" => report.leak_status.value.as_str() == tag,
                    "operational" => report.severity.operational.as_str() == tag,
                    "organization" => match tag {
                        "public_body" => report.organization.public_body,
                        "corporation" => !report.organization.public_body && report.organization.name.is_some(),
                        _ => report.organization.name.is_some(),
                    },
                    _ => false,
                }
            }
        })
    }

    /// Classifies one notice. Fails only for input over [`MAX_INPUT_BYTES`].
    pub fn classify(&self, text: &str) -> Result<Report, Error> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::too_large(text.len()));
        }
        Ok(classify::run(&self.engine, text))
    }

    /// Number of rules (built-in plus custom).
    pub fn rule_count(&self) -> usize {
        self.engine.rule_count()
    }
}

/// Classifies one notice with the built-in rules.
///
/// Empty text gives an empty, valid report. Fails only for input over
/// [`MAX_INPUT_BYTES`].
pub fn classify(text: &str) -> Result<Report, Error> {
    Classifier::builtin().classify(text)
}

/// Finds the notices of a text that may hold several (a casebook page,
/// notices pasted one after another): one [`Part`] per notice, in order, with
/// its span (UTF-16 code units) and its heading. One notice stays one part.
pub fn split_notices(text: &str) -> Vec<Part> {
    split::split(text)
}

/// Splits `text` into notices ([`split_notices`]) and classifies each with
/// the built-in rules; every evidence offset is into `text`.
pub fn classify_all(text: &str) -> Result<Vec<PartReport>, Error> {
    Classifier::builtin().classify_all(text)
}

/// A trace of every cue hit in `text` and what the scope filters made of it,
/// one line per segment and hit. Meant for rule authors; the format may change.
pub fn explain(text: &str) -> String {
    classify::explain(&Classifier::builtin().engine, text)
}

/// Version information: the crate version, the report schema and a
/// fingerprint of the built-in rule set.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    pub version: String,
    pub schema: u32,
    pub rules: usize,
    pub rules_fingerprint: String,
}

pub fn version() -> Version {
    Version {
        version: env!("CARGO_PKG_VERSION").to_string(),
        schema: report::SCHEMA,
        rules: taxonomy::RULE_COUNT,
        rules_fingerprint: taxonomy::RULESET_FINGERPRINT.to_string(),
    }
}

/// For `fuzz/` only (feature `fuzzing`): every non-empty match of `pattern`
/// in `hay` as the rule matcher finds them, and the groups of the first
/// match; None when the matcher does not take the pattern.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
#[allow(clippy::type_complexity)]
pub fn fuzz_matcher(pattern: &str, hay: &str) -> Option<(Vec<(usize, usize)>, Option<Vec<Option<usize>>>)> {
    let prog = matcher::Prog::new(pattern).ok()?;
    let mut spans = Vec::new();
    prog.for_each(hay, |a, b| spans.push((a, b)));
    Some((spans, prog.captures(hay)))
}
