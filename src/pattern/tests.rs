//! The matcher against the `regex` crate.

use crate::prog::Inst;
use crate::Prog;

pub(crate) fn all(p: &str, hay: &str) -> Vec<(usize, usize)> {
    let prog = Prog::new(p).unwrap();
    let mut out = Vec::new();
    prog.for_each(hay, |s, e| out.push((s, e)));
    out
}

pub(crate) fn oracle(p: &str, hay: &str) -> Vec<(usize, usize)> {
    regex::Regex::new(p).unwrap().find_iter(hay).filter(|m| m.start() < m.end()).map(|m| (m.start(), m.end())).collect()
}

fn same(p: &str, hay: &str) {
    assert_eq!(all(p, hay), oracle(p, hay), "pattern {:?} on {:?}", p, hay);
}

#[test]
fn literals_classes_and_gaps() {
    same("不正アクセス", "当社は不正アクセスを受け、不正アクセスが");
    same("誤送信|誤送付|誤って[^。]{0,25}(?:送信|送付)", "担当者が誤ってメールを送信し、誤送付も。誤って。送信");
    same("(?:ファイル|データ)[^。]{0,15}暗号化され", "サーバー内のデータやファイルの一部が暗号化されました");
    same("a[^。]{0,3}?b", "axxb ab axxxxb");
    same("(?:ab|a)(?:c|bcd)", "abcd abc");
    same("x*y", "xxxy y xy");
    same("\\bbec\\b", "bec abec bec_ bec.");
    same("^【[^】\\n]{0,40}】", "【重要】お知らせ");
    same("[0-9]{2,4}件", "1件 12件 12345件");
    same("(?:a|b)+c", "ababc abx c");
    same("(?:ab?){0,3}b", "aab b abab");
}

#[test]
fn empty_iterations_are_refused() {
    for p in ["(a?){0,3}b", "(?:a*)*b", "(?:a|)+", "(a?)*"] {
        let e = Prog::new(p).expect_err(p);
        assert!(e.contains("empty string") && e.contains(p), "{}", e);
    }
    // A repetition of something that always takes a character is fine.
    for p in ["(?:a|b)*c", "(?:a?b)+", "(?:ab?){0,3}b", "a?b?c"] {
        Prog::new(p).unwrap();
    }
}

/// A small xorshift generator (deterministic tests).
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// A random pattern from a small grammar: literals, classes, bounded and
/// unbounded repetitions, greedy and lazy, groups, alternations, anchors,
/// word boundaries.
pub(crate) fn random_pattern(r: &mut Rng) -> String {
    fn atom(r: &mut Rng, depth: u32) -> String {
        let atoms = ["a", "b", "ア", "。", "[ab]", "[^。]", "[^a\\s]", "\\s", ".", "アイ", "ab"];
        let base = if depth < 3 && r.below(4) == 0 {
            let n = r.below(3) + 1;
            let alts: Vec<String> = (0..n).map(|_| seq(r, depth + 1)).collect();
            format!("({})", alts.join("|"))
        } else {
            r.pick(&atoms).to_string()
        };
        let rep = ["", "", "", "?", "*", "+", "{0,3}", "{1,2}", "{2}", "??", "*?", "{0,4}?"];
        format!("{}{}", base, r.pick(&rep))
    }
    fn seq(r: &mut Rng, depth: u32) -> String {
        let n = r.below(3) + 1;
        let mut s = String::new();
        if r.below(8) == 0 {
            s.push('^');
        }
        if r.below(10) == 0 {
            s.push_str("\\b");
        }
        for _ in 0..n {
            s.push_str(&atom(r, depth));
        }
        if r.below(8) == 0 {
            s.push('$');
        }
        s
    }
    seq(r, 0)
}

pub(crate) fn random_text(r: &mut Rng, max: u64) -> String {
    let alphabet = ["a", "b", "ア", "イ", "。", " ", "\n", "x"];
    let n = r.below(max + 1);
    (0..n).map(|_| r.pick(&alphabet)).collect()
}

