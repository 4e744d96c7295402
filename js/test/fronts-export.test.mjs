// The page's and the widget's download files (www/lib/export.js,
// www/lib/export-menu.js's error text) with the package in Node: file names,
// offsets into a notice's own text, the same files as the package gives the
// notice's own text, errors in both languages. The downloads themselves
// (Blob, <a download>, in Chromium) are js/e2e.mjs's groups exports and
// widgetnotices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from 'jikenbo';
import { classify, classifyAll, toVeris, toStix, toMisp } from 'jikenbo';
import { FORMATS, fileName, makeExport, ownReport, prepareParts, safeName, evidenceLists } from '../../www/lib/export.js';
import { explainExportError } from '../../www/lib/export-menu.js';

// Written for this test (invented organisations): two notices under casebook headings.
const TWO = [
  '【セキュリティ事件簿#801】月見台精機株式会社 不正アクセスに関するお知らせ',
  '2025年9月8日',
  '月見台精機株式会社',
  '',
  '当社の受注管理サーバーが第三者による不正アクセスを受け、お取引先の担当者の氏名、電話番号、メールアドレス 約2,300件が外部に流出した可能性があります。警察に相談しております。',
  '',
  '【セキュリティ事件簿#802】はなみずき村 健康診断結果の誤送付について',
  '令和7年9月12日',
  'はなみずき村役場 保健課',
  '',
  '保健課において、村民の方の健康診断の結果通知を別の方に誤って送付いたしました。通知には氏名、住所、検査結果が記載されていました。対象は2名です。',
  '',
].join('\n');
const CREATED = '2026-02-03T04:05:06.000Z';

const slices = (text, report) => evidenceLists(report).flat().map((e) => [text.slice(e.start, e.end), e.text]);

test('prepareParts: every span of every part quotes the whole text, reasons included; the date is the part\'s own', () => {
  const parts = prepareParts(classifyAll(TWO), TWO);
  assert.equal(parts.length, 2);
  for (const p of parts) {
    for (const [got, want] of slices(TWO, p.report)) assert.equal(got, want);
    for (const e of evidenceLists(p.report).flat()) assert.ok(e.start >= p.start && e.end <= p.end, `${e.rule} inside its part`);
  }
  assert.ok(parts[1].report.severity.reasons.some((x) => x.evidence.length > 0), 'the second part has reasons with spans');
  assert.deepEqual(parts.map((p) => p.date.iso), ['2025-09-08', '2025-09-12']);
  assert.equal(TWO.slice(parts[1].date.start, parts[1].date.end), '令和7年9月12日');
});

test('ownReport moves every span into the part\'s own text: the report classify gives that text', () => {
  const [, p] = prepareParts(classifyAll(TWO), TWO);
  const own = TWO.slice(p.start, p.end);
  assert.deepEqual(ownReport(p.report, p.start), classify(own));
  assert.equal(ownReport(p.report, 0), p.report, 'no move, no copy');
});

test('safeName and fileName: letters and digits of any script, NFKC, bounded; organisation and date', () => {
  assert.equal(safeName('株式会社Ａ＆Ｂ／東京　支店'), '株式会社A-B-東京-支店');
  assert.equal(safeName('../../etc/passwd'), 'etc-passwd');
  assert.equal(safeName('<script>:"*?|\u202e'), 'script');
  assert.equal(safeName('𠮷'.repeat(50)).length, 80, '40 characters (surrogate pairs kept whole)');
  assert.equal(safeName(null), '');
  const parts = prepareParts(classifyAll(TWO), TWO);
  assert.equal(fileName('veris', [parts[0]]), 'jikenbo-月見台精機株式会社-2025-09-08.veris.json');
  assert.equal(fileName('csv', [parts[1]]), `jikenbo-${safeName(parts[1].report.organization.name)}-2025-09-12.csv`);
  assert.equal(fileName('stix', parts), 'jikenbo-2-notices-2025-09-08_2025-09-12.stix.json');
  const nameless = { ...parts[0], date: null, report: { ...parts[0].report, organization: { ...parts[0].report.organization, name: null } } };
  assert.equal(fileName('report', [nameless]), 'jikenbo-notice.report.json');
});

test('makeExport: one part of several = the package on the part\'s own text (export --split); all = arrays, CSV rows', () => {
  const parts = prepareParts(classifyAll(TWO), TWO);
  const own = TWO.slice(parts[1].start, parts[1].end);
  const r = classify(own);
  const opts = { text: own, created: CREATED };
  const one = (f) => makeExport(api, f, { text: TWO, parts: [parts[1]], total: 2, created: CREATED });
  assert.deepEqual(JSON.parse(one('veris').content), toVeris(r, opts));
  assert.deepEqual(JSON.parse(one('stix').content), toStix(r, opts));
  assert.deepEqual(JSON.parse(one('misp').content), toMisp(r, opts));
  assert.deepEqual(JSON.parse(one('report').content), parts[1].report, 'the report JSON keeps offsets into the pasted text');
  assert.equal(one('stix').mime, 'application/stix+json;version=2.1');
  const all = (f, extra = {}) => makeExport(api, f, { text: TWO, parts, all: true, created: CREATED, ...extra });
  for (const f of ['veris', 'stix', 'misp', 'report']) assert.equal(JSON.parse(all(f).content).length, 2, f);
  const csv = all('csv').content;
  assert.equal(csv.split('\r\n').filter(Boolean).length, 3);
  assert.ok(!csv.startsWith('\ufeff'));
  assert.ok(all('csv', { bom: true }).content.startsWith('\ufeffid,organization,'));
  assert.equal(all('csv').mime, 'text/csv;charset=utf-8');
  assert.deepEqual(FORMATS, ['report', 'veris', 'stix', 'misp', 'csv']);
});

test('makeExport: a lone notice is exported with the whole text (as `jikenbo export FILE`)', () => {
  const text = '\n\n当社サーバーがランサムウェアに感染し、お客様の氏名と住所 約900件が流出した可能性があります。令和7年8月1日\n';
  const parts = prepareParts(classifyAll(text), text);
  assert.equal(parts.length, 1);
  const f = makeExport(api, 'veris', { text, parts, created: CREATED });
  assert.deepEqual(JSON.parse(f.content), toVeris(classify(text), { text, created: CREATED }));
});

test('export errors keep their code, name the notice, and read in both languages', () => {
  const text = '当社サーバーが不正アクセスを受け、お客様の氏名が流出しました。';
  const parts = prepareParts(classifyAll(text), text);
  let err;
  try { makeExport(api, 'veris', { text, parts }); } catch (e) { err = e; }
  assert.equal(err?.code, 'no_date');
  const info = explainExportError(err, 'en');
  assert.equal(info.kind, 'export');
  assert.equal(info.code, 'no_date');
  assert.equal(info.part, null, 'a lone notice needs no number');
  assert.match(info.messages.ja, /日付がわかりません/);
  assert.match(info.messages.en, /No date/);
  assert.equal(info.message, info.messages.en);
  const two = prepareParts(classifyAll(TWO), TWO);
  try { makeExport(api, 'misp', { text: TWO, parts: two, all: true, created: 'soon' }); } catch (e) { err = e; }
  const both = explainExportError(err, 'ja');
  assert.equal(both.code, 'invalid_created');
  assert.equal(both.part, 1);
  assert.match(both.messages.ja, /お知らせ 1/);
  assert.match(both.messages.en, /notice 1/);
  assert.match(explainExportError(new Error('boom')).messages.en, /Unexpected error/);
  assert.throws(() => makeExport(api, 'pdf', { text, parts }), TypeError);
});
