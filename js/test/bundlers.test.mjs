// The npm package installed the way the package README says (`npm pack`,
// then `npm install <tarball>` in a fresh project), then used through Vite
// (`vite build` and `vite dev`) and webpack, each result run in Chromium
// (Debian's /usr/bin/chromium via playwright-core): the page must classify a
// notice. Vite and webpack come from js/node_modules (devDependencies); the
// project's own node_modules holds only jikenbo, as a user's would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const NOTICE = '当社サーバーがランサムウェアに感染し、お客様の氏名・住所 約1,200名分が流出した可能性があります。';
const version = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).version;
const WANT = { ids: ['ransomware'], count: 1200, version };

const work = mkdtempSync(join(tmpdir(), 'jikenbo-bundlers-'));
const app = join(work, 'app');
const linked = join(work, 'linked');
let browser;
let tarball;
let packed;

const MAIN_JS = `import { classify, version } from "jikenbo";
const r = classify(${JSON.stringify(NOTICE)});
document.body.dataset.result = JSON.stringify({ ids: r.attackTypes.map((t) => t.id), count: r.affectedCount.value, version: version().version });
`;
const INDEX_HTML = (src) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>app</title></head>
<body><script type="module" src="${src}"></script></body></html>
`;

before(async () => {
  // npm pack ./pkg → the tarball; npm install it into a fresh project (offline: it has no dependencies)
  const out = execFileSync('npm', ['pack', PKG, '--pack-destination', work, '--json', '--loglevel=error'], { encoding: 'utf8' });
  packed = JSON.parse(out)[0];
  tarball = join(work, packed.filename);
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }, null, 2));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: app, encoding: 'utf8' });
  writeFileSync(join(app, 'src', 'main.js'), MAIN_JS);
  writeFileSync(join(app, 'index.html'), INDEX_HTML('/src/main.js')); // no vite.config.js: none is needed
  // the same app with the package folder installed (`npm install /path/to/pkg`: a symlink)
  mkdirSync(join(linked, 'src'), { recursive: true });
  writeFileSync(join(linked, 'package.json'), JSON.stringify({ name: 'linked', private: true, type: 'module' }, null, 2));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', PKG], { cwd: linked, encoding: 'utf8' });
  writeFileSync(join(linked, 'src', 'main.js'), MAIN_JS);
  writeFileSync(join(linked, 'index.html'), INDEX_HTML('/src/main.js'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
/** A static server for `dir`; returns its URL and a close(). */
async function serve(dir) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

/** Load `url` in Chromium; returns the page's data-result, the .wasm requests, the errors. */
async function run(url) {
  const page = await browser.newPage();
  const errors = [];
  const wasm = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (/\.wasm(\?|$)/.test(r.url())) wasm.push(`${r.status()} ${r.headers()['content-type']} ${r.url()}`); });
  try {
    await page.goto(url);
    await page.waitForSelector('body[data-result]', { state: 'attached', timeout: 30000 }).catch(() => {});
    const result = await page.getAttribute('body', 'data-result');
    return { result: result ? JSON.parse(result) : null, wasm, errors };
  } finally {
    await page.close();
  }
}

test('npm pack: the tarball holds the package files, the package README and no repository files', () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['package.json', 'README.md', 'index.js', 'node.js', 'node.cjs', 'api.js', 'widget.js', 'widget.d.ts',
    'index.d.ts', 'index.d.cts', 'jikenbo.js', 'jikenbo.d.ts', 'jikenbo_bg.wasm']) assert.ok(files.includes(f), `${f} in ${files}`);
  assert.ok(!files.some((f) => /\.rs$|Cargo|\.toml$|^www\/|^lib\//.test(f)), files.join(' '));
  const readme = readFileSync(join(app, 'node_modules', 'jikenbo', 'README.md'), 'utf8');
  assert.match(readme, /npm pack/);
  assert.match(readme, /jikenbo\/widget/);
  assert.match(readme, /wasm-unsafe-eval/);
  assert.doesNotMatch(readme, /cargo run|make test/, 'the package README, not the repository README');
  assert.ok(existsSync(join(app, 'node_modules', 'jikenbo', 'jikenbo_bg.wasm')), 'installed as files, not a link');
});

test('vite build: the bundle and its .wasm asset classify in Chromium', async () => {
  const { build } = await import('vite');
  const outDir = join(work, 'vite-dist');
  await build({ root: app, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const assets = readdirSync(join(outDir, 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the .wasm is emitted as an asset: ${assets}`);
  const s = await serve(outDir);
  try {
    const { result, wasm, errors } = await run(s.url);
    assert.deepEqual(result, WANT, errors.join('\n'));
    assert.equal(wasm.length, 1, wasm.join('\n'));
    assert.match(wasm[0], /^200 application\/wasm/);
    assert.deepEqual(errors, []);
  } finally {
    await s.close();
  }
});

/** Start `vite dev` on `root` (with `config`), load it in Chromium, stop it. */
async function viteDev(root, config = {}) {
  const { createServer: createViteServer } = await import('vite');
  const server = await createViteServer({ root, logLevel: 'silent', server: { host: '127.0.0.1', port: 0, hmr: false, ...config.server } });
  await server.listen();
  try {
    return await run(server.resolvedUrls.local[0]);
  } finally {
    await server.close();
  }
}

test('vite dev: the dev server serves a page that classifies in Chromium (tarball install, no configuration)', async () => {
  const { result, wasm, errors } = await viteDev(app);
  assert.deepEqual(result, WANT, `${errors.join('\n')}\n${wasm.join('\n')}`);
  assert.ok(wasm.length === 1 && /^200 application\/wasm/.test(wasm[0]), wasm.join('\n'));
  assert.deepEqual(errors, []);
});

test('vite dev with the package folder installed (a symlink): the .wasm is outside server.fs.allow unless it is added', async () => {
  assert.ok(existsSync(join(linked, 'node_modules', 'jikenbo', 'package.json')));
  const refused = await viteDev(linked);
  assert.equal(refused.result, null, 'the README says this install does not work under vite dev');
  assert.ok(refused.wasm.some((w) => w.startsWith('403 ')), refused.wasm.join('\n'));
  const allowed = await viteDev(linked, { server: { fs: { allow: [linked, PKG] } } });
  assert.deepEqual(allowed.result, WANT, allowed.errors.join('\n'));
});

test('webpack: the bundle and its .wasm asset classify in Chromium (no configuration beyond entry and output)', async () => {
  const { default: webpack } = await import('webpack');
  const outDir = join(work, 'webpack-dist');
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: 'production',
      context: app,
      entry: './src/main.js',
      output: { path: outDir, filename: 'main.js', clean: true },
      resolve: { modules: [join(app, 'node_modules')] },
      resolveLoader: { modules: [fileURLToPath(new URL('../node_modules', import.meta.url))] },
      infrastructureLogging: { level: 'error' },
      stats: 'errors-warnings',
    }, (err, st) => (err ? reject(err) : resolve(st)));
  });
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  const emitted = readdirSync(outDir);
  assert.ok(emitted.some((f) => f.endsWith('.wasm')), `the .wasm is emitted as an asset: ${emitted}`);
  writeFileSync(join(outDir, 'index.html'), INDEX_HTML('/main.js').replace(' type="module"', ''));
  const s = await serve(outDir);
  try {
    const { result, wasm, errors } = await run(s.url);
    assert.deepEqual(result, WANT, errors.join('\n'));
    assert.equal(wasm.length, 1, wasm.join('\n'));
    assert.deepEqual(errors, []);
  } finally {
    await s.close();
  }
});
