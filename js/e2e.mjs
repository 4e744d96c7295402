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
//   groups: page hostile loaderrors offline widget offlineReload evidence crossorigin widgeterrors screenshots
//   CHROMIUM=/path/to/chrome node js/e2e.mjs
//
// Screenshots go to artifacts/ (git-ignored).

import { chromium } from 'playwright-core';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from '../scripts/serve.mjs';
import { SAMPLES } from '../www/lib/samples.js';
import { classify as classifyInNode } from '../www/pkg/node.js';

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
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), page.click('#download')]);
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
  const filesOk = ['/', '/index.html', '/app.js', '/pkg/jikenbo.js', '/pkg/jikenbo_bg.wasm', '/lib/worker.js', '/lib/worker-core.js', '/lib/date.js']
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
