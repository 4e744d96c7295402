//! Many alternatives: a custom-style alternation of up to 700 words (the
//! input's words, split at `|`, with a tail after a NUL), compiled by the
//! rule matcher (long lists go through its trie), against `regex` on a
//! text made of the same words: the same non-empty matches and groups, and
//! one session at every start equal to fresh searches.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let (words, rest) = s.split_once('\0').unwrap_or((&s, ""));
    let (tail, hay_seed) = rest.split_once('\0').unwrap_or((rest, ""));
    let mut ws: Vec<String> = words.split('|').filter(|w| !w.is_empty()).take(700).map(regex_syntax::escape).collect();
    if ws.is_empty() || tail.len() > 40 {
        return;
    }
    // Repeat the list up to 600 alternatives so that it is long.
    while ws.len() < 600 && ws.len() * 2 <= 700 {
        let more: Vec<String> = ws.iter().map(|w| format!("{}{}", w, ws.len() % 10)).collect();
        ws.extend(more);
    }
    let pattern = format!("(?:{})(?:{})", ws.join("|"), tail);
    if pattern.len() > 20_000 {
        return;
    }
    let Ok(re) = regex::RegexBuilder::new(&pattern).size_limit(1 << 24).build() else { return };
    let Some((spans, groups)) = jikenbo::fuzz_matcher(&pattern, hay_seed) else { return };
    let want: Vec<(usize, usize)> =
        re.find_iter(hay_seed).filter(|m| m.start() < m.end()).map(|m| (m.start(), m.end())).collect();
    assert_eq!(spans, want, "matches of {:?} in {:?}", pattern, hay_seed);
    let want_groups: Option<Vec<Option<usize>>> = re.captures(hay_seed).map(|c| {
        (0..c.len()).flat_map(|i| c.get(i).map_or([None, None], |m| [Some(m.start()), Some(m.end())])).collect()
    });
    assert_eq!(groups, want_groups, "groups of {:?}", pattern);
    let (one, fresh) = jikenbo::fuzz_sessions(&pattern, hay_seed).expect("taken above");
    assert_eq!(one, fresh, "one session vs fresh searches of {:?}", pattern);
});
