// classifyAll, splitNotices and the exports, through the npm package: the
// same core functions as the command line's --split and export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, classifyAll, splitNotices, toVeris, toStix, toMisp, toCsv, Classifier, isJikenboError } from 'jikenbo';

const ONE = '当社サーバーが第三者による不正アクセスを受け、お客様の氏名とメールアドレスが流出しました。現在、詳しい調査を進めております。';
const TWO = `【事件簿#1】株式会社アルファ 不正アクセスに関するお知らせ\n${ONE}\n\n【事件簿#2】ベータ市 書類紛失のお詫び\n本市の職員が住民の住所と電話番号を記載した書類を紛失しました。関係する皆様には個別に連絡を差し上げております。\n`;

test('classifyAll splits a casebook page and keeps one notice whole', () => {
  const parts = classifyAll(TWO);
  assert.equal(parts.length, 2);
  assert.deepEqual(parts.map((p) => p.report.attackTypes.map((t) => t.id)), [['unauthorized_access'], ['loss']]);
  for (const p of parts) {
    for (const t of p.report.attackTypes) {
      for (const e of t.evidence) {
        assert.ok(e.start >= p.start && e.end <= p.end, 'evidence inside its part');
        assert.equal(TWO.slice(e.start, e.end), e.text, 'offsets are into the whole text');
      }
    }
  }
  assert.deepEqual(splitNotices(TWO).map((p) => [p.start, p.end]), parts.map((p) => [p.start, p.end]));
  assert.equal(classifyAll(ONE).length, 1);
  const c = new Classifier();
  assert.equal(c.classifyAll(TWO).length, 2);
  c.free();
});

test('exports take a report (even after a JSON round trip) and give plain objects', () => {
  const report = JSON.parse(JSON.stringify(classify(ONE)));
  const opts = { text: ONE, created: '2026-01-02T03:04:05Z', id: 'notice-1' };
  const veris = toVeris(report, opts);
  assert.equal(veris.schema_version, '1.4.1');
  assert.equal(veris.attribute.confidentiality.data_disclosure, 'Yes');
  const bundle = toStix(report, opts);
  assert.equal(bundle.type, 'bundle');
  assert.ok(bundle.objects.some((o) => o.type === 'incident'));
  assert.equal(toStix(report, opts).id, bundle.id, 'the same input gives the same ids');
  const misp = toMisp(report, opts);
  assert.match(misp.Event.date, /^2026-01-02$/);
  const csv = toCsv([{ id: 'notice-1', report, text: ONE }], { bom: true });
  assert.ok(csv.startsWith('\ufeffid,organization,'));
  assert.equal(csv.split('\r\n')[1].split(',')[0], 'notice-1');
  assert.equal(structuredClone(veris).incident_id, veris.incident_id, 'plain data');
});

test('export errors have a code', () => {
  const report = classify(ONE);
  assert.throws(() => toVeris(report), (e) => isJikenboError(e) && e.code === 'no_date');
  assert.throws(() => toStix(report, { created: 'yesterday' }), (e) => e.code === 'invalid_created');
  assert.throws(() => toMisp(report, { created: '2026-01-01', distribution: 7 }), (e) => e.code === 'invalid_distribution');
  assert.throws(() => toVeris('not a report', { created: '2026-01-01' }), TypeError);
  assert.throws(() => toVeris(report, { created: '2026-01-01', colour: 'red' }), /unknown option/);
  assert.throws(() => toCsv('x'), TypeError);
});
