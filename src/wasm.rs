//! The JavaScript binding of the npm package `jikenbo`: the only module that
//! knows about JS. Everything here is a thin translation — JS values in,
//! [`crate::classify`] and friends, plain JS objects out — so the package
//! gives exactly the answers of the Rust API and the command line.
//!
//! - Results are converted with serde-wasm-bindgen's JSON-compatible
//!   serializer: plain objects and arrays, `null` (never `undefined`) for a
//!   missing value, no `Map`. They own no wasm memory, so nothing needs
//!   freeing and they survive `structuredClone` and `postMessage`.
//! - Failures are thrown as JS errors built in one place ([`fail`]): a
//!   `TypeError` for an argument of the wrong type, a `RangeError` for an
//!   unknown language, an `Error` otherwise. Each carries a `code`
//!   (`invalid_argument`, `input_too_large`, `invalid_rule`, `invalid_pack`)
//!   and, for rule errors, the `rule` id.
//! - The TypeScript declarations are written by hand below
//!   ([`TYPESCRIPT`]); `tests/ts_types.rs` checks that their id unions equal
//!   the taxonomy and the rule-file model, so they cannot drift.
//!
//! Offsets: wasm-bindgen turns a JS string into UTF-8 with `TextEncoder`,
//! which replaces each lone surrogate (one UTF-16 unit) by U+FFFD (also one
//! UTF-16 unit). The UTF-16 offsets the core computes on that text are
//! therefore valid offsets into the caller's JS string.

