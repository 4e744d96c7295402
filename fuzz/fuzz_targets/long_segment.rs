//! One long segment: the input (lossy UTF-8, sentence ends and line breaks
//! taken out) repeated into a run of up to 32 KB, classified. Checks: the
//! offset contract on every span, and the engine's work (counted, not
//! timed): the text repeated 8 times costs at most 1.5 × 8 times the work
//! of the text once, plus a constant — a search whose work grows faster
//! than the text (a quadratic memo set-up, a rescan of the segment for
//! every match) breaks it.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let unit: String = raw.chars().filter(|c| !matches!(c, '。' | '\n' | '\r' | '.' | '!' | '?' | '！' | '？')).take(4096).collect();
    if unit.is_empty() {
        return;
    }
    common::linear_work(&unit, 8, |t| {
        let r = jikenbo::classify(t).expect("under the size limit");
        common::check_offsets(t, &r);
    });
});
