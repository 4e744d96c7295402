// One shared load of the jikenbo package for the whole page: every widget and
// the page itself await the same promise, so the .wasm is fetched and
// compiled once however many <jikenbo-classifier> elements there are.
//
// The package is imported dynamically so that a missing or blocked file
// becomes a visible, explained error instead of a dead page.

// Performance marks (performance.getEntriesByType('mark'), names
// `jikenbo:…`) for js/bench/browser.mjs; nothing else reads them.
export const mark = (name, detail) => { try { performance.mark(`jikenbo:${name}`, detail === undefined ? undefined : { detail }); } catch { /* old browsers */ } };

let shared = null; // { moduleUrl, wasmUrl, promise }
const cspViolations = [];

if (typeof document !== 'undefined') {
  // Remember CSP reports: they explain a failed WebAssembly compile.
  document.addEventListener('securitypolicyviolation', (e) => {
    cspViolations.push(`${e.effectiveDirective || e.violatedDirective}: ${e.blockedURI || ''}`);
  });
}

/**
 * Load the package once. `moduleUrl` is the URL of `jikenbo.js`, `wasmUrl`
 * the URL of `jikenbo_bg.wasm` (null: next to the module). The first call
 * decides the URLs; later calls get the same promise.
 *
 * jikenbo.js and the .wasm are fetched at the same time, and the .wasm
 * compiles while it downloads (compileStreaming, when it is served as
 * application/wasm). The returned promise also carries, for starting a
 * worker before the load is over: `.moduleUrl` and `.module`, a promise of
 * the compiled WebAssembly.Module.
 * @returns {Promise<{api: object, module: WebAssembly.Module, moduleUrl: string}>}
 *   api: the package's exports (classify, taxonomy, version, Classifier)
 */
export function loadJikenbo(moduleUrl, wasmUrl = null) {
  if (shared) return shared.promise;
  const url = String(moduleUrl);
  const wasm = wasmUrl ? String(wasmUrl) : new URL('jikenbo_bg.wasm', url).href;
  const glue = import(url);
  // Compile here, once: the Module is handed to the worker too (no second fetch).
  const module = (async () => {
    const response = await fetch(wasm);
    if (!response.ok) throw new Error(`failed to fetch Wasm: ${response.status} ${response.statusText} fetching '${wasm}'`);
    const m = (response.headers.get('content-type') ?? '').startsWith('application/wasm') && WebAssembly.compileStreaming
      ? await WebAssembly.compileStreaming(response)
      : await WebAssembly.compile(await response.arrayBuffer());
    mark('compiled');
    return m;
  })();
  glue.catch(() => {}); // reported through `promise`
  module.catch(() => {});
  const promise = (async () => {
    const mod = await glue;
    const m = await module;
    await mod.default({ module_or_path: m });
    mark('inited');
    return { api: mod, module: m, moduleUrl: url };
  })();
  promise.moduleUrl = url;
  promise.module = module;
  shared = { moduleUrl: url, wasmUrl, promise };
  // a failed load may be retried (e.g. after the network came back)
  promise.catch(() => { if (shared?.promise === promise) shared = null; });
  return promise;
}

/**
 * Turn a load failure into { kind, message } with a human explanation.
 * kind: 'csp' | 'fetch' | 'mime' | 'unsupported' | 'other'.
 */
export function explainLoadError(err, lang = 'ja') {
  const raw = String(err?.message ?? err);
  const ja = lang === 'ja';
  let kind = 'other';
  if (typeof WebAssembly !== 'object') kind = 'unsupported';
  else if (/Content Security Policy|wasm-unsafe-eval|unsafe-eval|CSP/i.test(raw)
    || cspViolations.some((v) => /script-src|wasm/.test(v)) && /WebAssembly|CompileError/i.test(raw + err?.name)) kind = 'csp';
  else if (/MIME/i.test(raw)) kind = 'mime';
  else if (/fetch|import|network|Load failed|404|HTTP status/i.test(raw)) kind = 'fetch';
  const explain = {
    csp: ja
      ? 'このページの Content-Security-Policy が WebAssembly のコンパイルを許可していません。script-src に \'wasm-unsafe-eval\' を追加してください。'
      : 'This page\'s Content-Security-Policy does not allow WebAssembly to compile. Add \'wasm-unsafe-eval\' to script-src.',
    fetch: ja
      ? 'パッケージのファイル（jikenbo.js / jikenbo_bg.wasm）を取得できませんでした。ネットワーク、ファイルの配置（make www）、wasm-url 属性を確認してください。'
      : 'The package files (jikenbo.js / jikenbo_bg.wasm) could not be fetched. Check the network, that the files are deployed (make www), and the wasm-url attribute.',
    mime: ja
      ? 'サーバーが .wasm / .js を正しい MIME タイプ（application/wasm, text/javascript）で返していません。'
      : 'The server does not send .wasm / .js with the right MIME type (application/wasm, text/javascript).',
    unsupported: ja
      ? 'このブラウザは WebAssembly に対応していません。'
      : 'This browser does not support WebAssembly.',
    other: ja ? '予期しないエラーです。' : 'Unexpected error.',
  }[kind];
  return { kind, message: explain, detail: raw };
}
