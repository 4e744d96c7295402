//! Property tests: for any string, `classify` returns Ok, every evidence span
//! obeys the offset contract of spec/output.md (UTF-16 code units of the
//! input as given, `0 <= start < end <= len`, never inside a surrogate pair)
//! and the report is deterministic.
//!
//! Cases per property: 256 by default; set `JIKENBO_PROPTEST_CASES` to run
//! more (e.g. `JIKENBO_PROPTEST_CASES=20000 cargo test --release --test props`).

use proptest::prelude::*;
use proptest::test_runner::Config;
use std::path::Path;

/// Every `Evidence` of a report, wherever it sits: found by shape
/// (`start`, `end`, `rule`) in the serialised report, so evidence added to
/// new fields later is checked too.
fn evidence(report: &jikenbo::Report) -> Vec<(u64, u64, String)> {
    fn walk(v: &serde_json::Value, out: &mut Vec<(u64, u64, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e), Some(r)) = (m.get("start"), m.get("end"), m.get("rule")) {
                    out.push((
                        s.as_u64().expect("start is a non-negative integer"),
                        e.as_u64().expect("end is a non-negative integer"),
                        r.as_str().expect("rule is a string").to_string(),
                    ));
                }
                m.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(report).expect("reports serialise"), &mut out);
    out
}

/// Checks the offset contract on every span; returns a description of the
/// first violation.
fn contract(text: &str, report: &jikenbo::Report) -> Result<(), String> {
    let u: Vec<u16> = text.encode_utf16().collect();
    let low = |x: u16| (0xDC00..0xE000).contains(&x);
    for (s, e, rule) in evidence(report) {
        let (s, e) = (s as usize, e as usize);
        if !(s < e && e <= u.len()) {
            return Err(format!("{}: span {}..{} not within 0..{} or empty", rule, s, e, u.len()));
        }
        if low(u[s]) {
            return Err(format!("{}: span {}..{} starts inside a surrogate pair", rule, s, e));
        }
        if e < u.len() && low(u[e]) {
            return Err(format!("{}: span {}..{} ends inside a surrogate pair", rule, s, e));
        }
    }
    Ok(())
}

/// classify → Ok, contract, determinism. Shared by every property.
fn check(text: &str) -> Result<(), TestCaseError> {
    let a = jikenbo::classify(text).map_err(|e| TestCaseError::fail(format!("classify failed: {}", e)))?;
    contract(text, &a).map_err(|m| TestCaseError::fail(format!("{} in {:?}", m, text)))?;
    let b = jikenbo::classify(text).unwrap();
    prop_assert_eq!(&a, &b, "two runs on the same text differ");
    Ok(())
}

fn cases() -> u32 {
    std::env::var("JIKENBO_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

fn config() -> Config {
    Config { cases: cases(), failure_persistence: None, ..Config::default() }
}

/// Long inputs cost more per case: an eighth of the cases.
fn long_config() -> Config {
    Config { cases: (cases() / 8).max(1), failure_persistence: None, ..Config::default() }
}

fn range(a: u32, b: u32) -> BoxedStrategy<String> {
    (a..=b).prop_filter_map("not a scalar value", |c| char::from_u32(c).map(String::from)).boxed()
}

/// Words that make cues, scope filters, counts and organisation names fire
/// (written for these tests), so random mixes reach the decision layer.
const WORDS: &[&str] = &[
    "ランサムウェア", "ﾗﾝｻﾑｳｪｱ", "漏えいした可能性", "流出しました", "不正アクセス", "感染",
    "暗号化され", "氏名", "住所", "電話番号", "メールアドレス", "クレジットカード番号", "約",
    "1,200名", "１２００件", "三千人", "計", "うち", "株式会社", "㈱", "市", "本市", "当社",
    "は含まれておりません", "ご注意ください", "万一", "場合", "お問い合わせ先", "警察", "個人情報保護委員会",
    "以下のとおりです。", "・", "■", "①", "(1)", "。", "、", ":", "\n", "\r\n", "\r", " ", "\u{3000}",
    "\t", "ｶﾞ", "ﾊﾟ", "ｳﾞ", "か\u{3099}", "⼈", "⽒名", "𠮷野家", "😀", "\u{FFFD}", "\u{200B}",
    "\u{FEFF}", "葛\u{E0100}", "\u{FE0F}", "\0", "\u{7F}", "\u{85}", "\u{2028}", "ー", "〜", "－",
];

/// One piece of a Japanese-heavy text.
fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(String::from),
        2 => range(0x3041, 0x3096),   // hiragana
        2 => range(0x30A1, 0x30FC),   // katakana
        2 => range(0x4E00, 0x9FFF),   // kanji
        1 => range(0xFF01, 0xFF5E),   // full-width ASCII
        2 => range(0xFF61, 0xFF9F),   // half-width katakana incl. ﾞﾟ
        1 => range(0x2F00, 0x2FD5),   // Kangxi radicals
        1 => range(0x2E80, 0x2EF3),   // CJK radicals supplement
        1 => range(0xF900, 0xFAFF),   // CJK compatibility ideographs
        1 => range(0x2460, 0x24FF),   // circled / parenthesised digits
        1 => range(0x2776, 0x2793),
        1 => range(0x3200, 0x33FF),   // enclosed CJK, squared words
        1 => range(0x1F300, 0x1FAFF), // emoji (astral)
        1 => range(0x20000, 0x2A6DF), // CJK extension B (astral)
        1 => range(0x0, 0x1F),        // C0 controls, NUL
        1 => range(0x80, 0x9F),       // C1 controls
        1 => range(0x300, 0x36F),     // combining marks
        1 => range(0x2000, 0x206F),   // spaces, dashes, format chars
        1 => range(0xFE00, 0xFE0F),   // variation selectors
        1 => range(0x20, 0x7E),       // ASCII
        1 => any::<char>().prop_map(String::from),
        // a long run of one piece
        1 => (proptest::sample::select(WORDS), 1usize..100).prop_map(|(w, n)| w.repeat(n)),
    ]
    .boxed()
}

