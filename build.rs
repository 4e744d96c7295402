//! Compiles `rules/` into Rust: validates every rule file with the rule
//! model (`src/rules/model`, the `jikenbo-rules` crate) and writes
//! `$OUT_DIR/taxonomy_table.rs`, `$OUT_DIR/builtin_rules.rs` and
//! `$OUT_DIR/compiled.bin` (every built-in pattern compiled by the pattern
//! engine, `src/pattern`), so no rule-file parser ends up in the library or
//! the `.wasm` and start-up parses no pattern. A broken rule fails the build
//! with `rules/<field>/<file>: rule "<id>": <reason>`.

use jikenbo_pattern::{alternation_source, wire};
use jikenbo_rules::{fixed, validate, Field, KnownIds, RuleSpec, ScopeId};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxRow {
    id: String,
    #[serde(default)]
    tier: Option<u8>,
    #[serde(default)]
    intentional: Option<bool>,
    #[serde(default)]
    hacking: bool,
    #[serde(default)]
    neutral: bool,
    #[serde(default)]
    personal: Option<bool>,
    #[serde(default)]
    subsumes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Taxonomy {
    attack_types: Vec<TaxRow>,
    data_categories: Vec<TaxRow>,
    reported_to: Vec<TaxRow>,
}

impl Taxonomy {
    fn rows(&self, field: Field) -> &[TaxRow] {
        match field {
            Field::Attack => &self.attack_types,
            Field::Data => &self.data_categories,
            Field::Reported => &self.reported_to,
            _ => &[],
        }
    }
}

struct Known<'a>(&'a Taxonomy);

impl KnownIds for Known<'_> {
    fn known(&self, field: &str, id: &str) -> bool {
        Field::parse(field).is_some_and(|f| self.0.rows(f).iter().any(|r| r.id == id))
    }
}

fn fail(msg: String) -> ! {
    // cargo shows build-script stderr on failure; keep it to one line per problem.
    eprintln!("error: {}", msg);
    panic!("{}", msg);
}

fn lit(s: &str) -> String {
    format!("{:?}", s)
}

fn sopt(s: &Option<String>) -> String {
    match s {
        Some(v) => format!("Some({})", lit(v)),
        None => "None".into(),
    }
}

