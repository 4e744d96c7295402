// Loaded by index.html as an async module, so that it runs as soon as it
// (and loader.js, engine.js) have arrived, before the page's other modules
// have loaded and run: the .wasm (preloaded) compiles and the classifying
// worker starts while the rest of the page loads. app.js then takes the
// load and the engine started here.
import { loadJikenbo } from './loader.js';
import { startEngine } from './engine.js';

export const PACKAGE_URL = new URL('../pkg/jikenbo.js', import.meta.url);
export const WORKER_URL = new URL('./worker.js', import.meta.url);

const begin = () => {
  const loading = loadJikenbo(PACKAGE_URL);
  return { loading, engine: startEngine(loading, WORKER_URL) };
};
let early = begin();

/** The load and engine started at boot; a later call (a retry) starts afresh. */
export function takeEngine() {
  const e = early ?? begin();
  early = null;
  return e;
}
