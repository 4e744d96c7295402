//! The rule model of jikenbo: what one file of `rules/<field>/<id>.toml`
//! (or one object of a custom rule pack) holds ([`RuleSpec`]), the
//! vocabulary rules are written in ([`Field`], [`Filter`], [`ScopeId`] and
//! the fixed decision ids, each spelt once, in [`vocab`]), every limit
//! ([`limits`]), the checks every rule must pass ([`validate`]) and the few
//! patterns that are code rather than rule files ([`fixed`]).
//!
//! A crate of its own because two users need it: the library, which
//! validates custom rule packs at run time, and the library's build script,
//! which validates the built-in rules and fails the build naming the file,
//! the rule and the reason. It depends on `serde`, `regex-syntax` (the
//! pattern syntax) and the pattern engine (whose size and memo limits every
//! pattern is held to), and on nothing of the classifier.
//!
//! In: rule text (TOML or JS objects, deserialised by the caller).
//! Out: validated [`RuleSpec`]s. Never imports the classifier.

pub mod fixed;
pub mod limits;
mod spec;
pub mod vocab;

pub use spec::{compile, validate, CueSpec, KnownIds, LabelSpec, RuleError, RuleSpec};
pub use vocab::{Bits, Field, Filter, ScopeId, LEAK_IDS, OPERATIONAL_IDS, ORGANIZATION_IDS};
