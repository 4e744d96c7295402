// Shared by the benchmark harnesses (see BENCHMARKS.md): the notices to
// classify, inputs of fixed sizes, timing statistics, and the JavaScript
// RegExp baseline classifier built from js/bench/rules.generated.mjs.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const QUICK = process.env.BENCH_QUICK === '1';

// Written for the benchmarks (not taken from any real notice); used only when
// ../shared/corpus is absent, so that the harnesses still run anywhere.
const SYNTHETIC = [
  `【重要】不正アクセスによる個人情報流出の可能性に関するお詫びとお知らせ
2025年3月10日
株式会社サンプル商事
このたび、当社が運営する通販サイトのサーバーが第三者による不正アクセスを受け、お客様の個人情報が流出した可能性があることが判明いたしました。
お客様には多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。
1.経緯
2025年2月20日、外部の調査会社からの指摘により、決済画面が改ざんされていることを確認いたしました。
2.流出した可能性のある情報
・氏名、住所、電話番号、メールアドレス
・クレジットカード番号、有効期限、セキュリティコード
対象:2024年11月1日から2025年2月20日までにご購入いただいたお客様 約3,200名
3.対応
個人情報保護委員会および警察に報告しております。カード会社と連携し、不正利用の監視を行っております。
不審なメールにはご注意ください。
お問い合わせ先:お客様相談窓口 0120-000-000`,
  `ランサムウェア被害に関するお知らせ
〇〇市民病院
当院の電子カルテシステムがランサムウェアに感染し、サーバー内のデータが暗号化されました。
このため、外来診療を一時停止しております。
現在、外部の専門家の協力を得て調査を進めておりますが、患者様の氏名、生年月日、病名等の情報が外部に流出した事実は確認されておりません。
復旧の見込みについては、判明次第お知らせいたします。`,
  `メール誤送信についてのお詫び
令和7年1月15日
△△県教育委員会
職員が研修案内のメールを送信する際、宛先をBCCではなくTOに入力したため、受信者256名のメールアドレスが他の受信者に表示される状態となりました。
メールアドレス以外の情報は含まれておりません。
該当の皆様には個別にお詫びし、メールの削除をお願いしております。
今後は複数人への送信時にダブルチェックを徹底し、再発防止に努めてまいります。`,
  `USBメモリの紛失について
学校法人サンプル学園
本学教員が、学生の成績情報を保存したUSBメモリを紛失いたしました。
USBメモリには学生123名分の氏名、学籍番号および成績が記録されておりましたが、パスワードによる保護がされておりました。
警察に遺失物届を提出するとともに、引き続き捜索を行っております。
現時点で、第三者による情報の不正利用は確認されておりません。`,
];

/** The notices: ../shared/corpus/{dev,seed}/*.txt, else the synthetic ones. */
export function loadNotices() {
  const dirs = ['dev', 'seed'].map((d) => join(ROOT, '..', 'shared', 'corpus', d)).filter(existsSync);
  const out = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      out.push(readFileSync(join(dir, f), 'utf8'));
    }
  }
  if (out.length) return { source: `../shared/corpus (${dirs.length} dirs)`, notices: out };
  return { source: 'synthetic notices (../shared/corpus absent)', notices: SYNTHETIC };
}

export const SIZES = [1e3, 1e4, 1e5, 1e6, 1e7];
export const sizeName = (n) => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} KB`);

/** About `bytes` UTF-8 bytes (never more) made by repeating the notices. */
export function ofSize(notices, bytes) {
  const parts = [];
  let len = 0;
  for (let i = 0; ; i++) {
    const n = notices[i % notices.length] + '\n\n';
    const b = Buffer.byteLength(n);
    if (len + b > bytes) {
      // Fill the rest with a prefix of the next notice, cut on a character.
      let s = '';
      for (const ch of n) {
        const cb = Buffer.byteLength(ch);
        if (len + cb > bytes) break;
        s += ch;
        len += cb;
      }
      parts.push(s);
      break;
    }
    parts.push(n);
    len += b;
  }
  return parts.join('');
}

export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
}
export const median = (xs) => stats(xs).median;
export const fmt = (x, d = 3) => x.toFixed(d);

/**
 * The JavaScript baseline: what a web developer would write without the
 * package. Every cue of rules/ as a RegExp, one scan of the (lower-cased)
 * text per cue; a hit counts when its sentence matches the cue's `near` and
 * not its `not_near`. Returns the rules that fired and their spans. It does
 * much less than the Rust classifier (no normalisation, scope, count,
 * organisation or rubric), so it is a generous baseline.
 */
export function makeJsClassifier(CUES) {
  return function jsClassify(input) {
    const text = input.toLowerCase();
    const ends = [];
    for (const m of text.matchAll(/[。!?!?\n]/g)) ends.push(m.index + 1);
    ends.push(text.length);
    const sentenceAt = (i) => {
      let lo = 0, hi = ends.length - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (ends[mid] <= i) lo = mid + 1; else hi = mid; }
      return [lo ? ends[lo - 1] : 0, ends[lo]];
    };
    const fired = new Set();
    const evidence = [];
    for (const [field, id, re, near, notNear] of CUES) {
      for (const m of text.matchAll(re)) {
        if (!m[0]) continue;
        if (near || notNear) {
          const [a, b] = sentenceAt(m.index);
          const sentence = text.slice(a, b);
          if (near && sentence.search(near) < 0) continue;
          if (notNear && sentence.search(notNear) >= 0) continue;
        }
        fired.add(`${field}/${id}`);
        evidence.push({ start: m.index, end: m.index + m[0].length, rule: `${field}/${id}` });
      }
    }
    return { rules: [...fired], evidence };
  };
}
