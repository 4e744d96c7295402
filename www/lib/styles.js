// Styles shared by the page (adopted by the document) and the widget
// (adopted by its shadow root). Only CSS custom properties change between
// themes; both fronts declare them (the page on :root, the widget on :host).
// Sizes are in px/em, never rem: a host page's `html { font-size }` must not
// resize the widget.

const LIGHT = `
  /* Background of the component and of tags. */
  --jikenbo-bg: #ffffff;
  /* Background of cards (headline figures, evidence panel). */
  --jikenbo-surface: #f4f6f8;
  /* Background of the notice field. */
  --jikenbo-field-bg: #ffffff;
  /* Text colour. */
  --jikenbo-fg: #1a1f24;
  /* Secondary text (titles, hints, rule ids). */
  --jikenbo-muted: #56606b;
  /* Borders of fields, cards and tags. */
  --jikenbo-border: #c9d1d9;
  /* Focus rings and the pinned tag. */
  --jikenbo-accent: #0a58a8;
  --jikenbo-accent-fg: #ffffff;
  /* Highlight behind the evidence of the active tag. */
  --jikenbo-mark: #ffd86b;
  /* Underline of all evidence, border of the active tag. */
  --jikenbo-evidence: #d9a400;
  /* Tint of the notice open in the list (a text with several notices). */
  --jikenbo-part: #e6effa;
  /* Colours of the severity levels (also tier 3 / tier 2 badges). */
  --jikenbo-critical: #a4161a;
  --jikenbo-high: #b54708;
  --jikenbo-medium: #7a5c00;
  --jikenbo-low: #2e6b3a;
  /* Error message text and background. */
  --jikenbo-error: #b42318;
  --jikenbo-error-bg: #fdecea;
  color-scheme: light;`;

const DARK = `
  --jikenbo-bg: #14181d;
  --jikenbo-surface: #1d232a;
  --jikenbo-field-bg: #0f1317;
  --jikenbo-fg: #e6edf3;
  --jikenbo-muted: #9aa6b2;
  --jikenbo-border: #3a4450;
  --jikenbo-accent: #6cb2ff;
  --jikenbo-accent-fg: #0b1220;
  --jikenbo-mark: #8a6200;
  --jikenbo-evidence: #c99a1a;
  --jikenbo-part: #1c2b3e;
  --jikenbo-critical: #ff8a80;
  --jikenbo-high: #ffb26b;
  --jikenbo-medium: #e8cf6a;
  --jikenbo-low: #7fd18f;
  --jikenbo-error: #ffb4ab;
  --jikenbo-error-bg: #3b1512;
  color-scheme: dark;`;

/**
 * Theme variables for a scope: `base` gets the light theme and the sizes,
 * `dark` is the selector of the forced dark theme, `autoDark` the selector
 * that turns dark when the system prefers it (i.e. not forced light).
 */
export function themeCss({ base, dark, autoDark }) {
  return `
${base} {
  /* Typeface of the whole component. */
  --jikenbo-font: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif;
  /* Typeface of rule ids. */
  --jikenbo-mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK JP", monospace;
  /* Base text size (px, not rem). */
  --jikenbo-font-size: 15px;
  /* Minimum height of the notice field. */
  --jikenbo-field-height: 15em;
  /* Corner radius of fields, cards and tags. */
  --jikenbo-radius: 8px;
  ${LIGHT}
}
@media (prefers-color-scheme: dark) { ${autoDark} { ${DARK} } }
${dark} { ${DARK} }
`;
}

