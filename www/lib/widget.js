// <jikenbo-classifier>: the element (documented in ../jikenbo-widget.js).
// Built into the package's single-file widget (pkg/widget.js) by
// scripts/build-pkg.sh through widget-entry.js, which calls defineWidget()
// with wasm-bindgen's module, the default .wasm URL and a way to start the
// classifying worker. Works in no other way: it has no URLs of its own.

import { loadJikenbo, explainLoadError } from './loader.js';
import { startEngine } from './engine.js';
import { NoticeView } from './view.js';
import { ExportMenu } from './export-menu.js';
import { strings, normalizeLang } from './i18n.js';
import { themeCss, componentCss, sheet } from './styles.js';

/** Set by defineWidget(): { glue, wasmUrl, worker }. */
let CONFIG = null;

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

// Evaluated in the widget's worker too (the same file), where there is no DOM.
const Base = typeof HTMLElement === 'function' ? HTMLElement : class {};

export class JikenboClassifier extends Base {
  static observedAttributes = ['lang', 'theme', 'compact', 'placeholder', 'text', 'wasm-url', 'no-export'];

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
    this._bar = el('div', { class: 'result-bar', part: 'result-bar' });
    this._base = el('div', { class: 'jk', part: 'base' },
      el('div', { class: 'layout' },
        el('div', { class: 'pane' }, this._label, el('div', { class: 'field', part: 'field' }, this._mirror, this._textarea), this._status),
        el('div', { class: 'pane' }, this._bar, this._summary, this._results, this._quotes)));
    root.append(this._base);

    this._parts = [];
    this._view = new NoticeView({
      textarea: this._textarea, mirror: this._mirror, results: this._results, summary: this._summary,
      status: this._status, quotes: this._quotes, lang: this._lang(), compact: this.compact,
      onResult: (report, text, parts) => {
        this._parts = parts.map(({ start, end, heading, report: r }) => ({ start, end, heading, report: r }));
        // one notice: the Report, as always; several: the first one's, and every one in `parts`
        this._emit('jikenbo-result', this._parts.length > 1 ? { ...report, parts: this._parts } : report);
      },
      onError: (info) => this._emit('jikenbo-error', { kind: 'classify', message: info.message, detail: info.code }),
      onChange: () => this._menu?.update(),
    });
    this._menu = new ExportMenu({
      view: this._view, lang: this._lang(),
      onError: (info) => this._emit('jikenbo-error', info),
    });
    this._bar.append(this._menu.root);
    this._applyExport();
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
      case 'no-export': this._applyExport(); break;
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
  /** Hides the "Download as" menu. */
  get noExport() { return this.hasAttribute('no-export'); }
  set noExport(v) { this.toggleAttribute('no-export', !!v); }
  /** The report of the (first) notice of the text. */
  get report() { return this._view.report; }
  /** Every notice of the text: [{ start, end, heading, report }] (one part for one notice). */
  get parts() { return this._parts; }
  /** 'worker' or 'main' (no worker could start), null before loading. */
  get engine() { return this._engine?.kind ?? null; }

  /** Classify any text with the shared classifier (the field is not touched). */
  async classify(text) {
    const api = await this._load();
    if (!api) throw new Error('jikenbo: the classifier could not be loaded');
    return api.classify(text);
  }

  /** Split any text into its notices and classify each (the field is not touched). */
  async classifyAll(text) {
    const api = await this._load();
    if (!api) throw new Error('jikenbo: the classifier could not be loaded');
    return api.classifyAll(text);
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
    this._menu.setLang(lang);
    if (!this._api && !this._failed) this._status.textContent = S.loading;
    if (this._failed) this._showLoadError(this._failed);
  }

  _applyExport() {
    this._bar.hidden = this.noExport;
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
      const loading = loadJikenbo(CONFIG.glue, wasm || CONFIG.wasmUrl);
      // The worker starts now, while the .wasm compiles.
      const engine = startEngine(loading, CONFIG.worker);
      this._engine = engine;
      engine.onFallback = () => this._view.setNote(strings(this._lang()).mainThreadNote);
      if (engine.noWorker) engine.onFallback();
      try {
        const loaded = await loading;
        const api = loaded.api;
        this._api = api;
        this._failed = null; // a retry (classify()) after a failure
        this._status.setAttribute('role', 'status');
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
        this._engine = null;
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
    this._view.showError(strings(lang).loadFailed, null);
    this._view.showLoadFailure(info, lang);
    return info;
  }
}

/**
 * Register <jikenbo-classifier> (once per page). `config.glue`: wasm-bindgen's
 * module (or the URL of jikenbo.js); `config.wasmUrl`: the default .wasm URL
 * (the `wasm-url` attribute overrides it); `config.worker`: a function that
 * returns a new Worker running worker-core.js (or its URL; null: main thread).
 */
export function defineWidget(config) {
  CONFIG = config;
  if (typeof customElements === 'object' && !customElements.get('jikenbo-classifier')) {
    customElements.define('jikenbo-classifier', JikenboClassifier);
  }
}
