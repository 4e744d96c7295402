#!/usr/bin/env node
// Browser tests of the page (www/index.html) and the widget
// (www/embed-demo.html, pkg/widget.js from another origin, load failures) in
// real headless Chromium: Debian's /usr/bin/chromium driven by
// playwright-core (no browser download). Starts its own static servers on
// free ports (scripts/serve.mjs; a second origin for the cross-origin host
// pages). Prints one line per check and a closing "N passed, N failed";
// exits non-zero on any failure, when a group ran no check, or when no check
// ran at all.
//
//   node js/e2e.mjs            (make test-browser)
//   node js/e2e.mjs --only widget,offline   run some groups
//   groups: page hostile loaderrors offline widget offlineReload evidence notices exports widgetnotices
//           crossorigin widgeterrors screenshots
//   CHROMIUM=/path/to/chrome node js/e2e.mjs
//
// Screenshots go to artifacts/ (git-ignored): page-light, page-dark, page-phone-375(-notices),
// page-notices (3 notices, one open, English), page-export-menu, widget-notices, widget-embed-demo,
// embed-demo-page, widget-load-error.

import { chromium } from 'playwright-core';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from '../scripts/serve.mjs';
import { SAMPLES } from '../www/lib/samples.js';
import { classify as classifyInNode, classifyAll as classifyAllInNode, toVeris, toStix, toMisp } from '../www/pkg/node.js';

