//! The matcher against the `regex` crate.

use crate::Prog;

fn all(p: &str, hay: &str) -> Vec<(usize, usize)> {
    let prog = Prog::new(p).unwrap();
    let mut out = Vec::new();
    prog.for_each(hay, |s, e| out.push((s, e)));
    out
}

fn oracle(p: &str, hay: &str) -> Vec<(usize, usize)> {
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

/// Random patterns from a small grammar (literals, classes, bounded and
/// unbounded repetitions, greedy and lazy, groups, alternations, anchors,
/// word boundaries) on random texts: the same matches and groups as
/// `regex`.
#[test]
fn random_patterns_agree_with_regex() {
    let mut seed = 0x2545f4914f6cdd1du64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    fn atom(next: &mut dyn FnMut(u64) -> u64, depth: u32) -> String {
        let atoms = ["a", "b", "ア", "。", "[ab]", "[^。]", "[^a\\s]", "\\s", ".", "アイ", "ab"];
        let base = if depth < 3 && next(4) == 0 {
            let n = next(3) + 1;
            let alts: Vec<String> = (0..n).map(|_| seq(next, depth + 1)).collect();
            format!("({})", alts.join("|"))
        } else {
            atoms[next(atoms.len() as u64) as usize].to_string()
        };
        let rep = ["", "", "", "?", "*", "+", "{0,3}", "{1,2}", "{2}", "??", "*?", "{0,4}?"];
        format!("{}{}", base, rep[next(rep.len() as u64) as usize])
    }
    fn seq(next: &mut dyn FnMut(u64) -> u64, depth: u32) -> String {
        let n = next(3) + 1;
        let mut s = String::new();
        if next(8) == 0 {
            s.push('^');
        }
        if next(10) == 0 {
            s.push_str("\\b");
        }
        for _ in 0..n {
            s.push_str(&atom(next, depth));
        }
        if next(8) == 0 {
            s.push('$');
        }
        s
    }
    let alphabet = ['a', 'b', 'ア', 'イ', '。', ' ', '\n', 'x'];
    let mut refused = 0;
    for _ in 0..400 {
        let pat = seq(&mut next, 0);
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
            let n = next(12);
            let hay: String = (0..n).map(|_| alphabet[next(alphabet.len() as u64) as usize]).collect();
            assert_eq!(all(&pat, &hay), oracle(&pat, &hay), "pattern {:?} on {:?}", pat, hay);
            let want: Option<Vec<Option<usize>>> = re.captures(&hay).map(|c| {
                (0..c.len()).flat_map(|i| c.get(i).map_or([None, None], |m| [Some(m.start()), Some(m.end())])).collect()
            });
            {
                assert_eq!(prog.captures(&hay), want, "groups of {:?} on {:?}", pat, hay);
            }
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
    // Exponential for a naive backtracker: the budget hands it to `regex`.
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

