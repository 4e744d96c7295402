// Runs classifications for a NoticeView: in a module Web Worker when one can
// be started (same origin, CSP worker-src allowing it), else on the main
// thread. Latest wins: a request made while an older one has run for a
// while terminates that worker (cancelling it) and starts afresh.

const SUPERSEDED = 'superseded';

export class Superseded extends Error {
  constructor() { super('superseded by a newer text'); this.name = SUPERSEDED; }
}

class MainThreadEngine {
  constructor(loaded) { this.api = loaded.api; this.kind = 'main'; }
  async classify(text) {
    const t0 = performance.now();
    const report = this.api.classify(text);
    return { report, ms: performance.now() - t0 };
  }
}

class WorkerEngine {
  constructor(loaded, workerUrl) {
    this.loaded = loaded;
    this.workerUrl = workerUrl;
    this.kind = 'worker';
    this.current = null; // { id, text, resolve, reject, t0 }
    this.next = null;
    this.seq = 0;
    this.spawn();
  }

  spawn() {
    const w = new Worker(this.workerUrl, { type: 'module', name: 'jikenbo' });
    w.onmessage = (e) => this.onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      if (!this.isReady) this.useFallback();
      else this.fail(new Error(`worker error: ${e.message || 'crashed'}`));
    };
    w.postMessage({ type: 'init', moduleUrl: String(this.loaded.moduleUrl), module: this.loaded.module });
    this.worker = w;
  }

  /** The worker cannot start (CSP worker-src, cross-origin script): run on the main thread. */
  useFallback() {
    this.worker?.terminate();
    this.fallback = new MainThreadEngine(this.loaded);
    this.kind = 'main';
    const jobs = [this.current, this.next].filter(Boolean);
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
    if (m.type === 'ready') { this.isReady = true; return; }
    const c = this.current;
    if (!c || c.id !== m.id) return;
    this.current = null;
    if (m.type === 'result') c.resolve({ report: m.report, ms: m.ms });
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
    return new Promise((resolve, reject) => {
      if (this.next) this.next.reject(new Superseded());
      this.next = { text, resolve, reject };
      if (this.current && performance.now() - this.current.t0 > 300) {
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
 * An engine for `loaded` ({ api, module, moduleUrl } from loadJikenbo).
 * `workerUrl`: URL of lib/worker.js; null → main thread.
 */
export function createEngine(loaded, workerUrl) {
  if (workerUrl && loaded.module && typeof Worker === 'function') {
    try {
      return new WorkerEngine(loaded, workerUrl);
    } catch { /* cross-origin script or CSP worker-src: fall back */ }
  }
  return new MainThreadEngine(loaded);
}