fn japanese_mix() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_unicode(s in any::<String>()) {
        check(&s)?;
    }

    #[test]
    fn japanese_heavy_mix(s in japanese_mix()) {
        check(&s)?;
    }

    /// Lone surrogates from JS arrive as U+FFFD (UTF-16 → UTF-8 lossy).
    #[test]
    fn js_strings_with_lone_surrogates(units in proptest::collection::vec(
        prop_oneof![
            3 => 0x3041u16..0x30FF,
            1 => 0xD800u16..0xDC00,
            1 => 0xDC00u16..0xE000,
            1 => 0u16..0x80,
        ], 0..200)
    ) {
        let s = String::from_utf16_lossy(&units);
        check(&s)?;
    }

    /// Classifying a prefix never fails either: cut the mix at any char.
    #[test]
    fn prefixes(s in japanese_mix(), cut in any::<proptest::sample::Index>()) {
        let ends: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        check(&s[..ends[cut.index(ends.len())]])?;
    }
}

proptest! {
    #![proptest_config(long_config())]

    /// Long runs of one character, and of one piece with breaks.
    #[test]
    fn long_runs(c in any::<char>(), n in 1usize..5_000, w in proptest::sample::select(WORDS), m in 1usize..100) {
        check(&c.to_string().repeat(n))?;
        check(&format!("{}。\n", w).repeat(m))?;
    }
}

/// 100 000 repeats of one cue: Ok, contract, deterministic (FUZZING.md,
/// "Findings", has the history of how long these took).
fn repeated_cue(cue: &str) {
    let text = cue.repeat(100_000);
    let a = jikenbo::classify(&text).expect("a 100 000-fold cue is under the size limit");
    contract(&text, &a).unwrap();
    assert!(!evidence(&a).is_empty(), "a 100 000-fold {:?} yields no evidence at all", cue);
    assert_eq!(a, jikenbo::classify(&text).unwrap(), "a 100 000-fold {:?} is not deterministic", cue);
}

#[test]
fn hundred_thousand_ransomware() {
    repeated_cue("ランサムウェア");
}

#[test]
fn hundred_thousand_possible_leak() {
    repeated_cue("漏えいした可能性");
}

#[test]
fn many_sentences() {
    let text = "ランサムウェアに感染し、氏名が漏えいした可能性があります。\n".repeat(2_000);
    let a = jikenbo::classify(&text).unwrap();
    contract(&text, &a).unwrap();
    assert!(a.attack_types.iter().any(|t| t.id == "ransomware"));
}

/// Every notice of ../shared/corpus (when present): Ok, contract,
/// deterministic, and each span's text is a real slice of the notice.
#[test]
fn shared_corpus_obeys_the_contract() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() {
        eprintln!("note: {} not found; skipping the corpus contract check", root.display());
        return;
    }
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(!files.is_empty(), "corpus directory has no .txt notices");
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {}", f.display(), e));
        let a = jikenbo::classify(&text).unwrap_or_else(|e| panic!("{}: {}", f.display(), e));
        if let Err(m) = contract(&text, &a) {
            panic!("{}: {}", f.display(), m);
        }
        let u: Vec<u16> = text.encode_utf16().collect();
        for (s, e, rule) in evidence(&a) {
            let slice = String::from_utf16(&u[s as usize..e as usize])
                .unwrap_or_else(|_| panic!("{}: {} span {}..{} is not valid UTF-16", f.display(), rule, s, e));
            assert!(!slice.is_empty());
        }
        assert_eq!(a, jikenbo::classify(&text).unwrap(), "{}: not deterministic", f.display());
    }
    eprintln!("checked {} corpus notices", files.len());
}
