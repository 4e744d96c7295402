// The evidence overlay: a mirror <div> behind a transparent <textarea> holds
// the very same text, laid out with the same font, padding, border and
// wrapping, so a <mark> around text.slice(start, end) in the mirror sits
// exactly under those characters of the textarea. Offsets are UTF-16 code
// units, which is what String.prototype.slice uses, so no conversion.

/**
 * Fill `mirror` with `text`, wrapping the `active` spans in <mark> and the
 * other `faint` spans in <span class="ev">. Segments carry data-start and
 * data-end (UTF-16 offsets). Overlapping spans are split at every boundary.
 * `region` ({ start, end } or null): the notice in view when the text holds
 * several; its text is tinted (class "in-part", <span class="part"> where
 * no evidence is).
 */
export function renderMirror(mirror, text, active = [], faint = [], region = null) {
  const doc = mirror.ownerDocument;
  const len = text.length;
  const clamp = (s) => ({ start: Math.max(0, Math.min(len, s.start)), end: Math.max(0, Math.min(len, s.end)) });
  const act = active.map(clamp).filter((s) => s.end > s.start);
  const fnt = faint.map(clamp).filter((s) => s.end > s.start);
  // Sweep over the span boundaries: O((n + m) log m) for m spans, however
  // many there are (a long notice can have tens of thousands).
  const events = [];
  for (const s of act) events.push([s.start, 1, 0], [s.end, -1, 0]);
  for (const s of fnt) events.push([s.start, 0, 1], [s.end, 0, -1]);
  const reg = region ? clamp(region) : null;
  if (reg && reg.end > reg.start) events.push([reg.start, 0, 0, 1], [reg.end, 0, 0, -1]);
  events.sort((a, b) => a[0] - b[0]);
  const frag = doc.createDocumentFragment();
  let firstMark = null;
  let inAct = 0;
  let inFnt = 0;
  let inReg = 0;
  let pos = 0;
  const emit = (a, b) => {
    if (b <= a) return;
    const piece = text.slice(a, b);
    let node;
    if (inAct > 0) {
      node = doc.createElement('mark');
      node.className = 'hl';
      firstMark ??= node;
    } else if (inFnt > 0) {
      node = doc.createElement('span');
      node.className = 'ev';
    } else if (inReg > 0) {
      node = doc.createElement('span');
      node.className = 'part';
    } else {
      frag.append(doc.createTextNode(piece));
      return;
    }
    if (inReg > 0) node.classList.add('in-part');
    node.setAttribute('data-start', String(a));
    node.setAttribute('data-end', String(b));
    node.textContent = piece;
    frag.append(node);
  };
  for (let i = 0; i < events.length;) {
    const at = events[i][0];
    emit(pos, at);
    pos = at;
    for (; i < events.length && events[i][0] === at; i++) { inAct += events[i][1]; inFnt += events[i][2]; inReg += events[i][3] ?? 0; }
  }
  emit(pos, len);
  // A trailing newline in a textarea still opens a line; make the mirror do the same.
  frag.append(doc.createTextNode('\u200b'));
  mirror.replaceChildren(frag);
  return firstMark;
}

/** Scroll the textarea (and the mirror with it) so that `mark` is in view. */
export function revealMark(textarea, mirror, mark) {
  if (!mark) return;
  const top = mark.offsetTop;
  const bottom = top + mark.offsetHeight;
  const view = textarea.clientHeight;
  if (top < textarea.scrollTop || bottom > textarea.scrollTop + view) {
    textarea.scrollTop = Math.max(0, top - view / 3);
  }
  mirror.scrollTop = textarea.scrollTop;
}
