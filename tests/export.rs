//! Exports (issue 14): VERIS 1.4.1, STIX 2.1, MISP and CSV.
//!
//! Every test here runs on invented notices; the corpus cases (every .txt of
//! ../shared/corpus/{seed,dev,train}) print a note and are skipped when
//! ../shared is absent. The exports of every notice are also written to
//! `target/export-check/` (or `$JIKENBO_EXPORT_DIR`), where
//! `scripts/validate-exports.sh` validates them with Python `jsonschema`
//! (VERIS schema), the OASIS `stix2-validator` (STIX) and the `csv` module.
//! In here, a small draft-04 checker cross-checks the VERIS output against
//! the vendored schema too, so that `cargo test` alone catches a bad enum.

use jikenbo::export::{self, CsvOptions, CsvRow, ExportOptions, CSV_COLUMNS};
use jikenbo::{classify, Report};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

// ---- invented notices ------------------------------------------------------------

const RANSOM: &str = "ランサムウェア被害に関するお詫びとお知らせ

2024年6月3日
株式会社みどり精工

このたび、当社のファイルサーバーがランサムウェアに感染し、保存していたファイルの一部が暗号化される被害が発生いたしました。VPN装置の脆弱性を悪用され、社内ネットワークに侵入されたものと判明しました。

2024年5月30日、社内の端末で脅迫文が表示されていることを確認し、直ちにネットワークを遮断いたしました。基幹システムが停止しており、復旧には数週間を要する見込みです。

お取引先様の氏名および電話番号約1,200件が流出した可能性がございます。警察および個人情報保護委員会に報告いたしました。";

const CITY: &str = "メールの誤送信による個人情報の漏えいについて（お詫び）

令和6年7月12日
さくら市

市民課において、講座の参加者あての案内メールを送信する際、宛先をBCCではなくTOに入力したため、参加者32名のメールアドレスが他の受信者に表示されました。関係する皆様に深くお詫び申し上げます。";

const PHISH: &str = "教職員メールアカウントへの不正アクセスについて

ひかり学院大学

本学の教職員が受信したフィッシングメールに記載されたURLから偽のログイン画面にアクセスし、IDとパスワードを入力したため、メールアカウントが第三者に不正に利用されました。学外の約2,000件のアドレスに迷惑メールが送信されましたが、個人情報の流出は確認されておりません。";

const INSIDER: &str = "元従業員による顧客情報の持ち出しについて

株式会社あさひ商事

当社の元従業員が、在職中に顧客の氏名、住所、電話番号を含むデータを不正に持ち出し、転職先で使用していたことが判明いたしました。対象となるお客様は1,580名です。お客様に深くお詫び申し上げます。";

/// No date anywhere, no organisation, no identifiable cause.
const VAGUE: &str = "お知らせ

当社システムに不審な挙動が見られたため、現在調査を進めております。詳細が判明しましたら改めてお知らせいたします。";

const INVENTED: &[(&str, &str)] = &[("inv-ransom", RANSOM), ("inv-city", CITY), ("inv-phish", PHISH), ("inv-insider", INSIDER), ("inv-vague", VAGUE)];

fn opts(id: &str) -> ExportOptions {
    ExportOptions { created: Some("2024-06-04T09:00:00Z".into()), id: Some(id.into()), ..Default::default() }
}

fn to_json<T: serde::Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap()
}

// ---- ../shared --------------------------------------------------------------------

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("corpus").is_dir() {
        Some(dir)
    } else {
        println!("note: {} not found; skipping the corpus cases of tests/export.rs (the corpus is not part of this repository)", dir.display());
        None
    }
}

fn txt_files(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| (p.file_stem().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(&p).unwrap()))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Invented notices, the crate's fixtures and (when present) every corpus notice.
fn notices() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = INVENTED.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    v.extend(txt_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")));
    if let Some(sh) = shared() {
        for sub in ["seed", "dev", "train"] {
            v.extend(txt_files(&sh.join("corpus").join(sub)));
        }
    }
    v
}

fn out_dir() -> PathBuf {
    match std::env::var_os("JIKENBO_EXPORT_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("target/export-check"),
    }
}

// ---- a small draft-04 checker (cross-check; the script runs jsonschema) -------------

