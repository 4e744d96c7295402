// Interface strings of the page and the widget, in Japanese and English.
// Taxonomy labels (attack types, data categories, authorities) come with the
// report itself (`label.ja` / `label.en`); only the words the report does not
// carry live here.

export const LANGS = ['ja', 'en'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const STRINGS = {
  ja: {
    loading: '分類エンジン（WebAssembly）を読み込んでいます…',
    ready: '準備完了。お知らせの本文を貼り付けてください。',
    readyEmpty: 'お知らせの本文を入力すると、ここに結果が表示されます。',
    classified: (ms) => `分類しました（${ms} ms）`,
    classifying: '分類しています…',
    classifyFailed: '分類できませんでした',
    retryHint: '本文はそのまま残っています。修正すると再度分類します。',
    loadFailed: '分類エンジンを読み込めませんでした',
    noticeLabel: 'お知らせの本文',
    placeholder: '「お詫びとお知らせ」の本文をここに貼り付けてください。ブラウザの中だけで処理され、どこにも送信されません。',
    results: '判定結果',
    attackTypes: '攻撃・原因の種類',
    dataCategories: '関係するデータ',
    leakStatus: '漏えい',
    affectedCount: '影響件数',
    severity: '深刻度',
    severityReasons: '深刻度の理由',
    dataSeverity: 'データ面',
    operationalSeverity: '業務面',
    organization: '組織',
    publicBody: '公的機関（行政機関等）',
    business: '事業者',
    orgUnknown: '組織名は特定できませんでした',
    reportedTo: '報告先',
    ppcReport: '個人情報保護委員会への報告',
    ppcCases: '該当する類型',
    none: 'なし',
    noneFound: '該当なし',
    tier: (n) => `ティア${n}`,
    tierTitle: (n) => `データのティア ${n}（3 が最も機微）`,
    score: (s) => `確度 ${Math.round(s * 100)}%`,
    count: (n) => (n == null ? '記載なし' : `${n.toLocaleString('ja-JP')} 件`),
    evidence: '根拠',
    evidenceFor: (label) => `「${label}」の根拠`,
    evidenceCount: (n) => (n ? `根拠 ${n} 箇所` : '本文中の根拠なし（他の判定から導出）'),
    noEvidence: '本文中の根拠箇所はありません（他の判定から導出されています）。',
    evidenceHint: 'タグにカーソルを合わせるかフォーカスすると、本文の根拠箇所が強調されます。',
    jumpToQuote: '本文のこの箇所を選択',
    // The line read first: who, what, when; then the verdicts.
    summary: (r, L, date) => {
      const org = r.organization.name ?? L.orgUnknownShort;
      const what = r.attackTypes.length ? r.attackTypes.map((t) => t.label?.ja ?? t.id).join('・') : L.noCause;
      const when = date ? `（${L.dateInText}: ${L.dateText(date)}）` : '';
      const n = r.affectedCount.value;
      const count = n == null ? '' : `、影響 ${n.toLocaleString('ja-JP')} 件`;
      return `${org}：${what}${when}。深刻度 ${L.level[r.severity.level]}、漏えい ${L.leak[r.leakStatus.value]}${count}、個人情報保護委員会への報告 ${r.ppcReport.required ? '必要' : '不要'}。`;
    },
    orgUnknownShort: '組織名不明',
    noCause: '原因の特定なし',
    dateInText: '本文中の日付',
    dateTitle: '本文中で最初に書かれている日付です（公表日とは限りません）',
    dateText: (d) => `${d.year}年${d.month}月${d.day}日`,
    dateLabel: (d) => (d.era ? `${d.text.replace(/[\s　]+/g, '')}（${d.year}年${d.month}月${d.day}日）` : `${d.year}年${d.month}月${d.day}日`),
    mainThreadNote: 'この環境では Web Worker を起動できないため、メインスレッドで分類しています（長い本文では画面が一時的に止まることがあります）。',
    loadFailedHelp: '本文は入力できますが、分類はできません。',
    level: { critical: '重大', high: '高', medium: '中', low: '低' },
    leak: { confirmed: '確認', possible: '可能性あり', none: 'なし', unknown: '不明' },
    ppc: { required: '報告が必要', not_required: '報告義務は見当たりません' },
    ppcReason: {
      case1_special_care: '① 要配慮個人情報（医療情報など）',
      case2_financial: '② 財産的被害のおそれ（クレジットカード情報）',
      case3_unlawful: '③ 不正の目的による行為（攻撃・盗難・内部不正）',
      case4_over_threshold: '④ 1,000 人超（行政機関等は 100 人超）',
      my_number: 'マイナンバー法による報告',
    },
    // several notices in one text
    summaryMany: (parts, L) => {
      const shown = parts.slice(0, 5).map((p) => {
        const r = p.report;
        const what = r.attackTypes.length ? r.attackTypes.map((t) => t.label?.ja ?? t.id).join('・') : L.noCause;
        return `${r.organization.name ?? L.orgUnknownShort}（${what}、深刻度 ${L.level[r.severity.level]}）`;
      });
      const more = parts.length > 5 ? `、ほか ${parts.length - 5} 件` : '';
      return `${parts.length} 件のお知らせが見つかりました：${shown.join('、')}${more}。`;
    },
    noticesTitle: (n) => `本文中のお知らせ（${n} 件）`,
    noticeNo: (i, n) => `${i} / ${n}`,
    showDetails: '詳しく見る',
    hideDetails: '閉じる',
    detailsOf: (i, org) => `お知らせ ${i}（${org}）の判定結果`,
    noDate: '日付の記載なし',
    // download menu
    exportMenu: 'ダウンロード',
    exportScope: '対象',
    scopeOne: (i, org) => `開いているお知らせ（${i}: ${org}）`,
    scopeOneNone: '開いているお知らせ（カードの「詳しく見る」で選びます）',
    scopeAll: (n) => `すべてのお知らせ（${n} 件）`,
    formats: {
      report: '判定結果（JSON）',
      veris: 'VERIS 1.4.1（JSON）',
      stix: 'STIX 2.1（JSON バンドル）',
      misp: 'MISP イベント（JSON）',
      csv: 'CSV（表）',
    },
    forExcel: 'CSV を Excel 用にする（UTF-8 BOM 付き。= + - @ で始まる欄には先頭に \' を付けます）',
    exportNoteOne: '判定結果 JSON の根拠の位置は、貼り付けた本文全体での位置（UTF-16）です。',
    exportNoteAll: '「すべてのお知らせ」では、JSON の形式はお知らせごとの配列（STIX はお知らせ 1 件につき 1 バンドル、その配列）、CSV はお知らせ 1 件につき 1 行になります。',
    exportPrivacy: 'ファイルはこのブラウザの中で作られ、どこにも送信されません。',
    saved: (name) => `保存しました: ${name}`,
    exportFailed: 'ファイルを作れませんでした',
    exportFailedPart: (i) => `お知らせ ${i}`,
    exportErrors: {
      no_date: '日付がわかりません。本文に公表日が書かれておらず、作成日時も渡されていません。',
      invalid_created: '作成日時の形式が正しくありません（YYYY-MM-DD または RFC 3339 の UTC 時刻が必要です）。',
      invalid_argument: '判定結果を読み取れませんでした（分類し直してください）。',
      input_too_large: '本文が大きすぎます（UTF-8 で 10 MiB まで）。',
      other: '予期しないエラーです。',
    },
    exportStale: 'まだ結果がありません。分類が終わると保存できます。',
    // toolbar (page only)
    samples: 'サンプル',
    sampleChoose: 'サンプルを選ぶ…',
    clear: 'クリア',
    copyJson: 'JSON をコピー',
    downloadJson: 'JSON を保存',
    copied: 'JSON をコピーしました',
    copyFailed: 'コピーできませんでした',
    downloaded: 'JSON を保存しました',
    nothingToExport: 'まだ結果がありません',
    language: 'Language / 言語',
    theme: 'テーマ',
    themeNames: { auto: '自動', light: 'ライト', dark: 'ダーク' },
    chars: (n) => `${n.toLocaleString('ja-JP')} 文字`,
    privacy: 'すべてブラウザ内で処理されます。本文はどこにも送信されません。',
  },
  en: {
    loading: 'Loading the classifier (WebAssembly)…',
    ready: 'Ready. Paste the text of a notice.',
    readyEmpty: 'Type or paste a notice and the result appears here.',
    classified: (ms) => `Classified (${ms} ms)`,
    classifying: 'Classifying…',
    classifyFailed: 'Could not classify this text',
    retryHint: 'Your text is kept; edit it and it will be classified again.',
    loadFailed: 'The classifier could not be loaded',
    noticeLabel: 'Text of the notice',
    placeholder: 'Paste the text of a Japanese incident notice (お詫びとお知らせ) here. It is processed in your browser only and never sent anywhere.',
    results: 'Result',
    attackTypes: 'Attack types / causes',
    dataCategories: 'Data involved',
    leakStatus: 'Leak',
    affectedCount: 'Affected',
    severity: 'Severity',
    severityReasons: 'Why this severity',
    dataSeverity: 'data',
    operationalSeverity: 'operations',
    organization: 'Organisation',
    publicBody: 'Public body (government organ)',
    business: 'Business',
    orgUnknown: 'Organisation name not identified',
    reportedTo: 'Authorities notified',
    ppcReport: 'Report to the PPC',
    ppcCases: 'Cases that apply',
    none: 'none',
    noneFound: 'none found',
    tier: (n) => `tier ${n}`,
    tierTitle: (n) => `data tier ${n} (3 is the most sensitive)`,
    score: (s) => `confidence ${Math.round(s * 100)}%`,
    count: (n) => (n == null ? 'not stated' : `${n.toLocaleString('en-GB')}`),
    evidence: 'Evidence',
    evidenceFor: (label) => `Evidence for “${label}”`,
    evidenceCount: (n) => (n ? `${n} span${n > 1 ? 's' : ''} of evidence` : 'no span in the text (derived from other tags)'),
    noEvidence: 'No span of the text; this follows from the other tags.',
    evidenceHint: 'Hover over or focus a tag to highlight its evidence in the text.',
    jumpToQuote: 'Select this passage in the text',
    summary: (r, L, date) => {
      const org = r.organization.name ?? L.orgUnknownShort;
      const what = r.attackTypes.length ? r.attackTypes.map((t) => t.label?.en ?? t.id).join(', ') : L.noCause;
      const when = date ? ` (${L.dateInText.toLowerCase()}: ${L.dateText(date)})` : '';
      const n = r.affectedCount.value;
      const count = n == null ? '' : `, ${n.toLocaleString('en-GB')} affected`;
      return `${org}: ${what}${when}. Severity ${L.level[r.severity.level]}, leak ${L.leak[r.leakStatus.value]}${count}, report to the PPC ${r.ppcReport.required ? 'required' : 'not required'}.`;
    },
    orgUnknownShort: 'Organisation not identified',
    noCause: 'cause not identified',
    dateInText: 'Date in the text',
    dateTitle: 'The first date the text states (not necessarily the date of publication)',
    dateText: (d) => `${d.day} ${MONTHS[d.month - 1]} ${d.year}`,
    dateLabel: (d) => `${d.day} ${MONTHS[d.month - 1]} ${d.year}`,
    mainThreadNote: 'No Web Worker can start here, so the text is classified on the main thread (a long text may briefly freeze the page).',
    loadFailedHelp: 'You can still type, but nothing can be classified.',
    level: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
    leak: { confirmed: 'confirmed', possible: 'possible', none: 'none', unknown: 'unknown' },
    ppc: { required: 'Report required', not_required: 'No reporting duty found' },
    ppcReason: {
      case1_special_care: '① special-care data (e.g. medical)',
      case2_financial: '② risk of financial loss (payment cards)',
      case3_unlawful: '③ unlawful purpose (attack, theft, insider)',
      case4_over_threshold: '④ over 1,000 people (public bodies: over 100)',
      my_number: 'My Number Act report',
    },
    summaryMany: (parts, L) => {
      const shown = parts.slice(0, 5).map((p) => {
        const r = p.report;
        const what = r.attackTypes.length ? r.attackTypes.map((t) => t.label?.en ?? t.id).join(', ') : L.noCause;
        return `${r.organization.name ?? L.orgUnknownShort} (${what}; severity ${L.level[r.severity.level]})`;
      });
      const more = parts.length > 5 ? `, and ${parts.length - 5} more` : '';
      return `${parts.length} notices found: ${shown.join('; ')}${more}.`;
    },
    noticesTitle: (n) => `Notices in the text (${n})`,
    noticeNo: (i, n) => `${i} of ${n}`,
    showDetails: 'Details',
    hideDetails: 'Close',
    detailsOf: (i, org) => `Result of notice ${i} (${org})`,
    noDate: 'no date stated',
    exportMenu: 'Download as',
    exportScope: 'Which',
    scopeOne: (i, org) => `The open notice (${i}: ${org})`,
    scopeOneNone: 'The open notice (open one with its card’s “Details”)',
    scopeAll: (n) => `All notices (${n})`,
    formats: {
      report: 'Report (JSON)',
      veris: 'VERIS 1.4.1 (JSON)',
      stix: 'STIX 2.1 (JSON bundle)',
      misp: 'MISP event (JSON)',
      csv: 'CSV (table)',
    },
    forExcel: 'CSV for Excel (UTF-8 BOM; a field starting with = + - @ gets a leading \')',
    exportNoteOne: 'The report JSON gives its evidence as offsets into the whole pasted text (UTF-16).',
    exportNoteAll: '“All notices”: the JSON formats give an array with one item per notice (STIX: one bundle per notice, in an array); CSV gives one row per notice.',
    exportPrivacy: 'The file is made in this browser and sent nowhere.',
    saved: (name) => `Saved: ${name}`,
    exportFailed: 'The file could not be made',
    exportFailedPart: (i) => `notice ${i}`,
    exportErrors: {
      no_date: 'No date: the text states no date of the notice and no creation time was given.',
      invalid_created: 'The creation time is malformed (YYYY-MM-DD or an RFC 3339 UTC time is needed).',
      invalid_argument: 'The report could not be read (classify the text again).',
      input_too_large: 'The text is too large (at most 10 MiB of UTF-8).',
      other: 'Unexpected error.',
    },
    exportStale: 'No result yet: the file can be saved once the text is classified.',
    samples: 'Samples',
    sampleChoose: 'Choose a sample…',
    clear: 'Clear',
    copyJson: 'Copy JSON',
    downloadJson: 'Download JSON',
    copied: 'JSON copied',
    copyFailed: 'Could not copy',
    downloaded: 'JSON downloaded',
    nothingToExport: 'No result yet',
    language: 'Language / 言語',
    theme: 'Theme',
    themeNames: { auto: 'auto', light: 'light', dark: 'dark' },
    chars: (n) => `${n.toLocaleString('en-GB')} characters`,
    privacy: 'Everything runs in your browser. The text is never sent anywhere.',
  },
};

/** The strings of `lang` ('ja' or 'en'; anything else falls back to 'ja'). */
export function strings(lang) {
  return STRINGS[lang] ?? STRINGS.ja;
}

/** 'ja' or 'en' from a free-form value (attribute, query string, navigator). */
export function normalizeLang(value, fallback = 'ja') {
  const v = String(value ?? '').toLowerCase();
  if (v.startsWith('ja')) return 'ja';
  if (v.startsWith('en')) return 'en';
  return fallback;
}
