// `make bench` (browser part): headless Chromium via playwright-core, a
// node:http static server on port 0 started here. Measures (1) the time from
// navigation to the first result for a pasted notice, over fresh browser
// contexts, with the median of each loading phase, on the benchmark page
// (js/bench/page.html) and on the real page (www/index.html, which
// classifies in a Web Worker and renders the report), interleaved run by
// run; and (2) classify time per input for the corpus notices and for
// 1 KB … 10 MB inputs (median, p95).
//
// Environment (see BENCHMARKS.md):
//   BENCH_QUICK=1        one run each (no settle wait) and no 10 MB case (`make bench-smoke`)
//   BENCH_FIRST_ONLY=1   only (1)
//   BENCH_RUNS=n         fresh contexts per page in (1) (default 15)
//   BENCH_PASTE=0        no paste-on-a-loaded-page measurement (www pages)
//   BENCH_TRACE=1        one more fresh context of the bench page under a Chromium
//                        trace: the wasm code compiled lazily during the first
//                        classify (ms, number of functions, the costliest by name)
//   BENCH_REPEAT=0       no second visit in each context (the repeat-visit lines)
//   BENCH_SETTLE_MS=n    wait n ms on about:blank in each fresh context before
//                        navigating (default 1000, 0 with BENCH_QUICK; 0 = the first harness)
//   BENCH_PAGES=list     the pages of (1), comma-separated (default `bench,www`):
//                        `bench[?query]` js/bench/page.html with page.html's query
//                        flags (e.g. `bench?load=init&preload=0`); `www[=dir]`
//                        www/index.html, or the same page from another copy of www/
//   JIKENBO_WEB_PKG=dir  another wasm-bindgen `web` build, served as /pkg/ and as
//                        every www copy's pkg/ (default: pkg/)
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { ROOT, QUICK, loadNotices, stats, fmt, SIZES, sizeName, ofSize } from './common.mjs';
import { MIME } from '../../scripts/serve.mjs';

const PKG = normalize((process.env.JIKENBO_WEB_PKG ?? join(ROOT, 'pkg')) + '/');
const PAGE = join(ROOT, 'js', 'bench', 'page.html');
const FIRST_ONLY = process.env.BENCH_FIRST_ONLY === '1';
const PASTE = process.env.BENCH_PASTE !== '0';
const TRACE = process.env.BENCH_TRACE === '1';
const REPEAT = process.env.BENCH_REPEAT !== '0';
const SETTLE = Number(process.env.BENCH_SETTLE_MS ?? (QUICK ? 0 : 1000));
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 15));
const PAGES = (process.env.BENCH_PAGES ?? 'bench,www').split(',').filter(Boolean).map((spec, i) => {
  if (spec.startsWith('bench')) return { spec, kind: 'bench', path: '/' + spec.slice(5) };
  const dir = spec.startsWith('www=') ? resolve(spec.slice(4)) : join(ROOT, 'www');
  return { spec, kind: 'www', dir: normalize(dir + '/'), mount: `/w${i}/`, path: `/w${i}/index.html` };
});
// /            js/bench/page.html
// /pkg/…       the package
// /wN/…        a www copy; /wN/pkg/… the package
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = null, root = null;
  if (path === '/') file = root = PAGE;
  else if (path.startsWith('/pkg/')) { root = PKG; file = join(PKG, path.slice(5)); }
  else {
    const w = PAGES.find((p) => p.mount && path.startsWith(p.mount));
    const rest = w && path.slice(w.mount.length);
    if (w && rest.startsWith('pkg/')) { root = PKG; file = join(PKG, rest.slice(4)); }
    else if (w) { root = w.dir; file = join(w.dir, rest || 'index.html'); }
  }
  file = file && normalize(file);
  if (!file || (file !== PAGE && !file.startsWith(root))) { res.writeHead(404).end(); return; }
  try {
    // as scripts/serve.mjs: no-cache + ETag (a fresh context has an empty
    // cache; a repeat visit revalidates and gets 304s)
    const st = await stat(file);
    const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    const headers = { 'cache-control': 'no-cache', etag };
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers).end(); return; }
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', ...headers }).end(body);
  } catch { res.writeHead(404).end('not found'); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const { source, notices } = loadNotices();
const pasted = notices.find((n) => n.length >= 1000 && n.length <= 4000) ?? notices[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

/**
 * Before any page script: paste the notice when the document is parsed
 * (readyState 'interactive' comes before deferred and module scripts run;
 * DOMContentLoaded may come after a module script has already read the
 * field), and note when the www page first shows a report.
 */
function pasteAndWatch(t) {
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const ta = document.getElementById('input') ?? document.getElementById('notice');
    if (t == null) return;
    ta.value = t;
    const results = document.getElementById('results');
    if (!results) return;
    new MutationObserver((_, obs) => {
      if (!results.hasAttribute('data-chars')) return;
      obs.disconnect();
      window.renderedAt = performance.now();            // report in the DOM
      requestAnimationFrame(() => setTimeout(() => { window.paintedAt = performance.now(); }, 0)); // after the next frame
    }).observe(results, { attributes: true, attributeFilter: ['data-chars'] });
  });
}

