//! A custom rule pack from JavaScript values: each rule read one object at a
//! time, its keys and their types checked first, so that every error names
//! the rule and the key at fault.

use super::{describe, fail, Kind};
use crate::RuleSpec;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reads `rules` one object at a time, so that a rule that does not even
/// deserialise is still named by its `id` (or its position).
pub(super) fn rule_specs(rules: &JsValue) -> Result<Vec<RuleSpec>, JsValue> {
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

