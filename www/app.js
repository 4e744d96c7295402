// The page: wires the shared NoticeView to the toolbar (samples, clear,
// copy JSON, the "Download as" menu), the language and theme switches, and
// the loading and error states. No framework, no build step: ES modules served as is,
// the classifier imported from ./pkg/ (the npm package, copied by `make www`).

import { explainLoadError } from './lib/loader.js';
// Fetching and compiling the package and starting the worker that runs it
// begin in lib/boot.js (index.html runs it first); start() below waits.
import { takeEngine } from './lib/boot.js';
import { NoticeView } from './lib/view.js';
import { ExportMenu } from './lib/export-menu.js';
import { strings, normalizeLang } from './lib/i18n.js';
import { themeCss, componentCss, sheet } from './lib/styles.js';
import { SAMPLES } from './lib/samples.js';

const PAGE = {
  ja: {
    skip: '本文の入力へ移動',
    tagline: 'セキュリティ事故の「お詫びとお知らせ」を読み、攻撃の種類・データ・漏えい・件数・深刻度・報告先・個人情報保護委員会への報告要否を、本文の根拠付きで判定します。',
    themeDesc: 'テーマを切り替え（自動・ライト・ダーク）',
    toolbar: '操作',
    footer: 'jikenbo はルールベースの分類器です。判定は参考情報であり、法的助言ではありません。',
    embedLink: 'ウィジェットの埋め込み例',
    title: 'jikenbo（事件簿）— お詫びとお知らせの分類',
    retry: '再読み込み',
  },
  en: {
    skip: 'Skip to the notice field',
    tagline: 'Reads a Japanese security-incident notice (お詫びとお知らせ) and tags the attack type, data involved, leak, count, severity, authorities told and whether the PPC must be notified — each with the words of the notice that justify it.',
    themeDesc: 'Switch the theme (auto, light, dark)',
    toolbar: 'Actions',
    footer: 'jikenbo is a rule-based classifier. Its verdicts are guidance, not legal advice.',
    embedLink: 'Widget embedding example',
    title: 'jikenbo — classify Japanese incident notices',
    retry: 'Retry',
  },
};

const $ = (id) => document.getElementById(id);
const store = {
  get: (k) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k, v) => { try { localStorage.setItem(k, v); } catch { /* private mode */ } },
};

// ---- styles shared with the widget ------------------------------------------
const sheets = [
  sheet(themeCss({ base: ':root', dark: ':root[data-theme="dark"]', autoDark: ':root:not([data-theme="light"])' })),
  sheet(componentCss),
].filter(Boolean);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...sheets];

// ---- state --------------------------------------------------------------------
const params = new URLSearchParams(location.search);
let lang = normalizeLang(params.get('lang') ?? store.get('jikenbo.lang') ?? navigator.language, 'ja');
let theme = ['light', 'dark', 'auto'].includes(params.get('theme')) ? params.get('theme')
  : (store.get('jikenbo.theme') ?? 'auto');
let loadError = null;

let menu = null; // the "Download as" menu, made below (it follows the view)
const view = new NoticeView({
  textarea: $('notice'), mirror: $('mirror'), results: $('results'), summary: $('summary'),
  status: $('status'), quotes: $('quotes'), lang,
  onResult: () => { updateChars(); document.body.dataset.engine = view.engine?.kind ?? ''; },
  onError: () => updateChars(),
  onChange: () => menu?.update(),
});

// ---- download as: report JSON, VERIS, STIX, MISP, CSV (made in the page) -------
menu = new ExportMenu({ view, lang }); // it says what it saved, and why it could not

menu.root.id = 'export';
$('copy').after(menu.root);

// ---- language ---------------------------------------------------------------
function applyLang() {
  const S = strings(lang);
  const P = PAGE[lang];
  document.documentElement.lang = lang;
  document.title = P.title;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const k = el.getAttribute('data-i18n');
    const v = P[k] ?? S[k];
    if (typeof v === 'string') el.textContent = v;
  }
  for (const el of document.querySelectorAll('[data-i18n-aria]')) {
    el.setAttribute('aria-label', P[el.getAttribute('data-i18n-aria')]);
  }
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  $('notice').placeholder = S.placeholder;
  $('notice').setAttribute('aria-label', S.noticeLabel);
  fillSamples();
  applyTheme();
  view.setLang(lang);
  menu.setLang(lang);
  if (loadError) showLoadError(loadError);
  else if (!view.api) setLoading();
  updateChars();
}

