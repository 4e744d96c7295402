//! The TypeScript declarations of the package (`jikenbo.d.ts`), written
//! by hand so that `classify` returns `Report`, not `any`; `tests/ts_types.rs`
//! checks that their id unions equal the taxonomy and the rule model.

use wasm_bindgen::prelude::*;


/// The TypeScript declarations of the package (`jikenbo.d.ts`). The exported
/// functions and the class are declared here rather than by wasm-bindgen
/// (`skip_typescript`), so that `classify` returns `Report`, not `any`.
#[wasm_bindgen(typescript_custom_section)]
pub const TYPESCRIPT: &'static str = r#"
/** Ids of `attackTypes` (taxonomy.md §1), most specific first. */
export type AttackTypeId =
  | "credential_stuffing" | "brute_force" | "payment_skimming" | "web_app_exploit"
  | "ransomware" | "malware" | "phishing" | "bec_fraud" | "ddos" | "defacement"
  | "insider_misuse" | "theft" | "misconfiguration" | "programming_error"
  | "publication_error" | "misdelivery" | "loss" | "improper_disposal"
  | "policy_violation" | "supply_chain" | "unauthorized_access";

/** Ids of `dataCategories` (taxonomy.md §2), tier 3 first. */
export type DataCategoryId =
  | "medical" | "special_care" | "payment_card" | "my_number" | "credentials"
  | "bank_account" | "government_id" | "address" | "phone" | "birth_date"
  | "employment" | "education" | "purchase_history" | "family" | "name" | "email"
  | "gender" | "personal_info" | "corporate" | "confidential";

/** Ids of `reportedTo`: the authorities a notice says were told. */
export type AuthorityId =
  | "police" | "ppc" | "ministry" | "local_government" | "nisc" | "card_companies"
  | "ipa_jpcert";

/** Severity levels. */
export type Level = "critical" | "high" | "medium" | "low";

/** Values of `leakStatus.value`. */
export type LeakStatus = "confirmed" | "possible" | "none" | "unknown";

/** Why the PPC must be notified (APPI enforcement rule art. 7). */
export type PpcReason =
  | "case1_special_care" | "case2_financial" | "case3_unlawful"
  | "case4_over_threshold" | "my_number";

/** A display label in both interface languages. */
export interface Label { ja: string; en: string }

/**
 * A span of the input that justifies a tag. `start` and `end` are UTF-16
 * code units into the string exactly as given, so `text.slice(start, end)`
 * is the matched text.
 */
export interface Evidence {
  start: number;
  end: number;
  /** The rule (and cue) that fired, e.g. `attack_types/ransomware#word`. */
  rule: string;
  /** The quoted text, `input.slice(start, end)` (an addition to schema 1). */
  text: string;
}

/** One tag of `attackTypes` or `reportedTo`. */
export interface Tag<Id extends string = AttackTypeId | DataCategoryId | AuthorityId> {
  id: Id;
  label: Label;
  /** 0..1: how strongly the evidence supports the tag. */
  score: number;
  evidence: Evidence[];
  /** MITRE ATT&CK technique id, where one fits. */
  attack?: string;
  /** VERIS enumeration, where one fits. */
  veris?: string;
}

/** One tag of `dataCategories`, with its tier (3 = always reportable). */
export interface DataTag extends Tag<DataCategoryId> { tier: 1 | 2 | 3 }

/** One reason of `severity.reasons`. */
/** Why a severity is what it is, with the spans it rests on (the tags of
 * the highest tier, the count, the outage wording; empty for an absence). */
export interface Reason { code: string; message: Label; evidence: Evidence[] }

