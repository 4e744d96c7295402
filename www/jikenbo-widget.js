/**
 * <jikenbo-classifier> — paste a Japanese incident notice, get its tags with
 * the evidence highlighted. Everything runs in the browser (WebAssembly).
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
 *
 * @prop {object|null} report - the last report (spec/output.md), read-only.
 * @prop {Promise<void>} ready - resolves when the classifier is loaded.
 * @prop {"worker"|"main"|null} engine - where the field is classified: in a Web Worker, or on the
 *   main thread when no worker can start (then the widget says so); null before loading.
 * @method classify(text) - Promise<Report> for any text, without touching the field
 *   (runs on the main thread; the field itself is classified in a Web Worker when one can start,
 *   except a text of at most 20,000 UTF-16 units that comes before the worker is ready).
 *
 * @event jikenbo-ready - the classifier is loaded; detail: { version }.
 * @event jikenbo-result - a notice was classified; detail: the Report.
 * @event jikenbo-error - loading or classifying failed; detail: { kind, message, messages: { ja, en }, detail }.
 *   kind: csp | fetch | invalid | mime | unsupported | other (loading), classify (one text).
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
 * @csspart results - the result area
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
