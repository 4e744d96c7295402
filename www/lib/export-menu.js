// The "Download as" menu of the page and the widget: the report JSON,
// VERIS 1.4.1, STIX 2.1, MISP and CSV of the notice in view or of every
// notice of the text (export.js makes the files). A file is a Blob behind
// an object URL, saved through an <a download> made here: no request is
// made, nothing leaves the browser. An error (its `code`: no_date,
// invalid_created, ...) is shown in the menu in both languages and passed
// to `onError`; it is never swallowed.

import { strings } from './i18n.js';
import { h } from './render.js';
import { FORMATS, makeExport } from './export.js';

let menus = 0;

/**
 * An export error as { kind: 'export', code, part, message (in `lang`),
 * messages: { ja, en }, detail (the package's own message) }.
 */
export function explainExportError(err, lang = 'ja') {
  const code = typeof err?.code === 'string' ? err.code : null;
  const part = Number.isInteger(err?.part) ? err.part : null;
  const messages = {};
  for (const l of ['ja', 'en']) {
    const S = strings(l);
    const what = S.exportErrors[code] ?? S.exportErrors.other;
    messages[l] = `${S.exportFailed}${part ? ` (${S.exportFailedPart(part)})` : ''}: ${what}`;
  }
  return { kind: 'export', code, part, message: messages[lang === 'en' ? 'en' : 'ja'], messages, detail: String(err?.message ?? err) };
}

