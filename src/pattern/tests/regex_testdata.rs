//! The engine on the `regex` crate's own test data (`testdata/regex/*.toml`,
//! copied from rust-lang/regex: see its README), read by the `regex-test`
//! crate. Every test the engine's API can express — one pattern,
//! leftmost-first, a search over the whole haystack, UTF-8 text and
//! patterns, `\n` as the line terminator — is run as `is_match`, `find`
//! (every match, empty ones included, iterated as `regex` does) and
//! `captures` (the groups of every match), and must give what the data says.
//! The others are skipped, and the patterns the engine refuses (a
//! repetition of an empty-matching part, `(a?)*`) are counted; both lists
//! are printed, and their sizes are pinned so that a change shows.

use jikenbo_pattern::Prog;
use regex_test::{Captures, CompiledRegex, Match, MatchKind, RegexTest, RegexTests, SearchKind, Span, TestResult, TestRunner};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Every match of `prog` in `hay`, as `regex`'s iterators give them: the
/// next search starts where the last match ended, and an empty match right
/// there is passed over by searching again one byte further (a search never
/// starts inside a character). Anchored: each match must start where the
/// search does.
fn matches(prog: &Prog, hay: &str, anchored: bool, limit: Option<usize>) -> Vec<Vec<Option<(usize, usize)>>> {
    let mut s = prog.session(hay);
    let mut out = Vec::new();
    let mut at = 0;
    let mut last_end = None;
    while at <= hay.len() && limit.is_none_or(|l| out.len() < l) {
        let from = at;
        let Some(slots) = s.captures_where(at, |p| !anchored || p == from) else { break };
        let (a, b) = (slots[0].unwrap(), slots[1].unwrap());
        if a == b && last_end == Some(b) {
            at = b + 1;
            continue;
        }
        out.push(slots.chunks(2).map(|g| Some((g[0]?, g[1]?))).collect());
        last_end = Some(b);
        at = b;
    }
    out
}

/// Why a test is not run, when it is not.
fn unsupported(t: &RegexTest) -> Option<&'static str> {
    if t.regexes().len() != 1 {
        return Some("a set of patterns");
    }
    if t.match_kind() != MatchKind::LeftmostFirst {
        return Some("match kind all or leftmost-longest");
    }
    if t.search_kind() != SearchKind::Leftmost {
        return Some("earliest or overlapping search");
    }
    if !t.utf8() || std::str::from_utf8(t.haystack()).is_err() {
        return Some("not UTF-8 (utf8 = false, or a haystack of bytes)");
    }
    if t.bounds().start != 0 || t.bounds().end != t.haystack().len() {
        return Some("a search over part of the haystack (bounds)");
    }
    if t.line_terminator() != b'\n' {
        return Some("a line terminator other than \\n");
    }
    None
}

#[test]
fn regex_crate_testdata() {
    let mut tests = RegexTests::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/regex");
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for d in [dir.to_string(), format!("{}/fowler", dir)] {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            // regex-lite.toml is regex-lite's (ASCII-only classes): regex does not run it either.
            if e.path().extension().is_some_and(|x| x == "toml") && !e.path().ends_with("regex-lite.toml") {
                files.push(e.path());
            }
        }
    }
    files.sort();
    assert!(files.len() >= 20, "testdata/regex holds {} files", files.len());
    for f in &files {
        tests.load(f).unwrap();
    }
    let skipped: Rc<RefCell<BTreeMap<String, Vec<String>>>> = Rc::default();
    let ran = Rc::new(RefCell::new(0usize));
    let (sk, rn) = (skipped.clone(), ran.clone());
    let mut runner = TestRunner::new().unwrap();
    runner.expand(&["is_match", "find", "captures"], |t| t.compiles()).test_iter(tests.iter(), move |t, regexes| {
        let skip = |why: String| {
            sk.borrow_mut().entry(why).or_default().push(t.full_name().to_string());
            Ok(CompiledRegex::skip())
        };
        if let Some(why) = unsupported(t) {
            return skip(why.to_string());
        }
        let mut pattern = regexes[0].clone();
        if !t.unicode() {
            pattern.insert_str(0, "(?-u)");
        }
        if t.case_insensitive() {
            pattern.insert_str(0, "(?i)");
        }
        let hir = match jikenbo_pattern::parse(&pattern) {
            Ok(h) => h,
            // regex-syntax refuses it as regex does (the test expects that),
            // or it needs a Unicode table this build leaves out.
            Err(e) if t.compiles() => return skip(format!("syntax regex-syntax takes only with more Unicode features: {}", e.lines().last().unwrap_or(""))),
            Err(e) => anyhow::bail!("{}", e),
        };
        let prog = match Prog::from_hir(&hir, &pattern) {
            Ok(p) => p,
            Err(e) if e.contains("empty string") => return skip("refused by the engine: a repetition of a part that can match nothing".into()),
            Err(e) => return skip(format!("refused by the engine: {}", e)),
        };
        if !t.compiles() {
            return skip("regex refuses it (its size limit), the engine takes it".into());
        }
        *rn.borrow_mut() += 1;
        let (anchored, limit) = (t.anchored(), t.match_limit());
        Ok(CompiledRegex::compiled(move |t: &RegexTest| {
            let hay = std::str::from_utf8(t.haystack()).unwrap();
            let all = matches(&prog, hay, anchored, limit);
            let span = |(start, end): (usize, usize)| Span { start, end };
            match t.additional_name() {
                "is_match" => TestResult::matched(!matches(&prog, hay, anchored, Some(1)).is_empty()),
                "find" => TestResult::matches(all.iter().map(|g| Match { id: 0, span: span(g[0].unwrap()) })),
                "captures" => TestResult::captures(all.iter().map(|g| Captures::new(0, g.iter().map(|x| x.map(span))).unwrap())),
                other => TestResult::fail(&format!("unknown test kind {}", other)),
            }
        }))
    });
    let skipped = skipped.borrow();
    let mut total = 0;
    for (why, names) in skipped.iter() {
        eprintln!("skipped {:4}  {}", names.len(), why);
        if why.starts_with("refused") {
            let mut tests: Vec<&str> = names.iter().map(|n| n.rsplit_once('/').map_or(n.as_str(), |x| x.0)).collect();
            tests.dedup();
            eprintln!("         {}", tests.join(" "));
        }
        total += names.len();
    }
    eprintln!("ran {} (test, kind) pairs, skipped {}", ran.borrow(), total);
    runner.assert();
    // At regex 1.13.1's data: 759 tests run as is_match, find and captures
    // with the crate's own regex-syntax features (std, unicode-perl), 841
    // when the workspace's test build unifies them with all Unicode tables
    // (criterion pulls regex with its defaults); 90 refused (the patterns
    // with (a?)*-like repetitions).
    assert!(*ran.borrow() >= 2277, "{} tests run", ran.borrow());
    let refused: usize = skipped.iter().filter(|(w, _)| w.starts_with("refused")).map(|(_, n)| n.len()).sum();
    assert_eq!(refused, 270, "tests refused");
}
