//! The command line (`jikenbo classify [PATH ...]`), run as a built binary:
//! one JSON report per line with a "file" field, failures as one stderr line
//! naming the input, the other inputs still printed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_jikenbo");
/// `jikenbo::MAX_INPUT_BYTES`, restated: this test links only the binary
/// (linking the library too clashes with `panic = "abort"` under --release).
const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;
const NOTICE: &str = "当社サーバーがランサムウェアに感染し、ファイルが暗号化されました。\n";

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("jikenbo-cli-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("the jikenbo binary runs")
}

fn stdout_lines(o: &Output) -> Vec<serde_json::Value> {
    let s = String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8");
    s.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap_or_else(|e| panic!("not a JSON line ({}): {}", e, l)))
        .collect()
}

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr).lines().map(String::from).collect()
}

fn files(lines: &[serde_json::Value]) -> Vec<String> {
    lines.iter().map(|v| v["file"].as_str().expect("every line has a string \"file\" field").to_string()).collect()
}

/// A report line: an object with "file", the schema and every field of spec/output.md.
fn assert_report(v: &serde_json::Value) {
    assert!(v.is_object(), "{}", v);
    assert_eq!(v["schema"], 1, "{}", v);
    for k in ["file", "language", "attackTypes", "dataCategories", "leakStatus", "affectedCount", "severity", "reportedTo", "organization", "ppcReport"] {
        assert!(v.get(k).is_some(), "report line lacks {:?}: {}", k, v);
    }
}

#[test]
fn files_in_order_one_json_line_each() {
    let d = scratch("order");
    let a = write(&d, "a.txt", NOTICE.as_bytes());
    let b = write(&d, "b.txt", "氏名と住所が流出した可能性があります。".as_bytes());
    let o = run(&["classify", &b, &a]);
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    let lines = stdout_lines(&o);
    assert_eq!(files(&lines), vec![b.clone(), a.clone()], "one line per file, in the order given, path as given");
    lines.iter().for_each(assert_report);
    assert!(lines[1]["attackTypes"].as_array().unwrap().iter().any(|t| t["id"] == "ransomware"));
    assert!(o.stderr.is_empty());
}

#[test]
fn invalid_utf8_file_is_named_and_the_others_still_print() {
    let d = scratch("utf8");
    let a = write(&d, "a.txt", NOTICE.as_bytes());
    let mut bad = "ランサム".as_bytes().to_vec();
    bad.extend_from_slice(&[0xE3, 0x83, 0xff, 0xfe, b'\n']);
    let bad = write(&d, "bad.txt", &bad);
    let c = write(&d, "c.txt", NOTICE.as_bytes());
    let o = run(&["classify", &a, &bad, &c]);
    assert!(!o.status.success(), "invalid UTF-8 must give a non-zero exit");
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "exactly one stderr line: {:?}", err);
    assert!(err[0].contains(&bad), "stderr does not name the file: {}", err[0]);
    assert!(err[0].contains("UTF-8"), "stderr does not say why: {}", err[0]);
    assert_eq!(files(&stdout_lines(&o)), vec![a, c]);
}

#[test]
fn missing_file_is_named_and_the_others_still_print() {
    let d = scratch("missing");
    let a = write(&d, "a.txt", NOTICE.as_bytes());
    let missing = d.join("no-such-notice.txt").to_string_lossy().into_owned();
    let o = run(&["classify", &missing, &a]);
    assert!(!o.status.success());
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{:?}", err);
    assert!(err[0].contains(&missing), "{}", err[0]);
    assert_eq!(files(&stdout_lines(&o)), vec![a]);
}

#[test]
fn unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let d = scratch("unreadable");
    let locked = write(&d, "locked.txt", NOTICE.as_bytes());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read(&locked).is_ok(); // root reads everything
    // A path whose parent is a file cannot be opened by anyone.
    let a = write(&d, "a.txt", NOTICE.as_bytes());
    let under_file = format!("{}/inner.txt", a);
    let o = run(&["classify", &under_file, &locked, &a]);
    assert!(!o.status.success());
    let err = stderr_lines(&o);
    assert!(err.iter().any(|l| l.contains(&under_file)), "{:?}", err);
    if readable_anyway {
        eprintln!("note: running as a user who can read mode-000 files; only the not-a-directory case is checked");
        assert_eq!(err.len(), 1, "{:?}", err);
        assert_eq!(files(&stdout_lines(&o)), vec![locked.clone(), a]);
    } else {
        assert_eq!(err.len(), 2, "{:?}", err);
        assert!(err.iter().any(|l| l.contains(&locked)), "{:?}", err);
        assert_eq!(files(&stdout_lines(&o)), vec![a]);
    }
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644));
}

