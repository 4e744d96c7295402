// The npm package as a Node user sees it: `import ... from "jikenbo"`
// resolves through pkg/package.json's `exports` (the `node` condition).
// Run by `make test-js` (scripts/test-js.sh links js/node_modules/jikenbo to
// ../pkg first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { classify, taxonomy, version, Classifier, isJikenboError } from 'jikenbo';
import { assertOffsetsValid } from './helpers.mjs';

const NOTICE =
  '当社サーバーがランサムウェアに感染し、ファイルが暗号化されました。' +
  'お客様の氏名・住所 約1,200名分が流出した可能性があります。';

test('report has exactly the fields of spec/output.md', () => {
  const r = classify(NOTICE);
  assert.deepEqual(Object.keys(r).sort(), [
    'affectedCount', 'attackTypes', 'dataCategories', 'language', 'leakStatus',
    'organization', 'ppcReport', 'reportedTo', 'schema', 'severity',
  ]);
  assert.equal(r.schema, 1);
  assert.equal(r.language, 'ja');
  assert.equal(Object.getPrototypeOf(r), Object.prototype, 'a plain object, not a class instance');
  assert.ok(r.attackTypes.some((t) => t.id === 'ransomware'));
  const ransom = r.attackTypes.find((t) => t.id === 'ransomware');
  assert.deepEqual(Object.keys(ransom.label).sort(), ['en', 'ja']);
  assert.ok(ransom.score > 0 && ransom.score <= 1);
  assert.equal(ransom.attack, 'T1486');
  assert.equal(r.affectedCount.value, 1200);
  assert.equal(r.leakStatus.value, 'possible');
  for (const d of r.dataCategories) assert.ok([1, 2, 3].includes(d.tier), d.id);
  assert.deepEqual(Object.keys(r.severity).sort(), ['data', 'level', 'operational', 'reasons']);
  assert.deepEqual(Object.keys(r.organization).sort(), ['evidence', 'name', 'publicBody']);
  assert.deepEqual(Object.keys(r.ppcReport).sort(), ['reasons', 'required']);
  assert.equal(r.organization.name, null, 'null, not undefined');
  // survives structuredClone and JSON unchanged: nothing tied to wasm memory
  assert.deepEqual(structuredClone(r), r);
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  assert.ok(!JSON.stringify(r).includes('undefined'));
});

test('evidence offsets slice the JS string', () => {
  const r = classify(NOTICE);
  assertOffsetsValid(NOTICE, r);
  const e = r.attackTypes.find((t) => t.id === 'ransomware').evidence[0];
  assert.equal(NOTICE.slice(e.start, e.end), 'ランサムウェア');
  // characters outside the BMP before the match shift UTF-16 offsets by 2 each
  const text = '🔒𠮷' + NOTICE;
  const r2 = classify(text);
  assertOffsetsValid(text, r2);
  const e2 = r2.attackTypes.find((t) => t.id === 'ransomware').evidence[0];
  assert.equal(text.slice(e2.start, e2.end), 'ランサムウェア');
  // full-width and half-width forms are normalised but offsets stay in the input
  const wide = 'ｻｰﾊﾞｰがランサムウェアに感染し、お客様の氏名　約１，２００名分が流出した可能性があります。';
  const r3 = classify(wide);
  assertOffsetsValid(wide, r3);
  assert.equal(r3.affectedCount.value, 1200);
  const c = r3.affectedCount.evidence[0];
  assert.match(wide.slice(c.start, c.end), /１，２００名/);
});

test('lone surrogates do not crash and offsets stay valid', () => {
  for (const text of ['\uD800' + NOTICE, NOTICE + '\uDC00', '\uDC00\uD800' + NOTICE + '\uD800', '\uD800', '\uDFFF\uDFFF']) {
    const r = classify(text);
    assertOffsetsValid(text, r, JSON.stringify(text.slice(0, 3)));
  }
  const text = 'a\uD800b' + NOTICE;
  const e = classify(text).attackTypes.find((t) => t.id === 'ransomware').evidence[0];
  assert.equal(text.slice(e.start, e.end), 'ランサムウェア');
});