/**
 * One fresh context: navigate, wait for the first result, collect the phases
 * (ms since navigation start). With REPEAT, navigate to the page again in
 * the same context (HTTP cache, revalidated; Chromium's compiled-code
 * caches) and collect that visit too: [first, repeat].
 */
async function firstResult(p) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A new context opens a new browser window, and Chromium loads its own
  // WebUI for it (chrome://…omnibox-popup…) on the same 2 cores: let that
  // finish first, as in a browser that is already open.
  if (SETTLE) await page.waitForTimeout(SETTLE);
  await page.addInitScript(pasteAndWatch, pasted);
  const visits = [];
  for (let v = 0; v < (REPEAT ? 2 : 1); v++) {
    if (v) await page.waitForTimeout(SETTLE); // the first visit's idle work (code caching) is done
    await page.goto(base + p.path);
    await page.waitForFunction((kind) => (kind === 'bench' ? document.body.dataset.ready : window.paintedAt), p.kind, { timeout: 30000 });
    visits.push(await collect(page));
  }
  await context.close();
  return visits;
}

/**
 * The www page in a fresh context, loaded with an empty field and left idle
 * for IDLE ms (as a reader who then pastes); then the notice is pasted:
 * ms from the paste to the report in the DOM.
 */
const IDLE = 2000;
async function pasteAfterLoad(p) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (SETTLE) await page.waitForTimeout(SETTLE);
  await page.goto(base + p.path);
  await page.waitForSelector('body[data-ready]', { timeout: 30000 });
  await page.waitForTimeout(IDLE);
  const ms = await page.evaluate((text) => new Promise((done) => {
    const results = document.getElementById('results');
    const ta = document.getElementById('notice');
    const t0 = performance.now();
    new MutationObserver((_, obs) => {
      if (results.getAttribute('data-chars') !== String(text.length)) return;
      obs.disconnect();
      const total = performance.now() - t0;
      const r = performance.getEntriesByName('jikenbo:worker-result').find((e) => e.startTime >= t0)
        ?? performance.getEntriesByName('jikenbo:main-thread-result').find((e) => e.startTime >= t0);
      done({ total, classify: r?.detail?.ms, result: r && r.startTime - t0 });
    }).observe(results, { attributes: true, attributeFilter: ['data-chars'] });
    ta.value = text;
    ta.dispatchEvent(new Event('paste', { bubbles: true }));
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }), pasted);
  await context.close();
  return ms;
}

function collect(page) {
  return page.evaluate(() => {
    const out = {};
    const nav = performance.getEntriesByType('navigation')[0];
    out.html = nav.responseEnd;
    out.dcl = nav.domContentLoadedEventEnd;
    for (const e of performance.getEntriesByType('resource')) {
      const name = e.name.split('/').pop();
      if (name === 'jikenbo.js') out.js = e.responseEnd;
      if (name === 'jikenbo_bg.wasm') { out.wasmStart = e.startTime; out.wasm = e.responseEnd; }
      if (name === 'worker.js') out.workerJs = e.responseEnd;
    }
    for (const e of performance.getEntriesByType('mark')) {
      if (!e.name.startsWith('jikenbo:')) continue;
      out[e.name.slice(8)] ??= e.startTime;
      if (e.name === 'jikenbo:worker-result') out['worker-ms'] ??= e.detail?.ms;
      if (e.name === 'jikenbo:main-thread-result') out['main-ms'] ??= e.detail?.ms;
    }
    Object.assign(out, window.phases ?? {});
    if (window.firstResultAt != null) out.first = window.firstResultAt;
    if (window.renderedAt != null) { out.first = window.renderedAt; out.painted = window.paintedAt; }
    return out;
  });
}