/** What `classify` returns (schema 1 of spec/output.md). */
export interface Report {
  schema: 1;
  language: "ja" | "en" | "und";
  /** Most specific first; `[]` when no cause can be identified. */
  attackTypes: Tag<AttackTypeId>[];
  /** Data said to be leaked, exposed or possibly accessed. */
  dataCategories: DataTag[];
  leakStatus: { value: LeakStatus; evidence: Evidence[] };
  /** `value` is null when no figure is given, and when it is beyond
   * Number.MAX_SAFE_INTEGER (then `exceedsSafeInteger` is true and the
   * evidence quotes the figure). */
  affectedCount: { value: number | null; evidence: Evidence[]; exceedsSafeInteger?: true };
  severity: {
    /** max(data, operational). */
    level: Level;
    data: Level;
    operational: Level;
    reasons: Reason[];
  };
  /** Authorities the notice says were notified. */
  reportedTo: Tag<AuthorityId>[];
  organization: { name: string | null; publicBody: boolean; evidence: Evidence[] };
  ppcReport: { required: boolean; reasons: PpcReason[] };
  /** Present (true) when some evidence was left out: a cue hit more than
   * 1,000 times, a tag had more than 50 spans, or the text held more than
   * 10,000 figures. */
  truncated?: true;
}

/** One id of the taxonomy; `L` is `Label`, or `string` for `taxonomy(lang)`. */
export type TaxonomyEntry<L = Label> =
  | { field: "attackTypes"; id: AttackTypeId; label: L; intentional?: boolean; attack?: string; veris?: string }
  | { field: "dataCategories"; id: DataCategoryId; label: L; tier: 1 | 2 | 3; attack?: string; veris?: string }
  | { field: "reportedTo"; id: AuthorityId; label: L; attack?: string; veris?: string };

/** What `version()` returns. */
export interface VersionInfo {
  /** The package (and crate) version. */
  version: string;
  /** The report schema, `Report["schema"]`. */
  schema: 1;
  /** Number of built-in rules. */
  rules: number;
  /** A hash of the built-in rule set: equal fingerprints, equal answers. */
  rulesFingerprint: string;
}

/** Options of `classify`. None are defined yet; unknown keys throw a TypeError. */
export type ClassifyOptions = Record<string, never>;

/** The output fields a rule can feed (the folders of `rules/`). */
export type RuleField =
  | "attack_types" | "data_categories" | "reported_to" | "leak_status"
  | "operational" | "organization" | "scope";

/** Scope filters a cue may opt out of. */
export type ScopeFilter = "negation" | "advice" | "hypothetical" | "contact" | "context" | "prevention";

/** Ids of the `scope` rules. */
export type ScopeId =
  | "negation" | "anti_negation" | "advice" | "hypothetical" | "contact"
  | "data_context" | "clause_break" | "recovered" | "prevention" | "undecided" | "planned";

/** One cue of a rule: a pattern (Rust `regex` syntax) over the normalised text. */
export interface CueSpec {
  pattern: string;
  /** Shown in evidence as `<field>/<rule>#<name>`; a-z, 0-9, `_`, `-`, `.`. */
  name?: string;
  /** 0 < weight <= 1 (default 1). */
  weight?: number;
  /** The same sentence must also match this pattern. */
  near?: string;
  /** The same sentence must not match this pattern. */
  not_near?: string;
  /** Scope filters that do not apply to this cue. */
  ignore?: ScopeFilter[];
}

/** Which field a rule feeds, and the id it emits there (default: the rule's `id`). */
export type RuleTarget =
  | { field: "attack_types"; tag?: AttackTypeId }
  | { field: "data_categories"; tag?: DataCategoryId }
  | { field: "reported_to"; tag?: AuthorityId }
  | { field: "leak_status"; tag?: LeakStatus }
  | { field: "operational"; tag?: "critical" | "high" | "medium" }
  | { field: "organization"; tag?: "public_body" | "corporation" | "name" }
  | { field: "scope"; tag?: ScopeId };

/** One custom rule: the shape of a `rules/<field>/<id>.toml` file. */
export type RuleSpec = RuleTarget & {
  /** Unique among all rules; a-z, 0-9, `_`, `-`, `.`, at most 64 characters. */
  id: string;
  label?: Label;
  attack?: string;
  veris?: string;
  description?: string;
  cues: CueSpec[];
  /** Texts the rule must tag (at least one). */
  match: string[];
  /** Near-misses the rule must not tag (at least one). */
  no_match: string[];
};