use crate::{Classifier, Error, Report, RuleSpec, MAX_INPUT_BYTES};
use js_sys::{Array, JsString, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The TypeScript declarations of the package (`jikenbo.d.ts`). The exported
/// functions and the class are declared here rather than by wasm-bindgen
/// (`skip_typescript`), so that `classify` returns `Report`, not `any`.
#[wasm_bindgen(typescript_custom_section)]
pub const TYPESCRIPT: &'static str = r#"
/** Ids of `attackTypes` (taxonomy.md §1), most specific first. */
export type AttackTypeId =
  | "credential_stuffing" | "brute_force" | "payment_skimming" | "web_app_exploit"
  | "ransomware" | "malware" | "phishing" | "bec_fraud" | "ddos" | "defacement"
  | "insider_misuse" | "theft" | "misconfiguration" | "programming_error"
  | "publication_error" | "misdelivery" | "loss" | "improper_disposal"
  | "policy_violation" | "supply_chain" | "unauthorized_access";

/** Ids of `dataCategories` (taxonomy.md §2), tier 3 first. */
export type DataCategoryId =
  | "medical" | "special_care" | "payment_card" | "my_number" | "credentials"
  | "bank_account" | "government_id" | "address" | "phone" | "birth_date"
  | "employment" | "education" | "purchase_history" | "family" | "name" | "email"
  | "gender" | "personal_info" | "corporate" | "confidential";

/** Ids of `reportedTo`: the authorities a notice says were told. */
export type AuthorityId =
  | "police" | "ppc" | "ministry" | "local_government" | "nisc" | "card_companies"
  | "ipa_jpcert";

/** Severity levels. */
export type Level = "critical" | "high" | "medium" | "low";

/** Values of `leakStatus.value`. */
export type LeakStatus = "confirmed" | "possible" | "none" | "unknown";

/** Why the PPC must be notified (APPI enforcement rule art. 7). */
export type PpcReason =
  | "case1_special_care" | "case2_financial" | "case3_unlawful"
  | "case4_over_threshold" | "my_number";

/** A display label in both interface languages. */
export interface Label { ja: string; en: string }

/**
 * A span of the input that justifies a tag. `start` and `end` are UTF-16
 * code units into the string exactly as given, so `text.slice(start, end)`
 * is the matched text.
 */
export interface Evidence {
  start: number;
  end: number;
  /** The rule (and cue) that fired, e.g. `attack_types/ransomware#word`. */
  rule: string;
  /** The quoted text, `input.slice(start, end)` (an addition to schema 1). */
  text: string;
}

/** One tag of `attackTypes` or `reportedTo`. */
export interface Tag<Id extends string = AttackTypeId | DataCategoryId | AuthorityId> {
  id: Id;
  label: Label;
  /** 0..1: how strongly the evidence supports the tag. */
  score: number;
  evidence: Evidence[];
  /** MITRE ATT&CK technique id, where one fits. */
  attack?: string;
  /** VERIS enumeration, where one fits. */
  veris?: string;
}

/** One tag of `dataCategories`, with its tier (3 = always reportable). */
export interface DataTag extends Tag<DataCategoryId> { tier: 1 | 2 | 3 }

/** One reason of `severity.reasons`. */
/** Why a severity is what it is, with the spans it rests on (the tags of
 * the highest tier, the count, the outage wording; empty for an absence). */
export interface Reason { code: string; message: Label; evidence: Evidence[] }

/** What `classify` returns (schema 1 of spec/output.md). */
export interface Report {
  schema: 1;
  language: "ja" | "en" | "und";
  /** Most specific first; `[]` when no cause can be identified. */
  attackTypes: Tag<AttackTypeId>[];
  /** Data said to be leaked, exposed or possibly accessed. */
  dataCategories: DataTag[];
  leakStatus: { value: LeakStatus; evidence: Evidence[] };
  /** `value` is null when no figure is given, and when it is beyond
   * Number.MAX_SAFE_INTEGER (then `exceedsSafeInteger` is true and the
   * evidence quotes the figure). */
  affectedCount: { value: number | null; evidence: Evidence[]; exceedsSafeInteger?: true };
  severity: {
    /** max(data, operational). */
    level: Level;
    data: Level;
    operational: Level;
    reasons: Reason[];
  };
  /** Authorities the notice says were notified. */
  reportedTo: Tag<AuthorityId>[];
  organization: { name: string | null; publicBody: boolean; evidence: Evidence[] };
  ppcReport: { required: boolean; reasons: PpcReason[] };
  /** Present (true) when some evidence was left out: a cue hit more than
   * 1,000 times, a tag had more than 50 spans, or the text held more than
   * 10,000 figures. */
  truncated?: true;
}

/** One id of the taxonomy; `L` is `Label`, or `string` for `taxonomy(lang)`. */
export type TaxonomyEntry<L = Label> =
  | { field: "attackTypes"; id: AttackTypeId; label: L; intentional?: boolean; attack?: string; veris?: string }
  | { field: "dataCategories"; id: DataCategoryId; label: L; tier: 1 | 2 | 3; attack?: string; veris?: string }
  | { field: "reportedTo"; id: AuthorityId; label: L; attack?: string; veris?: string };

/** What `version()` returns. */
export interface VersionInfo {
  /** The package (and crate) version. */
  version: string;
  /** The report schema, `Report["schema"]`. */
  schema: 1;
  /** Number of built-in rules. */
  rules: number;
  /** A hash of the built-in rule set: equal fingerprints, equal answers. */
  rulesFingerprint: string;
}

/** Options of `classify`. None are defined yet; unknown keys throw a TypeError. */
export type ClassifyOptions = Record<string, never>;

/** The output fields a rule can feed (the folders of `rules/`). */
export type RuleField =
  | "attack_types" | "data_categories" | "reported_to" | "leak_status"
  | "operational" | "organization" | "scope";

/** Scope filters a cue may opt out of. */
export type ScopeFilter = "negation" | "advice" | "hypothetical" | "contact" | "context" | "prevention";

/** Ids of the `scope` rules. */
export type ScopeId =
  | "negation" | "anti_negation" | "advice" | "hypothetical" | "contact"
  | "data_context" | "clause_break" | "recovered" | "prevention";

/** One cue of a rule: a pattern (Rust `regex` syntax) over the normalised text. */
export interface CueSpec {
  pattern: string;
  /** Shown in evidence as `<field>/<rule>#<name>`; a-z, 0-9, `_`, `-`, `.`. */
  name?: string;
  /** 0 < weight <= 1 (default 1). */
  weight?: number;
  /** The same sentence must also match this pattern. */
  near?: string;
  /** The same sentence must not match this pattern. */
  not_near?: string;
  /** Scope filters that do not apply to this cue. */
  ignore?: ScopeFilter[];
}

/** Which field a rule feeds, and the id it emits there (default: the rule's `id`). */
export type RuleTarget =
  | { field: "attack_types"; tag?: AttackTypeId }
  | { field: "data_categories"; tag?: DataCategoryId }
  | { field: "reported_to"; tag?: AuthorityId }
  | { field: "leak_status"; tag?: LeakStatus }
  | { field: "operational"; tag?: "critical" | "high" | "medium" }
  | { field: "organization"; tag?: "public_body" | "corporation" | "name" }
  | { field: "scope"; tag?: ScopeId };

/** One custom rule: the shape of a `rules/<field>/<id>.toml` file. */
export type RuleSpec = RuleTarget & {
  /** Unique among all rules; a-z, 0-9, `_`, `-`, `.`, at most 64 characters. */
  id: string;
  label?: Label;
  attack?: string;
  veris?: string;
  description?: string;
  cues: CueSpec[];
  /** Texts the rule must tag (at least one). */
  match: string[];
  /** Near-misses the rule must not tag (at least one). */
  no_match: string[];
};

/** Options of `new Classifier(...)`. */
export interface ClassifierOptions {
  /** Custom rules, added to the built-in ones. */
  rules?: RuleSpec[];
}

/**
 * Classifies one notice with the built-in rules. Returns a plain object
 * (nothing to free). Throws a TypeError when `text` is not a string and an
 * Error (`code: "input_too_large"`) over 10 MiB of UTF-8.
 */
export function classify(text: string, options?: ClassifyOptions): Report;

/** Every taxonomy id, in report order, with both labels. */
export function taxonomy(): TaxonomyEntry[];
/** Every taxonomy id, in report order, labelled in one language. */
export function taxonomy(lang: "ja" | "en"): TaxonomyEntry<string>[];

/** The package version, report schema and built-in rule-set fingerprint. */
export function version(): VersionInfo;

/**
 * The built-in rules plus a custom rule pack. Construction validates every
 * rule and runs its `match` / `no_match` examples; a bad pack throws an Error
 * (`code: "invalid_rule"`, `rule: <id>`) naming the rule and the reason.
 * The instance holds wasm memory: call `free()` when done with it (it is also
 * released when garbage-collected). Reports it returns need no freeing.
 */
export class Classifier {
  constructor(options?: ClassifierOptions);
  /** Classifies one notice; same contract as the `classify` function. */
  classify(text: string): Report;
  /** Number of rules, built-in plus custom. */
  readonly ruleCount: number;
  /** Releases the wasm memory of this classifier. Do not use it afterwards. */
  free(): void;
}
"#;

const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();

enum Kind {
    Type,
    Range,
    Plain,
}

/// The one place JS errors are made: a `TypeError`, `RangeError` or `Error`
/// with `message`, plus a `code` property and, when given, a `rule` property.
fn fail(kind: Kind, code: &str, rule: Option<&str>, message: &str) -> JsValue {
    let error: JsValue = match kind {
        Kind::Type => js_sys::TypeError::new(message).into(),
        Kind::Range => js_sys::RangeError::new(message).into(),
        Kind::Plain => js_sys::Error::new(message).into(),
    };
    let _ = Reflect::set(&error, &"code".into(), &code.into());
    if let Some(rule) = rule {
        let _ = Reflect::set(&error, &"rule".into(), &rule.into());
    }
    error
}

fn core_error(e: Error) -> JsValue {
    fail(Kind::Plain, e.code(), e.rule_id(), &e.to_string())
}

/// A report as a plain object (a count beyond 2^53 - 1 is never a number:
/// the core states it as `exceedsSafeInteger`).
fn report_to_js(report: Report) -> Result<JsValue, JsValue> {
    to_js(&report)
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&SERIALIZER)
        .map_err(|e| fail(Kind::Plain, "internal", None, &format!("cannot convert the result to JavaScript: {}", e)))
}

