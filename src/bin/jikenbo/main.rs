//! The command line: `jikenbo classify | explain | export | taxonomy |
//! version`. It uses the library's public API only; the JSON, TOML and
//! text-encoding crates it needs are the `cli` feature's, never the
//! library's.

mod export;
mod input;
mod pack;
mod summary;

use input::{Encoding, Input};
use jikenbo::Classifier;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "\
usage: jikenbo <command> [options] [PATH ...]

commands:
  classify [PATH ...]   classify notices: one JSON report per line (stdin when no PATH, or -)
  explain PATH ...      every cue hit and what the scope filters made of it
  export --format F     reports in VERIS 1.4.1, STIX 2.1 or MISP JSON (a line each), or CSV
  taxonomy              every taxonomy id with its labels (JSON lines)
  version               the version and the rule-set fingerprint

A PATH that is a folder means its *.txt files in name order.
`jikenbo <command> --help` tells a command's options.";

const CLASSIFY_HELP: &str = "\
usage: jikenbo classify [options] [PATH ...]

Classifies each notice and prints one JSON report per line (spec/output.md),
with an extra \"file\" field: the path as given, \"-\" for stdin.

options:
  --format json|summary   JSON lines (default), or a short readable block per notice
  --split                 a text may hold several notices: one report per notice,
                          with \"part\": {start, end, heading} (UTF-16 offsets)
  --rules DIR|FILE        add a custom rule pack (rules/-format TOML files)
  --encoding E            auto (default: a BOM, else UTF-8, else Shift_JIS or EUC-JP),
                          utf-8, shift_jis or euc-jp

Exit status 0 when every input was read and classified; 1 otherwise, with one
line on stderr per input that failed (the others are still printed); 2 for a
wrong command line.";

const EXPLAIN_HELP: &str = "\
usage: jikenbo explain [--rules DIR|FILE] [--encoding E] PATH ...

Prints, for each segment of each notice, its shape and scope (CTX: describes
the affected data; ADVICE, HYPO, CONTACT, RECOVERED), then every cue hit in it
as <field>/<rule>#<cue> \"text\", NEGATED when its clause denies it. For rule
authors; the format may change.";

/// Options shared by the commands.
struct Common {
    rules: Option<String>,
    encoding: Encoding,
    paths: Vec<String>,
}

/// A wrong command line: message, exit status 2.
struct Usage(String);

/// Splits `args` into the common options, the command's own (`name`
/// → value, or "" for a flag) and the paths.
fn parse(args: &[String], flags: &[&str], valued: &[&str]) -> Result<(Common, Vec<(String, String)>), Usage> {
    let mut common = Common { rules: None, encoding: Encoding::Auto, paths: Vec::new() };
    let mut own = Vec::new();
    let mut i = 0;
    let mut only_paths = false;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if only_paths || a == "-" || !a.starts_with('-') {
            common.paths.push(a.clone());
            continue;
        }
        if a == "--" {
            only_paths = true;
            continue;
        }
        let (key, inline) = match a.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (a.clone(), None),
        };
        let mut value = || -> Result<String, Usage> {
            if let Some(v) = &inline {
                return Ok(v.clone());
            }
            let v = args.get(i).cloned().ok_or_else(|| Usage(format!("jikenbo: {} needs a value", key)))?;
            i += 1;
            Ok(v)
        };
        match key.as_str() {
            "--rules" => common.rules = Some(value()?),
            "--encoding" => {
                let v = value()?;
                common.encoding = Encoding::parse(&v)
                    .ok_or_else(|| Usage(format!("jikenbo: --encoding {:?}: expected auto, utf-8, shift_jis or euc-jp", v)))?;
            }
            k if flags.contains(&k) => own.push((k.to_string(), String::new())),
            k if valued.contains(&k) => {
                let v = value()?;
                own.push((k.to_string(), v));
            }
            _ => return Err(Usage(format!("jikenbo: unknown option {:?} (see --help)", a))),
        }
    }
    Ok((common, own))
}

/// The built-in classifier, or one with the `--rules` pack (None after
/// printing why the pack cannot be loaded).
fn with_pack(common: &Common, owned: &mut Option<Classifier>) -> Option<()> {
    if let Some(at) = &common.rules {
        match pack::load(at) {
            Ok(c) => *owned = Some(c),
            Err(m) => {
                eprintln!("{}", m);
                return None;
            }
        }
    }
    Some(())
}

fn chosen(owned: &Option<Classifier>) -> &Classifier {
    owned.as_ref().unwrap_or_else(|| Classifier::builtin())
}

