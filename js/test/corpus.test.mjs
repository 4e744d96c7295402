// Same answers everywhere: every notice of ../shared/corpus (dev and seed)
// classified through the npm package in Node and through the native command
// line must give identical JSON (the CLI adds a "file" field, ignored here).
// When ../shared is absent, the cases are skipped with a note; the other
// suites still run.
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
const DIRS = ['corpus/dev', 'corpus/seed'].map((d) => join(SHARED, d));
const present = DIRS.filter((d) => existsSync(d));

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
    const report = JSON.parse(line);
    const file = report.file;
    delete report.file;
    out.set(file, report);
  }
  return out;
}

for (const dir of DIRS) {
  const name = dir.slice(SHARED.length + 1);
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
      assert.deepEqual(fromPkg, fromCli, `${name}/${f}: package and CLI differ`);
      assert.equal(JSON.stringify(fromPkg), JSON.stringify(fromCli), `${name}/${f}: key order or number formatting differs`);
      assertOffsetsValid(text, fromPkg, `${name}/${f}`);
      compared++;
    }
    t.diagnostic(`${name}: ${compared} notices, identical JSON from the package and the CLI`);
  });
}
