//! Notice titles. In: the lines of a text; out: whether a line (or two)
//! reads as a notice title (`…について`, `…に関するお詫びとお知らせ`,
//! `…のご報告`), and how strongly (an incident word in it or not), as
//! against section headings (`1.概要`, `■今後について`).

use super::dates::{date_at, fold_digit};
use super::lines::{Kind, Line};

pub(super) const TITLE_ENDS: &[&str] = &[
    "について", "に関して", "お知らせ", "お詫び", "おわび", "ご報告", "報告", "ご案内", "続報", "終報", "第一報", "第二報",
    "第三報", "第1報", "第2報", "第3報", "第4報", "第5報", "速報", "お願い", "ご注意",
];

pub(super) const INCIDENT_WORDS: &[&str] = &[
    "不正", "漏えい", "漏洩", "流出", "紛失", "盗難", "盗ま", "誤送信", "誤送付", "誤配", "誤掲載", "誤公開", "誤廃棄", "廃棄",
    "滅失", "所在不明", "感染", "ランサム", "ウイルス", "ウィルス", "マルウェア", "攻撃", "個人情報", "個⼈情報", "情報",
    "障害", "改ざん", "改竄", "詐欺", "不具合", "閲覧", "事案", "事故", "被害", "インシデント", "アクセス", "ログイン",
    "サインイン", "乗っ取", "なりすまし", "迷惑メール", "不審", "持ち出", "誤って", "漏れ", "セキュリティ", "DDoS",
    "サイバー", "お詫び", "おわび", "誤", "懲戒", "盗用", "流用", "窃取", "脆弱性", "ハッキング", "スパム",
];

/// Strips what may follow a title's last word: a date, bracketed notes
/// (`(お詫び)`, `【続報】`, `（第2報）`), punctuation.
pub(super) fn title_core(t: &str) -> &str {
    let mut s = t.trim();
    for _ in 0..4 {
        let before = s;
        // a trailing date: "… 2023/03/30", "… 2023年3月29日"
        if let Some(pos) = s.rfind([' ', '\u{3000}']) {
            let tail = s[pos..].trim();
            if date_at(tail).is_some_and(|(_, used)| used == tail.len()) {
                s = s[..pos].trim_end();
            }
        }
        s = s.trim_end_matches(['、', '，', ',', ' ', '\u{3000}', '!', '！']);
        for (open, close) in [('(', ')'), ('（', '）'), ('【', '】'), ('〔', '〕'), ('［', '］'), ('[', ']')] {
            if s.ends_with(close) {
                if let Some(o) = s.rfind(open) {
                    if o > 0 {
                        s = s[..o].trim_end();
                    }
                }
            }
        }
        if s == before {
            break;
        }
    }
    s
}

/// Whether the line opens with a section number or a list/quote mark.
pub(super) fn numbered(t: &str) -> bool {
    let mut chars = t.chars();
    let Some(first) = chars.next() else { return false };
    if fold_digit(first).is_some() {
        // "1.概要", "2 漏えいした情報", "10）経緯", "1-2 対象" — but not a
        // date opening a title ("6/15に発生した不正ログインについて").
        let after = t.chars().find(|c| fold_digit(*c).is_none());
        return after.is_none_or(|c| ".．、,，)） \u{3000}:：-－".contains(c));
    }
    if matches!(first, '「' | '『') {
        // a title may open with a quoted service name: 「エン転職」への…
        let close = if first == '「' { '」' } else { '』' };
        return t.find(close).is_none_or(|i| t[i + close.len_utf8()..].trim().is_empty());
    }
    if matches!(first, '(' | '（') {
        let inner: String = chars.take_while(|c| !matches!(c, ')' | '）')).collect();
        let n = inner.chars().count();
        return n <= 3; // (1) （ア） (イ)
    }
    if first == '【' {
        // 【続報】… is a title; 【事案】 alone, 【令和7年2月19日】 are headings.
        return t.strip_prefix('【').and_then(|r| r.find('】').map(|i| r[i + '】'.len_utf8()..].trim().is_empty())).unwrap_or(true);
    }
    if first == '第' {
        // 第1章, 第二節 — not 第三者による…, not 第2報
        let rest: String = chars.skip_while(|c| fold_digit(*c).is_some() || "一二三四五六七八九十".contains(*c)).take(1).collect();
        return rest.chars().next().is_some_and(|c| "章節条項部".contains(c));
    }
    ('\u{2460}'..='\u{24FF}').contains(&first)
        || ('\u{2160}'..='\u{217F}').contains(&first)
        || ('\u{2776}'..='\u{2793}').contains(&first)
        || "■□◆◇●○◎・※*＊-－•⚫▶►▸◦‣·★☆▼▽<＜〈《>＞\"“'".contains(first)
        || t.starts_with("Q.")
        || t.starts_with("A.")
}

/// How a line reads as a notice title: None, or Some(strong).
/// `strong` titles carry an incident keyword and may open a part after a
/// mere blank line; weak ones only after `以上` or a separator.
pub(super) fn title_strength(line: &Line) -> Option<bool> {
    if line.kind == Kind::Casebook && !line.indented {
        return Some(true);
    }
    if line.kind != Kind::Other || line.indented || line.quoted {
        return None;
    }
    let t = line.text;
    let n = t.chars().count();
    if !(6..=120).contains(&n) || t.contains('。') || numbered(t) {
        return None;
    }
    let core = title_core(t);
    let end = TITLE_ENDS.iter().find(|e| core.ends_with(*e))?;
    let stem = core[..core.len() - end.len()].trim_end_matches(['の', 'と', 'へ', 'に']);
    if stem.chars().count() < 4 {
        return None;
    }
    if core.ends_with("お願い") && !core.contains("お詫び") && !core.contains("おわび") {
        return None;
    }
    Some(INCIDENT_WORDS.iter().any(|w| t.contains(w)))
}

/// A title may run over two lines ("…お詫びとお願い、\nおよび…について").
/// Returns its strength and its last line.
pub(super) fn title_at(ls: &[Line], i: usize) -> Option<(bool, usize)> {
    if let Some(s) = title_strength(&ls[i]) {
        return Some((s, i));
    }
    let l = &ls[i];
    if l.kind == Kind::Other && !l.indented && !l.quoted && !numbered(l.text) && !l.text.contains('。') {
        if let Some(next) = ls.get(i + 1) {
            if next.kind == Kind::Other && l.text.chars().count() + next.text.chars().count() <= 120 {
                if let Some(s) = title_strength(next) {
                    let any = INCIDENT_WORDS.iter().any(|w| l.text.contains(w));
                    return Some((s || any, i + 1));
                }
            }
        }
    }
    None
}
