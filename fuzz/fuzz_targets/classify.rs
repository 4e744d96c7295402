//! Bytes → lossy UTF-8 → `jikenbo::classify`, then the offset contract of
//! spec/output.md on every evidence span of the report.
#![no_main]

use jikenbo::{Evidence, Report};
use libfuzzer_sys::fuzz_target;

fn spans(r: &Report) -> Vec<&Evidence> {
    let mut v: Vec<&Evidence> = Vec::new();
    for t in &r.attack_types {
        v.extend(&t.evidence);
    }
    for d in &r.data_categories {
        v.extend(&d.tag.evidence);
    }
    for t in &r.reported_to {
        v.extend(&t.evidence);
    }
    v.extend(&r.leak_status.evidence);
    v.extend(&r.affected_count.evidence);
    v.extend(&r.organization.evidence);
    v
}

fn check(text: &str, report: &Report) {
    let u: Vec<u16> = text.encode_utf16().collect();
    let len = u.len();
    let is_low = |x: u16| (0xDC00..0xE000).contains(&x);
    for e in spans(report) {
        let (s, t) = (e.start as usize, e.end as usize);
        assert!(s < t && t <= len, "span {}..{} of {:?} out of 0..{} for {:?}", s, t, e.rule, len, text);
        assert!(!is_low(u[s]), "span {}..{} ({}) starts inside a surrogate pair", s, t, e.rule);
        assert!(t == len || !is_low(u[t]), "span {}..{} ({}) ends inside a surrogate pair", s, t, e.rule);
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = jikenbo::classify(&text).expect("input under the size limit classifies");
    check(&text, &report);
    // Determinism: a second run gives the same report.
    let again = jikenbo::classify(&text).unwrap();
    assert!(report == again, "classify is not deterministic for {:?}", text);
});
