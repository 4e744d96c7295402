//! Table tests of the decide stage: `testdata/*.toml`, one `[[test]]` per
//! case (input → expected), in the manner of rust-lang/regex's `testdata`.
//! Each table drives one decision: the severity matrix and the PPC rule
//! directly, the count, leak, organisation and scope decisions on the Scan
//! of a short text.

use super::*;
use crate::rules::builtin;
use crate::scan::{Clauses, Scanner};
use serde::Deserialize;
use std::sync::OnceLock;

fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(|| Scanner::new(&builtin::specs()).unwrap())
}

#[derive(Deserialize)]
struct Table<T> {
    test: Vec<T>,
}

fn table<T: serde::de::DeserializeOwned>(src: &str) -> Vec<T> {
    let t: Table<T> = toml::from_str(src).expect("a [[test]] table");
    assert!(!t.test.is_empty());
    t.test
}

fn level(s: &str) -> Level {
    match s {
        "low" => Level::Low,
        "medium" => Level::Medium,
        "high" => Level::High,
        "critical" => Level::Critical,
        _ => panic!("unknown level {:?}", s),
    }
}

fn leak(s: &str) -> LeakStatus {
    match s {
        "confirmed" => LeakStatus::Confirmed,
        "possible" => LeakStatus::Possible,
        "none" => LeakStatus::None,
        "unknown" => LeakStatus::Unknown,
        _ => panic!("unknown leak status {:?}", s),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeverityCase {
    name: Option<String>,
    tier: u8,
    count: Option<u64>,
    leak: Option<String>,
    operational: Option<String>,
    data: String,
    level: Option<String>,
}

#[test]
fn severity_table() {
    for c in table::<SeverityCase>(include_str!("testdata/severity.toml")) {
        let what = format!("{:?} (tier {}, count {:?})", c.name, c.tier, c.count);
        let data = rubric::data_severity(c.tier, c.count, leak(c.leak.as_deref().unwrap_or("possible")));
        assert_eq!(data, level(&c.data), "{}", what);
        let op = level(c.operational.as_deref().unwrap_or("low"));
        assert_eq!(data.max(op), level(c.level.as_deref().unwrap_or(&c.data)), "{}", what);
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct PpcCase {
    name: String,
    personal: Option<bool>,
    special_care: bool,
    payment_card: bool,
    my_number: bool,
    intentional: bool,
    ransomware: bool,
    leak: Option<String>,
    count: Option<u64>,
    public_body: bool,
    required: bool,
    reasons: Vec<String>,
}

#[test]
fn ppc_table() {
    for c in table::<PpcCase>(include_str!("testdata/ppc.toml")) {
        let r = rubric::ppc(&rubric::PpcInput {
            personal: c.personal.unwrap_or(true),
            special_care: c.special_care,
            payment_card: c.payment_card,
            my_number: c.my_number,
            intentional: c.intentional,
            ransomware: c.ransomware,
            leak: leak(c.leak.as_deref().unwrap_or("possible")),
            count: c.count,
            public_body: c.public_body,
        });
        assert_eq!(r.required, c.required, "{}", c.name);
        let got: Vec<&str> = r.reasons.iter().map(|x| x.as_str()).collect();
        assert_eq!(got, c.reasons, "{}", c.name);
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextCase {
    name: Option<String>,
    input: String,
    count: Option<u64>,
    leak: Option<String>,
    org: Option<String>,
    public_body: Option<bool>,
    #[serde(default)]
    attack: Vec<String>,
    #[serde(default)]
    not_attack: Vec<String>,
    #[serde(default)]
    data: Vec<String>,
    #[serde(default)]
    not_data: Vec<String>,
}

impl TextCase {
    fn what(&self) -> String {
        format!("{:?}: {:?}", self.name, self.input)
    }
}

#[test]
fn count_table() {
    for c in table::<TextCase>(include_str!("testdata/count.toml")) {
        let scan = scanner().scan(&c.input, Clauses::Decide);
        let everywhere = vec![true; scan.text.segs.len()];
        let got = count::choose(&scan.counts, &everywhere).map(|x| x.value);
        assert_eq!(got, c.count, "{}", c.what());
    }
}

#[test]
fn leak_table() {
    for c in table::<TextCase>(include_str!("testdata/leak.toml")) {
        let report = decide(&scanner().scan(&c.input, Clauses::Decide));
        assert_eq!(report.leak_status.value, leak(c.leak.as_deref().expect("leak")), "{}", c.what());
        assert!(
            report.leak_status.value == LeakStatus::Unknown || !report.leak_status.evidence.is_empty(),
            "{}: a decided leak status cites the text",
            c.what()
        );
    }
}

#[test]
fn org_table() {
    for c in table::<TextCase>(include_str!("testdata/org.toml")) {
        let report = decide(&scanner().scan(&c.input, Clauses::Decide));
        assert_eq!(report.organization.name, c.org, "{}", c.what());
        assert_eq!(Some(report.organization.public_body), c.public_body, "{}", c.what());
    }
}

#[test]
fn scope_table() {
    for c in table::<TextCase>(include_str!("testdata/scope.toml")) {
        let report = decide(&scanner().scan(&c.input, Clauses::Decide));
        let attack: Vec<&str> = report.attack_types.iter().map(|t| t.id.as_str()).collect();
        let data: Vec<&str> = report.data_categories.iter().map(|t| t.tag.id.as_str()).collect();
        for id in &c.attack {
            assert!(attack.contains(&id.as_str()), "{}: {} not tagged ({:?})", c.what(), id, attack);
        }
        for id in &c.not_attack {
            assert!(!attack.contains(&id.as_str()), "{}: {} tagged", c.what(), id);
        }
        for id in &c.data {
            assert!(data.contains(&id.as_str()), "{}: {} not tagged ({:?})", c.what(), id, data);
        }
        for id in &c.not_data {
            assert!(!data.contains(&id.as_str()), "{}: {} tagged", c.what(), id);
        }
    }
}

#[test]
fn reasons_cite_no_rule_id_in_japanese() {
    let ev = |rule: &str| Evidence { start: 0, end: 2, rule: rule.into(), text: "停止".into() };
    let r = reasons::operational(Level::High, vec![ev("operational/high#core-unusable")]);
    assert_eq!(r.code, "operational.high");
    assert_eq!(r.evidence.len(), 1, "the outage wording is cited");
    for m in [&r.message.ja, &r.message.en] {
        assert!(!m.contains('/') && !m.contains('#'), "a rule id in a reason: {}", m);
    }
    let low = reasons::operational(Level::Low, Vec::new());
    assert_eq!(low.code, "operational.low");
    assert!(low.evidence.is_empty());
    let count = [ev("count")];
    let basis = |tier| reasons::DataBasis { tier, count: &count, leak: &[] };
    let d = reasons::data_reasons(2, Some(150), LeakStatus::Possible, Level::Medium, basis(vec![ev("data_categories/address")]));
    let codes: Vec<&str> = d.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["data.tier2", "data.count.lt1000", "data.level.medium"]);
    assert_eq!((d[0].evidence.len(), d[1].evidence.len()), (1, 1), "tier and count reasons cite their spans");
    let none = reasons::data_reasons(3, Some(5000), LeakStatus::None, Level::Low, basis(Vec::new()));
    assert_eq!(none[0].code, "data.leak_none");
    assert!(!none[0].message.ja.contains("low"), "{}", none[0].message.ja);
}
