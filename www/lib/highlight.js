// The evidence overlay: a mirror <div> behind a transparent <textarea> holds
// the very same text, laid out with the same font, padding, border and
// wrapping, so a <mark> around text.slice(start, end) in the mirror sits
// exactly under those characters of the textarea. Offsets are UTF-16 code
// units, which is what String.prototype.slice uses, so no conversion.

/**
 * Fill `mirror` with `text`, wrapping the `active` spans in <mark> and the
 * other `faint` spans in <span class="ev">. Segments carry data-start and
 * data-end (UTF-16 offsets). Overlapping spans are split at every boundary.
 */
export function renderMirror(mirror, text, active = [], faint = []) {
  const doc = mirror.ownerDocument;
  const len = text.length;
  const clamp = (s) => ({ start: Math.max(0, Math.min(len, s.start)), end: Math.max(0, Math.min(len, s.end)) });
  const act = active.map(clamp).filter((s) => s.end > s.start);
  const fnt = faint.map(clamp).filter((s) => s.end > s.start);
  const cuts = new Set([0, len]);
  for (const s of act) { cuts.add(s.start); cuts.add(s.end); }
  for (const s of fnt) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const covered = (list, a, b) => list.some((s) => s.start <= a && s.end >= b);
  const frag = doc.createDocumentFragment();
  let firstMark = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (b <= a) continue;
    const piece = text.slice(a, b);
    let node;
    if (act.length && covered(act, a, b)) {
      node = doc.createElement('mark');
      node.className = 'hl';
      firstMark ??= node;
    } else if (fnt.length && covered(fnt, a, b)) {
      node = doc.createElement('span');
      node.className = 'ev';
    } else {
      frag.append(doc.createTextNode(piece));
      continue;
    }
    node.setAttribute('data-start', String(a));
    node.setAttribute('data-end', String(b));
    node.textContent = piece;
    frag.append(node);
  }
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