const ROOT = fileURLToPath(new URL('../www/', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const only = (() => { const i = process.argv.indexOf('--only'); return i > 0 ? process.argv[i + 1].split(',') : null; })();

let passed = 0;
let failed = 0;
const failures = [];
function check(ok, msg, detail = '') {
  if (ok) { passed++; console.log(`ok - ${msg}`); } else {
    failed++;
    failures.push(msg);
    console.log(`not ok - ${msg}${detail ? `\n    ${String(detail).slice(0, 600).replace(/\n/g, '\n    ')}` : ''}`);
  }
  return ok;
}

if (!['jikenbo.js', 'jikenbo_bg.wasm', 'widget.js', 'node.js'].every((f) => existsSync(new URL(`../www/pkg/${f}`, import.meta.url)))
  || !existsSync(new URL('../www/sw-manifest.js', import.meta.url))) {
  console.log('not ok - www/pkg/ holds no package: run `make www` first');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
mkdirSync(ARTIFACTS, { recursive: true });

/** A static server on a free port; `hits(path)` counts the requests for a path. */
async function listen(server) {
  const counts = new Map();
  server.on('request', (req) => {
    const path = new URL(req.url, 'http://x').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { server, url, origin: new URL(url).origin, hits: (path) => counts.get(path) ?? 0, reset: () => counts.clear() };
}
const main = await listen(createStaticServer(ROOT));
const { server } = main;
const base = main.url;
const origin = main.origin;
const servers = [main];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

/**
 * A fresh context with the guards every test wants: every request recorded
 * (URL and body), anything outside our origin aborted, dialogs fail the test,
 * console errors and page errors recorded.
 */
async function guardedPage(opts = {}, allowed = [origin]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  const g = { context, requests: [], foreign: [], dialogs: [], errors: [], console: [], allowed };
  await context.route('**/*', (route) => {
    const req = route.request();
    const u = req.url();
    g.requests.push({ url: u, body: req.postData() ?? '' });
    if (u.startsWith('data:') || u.startsWith('blob:') || allowed.includes(new URL(u).origin)) return route.continue();
    g.foreign.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  g.page = page;
  page.on('dialog', (d) => { g.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => g.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    g.console.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') g.errors.push(`console: ${m.text()}`);
  });
  return g;
}

const ready = (page) => page.waitForSelector('body[data-ready]', { timeout: 20000 });
const tagsOf = (page, scope = '') => page.$$eval(`${scope} [data-tag]`, (els) => els.map((e) => e.getAttribute('data-tag')));

/** For every tag with evidence in `root`: focus it and compare the mirror's marks with text.slice(). */
async function checkHighlights(page, label, rootSel = '') {
  const handles = await page.$$(`${rootSel} .results [data-tag][data-evidence]:not([data-evidence=""])`);
  let spans = 0;
  const bad = [];
  for (const h of handles) {
    await h.focus();
    const res = await h.evaluate((tag) => {
      const root = tag.getRootNode();
      const ta = root.querySelector('textarea.notice');
      const mirror = root.querySelector('.mirror');
      const text = ta.value;
      const marks = [...mirror.querySelectorAll('mark')].map((m) => ({ s: +m.dataset.start, e: +m.dataset.end, t: m.textContent }));
      const out = [];
      for (const pair of tag.dataset.evidence.split(' ')) {
        const [s, e] = pair.split('-').map(Number);
        const inside = marks.filter((m) => m.s >= s && m.e <= e).sort((a, b) => a.s - b.s);
        const joined = inside.map((m) => m.t).join('');
        const contiguous = inside.length > 0 && inside[0].s === s && inside.at(-1).e === e && inside.every((m, i) => i === 0 || inside[i - 1].e === m.s);
        out.push({ s, e, ok: contiguous && joined === text.slice(s, e), want: text.slice(s, e), got: joined });
      }
      const mirrorText = mirror.textContent.replace(/\u200b$/, '');
      return { tag: tag.dataset.tag, out, mirrorSame: mirrorText === text, active: tag.classList.contains('active') };
    });
    spans += res.out.length;
    for (const o of res.out) if (!o.ok) bad.push(`${res.tag} ${o.s}-${o.e}: want ${JSON.stringify(o.want)} got ${JSON.stringify(o.got)}`);
    if (!res.mirrorSame) bad.push(`${res.tag}: mirror text differs from the textarea`);
    if (!res.active) bad.push(`${res.tag}: focused tag not marked active`);
  }
  check(handles.length > 0 && bad.length === 0, `${label}: focusing each of ${handles.length} tags highlights exactly text.slice(start,end) of its ${spans} spans`, bad.join('\n'));
}

/** The textarea and its mirror must lay text out identically. */
async function checkMirrorGeometry(page, label, rootSel = '') {
  const diff = await page.$eval(`${rootSel} textarea.notice`, (ta) => {
    const mirror = ta.getRootNode().querySelector('.mirror');
    const a = getComputedStyle(ta);
    const b = getComputedStyle(mirror);
    const props = ['font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'word-spacing', 'tab-size',
      'white-space', 'overflow-wrap', 'word-break', 'line-break', 'text-indent', 'text-transform', 'box-sizing',
      'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border-top-width', 'border-right-width',
      'border-bottom-width', 'border-left-width', 'scrollbar-gutter'];
    const out = props.filter((p) => a.getPropertyValue(p) !== b.getPropertyValue(p)).map((p) => `${p}: ${a.getPropertyValue(p)} vs ${b.getPropertyValue(p)}`);
    const ra = ta.getBoundingClientRect();
    const rb = mirror.getBoundingClientRect();
    if (Math.abs(ra.width - rb.width) > 0.5 || Math.abs(ra.left - rb.left) > 0.5 || Math.abs(ra.top - rb.top) > 0.5) out.push(`box ${ra.left},${ra.top},${ra.width} vs ${rb.left},${rb.top},${rb.width}`);
    if (ta.clientWidth !== mirror.clientWidth) out.push(`clientWidth ${ta.clientWidth} vs ${mirror.clientWidth}`);
    if (Math.abs(ta.scrollHeight - mirror.scrollHeight) > 1) out.push(`scrollHeight ${ta.scrollHeight} vs ${mirror.scrollHeight}`);
    if (ta.scrollTop !== mirror.scrollTop) out.push(`scrollTop ${ta.scrollTop} vs ${mirror.scrollTop}`);
    return out;
  });
  check(diff.length === 0, `${label}: mirror has the textarea's font, box, wrapping and scroll position`, diff.join('\n'));
}

function noLeak(g, label, secrets) {
  const foreign = [...g.foreign, ...g.requests.map((r) => r.url).filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !g.allowed.includes(new URL(u).origin))];
  check(foreign.length === 0, `${label}: no request left ${g.allowed.join(' and ')}`, foreign.join('\n'));
  const carrying = g.requests.filter((r) => secrets.some((s) => {
    const variants = [s, encodeURIComponent(s), encodeURI(s)];
    let url = r.url;
    try { url = decodeURIComponent(r.url); } catch { /* keep raw */ }
    return variants.some((v) => r.url.includes(v) || url.includes(s) || r.body.includes(v));
  }));
  check(carrying.length === 0, `${label}: no request URL or body carries the pasted text (${g.requests.length} requests, all static files)`,
    carrying.map((r) => r.url).join('\n'));
}

function noErrors(g, label) {
  check(g.dialogs.length === 0, `${label}: no dialog opened`, g.dialogs.join('\n'));
  check(g.errors.length === 0, `${label}: no console error or page error`, g.errors.join('\n'));
}

// ---- several notices in one text --------------------------------------------------
// Written for these tests: three invented notices (organisations, places and
// figures made up) under casebook headings. No corpus text.
const THREE = [
  '【セキュリティ事件簿#901】星空運輸株式会社 ランサムウェア感染のお知らせ',
  '2025年11月4日',
  '星空運輸株式会社',
  '',
  '当社の配送管理サーバーがランサムウェアに感染し、配送システムが停止いたしました。お客様の氏名、住所、電話番号 約4,500件が暗号化され、外部に流出した可能性がございます。警察および個人情報保護委員会へ報告いたしました。',
  '',
  '【セキュリティ事件簿#902】こもれび町 住民票の写しの誤送付について',
  '令和7年11月10日',
  'こもれび町役場 住民課',
  '',
  '住民課において、住民票の写しを別の方の住所へ誤って郵送いたしました。記載されていた情報は、氏名、住所、生年月日です。対象は1名で、書類は回収済みです。',
  '',
  '【セキュリティ事件簿#903】私立みなと高等学校 メール誤送信のお詫び',
  '2025年12月1日',
  '私立みなと高等学校',
  '',
  '本校の職員が保護者あてのメールを送信する際、宛先をBCCではなくTOに設定したため、保護者320名のメールアドレスが他の受信者に表示されました。',
  '',
].join('\n');
const THREE_ORGS = ['星空運輸株式会社', 'こもれび町', '私立みなと高等学校'];
const THREE_DATES = ['date:2025-11-04', 'date:2025-11-10', 'date:2025-12-01'];
const THREE_ATTACKS = [['ransomware'], ['misdelivery'], ['misdelivery']];
const THREE_PARTS = classifyAllInNode(THREE);
const CSV_HEADER = 'id,organization,date,attack_types,data_categories,leak_status,affected_count,severity,ppc_report_required,ppc_reasons,public_body,reported_to';

/** Records the type of every Blob made into an object URL (the downloads' MIME types). */
const recordBlobs = () => {
  window.__blobs = [];
  const make = URL.createObjectURL;
  URL.createObjectURL = function createObjectURL(b) {
    const url = make.call(URL, b);
    window.__blobs.push({ url, type: b?.type ?? null });
    return url;
  };
};

/** Click `selector`; the download it starts: name, URL, bytes, text and the Blob's type. */
async function downloadOf(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(selector)]);
  const bytes = readFileSync(await d.path());
  const url = d.url();
  const type = await page.evaluate((u) => window.__blobs?.find((b) => b.url === u)?.type ?? null, url);
  return { name: d.suggestedFilename(), url, bytes, text: bytes.toString('utf8'), type };
}

/** The cards of the notice list (in the page, or in widget `host`'s shadow root). */
const cardsOf = (page, host = null) => page.evaluate((host) => {
  const root = host ? document.querySelector(host).shadowRoot : document;
  return [...root.querySelectorAll('.results .notice-card')].map((c) => ({
    part: Number(c.dataset.part), start: Number(c.dataset.start), end: Number(c.dataset.end),
    org: c.querySelector('.card-facts [data-tag="organization:name"] .tag-label')?.textContent ?? null,
    attacks: [...c.querySelectorAll('.card-facts [data-tag^="attackTypes:"]')].map((e) => e.dataset.tag.slice('attackTypes:'.length)),
    severity: c.querySelector('.card-facts [data-tag^="severity:"]')?.dataset.tag ?? null,
    date: c.querySelector('.card-facts [data-tag^="date:"]')?.dataset.tag ?? null,
    spans: [...c.querySelectorAll('.card-facts [data-evidence]')].flatMap((e) => (e.dataset.evidence ? e.dataset.evidence.split(' ') : []))
      .map((p) => p.split('-').map(Number)),
    expanded: c.querySelector('.card-toggle').getAttribute('aria-expanded'),
    detailShown: !c.querySelector('.card-detail').hidden && c.querySelector('.card-detail').getBoundingClientRect().height > 0,
    detailTags: c.querySelectorAll('.card-detail [data-tag]').length,
  }));
}, host);

/**
 * The notice list of THREE: three cards, in text order, with their
 * organisations, dates, attack types and severities, each card's spans in
 * its own part (the spans classifyAll gives).
 */
async function checkThreeCards(page, label, host = null) {
  const cards = await cardsOf(page, host);
  check(cards.length === 3 && JSON.stringify(cards.map((c) => c.org)) === JSON.stringify(THREE_ORGS),
    `${label}: a paste of 3 notices under 【…#…】 headings shows 3 cards with their organisations (${cards.map((c) => c.org).join(', ')})`, JSON.stringify(cards));
  check(cards.length === 3 && cards.every((c, i) => c.start === THREE_PARTS[i].start && c.end === THREE_PARTS[i].end
    && JSON.stringify(c.attacks) === JSON.stringify(THREE_ATTACKS[i]) && c.date === THREE_DATES[i]
    && c.severity === `severity:${THREE_PARTS[i].report.severity.level}`),
    `${label}: each card has its notice's span, date, attack types and severity (${cards.map((c) => `${c.date?.slice(5)} ${c.attacks} ${c.severity?.slice(9)}`).join('; ')})`, JSON.stringify(cards));
  const outside = cards.flatMap((c) => c.spans.filter(([s, e]) => !(s >= c.start && e <= c.end)).map(([s, e]) => `card ${c.part}: ${s}-${e}`));
  check(cards.length === 3 && cards.every((c) => c.spans.length > 0) && outside.length === 0,
    `${label}: every span a card cites lies inside its own notice`, outside.join('\n'));
  return cards;
}

/**
 * Focus every tag of card `i` (its facts and, when open, its full result):
 * the field highlights exactly text.slice(start, end) of each span, every
 * highlight lies inside the card's notice, and so do the quotes' context;
 * with the card open, the faint underlines and the tint are its notice's only.
 */
async function checkPartHighlights(page, label, i, host = null) {
  const handles = await page.$$(`${host ? `${host} ` : ''}.notice-card[data-part="${i}"] [data-tag][data-evidence]:not([data-evidence=""])`);
  const bad = [];
  let spans = 0;
  let detail = 0;
  for (const hd of handles) {
    await hd.focus();
    const res = await hd.evaluate((tag) => {
      const root = tag.getRootNode();
      const ta = root.querySelector('textarea.notice');
      const mirror = root.querySelector('.mirror');
      const card = tag.closest('.notice-card');
      const [ps, pe] = [Number(card.dataset.start), Number(card.dataset.end)];
      const open = card.querySelector('.card-toggle').getAttribute('aria-expanded') === 'true';
      const text = ta.value;
      const marks = [...mirror.querySelectorAll('mark')].map((m) => ({ s: +m.dataset.start, e: +m.dataset.end, t: m.textContent }));
      const out = [];
      for (const pair of tag.dataset.evidence.split(' ')) {
        const [s, e] = pair.split('-').map(Number);
        const inside = marks.filter((m) => m.s >= s && m.e <= e).sort((a, b) => a.s - b.s);
        const ok = inside.length > 0 && inside[0].s === s && inside.at(-1).e === e && inside.map((m) => m.t).join('') === text.slice(s, e);
        out.push({ s, e, ok });
      }
      const strayMarks = marks.filter((m) => m.s < ps || m.e > pe).map((m) => `${m.s}-${m.e}`);
      const faint = [...mirror.querySelectorAll('.ev')].map((m) => [+m.dataset.start, +m.dataset.end]);
      const strayFaint = open ? faint.filter(([s, e]) => s < ps || e > pe).map(([s, e]) => `${s}-${e}`) : [];
      const tint = [...mirror.querySelectorAll('.in-part')].map((m) => [+m.dataset.start, +m.dataset.end]);
      const tintOk = !open || (tint.length > 0 && Math.min(...tint.map((t) => t[0])) === ps && Math.max(...tint.map((t) => t[1])) === pe);
      const part = text.slice(ps, pe).replace(/\s+/g, ' ');
      const quotes = [...root.querySelectorAll('.quotes-panel .quote')].map((q) => q.textContent.replace(/…/g, ''));
      const strayQuotes = quotes.filter((q) => !part.includes(q));
      return { tag: tag.dataset.tag, inDetail: !!tag.closest('.card-detail'), out, strayMarks, strayFaint, tintOk, strayQuotes, quotes: quotes.length };
    });
    spans += res.out.length;
    if (res.inDetail) detail++;
    for (const o of res.out) if (!o.ok) bad.push(`${res.tag} ${o.s}-${o.e}: highlight is not text.slice()`);
    if (res.strayMarks.length) bad.push(`${res.tag}: highlights outside the notice: ${res.strayMarks}`);
    if (res.strayFaint.length) bad.push(`${res.tag}: underlines outside the open notice: ${res.strayFaint}`);
    if (!res.tintOk) bad.push(`${res.tag}: the tint is not the open notice's span`);
    if (res.strayQuotes.length || !res.quotes) bad.push(`${res.tag}: quotes (${res.quotes}) with context from outside the notice: ${res.strayQuotes.join(' | ')}`);
  }
  check(handles.length > 0 && bad.length === 0,
    `${label}: focusing each of the ${handles.length} tags of card ${i + 1} (${detail} in its full result) highlights its ${spans} spans, all inside its notice`, bad.join('\n'));
  return detail;
}

/** The download menu's choice of notices (page or widget `host`). */
const menuState = (page, host = null) => page.evaluate((host) => {
  const root = host ? document.querySelector(host).shadowRoot : document;
  const m = root.querySelector('details.export');
  const [one, all] = [...m.querySelectorAll('.export-scope input')];
  return {
    open: m.open,
    scopeShown: !m.querySelector('.export-scope').hidden,
    one: { checked: one.checked, disabled: one.disabled, label: one.parentElement.textContent.trim() },
    all: { checked: all.checked, label: all.parentElement.textContent.trim() },
    noteAll: !m.querySelector('.export-note-all').hidden ? m.querySelector('.export-note-all').textContent : null,
    formats: [...m.querySelectorAll('[data-format]')].map((b) => b.textContent),
  };
}, host);

const EXT = { report: 'report.json', veris: 'veris.json', stix: 'stix.json', misp: 'misp.json', csv: 'csv' };
const MIME = { report: 'application/json', veris: 'application/json', stix: 'application/stix+json;version=2.1', misp: 'application/json', csv: 'text/csv;charset=utf-8' };
const parseJson = (t) => { try { return JSON.parse(t); } catch { return undefined; } };
const csvRows = (t) => t.replace(/^\ufeff/, '').split('\r\n').filter(Boolean).map((l) => l.split(','));

// Chromium starts at most 10 downloads a second from one page (it drops the
// rest): no page below is asked for more than 10 downloads in all.
const menuOf = (page, host) => {
  const sel = (x) => `${host ? `${host} ` : ''}${x}`;
  const openMenu = async () => { if (!(await menuState(page, host)).open) await page.click(sel('details.export > summary')); };
  return { sel, openMenu };
};

/**
 * Download every format of all notices from the menu (page, or widget
 * `host`) with THREE in the field and no card open, then the CSV for
 * Excel; then an export error, shown in both languages (7 downloads).
 */
async function checkDownloadsAll(page, label, host = null) {
  const { sel, openMenu } = menuOf(page, host);
  await openMenu();
  let st = await menuState(page, host);
  check(st.scopeShown && st.all.checked && st.one.disabled && /3/.test(st.all.label) && !!st.noteAll && st.formats.length === 5,
    `${label}: with nothing open the menu offers all notices (${st.all.label}); the open-notice choice waits for a card; the note says what "all" gives`, JSON.stringify(st));

  // ---- all notices
  const all = {};
  for (const f of ['report', 'veris', 'stix', 'misp', 'csv']) {
    await openMenu();
    all[f] = await downloadOf(page, sel(`details.export [data-format="${f}"]`));
  }
  const allName = (f) => `jikenbo-3-notices-2025-11-04_2025-12-01.${EXT[f]}`;
  const names = Object.entries(all).filter(([f, d]) => d.name !== allName(f) || d.type !== MIME[f] || !d.url.startsWith('blob:'));
  check(names.length === 0, `${label}: every "all notices" download is made in the page (blob:) with its name and MIME type (${all.veris.name}, ${all.stix.type})`,
    names.map(([f, d]) => `${f}: ${d.name} ${d.type} ${d.url}`).join('\n'));
  const rep = parseJson(all.report.text);
  check(Array.isArray(rep) && rep.length === 3 && rep.every((p, i) => p.start === THREE_PARTS[i].start && p.report.schema === 1
    && p.report.organization.name === THREE_ORGS[i] && p.report.attackTypes.every((t) => t.evidence.every((e) => THREE.slice(e.start, e.end) === e.text))),
    `${label}: report JSON of all notices: an array of 3 { start, end, heading, report }, offsets into the pasted text`, all.report.text.slice(0, 300));
  const veris = parseJson(all.veris.text);
  check(Array.isArray(veris) && veris.length === 3 && veris.every((v, i) => v.schema_version === '1.4.1' && v.victim?.victim_id === THREE_ORGS[i]),
    `${label}: VERIS of all notices: an array of 3 incidents, schema_version "1.4.1", one victim each`, all.veris.text.slice(0, 300));
  const stix = parseJson(all.stix.text);
  check(Array.isArray(stix) && stix.length === 3 && stix.every((b) => b.type === 'bundle' && b.objects.some((o) => o.type === 'incident')) && new Set(stix.map((b) => b.id)).size === 3,
    `${label}: STIX of all notices: an array of 3 bundles, each with its incident`, all.stix.text.slice(0, 300));
  const misp = parseJson(all.misp.text);
  check(Array.isArray(misp) && misp.length === 3 && misp.every((m) => typeof m.Event?.info === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(m.Event.date)),
    `${label}: MISP of all notices: an array of 3 { Event }`, all.misp.text.slice(0, 300));
  const rows = csvRows(all.csv.text);
  check(all.csv.bytes[0] !== 0xef && all.csv.text.startsWith(`${CSV_HEADER}\r\n`) && all.csv.text.endsWith('\r\n') && rows.length === 4
    && JSON.stringify(rows.slice(1).map((r) => [r[0], r[1]])) === JSON.stringify(THREE_ORGS.map((o, i) => [String(i + 1), o])),
    `${label}: CSV of all notices: the header and one row per notice (CRLF, no BOM unless asked)`, all.csv.text.slice(0, 400));

  await checkExcelAndErrors(page, label, host);
  return all;
}

/** With THREE in the field: open card 2 and download every format of it (5 downloads). */
async function checkDownloadsOne(page, label, host = null) {
  const { sel, openMenu } = menuOf(page, host);
  await page.click(sel('.notice-card[data-part="1"] .card-toggle'));
  await openMenu();
  const st = await menuState(page, host);
  check(st.one.checked && !st.one.disabled && st.one.label.includes('こもれび町'), `${label}: opening card 2 makes it the notice to save ("${st.one.label}")`, JSON.stringify(st));
  const one = {};
  for (const f of ['report', 'veris', 'stix', 'misp', 'csv']) {
    await openMenu();
    one[f] = await downloadOf(page, sel(`details.export [data-format="${f}"]`));
  }
  const oneNames = Object.entries(one).filter(([f, d]) => d.name !== `jikenbo-こもれび町-2025-11-10.${EXT[f]}` || d.type !== MIME[f]);
  check(oneNames.length === 0, `${label}: the open notice's files are named from its organisation and date (${one.misp.name})`, oneNames.map(([f, d]) => `${f}: ${d.name} ${d.type}`).join('\n'));
  const partText = THREE.slice(THREE_PARTS[1].start, THREE_PARTS[1].end);
  const own = classifyInNode(partText);
  const opts = { text: partText, created: '2026-01-01' };
  const r1 = parseJson(one.report.text);
  const v1 = parseJson(one.veris.text);
  const s1 = parseJson(one.stix.text);
  const m1 = parseJson(one.misp.text);
  check(r1?.schema === 1 && r1.organization.name === 'こもれび町' && r1.dataCategories.every((d) => d.evidence.every((e) => THREE.slice(e.start, e.end) === e.text)),
    `${label}: report JSON of the open notice: its report, offsets into the pasted text`, one.report.text.slice(0, 200));
  check(v1?.schema_version === '1.4.1' && !Array.isArray(v1) && v1.incident_id === toVeris(own, opts).incident_id,
    `${label}: VERIS of the open notice: one incident, schema_version "1.4.1", the id the package gives the notice's own text (as export --split)`, one.veris.text.slice(0, 200));
  check(s1?.type === 'bundle' && s1.id === toStix(own, opts).id && s1.objects.some((o) => o.type === 'incident'),
    `${label}: STIX of the open notice: one bundle (${s1?.objects?.length} objects), the package's ids`, one.stix.text.slice(0, 200));
  check(m1?.Event?.uuid === toMisp(own, opts).Event.uuid, `${label}: MISP of the open notice: one Event, the package's uuid`, one.misp.text.slice(0, 200));
  const oneRows = csvRows(one.csv.text);
  check(oneRows.length === 2 && oneRows[0].join(',') === CSV_HEADER && oneRows[1][0] === '2' && oneRows[1][1] === 'こもれび町' && oneRows[1][2] === '2025-11-10',
    `${label}: CSV of the open notice: the header and its one row (${oneRows[1]?.slice(0, 3)})`, one.csv.text);
  return one;
}

/** The CSV for Excel (a BOM), then an export error in both languages, then a download that works (2 downloads). */
async function checkExcelAndErrors(page, label, host = null) {
  const { sel, openMenu } = menuOf(page, host);

  // ---- CSV for Excel: a UTF-8 BOM
  await openMenu();
  await page.check(sel('details.export .export-excel-box'));
  const excel = await downloadOf(page, sel('details.export [data-format="csv"]'));
  check(excel.bytes[0] === 0xef && excel.bytes[1] === 0xbb && excel.bytes[2] === 0xbf && excel.text.slice(1).startsWith(CSV_HEADER) && csvRows(excel.text).length === 4,
    `${label}: "CSV for Excel" starts with the UTF-8 BOM (EF BB BF), 3 rows`, excel.bytes.subarray(0, 8).toString('hex'));
  await openMenu();
  await page.uncheck(sel('details.export .export-excel-box'));

  // ---- an export error: shown in both languages, nothing saved
  const blobsBefore = await page.evaluate(() => {
    window.__iso = Date.prototype.toISOString;
    Date.prototype.toISOString = () => 'soon'; // a clock that gives a malformed time
    return window.__blobs.length;
  });
  await page.click(sel('details.export [data-format="veris"]'));
  const err = await page.evaluate((host) => {
    Date.prototype.toISOString = window.__iso;
    const root = host ? document.querySelector(host).shadowRoot : document;
    const box = root.querySelector('.export-error');
    return {
      shown: !box.hidden && box.getBoundingClientRect().height > 0, role: box.getAttribute('role'),
      ja: box.querySelector('[lang="ja"]')?.textContent ?? '', en: box.querySelector('[lang="en"]')?.textContent ?? '',
      code: box.querySelector('code')?.textContent ?? '', blobs: window.__blobs.length, open: root.querySelector('details.export').open,
    };
  }, host);
  check(err.shown && err.role === 'alert' && err.open && /作成日時/.test(err.ja) && /creation time/.test(err.en) && /invalid_created/.test(err.code) && err.blobs === blobsBefore,
    `${label}: an export error (invalid_created) is shown in the menu in Japanese and English, and no file is made`, JSON.stringify(err));
  const again = await downloadOf(page, sel('details.export [data-format="veris"]'));
  const gone = await page.evaluate((host) => (host ? document.querySelector(host).shadowRoot : document).querySelector('.export-error').hidden, host);
  check(Array.isArray(parseJson(again.text)) && parseJson(again.text).every((v) => v.schema_version === '1.4.1') && gone, `${label}: the next download works and the error goes`, again.text.slice(0, 100));
}

async function paste(page, selector, text) {
  // A real paste: put the text on the clipboard, then Ctrl+V into the field.
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus(selector);
  await page.keyboard.press('Control+V');
}

// ---------------------------------------------------------------------------
const GROUPS = {};

GROUPS.page = async () => {
  const g = await guardedPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = g;
  const wasmTypes = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmTypes.push(r.headers()['content-type']); });
  await page.goto(`${base}?lang=ja&theme=light`);
  const sawLoading = await page.evaluate(() => document.getElementById('status').textContent.length > 0);
  await ready(page);
  check(sawLoading, 'page: a loading / status line is shown');
  check(wasmTypes.length === 1 && wasmTypes[0] === 'application/wasm', `page: the .wasm is fetched once, as application/wasm (${wasmTypes})`);

  const sample = SAMPLES.find((s) => s.id === 'hospital');
  const t0 = Date.now();
  await paste(page, '#notice', sample.text);
  // no click: a paste classifies at once
  await page.waitForSelector('[data-tag="attackTypes:ransomware"]', { timeout: 3000 }).catch(() => {});
  const tags = await tagsOf(page);
  check(await page.$eval('#notice', (t) => t.value) === sample.text, 'page: the pasted text is in the field unchanged');
  const want = ['attackTypes:ransomware', 'dataCategories:medical', 'dataCategories:name', 'leakStatus:possible',
    'severity:critical', 'reportedTo:police', 'reportedTo:ppc', 'ppcReport:required', 'ppcReport.reasons:case1_special_care',
    'organization:public_body'];
  const missing = want.filter((w) => !tags.includes(w));
  check(missing.length === 0, `page: a pasted notice shows its tags without a click (${Date.now() - t0} ms)`, `missing ${missing}; got ${tags.join(' ')}`);
  const untagged = await page.$$eval('.results .tag', (els) => els.filter((e) => !/^[a-zA-Z.]+:[^\s]+$/.test(e.dataset.tag ?? '')).length);
  check(untagged === 0, 'page: every tag element carries data-tag="<field>:<id>"');
  const tier = await page.$eval('[data-tag="dataCategories:medical"] .tag-badge', (e) => e.textContent);
  check(/3/.test(tier), `page: data categories show their tier (${tier})`);

  await checkHighlights(page, 'page');
  await checkMirrorGeometry(page, 'page');

  // hover highlights too, and the quote list repeats the span text
  await page.hover('[data-tag="attackTypes:ransomware"]');
  const hover = await page.evaluate(() => {
    const ta = document.getElementById('notice');
    const ev = document.querySelector('[data-tag="attackTypes:ransomware"]').dataset.evidence.split(' ').map((p) => p.split('-').map(Number));
    const marks = [...document.querySelectorAll('#mirror mark')].map((m) => m.textContent);
    const quotes = [...document.querySelectorAll('#quotes .quote mark')].map((m) => m.textContent);
    return { want: ev.map(([s, e]) => ta.value.slice(s, e)), marks, quotes };
  });
  check(JSON.stringify(hover.marks) === JSON.stringify(hover.want) && JSON.stringify(hover.quotes) === JSON.stringify(hover.want),
    `page: hovering a tag highlights its spans and lists its quotes (${hover.want.join(', ')})`, JSON.stringify(hover));

  // keyboard: a quote selects its passage in the field
  await page.focus('[data-tag="dataCategories:medical"]');
  await page.click('#quotes .quote >> nth=0');
  const sel = await page.evaluate(() => {
    const ta = document.getElementById('notice');
    return { active: document.activeElement === ta, text: ta.value.slice(ta.selectionStart, ta.selectionEnd) };
  });
  const medicalFirst = await page.evaluate(() => {
    const [s, e] = document.querySelector('[data-tag="dataCategories:medical"]').dataset.evidence.split(' ')[0].split('-').map(Number);
    return document.getElementById('notice').value.slice(s, e);
  });
  check(sel.active && sel.text === medicalFirst, `page: activating a quote selects "${medicalFirst}" in the field`, JSON.stringify(sel));

  // accessibility basics
  const a11y = await page.evaluate(() => ({
    label: document.querySelector('label[for="notice"]') !== null,
    live: document.getElementById('summary').getAttribute('aria-live'),
    summary: document.getElementById('summary').textContent,
    status: document.getElementById('status').getAttribute('role'),
    mirrorHidden: document.getElementById('mirror').getAttribute('aria-hidden'),
    buttons: [...document.querySelectorAll('button')].filter((b) => !b.textContent.trim() && !b.getAttribute('aria-label')).length,
  }));
  check(a11y.label && a11y.live === 'polite' && a11y.summary.length > 0 && a11y.status === 'status' && a11y.mirrorHidden === 'true' && a11y.buttons === 0,
    'page: labelled field, aria-live summary, status role, mirror hidden from screen readers, no unnamed button', JSON.stringify(a11y));

  // typing: debounced update, no click
  await page.focus('#notice');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nなお、マイナンバー（個人番号）が記載された書類も含まれていました。');
  await page.waitForSelector('[data-tag="dataCategories:my_number"]', { timeout: 3000 }).catch(() => {});
  check((await tagsOf(page)).includes('dataCategories:my_number'), 'page: typing updates the result (debounced)');

  // language switch: interface and labels from the report
  const jaLabel = await page.textContent('[data-tag="attackTypes:ransomware"] .tag-label');
  await page.click('#lang-en');
  const en = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    label: document.querySelector('[data-tag="attackTypes:ransomware"] .tag-label').textContent,
    title: document.getElementById('results-title').textContent,
  }));
  check(jaLabel === 'ランサムウェア' && en.lang === 'en' && en.label === 'Ransomware' && en.title === 'Result',
    `page: ja/en switch changes interface and labels (${jaLabel} → ${en.label})`, JSON.stringify(en));
  await page.click('#lang-ja');

  // theme toggle
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await bg();
  await page.click('#theme'); // light → dark
  const dark = await bg();
  check(light !== dark && (await page.getAttribute('html', 'data-theme')) === 'dark', `page: theme toggle switches to dark (${light} → ${dark})`);
  await page.click('#theme'); // dark → auto
  await page.click('#theme'); // auto → light

  // copy and download JSON
  await page.click('#copy');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  let copiedOk = false;
  try { const r = JSON.parse(copied); copiedOk = r.schema === 1 && r.attackTypes.some((t) => t.id === 'ransomware'); } catch { /* not JSON */ }
  check(copiedOk, 'page: "copy JSON" puts the report on the clipboard', copied.slice(0, 200));
  await page.click('#export summary');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), page.click('#export [data-format="report"]')]);
  const dlPath = await download.path();
  let dlOk = false;
  try { const r = JSON.parse(readFileSync(dlPath, 'utf8')); dlOk = r.schema === 1 && download.suggestedFilename().endsWith('.json'); } catch { /* not JSON */ }
  check(dlOk, `page: "download JSON" saves the report (${download.suggestedFilename()})`);

  // samples and clear
  await page.selectOption('#sample', 'shop');
  await page.waitForSelector('[data-tag="attackTypes:payment_skimming"]', { timeout: 3000 }).catch(() => {});
  const shop = await tagsOf(page);
  check(shop.includes('attackTypes:payment_skimming') && shop.includes('dataCategories:payment_card') && shop.includes('ppcReport.reasons:case2_financial'),
    'page: the card-skimming sample classifies', shop.join(' '));
  for (const s of SAMPLES) {
    await page.selectOption('#sample', s.id);
    const n = (await tagsOf(page)).length;
    if (!check(n > 4, `page: sample "${s.id}" gives a result (${n} tags)`)) break;
  }
  await page.click('#clear');
  const cleared = await page.evaluate(() => ({ v: document.getElementById('notice').value, tags: document.querySelectorAll('#results [data-tag]').length, focus: document.activeElement.id }));
  check(cleared.v === '' && cleared.tags === 0 && cleared.focus === 'notice', 'page: clear empties field and result, focus back in the field');

  noLeak(g, 'page', ['みどり台総合病院', 'マイナンバー（個人番号）が記載']);
  noErrors(g, 'page');
  await g.context.close();
};