#[test]
fn directory_means_its_txt_files_in_name_order() {
    let d = scratch("dir");
    let notices = d.join("notices");
    std::fs::create_dir_all(notices.join("sub.txt")).unwrap(); // a directory named *.txt: skipped
    write(&notices.join("sub.txt"), "inner.txt", NOTICE.as_bytes());
    for name in ["b.txt", "a.txt", "10.txt", "9.txt", "c.md", "README", "a.txt.bak"] {
        write(&notices, name, NOTICE.as_bytes());
    }
    let o = run(&["classify", notices.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = stdout_lines(&o);
    lines.iter().for_each(assert_report);
    let names: Vec<String> = files(&lines)
        .iter()
        .map(|f| Path::new(f).file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["10.txt", "9.txt", "a.txt", "b.txt"]);
    for f in files(&lines) {
        assert!(Path::new(&f).is_file(), "the \"file\" field {:?} is not a path to the file", f);
    }
}

#[test]
fn stdin_when_no_path() {
    let mut child = Command::new(BIN)
        .arg("classify")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(NOTICE.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = stdout_lines(&o);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["file"], "-");
    assert_report(&lines[0]);
    let ev = &lines[0]["attackTypes"][0]["evidence"][0];
    let u: Vec<u16> = NOTICE.encode_utf16().collect();
    let (s, e) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
    assert_eq!(String::from_utf16(&u[s..e]).unwrap(), "ランサムウェア");
}

#[test]
fn shift_jis_on_stdin_is_read_as_shift_jis() {
    let mut child = Command::new(BIN)
        .arg("classify")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&[0x82, 0xa0, 0x82, 0xa2]).unwrap(); // Shift_JIS あい
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = stdout_lines(&o);
    assert_eq!(lines[0]["language"], "ja");
}

#[test]
fn bytes_no_japanese_encoding_reads_are_named() {
    let mut child = Command::new(BIN)
        .arg("classify")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&[0xE3, 0x83, 0xff, 0xfe, 0x80, 0x80]).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(!o.status.success());
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{:?}", err);
    assert!(err[0].contains('-') && err[0].contains("UTF-8") && err[0].contains("--encoding"), "{}", err[0]);
    assert!(o.stdout.is_empty());
}

