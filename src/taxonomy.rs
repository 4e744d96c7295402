//! The taxonomy of `rules/taxonomy.toml`, with the labels and ATT&CK/VERIS
//! ids of the rule files, as compiled in by build.rs.

use crate::report::Label;
use crate::spec::{CueSpec, KnownIds, LabelSpec, RuleSpec};
use serde::Serialize;

/// One row of the generated taxonomy table.
pub(crate) struct TaxRow {
    pub field: &'static str,
    pub id: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
    pub tier: u8,
    pub intentional: bool,
    pub hacking: bool,
    pub neutral: bool,
    pub personal: bool,
    pub subsumes: &'static [&'static str],
    pub attack: Option<&'static str>,
    pub veris: Option<&'static str>,
}

/// One built-in rule as generated static data (see [`RuleSpec`]).
pub(crate) struct RuleDef {
    pub id: &'static str,
    pub field: &'static str,
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

/// The built-in rules, as validated by build.rs (without their examples,
/// which are test data: tests/rules.rs reads them from the files).
pub(crate) fn builtin_specs() -> Vec<RuleSpec> {
    BUILTIN
        .iter()
        .map(|r| RuleSpec {
            id: r.id.into(),
            field: Some(r.field.into()),
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

pub(crate) fn row(field: &str, id: &str) -> Option<&'static TaxRow> {
    TAXONOMY.iter().find(|r| r.field == field && r.id == id)
}

/// Position of an id in its field's list (the report order).
pub(crate) fn order(field: &str, id: &str) -> usize {
    TAXONOMY.iter().filter(|r| r.field == field).position(|r| r.id == id).unwrap_or(usize::MAX)
}

pub(crate) struct Known;

impl KnownIds for Known {
    fn known(&self, field: &str, id: &str) -> bool {
        row(field, id).is_some()
    }
}

/// One taxonomy id with its labels, for user interfaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaxonomyEntry {
    /// `attackTypes`, `dataCategories` or `reportedTo` (the report's field names).
    pub field: &'static str,
    pub id: &'static str,
    pub label: Label,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intentional: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attack: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub veris: Option<&'static str>,
}

pub(crate) fn camel(field: &str) -> &'static str {
    match field {
        "attack_types" => "attackTypes",
        "data_categories" => "dataCategories",
        _ => "reportedTo",
    }
}

/// Every id of the three tag fields, in report order.
pub fn taxonomy() -> Vec<TaxonomyEntry> {
    TAXONOMY
        .iter()
        .map(|r| TaxonomyEntry {
            field: camel(r.field),
            id: r.id,
            label: Label { ja: r.ja.into(), en: r.en.into() },
            tier: (r.field == "data_categories").then_some(r.tier),
            intentional: (r.field == "attack_types" && !r.neutral).then_some(r.intentional),
            attack: r.attack,
            veris: r.veris,
        })
        .collect()
}
