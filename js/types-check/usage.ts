// Type-checked by `make test-js`, never run: with lib es2022 + dom
// (tsconfig.json) and with lib es2022 + @types/node and no DOM lib
// (tsconfig.node.json), both without skipLibCheck. It uses the package the
// way a TypeScript user would; the @ts-expect-error lines fail the check if
// the declarations ever loosen to `any`.
import {
  classify, classifyAll, splitNotices, toVeris, toStix, toMisp, toCsv, taxonomy, version, Classifier, isJikenboError,
} from "jikenbo";
import type {
  AttackTypeId, AuthorityId, DataCategoryId, DataTag, Evidence, Level, LeakStatus,
  PpcReason, Reason, Report, RuleSpec, CueSpec, Tag, TaxonomyEntry, VersionInfo,
  JikenboError, JikenboErrorCode, NoticePart, PartReport, ExportOptions, VerisIncident, StixBundle, MispEvent,
} from "jikenbo";
import init, { initSync } from "jikenbo/web";
import type { InitInput, SyncInitInput } from "jikenbo/web";

const text: string = "当社サーバーがランサムウェアに感染しました。";
const report: Report = classify(text);

// ids are string-literal unions: narrowing works, typos do not compile
for (const t of report.attackTypes) {
  const id: AttackTypeId = t.id;
  if (t.id === "ransomware") console.log(t.label.ja, t.attack ?? "-", t.score.toFixed(2));
  // @ts-expect-error: not an attack type id
  if (t.id === "ransomwear") console.log(id);
}
const tier3: DataCategoryId[] = report.dataCategories.filter((d: DataTag) => d.tier === 3).map((d) => d.id);
const told: AuthorityId[] = report.reportedTo.map((t: Tag<AuthorityId>) => t.id);
// @ts-expect-error: an authority is not a data category
const wrong: DataCategoryId = told[0]!;

// report fields
const level: Level = report.severity.level;
const leak: LeakStatus = report.leakStatus.value;
const count: number | null = report.affectedCount.value;
// @ts-expect-error: the count may be null
const sure: number = report.affectedCount.value;
const org: string | null = report.organization.name;
const ppc: PpcReason[] = report.ppcReport.reasons;
const why: Reason[] = report.severity.reasons;
const spans: Evidence[] = report.leakStatus.evidence;
for (const e of spans) console.log(text.slice(e.start, e.end), e.rule);
// every evidence quotes its text; every severity reason cites its spans
const quoted: string = spans[0]!.text;
const reasonSpans: Evidence[] = report.severity.reasons.flatMap((x) => x.evidence);
// @ts-expect-error: the quote is a string
const quotedSure: number = spans[0]!.text;
const huge: true | undefined = report.affectedCount.exceedsSafeInteger;
const cut: true | undefined = report.truncated;
const schema: 1 = report.schema;
switch (level) {
  case "critical": case "high": case "medium": case "low": break;
  default: { const never: never = level; console.log(never); }
}
// @ts-expect-error: classify takes a string
classify(42);
// @ts-expect-error: no such option
classify(text, { lang: "en" });

// several notices in one text; exports of one notice (its own text and offsets)
const parts: PartReport[] = classifyAll(text);
const spansOnly: NoticePart[] = splitNotices(text);
for (const p of parts) {
  const heading: string | null = p.heading;
  const own = text.slice(p.start, p.end);
  const opts: ExportOptions = { text: own, created: new Date().toISOString() };
  const veris: VerisIncident = toVeris(p.report, opts);
  const schemaVersion: "1.4.1" = veris.schema_version;
  const bundle: StixBundle = toStix(p.report, opts);
  const misp: MispEvent = toMisp(p.report, opts);
  console.log(heading, schemaVersion, bundle.objects.length, misp.Event.info);
}
const table: string = toCsv(parts.map((p, i) => ({ id: String(i + 1), report: p.report })), { bom: true, excelSafe: true });
// @ts-expect-error: rows need an id
toCsv([{ report }]);

// taxonomy: discriminated by field; labels as objects or as strings
const all: TaxonomyEntry[] = taxonomy();
for (const e of all) {
  if (e.field === "dataCategories") { const tier: 1 | 2 | 3 = e.tier; const id: DataCategoryId = e.id; console.log(tier, id); }
  if (e.field === "attackTypes") { const id: AttackTypeId = e.id; console.log(id, e.intentional, e.label.en); }
}
const ja: string[] = taxonomy("ja").map((e) => e.label);
// @ts-expect-error: only "ja" or "en"
taxonomy("fr");

const v: VersionInfo = version();
console.log(v.version, v.schema, v.rules, v.rulesFingerprint);

// custom rules: the shape of rules/<field>/<id>.toml
const cue: CueSpec = { pattern: "ひったくり", name: "word", weight: 0.8, ignore: ["advice"] };
const rule: RuleSpec = {
  id: "snatch",
  field: "attack_types",
  tag: "theft",
  label: { ja: "ひったくり", en: "Bag snatching" },
  cues: [cue],
  match: ["当社社員が路上でひったくりの被害に遭いました。"],
  no_match: ["ひったくりの被害はありませんでした。"],
};
// @ts-expect-error: "theft" is not a data category
const badTag: RuleSpec = { ...rule, field: "data_categories", tag: "theft" };
// @ts-expect-error: the cue needs a pattern
const badCue: CueSpec = { name: "x" };
const c = new Classifier({ rules: [rule] });
try {
  const r: Report = c.classify(text);
  const n: number = c.ruleCount;
  console.log(r.attackTypes.length, n);
} catch (e) {
  if (e instanceof Error) console.error(e.message);
  if (isJikenboError(e)) {
    const code: JikenboErrorCode = e.code;
    const rule: string | undefined = e.rule;
    if (e.code === "invalid_rule") console.error(e.rule ?? "?", code);
    // @ts-expect-error: not a code jikenbo throws
    if (e.code === "oops") console.log(rule);
  }
} finally {
  c.free();
}
// Symbol.dispose: `using` needs lib esnext.disposable or @types/node (usage-node.ts)
const d = new Classifier();
d[Symbol.dispose]();
const typed: JikenboError | null = null;

// the raw module: init inputs need no DOM lib
const bytes: SyncInitInput = new Uint8Array(8);
const input: InitInput = "jikenbo_bg.wasm";
initSync({ module: bytes });
void init({ module_or_path: input });

export { tier3, wrong, count, sure, org, ppc, why, schema, ja, badTag, badCue, leak, quoted, reasonSpans, quotedSure, typed, huge, cut, spansOnly, table };