export class ExportMenu {
  /**
   * @param {object} o
   * @param {import('./view.js').NoticeView} o.view  whose result is exported
   * @param {string} [o.lang]
   * @param {(file: {name: string, mime: string, content: string}) => void} [o.onSaved]
   * @param {(info: object) => void} [o.onError]  explainExportError()'s object
   */
  constructor(o) {
    this.view = o.view;
    this.doc = this.view.doc;
    this.lang = o.lang === 'en' ? 'en' : 'ja';
    this.onSaved = o.onSaved;
    this.onError = o.onError;
    this.lastExpanded = null;
    this.error = null;
    const doc = this.doc;
    const id = `jkx${++menus}`;
    this.summary = h(doc, 'summary', { class: 'export-toggle', part: 'export-button' },
      h(doc, 'span', { class: 'export-label' }), h(doc, 'span', { class: 'export-caret', 'aria-hidden': 'true' }, ' ▾'));
    this.scopeLegend = h(doc, 'legend', {});
    this.oneRadio = h(doc, 'input', { type: 'radio', name: `${id}-scope`, value: 'one' });
    this.allRadio = h(doc, 'input', { type: 'radio', name: `${id}-scope`, value: 'all', checked: true });
    this.oneLabel = h(doc, 'span', {});
    this.allLabel = h(doc, 'span', {});
    this.scope = h(doc, 'fieldset', { class: 'export-scope', hidden: true }, this.scopeLegend,
      h(doc, 'label', { class: 'export-choice' }, this.oneRadio, ' ', this.oneLabel),
      h(doc, 'label', { class: 'export-choice' }, this.allRadio, ' ', this.allLabel));
    this.buttons = FORMATS.map((f) => h(doc, 'button', { type: 'button', class: 'export-format', part: 'export-format', 'data-format': f }));
    this.excel = h(doc, 'input', { type: 'checkbox', class: 'export-excel-box', name: `${id}-excel` });
    this.excelLabel = h(doc, 'span', {});
    this.noteOne = h(doc, 'p', { class: 'export-note' });
    this.noteAll = h(doc, 'p', { class: 'export-note export-note-all', hidden: true });
    this.privacy = h(doc, 'p', { class: 'export-note' });
    this.errorBox = h(doc, 'div', { class: 'export-error', part: 'export-error', role: 'alert', hidden: true });
    this.panel = h(doc, 'div', { class: 'export-panel', part: 'export-menu', id: `${id}-panel` },
      this.scope,
      h(doc, 'ul', { class: 'export-formats', role: 'list' }, this.buttons.map((b) => h(doc, 'li', {}, b))),
      h(doc, 'label', { class: 'export-excel' }, this.excel, ' ', this.excelLabel),
      this.noteOne, this.noteAll, this.privacy, this.errorBox);
    this.el = h(doc, 'details', { class: 'export', part: 'export' }, this.summary, this.panel);
    this.status = h(doc, 'span', { class: 'export-status', part: 'export-status', role: 'status', 'aria-live': 'polite' });
    this.root = h(doc, 'span', { class: 'export-wrap' }, this.el, this.status);

    for (const b of this.buttons) b.addEventListener('click', () => this.save(b.dataset.format));
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.el.open) { e.stopPropagation(); this.el.open = false; this.summary.focus(); }
    });
    doc.addEventListener('pointerdown', (e) => {
      if (this.el.open && !e.composedPath().includes(this.el)) this.el.open = false;
    });
    this.setLang(this.lang);
  }

  setLang(lang) {
    this.lang = lang === 'en' ? 'en' : 'ja';
    const S = strings(this.lang);
    this.summary.firstChild.textContent = S.exportMenu;
    this.scopeLegend.textContent = S.exportScope;
    for (const b of this.buttons) b.textContent = S.formats[b.dataset.format];
    this.excelLabel.textContent = S.forExcel;
    this.noteOne.textContent = S.exportNoteOne;
    this.noteAll.textContent = S.exportNoteAll;
    this.privacy.textContent = S.exportPrivacy;
    if (this.error) this.showError(this.error);
    this.update();
  }

  /** Follow the view: how many notices, which one is open (it becomes the default choice). */
  update() {
    const S = strings(this.lang);
    const v = this.view;
    const n = v.parts.length;
    const several = n > 1;
    this.scope.hidden = !several;
    this.noteAll.hidden = !several;
    const open = several ? v.expanded : null;
    if (open !== this.lastExpanded) {
      // opening a notice makes it the one to save; closing it, all of them
      if (open != null) this.oneRadio.checked = true; else this.allRadio.checked = true;
      this.lastExpanded = open;
    }
    this.oneRadio.disabled = open == null;
    if (open == null && this.oneRadio.checked) this.allRadio.checked = true;
    const p = open != null ? v.parts[open] : null;
    this.oneLabel.textContent = p ? S.scopeOne(open + 1, p.report.organization.name ?? S.orgUnknownShort) : S.scopeOneNone;
    this.allLabel.textContent = S.scopeAll(n);
  }

  /** Which notices a download covers now: { parts, all }, or null when there is no result. */
  selection() {
    const v = this.view;
    if (!v.fresh()) return null;
    if (v.parts.length > 1 && (this.allRadio.checked || v.expanded == null)) return { parts: v.parts, all: true };
    const p = v.partInView();
    return p ? { parts: [p], all: false } : null;
  }

  /** The file of `format` for the current choice (throws the package's error); null when there is no result. */
  build(format) {
    const v = this.view;
    const sel = this.selection();
    if (!sel || !v.api) return null;
    return makeExport(v.api, format, {
      text: v.reportText, parts: sel.parts, all: sel.all, total: v.parts.length,
      created: new Date().toISOString(), bom: this.excel.checked,
    });
  }

  /** Make the file of `format` and save it (a download made in the page). */
  save(format) {
    const S = strings(this.lang);
    let file;
    try {
      file = this.build(format);
    } catch (err) {
      this.error = explainExportError(err, this.lang);
      this.showError(this.error);
      this.status.textContent = '';
      this.onError?.(this.error);
      return null;
    }
    if (!file) { this.status.textContent = S.exportStale; return null; }
    this.download(file);
    this.error = null;
    this.errorBox.hidden = true;
    this.errorBox.replaceChildren();
    this.status.textContent = S.saved(file.name);
    this.el.open = false;
    this.onSaved?.(file);
    return file;
  }

  download(file) {
    const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
    const a = this.doc.createElement('a');
    a.href = url;
    a.download = file.name;
    a.hidden = true;
    this.root.append(a);
    a.click();
    a.remove();
    // the download has its own reference by now; the URL is let go later
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** The error in the menu: the menu's language first, then the other one. */
  showError(info) {
    const doc = this.doc;
    const first = this.lang;
    const langs = [first, first === 'en' ? 'ja' : 'en'];
    this.errorBox.replaceChildren(
      ...langs.map((l) => h(doc, 'p', { lang: l, class: `export-error-${l}` }, info.messages[l])),
      h(doc, 'p', { class: 'export-error-detail' }, h(doc, 'code', {}, [info.code, info.detail].filter(Boolean).join(': '))));
    this.errorBox.hidden = false;
    this.el.open = true;
  }
}