/** One line: the median of each phase (absolute: ms since navigation start; durations in brackets). */
function phaseLine(p, runs, what = 'fresh contexts') {
  const med = (f) => { const xs = runs.map(f).filter((x) => Number.isFinite(x)); return xs.length ? stats(xs).median : null; };
  const parts = [];
  const at = (label, key) => { const m = med((r) => r[key]); if (m != null) parts.push(`${label} ${fmt(m, 1)}`); };
  const dur = (label, f) => { const m = med(f); if (m != null) parts.push(`${label} (${fmt(m, 1)})`); };
  at('html', 'html'); at('jikenbo.js', 'js'); at('wasm fetch start', 'wasmStart'); at('wasm fetched', 'wasm');
  at('script', 'script'); at('compiled', 'compiled'); dur('compile wait', (r) => r.compiled - r.script);
  at('inited', 'inited'); dur('instantiate', (r) => r.inited - (r.compiled ?? r.script));
  at('worker.js', 'workerJs'); at('worker ready', 'worker-ready');
  const onMain = runs.filter((r) => r['main-thread-classify'] != null).length;
  if (onMain) parts.push(`first classify on the main thread in ${onMain}/${runs.length}`);
  dur('classify 1', (r) => r.c1e - r.c1s); dur('classify 2', (r) => r.c2e - r.c2s);
  dur('one-time', (r) => (r.c1e - r.c1s) - (r.c2e - r.c2s));
  dur('worker classify 1', (r) => r['worker-ms']); at('worker result', 'worker-result');
  dur('main-thread classify 1', (r) => r['main-ms']);
  at('FIRST RESULT', 'first'); at('painted', 'painted');
  const f = stats(runs.map((r) => r.first));
  return `${p.spec}: ${parts.join(' | ')}\n  first result: median ${fmt(f.median, 1)} ms, p95 ${fmt(f.p95, 1)}, min ${fmt(f.min, 1)} over ${f.n} ${what} (target <= 50 ms)`;
}

try {
  // (1) navigation → first result, each time in a fresh context (empty cache),
  // the pages interleaved (the order alternates from round to round).
  const results = PAGES.map(() => []);
  const repeats = PAGES.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    const order = PAGES.map((_, j) => j);
    if (i % 2) order.reverse();
    for (const j of order) {
      const [first, repeat] = await firstResult(PAGES[j]);
      results[j].push(first);
      if (repeat) repeats[j].push(repeat);
    }
  }
  console.log(`chromium ${browser.version()} headless; ${source}; pasted notice ${Buffer.byteLength(pasted)} bytes; package ${PKG.replace(ROOT, '')}`);
  console.log('navigation -> first result, median ms since navigation start (durations in brackets):');
  PAGES.forEach((p, j) => console.log(phaseLine(p, results[j])));
  if (REPEAT) {
    console.log('repeat visit (same context, navigated again):');
    PAGES.forEach((p, j) => console.log(phaseLine(p, repeats[j], 'repeat visits')));
  }
  const www = PAGES.map((p, j) => [p, j]).filter(([p]) => p.kind === 'www');
  if (www.length && PASTE) {
    const pastes = PAGES.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      const order = i % 2 ? [...www].reverse() : www;
      for (const [p, j] of order) pastes[j].push(await pasteAfterLoad(p));
    }
    console.log(`paste on a loaded page (fresh context, page idle ${IDLE} ms, then the notice pasted) -> report in the DOM:`);
    for (const [p, j] of www) {
      const st = stats(pastes[j].map((x) => x.total));
      const part = (f) => { const xs = pastes[j].map(f).filter(Number.isFinite); return xs.length ? fmt(stats(xs).median, 1) : '?'; };
      console.log(`${p.spec}: median ${fmt(st.median, 1)} ms, p95 ${fmt(st.p95, 1)}, min ${fmt(st.min, 1)} over ${st.n} fresh contexts`
        + ` (classify ${part((x) => x.classify)}, result back on the page ${part((x) => x.result)})`);
    }
  }
  if (TRACE) await traceFirst();
  if (!FIRST_ONLY) await perInput();
} finally {
  await browser.close();
  server.close();
}

