// The classifying side of engine.js's worker protocol, shared by the page's
// worker (lib/worker.js, which imports jikenbo.js by URL) and the
// single-file widget (pkg/widget.js started as a worker, glue inlined).
// Classification off the main thread: the page stays responsive however long
// a text takes, and a run that is no longer wanted is cancelled by
// terminating the worker. The compiled WebAssembly.Module comes from the
// page, so the .wasm is fetched and compiled once.
//
// Messages: { type: 'load', moduleUrl } as soon as the worker is made (it
// imports jikenbo.js while the page still compiles the .wasm), then
// { type: 'init', moduleUrl, module } (the compiled Module), then
// { type: 'classify', id, text }, answered with { type: 'result', id, parts, ms }
// (classifyAll: one { start, end, heading, report } per notice of the text)
// or { type: 'error', id, message, code, name }. A classify that comes before
// 'init' waits.

/**
 * Answer engine.js's messages in this worker. `getGlue(moduleUrl)` returns
 * (a promise of) wasm-bindgen's module for that URL (null: the built-in one).
 */
export function serveWorker(getGlue) {
  let ready = null;
  let gotModule;
  const module = new Promise((resolve) => { gotModule = resolve; });

  function start(moduleUrl) {
    if (ready) return;
    const glue = Promise.resolve().then(() => getGlue(moduleUrl));
    ready = (async () => {
      const mod = await glue;
      await mod.default({ module_or_path: await module });
      return mod;
    })();
    ready.then(() => self.postMessage({ type: 'ready' }), (err) => self.postMessage({ type: 'init-error', message: String(err?.message ?? err) }));
  }

  self.onmessage = async (e) => {
    const m = e.data;
    if (m.type === 'load') { start(m.moduleUrl); return; }
    if (m.type === 'init') {
      start(m.moduleUrl);
      gotModule(m.module);
      return;
    }
    if (m.type === 'classify') {
      try {
        if (!ready) throw new Error('the worker was not initialised');
        const api = await ready;
        const t0 = performance.now();
        const parts = api.classifyAll(m.text);
        self.postMessage({ type: 'result', id: m.id, parts, ms: performance.now() - t0 });
      } catch (err) {
        self.postMessage({ type: 'error', id: m.id, message: String(err?.message ?? err), code: err?.code ?? null, name: err?.name ?? 'Error' });
      }
    }
  };
}
