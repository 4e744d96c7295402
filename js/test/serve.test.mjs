// scripts/serve.mjs (`make serve`) sends what a page on another origin needs
// to embed the widget: a module script and its .wasm are CORS requests, so
// both carry Access-Control-Allow-Origin, with text/javascript and
// application/wasm; a missing file too (the widget then reports "404", not an
// opaque network error). Serves pkg/ as the site root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from '../../scripts/serve.mjs';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
let server;
let base;
before(async () => {
  server = createStaticServer(PKG);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

const get = (path, headers = {}) => fetch(base + path, { headers: { origin: 'http://another.example', ...headers } });

test('widget.js and the .wasm: CORS for any origin, the right MIME types', async () => {
  for (const [path, type] of [['/widget.js', 'text/javascript; charset=utf-8'], ['/jikenbo_bg.wasm', 'application/wasm'], ['/node.cjs', 'text/javascript; charset=utf-8']]) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('content-type'), type, path);
    assert.equal(r.headers.get('access-control-allow-origin'), '*', path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    await r.arrayBuffer();
  }
});

test('a revalidation (304) and a missing file (404) carry CORS too', async () => {
  const first = await get('/jikenbo_bg.wasm');
  await first.arrayBuffer();
  const again = await get('/jikenbo_bg.wasm', { 'if-none-match': first.headers.get('etag') });
  assert.equal(again.status, 304);
  assert.equal(again.headers.get('access-control-allow-origin'), '*');
  const missing = await get('/nowhere.wasm');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('access-control-allow-origin'), '*');
  await missing.text();
});

test('never outside its root', async () => {
  const r = await get('/..%2f..%2fCargo.toml');
  assert.ok([403, 404].includes(r.status), String(r.status));
  await r.text();
});
