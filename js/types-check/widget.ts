// Type-checked by `make test-js` with the DOM lib (tsconfig.json), never
// run: "jikenbo/widget" as a page script would use it.
import "jikenbo/widget";
import type { JikenboClassifier, JikenboWidgetErrorDetail } from "jikenbo/widget";
import type { Report } from "jikenbo";

const el: JikenboClassifier = document.createElement("jikenbo-classifier");
el.lang = "en";
el.theme = "dark";
el.compact = true;
el.wasmUrl = "/static/jikenbo_bg.wasm";
// @ts-expect-error: not a theme
el.theme = "blue";
el.addEventListener("jikenbo-result", (e) => { const r: Report = e.detail; console.log(r.severity.level); });
el.addEventListener("jikenbo-error", (e) => { const d: JikenboWidgetErrorDetail = e.detail; console.log(d.kind, d.message); });
const engine: "worker" | "main" | null = el.engine;
export const done: Promise<Report> = el.ready.then(() => el.classify("ランサムウェアに感染しました。"));
export { engine };
