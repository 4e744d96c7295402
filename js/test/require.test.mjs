// The package from CommonJS: `require("jikenbo")` resolves through the
// `require` condition to node.cjs, which loads the .wasm synchronously (no
// require(esm): the run below disables it where Node has it), and gives the
// same answers as the ESM entry. Run by `make test-js` (scripts/test-js.sh
// links js/node_modules/jikenbo to ../pkg first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esm from 'jikenbo';

const FIXTURE = fileURLToPath(new URL('./fixtures/require.cjs', import.meta.url));
const NOTICE = '当社サーバーがランサムウェアに感染し、お客様の氏名・住所 約1,200名分が流出した可能性があります。';

// Node 20.19+ and 22.12+ can require() an ES module; switch that off so that
// only a real CommonJS entry passes (the flag is unknown to older Nodes).
const NO_REQUIRE_ESM = process.allowedNodeEnvironmentFlags.has('--experimental-require-module')
  ? ['--no-experimental-require-module'] : [];

function runCjs() {
  const r = spawnSync(process.execPath, [...NO_REQUIRE_ESM, FIXTURE], { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('require("jikenbo") resolves to the CommonJS entry, node.cjs', () => {
  const require = createRequire(import.meta.url);
  assert.match(require.resolve('jikenbo'), /[/\\]node\.cjs$/);
  assert.match(import.meta.resolve('jikenbo'), /\/node\.js$/, 'import still gets the ESM entry');
});

test('require("jikenbo") in a CommonJS program (no require(esm)) classifies, synchronously', () => {
  const out = runCjs();
  assert.match(out.resolved, /node\.cjs$/);
  assert.deepEqual(out.exports, ['Classifier', 'classify', 'classifyAll', 'isJikenboError', 'splitNotices', 'taxonomy',
    'toCsv', 'toMisp', 'toStix', 'toVeris', 'version']);
  assert.deepEqual(out.exports, Object.keys(esm).sort(), 'the same names as the ESM entry');
  assert.deepEqual(out.report.attackTypes.map((t) => t.id), ['ransomware']);
  assert.equal(out.report.affectedCount.value, 1200);
  assert.equal(out.pkgVersion, out.version.version);
  assert.equal(out.rules, out.version.rules);
  assert.deepEqual(out.freed && { code: out.freed.code, jikenbo: out.freed.jikenbo }, { code: 'classifier_freed', jikenbo: true });
  assert.match(out.freed.message, /freed/);
});

test('CommonJS and ESM give the same report', () => {
  assert.deepEqual(runCjs().report, esm.classify(NOTICE));
});

test('in-process require() gets the CommonJS module, with the same API', () => {
  const cjs = createRequire(import.meta.url)('jikenbo');
  assert.notEqual(cjs.classify, esm.classify, 'two separate modules (documented: use one of them)');
  assert.deepEqual(cjs.classify(NOTICE), esm.classify(NOTICE));
  assert.deepEqual(cjs.taxonomy(), esm.taxonomy());
  assert.throws(() => cjs.classify(1), (e) => e instanceof TypeError && e.code === 'invalid_argument' && cjs.isJikenboError(e));
});
