//! Notice boundaries (issue 14): `jikenbo::split_notices` and
//! `jikenbo::classify_all`.
//!
//! The invented notices below always run. The cases on ../shared (the raw
//! seed file, every corpus notice, concatenations of corpus notices) print a
//! note and are skipped when ../shared is absent.

use jikenbo::{classify, classify_all, split_notices, Report};
use std::path::{Path, PathBuf};

// ---- invented notices (not from any corpus) --------------------------------------

const N1: &str = "ランサムウェア被害に関するお詫びとお知らせ

2024年6月3日
株式会社みどり精工

このたび、当社のファイルサーバーがランサムウェアに感染し、保存していたファイルの一部が暗号化される被害が発生いたしました。お取引先の皆様に多大なご心配をおかけしておりますことを、深くお詫び申し上げます。

1.経緯
2024年5月30日、社内の端末で脅迫文が表示されていることを確認し、直ちにネットワークを遮断いたしました。

2.今後の対応について
外部の専門会社と調査を進めております。お取引先様の氏名および電話番号約1,200件が流出した可能性がございます。";

const N2: &str = "メールの誤送信による個人情報の漏えいについて（お詫び）

市民課において、講座の参加者あての案内メールを送信する際、宛先をBCCではなくTOに入力したため、参加者32名のメールアドレスが他の受信者に表示される事案が発生しました。関係する皆様に深くお詫び申し上げます。

記

1 発生日
令和6年7月10日

2 原因
送信前の確認が不十分であったことによるものです。

以上

さくら市";

const N3: &str = "患者さんの個人情報を含むUSBメモリの紛失について

あおば総合病院

当院の職員が、患者さん15名分の氏名と検査結果を保存したUSBメモリを紛失いたしました。現時点で第三者による不正利用は確認されておりませんが、患者さんにご心配をおかけしましたことを深くお詫び申し上げます。

今後は院内の記録媒体の管理を徹底し、再発防止に努めてまいります。";

const N4: &str = "【続報】教職員メールアカウントへの不正アクセスについて

2024年9月12日
ひかり学院大学

先日お知らせいたしました本学教職員のメールアカウントへの不正アクセスについて、その後の調査結果をご報告いたします。フィッシングメールに記載されたURLから偽のログイン画面にアクセスし、IDとパスワードを入力したことが原因と判明しました。

以下は2024年9月5日に掲載したお知らせです。

教職員メールアカウントへの不正アクセスについて

本学教職員1名のメールアカウントが第三者に不正に利用され、学外の約2,000件のアドレスに迷惑メールが送信されました。

――――――――――
本件に関するお問い合わせ先
ひかり学院大学 情報基盤センター";

/// A notice with an unnumbered heading after a blank line, a date line
/// inside and a quoted title: still one notice.
const N5: &str = "お客様情報の流出の可能性に関するご報告

平素より当店をご利用いただき、誠にありがとうございます。当店のオンラインショップが外部から不正アクセスを受け、お客様のクレジットカード情報が流出した可能性があることが判明いたしました。

2024年2月14日

調査の結果、決済画面が改ざんされていたことが分かりました。

「お客様情報の取扱いについて」と題したメールを当店から送ることはございません。

対象となるお客様は最大で320名です。";

const INVENTED: &[&str] = &[N1, N2, N3, N4, N5];

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

fn slice16(full: &[u16], start: u32, end: u32) -> String {
    String::from_utf16(&full[start as usize..end as usize]).unwrap()
}

/// The text of each part, trimmed.
fn part_texts(text: &str) -> Vec<String> {
    let u = utf16(text);
    split_notices(text).iter().map(|p| slice16(&u, p.start, p.end).trim().to_string()).collect()
}

