// The files of the "Download as" menu, made in the page from the reports the
// worker returned: the report JSON, VERIS 1.4.1, STIX 2.1, MISP and CSV
// (the package's toVeris / toStix / toMisp / toCsv), with a file name made
// of the organisation and the date (safe characters only), the extension
// and the MIME type. Nothing here makes a request: the caller turns the
// content into a Blob and an object URL (export-menu.js).
//
// A notice of a text that held several is exported as the command line's
// `export --split` does it: with its own text, and its report's offsets
// moved into that text (ownReport). One notice alone is exported with the
// whole text, as `export notice.txt`.

import { findDate } from './date.js';

export const FORMATS = ['report', 'veris', 'stix', 'misp', 'csv'];

const MIME = {
  report: 'application/json',
  veris: 'application/json',
  stix: 'application/stix+json;version=2.1',
  misp: 'application/json',
  csv: 'text/csv;charset=utf-8',
};

/** Every evidence list of a report (severity reasons included). */
export function evidenceLists(report) {
  return [
    ...['attackTypes', 'dataCategories', 'reportedTo'].flatMap((f) => (report[f] ?? []).map((t) => t.evidence ?? [])),
    ...['leakStatus', 'affectedCount', 'organization'].map((f) => report[f]?.evidence ?? []),
    ...(report.severity?.reasons ?? []).map((x) => x.evidence ?? []),
  ];
}

/**
 * The parts of classifyAll(text), each with offsets into `text`, `text` of
 * its own and the first date of its text (date.js; offsets into `text`).
 * Some builds give a part's severity-reason spans relative to the part
 * (the other spans are moved into the whole text): such a span, which
 * quotes another passage than its own `text`, is moved too.
 */
export function prepareParts(parts, text) {
  return parts.map((p, index) => {
    const report = structuredClone(p.report);
    for (const x of report.severity?.reasons ?? []) {
      for (const e of x.evidence ?? []) {
        const fits = e.start >= p.start && e.end <= p.end && (e.text === undefined || text.slice(e.start, e.end) === e.text);
        if (!fits && p.start > 0 && e.end + p.start <= p.end && (e.text === undefined || text.slice(e.start + p.start, e.end + p.start) === e.text)) {
          e.start += p.start;
          e.end += p.start;
        }
      }
    }
    const own = text.slice(p.start, p.end);
    const d = findDate(own);
    const date = d && { ...d, start: d.start + p.start, end: d.end + p.start };
    return { index, start: p.start, end: p.end, heading: p.heading ?? null, report, date };
  });
}

/** A copy of `report` with every evidence span moved by -`by` (into a part's own text). */
export function ownReport(report, by) {
  if (!by) return report;
  const r = structuredClone(report);
  for (const list of evidenceLists(r)) for (const e of list) { e.start -= by; e.end -= by; }
  return r;
}

/**
 * A piece of a file name: letters and digits of any script (the name as
 * the notice spells it), everything else one "-"; full-width forms folded
 * (NFKC); at most `max` characters. '' when nothing is left.
 */
export function safeName(value, max = 40) {
  const s = String(value ?? '').normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return Array.from(s).slice(0, max).join('').replace(/-+$/, '');
}

/** The file name of an export of `parts` (one part, or all of a paste). */
export function fileName(format, parts) {
  const ext = format === 'csv' ? 'csv' : `${format}.json`;
  let stem;
  if (parts.length === 1) {
    const p = parts[0];
    stem = ['jikenbo', safeName(p.report.organization?.name) || 'notice', p.date?.iso].filter(Boolean).join('-');
  } else {
    const dates = parts.map((p) => p.date?.iso).filter(Boolean).sort();
    const span = dates.length ? (dates[0] === dates.at(-1) ? dates[0] : `${dates[0]}_${dates.at(-1)}`) : null;
    stem = ['jikenbo', `${parts.length}-notices`, span].filter(Boolean).join('-');
  }
  return `${stem}.${ext}`;
}

/**
 * Make one file. `api`: the package (toVeris, toStix, toMisp, toCsv);
 * `text`: the whole text classified; `parts`: prepareParts() of it, the
 * ones to export; `all`: true when they are every notice of the text (the
 * JSON formats are then an array, even of one); `total`: how many notices
 * the text holds; `created`: the export's time (RFC 3339). `bom`: CSV for
 * Excel (UTF-8 BOM, and a field starting with = + - @ gets a leading ').
 * Throws the package's error (with its `code`), with `part` (1-based)
 * naming the notice at fault when the text holds several.
 * @returns {{ name: string, mime: string, content: string }}
 */
export function makeExport(api, format, { text, parts, all = false, total = parts.length, created, bom = false }) {
  if (!FORMATS.includes(format)) throw new TypeError(`unknown export format ${format}`);
  const single = total === 1;
  // A lone notice: the whole text and its offsets, as `jikenbo export FILE`;
  // a notice among several: its own text, as `jikenbo export --split`.
  const own = (p) => (single
    ? { text, report: p.report }
    : { text: text.slice(p.start, p.end), report: ownReport(p.report, p.start) });
  const each = (fn) => parts.map((p) => {
    try {
      return fn(p);
    } catch (err) {
      if (!single && err && typeof err === 'object') err.part = p.index + 1;
      throw err;
    }
  });
  let content;
  if (format === 'csv') {
    const rows = parts.map((p) => ({ id: String(p.index + 1), ...own(p) }));
    content = api.toCsv(rows, { bom, excelSafe: bom });
  } else {
    let out;
    if (format === 'report') {
      // offsets into the text as pasted (what the page shows)
      out = all ? parts.map((p) => ({ start: p.start, end: p.end, heading: p.heading, report: p.report })) : [parts[0].report];
    } else {
      const fn = { veris: api.toVeris, stix: api.toStix, misp: api.toMisp }[format];
      out = each((p) => { const o = own(p); return fn(o.report, { text: o.text, created }); });
    }
    content = `${JSON.stringify(all ? out : out[0], null, 2)}\n`;
  }
  return { name: fileName(format, parts), mime: MIME[format], content };
}