fn check(schema: &Value, v: &Value, path: &str, errs: &mut Vec<String>) {
    if let Some(t) = schema.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            _ => true,
        };
        if !ok {
            errs.push(format!("{}: not {}", path, t));
            return;
        }
    }
    if let Some(en) = schema.get("enum").and_then(Value::as_array) {
        if !en.contains(v) {
            errs.push(format!("{}: {} not in enum", path, v));
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < min {
            errs.push(format!("{}: {} < {}", path, n, min));
        }
    }
    if let (Some(max), Some(n)) = (schema.get("maximum").and_then(Value::as_f64), v.as_f64()) {
        if n > max {
            errs.push(format!("{}: {} > {}", path, n, max));
        }
    }
    if let Some(obj) = v.as_object() {
        for r in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !obj.contains_key(r.as_str().unwrap()) {
                errs.push(format!("{}: missing {}", path, r));
            }
        }
        if let Some(mp) = schema.get("minProperties").and_then(Value::as_u64) {
            if (obj.len() as u64) < mp {
                errs.push(format!("{}: fewer than {} properties", path, mp));
            }
        }
        let props = schema.get("properties").and_then(Value::as_object);
        for (k, x) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => check(s, x, &format!("{}.{}", path, k), errs),
                None => {
                    if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
                        errs.push(format!("{}: unexpected property {}", path, k));
                    }
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(items, x, &format!("{}[{}]", path, i), errs);
        }
    }
}

fn veris_schema() -> Option<Value> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vendor/veris/verisc-merged.json");
    match std::fs::read_to_string(&p) {
        Ok(s) => Some(serde_json::from_str(&s).unwrap()),
        Err(_) => {
            println!("note: {} not found; skipping the VERIS schema cross-check", p.display());
            None
        }
    }
}

#[test]
fn the_draft04_checker_catches_what_it_should() {
    let schema = json!({"type": "object", "required": ["a"], "additionalProperties": false,
        "properties": {"a": {"type": "string", "enum": ["x", "y"]}, "n": {"type": "integer", "minimum": 1, "maximum": 3},
                       "l": {"type": "array", "items": {"type": "string"}}}});
    let mut e = Vec::new();
    check(&schema, &json!({"a": "x", "n": 2, "l": ["q"]}), "$", &mut e);
    assert!(e.is_empty(), "{:?}", e);
    for bad in [json!({"n": 2}), json!({"a": "z"}), json!({"a": "x", "n": 9}), json!({"a": "x", "b": 1}), json!({"a": "x", "l": [1]})] {
        let mut e = Vec::new();
        check(&schema, &bad, "$", &mut e);
        assert!(!e.is_empty(), "{} should fail", bad);
    }
}

// ---- VERIS ------------------------------------------------------------------------