/// `typeof value`, with `null` and arrays told apart, for error messages.
fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if Array::is_array(value) {
        "an array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_else(|| "something else".into())
    }
}

/// The text argument as a Rust string, checked for type and size.
fn text_arg(text: &JsValue, func: &str) -> Result<String, JsValue> {
    let Some(js) = text.dyn_ref::<JsString>() else {
        return Err(fail(
            Kind::Type,
            "invalid_argument",
            None,
            &format!("{}: expected the text of a notice as a string, got {}", func, describe(text)),
        ));
    };
    // Each UTF-16 unit is at least one UTF-8 byte: reject huge strings before
    // copying them into wasm memory.
    let units = js.length() as usize;
    if units > MAX_INPUT_BYTES {
        return Err(fail(
            Kind::Plain,
            "input_too_large",
            None,
            &format!(
                "input is at least {} bytes, more than the limit of {} bytes (10 MiB)",
                units, MAX_INPUT_BYTES
            ),
        ));
    }
    Ok(String::from(js))
}

/// `options` must be absent or an object whose keys are all in `known`.
fn check_options(options: &JsValue, func: &str, known: &[&str]) -> Result<(), JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(());
    }
    if !options.is_object() || Array::is_array(options) || options.is_function() {
        return Err(fail(
            Kind::Type,
            "invalid_argument",
            None,
            &format!("{}: options must be an object, got {}", func, describe(options)),
        ));
    }
    for key in Object::keys(options.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            let expected = if known.is_empty() {
                "it takes none yet".to_string()
            } else {
                format!("expected {}", known.join(", "))
            };
            return Err(fail(
                Kind::Type,
                "invalid_argument",
                None,
                &format!("{}: unknown option {:?} ({})", func, key, expected),
            ));
        }
    }
    Ok(())
}

