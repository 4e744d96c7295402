// `make bench` (Node part): classifies every notice with the npm package
// (pkg/node.js, i.e. the .wasm) and with the JavaScript RegExp baseline of
// js/bench/rules.generated.mjs, in the same process, interleaved round by
// round, and prints the medians and the ratio. BENCH_QUICK=1: a few rounds
// only (`make bench-smoke`: it works, not how fast). JIKENBO_PKG=path/to/entry.js
// measures another build of the package.
import { pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { ROOT, QUICK, loadNotices, stats, median, fmt, makeJsClassifier, ofSize } from './common.mjs';

const entry = process.env.JIKENBO_PKG ?? join(ROOT, 'pkg', 'node.js');
const t0 = performance.now();
const { classify } = await import(pathToFileURL(entry).href);
const first = classify('当社サーバーが不正アクセスを受けました。');
const tFirst = performance.now() - t0;
const { CUES } = await import('./rules.generated.mjs');
const jsClassify = makeJsClassifier(CUES);
const { source, notices } = loadNotices();
const bytes = notices.reduce((a, n) => a + Buffer.byteLength(n), 0);

if (!Array.isArray(first.attackTypes)) throw new Error('classify did not return a report');
// Sanity: both sides see the same notices and find something in them.
let wasmTags = 0, jsRules = 0;
for (const n of notices) {
  const r = classify(n);
  wasmTags += r.attackTypes.length + r.dataCategories.length + r.reportedTo.length;
  jsRules += jsClassify(n).rules.length;
}

const ROUNDS = QUICK ? 2 : 21;
const wasmNotice = [], jsNotice = [], wasmRound = [], jsRound = [];
const runWasm = () => { const a = performance.now(); for (const n of notices) { const s = performance.now(); classify(n); wasmNotice.push(performance.now() - s); } wasmRound.push(performance.now() - a); };
const runJs = () => { const a = performance.now(); for (const n of notices) { const s = performance.now(); jsClassify(n); jsNotice.push(performance.now() - s); } jsRound.push(performance.now() - a); };
for (let i = 0; i < 3; i++) { runWasm(); runJs(); }          // warm-up (JIT, lazy regex compilation)
wasmNotice.length = jsNotice.length = wasmRound.length = jsRound.length = 0;
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2) { runJs(); runWasm(); } else { runWasm(); runJs(); }   // interleaved, alternating order
}
const w = stats(wasmNotice), j = stats(jsNotice);
const wr = median(wasmRound), jr = median(jsRound);

// The concatenated corpus as one text, same interleaving.
const all = notices.join('\n\n');
const wAll = [], jAll = [];
for (let r = 0; r < (QUICK ? 1 : 7); r++) {
  let s = performance.now(); classify(all); wAll.push(performance.now() - s);
  s = performance.now(); jsClassify(all); jAll.push(performance.now() - s);
}
// Linearity in wasm: 100 KB vs 1 MB (10 MB in the browser and native benches).
const lin = {};
for (const size of QUICK ? [1e5] : [1e5, 1e6]) {
  const text = ofSize(notices, size);
  const xs = [];
  for (let r = 0; r < (QUICK ? 1 : 5); r++) { const s = performance.now(); classify(text); xs.push(performance.now() - s); }
  lin[size] = median(xs);
}

const mbps = (b, ms) => fmt(b / 1e6 / (ms / 1e3), 2);
console.log(`node ${process.version}; package ${entry.replace(ROOT, '')}; ${source}: ${notices.length} notices, ${bytes} bytes; ${CUES.length} JS cues`);
console.log(`first import + first classify: ${fmt(tFirst, 1)} ms; tags found (wasm) ${wasmTags}, rules fired (JS) ${jsRules}`);
// The .wasm next to the entry (pkg/jikenbo_bg.wasm): raw and gzip -9.
const wasmFile = join(dirname(entry), 'jikenbo_bg.wasm');
if (existsSync(wasmFile)) {
  const raw = readFileSync(wasmFile);
  console.log(`.wasm: ${raw.length} bytes, ${gzipSync(raw, { level: 9 }).length} bytes gzip -9 (target <= 150 KB gzipped)`);
}
console.log(`rounds: ${ROUNDS} (interleaved), per-notice times in ms`);
console.log('| implementation | median / notice | p95 / notice | median / round | MB/s | concatenated corpus |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(`| wasm (npm package) | ${fmt(w.median)} | ${fmt(w.p95)} | ${fmt(wr, 2)} | ${mbps(bytes, wr)} | ${fmt(median(wAll), 2)} ms |`);
console.log(`| JS RegExp, one scan per cue | ${fmt(j.median)} | ${fmt(j.p95)} | ${fmt(jr, 2)} | ${mbps(bytes, jr)} | ${fmt(median(jAll), 2)} ms |`);
console.log(`ratio JS / wasm (per round): ${fmt(jr / wr, 2)}x  (target >= 3x)`);
console.log(`wasm linearity: ${Object.entries(lin).map(([s, ms]) => `${s / 1e3} KB ${fmt(ms, 1)} ms`).join(', ')}${lin[1e6] ? ` -> 1 MB / 100 KB = ${fmt(lin[1e6] / lin[1e5], 1)}x` : ''}`);
