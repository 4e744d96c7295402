//! Errors people can act on: every way a custom rule can be broken gets a
//! one-line message that names the rule and the reason. Each test breaks one
//! thing in an otherwise valid rule (written as a user would, in TOML).

use jikenbo::{Classifier, Error, RuleSpec};

/// A valid custom rule. `{extra}` is spliced into the top level, before the
/// cues; tests replace lines to break one thing.
const VALID: &str = r#"
id = "vpn-intrusion"
field = "attack_types"
tag = "unauthorized_access"
match = ["VPN機器から侵入されました。"]
no_match = ["VPN機器を更新しました。"]

[[cues]]
name = "vpn"
pattern = 'vpn機器[^。]{0,10}侵入'
"#;

fn parse(toml_text: &str) -> RuleSpec {
    toml::from_str(toml_text).unwrap_or_else(|e| panic!("test rule does not parse: {}\n{}", e, toml_text))
}

/// The VALID rule with `from` replaced by `to` (which must occur).
fn broken(from: &str, to: &str) -> RuleSpec {
    assert!(VALID.contains(from), "test bug: {:?} not in the valid rule", from);
    parse(&VALID.replacen(from, to, 1))
}

fn rejected(pack: Vec<RuleSpec>) -> Error {
    match Classifier::with_rules(pack) {
        Ok(_) => panic!("expected the pack to be rejected"),
        Err(e) => e,
    }
}

/// The error names the rule (in the message and in `rule_id`), is one line,
/// and gives each expected reason fragment.
fn assert_names(e: &Error, rule: &str, reasons: &[&str]) {
    let msg = e.to_string();
    assert_eq!(e.code(), "invalid_rule", "{}", msg);
    assert_eq!(e.rule_id(), Some(rule), "{}", msg);
    assert!(msg.contains(rule), "message does not name rule {:?}: {}", rule, msg);
    for r in reasons {
        assert!(msg.contains(r), "message does not say {:?}: {}", r, msg);
    }
    assert!(!msg.contains('\n'), "message is not one line: {:?}", msg);
}

#[test]
fn the_valid_rule_is_accepted() {
    let c = Classifier::with_rules(vec![parse(VALID)]).expect("the base rule of these tests is valid");
    assert_eq!(c.rule_count(), Classifier::builtin().rule_count() + 1);
    let r = c.classify("VPN機器から侵入されました。").unwrap();
    assert!(r.attack_types.iter().any(|t| t.id == "unauthorized_access"));
}

#[test]
fn bad_pattern() {
    let e = rejected(vec![broken("pattern = 'vpn機器[^。]{0,10}侵入'", "pattern = 'vpn機器([^。]{0,10}侵入'")]);
    assert_names(&e, "vpn-intrusion", &["cue \"vpn\"", "pattern", "vpn機器([^。]{0,10}侵入"]);
}

#[test]
fn bad_near_pattern() {
    let e = rejected(vec![broken("name = \"vpn\"", "name = \"vpn\"\nnear = '侵入[+'")]);
    assert_names(&e, "vpn-intrusion", &["near", "侵入[+"]);
}

#[test]
fn unknown_field() {
    let e = rejected(vec![broken("field = \"attack_types\"", "field = \"attack_type\"")]);
    assert_names(&e, "vpn-intrusion", &["unknown field", "attack_type", "attack_types"]);
}

#[test]
fn missing_field() {
    let e = rejected(vec![broken("field = \"attack_types\"\n", "")]);
    assert_names(&e, "vpn-intrusion", &["no field"]);
}

#[test]
fn unknown_key_in_the_rule_file() {
    // Not a jikenbo check: serde refuses unknown keys, and says which.
    let text = VALID.replacen("pattern =", "patern =", 1);
    let e = toml::from_str::<RuleSpec>(&text).expect_err("unknown keys are refused");
    assert!(e.to_string().contains("patern"), "{}", e);
    let text = VALID.replacen("tag =", "tags =", 1);
    let e = toml::from_str::<RuleSpec>(&text).expect_err("unknown keys are refused");
    assert!(e.to_string().contains("tags"), "{}", e);
}

#[test]
fn unknown_id_for_the_field() {
    let e = rejected(vec![broken("tag = \"unauthorized_access\"", "tag = \"unauthorised_access\"")]);
    assert_names(&e, "vpn-intrusion", &["unknown id", "unauthorised_access", "attack_types"]);
    // A real id of another field is still unknown for this one.
    let e = rejected(vec![broken("tag = \"unauthorized_access\"", "tag = \"credit_card\"")]);
    assert_names(&e, "vpn-intrusion", &["unknown id", "credit_card"]);
    // Decision fields have fixed ids.
    let e = rejected(vec![broken("field = \"attack_types\"\ntag = \"unauthorized_access\"", "field = \"leak_status\"\ntag = \"maybe\"")]);
    assert_names(&e, "vpn-intrusion", &["unknown id", "maybe", "leak_status"]);
}

#[test]
fn bad_rule_id() {
    let e = rejected(vec![broken("id = \"vpn-intrusion\"", "id = \"VPN Intrusion\"")]);
    assert_names(&e, "VPN Intrusion", &["id must be"]);
}

#[test]
fn duplicate_id_of_a_builtin_rule() {
    let e = rejected(vec![broken("id = \"vpn-intrusion\"", "id = \"ransomware\"")]);
    assert_names(&e, "ransomware", &["duplicate id"]);
}

