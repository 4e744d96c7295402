//! Every reason text of the report, in both languages: why the data
//! severity is what it is (tier, count bucket, a denied leak) and what the
//! operational severity rests on.

use super::rubric::bucket;
use crate::report::{Evidence, Label, LeakStatus, Level, Reason};

/// The Japanese word for a level, for the reasons' `ja` messages.
pub(super) fn level_ja(l: Level) -> &'static str {
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

/// What the data severity rests on, to cite in its reasons.
pub(super) struct DataBasis<'a> {
    /// The evidence of the data categories of the highest tier.
    pub tier: Vec<Evidence>,
    pub count: &'a [Evidence],
    pub leak: &'a [Evidence],
}

fn reason(code: String, ja: String, en: String, evidence: Vec<Evidence>) -> Reason {
    Reason { code, message: label(ja, en), evidence }
}

/// The reasons behind a data severity.
pub(super) fn data_reasons(max_tier: u8, count: Option<u64>, leak: LeakStatus, level: Level, basis: DataBasis) -> Vec<Reason> {
    if leak == LeakStatus::None {
        return vec![reason(
            "data.leak_none".into(),
            "漏えいはないと明記されているため、データ面の深刻度は低".into(),
            "the notice states no leak, so data severity is low".into(),
            basis.leak.to_vec(),
        )];
    }
    let b = bucket(count);
    let tier_ja = if max_tier == 0 { "該当データなし".to_string() } else { format!("データ区分の最高ティア {}", max_tier) };
    let tier_en = if max_tier == 0 { "no data category".to_string() } else { format!("highest data tier {}", max_tier) };
    vec![
        reason(format!("data.tier{}", max_tier), tier_ja, tier_en, basis.tier),
        reason(
            format!("data.count.{}", ["lt100", "lt1000", "lt10000", "lt100000", "ge100000", "unknown"][b]),
            format!("影響件数: {}", BUCKET_JA[b]),
            format!("affected count: {}", BUCKET_EN[b]),
            basis.count.to_vec(),
        ),
        reason(
            format!("data.level.{}", level.as_str()),
            format!("データ面の深刻度: {}", level_ja(level)),
            format!("data severity: {}", level.as_str()),
            Vec::new(),
        ),
    ]
}

/// The reason of the operational severity, citing the outage wording.
pub(super) fn operational(level: Level, evidence: Vec<Evidence>) -> Reason {
    if level == Level::Low {
        return reason("operational.low".into(), "業務への影響の記載なし".into(), "no operational impact stated".into(), Vec::new());
    }
    let (ja, en) = match level {
        Level::Critical => ("医療・安全に関わる業務が停止", "care or safety services disrupted"),
        Level::High => ("基幹システム・業務が停止", "core business systems unusable"),
        _ => ("サービス・サイトの停止", "a service or site suspended"),
    };
    reason(
        format!("operational.{}", level.as_str()),
        format!("業務面の深刻度 {}: {}", level_ja(level), ja),
        format!("operational severity {}: {}", level.as_str(), en),
        evidence,
    )
}