/// `regex`'s groups of the first match, as slots.
fn oracle_groups(re: &regex::Regex, hay: &str) -> Option<Vec<Option<usize>>> {
    re.captures(hay).map(|c| (0..c.len()).flat_map(|i| c.get(i).map_or([None, None], |m| [Some(m.start()), Some(m.end())])).collect())
}

/// Random patterns on random texts: the same matches and groups as
/// `regex`.
#[test]
fn random_patterns_agree_with_regex() {
    let mut r = Rng::new(0x2545f4914f6cdd1d);
    let mut refused = 0;
    for _ in 0..400 {
        let pat = random_pattern(&mut r);
        let re = regex::Regex::new(&pat).unwrap();
        let prog = match Prog::new(&pat) {
            Ok(p) => p,
            Err(e) => {
                // Only repetitions of a part that can match nothing.
                assert!(e.contains("empty string"), "{:?}: {}", pat, e);
                refused += 1;
                continue;
            }
        };
        for _ in 0..25 {
            let hay = random_text(&mut r, 11);
            assert_eq!(all(&pat, &hay), oracle(&pat, &hay), "pattern {:?} on {:?}", pat, hay);
            assert_eq!(prog.captures(&hay), oracle_groups(&re, &hay), "groups of {:?} on {:?}", pat, hay);
        }
    }
    assert!(refused < 100, "{} of 400 random patterns refused", refused);
}

#[test]
fn captures() {
    let prog = Prog::new("(株式会社[ァ-ヶー]+)(?:は|が)").unwrap();
    let hay = "本日、株式会社サンプルは";
    let slots = prog.captures(hay).unwrap();
    let (s, e) = (slots[2].unwrap(), slots[3].unwrap());
    assert_eq!(&hay[s..e], "株式会社サンプル");
}

#[test]
fn bad_backtracking_is_bounded() {
    // Exponential for a naive backtracker; linear with the memo.
    let hay = "a".repeat(200);
    same("(?:a|a)*(?:a|a)*(?:a|a)*b", &hay);
    same("(a|aa)*b", &hay);
    same("(?:a+)+b", &hay);
}

#[test]
fn random_texts_agree_with_regex() {
    let pats = [
        "a[^。]{0,5}b|ab?c",
        "(?:ア|イ)[^\\s、。]{1,4}(?:ウ|エ)",
        "[^a]{2}a|b{1,3}?c",
        "(?:x|xy|xyz)z",
        "(?m)^a|b$",
        "\\bab|ba\\b",
    ];
    let alphabet = ['a', 'b', 'c', 'x', 'y', 'z', 'ア', 'イ', 'ウ', 'エ', '。', '、', ' ', '\n'];
    let mut seed = 0x9e3779b97f4a7c15u64;
    for _ in 0..3000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let n = (seed % 14) as usize;
        let mut s = String::new();
        let mut x = seed;
        for _ in 0..n {
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            x /= alphabet.len() as u64;
            if x == 0 {
                x = seed.rotate_left(17);
            }
        }
        for p in pats {
            same(p, &s);
        }
    }
}


// ---- sessions, the memo, the work bound ------------------------------------

/// The work the engine did while `f` ran.
fn work_of(f: impl FnOnce()) -> u64 {
    let w0 = crate::work();
    f();
    crate::work() - w0
}

/// Every start position, in order, through one session: the match at each
/// start that is not inside an earlier match (what the scan's `Starts::At`
/// iteration does).
fn at_every_start(prog: &Prog, hay: &str) -> Vec<(usize, usize)> {
    let mut s = prog.session(hay);
    let mut out = Vec::new();
    let mut after = 0;
    for (p, _) in hay.char_indices().chain([(hay.len(), ' ')]) {
        if p < after {
            continue;
        }
        if let Some(e) = s.match_at(p) {
            if e > p {
                out.push((p, e));
                after = e;
            }
        }
    }
    out
}