fn assert_parts(text: &str, want: &[&str], what: &str) {
    let got = part_texts(text);
    let want: Vec<String> = want.iter().map(|s| s.trim().to_string()).collect();
    if got != want {
        let show = |v: &[String]| v.iter().map(|s| format!("    «{}…»", s.chars().take(40).collect::<String>())).collect::<Vec<_>>().join("\n");
        panic!("{}: {} parts, want {}\n  got:\n{}\n  want:\n{}", what, got.len(), want.len(), show(&got), show(&want));
    }
}

#[test]
fn one_invented_notice_is_one_part() {
    for n in INVENTED {
        assert_parts(n, &[n], "single invented notice");
        // the span is the notice itself, without surrounding blank lines
        let padded = format!("\n\n{}\n\n\n", n);
        let parts = split_notices(&padded);
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].text(&padded), *n);
        assert_eq!(parts[0].start, 2);
    }
}

#[test]
fn headings_of_parts() {
    let text = format!("{}\n\n\n{}", N1, N3);
    let parts = split_notices(&text);
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].heading.as_deref(), Some("ランサムウェア被害に関するお詫びとお知らせ"));
    assert_eq!(parts[1].heading.as_deref(), Some("患者さんの個人情報を含むUSBメモリの紛失について"));
    // a notice opening with running text has no heading
    let plain = "当社サーバーに対する不正アクセスが判明しました。お客様の氏名が流出した可能性があります。詳しくは追ってお知らせいたします。";
    assert_eq!(split_notices(plain)[0].heading, None);
}

#[test]
fn empty_and_blank_text_is_one_empty_part() {
    for t in ["", "\n\n  \n"] {
        let parts = split_notices(t);
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].start, 0);
        assert_eq!(parts[0].end as usize, t.encode_utf16().count());
        let all = classify_all(t).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].report, classify(t).unwrap());
    }
}

#[test]
fn invented_notices_joined_every_way_split_back() {
    let order: &[&[&str]] = &[&[N1, N2], &[N3, N1, N4], &[N2, N5, N3, N1], &[N4, N3, N2, N1, N5]];
    for (k, set) in order.iter().enumerate() {
        for style in Style::ALL {
            let (text, segs) = join(set, *style, k);
            let want: Vec<&str> = segs.iter().map(|s| s.as_str()).collect();
            assert_parts(&text, &want, &format!("invented set {} joined with {:?}", k, style));
        }
    }
}

#[test]
fn not_a_boundary_inside_one_notice() {
    // numbered sections ending in について, a 記 … 以上 block with a signature
    // after it, a quoted earlier notice, a separator before the contact desk,
    // a date line inside: all in N1–N5 above, each one part (checked above);
    // and these near misses:
    let cases = [
        // an unnumbered section heading without an incident word
        "不正アクセスに関するお知らせ\n\n当社サーバーが外部から不正アクセスを受けたことが判明しました。お客様の氏名が流出した可能性があります。\n\n今後の対応について\n\n外部の専門家と調査を進め、判明した事実は速やかにお知らせいたします。",
        // a heading inside 「」 left open over lines
        "個人情報の漏えいについて\n\n当社が配信したお知らせ「\n会員情報の流出について\n」の内容に誤りがありました。正しくは会員12名分のメールアドレスです。お詫びして訂正いたします。",
        // an indented title-like line
        "個人情報の漏えいについて\n\n当社の委託先で会員の氏名が記載された書類を紛失したことが判明しました。関係者の皆様に深くお詫び申し上げます。\n\n　　不正アクセスについてのお知らせ\n\n上記の件とは別に、先週の不正アクセスについては調査を継続しております。当面の間、会員サイトを停止いたします。",
        // 以上 followed by a contact desk, not a new notice
        "USBメモリの紛失について\n\n当課の職員が市民40名分の氏名と住所を保存したUSBメモリを紛失しました。深くお詫び申し上げます。\n\n以上\n\n【お問い合わせ先】\nみなと市 健康福祉課\n電話 000-000-0000",
    ];
    for c in cases {
        assert_parts(c, &[c], "near miss");
    }
}

