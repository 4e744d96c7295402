// Classification off the main thread: the page stays responsive however long
// a text takes, and a run that is no longer wanted is cancelled by
// terminating this worker. Receives the compiled WebAssembly.Module from the
// page, so the .wasm is fetched and compiled once.
let ready = null;

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'init') {
    ready = (async () => {
      const mod = await import(m.moduleUrl);
      await mod.default({ module_or_path: m.module });
      return mod;
    })();
    ready.then(() => self.postMessage({ type: 'ready' }), (err) => self.postMessage({ type: 'init-error', message: String(err?.message ?? err) }));
    return;
  }
  if (m.type === 'classify') {
    try {
      const api = await ready;
      const t0 = performance.now();
      const report = api.classify(m.text);
      self.postMessage({ type: 'result', id: m.id, report, ms: performance.now() - t0 });
    } catch (err) {
      self.postMessage({ type: 'error', id: m.id, message: String(err?.message ?? err), code: err?.code ?? null, name: err?.name ?? 'Error' });
    }
  }
};