/// The same with a fresh session for every start (no memo shared).
fn at_every_start_fresh(prog: &Prog, hay: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut after = 0;
    for (p, _) in hay.char_indices().chain([(hay.len(), ' ')]) {
        if p < after {
            continue;
        }
        if let Some(e) = prog.match_at(hay, p) {
            if e > p {
                out.push((p, e));
                after = e;
            }
        }
    }
    out
}

/// One session's successive searches (every start in order, windows of
/// starts, the iteration of `for_each`) give what fresh searches give, for
/// random patterns on random texts; and a session used out of order (a
/// search before the last match's end, starts going backwards) is still
/// exact.
#[test]
fn a_session_gives_what_fresh_searches_give() {
    let mut r = Rng::new(0x9e3779b97f4a7c15);
    let mut checked = 0;
    while checked < 300 {
        let pat = random_pattern(&mut r);
        let Ok(prog) = Prog::new(&pat) else { continue };
        checked += 1;
        for _ in 0..10 {
            let hay = random_text(&mut r, 14);
            assert_eq!(at_every_start(&prog, &hay), at_every_start_fresh(&prog, &hay), "{:?} on {:?}", pat, hay);
            // Windows of starts [lo, hi], as `Starts::Within` searches them.
            let mut s = prog.session(&hay);
            let (lo, hi) = (r.below(hay.len() as u64 + 1) as usize, r.below(hay.len() as u64 + 1) as usize);
            let want = prog.find_at_where(&hay, lo, |p| p <= hi);
            assert_eq!(s.find_in(lo, hi), want, "{:?} on {:?} in [{}, {}]", pat, hay, lo, hi);
            // Backwards: a search from 0 after one further on.
            let mid = hay.len() / 2;
            let _ = s.find(mid);
            assert_eq!(s.find(0), prog.find(&hay), "{:?} on {:?} backwards", pat, hay);
            assert_eq!(s.match_at(0), prog.match_at(&hay, 0), "{:?} on {:?} match_at(0) again", pat, hay);
        }
    }
}

/// A haystack `unit × n`.
fn rep(unit: &str, n: usize) -> String {
    unit.repeat(n)
}

/// The adversarial patterns, and more that are exponential or
/// quadratic for a backtracker without a shared memo: the work of a whole
/// iteration over `unit × 2n` is at most 2.2 × the work over `unit × n`
/// (linear), with one session. Without sharing (a fresh session per
/// start), the same iteration is quadratic: the control shows what the
/// session buys.
#[test]
fn a_whole_iteration_is_linear() {
    let ab669 = format!("(?:{})x", (0..669).map(|i| format!("ab{}", i)).collect::<Vec<_>>().join("|"));
    let cases: Vec<(&str, &str)> = vec![
        ("(a|aa)*b", "a"),
        ("(?:a|a)*(?:a|a)*b", "a"),
        ("(x+x+)+y", "x"),
        ("[^。]{1,2}", "a"),
        ("[^。]{1,20}ウイルス", "ウイルス、"),
        ("[^。]{0,30}?z", "ab"),
        ("(?:ア|アイ|アイウ)*エ", "アイウ"),
        (&ab669, "ab7"),
        ("\\\\bab\\\\b(?:[^。]{0,10}c)?", "ab "),
    ];
    for (pat, unit) in cases {
        let prog = Prog::new(pat).unwrap();
        let n = 2048 / unit.len();
        let (small, large) = (rep(unit, n), rep(unit, 2 * n));
        let mut got = Vec::new();
        let w1 = work_of(|| got = at_every_start(&prog, &small));
        let w2 = work_of(|| got = at_every_start(&prog, &large));
        assert!(w2 as f64 <= 2.2 * w1 as f64, "{:?} on {:?}: work {} for n, {} for 2n", pat, unit, w1, w2);
        let f1 = work_of(|| prog.for_each(&small, |_, _| ()));
        let f2 = work_of(|| prog.for_each(&large, |_, _| ()));
        assert!(f2 as f64 <= 2.2 * f1 as f64, "{:?} on {:?}: for_each work {} for n, {} for 2n", pat, unit, f1, f2);
        assert_eq!(got, at_every_start_fresh(&prog, &large), "{:?}", pat);
    }
    // The control: no shared memo.
    let prog = Prog::new("(a|aa)*b").unwrap();
    let (small, large) = (rep("a", 1024), rep("a", 2048));
    let w1 = work_of(|| drop(at_every_start_fresh(&prog, &small)));
    let w2 = work_of(|| drop(at_every_start_fresh(&prog, &large)));
    assert!(w2 as f64 >= 3.5 * w1 as f64, "fresh sessions: work {} for n, {} for 2n (expected quadratic)", w1, w2);
    let shared = work_of(|| drop(at_every_start(&prog, &large)));
    assert!(shared * 20 < w2, "one session {} vs fresh ones {}", shared, w2);
}