GROUPS.hostile = async () => {
  const g = await guardedPage();
  const { page } = g;
  await page.goto(`${base}?lang=ja`);
  await ready(page);
  // record every element added outside the result areas
  await page.evaluate(() => {
    window.__strays = [];
    const allowed = ['results', 'mirror', 'quotes', 'summary', 'status', 'toast', 'chars', 'sample'];
    new MutationObserver((muts) => {
      for (const m of muts) {
        for (const n of m.addedNodes) {
          if (n.nodeType !== 1) continue;
          if (allowed.some((id) => document.getElementById(id)?.contains(n))) continue;
          window.__strays.push(n.outerHTML.slice(0, 120));
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
  const hostile = [
    '当院のサーバーがランサムウェア<img src=x onerror=alert(1)>に感染し、患者の氏名<script>alert(2)</script>と病名が',
    '"><svg onload=alert(3)>流出した可能性があります。</textarea><iframe src="javascript:alert(4)"></iframe>',
    '{{constructor.constructor(\'alert(5)\')()}} ${alert(6)} <a href="javascript:alert(7)">x</a> &lt;b&gt; &amp; \u202e逆向き\u202c 😀𠮷',
  ].join('\n');
  await page.fill('#notice', hostile);
  await page.waitForSelector('[data-tag="attackTypes:ransomware"]', { timeout: 3000 }).catch(() => {});
  check((await tagsOf(page)).includes('attackTypes:ransomware'), 'hostile: markup in the text does not stop classification');
  await checkHighlights(page, 'hostile');
  // focus a tag whose quotes contain the markup
  await page.focus('[data-tag="attackTypes:ransomware"]');
  await page.hover('[data-tag="dataCategories:name"]').catch(() => {});
  const dom = await page.evaluate((text) => ({
    value: document.getElementById('notice').value === text,
    mirror: document.getElementById('mirror').textContent.replace(/\u200b$/, '') === text,
    injected: document.querySelectorAll('img, script:not([src]), svg, iframe, a[href^="javascript"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.parentElement !== document.head).length, // the page's own are in <head>
    strays: window.__strays,
  }), hostile);
  check(dom.value && dom.mirror, 'hostile: field and mirror hold the text verbatim, as text');
  check(dom.injected === 0 && dom.scripts === 0, `hostile: no element was created from the text (img/svg/iframe/script: ${dom.injected})`);
  check(dom.strays.length === 0, 'hostile: no new element outside the result areas', dom.strays.join('\n'));
  check(!g.requests.some((r) => /\/x$/.test(r.url)), 'hostile: <img src=x> was never requested');

  check(await page.evaluate(() => document.body.dataset.engine) === 'worker', 'hostile: classification runs in a Web Worker');

  // 1 MB notice: shown as text, the page stays responsive while the worker
  // classifies it, and the next input cancels that run.
  const unit = SAMPLES.map((s) => s.text).join('\n') + '\n' + hostile + '\n';
  const big = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
  let t0 = Date.now();
  await page.evaluate((t) => {
    const ta = document.getElementById('notice');
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  const setMs = Date.now() - t0;
  await page.waitForSelector('#results[aria-busy="true"]', { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(1500);
  t0 = Date.now();
  const during = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => {
    document.getElementById('theme').focus();
    r({ busy: document.getElementById('results').getAttribute('aria-busy'), status: document.getElementById('status').textContent, focus: document.activeElement.id });
  })));
  const respMs = Date.now() - t0;
  // The run may already be over on a fast machine: then the page must show it finished.
  check((during.busy === 'true' || /分類しました|Classified/.test(during.status)) && during.focus === 'theme' && respMs < 1000,
    `hostile: while a 1 MB notice is classified the page stays responsive (frame + focus in ${respMs} ms; text set in ${setMs} ms; status "${during.status}")`, JSON.stringify(during));
  const bigOk = await page.evaluate((n) => document.getElementById('notice').value.length === n && document.getElementById('mirror').childNodes.length === 0
    && document.querySelectorAll('img, svg, iframe').length === 0, big.length);
  check(bigOk, 'hostile: the 1 MB text is kept whole and creates no element (overlay off above 200,000 characters)');
  t0 = Date.now();
  await page.fill('#notice', SAMPLES[1].text);
  await page.waitForSelector(`#results[data-chars="${SAMPLES[1].text.length}"]`, { timeout: 15000 }).catch(() => {});
  check((await tagsOf(page)).includes('attackTypes:payment_skimming'), `hostile: the next input cancels the long run and is classified (${Date.now() - t0} ms)`);

  // a failed classification (over the 10 MiB limit) shows an error, keeps the text, and the next input works
  const huge = 'あ'.repeat(3_700_000); // 11.1 MB of UTF-8
  t0 = Date.now();
  await page.evaluate((n) => {
    const ta = document.getElementById('notice');
    ta.value = 'あ'.repeat(n);
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, huge.length);
  await page.waitForSelector('#status.error', { timeout: 30000 }).catch(() => {});
  const err = await page.evaluate(() => ({ error: document.getElementById('status').textContent, len: document.getElementById('notice').value.length }));
  check(/10 MiB|limit|上限/.test(err.error) && err.len === huge.length, `hostile: an over-limit text shows an error and stays in the field (${Date.now() - t0} ms: "${err.error.slice(0, 70)}…")`, JSON.stringify(err).slice(0, 300));
  await page.fill('#notice', SAMPLES[2].text);
  await page.waitForSelector(`#results[data-chars="${SAMPLES[2].text.length}"]`, { timeout: 15000 }).catch(() => {});
  const after = await tagsOf(page);
  const errGone = await page.evaluate(() => !document.getElementById('status').classList.contains('error'));
  check(errGone && after.includes('attackTypes:misdelivery'), 'hostile: after the error, the next input is classified again', after.join(' '));
  noLeak(g, 'hostile', ['onerror=alert(1)', 'ランサムウェア<img']);
  noErrors(g, 'hostile');
  await g.context.close();
};

GROUPS.loaderrors = async () => {
  // 1. the .wasm cannot be fetched: explained error, text kept, retry recovers
  {
    const g = await guardedPage();
    const { page } = g;
    let block = true;
    await page.route('**/jikenbo_bg.wasm', (route) => (block ? route.abort('connectionrefused') : route.fallback()));
    await page.goto(`${base}?lang=en`);
    await page.waitForSelector('body[data-error]', { timeout: 15000 }).catch(() => {});
    const st = await page.evaluate(() => ({ kind: document.body.dataset.error, text: document.getElementById('status').textContent, role: document.getElementById('status').getAttribute('role') }));
    check(st.kind === 'fetch' && /could not be fetched/.test(st.text) && st.role === 'alert', `load error: a failed .wasm fetch is shown and explained ("${st.text.slice(0, 70)}…")`, JSON.stringify(st));
    await page.fill('#notice', SAMPLES[0].text);
    check(await page.$eval('#notice', (t) => t.value.length) === SAMPLES[0].text.length, 'load error: the field still takes text');
    block = false;
    await page.click('#status .retry');
    await ready(page);
    await page.waitForSelector('[data-tag="attackTypes:ransomware"]', { timeout: 5000 }).catch(() => {});
    check((await tagsOf(page)).includes('attackTypes:ransomware'), 'load error: "retry" loads the classifier and classifies the text already typed');
    await g.context.close();
  }
  // 2. a CSP without 'wasm-unsafe-eval': explained
  {
    const g = await guardedPage();
    const { page } = g;
    await page.route(`${base}`, async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      await route.fulfill({ response: res, body: html, headers: { ...res.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'" } });
    });
    await page.goto(`${base}`);
    await page.waitForSelector('body[data-error]', { timeout: 15000 }).catch(() => {});
    const st = await page.evaluate(() => ({ kind: document.body.dataset.error, text: document.getElementById('status').textContent }));
    check(st.kind === 'csp' && /wasm-unsafe-eval/.test(st.text), `load error: a CSP without 'wasm-unsafe-eval' is named as the cause`, JSON.stringify(st));
    await g.context.close();
  }
};

GROUPS.offline = async () => {
  const g = await guardedPage();
  const { page } = g;
  await page.goto(`${base}?lang=ja`);
  await ready(page);
  await page.fill('#notice', SAMPLES[0].text);
  await page.waitForSelector('[data-tag="attackTypes:ransomware"]', { timeout: 3000 }).catch(() => {});
  await g.context.setOffline(true);
  const before = g.requests.length;
  await page.fill('#notice', SAMPLES[3].text);
  await page.waitForSelector('[data-tag="attackTypes:credential_stuffing"]', { timeout: 3000 }).catch(() => {});
  check((await tagsOf(page)).includes('attackTypes:credential_stuffing'), 'offline: after load, classification works with the network off');
  await page.selectOption('#sample', 'city');
  await page.waitForSelector('[data-tag="attackTypes:misdelivery"]', { timeout: 3000 }).catch(() => {});
  check((await tagsOf(page)).includes('attackTypes:misdelivery'), 'offline: samples work too');
  check(g.requests.length === before, `offline: no request at all while classifying (${g.requests.length - before})`);
  noErrors(g, 'offline');
  await g.context.close();
};

GROUPS.widget = async () => {
  const g = await guardedPage();
  const { page } = g;
  await page.addInitScript(() => {
    window.__violations = [];
    window.__events = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    for (const t of ['jikenbo-ready', 'jikenbo-result', 'jikenbo-error']) {
      window.addEventListener(t, (e) => window.__events.push({ type: t, id: e.target.id, bubbles: e.bubbles, composed: e.composed, severity: e.detail?.severity?.level ?? null }));
    }
  });
  const wasmLoads = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmLoads.push(r.url()); });
  const t0 = Date.now();
  await page.goto(`${base}embed-demo.html`);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'jikenbo-result' && e.id === 'w1'), null, { timeout: 20000 }).catch(() => {});
  const ev = await page.evaluate(() => window.__events);
  const r1 = ev.find((e) => e.type === 'jikenbo-result' && e.id === 'w1');
  check(ev.filter((e) => e.type === 'jikenbo-ready').length === 2, 'widget: both instances emit jikenbo-ready', JSON.stringify(ev));
  check(!!r1 && r1.bubbles && r1.composed, `widget: the preset text emits jikenbo-result (bubbles, composed; severity ${r1?.severity}) in ${Date.now() - t0} ms`);
  check(wasmLoads.length === 1, `widget: one shared .wasm load for two instances (${wasmLoads.length})`);
  const defined = await page.evaluate(() => !!customElements.get('jikenbo-classifier') && !!document.getElementById('w1').shadowRoot);
  check(defined, 'widget: custom element defined, with a shadow root');
  const engines = await page.evaluate(() => ['w1', 'w2'].map((id) => document.getElementById(id).engine));
  const workerUrls = page.workers().map((w) => new URL(w.url()).pathname);
  check(engines.every((e) => e === 'worker') && workerUrls.length > 0 && workerUrls.every((u) => u === '/pkg/widget.js'),
    `widget: same origin, under the strict CSP, each widget classifies in a worker started from widget.js itself (${engines}; ${workerUrls})`);
  const scripts = g.requests.map((r) => new URL(r.url).pathname).filter((p) => /\.(m?js|wasm)$/.test(p));
  check(scripts.every((p) => ['/embed-demo.js', '/jikenbo-widget.js', '/pkg/widget.js', '/pkg/jikenbo_bg.wasm'].includes(p)),
    `widget: the embed loads one module (pkg/widget.js, through jikenbo-widget.js) and the .wasm, nothing from lib/ (${[...new Set(scripts)].join(' ')})`);
  const w1tags = await tagsOf(page, '#w1');
  check(w1tags.includes('attackTypes:payment_skimming') && w1tags.includes('ppcReport:required'), 'widget: renders tags with data-tag inside its shadow root', w1tags.join(' '));
  await checkHighlights(page, 'widget', '#w1');
  await checkMirrorGeometry(page, 'widget', '#w1');

  // host CSS does not reach inside: compare with the same widget on a clean page
  const probe = () => page.evaluate(() => {
    const root = document.getElementById('w1').shadowRoot;
    const pick = (el, props) => { const cs = getComputedStyle(el); return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])); };
    const text = ['font-family', 'font-size', 'line-height', 'color', 'background-color', 'letter-spacing', 'text-transform', 'text-align', 'white-space', 'font-weight', 'border-top-width', 'border-top-style', 'padding-left', 'display'];
    return {
      base: pick(root.querySelector('.jk'), text),
      textarea: pick(root.querySelector('textarea'), text),
      tag: pick(root.querySelector('.tag'), text),
      mark: pick(root.querySelector('.quotes-panel'), text),
      visible: root.querySelector('.jk').getBoundingClientRect().height > 100,
    };
  });
  const hostile = await probe();
  const clean = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const cp = await clean.newPage();
  const presetText = await page.$eval('#w1', (w) => w.getAttribute('text'));
  await cp.route(`${base}clean-host.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="jikenbo-widget.js"></script>
<jikenbo-classifier id="w1" lang="ja" theme="light" text="${presetText}"></jikenbo-classifier>`,
  }));
  await cp.goto(`${base}clean-host.html`);
  await cp.waitForSelector('#w1 >> [data-tag="attackTypes:payment_skimming"]', { timeout: 15000 }).catch(() => {});
  const cleanStyles = await cp.evaluate(() => {
    const root = document.getElementById('w1').shadowRoot;
    const pick = (el, props) => { const cs = getComputedStyle(el); return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])); };
    const text = ['font-family', 'font-size', 'line-height', 'color', 'background-color', 'letter-spacing', 'text-transform', 'text-align', 'white-space', 'font-weight', 'border-top-width', 'border-top-style', 'padding-left', 'display'];
    return {
      base: pick(root.querySelector('.jk'), text),
      textarea: pick(root.querySelector('textarea'), text),
      tag: pick(root.querySelector('.tag'), text),
      mark: pick(root.querySelector('.quotes-panel'), text),
      visible: root.querySelector('.jk').getBoundingClientRect().height > 100,
    };
  });
  await clean.close();
  const diffs = [];
  for (const part of ['base', 'textarea', 'tag', 'mark']) {
    for (const [k, v] of Object.entries(cleanStyles[part])) if (hostile[part][k] !== v) diffs.push(`${part} ${k}: hostile ${hostile[part][k]} vs clean ${v}`);
  }
  check(hostile.visible && diffs.length === 0, 'widget: computed styles inside the widget are identical on the hostile and on a clean page', diffs.join('\n'));
  const hostReallyHostile = await page.evaluate(() => ({ h1: getComputedStyle(document.querySelector('h1')).fontSize, div: getComputedStyle(document.querySelector('body > div')).display }));
  check(hostReallyHostile.h1 === '48px' && hostReallyHostile.div === 'none', `widget: (the host CSS is in force outside: h1 ${hostReallyHostile.h1}, div ${hostReallyHostile.div})`);

  // the second (compact, English) instance works when typed into
  await page.locator('#w2 textarea').fill(SAMPLES[3].text);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'jikenbo-result' && e.id === 'w2'), null, { timeout: 5000 }).catch(() => {});
  const w2 = await page.evaluate(() => ({
    got: window.__events.some((e) => e.type === 'jikenbo-result' && e.id === 'w2'),
    label: document.getElementById('w2').shadowRoot.querySelector('[data-tag="attackTypes:credential_stuffing"] .tag-label')?.textContent,
    bg: getComputedStyle(document.getElementById('w2').shadowRoot.querySelector('.jk')).backgroundColor,
  }));
  check(w2.got && w2.label === 'Credential stuffing', `widget: typing into the compact English instance classifies (${w2.label})`);
  check(w2.bg === 'rgb(20, 24, 29)', `widget: theme="dark" applies (${w2.bg})`);

  // properties mirror attributes
  const props = await page.evaluate(async () => {
    const w = document.getElementById('w1');
    w.lang = 'en';
    w.theme = 'dark';
    w.compact = true;
    const out = {
      attrs: [w.getAttribute('lang'), w.getAttribute('theme'), w.hasAttribute('compact')],
      label: w.shadowRoot.querySelector('.field-label').textContent,
      tagLabel: w.shadowRoot.querySelector('[data-tag="attackTypes:payment_skimming"] .tag-label')?.textContent,
      report: w.report?.schema,
      text: w.text.length > 10,
    };
    const r = await w.classify('社員のパソコンが盗難に遭いました。');
    out.method = r.attackTypes.map((t) => t.id);
    w.lang = 'ja'; w.theme = 'light'; w.compact = false;
    return out;
  });
  check(props.attrs.join() === 'en,dark,true' && props.label === 'Text of the notice' && props.tagLabel === 'Payment page skimming'
    && props.report === 1 && props.text && props.method.includes('theft'), 'widget: lang / theme / compact properties reflect to attributes and re-render; report, text, classify() work', JSON.stringify(props));

  const violations = await page.evaluate(() => window.__violations);
  check(violations.length === 0, `widget: the strict CSP (script-src 'self' 'wasm-unsafe-eval') is not violated`, violations.join('\n'));
  noLeak(g, 'widget', ['決済画面が改ざん']);
  noErrors(g, 'widget');
  await page.locator('#w1').screenshot({ path: `${ARTIFACTS}widget-embed-demo.png` });
  await page.screenshot({ path: `${ARTIFACTS}embed-demo-page.png`, fullPage: true });
  await g.context.close();
};