export const componentCss = `
.jk, .jk * { box-sizing: border-box; }
.jk {
  font-family: var(--jikenbo-font);
  font-size: var(--jikenbo-font-size);
  line-height: 1.55;
  color: var(--jikenbo-fg);
  container-type: inline-size;
}
.jk [hidden] { display: none !important; }
.jk .sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.jk .layout { display: grid; gap: 14px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 820px) {
  .jk .layout { grid-template-columns: minmax(0, 1.05fr) minmax(0, 1fr); align-items: start; }
  .jk.compact .layout { grid-template-columns: minmax(0, 1fr); }
}
.jk .pane { display: grid; gap: 10px; min-width: 0; }

/* ---- the notice field: textarea over its mirror --------------------------- */
.jk .field {
  position: relative;
  contain: layout paint;
  background: var(--jikenbo-field-bg);
  border-radius: var(--jikenbo-radius);
}
.jk .notice, .jk .mirror {
  display: block; width: 100%; margin: 0;
  padding: 12px 14px;
  border: 1px solid transparent;
  border-radius: var(--jikenbo-radius);
  font-family: var(--jikenbo-font);
  font-size: 1em; font-weight: 400; font-style: normal;
  line-height: 1.75; letter-spacing: normal; word-spacing: normal;
  text-align: start; text-indent: 0; text-transform: none;
  tab-size: 4;
  white-space: pre-wrap; overflow-wrap: break-word; word-break: normal; line-break: auto;
  overflow-x: hidden; overflow-y: auto; scrollbar-gutter: stable;
}
.jk .notice {
  position: relative; z-index: 1;
  min-height: var(--jikenbo-field-height);
  resize: vertical;
  background: transparent;
  color: var(--jikenbo-fg);
  caret-color: var(--jikenbo-fg);
  border-color: var(--jikenbo-border);
}
.jk.compact .notice { min-height: 8em; }
.jk .notice::placeholder { color: var(--jikenbo-muted); opacity: 1; }
.jk .notice:focus-visible { outline: 3px solid var(--jikenbo-accent); outline-offset: 1px; }
.jk .mirror {
  position: absolute; inset: 0; z-index: 0;
  height: 100%;
  overflow-y: hidden;
  color: transparent;
  pointer-events: none;
  user-select: none;
  contain: strict;
}
.jk .mirror .ev {
  text-decoration: underline 2px var(--jikenbo-evidence);
  text-decoration-skip-ink: none;
  text-underline-offset: 4px;
}
.jk .mirror .in-part { background: var(--jikenbo-part); }
.jk .mirror mark {
  color: transparent;
  background: var(--jikenbo-mark);
  border-radius: 2px;
  box-shadow: 0 0 0 1px var(--jikenbo-evidence);
}

/* ---- status and errors -------------------------------------------------- */
.jk .status { margin: 0; min-height: 1.5em; font-size: .9em; color: var(--jikenbo-muted); }
.jk .status.error {
  color: var(--jikenbo-error); background: var(--jikenbo-error-bg);
  border: 1px solid var(--jikenbo-error); border-radius: var(--jikenbo-radius); padding: 8px 12px;
}
.jk .status.loading::before {
  content: ""; display: inline-block; width: .8em; height: .8em; margin-inline-end: .5em;
  border: 2px solid var(--jikenbo-border); border-top-color: var(--jikenbo-accent); border-radius: 50%;
  animation: jk-spin 0.8s linear infinite; vertical-align: -0.05em;
}
@keyframes jk-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .jk .status.loading::before { animation: none; } }
.jk .summary { margin: 0; font-size: .95em; color: var(--jikenbo-fg); font-weight: 550; }
.jk .note { margin: 0; font-size: .85em; color: var(--jikenbo-muted); border-inline-start: 3px solid var(--jikenbo-border); padding-inline-start: 8px; }
.jk .load-error {
  display: grid; gap: 6px; margin: 0;
  color: var(--jikenbo-error); background: var(--jikenbo-error-bg);
  border: 1px solid var(--jikenbo-error); border-radius: var(--jikenbo-radius); padding: 10px 12px;
}
.jk .load-error p { margin: 0; }
.jk .load-error-detail code { font-family: var(--jikenbo-mono); font-size: .8em; overflow-wrap: anywhere; }

/* ---- results --------------------------------------------------------------- */
.jk .results { display: grid; gap: 12px; min-width: 0; }
.jk .results.stale { opacity: .55; }
.jk .placeholder-result, .jk .hint, .jk .empty { margin: 0; color: var(--jikenbo-muted); font-size: .92em; }
.jk .headline { display: grid; gap: 8px; grid-template-columns: repeat(2, minmax(0, 1fr)); }
@container (min-width: 560px) { .jk .headline { grid-template-columns: repeat(4, minmax(0, 1fr)); } }
.jk .stat {
  display: grid; gap: 4px; align-content: start;
  background: var(--jikenbo-surface); border: 1px solid var(--jikenbo-border);
  border-radius: var(--jikenbo-radius); padding: 8px 10px;
}
.jk .stat-title { font-size: .78em; color: var(--jikenbo-muted); letter-spacing: .02em; }
.jk .stat .tag { justify-self: start; font-size: 1em; font-weight: 650; }
.jk .group { display: grid; gap: 6px; }
.jk .overview { display: grid; gap: 10px; }
.jk .overview .org-name { font-weight: 650; }
.jk .group-title, .jk .quotes-title { margin: 0; font-size: .82em; font-weight: 650; color: var(--jikenbo-muted); letter-spacing: .02em; }
.jk .chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; list-style: none; }
.jk .chips li { margin: 0; padding: 0; }
.jk .reasons { margin: 0; padding: 0; list-style: none; display: grid; gap: 4px; }
.jk .levels, .jk .org { margin: 0; display: flex; flex-wrap: wrap; gap: 6px; }

.jk .tag {
  display: inline-flex; align-items: baseline; gap: 6px;
  margin: 0; padding: 3px 10px;
  font: inherit; font-size: .92em; line-height: 1.45; text-align: start;
  color: var(--jikenbo-fg); background: var(--jikenbo-bg);
  border: 1px solid var(--jikenbo-border); border-radius: 999px;
  cursor: pointer;
}
.jk .reason { border-radius: var(--jikenbo-radius); font-size: .88em; }
.jk .tag:hover, .jk .tag.active { border-color: var(--jikenbo-evidence); background: var(--jikenbo-surface); }
.jk .tag.active { box-shadow: 0 0 0 2px var(--jikenbo-mark); }
.jk .tag[aria-pressed="true"] { border-color: var(--jikenbo-accent); box-shadow: 0 0 0 2px var(--jikenbo-accent); }
.jk .tag:focus-visible { outline: 3px solid var(--jikenbo-accent); outline-offset: 2px; }
.jk .tag-badge {
  font-size: .78em; color: var(--jikenbo-muted); font-family: var(--jikenbo-mono);
}
.jk .tier-3 { border-color: var(--jikenbo-critical); }
.jk .tier-3 .tag-badge { color: var(--jikenbo-critical); font-weight: 650; }
.jk .tier-2 .tag-badge { color: var(--jikenbo-high); }
.jk .level-critical, .jk .level-critical .tag-label { color: var(--jikenbo-critical); }
.jk .level-high { color: var(--jikenbo-high); }
.jk .level-medium { color: var(--jikenbo-medium); }
.jk .level-low { color: var(--jikenbo-low); }
.jk .stat .level { border-color: currentColor; }
.jk .ppc-required { color: var(--jikenbo-critical); border-color: currentColor; }
.jk .leak-confirmed { color: var(--jikenbo-critical); }
.jk .leak-possible { color: var(--jikenbo-high); }
.jk .leak-none { color: var(--jikenbo-low); }
.jk .org-name.unknown { color: var(--jikenbo-muted); font-style: italic; }

/* ---- several notices: one card each --------------------------------------- */
.jk .notices { display: grid; gap: 8px; }
.jk .notice-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.jk .notice-card {
  margin: 0; padding: 8px 10px; min-width: 0;
  background: var(--jikenbo-surface); border: 1px solid var(--jikenbo-border); border-radius: var(--jikenbo-radius);
}
.jk .notice-card.open { border-color: var(--jikenbo-accent); box-shadow: inset 3px 0 0 var(--jikenbo-accent); }
.jk .notice-card article { display: grid; gap: 6px; min-width: 0; }
.jk .card-title { margin: 0; font-size: .92em; font-weight: 650; display: flex; gap: 8px; align-items: baseline; min-width: 0; }
.jk .card-no { font-size: .82em; font-weight: 500; color: var(--jikenbo-muted); white-space: nowrap; }
.jk .card-heading { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.jk .card-facts { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.jk .card-facts .org-name { font-weight: 650; }
.jk .no-date, .jk .card-facts .empty { font-size: .85em; color: var(--jikenbo-muted); }
.jk .card-toggle {
  margin-inline-start: auto; padding: 3px 12px; min-height: 30px;
  font: inherit; font-size: .88em; color: var(--jikenbo-accent); background: var(--jikenbo-bg);
  border: 1px solid var(--jikenbo-accent); border-radius: 6px; cursor: pointer;
}
.jk .card-toggle[aria-expanded="true"] { background: var(--jikenbo-accent); color: var(--jikenbo-accent-fg); }
.jk .card-toggle:focus-visible { outline: 3px solid var(--jikenbo-accent); outline-offset: 2px; }
.jk .card-detail { display: grid; gap: 12px; margin-top: 4px; padding-top: 10px; border-top: 1px dashed var(--jikenbo-border); min-width: 0; }

/* ---- download as ------------------------------------------------------------ */
.jk .export-wrap { display: inline-flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.jk .export { position: relative; display: inline-block; }
.jk .export-toggle {
  list-style: none; display: inline-flex; align-items: center; min-height: 34px; padding: 5px 12px;
  font: inherit; font-size: .92em; color: var(--jikenbo-fg); background: var(--jikenbo-bg);
  border: 1px solid var(--jikenbo-border); border-radius: 6px; cursor: pointer; user-select: none;
}
.jk .export-toggle::-webkit-details-marker { display: none; }
.jk .export-toggle::marker { content: ""; }
.jk .export-toggle:hover { background: var(--jikenbo-surface); }
.jk .export[open] > .export-toggle { border-color: var(--jikenbo-accent); }
.jk .export-toggle:focus-visible { outline: 3px solid var(--jikenbo-accent); outline-offset: 2px; }
.jk .export-panel {
  position: absolute; z-index: 20; inset-inline-start: 0; top: calc(100% + 4px);
  width: 26em; max-width: calc(100vw - 24px);
  display: grid; gap: 8px; padding: 10px 12px;
  font-size: .92em; color: var(--jikenbo-fg); background: var(--jikenbo-bg);
  border: 1px solid var(--jikenbo-border); border-radius: var(--jikenbo-radius);
  box-shadow: 0 6px 24px rgba(0, 0, 0, .18);
}
.jk .export-scope { margin: 0; padding: 4px 8px 6px; display: grid; gap: 4px; border: 1px solid var(--jikenbo-border); border-radius: 6px; min-width: 0; }
.jk .export-scope legend { padding: 0 4px; font-size: .85em; color: var(--jikenbo-muted); }
.jk .export-choice, .jk .export-excel { display: flex; gap: 6px; align-items: baseline; font-size: .95em; }
.jk .export-formats { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.jk .export-formats li { margin: 0; padding: 0; }
.jk .export-format {
  width: 100%; padding: 5px 10px; text-align: start;
  font: inherit; color: var(--jikenbo-fg); background: var(--jikenbo-surface);
  border: 1px solid var(--jikenbo-border); border-radius: 6px; cursor: pointer;
}
.jk .export-format:hover { border-color: var(--jikenbo-accent); }
.jk .export-format:focus-visible, .jk .export-panel input:focus-visible { outline: 3px solid var(--jikenbo-accent); outline-offset: 2px; }
.jk .export-note { margin: 0; font-size: .85em; color: var(--jikenbo-muted); }
.jk .export-error {
  display: grid; gap: 4px; margin: 0; padding: 8px 10px;
  color: var(--jikenbo-error); background: var(--jikenbo-error-bg);
  border: 1px solid var(--jikenbo-error); border-radius: var(--jikenbo-radius);
}
.jk .export-error p { margin: 0; }
.jk .export-error code { font-family: var(--jikenbo-mono); font-size: .85em; overflow-wrap: anywhere; }
.jk .export-status { font-size: .85em; color: var(--jikenbo-low); overflow-wrap: anywhere; }
.jk .result-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
/* narrow: the open menu is a panel in the flow, the full width of its row */
@container (max-width: 599px) {
  .jk .export-wrap:has(> .export[open]) { flex-basis: 100%; }
  .jk .export[open] { display: block; width: 100%; }
  .jk .export-panel { position: static; width: auto; max-width: none; margin-top: 6px; box-shadow: none; }
}

/* ---- evidence quotes ----------------------------------------------------- */
.jk .quotes-panel {
  display: grid; gap: 6px;
  background: var(--jikenbo-surface); border: 1px dashed var(--jikenbo-border);
  border-radius: var(--jikenbo-radius); padding: 8px 12px; min-height: 3em;
}
.jk.compact .quotes-panel { display: none; }
.jk .quotes { margin: 0; padding-inline-start: 1.4em; display: grid; gap: 4px; }
.jk .quote {
  font: inherit; font-size: .92em; text-align: start; color: var(--jikenbo-fg);
  background: none; border: 0; padding: 0; cursor: pointer; overflow-wrap: anywhere;
}
.jk .quote:hover .ctx, .jk .quote:focus-visible .ctx { color: var(--jikenbo-fg); }
.jk .quote:focus-visible { outline: 2px solid var(--jikenbo-accent); outline-offset: 2px; }
.jk .quote .ctx { color: var(--jikenbo-muted); }
.jk .quote mark { background: var(--jikenbo-mark); color: inherit; border-radius: 2px; padding: 0 1px; }
.jk .rule { display: block; font-family: var(--jikenbo-mono); font-size: .75em; color: var(--jikenbo-muted); overflow-wrap: anywhere; }
`;

/** A constructable stylesheet (shared, parsed once) or null where unsupported. */
export function sheet(css) {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  } catch {
    return null;
  }
}
