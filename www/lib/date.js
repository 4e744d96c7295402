// The first date a notice states, found in JavaScript (the classifier does
// not report dates): 令和/平成 with year, month and day (元年, full-width
// digits and kanji numerals too), or a Western date (2025年10月3日,
// 西暦2025年…, 2025/10/3, 2025-10-03, 2025.10.3). It is only "the first
// date in the text", shown as such: not necessarily the date of publication.

const ERA_BASE = { 令和: 2018, 平成: 1988 };
const NUM = '[0-9０-９〇一二三四五六七八九十]{1,4}';
const SP = '[\\s　]*';
const PAREN = `(?:[（(][^（()）]{1,12}[）)]${SP})?`;
const RE = new RegExp([
  // 令和7年10月3日, 令和元年5月1日, 令和七年十月三日, 令和7年（2025年）10月3日
  `(令和|平成)${SP}(元|${NUM})${SP}年${SP}${PAREN}(${NUM})${SP}月${SP}(${NUM})${SP}日`,
  // 2025年10月3日, 2025年（令和7年）10月3日, ２０２５年１０月３日
  `((?:19|20|１９|２０|一九|二〇|二○)[0-9０-９〇一二三四五六七八九○]{2})${SP}年${SP}${PAREN}(${NUM})${SP}月${SP}(${NUM})${SP}日`,
  // 2025/10/3, 2025-10-03, 2025.10.3
  '(?<![0-9/.\\-])((?:19|20)[0-9]{2})[/.\\-]([0-9]{1,2})[/.\\-]([0-9]{1,2})(?![0-9])',
].join('|'), 'g');

const KANJI = { '〇': 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** '7', '０７', '七', '十', '二十三', '二〇二五' → a number (NaN when it is none). */
export function parseNumber(s) {
  const t = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(t)) return Number(t);
  if (t.includes('十')) {
    const [tens, ones] = t.split('十');
    if (ones.includes('十')) return NaN;
    const a = tens === '' ? 1 : KANJI[tens];
    const b = ones === '' ? 0 : KANJI[ones];
    return tens.length > 1 || ones.length > 1 || a === undefined || b === undefined ? NaN : a * 10 + b;
  }
  let n = 0;
  for (const c of t) {
    const d = KANJI[c] ?? (/[0-9]/.test(c) ? Number(c) : undefined);
    if (d === undefined) return NaN;
    n = n * 10 + d;
  }
  return n;
}

function valid(y, m, d) {
  if (!(y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The first valid date in `text`, or null:
 * { start, end, text, year, month, day, iso, era } with start/end UTF-16
 * offsets (text.slice(start, end) is the date as written) and `era` '令和',
 * '平成' or null.
 */
export function findDate(text) {
  if (typeof text !== 'string' || !text) return null;
  RE.lastIndex = 0;
  for (let m; (m = RE.exec(text));) {
    let year; let month; let day; let era = null;
    if (m[1]) {
      era = m[1];
      const n = m[2] === '元' ? 1 : parseNumber(m[2]);
      year = ERA_BASE[era] + n;
      month = parseNumber(m[3]);
      day = parseNumber(m[4]);
      if (!(n >= 1 && n <= 99)) continue;
    } else if (m[5]) {
      year = parseNumber(m[5].replace(/○/g, '〇'));
      month = parseNumber(m[6]);
      day = parseNumber(m[7]);
    } else {
      year = Number(m[8]);
      month = Number(m[9]);
      day = Number(m[10]);
    }
    if (!valid(year, month, day)) continue;
    const pad = (x) => String(x).padStart(2, '0');
    return {
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      year, month, day, era,
      iso: `${year}-${pad(month)}-${pad(day)}`,
    };
  }
  return null;
}
