#!/usr/bin/env node
// A tiny static file server for www/ (no dependency): correct MIME types
// (application/wasm, text/javascript), revalidated caching (no-cache + ETag,
// 304), never outside its root. Scripts and .wasm carry
// Access-Control-Allow-Origin: * so that a page on another origin can embed
// the widget (a cross-origin module script and its fetch() of the .wasm are
// CORS requests).
//
//   node scripts/serve.mjs [--root www] [--port 8080] [--host 127.0.0.1]
//
// Idempotent: if the port is already served by this script, it says so and
// exits 0. Also importable: `createStaticServer(root)` (used by js/e2e.mjs).

import { createServer, request } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};
const SIGNATURE = 'jikenbo-serve';
/** Files another origin may load: module scripts (and their workers) and the .wasm. */
const CORS = new Set(['.js', '.mjs', '.cjs', '.wasm', '.json', '.map']);

/** A node:http server for the files under `root`. */
export function createStaticServer(root, { log = false } = {}) {
  const base = resolve(root);
  return createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      // CORS on errors too: a page on another origin then sees "404", not an opaque network error
      res.writeHead(status, { 'content-type': type, 'x-served-by': SIGNATURE, 'cache-control': 'no-cache', 'access-control-allow-origin': '*' });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method === 'OPTIONS') {
      // nothing here needs a preflight, but answer one politely
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD', 'x-served-by': SIGNATURE }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'forbidden\n');
    try {
      let st = await stat(file);
      if (st.isDirectory()) { file = join(file, 'index.html'); st = await stat(file); }
      // no-cache + a validator: the browser asks every time, and an unchanged
      // file costs a 304 instead of its bytes. A .wasm kept in the HTTP cache
      // also keeps Chromium's cache of its compiled code for the next visit.
      const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      const headers = {
        'cache-control': 'no-cache',
        etag,
        'last-modified': st.mtime.toUTCString(),
        'x-content-type-options': 'nosniff',
        'x-served-by': SIGNATURE,
      };
      if (CORS.has(extname(file).toLowerCase())) headers['access-control-allow-origin'] = '*';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        if (log) console.log(`304 ${req.method} ${req.url}`);
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`200 ${req.method} ${req.url}`);
    } catch {
      send(404, 'not found\n');
    }
  });
}

/** Is `port` already served by this script? */
function probe(host, port) {
  return new Promise((ok) => {
    const req = request({ host, port, path: '/', method: 'HEAD', timeout: 1000 }, (res) => {
      ok(res.headers['x-served-by'] === SIGNATURE);
      res.resume();
    });
    req.on('error', () => ok(false));
    req.on('timeout', () => { req.destroy(); ok(false); });
    req.end();
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
  const root = opt('root', fileURLToPath(new URL('../www/', import.meta.url)));
  const host = opt('host', '127.0.0.1');
  const port = Number(opt('port', process.env.PORT ?? 8080));
  const server = createStaticServer(root, { log: args.includes('--log') });
  server.on('error', async (e) => {
    if (e.code === 'EADDRINUSE' && await probe(host, port)) {
      console.log(`already serving at http://${host}:${port}/ (another jikenbo serve)`);
      process.exit(0);
    }
    console.error(`serve: cannot listen on ${host}:${port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    console.log(`serving ${root} at http://${host}:${server.address().port}/  (Ctrl-C to stop)`);
  });
}