#[test]
fn classify_all_offsets_are_into_the_whole_text() {
    let (text, segs) = join(&[N1, N4, N3], Style::Blank, 0);
    let all = classify_all(&text).unwrap();
    assert_eq!(all.len(), 3);
    let u = utf16(&text);
    for (pr, seg) in all.iter().zip(&segs) {
        assert_eq!(slice16(&u, pr.start, pr.end).trim(), seg.trim());
        let alone = classify(&slice16(&u, pr.start, pr.end)).unwrap();
        assert_eq!(labels(&pr.report), labels(&alone), "same labels as the part classified alone");
        for ev in evidence(&pr.report) {
            assert!(pr.start <= ev.0 && ev.1 <= pr.end, "evidence {:?} outside its part {}..{}", ev, pr.start, pr.end);
        }
        // the shifted spans quote the same text as the unshifted ones
        let part_u = utf16(&slice16(&u, pr.start, pr.end));
        for (a, b) in evidence(&pr.report).iter().zip(evidence(&alone)) {
            assert_eq!(slice16(&u, a.0, a.1), slice16(&part_u, b.0, b.1));
        }
    }
    assert!(all[0].report.attack_types.iter().any(|t| t.id == "ransomware"));
    assert!(all[2].report.attack_types.iter().any(|t| t.id == "loss"));
    // severity reasons quote the notice too, and are shifted with the rest
    assert!(
        all[1..].iter().any(|pr| pr.report.severity.reasons.iter().any(|r| !r.evidence.is_empty())),
        "a later part has a severity reason with evidence"
    );
    // a text over the limit is refused as classify refuses it
    let big = "あ".repeat(jikenbo::MAX_INPUT_BYTES / 3 + 1);
    assert_eq!(classify_all(&big).unwrap_err().code(), "input_too_large");
}

// ---- pasted web pages (invented) -------------------------------------------------

/// A city page: opening furniture standing apart from the title, a footer
/// (contact, page-top link, address) ending in a copyright line.
const PAGE_A: &str = "ここから本文です。
ホーム > 市政情報 > 報道発表 > 納税通知書の誤送付について
文字サイズ 標準 拡大　背景色 白 黒
ページ番号：2031456　更新日：令和6年8月21日

納税通知書の誤送付について

令和6年8月19日、市民税課において、固定資産税の納税通知書1通を別の納税義務者あてに誤って送付していたことが判明しました。通知書には、納税義務者1名の氏名、住所、課税額が記載されていました。

受け取られた方からご連絡をいただき、通知書は回収いたしました。該当の方には直接お詫びいたしました。今後は封入時の複数人による確認を徹底します。

このページに関するお問い合わせ
財務部 市民税課
電話：0000-12-3456
ページの先頭へ戻る
架空川市役所　〒999-0001 架空川市本町二丁目3番4号
Copyright © Kakuugawa City. All Rights Reserved.";

/// A town page whose title names no incident («…の一時停止について»): only
/// the page's furniture tells that a notice opens here.
const PAGE_B: &str = "本文へ　サイトマップ　文字サイズ
トップ > くらしの情報 > お知らせ
更新日：2025年1月9日

図書館システムの一時停止について

1月8日午後、町立図書館の貸出システムのサーバーに第三者からの不正なアクセスが確認されたため、システムを停止しました。利用者の氏名と電話番号約3,000件が閲覧された可能性があり、現在調査を進めております。

利用者の皆様には大変ご迷惑をおかけし、申し訳ございません。

このページの情報に関するお問い合わせ先
教育委員会 生涯学習課
ページの先頭へ
© 2025 架空谷町";

/// A company page: breadcrumb touching the title, the date and the company
/// under it, a footer that is a page-top link and a menu of links.
const PAGE_C: &str = "ホーム ＞ ニュース ＞ 重要なお知らせ
当社会員サイトへの不正ログインに関するお知らせ
2024年12月2日
株式会社つばめ書房

