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
//! - The TypeScript declarations are written by hand (`types.rs`);
//!   `tests/ts_types.rs` checks that their id unions equal the taxonomy and
//!   the rule-file model, so they cannot drift. A custom pack's JS objects
//!   are read in `pack.rs`, the exports in `export.rs`.
//!
//! Offsets: wasm-bindgen turns a JS string into UTF-8 with `TextEncoder`,
//! which replaces each lone surrogate (one UTF-16 unit) by U+FFFD (also one
//! UTF-16 unit). The UTF-16 offsets the core computes on that text are
//! therefore valid offsets into the caller's JS string.

use crate::{Classifier, Error, Report, MAX_INPUT_BYTES};
use js_sys::{Array, JsString, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod export;
mod pack;
mod types;

use pack::rule_specs;


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

    /// `classifyAll(text)` with this classifier's rules.
    #[wasm_bindgen(js_name = classifyAll)]
    pub fn classify_all(&self, text: JsValue) -> Result<JsValue, JsValue> {
        let text = text_arg(&text, "Classifier.classifyAll")?;
        to_js(&self.inner.classify_all(&text).map_err(core_error)?)
    }

    /// Number of rules, built-in plus custom.
    #[wasm_bindgen(getter, js_name = ruleCount)]
    pub fn rule_count(&self) -> usize {
        self.inner.rule_count()
    }
}