/// `classify(text, options?)`: the report of one notice, with the built-in rules.
#[wasm_bindgen(js_name = classify, skip_typescript)]
pub fn classify(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    check_options(&options, "classify", &[])?;
    let text = text_arg(&text, "classify")?;
    report_to_js(crate::classify(&text).map_err(core_error)?)
}

/// `taxonomy(lang?)`: every id of the three tag fields, in report order.
/// With `"ja"` or `"en"`, each `label` is the string in that language.
#[wasm_bindgen(js_name = taxonomy, skip_typescript)]
pub fn taxonomy(lang: JsValue) -> Result<JsValue, JsValue> {
    let entries = to_js(&crate::taxonomy())?;
    if lang.is_undefined() || lang.is_null() {
        return Ok(entries);
    }
    let Some(lang) = lang.as_string() else {
        return Err(fail(
            Kind::Type,
            "invalid_argument",
            None,
            &format!("taxonomy: lang must be \"ja\" or \"en\", got {}", describe(&lang)),
        ));
    };
    if lang != "ja" && lang != "en" {
        return Err(fail(
            Kind::Range,
            "invalid_argument",
            None,
            &format!("taxonomy: unknown language {:?} (expected \"ja\" or \"en\")", lang),
        ));
    }
    let key = JsValue::from_str(&lang);
    let label_key = JsValue::from_str("label");
    for entry in entries.unchecked_ref::<Array>().iter() {
        let label = Reflect::get(&entry, &label_key)?;
        Reflect::set(&entry, &label_key, &Reflect::get(&label, &key)?)?;
    }
    Ok(entries)
}

/// `version()`: `{ version, schema, rules, rulesFingerprint }`.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> Result<JsValue, JsValue> {
    to_js(&crate::version())
}

/// `new Classifier({ rules })`: the built-in rules plus a custom pack.
#[wasm_bindgen(js_name = Classifier, skip_typescript)]
pub struct JsClassifier {
    inner: Classifier,
}

