//! Custom rule packs → `Classifier::with_rules`: must return Ok or Err, never
//! panic, never hang. Two ways in, picked by the first byte:
//! - even: the rest is text, read as a TOML pack (`[[rules]]`) or a JSON
//!   array of rules, the way a user would write one;
//! - odd: `arbitrary` builds the `RuleSpec` values directly, from fragments
//!   likely to pass validation (known fields and ids, Japanese cue words,
//!   regex pieces) mixed with raw strings.
//! When a pack is accepted, its examples are classified with it and the
//! offset contract is checked on every evidence span.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use jikenbo::{Classifier, CueSpec, Evidence, Report, RuleSpec};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

#[derive(Deserialize)]
struct Pack {
    rules: Vec<RuleSpec>,
}

const FIELDS: &[&str] = &[
    "attack_types",
    "data_categories",
    "reported_to",
    "leak_status",
    "operational",
    "organization",
    "scope",
    "",
    "attackTypes",
];

const FIXED: &[(&str, &[&str])] = &[
    ("leak_status", &["confirmed", "possible", "none", "unknown"]),
    ("operational", &["critical", "high", "medium"]),
    ("organization", &["public_body", "corporation", "name"]),
    (
        "scope",
        &["negation", "anti_negation", "advice", "hypothetical", "contact", "data_context", "clause_break", "recovered"],
    ),
];

const WORDS: &[&str] = &[
    "ランサムウェア", "漏えい", "流出", "可能性", "不正アクセス", "氏名", "住所", "メールアドレス",
    "クレジットカード", "件", "名", "約", "1,200", "万", "市", "株式会社", "当社", "本市", "感染",
    "暗号化", "確認されておりません", "ご注意ください", "万一", "場合", "お問い合わせ", "。", "、",
    "\n", " ", "ｱｸｾｽ", "ﾗﾝｻﾑ", "⼈", "①", "𠮷", "\u{FFFD}", "\0", "\r\n", "a", "Z",
];

const PIECES: &[&str] = &[
    "ランサム", "漏えい", "流出", "氏名", "件", "名", "(?:", ")", "|", "[^。]{0,15}", "\\d+", ".",
    "*", "+", "?", "{2,}", "{1000}", "\\b", "^", "$", "(?m)", "(?i)", "\\p{Han}", "[ぁ-ん]", "\\s",
    "(", "[", "]", "\\", "a", "Z", "\\x{41}", "\\p{Lu}", "(?-u:\\xff)", "\\B", "(?s).", "x{0}",
];

fn pick<'a>(u: &mut Unstructured, from: &[&'a str]) -> arbitrary::Result<&'a str> {
    Ok(from[u.choose_index(from.len())?])
}

/// A string built from `parts`, sometimes with a raw arbitrary string in it.
fn build(u: &mut Unstructured, parts: &[&str], max: usize) -> arbitrary::Result<String> {
    let n = u.int_in_range(0..=max)?;
    let mut s = String::new();
    for _ in 0..n {
        if u.ratio(1, 8)? {
            s.push_str(<&str>::arbitrary(u)?);
        } else {
            s.push_str(pick(u, parts)?);
        }
    }
    Ok(s)
}

fn tag_for(u: &mut Unstructured, field: &str, known: &[(String, String)]) -> arbitrary::Result<Option<String>> {
    if u.ratio(1, 16)? {
        return Ok(Some(String::arbitrary(u)?));
    }
    if let Some((_, ids)) = FIXED.iter().find(|(f, _)| *f == field) {
        return Ok(Some(pick(u, ids)?.to_string()));
    }
    let ids: Vec<&str> = known.iter().filter(|(f, _)| f == field).map(|(_, i)| i.as_str()).collect();
    if ids.is_empty() {
        return Ok(None);
    }
    Ok(Some(pick(u, &ids)?.to_string()))
}