#[test]
fn veris_maps_the_report() {
    let r = classify(RANSOM).unwrap();
    let v = to_json(&export::veris(&r, Some(RANSOM), &opts("inv-ransom")).unwrap());
    assert_eq!(v["schema_version"], "1.4.1");
    assert_eq!(v["security_incident"], "Confirmed");
    assert!(v["action"]["malware"]["variety"].as_array().unwrap().contains(&json!("Ransomware")));
    assert_eq!(v["attribute"]["confidentiality"]["data_disclosure"], "Potentially");
    assert_eq!(v["attribute"]["confidentiality"]["data_total"], 1200);
    assert!(v["attribute"]["availability"]["variety"].as_array().unwrap().contains(&json!("Obscuration")));
    // the earliest stated date, not after the notice's own date (2024-06-03)
    assert_eq!(v["timeline"]["incident"], json!({"year": 2024, "month": 5, "day": 30}));
    assert_eq!(v["victim"]["victim_id"], "株式会社みどり精工");
    assert_eq!(v["victim"]["government"], json!(["NA"]));
    assert_eq!(v["victim"]["country"], json!(["JP"]));
    assert_eq!(v["plus"]["jikenbo"]["notice_date"], "2024-06-03");
    assert_eq!(v["plus"]["created"], "2024-06-04T09:00:00.000Z");
    let summary = v["summary"].as_str().unwrap();
    assert!(summary.contains("ランサムウェアに感染"), "the summary quotes the evidence: {}", summary);
    assert_eq!(v["reference"], "inv-ransom");

    // a public body: government Local, industry 92; misdelivery is an error, not targeted
    let r = classify(CITY).unwrap();
    assert!(r.organization.public_body);
    let v = to_json(&export::veris(&r, Some(CITY), &opts("inv-city")).unwrap());
    assert_eq!(v["victim"]["government"], json!(["Local"]));
    assert_eq!(v["victim"]["industry"], "92");
    assert!(v["action"]["error"]["variety"].as_array().unwrap().contains(&json!("Misdelivery")));
    assert_eq!(v["targeted"], "NA");
    assert!(v["actor"]["internal"].is_object() && v["actor"].get("external").is_none());
    assert_eq!(v["attribute"]["confidentiality"]["data_disclosure"], "Yes");

    // phishing: social action with the stated vector, leak none → No
    let r = classify(PHISH).unwrap();
    let v = to_json(&export::veris(&r, Some(PHISH), &opts("inv-phish")).unwrap());
    assert_eq!(v["action"]["social"]["variety"], json!(["Phishing"]));
    assert!(v["action"]["social"]["vector"].as_array().unwrap().contains(&json!("Email")));
    assert_eq!(v["action"]["social"]["target"], json!(["Unknown"]));
    assert_eq!(v["attribute"]["confidentiality"]["data_disclosure"], "No");
    assert_eq!(v["victim"]["industry"], "6113");

    // a former employee is an external actor
    let r = classify(INSIDER).unwrap();
    assert!(r.attack_types.iter().any(|t| t.id == "insider_misuse"), "{:?}", r.attack_types);
    let v = to_json(&export::veris(&r, Some(INSIDER), &opts("inv-insider")).unwrap());
    assert_eq!(v["actor"]["external"]["variety"], json!(["Former employee"]));

    // nothing identifiable: action.unknown, actor.unknown, Suspected, Unknown disclosure
    let r = classify(VAGUE).unwrap();
    let v = to_json(&export::veris(&r, Some(VAGUE), &opts("inv-vague")).unwrap());
    assert_eq!(v["action"], json!({"unknown": {}}));
    assert_eq!(v["actor"], json!({"unknown": {}}));
    assert_eq!(v["security_incident"], "Suspected");
    assert_eq!(v["attribute"]["confidentiality"]["data_disclosure"], "Unknown");
    assert_eq!(v["timeline"]["incident"], json!({"year": 2024}), "no date in the text: the year of created");
}

#[test]
fn veris_leak_statuses_map_one_to_one() {
    let cases = [
        ("お客様の氏名が流出いたしました。", "Yes"),
        ("お客様の氏名が流出した可能性があります。", "Potentially"),
        ("お客様の氏名が流出した事実は確認されておりません。", "No"),
        ("現在調査中です。", "Unknown"),
    ];
    for (text, want) in cases {
        let r = classify(text).unwrap();
        let v = export::veris(&r, Some(text), &opts("leak")).unwrap();
        assert_eq!(v.attribute.confidentiality.unwrap().data_disclosure, want, "{}", text);
    }
}

#[test]
fn exports_need_a_time_and_a_well_formed_one() {
    let r = classify(VAGUE).unwrap();
    let none = ExportOptions::default();
    for e in [export::stix(&r, Some(VAGUE), &none).err(), export::misp(&r, Some(VAGUE), &none).err(), export::veris(&r, Some(VAGUE), &none).err()] {
        assert_eq!(e.unwrap().code(), "no_date");
    }
    // the notice's own date is enough when the caller gives none
    let r2 = classify(CITY).unwrap();
    let b = to_json(&export::stix(&r2, Some(CITY), &none).unwrap());
    assert_eq!(b["objects"][0]["created"], "2024-07-12T00:00:00.000Z");
    let m = to_json(&export::misp(&r2, Some(CITY), &none).unwrap());
    assert_eq!(m["Event"]["date"], "2024-07-12");
    for bad in ["2024-06-04 09:00", "2024-06-04T09:00:00+09:00", "tomorrow", "2024-02-30"] {
        let o = ExportOptions { created: Some(bad.into()), ..Default::default() };
        assert_eq!(export::stix(&r2, Some(CITY), &o).unwrap_err().code(), "invalid_created", "{}", bad);
        assert_eq!(export::veris(&r2, Some(CITY), &o).unwrap_err().code(), "invalid_created", "{}", bad);
    }
    let o = ExportOptions { distribution: Some(4), ..opts("x") };
    assert_eq!(export::misp(&r2, Some(CITY), &o).unwrap_err().code(), "invalid_distribution");
}

