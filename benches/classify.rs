//! `cargo bench --bench classify` (see BENCHMARKS.md): criterion over the
//! notices of ../shared/corpus (or synthetic notices written for this file
//! when the corpus is absent) and over inputs of 1 KB … 10 MB made by
//! repeating them; then a summary table (median MB/s, and the 10 MB / 100 KB
//! time ratio that shows the time is linear). BENCH_QUICK=1 runs every case
//! once and prints the summary only (`make bench-smoke`).

use criterion::{black_box, BenchmarkId, Criterion, Throughput};
use std::time::{Duration, Instant};

// Written for this benchmark, not taken from a real notice.
const SYNTHETIC: &[&str] = &[
    "不正アクセスによる個人情報流出の可能性に関するお詫び\n株式会社サンプル商事\n当社サーバーが第三者による不正アクセスを受け、お客様の氏名、住所、電話番号、クレジットカード番号 約3,200名分が流出した可能性があります。\n個人情報保護委員会および警察に報告しております。\n不審なメールにはご注意ください。\n",
    "ランサムウェア被害のお知らせ\n〇〇市民病院\n電子カルテシステムがランサムウェアに感染し、データが暗号化されました。外来診療を停止しております。患者様の情報が流出した事実は確認されておりません。\n",
    "メール誤送信についてのお詫び\n△△県教育委員会\n宛先をbccではなくtoに入力したため、受信者256名のメールアドレスが表示される状態となりました。メールアドレス以外の情報は含まれておりません。\n",
];

fn notices() -> (String, Vec<String>) {
    let mut out = Vec::new();
    let mut dirs = 0;
    for d in ["../shared/corpus/dev", "../shared/corpus/seed"] {
        let Ok(rd) = std::fs::read_dir(d) else { continue };
        dirs += 1;
        let mut files: Vec<_> = rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        files.sort();
        out.extend(files.iter().map(|f| std::fs::read_to_string(f).unwrap()));
    }
    if out.is_empty() {
        return ("synthetic notices (../shared/corpus absent)".into(), SYNTHETIC.iter().map(|s| s.to_string()).collect());
    }
    (format!("../shared/corpus ({} dirs)", dirs), out)
}

/// At most `bytes` bytes of the notices repeated, cut on a char boundary.
fn of_size(notices: &[String], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes);
    for n in notices.iter().cycle() {
        for c in n.chars().chain("\n\n".chars()) {
            if s.len() + c.len_utf8() > bytes {
                return s;
            }
            s.push(c);
        }
    }
    unreachable!()
}

const SIZES: &[(usize, &str)] = &[(1_000, "1KB"), (10_000, "10KB"), (100_000, "100KB"), (1_000_000, "1MB"), (10_000_000, "10MB")];

fn median_secs(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut xs: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[xs.len() / 2]
}

fn main() {
    let quick = std::env::var("BENCH_QUICK").is_ok_and(|v| v == "1");
    let (source, notices) = notices();
    let t = Instant::now();
    jikenbo::classify("初期化").unwrap();
    let init = t.elapsed();
    let concat = notices.join("\n\n");
    let inputs: Vec<(String, String)> = SIZES.iter().map(|&(n, name)| (name.to_string(), of_size(&notices, n))).collect();

    if !quick {
        let mut c = Criterion::default().configure_from_args().warm_up_time(Duration::from_secs(1));
        let mut g = c.benchmark_group("corpus");
        g.measurement_time(Duration::from_secs(5)).throughput(Throughput::Bytes(concat.len() as u64));
        g.bench_function("each notice", |b| {
            b.iter(|| {
                for n in &notices {
                    black_box(jikenbo::classify(black_box(n)).unwrap());
                }
            })
        });
        g.bench_function("concatenated", |b| b.iter(|| black_box(jikenbo::classify(black_box(&concat)).unwrap())));
        g.finish();
        let mut g = c.benchmark_group("size");
        g.sample_size(10).measurement_time(Duration::from_secs(4));
        for (name, text) in &inputs {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| b.iter(|| black_box(jikenbo::classify(t).unwrap())));
        }
        g.finish();
        c.final_summary();
    }

    // Summary (medians of our own timings, so it prints the same in quick mode).
    let runs = |bytes: usize| if quick { 1 } else if bytes >= 1_000_000 { 5 } else { 21 };
    println!("\nnative summary — {}: {} notices, {} bytes; first classify (rule compilation included) {:.1} ms", source, notices.len(), concat.len(), init.as_secs_f64() * 1e3);
    println!("| input | bytes | median time | MB/s |");
    println!("|---|---:|---:|---:|");
    let each = median_secs(runs(concat.len()), || {
        for n in &notices {
            black_box(jikenbo::classify(n).unwrap());
        }
    });
    println!("| corpus, notice by notice | {} | {:.3} ms ({:.3} ms/notice) | {:.1} |", concat.len(), each * 1e3, each * 1e3 / notices.len() as f64, concat.len() as f64 / each / 1e6);
    let cat = median_secs(runs(concat.len()), || {
        black_box(jikenbo::classify(&concat).unwrap());
    });
    println!("| corpus concatenated | {} | {:.3} ms | {:.1} |", concat.len(), cat * 1e3, concat.len() as f64 / cat / 1e6);
    let mut times = Vec::new();
    for (name, text) in &inputs {
        let s = median_secs(runs(text.len()), || {
            black_box(jikenbo::classify(text).unwrap());
        });
        times.push(s);
        println!("| {} | {} | {:.3} ms | {:.1} |", name, text.len(), s * 1e3, text.len() as f64 / s / 1e6);
    }
    println!("linearity: time(10 MB) / time(100 KB) = {:.1} (linear = 100; bound 120)", times[4] / times[2]);
}