test('empty string gives an empty, valid report', () => {
  const r = classify('');
  assert.deepEqual(r.attackTypes, []);
  assert.deepEqual(r.dataCategories, []);
  assert.deepEqual(r.reportedTo, []);
  assert.equal(r.affectedCount.value, null);
  assert.equal(r.leakStatus.value, 'unknown');
  assert.equal(r.ppcReport.required, false);
});

test('a non-string argument throws a TypeError', () => {
  for (const bad of [undefined, null, 42, {}, [], new String('x'), Symbol.iterator, 10n]) {
    assert.throws(() => classify(bad), (e) => {
      assert.ok(e instanceof TypeError, `${String(bad)}: ${e}`);
      assert.match(e.message, /expected the text of a notice as a string, got /);
      assert.equal(e.code, 'invalid_argument');
      return true;
    });
  }
  assert.throws(() => classify(), TypeError);
  assert.throws(() => new Classifier().classify(1), TypeError);
});

test('options: none defined yet, unknown keys throw', () => {
  assert.deepEqual(classify(NOTICE, {}), classify(NOTICE));
  assert.deepEqual(classify(NOTICE, undefined), classify(NOTICE));
  assert.throws(() => classify(NOTICE, { lang: 'en' }), { name: 'TypeError', message: /unknown option "lang"/ });
  assert.throws(() => classify(NOTICE, 'en'), { name: 'TypeError', message: /options must be an object/ });
});

test('input over 10 MiB of UTF-8 throws an Error naming size and limit', () => {
  const limit = 10 * 1024 * 1024;
  assert.doesNotThrow(() => classify('a'.repeat(limit)));
  // 3 bytes in UTF-8, 1 unit in UTF-16: over the limit in bytes only
  const over = 'あ' + 'a'.repeat(limit - 2);
  assert.throws(() => classify(over), (e) => {
    assert.ok(!(e instanceof TypeError));
    assert.equal(e.code, 'input_too_large');
    assert.match(e.message, new RegExp(`${limit + 1} bytes.*${limit}`));
    return true;
  });
  assert.throws(() => classify('a'.repeat(3 * limit)), { code: 'input_too_large', message: new RegExp(`${limit}`) });
});

test('taxonomy() lists every id with labels, tier, ATT&CK and VERIS', () => {
  const all = taxonomy();
  const byField = Object.groupBy ? Object.groupBy(all, (e) => e.field) : null;
  const fields = new Set(all.map((e) => e.field));
  assert.deepEqual([...fields], ['attackTypes', 'dataCategories', 'reportedTo']);
  assert.equal(new Set(all.map((e) => `${e.field}/${e.id}`)).size, all.length, 'no duplicates');
  for (const e of all) {
    assert.ok(e.label.ja && e.label.en, e.id);
    if (e.field === 'dataCategories') assert.ok([1, 2, 3].includes(e.tier), e.id);
    else assert.equal(e.tier, undefined, e.id);
  }
  const ransom = all.find((e) => e.id === 'ransomware');
  assert.equal(ransom.attack, 'T1486');
  assert.match(ransom.veris, /Ransomware/);
  if (byField) assert.ok(byField.dataCategories.length > 0);
  const ja = taxonomy('ja');
  const en = taxonomy('en');
  assert.equal(ja.length, all.length);
  assert.equal(ja[0].label, all[0].label.ja);
  assert.equal(en[0].label, all[0].label.en);
  assert.throws(() => taxonomy('fr'), RangeError);
  assert.throws(() => taxonomy(1), TypeError);
});

test('version() gives version, schema, rule count and fingerprint', () => {
  const v = version();
  assert.deepEqual(Object.keys(v).sort(), ['rules', 'rulesFingerprint', 'schema', 'version']);
  const pkg = createRequire(import.meta.url)('jikenbo/package.json');
  assert.equal(v.version, pkg.version);
  assert.equal(v.schema, 1);
  assert.ok(v.rules > 0);
  assert.match(v.rulesFingerprint, /^[0-9a-f]{16}$/);
});

const SNATCH_RULE = {
  id: 'snatch',
  field: 'attack_types',
  tag: 'theft',
  label: { ja: 'ひったくり', en: 'Bag snatching' },
  cues: [{ pattern: 'ひったくり', name: 'word' }],
  match: ['当社社員が路上でひったくりの被害に遭いました。'],
  no_match: ['ひったくりの被害はありませんでした。'],
};

