// Bundler and browser smoke tests of pkg/:
// - esbuild bundles `import { classify } from "jikenbo"` for Node (the
//   `node` condition) and for the browser (`browser`); each bundle runs, with
//   jikenbo_bg.wasm copied next to it as a file;
// - a plain <script type="module"> page imports pkg/index.js with no bundler;
// - a page with a strict CSP works with 'wasm-unsafe-eval' and fails without.
// The browser cases run in Debian's /usr/bin/chromium via playwright-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
const ENTRY = fileURLToPath(new URL('./fixtures/bundle-entry.mjs', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WANT = { ids: ['ransomware'], count: 1200 };
const version = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).version;

const work = mkdtempSync(join(tmpdir(), 'jikenbo-bundle-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function bundle(platform) {
  const outdir = join(work, platform);
  const res = await build({
    entryPoints: { entry: ENTRY },
    bundle: true,
    format: 'esm',
    platform,
    outdir,
    logLevel: 'silent',
    metafile: true,
  });
  const inputs = Object.keys(res.metafile.inputs);
  copyFileSync(join(PKG, 'jikenbo_bg.wasm'), join(outdir, 'jikenbo_bg.wasm'));
  const code = readFileSync(join(outdir, 'entry.js'), 'utf8');
  assert.ok(!code.includes('AGFzbQ'), 'the .wasm is not inlined as base64');
  return { outdir, inputs };
}

test('esbuild bundle for Node (exports condition "node") runs', async () => {
  const { outdir, inputs } = await bundle('node');
  assert.ok(inputs.some((i) => i.endsWith('pkg/node.js')), `resolved through "node": ${inputs.join(', ')}`);
  const run = spawnSync(process.execPath, [join(outdir, 'entry.js')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { ...WANT, version });
});

// ---- browser cases -----------------------------------------------------------
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const PAGES = {
  // the esbuild browser bundle
  '/bundle.html': '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/browser/entry.js"></script>',
  // no bundler: an import map names the package entry
  '/plain.html': `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "jikenbo": "/pkg/index.js" } }</script>
<script type="module">
  import { classify, version } from "jikenbo";
  const r = classify("当社サーバーがランサムウェアに感染し、お客様の氏名・住所 約1,200名分が流出した可能性があります。");
  document.body.dataset.result = JSON.stringify({ ids: r.attackTypes.map((t) => t.id), count: r.affectedCount.value, version: version().version });
</script>`,
  // strict CSP: only external scripts from 'self'
  '/csp.html': '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/csp.js"></script>',
  '/csp.js': `import { classify } from "/pkg/index.js";
document.body.dataset.result = JSON.stringify({ ids: classify("サーバーがランサムウェアに感染しました。").attackTypes.map((t) => t.id) });`,
};
let server, base, browser;

before(async () => {
  await bundle('browser');
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const csp = url.searchParams.get('csp');
    const headers = csp ? { 'content-security-policy': csp } : {};
    if (PAGES[url.pathname]) {
      res.writeHead(200, { ...headers, 'content-type': MIME[extname(url.pathname)] }).end(PAGES[url.pathname]);
      return;
    }
    const [root, rel] = url.pathname.startsWith('/pkg/') ? [PKG, url.pathname.slice(5)] : [work, url.pathname.slice(1)];
    const file = normalize(join(root, decodeURIComponent(rel)));
    if (!file.startsWith(root) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { ...headers, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { await browser?.close(); server?.close(); });

/**
 * Opens a page; returns its parsed data-result (null if none came) and the
 * page errors. Waits for the result, or, with `failing`, for the first error.
 */
async function open(path, { failing = false } = {}) {
  const page = await browser.newPage();
  const errors = [];
  let sawError;
  const errored = new Promise((r) => { sawError = r; });
  page.on('pageerror', (e) => { errors.push(e.message); sawError(); });
  page.on('console', (m) => { if (m.type() === 'error') { errors.push(m.text()); sawError(); } });
  try {
    await page.goto(base + path);
    const done = page.waitForSelector('body[data-result]', { state: 'attached', timeout: 15000 }).then(() => true, () => false);
    await (failing ? Promise.race([done, errored]) : done);
    const result = await page.getAttribute('body', 'data-result');
    return { result: result ? JSON.parse(result) : null, errors };
  } finally {
    await page.close();
  }
}

test('esbuild bundle for the browser (exports condition "browser") runs in Chromium', async () => {
  const { result, errors } = await open('/bundle.html');
  assert.deepEqual(result, { ...WANT, version }, errors.join('\n'));
  const meta = readFileSync(join(work, 'browser', 'entry.js'), 'utf8');
  assert.match(meta, /import\.meta\.url/, 'the wasm URL is resolved next to the bundle');
});

test('plain <script type="module"> with an import map, no bundler', async () => {
  const { result, errors } = await open('/plain.html');
  assert.deepEqual(result, { ...WANT, version }, errors.join('\n'));
});

test("strict CSP: works with 'wasm-unsafe-eval', fails without", async () => {
  const strict = "default-src 'self'; script-src 'self'";
  const good = await open(`/csp.html?csp=${encodeURIComponent(strict + " 'wasm-unsafe-eval'")}`);
  assert.deepEqual(good.result, { ids: ['ransomware'] }, good.errors.join('\n'));
  const bad = await open(`/csp.html?csp=${encodeURIComponent(strict)}`, { failing: true });
  assert.equal(bad.result, null);
  assert.ok(bad.errors.some((e) => /WebAssembly|wasm|Content Security Policy/i.test(e)), bad.errors.join('\n'));
});