/// The step counter as an assertion: a session's work is at most
/// positions × (cost + 1) × (instructions + 1) plus the memo it clears.
#[test]
fn the_work_stays_under_the_bound() {
    for (pat, hay) in [("(a|aa)*b", rep("a", 3000)), ("(?:a|a)*(?:a|a)*(?:a|a)*b", rep("a", 3000)), ("[^。]{0,40}?x", rep("ab", 2000))] {
        let prog = Prog::new(pat).unwrap();
        let w = work_of(|| drop(at_every_start(&prog, &hay)));
        let positions = hay.len() as u64 + 1;
        let bound = 1024 + positions * (prog.cost(hay.len()) as u64 + 1) * (prog.insts.len() as u64 + 1) + positions * 64;
        assert!(w <= bound, "{:?}: work {} over the bound {}", pat, w, bound);
        // …and far under it here: about the cost per position.
        assert!(w <= positions * (prog.cost(hay.len()) as u64 + 1) * 2, "{:?}: work {}", pat, w);
    }
}

/// The memo's size: a ring of 2^⌈log2(M+1)⌉ positions for a bounded
/// pattern, whatever the haystack; one slot per position for an unbounded
/// one (never over `MAX_MEMO_BITS`), and the results stay exact on a
/// haystack far longer than the ring, or than the budget.
#[test]
fn the_memo_is_bounded_and_exact() {
    let bounded = Prog::new("(?:a|b)[^。]{0,20}(?:c|d)").unwrap();
    let m = bounded.max_len().unwrap();
    assert_eq!(m, 2 + 20 * 4);
    assert_eq!(bounded.memo_bits(10_000_000), bounded.memo_rows() * (m + 1).next_power_of_two());
    assert_eq!(bounded.memo_bits(10), bounded.memo_rows() * 11);
    let unbounded = Prog::new("(?:a|b)+c").unwrap();
    assert_eq!(unbounded.max_len(), None);
    assert_eq!(unbounded.memo_bits(4096), unbounded.memo_rows() * 4097);
    // A long haystack: the memo stays the ring, the answers regex's.
    let hay: String = (0..60_000).map(|i| ["a", "b", "c", "x", "。", "ア"][(i * 7 + i / 5) % 6]).collect();
    for p in [&bounded, &unbounded] {
        let mut s = p.session(&hay);
        let mut got = Vec::new();
        let mut at = 0;
        while let Some((a, b)) = s.find(at) {
            got.push((a, b));
            at = b;
        }
        let (words, slots) = s.memo_size();
        assert!(words * 64 <= crate::MAX_MEMO_BITS + 64 * slots, "{} memo words", words);
        drop(s);
        let src = if std::ptr::eq(p, &bounded) { "(?:a|b)[^。]{0,20}(?:c|d)" } else { "(?:a|b)+c" };
        assert_eq!(got, oracle(src, &hay), "{}", src);
    }
    let s = bounded.session(&hay);
    assert_eq!(s.memo_size().1, (m + 1).next_power_of_two(), "ring of {} slots", s.memo_size().1);
    drop(s);
    // Over the budget (an unbounded pattern, 5 MB, two rows: 10 Mbit):
    // a ring anyway, exact.
    let big = rep("ab", 2_500_000) + "c";
    let s = unbounded.session(&big);
    assert!(s.memo_size().1 * unbounded.memo_rows() <= crate::MAX_MEMO_BITS);
    drop(s);
    assert_eq!(unbounded.find(&big), Some((0, big.len())));
    assert_eq!(unbounded.find(&big[1..]), Some((0, big.len() - 1)));
}

