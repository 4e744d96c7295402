//! The JS binding (`src/wasm/`) tested inside WebAssembly, in Node and in
//! headless Chromium (the same file; see `make test-wasm`):
//!
//!   wasm-pack test --mode no-install --node -- --test web
//!   WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --mode no-install --headless --chrome -- --test web
//!
//! No `run_in_browser`: with it, the Node run would skip everything.
#![cfg(target_arch = "wasm32")]

/// The TS-declaration drift checks, run here too.
#[path = "ts_types.rs"]
mod ts_types;

use jikenbo::wasm::{classify, taxonomy, version, JsClassifier};
use js_sys::{Array, JsString, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const NOTICE: &str = "当社サーバーがランサムウェアに感染し、ファイルが暗号化されました。\
                      お客様の氏名・住所 約1,200名分が流出した可能性があります。";

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |v, k| Reflect::get(&v, &k.into()).unwrap())
}

fn arr(v: &JsValue) -> Array {
    v.clone().dyn_into::<Array>().expect("an array")
}

fn message(e: &JsValue) -> String {
    get(e, "message").as_string().unwrap()
}

/// A rule object built from JSON text (the shape of a rules/*.toml file).
fn rule(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

/// The error `new Classifier(options)` throws.
fn new_err(options: JsValue) -> JsValue {
    match JsClassifier::new(options) {
        Ok(_) => panic!("new Classifier(...) did not throw"),
        Err(e) => e,
    }
}

fn pack(rules: &[JsValue]) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"rules".into(), &rules.iter().collect::<Array>()).unwrap();
    o.into()
}

const GOOD_RULE: &str = r#"{"id":"snatch","field":"attack_types","tag":"theft",
  "label":{"ja":"ひったくり","en":"Bag snatching"},
  "cues":[{"pattern":"ひったくり","name":"word"}],
  "match":["当社社員が路上でひったくりの被害に遭いました。"],
  "no_match":["ひったくりの被害はありませんでした。"]}"#;
const SNATCH: &str = "当社の営業担当者が帰宅途中にひったくりの被害に遭いました。";

/// Every evidence span of a report, anywhere in it.
fn evidence(report: &JsValue) -> Vec<(u32, u32, String)> {
    let mut out = Vec::new();
    let mut lists = Vec::new();
    for field in ["attackTypes", "dataCategories", "reportedTo"] {
        for tag in arr(&get(report, field)).iter() {
            lists.push(get(&tag, "evidence"));
        }
    }
    for field in ["leakStatus", "affectedCount", "organization"] {
        lists.push(get(&get(report, field), "evidence"));
    }
    for list in lists {
        for e in arr(&list).iter() {
            out.push((
                get(&e, "start").as_f64().unwrap() as u32,
                get(&e, "end").as_f64().unwrap() as u32,
                get(&e, "rule").as_string().unwrap(),
            ));
        }
    }
    out
}

