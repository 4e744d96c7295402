//! Every rule's own examples, run through the whole classifier: each `match`
//! text must get the rule's tag (or value), each `no_match` text must not.
//! The examples live next to the cues in `rules/<field>/<id>.toml`.

use jikenbo::{Classifier, CueSpec, Field, RuleSpec};
use std::path::Path;

fn load_rules() -> Vec<(String, RuleSpec)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut out = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&root).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for dir in dirs {
        let field = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let mut rule: RuleSpec = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {}", f.display(), e));
            rule.field = Some(field.clone());
            out.push((format!("rules/{}/{}", field, f.file_name().unwrap().to_string_lossy()), rule));
        }
    }
    out
}

#[test]
fn every_rule_passes_its_own_examples() {
    let rules = load_rules();
    assert!(rules.len() >= 60, "expected the whole rule set, found {} files", rules.len());
    let classifier = Classifier::builtin();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (path, rule) in &rules {
        assert!(!rule.matches.is_empty() && !rule.no_match.is_empty(), "{}: needs match and no_match examples", path);
        for (want, texts) in [(true, &rule.matches), (false, &rule.no_match)] {
            for text in texts {
                checked += 1;
                let got = classifier.fires(rule, text).unwrap();
                if got != want {
                    failures.push(format!(
                        "{}: {} example {:?}\n{}",
                        path,
                        if want { "match" } else { "no_match" },
                        text,
                        jikenbo::explain(text)
                    ));
                }
            }
        }
    }
    println!("{} examples checked in {} rule files", checked, rules.len());
    assert!(failures.is_empty(), "{} of {} examples fail:\n\n{}", failures.len(), checked, failures.join("\n"));
}

/// A custom pack goes through the same example check as the built-in
/// rules, and its cues add to the built-in ones.
#[test]
fn custom_rule_adds_cues_and_checks_its_examples() {
    let rule = |id: &str, no_match: &str| {
        let cue = CueSpec { name: Some("family".into()), not_near: Some("対策".into()), ..CueSpec::new("クリプトロッカー") };
        RuleSpec::new(id, Field::Attack, "ransomware", vec![cue], &["サーバーがクリプトロッカーに感染しました。"], &[no_match])
    };
    let text = "サーバーがクリプトロッカーに感染しました。";
    assert!(jikenbo::classify(text).unwrap().attack_types.iter().all(|t| t.id != "ransomware"), "built-ins should not know this family");
    let c = Classifier::with_rules(vec![rule("my-ransomware", "クリプトロッカー対策を導入しました。")]).expect("a valid pack");
    let r = c.classify(text).unwrap();
    let tag = r.attack_types.iter().find(|t| t.id == "ransomware").expect("tagged by the custom cue");
    assert_eq!(tag.evidence[0].rule, "attack_types/my-ransomware#family");
    // an example that contradicts the rule is reported with the rule's id
    let err = Classifier::with_rules(vec![rule("broken", "クリプトロッカーに感染しました。")]).unwrap_err().to_string();
    assert!(err.contains("\"broken\"") && err.contains("no_match"), "{}", err);
}
