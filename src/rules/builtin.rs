//! The built-in rules of `rules/`, as build.rs validated and compiled them:
//! static tables of the rules (without their examples, which are test data
//! read from the files by tests/rules.rs) and the blob of every built-in
//! pattern compiled ahead of time.

use super::{CueSpec, Field, LabelSpec, RuleSpec};
use jikenbo_pattern::wire::Compiled;
use std::sync::OnceLock;

/// One built-in rule as generated static data (see [`RuleSpec`]).
pub(crate) struct RuleDef {
    pub id: &'static str,
    pub field: Field,
    pub tag: Option<&'static str>,
    pub label: Option<(&'static str, &'static str)>,
    pub attack: Option<&'static str>,
    pub veris: Option<&'static str>,
    pub cues: &'static [CueDef],
}

/// One cue of a built-in rule (see [`CueSpec`]).
pub(crate) struct CueDef {
    pub name: Option<&'static str>,
    pub pattern: &'static str,
    pub weight: Option<f64>,
    pub near: Option<&'static str>,
    pub not_near: Option<&'static str>,
    pub ignore: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

fn owned(s: Option<&'static str>) -> Option<String> {
    s.map(String::from)
}

/// The built-in rules as specifications.
pub(crate) fn specs() -> Vec<RuleSpec> {
    BUILTIN
        .iter()
        .map(|r| RuleSpec {
            id: r.id.into(),
            field: Some(r.field.as_str().into()),
            tag: owned(r.tag),
            label: r.label.map(|(ja, en)| LabelSpec { ja: ja.into(), en: en.into() }),
            attack: owned(r.attack),
            veris: owned(r.veris),
            description: None,
            cues: r
                .cues
                .iter()
                .map(|c| CueSpec {
                    name: owned(c.name),
                    pattern: c.pattern.into(),
                    weight: c.weight,
                    near: owned(c.near),
                    not_near: owned(c.not_near),
                    ignore: c.ignore.iter().map(|&f| f.into()).collect(),
                })
                .collect(),
            matches: Vec::new(),
            no_match: Vec::new(),
        })
        .collect()
}

/// The blob build.rs wrote.
pub(crate) const COMPILED_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/compiled.bin"));

/// Every built-in pattern, compiled by build.rs (the cues, their
/// conditions, the scope alternations and the patterns of `fixed`). A blob
/// that does not read (it cannot: build.rs wrote it, and a test reads it)
/// would only mean compiling every pattern from its text.
pub(crate) fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled::new(COMPILED_BLOB).unwrap_or_else(|_| Compiled::empty()))
}
