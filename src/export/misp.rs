//! MISP event JSON (the MISP core format: `{"Event": {…}}`).
//!
//! | report | MISP |
//! |---|---|
//! | the notice's title, else organisation and attack labels | `Event.info` (one line, at most 256 characters) |
//! | `created`, else the notice's date | `Event.date`, `timestamp`, each attribute's `timestamp` |
//! | severity | `threat_level_id` (critical/high → 1 High, medium → 2 Medium, low → 3 Low) |
//! | leak status | `analysis` (unknown → 1 Ongoing, else 2 Complete: the notice is the analysis) |
//! | attack types, data, leak (through the VERIS export) | `Tag` `veris:action:<category>:variety="…"`, `veris:action:<category>:vector="…"`, `veris:attribute:confidentiality:data_disclosure="…"`, `veris:attribute:confidentiality:data:variety="…"`, `veris:actor:external:variety`, `veris:security_incident`, `veris:confidence`, `veris:targeted` — only values the MISP `veris` taxonomy lists (it lacks e.g. `Exploit vuln` and `Sensitive Personal`, which stay in the VERIS export only) |
//! | `attackTypes[].attack` | `Tag` `misp-galaxy:mitre-attack-pattern="<name> - <id>"` (names as in the galaxy: `Phishing - T1566`, `Credential Stuffing - T1110.004`) |
//! | attack types, leak | `Tag` of the `rsit` taxonomy (Reference Security Incident Taxonomy) where one fits |
//! | — | `Tag` `tlp:clear` (the notices are public) |
//! | organisation | `Attribute` `Targeting data`/`target-org` |
//! | affected count | `Attribute` `Other`/`counter` |
//! | `source_url` | `Attribute` `External analysis`/`link` |
//! | summary, severity and PPC, evidence sentences | `Attribute`s `Other`/`text` (the quotes with their rule id as comment) |
//!
//! Instance-local ids (`id`, `event_id`, `org_id`, `orgc_id`) are `"0"`:
//! MISP assigns its own on import. `Orgc` is this tool (`jikenbo`).
//! `published` is false and `distribution` the caller's (default 0).
//! Lost: evidence offsets, tag scores, reported-to authorities (in the
//! severity attribute only as text).

use super::veris::{veris, VerisIncident};
use super::{content_key, quotes, summary, title, uuid_for, when};
use super::{ExportError, ExportOptions};
use crate::report::{LeakStatus, Level, Report};
use serde::Serialize;