fn fnv(hash: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *hash ^= u64::from(*b);
        *hash = hash.wrapping_mul(0x100000001b3);
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rules_dir = root.join("rules");
    println!("cargo:rerun-if-changed=rules");

    let tax_path = rules_dir.join("taxonomy.toml");
    let tax_text = std::fs::read_to_string(&tax_path).unwrap_or_else(|e| fail(format!("rules/taxonomy.toml: {}", e)));
    let tax: Taxonomy = toml::from_str(&tax_text).unwrap_or_else(|e| fail(format!("rules/taxonomy.toml: {}", e)));
    let mut hash: u64 = 0xcbf29ce484222325;
    fnv(&mut hash, tax_text.as_bytes());

    let mut specs: Vec<(String, RuleSpec)> = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for &kind in Field::ALL {
        let field = kind.as_str();
        let dir = rules_dir.join(field);
        let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
            Err(e) => fail(format!("rules/{}: {}", field, e)),
        };
        files.sort();
        for path in files {
            let rel = format!("rules/{}/{}", field, path.file_name().unwrap().to_string_lossy());
            if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                fail(format!("{}: not a .toml rule file", rel));
            }
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(format!("{}: {}", rel, e)));
            fnv(&mut hash, rel.as_bytes());
            fnv(&mut hash, text.as_bytes());
            let mut rule: RuleSpec =
                toml::from_str(&text).unwrap_or_else(|e| fail(format!("{}: {}", rel, e.to_string().replace('\n', " "))));
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            if rule.id != stem {
                fail(format!("{}: rule {:?}: id must equal the file name {:?}", rel, rule.id, stem));
            }
            match &rule.field {
                Some(f) if f != field => fail(format!("{}: rule {:?}: field {:?} but the file is in rules/{}", rel, rule.id, f, field)),
                _ => rule.field = Some(field.to_string()),
            }
            if kind.is_tag_field() && rule.tag.is_some() {
                fail(format!("{}: rule {:?}: built-in tag rules take their tag from the file name; drop `tag`", rel, rule.id));
            }
            if let Err(e) = validate(&rule, &Known(&tax)) {
                fail(format!("{}: {}", rel, e));
            }
            if kind.is_tag_field() && rule.label.is_none() {
                fail(format!("{}: rule {:?}: built-in tag rules need label = {{ ja = \"…\", en = \"…\" }}", rel, rule.id));
            }
            let key = format!("{}/{}", field, rule.id);
            if let Some(prev) = seen.insert(key.clone(), rel.clone()) {
                fail(format!("{}: rule {:?}: duplicate of {}", rel, rule.id, prev));
            }
            specs.push((rel, rule));
        }
    }
    // Every taxonomy id has its rule file.
    for kind in [Field::Attack, Field::Data, Field::Reported] {
        let field = kind.as_str();
        for r in tax.rows(kind) {
            if !seen.contains_key(&format!("{}/{}", field, r.id)) {
                fail(format!("rules/{}/{}.toml: missing: taxonomy.toml lists {:?} but it has no rule file", field, r.id, r.id));
            }
            if kind == Field::Data && !matches!(r.tier, Some(1..=3)) {
                fail(format!("rules/taxonomy.toml: data category {:?} needs tier 1, 2 or 3", r.id));
            }
            if kind == Field::Attack && r.intentional.is_none() {
                fail(format!("rules/taxonomy.toml: attack type {:?} needs intentional = true/false", r.id));
            }
        }
    }

    let mut tables = String::new();
    tables.push_str("// Generated by build.rs from rules/ — do not edit.\n");
    tables.push_str("pub(crate) static TAXONOMY: &[TaxRow] = &[\n");
    for kind in [Field::Attack, Field::Data, Field::Reported] {
        for r in tax.rows(kind) {
            let rule = &specs.iter().find(|(_, s)| s.field() == kind.as_str() && s.id == r.id).unwrap().1;
            let label = rule.label.as_ref().unwrap();
            let _ = writeln!(
                tables,
                "    TaxRow {{ field: Field::{:?}, id: {}, ja: {}, en: {}, tier: {}, intentional: {}, hacking: {}, neutral: {}, personal: {}, subsumes: &[{}], attack: {}, veris: {} }},",
                kind,
                lit(&r.id),
                lit(&label.ja),
                lit(&label.en),
                r.tier.unwrap_or(0),
                r.intentional.unwrap_or(false),
                r.hacking,
                r.neutral,
                r.personal.unwrap_or(kind == Field::Data),
                r.subsumes.iter().map(|x| lit(x)).collect::<Vec<_>>().join(", "),
                sopt(&rule.attack),
                sopt(&rule.veris),
            );
        }
    }
    tables.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("taxonomy_table.rs"), tables).unwrap();

    let mut out = String::new();
    out.push_str("// Generated by build.rs from rules/ — do not edit.\n");
    let _ = writeln!(out, "pub(crate) const RULESET_FINGERPRINT: &str = \"{:016x}\";", hash);
    let _ = writeln!(out, "pub(crate) const RULE_COUNT: usize = {};", specs.len());
    // The rules as static data (`&'static str` tables); builtin.rs turns
    // them into `RuleSpec`s with one small loop. Generating code that builds
    // every String in place cost about 60 KB of wasm.
    out.push_str("/// The built-in rules, as validated by build.rs.\npub(crate) static BUILTIN: &[RuleDef] = &[\n");
    for (rel, s) in &specs {
        let _ = writeln!(out, "    // {}", rel);
        let _ = writeln!(
            out,
            "    RuleDef {{ id: {}, field: Field::{:?}, tag: {}, label: {}, attack: {}, veris: {}, cues: &[",
            lit(&s.id),
            s.field_kind().expect("validated"),
            sopt(&s.tag),
            s.label.as_ref().map(|l| format!("Some(({}, {}))", lit(&l.ja), lit(&l.en))).unwrap_or("None".into()),
            sopt(&s.attack),
            sopt(&s.veris),
        );
        for c in &s.cues {
            let _ = writeln!(
                out,
                "        CueDef {{ name: {}, pattern: {}, weight: {}, near: {}, not_near: {}, ignore: &[{}] }},",
                sopt(&c.name),
                lit(&c.pattern),
                c.weight.map(|w| format!("Some({:?})", w)).unwrap_or("None".into()),
                sopt(&c.near),
                sopt(&c.not_near),
                c.ignore.iter().map(|x| lit(x)).collect::<Vec<_>>().join(", "),
            );
        }
        // Examples are test data: tests/rules.rs reads them from the files,
        // so they do not weigh on the .wasm.
        out.push_str("    ] },\n");
    }
    out.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("builtin_rules.rs"), out).unwrap();
    write_compiled(&specs);
}