test('Classifier with a custom rule: the rule fires, built-in rules stay', () => {
  const c = new Classifier({ rules: [SNATCH_RULE] });
  try {
    assert.equal(c.ruleCount, version().rules + 1);
    const text = '当社の営業担当者が帰宅途中にひったくりの被害に遭いました。';
    const r = c.classify(text);
    const theft = r.attackTypes.find((t) => t.id === 'theft');
    assert.ok(theft, JSON.stringify(r.attackTypes));
    const ev = theft.evidence.find((e) => e.rule === 'attack_types/snatch#word');
    assert.ok(ev);
    assert.equal(text.slice(ev.start, ev.end), 'ひったくり');
    assert.ok(!classify(text).attackTypes.some((t) => t.id === 'theft'), 'the built-in rules alone do not tag it');
    assert.deepEqual(c.classify(NOTICE), classify(NOTICE));
  } finally {
    c.free();
  }
  const plain = new Classifier();
  assert.equal(plain.ruleCount, version().rules);
  plain.free();
});

const rule = (over) => ({ ...SNATCH_RULE, id: 'r1', ...over });
const BAD = [
  ['bad pattern', rule({ id: 'bad_pattern', cues: [{ pattern: '(ひったくり' }] }), /bad pattern/],
  ['unknown field', rule({ id: 'bad_field', field: 'attackers' }), /unknown field "attackers"/],
  ['unknown id', rule({ id: 'bad_id', tag: 'cyber_ninja' }), /unknown id "cyber_ninja"/],
  ['duplicate of a built-in id', rule({ id: 'ransomware', tag: undefined, field: 'attack_types' }), /duplicate id/],
  ['missing match examples', rule({ id: 'no_match_list', match: [] }), /missing examples: `match`/],
  ['missing no_match examples', rule({ id: 'no_nomatch', no_match: undefined }), /missing examples: `no_match`/],
  ['example failing its rule', rule({ id: 'fails_itself', match: ['今日は良い天気でした。'] }), /is not tagged by its `match` list/],
  ['no_match example firing', rule({ id: 'fires_on_no_match', no_match: ['当社社員がひったくりの被害に遭いました。'] }), /is tagged by its `no_match` list/],
  ['misspelt key', { ...rule({ id: 'typo' }), macth: ['x'] }, /unknown field `macth`/],
  ['misspelt cue key', rule({ id: 'typo_cue', cues: [{ patern: 'x' }] }), /cue 1: unknown field `patern`/],
  ['missing cues', { ...rule({ id: 'no_cues' }), cues: undefined }, /missing field `cues`|no cues/],
  ['weight out of range', rule({ id: 'heavy', cues: [{ pattern: 'ひったくり', weight: 2 }] }), /weight 2 is not in/],
  ['weight of the wrong type', rule({ id: 'heavy2', cues: [{ pattern: 'ひったくり', weight: 'heavy' }] }), /cues\[0\]\.weight: expected a number, got string/],
  ['unknown ignore filter', rule({ id: 'ign', cues: [{ pattern: 'ひったくり', ignore: ['everything'] }] }), /unknown filter "everything"/],
  ['upper-case pattern', rule({ id: 'upper', cues: [{ pattern: 'SNATCH' }] }), /upper-case/],
  ['bad id', rule({ id: 'Bad Id!' }), /id must be/],
];

for (const [what, bad, reason] of BAD) {
  test(`new Classifier: ${what} → Error naming the rule and the reason`, () => {
    // after a good rule, so the message must name the right one
    assert.throws(() => new Classifier({ rules: [SNATCH_RULE, bad] }), (e) => {
      assert.ok(e instanceof Error && !(e instanceof TypeError), String(e));
      assert.ok(e.message.includes(`rule ${JSON.stringify(bad.id)}`), e.message);
      assert.match(e.message, reason);
      assert.equal(e.code, 'invalid_rule');
      assert.equal(e.rule, bad.id);
      return true;
    });
  });
}

