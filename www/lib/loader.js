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
 * Load the package once. `glue` is the URL of `jikenbo.js` (imported
 * dynamically) or, in the single-file widget, wasm-bindgen's module itself
 * (already imported); `wasmUrl` the URL of `jikenbo_bg.wasm` (null: next to
 * the module URL). The first call decides; later calls get the same promise.
 *
 * jikenbo.js and the .wasm are fetched at the same time, and the .wasm
 * compiles while it downloads (compileStreaming, when it is served as
 * application/wasm). The returned promise also carries, for starting a
 * worker before the load is over: `.moduleUrl` (null for a module given
 * as such) and `.module`, a promise of the compiled WebAssembly.Module.
 * @returns {Promise<{api: object, module: WebAssembly.Module, moduleUrl: string|null}>}
 *   api: the package's exports (classify, taxonomy, version, Classifier)
 */
export function loadJikenbo(glue, wasmUrl = null) {
  if (shared) return shared.promise;
  const given = glue && typeof glue === 'object' && !(glue instanceof URL);
  const url = given ? null : String(glue);
  let wasm;
  let glueP;
  // Anything that throws here (a malformed wasm-url) rejects the promise.
  const module = (async () => {
    wasm = wasmUrl ? new URL(String(wasmUrl), typeof document === 'object' ? document.baseURI : undefined).href
      : new URL('jikenbo_bg.wasm', url).href;
    const response = await fetch(wasm);
    if (!response.ok) throw new Error(`failed to fetch Wasm: ${response.status} ${response.statusText} fetching '${wasm}'`);
    const m = (response.headers.get('content-type') ?? '').startsWith('application/wasm') && WebAssembly.compileStreaming
      ? await WebAssembly.compileStreaming(response)
      : await WebAssembly.compile(await response.arrayBuffer());
    mark('compiled');
    return m;
  })();
  glueP = given ? Promise.resolve(glue) : import(url);
  glueP.catch(() => {}); // reported through `promise`
  module.catch(() => {});
  const promise = (async () => {
    const mod = await glueP;
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

const EXPLAIN = {
  ja: {
    csp: 'このページの Content-Security-Policy が WebAssembly のコンパイルを許可していません。script-src に \'wasm-unsafe-eval\' を追加してください。',
    cspConnect: 'このページの Content-Security-Policy（connect-src）が .wasm ファイルの取得を許可していません。connect-src にウィジェットの配信元を追加してください。',
    fetch: '分類エンジンのファイル（jikenbo_bg.wasm など）を取得できませんでした。ネットワーク、ファイルの配置（widget.js の隣に jikenbo_bg.wasm があるか）、wasm-url 属性を確認してください。',
    invalid: '取得したファイルが jikenbo_bg.wasm（WebAssembly）ではありません。wasm-url 属性とサーバーの設定を確認してください。',
    mime: 'サーバーが .wasm / .js を正しい MIME タイプ（application/wasm, text/javascript）で返していません。',
    unsupported: 'このブラウザは WebAssembly に対応していません。',
    other: '予期しないエラーです。',
  },
  en: {
    csp: 'This page\'s Content-Security-Policy does not allow WebAssembly to compile. Add \'wasm-unsafe-eval\' to script-src.',
    cspConnect: 'This page\'s Content-Security-Policy (connect-src) does not allow fetching the .wasm file. Add the widget\'s origin to connect-src.',
    fetch: 'The classifier\'s files (jikenbo_bg.wasm and the like) could not be fetched. Check the network, that the files are deployed (jikenbo_bg.wasm next to widget.js), and the wasm-url attribute.',
    invalid: 'The file fetched is not jikenbo_bg.wasm (WebAssembly). Check the wasm-url attribute and the server.',
    mime: 'The server does not send .wasm / .js with the right MIME type (application/wasm, text/javascript).',
    unsupported: 'This browser does not support WebAssembly.',
    other: 'Unexpected error.',
  },
};

/**
 * Turn a load failure into { kind, message, messages: { ja, en }, detail }
 * with a human explanation (`message` in `lang`, `messages` in both).
 * kind: 'csp' | 'fetch' | 'invalid' | 'mime' | 'unsupported' | 'other'.
 */
export function explainLoadError(err, lang = 'ja') {
  const raw = String(err?.message ?? err);
  let kind = 'other';
  let key;
  const connectBlocked = cspViolations.some((v) => /^connect-src/.test(v));
  if (typeof WebAssembly !== 'object') kind = 'unsupported';
  else if (/Content Security Policy|wasm-unsafe-eval|unsafe-eval|CSP/i.test(raw)
    || cspViolations.some((v) => /script-src|wasm/.test(v)) && /WebAssembly|CompileError/i.test(raw + err?.name)) kind = 'csp';
  else if (connectBlocked && /fetch/i.test(raw)) { kind = 'csp'; key = 'cspConnect'; }
  else if (/magic word|expected magic|BufferSource argument is empty|section/i.test(raw)) kind = 'invalid';
  else if (/MIME/i.test(raw)) kind = 'mime';
  else if (/fetch|import|network|Load failed|404|HTTP status|Invalid URL/i.test(raw)) kind = 'fetch';
  key ??= kind;
  const messages = { ja: EXPLAIN.ja[key], en: EXPLAIN.en[key] };
  return { kind, message: messages[lang === 'en' ? 'en' : 'ja'], messages, detail: raw };
}
