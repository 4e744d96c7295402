// Same answers everywhere, byte for byte: every notice of ../shared/corpus
// (every folder) and of tests/fixtures, classified through the npm package
// in Node (JSON.stringify) and through the native command line, gives the
// same JSON text (the CLI's lines start with a "file" field, cut off here).
// When ../shared is absent its folders are skipped with a note;
// tests/fixtures always runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { classify } from 'jikenbo';
import { assertOffsetsValid } from './helpers.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = process.env.JIKENBO_SHARED ?? join(REPO, '..', 'shared');
const SHARED_DIRS = ['corpus/dev', 'corpus/seed', 'corpus/train'].map((d) => join(SHARED, d));
const DIRS = [...SHARED_DIRS, join(REPO, 'tests', 'fixtures')];
const present = SHARED_DIRS.filter((d) => existsSync(d));

if (present.length === 0) {
  console.log(`# note: ${SHARED}/corpus not found: skipping the same-answers cases`);
}

/** The CLI's reports for one directory, keyed by file name. */
function cli(dir) {
  const run = spawnSync('cargo', ['run', '--release', '-q', '--bin', 'jikenbo', '--', 'classify', dir], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `jikenbo classify ${dir} failed:\n${run.stderr}`);
  const out = new Map();
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    const file = JSON.parse(line).file;
    const head = `{"file":${JSON.stringify(file)},`;
    assert.ok(line.startsWith(head), `a CLI line starts with its file: ${line.slice(0, 80)}`);
    out.set(file, '{' + line.slice(head.length));
  }
  return out;
}

for (const dir of DIRS) {
  const name = dir.startsWith(SHARED) ? dir.slice(SHARED.length + 1) : 'tests/fixtures';
  test(`same answers as the CLI: ${name}`, { skip: !existsSync(dir) && `${dir} not found` }, (t) => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    assert.ok(files.length > 0, `no .txt in ${dir}`);
    const native = cli(dir);
    assert.equal(native.size, files.length, 'one CLI report per file');
    let compared = 0;
    for (const f of files) {
      const path = join(dir, f);
      const text = readFileSync(path, 'utf8');
      const fromPkg = classify(text);
      const fromCli = native.get(path);
      assert.ok(fromCli, `no CLI report for ${path}`);
      assert.deepEqual(fromPkg, JSON.parse(fromCli), `${name}/${f}: package and CLI differ`);
      assert.equal(JSON.stringify(fromPkg), fromCli, `${name}/${f}: the JSON text differs (key order or number formatting)`);
      assertOffsetsValid(text, fromPkg, `${name}/${f}`);
      compared++;
    }
    t.diagnostic(`${name}: ${compared} notices, byte-identical JSON from the package and the CLI`);
  });
}

test('a count beyond 2^53 - 1 is stated as such, the same on both fronts', () => {
  const text = '個人情報 99,999,999,999,999,999名分が流出しました。';
  const r = classify(text);
  assert.equal(r.affectedCount.value, null);
  assert.equal(r.affectedCount.exceedsSafeInteger, true);
  assert.equal(text.slice(r.affectedCount.evidence[0].start, r.affectedCount.evidence[0].end), '99,999,999,999,999,999名分');
  const run = spawnSync('cargo', ['run', '--release', '-q', '--bin', 'jikenbo', '--', 'classify'], {
    cwd: REPO, input: text, encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const line = run.stdout.trim();
  assert.equal('{' + line.slice(line.indexOf(',') + 1), JSON.stringify(r));
});
