// The page's classifying worker (started by engine.js from lib/boot.js):
// imports jikenbo.js from the URL the page sends. See worker-core.js.
import { serveWorker } from './worker-core.js';

serveWorker((moduleUrl) => import(moduleUrl));
