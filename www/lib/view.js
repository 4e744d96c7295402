// The interactive core shared by the page and the widget: a notice field
// (textarea over an evidence mirror), the result area and a status line.
// It binds to elements the caller made, classifies as the user types
// (debounced; a paste is classified at once) and highlights the evidence of
// the tag under the pointer or the keyboard focus.
//
// A text may hold several notices (classifyAll): one notice is shown as
// its full result; several as a list of cards (organisation, date, attack
// types, severity), each of which opens to the full result of its notice,
// whose span of the text is then tinted in the field.

import { strings } from './i18n.js';
import { renderReport, renderNoticeList, renderQuotes, h } from './render.js';
import { renderMirror, revealMark } from './highlight.js';
import { findDate } from './date.js';
import { prepareParts } from './export.js';

let views = 0;

/** Above this many UTF-16 units the evidence overlay is switched off. */
export const MIRROR_LIMIT = 200_000;

export class NoticeView {
  /**
   * @param {object} o
   * @param {HTMLTextAreaElement} o.textarea
   * @param {HTMLElement} o.mirror    absolutely positioned behind the textarea
   * @param {HTMLElement} o.results   filled with the rendered report
   * @param {HTMLElement} o.summary   aria-live one-line summary
   * @param {HTMLElement} o.status    status / error line
   * @param {HTMLElement} [o.quotes]  evidence panel for the active tag
   * @param {string} [o.lang]
   * @param {boolean} [o.compact]
   * @param {(report, text, parts) => void} [o.onResult]  report: the first notice's; parts: every notice
   * @param {(info) => void} [o.onError]
   * @param {() => void} [o.onChange]  the result or the notice in view changed
   */
  constructor(o) {
    Object.assign(this, { textarea: o.textarea, mirror: o.mirror, results: o.results, summary: o.summary,
      status: o.status, quotes: o.quotes ?? null, onResult: o.onResult, onError: o.onError, onChange: o.onChange });
    this.idPrefix = `jkv${++views}`;
    this.doc = this.textarea.ownerDocument;
    this.lang = o.lang === 'en' ? 'en' : 'ja';
    this.compact = !!o.compact;
    this.api = null;            // the loaded package
    this.intentional = new Set();
    this.report = null;         // the report of the (first) notice
    this.reportText = null;     // the text `report` belongs to
    this.parts = [];            // every notice of that text (export.js prepareParts)
    this.expanded = null;       // index of the notice open in the list (several notices)
    this.tags = new Map();
    this.active = null;         // element whose evidence is highlighted
    this.pinned = null;         // element clicked (stays highlighted)
    this.timer = 0;
    this.immediate = false;
    this.lastMs = 0;
    this.failed = false;
    this.seq = 0;
    this.engine = null;

    const ta = this.textarea;
    ta.addEventListener('paste', () => { this.immediate = true; });
    ta.addEventListener('input', () => this.schedule());
    ta.addEventListener('scroll', () => { this.mirror.scrollTop = ta.scrollTop; this.mirror.scrollLeft = ta.scrollLeft; });

    // A tag, or a headline card (its whole box) standing for its tag.
    const tagOf = (e) => {
      if (!(e.target instanceof Element)) return null;
      return e.target.closest('.tag') ?? e.target.closest('.stat')?.querySelector('.tag') ?? null;
    };
    this.results.addEventListener('pointerover', (e) => { const t = tagOf(e); if (t) this.activate(t); });
    this.results.addEventListener('pointerout', (e) => {
      const t = tagOf(e);
      const box = t?.closest('.stat') ?? t;
      if (t && !(e.relatedTarget instanceof Node && box.contains(e.relatedTarget))) this.activate(this.focusedTag() ?? this.pinned, true);
    });
    this.results.addEventListener('focusin', (e) => { const t = tagOf(e); if (t) this.activate(t); });
    this.results.addEventListener('focusout', (e) => {
      const to = e.relatedTarget;
      if (to instanceof Element && (to.closest('.tag') || this.quotes?.contains(to))) return;
      this.activate(this.pinned);
    });
    this.results.addEventListener('click', (e) => {
      const toggle = e.target instanceof Element ? e.target.closest('.card-toggle') : null;
      if (toggle) {
        const i = Number(toggle.closest('[data-part]')?.getAttribute('data-part'));
        this.expand(this.expanded === i ? null : i);
        return;
      }
      const t = tagOf(e);
      if (!t) return;
      this.pin(this.pinned === t ? null : t);
      this.activate(t);
    });
    this.results.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.pinned) { this.pin(null); this.activate(this.focusedTag()); }
    });
    this.renderEmpty();
  }

  focusedTag() {
    const root = this.results.getRootNode();
    const f = root.activeElement;
    return f && this.results.contains(f) && f.classList.contains('tag') ? f : null;
  }

  /**
   * The loaded package (loader.js) and the engine that runs it (engine.js);
   * classifies what is already typed.
   */
  setApi(loaded, engine) {
    this.api = loaded.api;
    this.engine = engine;
    engine.setApi?.(loaded.api);
    if (!this.textarea.value.trim()) engine.warmUp?.();
    try {
      this.intentional = new Set(loaded.api.taxonomy().filter((e) => e.intentional).map((e) => e.id));
    } catch { /* optional */ }
    this.run(true);
  }

  setLang(lang) {
    this.lang = lang === 'en' ? 'en' : 'ja';
    if (this.report) this.render(); else this.renderEmpty();
  }

  setCompact(on) {
    this.compact = !!on;
    if (this.report) this.render();
  }

  /** Replace the text (keeps focus where it is) and classify it at once. */
  setText(text) {
    this.textarea.value = text;
    return this.run(true);
  }

  schedule() {
    clearTimeout(this.timer);
    this.syncMirror();
    if (this.immediate) { this.immediate = false; this.run(); return; }
    // longer texts take longer: wait a little more between runs
    this.timer = setTimeout(() => this.run(), 160 + Math.min(800, this.lastMs));
  }

  /**
   * Classify the textarea's text now (in the engine: a worker when possible).
   * Resolves to the report, or null (empty text, error, or superseded).
   */
  async run(force = false) {
    clearTimeout(this.timer);
    const text = this.textarea.value;
    if (!this.engine) { this.syncMirror(text); return null; }
    if (!force && !this.failed && text === this.reportText) return this.report;
    const seq = ++this.seq;
    if (!text.trim()) {
      this.report = null;
      this.parts = [];
      this.expanded = null;
      this.reportText = text;
      this.failed = false;
      this.busy(false);
      this.renderEmpty();
      return null;
    }
    const S = strings(this.lang);
    this.busy(true);
    const t0 = performance.now();
    let out;
    try {
      out = await this.engine.classify(text);
    } catch (err) {
      if (seq !== this.seq || err?.name === 'superseded') return null;
      this.busy(false);
      this.failed = true;
      this.lastMs = performance.now() - t0;
      const info = { kind: 'classify', code: err?.code ?? null, message: String(err?.message ?? err) };
      this.showError(`${S.classifyFailed}: ${info.message}`, S.retryHint);
      this.results.classList.add('stale');
      this.onError?.(info);
      this.onChange?.();
      return null;
    }
    if (seq !== this.seq) return null; // a newer text is on its way
    this.busy(false);
    this.lastMs = out.ms;
    this.failed = false;
    const before = this.expanded != null ? this.parts[this.expanded] : null;
    this.parts = prepareParts(out.parts ?? [{ start: 0, end: text.length, heading: null, report: out.report }], text);
    this.report = this.parts[0].report;
    this.reportText = text;
    // the notice open in the list stays open while its text is edited (same start, same heading)
    const now = before && this.parts.length > 1 ? this.parts[this.expanded] : null;
    if (!now || now.start !== before.start || now.heading !== before.heading) this.expanded = null;
    this.render();
    this.setStatus(S.classified(this.lastMs < 1 ? '<1' : Math.round(this.lastMs)));
    this.onResult?.(this.report, text, this.parts);
    return this.report;
  }

  /** The notice whose result is in view: the only one, or the one open in the list (else null). */
  partInView() {
    if (this.parts.length === 1) return this.parts[0];
    return this.expanded == null ? null : this.parts[this.expanded] ?? null;
  }

  /** Whether the result shown is that of the text in the field. */
  fresh() {
    return this.parts.length > 0 && this.reportText === this.textarea.value && !this.failed;
  }

  busy(on) {
    this.results.setAttribute('aria-busy', String(on));
    if (on) {
      clearTimeout(this.busyTimer);
      // say "classifying" only when it takes a while (no flicker when typing)
      this.busyTimer = setTimeout(() => {
        this.status.classList.remove('error');
        this.status.classList.add('loading');
        this.status.textContent = strings(this.lang).classifying;
        this.results.classList.add('stale');
      }, 400);
    } else {
      clearTimeout(this.busyTimer);
      this.status.classList.remove('loading');
    }
  }

  render() {
    const S = strings(this.lang);
    // a tag is found again by its data-tag and the notice it belongs to
    const keyOf = (el) => (el ? `${this.tags.get(el)?.part ?? ''}|${el.getAttribute('data-tag')}` : null);
    const keep = keyOf(this.pinned);
    const focused = this.focusedTag();
    const focusKey = keyOf(focused);
    const focusToggle = this.results.getRootNode().activeElement?.closest?.('.card-toggle')?.closest('[data-part]')?.getAttribute('data-part') ?? null;
    const tags = new Map();
    this.tags = tags;
    this.cards = [];
    let fragment;
    if (this.parts.length > 1) {
      ({ fragment, cards: this.cards } = renderNoticeList(this.doc, this.parts, {
        lang: this.lang, tags, idPrefix: this.idPrefix, expanded: this.expanded }));
      if (this.expanded != null) this.fillDetail(this.expanded);
      this.summary.textContent = S.summaryMany(this.parts, S);
    } else {
      const date = findDate(this.reportText);
      ({ fragment } = renderReport(this.doc, this.report, { lang: this.lang, compact: this.compact, intentional: this.intentional, date, tags }));
      this.summary.textContent = S.summary(this.report, S, date);
    }
    this.results.classList.remove('stale', 'empty');
    this.results.classList.toggle('several', this.parts.length > 1);
    this.results.replaceChildren(fragment);
    this.results.setAttribute('data-chars', String(this.reportText.length)); // length of the text this result is for
    this.results.setAttribute('data-notices', String(this.parts.length));
    this.active = undefined; // forces activate() below to repaint mirror and panel
    this.pinned = null;
    const find = (k) => k && [...tags.keys()].find((el) => keyOf(el) === k);
    const focusEl = find(focusKey);
    if (focusEl) focusEl.focus({ preventScroll: true });
    else if (focusToggle != null) this.cards[Number(focusToggle)]?.toggle.focus({ preventScroll: true });
    const pinEl = find(keep);
    if (pinEl) this.pin(pinEl);
    this.activate(focusEl ?? pinEl ?? null);
    this.onChange?.();
  }

  /** Render the full result of notice `i` into its card. */
  fillDetail(i) {
    const p = this.parts[i];
    const card = this.cards[i];
    if (!p || !card) return;
    const { fragment } = renderReport(this.doc, p.report, {
      lang: this.lang, compact: this.compact, intentional: this.intentional, date: p.date, tags: this.tags, part: i });
    card.detail.replaceChildren(fragment);
  }

  /**
   * Open notice `i` of the list (null: close the open one). Only one is
   * open at a time; its span of the text is tinted and scrolled into view.
   */
  expand(i) {
    if (this.parts.length < 2) return;
    if (i != null && !(i >= 0 && i < this.parts.length)) i = null;
    const old = this.expanded;
    if (old === i) return;
    if (old != null && this.cards[old]) {
      const c = this.cards[old];
      for (const el of [...this.tags.keys()]) if (c.detail.contains(el)) this.tags.delete(el);
      c.detail.replaceChildren();
      c.detail.hidden = true;
      c.el.classList.remove('open');
      c.toggle.setAttribute('aria-expanded', 'false');
      c.toggle.textContent = strings(this.lang).showDetails;
    }
    this.expanded = i;
    if (this.active && !this.tags.has(this.active)) this.active = null;
    if (this.pinned && !this.tags.has(this.pinned)) this.pinned = null;
    if (i != null) {
      const c = this.cards[i];
      this.fillDetail(i);
      c.detail.hidden = false;
      c.el.classList.add('open');
      c.toggle.setAttribute('aria-expanded', 'true');
      c.toggle.textContent = strings(this.lang).hideDetails;
    }
    if (this.active) this.active.classList.remove('active');
    this.active = undefined;
    this.activate(this.pinned ?? null);
    if (i != null) revealMark(this.textarea, this.mirror, this.mirror.querySelector('.in-part'));
    this.onChange?.();
  }

  renderEmpty() {
    const S = strings(this.lang);
    this.tags = new Map();
    this.cards = [];
    this.active = this.pinned = null;
    this.results.classList.remove('stale', 'several');
    this.results.classList.add('empty');
    this.results.removeAttribute('data-notices');
    this.results.replaceChildren(h(this.doc, 'p', { class: 'placeholder-result' }, S.readyEmpty));
    this.summary.textContent = '';
    this.syncMirror(this.textarea.value);
    this.renderQuotePanel(null);
    this.onChange?.();
  }

  /** All evidence of the current result (the faint underline); of the open notice only, when one is. */
  allEvidence() {
    if (!this.report || this.reportText !== this.textarea.value) return [];
    const out = [];
    const only = this.parts.length > 1 ? this.expanded : null;
    for (const { evidence, part } of this.tags.values()) if (only == null || part === only) out.push(...evidence);
    return out;
  }

  /** The span of the notice open in the list, when the field still holds its text. */
  region() {
    const p = this.parts.length > 1 && this.expanded != null ? this.parts[this.expanded] : null;
    return p && this.reportText === this.textarea.value ? { start: p.start, end: p.end } : null;
  }

  syncMirror(text = this.textarea.value) {
    if (text.length > MIRROR_LIMIT) {
      // Laying a huge text out twice costs seconds per frame: above the
      // limit there is no overlay; the quotes still select their passage.
      if (!this.mirrorOff) { this.mirror.replaceChildren(); this.mirrorOff = true; }
      return null;
    }
    this.mirrorOff = false;
    const entry = this.active ? this.tags.get(this.active) : null;
    const fresh = this.reportText === text;
    const mark = renderMirror(this.mirror, text, fresh && entry ? entry.evidence : [], this.allEvidence(), this.region());
    this.mirror.scrollTop = this.textarea.scrollTop;
    return mark;
  }

  pin(el) {
    if (this.pinned) this.pinned.setAttribute('aria-pressed', 'false');
    this.pinned = el;
    if (el) el.setAttribute('aria-pressed', 'true');
  }

  /**
   * Highlight the evidence of tag `el` (null: none). With `keepPanel`, the
   * evidence panel keeps showing the last tag (so its quotes can be reached).
   */
  activate(el, keepPanel = false) {
    if (el && !this.tags.has(el)) el = null;
    if (this.active === el) return;
    if (this.active) this.active.classList.remove('active');
    this.active = el;
    if (el) el.classList.add('active');
    const mark = this.syncMirror();
    if (mark) revealMark(this.textarea, this.mirror, mark);
    if (el || !keepPanel) this.renderQuotePanel(el);
  }

  renderQuotePanel(el) {
    if (!this.quotes) return;
    const S = strings(this.lang);
    const entry = el ? this.tags.get(el) : null;
    if (!entry) {
      this.quotes.replaceChildren(h(this.doc, 'p', { class: 'hint' }, this.report ? S.evidenceHint : ''));
      return;
    }
    const part = entry.part != null ? this.parts[entry.part] : null;
    this.quotes.replaceChildren(renderQuotes(this.doc, this.textarea.value, entry, this.lang, (span) => {
      this.textarea.focus({ preventScroll: true });
      this.textarea.setSelectionRange(span.start, span.end);
      const mark = this.mirror.querySelector(`mark[data-start="${span.start}"]`);
      revealMark(this.textarea, this.mirror, mark);
    }, part && { start: part.start, end: part.end }));
  }

  /** A standing note under the status line (null: none), e.g. no worker. */
  setNote(text) {
    this.noteText = text;
    let el = this.noteEl;
    if (!text) { el?.remove(); this.noteEl = null; return; }
    if (!el) {
      el = h(this.doc, 'p', { class: 'note', part: 'note', role: 'note' });
      this.status.after(el);
      this.noteEl = el;
    }
    el.textContent = text;
  }

  /**
   * The classifier could not be loaded: say why in the result area, in
   * `lang` first and then in the other language (the reader may not read
   * the page's language). `info` comes from loader.js explainLoadError().
   */
  showLoadFailure(info, lang = this.lang) {
    const first = lang === 'en' ? 'en' : 'ja';
    const langs = [first, first === 'en' ? 'ja' : 'en'];
    const box = h(this.doc, 'div', { class: 'load-error', part: 'error', role: 'alert', 'data-kind': info.kind },
      langs.map((l) => h(this.doc, 'p', { lang: l, class: `load-error-${l}` },
        h(this.doc, 'strong', {}, `${strings(l).loadFailed}: `),
        info.messages?.[l] ?? info.message, ' ', strings(l).loadFailedHelp)),
      info.detail ? h(this.doc, 'p', { class: 'load-error-detail' }, h(this.doc, 'code', {}, info.detail)) : null);
    this.tags = new Map();
    this.cards = [];
    this.active = this.pinned = null;
    this.results.classList.remove('stale', 'empty', 'several');
    this.results.replaceChildren(box);
    this.results.setAttribute('aria-busy', 'false');
    this.summary.textContent = '';
    this.renderQuotePanel(null);
  }

  setStatus(text) {
    this.status.classList.remove('error');
    this.status.replaceChildren(this.doc.createTextNode(text));
  }

  showError(title, detail) {
    this.status.classList.add('error');
    this.status.replaceChildren(
      h(this.doc, 'strong', { class: 'error-title' }, title),
      ...(detail ? [h(this.doc, 'span', { class: 'error-detail' }, ` ${detail}`)] : []));
  }
}