/// Cause C: an alternation resumed from its dispatch list goes on where it
/// stopped. 200 alternatives beginning with `a` (and enough others that no
/// trie is built): trying them all at one start costs O(200), not O(200²).
#[test]
fn a_resumed_alternation_goes_on_where_it_stopped() {
    let mut alts: Vec<String> = (0..200).map(|i| format!("a{}", i)).collect();
    alts.extend(["[xy]1", "[xy]2", "[xy]3", "[xy]4", "[xy]5"].map(String::from));
    let pat = format!("(?:{})z", alts.join("|"));
    let prog = Prog::new(&pat).unwrap();
    let alt = prog.insts.iter().find_map(|i| match i {
        Inst::Alt(a) if a.branches.len() > 100 => Some(a),
        _ => None,
    });
    let alt = alt.expect("the alternation");
    assert!(alt.dispatch.is_some() && alt.trie.is_none());
    // "a1" then "a1x…": a1, a10…a19, a100…a199 all begin there and fail.
    let hay = "a199y";
    let w = work_of(|| assert_eq!(prog.match_at(hay, 0), None));
    assert!(w < 2000, "work {} for one start", w);
    assert_eq!(prog.find("a150z"), Some((0, 5)));
    assert_eq!(prog.find("a15z"), Some((0, 4)));
}

/// Long literal alternations go through a trie: the 669 words of the issue
/// cost a few steps per start; a short list or one whose words begin with
/// different characters keeps the character dispatch.
#[test]
fn long_literal_alternations_use_a_trie() {
    let has_trie = |p: &Prog| p.insts.iter().any(|i| matches!(i, Inst::Alt(a) if a.trie.is_some()));
    let ab669 = format!("(?:{})x", (0..669).map(|i| format!("ab{}", i)).collect::<Vec<_>>().join("|"));
    let prog = Prog::new(&ab669).unwrap();
    assert!(has_trie(&prog));
    let hay = rep("ab7", 1000);
    let w = work_of(|| drop(at_every_start(&prog, &hay)));
    assert!(w < 40 * hay.len() as u64, "work {} for {} bytes", w, hay.len());
    assert_eq!(prog.find("zab6y ab668x"), Some((6, 12)));
    assert_eq!(prog.find("ab66x"), Some((0, 5)));
    assert!(!has_trie(&Prog::new("(?:ab|ac|ad)x").unwrap()));
    assert!(!has_trie(&Prog::new("(?:不正|漏えい|流出|閲覧|送信|暗号化|感染|侵入|改ざん)").unwrap()));
}

/// Random alternations of literals (shared prefixes, duplicates, words that
/// are prefixes of others, a few non-literal alternatives), in trie and
/// dispatch form, against `regex`.
#[test]
fn trie_alternations_agree_with_regex() {
    let mut r = Rng::new(0x51a7_e11e_dead_beef);
    let words = ["a", "ab", "abc", "abd", "b", "ba", "アイ", "アイウ", "ア", "x", "xy", "ab", "bab"];
    let others = ["[ab]c", "a?x", "(a)b", "\\\\bb"];
    let mut tries = 0;
    for _ in 0..300 {
        // Mostly words that begin with the same character (a trie then
        // pays, see `long_literal_alternations_use_a_trie`).
        let n = 8 + r.below(30);
        let lead = r.pick(&["a", "ア", ""]);
        let mut alts: Vec<String> = (0..n).map(|_| format!("{}{}{}", lead, r.pick(&words), r.pick(&words))).collect();
        for _ in 0..r.below(4) {
            let at = r.below(alts.len() as u64) as usize;
            alts.insert(at, r.pick(&others).to_string());
        }
        let tail = r.pick(&["", "c", "(?:c|a)", "[^。]{0,2}b", "$"]);
        let pat = format!("(?:{}){}", alts.join("|"), tail);
        let prog = Prog::new(&pat).unwrap();
        tries += prog.insts.iter().any(|i| matches!(i, Inst::Alt(a) if a.trie.is_some())) as usize;
        let re = regex::Regex::new(&pat).unwrap();
        for _ in 0..20 {
            let hay: String = (0..r.below(12)).map(|_| r.pick(&["a", "b", "c", "x", "y", "ア", "イ", "ウ", " "])).collect();
            assert_eq!(all(&pat, &hay), oracle(&pat, &hay), "{:?} on {:?}", pat, hay);
            assert_eq!(prog.captures(&hay), oracle_groups(&re, &hay), "groups of {:?} on {:?}", pat, hay);
            assert_eq!(at_every_start(&prog, &hay), at_every_start_fresh(&prog, &hay));
        }
    }
    assert!(tries > 60, "only {} of the alternations got a trie", tries);
}

