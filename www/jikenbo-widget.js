/**
 * <jikenbo-classifier> — paste a Japanese incident notice, get its tags with
 * the evidence highlighted. Everything runs in the browser (WebAssembly).
 *
 * Embed with one line plus the element:
 *   <script type="module" src="https://example.org/jikenbo/jikenbo-widget.js"></script>
 *   <jikenbo-classifier lang="ja"></jikenbo-classifier>
 * The package is loaded from ./pkg/ next to this file (new URL(..., import.meta.url)),
 * once for all the elements of the page.
 *
 * @element jikenbo-classifier
 *
 * @attr {"ja"|"en"} lang - interface and label language (default: the nearest `lang` ancestor, else ja). Property: `lang`.
 * @attr {"light"|"dark"|"auto"} theme - colour theme; auto follows prefers-color-scheme (default auto). Property: `theme`.
 * @attr {boolean} compact - smaller field, no severity reasons or evidence panel. Property: `compact`.
 * @attr {string} placeholder - placeholder of the notice field. Property: `placeholder`.
 * @attr {string} text - a notice to show and classify at once. Property: `text` (reading it gives the current text).
 * @attr {string} wasm-url - URL of jikenbo_bg.wasm (default: ./pkg/jikenbo_bg.wasm next to this file). Property: `wasmUrl`.
 *   The first element to load decides: the page shares one instance.
 *
 * @prop {object|null} report - the last report (spec/output.md), read-only.
 * @prop {Promise<void>} ready - resolves when the classifier is loaded.
 * @method classify(text) - Promise<Report> for any text, without touching the field
 *   (runs on the main thread; the field itself is classified in a Web Worker when one can start,
 *   except a text of at most 20,000 UTF-16 units that comes before the worker is ready).
 *
 * @event jikenbo-ready - the classifier is loaded; detail: { version }.
 * @event jikenbo-result - a notice was classified; detail: the Report.
 * @event jikenbo-error - loading or classifying failed; detail: { kind, message, detail }.
 *   kind: csp | fetch | mime | unsupported | other (loading), classify (one text).
 *   All three bubble and are composed (they cross shadow roots).
 *
 * @csspart base - the wrapper of everything
 * @csspart label - the label above the field
 * @csspart field - the box around the notice text area
 * @csspart input - the <textarea>
 * @csspart mirror - the highlight layer behind the text area
 * @csspart status - loading / timing / error line
 * @csspart summary - the one-line spoken summary
 * @csspart results - the result area
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
 * script-src (WebAssembly compilation) and must allow this file's origin in
 * script-src and connect-src (the .wasm is fetched).
 */

import { loadJikenbo, explainLoadError } from './lib/loader.js';
import { startEngine } from './lib/engine.js';
import { NoticeView } from './lib/view.js';
import { strings, normalizeLang } from './lib/i18n.js';
import { themeCss, componentCss, sheet } from './lib/styles.js';

const PACKAGE_URL = new URL('./pkg/jikenbo.js', import.meta.url);
const WORKER_URL = new URL('./lib/worker.js', import.meta.url);

// The host page's CSS cannot select inside the shadow root, but inherited
// properties (font, colour, line-height, letter-spacing…) flow in through the
// host. `.jk { all: initial }` cuts that inheritance; custom properties,
// which `all` does not touch, still theme the component.
const HOST_CSS = `
:host { display: block !important; }
:host([hidden]) { display: none !important; }
.jk {
  all: initial;
  display: block;
  box-sizing: border-box;
  font-family: var(--jikenbo-font);
  font-size: var(--jikenbo-font-size);
  line-height: 1.55;
  color: var(--jikenbo-fg);
  background: var(--jikenbo-bg);
  border: 1px solid var(--jikenbo-border);
  border-radius: var(--jikenbo-radius);
  padding: 14px;
  text-align: start;
  container-type: inline-size;
}
.jk.compact { padding: 10px; }
.field-label { display: block; margin: 0 0 6px; font-weight: 650; font-size: .92em; }
`;

let SHEETS = null; // parsed once, shared by every instance
function sheets() {
  SHEETS ??= [
    themeCss({ base: ':host', dark: ':host([theme="dark"])', autoDark: ':host(:not([theme="light"]))' }),
    componentCss,
    HOST_CSS,
  ].map((css) => ({ css, sheet: sheet(css) }));
  return SHEETS;
}

let instances = 0;