/// A MISP event document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MispEvent {
    #[serde(rename = "Event")]
    pub event: Event,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub uuid: String,
    pub id: String,
    pub info: String,
    pub date: String,
    pub threat_level_id: String,
    pub analysis: String,
    pub distribution: String,
    pub sharing_group_id: String,
    pub published: bool,
    pub timestamp: String,
    pub publish_timestamp: String,
    pub org_id: String,
    pub orgc_id: String,
    pub attribute_count: String,
    #[serde(rename = "Orgc")]
    pub orgc: Org,
    #[serde(rename = "Tag")]
    pub tag: Vec<Tag>,
    #[serde(rename = "Attribute")]
    pub attribute: Vec<Attribute>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub uuid: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tag {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribute {
    pub uuid: String,
    pub event_id: String,
    pub category: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: String,
    pub comment: String,
    pub to_ids: bool,
    pub distribution: String,
    pub sharing_group_id: String,
    pub timestamp: String,
    pub deleted: bool,
    pub disable_correlation: bool,
}

/// (predicate, values) of the MISP `veris` taxonomy this export may write.
const MISP_VERIS: &[(&str, &[&str])] = &[
    ("action:hacking:variety", &["Brute force", "DoS", "Use of stolen creds", "SQLi", "XSS", "Abuse of functionality", "Forced browsing", "Path traversal", "OS commanding", "Other", "Unknown"]),
    ("action:hacking:vector", &["VPN", "Web application", "Desktop sharing", "Partner", "Other", "Unknown"]),
    ("action:malware:variety", &["Ransomware", "Capture app data", "Capture stored data", "Backdoor", "Spyware/Keylogger", "Worm", "Export data", "Downloader", "Other", "Unknown"]),
    ("action:malware:vector", &["Email attachment", "Email link", "Removable media", "Other", "Unknown"]),
    ("action:social:variety", &["Phishing", "Pretexting", "Scam", "Extortion", "Forgery", "Spam", "Other", "Unknown"]),
    ("action:social:vector", &["Email", "SMS", "Phone", "Other", "Unknown"]),
    ("action:error:variety", &["Disposal error", "Loss", "Misconfiguration", "Misdelivery", "Programming error", "Publishing error", "Gaffe", "Data entry error", "Other", "Unknown"]),
    ("action:misuse:variety", &["Privilege abuse", "Data mishandling", "Possession abuse", "Knowledge abuse", "Email misuse", "Unapproved hardware", "Other", "Unknown"]),
    ("action:physical:variety", &["Theft", "Tampering", "Skimmer", "Other", "Unknown"]),
    ("actor:external:variety", &["Former employee", "Unknown"]),
    ("attribute:confidentiality:data_disclosure", &["Yes", "Potentially", "No", "Unknown"]),
    ("attribute:confidentiality:data:variety", &["Medical", "Payment", "Personal", "Credentials", "Bank", "Internal", "Secrets"]),
    ("security_incident", &["Confirmed", "Suspected"]),
    ("confidence", &["High", "Medium", "Low"]),
    ("targeted", &["NA", "Unknown"]),
];

fn veris_tag(out: &mut Vec<Tag>, predicate: &str, value: &str) {
    let ok = MISP_VERIS.iter().any(|(p, vs)| *p == predicate && vs.contains(&value));
    let name = format!("veris:{}=\"{}\"", predicate, value);
    if ok && !out.iter().any(|t| t.name == name) {
        out.push(Tag { name });
    }
}

fn veris_tags(v: &VerisIncident) -> Vec<Tag> {
    let mut out = Vec::new();
    let a = &v.action;
    for (cat, act) in [("hacking", &a.hacking), ("malware", &a.malware), ("social", &a.social), ("error", &a.error), ("misuse", &a.misuse), ("physical", &a.physical)] {
        if let Some(act) = act {
            for x in &act.variety {
                veris_tag(&mut out, &format!("action:{}:variety", cat), x);
            }
            for x in act.vector.iter().filter(|x| *x != "Unknown") {
                veris_tag(&mut out, &format!("action:{}:vector", cat), x);
            }
        }
    }
    if let Some(e) = &v.actor.external {
        for x in e.variety.iter().filter(|x| **x != "Unknown") {
            veris_tag(&mut out, "actor:external:variety", x);
        }
    }
    if let Some(c) = &v.attribute.confidentiality {
        veris_tag(&mut out, "attribute:confidentiality:data_disclosure", c.data_disclosure);
        for d in &c.data {
            veris_tag(&mut out, "attribute:confidentiality:data:variety", d.variety);
        }
    }
    veris_tag(&mut out, "security_incident", v.security_incident);
    veris_tag(&mut out, "confidence", v.confidence);
    veris_tag(&mut out, "targeted", v.targeted);
    out
}

fn rsit_tags(report: &Report) -> Vec<Tag> {
    let mut v: Vec<(&str, &str)> = Vec::new();
    for t in &report.attack_types {
        let x = match t.id.as_str() {
            "credential_stuffing" => ("intrusions", "unprivileged-account-compromise"),
            "brute_force" => ("intrusion-attempts", "brute-force"),
            "web_app_exploit" | "payment_skimming" | "defacement" => ("intrusions", "application-compromise"),
            "ransomware" | "malware" => ("malicious-code", "infected-system"),
            "phishing" => ("fraud", "phishing"),
            "bec_fraud" => ("fraud", "masquerade"),
            "ddos" => ("availability", "ddos"),
            "misconfiguration" => ("vulnerable", "information-disclosure"),
            "unauthorized_access" => ("intrusions", "system-compromise"),
            "insider_misuse" => ("information-content-security", "unauthorised-information-access"),
            "loss" | "theft" | "improper_disposal" => ("information-content-security", "data-loss"),
            _ => continue,
        };
        if !v.contains(&x) {
            v.push(x);
        }
    }
    if report.leak_status.value == LeakStatus::Confirmed && !v.contains(&("information-content-security", "data-leak")) {
        v.push(("information-content-security", "data-leak"));
    }
    if v.is_empty() {
        v.push(("other", "undetermined"));
    }
    v.into_iter().map(|(p, x)| Tag { name: format!("rsit:{}=\"{}\"", p, x) }).collect()
}

/// Builds the MISP event of a report.
///
/// `date` is `opts.created`'s date, else the notice's date; fails with
/// `no_date` when there is neither, `invalid_distribution` above 3.
pub fn misp(report: &Report, text: Option<&str>, opts: &ExportOptions) -> Result<MispEvent, ExportError> {
    let when = when(opts, text)?;
    let distribution = opts.distribution.unwrap_or(0);
    if distribution > 3 {
        return Err(ExportError::new("invalid_distribution", format!("distribution {} is not 0-3", distribution)));
    }
    let v = veris(report, text, opts)?;
    let key = content_key(report, text, opts);
    let ts = when.unix.to_string();

    let mut tags = vec![Tag { name: "tlp:clear".into() }];
    tags.extend(veris_tags(&v));
    let mut seen: Vec<&str> = Vec::new();
    for t in &report.attack_types {
        let Some(a) = t.attack.as_deref() else { continue };
        if let Some((name, _)) = super::stix::technique(a) {
            if !seen.contains(&a) {
                seen.push(a);
                tags.push(Tag { name: format!("misp-galaxy:mitre-attack-pattern=\"{} - {}\"", name, a) });
            }
        }
    }
    tags.extend(rsit_tags(report));

    let mut attrs: Vec<Attribute> = Vec::new();
    let mut add = |category: &'static str, kind: &'static str, value: String, comment: String, correlate: bool| {
        let n = attrs.len();
        attrs.push(Attribute {
            uuid: uuid_for(&key, &format!("misp-attribute {} {} {}", n, kind, value)),
            event_id: "0".into(),
            category,
            kind,
            value,
            comment,
            to_ids: false,
            distribution: "5".into(),
            sharing_group_id: "0".into(),
            timestamp: ts.clone(),
            deleted: false,
            disable_correlation: !correlate,
        });
    };
    if let Some(name) = &report.organization.name {
        let c = if report.organization.public_body { "victim organisation (public body)" } else { "victim organisation" };
        add("Targeting data", "target-org", name.clone(), c.into(), true);
    }
    if let Some(n) = report.affected_count.value {
        add("Other", "counter", n.to_string(), "persons (or records) affected".into(), false);
    }
    if let Some(url) = &opts.source_url {
        add("External analysis", "link", url.clone(), "the notice".into(), true);
    }
    add("Other", "text", summary(report, None), "summary (jikenbo)".into(), false);
    let ppc = if report.ppc_report.required {
        format!("required ({})", report.ppc_report.reasons.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", "))
    } else {
        "not required".into()
    };
    let told: Vec<&str> = report.reported_to.iter().map(|t| t.id.as_str()).collect();
    add(
        "Other",
        "text",
        format!(
            "severity {} (data {}, operational {}); PPC report {}; reported to: {}",
            report.severity.level.as_str(),
            report.severity.data.as_str(),
            report.severity.operational.as_str(),
            ppc,
            if told.is_empty() { "none stated".to_string() } else { told.join(", ") }
        ),
        "severity and reporting (jikenbo)".into(),
        false,
    );
    if let Some(text) = text {
        for (q, rule) in quotes(report, text, 6) {
            add("Other", "text", q, format!("evidence: {}", rule), false);
        }
    }

    let info_base = title(text).unwrap_or_else(|| {
        let what: Vec<&str> = report.attack_types.iter().map(|t| t.label.en.as_str()).collect();
        format!(
            "{}: {}",
            report.organization.name.as_deref().unwrap_or("Incident notice"),
            if what.is_empty() { "security incident".into() } else { what.join(", ") }
        )
    });
    let info: String = info_base.replace(['\n', '\r'], " ").chars().take(256).collect();
    let threat = match report.severity.level {
        Level::Critical | Level::High => "1",
        Level::Medium => "2",
        Level::Low => "3",
    };
    Ok(MispEvent {
        event: Event {
            uuid: uuid_for(&key, "misp-event"),
            id: "0".into(),
            info,
            date: when.date.iso(),
            threat_level_id: threat.into(),
            analysis: if report.leak_status.value == LeakStatus::Unknown { "1" } else { "2" }.into(),
            distribution: distribution.to_string(),
            sharing_group_id: "0".into(),
            published: false,
            timestamp: ts.clone(),
            publish_timestamp: "0".into(),
            org_id: "0".into(),
            orgc_id: "0".into(),
            attribute_count: attrs.len().to_string(),
            orgc: Org { id: "0".into(), name: "jikenbo".into(), uuid: uuid_for("jikenbo", "misp-orgc") },
            tag: tags,
            attribute: attrs,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn veris_tags_only_from_the_misp_taxonomy() {
        let mut out = Vec::new();
        veris_tag(&mut out, "action:hacking:variety", "Brute force");
        veris_tag(&mut out, "action:hacking:variety", "Exploit vuln");
        veris_tag(&mut out, "attribute:confidentiality:data:variety", "Sensitive Personal");
        veris_tag(&mut out, "action:hacking:variety", "Brute force");
        assert_eq!(out, vec![Tag { name: "veris:action:hacking:variety=\"Brute force\"".into() }]);
    }
}
