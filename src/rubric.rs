//! The severity rubric (taxonomy §5) and the PPC rule (taxonomy §7).
//! Deterministic: every input is a field of the report.

use crate::report::{Label, LeakStatus, Level, PpcReason, PpcReport, Reason};

/// The count buckets of the §5 matrix: <100, 100-999, 1,000-9,999,
/// 10,000-99,999, >=100,000, unknown.
pub(crate) fn bucket(count: Option<u64>) -> usize {
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
pub(crate) fn data_severity(max_tier: u8, count: Option<u64>, leak: LeakStatus) -> Level {
    if leak == LeakStatus::None {
        return Level::Low;
    }
    MATRIX[usize::from(max_tier.min(3))][bucket(count)]
}

/// The Japanese word for a level, for the reasons' `ja` messages.
pub(crate) fn level_ja(l: Level) -> &'static str {
    match l {
        Level::Critical => "重大",
        Level::High => "高",
        Level::Medium => "中",
        Level::Low => "低",
    }
}

fn label(ja: String, en: String) -> Label {
    Label { ja, en }
}

const BUCKET_JA: [&str; 6] = ["100件未満", "100〜999件", "1,000〜9,999件", "1万〜9万9,999件", "10万件以上", "件数不明"];
const BUCKET_EN: [&str; 6] = ["under 100", "100-999", "1,000-9,999", "10,000-99,999", "100,000 or more", "count unknown"];

/// The reasons behind a data severity.
pub(crate) fn data_reasons(max_tier: u8, count: Option<u64>, leak: LeakStatus, level: Level) -> Vec<Reason> {
    if leak == LeakStatus::None {
        return vec![Reason {
            code: "data.leak_none".into(),
            message: label(
                "漏えいはないと明記されているため、データ面の深刻度は low".into(),
                "the notice states no leak, so data severity is low".into(),
            ),
        }];
    }
    let b = bucket(count);
    let tier_ja = if max_tier == 0 { "該当データなし".to_string() } else { format!("データ区分の最高ティア {}", max_tier) };
    let tier_en = if max_tier == 0 { "no data category".to_string() } else { format!("highest data tier {}", max_tier) };
    vec![
        Reason {
            code: format!("data.tier{}", max_tier),
            message: label(tier_ja, tier_en),
        },
        Reason {
            code: format!("data.count.{}", ["lt100", "lt1000", "lt10000", "lt100000", "ge100000", "unknown"][b]),
            message: label(
                format!("影響件数: {}", BUCKET_JA[b]),
                format!("affected count: {}", BUCKET_EN[b]),
            ),
        },
        Reason {
            code: format!("data.level.{}", level.as_str()),
            message: label(
                format!("データ面の深刻度: {}", level_ja(level)),
                format!("data severity: {}", level.as_str()),
            ),
        },
    ]
}

/// Inputs of the PPC rule.
pub(crate) struct PpcInput {
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
pub(crate) fn ppc(i: &PpcInput) -> PpcReport {
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

#[cfg(test)]
mod tests {
    use super::*;
    use Level::*;
    use LeakStatus::Possible;

    #[test]
    fn matrix_corners() {
        // (tier, count, expected) straight from taxonomy §5
        let table: &[(u8, Option<u64>, Level)] = &[
            (3, Some(99), Medium),
            (3, Some(100), High),
            (3, Some(9_999), High),
            (3, Some(10_000), Critical),
            (3, None, High),
            (2, Some(99), Low),
            (2, Some(100), Medium),
            (2, Some(10_000), High),
            (2, Some(100_000), Critical),
            (2, None, Medium),
            (1, Some(999), Low),
            (1, Some(1_000), Medium),
            (1, Some(99_999), Medium),
            (1, Some(100_000), High),
            (1, None, Low),
            (0, Some(10_000_000), Low),
        ];
        for &(tier, count, want) in table {
            assert_eq!(data_severity(tier, count, Possible), want, "tier {} count {:?}", tier, count);
        }
        assert_eq!(data_severity(3, Some(1_000_000), LeakStatus::None), Low);
    }

    fn input() -> PpcInput {
        PpcInput {
            personal: true,
            special_care: false,
            payment_card: false,
            my_number: false,
            intentional: false,
            ransomware: false,
            leak: Possible,
            count: None,
            public_body: false,
        }
    }

    #[test]
    fn ppc_cases() {
        assert!(!ppc(&input()).required);
        let r = ppc(&PpcInput { count: Some(1_001), ..input() });
        assert_eq!(r.reasons, vec![PpcReason::Case4OverThreshold]);
        assert!(!ppc(&PpcInput { count: Some(1_000), ..input() }).required);
        assert!(ppc(&PpcInput { count: Some(101), public_body: true, ..input() }).required);
        assert!(!ppc(&PpcInput { count: Some(100), public_body: true, ..input() }).required);
        // leak none: not reportable, unless ransomware (毀損)
        assert!(!ppc(&PpcInput { leak: LeakStatus::None, intentional: true, ..input() }).required);
        let r = ppc(&PpcInput { leak: LeakStatus::None, intentional: true, ransomware: true, ..input() });
        assert_eq!(r.reasons, vec![PpcReason::Case3Unlawful]);
        // no personal data: never
        assert!(!ppc(&PpcInput { personal: false, special_care: true, ..input() }).required);
        let r = ppc(&PpcInput { special_care: true, payment_card: true, my_number: true, ..input() });
        assert_eq!(r.reasons, vec![PpcReason::Case1SpecialCare, PpcReason::Case2Financial, PpcReason::MyNumber]);
    }
}