fn cue(u: &mut Unstructured) -> arbitrary::Result<CueSpec> {
    let opt = |u: &mut Unstructured, max| -> arbitrary::Result<Option<String>> {
        Ok(if u.ratio(1, 4)? { Some(build(u, PIECES, max)?) } else { None })
    };
    Ok(CueSpec {
        name: if u.ratio(1, 3)? { Some(pick(u, &["name", "w", "x", "name-1", "Bad Name", ""])?.to_string()) } else { None },
        pattern: build(u, PIECES, 6)?,
        weight: if u.ratio(1, 4)? { Some(f64::arbitrary(u)?) } else { None },
        near: opt(u, 3)?,
        not_near: opt(u, 3)?,
        ignore: (0..u.int_in_range(0..=2)?)
            .map(|_| pick(u, &["negation", "advice", "hypothetical", "contact", "context", "bogus"]).map(String::from))
            .collect::<arbitrary::Result<_>>()?,
    })
}

fn rule(u: &mut Unstructured, i: usize, known: &[(String, String)]) -> arbitrary::Result<RuleSpec> {
    let field = pick(u, FIELDS)?.to_string();
    let id = if u.ratio(1, 8)? {
        // collide with a built-in or another rule, or be malformed
        pick(u, &["ransomware", "fz0", "", "Upper", "a b"])?.to_string()
    } else {
        format!("fz{}", i)
    };
    let tag = tag_for(u, &field, known)?;
    let ncues = if u.ratio(1, 64)? { 201 } else { u.int_in_range(0..=3)? };
    let cues = (0..ncues).map(|_| cue(u)).collect::<arbitrary::Result<_>>()?;
    let examples = |u: &mut Unstructured| -> arbitrary::Result<Vec<String>> {
        (0..u.int_in_range(0..=2)?).map(|_| build(u, WORDS, 8)).collect()
    };
    Ok(RuleSpec {
        id,
        field: if field.is_empty() { None } else { Some(field) },
        tag,
        label: None,
        attack: None,
        veris: None,
        description: None,
        cues,
        matches: examples(u)?,
        no_match: examples(u)?,
    })
}

fn known_ids() -> Vec<(String, String)> {
    jikenbo::taxonomy()
        .into_iter()
        .map(|e| {
            let field = match e.field {
                "attackTypes" => "attack_types",
                "dataCategories" => "data_categories",
                "reportedTo" => "reported_to",
                f => f,
            };
            (field.to_string(), e.id.to_string())
        })
        .collect()
}

fn spans(r: &Report) -> Vec<&Evidence> {
    let mut v: Vec<&Evidence> = Vec::new();
    for t in r.attack_types.iter().chain(&r.reported_to) {
        v.extend(&t.evidence);
    }
    for d in &r.data_categories {
        v.extend(&d.tag.evidence);
    }
    v.extend(&r.leak_status.evidence);
    v.extend(&r.affected_count.evidence);
    v.extend(&r.organization.evidence);
    v
}

fn check(text: &str, report: &Report) {
    let u: Vec<u16> = text.encode_utf16().collect();
    let is_low = |x: u16| (0xDC00..0xE000).contains(&x);
    for e in spans(report) {
        let (s, t) = (e.start as usize, e.end as usize);
        assert!(s < t && t <= u.len(), "span {}..{} ({}) out of 0..{} for {:?}", s, t, e.rule, u.len(), text);
        assert!(!is_low(u[s]) && (t == u.len() || !is_low(u[t])), "span {}..{} ({}) splits a surrogate pair", s, t, e.rule);
    }
}

fn run(rules: Vec<RuleSpec>) {
    let examples: Vec<String> = rules.iter().flat_map(|r| r.matches.iter().chain(&r.no_match).cloned()).collect();
    if let Ok(c) = Classifier::with_rules(rules) {
        for text in &examples {
            let report = c.classify(text).expect("examples are small");
            check(text, &report);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    if mode % 2 == 0 {
        let text = String::from_utf8_lossy(rest);
        if let Ok(pack) = toml::from_str::<Pack>(&text) {
            run(pack.rules);
        } else if let Ok(rule) = toml::from_str::<RuleSpec>(&text) {
            run(vec![rule]);
        } else if let Ok(rules) = serde_json::from_slice::<Vec<RuleSpec>>(rest) {
            run(rules);
        }
    } else {
        static KNOWN: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
        let known = KNOWN.get_or_init(known_ids);
        let mut u = Unstructured::new(rest);
        let n = u.int_in_range(0..=3).unwrap_or(0);
        let rules: Vec<RuleSpec> = (0..n).map_while(|i| rule(&mut u, i, known).ok()).collect();
        run(rules);
    }
});