/** Options of `new Classifier(...)`. */
export interface ClassifierOptions {
  /** Custom rules, added to the built-in ones. */
  rules?: RuleSpec[];
}

/**
 * Classifies one notice with the built-in rules. Returns a plain object
 * (nothing to free). Throws a TypeError when `text` is not a string and an
 * Error (`code: "input_too_large"`) over 10 MiB of UTF-8.
 */
export function classify(text: string, options?: ClassifyOptions): Report;

/** One notice of a text that may hold several: its span (UTF-16 code
 * units into the whole text) and the heading that opened it. */
export interface NoticePart {
  start: number;
  end: number;
  heading: string | null;
}

/** One notice's report; its evidence offsets are into the whole text. */
export interface PartReport extends NoticePart {
  report: Report;
}

/** Finds the notices of a text (a casebook page, notices pasted one after
 * another); one notice stays one part. */
export function splitNotices(text: string): NoticePart[];

/** Splits `text` into notices and classifies each. */
export function classifyAll(text: string): PartReport[];

/** What an export adds to the report. Every field is optional. */
export interface ExportOptions {
  /** The notice's text: its date and the sentences its quotes stand in. */
  text?: string;
  /** The export's time: RFC 3339 UTC or `YYYY-MM-DD`; default: the date
   * the notice states (an export without either throws `no_date`). */
  created?: string;
  /** Where the notice was published. */
  sourceUrl?: string;
  /** A stable id of the notice: the key of every generated UUIDv5. */
  id?: string;
  /** MISP distribution level, 0 to 3 (default 0). */
  distribution?: number;
}

/** A VERIS 1.4.1 incident (validates against verisc-merged.json). */
export interface VerisIncident {
  schema_version: "1.4.1";
  incident_id: string;
  [key: string]: unknown;
}

/** A STIX 2.1 bundle: an `incident` (incident-core extension), the
 * organisation's `identity`, `attack-pattern`s and relationships. */
export interface StixBundle {
  type: "bundle";
  id: string;
  objects: Array<{ type: string; id: string; [key: string]: unknown }>;
}

/** A MISP event in the MISP core format. */
export interface MispEvent {
  Event: { uuid: string; info: string; date: string; [key: string]: unknown };
}

/** The report as a VERIS incident. */
export function toVeris(report: Report, options?: ExportOptions): VerisIncident;
/** The report as a STIX 2.1 bundle. */
export function toStix(report: Report, options?: ExportOptions): StixBundle;
/** The report as a MISP event. */
export function toMisp(report: Report, options?: ExportOptions): MispEvent;
/** Reports as one CSV table (RFC 4180, CRLF, a header row): organisation,
 * date, attack types, data categories, leak, count, severity, PPC… */
export function toCsv(rows: Array<{ id: string; report: Report; text?: string }>, options?: { bom?: boolean; excelSafe?: boolean }): string;

/** Every taxonomy id, in report order, with both labels. */
export function taxonomy(): TaxonomyEntry[];
/** Every taxonomy id, in report order, labelled in one language. */
export function taxonomy(lang: "ja" | "en"): TaxonomyEntry<string>[];

/** The package version, report schema and built-in rule-set fingerprint. */
export function version(): VersionInfo;

/**
 * The built-in rules plus a custom rule pack. Construction validates every
 * rule and runs its `match` / `no_match` examples; a bad pack throws an Error
 * (`code: "invalid_rule"`, `rule: <id>`) naming the rule and the reason.
 * The instance holds wasm memory: call `free()` when done with it (it is also
 * released when garbage-collected). Reports it returns need no freeing.
 */
export class Classifier {
  constructor(options?: ClassifierOptions);
  /** Classifies one notice; same contract as the `classify` function. */
  classify(text: string): Report;
  /** `classifyAll` with this classifier's rules. */
  classifyAll(text: string): PartReport[];
  /** Number of rules, built-in plus custom. */
  readonly ruleCount: number;
  /** Releases the wasm memory of this classifier. Do not use it afterwards. */
  free(): void;
}
"#;