// The page after one visit, with the network gone: the service worker
// (www/sw.js) serves the page, its scripts and the .wasm from its cache.
// Its own server, which is shut down before the reload, so that nothing can
// come from the network even if the emulation let something through.
GROUPS.offlineReload = async () => {
  const own = await listen(createStaticServer(ROOT));
  servers.push(own);
  const g = await guardedPage({}, [own.origin]);
  const { page } = g;
  const manifest = readFileSync(new URL('../www/sw-manifest.js', import.meta.url), 'utf8');
  const build = /"build": "([^"]+)"/.exec(manifest)?.[1];
  await page.goto(`${own.url}?lang=ja`);
  await ready(page);
  const sw = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
    const names = await caches.keys();
    const cached = [];
    for (const n of names) for (const req of await (await caches.open(n)).keys()) cached.push(new URL(req.url).pathname);
    return { controlled: !!navigator.serviceWorker.controller, names, cached, state: document.body.dataset.offline };
  });
  const filesOk = ['/', '/index.html', '/app.js', '/pkg/jikenbo.js', '/pkg/jikenbo_bg.wasm', '/lib/worker.js', '/lib/worker-core.js', '/lib/date.js',
    '/lib/export.js', '/lib/export-menu.js']
    .every((f) => sw.cached.includes(f));
  check(sw.controlled && sw.names.length === 1 && sw.names[0] === `jikenbo-${build}` && filesOk,
    `offline: after one visit a service worker controls the page; cache "jikenbo-${build}" (versioned by build) holds the page, scripts and .wasm (${sw.cached.length} files)`,
    JSON.stringify(sw));

  await g.context.setOffline(true);
  own.server.closeAllConnections();
  await new Promise((r) => own.server.close(r));
  own.reset();
  await page.reload();
  const back = await page.waitForSelector('body[data-ready]', { timeout: 20000 }).then(() => true, () => false);
  check(back, 'offline: the page reloads with the network off and its server gone, and the classifier loads');
  await paste(page, '#notice', SAMPLES[0].text).catch(() => page.fill('#notice', SAMPLES[0].text));
  await page.waitForSelector('[data-tag="attackTypes:ransomware"]', { timeout: 5000 }).catch(() => {});
  const tags = await tagsOf(page);
  check(tags.includes('attackTypes:ransomware') && tags.includes('dataCategories:medical'), 'offline: after the offline reload a notice is classified', tags.join(' '));
  check(await page.evaluate(() => document.body.dataset.engine) === 'worker', 'offline: ... in the Web Worker (its scripts came from the cache too)');
  // the new code too: several notices, and a download made offline
  await page.fill('#notice', THREE);
  await page.waitForSelector('#results[data-notices="3"]', { timeout: 5000 }).catch(() => {});
  const cards = await cardsOf(page);
  check(JSON.stringify(cards.map((c) => c.org)) === JSON.stringify(THREE_ORGS), `offline: after the offline reload a paste of 3 notices shows its 3 cards (${cards.map((c) => c.org).join(', ')})`);
  await page.click('#export > details > summary');
  const csv = await downloadOf(page, '#export [data-format="csv"]').catch((e) => ({ text: '', name: String(e) }));
  check(csvRows(csv.text).length === 4, `offline: ... and the download menu saves their CSV offline (${csv.name})`, csv.text.slice(0, 200));
  check(own.hits('/') === 0 && own.hits('/pkg/jikenbo_bg.wasm') === 0, 'offline: the closed server got no request');
  const errs = g.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));
  check(errs.length === 0 && g.dialogs.length === 0, 'offline: no error or dialog while offline', errs.join('\n'));
  await g.context.close();
};

