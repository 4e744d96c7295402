//! CSV: one row per notice, for a spreadsheet of many notices.
//!
//! Columns ([`CSV_COLUMNS`]): `id` (the caller's file name or key),
//! `organization`, `date` (the notice's own date when the text states one,
//! `YYYY-MM-DD`), `attack_types`, `data_categories`, `leak_status`,
//! `affected_count`, `severity`, `ppc_report_required`, `ppc_reasons`,
//! `public_body`, `reported_to`. Lists are taxonomy ids joined with `;`;
//! booleans are `true`/`false`; a missing value is an empty field.
//!
//! RFC 4180: CRLF line ends, a header row, fields holding `,`, `"`, CR or
//! LF (or leading/trailing spaces) quoted with `"` and inner quotes doubled.
//! [`CsvOptions::bom`] starts the text with a UTF-8 byte order mark so that
//! Excel reads it as UTF-8; [`CsvOptions::excel_safe`] prefixes `'` to a
//! field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`), at
//! the cost of changing that field.
//!
//! Lost: evidence, labels, scores, the severity's parts and reasons.

use super::notice_date;
use crate::report::Report;

/// The header row.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "organization",
    "date",
    "attack_types",
    "data_categories",
    "leak_status",
    "affected_count",
    "severity",
    "ppc_report_required",
    "ppc_reasons",
    "public_body",
    "reported_to",
];

/// One notice: its id (file name), its report and, for the date column,
/// its text.
#[derive(Debug, Clone, Copy)]
pub struct CsvRow<'a> {
    pub id: &'a str,
    pub report: &'a Report,
    pub text: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte order mark (for Excel).
    pub bom: bool,
    /// Defuse fields a spreadsheet would read as formulas.
    pub excel_safe: bool,
}

fn field(out: &mut String, value: &str, opts: &CsvOptions) {
    let mut v = std::borrow::Cow::Borrowed(value);
    if opts.excel_safe && value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v = std::borrow::Cow::Owned(format!("'{}", value));
    }
    let needs = v.contains([',', '"', '\r', '\n']) || v.starts_with(' ') || v.ends_with(' ');
    if needs {
        out.push('"');
        out.push_str(&v.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&v);
    }
}

/// The fields of one row, in [`CSV_COLUMNS`] order.
pub fn csv_fields(row: &CsvRow) -> Vec<String> {
    let r = row.report;
    let ids = |v: Vec<&str>| v.join(";");
    vec![
        row.id.to_string(),
        r.organization.name.clone().unwrap_or_default(),
        row.text.and_then(notice_date).map(|d| d.iso()).unwrap_or_default(),
        ids(r.attack_types.iter().map(|t| t.id.as_str()).collect()),
        ids(r.data_categories.iter().map(|t| t.tag.id.as_str()).collect()),
        r.leak_status.value.as_str().to_string(),
        r.affected_count.value.map(|n| n.to_string()).unwrap_or_default(),
        r.severity.level.as_str().to_string(),
        r.ppc_report.required.to_string(),
        ids(r.ppc_report.reasons.iter().map(|x| x.as_str()).collect()),
        r.organization.public_body.to_string(),
        ids(r.reported_to.iter().map(|t| t.id.as_str()).collect()),
    ]
}

/// The CSV text of many notices: a header row, then one row per notice.
pub fn csv(rows: &[CsvRow], opts: &CsvOptions) -> String {
    let mut out = String::new();
    if opts.bom {
        out.push('\u{feff}');
    }
    let line = |out: &mut String, fields: &[&str]| {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(out, f, opts);
        }
        out.push_str("\r\n");
    };
    line(&mut out, CSV_COLUMNS);
    for row in rows {
        let f = csv_fields(row);
        let refs: Vec<&str> = f.iter().map(String::as_str).collect();
        line(&mut out, &refs);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        let o = CsvOptions::default();
        let q = |s: &str| {
            let mut out = String::new();
            field(&mut out, s, &o);
            out
        };
        assert_eq!(q("plain"), "plain");
        assert_eq!(q("a,b"), "\"a,b\"");
        assert_eq!(q("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(q("two\nlines"), "\"two\nlines\"");
        assert_eq!(q(" padded"), "\" padded\"");
        assert_eq!(q("=SUM(A1)"), "=SUM(A1)");
        let mut out = String::new();
        field(&mut out, "=SUM(A1)", &CsvOptions { excel_safe: true, bom: false });
        assert_eq!(out, "'=SUM(A1)");
    }
}
