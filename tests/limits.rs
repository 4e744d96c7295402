//! The stated limits, tested: input size, pattern size, pack size, cue
//! count, and linear behaviour on repeated input (checked by comparing the
//! reports on N and 2N repeats, never by timing).

use jikenbo::{Classifier, CueSpec, Error, Field, RuleSpec, MAX_INPUT_BYTES};

const CUE: &str = "ランサムウェア";

/// A valid custom rule with one cue; tests break one thing at a time.
fn rule(id: &str, pattern: &str) -> RuleSpec {
    let (yes, no) = (["VPN機器から侵入されました。"], ["VPN機器を更新しました。"]);
    RuleSpec::new(id, Field::Attack, "unauthorized_access", vec![CueSpec::new(pattern)], &yes, &no)
}

fn err(r: Result<Classifier, Error>) -> Error {
    match r {
        Ok(_) => panic!("expected the rule pack to be rejected"),
        Err(e) => e,
    }
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

#[test]
fn input_over_the_limit_is_a_clear_error() {
    let text = "a".repeat(MAX_INPUT_BYTES + 1);
    let e = jikenbo::classify(&text).expect_err("input over MAX_INPUT_BYTES must be refused");
    assert_eq!(e.code(), "input_too_large");
    assert_eq!(e.rule_id(), None);
    let msg = e.to_string();
    assert!(msg.contains(&(MAX_INPUT_BYTES + 1).to_string()), "message does not give the input size: {}", msg);
    assert!(msg.contains(&MAX_INPUT_BYTES.to_string()), "message does not give the limit: {}", msg);
    assert!(!msg.contains('\n'), "message is not one line: {}", msg);

    // Far over the limit, in multi-byte text, and through a custom classifier.
    let big = "漏".repeat(MAX_INPUT_BYTES / 3 + 1);
    let e = Classifier::builtin().classify(&big).unwrap_err();
    assert!(e.to_string().contains(&big.len().to_string()));
    let custom = Classifier::with_rules(vec![rule("vpn-intrusion", "vpn機器[^。]{0,10}侵入")]).unwrap();
    assert_eq!(custom.classify(&big).unwrap_err().code(), "input_too_large");
}

#[test]
fn input_exactly_at_the_limit_is_classified() {
    // Spaces (cheap to normalise) with a cue at the very end, so the offset
    // map is exercised at the far end of a 10 MiB input.
    let mut text = " ".repeat(MAX_INPUT_BYTES - CUE.len());
    text.push_str(CUE);
    assert_eq!(text.len(), MAX_INPUT_BYTES);
    let report = jikenbo::classify(&text).expect("input of exactly MAX_INPUT_BYTES must be accepted");
    let t = report.attack_types.iter().find(|t| t.id == "ransomware").expect("the cue at the end is found");
    let u = utf16(&text);
    let ev = &t.evidence[0];
    assert!(ev.start < ev.end && ev.end as usize <= u.len());
    assert_eq!(String::from_utf16(&u[ev.start as usize..ev.end as usize]).unwrap(), CUE);

    // One byte less than the limit, ending in a 4-byte char: also fine.
    let mut text = "\n".repeat(MAX_INPUT_BYTES - 1 - 4);
    text.push('😀');
    assert_eq!(text.len(), MAX_INPUT_BYTES - 1);
    assert!(jikenbo::classify(&text).is_ok());
}

#[test]
fn pattern_longer_than_the_limit_names_the_rule() {
    let long = "ア".repeat(2000); // 6000 bytes, over the 4096-byte limit
    let e = err(Classifier::with_rules(vec![rule("long-pattern", &long)]));
    assert_eq!(e.code(), "invalid_rule");
    assert_eq!(e.rule_id(), Some("long-pattern"));
    let msg = e.to_string();
    assert!(msg.contains("long-pattern"), "{}", msg);
    assert!(msg.contains("6000") && msg.contains("4096"), "message should give the length and the limit: {}", msg);
}

#[test]
fn pattern_compiling_over_the_size_limit_names_the_rule() {
    // Short source, huge automaton: a Unicode class repeated thousands of times.
    let e = err(Classifier::with_rules(vec![rule("huge-automaton", r"\w{5000}")]));
    assert_eq!(e.code(), "invalid_rule");
    assert_eq!(e.rule_id(), Some("huge-automaton"));
    let msg = e.to_string();
    assert!(msg.contains("huge-automaton"), "{}", msg);
    assert!(msg.contains("size limit"), "message should say the size limit was hit: {}", msg);

    // The same in a `near` condition.
    let mut r = rule("huge-near", "vpn機器[^。]{0,10}侵入");
    r.cues[0].near = Some(r"\w{5000}".into());
    let e = err(Classifier::with_rules(vec![r]));
    assert_eq!(e.rule_id(), Some("huge-near"));
    assert!(e.to_string().contains("size limit"), "{}", e);
}

#[test]
fn too_many_rules_in_a_pack() {
    let pack: Vec<RuleSpec> = (0..1001).map(|i| rule(&format!("r{}", i), "vpn機器[^。]{0,10}侵入")).collect();
    let e = err(Classifier::with_rules(pack));
    assert_eq!(e.code(), "invalid_pack");
    let msg = e.to_string();
    assert!(msg.contains("1001") && msg.contains("1000"), "message should give the count and the limit: {}", msg);
}

#[test]
fn cue_count_limit_is_exact() {
    let cue = |i: usize| CueSpec {
        name: Some(format!("c{}", i)),
        pattern: format!("vpn機器{}号[^。]{{0,10}}侵入", i),
        weight: None,
        near: None,
        not_near: None,
        ignore: vec![],
    };
    let mut at = rule("two-hundred-cues", "x");
    at.matches = vec!["VPN機器7号から侵入されました。".into()];
    at.cues = (0..200).map(cue).collect();
    Classifier::with_rules(vec![at.clone()]).expect("200 cues is the limit, and allowed");
    let mut over = at;
    over.id = "two-hundred-one-cues".into();
    over.cues = (0..201).map(cue).collect();
    let e = err(Classifier::with_rules(vec![over]));
    assert_eq!(e.rule_id(), Some("two-hundred-one-cues"));
    assert!(e.to_string().contains("201") && e.to_string().contains("200"), "{}", e);
}

/// Every span of the report as (start, end) in UTF-16, for one tag field.
fn spans(r: &jikenbo::Report) -> Vec<(u32, u32)> {
    let mut v: Vec<(u32, u32)> = r
        .attack_types
        .iter()
        .chain(&r.reported_to)
        .chain(r.data_categories.iter().map(|d| &d.tag))
        .flat_map(|t| t.evidence.iter().map(|e| (e.start, e.end)))
        .chain(r.leak_status.evidence.iter().map(|e| (e.start, e.end)))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The report on 2N repeats of a unit is consistent with the one on N: the
/// same tags and values, and every span sits at the same place inside its
/// repeat (same offset modulo the unit, same length). The evidence grows at
/// most linearly: no more than twice the spans of N.
fn consistent(unit: &str, n: usize) {
    let w = utf16(unit).len() as u32;
    let a = jikenbo::classify(&unit.repeat(n)).unwrap();
    let b = jikenbo::classify(&unit.repeat(2 * n)).unwrap();
    let ids = |r: &jikenbo::Report| {
        (
            r.attack_types.iter().map(|t| t.id.clone()).collect::<Vec<_>>(),
            r.data_categories.iter().map(|t| t.tag.id.clone()).collect::<Vec<_>>(),
            r.reported_to.iter().map(|t| t.id.clone()).collect::<Vec<_>>(),
            r.leak_status.value,
        )
    };
    assert_eq!(ids(&a), ids(&b), "tags differ between {} and {} repeats of {:?}", n, 2 * n, unit);
    let (sa, sb) = (spans(&a), spans(&b));
    assert!(!sa.is_empty(), "no evidence at all for {:?}", unit);
    assert!(sb.len() >= sa.len() && sb.len() <= 2 * sa.len(), "{} spans on {} repeats, {} on {}", sa.len(), n, sb.len(), 2 * n);
    let shape = |v: &[(u32, u32)]| {
        let mut s: Vec<(u32, u32)> = v.iter().map(|&(x, y)| (x % w, y - x)).collect();
        s.sort();
        s.dedup();
        s
    };
    assert_eq!(shape(&sa), shape(&sb), "spans sit differently inside the repeats of {:?}", unit);
    let total = utf16(&unit.repeat(2 * n)).len() as u32;
    assert!(sb.iter().all(|&(_, e)| e <= total));
}

#[test]
fn repeats_scale_linearly_one_long_segment() {
    consistent(CUE, 500);
}

#[test]
fn repeats_scale_linearly_sentences() {
    consistent("当社サーバーがランサムウェアに感染し、データが暗号化されました。\n", 100);
}

#[test]
fn repeats_scale_linearly_half_width() {
    consistent("ﾗﾝｻﾑｳｪｱ ", 300);
}

/// Caps on hits and evidence: one sentence repeated 150,000 times gives a
/// report of a few kilobytes that says it was truncated, with the same
/// answers as the sentence said a few times.
#[test]
fn hits_and_evidence_are_capped_and_the_report_says_so() {
    let sentence = "お客様の個人情報が外部に流出しました。";
    let few = jikenbo::classify(&sentence.repeat(3)).unwrap();
    assert!(!few.truncated);
    let many = jikenbo::classify(&sentence.repeat(150_000)).unwrap();
    assert!(many.truncated, "the report must say evidence was left out");
    for t in many.data_categories.iter().map(|d| &d.tag).chain(&many.attack_types) {
        assert!(t.evidence.len() <= jikenbo::limits::MAX_EVIDENCE, "{}: {} spans", t.id, t.evidence.len());
    }
    assert!(many.leak_status.evidence.len() <= jikenbo::limits::MAX_EVIDENCE);
    let ids = |r: &jikenbo::Report| r.data_categories.iter().map(|d| d.tag.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&few), ids(&many));
    assert_eq!(few.leak_status.value, many.leak_status.value);
    let json = serde_json::to_string(&many).unwrap();
    assert!(json.len() < 64 * 1024, "{} bytes of JSON", json.len());
    assert!(json.ends_with(",\"truncated\":true}"), "{}", &json[json.len() - 40..]);
    assert!(!serde_json::to_string(&few).unwrap().contains("truncated"));
}

/// The engine's own limits on a custom pattern, each a one-line error
/// naming the rule: more alternations and repetitions than the memo holds
/// over a segment (`MAX_MEMO_ROWS`), a repetition of a part that can match
/// nothing. Patterns just under them, and unbounded or nested repetitions
/// that are linear with the memo, are accepted.
#[test]
fn pattern_over_the_memo_budget_names_the_rule() {
    use jikenbo::limits::{MAX_MEMO_BITS, MAX_MEMO_ROWS, MAX_SEGMENT_BYTES};
    assert_eq!(MAX_MEMO_ROWS, MAX_MEMO_BITS / (MAX_SEGMENT_BYTES + 1));
    // 1,024 optional letters: 1,024 repetitions, one over.
    let over = format!("{}c", "b?".repeat(MAX_MEMO_ROWS + 1));
    let e = err(Classifier::with_rules(vec![rule("many-optionals", &over)]));
    assert_eq!(e.code(), "invalid_rule");
    assert_eq!(e.rule_id(), Some("many-optionals"));
    let msg = e.to_string();
    assert!(msg.contains("many-optionals") && msg.contains("1024") && msg.contains("1023"), "{}", msg);
    assert!(msg.contains("alternations and repetitions") && !msg.contains('\n'), "{}", msg);
    // The same in a not_near condition.
    let mut r = rule("many-optionals-not-near", "vpn機器[^。]{0,10}侵入");
    r.cues[0].not_near = Some(over.clone());
    let e = err(Classifier::with_rules(vec![r]));
    assert_eq!(e.rule_id(), Some("many-optionals-not-near"));
    assert!(e.to_string().contains("not_near"), "{}", e);
    // At the limit: accepted.
    let at = format!("vpn{}機器から侵入", "b?".repeat(MAX_MEMO_ROWS - 1));
    let mut ok = rule("just-enough-optionals", &at);
    ok.matches = vec!["VPN機器から侵入されました。".into()];
    Classifier::with_rules(vec![ok]).expect("1,023 memo rows are allowed");
}

#[test]
fn repetition_of_an_empty_match_names_the_rule() {
    for p in ["vpn(?:機?器?)*侵入", "vpn(a?){2,5}侵入"] {
        let e = err(Classifier::with_rules(vec![rule("empty-loop", p)]));
        assert_eq!(e.rule_id(), Some("empty-loop"));
        let msg = e.to_string();
        assert!(msg.contains("empty string") && msg.contains(p), "{}", msg);
    }
}

#[test]
fn linear_patterns_that_used_to_blow_up_are_accepted() {
    let yes = ["VPN機器から侵入されました。"];
    let no = ["VPN機器を更新しました。"];
    for p in ["vpn(?:機|機器)*から侵入", "vpn[^。]*侵入", "vpn[^。]{0,4000}侵入", "vpn(?:[^。]+[^。]+)+侵入"] {
        let r = RuleSpec::new("linear", Field::Attack, "unauthorized_access", vec![CueSpec::new(p)], &yes, &no);
        Classifier::with_rules(vec![r]).unwrap_or_else(|e| panic!("{}: {}", p, e));
    }
}