/**
 * Evidence of every verdict: the headline figures, the severity reasons,
 * leak, count, organisation and the date highlight like tags, and
 * whatever a tag highlights is exactly input.slice(start, end) (and the
 * evidence's own `text`, where the report has one).
 */
GROUPS.evidence = async () => {
  const g = await guardedPage();
  const { page } = g;
  await page.goto(`${base}?lang=ja&theme=light`);
  await ready(page);
  const sample = SAMPLES.find((s) => s.id === 'hospital');
  await page.fill('#notice', sample.text);
  await page.waitForSelector('[data-tag="attackTypes:ransomware"]', { timeout: 5000 }).catch(() => {});

  // order: who, what, when before the headline cards
  const order = await page.evaluate(() => [...document.querySelectorAll('#results > *')].map((e) => e.className));
  const overview = await page.evaluate(() => [...document.querySelectorAll('#results .overview [data-tag]')].map((e) => e.dataset.tag));
  check(order[0] === 'overview' && order[1] === 'headline' && ['organization:name', 'attackTypes:ransomware', 'date:2025-10-03'].every((t) => overview.includes(t)),
    `evidence: organisation, attack types and the first date come before the headline cards (${overview.join(', ')})`, JSON.stringify(order));
  const summary = await page.textContent('#summary');
  check(summary.includes('架空市立みどり台総合病院') && summary.includes('ランサムウェア') && summary.includes('2025年10月3日') && !/攻撃 \d+ 件/.test(summary),
    `evidence: the summary names the organisation, the attack type and the date ("${summary}")`);
  const date = await page.$eval('[data-tag="date:2025-10-03"]', (e) => ({ label: e.textContent, title: e.title }));
  check(date.label.includes('令和7年10月3日') && /公表日とは限りません/.test(date.title), `evidence: the date is shown as the first date in the text ("${date.label}")`, JSON.stringify(date));

  const want = ['severity:critical', 'leakStatus:possible', 'affectedCount:32000', 'organization:name', 'organization:public_body',
    'severity.reasons:data.tier3', 'severity.reasons:data.count.lt100000', 'severity.data:critical', 'date:2025-10-03'];
  const withEv = await page.$$eval('#results [data-tag]', (els) => Object.fromEntries(els.map((e) => [e.dataset.tag, e.dataset.evidence])));
  const empty = want.filter((t) => !withEv[t]);
  check(empty.length === 0, `evidence: severity, its reasons, leak, count, organisation and date all carry spans (${want.length})`, `without: ${empty.join(' ')}`);
  await checkHighlights(page, 'evidence (every tag and card of the page)');

  // hovering a headline card anywhere (its title) highlights its tag's spans
  for (const [stat, tag] of [['leak', 'leakStatus:possible'], ['count', 'affectedCount:32000'], ['severity', 'severity:critical']]) {
    await page.hover(`#results .stat-${stat} .stat-title`);
    const r = await page.evaluate((t) => {
      const ta = document.getElementById('notice');
      const spans = document.querySelector(`[data-tag="${t}"]`).dataset.evidence.split(' ').map((p) => p.split('-').map(Number));
      const marks = [...document.querySelectorAll('#mirror mark')].map((m) => [+m.dataset.start, +m.dataset.end]);
      const covered = spans.every(([s, e]) => marks.some(([a, b]) => a <= s && b >= Math.min(e, s + 1)));
      return { active: document.querySelector(`[data-tag="${t}"]`).classList.contains('active'), covered, panel: document.querySelector('#quotes .quotes-title')?.textContent ?? '', want: spans.map(([s, e]) => ta.value.slice(s, e)) };
    }, tag);
    check(r.active && r.covered, `evidence: hovering the ${stat} card highlights its spans (${r.want.join(', ')})`, JSON.stringify(r));
  }

  // the report of a newer build: `text` on every evidence, `evidence` on the
  // severity reasons (the outage wording for the operational one)
  const text = sample.text;
  const report = classifyInNode(text);
  const withText = (e) => ({ ...e, text: text.slice(e.start, e.end) });
  const outage = text.indexOf('電子カルテシステムが使用できない');
  const opSpan = { start: outage, end: outage + '電子カルテシステムが使用できない'.length, rule: 'operational/critical#outage' };
  const future = structuredClone(report);
  for (const f of ['attackTypes', 'dataCategories', 'reportedTo']) for (const t of future[f]) t.evidence = t.evidence.map(withText);
  for (const f of ['leakStatus', 'affectedCount', 'organization']) future[f].evidence = future[f].evidence.map(withText);
  const medical = future.dataCategories.find((d) => d.id === 'medical').evidence;
  for (const x of future.severity.reasons) {
    x.evidence = x.code === 'operational.critical' ? [withText(opSpan)] : x.code === 'data.tier3' ? medical : [];
  }
  const got = await page.evaluate(async ({ future, text }) => {
    const { NoticeView } = await import('./lib/view.js');
    const { themeCss, componentCss, sheet } = await import('./lib/styles.js');
    const host = document.createElement('div');
    host.id = 'future';
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(themeCss({ base: ':host', dark: ':host(.x)', autoDark: ':host(.y)' })), sheet(componentCss)];
    const mk = (tag, cls) => { const e = document.createElement(tag); e.className = cls; return e; };
    const box = mk('div', 'jk');
    const field = mk('div', 'field');
    const ta = mk('textarea', 'notice');
    const mirror = mk('div', 'mirror');
    const results = mk('div', 'results');
    const summary = mk('p', 'summary');
    const status = mk('p', 'status');
    const quotes = mk('div', 'quotes-panel');
    field.append(mirror, ta);
    box.append(field, status, summary, results, quotes);
    root.append(box);
    ta.value = text;
    const view = new NoticeView({ textarea: ta, mirror, results, summary, status, quotes, lang: 'en' });
    const engine = { kind: 'worker', classify: async () => ({ report: future, ms: 1 }), dispose() {} };
    view.setApi({ api: { taxonomy: () => [] } }, engine);
    await view.run(true);
    const ev = (t) => results.querySelector(`[data-tag="${t}"]`)?.dataset.evidence ?? null;
    return { op: ev('severity.reasons:operational.critical'), opLevel: ev('severity.operational:critical'), sev: ev('severity:critical'), tier3: ev('severity.reasons:data.tier3') };
  }, { future, text });
  const opKey = `${opSpan.start}-${opSpan.end}`;
  check(got.op === opKey && got.opLevel === opKey && (got.sev ?? '').split(' ').includes(opKey),
    `evidence: a report with reasons[].evidence (newer builds) highlights the outage wording "${text.slice(opSpan.start, opSpan.end)}" for the operational reason, operational level and severity`, JSON.stringify(got));
  await checkHighlights(page, 'evidence (a report with text and reasons[].evidence)', '#future');
  const texts = await page.evaluate(() => {
    const root = document.getElementById('future').shadowRoot;
    return [...root.querySelectorAll('.results [data-tag]')].length;
  });
  const bad = [];
  const all = (r) => [
    ...['attackTypes', 'dataCategories', 'reportedTo'].flatMap((f) => r[f].flatMap((t) => t.evidence)),
    ...['leakStatus', 'affectedCount', 'organization'].flatMap((f) => r[f].evidence),
    ...r.severity.reasons.flatMap((x) => x.evidence ?? []),
  ];
  for (const e of all(future)) if (e.text !== undefined && e.text !== text.slice(e.start, e.end)) bad.push(`${e.rule} ${e.start}-${e.end}`);
  for (const e of all(report)) if (e.text !== undefined && e.text !== text.slice(e.start, e.end)) bad.push(`today's build: ${e.rule} ${e.start}-${e.end}: ${JSON.stringify(e.text)}`);
  check(texts > 10 && bad.length === 0, 'evidence: every evidence `text` (where the report has one, today\'s build included) is input.slice(start, end)', bad.join('\n'));
  noErrors(g, 'evidence');
  await g.context.close();
};