#[wasm_bindgen(js_class = Classifier)]
impl JsClassifier {
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsClassifier, JsValue> {
        check_options(&options, "new Classifier", &["rules"])?;
        let rules = if options.is_undefined() || options.is_null() {
            JsValue::UNDEFINED
        } else {
            Reflect::get(&options, &"rules".into())?
        };
        let specs = if rules.is_undefined() {
            Vec::new()
        } else {
            rule_specs(&rules)?
        };
        let inner = Classifier::with_rules(specs).map_err(core_error)?;
        Ok(JsClassifier { inner })
    }

    /// Classifies one notice with this classifier's rules.
    pub fn classify(&self, text: JsValue) -> Result<JsValue, JsValue> {
        let text = text_arg(&text, "Classifier.classify")?;
        report_to_js(self.inner.classify(&text).map_err(core_error)?)
    }

    /// Number of rules, built-in plus custom.
    #[wasm_bindgen(getter, js_name = ruleCount)]
    pub fn rule_count(&self) -> usize {
        self.inner.rule_count()
    }
}

/// Reads `rules` one object at a time, so that a rule that does not even
/// deserialise is still named by its `id` (or its position).
fn rule_specs(rules: &JsValue) -> Result<Vec<RuleSpec>, JsValue> {
    if !Array::is_array(rules) {
        return Err(fail(
            Kind::Type,
            "invalid_argument",
            None,
            &format!("new Classifier: rules must be an array of rule objects, got {}", describe(rules)),
        ));
    }
    let mut specs = Vec::new();
    for (i, value) in rules.unchecked_ref::<Array>().iter().enumerate() {
        let id = if value.is_object() {
            Reflect::get(&value, &"id".into()).ok().and_then(|v| v.as_string()).filter(|s| !s.is_empty())
        } else {
            None
        };
        let name = match &id {
            Some(id) => format!("{:?}", id),
            None => format!("#{} (no id)", i + 1),
        };
        if !value.is_object() || Array::is_array(&value) {
            return Err(fail(
                Kind::Plain,
                "invalid_rule",
                id.as_deref(),
                &format!("invalid custom rule: rule {}: expected an object, got {}", name, describe(&value)),
            ));
        }
        // Rules are data: a JSON round trip drops `undefined` members (which
        // serde-wasm-bindgen cannot read as a missing field) and anything
        // that is not JSON.
        let value = js_sys::JSON::stringify(&value)
            .and_then(|json| js_sys::JSON::parse(&String::from(json)))
            .map_err(|e| {
                let why = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
                fail(
                    Kind::Plain,
                    "invalid_rule",
                    id.as_deref(),
                    &format!("invalid custom rule: rule {}: not plain JSON data ({})", name, why),
                )
            })?;
        let bad = |reason: String| {
            fail(Kind::Plain, "invalid_rule", id.as_deref(), &format!("invalid custom rule: rule {}: {}", name, reason))
        };
        check_keys(&value, RULE_KEYS).map_err(|k| bad(unknown_key(&k, RULE_KEYS)))?;
        check_types(&value, RULE_TYPES, "").map_err(&bad)?;
        let label = Reflect::get(&value, &"label".into())?;
        if label.is_object() {
            check_keys(&label, LABEL_KEYS).map_err(|k| bad(format!("label: {}", unknown_key(&k, LABEL_KEYS))))?;
            check_types(&label, LABEL_TYPES, "label.").map_err(&bad)?;
        }
        let cues = Reflect::get(&value, &"cues".into())?;
        if Array::is_array(&cues) {
            for (j, cue) in cues.unchecked_ref::<Array>().iter().enumerate() {
                check_keys(&cue, CUE_KEYS).map_err(|k| bad(format!("cue {}: {}", j + 1, unknown_key(&k, CUE_KEYS))))?;
                check_types(&cue, CUE_TYPES, &format!("cues[{}].", j)).map_err(&bad)?;
            }
        }
        let spec: RuleSpec = serde_wasm_bindgen::from_value(value).map_err(|e| {
            // serde-wasm-bindgen's message is a JS error's toString(): "Error: …"
            let reason = e.to_string();
            let reason = reason.strip_prefix("Error: ").unwrap_or(&reason).to_string();
            fail(Kind::Plain, "invalid_rule", id.as_deref(), &format!("invalid custom rule: rule {}: {}", name, reason))
        })?;
        specs.push(spec);
    }
    Ok(specs)
}