当社の会員サイトにおいて、第三者が他社から流出したとみられるIDとパスワードを用いてログインを試み、会員412名のアカウントに不正にログインしていたことが判明いたしました。

不正ログインを受けた会員の氏名、住所、購入履歴が閲覧された可能性がございます。対象の会員にはパスワードの再設定をお願いしております。

このページの先頭へ
プライバシーポリシー　|　サイトマップ　|　お問い合わせ";

/// A page without a title line of its own: furniture, then running text.
const PAGE_D: &str = "ここから本文です。
ホーム > 健康・福祉 > お知らせ
ページ番号：3300127　更新日：令和6年11月28日

令和6年11月27日、保健センターの職員が、乳幼児健診の受診者23名分の氏名と生年月日を記載した名簿を、誤って別の医療機関にファクスで送信しました。送信先の医療機関には名簿の廃棄を依頼し、廃棄したとの報告を受けております。

関係する皆様に深くお詫び申し上げます。

ページの先頭へ戻る
Copyright © Kakuumori City. All Rights Reserved.";

const PAGES: &[&str] = &[PAGE_A, PAGE_B, PAGE_C, PAGE_D];

#[test]
fn a_pasted_page_with_its_furniture_is_one_part() {
    for p in PAGES {
        assert_parts(p, &[p], "single pasted page");
    }
    // its heading is the title, not the breadcrumb above it
    assert_eq!(split_notices(PAGE_A)[0].heading.as_deref(), Some("納税通知書の誤送付について"));
    assert_eq!(split_notices(PAGE_D)[0].heading, None);
}

#[test]
fn pasted_pages_in_a_row_split_at_each_page_opening() {
    // every ordered pair, blank-separated: each page keeps its furniture
    // above and its footer under it
    for a in PAGES {
        for b in PAGES {
            if a == b {
                continue;
            }
            let text = format!("{}\n\n{}", a, b);
            assert_parts(&text, &[a, b], "two pasted pages");
            let parts = split_notices(&text);
            assert_eq!(parts[0].heading, split_notices(a)[0].heading);
            assert_eq!(parts[1].heading, split_notices(b)[0].heading);
        }
    }
    // three in a row, with several blank lines
    let text = format!("{}\n\n\n\n{}\n\n\n{}", PAGE_B, PAGE_A, PAGE_C);
    assert_parts(&text, &[PAGE_B, PAGE_A, PAGE_C], "three pasted pages");
    // pasted without a blank line: after a copyright line, and after a
    // page-top link right above the next page's skip link
    let text = format!("{}\n{}", PAGE_A, PAGE_B);
    assert_parts(&text, &[PAGE_A, PAGE_B], "a copyright line then the next page");
    let cut = PAGE_A.find("架空川市役所").unwrap();
    let a_short = PAGE_A[..cut].trim_end();
    let text = format!("{}\n{}", a_short, PAGE_D);
    assert_parts(&text, &[a_short, PAGE_D], "a page-top link then the next page's skip link");
}

#[test]
fn a_page_footer_with_menus_and_related_links_does_not_split() {
    // a list of related pages under «関連情報» (one of them a notice title,
    // with a long contact line under it) and a footer menu under the
    // contact block: one page
    let page = "ホーム > お知らせ > 職員のパソコンのウイルス感染について
職員のパソコンのウイルス感染について
掲載日：令和6年10月2日

本市の職員が使用するパソコン1台がウイルスに感染し、外部と不審な通信を行っていたことが判明しました。パソコンには市民約200名分の氏名と住所を記録したファイルが保存されていました。

現時点で情報の流出は確認されていません。当該パソコンはネットワークから切り離し、調査を進めています。

関連情報

不審なメールにご注意ください（令和6年9月のお知らせ）

個人情報の漏えいに関するお詫びとお知らせ（令和5年度の事案の調査結果のまとめ）

このページに関するお問い合わせ
総務課 情報管理係
〒999-0002 架空原市中町5丁目6番7号 電話：0000-22-3333（代表） ファクス：0000-22-4444

よくある質問

個人情報の取り扱いについて

架空原市役所 〒999-0002 架空原市中町5丁目6番7号 開庁時間：午前8時30分から午後5時15分まで（土日祝日を除く）

ページの先頭へ戻る
Copyright © Kakuuhara City. All Rights Reserved.";
    assert_parts(page, &[page], "a page with related links and a footer menu");
    // the same without the furniture: a notice whose contact block stands
    // between blank lines under a list of links
    let plain = page.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_parts(&plain, &[&plain], "related links and contact lines");
}

