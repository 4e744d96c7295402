//! STIX 2.1 bundle: an `incident` with the Incident Core Extension, the
//! victim's `identity`, an `attack-pattern` per ATT&CK technique and the
//! relationships between them.
//!
//! | report | STIX |
//! |---|---|
//! | the notice's title (or the organisation and attack labels) | `incident.name` |
//! | summary with evidence quotes | `incident.description` |
//! | leak status, attack types | extension `determination` (`successful-attempt` when data leaked or was possibly accessed or the incident stopped work, else `suspected`), `investigation_status` `open` |
//! | severity | extension `criticality` (low 15, medium 40, high 70, critical 95: the 5-level table of the extension's appendix A) |
//! | attack types, PPC | extension `incident_types` (unauthorized-access, unauthorized-release, equipment-loss, equipment-theft, denial-of-service, destruction, compromised-system, supply-chain-customer, unauthorized-use, and `major` when the PPC must be told) |
//! | affected count | extension `impacted_entity_counts.individual` |
//! | tag scores | extension `scores` (`jikenbo:<field>/<id>`) |
//! | `attackTypes[].attack` | `attack-pattern` with `external_references` (`mitre-attack`, external_id, url) and its ATT&CK tactic as kill chain phase; `incident related-to attack-pattern` |
//! | organisation | `identity` (`organization`, sectors from the name: government-local/regional/national, healthcare, education, financial-services, insurance); `incident impacts identity` |
//! | `source_url` | an external reference of the incident |
//!
//! The extension is the OASIS CTI TC's Incident Core Extension (version 2.0
//! of the prose specification, `extension-definition--ef765651-680c-498d-9894-99799f2fa126`,
//! in oasis-open/cti-stix-common-objects); the bundle refers to it by id
//! and does not carry the extension-definition object. Every id is a
//! UUIDv5 of the content key (and the technique or organisation), so the
//! same notice gives the same bundle, and no object is shared between
//! bundles made at different times (its `created` would differ); the validator reports these as
//! UUIDv4 "SHOULD" warnings, not errors. MITRE's own attack-pattern ids are
//! not reused: an object with their id and other content would read as a
//! new version of theirs.
//!
//! Lost: data categories (STIX has no vocabulary for them; they are in the
//! description), PPC reasons, reported-to authorities, evidence offsets.

use super::{content_key, government, sector, summary, title, uuid_for, when};
use super::{ExportError, ExportOptions, Gov, Sector};
use crate::report::{LeakStatus, Level, Report};
use serde::Serialize;

/// The id of the Incident Core Extension definition.
pub const INCIDENT_CORE_EXTENSION: &str = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";

/// ATT&CK techniques the built-in rules name: id, name, tactic (kill chain
/// phase). Names as in ATT&CK (and in MISP's mitre-attack-pattern galaxy).
pub(crate) const TECHNIQUES: &[(&str, &str, &str)] = &[
    ("T1052.001", "Exfiltration over USB", "exfiltration"),
    ("T1056", "Input Capture", "collection"),
    ("T1078", "Valid Accounts", "initial-access"),
    ("T1110", "Brute Force", "credential-access"),
    ("T1110.001", "Password Guessing", "credential-access"),
    ("T1110.003", "Password Spraying", "credential-access"),
    ("T1110.004", "Credential Stuffing", "credential-access"),
    ("T1133", "External Remote Services", "initial-access"),
    ("T1190", "Exploit Public-Facing Application", "initial-access"),
    ("T1195", "Supply Chain Compromise", "initial-access"),
    ("T1199", "Trusted Relationship", "initial-access"),
    ("T1204", "User Execution", "execution"),
    ("T1486", "Data Encrypted for Impact", "impact"),
    ("T1490", "Inhibit System Recovery", "impact"),
    ("T1491", "Defacement", "impact"),
    ("T1491.002", "External Defacement", "impact"),
    ("T1498", "Network Denial of Service", "impact"),
    ("T1499", "Endpoint Denial of Service", "impact"),
    ("T1530", "Data from Cloud Storage", "collection"),
    ("T1566", "Phishing", "initial-access"),
    ("T1566.001", "Spearphishing Attachment", "initial-access"),
    ("T1566.002", "Spearphishing Link", "initial-access"),
    ("T1567", "Exfiltration Over Web Service", "exfiltration"),
    ("T1598", "Phishing for Information", "reconnaissance"),
    ("T1657", "Financial Theft", "impact"),
];

pub(crate) fn technique(id: &str) -> Option<(&'static str, &'static str)> {
    TECHNIQUES.iter().find(|t| t.0 == id).map(|t| (t.1, t.2))
}

/// Whether a string is an ATT&CK technique id (`T1566`, `T1110.004`).
pub(crate) fn is_technique_id(id: &str) -> bool {
    let b = id.as_bytes();
    let main = b.len() == 5 && b[0] == b'T' && b[1..].iter().all(u8::is_ascii_digit);
    let sub = b.len() == 9 && b[0] == b'T' && b[1..5].iter().all(u8::is_ascii_digit) && b[5] == b'.' && b[6..].iter().all(u8::is_ascii_digit);
    main || sub
}

