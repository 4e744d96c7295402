//! Unit tests of the line, date and title readers of the splitter (the
//! whole-text cases are in `tests/split.rs`).

use super::dates::{date_at, is_date_line};
use super::bounds::in_link_list;
use super::lines::{casebook_prefix, is_contact, is_menu, is_separator, kind_of, lines, Kind};
use crate::text::Place;
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

#[test]
fn furniture_lines_by_their_place() {
    assert_eq!(kind_of("ここから本文です。"), Kind::Furniture(Place::Head));
    assert_eq!(kind_of("ホーム > くらし > お知らせ"), Kind::Furniture(Place::Head));
    assert_eq!(kind_of("更新日：令和7年2月14日"), Kind::Furniture(Place::Head));
    assert_eq!(kind_of("ページの先頭へ戻る"), Kind::Furniture(Place::Foot));
    assert_eq!(kind_of("このページに関するお問い合わせ"), Kind::Furniture(Place::Foot));
    assert_eq!(kind_of("Copyright © Example City. All Rights Reserved."), Kind::Furniture(Place::End));
    assert_eq!(kind_of("サイトマップ"), Kind::Furniture(Place::Any));
    // a title opening with a furniture word is a title
    assert_eq!(kind_of("印刷業務の委託先におけるランサムウェア被害について"), Kind::Other);
    assert_eq!(kind_of("シェアオフィスの入退室記録の流出について"), Kind::Other);
    let ls = lines("ホーム > お知らせ\nここから本文です。\n掲載日：令和6年12月5日");
    assert!(ls[0].opens_page() && ls[0].is_breadcrumb());
    assert!(ls[1].opens_page() && !ls[1].is_breadcrumb());
    assert!(!ls[2].opens_page(), "an update date alone may stand at the foot of a page too");
}

#[test]
fn contact_lines_and_not() {
    for t in [
        "架空野市役所　〒100-0001 架空野市中央一丁目1番1号",
        "電話：0123-45-6789",
        "電話番号：0123-11-2222",
        "TEL 03(1234)5678 FAX 03(1234)5679",
        "受付時間：平日9時から17時まで",
        "フリーダイヤル ０１２０－１２３－４５６",
    ] {
        assert!(is_contact(t), "{}", t);
        assert_eq!(kind_of(t), Kind::Contact, "{}", t);
    }
    for t in [
        "受付番号2024-10-001の申請書を紛失しました",
        "住所、氏名、電話番号",
        "お問い合わせ窓口を設置しました。電話：0120-000-000",
        "架空市総務課",
        "2023-03-30",
    ] {
        assert!(!is_contact(t), "{}", t);
    }
}

#[test]
fn menus_are_not_running_text() {
    assert!(is_menu("プライバシーポリシー　|　特定商取引法に基づく表記　|　お問い合わせ"));
    assert!(is_menu("くらし｜子育て｜健康・福祉｜防災"));
    assert!(!is_menu("氏名 | 住所"));
    assert!(!is_menu("当社は | の記号を区切りに使います。そのため | を含む行は | で分けます。"));
    let ls = lines("くらし・手続き　|　子育て・教育　|　健康・福祉・医療　|　防災・安全　|　市政情報　|　観光");
    assert!(ls[0].text.chars().count() >= 40 && !ls[0].is_body());
}

#[test]
fn lines_under_a_link_list_heading_are_links() {
    let text = "本文です。被害は確認されていません。\n\n関連情報\n\n個人情報の漏えいについて（第1報）\n\nこのページに関するお問い合わせ\n\n不正アクセスについて";
    let ls = lines(text);
    let at = |t: &str| ls.iter().position(|l| l.text == t).unwrap();
    assert!(in_link_list(&ls, at("個人情報の漏えいについて（第1報）")));
    assert!(!in_link_list(&ls, at("関連情報")));
    assert!(!in_link_list(&ls, at("不正アクセスについて")), "the footer ends the list");
}
