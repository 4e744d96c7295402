//! The scan against oracles: the prefilter-driven search equals every cue
//! on every segment (with the `regex` crate as the matcher), and every
//! pattern compiled by build.rs agrees with `regex`.

use super::table::Scanner;
use crate::rules::{builtin, CueSpec};
use crate::text::{Segment, Text};
use jikenbo_pattern::Prog;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Every cue on every segment: what `find_cues` must equal.
fn naive(sc: &Scanner, text: &str, segs: &[Segment]) -> Vec<(usize, usize, usize, usize)> {
    // The `regex` crate is the reference for the matcher.
    // The cues of the table, in order, as the rule files write them.
    static CUES: OnceLock<Vec<CueSpec>> = OnceLock::new();
    static ORACLE: OnceLock<HashMap<String, regex::Regex>> = OnceLock::new();
    let cues = CUES.get_or_init(|| builtin::specs().into_iter().flat_map(|r| r.cues).collect());
    assert_eq!(cues.len(), sc.table.cues.len());
    let oracle_res = ORACLE.get_or_init(|| {
        let all = cues.iter().flat_map(|c| [Some(&c.pattern), c.near.as_ref(), c.not_near.as_ref()]).flatten();
        all.map(|p| (p.clone(), regex::Regex::new(p).unwrap())).collect()
    });
    let re = |src: &str| &oracle_res[src];
    let mut out = Vec::new();
    for (si, seg) in segs.iter().enumerate() {
        let s = &text[seg.start..seg.end];
        for (ci, cue) in sc.table.cues.iter().enumerate() {
            if cue.name_cue {
                continue;
            }
            let oracle = |src: &str| re(src).is_match(s);
            if cues[ci].near.as_deref().is_some_and(|p| !oracle(p)) {
                continue;
            }
            if cues[ci].not_near.as_deref().is_some_and(oracle) {
                continue;
            }
            for m in re(&cues[ci].pattern).find_iter(s) {
                if m.start() < m.end() {
                    out.push((seg.start + m.start(), seg.start + m.end(), ci, si));
                }
            }
        }
    }
    out.sort();
    out
}

fn check(sc: &Scanner, raw: &str) {
    let t = Text::new(raw);
    let mut got: Vec<_> = sc.find_cues(t.as_str(), &t.segs).0.iter().map(|h| (h.start, h.end, h.cue, h.seg)).collect();
    got.sort();
    assert_eq!(got, naive(sc, t.as_str(), &t.segs), "text: {:?}", raw);
}

/// Every pattern compiled by build.rs (rules, alternations, `fixed`),
/// read back from the blob, finds what the `regex` crate finds, with the
/// same groups, on every line of the fixtures and of the corpus.
#[test]
fn compiled_patterns_agree_with_regex() {
    let blob = builtin::compiled();
    assert!(blob.len() > 100, "the blob holds {} patterns", blob.len());
    let mut texts: Vec<String> = Vec::new();
    for dir in ["tests/fixtures", "../shared/corpus/dev", "../shared/corpus/seed"] {
        let Ok(rd) = std::fs::read_dir(dir) else { continue };
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                let norm = crate::text::Normalized::new(&std::fs::read_to_string(e.path()).unwrap());
                texts.extend(norm.text.split('\n').map(String::from));
                texts.push(norm.text.clone());
            }
        }
    }
    assert!(texts.len() > 100);
    for src in blob.patterns() {
        let (prog, _) = blob.get(src).unwrap().unwrap();
        let fresh = Prog::new(src).unwrap();
        let re = regex::Regex::new(src).unwrap();
        for t in &texts {
            let want: Vec<(usize, usize)> =
                re.find_iter(t).filter(|m| m.start() < m.end()).map(|m| (m.start(), m.end())).collect();
            for p in [&prog, &fresh] {
                let mut got = Vec::new();
                p.for_each(t, |a, b| got.push((a, b)));
                assert_eq!(got, want, "pattern {:?}", src);
            }
            let want_caps: Option<Vec<Option<usize>>> = re.captures(t).map(|c| {
                (0..c.len()).flat_map(|i| c.get(i).map_or([None, None], |m| [Some(m.start()), Some(m.end())])).collect()
            });
            assert_eq!(prog.captures(t), want_caps, "groups of {:?}", src);
        }
    }
}

#[test]
fn prefilter_scan_equals_every_cue_on_every_segment() {
    let engine = Scanner::new(&builtin::specs()).unwrap();
    // Fragments written for this test; shuffled into many texts.
    let parts = [
        "当社サーバーが第三者による不正アクセスを受け、",
        "ランサムウェアに感染し、ファイルが暗号化されました。",
        "お客様の氏名、住所、電話番号、メールアドレス",
        "クレジットカード番号(下4桁)は含まれておりません。",
        "約1,200名分の個人情報が流出した可能性があります。",
        "\n■ 経緯\n",
        "\n・氏名\n・生年月日\n",
        "警察および個人情報保護委員会に報告しております。",
        "不審なメールにはご注意ください。",
        "万一、不正利用が確認された場合は",
        "お問い合わせ先:03-1234-5678 ",
        "usbメモリを紛失しました。",
        "ddos攻撃 cvv bec nisc ipa ",
        "設定の誤りにより、閲覧可能な状態となっておりました。",
        "株式会社サンプル 〇〇市役所\n",
        "。。 \n\n  !?",
    ];
    let mut seed = 0x2545f4914f6cdd1du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..300 {
        let n = (next() % 12) as usize + 1;
        let text: String = (0..n).map(|_| parts[(next() % parts.len() as u64) as usize]).collect();
        check(&engine, &text);
    }
    for p in parts {
        check(&engine, p);
    }
    // The real notices, when the shared corpus is there.
    for dir in ["../shared/corpus/dev", "../shared/corpus/seed"] {
        let Ok(rd) = std::fs::read_dir(dir) else { continue };
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                check(&engine, &std::fs::read_to_string(e.path()).unwrap());
            }
        }
    }
}

#[test]
#[ignore]
fn print_sizes() {
    let sc = Scanner::new(&builtin::specs()).unwrap();
    eprintln!("prefilter bytes {}", sc.sets[0].prefilter.heap_bytes());
    eprintln!("cues {}", sc.table.cues.len());
}
