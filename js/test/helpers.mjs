// Shared checks of the js/test suites (not a test file itself).
import assert from 'node:assert/strict';

/** Every evidence array of a report, with where it sits. */
function evidenceOf(report) {
  const out = [];
  for (const f of ['attackTypes', 'dataCategories', 'reportedTo'])
    for (const t of report[f]) for (const e of t.evidence) out.push({ where: `${f}/${t.id}`, ...e });
  for (const f of ['leakStatus', 'affectedCount', 'organization'])
    for (const e of report[f].evidence) out.push({ where: f, ...e });
  return out;
}

/** The offsets contract of spec/output.md. */
export function assertOffsetsValid(text, report, name = '') {
  for (const e of evidenceOf(report)) {
    const msg = `${name} ${e.where} ${e.rule} ${e.start}..${e.end} of ${text.length}`;
    assert.ok(Number.isInteger(e.start) && Number.isInteger(e.end), msg);
    assert.ok(0 <= e.start && e.start < e.end && e.end <= text.length, msg);
    for (const i of [e.start, e.end]) {
      const lowAt = (j) => j < text.length && (text.charCodeAt(j) & 0xfc00) === 0xdc00;
      const highAt = (j) => j >= 0 && (text.charCodeAt(j) & 0xfc00) === 0xd800;
      assert.ok(!(highAt(i - 1) && lowAt(i)), `${msg}: splits a surrogate pair`);
    }
  }
}