#[test]
fn ids_are_deterministic_and_follow_the_content_key() {
    let r = classify(RANSOM).unwrap();
    let a = to_json(&export::stix(&r, Some(RANSOM), &opts("a")).unwrap());
    let a2 = to_json(&export::stix(&r, Some(RANSOM), &opts("a")).unwrap());
    let b = to_json(&export::stix(&r, Some(RANSOM), &opts("b")).unwrap());
    assert_eq!(a, a2, "same input, same bundle");
    assert_ne!(a["id"], b["id"]);
    assert_ne!(a["objects"][0]["id"], b["objects"][0]["id"]);
    // every object's id follows the key (none is shared between exports,
    // whose `created` differ), and is stable for the same key
    let ids = |x: &Value| -> Vec<Value> { x["objects"].as_array().unwrap().iter().map(|o| o["id"].clone()).collect() };
    assert!(ids(&a).iter().all(|i| !ids(&b).contains(i)));
    assert_eq!(ids(&a), ids(&a2));
    // without an id, the text is the key: another text, another id
    let no_id = ExportOptions { created: Some("2024-06-04".into()), ..Default::default() };
    let t1 = export::veris(&r, Some(RANSOM), &no_id).unwrap().incident_id;
    let t2 = export::veris(&r, Some(CITY), &no_id).unwrap().incident_id;
    assert_ne!(t1, t2);
    assert_eq!(t1, export::veris(&r, Some(RANSOM), &no_id).unwrap().incident_id);
    let m1 = export::misp(&r, Some(RANSOM), &opts("a")).unwrap().event.uuid;
    assert_eq!(m1, export::misp(&r, Some(RANSOM), &opts("a")).unwrap().event.uuid);
    assert_ne!(m1, export::misp(&r, Some(RANSOM), &opts("b")).unwrap().event.uuid);
    // the UUIDs are version 5
    for id in [t1.as_str(), m1.as_str()] {
        assert_eq!(id.as_bytes()[14], b'5', "{}", id);
    }
}

// ---- STIX ---------------------------------------------------------------------------

fn stix_structure(b: &Value) -> Result<(), String> {
    if b["type"] != "bundle" || !b["id"].as_str().is_some_and(|s| s.starts_with("bundle--")) {
        return Err("not a bundle".into());
    }
    let objs = b["objects"].as_array().ok_or("no objects")?;
    let ids: Vec<&str> = objs.iter().filter_map(|o| o["id"].as_str()).collect();
    for o in objs {
        let t = o["type"].as_str().ok_or("object without type")?;
        let id = o["id"].as_str().ok_or("object without id")?;
        if !id.starts_with(&format!("{}--", t)) {
            return Err(format!("id {} does not start with its type {}", id, t));
        }
        for k in ["spec_version", "created", "modified"] {
            if !o[k].is_string() {
                return Err(format!("{} lacks {}", id, k));
            }
        }
        for k in ["source_ref", "target_ref"] {
            if let Some(r) = o[k].as_str() {
                if !ids.contains(&r) {
                    return Err(format!("{} refers to {} outside the bundle", id, r));
                }
            }
        }
    }
    Ok(())
}

