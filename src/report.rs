//! The report `classify` returns (schema 1 of `spec/output.md`).
//!
//! Field names serialise in camelCase; ids are the snake_case taxonomy ids.
//! Every front (Rust, npm package, command line, widget) returns this shape.

use serde::{Deserialize, Serialize};

/// The schema version written into every report.
pub const SCHEMA: u32 = 1;

/// One classified notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema: u32,
    pub language: Language,
    pub attack_types: Vec<Tag>,
    pub data_categories: Vec<DataTag>,
    pub leak_status: LeakStatusField,
    pub affected_count: CountField,
    pub severity: Severity,
    pub reported_to: Vec<Tag>,
    pub organization: Organization,
    pub ppc_report: PpcReport,
    /// Some evidence was left out: a cue hit more than
    /// `limits::MAX_HITS_PER_CUE` times, a tag had more than
    /// `limits::MAX_EVIDENCE` spans, or the text held more than
    /// `limits::MAX_FIGURES` figures (only written when true).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Ja,
    En,
    Und,
}

/// A display label in both interface languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub ja: String,
    pub en: String,
}

/// A span of the caller's text that justifies a tag.
///
/// `start` and `end` are UTF-16 code units into the input exactly as given,
/// so `input.slice(start, end)` in JavaScript is the matched text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub start: u32,
    pub end: u32,
    /// The id of the rule (and cue) that fired, e.g. `attack_types/ransomware#word`.
    pub rule: String,
    /// The quoted text: `input.slice(start, end)` (a lone surrogate of a
    /// JavaScript string reads as U+FFFD here).
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    pub id: String,
    pub label: Label,
    /// 0..1, how strongly the evidence supports the tag (two decimals).
    #[serde(serialize_with = "number")]
    pub score: f64,
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attack: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veris: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataTag {
    #[serde(flatten)]
    pub tag: Tag,
    pub tier: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LeakStatus {
    Unknown,
    None,
    Possible,
    Confirmed,
}

impl LeakStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            LeakStatus::Unknown => "unknown",
            LeakStatus::None => "none",
            LeakStatus::Possible => "possible",
            LeakStatus::Confirmed => "confirmed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeakStatusField {
    pub value: LeakStatus,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CountField {
    /// The affected count; `None` when no figure is given, and when the
    /// figure is beyond 2^53 - 1 (`exceeds_safe_integer`: JavaScript cannot
    /// hold it exactly, so no front states it as a number).
    pub value: Option<u64>,
    pub evidence: Vec<Evidence>,
    /// The notice states a figure beyond 2^53 - 1 (only written when true;
    /// the figure is quoted by the evidence, and severity and the PPC rule
    /// read it as more than 100,000).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exceeds_safe_integer: bool,
}

/// The largest count a report states as a number (JavaScript's
/// `Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_COUNT: u64 = (1 << 53) - 1;

/// A score as JSON writes it on every front: a whole number without a
/// fraction (`1`, not `1.0`), as JavaScript's `JSON.stringify` does.
fn number<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.fract() == 0.0 && x.abs() <= MAX_SAFE_COUNT as f64 {
        s.serialize_i64(*x as i64)
    } else {
        s.serialize_f64(*x)
    }
}

/// Severity levels, ordered from `Low` to `Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Low,
    Medium,
    High,
    Critical,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Critical => "critical",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Severity {
    pub level: Level,
    pub data: Level,
    pub operational: Level,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub code: String,
    pub message: Label,
    /// The spans the reason rests on: the tags of the highest tier, the
    /// count, the denial of a leak, the outage wording (empty when the
    /// reason is an absence: no data, no figure, no outage stated).
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub name: Option<String>,
    pub public_body: bool,
    pub evidence: Vec<Evidence>,
}

/// The reasons of `ppcReport.reasons`, serialised as their snake_case ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PpcReason {
    #[serde(rename = "case1_special_care")]
    Case1SpecialCare,
    #[serde(rename = "case2_financial")]
    Case2Financial,
    #[serde(rename = "case3_unlawful")]
    Case3Unlawful,
    #[serde(rename = "case4_over_threshold")]
    Case4OverThreshold,
    #[serde(rename = "my_number")]
    MyNumber,
}

impl PpcReason {
    pub fn as_str(self) -> &'static str {
        match self {
            PpcReason::Case1SpecialCare => "case1_special_care",
            PpcReason::Case2Financial => "case2_financial",
            PpcReason::Case3Unlawful => "case3_unlawful",
            PpcReason::Case4OverThreshold => "case4_over_threshold",
            PpcReason::MyNumber => "my_number",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PpcReport {
    pub required: bool,
    pub reasons: Vec<PpcReason>,
}
