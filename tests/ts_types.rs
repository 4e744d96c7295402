//! The TypeScript declarations of the npm package are written by hand in
//! `src/wasm/types.rs`; this test reads that file as text and checks that the id
//! unions and the custom-rule keys equal what the crate really uses, so the
//! types cannot drift from the taxonomy or from the rule-file model.
//!
//! Runs natively (`cargo test --test ts_types`) and, included by
//! `tests/web.rs`, inside wasm (`make test-wasm`).

const WASM_RS: &str = include_str!("../src/wasm/types.rs");
const PACK_RS: &str = include_str!("../src/wasm/pack.rs");
const SPEC_RS: &str = include_str!("../src/rules/model/spec.rs");
const REPORT_RS: &str = include_str!("../src/report.rs");

/// The quoted strings of `export type <name> = ...;` in the TS section.
fn ts_union(name: &str) -> Vec<String> {
    let head = format!("export type {} =", name);
    let start = WASM_RS.find(&head).unwrap_or_else(|| panic!("src/wasm/types.rs: no `{}`", head)) + head.len();
    let body = &WASM_RS[start..start + WASM_RS[start..].find(';').expect("union ends with ;")];
    quoted(body, '"')
}

/// The members of one inline union in the TS section, found after `anchor`
/// (e.g. `field: "operational"; tag?:`), up to the end of the line.
fn ts_inline_union(anchor: &str) -> Vec<String> {
    let start = WASM_RS.find(anchor).unwrap_or_else(|| panic!("src/wasm/types.rs: no `{}`", anchor)) + anchor.len();
    let line = WASM_RS[start..].lines().next().unwrap();
    quoted(line, '"')
}

fn quoted(s: &str, q: char) -> Vec<String> {
    s.split(q).skip(1).step_by(2).map(str::to_string).collect()
}

/// The strings of `pub const <name>: &[&str] = &[...]` in a Rust source.
fn rust_list(src: &str, file: &str, name: &str) -> Vec<String> {
    let head = format!("pub const {}: &[&str] =", name);
    let start = src.find(&head).unwrap_or_else(|| panic!("{}: no `{}`", file, head)) + head.len();
    let body = &src[start..start + src[start..].find("];").expect("list ends with ];")];
    quoted(body, '"')
}

