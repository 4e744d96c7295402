//! The severity rubric (taxonomy §5) and the PPC rule (taxonomy §7).
//! Deterministic: every input is a field of the report. The words that
//! explain them are in `reasons.rs`.

use crate::report::{LeakStatus, Level, PpcReason, PpcReport};

/// The count buckets of the §5 matrix: <100, 100-999, 1,000-9,999,
/// 10,000-99,999, >=100,000, unknown.
pub(super) fn bucket(count: Option<u64>) -> usize {
    match count {
        None => 5,
        Some(n) if n < 100 => 0,
        Some(n) if n < 1_000 => 1,
        Some(n) if n < 10_000 => 2,
        Some(n) if n < 100_000 => 3,
        Some(_) => 4,
    }
}

const MATRIX: [[Level; 6]; 4] = {
    use Level::*;
    [
        [Low, Low, Low, Low, Low, Low],                    // no data
        [Low, Low, Medium, Medium, High, Low],             // tier 1
        [Low, Medium, Medium, High, Critical, Medium],     // tier 2
        [Medium, High, High, Critical, Critical, High],    // tier 3
    ]
};

/// Data severity from the highest tier, the count and the leak status.
pub(super) fn data_severity(max_tier: u8, count: Option<u64>, leak: LeakStatus) -> Level {
    if leak == LeakStatus::None {
        return Level::Low;
    }
    MATRIX[usize::from(max_tier.min(3))][bucket(count)]
}

/// Inputs of the PPC rule.
pub(super) struct PpcInput {
    pub personal: bool,
    pub special_care: bool,
    pub payment_card: bool,
    pub my_number: bool,
    pub intentional: bool,
    pub ransomware: bool,
    pub leak: LeakStatus,
    pub count: Option<u64>,
    pub public_body: bool,
}

/// APPI art. 26 / 68 cases, as taxonomy §7 states them.
pub(super) fn ppc(i: &PpcInput) -> PpcReport {
    if !i.personal || (i.leak == LeakStatus::None && !i.ransomware) {
        return PpcReport { required: false, reasons: vec![] };
    }
    let mut reasons = Vec::new();
    if i.special_care {
        reasons.push(PpcReason::Case1SpecialCare);
    }
    if i.payment_card {
        reasons.push(PpcReason::Case2Financial);
    }
    if i.intentional {
        reasons.push(PpcReason::Case3Unlawful);
    }
    let threshold = if i.public_body { 100 } else { 1_000 };
    if i.count.is_some_and(|n| n > threshold) {
        reasons.push(PpcReason::Case4OverThreshold);
    }
    if i.my_number {
        reasons.push(PpcReason::MyNumber);
    }
    PpcReport { required: !reasons.is_empty(), reasons }
}