test('new Classifier: pack-level mistakes', () => {
  assert.throws(() => new Classifier({ rules: [SNATCH_RULE, SNATCH_RULE] }), { message: /rule "snatch": duplicate id/ });
  assert.throws(() => new Classifier({ rules: [SNATCH_RULE, 'x'] }), { message: /rule #2 \(no id\): expected an object, got string/ });
  assert.throws(() => new Classifier({ rules: SNATCH_RULE }), { name: 'TypeError', message: /rules must be an array/ });
  assert.throws(() => new Classifier({ rulez: [] }), { name: 'TypeError', message: /unknown option "rulez"/ });
  assert.throws(() => new Classifier([SNATCH_RULE]), { name: 'TypeError', message: /options must be an object/ });
  const cyclic = { ...SNATCH_RULE, id: 'loop' };
  cyclic.self = cyclic;
  assert.throws(() => new Classifier({ rules: [cyclic] }), { code: 'invalid_rule', rule: 'loop', message: /rule "loop": not plain JSON data/ });
});

test('Classifier: Symbol.dispose frees it; using it afterwards is a clear error, not a wasm crash', () => {
  assert.equal(typeof Symbol.dispose, 'symbol');
  const c = new Classifier();
  assert.equal(typeof c[Symbol.dispose], 'function');
  c[Symbol.dispose]();
  for (const use of [() => c.classify(NOTICE), () => c.ruleCount]) {
    assert.throws(use, (e) => {
      assert.equal(e.code, 'classifier_freed');
      assert.match(e.message, /this Classifier was freed/);
      assert.doesNotMatch(e.message, /null pointer/);
      assert.ok(isJikenboError(e));
      return true;
    });
  }
  assert.doesNotThrow(() => c.free(), 'a second free() does nothing');
  assert.doesNotThrow(() => c[Symbol.dispose]());
  const d = new Classifier();
  d.free();
  assert.throws(() => d.classify(NOTICE), { code: 'classifier_freed' });
  // a live classifier is unaffected
  const e = new Classifier();
  assert.deepEqual(e.classify(NOTICE), classify(NOTICE));
  assert.ok(e instanceof Classifier);
  e.free();
});

test('isJikenboError: true for every error jikenbo throws, false for others', () => {
  const caught = (f) => { try { f(); } catch (e) { return e; } return null; };
  const errs = [
    caught(() => classify(1)),
    caught(() => classify('あ' + 'a'.repeat(10 * 1024 * 1024))),
    caught(() => new Classifier({ rules: [{ id: 'x' }] })),
  ];
  assert.deepEqual(errs.map((e) => e?.code), ['invalid_argument', 'input_too_large', 'invalid_rule']);
  for (const e of errs) assert.ok(isJikenboError(e), e.code);
  assert.equal(errs[2].rule, 'x');
  for (const other of [new Error('x'), new TypeError('y'), Object.assign(new Error('z'), { code: 'ENOENT' }), { code: 'invalid_rule' }, null, 'invalid_rule']) {
    assert.equal(isJikenboError(other), false, String(other?.message ?? other));
  }
});

test('the package ships what package.json says, with an exports map', async () => {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('jikenbo/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  assert.equal(pkg.name, 'jikenbo');
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.ok(pkg.description && pkg.repository && pkg.keywords.length);
  const root = pkg.exports['.'];
  assert.deepEqual(Object.keys(root), ['types', 'node', 'browser', 'default']);
  assert.deepEqual(root.node, { require: './node.cjs', default: './node.js' });
  assert.deepEqual(root.types, { require: './index.d.cts', default: './index.d.ts' });
  assert.deepEqual(pkg.exports['./widget'], { types: './widget.d.ts', default: './widget.js' });
  assert.equal(pkg.main, './node.cjs');
  for (const f of pkg.files) assert.doesNotThrow(() => readFileSync(new URL(f, `file://${pkgPath}`)), f);
  assert.ok(pkg.files.includes('jikenbo_bg.wasm'));
  const wasm = readFileSync(new URL('jikenbo_bg.wasm', `file://${pkgPath}`));
  assert.deepEqual([...wasm.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'a real .wasm file, not base64');
  // the raw wasm-bindgen module is reachable as "jikenbo/web"
  const web = await import('jikenbo/web');
  assert.equal(typeof web.default, 'function');
  assert.equal(typeof web.initSync, 'function');
  assert.equal(web.classify, classify, 'one module instance behind both entries');
});
