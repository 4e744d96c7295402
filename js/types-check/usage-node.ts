// Type-checked by `make test-js` with lib es2022 + @types/node, no DOM lib
// (tsconfig.node.json), never run: Node-only uses.
import { readFileSync } from "node:fs";
import { Classifier, classify } from "jikenbo";
import { initSync } from "jikenbo/web";

// `using` frees the classifier at the end of the block (Symbol.dispose)
export function countRules(): number {
  using c = new Classifier();
  return c.ruleCount;
}
// a Node Buffer is a valid synchronous init input
initSync({ module: readFileSync("node_modules/jikenbo/jikenbo_bg.wasm") });
export const ids: string[] = classify("ランサムウェアに感染しました。").attackTypes.map((t) => t.id);
