//! The one error type of the crate: opaque, with a precise one-line message.

use crate::rules::RuleError;

/// Why a call failed: input too large, or a custom rule that is broken
/// (the message names the rule and the reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    TooLarge { len: usize },
    Rule(RuleError),
    Pack(String),
}

impl Error {
    pub(crate) fn too_large(len: usize) -> Error {
        Error { kind: Kind::TooLarge { len } }
    }
    pub(crate) fn rule(e: RuleError) -> Error {
        Error { kind: Kind::Rule(e) }
    }
    pub(crate) fn pack(msg: String) -> Error {
        Error { kind: Kind::Pack(msg) }
    }

    /// The id of the rule at fault, for rule errors.
    pub fn rule_id(&self) -> Option<&str> {
        match &self.kind {
            Kind::Rule(e) => Some(&e.rule),
            _ => None,
        }
    }

    /// A short machine-readable code: `input_too_large`, `invalid_rule`, `invalid_pack`.
    pub fn code(&self) -> &'static str {
        match &self.kind {
            Kind::TooLarge { .. } => "input_too_large",
            Kind::Rule(_) => "invalid_rule",
            Kind::Pack(_) => "invalid_pack",
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            Kind::TooLarge { len } => write!(
                f,
                "input is {} bytes, more than the limit of {} bytes (10 MiB)",
                len,
                crate::limits::MAX_INPUT_BYTES
            ),
            Kind::Rule(e) => write!(f, "invalid custom rule: {}", e),
            Kind::Pack(m) => write!(f, "invalid rule pack: {}", m),
        }
    }
}

impl std::error::Error for Error {}