/// `captures_where` is one search: its groups are those of the first
/// match among the allowed starts, and it costs what one search costs.
#[test]
fn captures_where_is_one_search() {
    let prog = Prog::new("([a-z]{1,8})(?:社|局)").unwrap();
    let hay = "abc社 def局 ghi社";
    let allowed = |p: usize| p >= 5;
    let caps = prog.captures_where(hay, allowed).unwrap();
    assert_eq!((caps[2], caps[3]), (Some(7), Some(10)));
    let re = regex::Regex::new("([a-z]{1,8})(?:社|局)").unwrap();
    let c = re.captures_at(hay, 7).unwrap();
    assert_eq!((c.get(1).unwrap().start(), c.get(1).unwrap().end()), (7, 10));
    assert_eq!(prog.captures_where(hay, |p| p > 100), None);
    let w_caps = work_of(|| drop(prog.captures_where(hay, allowed)));
    let w_find = work_of(|| drop(prog.find_at_where(hay, 0, allowed)));
    assert!(w_caps <= w_find + 8, "captures_where {} vs find {}", w_caps, w_find);
}

#[test]
fn cost_rows_and_lengths() {
    let p = Prog::new("a|b[^。]{0,30}c").unwrap();
    assert_eq!(p.memo_rows(), 2);
    assert_eq!(p.max_len(), Some(1 + 30 * 4 + 1));
    assert!(p.cost(4096) >= 30 && p.cost(4096) < 60, "cost {}", p.cost(4096));
    // The repetition's count, capped by the haystack.
    let q = Prog::new("\\\\w{5000}").unwrap();
    assert!(q.cost(4096) > 4096 && q.cost(100) < 200);
    assert!(!p.matches_empty() && Prog::new("a?").unwrap().matches_empty());
    assert_eq!(Prog::new("(?:a|b)*c").unwrap().max_len(), None);
}

// ---- the wire format --------------------------------------------------------

use crate::wire;

fn entry(p: &str) -> Vec<u8> {
    let mut e = Vec::new();
    wire::encode(p, &mut e).unwrap();
    e
}

/// encode → decode gives a program that behaves as the compiled one: the
/// same matches, groups, sizes and limits, for random patterns and the
/// adversarial ones (build.rs's blob gets the same check for every built-in
/// pattern in `scan/tests.rs`).
#[test]
fn wire_round_trip_keeps_the_behaviour() {
    let mut r = Rng::new(0xc0ffee);
    let mut pats: Vec<String> = vec!["(a|aa)*b".into(), "[^。]{1,20}ウイルス".into(), "\\\\bbec\\\\b".into(), "(?m)^a|b$".into()];
    pats.push(format!("(?:{})x", (0..669).map(|i| format!("ab{}", i)).collect::<Vec<_>>().join("|")));
    while pats.len() < 300 {
        let p = random_pattern(&mut r);
        if Prog::new(&p).is_ok() {
            pats.push(p);
        }
    }
    for p in &pats {
        let fresh = Prog::new(p).unwrap();
        let bytes = entry(p);
        let (src, back, _) = wire::decode(&bytes).unwrap();
        assert_eq!(src, p);
        assert_eq!((back.size(), back.memo_rows(), back.max_len(), back.matches_empty()), (fresh.size(), fresh.memo_rows(), fresh.max_len(), fresh.matches_empty()));
        assert_eq!(back.cost(4096), fresh.cost(4096));
        for _ in 0..10 {
            let hay = random_text(&mut r, 12) + &random_text(&mut r, 4).replace('x', "ab7");
            let (mut a, mut b) = (Vec::new(), Vec::new());
            fresh.for_each(&hay, |x, y| a.push((x, y)));
            back.for_each(&hay, |x, y| b.push((x, y)));
            assert_eq!(a, b, "{:?} on {:?}", p, hay);
            assert_eq!(fresh.captures(&hay), back.captures(&hay));
        }
    }
}

