// Listens to the widgets' events on the host page (no inline script: the
// page's CSP forbids it). Also records CSP violations for the tests.
window.jikenboEvents = [];
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
for (const type of ['jikenbo-ready', 'jikenbo-result', 'jikenbo-error']) {
  document.addEventListener(type, (e) => {
    const who = e.target?.id || e.target?.tagName;
    const what = type === 'jikenbo-result' ? `severity ${e.detail.severity.level}` : JSON.stringify(e.detail?.kind ?? e.detail?.version?.version ?? '');
    window.jikenboEvents.push({ type, id: who, detail: e.detail });
    const log = document.getElementById('log');
    if (log) log.textContent = `${type} (${who}): ${what}`;
  });
}