/// The serde names of the fields of `pub struct <name> { ... }`.
fn struct_fields(src: &str, name: &str) -> Vec<String> {
    let head = format!("pub struct {} {{", name);
    let start = src.find(&head).unwrap_or_else(|| panic!("src/rules/model/spec.rs: no `{}`", head)) + head.len();
    let body = &src[start..start + src[start..].find("\n}").unwrap()];
    let mut out = Vec::new();
    let mut rename = None;
    for line in body.lines().map(str::trim) {
        if line.starts_with("#[serde(") && line.contains("rename = \"") {
            rename = line.split("rename = \"").nth(1).and_then(|r| r.split('"').next()).map(str::to_string);
        } else if let Some(rest) = line.strip_prefix("pub ") {
            let field = rest.split(':').next().unwrap().trim().to_string();
            out.push(rename.take().unwrap_or(field));
        }
    }
    out
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn taxonomy_ids(field: &str) -> Vec<String> {
    jikenbo::taxonomy().into_iter().filter(|e| e.field == field).map(|e| e.id.to_string()).collect()
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn tag_id_unions_equal_the_taxonomy() {
    assert_eq!(ts_union("AttackTypeId"), taxonomy_ids("attackTypes"), "AttackTypeId in src/wasm/types.rs");
    assert_eq!(ts_union("DataCategoryId"), taxonomy_ids("dataCategories"), "DataCategoryId in src/wasm/types.rs");
    assert_eq!(ts_union("AuthorityId"), taxonomy_ids("reportedTo"), "AuthorityId in src/wasm/types.rs");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn value_unions_equal_the_report_types() {
    let mut leak = ts_union("LeakStatus");
    leak.sort();
    let mut want: Vec<String> = [
        jikenbo::LeakStatus::Unknown,
        jikenbo::LeakStatus::None,
        jikenbo::LeakStatus::Possible,
        jikenbo::LeakStatus::Confirmed,
    ]
    .iter()
    .map(|l| l.as_str().to_string())
    .collect();
    want.sort();
    assert_eq!(leak, want, "LeakStatus");
    let mut spec_leak = names(jikenbo::vocab::LEAK_IDS);
    spec_leak.sort();
    assert_eq!(leak, spec_leak, "LeakStatus vs vocab::LEAK_IDS");

    let mut levels = ts_union("Level");
    levels.sort();
    let mut want: Vec<String> = [jikenbo::Level::Low, jikenbo::Level::Medium, jikenbo::Level::High, jikenbo::Level::Critical]
        .iter()
        .map(|l| l.as_str().to_string())
        .collect();
    want.sort();
    assert_eq!(levels, want, "Level");

    // every `#[serde(rename = "...")]` of the PpcReason enum
    let start = REPORT_RS.find("pub enum PpcReason {").expect("report.rs: PpcReason");
    let body = &REPORT_RS[start..start + REPORT_RS[start..].find("\n}").unwrap()];
    let renames: Vec<String> =
        body.split("rename = \"").skip(1).map(|r| r.split('"').next().unwrap().to_string()).collect();
    assert_eq!(ts_union("PpcReason"), renames, "PpcReason");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn rule_unions_equal_the_rule_model() {
    let fields: Vec<String> = jikenbo::Field::ALL.iter().map(|f| f.as_str().to_string()).collect();
    assert_eq!(ts_union("RuleField"), fields, "RuleField vs Field");
    let filters: Vec<String> = jikenbo::Filter::ALL.iter().map(|f| f.as_str().to_string()).collect();
    assert_eq!(ts_union("ScopeFilter"), filters, "ScopeFilter vs Filter");
    let scopes: Vec<String> = jikenbo::ScopeId::ALL.iter().map(|f| f.as_str().to_string()).collect();
    assert_eq!(ts_union("ScopeId"), scopes, "ScopeId vs ScopeId");
    assert_eq!(
        ts_inline_union(r#"field: "operational"; tag?:"#),
        names(jikenbo::vocab::OPERATIONAL_IDS),
        "RuleTarget operational"
    );
    assert_eq!(
        ts_inline_union(r#"field: "organization"; tag?:"#),
        names(jikenbo::vocab::ORGANIZATION_IDS),
        "RuleTarget organization"
    );
    // every field with a tag union in RuleTarget
    let targets = quoted(&WASM_RS[WASM_RS.find("export type RuleTarget =").unwrap()..], '"');
    for field in fields {
        assert!(targets.contains(&field), "RuleTarget lacks field {:?}", field);
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn custom_rule_keys_equal_the_spec_structs() {
    let keys = |name: &str| rust_list(PACK_RS, "src/wasm/pack.rs", name);
    assert_eq!(keys("RULE_KEYS"), struct_fields(SPEC_RS, "RuleSpec"), "RULE_KEYS vs RuleSpec");
    assert_eq!(keys("CUE_KEYS"), struct_fields(SPEC_RS, "CueSpec"), "CUE_KEYS vs CueSpec");
    assert_eq!(keys("LABEL_KEYS"), struct_fields(SPEC_RS, "LabelSpec"), "LABEL_KEYS vs LabelSpec");
    // and the TS declarations name each of them
    for (ts, rust) in [("export type RuleSpec", "RULE_KEYS"), ("export interface CueSpec", "CUE_KEYS")] {
        let start = WASM_RS.find(ts).unwrap();
        let body = &WASM_RS[start..start + WASM_RS[start..].find("\n}").unwrap()];
        for key in keys(rust) {
            let declared = body.contains(&format!("  {}:", key)) || body.contains(&format!("  {}?:", key));
            let in_target = rust == "RULE_KEYS" && (key == "field" || key == "tag");
            assert!(declared || in_target, "{} does not declare `{}`", ts, key);
        }
    }
}
