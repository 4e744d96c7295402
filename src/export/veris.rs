//! VERIS 1.4.1 incident JSON (the VERIS Community schema, `verisc-merged.json`).
//!
//! | report | VERIS |
//! |---|---|
//! | `attackTypes[].veris` (`social.variety.Phishing`) | `action.<category>.variety[]`; vectors where the evidence sentences name them (メール → `Email`, VPN → `VPN`, サイト → `Web application`, USB → `Removable media`), else `Unknown` |
//! | `attackTypes` `supply_chain` (`actor.partner`) | `actor.partner` and the vector `Partner` on the hacking/malware/social actions |
//! | `attackTypes` (intentional or not) | `actor.external` (intentional; `Former employee` when the evidence says 元職員/元従業員), `actor.internal` (errors, misuse), `targeted` (`NA` when no type is intentional) |
//! | `dataCategories` | `attribute.confidentiality.data[].variety` (medical → Medical, special_care → Sensitive Personal, payment_card → Payment, credentials → Credentials, bank_account → Bank, corporate → Internal, confidential → Secrets, every other personal category → Personal) |
//! | `leakStatus` | `attribute.confidentiality.data_disclosure` (confirmed → Yes, possible → Potentially, none → No, unknown → Unknown) |
//! | `affectedCount` | `attribute.confidentiality.data_total` |
//! | ransomware, ddos, loss/theft/disposal, operational ≥ medium | `attribute.availability.variety` (Obscuration, Interruption, Loss) |
//! | defacement, malware, ransomware, skimming | `attribute.integrity.variety` (Defacement, Software installation) |
//! | `organization` | `victim.victim_id`, `victim.government` (public body: Federal/Regional/Local from the name, else NA), `victim.industry` (NAICS from the name: 622 hospitals, 6113 universities, 6111 schools, 5221 banks, 5241 insurers, 92 other public bodies, 000 unknown), `victim.country` JP (Japanese notices) |
//! | evidence quotes | `summary` (English, with the quoted sentences) |
//! | dates in the text | `timeline.incident` (the earliest stated date not after the notice's date), else the notice's date, else `created` |
//! | severity, PPC, reportedTo, scores, rule ids | `plus.jikenbo` (VERIS has no field for them) |
//!
//! Fixed: `schema_version` 1.4.1, `schema_name` verisc, `source_id`
//! jikenbo, `discovery_method.unknown`, `asset.cloud` Unknown,
//! `victim.employee_count` Unknown, `incident_id` a UUIDv5 of the content
//! key. Lost: per-category record counts, data_victim, discovery,
//! impact amounts, timeline durations (the report holds none of them).

use super::{attack_context, content_key, government, incident_date, intentional, notice_date, sector, summary, uuid_for};
use super::{ExportError, ExportOptions, Gov, Sector};
use crate::report::{LeakStatus, Level, Report};
use serde::Serialize;

