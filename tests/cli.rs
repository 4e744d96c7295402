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
fn invalid_utf8_on_stdin() {
    let mut child = Command::new(BIN)
        .arg("classify")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&[0x82, 0xa0, 0x82, 0xa2]).unwrap(); // Shift_JIS あい
    let o = child.wait_with_output().unwrap();
    assert!(!o.status.success());
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{:?}", err);
    assert!(err[0].contains('-') && err[0].contains("UTF-8"), "{}", err[0]);
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
