//! `jikenbo export --format veris|stix|misp|csv`: the reports in formats
//! incident databases and threat-intelligence tools import.

use super::{chosen, for_inputs, parse, status, with_pack, Usage};
use jikenbo::export::{self, CsvOptions, CsvRow, ExportOptions};
use std::io::Write;
use std::process::ExitCode;

pub const HELP: &str = "\
usage: jikenbo export --format veris|stix|misp|csv [options] [PATH ...]

  veris   one VERIS 1.4.1 incident (JSON) per line and notice
  stix    one STIX 2.1 bundle per line and notice
  misp    one MISP event per line and notice
  csv     one CSV table (RFC 4180, CRLF) with a row per notice

options:
  --split              a text may hold several notices: one export each
  --created TIME       the export's time (RFC 3339 UTC or YYYY-MM-DD); default: now
  --source-url URL     where the notice was published (VERIS reference, STIX and MISP links)
  --distribution N     MISP distribution level 0-3 (default 0)
  --bom                CSV: start with a UTF-8 byte order mark (for Excel)
  --excel-safe         CSV: prefix ' to fields a spreadsheet would run as formulas
  --rules DIR|FILE     add a custom rule pack; --encoding E as for classify

Ids are UUIDv5 of the file name (and the part), so the same input gives the
same ids. Which report fields map to which target fields, and what is lost:
README, section \"Exports\".";

/// Now, as RFC 3339 UTC (the one thing a clock is read for).
fn now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
}

pub fn run(args: &[String]) -> Result<ExitCode, Usage> {
    let (common, own) = parse(args, &["--split", "--bom", "--excel-safe"], &["--format", "--created", "--source-url", "--distribution"])?;
    let get = |k: &str| own.iter().rev().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let has = |k: &str| own.iter().any(|(key, _)| key == k);
    let format = get("--format").ok_or_else(|| Usage(format!("jikenbo export: --format is required\n{}", HELP)))?;
    if !matches!(format.as_str(), "veris" | "stix" | "misp" | "csv") {
        return Err(Usage(format!("jikenbo export: --format {:?}: expected veris, stix, misp or csv", format)));
    }
    let distribution = match get("--distribution") {
        None => None,
        Some(v) => Some(v.parse::<u8>().map_err(|_| Usage(format!("jikenbo export: --distribution {:?}: expected 0, 1, 2 or 3", v)))?),
    };
    let created = get("--created").unwrap_or_else(now);
    let mut owned = None;
    if with_pack(&common, &mut owned).is_none() {
        return Ok(ExitCode::from(1));
    }
    let c = chosen(&owned);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // CSV rows are gathered and written as one table at the end.
    let mut table: Vec<(String, jikenbo::Report, String)> = Vec::new();
    let ok = for_inputs(&common, |input, text| {
        // With --split, each notice is exported with its own text (its
        // date, the sentences its quotes stand in) and offsets into it.
        let pieces: Vec<(String, String)> = if has("--split") {
            let parts = jikenbo::split_notices(&text);
            let n = parts.len();
            parts
                .iter()
                .map(|p| {
                    let id = if n == 1 { input.name.clone() } else { format!("{}#{}-{}", input.name, p.start, p.end) };
                    (id, p.text(&text).to_string())
                })
                .collect()
        } else {
            vec![(input.name.clone(), text)]
        };
        let mut parts = Vec::with_capacity(pieces.len());
        for (id, text) in pieces {
            let report = c.classify(&text).map_err(|e| format!("jikenbo: {}: {}", id, e))?;
            parts.push((id, report, text));
        }
        for (id, report, text) in parts {
            if format == "csv" {
                table.push((id, report, text));
                continue;
            }
            let opts = ExportOptions { created: Some(created.clone()), source_url: get("--source-url"), id: Some(id.clone()), distribution };
            let json = match format.as_str() {
                "veris" => export::veris(&report, Some(&text), &opts).map(|x| serde_json::to_string(&x)),
                "stix" => export::stix(&report, Some(&text), &opts).map(|x| serde_json::to_string(&x)),
                _ => export::misp(&report, Some(&text), &opts).map(|x| serde_json::to_string(&x)),
            }
            .map_err(|e| format!("jikenbo: {}: {}", id, e))?
            .expect("exports serialise");
            writeln!(out, "{}", json).map_err(|e| format!("jikenbo: cannot write: {}", e))?;
        }
        Ok(())
    });
    if format == "csv" && !table.is_empty() {
        let rows: Vec<CsvRow> = table.iter().map(|(id, report, text)| CsvRow { id, report, text: Some(text) }).collect();
        let csv = export::csv(&rows, &CsvOptions { bom: has("--bom"), excel_safe: has("--excel-safe") });
        if out.write_all(csv.as_bytes()).is_err() {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(status(ok))
}
