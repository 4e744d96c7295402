//! Unit tests of the line, date and title readers of the splitter (the
//! whole-text cases are in `tests/split.rs`).

use super::dates::{date_at, is_date_line};
use super::lines::{casebook_prefix, is_separator, lines};
use super::titles::title_strength;
use super::Utf16Index;

#[test]
fn dates_in_every_form() {
    let d = |s: &str| date_at(s).map(|(d, _)| (d.year, d.month, d.day));
    assert_eq!(d("2023年3月29日"), Some((2023, Some(3), Some(29))));
    assert_eq!(d("2023 年 5 月 9 日"), Some((2023, Some(5), Some(9))));
    assert_eq!(d("２０２４年１２月３日"), Some((2024, Some(12), Some(3))));
    assert_eq!(d("令和5年3月29日"), Some((2023, Some(3), Some(29))));
    assert_eq!(d("令和元年7月1日"), Some((2019, Some(7), Some(1))));
    assert_eq!(d("平成25年11月19日"), Some((2013, Some(11), Some(19))));
    assert_eq!(d("2023/03/30"), Some((2023, Some(3), Some(30))));
    assert_eq!(d("2014.09.29"), Some((2014, Some(9), Some(29))));
    assert_eq!(d("2023年3月"), Some((2023, Some(3), None)));
    assert_eq!(d("2000年から"), Some((2000, None, None)));
    assert_eq!(d("255,765名"), None);
    assert_eq!(d("2023/13/01"), None);
    assert_eq!(d("3月27日"), None);
    assert_eq!(d("1200件"), None);
}

#[test]
fn date_lines_and_not() {
    assert!(is_date_line("2023年7月28日"));
    assert!(is_date_line("公開日:2022年4月8日"));
    assert!(is_date_line("更新日 平成20年11月22日"));
    assert!(is_date_line("2023年10月18日（水）"));
    assert!(is_date_line("(2013年)"));
    assert!(is_date_line("2025/04/08"));
    assert!(!is_date_line("2023年3月27日、不正ログインが確認されました。"));
    assert!(!is_date_line("2023年3月20日~3月27日の期間"));
}

#[test]
fn titles_and_section_headings() {
    let strength = |t: &str| {
        let ls = lines(t);
        title_strength(&ls[0])
    };
    assert_eq!(strength("不正アクセスによる個人情報漏えいに関するお詫びとお知らせ"), Some(true));
    assert_eq!(strength("患者さまの個人情報の漏洩について(お詫び)"), Some(true));
    assert_eq!(strength("システム障害の発生について（第2報）"), Some(true));
    assert_eq!(strength("【続報】個人情報の漏洩について"), Some(true));
    assert_eq!(strength("(令和7年3月5日発表)個人情報を含む廃棄予定文書の滅失について"), Some(true));
    assert_eq!(strength("当社ウェブサイトのリニューアルについて"), Some(false));
    assert_eq!(strength("1.概要および当社の対応について"), None);
    assert_eq!(strength("■情報流出について"), None);
    assert_eq!(strength("患者さんへのお願い"), None);
    assert_eq!(strength("今後について"), None);
    assert_eq!(strength("　不正アクセスについてのお知らせ"), None, "indented");
    assert_eq!(strength("2023年3月27日、不正ログインについて確認しました。"), None);
}

#[test]
fn separators_and_casebook() {
    assert!(is_separator("────────"));
    assert!(is_separator("=========="));
    assert!(is_separator("----"));
    assert!(is_separator("＊＊＊"));
    assert!(!is_separator("ーー"));
    assert!(!is_separator("---a---"));
    assert_eq!(casebook_prefix("【セキュリティ事件簿#2023-106】エン…"), Some("セキュリティ事件簿"));
    assert_eq!(casebook_prefix("【続報】個人情報"), None);
    assert_eq!(casebook_prefix("【令和7年2月19日(水曜日)】"), None);
}

#[test]
fn utf16_offsets_count_surrogates() {
    let mut ix = Utf16Index::new("a𠮷b");
    assert_eq!(ix.at(1), 1);
    assert_eq!(ix.at(5), 3);
    assert_eq!(ix.at(6), 4);
}