/**
 * A paste that holds several notices: one card per notice, each opening to
 * its full result, highlights inside its own notice; one notice keeps the
 * view it always had.
 */
GROUPS.notices = async () => {
  const g = await guardedPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = g;
  await page.goto(`${base}?lang=ja&theme=light`);
  await ready(page);
  await paste(page, '#notice', THREE);
  await page.waitForSelector('#results[data-notices="3"]', { timeout: 5000 }).catch(() => {});
  check(THREE_PARTS.length === 3, `notices: (the package splits the fixture into 3 notices: ${THREE_PARTS.map((p) => `${p.start}-${p.end}`).join(', ')})`);
  await checkThreeCards(page, 'notices');
  const summary = await page.textContent('#summary');
  check(/3 件のお知らせ/.test(summary) && THREE_ORGS.every((o) => summary.includes(o)), `notices: the summary says how many notices were found ("${summary.slice(0, 60)}…")`);
  const closed = await cardsOf(page);
  check(closed.every((c) => c.expanded === 'false' && !c.detailShown && c.detailTags === 0)
    && await page.evaluate(() => !document.querySelector('#results > .overview') && !document.querySelector('#mirror .in-part')),
    'notices: the list starts with every card closed (no full result, no tint in the field)', JSON.stringify(closed));
  await checkPartHighlights(page, 'notices (closed card 1)', 0);

  // open card 2: its full result, inside its own notice
  await page.click('.notice-card[data-part="1"] .card-toggle');
  let cards = await cardsOf(page);
  const full = await page.evaluate(() => {
    const d = document.querySelector('.notice-card[data-part="1"] .card-detail');
    return { overview: !!d.querySelector('.overview [data-tag="organization:name"]'), headline: !!d.querySelector('.headline'),
      reasons: d.querySelectorAll('.reasons [data-tag^="severity.reasons:"]').length, data: d.querySelectorAll('[data-tag^="dataCategories:"]').length,
      label: d.getAttribute('aria-label'), toggle: document.querySelector('.notice-card[data-part="1"] .card-toggle').textContent };
  });
  check(cards[1].expanded === 'true' && cards[1].detailShown && full.overview && full.headline && full.reasons > 0 && full.data >= 3
    && cards.filter((c) => c.detailShown).length === 1,
    `notices: "詳しく見る" opens card 2 to the full result of its notice (tags, ${full.reasons} reasons, ${full.data} data categories; "${full.label}")`, JSON.stringify({ cards, full }));
  const detailTags = await checkPartHighlights(page, 'notices (open card 2)', 1);
  check(detailTags > 5, `notices: the open card's full result is highlighted tag by tag (${detailTags} tags)`);
  // the date of a card is the first date of ITS text, not of the whole paste
  const dates = await page.$$eval('.notice-card[data-part="1"] [data-tag^="date:"]', (els) => els.map((e) => [e.dataset.tag, e.dataset.evidence]));
  const dateText = dates.map(([, ev]) => { const [s, e] = ev.split('-').map(Number); return THREE.slice(s, e); });
  check(dates.length === 2 && dates.every(([t]) => t === 'date:2025-11-10') && dateText.every((t) => t === '令和7年11月10日'),
    `notices: card 2 and its full result show the first date of its own text (${dateText[0]})`, JSON.stringify(dates));

  // "copy JSON" copies what the menu would save: the open notice's report, else every notice
  await page.click('#copy');
  const copiedOne = parseJson(await page.evaluate(() => navigator.clipboard.readText()));
  check(copiedOne?.schema === 1 && copiedOne.organization.name === 'こもれび町', `notices: "copy JSON" with card 2 open copies its report (${copiedOne?.organization?.name})`);

  // one card open at a time; the keyboard works
  await page.focus('.notice-card[data-part="2"] .card-toggle');
  await page.keyboard.press('Enter');
  cards = await cardsOf(page);
  const focusKept = await page.evaluate(() => document.activeElement?.closest('.notice-card')?.dataset.part);
  check(cards[2].expanded === 'true' && cards[1].expanded === 'false' && !cards[1].detailShown && cards[1].detailTags === 0 && focusKept === '2',
    'notices: opening card 3 (keyboard) closes card 2; focus stays on its button', JSON.stringify({ cards, focusKept }));
  await checkPartHighlights(page, 'notices (open card 3)', 2);

  // language switch and typing keep the open card
  await page.click('#lang-en');
  const en = await page.evaluate(() => ({
    summary: document.getElementById('summary').textContent,
    open: document.querySelector('.notice-card.open')?.dataset.part,
    toggle: document.querySelector('.notice-card.open .card-toggle')?.textContent,
    title: document.querySelector('#results .notices > .group-title')?.textContent,
  }));
  check(/^3 notices found/.test(en.summary) && en.open === '2' && en.toggle === 'Close' && en.title === 'Notices in the text (3)',
    `notices: in English the list and summary switch language and card 3 stays open ("${en.summary.slice(0, 40)}…")`, JSON.stringify(en));
  await page.screenshot({ path: `${ARTIFACTS}page-notices.png`, fullPage: true });
  await page.click('#lang-ja');
  await page.focus('#notice');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('なお、現時点で不正利用は確認されておりません。');
  await page.waitForFunction((n) => document.getElementById('results').dataset.chars === String(n), THREE.length + 'なお、現時点で不正利用は確認されておりません。'.length, { timeout: 5000 }).catch(() => {});
  const typed = await page.evaluate(() => ({ n: document.getElementById('results').dataset.notices, open: document.querySelector('.notice-card.open')?.dataset.part }));
  check(typed.n === '3' && typed.open === '2', 'notices: typing in the open notice re-classifies and keeps it open', JSON.stringify(typed));
  await page.click('.notice-card[data-part="2"] .card-toggle');
  check(await page.evaluate(() => !document.querySelector('.notice-card.open') && !document.querySelector('#mirror .in-part')), 'notices: closing the card removes the tint');
  await page.click('#copy');
  const copiedAll = parseJson(await page.evaluate(() => navigator.clipboard.readText()));
  check(Array.isArray(copiedAll) && copiedAll.length === 3 && copiedAll.every((p) => p.report?.schema === 1 && Number.isInteger(p.start)),
    'notices: "copy JSON" with no card open copies every notice ({ start, end, heading, report } each)');

  // another paste: the card open before does not stay open on another notice
  await page.click('.notice-card[data-part="2"] .card-toggle');
  const [n1, n2, n3] = THREE_PARTS.map((p) => THREE.slice(p.start, p.end));
  const swapped = `${[n3, n2, n1].join('\n\n')}\n`;
  await page.fill('#notice', swapped);
  await page.waitForFunction((n) => document.getElementById('results').dataset.chars === String(n), swapped.length, { timeout: 5000 }).catch(() => {});
  const sw = await cardsOf(page);
  check(sw.length === 3 && sw[0].org === THREE_ORGS[2] && sw.every((c) => c.expanded === 'false'),
    'notices: a new paste with another notice in the open card\'s place opens none', JSON.stringify(sw.map((c) => [c.org, c.expanded])));

  // one notice: today's view exactly, no list
  await page.selectOption('#sample', 'hospital');
  await page.waitForSelector('#results[data-notices="1"]', { timeout: 5000 }).catch(() => {});
  const single = await page.evaluate(() => ({
    cards: document.querySelectorAll('.notice-card, .notices').length,
    first: document.querySelector('#results > *')?.className, n: document.getElementById('results').dataset.notices,
    summary: document.getElementById('summary').textContent,
    scope: !document.querySelector('#export .export-scope').hidden,
  }));
  check(single.cards === 0 && single.first === 'overview' && single.n === '1' && !/件のお知らせ/.test(single.summary) && !single.scope,
    'notices: a single notice shows no list: the full result as before, its own summary, no choice of notices in the menu', JSON.stringify(single));
  noLeak(g, 'notices', ['星空運輸株式会社', 'こもれび町役場', '私立みなと高等学校']);
  noErrors(g, 'notices');
  await g.context.close();
};

