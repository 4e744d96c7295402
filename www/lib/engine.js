// Runs classifications for a NoticeView: in a module Web Worker when one can
// be started (same origin, CSP worker-src allowing it), else on the main
// thread. A classification is classifyAll's: { parts: [{ start, end,
// heading, report }], ms }, one part per notice of the text. Latest wins: a
// request made while an older one has run for a while terminates that
// worker (cancelling it) and starts afresh.

import { mark } from './loader.js';

const SUPERSEDED = 'superseded';

/**
 * Until the worker is ready (it takes a while to start: a new thread, its own
 * fetch of jikenbo.js, instantiation), a text of at most this many UTF-16
 * units is classified on the main thread at once (a few milliseconds for a
 * notice) instead of waiting for the worker. Longer texts wait.
 */
export const MAIN_THREAD_UNTIL_READY = 20_000;

/**
 * Classified once in the worker when the page has loaded with an empty
 * field: the first classify in a fresh instance pays one-time costs (the
 * browser compiles each wasm function on its first call; the classifier
 * prepares its rules), which the reader's first paste then does not.
 * Written for this purpose (not a real notice).
 */
const WARM_UP_TEXT = '当社のサーバーが第三者による不正アクセスを受け、ランサムウェアに感染しました。'
  + 'お客様の氏名、住所、電話番号、メールアドレス、クレジットカード番号 約1,200件が流出した可能性があります。'
  + '個人情報保護委員会および警察に報告いたしました。';

export class Superseded extends Error {
  constructor() { super('superseded by a newer text'); this.name = SUPERSEDED; }
}

class MainThreadEngine {
  /** `noWorker`: true when this runs on the main thread because no worker could start. */
  constructor(loaded, noWorker = false) { this.api = loaded.api; this.kind = 'main'; this.noWorker = noWorker; }
  async classify(text) {
    const api = await this.api; // a promise while the package is still loading
    const t0 = performance.now();
    const parts = api.classifyAll(text);
    return { parts, ms: performance.now() - t0 };
  }
  dispose() {}
}

class WorkerEngine {
  constructor(loaded, makeWorker) {
    this.loaded = loaded;
    this.makeWorker = makeWorker;
    this.kind = 'worker';
    this.current = null; // { id, text, resolve, reject, t0 }
    this.next = null;
    this.seq = 0;
    this.api = null; // the page's own instance, once loaded (setApi)
    this.spawn();
  }

  /** The package, loaded on the page's thread too (NoticeView.setApi). */
  setApi(api) { this.api = api; }

  /** Pay the one-time costs now, in the worker, unless there is work already. */
  warmUp() {
    if (this.fallback || this.current || this.next) return;
    this.next = { text: WARM_UP_TEXT, warmUp: true, resolve: () => mark('warm-up-done'), reject: () => {} };
    this.pump();
  }

  spawn() {
    const w = this.makeWorker();
    w.onmessage = (e) => this.onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      if (!this.isReady) this.useFallback();
      else this.fail(new Error(`worker error: ${e.message || 'crashed'}`));
    };
    // The worker imports jikenbo.js at once, while the .wasm may still be
    // compiling here; it instantiates the Module as soon as it is posted.
    const moduleUrl = this.loaded.moduleUrl == null ? null : String(this.loaded.moduleUrl);
    w.postMessage({ type: 'load', moduleUrl });
    Promise.resolve(this.loaded.module).then((module) => {
      if (this.worker === w) w.postMessage({ type: 'init', moduleUrl, module });
    }, () => { /* the load failed: the page shows it and disposes of this engine */ });
    this.worker = w;
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
  }

  /** The worker cannot start (CSP worker-src, cross-origin script): run on the main thread. */
  useFallback() {
    if (this.fallback) return;
    this.worker?.terminate();
    this.fallback = new MainThreadEngine(this.api ? { api: this.api } : this.loaded, true);
    this.kind = 'main';
    this.noWorker = true;
    this.onFallback?.();
    const jobs = [this.current, this.next].filter((j) => j && !j.warmUp);
    this.current = this.next = null;
    for (const j of jobs) this.fallback.classify(j.text).then(j.resolve, j.reject);
  }

  fail(err) {
    const c = this.current;
    this.current = null;
    if (c) c.reject(err);
    this.pump();
  }

  onMessage(m) {
    if (m.type === 'init-error') { this.useFallback(); return; }
    if (m.type === 'ready') { this.isReady = true; mark('worker-ready'); return; }
    const c = this.current;
    if (!c || c.id !== m.id) return;
    this.current = null;
    if (m.type === 'result') {
      if (!c.warmUp) mark('worker-result', { ms: m.ms });
      c.resolve({ parts: m.parts, ms: m.ms });
    }
    else {
      const err = new Error(m.message);
      err.code = m.code;
      err.name = m.name;
      c.reject(err);
    }
    this.pump();
  }

  pump() {
    if (this.current || !this.next) return;
    const job = this.next;
    this.next = null;
    job.id = ++this.seq;
    job.t0 = performance.now();
    this.current = job;
    this.worker.postMessage({ type: 'classify', id: job.id, text: job.text });
  }

  classify(text) {
    if (this.fallback) return this.fallback.classify(text);
    if (!this.isReady && this.api && text.length <= MAIN_THREAD_UNTIL_READY) {
      if (this.next) { this.next.reject(new Superseded()); this.next = null; }
      mark('main-thread-classify');
      return new MainThreadEngine({ api: this.api }).classify(text).then((out) => { mark('main-thread-result', { ms: out.ms }); return out; });
    }
    return new Promise((resolve, reject) => {
      if (this.next) this.next.reject(new Superseded());
      this.next = { text, resolve, reject };
      if (this.current && !this.current.warmUp && performance.now() - this.current.t0 > 300) {
        // cancel a long run nobody wants any more
        this.worker.terminate();
        const old = this.current;
        this.current = null;
        old.reject(new Superseded());
        this.spawn();
      }
      this.pump();
    });
  }
}

/**
 * An engine for `loaded` ({ api, module, moduleUrl } from loadJikenbo; `api`
 * and `module` may still be promises: the worker starts at once and gets the
 * Module when it is compiled). `worker`: the URL of lib/worker.js, or a
 * function that returns a new Worker speaking its protocol (worker-core.js);
 * null → main thread.
 */
export function createEngine(loaded, worker) {
  if (worker && loaded.module) {
    const make = typeof worker === 'function' ? worker : () => new Worker(worker, { type: 'module', name: 'jikenbo' });
    try {
      if (typeof Worker !== 'function') throw new Error('no Worker');
      return new WorkerEngine(loaded, make);
    } catch { /* no workers, cross-origin script or CSP worker-src: fall back */
      return new MainThreadEngine(loaded, true);
    }
  }
  return new MainThreadEngine(loaded);
}

/**
 * An engine started before the package has loaded: `loading` is the promise
 * from loadJikenbo (with its `.moduleUrl` and `.module`). A worker starts at
 * once; if the load fails, the caller disposes of the engine.
 */
export function startEngine(loading, worker) {
  const api = loading.then((l) => l.api);
  api.catch(() => {}); // the caller reports the failure
  return createEngine({ moduleUrl: loading.moduleUrl, module: loading.module, api }, worker);
}