/// Bad bytes are errors, never programs: every truncation of an entry, an
/// unknown opcode, a jump out of range, a wrong magic or version; and
/// random corruption never panics.
#[test]
fn wire_refuses_bad_bytes() {
    let p = "(?:ab|cd)[^。]{0,5}(e)";
    let good = entry(p);
    assert!(wire::decode(&good).is_ok());
    for n in 0..good.len() {
        assert!(wire::decode(&good[..n]).is_err(), "a truncation at {} of {} decoded", n, good.len());
    }
    // The first instruction's opcode: after the pattern, the literals and the count.
    let (_, prog, _) = wire::decode(&good).unwrap();
    assert!(matches!(prog.insts[0], Inst::Save(0)));
    let mut w = Vec::new();
    {
        // Find the opcode byte of instruction 0 (SAVE = 7 followed by slot 0).
        let at = (0..good.len() - 1).find(|&i| good[i] == 7 && good[i + 1] == 0).unwrap();
        w.extend_from_slice(&good);
        w[at] = 200;
    }
    let e = wire::decode(&w).unwrap_err();
    assert!(e.0.contains("unknown opcode 200"), "{}", e);
    // A jump past the end: rewrite the pattern's first Jump target.
    let j = Prog::new("ab|cd").unwrap();
    assert!(j.insts.iter().any(|i| matches!(i, Inst::Jump(_))));
    let mut e2 = entry("ab|cd");
    let at = (0..e2.len()).rev().find(|&i| e2[i] == 5).unwrap();
    e2[at + 1] = 0x7f;
    assert!(wire::decode(&e2).is_err());
    // Blobs: magic and version.
    let blob: &'static [u8] = Box::leak(wire::blob(&[good.clone()]).into_boxed_slice());
    let c = wire::Compiled::new(blob).unwrap();
    assert_eq!(c.len(), 1);
    assert!(c.get(p).unwrap().is_ok());
    let mut bad_magic = blob.to_vec();
    bad_magic[0] = b'X';
    assert!(wire::Compiled::new(Box::leak(bad_magic.into_boxed_slice())).is_err());
    let mut old = blob.to_vec();
    old[4] = 1;
    let e = wire::Compiled::new(Box::leak(old.into_boxed_slice())).err().unwrap();
    assert!(e.0.contains("version 1"), "{}", e);
    assert!(wire::Compiled::new(Box::leak(blob[..blob.len() - 1].to_vec().into_boxed_slice())).is_err());
    // Corruption: every byte of a few entries set to a few values.
    for p in ["(a|aa)*b", "(?:ab|cd)[^。]{0,5}(e)", "\\\\bx\\\\b|^y$", "(?:ア|イ)+?ウ"] {
        let good = entry(p);
        for i in 0..good.len() {
            for v in [0u8, 1, 5, 9, 0x7f, 0x80, 0xfe, 0xff] {
                let mut b = good.clone();
                b[i] = v;
                if let Ok((_, prog, _)) = wire::decode(&b) {
                    // Whatever it decodes to runs without panicking.
                    prog.for_each("aab ab cde アイウ x y", |_, _| ());
                    let _ = prog.captures("abcde");
                }
            }
        }
    }
}
