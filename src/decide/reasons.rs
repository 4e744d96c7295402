//! Every reason text of the report, in both languages: why the data
//! severity is what it is (tier, count bucket, a denied leak) and what the
//! operational severity rests on.

use super::rubric::bucket;
use crate::report::{Label, LeakStatus, Level, Reason};

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

/// The reasons behind a data severity.
pub(super) fn data_reasons(max_tier: u8, count: Option<u64>, leak: LeakStatus, level: Level) -> Vec<Reason> {
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

/// The reason of the operational severity.
pub(super) fn operational(level: Level, cue: &str) -> Reason {
    if level == Level::Low {
        return Reason {
            code: "operational.low".into(),
            message: label("業務への影響の記載なし".into(), "no operational impact stated".into()),
        };
    }
    let (ja, en) = match level {
        Level::Critical => ("医療・安全に関わる業務が停止", "care or safety services disrupted"),
        Level::High => ("基幹システム・業務が停止", "core business systems unusable"),
        _ => ("サービス・サイトの停止", "a service or site suspended"),
    };
    Reason {
        code: format!("operational.{}", level.as_str()),
        message: label(
            format!("業務面の深刻度 {}: {}", level_ja(level), ja),
            format!("operational severity {}: {} ({})", level.as_str(), en, cue),
        ),
    }
}