/** The page's "Download as" menu: every format, all notices or the open one, CSV for Excel, errors. */
GROUPS.exports = async () => {
  const g = await guardedPage({ acceptDownloads: true });
  const { page } = g;
  await g.context.addInitScript(recordBlobs);
  await page.goto(`${base}?lang=ja&theme=light`);
  await ready(page);
  await page.fill('#notice', THREE);
  await page.waitForSelector('#results[data-notices="3"]', { timeout: 5000 }).catch(() => {});
  let before = g.requests.length;
  await checkDownloadsAll(page, 'exports (page)');
  check(g.requests.length === before, `exports (page): no download made a request (${g.requests.length - before})`);
  await page.close();

  // a second page (Chromium's limit of downloads is per page): the open notice, then a single one
  const page2 = await g.context.newPage();
  page2.on('pageerror', (e) => g.errors.push(`pageerror: ${e.message}`));
  await exportsOnePage(g, page2);
  noLeak(g, 'exports (page)', ['星空運輸株式会社', 'こもれび町役場', 'みどり台総合病院']);
  noErrors(g, 'exports (page)');
  await g.context.close();
};

async function exportsOnePage(g, page) {
  await page.goto(`${base}?lang=ja&theme=light`);
  await ready(page);
  await page.fill('#notice', THREE);
  await page.waitForSelector('#results[data-notices="3"]', { timeout: 5000 }).catch(() => {});
  const before = g.requests.length;
  await checkDownloadsOne(page, 'exports (page)');
  check(g.requests.length === before, `exports (page): no download of the open notice made a request (${g.requests.length - before})`);
  await page.click('#export > details > summary');
  await page.screenshot({ path: `${ARTIFACTS}page-export-menu.png` });

  // a single notice: its own file, no choice of notices
  await page.keyboard.press('Escape');
  await page.selectOption('#sample', 'hospital');
  await page.waitForSelector('#results[data-notices="1"]', { timeout: 5000 }).catch(() => {});
  if (!(await menuState(page)).open) await page.click('#export > details > summary');
  const st = await menuState(page);
  const v = await downloadOf(page, '#export [data-format="veris"]');
  const sample = SAMPLES.find((x) => x.id === 'hospital');
  const veris = parseJson(v.text);
  check(!st.scopeShown && !st.noteAll && v.name === 'jikenbo-架空市立みどり台総合病院-2025-10-03.veris.json' && veris?.schema_version === '1.4.1'
    && veris.incident_id === toVeris(classifyInNode(sample.text), { text: sample.text, created: '2026-01-01' }).incident_id,
    `exports (page): a single notice saves its own VERIS incident (${v.name}), as the package does for its text`, JSON.stringify({ st, name: v.name }));
  await page.click('#export > details > summary');
  const c = await downloadOf(page, '#export [data-format="csv"]');
  check(csvRows(c.text).length === 2 && csvRows(c.text)[1][1] === '架空市立みどり台総合病院', `exports (page): a single notice's CSV has one row (${c.name})`, c.text);
  const said = await page.evaluate(() => ({ status: document.querySelector('#export .export-status').textContent, role: document.querySelector('#export .export-status').getAttribute('role') }));
  check(said.status.includes(c.name) && said.role === 'status', `exports (page): the page says what it saved ("${said.status}")`);
}

/** The widget on the embed demo (strict CSP, hostile CSS): several notices, downloads, no-export, events. */
GROUPS.widgetnotices = async () => {
  const g = await guardedPage({ acceptDownloads: true });
  const { page } = g;
  await g.context.addInitScript(recordBlobs);
  await page.addInitScript(() => {
    window.__results = [];
    window.__errors = [];
    document.addEventListener('jikenbo-result', (e) => window.__results.push({
      id: e.target.id, schema: e.detail.schema, org: e.detail.organization?.name ?? null, hasParts: 'parts' in e.detail,
      parts: e.detail.parts?.map((p) => ({ start: p.start, end: p.end, heading: p.heading, org: p.report.organization.name })) ?? null,
    }));
    document.addEventListener('jikenbo-error', (e) => window.__errors.push({ id: e.target.id, ...e.detail }));
  });
  await page.goto(`${base}embed-demo.html`);
  await page.waitForFunction(() => window.__results.some((r) => r.id === 'w1'), null, { timeout: 20000 }).catch(() => {});
  const first = await page.evaluate(() => window.__results.find((r) => r.id === 'w1'));
  check(first && first.schema === 1 && !first.hasParts, 'widget notices: one notice: jikenbo-result carries the Report as before (no parts)', JSON.stringify(first));
  check(await page.evaluate(() => document.getElementById('w1').shadowRoot.querySelectorAll('.notice-card').length === 0
    && !!document.getElementById('w1').shadowRoot.querySelector('.results > .overview')), 'widget notices: one notice shows no list');

  await page.locator('#w1 textarea').fill(THREE);
  await page.waitForFunction(() => window.__results.some((r) => r.id === 'w1' && r.parts?.length === 3), null, { timeout: 10000 }).catch(() => {});
  const three = await page.evaluate(() => window.__results.findLast((r) => r.id === 'w1'));
  check(three?.schema === 1 && three.org === THREE_ORGS[0] && JSON.stringify(three.parts?.map((p) => [p.start, p.end, p.org])) === JSON.stringify(THREE_PARTS.map((p, i) => [p.start, p.end, THREE_ORGS[i]]))
    && three.parts.every((p) => /^【セキュリティ事件簿#90\d】/.test(p.heading ?? '')),
    'widget notices: several notices: jikenbo-result is the first notice\'s Report with `parts` (start, end, heading, report of each)', JSON.stringify(three));
  const prop = await page.evaluate(() => { const w = document.getElementById('w1'); return { n: w.parts.length, org: w.report.organization.name }; });
  check(prop.n === 3 && prop.org === THREE_ORGS[0], `widget notices: the parts property lists the 3 notices; report is the first one's (${prop.org})`);
  await checkThreeCards(page, 'widget notices', '#w1');
  const summary = await page.evaluate(() => document.getElementById('w1').shadowRoot.querySelector('.summary').textContent);
  check(/3 件のお知らせ/.test(summary), `widget notices: the summary says how many notices were found ("${summary.slice(0, 40)}…")`);
  await page.click('#w1 .notice-card[data-part="0"] .card-toggle');
  await checkPartHighlights(page, 'widget notices (open card 1)', 0, '#w1');
  await page.click('#w1 .notice-card[data-part="0"] .card-toggle');
  await page.locator('#w1').screenshot({ path: `${ARTIFACTS}widget-notices.png` });

  const before = g.requests.length;
  await checkDownloadsAll(page, 'widget notices', '#w1');
  check(g.requests.length === before, `widget notices: no download made a request (${g.requests.length - before})`);
  const exportErr = await page.evaluate(() => window.__errors.filter((e) => e.kind === 'export'));
  check(exportErr.length === 1 && exportErr[0].id === 'w1' && exportErr[0].code === 'invalid_created' && /作成日時/.test(exportErr[0].messages?.ja) && /creation time/.test(exportErr[0].messages?.en),
    'widget notices: the export error also fires jikenbo-error (kind "export", code, ja and en)', JSON.stringify(exportErr));

  // no-export hides the menu; the property reflects the attribute
  const hidden = await page.evaluate(() => {
    const w = document.getElementById('w2');
    const bar = () => getComputedStyle(w.shadowRoot.querySelector('[part="result-bar"]')).display;
    const out = { shown: bar() };
    w.noExport = true;
    out.attr = w.hasAttribute('no-export');
    out.hidden = bar();
    w.removeAttribute('no-export');
    out.again = bar();
    const fresh = document.createElement('jikenbo-classifier');
    fresh.setAttribute('no-export', '');
    document.body.append(fresh);
    out.fresh = getComputedStyle(fresh.shadowRoot.querySelector('[part="result-bar"]')).display;
    out.freshProp = fresh.noExport;
    fresh.remove();
    return out;
  });
  check(hidden.shown !== 'none' && hidden.attr && hidden.hidden === 'none' && hidden.again !== 'none' && hidden.fresh === 'none' && hidden.freshProp,
    'widget notices: the no-export attribute (noExport property) hides the download menu', JSON.stringify(hidden));
  const violations = await page.evaluate(() => window.cspViolations);
  check(violations.length === 0, 'widget notices: downloads under the strict CSP violate nothing', violations.join('\n'));
  await page.close();

  // a second page (Chromium's limit of downloads is per page): the open notice
  const page2 = await g.context.newPage();
  page2.on('pageerror', (e) => g.errors.push(`pageerror: ${e.message}`));
  await page2.goto(`${base}embed-demo.html`);
  await page2.locator('#w1 textarea').fill(THREE);
  await page2.waitForSelector('#w1 .results[data-notices="3"]', { timeout: 10000 }).catch(() => {});
  await checkDownloadsOne(page2, 'widget notices', '#w1');
  check((await page2.evaluate(() => window.cspViolations)).length === 0, 'widget notices: (second page) no CSP violation');
  noLeak(g, 'widget notices', ['星空運輸株式会社', 'こもれび町役場', '私立みなと高等学校']);
  noErrors(g, 'widget notices');
  await g.context.close();
};

/** The README's embed on a host page of ANOTHER origin. */
const embedLine = (widgetOrigin) => `<script type="module" src="${widgetOrigin}/pkg/widget.js"></script>`;

async function hostServer(pages) {
  const s = await listen(createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const p = pages[path];
    if (!p) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n'); return; }
    const headers = { 'content-type': p.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-cache' };
    if (p.csp) headers['content-security-policy'] = p.csp;
    res.writeHead(200, headers).end(p.body);
  }));
  servers.push(s);
  return s;
}

const recordEvents = () => {
  window.__events = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  for (const t of ['jikenbo-ready', 'jikenbo-result', 'jikenbo-error']) {
    window.addEventListener(t, (e) => window.__events.push({
      type: t, id: e.target.id, bubbles: e.bubbles, composed: e.composed,
      kind: e.detail?.kind ?? null, message: e.detail?.message ?? null, messages: e.detail?.messages ?? null, detail: e.detail?.detail ?? null,
      ids: e.detail?.attackTypes?.map((x) => x.id) ?? null,
    }));
  }
};

