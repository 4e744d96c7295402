//! The taxonomy of `rules/taxonomy.toml`, with the labels and ATT&CK/VERIS
//! ids of the rule files, as compiled in by build.rs.

use super::{Field, KnownIds};
use crate::report::Label;
use serde::Serialize;

/// One row of the generated taxonomy table.
pub(crate) struct TaxRow {
    pub field: Field,
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

include!(concat!(env!("OUT_DIR"), "/taxonomy_table.rs"));

pub(crate) fn row(field: Field, id: &str) -> Option<&'static TaxRow> {
    TAXONOMY.iter().find(|r| r.field == field && r.id == id)
}

/// Position of an id in its field's list (the report order).
pub(crate) fn order(field: Field, id: &str) -> usize {
    TAXONOMY.iter().filter(|r| r.field == field).position(|r| r.id == id).unwrap_or(usize::MAX)
}

pub(crate) struct Known;

impl KnownIds for Known {
    fn known(&self, field: &str, id: &str) -> bool {
        Field::parse(field).is_some_and(|f| row(f, id).is_some())
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

/// Every id of the three tag fields, in report order.
pub fn taxonomy() -> Vec<TaxonomyEntry> {
    TAXONOMY
        .iter()
        .map(|r| TaxonomyEntry {
            field: r.field.report_key(),
            id: r.id,
            label: Label { ja: r.ja.into(), en: r.en.into() },
            tier: (r.field == Field::Data).then_some(r.tier),
            intentional: (r.field == Field::Attack && !r.neutral).then_some(r.intentional),
            attack: r.attack,
            veris: r.veris,
        })
        .collect()
}
