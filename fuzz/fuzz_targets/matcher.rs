//! Differential: the rule matcher (src/pattern) against the `regex`
//! crate. Input: a pattern, a NUL, a text. Every pattern the matcher takes
//! must give the same non-empty matches and the same groups as `regex`;
//! and a search session used at every start in turn (the failure memo
//! shared) must give what fresh searches give.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let Some((pattern, hay)) = s.split_once('\0') else { return };
    if pattern.len() > 120 || hay.len() > 600 {
        return;
    }
    let Ok(re) = regex::RegexBuilder::new(pattern).size_limit(1 << 20).build() else { return };
    // The matcher may refuse a pattern (too large, or a repetition of an
    // empty-matching part); that is an error the rule loader reports, not
    // a wrong answer.
    let Some((spans, groups)) = jikenbo::fuzz_matcher(pattern, hay) else { return };
    let want: Vec<(usize, usize)> =
        re.find_iter(hay).filter(|m| m.start() < m.end()).map(|m| (m.start(), m.end())).collect();
    assert_eq!(spans, want, "matches of {:?} in {:?}", pattern, hay);
    let want_groups: Option<Vec<Option<usize>>> = re.captures(hay).map(|c| {
        (0..c.len()).flat_map(|i| c.get(i).map_or([None, None], |m| [Some(m.start()), Some(m.end())])).collect()
    });
    assert_eq!(groups, want_groups, "groups of {:?} in {:?}", pattern, hay);
    let (one, fresh) = jikenbo::fuzz_sessions(pattern, hay).expect("taken above");
    assert_eq!(one, fresh, "one session vs fresh searches of {:?} in {:?}", pattern, hay);
});