#[test]
fn empty_file_gives_an_empty_valid_report() {
    let d = scratch("empty");
    let e = write(&d, "empty.txt", b"");
    let o = run(&["classify", &e]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = stdout_lines(&o);
    assert_eq!(lines.len(), 1);
    let v = &lines[0];
    assert_report(v);
    assert_eq!(v["file"], e.as_str());
    assert_eq!(v["attackTypes"], serde_json::json!([]));
    assert_eq!(v["dataCategories"], serde_json::json!([]));
    assert_eq!(v["reportedTo"], serde_json::json!([]));
    assert_eq!(v["leakStatus"]["value"], "unknown");
    assert_eq!(v["affectedCount"]["value"], serde_json::Value::Null);
    assert_eq!(v["organization"]["name"], serde_json::Value::Null);
    assert_eq!(v["ppcReport"]["required"], false);
}

#[test]
fn oversized_file_is_named_with_the_limit() {
    let d = scratch("big");
    let big = write(&d, "big.txt", &vec![b'a'; MAX_INPUT_BYTES + 1]);
    let a = write(&d, "a.txt", NOTICE.as_bytes());
    let o = run(&["classify", &big, &a]);
    assert!(!o.status.success());
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{:?}", err);
    assert!(err[0].contains(&big), "{}", err[0]);
    assert!(err[0].contains(&MAX_INPUT_BYTES.to_string()), "{}", err[0]);
    assert_eq!(files(&stdout_lines(&o)), vec![a]);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn file_names_are_json_escaped() {
    let d = scratch("names");
    let odd = write(&d, "quote\"back\\slash 事件.txt", NOTICE.as_bytes());
    let o = run(&["classify", &odd]);
    assert!(o.status.success());
    assert_eq!(files(&stdout_lines(&o)), vec![odd]);
}

#[test]
fn usage_errors_exit_non_zero() {
    let o = run(&[]);
    assert!(!o.status.success());
    assert!(!o.stderr.is_empty());
    let o = run(&["clasify"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("clasify"));
}

/// Notices saved from Japanese sites: Shift_JIS and EUC-JP files are
/// detected; `--encoding` chooses; a wrong choice is named.
#[test]
fn shift_jis_and_euc_jp_files() {
    let d = scratch("encodings");
    // 「ランサムウェアに感染しました。」 in both encodings (bytes written out
    // so that the test needs no encoder).
    let sjis: &[u8] = b"\x83\x89\x83\x93\x83\x54\x83\x80\x83\x45\x83\x46\x83\x41\x82\xc9\x8a\xb4\x90\xf5\x82\xb5\x82\xdc\x82\xb5\x82\xbd\x81\x42";
    let euc: &[u8] = b"\xa5\xe9\xa5\xf3\xa5\xb5\xa5\xe0\xa5\xa6\xa5\xa7\xa5\xa2\xa4\xcb\xb4\xb6\xc0\xf7\xa4\xb7\xa4\xde\xa4\xb7\xa4\xbf\xa1\xa3";
    let a = write(&d, "sjis.txt", sjis);
    let b = write(&d, "euc.txt", euc);
    let o = run(&["classify", &a, &b]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for line in stdout_lines(&o) {
        assert_eq!(line["attackTypes"][0]["id"], "ransomware", "{}", line);
        assert_eq!(line["attackTypes"][0]["evidence"][0]["text"], "ランサムウェア");
    }
    let o = run(&["classify", "--encoding", "euc-jp", &b]);
    assert!(o.status.success());
    let o = run(&["classify", "--encoding", "utf-8", &a]);
    assert!(!o.status.success());
    assert!(stderr_lines(&o)[0].contains("UTF-8"));
    let o = run(&["classify", "--encoding", "latin9", &a]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn dash_is_stdin_among_files() {
    let d = scratch("dash");
    let a = write(&d, "a.txt", NOTICE.as_bytes());
    let mut child = Command::new(BIN).args(["classify", &a, "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(NOTICE.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    assert_eq!(files(&stdout_lines(&o)), vec![a, "-".to_string()]);
}

#[test]
fn every_command_has_help() {
    for cmd in ["classify", "explain", "export"] {
        let o = run(&[cmd, "--help"]);
        assert!(o.status.success(), "{} --help", cmd);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(&format!("usage: jikenbo {}", cmd)), "{}", out);
    }
    let o = run(&["--help"]);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("export"));
    let o = run(&["classify", "--nope"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn an_empty_folder_is_an_error() {
    let d = scratch("empty");
    let o = run(&["classify", d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr_lines(&o)[0].contains("no *.txt"), "{:?}", stderr_lines(&o));
}

#[test]
fn summary_format_is_readable() {
    let d = scratch("summary");
    let a = write(&d, "a.txt", "当社サーバーがランサムウェアに感染し、お客様の氏名 約1,200名分が流出した可能性があります。".as_bytes());
    let o = run(&["classify", "--format", "summary", &a]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with(&format!("== {}", a)), "{}", out);
    assert!(out.contains("ランサムウェア (ransomware)") && out.contains("1,200") && out.contains("possible"), "{}", out);
}

#[test]
fn a_rule_pack_from_toml_files() {
    let d = scratch("pack");
    let dir = d.join("attack_types");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("cryptolocker.toml"),
        "match = [\"サーバーがクリプトロッカーに感染しました。\"]\nno_match = [\"クリプトロッカー対策を導入しました。\"]\ntag = \"ransomware\"\n[[cues]]\npattern = 'クリプトロッカー'\nnot_near = '対策'\n",
    )
    .unwrap();
    let a = write(&d, "a.txt", "サーバーがクリプトロッカーに感染しました。".as_bytes());
    let plain = stdout_lines(&run(&["classify", &a]));
    assert!(plain[0]["attackTypes"].as_array().unwrap().is_empty());
    let o = run(&["classify", "--rules", d.to_str().unwrap(), &a]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = stdout_lines(&o);
    assert_eq!(lines[0]["attackTypes"][0]["evidence"][0]["rule"], "attack_types/cryptolocker");
    // A broken rule is named, with the same message as the npm package.
    std::fs::write(dir.join("broken.toml"), "tag = \"ransomware\"\nmatch = [\"x\"]\nno_match = [\"y\"]\n[[cues]]\npattern = '(unclosed'\n").unwrap();
    let o = run(&["classify", "--rules", d.to_str().unwrap(), &a]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr_lines(&o).join("\n");
    assert!(err.contains("invalid custom rule") && err.contains("\"broken\""), "{}", err);
    let o = run(&["classify", "--rules", d.join("nothing-here").to_str().unwrap(), &a]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn split_and_export() {
    let d = scratch("export");
    let two = "【事件簿#1】株式会社アルファ 不正アクセスに関するお知らせ\n当社サーバーが第三者による不正アクセスを受け、お客様の氏名とメールアドレスが流出しました。現在、詳しい調査を進めております。\n\n【事件簿#2】ベータ市 書類紛失のお詫び\n本市の職員が住民の住所と電話番号を記載した書類を紛失しました。関係する皆様には個別に連絡を差し上げております。\n";
    let a = write(&d, "two.txt", two.as_bytes());
    let lines = stdout_lines(&run(&["classify", "--split", &a]));
    assert_eq!(lines.len(), 2, "two notices");
    assert!(lines[0]["part"]["start"].as_u64().unwrap() < lines[1]["part"]["start"].as_u64().unwrap());
    for format in ["veris", "stix", "misp"] {
        let o = run(&["export", "--format", format, "--created", "2026-01-02T03:04:05Z", "--split", &a]);
        assert!(o.status.success(), "{}: {}", format, String::from_utf8_lossy(&o.stderr));
        let s = String::from_utf8(o.stdout).unwrap();
        assert_eq!(s.lines().count(), 2, "{}", format);
        for l in s.lines() {
            serde_json::from_str::<serde_json::Value>(l).unwrap();
        }
    }
    let o = run(&["export", "--format", "csv", "--bom", &a]);
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(csv.starts_with("\u{feff}id,organization,"), "{}", csv);
    assert!(csv.ends_with("\r\n"));
    let o = run(&["export", &a]);
    assert_eq!(o.status.code(), Some(2), "--format is required");
}
