/**
 * <jikenbo-classifier> — paste a Japanese incident notice, get its tags with
 * the evidence highlighted. Everything runs in the browser (WebAssembly).
 * A text that holds several notices (a casebook page, notices pasted one
 * after another) is shown as a list: one card per notice (organisation,
 * date, attack types, severity), each opening to that notice's full result.
 * The "Download as" menu saves the report JSON, VERIS 1.4.1, STIX 2.1, MISP
 * or CSV of the notice in view or of all of them; the file is made in the
 * browser (Blob + <a download>), never sent anywhere.
 *
 * Embed with one line plus the element:
 *   <script type="module" src="https://example.org/jikenbo/widget.js"></script>
 *   <jikenbo-classifier lang="ja"></jikenbo-classifier>
 * widget.js is the npm package's "jikenbo/widget" (pkg/widget.js): ONE ES
 * module; deploy it with jikenbo_bg.wasm next to it and nothing else. The
 * .wasm is fetched and compiled once for all the elements of the page. From
 * another origin, the server must send Access-Control-Allow-Origin on both
 * files (make serve does) and application/wasm for the .wasm.
 * This file (www/jikenbo-widget.js) is the same widget for a site that serves
 * www/: it loads pkg/widget.js.
 *
 * @element jikenbo-classifier
 *
 * @attr {"ja"|"en"} lang - interface and label language (default: the nearest `lang` ancestor, else ja). Property: `lang`.
 * @attr {"light"|"dark"|"auto"} theme - colour theme; auto follows prefers-color-scheme (default auto). Property: `theme`.
 * @attr {boolean} compact - smaller field, no severity reasons or evidence panel. Property: `compact`.
 * @attr {string} placeholder - placeholder of the notice field. Property: `placeholder`.
 * @attr {string} text - a notice to show and classify at once. Property: `text` (reading it gives the current text).
 * @attr {string} wasm-url - URL of jikenbo_bg.wasm (default: next to widget.js). Property: `wasmUrl`.
 *   The first element to load decides: the page shares one instance.
 * @attr {boolean} no-export - hides the "Download as" menu. Property: `noExport`.
 *
 * @prop {object|null} report - the last report (spec/output.md), read-only; of the first notice when
 *   the text holds several.
 * @prop {Array<{start: number, end: number, heading: string|null, report: object}>} parts - every notice
 *   of the text (classifyAll; offsets into the whole text), read-only; one part for one notice.
 * @prop {Promise<void>} ready - resolves when the classifier is loaded.
 * @prop {"worker"|"main"|null} engine - where the field is classified: in a Web Worker, or on the
 *   main thread when no worker can start (then the widget says so); null before loading.
 * @method classify(text) - Promise<Report> for any text, without touching the field
 *   (runs on the main thread; the field itself is classified in a Web Worker when one can start,
 *   except a text of at most 20,000 UTF-16 units that comes before the worker is ready).
 * @method classifyAll(text) - Promise<PartReport[]>: the notices of any text, each classified
 *   (main thread; the field is untouched).
 *
 * @event jikenbo-ready - the classifier is loaded; detail: { version }.
 * @event jikenbo-result - a text was classified; detail: the Report. When the text holds several
 *   notices, detail is the first notice's Report with one more key, `parts`: every notice as
 *   { start, end, heading, report } (UTF-16 offsets into the whole text, evidence too).
 * @event jikenbo-error - loading, classifying or an export failed; detail: { kind, message, messages: { ja, en }, detail }.
 *   kind: csp | fetch | invalid | mime | unsupported | other (loading), classify (one text),
 *   export (a download: also `code`, e.g. "no_date", and `part`, the notice's number, or null).
 *   A widget that cannot load also says why inside its box, in Japanese and English.
 *   All three bubble and are composed (they cross shadow roots).
 *
 * @csspart base - the wrapper of everything
 * @csspart label - the label above the field
 * @csspart field - the box around the notice text area
 * @csspart input - the <textarea>
 * @csspart mirror - the highlight layer behind the text area
 * @csspart status - loading / timing / error line
 * @csspart note - a note under the status (e.g. classifying on the main thread)
 * @csspart error - the box explaining why the classifier could not be loaded
 * @csspart summary - the one-line spoken summary
 * @csspart result-bar - the bar above the result that holds the download menu
 * @csspart export - the "Download as" menu (a <details>)
 * @csspart export-button - its <summary>
 * @csspart export-menu - the open panel: which notices, the formats, the CSV-for-Excel option
 * @csspart export-format - one format's button
 * @csspart export-error - why a file could not be made (ja and en)
 * @csspart export-status - "Saved: <file name>"
 * @csspart results - the result area
 * @csspart notices - the list of notices (a text that holds several)
 * @csspart notice-card - one notice of the list (data-part="<index>")
 * @csspart card-toggle - its button that opens or closes its full result
 * @csspart card-detail - the box that holds its full result
 * @csspart overview - who, what, when: organisation, attack types, the first date in the text
 * @csspart org - the organisation's name
 * @csspart headline - the four headline figures (severity, leak, count, PPC)
 * @csspart stat - one headline figure
 * @csspart group - one group of tags (attack types, data, …)
 * @csspart tag - every tag button (data-tag="<field>:<id>")
 * @csspart severity - the severity tag
 * @csspart ppc - the PPC verdict tag
 * @csspart evidence - the evidence panel
 * @csspart quotes - the list of quotes in it
 *
 * @cssproperty --jikenbo-font - typeface
 * @cssproperty --jikenbo-mono - typeface of rule ids
 * @cssproperty --jikenbo-font-size - base text size (default 15px)
 * @cssproperty --jikenbo-field-height - minimum height of the field (default 15em)
 * @cssproperty --jikenbo-radius - corner radius (default 8px)
 * @cssproperty --jikenbo-bg - background
 * @cssproperty --jikenbo-surface - background of cards
 * @cssproperty --jikenbo-field-bg - background of the field
 * @cssproperty --jikenbo-fg - text colour
 * @cssproperty --jikenbo-muted - secondary text
 * @cssproperty --jikenbo-border - borders
 * @cssproperty --jikenbo-accent - focus ring, pinned tag
 * @cssproperty --jikenbo-accent-fg - text on the accent colour
 * @cssproperty --jikenbo-mark - highlight of the active evidence
 * @cssproperty --jikenbo-evidence - underline of all evidence
 * @cssproperty --jikenbo-part - tint, in the field, of the notice open in the list
 * @cssproperty --jikenbo-critical - colour of critical (and tier 3)
 * @cssproperty --jikenbo-high - colour of high (and tier 2)
 * @cssproperty --jikenbo-medium - colour of medium
 * @cssproperty --jikenbo-low - colour of low
 * @cssproperty --jikenbo-error - error text
 * @cssproperty --jikenbo-error-bg - error background
 *
 * Host pages with a Content-Security-Policy need 'wasm-unsafe-eval' in
 * script-src (WebAssembly compilation) and must allow the widget's origin in
 * script-src and connect-src (the .wasm is fetched). The worker is started
 * from widget.js itself on the same origin (worker-src 'self', or script-src),
 * from a blob: URL importing it when widget.js is on another origin
 * (worker-src blob:).
 */

// The element and its loader are one file in the npm package, pkg/widget.js
// (scripts/build-pkg.sh bundles lib/widget-entry.js, lib/* and the glue),
// which `make www` copies to www/pkg/. Deploying this file and pkg/ is
// enough; pkg/widget.js with pkg/jikenbo_bg.wasm alone is too.
export * from './pkg/widget.js';
