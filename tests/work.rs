//! The engine's work per byte of input, counted (`jikenbo::engine_work`:
//! instructions stepped, characters scanned, dispatch and trie steps, memo
//! words cleared), never timed: on the inputs that made the old matcher
//! quadratic or exponential (issue 12), the work per byte at 4 MB is within
//! 1.2× of the work per byte at 256 KB. The same rows run in wasm
//! (tests/web.rs) and are timed by `cargo bench --bench adversarial`.

use jikenbo::{Classifier, CueSpec, Field, RuleSpec};

const KB: usize = 1024;

/// A classifier with one custom cue; `yes` must match it.
fn custom(pattern: &str, yes: &str) -> Classifier {
    let rule = RuleSpec::new("adversarial", Field::Attack, "unauthorized_access", vec![CueSpec::new(pattern)], &[yes], &["。"]);
    Classifier::with_rules(vec![rule]).unwrap_or_else(|e| panic!("{}: {}", pattern, e))
}

/// The engine work per byte of `unit` repeated to about `bytes` bytes.
fn per_byte(c: &Classifier, unit: &str, bytes: usize) -> f64 {
    let text = unit.repeat(bytes / unit.len());
    let w0 = jikenbo::engine_work();
    c.classify(&text).unwrap();
    (jikenbo::engine_work() - w0) as f64 / text.len() as f64
}

fn linear(c: &Classifier, unit: &str) {
    let small = per_byte(c, unit, 256 * KB);
    let large = per_byte(c, unit, 4096 * KB);
    assert!(small > 0.0, "no engine work counted on {:?}", unit);
    assert!(large <= 1.2 * small, "{:?}: {:.2} work per byte at 4 MB, {:.2} at 256 KB", unit, large, small);
}

#[test]
fn builtin_rules_on_one_person_repeated() {
    linear(Classifier::builtin(), "1名");
}

#[test]
fn builtin_rules_on_a_repeated_notice() {
    // Written for this test, not taken from a real notice.
    let notice = "不正アクセスによる個人情報流出に関するお詫び\n株式会社サンプル商事\n\
                  当社サーバーが第三者による不正アクセスを受け、お客様の氏名、住所、電話番号 約3,200名分が流出した可能性があります。\n\
                  個人情報保護委員会および警察に報告しております。\n";
    linear(Classifier::builtin(), notice);
}

#[test]
fn custom_nested_alternation_loop() {
    // Accepted (two memo rows): linear, not exponential.
    linear(&custom("(a|aa)*b", "aab"), "a");
}

#[test]
fn custom_short_gap_on_one_long_run() {
    linear(&custom("[^。]{1,2}", "ab"), "a");
}

#[test]
fn custom_669_literal_alternation() {
    let ab669 = format!("(?:{})x", (0..669).map(|i| format!("ab{}", i)).collect::<Vec<_>>().join("|"));
    let c = custom(&ab669, "ab7x");
    linear(&c, "ab7");
    // The trie: a few steps per byte, not 669 comparisons per start.
    assert!(per_byte(&c, "ab7", 256 * KB) < 60.0);
}

#[test]
fn custom_gap_before_a_word_that_repeats() {
    linear(&custom("[^。]{1,20}ウイルス", "新種のウイルス"), "ウイルス、");
}

#[test]
fn custom_unbounded_repetitions() {
    // x*x*y-like patterns scan each run once per repetition.
    linear(&custom("a*a*b", "aab"), "a");
    linear(&custom("[^。]*?ウイルス", "新種のウイルス"), "ウイル、");
}