#[test]
fn a_breadcrumb_like_line_inside_a_notice_does_not_split() {
    let cases = [
        // a menu path on a line of its own, then a heading without an
        // incident word: a how-to, not the next page's breadcrumb
        "ポイントサービスの一時停止について

2024年11月5日
株式会社かもめ商店

当社のポイントサービスにおいて、第三者による不正ログインが確認されたため、サービスを一時停止しております。お客様にはご不便をおかけし、申し訳ございません。

パスワードは次の手順で変更できます。

会員ページ > 登録情報 > パスワード変更

再開の予定について

準備が整い次第、当社ホームページでお知らせいたします。",
        // two menu paths, each on a line of its own
        "登録情報の誤表示について

当社アプリの不具合により、一部のお客様の画面に他のお客様の登録情報が表示されていたことが判明しました。対象は最大で27名です。

表示の確認は、次のいずれかの画面で行えます。

マイページ > 登録情報 > お届け先
マイページ > 注文履歴 > 明細

アプリの更新について

最新版では不具合を修正しております。お手数ですが、アプリを更新してご利用ください。",
        // a path from the top page inside a sentence, and on its own line
        // under a sentence that introduces it
        "会員情報の閲覧に関するお知らせ

当社の会員サイトで、一部の会員の登録情報が他の会員から閲覧できる状態になっていたことが判明しました。対象は会員58名です。

ご登録の内容は「ホーム > マイページ > 登録情報」の画面でご確認いただけます。また、次の画面からもご確認いただけます。

ホーム > マイページ > ご注文履歴

システムの修正について

本日午前、不具合を修正いたしました。ご迷惑をおかけしましたことをお詫び申し上げます。",
    ];
    for c in cases {
        assert_parts(c, &[c], "a breadcrumb-like line in a notice");
    }
}

#[test]
fn a_signature_block_ends_its_notice() {
    // a notice signed with a date and its office, then a notice whose
    // title carries its own date and company: the date block above the
    // second title is the first notice's signature
    let signed = "個人情報を含む書類の紛失について

市民課において、住民票の写しの交付申請書12枚を紛失したことが判明しました。申請書には申請者の氏名、住所、生年月日が記載されています。関係する皆様に深くお詫び申し上げます。

令和6年9月30日
架空市 市民課";
    let titled = "ホームページの改ざんについて
2024年10月2日
株式会社ひまわり観光

当社ホームページが第三者により改ざんされ、閲覧した方が不審なサイトへ誘導される状態になっていたことが判明いたしました。現在はホームページを停止しております。";
    let text = format!("{}\n\n{}", signed, titled);
    assert_parts(&text, &[signed, titled], "signature, then a title with its own date");
    // the date block above a title that has none of its own is that
    // notice's header (the formal layout: date, sender, then the title)
    let formal = "2024年10月2日
株式会社ひまわり観光

ホームページの改ざんについて

当社ホームページが第三者により改ざんされ、閲覧した方が不審なサイトへ誘導される状態になっていたことが判明いたしました。現在はホームページを停止しております。";
    let unsigned = signed.rsplit_once("\n\n").unwrap().0;
    let text = format!("{}\n\n{}", unsigned, formal);
    assert_parts(&text, &[unsigned, formal], "a formal header above the title");
    // both: the signature stays above, the header goes with its title
    let text = format!("{}\n\n{}", signed, formal);
    assert_parts(&text, &[signed, formal], "a signature, then a formal header");
    // and a signature with an officer's name is never the next header
    let officer = format!("{}\n架空市長 山田 一郎", signed);
    let text = format!("{}\n\n{}", officer, formal.replacen("2024年10月2日\n株式会社ひまわり観光\n\n", "", 1));
    let second = formal.replacen("2024年10月2日\n株式会社ひまわり観光\n\n", "", 1);
    assert_parts(&text, &[officer.as_str(), second.as_str()], "an officer's signature");
}