/// Runs `each` on every input's text, reporting unreadable inputs on
/// stderr; an input set with nothing in it is an error. True when every
/// input was read and `each` succeeded.
fn for_inputs(common: &Common, mut each: impl FnMut(&Input, String) -> Result<(), String>) -> bool {
    let mut ok = true;
    let mut any = false;
    for input in input::expand(&common.paths) {
        let result = input.and_then(|input| {
            any = true;
            let text = input::read(&input, common.encoding)?;
            each(&input, text)
        });
        if let Err(msg) = result {
            eprintln!("{}", msg);
            ok = false;
        }
    }
    if !any && ok {
        eprintln!("jikenbo: no input to read");
        ok = false;
    }
    ok
}

fn status(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn wants_help(args: &[String]) -> bool {
    args.iter().take_while(|a| *a != "--").any(|a| a == "--help" || a == "-h")
}

/// Where a notice of a longer text stands (`--split`).
#[derive(serde::Serialize)]
struct Span {
    start: u32,
    end: u32,
    heading: Option<String>,
}

fn classify(args: &[String]) -> Result<ExitCode, Usage> {
    let (common, own) = parse(args, &["--split"], &["--format"])?;
    let split = own.iter().any(|(k, _)| k == "--split");
    let format = own.iter().rev().find(|(k, _)| k == "--format").map_or("json", |(_, v)| v.as_str()).to_string();
    if !matches!(format.as_str(), "json" | "summary") {
        return Err(Usage(format!("jikenbo: --format {:?}: expected json or summary", format)));
    }
    let mut owned = None;
    if with_pack(&common, &mut owned).is_none() {
        return Ok(ExitCode::from(1));
    }
    let c = chosen(&owned);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let file_json = |name: &str| serde_json::to_string(name).expect("a string serialises");
    let ok = for_inputs(&common, |input, text| {
        let parts: Vec<(Option<Span>, jikenbo::Report)> = if split {
            c.classify_all(&text)
                .map_err(|e| format!("jikenbo: {}: {}", input.name, e))?
                .into_iter()
                .map(|p| (Some(Span { start: p.start, end: p.end, heading: p.heading }), p.report))
                .collect()
        } else {
            vec![(None, c.classify(&text).map_err(|e| format!("jikenbo: {}: {}", input.name, e))?)]
        };
        for (part, report) in parts {
            let line = if format == "summary" {
                let name = match &part {
                    Some(p) => format!("{} [{}..{}]{}", input.name, p.start, p.end, p.heading.as_deref().map(|h| format!(" {}", h)).unwrap_or_default()),
                    None => input.name.clone(),
                };
                summary::block(&name, &report)
            } else {
                let json = serde_json::to_string(&report).expect("reports serialise");
                let part = part.map(|p| format!("\"part\":{},", serde_json::to_string(&p).expect("parts serialise"))).unwrap_or_default();
                format!("{{\"file\":{},{}{}\n", file_json(&input.name), part, &json[1..])
            };
            out.write_all(line.as_bytes()).map_err(|e| format!("jikenbo: cannot write: {}", e))?;
        }
        Ok(())
    });
    Ok(status(ok))
}

fn explain(args: &[String]) -> Result<ExitCode, Usage> {
    let (common, _) = parse(args, &[], &[])?;
    if common.paths.is_empty() {
        return Err(Usage(format!("jikenbo explain: which notice?\n{}", EXPLAIN_HELP)));
    }
    let mut owned = None;
    if with_pack(&common, &mut owned).is_none() {
        return Ok(ExitCode::from(1));
    }
    let c = chosen(&owned);
    let ok = for_inputs(&common, |input, text| {
        let trace = c.trace(&text).map_err(|e| format!("jikenbo: {}: {}", input.name, e))?;
        print!("{}", trace);
        Ok(())
    });
    Ok(status(ok))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        Some("classify") if wants_help(rest) => {
            println!("{}", CLASSIFY_HELP);
            Ok(ExitCode::SUCCESS)
        }
        Some("classify") => classify(rest),
        Some("explain") if wants_help(rest) => {
            println!("{}", EXPLAIN_HELP);
            Ok(ExitCode::SUCCESS)
        }
        Some("explain") => explain(rest),
        Some("export") if wants_help(rest) => {
            println!("{}", export::HELP);
            Ok(ExitCode::SUCCESS)
        }
        Some("export") => export::run(rest),
        Some("taxonomy") => {
            let mut out = std::io::stdout().lock();
            for e in jikenbo::taxonomy() {
                let _ = writeln!(out, "{}", serde_json::to_string(&e).unwrap());
            }
            Ok(ExitCode::SUCCESS)
        }
        Some("version" | "--version" | "-V") => {
            println!("{}", serde_json::to_string(&jikenbo::version()).unwrap());
            Ok(ExitCode::SUCCESS)
        }
        Some("help" | "--help" | "-h") => {
            println!("{}", USAGE);
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(Usage(format!("jikenbo: unknown command {:?}\n{}", other, USAGE))),
        None => Err(Usage(USAGE.to_string())),
    };
    match result {
        Ok(code) => code,
        Err(Usage(msg)) => {
            eprintln!("{}", msg);
            ExitCode::from(2)
        }
    }
}
