//! `cargo bench --bench adversarial` (see BENCHMARKS.md, "Adversarial
//! inputs"): the inputs of issue 12 at 256 KB, 1 MB and 4 MB — built-in
//! rules on 「1名」 repeated and on a repeated notice, custom cues
//! `(a|aa)*b`, `[^。]{1,2}`, a 669-word alternation and
//! `[^。]{1,20}ウイルス` on the texts that made them slow — with, for each,
//! the engine's work per input byte (`jikenbo::engine_work`, deterministic)
//! and the time ratio time(4 MB) / time(1 MB) (linear: 4). BENCH_QUICK=1:
//! one run per size (`make bench-smoke`).

use jikenbo::{Classifier, CueSpec, Field, RuleSpec};
use std::time::Instant;

// Written for this benchmark, not taken from a real notice.
const NOTICE: &str = "不正アクセスによる個人情報流出の可能性に関するお詫び\n株式会社サンプル商事\n当社サーバーが第三者による不正アクセスを受け、お客様の氏名、住所、電話番号、クレジットカード番号 約3,200名分が流出した可能性があります。\n個人情報保護委員会および警察に報告しております。\n不審なメールにはご注意ください。\n";

/// A classifier with one custom cue (its examples: `yes` must match).
fn custom(pattern: &str, yes: &str) -> Classifier {
    let rule = RuleSpec::new("adversarial", Field::Attack, "unauthorized_access", vec![CueSpec::new(pattern)], &[yes], &["。"]);
    Classifier::with_rules(vec![rule]).unwrap_or_else(|e| panic!("{}: {}", pattern, e))
}

/// `unit` repeated to at most `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

pub struct Row {
    pub name: &'static str,
    pub classifier: Classifier,
    pub unit: &'static str,
}

fn rows() -> Vec<Row> {
    let alts: Vec<String> = (0..669).map(|i| format!("ab{}", i)).collect();
    let ab669: &'static str = Box::leak(format!("(?:{})x", alts.join("|")).into_boxed_str());
    vec![
        Row { name: "1名 × n, built-in rules", classifier: Classifier::with_rules(vec![]).unwrap(), unit: "1名" },
        Row { name: "(a|aa)*b on a × n", classifier: custom("(a|aa)*b", "aab"), unit: "a" },
        Row { name: "[^。]{1,2} on a × n", classifier: custom("[^。]{1,2}", "ab"), unit: "a" },
        Row { name: "(?:ab0|…|ab668)x on ab7 × n", classifier: custom(ab669, "ab7x"), unit: "ab7" },
        Row { name: "[^。]{1,20}ウイルス on ウイルス、 × n", classifier: custom("[^。]{1,20}ウイルス", "新種のウイルス"), unit: "ウイルス、" },
        Row { name: "a notice × n, built-in rules", classifier: Classifier::with_rules(vec![]).unwrap(), unit: NOTICE },
    ]
}

fn main() {
    let quick = std::env::var("BENCH_QUICK").is_ok_and(|v| v == "1");
    let sizes = [256 * 1024, 1024 * 1024, 4 * 1024 * 1024];
    println!("\nadversarial inputs — engine work per byte (jikenbo::engine_work) and time; linear: work/byte flat, time(4 MB)/time(1 MB) ≈ 4 (target ≤ 4.5)");
    println!("| input | work/B 256 KB | work/B 1 MB | work/B 4 MB | ms 256 KB | ms 1 MB | ms 4 MB | time 4M/1M |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for row in rows() {
        let mut per_byte = Vec::new();
        let mut ms = Vec::new();
        for &n in &sizes {
            let text = repeat(row.unit, n);
            let w0 = jikenbo::engine_work();
            row.classifier.classify(&text).unwrap();
            per_byte.push((jikenbo::engine_work() - w0) as f64 / text.len() as f64);
            // Median of a few runs, interleaved with nothing (one size at a time).
            let runs = if quick { 1 } else { 5 };
            let mut t: Vec<f64> = (0..runs)
                .map(|_| {
                    let s = Instant::now();
                    row.classifier.classify(&text).unwrap();
                    s.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            t.sort_by(|a, b| a.partial_cmp(b).unwrap());
            ms.push(t[t.len() / 2]);
        }
        println!(
            "| {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.2} |",
            row.name, per_byte[0], per_byte[1], per_byte[2], ms[0], ms[1], ms[2], ms[2] / ms[1]
        );
    }
}
