//! Accuracy on the shared corpus (../shared/corpus), scored the way
//! ../shared/tools/score.py scores it, against the floors of the classifier
//! issue. When ../shared is absent the test prints a note and passes: the
//! corpus is not part of this repository.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Floors for corpus/dev and corpus/train (issue "Read notices it has
/// never seen"): each folder on its own.
const FLOORS: &[(&str, f64)] = &[
    ("attack_types", 0.95),
    ("data_categories", 0.93),
    ("leak_status", 0.92),
    ("affected_count", 0.93),
    ("severity", 0.92),
    ("ppc_report_required", 0.93),
    ("public_body", 0.95),
];

fn corpus(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(name);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("note: {} not found; skipping the corpus scores (the corpus is not part of this repository)", dir.display());
        None
    }
}

struct Item {
    id: String,
    gold: Value,
    report: Value,
}

fn load(dir: &Path) -> Vec<Item> {
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter_map(|n| n.strip_suffix(".json").map(String::from))
        .collect();
    ids.sort();
    ids.into_iter()
        .map(|id| {
            let gold: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{}.json", id))).unwrap()).unwrap();
            let text = std::fs::read_to_string(dir.join(format!("{}.txt", id))).unwrap();
            let report = serde_json::to_value(jikenbo::classify(&text).unwrap()).unwrap();
            Item { id, gold, report }
        })
        .collect()
}

fn gold_set(v: &Value, key: &str) -> BTreeSet<String> {
    v[key].as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect()).unwrap_or_default()
}

fn report_set(v: &Value, key: &str) -> BTreeSet<String> {
    v[key].as_array().map(|a| a.iter().filter_map(|t| t["id"].as_str().map(String::from)).collect()).unwrap_or_default()
}

/// The report's answer for one exact-match field, in the gold label's form.
fn flat(report: &Value, key: &str) -> Value {
    match key {
        "leak_status" => report["leakStatus"]["value"].clone(),
        "affected_count" => report["affectedCount"]["value"].clone(),
        "severity" => report["severity"]["level"].clone(),
        "operational" => report["severity"]["operational"].clone(),
        "ppc_report_required" => report["ppcReport"]["required"].clone(),
        "public_body" => report["organization"]["publicBody"].clone(),
        _ => unreachable!(),
    }
}

/// Micro-averaged F1 of a set field, as score.py computes it.
fn f1(items: &[Item], gold_key: &str, report_key: &str) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for it in items {
        let g = gold_set(&it.gold, gold_key);
        let p = report_set(&it.report, report_key);
        tp += g.intersection(&p).count();
        fp += p.difference(&g).count();
        fn_ += g.difference(&p).count();
    }
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 1.0 };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 1.0 };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn accuracy(items: &[Item], key: &str) -> f64 {
    items.iter().filter(|it| it.gold[key] == flat(&it.report, key)).count() as f64 / items.len() as f64
}

fn errors(items: &[Item]) -> Vec<String> {
    let mut out = Vec::new();
    for it in items {
        for (g, r) in [("attack_types", "attackTypes"), ("data_categories", "dataCategories"), ("reported_to", "reportedTo")] {
            let (gs, ps) = (gold_set(&it.gold, g), report_set(&it.report, r));
            if gs != ps {
                out.push(format!("{} {}: gold {:?} got {:?}", it.id, g, gs, ps));
            }
        }
        for k in ["leak_status", "affected_count", "severity", "operational", "ppc_report_required", "public_body"] {
            if it.gold[k] != flat(&it.report, k) {
                out.push(format!("{} {}: gold {} got {}", it.id, k, it.gold[k], flat(&it.report, k)));
            }
        }
    }
    out
}

#[test]
fn dev_corpus_meets_the_floors() {
    meets_the_floors("dev", 40);
}

#[test]
fn train_corpus_meets_the_floors() {
    meets_the_floors("train", 100);
}

/// The sets under tests/unseen/: notices written for this project by
/// engineers who had not read the rules, each scored once before any rule
/// was changed for it (the README gives those first figures). Always
/// present, so the floors hold here even where ../shared is absent.
#[test]
fn project_unseen_sets_meet_the_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unseen");
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&root).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    sets.sort();
    assert!(!sets.is_empty(), "no set under {}", root.display());
    for dir in sets {
        floors_hold(&dir, 20);
    }
}

fn meets_the_floors(name: &str, at_least: usize) {
    let Some(dir) = corpus(name) else { return };
    floors_hold(&dir, at_least);
}

fn floors_hold(dir: &Path, at_least: usize) {
    let name = dir.display();
    let items = load(dir);
    assert!(items.len() >= at_least, "expected the {} corpus, found {} notices", name, items.len());
    println!("{} ({} notices)", name, items.len());
    let mut below = Vec::new();
    for &(field, floor) in FLOORS {
        let score = match field {
            "attack_types" => f1(&items, "attack_types", "attackTypes"),
            "data_categories" => f1(&items, "data_categories", "dataCategories"),
            _ => accuracy(&items, field),
        };
        println!("{:22} {:.4} (floor {:.2})", field, score, floor);
        if score < floor {
            below.push(format!("{} {:.4} < {:.2}", field, score, floor));
        }
    }
    println!("{:22} {:.4}", "reported_to", f1(&items, "reported_to", "reportedTo"));
    assert!(below.is_empty(), "below the floor: {}\nerrors:\n{}", below.join(", "), errors(&items).join("\n"));
}

#[test]
fn seed_notices_have_right_attacks_severity_and_count() {
    let Some(dir) = corpus("seed") else { return };
    let items = load(&dir);
    let mut wrong = Vec::new();
    for it in &items {
        let g = gold_set(&it.gold, "attack_types");
        let p = report_set(&it.report, "attackTypes");
        if g != p {
            wrong.push(format!("{} attack_types: gold {:?} got {:?}", it.id, g, p));
        }
        for k in ["severity", "affected_count"] {
            if it.gold[k] != flat(&it.report, k) {
                wrong.push(format!("{} {}: gold {} got {}", it.id, k, it.gold[k], flat(&it.report, k)));
            }
        }
    }
    println!("{} seed notices checked", items.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
