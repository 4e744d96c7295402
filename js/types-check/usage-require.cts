// Type-checked by `make test-js` (tsconfig.node.json), never run: the
// CommonJS entry's types (the "require" condition, index.d.cts).
import jikenbo = require("jikenbo");

const report: jikenbo.Report = jikenbo.classify("ランサムウェアに感染しました。");
const c = new jikenbo.Classifier();
const n: number = c.ruleCount;
c[Symbol.dispose]();
try {
  jikenbo.classify("x");
} catch (e) {
  if (jikenbo.isJikenboError(e)) console.log(e.code, e.rule);
}
// @ts-expect-error: classify takes a string
jikenbo.classify(1);
export = { report, n };