/// A VERIS incident. Serialise it with serde to get the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerisIncident {
    pub schema_version: &'static str,
    pub schema_name: &'static str,
    pub incident_id: String,
    pub source_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    pub security_incident: &'static str,
    pub confidence: &'static str,
    pub summary: String,
    pub timeline: Timeline,
    pub victim: Victim,
    pub action: Actions,
    pub actor: Actors,
    pub asset: Asset,
    pub attribute: Attributes,
    pub discovery_method: DiscoveryMethod,
    pub targeted: &'static str,
    pub plus: Plus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub incident: TimelineIncident,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineIncident {
    pub year: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Victim {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub victim_id: Option<String>,
    pub industry: &'static str,
    pub employee_count: &'static str,
    pub country: Vec<&'static str>,
    pub government: Vec<&'static str>,
}

/// One action category. `vector` and `target` are left out where the
/// category has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Action {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variety: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vector: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub target: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Actions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hacking: Option<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub malware: Option<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub social: Option<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub misuse: Option<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical: Option<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<Action>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Actor {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variety: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub motive: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub country: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Actors {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external: Option<Actor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal: Option<Actor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<Actor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<Actor>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssetItem {
    pub variety: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Asset {
    pub assets: Vec<AssetItem>,
    pub cloud: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataItem {
    pub variety: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confidentiality {
    pub data_disclosure: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_total: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Varieties {
    pub variety: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Attributes {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrity: Option<Varieties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability: Option<Varieties>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiscoveryMethod {
    pub unknown: bool,
}

/// `plus`: VERIS's place for what it has no field for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    pub jikenbo: PlusJikenbo,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlusJikenbo {
    pub version: &'static str,
    pub rules_fingerprint: String,
    pub severity: &'static str,
    pub severity_data: &'static str,
    pub severity_operational: &'static str,
    pub ppc_report_required: bool,
    pub ppc_reasons: Vec<&'static str>,
    pub public_body: bool,
    pub reported_to: Vec<String>,
    pub attack_types: Vec<PlusTag>,
    pub data_categories: Vec<PlusTag>,
    pub leak_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlusTag {
    pub id: String,
    pub score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attack: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub veris: Option<String>,
}

/// The VERIS enumeration values this export writes, by action category.
/// A rule's `veris` value outside them becomes `Other`, the original kept
/// in the action's `notes`.
const KNOWN: &[(&str, &[&str])] = &[
    ("hacking", &["Brute force", "Use of stolen creds", "Exploit vuln", "Exploit misconfig", "DoS", "SQLi", "XSS", "Backdoor", "Abuse of functionality", "Forced browsing", "Path traversal", "OS commanding", "Other", "Unknown"]),
    ("malware", &["Ransomware", "Capture app data", "Capture stored data", "Backdoor", "Spyware/Keylogger", "Trojan", "Worm", "Export data", "Downloader", "RAT", "Other", "Unknown"]),
    ("social", &["Phishing", "Pretexting", "Scam", "Extortion", "Forgery", "Spam", "Other", "Unknown"]),
    ("error", &["Disposal error", "Loss", "Misconfiguration", "Misdelivery", "Programming error", "Publishing error", "Gaffe", "Data entry error", "Other", "Unknown"]),
    ("misuse", &["Privilege abuse", "Data mishandling", "Possession abuse", "Knowledge abuse", "Email misuse", "Unapproved hardware", "Other", "Unknown"]),
    ("physical", &["Theft", "Tampering", "Skimmer", "Other", "Unknown"]),
];

/// Reads a rule's `veris` value: `category.variety.Value`, `category`
/// alone, `category (integrity)`; None for the actor values (`actor.partner`).
pub(crate) fn parse_veris(v: &str) -> Option<(&'static str, String, Option<String>)> {
    let v = v.trim();
    let head = v.split(['.', ' ']).next().unwrap_or("");
    let (cat, known) = KNOWN.iter().find(|(c, _)| *c == head).copied()?;
    let value = v.split_once(".variety.").map(|(_, val)| val.trim()).unwrap_or("Unknown");
    match known.iter().find(|k| **k == value) {
        Some(k) => Some((cat, k.to_string(), None)),
        None => Some((cat, "Other".into(), Some(format!("rule value: {}", v)))),
    }
}

fn has(ctx: &str, words: &[&str]) -> bool {
    words.iter().any(|w| ctx.contains(w))
}

fn vectors(cat: &str, ctx: &str) -> Vec<String> {
    let mut v: Vec<&str> = Vec::new();
    match cat {
        "hacking" => {
            if has(ctx, &["VPN", "ＶＰＮ"]) {
                v.push("VPN");
            }
            if has(ctx, &["リモートデスクトップ", "RDP"]) {
                v.push("Desktop sharing");
            }
            if has(ctx, &["サイト", "ウェブ", "Web", "WEB", "ホームページ", "SQLインジェクション", "クロスサイト", "ログイン画面"]) {
                v.push("Web application");
            }
        }
        "malware" => {
            if has(ctx, &["添付"]) {
                v.push("Email attachment");
            } else if has(ctx, &["メール"]) && has(ctx, &["URL", "リンク"]) {
                v.push("Email link");
            } else if has(ctx, &["メール"]) {
                v.push("Email");
            }
            if has(ctx, &["USB"]) {
                v.push("Removable media");
            }
            if has(ctx, &["改ざん", "決済画面", "サイト"]) {
                v.push("Web application");
            }
        }
        "social" => {
            if has(ctx, &["メール"]) {
                v.push("Email");
            }
            if has(ctx, &["SMS", "ショートメッセージ"]) {
                v.push("SMS");
            }
            if has(ctx, &["電話"]) {
                v.push("Phone");
            }
            if has(ctx, &["偽サイト", "偽のサイト", "ウェブサイト", "画面"]) {
                v.push("Web application");
            }
        }
        _ => {}
    }
    if v.is_empty() {
        v.push("Unknown");
    }
    v.into_iter().map(String::from).collect()
}

fn assets(ctx: &str) -> Vec<AssetItem> {
    const MAP: &[(&[&str], &str)] = &[
        (&["USB"], "M - Flash drive"),
        (&["ノートパソコン", "ノートPC", "ノート型"], "U - Laptop"),
        (&["パソコン", "PC", "端末"], "U - Desktop or laptop"),
        (&["タブレット"], "U - Tablet"),
        (&["スマートフォン", "携帯電話", "スマホ"], "U - Mobile phone"),
        (&["書類", "文書", "用紙", "台帳", "名簿", "封筒", "通知書", "紙"], "M - Documents"),
        (&["FAX", "ファクス", "ファックス"], "M - Fax"),
        (&["メールサーバ", "メールアカウント", "メールボックス"], "S - Mail"),
        (&["サイト", "ウェブ", "ホームページ", "Web", "WEB", "決済画面"], "S - Web application"),
        (&["データベース"], "S - Database"),
        (&["ファイルサーバ"], "S - File"),
        (&["VPN"], "N - Remote access"),
    ];
    let mut out: Vec<AssetItem> = Vec::new();
    for (words, variety) in MAP {
        if has(ctx, words) && !out.iter().any(|a| a.variety == *variety) {
            // a laptop is not also a desktop-or-laptop
            if *variety == "U - Desktop or laptop" && out.iter().any(|a| a.variety == "U - Laptop") {
                continue;
            }
            out.push(AssetItem { variety });
        }
    }
    if out.is_empty() {
        out.push(AssetItem { variety: "Unknown" });
    }
    out
}

/// VERIS data variety of a data category.
pub(crate) fn data_variety(id: &str) -> &'static str {
    match id {
        "medical" => "Medical",
        "special_care" => "Sensitive Personal",
        "payment_card" => "Payment",
        "credentials" => "Credentials",
        "bank_account" => "Bank",
        "corporate" => "Internal",
        "confidential" => "Secrets",
        _ => "Personal",
    }
}

pub(crate) fn disclosure(s: LeakStatus) -> &'static str {
    match s {
        LeakStatus::Confirmed => "Yes",
        LeakStatus::Possible => "Potentially",
        LeakStatus::None => "No",
        LeakStatus::Unknown => "Unknown",
    }
}

fn push_unique(v: &mut Vec<String>, x: &str) {
    if !v.iter().any(|y| y == x) {
        v.push(x.to_string());
    }
}

/// Builds the VERIS incident of a report (and the notice's text, for the
/// summary, vectors, assets and dates).
///
/// Fails with `no_date` only when VERIS's required `timeline.incident.year`
/// has no source: no date in the text and no `created`.
pub fn veris(report: &Report, text: Option<&str>, opts: &ExportOptions) -> Result<VerisIncident, ExportError> {
    let key = content_key(report, text, opts);
    let ctx = attack_context(report, text);

    // timeline: a date the text states, else the caller's time
    let incident = match text.and_then(incident_date).or_else(|| text.and_then(notice_date).map(|d| crate::split::Ymd { year: d.year, month: Some(d.month), day: Some(d.day) })) {
        Some(d) => TimelineIncident { year: d.year, month: d.month, day: d.day },
        None => {
            let s = super::when(opts, None)?;
            TimelineIncident { year: s.date.year, month: None, day: None }
        }
    };
    if let Some(c) = &opts.created {
        // a malformed created fails here too, not only where it is needed
        super::when(&ExportOptions { created: Some(c.clone()), ..Default::default() }, None)?;
    }

    // actions
    let mut actions = Actions::default();
    let mut partner = false;
    for t in &report.attack_types {
        let Some(v) = t.veris.as_deref() else { continue };
        if v.starts_with("actor.partner") {
            partner = true;
            continue;
        }
        let Some((cat, variety, notes)) = parse_veris(v) else { continue };
        let slot = match cat {
            "hacking" => &mut actions.hacking,
            "malware" => &mut actions.malware,
            "social" => &mut actions.social,
            "error" => &mut actions.error,
            "misuse" => &mut actions.misuse,
            _ => &mut actions.physical,
        };
        let a = slot.get_or_insert_with(Action::default);
        push_unique(&mut a.variety, &variety);
        let mut local_ctx = String::new();
        if let Some(text) = text {
            for e in &t.evidence {
                if let Some(s) = super::sentence(text, e) {
                    local_ctx.push_str(&s);
                    local_ctx.push('\n');
                }
            }
        }
        for vec in vectors(cat, &local_ctx) {
            push_unique(&mut a.vector, &vec);
        }
        if cat == "social" && a.target.is_empty() {
            a.target.push("Unknown".into());
        }
        if let Some(n) = notes {
            a.notes = Some(match a.notes.take() {
                Some(o) => format!("{}; {}", o, n),
                None => n,
            });
        }
    }
    for slot in [&mut actions.hacking, &mut actions.malware, &mut actions.social] {
        if let Some(a) = slot.as_mut() {
            if partner {
                push_unique(&mut a.vector, "Partner");
            }
            if a.vector.len() > 1 {
                a.vector.retain(|v| v != "Unknown");
            }
        }
    }
    for slot in [&mut actions.error, &mut actions.misuse, &mut actions.physical] {
        if let Some(a) = slot.as_mut() {
            if a.vector.is_empty() {
                a.vector.push("Unknown".into());
            }
        }
    }
    let any_action = actions.hacking.is_some()
        || actions.malware.is_some()
        || actions.social.is_some()
        || actions.error.is_some()
        || actions.misuse.is_some()
        || actions.physical.is_some();
    if !any_action {
        actions.unknown = Some(Action::default());
    }

    // actors
    let mut actors = Actors::default();
    let former = has(&ctx, &["元職員", "元従業員", "元社員", "退職した", "退職者", "元行員", "元営業社員"]);
    let intent: Vec<Option<bool>> = report.attack_types.iter().map(|t| intentional(&t.id)).collect();
    let external = actions.hacking.is_some() || actions.malware.is_some() || actions.social.is_some() || actions.physical.is_some();
    let misuse_malicious = report.attack_types.iter().any(|t| t.id == "insider_misuse");
    if external || (misuse_malicious && former) {
        actors.external = Some(Actor {
            variety: vec![if former { "Former employee" } else { "Unknown" }],
            motive: vec!["Unknown"],
            country: vec![],
        });
    }
    if actions.error.is_some() || (actions.misuse.is_some() && !(misuse_malicious && former)) {
        actors.internal = Some(Actor {
            variety: vec!["Unknown"],
            motive: vec![if actions.misuse.is_some() { "Unknown" } else { "NA" }],
            country: vec![],
        });
    }
    if partner {
        actors.partner = Some(Actor { variety: vec![], motive: vec!["Unknown"], country: vec!["Unknown"] });
    }
    if actors.external.is_none() && actors.internal.is_none() && actors.partner.is_none() {
        actors.unknown = Some(Actor::default());
    }
    let targeted = if !intent.is_empty() && intent.iter().all(|i| *i == Some(false)) { "NA" } else { "Unknown" };

    // attributes
    let mut data: Vec<DataItem> = Vec::new();
    for t in &report.data_categories {
        let v = data_variety(&t.tag.id);
        if !data.iter().any(|d| d.variety == v) {
            data.push(DataItem { variety: v });
        }
    }
    let ids: Vec<&str> = report.attack_types.iter().map(|t| t.id.as_str()).collect();
    let mut avail: Vec<&'static str> = Vec::new();
    if ids.contains(&"ransomware") {
        avail.push("Obscuration");
    }
    if ids.contains(&"ddos") || (report.severity.operational >= Level::Medium && !ids.contains(&"ransomware")) {
        avail.push("Interruption");
    }
    if ids.iter().any(|i| matches!(*i, "loss" | "theft" | "improper_disposal")) {
        avail.push("Loss");
    }
    let mut integ: Vec<&'static str> = Vec::new();
    if ids.contains(&"defacement") {
        integ.push("Defacement");
    }
    if ids.iter().any(|i| matches!(*i, "malware" | "ransomware" | "payment_skimming")) {
        integ.push("Software installation");
    }
    let attribute = Attributes {
        confidentiality: Some(Confidentiality {
            data_disclosure: disclosure(report.leak_status.value),
            data,
            data_total: report.affected_count.value,
        }),
        integrity: (!integ.is_empty()).then_some(Varieties { variety: integ }),
        availability: (!avail.is_empty()).then_some(Varieties { variety: avail }),
    };

    // victim
    let gov = government(report);
    let industry = match sector(report) {
        Sector::Healthcare => "622",
        Sector::University => "6113",
        Sector::School => "6111",
        Sector::Bank => "5221",
        Sector::Insurance => "5241",
        Sector::Government => "92",
        Sector::Unknown => "000",
    };
    let victim = Victim {
        victim_id: report.organization.name.clone(),
        industry,
        employee_count: "Unknown",
        country: vec![if report.language == crate::report::Language::Ja { "JP" } else { "Unknown" }],
        government: vec![match gov {
            None => "NA",
            Some(Gov::National) => "Federal",
            Some(Gov::Regional) => "Regional",
            Some(Gov::Local) => "Local",
            Some(Gov::Unknown) => "Unknown",
        }],
    };

    let top = report.attack_types.iter().map(|t| t.score).fold(0.0f64, f64::max);
    let confidence = if report.attack_types.is_empty() {
        "Low"
    } else if top >= 0.75 {
        "High"
    } else if top >= 0.4 {
        "Medium"
    } else {
        "Low"
    };
    let security_incident = if !report.attack_types.is_empty() || report.leak_status.value >= LeakStatus::Possible {
        "Confirmed"
    } else {
        "Suspected"
    };

    let tag = |t: &crate::report::Tag| PlusTag { id: t.id.clone(), score: t.score, attack: t.attack.clone(), veris: t.veris.clone() };
    let created = match &opts.created {
        Some(_) => Some(super::when(opts, None)?.rfc3339),
        None => None,
    };
    Ok(VerisIncident {
        schema_version: "1.4.1",
        schema_name: "verisc",
        incident_id: uuid_for(&key, "veris-incident"),
        source_id: "jikenbo",
        reference: opts.source_url.clone().or_else(|| opts.id.clone()),
        security_incident,
        confidence,
        summary: summary(report, text),
        timeline: Timeline { incident },
        victim,
        action: actions,
        actor: actors,
        asset: Asset { assets: assets(&ctx), cloud: vec!["Unknown"] },
        attribute,
        discovery_method: DiscoveryMethod { unknown: true },
        targeted,
        plus: Plus {
            created,
            jikenbo: PlusJikenbo {
                version: env!("CARGO_PKG_VERSION"),
                rules_fingerprint: crate::version().rules_fingerprint,
                severity: report.severity.level.as_str(),
                severity_data: report.severity.data.as_str(),
                severity_operational: report.severity.operational.as_str(),
                ppc_report_required: report.ppc_report.required,
                ppc_reasons: report.ppc_report.reasons.iter().map(|r| r.as_str()).collect(),
                public_body: report.organization.public_body,
                reported_to: report.reported_to.iter().map(|t| t.id.clone()).collect(),
                attack_types: report.attack_types.iter().map(tag).collect(),
                data_categories: report.data_categories.iter().map(|t| tag(&t.tag)).collect(),
                leak_status: report.leak_status.value.as_str(),
                notice_date: text.and_then(notice_date).map(|d| d.iso()),
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_values_parse() {
        assert_eq!(parse_veris("social.variety.Phishing"), Some(("social", "Phishing".into(), None)));
        assert_eq!(parse_veris("malware"), Some(("malware", "Unknown".into(), None)));
        assert_eq!(parse_veris("hacking (integrity)"), Some(("hacking", "Unknown".into(), None)));
        assert_eq!(parse_veris("actor.partner"), None);
        assert_eq!(parse_veris("hacking.variety.Telepathy").unwrap().1, "Other");
        assert_eq!(parse_veris("nonsense"), None);
    }

    #[test]
    fn vectors_only_where_stated() {
        assert_eq!(vectors("hacking", "VPN装置の脆弱性を悪用され"), vec!["VPN"]);
        assert_eq!(vectors("malware", "メールの添付ファイルを開いた"), vec!["Email attachment"]);
        assert_eq!(vectors("social", "標的型攻撃メールを受信"), vec!["Email"]);
        assert_eq!(vectors("hacking", "不正アクセスを受けた"), vec!["Unknown"]);
        assert_eq!(vectors("error", "誤送信"), vec!["Unknown"]);
    }
}
