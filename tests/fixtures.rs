//! Notices written for this project (tests/fixtures/*.txt, fictional
//! organisations), each with its expected labels in the corpus's flat form
//! (*.json). Unlike ../shared/corpus they are always present, so CI checks
//! the classifier end to end even where the shared corpus is absent.

use serde_json::Value;
use std::path::Path;

fn ids(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().map(String::from).unwrap_or_else(|| x["id"].as_str().unwrap().to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn fixtures_get_their_expected_labels() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter_map(|n| n.strip_suffix(".json").map(String::from))
        .collect();
    names.sort();
    assert!(names.len() >= 12, "fixtures missing: {:?}", names);
    let mut wrong = Vec::new();
    for n in &names {
        let want: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{}.json", n))).unwrap()).unwrap();
        let text = std::fs::read_to_string(dir.join(format!("{}.txt", n))).unwrap();
        let r = serde_json::to_value(jikenbo::classify(&text).unwrap()).unwrap();
        let got = [
            ("attack_types", Value::from(ids(&r["attackTypes"]))),
            ("data_categories", Value::from(ids(&r["dataCategories"]))),
            ("reported_to", Value::from(ids(&r["reportedTo"]))),
            ("leak_status", r["leakStatus"]["value"].clone()),
            ("affected_count", r["affectedCount"]["value"].clone()),
            ("operational", r["severity"]["operational"].clone()),
            ("severity", r["severity"]["level"].clone()),
            ("public_body", r["organization"]["publicBody"].clone()),
            ("ppc_report_required", r["ppcReport"]["required"].clone()),
        ];
        for (k, g) in got {
            let w = if want[k].is_array() { Value::from(ids(&want[k])) } else { want[k].clone() };
            if w != g {
                wrong.push(format!("{} {}: want {} got {}", n, k, w, g));
            }
        }
    }
    println!("{} fixtures checked", names.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