#[wasm_bindgen_test]
fn report_is_a_plain_json_object() {
    let r = classify(NOTICE.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(Object::get_prototype_of(&r), Object::get_prototype_of(&Object::new().into()));
    assert_eq!(get(&r, "schema").as_f64(), Some(1.0));
    assert_eq!(get(&r, "affectedCount.value").as_f64(), Some(1200.0));
    assert_eq!(get(&r, "leakStatus.value").as_string().as_deref(), Some("possible"));
    let ids: Vec<String> = arr(&get(&r, "attackTypes")).iter().map(|t| get(&t, "id").as_string().unwrap()).collect();
    assert!(ids.contains(&"ransomware".to_string()), "{:?}", ids);
    // a missing value is null, never undefined
    let name = get(&r, "organization.name");
    assert!(name.is_null() || name.is_string(), "organization.name = {:?}", name);
    // it round-trips through JSON unchanged
    let json = JSON::stringify(&r).unwrap();
    assert_eq!(JSON::stringify(&JSON::parse(&String::from(json.clone())).unwrap()).unwrap(), json);
}

#[wasm_bindgen_test]
fn evidence_slices_the_js_string() {
    let text = JsValue::from_str(NOTICE);
    let js: &JsString = text.unchecked_ref();
    let r = classify(text.clone(), JsValue::UNDEFINED).unwrap();
    let spans = evidence(&r);
    assert!(!spans.is_empty());
    for (start, end, rule) in &spans {
        assert!(start < end && *end <= js.length(), "{} {}..{}", rule, start, end);
    }
    let ransom = arr(&get(&r, "attackTypes")).iter().find(|t| get(t, "id").as_string().as_deref() == Some("ransomware")).unwrap();
    let e = arr(&get(&ransom, "evidence")).get(0);
    let slice = js.slice(get(&e, "start").as_f64().unwrap() as u32, get(&e, "end").as_f64().unwrap() as u32);
    assert_eq!(String::from(slice), "ランサムウェア");
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_valid() {
    // "\uD800" + notice + "\uDC00": each lone surrogate is one UTF-16 unit,
    // turned into U+FFFD (also one unit) on the way into wasm.
    let lone_high = JsString::from_char_code1(0xD800);
    let lone_low = JsString::from_char_code1(0xDC00);
    let text = lone_high.concat(&NOTICE.into()).concat(&lone_low.clone().into());
    let r = classify(text.clone().into(), JsValue::UNDEFINED).unwrap();
    let ransom = arr(&get(&r, "attackTypes")).iter().find(|t| get(t, "id").as_string().as_deref() == Some("ransomware")).unwrap();
    let e = arr(&get(&ransom, "evidence")).get(0);
    let (s, t) = (get(&e, "start").as_f64().unwrap() as u32, get(&e, "end").as_f64().unwrap() as u32);
    assert_eq!(String::from(text.slice(s, t)), "ランサムウェア");
    for (start, end, rule) in evidence(&r) {
        assert!(start < end && end <= text.length(), "{} {}..{}", rule, start, end);
    }
    // only surrogates
    let r = classify(lone_low.concat(&lone_high.into()).into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(arr(&get(&r, "attackTypes")).length(), 0);
}

#[wasm_bindgen_test]
fn empty_text_gives_an_empty_report() {
    let r = classify("".into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(arr(&get(&r, "attackTypes")).length(), 0);
    assert_eq!(arr(&get(&r, "dataCategories")).length(), 0);
    assert!(get(&r, "affectedCount.value").is_null());
    assert_eq!(get(&r, "leakStatus.value").as_string().as_deref(), Some("unknown"));
}

#[wasm_bindgen_test]
fn non_string_text_throws_a_type_error() {
    for bad in [JsValue::from_f64(42.0), JsValue::UNDEFINED, JsValue::NULL, Object::new().into(), Array::new().into()] {
        let e = classify(bad.clone(), JsValue::UNDEFINED).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{:?}", bad);
        assert!(message(&e).contains("expected the text of a notice as a string"), "{}", message(&e));
        assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_argument"));
    }
    // a String object (new String("…")) is not a string either
    let ctor: js_sys::Function = Reflect::get(&js_sys::global(), &"String".into()).unwrap().unchecked_into();
    let boxed = Reflect::construct(&ctor, &Array::of1(&NOTICE.into())).unwrap();
    assert!(classify(boxed, JsValue::UNDEFINED).unwrap_err().is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn unknown_options_throw() {
    let opts = rule(r#"{"lang":"en"}"#);
    let e = classify("x".into(), opts).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    assert!(message(&e).contains("unknown option \"lang\""), "{}", message(&e));
    assert!(classify("x".into(), Object::new().into()).is_ok());
    assert!(classify("x".into(), JsValue::NULL).is_ok());
}

#[wasm_bindgen_test]
fn too_large_input_names_size_and_limit() {
    let limit = jikenbo::MAX_INPUT_BYTES;
    // 10 MiB of ASCII exactly is accepted
    let ok: JsString = JsString::from("a").repeat(limit as i32).into();
    assert!(classify(ok.into(), JsValue::UNDEFINED).is_ok());
    // one byte more in UTF-8 (but not in UTF-16) is not
    let over = JsString::from("あ").concat(&JsString::from("a").repeat(limit as i32 - 2).into());
    let e = classify(over.into(), JsValue::UNDEFINED).unwrap_err();
    assert!(!e.is_instance_of::<js_sys::TypeError>());
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("input_too_large"));
    let m = message(&e);
    assert!(m.contains(&(limit + 1).to_string()) && m.contains(&limit.to_string()), "{}", m);
    // far over: rejected before copying into wasm
    let huge = JsString::from("a").repeat(limit as i32 + 1);
    let e = classify(huge.into(), JsValue::UNDEFINED).unwrap_err();
    assert!(message(&e).contains(&limit.to_string()), "{}", message(&e));
}

#[wasm_bindgen_test]
fn taxonomy_lists_every_id_with_labels() {
    let all = arr(&taxonomy(JsValue::UNDEFINED).unwrap());
    assert_eq!(all.length() as usize, jikenbo::taxonomy().len());
    let first = all.get(0);
    assert!(get(&first, "label.ja").is_string() && get(&first, "label.en").is_string());
    let medical = all.iter().find(|e| get(e, "id").as_string().as_deref() == Some("medical")).unwrap();
    assert_eq!(get(&medical, "tier").as_f64(), Some(3.0));
    assert_eq!(get(&medical, "field").as_string().as_deref(), Some("dataCategories"));
    let en = arr(&taxonomy("en".into()).unwrap());
    let ja = arr(&taxonomy("ja".into()).unwrap());
    assert_eq!(get(&en.get(0), "label").as_string(), get(&first, "label.en").as_string());
    assert_eq!(get(&ja.get(0), "label").as_string(), get(&first, "label.ja").as_string());
    let e = taxonomy("fr".into()).unwrap_err();
    assert!(e.is_instance_of::<js_sys::RangeError>(), "{}", message(&e));
    let e = taxonomy(JsValue::from_f64(1.0)).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>(), "{}", message(&e));
}

#[wasm_bindgen_test]
fn version_matches_the_crate() {
    let v = version().unwrap();
    let native = jikenbo::version();
    assert_eq!(get(&v, "version").as_string().unwrap(), native.version);
    assert_eq!(get(&v, "schema").as_f64(), Some(native.schema as f64));
    assert_eq!(get(&v, "rules").as_f64(), Some(native.rules as f64));
    assert_eq!(get(&v, "rulesFingerprint").as_string().unwrap(), native.rules_fingerprint);
}

#[wasm_bindgen_test]
fn custom_rules_add_to_the_builtin_ones() {
    let c = JsClassifier::new(pack(&[rule(GOOD_RULE)])).unwrap();
    assert_eq!(c.rule_count(), jikenbo::version().rules + 1);
    let r = c.classify(SNATCH.into()).unwrap();
    let rules: Vec<String> = evidence(&r).into_iter().map(|e| e.2).collect();
    assert!(rules.iter().any(|r| r == "attack_types/snatch#word"), "{:?}", rules);
    let plain = classify(SNATCH.into(), JsValue::UNDEFINED).unwrap();
    assert!(!evidence(&plain).iter().any(|e| e.2.contains("snatch")));
    // built-in rules still fire
    let r = c.classify(NOTICE.into()).unwrap();
    assert_eq!(get(&r, "affectedCount.value").as_f64(), Some(1200.0));
    // no options: the built-in rules alone
    let plain = JsClassifier::new(JsValue::UNDEFINED).unwrap();
    assert_eq!(plain.rule_count(), jikenbo::version().rules);
    assert_eq!(
        JSON::stringify(&plain.classify(NOTICE.into()).unwrap()).unwrap(),
        JSON::stringify(&classify(NOTICE.into(), JsValue::UNDEFINED).unwrap()).unwrap()
    );
}

/// `(rule JSON, the id the error must name, words the message must contain)`
const BAD_RULES: &[(&str, &str, &str)] = &[
    (r#"{"id":"bad_pattern","field":"attack_types","tag":"ransomware","cues":[{"pattern":"(身代金"}],"match":["a"],"no_match":["b"]}"#, "bad_pattern", "bad pattern"),
    (r#"{"id":"bad_field","field":"attackers","tag":"ransomware","cues":[{"pattern":"身代金"}],"match":["a"],"no_match":["b"]}"#, "bad_field", "unknown field \"attackers\""),
    (r#"{"id":"bad_id","field":"attack_types","tag":"cyber_ninja","cues":[{"pattern":"身代金"}],"match":["a"],"no_match":["b"]}"#, "bad_id", "unknown id \"cyber_ninja\""),
    (r#"{"id":"ransomware","field":"attack_types","cues":[{"pattern":"身代金"}],"match":["身代金を要求されました。"],"no_match":["b"]}"#, "ransomware", "duplicate id"),
    (r#"{"id":"no_examples","field":"attack_types","tag":"ransomware","cues":[{"pattern":"身代金"}]}"#, "no_examples", "missing examples"),
    (r#"{"id":"fails_itself","field":"attack_types","tag":"ransomware","cues":[{"pattern":"身代金"}],"match":["天気が良い日でした。"],"no_match":["b"]}"#, "fails_itself", "is not tagged by its `match` list"),
    (r#"{"id":"typo_key","field":"attack_types","tag":"ransomware","cues":[{"pattern":"身代金"}],"macth":["a"],"no_match":["b"]}"#, "typo_key", "unknown field `macth`"),
    (r#"{"id":"typo_cue","field":"attack_types","tag":"ransomware","cues":[{"patern":"身代金"}],"match":["a"],"no_match":["b"]}"#, "typo_cue", "cue 1: unknown field `patern`"),
    (r#"{"id":"no_cues","field":"attack_types","tag":"ransomware","match":["a"],"no_match":["b"]}"#, "no_cues", "missing field `cues`"),
    (r#"{"id":"bad_weight","field":"attack_types","tag":"ransomware","cues":[{"pattern":"身代金","weight":"heavy"}],"match":["a"],"no_match":["b"]}"#, "bad_weight", "weight: expected a number"),
];

#[wasm_bindgen_test]
fn bad_rules_are_named_with_the_reason() {
    for (json, id, words) in BAD_RULES {
        // the bad rule after a good one, so the error must name the right rule
        let e = new_err(pack(&[rule(GOOD_RULE), rule(json)]));
        assert!(e.is_instance_of::<js_sys::Error>());
        let m = message(&e);
        assert!(m.contains(&format!("rule \"{}\"", id)), "{}: {}", id, m);
        assert!(m.contains(words), "{}: expected {:?} in {}", id, words, m);
        assert_eq!(get(&e, "code").as_string().as_deref(), Some("invalid_rule"), "{}", m);
        assert_eq!(get(&e, "rule").as_string().as_deref(), Some(*id), "{}", m);
    }
    // duplicate within the pack
    let e = new_err(pack(&[rule(GOOD_RULE), rule(GOOD_RULE)]));
    assert!(message(&e).contains("duplicate id"), "{}", message(&e));
    // not an object, no id
    let e = new_err(pack(&[rule(GOOD_RULE), JsValue::from_f64(3.0)]));
    assert!(message(&e).contains("rule #2 (no id)"), "{}", message(&e));
    // rules not an array, unknown option
    let e = new_err(rule(r#"{"rules":{}}"#));
    assert!(e.is_instance_of::<js_sys::TypeError>(), "{}", message(&e));
    let e = new_err(rule(r#"{"rulez":[]}"#));
    assert!(e.is_instance_of::<js_sys::TypeError>(), "{}", message(&e));
}

#[wasm_bindgen_test]
fn a_count_beyond_safe_integers_does_not_throw() {
    let r = classify("99999999999999999名の個人情報が流出しました。".into(), JsValue::UNDEFINED).unwrap();
    let v = get(&r, "affectedCount.value");
    assert!(v.is_null() || v.as_f64().is_some(), "{:?}", v);
}

/// tests/work.rs inside wasm: the engine's work per byte at 4 MB is within
/// 1.2× of its work per byte at 256 KB on the issue-12 inputs (counted by
/// `jikenbo::engine_work`, never timed).
fn engine_work_per_byte(c: &jikenbo::Classifier, unit: &str, bytes: usize) -> f64 {
    let text = unit.repeat(bytes / unit.len());
    let w0 = jikenbo::engine_work();
    c.classify(&text).unwrap();
    (jikenbo::engine_work() - w0) as f64 / text.len() as f64
}

fn engine_work_is_linear(c: &jikenbo::Classifier, unit: &str) {
    let small = engine_work_per_byte(c, unit, 256 * 1024);
    let large = engine_work_per_byte(c, unit, 4096 * 1024);
    assert!(small > 0.0, "no engine work counted on {:?}", unit);
    assert!(large <= 1.2 * small, "{:?}: {:.2} work per byte at 4 MB, {:.2} at 256 KB", unit, large, small);
}

fn one_cue(pattern: &str, yes: &str) -> jikenbo::Classifier {
    let rule = jikenbo::RuleSpec::new("adversarial", jikenbo::Field::Attack, "unauthorized_access", vec![jikenbo::CueSpec::new(pattern)], &[yes], &["。"]);
    jikenbo::Classifier::with_rules(vec![rule]).unwrap()
}

#[wasm_bindgen_test]
fn engine_work_is_linear_with_the_builtin_rules() {
    engine_work_is_linear(jikenbo::Classifier::builtin(), "1名");
    engine_work_is_linear(jikenbo::Classifier::builtin(), "当社サーバーが不正アクセスを受け、お客様の氏名、住所 約3,200名分が流出した可能性があります。\n");
}

#[wasm_bindgen_test]
fn engine_work_is_linear_with_adversarial_custom_cues() {
    engine_work_is_linear(&one_cue("(a|aa)*b", "aab"), "a");
    engine_work_is_linear(&one_cue("[^。]{1,2}", "ab"), "a");
    let ab669 = format!("(?:{})x", (0..669).map(|i| format!("ab{}", i)).collect::<Vec<_>>().join("|"));
    engine_work_is_linear(&one_cue(&ab669, "ab7x"), "ab7");
    engine_work_is_linear(&one_cue("[^。]{1,20}ウイルス", "新種のウイルス"), "ウイルス、");
}
