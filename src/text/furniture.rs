//! Page furniture: the lines a notice pasted from an organisation's web
//! page carries that are not the notice — breadcrumbs («ホーム > お知らせ >
//! …»), skip links («ここから本文です»), menus, page ids and update dates,
//! «ページの先頭へ», copyright lines. The splitter reads them as part of a
//! notice's header, the segmenter marks them so that no tag comes from them.

/// Whole-line phrases of page furniture (after trimming).
const PHRASES: &[&str] = &[
    "ここから本文", "本文ここから", "本文へ", "本文へ移動", "本文へスキップ", "メインメニュー", "メニュー", "サイトマップ", "サイト内検索",
    "文字サイズ", "文字の大きさ", "背景色", "読み上げ", "音声読み上げ", "ページ番号", "ページid", "ページ id", "更新日", "最終更新日", "掲載日",
    "登録日", "公開日", "ページの先頭", "このページの先頭", "ページトップ", "トップへ戻る", "先頭へ戻る", "印刷", "このページを印刷",
    "ツイート", "シェア", "lineで送る", "english", "foreign language", "all rights reserved", "copyright", "©",
];

/// Whether a (trimmed) line is page furniture.
pub(crate) fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 120 {
        return false;
    }
    let lower = t.to_lowercase();
    if PHRASES.iter().any(|p| lower.starts_with(p)) || lower.contains("all rights reserved") {
        return true;
    }
    if t.ends_with('。') {
        return false;
    }
    // A breadcrumb: short items joined by > ＞ › » (at least two of them),
    // beginning at the site's top page.
    let seps = t.matches(['>', '＞', '›', '»', '〉']).count();
    let top = ["ホーム", "トップ", "top", "home"].iter().any(|h| lower.starts_with(h));
    seps >= 2 || (seps >= 1 && top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_near_misses() {
        for t in [
            "ここから本文です。",
            "ホーム > くらし・手続き > お知らせ",
            "トップページ ＞ お知らせ ＞ 誤送信について",
            "くらし › 税 › 固定資産税",
            "文字サイズ 小 中 大",
            "ページ番号：1048203　更新日：令和7年2月14日",
            "最終更新日：2025年9月3日",
            "ページの先頭へ戻る",
            "Copyright © Kakuuno City. All Rights Reserved.",
        ] {
            assert!(is_furniture(t), "{}", t);
        }
        for t in [
            "本市の住民情報システムがランサムウェアに感染しました。",
            "情報システムの障害について（第2報）",
            "氏名 > 住所の順に記載",
            "株式会社ヒバリ堂",
            "更新された個人情報の取扱いについて",
            "",
        ] {
            assert!(!is_furniture(t), "{}", t);
        }
    }
}