/// The keys of a rule object, of its `label` and of each cue: the fields of
/// [`RuleSpec`], [`crate::LabelSpec`] and [`crate::CueSpec`] (checked against
/// `src/spec.rs` by `tests/ts_types.rs`). serde-wasm-bindgen reads only the
/// fields a struct declares, so `deny_unknown_fields` never sees a misspelt
/// key: without this check `macth` would be silently ignored.
pub const RULE_KEYS: &[&str] =
    &["id", "field", "tag", "label", "attack", "veris", "description", "cues", "match", "no_match"];
pub const CUE_KEYS: &[&str] = &["name", "pattern", "weight", "near", "not_near", "ignore"];
pub const LABEL_KEYS: &[&str] = &["ja", "en"];

/// What a key of a rule object holds.
#[derive(Clone, Copy)]
enum Shape {
    Text,
    Number,
    Object,
    Texts,
    Objects,
}

/// The type of every key of a rule, a label and a cue (null is accepted
/// where the key is optional; a missing required key is left to serde,
/// which names it).
const RULE_TYPES: &[(&str, Shape, bool)] = &[
    ("id", Shape::Text, false),
    ("field", Shape::Text, true),
    ("tag", Shape::Text, true),
    ("label", Shape::Object, true),
    ("attack", Shape::Text, true),
    ("veris", Shape::Text, true),
    ("description", Shape::Text, true),
    ("cues", Shape::Objects, false),
    ("match", Shape::Texts, true),
    ("no_match", Shape::Texts, true),
];
const LABEL_TYPES: &[(&str, Shape, bool)] = &[("ja", Shape::Text, false), ("en", Shape::Text, false)];
const CUE_TYPES: &[(&str, Shape, bool)] = &[
    ("name", Shape::Text, true),
    ("pattern", Shape::Text, false),
    ("weight", Shape::Number, true),
    ("near", Shape::Text, true),
    ("not_near", Shape::Text, true),
    ("ignore", Shape::Texts, true),
];

/// The first key of `object` whose value has the wrong type, as a message
/// naming the key (`cues: expected an array of cue objects, got a string`).
fn check_types(object: &JsValue, types: &[(&str, Shape, bool)], prefix: &str) -> Result<(), String> {
    if !object.is_object() || Array::is_array(object) {
        let what = prefix.trim_end_matches('.');
        return Err(format!("{}: expected an object, got {}", what, describe(object)));
    }
    for &(key, shape, optional) in types {
        let v = Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || (optional && v.is_null()) {
            continue;
        }
        let ok = match shape {
            Shape::Text => v.is_string(),
            Shape::Number => v.as_f64().is_some(),
            Shape::Object => v.is_object() && !Array::is_array(&v),
            Shape::Texts => Array::is_array(&v) && v.unchecked_ref::<Array>().iter().all(|x| x.is_string()),
            Shape::Objects => {
                Array::is_array(&v) && v.unchecked_ref::<Array>().iter().all(|x| x.is_object() && !Array::is_array(&x))
            }
        };
        if !ok {
            let want = match shape {
                Shape::Text => "a string",
                Shape::Number => "a number",
                Shape::Object => "an object",
                Shape::Texts => "an array of strings",
                Shape::Objects => "an array of objects",
            };
            return Err(format!("{}{}: expected {}, got {}", prefix, key, want, describe(&v)));
        }
    }
    Ok(())
}

/// The first own key of `object` that is not in `known`.
fn check_keys(object: &JsValue, known: &[&str]) -> Result<(), String> {
    for key in Object::keys(object.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(key);
        }
    }
    Ok(())
}

fn unknown_key(key: &str, known: &[&str]) -> String {
    format!("unknown field `{}`, expected one of {}", key, known.iter().map(|k| format!("`{}`", k)).collect::<Vec<_>>().join(", "))
}
