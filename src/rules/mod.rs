//! The rules: what the classifier knows, as data.
//!
//! - `model/` (the `jikenbo-rules` crate): what a rule is ([`RuleSpec`]),
//!   the vocabulary of fields, filters and scope ids ([`Field`],
//!   [`Filter`], [`ScopeId`]), every limit, the checks every rule passes,
//!   and the few patterns written in code ([`fixed`]). A crate of its own
//!   because build.rs validates the built-in rules with it.
//! - `taxonomy.rs`: the ids of the tag fields with their labels, tiers and
//!   ATT&CK/VERIS ids, from `rules/taxonomy.toml`.
//! - `builtin.rs`: the rules of `rules/`, validated and compiled in by
//!   build.rs (tables, and the patterns compiled ahead of time).
//!
//! In: nothing at run time (build.rs reads `rules/`). Out: the rule
//! specifications the scan stage compiles, and the taxonomy the decide
//! stage reads. Never imports the pipeline (text, scan, decide).

pub(crate) mod builtin;
pub(crate) mod taxonomy;

pub use jikenbo_rules::{fixed, limits, vocab};
pub use jikenbo_rules::{compile, validate, CueSpec, KnownIds, LabelSpec, RuleError, RuleSpec};
pub use jikenbo_rules::{Bits, Field, Filter, ScopeId};