// ---- joining notices ---------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Style {
    /// a repeated casebook heading above each notice
    Heading,
    /// one blank line between notices
    Blank,
    /// two or more blank lines
    Blanks,
    /// a long separator line between notices
    Separator,
    /// each notice ends with a signature (date, organisation) and 以上
    Signature,
    /// each notice pasted from a web page: the page's opening furniture
    /// (skip link, breadcrumb, page id, update date) above it, touching it
    /// or blank-separated, and its footer (contact, page-top link, address,
    /// copyright or a menu of links) under it
    Page,
}

impl Style {
    const ALL: &'static [Style] = &[Style::Heading, Style::Blank, Style::Blanks, Style::Separator, Style::Signature, Style::Page];
}

/// `n` as if pasted from the `k`-th page of an invented site (one of three
/// page layouts).
fn on_page(n: &str, i: usize, k: usize) -> String {
    let (m, d) = (1 + k % 12, 1 + k % 28);
    match k % 3 {
        0 => format!(
            "ここから本文です。\nホーム > お知らせ > 記事{i}\nページ番号：{}　更新日：令和6年{m}月{d}日\n\n{n}\n\n\
             このページに関するお問い合わせ\nテスト市 総務課\n電話：0000-00-{:04}\nページの先頭へ戻る\n\
             テスト市役所　〒000-0000 テスト市本町1-1\nCopyright © Test City. All Rights Reserved.",
            1000 + i,
            1000 + k
        ),
        1 => format!(
            "ホーム ＞ ニュース ＞ お知らせ{i}\n文字サイズ 標準 拡大\n{n}\n\nこのページの先頭へ\n\
             プライバシーポリシー　|　サイトマップ　|　お問い合わせ"
        ),
        _ => format!("本文へ　サイトマップ　English\nトップ › 報道発表 › 記事{i}\n最終更新日：2024年{m}月{d}日\n\n{n}\n\nページの先頭へ\n© 2024 テスト町"),
    }
}

/// Joins notices; returns the text and the part each notice should become.
fn join(notices: &[&str], style: Style, salt: usize) -> (String, Vec<String>) {
    let seps = ["────────────────", "==========", "--------------------", "＊＊＊", "━━━━━━━━"];
    let mut segs = Vec::new();
    for (i, n) in notices.iter().enumerate() {
        let n = n.trim();
        let seg = match style {
            Style::Heading => format!("【セキュリティ事件簿#2024-{:03}】掲載記事 {}\n\n{}", 100 + i + salt, i + 1, n),
            Style::Signature => format!("{}\n\n2024年10月{}日\n株式会社テスト商会{}\n\n以上", n, 1 + (i + salt) % 28, i),
            Style::Page => on_page(n, i, i + salt),
            _ => n.to_string(),
        };
        segs.push(seg);
    }
    let mut text = String::new();
    for (i, s) in segs.iter().enumerate() {
        if i > 0 {
            match style {
                Style::Blank | Style::Signature | Style::Heading | Style::Page => text.push_str("\n\n"),
                Style::Blanks => text.push_str(&"\n".repeat(3 + (i + salt) % 3)),
                Style::Separator => {
                    text.push_str("\n\n");
                    text.push_str(seps[(i + salt) % seps.len()]);
                    text.push_str("\n\n");
                }
            }
        }
        text.push_str(s);
    }
    (text, segs)
}

// ---- labels ---------------------------------------------------------------------

