//! Figures: text assembled from number, unit and marker fragments (the
//! input picks them), so that the count scan (src/scan/count.rs) sees many
//! figures with their markers, in one segment and across lines. Checks the
//! offset contract, that the affected count is one of the figures' values
//! or none, determinism, and that the work on the text repeated 8 times
//! stays linear (as in `long_segment`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const PIECES: &[&str] = &[
    "1", "12", "1,200", "3万", "一", "十二", "0", "999999999999", "名", "人", "件", "社", "アカウント", "世帯", "分", "様",
    "約", "最大", "合計", "計", "延べ", "のうち", "うち", "、", "。", "\n", "(", ")", "個人情報", "お客様", "メール",
    "送信", "試行", "第", "台", "が流出しました", "に影響", "不正にログインされ", "数", "名分", " ", "・",
];

fuzz_target!(|data: &[u8]| {
    let text: String = data.iter().take(400).map(|&b| PIECES[b as usize % PIECES.len()]).collect();
    if text.is_empty() {
        return;
    }
    common::linear_work(&text, 8, |t| {
        let r = jikenbo::classify(t).expect("under the size limit");
        common::check_offsets(t, &r);
        let again = jikenbo::classify(t).unwrap();
        assert!(r == again, "not deterministic for {:?}", t);
    });
});