#[test]
fn duplicate_id_within_the_pack() {
    let a = parse(VALID);
    let mut b = parse(VALID);
    b.cues[0].pattern = "vpn装置[^。]{0,10}侵入".into();
    let e = rejected(vec![a, b]);
    assert_names(&e, "vpn-intrusion", &["duplicate id"]);
}

#[test]
fn missing_match_examples() {
    let e = rejected(vec![broken("match = [\"VPN機器から侵入されました。\"]", "match = []")]);
    assert_names(&e, "vpn-intrusion", &["missing examples", "`match`"]);
    let e = rejected(vec![broken("match = [\"VPN機器から侵入されました。\"]\n", "")]);
    assert_names(&e, "vpn-intrusion", &["missing examples", "`match`"]);
}

#[test]
fn missing_no_match_examples() {
    let e = rejected(vec![broken("no_match = [\"VPN機器を更新しました。\"]", "no_match = []")]);
    assert_names(&e, "vpn-intrusion", &["missing examples", "`no_match`"]);
}

#[test]
fn match_example_that_does_not_fire() {
    let e = rejected(vec![broken("match = [\"VPN機器から侵入されました。\"]", "match = [\"VPN機器から侵入されました。\", \"ルーターが故障しました。\"]")]);
    assert_names(&e, "vpn-intrusion", &["ルーターが故障しました。", "is not tagged", "`match`", "unauthorized_access"]);
}

#[test]
fn no_match_example_that_fires() {
    let e = rejected(vec![broken("no_match = [\"VPN機器を更新しました。\"]", "no_match = [\"VPN機器から再び侵入されました。\"]")]);
    assert_names(&e, "vpn-intrusion", &["VPN機器から再び侵入されました。", "is tagged", "`no_match`"]);
}

#[test]
fn pattern_with_upper_case_letters() {
    let e = rejected(vec![broken("pattern = 'vpn機器[^。]{0,10}侵入'", "pattern = 'VPN機器[^。]{0,10}侵入'")]);
    assert_names(&e, "vpn-intrusion", &["upper-case", "VPN機器"]);
    // Escapes and classes such as \p{Han} and \D are fine.
    let ok = broken("pattern = 'vpn機器[^。]{0,10}侵入'", r"pattern = 'vpn\p{Han}{2}\D{0,10}侵入'");
    Classifier::with_rules(vec![ok]).expect("\\p{Han} and \\D are not upper-case literals");
    // In `not_near` too.
    let e = rejected(vec![broken("name = \"vpn\"", "name = \"vpn\"\nnot_near = 'SSL'")]);
    assert_names(&e, "vpn-intrusion", &["upper-case", "SSL"]);
}

#[test]
fn pattern_matching_the_empty_string() {
    let e = rejected(vec![broken("pattern = 'vpn機器[^。]{0,10}侵入'", "pattern = '(?:vpn機器[^。]{0,10}侵入)?'")]);
    assert_names(&e, "vpn-intrusion", &["empty string"]);
    let e = rejected(vec![broken("pattern = 'vpn機器[^。]{0,10}侵入'", "pattern = ''")]);
    assert_names(&e, "vpn-intrusion", &["empty pattern"]);
}

#[test]
fn too_many_cues() {
    let mut r = parse(VALID);
    let cue = r.cues[0].clone();
    r.cues = (0..201)
        .map(|i| {
            let mut c = cue.clone();
            c.name = Some(format!("c{}", i));
            c
        })
        .collect();
    let e = rejected(vec![r]);
    assert_names(&e, "vpn-intrusion", &["201 cues", "200"]);
}

#[test]
fn no_cues() {
    let mut r = parse(VALID);
    r.cues.clear();
    let e = rejected(vec![r]);
    assert_names(&e, "vpn-intrusion", &["no cues"]);
}

#[test]
fn bad_weight() {
    for w in ["0.0", "1.5", "-1.0", "nan"] {
        let e = rejected(vec![broken("name = \"vpn\"", &format!("name = \"vpn\"\nweight = {}", w))]);
        assert_names(&e, "vpn-intrusion", &["weight"]);
    }
}

#[test]
fn unknown_scope_filter() {
    let e = rejected(vec![broken("name = \"vpn\"", "name = \"vpn\"\nignore = [\"negations\"]")]);
    assert_names(&e, "vpn-intrusion", &["unknown filter", "negations"]);
}

#[test]
fn bad_cue_name() {
    let e = rejected(vec![broken("name = \"vpn\"", "name = \"VPN cue\"")]);
    assert_names(&e, "vpn-intrusion", &["VPN cue", "name"]);
}

#[test]
fn the_first_broken_rule_of_a_pack_is_named() {
    let good = parse(VALID);
    let mut bad = parse(&VALID.replacen("vpn-intrusion", "second-rule", 1));
    bad.cues[0].pattern = "vpn機器((".into();
    let e = rejected(vec![good, bad]);
    assert_names(&e, "second-rule", &["pattern"]);
}

#[test]
fn check_examples_reports_the_failing_example() {
    // Against the built-in rules alone, the custom cue does not exist, so a
    // rule claiming `ddos` for this text fails on its own `match` example.
    let mut r = parse(VALID);
    r.tag = Some("ddos".into());
    let e = Classifier::builtin().check_examples(&r).expect_err("built-ins do not tag a VPN intrusion as ddos");
    assert_names(&e, "vpn-intrusion", &["VPN機器から侵入されました。", "is not tagged", "ddos"]);
}