#[derive(Debug, PartialEq)]
struct Labels {
    attack: Vec<String>,
    data: Vec<String>,
    leak: &'static str,
    count: Option<u64>,
    severity: &'static str,
    ppc: bool,
    public_body: bool,
    org: Option<String>,
}

fn labels(r: &Report) -> Labels {
    Labels {
        attack: r.attack_types.iter().map(|t| t.id.clone()).collect(),
        data: r.data_categories.iter().map(|t| t.tag.id.clone()).collect(),
        leak: r.leak_status.value.as_str(),
        count: r.affected_count.value,
        severity: r.severity.level.as_str(),
        ppc: r.ppc_report.required,
        public_body: r.organization.public_body,
        org: r.organization.name.clone(),
    }
}

fn evidence(r: &Report) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for t in &r.attack_types {
        out.extend(t.evidence.iter().map(|e| (e.start, e.end)));
    }
    for t in &r.data_categories {
        out.extend(t.tag.evidence.iter().map(|e| (e.start, e.end)));
    }
    for t in &r.reported_to {
        out.extend(t.evidence.iter().map(|e| (e.start, e.end)));
    }
    out.extend(r.leak_status.evidence.iter().map(|e| (e.start, e.end)));
    out.extend(r.affected_count.evidence.iter().map(|e| (e.start, e.end)));
    out.extend(r.organization.evidence.iter().map(|e| (e.start, e.end)));
    for reason in &r.severity.reasons {
        out.extend(reason.evidence.iter().map(|e| (e.start, e.end)));
    }
    out
}

// ---- ../shared -------------------------------------------------------------------

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("corpus").is_dir() {
        Some(dir)
    } else {
        println!("note: {} not found; skipping the corpus cases of tests/split.rs (the corpus is not part of this repository)", dir.display());
        None
    }
}

fn txt_files(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(&p).unwrap()))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Every corpus notice (seed, dev, train) and the crate's own fixtures.
fn all_notices() -> Vec<(String, String)> {
    let mut v = txt_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    if let Some(sh) = shared() {
        for sub in ["seed", "dev", "train"] {
            v.extend(txt_files(&sh.join("corpus").join(sub)).into_iter().map(|(n, t)| (format!("{}/{}", sub, n), t)));
        }
    }
    v
}

#[test]
fn no_single_notice_ever_splits() {
    let all = all_notices();
    assert!(all.len() >= 20, "the fixtures alone are 20 notices");
    let mut bad = Vec::new();
    for (name, text) in &all {
        let parts = split_notices(text);
        if parts.len() != 1 {
            let u = utf16(text);
            bad.push(format!(
                "{}: {} parts at {:?}",
                name,
                parts.len(),
                parts.iter().map(|p| slice16(&u, p.start, p.end).chars().take(30).collect::<String>()).collect::<Vec<_>>()
            ));
        } else {
            assert_eq!(parts[0].text(text), text.trim(), "{}: the part is the whole notice", name);
        }
    }
    assert!(bad.is_empty(), "{} of {} notices split:\n{}", bad.len(), all.len(), bad.join("\n"));
    println!("{} single notices, none split", all.len());
}

#[test]
fn seed_file_splits_into_its_eight_notices_with_the_same_labels() {
    let Some(sh) = shared() else { return };
    let raw_files = txt_files(&sh.join("seed"));
    assert_eq!(raw_files.len(), 1, "one raw seed file");
    let raw = &raw_files[0].1;
    let corpus = txt_files(&sh.join("corpus/seed"));
    assert_eq!(corpus.len(), 8);
    let all = classify_all(raw).unwrap();
    assert_eq!(all.len(), 8, "eight notices under 【セキュリティ事件簿#…】 headings");
    let u = utf16(raw);
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let mut matched = vec![false; corpus.len()];
    for pr in &all {
        assert!(pr.heading.as_deref().is_some_and(|h| h.starts_with("【セキュリティ事件簿#")), "heading {:?}", pr.heading);
        let part = slice16(&u, pr.start, pr.end);
        let k = corpus
            .iter()
            .position(|(_, t)| squeeze(t) == squeeze(&part))
            .unwrap_or_else(|| panic!("part «{}…» matches no corpus/seed notice", part.chars().take(40).collect::<String>()));
        assert!(!matched[k], "two parts match {}", corpus[k].0);
        matched[k] = true;
        let single = classify(&corpus[k].1).unwrap();
        assert_eq!(labels(&pr.report), labels(&single), "labels of {}", corpus[k].0);
        for ev in evidence(&pr.report) {
            assert!(pr.start <= ev.0 && ev.1 <= pr.end);
        }
    }
    assert!(matched.iter().all(|m| *m));
}

