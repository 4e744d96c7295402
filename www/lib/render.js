// Report → DOM. Everything that came from the user or from the report is
// written with textContent / text nodes; no innerHTML anywhere.
//
// Every tag element is a <button class="tag" data-tag="<field>:<id>"> whose
// evidence (spans of the input) is kept in the `tags` map the function
// returns; data-evidence="start-end …" repeats it for tests and debugging.

import { strings } from './i18n.js';

/** Create an element with attributes and children (strings become text nodes). */
export function h(doc, tag, attrs = {}, ...children) {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? doc.createTextNode(String(c)) : c);
  }
  return el;
}

function sortSpans(list) {
  const seen = new Set();
  const out = [];
  for (const e of list) {
    const key = `${e.start}-${e.end}-${e.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const evOf = (tags) => tags.flatMap((t) => t.evidence ?? []);

/** The evidence a report gives for a severity reason, where it gives one (newer builds). */
const ownEvidence = (x) => (Array.isArray(x?.evidence) ? x.evidence : null);

/**
 * A maker of tag buttons that records each one's evidence in `tags`
 * (`part`: the index of the notice it belongs to, when the text holds several).
 */
function tagFactory(doc, S, tags, part = null) {
  return (field, id, text, evidence, extra = {}) => {
    const ev = sortSpans(evidence ?? []);
    const el = h(doc, 'button', {
      type: 'button',
      class: `tag ${extra.class ?? ''}`.trim(),
      part: `tag ${extra.part ?? ''}`.trim(),
      'data-tag': `${field}:${id}`,
      'data-evidence': ev.map((e) => `${e.start}-${e.end}`).join(' '),
      'aria-pressed': 'false',
      title: extra.title,
    },
    h(doc, 'span', { class: 'tag-label' }, text),
    extra.badge ? h(doc, 'span', { class: 'tag-badge', title: extra.badgeTitle }, extra.badge) : null,
    h(doc, 'span', { class: 'sr-only' }, ` — ${S.evidenceCount(ev.length)}`));
    tags.set(el, { label: text, evidence: ev, part });
    return el;
  };
}

/**
 * The severity reasons of `r`, each with its spans: its own `evidence`
 * when the report has it, else derived from the tags it rests on.
 */
function reasonsWithSpans(r) {
  const dataByTier = (n) => r.dataCategories.filter((d) => d.tier === n);
  const maxTier = Math.max(0, ...r.dataCategories.map((d) => d.tier));
  const countEv = r.affectedCount?.evidence ?? [];
  const derived = (code) => {
    const m = /^data\.tier(\d)$/.exec(code);
    if (m) return evOf(dataByTier(Number(m[1])));
    if (code.startsWith('data.count.')) return countEv;
    if (code === 'data.leak_none') return r.leakStatus.evidence;
    if (code.startsWith('data.level.')) return [...evOf(dataByTier(maxTier)), ...countEv];
    return [];
  };
  return r.severity.reasons.map((x) => ({ ...x, spans: ownEvidence(x) ?? derived(x.code) }));
}

/** The spans of the overall severity: those of the side(s) at its level. */
function severitySpans(r, reasons = reasonsWithSpans(r)) {
  const spansOf = (prefix) => reasons.filter((x) => x.code.startsWith(prefix)).flatMap((x) => x.spans);
  const lvl = r.severity.level;
  return {
    data: spansOf('data.'),
    operational: spansOf('operational.'),
    level: [...(r.severity.data === lvl ? spansOf('data.') : []), ...(r.severity.operational === lvl ? spansOf('operational.') : [])],
  };
}

/** The button of "the first date in the text" (found by date.js, not by the classifier). */
function dateButton(tagButton, S, date) {
  return tagButton('date', date.iso, S.dateLabel(date), [{ start: date.start, end: date.end, rule: 'page/first-date', text: date.text }],
    { class: 'date', title: S.dateTitle });
}

/**
 * Render `report` (for input `text`) into a DocumentFragment.
 *
 * Order: who (organisation), what (attack types) and when (the first date
 * in the text), then the headline figures, the data, why this severity, the
 * authorities and the PPC cases. Every verdict with spans in the text is a
 * tag whose evidence the view highlights: severity and its reasons, leak,
 * count and organisation as well as the tags proper. A severity reason's
 * spans are its own `evidence` when the report has it, else derived here
 * from the tags it rests on.
 * @param {Document} doc
 * @param {object} report  the Report of spec/output.md
 * @param {object} opts    { lang, compact, intentional: Set<string> of intentional attack ids,
 *                           date: findDate() of the text, or null; tags: the Map to add the
 *                           tags to (default: a new one); part: the notice's index, when the
 *                           text holds several }
 * @returns {{ fragment: DocumentFragment, tags: Map<Element, {label: string, evidence: object[]}> }}
 */
export function renderReport(doc, report, opts = {}) {
  const lang = opts.lang === 'en' ? 'en' : 'ja';
  const S = strings(lang);
  const tags = opts.tags ?? new Map();
  const label = (t) => t.label?.[lang] ?? t.label?.ja ?? t.id;

  const tagButton = tagFactory(doc, S, tags, opts.part ?? null);

  const section = (key, title, ...content) =>
    h(doc, 'section', { class: `group group-${key}`, part: `group group-${key}`, 'aria-labelledby': null },
      h(doc, 'h3', { class: 'group-title' }, title), ...content);

  const chipList = (items) => (items.length
    ? h(doc, 'ul', { class: 'chips', role: 'list' }, items.map((el) => h(doc, 'li', {}, el)))
    : h(doc, 'p', { class: 'empty' }, S.noneFound));

  const r = report;
  const countEv = r.affectedCount?.evidence ?? [];
  const orgEv = r.organization?.evidence ?? [];
  const intentional = opts.intentional ?? new Set();

  // ---- severity reasons and their spans ------------------------------------
  const reasons = reasonsWithSpans(r);
  const sevSpans = severitySpans(r, reasons);
  const dataSevEv = sevSpans.data;
  const opSevEv = sevSpans.operational;

  // ---- headline: severity, leak, count, PPC -------------------------------
  const lvl = r.severity.level;
  const sevTag = tagButton('severity', lvl, S.level[lvl], sevSpans.level, { class: `level level-${lvl}`, part: 'severity' });
  const leakTag = tagButton('leakStatus', r.leakStatus.value, S.leak[r.leakStatus.value], r.leakStatus.evidence,
    { class: `leak leak-${r.leakStatus.value}` });
  const countVal = r.affectedCount.value;
  const countTag = tagButton('affectedCount', countVal == null ? 'null' : String(countVal), S.count(countVal), countEv,
    { class: 'count' });

  const caseEvidence = (c) => {
    switch (c) {
      case 'case1_special_care': return evOf(r.dataCategories.filter((d) => d.id === 'medical' || d.id === 'special_care'));
      case 'case2_financial': return evOf(r.dataCategories.filter((d) => d.id === 'payment_card'));
      case 'case3_unlawful': return evOf(r.attackTypes.filter((t) => intentional.has(t.id)));
      case 'case4_over_threshold': return [...countEv, ...(r.organization.publicBody ? orgEv : [])];
      case 'my_number': return evOf(r.dataCategories.filter((d) => d.id === 'my_number'));
      default: return [];
    }
  };
  const ppcKey = r.ppcReport.required ? 'required' : 'not_required';
  const ppcTag = tagButton('ppcReport', ppcKey, S.ppc[ppcKey], r.ppcReport.reasons.flatMap(caseEvidence),
    { class: `ppc ppc-${ppcKey}`, part: 'ppc' });

  const stat = (key, title, tagEl) =>
    h(doc, 'div', { class: `stat stat-${key}`, part: `stat` }, h(doc, 'span', { class: 'stat-title' }, title), tagEl);
  const headline = h(doc, 'div', { class: 'headline', part: 'headline' },
    stat('severity', S.severity, sevTag),
    stat('leak', S.leakStatus, leakTag),
    stat('count', S.affectedCount, countTag),
    stat('ppc', S.ppcReport, ppcTag));

  // ---- attack types and data ----------------------------------------------
  const attacks = section('attack', S.attackTypes, chipList(r.attackTypes.map((t) =>
    tagButton('attackTypes', t.id, label(t), t.evidence, {
      badge: opts.compact ? null : t.attack,
      badgeTitle: t.attack ? `MITRE ATT&CK ${t.attack}` : null,
      title: [S.score(t.score), t.veris && `VERIS ${t.veris}`].filter(Boolean).join(' · '),
    }))));
  const data = section('data', S.dataCategories, chipList(r.dataCategories.map((d) =>
    tagButton('dataCategories', d.id, label(d), d.evidence, {
      class: `tier tier-${d.tier}`, badge: S.tier(d.tier), badgeTitle: S.tierTitle(d.tier), title: S.score(d.score),
    }))));

  // ---- severity reasons -----------------------------------------------------
  const sev = section('severity', S.severityReasons,
    h(doc, 'p', { class: 'levels' },
      tagButton('severity.data', r.severity.data, `${S.dataSeverity}: ${S.level[r.severity.data]}`,
        dataSevEv, { class: `level level-${r.severity.data}` }),
      ' ',
      tagButton('severity.operational', r.severity.operational, `${S.operationalSeverity}: ${S.level[r.severity.operational]}`, opSevEv,
        { class: `level level-${r.severity.operational}` })),
    opts.compact ? null : h(doc, 'ul', { class: 'reasons', role: 'list' }, reasons.map((x) =>
      h(doc, 'li', {}, tagButton('severity.reasons', x.code, x.message?.[lang] ?? x.code, x.spans, { class: 'reason' })))));

  // ---- organisation, authorities, PPC cases -------------------------------
  const org = r.organization;
  const pubEv = orgEv.filter((e) => /public/.test(e.rule));
  const nameEv = orgEv.filter((e) => !/public/.test(e.rule));
  const orgSec = section('org', S.organization, h(doc, 'p', { class: 'org' },
    tagButton('organization', 'name', org.name ?? S.orgUnknown, org.name ? (nameEv.length ? nameEv : orgEv) : [], { class: org.name ? 'org-name' : 'org-name unknown', part: 'org' }),
    ' ',
    tagButton('organization', org.publicBody ? 'public_body' : 'business', org.publicBody ? S.publicBody : S.business,
      org.publicBody ? (pubEv.length ? pubEv : orgEv) : [], { class: 'org-kind' })));
  // The first date in the text (found by date.js, not by the classifier).
  const date = opts.date;
  const dateSec = date ? section('date', S.dateInText, h(doc, 'p', { class: 'org' }, dateButton(tagButton, S, date))) : null;
  const reported = section('reported', S.reportedTo, chipList(r.reportedTo.map((t) =>
    tagButton('reportedTo', t.id, label(t), t.evidence))));
  const ppcSec = section('ppc', S.ppcCases, chipList(r.ppcReport.reasons.map((c) =>
    tagButton('ppcReport.reasons', c, S.ppcReason[c] ?? c, caseEvidence(c), { class: 'case' }))));

  const fragment = doc.createDocumentFragment();
  fragment.append(h(doc, 'div', { class: 'overview', part: 'overview' }, orgSec, attacks, dateSec), headline, data, sev, reported, ppcSec);
  return { fragment, tags };
}

/**
 * The quotes of one tag: each span with a little context (from within
 * `bounds`, { start, end }, when given: the notice the tag belongs to), the
 * span itself in <mark>. `onPick(span)` is called when a quote is activated.
 */
export function renderQuotes(doc, text, entry, lang, onPick, bounds = null) {
  const lo = bounds?.start ?? 0;
  const hi = bounds?.end ?? text.length;
  const S = strings(lang);
  const box = doc.createDocumentFragment();
  box.append(h(doc, 'h3', { class: 'quotes-title' }, S.evidenceFor(entry.label)));
  if (!entry.evidence.length) {
    box.append(h(doc, 'p', { class: 'empty' }, S.noEvidence));
    return box;
  }
  const list = h(doc, 'ol', { class: 'quotes', part: 'quotes' });
  for (const e of entry.evidence.slice(0, 50)) {
    // context from the notice itself only (not from its neighbours)
    const before = text.slice(Math.max(lo, e.start - 12), e.start).replace(/\s+/g, ' ');
    const after = text.slice(e.end, Math.min(hi, e.end + 12)).replace(/\s+/g, ' ');
    const btn = h(doc, 'button', { type: 'button', class: 'quote', title: `${S.jumpToQuote} (${e.start}–${e.end}, ${e.rule})`, 'data-start': e.start, 'data-end': e.end },
      h(doc, 'span', { class: 'ctx' }, (e.start - 12 > lo ? '…' : '') + before),
      h(doc, 'mark', {}, text.slice(e.start, e.end)),
      h(doc, 'span', { class: 'ctx' }, after + (e.end + 12 < hi ? '…' : '')));
    btn.addEventListener('click', () => onPick?.(e));
    list.append(h(doc, 'li', {}, btn, h(doc, 'code', { class: 'rule' }, e.rule)));
  }
  box.append(list);
  return box;
}

/**
 * The list of the notices of a text that holds several: one card each with
 * its organisation, the first date of its text, its attack types and its
 * severity (tags that highlight their evidence, like the full view's), and
 * a button that opens the notice's full view in the card's detail box
 * (filled by the caller with renderReport).
 * @param {Document} doc
 * @param {object[]} parts  prepareParts() of classifyAll's result
 * @param {object} opts     { lang, tags: Map to add the tags to, idPrefix, expanded: index or null }
 * @returns {{ fragment: DocumentFragment, cards: {el: Element, toggle: Element, detail: Element}[] }}
 */
export function renderNoticeList(doc, parts, opts) {
  const lang = opts.lang === 'en' ? 'en' : 'ja';
  const S = strings(lang);
  const n = parts.length;
  const cards = parts.map((p, i) => {
    const r = p.report;
    const tagButton = tagFactory(doc, S, opts.tags, i);
    const label = (t) => t.label?.[lang] ?? t.label?.ja ?? t.id;
    const org = r.organization;
    const orgEv = org.evidence ?? [];
    const nameEv = orgEv.filter((e) => !/public/.test(e.rule));
    const titleId = `${opts.idPrefix}-title-${i}`;
    const detailId = `${opts.idPrefix}-detail-${i}`;
    const open = opts.expanded === i;
    const lvl = r.severity.level;
    const toggle = h(doc, 'button', {
      type: 'button', class: 'card-toggle', part: 'card-toggle', 'aria-expanded': String(open), 'aria-controls': detailId,
      'aria-describedby': titleId,
    }, open ? S.hideDetails : S.showDetails);
    const detail = h(doc, 'div', {
      class: 'card-detail', part: 'card-detail', id: detailId, role: 'region', hidden: !open,
      'aria-label': S.detailsOf(i + 1, org.name ?? S.orgUnknownShort),
    });
    const el = h(doc, 'li', { class: `notice-card${open ? ' open' : ''}`, part: 'notice-card', 'data-part': String(i),
      'data-start': String(p.start), 'data-end': String(p.end) },
    h(doc, 'article', { 'aria-labelledby': titleId },
      h(doc, 'h3', { class: 'card-title', id: titleId },
        h(doc, 'span', { class: 'card-no' }, S.noticeNo(i + 1, n)), ' ',
        h(doc, 'span', { class: 'card-heading' }, p.heading ?? org.name ?? S.orgUnknownShort)),
      h(doc, 'div', { class: 'card-facts' },
        tagButton('organization', 'name', org.name ?? S.orgUnknown, org.name ? (nameEv.length ? nameEv : orgEv) : [],
          { class: org.name ? 'org-name' : 'org-name unknown', part: 'org' }),
        p.date ? dateButton(tagButton, S, p.date) : h(doc, 'span', { class: 'no-date' }, S.noDate),
        ...(r.attackTypes.length
          ? r.attackTypes.map((t) => tagButton('attackTypes', t.id, label(t), t.evidence))
          : [h(doc, 'span', { class: 'empty' }, S.noCause)]),
        tagButton('severity', lvl, `${S.severity}: ${S.level[lvl]}`, severitySpans(r).level, { class: `level level-${lvl}`, part: 'severity' }),
        toggle),
      detail));
    return { el, toggle, detail };
  });
  const fragment = doc.createDocumentFragment();
  fragment.append(h(doc, 'section', { class: 'notices', part: 'notices' },
    h(doc, 'h3', { class: 'group-title' }, S.noticesTitle(n)),
    h(doc, 'ol', { class: 'notice-list', role: 'list' }, cards.map((c) => c.el))));
  return { fragment, cards };
}