/** Names of the .wasm's functions (its `name` section; none after wasm-opt strips it). */
async function wasmFunctionNames() {
  const names = new Map();
  try {
    const m = new WebAssembly.Module(await readFile(join(PKG, 'jikenbo_bg.wasm')));
    const [sec] = WebAssembly.Module.customSections(m, 'name');
    if (!sec) return names;
    const b = new Uint8Array(sec);
    let p = 0;
    const leb = () => { let r = 0, sh = 0, x; do { x = b[p++]; r |= (x & 0x7f) << sh; sh += 7; } while (x & 0x80); return r >>> 0; };
    while (p < b.length) {
      const id = b[p++];
      const end = leb() + p;
      if (id === 1) {
        for (let n = leb(); n > 0; n--) { const idx = leb(); const len = leb(); names.set(idx, new TextDecoder().decode(b.subarray(p, p + len))); p += len; }
      }
      p = end;
    }
  } catch { /* no names */ }
  return names;
}

/**
 * The one-time cost inside the first classify, from a Chromium trace:
 * Chromium compiles wasm functions lazily, on first call, on the calling
 * thread (wasm.CompileLazy), and optimises hot ones in the background
 * (wasm.TopTierCompilation).
 */
async function traceFirst() {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (SETTLE) await page.waitForTimeout(SETTLE);
  await page.addInitScript(pasteAndWatch, pasted);
  await browser.startTracing(page, { categories: ['v8.wasm', 'blink.user_timing', 'devtools.timeline'] });
  await page.goto(base + '/');
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 30000 });
  const buf = await browser.stopTracing();
  await context.close();
  const events = JSON.parse(buf.toString()).traceEvents ?? [];
  const at = (name) => events.find((e) => e.name === name)?.ts;
  const c1s = at('jikenbo:c1s'), c1e = at('jikenbo:c1e');
  if (c1s == null || c1e == null) { console.log('trace: the classify marks are missing'); return; }
  const inC1 = (e) => e.ts >= c1s && e.ts <= c1e;
  const lazy = events.filter((e) => e.name === 'wasm.CompileLazy' && inC1(e));
  const top = events.filter((e) => e.name === 'wasm.TopTierCompilation' && inC1(e));
  const sum = (xs) => xs.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
  const byFunc = new Map();
  for (const e of lazy) { const i = e.args?.func_index; byFunc.set(i, (byFunc.get(i) ?? 0) + (e.dur ?? 0) / 1000); }
  const names = await wasmFunctionNames();
  const costly = [...byFunc].sort((a, b) => b[1] - a[1]).slice(0, 5)
    .map(([i, ms]) => `${(names.get(i) ?? `#${i}`).replace(/::h[0-9a-f]{16}$/, '')} ${fmt(ms, 1)}`);
  console.log(`trace, bench page, first classify ${fmt((c1e - c1s) / 1000, 1)} ms: lazy wasm compilation on the page's thread ${fmt(sum(lazy), 1)} ms (${lazy.length} functions; costliest: ${costly.join(', ')}); background top-tier compilation meanwhile ${fmt(sum(top), 1)} ms of CPU`);
}

// (2) classify times, in one page.
async function perInput() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('body[data-ready]', { timeout: 30000 });
  const runsFor = (bytes) => (QUICK ? 1 : bytes >= 1e7 ? 3 : bytes >= 1e6 ? 5 : bytes >= 1e5 ? 11 : 31);
  const time = (texts, runs) => page.evaluate(({ texts, runs }) => {
    const out = [];
    for (const t of texts) window.jikenboClassify(t);                    // warm-up
    for (let r = 0; r < runs; r++) for (const t of texts) { const s = performance.now(); window.jikenboClassify(t); out.push(performance.now() - s); }
    return out;
  }, { texts, runs });
  const rows = [];
  const corpusBytes = notices.reduce((a, n) => a + Buffer.byteLength(n), 0);
  rows.push([`corpus notices (${notices.length}, avg ${Math.round(corpusBytes / notices.length)} B)`, corpusBytes / notices.length, stats(await time(notices, QUICK ? 1 : 5))]);
  for (const size of SIZES.filter((s) => !QUICK || s < 1e7)) {
    rows.push([sizeName(size), size, stats(await time([ofSize(notices, size)], runsFor(size)))]);
  }
  console.log('| input | runs | median ms | p95 ms | MB/s (median) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, bytes, s] of rows) console.log(`| ${name} | ${s.n} | ${fmt(s.median)} | ${fmt(s.p95)} | ${fmt(bytes / 1e6 / (s.median / 1e3), 2)} |`);
  const b100k = rows.find((r) => r[1] === 1e5), b10m = rows.find((r) => r[1] === 1e7);
  if (b100k && b10m) console.log(`linearity: time(10 MB) / time(100 KB) = ${fmt(b10m[2].median / b100k[2].median, 1)} (linear = 100; bound 120)`);
}
