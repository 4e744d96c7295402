//! `jikenbo classify [PATH ...]`: one JSON report per line (spec/output.md).

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
usage: jikenbo classify [PATH ...]   classify files (stdin when none); a directory means its *.txt files
       jikenbo taxonomy              print every taxonomy id with its labels (JSON lines)
       jikenbo version               print the version and the rule-set fingerprint
       jikenbo explain FILE ...      show every cue hit and what the scope filters made of it

Each report is printed on one line with an extra \"file\" field (\"-\" for stdin).
Exit status 0 when every input was read and classified; 1 otherwise, with one
line on stderr per input that failed (the others are still printed).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("classify") => classify(&args[1..]),
        Some("explain") => {
            let mut ok = true;
            for p in &args[1..] {
                match read(Some(p)) {
                    Ok(t) => print!("{}", jikenbo::explain(&t)),
                    Err(m) => {
                        eprintln!("{}", m);
                        ok = false;
                    }
                }
            }
            if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
        }
        Some("taxonomy") => {
            let mut out = std::io::stdout().lock();
            for e in jikenbo::taxonomy() {
                let _ = writeln!(out, "{}", serde_json::to_string(&e).unwrap());
            }
            ExitCode::SUCCESS
        }
        Some("version" | "--version" | "-V") => {
            println!("{}", serde_json::to_string(&jikenbo::version()).unwrap());
            ExitCode::SUCCESS
        }
        Some("help" | "--help" | "-h") => {
            println!("{}", USAGE);
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("jikenbo: unknown command {:?}\n{}", other, USAGE);
            ExitCode::from(2)
        }
        None => {
            eprintln!("{}", USAGE);
            ExitCode::from(2)
        }
    }
}

/// The inputs named on the command line, directories expanded.
fn expand(paths: &[String]) -> Vec<Result<String, String>> {
    let mut out = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(rd) => {
                    let mut files: Vec<String> = rd
                        .filter_map(|e| e.ok())
                        .map(|e| e.path())
                        .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt"))
                        .map(|f| f.to_string_lossy().into_owned())
                        .collect();
                    files.sort();
                    out.extend(files.into_iter().map(Ok));
                }
                Err(e) => out.push(Err(format!("jikenbo: {}: cannot read directory: {}", p, e))),
            }
        } else {
            out.push(Ok(p.clone()));
        }
    }
    out
}

fn read(path: Option<&str>) -> Result<String, String> {
    let name = path.unwrap_or("-");
    let mut bytes = Vec::new();
    let res = match path {
        None => std::io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Some(p) => std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ()),
    };
    res.map_err(|e| format!("jikenbo: {}: cannot read: {}", name, e))?;
    String::from_utf8(bytes).map_err(|e| {
        format!("jikenbo: {}: not valid UTF-8 (first bad byte at offset {})", name, e.utf8_error().valid_up_to())
    })
}

fn classify(paths: &[String]) -> ExitCode {
    let inputs: Vec<Result<(String, Option<String>), String>> = if paths.is_empty() {
        vec![Ok(("-".to_string(), None))]
    } else {
        expand(paths).into_iter().map(|r| r.map(|p| (p.clone(), Some(p)))).collect()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for input in inputs {
        let (name, path) = match input {
            Ok(x) => x,
            Err(msg) => {
                eprintln!("{}", msg);
                failed = true;
                continue;
            }
        };
        let result = read(path.as_deref()).and_then(|text| {
            jikenbo::classify(&text).map_err(|e| format!("jikenbo: {}: {}", name, e))
        });
        match result {
            Ok(report) => {
                let json = serde_json::to_string(&report).expect("reports serialise");
                let file = serde_json::to_string(&name).unwrap();
                if writeln!(out, "{{\"file\":{},{}", file, &json[1..]).is_err() {
                    return ExitCode::from(1);
                }
            }
            Err(msg) => {
                eprintln!("{}", msg);
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