/// `$OUT_DIR/compiled.bin`: every built-in pattern compiled ahead of time
/// (`jikenbo_pattern::wire::encode`), so that the library parses no pattern
/// when it starts: the cues, their `near`/`not_near`, the alternations the
/// scan stage builds from the negation and clause-break rules, and the
/// patterns of `jikenbo_rules::fixed`.
fn write_compiled(specs: &[(String, RuleSpec)]) {
    let mut patterns: Vec<String> = Vec::new();
    for (_, r) in specs {
        for c in &r.cues {
            patterns.push(c.pattern.clone());
            patterns.extend(c.near.clone());
            patterns.extend(c.not_near.clone());
        }
    }
    for id in [ScopeId::Negation, ScopeId::AntiNegation, ScopeId::ClauseBreak, ScopeId::Undecided] {
        let parts = specs
            .iter()
            .filter(|(_, r)| r.field_kind() == Some(Field::Scope) && r.tag() == id.as_str())
            .flat_map(|(_, r)| r.cues.iter().map(|c| c.pattern.as_str()));
        patterns.push(alternation_source(parts));
    }
    patterns.extend(fixed::org());
    patterns.extend(fixed::count());
    patterns.sort();
    patterns.dedup();
    let entries: Vec<Vec<u8>> = patterns
        .iter()
        .map(|p| {
            check_builtin(p);
            let mut entry = Vec::new();
            wire::encode(p, &mut entry).unwrap_or_else(|e| fail(format!("pattern {:?}: {}", p, e)));
            entry
        })
        .collect();
    let blob = wire::blob(&entries);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("compiled.bin");
    std::fs::write(&dest, blob).unwrap();
}

/// What the matcher's bounds rely on for every built-in pattern (see
/// `src/pattern/exec/`): a bounded longest match (the organisation
/// patterns search the whole text, which the memo can only do in a ring of
/// positions), no empty match (a session's memo outlives a match only
/// then), and a ring that fits the memo budget.
fn check_builtin(p: &str) {
    let prog = jikenbo_pattern::Prog::new(p).unwrap_or_else(|e| fail(format!("pattern {:?}: {}", p, e)));
    let Some(max) = prog.max_len() else {
        fail(format!("built-in pattern {:?} has no bounded longest match: write every repetition with a bound ({{0,8}}, not * or +)", p))
    };
    if prog.matches_empty() {
        fail(format!("built-in pattern {:?} can match the empty string", p));
    }
    let bits = prog.memo_bits(usize::MAX - 1);
    if bits > jikenbo_pattern::MAX_MEMO_BITS {
        fail(format!("built-in pattern {:?}: its memo ring takes {} bits, more than MAX_MEMO_BITS = {}", p, bits, jikenbo_pattern::MAX_MEMO_BITS));
    }
    let _ = max;
}
