// Writes seeds for the `matcher` fuzz target into fuzz/corpus/matcher/:
// each rule pattern (pattern, near, not_near lines of rules/**/*.toml, at
// most 120 bytes) with a NUL and one lower-cased line of tests/fixtures.
// Usage: node fuzz/seed-matcher.mjs
import { readFileSync, readdirSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const walk = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : p.endsWith('.toml') ? [p] : [];
});
const patterns = walk(join(root, 'rules')).flatMap((f) =>
  readFileSync(f, 'utf8').split('\n')
    .map((l) => l.match(/^(?:pattern|near|not_near)\s*=\s*'(.*)'\s*$/))
    .filter((m) => m && Buffer.byteLength(m[1]) <= 120)
    .map((m) => m[1]));
const fixtures = join(root, 'tests', 'fixtures');
const lines = readdirSync(fixtures).filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(fixtures, f), 'utf8').split('\n').filter((l) => l.trim()));
const out = join(root, 'fuzz', 'corpus', 'matcher');
mkdirSync(out, { recursive: true });
patterns.forEach((p, i) => {
  const hay = lines[(i * 7919) % lines.length].slice(0, 200).toLowerCase();
  writeFileSync(join(out, `seed${String(i).padStart(3, '0')}`), `${p}\0${hay}`);
});
console.log(`${patterns.length} seeds in ${out}`);
