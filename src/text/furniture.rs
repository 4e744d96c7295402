//! Page furniture: the lines a notice pasted from an organisation's web
//! page carries that are not the notice — breadcrumbs («ホーム > お知らせ >
//! …»), skip links («ここから本文です»), menus, page ids and update dates,
//! «ページの先頭へ», «このページに関するお問い合わせ», copyright lines.
//!
//! In: one line. Out: whether it is furniture and where on a page such a
//! line stands ([`Place`]): above the notice (it opens a page), below it
//! (a footer), at the very end of the page (a copyright line), or either
//! (menus, share and print buttons). The splitter reads an opening block
//! as the header of the notice under it and a footer as the end of the
//! notice above it.

/// Where on a page a furniture line stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Above the notice: a skip link, a breadcrumb, the text-size and
    /// colour switches, the page id, the update date.
    Head,
    /// Below the notice: the page-top link, the page's contact heading
    /// («このページに関するお問い合わせ»), the page-feedback form.
    Foot,
    /// The last line of a page: a copyright line.
    End,
    /// Either: a site menu, a site map or language link, print and share
    /// buttons.
    Any,
}

/// Whole-line phrases of page furniture (compared lower-cased, at the start
/// of the trimmed line; what follows must be nothing, a space or mark, a
/// figure, or a short kana tail such as «です。», «へ戻る»).
const PHRASES: &[(&str, Place)] = &[
    ("ここから本文", Place::Head),
    ("本文ここから", Place::Head),
    ("本文へスキップ", Place::Head),
    ("本文へ移動", Place::Head),
    ("本文へ", Place::Head),
    ("文字サイズ", Place::Head),
    ("文字の大きさ", Place::Head),
    ("背景色", Place::Head),
    ("音声読み上げ", Place::Head),
    ("読み上げ", Place::Head),
    ("ページ番号", Place::Head),
    ("ページid", Place::Head),
    ("ページ id", Place::Head),
    ("最終更新日", Place::Head),
    ("更新日", Place::Head),
    ("掲載日", Place::Head),
    ("登録日", Place::Head),
    ("公開日", Place::Head),
    ("このページの先頭", Place::Foot),
    ("ページの先頭", Place::Foot),
    ("ページトップ", Place::Foot),
    ("トップへ戻る", Place::Foot),
    ("先頭へ戻る", Place::Foot),
    ("all rights reserved", Place::End),
    ("copyright", Place::End),
    ("©", Place::End),
    ("メインメニュー", Place::Any),
    ("メニュー", Place::Any),
    ("サイトマップ", Place::Any),
    ("サイト内検索", Place::Any),
    ("このページを印刷", Place::Any),
    ("印刷", Place::Any),
    ("ツイート", Place::Any),
    ("シェア", Place::Any),
    ("lineで送る", Place::Any),
    ("english", Place::Any),
    ("foreign language", Place::Any),
];

/// Whether a (trimmed) line is page furniture, and where such a line
/// stands on a page.
pub(crate) fn furniture(line: &str) -> Option<Place> {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 120 {
        return None;
    }
    let lower = t.to_lowercase();
    if lower.contains("all rights reserved") {
        return Some(Place::End);
    }
    if let Some(place) = PHRASES.iter().find(|(p, _)| lower.strip_prefix(p).is_some_and(phrase_ends)).map(|x| x.1) {
        return Some(place);
    }
    if t.ends_with('。') {
        return None;
    }
    // The page's own contact heading and feedback form: «このページに関する
    // お問い合わせ», «このページの情報は役に立ちましたか».
    if t.starts_with("このページ") && t.chars().count() <= 30 && !t.contains(['、', '。']) {
        return Some(Place::Foot);
    }
    breadcrumb(t, &lower).then_some(Place::Head)
}

/// What may follow a furniture phrase on its line.
fn phrase_ends(rest: &str) -> bool {
    let Some(c) = rest.chars().next() else { return true };
    if c.is_whitespace() || c.is_ascii_digit() || ('０'..='９').contains(&c) || "令平:：|｜/／・･(（[［【<＜>＞-－—.。!！»›".contains(c) {
        return true;
    }
    // «です。», «へ戻る», «へ移動», «する»: a short tail of kana and a verb
    rest.chars().count() <= 5 && rest.chars().all(|c| ('ぁ'..='ゖ').contains(&c) || "戻移動進飛開閉。".contains(c))
}

/// A breadcrumb: items joined by > ＞ › » 〉, beginning at the site's top
/// page (`ホーム > …`), or three items or more, each short and none of them
/// a clause (no 、 or 「」: «設定 > 表示 > 文字の大きさ» inside a how-to is
/// a sentence, not a trail).
fn breadcrumb(t: &str, lower: &str) -> bool {
    let items: Vec<&str> = t.split(['>', '＞', '›', '»', '〉']).map(str::trim).collect();
    if items.len() < 2 || items.iter().any(|i| i.is_empty()) {
        return false;
    }
    let top = ["ホーム", "トップ", "top", "home"].iter().any(|h| lower.starts_with(h));
    let (last, inner) = items.split_last().expect("two items");
    let short = inner.iter().all(|i| i.chars().count() <= 20) && last.chars().count() <= 80;
    let clause = t.contains(['、', '「', '」', '『', '』']);
    if top {
        return short;
    }
    items.len() >= 3 && short && !clause
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_furniture(t: &str) -> bool {
        furniture(t).is_some()
    }

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
            "このページに関するお問い合わせ",
            "印刷する",
        ] {
            assert!(is_furniture(t), "{}", t);
        }
        for t in [
            "本市の住民情報システムがランサムウェアに感染しました。",
            "情報システムの障害について（第2報）",
            "氏名 > 住所の順に記載",
            "株式会社ヒバリ堂",
            "更新された個人情報の取扱いについて",
            "印刷業務の委託先におけるランサムウェア被害について",
            "シェアサイクルの会員情報の流出について",
            "メニューから「設定」>「アカウント」>「パスワード」の順に選びます",
            "このページでは、不正アクセスの経緯をお知らせします。",
            "",
        ] {
            assert!(!is_furniture(t), "{}", t);
        }
    }

    #[test]
    fn places_on_the_page() {
        assert_eq!(furniture("ここから本文です。"), Some(Place::Head));
        assert_eq!(furniture("ホーム > お知らせ"), Some(Place::Head));
        assert_eq!(furniture("掲載日：令和6年12月5日"), Some(Place::Head));
        assert_eq!(furniture("このページの先頭へ"), Some(Place::Foot));
        assert_eq!(furniture("このページの情報に関するお問い合わせ先"), Some(Place::Foot));
        assert_eq!(furniture("© 2025 架空山町"), Some(Place::End));
        assert_eq!(furniture("Copyright (C) Example Co., Ltd. All Rights Reserved."), Some(Place::End));
        assert_eq!(furniture("サイトマップ"), Some(Place::Any));
    }
}
