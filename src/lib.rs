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
//! ## The house
//!
//! One folder per stage, each handing one value to the next:
//!
//! ```text
//!   rules/*.toml ──build.rs──▶ rules (RuleSpec, taxonomy, compiled patterns)
//!                                   │
//!   input &str ─▶ text ─▶ Text ─▶ scan ─▶ Scan ─▶ decide ─▶ Report
//!                (normalise,      (every pattern   (scope, tags, leak,
//!                 segment)         query: cues,     count, organisation,
//!                                  clause, org,     rubric, reasons)
//!                                  count figures)
//! ```
//!
//! - `text/`: normalisation with its offset map, the fold tables, segments,
//!   numbers;
//! - `pattern/` (crate `jikenbo-pattern`): the pattern engine alone;
//! - `rules/`: the rule model and vocabulary (`rules/model`, crate
//!   `jikenbo-rules`, with every limit in [`limits`]), the taxonomy, the
//!   built-in rules;
//! - `scan/`: the cue table, the prefilter and every pattern query;
//! - `decide/`: pure functions from the `Scan` to the [`Report`];
//! - [`Classifier`] (`classifier.rs`) runs the stages and loads rule packs;
//!   `explain.rs` prints a [`Trace`]; `report.rs`, `error.rs`;
//! - the bindings (`wasm.rs`, `bin/`) use the public API only.
//!
//! The rules are data: `rules/<field>/<id>.toml`, validated and compiled into
//! the crate by `build.rs`. Custom rule packs in the same shape can be added
//! at run time with [`Classifier::with_rules`].

mod classifier;
mod decide;
mod error;
mod explain;
/// Exports of a report to VERIS, STIX 2.1, MISP and CSV.
pub mod export;
mod report;
mod rules;
mod scan;
mod split;
mod text;

/// The JavaScript binding (npm package). Public only so that `tests/web.rs`
/// can call it inside wasm; not part of the Rust API.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use classifier::Classifier;
pub use error::Error;
pub use explain::{Trace, TraceHit, TraceSegment};
pub use report::*;
pub use rules::limits::{self, MAX_INPUT_BYTES};
pub use rules::vocab;
pub use rules::taxonomy::{taxonomy, TaxonomyEntry};
pub use rules::{CueSpec, Field, Filter, LabelSpec, RuleSpec, ScopeId};
pub use split::{Part, PartReport};

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
    match Classifier::builtin().trace(text) {
        Ok(t) => t.to_string(),
        Err(e) => e.to_string(),
    }
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
        rules: rules::builtin::RULE_COUNT,
        rules_fingerprint: rules::builtin::RULESET_FINGERPRINT.to_string(),
    }
}

/// The pattern engine's work on this thread so far: instructions stepped,
/// characters scanned by repetitions, alternation dispatch and trie steps,
/// memo words cleared (`jikenbo_pattern::work`). For tests and benchmarks
/// that check the engine's bounds by counting instead of timing; not part
/// of the API, and never in a report.
#[doc(hidden)]
pub fn engine_work() -> u64 {
    jikenbo_pattern::work()
}

/// For `fuzz/` only (feature `fuzzing`): every non-empty match of `pattern`
/// in `hay` as the rule matcher finds them, and the groups of the first
/// match; None when the matcher does not take the pattern.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
#[allow(clippy::type_complexity)]
pub fn fuzz_matcher(pattern: &str, hay: &str) -> Option<(Vec<(usize, usize)>, Option<Vec<Option<usize>>>)> {
    let prog = jikenbo_pattern::Prog::new(pattern).ok()?;
    let mut spans = Vec::new();
    prog.for_each(hay, |a, b| spans.push((a, b)));
    Some((spans, prog.captures(hay)))
}

/// For `fuzz/` only (feature `fuzzing`): the matches at every start
/// position in order (skipping starts inside a match, as the scan's
/// `Starts::At` does), once through one search session and once with a
/// fresh search per start; the two must be equal. None when the matcher
/// does not take the pattern.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
#[allow(clippy::type_complexity)]
pub fn fuzz_sessions(pattern: &str, hay: &str) -> Option<(Vec<(usize, usize)>, Vec<(usize, usize)>)> {
    let prog = jikenbo_pattern::Prog::new(pattern).ok()?;
    let starts: Vec<usize> = hay.char_indices().map(|(i, _)| i).chain([hay.len()]).collect();
    let (mut one, mut fresh) = (Vec::new(), Vec::new());
    let mut session = prog.session(hay);
    let (mut after1, mut after2) = (0, 0);
    for &p in &starts {
        if p >= after1 {
            if let Some(e) = session.match_at(p).filter(|&e| e > p) {
                one.push((p, e));
                after1 = e;
            }
        }
        if p >= after2 {
            if let Some(e) = prog.match_at(hay, p).filter(|&e| e > p) {
                fresh.push((p, e));
                after2 = e;
            }
        }
    }
    Some((one, fresh))
}