/// `https://attack.mitre.org/techniques/T1110/004/`.
pub(crate) fn technique_url(id: &str) -> String {
    format!("https://attack.mitre.org/techniques/{}/", id.replace('.', "/"))
}

/// A STIX 2.1 bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StixBundle {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: String,
    pub objects: Vec<StixObject>,
}

/// One object of the bundle.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum StixObject {
    Incident(Incident),
    Identity(Identity),
    AttackPattern(AttackPattern),
    Relationship(Relationship),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExternalReference {
    pub source_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incident {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub spec_version: &'static str,
    pub id: String,
    pub created: String,
    pub modified: String,
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_references: Vec<ExternalReference>,
    pub extensions: IncidentExtensions,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentExtensions {
    #[serde(rename = "extension-definition--ef765651-680c-498d-9894-99799f2fa126")]
    pub incident_core: IncidentCore,
}

/// The Incident Core Extension's properties.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentCore {
    pub extension_type: &'static str,
    pub determination: &'static str,
    pub investigation_status: &'static str,
    pub criticality: u8,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incident_types: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impacted_entity_counts: Option<EntityCounts>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<Score>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCounts {
    pub individual: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub name: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub spec_version: &'static str,
    pub id: String,
    pub created: String,
    pub modified: String,
    pub name: String,
    pub identity_class: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KillChainPhase {
    pub kill_chain_name: &'static str,
    pub phase_name: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttackPattern {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub spec_version: &'static str,
    pub id: String,
    pub created: String,
    pub modified: String,
    pub name: String,
    pub external_references: Vec<ExternalReference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kill_chain_phases: Vec<KillChainPhase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relationship {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub spec_version: &'static str,
    pub id: String,
    pub created: String,
    pub modified: String,
    pub relationship_type: &'static str,
    pub source_ref: String,
    pub target_ref: String,
}

fn incident_types(report: &Report) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    let mut add = |x: &'static str| {
        if !v.contains(&x) {
            v.push(x)
        }
    };
    for t in &report.attack_types {
        match t.id.as_str() {
            "credential_stuffing" | "brute_force" | "web_app_exploit" | "unauthorized_access" | "misconfiguration" => add("unauthorized-access"),
            "malware" | "payment_skimming" => add("compromised-system"),
            "ransomware" => {
                add("compromised-system");
                add("destruction")
            }
            "ddos" => add("denial-of-service"),
            "loss" => add("equipment-loss"),
            "theft" => {
                add("equipment-theft");
                add("equipment-loss")
            }
            "supply_chain" => add("supply-chain-customer"),
            "insider_misuse" | "policy_violation" => add("unauthorized-use"),
            "misdelivery" | "publication_error" | "programming_error" => add("unauthorized-release"),
            _ => {}
        }
    }
    if report.leak_status.value == LeakStatus::Confirmed {
        add("unauthorized-release");
    }
    if report.ppc_report.required {
        add("major");
    }
    v
}

fn criticality(level: Level) -> u8 {
    match level {
        Level::Low => 15,
        Level::Medium => 40,
        Level::High => 70,
        Level::Critical => 95,
    }
}

/// Builds the STIX 2.1 bundle of a report.
///
/// `created`/`modified` of every object is `opts.created`, else the notice's
/// date at 00:00 UTC; fails with `no_date` when there is neither.
pub fn stix(report: &Report, text: Option<&str>, opts: &ExportOptions) -> Result<StixBundle, ExportError> {
    let t = when(opts, text)?.rfc3339;
    let key = content_key(report, text, opts);
    let incident_id = format!("incident--{}", uuid_for(&key, "stix-incident"));
    let mut objects: Vec<StixObject> = Vec::new();
    let mut rels: Vec<StixObject> = Vec::new();
    let rel = |kind: &'static str, src: &str, dst: &str| {
        StixObject::Relationship(Relationship {
            kind: "relationship",
            spec_version: "2.1",
            id: format!("relationship--{}", uuid_for(&key, &format!("stix-relationship {} {} {}", kind, src, dst))),
            created: t.clone(),
            modified: t.clone(),
            relationship_type: kind,
            source_ref: src.to_string(),
            target_ref: dst.to_string(),
        })
    };

    // attack patterns, one per technique
    let mut seen: Vec<String> = Vec::new();
    for tag in &report.attack_types {
        let Some(attack) = tag.attack.as_deref() else { continue };
        for tid in attack.split([',', ' ', '/']).map(str::trim).filter(|s| is_technique_id(s)) {
            if seen.iter().any(|s| s == tid) {
                continue;
            }
            seen.push(tid.to_string());
            let (name, phase) = match technique(tid) {
                Some((n, p)) => (n.to_string(), Some(p)),
                None => (format!("{} ({})", tag.label.en, tid), None),
            };
            // keyed by the export's content key too: an object's `created`
            // must not change between versions, and ours is the caller's time
            let id = format!("attack-pattern--{}", uuid_for(&key, &format!("stix-attack-pattern {}", tid)));
            rels.push(rel("related-to", &incident_id, &id));
            objects.push(StixObject::AttackPattern(AttackPattern {
                kind: "attack-pattern",
                spec_version: "2.1",
                id,
                created: t.clone(),
                modified: t.clone(),
                name,
                external_references: vec![ExternalReference {
                    source_name: "mitre-attack".into(),
                    external_id: Some(tid.to_string()),
                    url: Some(technique_url(tid)),
                    description: None,
                }],
                kill_chain_phases: phase.map(|p| vec![KillChainPhase { kill_chain_name: "mitre-attack", phase_name: p }]).unwrap_or_default(),
            }));
        }
    }

    // the victim
    if let Some(name) = &report.organization.name {
        let id = format!("identity--{}", uuid_for(&key, &format!("stix-identity {}", name)));
        let mut sectors: Vec<&'static str> = Vec::new();
        match government(report) {
            Some(Gov::Local) => sectors.push("government-local"),
            Some(Gov::Regional) => sectors.push("government-regional"),
            Some(Gov::National) => sectors.push("government-national"),
            Some(Gov::Unknown) => sectors.push("government"),
            None => {}
        }
        match sector(report) {
            Sector::Healthcare => sectors.push("healthcare"),
            Sector::University | Sector::School => sectors.push("education"),
            Sector::Bank => sectors.push("financial-services"),
            Sector::Insurance => sectors.push("insurance"),
            _ => {}
        }
        rels.push(rel("impacts", &incident_id, &id));
        objects.push(StixObject::Identity(Identity {
            kind: "identity",
            spec_version: "2.1",
            id,
            created: t.clone(),
            modified: t.clone(),
            name: name.clone(),
            identity_class: "organization",
            sectors,
        }));
    }

    let stopped_work = report.severity.operational >= Level::Medium;
    let determination = if report.leak_status.value >= LeakStatus::Possible || stopped_work || report.attack_types.iter().any(|t| t.id == "ransomware") {
        "successful-attempt"
    } else {
        "suspected"
    };
    let mut scores: Vec<super::stix::Score> = report
        .attack_types
        .iter()
        .map(|t| Score { name: format!("jikenbo:attack_types/{}", t.id), value: t.score, description: Some(t.label.en.clone()) })
        .collect();
    scores.extend(report.data_categories.iter().map(|t| Score {
        name: format!("jikenbo:data_categories/{}", t.tag.id),
        value: t.tag.score,
        description: Some(format!("{} (tier {})", t.tag.label.en, t.tier)),
    }));
    let mut refs = Vec::new();
    if let Some(url) = &opts.source_url {
        refs.push(ExternalReference { source_name: "notice".into(), external_id: opts.id.clone(), url: Some(url.clone()), description: None });
    } else if let Some(id) = &opts.id {
        refs.push(ExternalReference { source_name: "notice".into(), external_id: Some(id.clone()), url: None, description: None });
    }
    let name = title(text).unwrap_or_else(|| {
        let what: Vec<&str> = report.attack_types.iter().map(|t| t.label.en.as_str()).collect();
        format!(
            "{}: {}",
            report.organization.name.as_deref().unwrap_or("Incident notice"),
            if what.is_empty() { "security incident".to_string() } else { what.join(", ") }
        )
    });
    let mut labels: Vec<String> = report.attack_types.iter().map(|t| t.id.clone()).collect();
    labels.extend(report.data_categories.iter().map(|t| format!("data:{}", t.tag.id)));
    labels.push(format!("severity:{}", report.severity.level.as_str()));
    let incident = Incident {
        kind: "incident",
        spec_version: "2.1",
        id: incident_id.clone(),
        created: t.clone(),
        modified: t.clone(),
        name,
        description: summary(report, text),
        labels,
        external_references: refs,
        extensions: IncidentExtensions {
            incident_core: IncidentCore {
                extension_type: "property-extension",
                determination,
                investigation_status: "open",
                criticality: criticality(report.severity.level),
                incident_types: incident_types(report),
                impacted_entity_counts: report.affected_count.value.map(|n| EntityCounts { individual: n }),
                scores,
            },
        },
    };
    let mut all = vec![StixObject::Incident(incident)];
    all.extend(objects);
    all.extend(rels);
    Ok(StixBundle { kind: "bundle", id: format!("bundle--{}", uuid_for(&key, "stix-bundle")), objects: all })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn technique_ids_and_urls() {
        assert!(is_technique_id("T1566"));
        assert!(is_technique_id("T1110.004"));
        assert!(!is_technique_id("T15"));
        assert!(!is_technique_id("1566"));
        assert!(!is_technique_id("T1110.04"));
        assert_eq!(technique_url("T1110.004"), "https://attack.mitre.org/techniques/T1110/004/");
        assert_eq!(technique("T1566"), Some(("Phishing", "initial-access")));
        assert_eq!(technique("T9999"), None);
    }

    #[test]
    fn every_builtin_technique_is_known() {
        for e in crate::taxonomy() {
            if let Some(a) = e.attack {
                assert!(technique(a).is_some(), "{} names {}, missing from TECHNIQUES", e.id, a);
            }
        }
    }
}