function fillSamples() {
  const S = strings(lang);
  const sel = $('sample');
  const first = new Option(S.sampleChoose, '');
  sel.replaceChildren(first, ...SAMPLES.map((s) => new Option(s.title[lang], s.id)));
}

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => {
    lang = b.dataset.lang;
    store.set('jikenbo.lang', lang);
    applyLang();
  });
}

// ---- theme --------------------------------------------------------------------
function applyTheme() {
  document.documentElement.setAttribute('data-theme', theme);
  $('theme-name').textContent = `${strings(lang).theme}: ${strings(lang).themeNames[theme]}`;
}
$('theme').addEventListener('click', () => {
  theme = { auto: 'light', light: 'dark', dark: 'auto' }[theme] ?? 'auto';
  store.set('jikenbo.theme', theme);
  applyTheme();
});

// ---- toolbar ------------------------------------------------------------------
let toastTimer = 0;
function toast(msg) {
  $('toast').textContent = msg;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { $('toast').textContent = ''; }, 2500);
}

function updateChars() {
  const n = $('notice').value.length;
  $('chars').textContent = n ? `(${strings(lang).chars(n)})` : '';
}

$('notice').addEventListener('input', updateChars);

$('sample').addEventListener('change', (e) => {
  const s = SAMPLES.find((x) => x.id === e.target.value);
  if (!s) return;
  view.setText(s.text);
  updateChars();
});

$('clear').addEventListener('click', () => {
  view.setText('');
  $('sample').value = '';
  updateChars();
  $('notice').focus();
});

/** The report JSON of what the menu would save (the notice in view, or all of them). */
function reportJson() {
  try {
    return menu.build('report')?.content ?? null;
  } catch {
    return null;
  }
}

$('copy').addEventListener('click', async () => {
  const S = strings(lang);
  const json = reportJson();
  if (!json) { toast(S.nothingToExport); return; }
  try {
    await navigator.clipboard.writeText(json);
    toast(S.copied);
  } catch {
    // Fallback for browsers without the async clipboard (or without permission).
    const ta = document.createElement('textarea');
    ta.value = json;
    ta.setAttribute('readonly', '');
    ta.className = 'sr-only';
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    toast(ok ? S.copied : S.copyFailed);
  }
});

// ---- loading --------------------------------------------------------------------
function setLoading() {
  const st = $('status');
  st.classList.remove('error');
  st.classList.add('loading');
  st.textContent = strings(lang).loading;
}

function showLoadError(err) {
  const S = strings(lang);
  const info = explainLoadError(err, lang);
  const st = $('status');
  st.classList.remove('loading');
  st.setAttribute('role', 'alert');
  view.showError(`${S.loadFailed}: ${info.message}`, `(${info.detail})`);
  view.showLoadFailure(info, lang);
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'btn retry';
  retry.textContent = PAGE[lang].retry;
  retry.addEventListener('click', start);
  st.append(' ', retry);
  document.body.dataset.error = info.kind;
}

async function start() {
  loadError = null;
  delete document.body.dataset.error;
  setLoading();
  const { loading, engine } = takeEngine();
  try {
    const loaded = await loading;
    const api = loaded.api;
    $('status').classList.remove('loading');
    $('status').setAttribute('role', 'status');
    view.setStatus(strings(lang).ready);
    view.setApi(loaded, engine);
    $('results').setAttribute('aria-busy', 'false');
    try {
      const v = api.version();
      $('version').textContent = `v${v.version} · ${v.rules} rules · ${v.rulesFingerprint}`;
    } catch { /* optional */ }
    document.body.dataset.ready = '';
  } catch (err) {
    engine.dispose();
    loadError = err;
    showLoadError(err);
  }
}

applyLang();
start();

// ---- offline --------------------------------------------------------------------
// sw.js keeps the page, its scripts and the .wasm, so that it works offline
// after one visit. It sends nothing anywhere: it only serves these files.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const register = () => navigator.serviceWorker.register(new URL('sw.js', import.meta.url))
    .then(() => { document.body.dataset.offline = 'registered'; }, () => { document.body.dataset.offline = 'unavailable'; });
  if (document.readyState === 'complete') register(); else addEventListener('load', register, { once: true });
}
