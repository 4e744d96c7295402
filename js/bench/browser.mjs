// `make bench` (browser part): headless Chromium via playwright-core, a
// node:http static server on port 0 started here. Measures (1) the time from
// navigation to the first result for a pasted notice, over fresh browser
// contexts, and (2) classify time per input for the corpus notices and for
// 1 KB … 10 MB inputs (median, p95). BENCH_QUICK=1: one or two runs each and
// no 10 MB case (`make bench-smoke`). JIKENBO_WEB_PKG=dir serves another
// wasm-bindgen `web` build as /pkg/ (default: pkg/).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT, QUICK, loadNotices, stats, fmt, SIZES, sizeName, ofSize } from './common.mjs';

const PKG = normalize((process.env.JIKENBO_WEB_PKG ?? join(ROOT, 'pkg')) + '/');
const PAGE = join(ROOT, 'js', 'bench', 'page.html');
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path === '/' ? PAGE : path.startsWith('/pkg/') ? normalize(join(PKG, path.slice(5))) : null;
  if (!file || (file !== PAGE && !file.startsWith(PKG))) { res.writeHead(404).end(); return; }
  try { res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(await readFile(file)); }
  catch { res.writeHead(404).end('not found'); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const { source, notices } = loadNotices();
const pasted = notices.find((n) => n.length >= 1000 && n.length <= 4000) ?? notices[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  // (1) navigation → first result, each time in a fresh context (empty cache).
  const firsts = [];
  for (let i = 0; i < (QUICK ? 2 : 15); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript((t) => {
      document.addEventListener('DOMContentLoaded', () => { document.getElementById('input').value = t; });
    }, pasted);
    await page.goto(base);
    await page.waitForSelector('body[data-ready]', { timeout: 30000 });
    firsts.push(await page.evaluate(() => window.firstResultAt));
    await context.close();
  }
  // (2) classify times, in one page.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
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
  const version = browser.version();
  const f = stats(firsts);
  console.log(`chromium ${version} headless; ${source}; pasted notice ${Buffer.byteLength(pasted)} bytes; package ${PKG.replace(ROOT, '')}`);
  console.log(`navigation -> first result: median ${fmt(f.median, 1)} ms, p95 ${fmt(f.p95, 1)} ms, min ${fmt(f.min, 1)} ms over ${f.n} fresh contexts (target <= 50 ms)`);
  console.log('| input | runs | median ms | p95 ms | MB/s (median) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, bytes, s] of rows) console.log(`| ${name} | ${s.n} | ${fmt(s.median)} | ${fmt(s.p95)} | ${fmt(bytes / 1e6 / (s.median / 1e3), 2)} |`);
  const b100k = rows.find((r) => r[1] === 1e5), b10m = rows.find((r) => r[1] === 1e7);
  if (b100k && b10m) console.log(`linearity: time(10 MB) / time(100 KB) = ${fmt(b10m[2].median / b100k[2].median, 1)} (linear = 100; bound 120)`);
} finally {
  await browser.close();
  server.close();
}
