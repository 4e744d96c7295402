//! Quotes a journalist can repeat: on every notice of tests/fixtures and of
//! ../shared/corpus (skipped with a note where absent), every evidence
//! object's `text` is exactly `input.slice(start, end)` (UTF-16), a cue's
//! quote does not end in punctuation or a particle the pattern only read as
//! context, no reason message names a rule, and the organisation's name is
//! spelt as the notice spells it (a slice of the input).

use jikenbo::{Evidence, Report};
use std::path::{Path, PathBuf};

fn notices() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("tests/fixtures")];
    for d in ["seed", "dev", "train"] {
        let p = root.join("../shared/corpus").join(d);
        if p.is_dir() {
            dirs.push(p);
        } else {
            println!("note: {} not found; its notices are skipped", p.display());
        }
    }
    let mut out = Vec::new();
    for d in dirs {
        let mut files: Vec<_> = std::fs::read_dir(&d).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        files.sort();
        out.extend(files.into_iter().map(|f| {
            let t = std::fs::read_to_string(&f).unwrap();
            (f, t)
        }));
    }
    assert!(out.len() >= 20, "tests/fixtures alone holds 20 notices");
    out
}

fn all_evidence(r: &Report) -> Vec<&Evidence> {
    let mut v: Vec<&Evidence> = Vec::new();
    v.extend(r.attack_types.iter().flat_map(|t| &t.evidence));
    v.extend(r.data_categories.iter().flat_map(|t| &t.tag.evidence));
    v.extend(r.reported_to.iter().flat_map(|t| &t.evidence));
    v.extend(&r.leak_status.evidence);
    v.extend(&r.affected_count.evidence);
    v.extend(&r.organization.evidence);
    v.extend(r.severity.reasons.iter().flat_map(|x| &x.evidence));
    v
}

#[test]
fn every_quote_is_the_text_it_points_at() {
    let mut checked = 0;
    for (path, text) in notices() {
        let units: Vec<u16> = text.encode_utf16().collect();
        let r = jikenbo::classify(&text).unwrap();
        for e in all_evidence(&r) {
            let want = String::from_utf16(&units[e.start as usize..e.end as usize]).unwrap();
            assert_eq!(e.text, want, "{}: {} {}..{}", path.display(), e.rule, e.start, e.end);
            assert!(!e.text.is_empty(), "{}: empty quote of {}", path.display(), e.rule);
            if e.rule != "organization/name" && e.rule != "count" {
                let last = e.text.chars().last().unwrap();
                assert!(!"、。,・及".contains(last), "{}: {} quotes {:?}", path.display(), e.rule, e.text);
            }
            checked += 1;
        }
        for reason in &r.severity.reasons {
            for m in [&reason.message.ja, &reason.message.en] {
                assert!(!m.contains('/') && !m.contains('#'), "{}: a rule id in a reason: {}", path.display(), m);
            }
        }
        if let Some(name) = &r.organization.name {
            assert!(text.contains(name.as_str()), "{}: the name {:?} is not the notice's spelling", path.display(), name);
        }
    }
    assert!(checked > 100, "{} quotes checked", checked);
}

#[test]
fn operational_severity_cites_the_outage() {
    let text = "当社の基幹システムがランサムウェアに感染し、全ての業務が停止しております。";
    let r = jikenbo::classify(text).unwrap();
    assert_ne!(r.severity.operational, jikenbo::Level::Low);
    let op = r.severity.reasons.iter().find(|x| x.code.starts_with("operational.")).unwrap();
    assert!(!op.evidence.is_empty(), "{:?}", op);
    for e in &op.evidence {
        assert!(text.contains(e.text.as_str()));
    }
}
