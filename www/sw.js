// Service worker of the page: after one visit the page works offline.
// sw-manifest.js (written by `make www`, scripts/sw-manifest.mjs) lists the
// files the page needs (the page, its scripts and styles, the package's glue
// and .wasm) and a build id computed from their contents, so each build gets
// its own cache ("jikenbo-<build id>"); older caches are deleted on activation.
//
// Network first: online, every file comes from the server as before (the
// server revalidates with ETags, so an unchanged file costs a 304) and the
// cached copy is refreshed when it changed; offline, the cached copy is used.
// Only the listed files of this origin are handled; nothing else is touched,
// and no request carries anything but a file's URL.
importScripts('sw-manifest.js');

const { build, files } = self.JIKENBO_SW;
const CACHE = `jikenbo-${build}`;
const scope = new URL('./', self.location).href;
const KEYS = new Set(files.map((f) => new URL(f, scope).href));
const INDEX = new URL('./', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll([...KEYS].map((u) => new Request(u, { cache: 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('jikenbo-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/** The cache key of a request, or null when this worker leaves it alone. */
function keyOf(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  url.hash = '';
  if (request.mode === 'navigate') {
    // the page under any query string (?lang=en&theme=dark) is the same file
    url.search = '';
    if (url.href === INDEX || url.href === new URL('index.html', scope).href) return INDEX;
    return null;
  }
  return KEYS.has(url.href) ? url.href : null;
}

self.addEventListener('fetch', (event) => {
  const key = keyOf(event.request);
  if (!key) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(event.request);
      if (response.ok && response.type === 'basic') {
        const old = await cache.match(key);
        const tag = response.headers.get('etag');
        if (!old || !tag || old.headers.get('etag') !== tag) await cache.put(key, response.clone());
      }
      return response;
    } catch (err) {
      const hit = await cache.match(key);
      if (hit) return hit;
      throw err;
    }
  })());
});