#[test]
fn stix_maps_the_report() {
    let r = classify(RANSOM).unwrap();
    let b = to_json(&export::stix(&r, Some(RANSOM), &ExportOptions { source_url: Some("https://example.invalid/notice".into()), ..opts("inv-ransom") }).unwrap());
    stix_structure(&b).unwrap();
    let objs = b["objects"].as_array().unwrap();
    let inc = &objs[0];
    assert_eq!(inc["type"], "incident");
    assert_eq!(inc["name"], "ランサムウェア被害に関するお詫びとお知らせ");
    let ext = &inc["extensions"][export::stix::INCIDENT_CORE_EXTENSION];
    assert_eq!(ext["extension_type"], "property-extension");
    assert_eq!(ext["determination"], "successful-attempt");
    assert_eq!(ext["impacted_entity_counts"]["individual"], 1200);
    assert!(ext["incident_types"].as_array().unwrap().contains(&json!("destruction")));
    assert_eq!(inc["external_references"][0]["url"], "https://example.invalid/notice");
    let ap = objs.iter().find(|o| o["type"] == "attack-pattern" && o["external_references"][0]["external_id"] == "T1486").expect("T1486");
    assert_eq!(ap["name"], "Data Encrypted for Impact");
    assert_eq!(ap["external_references"][0]["source_name"], "mitre-attack");
    assert_eq!(ap["external_references"][0]["url"], "https://attack.mitre.org/techniques/T1486/");
    assert_eq!(ap["kill_chain_phases"][0], json!({"kill_chain_name": "mitre-attack", "phase_name": "impact"}));
    let idn = objs.iter().find(|o| o["type"] == "identity").expect("identity");
    assert_eq!(idn["name"], "株式会社みどり精工");
    assert_eq!(idn["identity_class"], "organization");
    assert!(objs.iter().any(|o| o["relationship_type"] == "impacts" && o["target_ref"] == idn["id"] && o["source_ref"] == inc["id"]));
    assert!(objs.iter().any(|o| o["relationship_type"] == "related-to" && o["target_ref"] == ap["id"]));

    // a public body: sector; no leak and no outage: suspected
    let r = classify(CITY).unwrap();
    let b = to_json(&export::stix(&r, Some(CITY), &opts("inv-city")).unwrap());
    let idn = b["objects"].as_array().unwrap().iter().find(|o| o["type"] == "identity").unwrap().clone();
    assert_eq!(idn["sectors"], json!(["government-local"]));
    let r = classify(PHISH).unwrap();
    let b = to_json(&export::stix(&r, Some(PHISH), &opts("inv-phish")).unwrap());
    assert_eq!(b["objects"][0]["extensions"][export::stix::INCIDENT_CORE_EXTENSION]["determination"], "suspected");
    // no organisation, no technique: the incident alone
    let r = classify(VAGUE).unwrap();
    let b = to_json(&export::stix(&r, Some(VAGUE), &opts("inv-vague")).unwrap());
    stix_structure(&b).unwrap();
    assert_eq!(b["objects"].as_array().unwrap().len(), 1);
    assert!(b["objects"][0]["extensions"][export::stix::INCIDENT_CORE_EXTENSION].get("impacted_entity_counts").is_none());
}

#[test]
fn the_stix_structure_check_rejects_broken_bundles() {
    let good = json!({"type": "bundle", "id": "bundle--1", "objects": [
        {"type": "incident", "id": "incident--1", "spec_version": "2.1", "created": "x", "modified": "x"}]});
    assert!(stix_structure(&good).is_ok());
    let mut bad = good.clone();
    bad["objects"][0]["id"] = json!("identity--1");
    assert!(stix_structure(&bad).is_err());
    let mut bad = good.clone();
    bad["objects"].as_array_mut().unwrap().push(json!({"type": "relationship", "id": "relationship--1", "spec_version": "2.1",
        "created": "x", "modified": "x", "source_ref": "incident--1", "target_ref": "identity--9"}));
    assert!(stix_structure(&bad).is_err());
}

// ---- MISP ---------------------------------------------------------------------------

const EVENT_MUST: &[&str] = &["uuid", "info", "date", "threat_level_id", "analysis", "distribution", "published", "timestamp", "publish_timestamp", "org_id", "orgc_id"];
const ATTRIBUTE_MUST: &[&str] = &["uuid", "event_id", "category", "type", "value", "to_ids", "distribution", "timestamp", "deleted"];
/// (category, types) of the MISP core format this export uses.
const CATEGORY_TYPES: &[(&str, &[&str])] = &[("Targeting data", &["target-org"]), ("Other", &["counter", "text"]), ("External analysis", &["link"])];

fn misp_structure(m: &Value) -> Result<(), String> {
    let e = m.get("Event").ok_or("no Event")?;
    for k in EVENT_MUST {
        if e.get(*k).is_none() {
            return Err(format!("Event lacks {}", k));
        }
    }
    for k in ["threat_level_id", "analysis", "distribution", "timestamp", "publish_timestamp", "org_id", "orgc_id"] {
        if e[k].as_str().is_none_or(|s| s.parse::<u64>().is_err()) {
            return Err(format!("Event.{} is not a decimal string", k));
        }
    }
    if !e["date"].as_str().is_some_and(|d| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-') {
        return Err("date is not YYYY-MM-DD".into());
    }
    let info = e["info"].as_str().ok_or("info")?;
    if info.contains('\n') || info.chars().count() > 256 {
        return Err("info has a newline or is too long".into());
    }
    for a in e["Attribute"].as_array().ok_or("no Attribute list")? {
        for k in ATTRIBUTE_MUST {
            if a.get(*k).is_none() {
                return Err(format!("Attribute lacks {}", k));
            }
        }
        let (c, t) = (a["category"].as_str().unwrap(), a["type"].as_str().unwrap());
        if !CATEGORY_TYPES.iter().any(|(cc, ts)| *cc == c && ts.contains(&t)) {
            return Err(format!("{}/{} is not a category/type pair of this export", c, t));
        }
    }
    for t in e["Tag"].as_array().ok_or("no Tag list")? {
        let n = t["name"].as_str().ok_or("tag without name")?;
        let machine = n.split_once(':').is_some_and(|(ns, rest)| !ns.is_empty() && !rest.is_empty());
        if !machine || n.matches('"').count() % 2 != 0 {
            return Err(format!("tag {} is not a machine tag", n));
        }
    }
    if e["attribute_count"] != json!(e["Attribute"].as_array().unwrap().len().to_string()) {
        return Err("attribute_count differs".into());
    }
    Ok(())
}