GROUPS.crossorigin = async () => {
  // widgets: the main server (www/, so /pkg/widget.js and /pkg/jikenbo_bg.wasm); host pages: another origin
  const widgetOrigin = origin;
  const preset = SAMPLES[0].text.replace(/"/g, '&quot;');
  const bodyOf = (extra = '') => `<!doctype html><html lang="ja"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
${embedLine(widgetOrigin)}${extra}</head><body>
<h1>Another site</h1>
<jikenbo-classifier id="a" text="${preset}"></jikenbo-classifier>
<jikenbo-classifier id="b" lang="en"></jikenbo-classifier>
</body></html>`;
  // A module worker's imports count as worker-src: blob: for the worker, the widget's origin for widget.js
  const strict = `default-src 'none'; script-src ${widgetOrigin} 'wasm-unsafe-eval'; connect-src ${widgetOrigin}; worker-src blob: ${widgetOrigin}; style-src 'self'; img-src data:`;
  const host = await hostServer({
    '/': { body: bodyOf() },
    '/strict.html': { body: bodyOf(), csp: strict },
    '/noworker.html': { body: bodyOf(), csp: strict.replace(`; worker-src blob: ${widgetOrigin}`, '') },
  });
  check(host.origin !== widgetOrigin, `crossorigin: host page on ${host.origin}, widget on ${widgetOrigin}`);

  for (const [path, label] of [['/', 'crossorigin'], ['/strict.html', 'crossorigin (strict CSP)']]) {
    const g = await guardedPage({}, [host.origin, widgetOrigin]);
    const { page } = g;
    await page.addInitScript(recordEvents);
    main.reset();
    await page.goto(host.url + path.slice(1));
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'jikenbo-result' && e.id === 'a')
      && window.__events.filter((e) => e.type === 'jikenbo-ready').length === 2, null, { timeout: 20000 }).catch(() => {});
    const ev = await page.evaluate(() => window.__events);
    const r = ev.find((e) => e.type === 'jikenbo-result' && e.id === 'a');
    check(!!r && r.ids.includes('ransomware') && r.bubbles && r.composed && !ev.some((e) => e.type === 'jikenbo-error'),
      `${label}: the widget embedded with the README's one line from another origin gets a result (${r?.ids})`, JSON.stringify(ev));
    check(ev.filter((e) => e.type === 'jikenbo-ready').length === 2, `${label}: both widgets are ready`);
    check(main.hits('/pkg/jikenbo_bg.wasm') === 1, `${label}: two widgets, one fetch of the .wasm (server saw ${main.hits('/pkg/jikenbo_bg.wasm')})`);
    const eng = await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).engine));
    const workers = page.workers().map((w) => w.url());
    check(eng.every((e) => e === 'worker') && workers.length >= 1 && workers.every((u) => u.startsWith('blob:')),
      `${label}: classification runs off the main thread, in a blob: worker that imports widget.js (${eng}; ${workers.length} worker(s))`, JSON.stringify({ eng, workers }));
    await page.locator('#b textarea').fill(SAMPLES[3].text);
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'jikenbo-result' && e.id === 'b'), null, { timeout: 10000 }).catch(() => {});
    const b = await page.evaluate(() => document.getElementById('b').shadowRoot.querySelector('[data-tag="attackTypes:credential_stuffing"] .tag-label')?.textContent);
    check(b === 'Credential stuffing', `${label}: the second widget classifies what is typed into it (${b})`);
    const violations = await page.evaluate(() => window.__violations);
    check(violations.length === 0, `${label}: no CSP violation`, violations.join('\n'));
    noLeak(g, label, ['みどり台総合病院', 'うごけるマイページ']);
    noErrors(g, label);
    await g.context.close();
  }

  // A CSP that allows no worker at all: main thread, and the widget says so
  {
    const g = await guardedPage({}, [host.origin, widgetOrigin]);
    const { page } = g;
    await page.addInitScript(recordEvents);
    await page.goto(`${host.url}noworker.html`);
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'jikenbo-result' && e.id === 'a'), null, { timeout: 20000 }).catch(() => {});
    await page.waitForFunction(() => document.getElementById('b').shadowRoot.querySelector('.note'), null, { timeout: 5000 }).catch(() => {});
    const st = await page.evaluate(() => ['a', 'b'].map((id) => {
      const w = document.getElementById(id);
      return { engine: w.engine, note: w.shadowRoot.querySelector('[part="note"]')?.textContent ?? null };
    }));
    const ev = await page.evaluate(() => window.__events);
    check(ev.some((e) => e.type === 'jikenbo-result' && e.id === 'a' && e.ids.includes('ransomware'))
      && st.every((s) => s.engine === 'main') && /メインスレッド/.test(st[0].note ?? '') && /main thread/.test(st[1].note ?? ''),
      'crossorigin (no worker allowed by the CSP): classifies on the main thread and says so (ja / en)', JSON.stringify({ st, ev }));
    await g.context.close();
  }
};

/**
 * A widget that cannot load says why inside its own box, in Japanese and
 * English, and fires jikenbo-error (bubbles, composed).
 */
GROUPS.widgeterrors = async () => {
  const lonely = mkdtempSync(join(tmpdir(), 'jikenbo-lonely-'));
  const page = (attrs, src = '/pkg/widget.js') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="${src}"></script></head><body>
<jikenbo-classifier id="w" ${attrs}></jikenbo-classifier></body></html>`;
  // a site that deployed widget.js (and a page using it) but not jikenbo_bg.wasm
  copyFileSync(new URL('../www/pkg/widget.js', import.meta.url), join(lonely, 'widget.js'));
  writeFileSync(join(lonely, 'index.html'), page('', 'widget.js'));
  const lonelyServer = await listen(createStaticServer(lonely));
  const cases = [
    { name: 'a broken wasm-url (404)', html: page('wasm-url="/nowhere/jikenbo_bg.wasm"'), kind: 'fetch', detail: /404/ },
    { name: 'a malformed wasm-url', html: page('wasm-url="http://[::1"'), kind: 'fetch', detail: /URL/ },
    { name: 'a wasm-url that is not a .wasm', html: page('wasm-url="/index.html"'), kind: 'invalid', detail: /magic|WebAssembly/ },
    { name: 'a missing file (widget.js deployed without jikenbo_bg.wasm)', url: lonelyServer.url, kind: 'fetch', detail: /404/, allow: [lonelyServer.origin] },
    { name: 'a failed fetch (network error)', html: page(''), kind: 'fetch', detail: /fetch/i, abort: true },
    { name: "a CSP without 'wasm-unsafe-eval'", html: page(''), kind: 'csp', detail: /./, csp: "default-src 'self'; script-src 'self'", also: /wasm-unsafe-eval/ },
  ];
  try {
    for (const c of cases) {
      const g = await guardedPage({}, c.allow ?? [origin]);
      const p = g.page;
      await p.addInitScript(recordEvents);
      await p.route(`${base}errors-host.html`, (route) => route.fulfill({
        contentType: 'text/html', body: c.html, headers: c.csp ? { 'content-security-policy': c.csp } : {},
      }));
      if (c.abort) await p.route('**/*.wasm', (route) => route.abort('internetdisconnected'));
      await p.goto(c.url ?? `${base}errors-host.html`);
      await p.waitForFunction(() => window.__events.some((e) => e.type === 'jikenbo-error'), null, { timeout: 15000 }).catch(() => {});
      const ev = await p.evaluate(() => window.__events.find((e) => e.type === 'jikenbo-error') ?? null);
      const box = await p.evaluate(() => {
        const root = document.getElementById('w').shadowRoot;
        if (!root) return { upgraded: false };
        const err = root.querySelector('[part="error"]');
        return {
          ja: err?.querySelector('[lang="ja"]')?.textContent ?? '',
          en: err?.querySelector('[lang="en"]')?.textContent ?? '',
          role: err?.getAttribute('role'),
          status: root.querySelector('[part="status"]').textContent,
          visible: err ? err.getBoundingClientRect().height > 0 : false,
        };
      });
      const bothLangs = /読み込めませんでした/.test(box.ja) && /could not be loaded/.test(box.en);
      const named = !c.also || (c.also.test(box.ja) && c.also.test(box.en));
      check(!!ev && ev.bubbles && ev.composed && ev.kind === c.kind && c.detail.test(ev.detail ?? '') && ev.messages?.ja && ev.messages?.en,
        `widget error, ${c.name}: fires jikenbo-error (bubbles, composed, kind ${ev?.kind})`, JSON.stringify(ev));
      check(bothLangs && named && box.role === 'alert' && box.visible, `widget error, ${c.name}: says so in its box in Japanese and English`, JSON.stringify(box) + g.errors.join('\n'));
      if (c === cases[0]) await p.locator('#w').screenshot({ path: `${ARTIFACTS}widget-load-error.png` });
      if (c.abort) {
        // the network is back: classify() loads again, and the box gives way to the widget
        await p.unroute('**/*.wasm');
        const again = await p.evaluate(async () => {
          const w = document.getElementById('w');
          const r = await w.classify('サーバーがランサムウェアに感染しました。');
          await new Promise((ok) => setTimeout(ok, 50));
          return { ids: r.attackTypes.map((t) => t.id), box: !!w.shadowRoot.querySelector('[part="error"]'), engine: w.engine, role: w.shadowRoot.querySelector('[part="status"]').getAttribute('role') };
        }).catch((e) => ({ error: String(e) }));
        check(again.ids?.includes('ransomware') && !again.box && again.engine === 'worker' && again.role === 'status',
          `widget error, ${c.name}: once the network is back, classify() loads it and the error box goes`, JSON.stringify(again));
      }
      await g.context.close();
    }
  } finally {
    lonelyServer.server.close();
    rmSync(lonely, { recursive: true, force: true });
  }
};

GROUPS.screenshots = async () => {
  const shots = [
    { name: 'page-light', url: '?lang=ja&theme=light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
    { name: 'page-dark', url: '?lang=en&theme=auto', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
    { name: 'page-phone-375', url: '?lang=ja&theme=light', viewport: { width: 375, height: 812 }, colorScheme: 'light', deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  ];
  for (const s of shots) {
    const g = await guardedPage({ viewport: s.viewport, colorScheme: s.colorScheme, deviceScaleFactor: s.deviceScaleFactor ?? 1, isMobile: s.isMobile ?? false, hasTouch: s.hasTouch ?? false });
    const { page } = g;
    await page.goto(`${base}${s.url}`);
    await ready(page);
    await page.selectOption('#sample', 'hospital');
    await page.waitForSelector('[data-tag="dataCategories:medical"]', { timeout: 3000 });
    await page.focus('[data-tag="dataCategories:medical"]');
    if (s.name === 'page-phone-375') {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `screenshot ${s.name}: no horizontal scrolling at 375 px (overflow ${overflow} px)`);
    }
    if (s.name === 'page-dark') {
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      check(bg === 'rgb(20, 24, 29)', `screenshot ${s.name}: prefers-color-scheme: dark gives the dark theme (${bg})`);
    }
    await page.screenshot({ path: `${ARTIFACTS}${s.name}.png`, fullPage: true });
    check(existsSync(`${ARTIFACTS}${s.name}.png`), `screenshot ${s.name}: artifacts/${s.name}.png written`);
    if (s.name === 'page-phone-375') {
      // several notices, one open, and the download menu open: still no sideways scrolling
      await page.fill('#notice', THREE);
      await page.waitForSelector('#results[data-notices="3"]', { timeout: 5000 }).catch(() => {});
      await page.click('.notice-card[data-part="0"] .card-toggle');
      await page.click('#export > details > summary');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const panel = await page.evaluate(() => { const r = document.querySelector('#export .export-panel').getBoundingClientRect(); return [r.left, r.right, innerWidth]; });
      check(overflow <= 0 && panel[0] >= 0 && panel[1] <= panel[2], `screenshot page-phone-375-notices: 3 notices, one open, the menu open: no horizontal scrolling (overflow ${overflow} px; menu ${panel.map(Math.round)})`);
      await page.screenshot({ path: `${ARTIFACTS}page-phone-375-notices.png`, fullPage: true });
    }
    noErrors(g, `screenshot ${s.name}`);
    await g.context.close();
  }
};

// ---------------------------------------------------------------------------
const t0 = Date.now();
try {
  for (const [name, fn] of Object.entries(GROUPS)) {
    if (only && !only.includes(name)) continue;
    const before = passed + failed;
    try {
      await fn();
    } catch (e) {
      check(false, `${name}: threw`, e.stack ?? e);
    }
    if (passed + failed === before) check(false, `${name}: ran no check`);
  }
} finally {
  await browser.close();
  for (const s of servers) { s.server.closeAllConnections?.(); s.server.close(); }
}
if (passed + failed === 0) {
  console.log('not ok - no check ran at all');
  failed++;
}
console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in artifacts/`);
if (failures.length) console.log(`# failed: ${failures.join(' | ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
