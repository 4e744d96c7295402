//! `--rules DIR|FILE`: a custom rule pack of `rules/`-format TOML files,
//! loaded at run time (the TOML parser lives in the command line only).
//! In a folder, every `*.toml` below it is a rule; a rule without `field`
//! takes it from its folder's name (`rules/attack_types/x.toml`), and one
//! without `id` takes its file's stem. Validation and the rules' examples
//! are those of `Classifier::with_rules`, with the npm package's messages.

use jikenbo::{Classifier, Field, RuleSpec};
use std::path::{Path, PathBuf};

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("jikenbo: --rules {}: cannot read directory: {}", dir.display(), e))?;
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            toml_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
    Ok(())
}

/// The rules of one file.
fn rule(path: &Path) -> Result<RuleSpec, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("jikenbo: --rules {}: cannot read: {}", path.display(), e))?;
    let bad = |e: &dyn std::fmt::Display| {
        let one_line: Vec<String> = e.to_string().lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
        format!("jikenbo: --rules {}: invalid rule file: {}", path.display(), one_line.join(" "))
    };
    let mut table: toml::Table = toml::from_str(&text).map_err(|e| bad(&e))?;
    if !table.contains_key("id") {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        table.insert("id".into(), toml::Value::String(stem));
    }
    if !table.contains_key("field") {
        let folder = path.parent().and_then(|p| p.file_name()).map(|s| s.to_string_lossy().into_owned());
        if let Some(f) = folder.filter(|f| Field::parse(f).is_some()) {
            table.insert("field".into(), toml::Value::String(f));
        }
    }
    table.try_into().map_err(|e: toml::de::Error| bad(&e))
}

/// The built-in rules plus the pack at `at`.
pub fn load(at: &str) -> Result<Classifier, String> {
    let path = Path::new(at);
    let mut files = Vec::new();
    if path.is_dir() {
        toml_files(path, &mut files)?;
        if files.is_empty() {
            return Err(format!("jikenbo: --rules {}: no *.toml rule file in this folder", at));
        }
    } else {
        files.push(path.to_path_buf());
    }
    let rules = files.iter().map(|f| rule(f)).collect::<Result<Vec<_>, _>>()?;
    Classifier::with_rules(rules).map_err(|e| format!("jikenbo: --rules {}: {}", at, e))
}
