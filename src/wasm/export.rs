//! `classifyAll`, `splitNotices` and the exports (`toVeris`, `toStix`,
//! `toMisp`, `toCsv`): the same core functions as the command line's
//! `--split` and `export`, JS values in, plain objects (or CSV text) out.

use super::{check_options, core_error, describe, fail, text_arg, to_js, Kind};
use crate::export::{self, CsvOptions, CsvRow, ExportError, ExportOptions};
use crate::Report;
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn export_error(e: ExportError) -> JsValue {
    fail(Kind::Plain, e.code(), None, &e.to_string())
}

/// A report the caller gives back (one `classify` returned, perhaps after
/// a `structuredClone` or a JSON round trip).
fn report_arg(value: &JsValue, func: &str) -> Result<Report, JsValue> {
    if !value.is_object() || Array::is_array(value) {
        return Err(fail(
            Kind::Type,
            "invalid_argument",
            None,
            &format!("{}: report must be an object returned by classify, got {}", func, describe(value)),
        ));
    }
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        fail(Kind::Type, "invalid_argument", None, &format!("{}: not a report of classify: {}", func, e))
    })
}

/// The options of an export: `text` (the notice, for its date and the
/// sentences its quotes stand in), `created`, `sourceUrl`, `id`,
/// `distribution`.
fn options_arg(options: &JsValue, func: &str) -> Result<(Option<String>, ExportOptions), JsValue> {
    check_options(options, func, &["text", "created", "sourceUrl", "id", "distribution"])?;
    if options.is_undefined() || options.is_null() {
        return Ok((None, ExportOptions::default()));
    }
    let text = Reflect::get(options, &"text".into())?;
    let text = if text.is_undefined() || text.is_null() { None } else { Some(text_arg(&text, func)?) };
    let rest = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    Reflect::delete_property(&rest, &"text".into())?;
    let opts: ExportOptions = serde_wasm_bindgen::from_value(rest.into())
        .map_err(|e| fail(Kind::Type, "invalid_argument", None, &format!("{}: options: {}", func, e)))?;
    Ok((text, opts))
}

/// `classifyAll(text)`: one `{ start, end, heading, report }` per notice of
/// a text that may hold several; every offset is into `text`.
#[wasm_bindgen(js_name = classifyAll, skip_typescript)]
pub fn classify_all(text: JsValue) -> Result<JsValue, JsValue> {
    let text = text_arg(&text, "classifyAll")?;
    to_js(&crate::classify_all(&text).map_err(core_error)?)
}

/// `splitNotices(text)`: the notices of a text, `{ start, end, heading }`.
#[wasm_bindgen(js_name = splitNotices, skip_typescript)]
pub fn split_notices(text: JsValue) -> Result<JsValue, JsValue> {
    let text = text_arg(&text, "splitNotices")?;
    to_js(&crate::split_notices(&text))
}

#[wasm_bindgen(js_name = toVeris, skip_typescript)]
pub fn to_veris(report: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let r = report_arg(&report, "toVeris")?;
    let (text, opts) = options_arg(&options, "toVeris")?;
    to_js(&export::veris(&r, text.as_deref(), &opts).map_err(export_error)?)
}

#[wasm_bindgen(js_name = toStix, skip_typescript)]
pub fn to_stix(report: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let r = report_arg(&report, "toStix")?;
    let (text, opts) = options_arg(&options, "toStix")?;
    to_js(&export::stix(&r, text.as_deref(), &opts).map_err(export_error)?)
}

#[wasm_bindgen(js_name = toMisp, skip_typescript)]
pub fn to_misp(report: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let r = report_arg(&report, "toMisp")?;
    let (text, opts) = options_arg(&options, "toMisp")?;
    to_js(&export::misp(&r, text.as_deref(), &opts).map_err(export_error)?)
}

/// `toCsv(rows, { bom, excelSafe })`: rows are `{ id, report, text? }`.
#[wasm_bindgen(js_name = toCsv, skip_typescript)]
pub fn to_csv(rows: JsValue, options: JsValue) -> Result<String, JsValue> {
    check_options(&options, "toCsv", &["bom", "excelSafe"])?;
    let flag = |k: &str| -> Result<bool, JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok(false);
        }
        let v = Reflect::get(&options, &k.into())?;
        Ok(v.as_bool().unwrap_or(false))
    };
    let opts = CsvOptions { bom: flag("bom")?, excel_safe: flag("excelSafe")? };
    if !Array::is_array(&rows) {
        return Err(fail(Kind::Type, "invalid_argument", None, &format!("toCsv: rows must be an array, got {}", describe(&rows))));
    }
    let mut owned: Vec<(String, Report, Option<String>)> = Vec::new();
    for (i, row) in rows.unchecked_ref::<Array>().iter().enumerate() {
        let func = format!("toCsv: row {}", i + 1);
        if !row.is_object() {
            return Err(fail(Kind::Type, "invalid_argument", None, &format!("{}: expected {{ id, report, text? }}, got {}", func, describe(&row))));
        }
        let id = Reflect::get(&row, &"id".into())?.as_string().unwrap_or_default();
        let report = report_arg(&Reflect::get(&row, &"report".into())?, &func)?;
        let text = Reflect::get(&row, &"text".into())?;
        let text = if text.is_undefined() || text.is_null() { None } else { Some(text_arg(&text, &func)?) };
        owned.push((id, report, text));
    }
    let rows: Vec<CsvRow> = owned.iter().map(|(id, report, text)| CsvRow { id, report, text: text.as_deref() }).collect();
    Ok(export::csv(&rows, &opts))
}