/// A small deterministic generator (no randomness in tests either).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Joins `sets` random sets of 2–5 notices of `all` (drawn with `seed`)
/// in every [`Style`]; returns the concatenations that did not split back
/// into exactly their notices, and how many were tried.
fn concatenations(all: &[(String, String)], seed: u64, sets: usize) -> (Vec<String>, usize) {
    let mut rng = Lcg(seed);
    let mut runs = 0;
    let mut bad = Vec::new();
    for round in 0..sets {
        let k = 2 + rng.next(4);
        let mut pick: Vec<usize> = Vec::new();
        while pick.len() < k {
            let i = rng.next(all.len());
            if !pick.contains(&i) {
                pick.push(i);
            }
        }
        let notices: Vec<&str> = pick.iter().map(|&i| all[i].1.as_str()).collect();
        for style in Style::ALL {
            let (text, segs) = join(&notices, *style, round);
            let got = part_texts(&text);
            let want: Vec<String> = segs.iter().map(|s| s.trim().to_string()).collect();
            runs += 1;
            if got != want {
                let show = |v: &[String]| {
                    v.iter().map(|s| format!("«{}…»", s.chars().take(24).collect::<String>().replace('\n', "⏎"))).collect::<Vec<_>>().join(" ")
                };
                bad.push(format!(
                    "seed {} set {}, {:?} of [{}]: {} parts, want {}\n    got:  {}\n    want: {}",
                    seed,
                    round,
                    style,
                    pick.iter().map(|&i| all[i].0.as_str()).collect::<Vec<_>>().join(", "),
                    got.len(),
                    want.len(),
                    show(&got),
                    show(&want)
                ));
            }
        }
    }
    (bad, runs)
}

/// The seeds and the number of sets per seed: fixed, so that the test is
/// the same on every run; several seeds of 300 sets each, so that a change
/// of the notice pool (a new fixture) shifts which sets are drawn but not
/// how much is covered. `JIKENBO_SPLIT_SEEDS=a..b` and
/// `JIKENBO_SPLIT_SETS=n` widen the search when working on the splitter.
fn seeds_and_sets() -> (std::ops::Range<u64>, usize) {
    let seeds = std::env::var("JIKENBO_SPLIT_SEEDS")
        .ok()
        .and_then(|v| {
            let (a, b) = v.split_once("..")?;
            Some(a.trim().parse().ok()?..b.trim().parse().ok()?)
        })
        .unwrap_or(14..20);
    let sets = std::env::var("JIKENBO_SPLIT_SETS").ok().and_then(|v| v.parse().ok()).unwrap_or(300);
    (seeds, sets)
}

#[test]
fn concatenated_corpus_notices_split_back() {
    if shared().is_none() {
        return;
    }
    let all = all_notices();
    let (seeds, sets) = seeds_and_sets();
    let mut runs = 0;
    let mut bad = Vec::new();
    for seed in seeds {
        let (b, r) = concatenations(&all, seed, sets);
        bad.extend(b);
        runs += r;
    }
    assert!(bad.is_empty(), "{} of {} concatenations did not split back:\n{}", bad.len(), runs, bad.join("\n"));
    println!("{} concatenations split back", runs);
}