export class JikenboClassifier extends HTMLElement {
  static observedAttributes = ['lang', 'theme', 'compact', 'placeholder', 'text', 'wasm-url'];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const all = sheets();
    if (all.every((s) => s.sheet) && 'adoptedStyleSheets' in root) {
      root.adoptedStyleSheets = all.map((s) => s.sheet);
    } else {
      const style = document.createElement('style');
      style.textContent = all.map((s) => s.css).join('\n');
      root.append(style);
    }
    const n = ++instances;
    const id = (s) => `jk${n}-${s}`;
    const el = (tag, attrs = {}, ...kids) => {
      const e = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      e.append(...kids);
      return e;
    };
    this._label = el('label', { class: 'field-label', part: 'label', for: id('notice') });
    this._textarea = el('textarea', { class: 'notice', part: 'input', id: id('notice'), lang: 'ja', spellcheck: 'false',
      autocomplete: 'off', 'aria-describedby': id('status') });
    this._mirror = el('div', { class: 'mirror', part: 'mirror', 'aria-hidden': 'true', lang: 'ja' });
    this._status = el('p', { class: 'status loading', part: 'status', role: 'status', id: id('status') });
    this._summary = el('p', { class: 'summary', part: 'summary', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this._results = el('div', { class: 'results', part: 'results', role: 'region', 'aria-busy': 'true' });
    this._quotes = el('div', { class: 'quotes-panel', part: 'evidence', 'aria-live': 'polite' });
    this._base = el('div', { class: 'jk', part: 'base' },
      el('div', { class: 'layout' },
        el('div', { class: 'pane' }, this._label, el('div', { class: 'field', part: 'field' }, this._mirror, this._textarea), this._status),
        el('div', { class: 'pane' }, this._summary, this._results, this._quotes)));
    root.append(this._base);

    this._view = new NoticeView({
      textarea: this._textarea, mirror: this._mirror, results: this._results, summary: this._summary,
      status: this._status, quotes: this._quotes, lang: this._lang(), compact: this.compact,
      onResult: (report) => this._emit('jikenbo-result', report),
      onError: (info) => this._emit('jikenbo-error', { kind: 'classify', message: info.message, detail: info.code }),
    });
    this._api = null;
    this._loading = null;
    let resolveReady;
    this.ready = new Promise((r) => { resolveReady = r; });
    this._resolveReady = resolveReady;
    this._applyText();
  }

  connectedCallback() {
    this._applyLang();
    this._load();
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value || !this._view) return;
    switch (name) {
      case 'lang': this._applyLang(); break;
      case 'compact': this._base.classList.toggle('compact', this.compact); this._view.setCompact(this.compact); break;
      case 'placeholder': this._applyLang(); break;
      case 'text': this._applyText(); break;
      default: break; // theme: pure CSS; wasm-url: read at load time
    }
  }

  // ---- properties mirroring the attributes -----------------------------------
  get lang() { return this._lang(); }
  set lang(v) { this.setAttribute('lang', normalizeLang(v)); }
  get theme() { const t = this.getAttribute('theme'); return t === 'light' || t === 'dark' ? t : 'auto'; }
  set theme(v) { this.setAttribute('theme', v === 'light' || v === 'dark' ? v : 'auto'); }
  get compact() { return this.hasAttribute('compact'); }
  set compact(v) { this.toggleAttribute('compact', !!v); }
  get placeholder() { return this.getAttribute('placeholder') ?? ''; }
  set placeholder(v) { if (v == null) this.removeAttribute('placeholder'); else this.setAttribute('placeholder', String(v)); }
  get text() { return this._textarea.value; }
  set text(v) { this.setAttribute('text', String(v ?? '')); this._applyText(); }
  get wasmUrl() { return this.getAttribute('wasm-url'); }
  set wasmUrl(v) { if (v == null) this.removeAttribute('wasm-url'); else this.setAttribute('wasm-url', String(v)); }
  get report() { return this._view.report; }

  /** Classify any text with the shared classifier (the field is not touched). */
  async classify(text) {
    const api = await this._load();
    if (!api) throw new Error('jikenbo: the classifier could not be loaded');
    return api.classify(text);
  }

  // ---- internals -----------------------------------------------------------------
  _lang() {
    const own = this.getAttribute('lang');
    if (own) return normalizeLang(own);
    const up = this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return normalizeLang(up, 'ja');
  }

  _applyLang() {
    const lang = this._lang();
    const S = strings(lang);
    this._label.textContent = S.noticeLabel;
    this._textarea.placeholder = this.getAttribute('placeholder') ?? S.placeholder;
    this._results.setAttribute('aria-label', S.results);
    this._base.classList.toggle('compact', this.compact);
    this._view.setLang(lang);
    if (!this._api && !this._failed) this._status.textContent = S.loading;
    if (this._failed) this._showLoadError(this._failed);
  }

  _applyText() {
    if (!this.hasAttribute('text')) return;
    this._view.setText(this.getAttribute('text'));
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  _load() {
    this._loading ??= (async () => {
      const wasm = this.getAttribute('wasm-url');
      const loading = loadJikenbo(PACKAGE_URL, wasm ? new URL(wasm, document.baseURI) : null);
      // The worker starts now: it loads jikenbo.js while the .wasm compiles.
      const engine = startEngine(loading, WORKER_URL);
      try {
        const loaded = await loading;
        const api = loaded.api;
        this._api = api;
        this._status.classList.remove('loading');
        this._view.setStatus(strings(this._lang()).ready);
        this._results.setAttribute('aria-busy', 'false');
        let version = null;
        try { version = api.version(); } catch { /* optional */ }
        this._emit('jikenbo-ready', { version });
        this._resolveReady();
        this._view.setApi(loaded, engine);
        return api;
      } catch (err) {
        engine.dispose();
        this._failed = err;
        this._loading = null; // a later call may retry
        const info = this._showLoadError(err);
        this._emit('jikenbo-error', info);
        return null;
      }
    })();
    return this._loading;
  }

  _showLoadError(err) {
    const lang = this._lang();
    const info = explainLoadError(err, lang);
    this._status.classList.remove('loading');
    this._status.setAttribute('role', 'alert');
    this._view.showError(`${strings(lang).loadFailed}: ${info.message}`, `(${info.detail})`);
    return info;
  }
}

if (!customElements.get('jikenbo-classifier')) customElements.define('jikenbo-classifier', JikenboClassifier);
