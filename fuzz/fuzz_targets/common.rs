//! Shared by the fuzz targets that check the engine's work (included with
//! `#[path]`, not a target itself).
#![allow(dead_code)]

use jikenbo::{Evidence, Report};

pub fn spans(r: &Report) -> Vec<&Evidence> {
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

/// The offset contract of spec/output.md.
pub fn check_offsets(text: &str, report: &Report) {
    let u: Vec<u16> = text.encode_utf16().collect();
    let is_low = |x: u16| (0xDC00..0xE000).contains(&x);
    for e in spans(report) {
        let (s, t) = (e.start as usize, e.end as usize);
        assert!(s < t && t <= u.len(), "span {}..{} of {:?} out of 0..{}", s, t, e.rule, u.len());
        assert!(!is_low(u[s]) && (t == u.len() || !is_low(u[t])), "span {}..{} ({}) splits a surrogate pair", s, t, e.rule);
    }
}

/// Runs `f` on `unit` and on `unit` repeated `k` times: the engine work of
/// the second is at most 1.5 × k × the first's, plus a constant.
pub fn linear_work(unit: &str, k: usize, mut f: impl FnMut(&str)) {
    let w0 = jikenbo::engine_work();
    f(unit);
    let once = jikenbo::engine_work() - w0;
    let many = unit.repeat(k);
    let w1 = jikenbo::engine_work();
    f(&many);
    let k_times = jikenbo::engine_work() - w1;
    let bound = (once as f64 * 1.5 * k as f64) as u64 + 200_000;
    assert!(k_times <= bound, "work {} on {} repeats, {} once (bound {}): {:?}", k_times, k, once, bound, unit);
}
