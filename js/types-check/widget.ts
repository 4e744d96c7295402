// Type-checked by `make test-js` with the DOM lib (tsconfig.json), never
// run: "jikenbo/widget" as a page script would use it.
import "jikenbo/widget";
import type { JikenboClassifier, JikenboWidgetErrorDetail } from "jikenbo/widget";
import type { PartReport, Report } from "jikenbo";

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

// several notices: the result event carries every one; the download menu can be hidden
el.noExport = true;
el.addEventListener("jikenbo-result", (e) => {
  const first: Report = e.detail;
  const parts: PartReport[] | undefined = e.detail.parts;
  for (const p of parts ?? []) console.log(p.start, p.end, p.heading, p.report.organization.name, first.schema);
});
el.addEventListener("jikenbo-error", (e) => {
  if (e.detail.kind === "export") console.log(e.detail.code ?? "-", e.detail.part ?? "-", e.detail.messages?.en);
});
const all: PartReport[] = el.parts;
export const split: Promise<PartReport[]> = el.classifyAll("…");
export { all };