#[test]
fn misp_maps_the_report() {
    let r = classify(RANSOM).unwrap();
    let m = to_json(&export::misp(&r, Some(RANSOM), &ExportOptions { source_url: Some("https://example.invalid/n".into()), ..opts("inv-ransom") }).unwrap());
    misp_structure(&m).unwrap();
    let e = &m["Event"];
    assert_eq!(e["date"], "2024-06-04");
    assert_eq!(e["timestamp"], "1717491600");
    assert_eq!(e["published"], false);
    assert_eq!(e["distribution"], "0");
    assert_eq!(e["info"], "ランサムウェア被害に関するお詫びとお知らせ");
    let level = r.severity.level.as_str();
    assert_eq!(e["threat_level_id"], if level == "high" || level == "critical" { "1" } else if level == "medium" { "2" } else { "3" });
    let tags: Vec<&str> = e["Tag"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert!(tags.contains(&"tlp:clear"));
    assert!(tags.contains(&"veris:action:malware:variety=\"Ransomware\""), "{:?}", tags);
    assert!(tags.contains(&"veris:attribute:confidentiality:data_disclosure=\"Potentially\""));
    assert!(tags.contains(&"misp-galaxy:mitre-attack-pattern=\"Data Encrypted for Impact - T1486\""), "{:?}", tags);
    assert!(tags.contains(&"rsit:malicious-code=\"infected-system\""));
    let attrs = e["Attribute"].as_array().unwrap();
    assert!(attrs.iter().any(|a| a["type"] == "target-org" && a["value"] == "株式会社みどり精工"));
    assert!(attrs.iter().any(|a| a["type"] == "counter" && a["value"] == "1200"));
    assert!(attrs.iter().any(|a| a["type"] == "link" && a["value"] == "https://example.invalid/n"));
    assert!(attrs.iter().any(|a| a["type"] == "text" && a["value"].as_str().unwrap().contains("ランサムウェアに感染")));
    assert!(attrs.iter().all(|a| a["to_ids"] == false));

    // phishing: the galaxy name of T1566; no leak: disclosure No; a distribution of the caller's
    let r = classify(PHISH).unwrap();
    let m = to_json(&export::misp(&r, Some(PHISH), &ExportOptions { distribution: Some(3), ..opts("inv-phish") }).unwrap());
    misp_structure(&m).unwrap();
    let tags: Vec<&str> = m["Event"]["Tag"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert!(tags.contains(&"misp-galaxy:mitre-attack-pattern=\"Phishing - T1566\""), "{:?}", tags);
    assert!(tags.contains(&"veris:attribute:confidentiality:data_disclosure=\"No\""));
    assert_eq!(m["Event"]["distribution"], "3");
    assert_eq!(m["Event"]["threat_level_id"], "3");

    // nothing identifiable: rsit other/undetermined, no galaxy, no counter
    let r = classify(VAGUE).unwrap();
    let m = to_json(&export::misp(&r, Some(VAGUE), &opts("inv-vague")).unwrap());
    misp_structure(&m).unwrap();
    let tags: Vec<&str> = m["Event"]["Tag"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert!(tags.contains(&"rsit:other=\"undetermined\""));
    assert!(!tags.iter().any(|t| t.starts_with("misp-galaxy:")));
    assert_eq!(m["Event"]["analysis"], "1");
}

#[test]
fn the_misp_check_rejects_broken_events() {
    let r = classify(CITY).unwrap();
    let good = to_json(&export::misp(&r, Some(CITY), &opts("x")).unwrap());
    assert!(misp_structure(&good).is_ok());
    let mut bad = good.clone();
    bad["Event"].as_object_mut().unwrap().remove("orgc_id");
    assert!(misp_structure(&bad).is_err());
    let mut bad = good.clone();
    bad["Event"]["Attribute"][0]["category"] = json!("Network activity");
    assert!(misp_structure(&bad).is_err());
    let mut bad = good.clone();
    bad["Event"]["Tag"][0]["name"] = json!("no-namespace");
    assert!(misp_structure(&bad).is_err());
}

// ---- CSV ------------------------------------------------------------------------------

/// A strict RFC 4180 reader: CRLF records, quoted fields, doubled quotes;
/// anything else (a bare quote, a lone LF outside quotes) is an error.
fn read_csv(s: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut f = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    f.push('"');
                } else {
                    quoted = false;
                    if !matches!(chars.peek(), Some(',') | Some('\r') | None) {
                        return Err("text after a closing quote".into());
                    }
                }
            } else {
                f.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => return Err("a quote inside an unquoted field".into()),
            ',' => {
                row.push(std::mem::take(&mut f));
                at_start = true;
            }
            '\r' => {
                if chars.next() != Some('\n') {
                    return Err("CR without LF".into());
                }
                row.push(std::mem::take(&mut f));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => return Err("LF without CR".into()),
            _ => {
                f.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err("unclosed quote".into());
    }
    if !f.is_empty() || !row.is_empty() {
        row.push(f);
        rows.push(row);
    }
    Ok(rows)
}

#[test]
fn the_csv_reader_is_strict() {
    assert_eq!(read_csv("a,\"b,c\"\r\n\"x\"\"y\",\r\n").unwrap(), vec![vec!["a", "b,c"], vec!["x\"y", ""]]);
    for bad in ["a\"b\r\n", "\"open\r\n", "a\nb\r\n", "\"x\"y\r\n"] {
        assert!(read_csv(bad).is_err(), "{:?}", bad);
    }
}

#[test]
fn csv_rows_read_back() {
    let reports: Vec<(String, Report, &str)> = INVENTED.iter().map(|(n, t)| (n.to_string(), classify(t).unwrap(), *t)).collect();
    let mut rows: Vec<CsvRow> = reports.iter().map(|(n, r, t)| CsvRow { id: n, report: r, text: Some(t) }).collect();
    // an id with every character that needs quoting
    let tricky = "dir, \"x\"\nname ".to_string();
    rows.push(CsvRow { id: &tricky, report: &reports[0].1, text: None });
    let s = export::csv(&rows, &CsvOptions::default());
    assert!(!s.starts_with('\u{feff}'));
    let back = read_csv(&s).unwrap();
    assert_eq!(back[0], CSV_COLUMNS);
    assert_eq!(back.len(), rows.len() + 1);
    for (row, got) in rows.iter().zip(&back[1..]) {
        assert_eq!(*got, export::csv_fields(row));
    }
    assert_eq!(back[rows.len()][0], tricky);
    let ransom = &back[1];
    assert_eq!(ransom[1], "株式会社みどり精工");
    assert_eq!(ransom[2], "2024-06-03");
    assert!(ransom[3].split(';').any(|x| x == "ransomware"));
    assert_eq!(ransom[6], "1200");
    let vague = &back[5];
    assert_eq!((vague[1].as_str(), vague[2].as_str(), vague[6].as_str()), ("", "", ""), "missing values are empty");
    assert_eq!(back[2][10], "true", "the city is a public body");
    // BOM for Excel, formulas defused on request
    let with_bom = export::csv(&rows[..1], &CsvOptions { bom: true, excel_safe: false });
    assert!(with_bom.starts_with("\u{feff}id,"));
    let evil = "=HYPERLINK(\"x\")".to_string();
    let e = export::csv(&[CsvRow { id: &evil, report: &reports[0].1, text: None }], &CsvOptions { bom: false, excel_safe: true });
    assert_eq!(read_csv(&e).unwrap()[1][0], format!("'{}", evil));
}

// ---- notice dates -----------------------------------------------------------------------

#[test]
fn notice_dates() {
    let d = |t: &str| export::notice_date(t).map(|d| d.iso());
    assert_eq!(d(RANSOM).as_deref(), Some("2024-06-03"));
    assert_eq!(d(CITY).as_deref(), Some("2024-07-12"));
    assert_eq!(d("【セキュリティ事件簿#2023-106】某社 不正ログインに関するお詫び 2023/03/30\n\n本文です。").as_deref(), Some("2023-03-30"));
    assert_eq!(d("個人情報の漏えいについて\n公開日:2022年4月8日\n\n本文。").as_deref(), Some("2022-04-08"));
    assert_eq!(d(VAGUE), None);
    // a date inside a sentence is when something happened, not the notice's date
    assert_eq!(d("お知らせ\n\n2024年5月30日、不正アクセスを確認しました。"), None);
    assert_eq!(d(PHISH), None);
}

#[test]
fn notice_dates_agree_with_the_corpus_labels() {
    let Some(sh) = shared() else { return };
    let (mut found, mut right, mut labelled) = (0, 0, 0);
    let mut wrong = Vec::new();
    for sub in ["seed", "dev", "train"] {
        for (name, text) in txt_files(&sh.join("corpus").join(sub)) {
            let gold: Value = serde_json::from_str(&std::fs::read_to_string(sh.join("corpus").join(sub).join(format!("{}.json", name))).unwrap()).unwrap();
            let Some(p) = gold["published"].as_str() else { continue };
            labelled += 1;
            if let Some(d) = export::notice_date(&text) {
                found += 1;
                if d.iso() == p {
                    right += 1;
                } else {
                    wrong.push(format!("{}: {} (label {})", name, d.iso(), p));
                }
            }
        }
    }
    println!("notice_date: {} of {} labelled dates found, {} right; wrong: {:?}", found, labelled, right, wrong);
    assert!(found > 0);
    assert!(right as f64 >= 0.9 * found as f64, "precision under 0.9: {:?}", wrong);
}

// ---- every notice: validate and write for the script ----------------------------------------

#[test]
fn every_notice_exports_and_is_written_for_validation() {
    let schema = veris_schema();
    let dir = out_dir();
    for sub in ["veris", "stix", "misp", "csv"] {
        let d = dir.join(sub);
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
    }
    let all = notices();
    let reports: Vec<Report> = all.iter().map(|(_, t)| classify(t).unwrap()).collect();
    let mut bad = Vec::new();
    for ((name, text), r) in all.iter().zip(&reports) {
        let o = opts(name);
        let v = to_json(&export::veris(r, Some(text), &o).unwrap());
        if let Some(s) = &schema {
            let mut errs = Vec::new();
            check(s, &v, "$", &mut errs);
            if !errs.is_empty() {
                bad.push(format!("{} (VERIS): {:?}", name, errs));
            }
        }
        let b = to_json(&export::stix(r, Some(text), &o).unwrap());
        if let Err(e) = stix_structure(&b) {
            bad.push(format!("{} (STIX): {}", name, e));
        }
        let m = to_json(&export::misp(r, Some(text), &o).unwrap());
        if let Err(e) = misp_structure(&m) {
            bad.push(format!("{} (MISP): {}", name, e));
        }
        for (sub, val) in [("veris", &v), ("stix", &b), ("misp", &m)] {
            std::fs::write(dir.join(sub).join(format!("{}.json", name)), serde_json::to_string_pretty(val).unwrap()).unwrap();
        }
        // labels survive: VERIS disclosure from the leak status, STIX count, MISP org
        assert_eq!(v["plus"]["jikenbo"]["leak_status"], r.leak_status.value.as_str());
        if let Some(n) = r.affected_count.value {
            assert_eq!(b["objects"][0]["extensions"][export::stix::INCIDENT_CORE_EXTENSION]["impacted_entity_counts"]["individual"], n);
        }
    }
    assert!(bad.is_empty(), "{} problems:\n{}", bad.len(), bad.join("\n"));

    // one CSV of every notice, and the fields it must read back to
    let rows: Vec<CsvRow> = all.iter().zip(&reports).map(|((n, t), r)| CsvRow { id: n, report: r, text: Some(t) }).collect();
    let s = export::csv(&rows, &CsvOptions { bom: true, excel_safe: false });
    std::fs::write(dir.join("csv/all.csv"), &s).unwrap();
    let expected: Vec<Vec<String>> = std::iter::once(CSV_COLUMNS.iter().map(|c| c.to_string()).collect()).chain(rows.iter().map(export::csv_fields)).collect();
    std::fs::write(dir.join("csv/all.expected.json"), serde_json::to_string(&expected).unwrap()).unwrap();
    let back = read_csv(s.trim_start_matches('\u{feff}')).unwrap();
    assert_eq!(back, expected);
    println!("{} notices exported to {} (VERIS, STIX, MISP, CSV)", all.len(), dir.display());
}
