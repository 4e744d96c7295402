// Entry of the package's single-file widget, pkg/widget.js: bundled with
// lib/* and wasm-bindgen's glue by scripts/build-pkg.sh (the import of
// ../pkg/jikenbo.js is the glue being packaged). Not served as is.
//
// The same file runs in two places: on the page it defines
// <jikenbo-classifier>; started as the widget's worker (named
// "jikenbo-widget") it classifies. On the page's origin the worker is
// new Worker(widget.js); from another origin (a Worker's script must be
// same-origin) it is a blob: module that imports widget.js by its absolute
// URL (which needs CORS: Access-Control-Allow-Origin on widget.js).
import * as glue from '../pkg/jikenbo.js';
import { serveWorker } from './worker-core.js';
import { defineWidget } from './widget.js';

export { JikenboClassifier } from './widget.js';

const WORKER_NAME = 'jikenbo-widget';
const inWorker = typeof WorkerGlobalScope === 'function' && self instanceof WorkerGlobalScope;

let blobUrl = null;
function startWorker() {
  const here = import.meta.url;
  const opts = { type: 'module', name: WORKER_NAME };
  if (new URL(here).origin === location.origin) return new Worker(here, opts);
  blobUrl ??= URL.createObjectURL(new Blob([`import ${JSON.stringify(here)};\n`], { type: 'text/javascript' }));
  return new Worker(blobUrl, opts);
}

if (inWorker) {
  if (self.name === WORKER_NAME) serveWorker(() => glue);
} else {
  defineWidget({
    glue,
    // This exact form lets bundlers find the file and emit it with the bundle.
    wasmUrl: new URL('./jikenbo_bg.wasm', import.meta.url),
    worker: startWorker,
  });
}
