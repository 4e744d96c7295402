//! The folding and the offset map: contract, layout rules, limits.

use super::*;
use crate::text::fold_tables::{COMPAT, KANGXI};

fn norm(s: &str) -> String {
    Normalized::new(s).text
}

/// The original text of `span16(start, end)`.
fn orig(input: &str, n: &Normalized, start: usize, end: usize) -> String {
    let u: Vec<u16> = input.encode_utf16().collect();
    let (s, e) = n.span16(start, end);
    String::from_utf16(&u[s as usize..e as usize]).expect("span splits a surrogate pair")
}

/// For every output char: its span is non-empty, inside the input,
/// monotone, and slicing the original gives valid UTF-16.
fn check_contract(input: &str) -> Normalized {
    let n = Normalized::new(input);
    assert_eq!(n.len16() as usize, input.encode_utf16().count());
    let mut prev = (0, 0);
    for (i, c) in n.text.char_indices() {
        let (s, e) = n.span16(i, i + c.len_utf8());
        assert!(s < e && e <= n.len16(), "{input:?}: char {c:?} at {i} -> {s}..{e}");
        assert!(s >= prev.0 && e >= prev.1, "{input:?}: not monotone at {i}");
        prev = (s, e);
        orig(input, &n, i, i + c.len_utf8());
    }
    n
}

/// Pairs (output char, original text it maps to), for every output char.
fn pieces(input: &str) -> Vec<(char, String)> {
    let n = check_contract(input);
    n.text.char_indices().map(|(i, c)| (c, orig(input, &n, i, i + c.len_utf8()))).collect()
}

#[test]
fn full_width_ascii_and_case() {
    assert_eq!(norm("ＡＢＣ１２３！（株）"), "abc123!(株)");
    assert_eq!(norm("Exchange Online"), "exchange online");
    assert_eq!(norm("ＰＰＣ"), "ppc");
    assert_eq!(norm("ＩＤ：ａｂ＠ｃ．ｊｐ"), "id:ab@c.jp");
    // Non-ASCII letters are left as they are.
    assert_eq!(norm("Ω"), "Ω");
}

#[test]
fn unicode_spaces() {
    for sp in ['\u{3000}', '\u{A0}', '\u{2002}', '\u{2009}', '\u{200A}', '\u{202F}', '\u{205F}'] {
        assert_eq!(norm(&format!("exchange{sp}online")), "exchange online", "{sp:?}");
        assert_eq!(norm(&format!("計{sp}3,137名")), "計3,137名", "{sp:?}");
    }
}

#[test]
fn half_width_katakana() {
    assert_eq!(norm("ｶﾀｶﾅ"), "カタカナ");
    assert_eq!(norm("ｶﾞｷﾞｸﾞ"), "ガギグ");
    assert_eq!(norm("ﾊﾟｽﾜｰﾄﾞ"), "パスワード");
    assert_eq!(norm("ｳﾞｧ"), "ヴァ");
    assert_eq!(norm("｢ｱ｣､ｲ｡ｳ･ｴ"), "「ア」、イ。ウ・エ");
    assert_eq!(norm("ｰ"), "ー");
    // A voicing mark with nothing to compose with stays a mark.
    assert_eq!(norm("ﾞa"), "゛a");
    assert_eq!(norm("ｱﾞ"), "ア゛");
    // Decomposed kana (NFD copies from macOS) are composed as well.
    assert_eq!(norm("か\u{3099}は\u{309A}"), "がぱ");
    // The combined char maps back to both original chars.
    assert_eq!(pieces("ｶﾞﾊﾟ"), vec![('ガ', "ｶﾞ".into()), ('パ', "ﾊﾟ".into())]);
    assert_eq!(pieces("ﾃﾞｰﾀ")[0], ('デ', "ﾃﾞ".into()));
}

#[test]
fn radicals_and_compat_ideographs() {
    // Kangxi radicals, as PDF copies give them.
    assert_eq!(norm("⼀部の⽒名・⽣年⽉⽇"), "一部の氏名・生年月日");
    assert_eq!(norm("⾦額"), "金額");
    assert_eq!(KANGXI.len(), 214);
    assert_eq!(norm("\u{2FD5}"), "龠");
    // CJK radicals supplement.
    assert_eq!(norm("⻘⻑⻄⻝⻤⻩⻲⻭⻯⺠⺟⻳"), "青長西食鬼黄亀歯竜民母龟");
    // Component forms stay.
    assert_eq!(norm("⻏⺡"), "⻏⺡");
    // Compatibility ideographs.
    assert_eq!(norm("\u{F900}\u{FA10}"), "\u{8C48}\u{585A}");
    // 﨑 U+FA11 is a unified ideograph of that block: NFKC keeps it.
    assert_eq!(norm("\u{FA11}"), "\u{FA11}");
    assert!(COMPAT.windows(2).all(|w| w[0].0 < w[1].0));
    // One that NFKC maps to an astral ideograph: 1 unit in, 2 out.
    let p = pieces("a\u{FA6C}b");
    assert_eq!(p[1], ('\u{242EE}', "\u{FA6C}".into()));
    assert_eq!(p[2], ('b', "b".into()));
}

#[test]
fn enclosed_forms() {
    assert_eq!(norm("㈱ジケン"), "(株)ジケン");
    assert_eq!(norm("㈲・㈹"), "(有)・(代)");
    assert_eq!(norm("℡ 03-1234-5678"), "tel 03-1234-5678");
    assert_eq!(norm("№5"), "no5");
    assert_eq!(norm("㍻31年・㋿2年・㍼・㍽・㍾"), "平成31年・令和2年・昭和・大正・明治");
    assert_eq!(norm("㍿ジケン"), "株式会社ジケン");
    assert_eq!(norm("㊙"), "秘");
    // Every char of an expansion maps to the one original char.
    assert_eq!(pieces("㈱"), vec![('(', "㈱".into()), ('株', "㈱".into()), (')', "㈱".into())]);
}

#[test]
fn circled_numbers_stay() {
    assert_eq!(norm("①1,000件"), "①1,000件");
    assert_eq!(norm("❶⑴⒈㈠㊀⑳"), "❶⑴⒈㈠㊀⑳");
    assert_eq!(norm("① 1,000件"), "①1,000件");
}

#[test]
fn dashes_and_waves() {
    for d in ['\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}', '\u{FE63}', '\u{FF0D}'] {
        assert_eq!(norm(&format!("03{d}1234")), "03-1234", "{d:?}");
    }
    for w in ['\u{301C}', '\u{FF5E}', '\u{223C}', '\u{2053}'] {
        assert_eq!(norm(&format!("4月{w}5月")), "4月~5月", "{w:?}");
    }
    assert_eq!(norm("サーバー"), "サーバー");
}

#[test]
fn dropped_chars() {
    assert_eq!(norm("不正\u{200B}アク\u{200C}セ\u{200D}ス\u{2060}\u{FEFF}"), "不正アクセス");
    assert_eq!(norm("pass\u{AD}word"), "password");
    assert_eq!(norm("\u{FEFF}当社"), "当社");
    // A variation selector belongs to the char before it.
    assert_eq!(pieces("葛\u{E0100}城"), vec![('葛', "葛\u{E0100}".into()), ('城', "城".into())]);
    // Dropped chars between two kept chars are covered by a span.
    let input = "不\u{200B}正";
    let n = Normalized::new(input);
    assert_eq!(orig(input, &n, 0, n.text.len()), input);
    // Only dropped chars: empty text, no panic.
    let n = Normalized::new("\u{200B}\u{FEFF}");
    assert_eq!(n.text, "");
    assert_eq!(n.span16(0, 1), (0, 0));
}

#[test]
fn spaces_between_joinable_chars() {
    assert_eq!(norm("計 3,137 名分"), "計3,137名分");
    assert_eq!(norm("3, 137"), "3,137");
    assert_eq!(norm("16, 347件"), "16,347件");
    assert_eq!(norm("2 月 6 日"), "2月6日");
    assert_eq!(norm("不正 アクセス"), "不正アクセス");
    assert_eq!(norm("氏名 ( 漢字 )"), "氏名(漢字)");
    assert_eq!(norm("氏名　（漢字）"), "氏名(漢字)");
    assert_eq!(norm("exchange   online"), "exchange online");
    assert_eq!(norm("a, b"), "a, b");
    // Letter next to CJK: kept (rules can use \b around ASCII words).
    assert_eq!(norm("ppc に報告"), "ppc に報告");
    assert_eq!(norm("windows 10 の"), "windows 10の");
    // A collapsed run maps back to the whole run.
    assert_eq!(pieces("a \t b")[1], (' ', " \t ".into()));
    // Tabs are whitespace too.
    assert_eq!(norm("氏名\t住所"), "氏名住所");
    // Spaces at the end of a line or of the text are dropped.
    assert_eq!(norm("概要   \n本文  "), "概要\n本文");
}

#[test]
fn indentation_is_kept() {
    assert_eq!(norm("記\n  ・氏名\n  ・住所"), "記\n ・氏名\n ・住所");
    assert_eq!(norm("  本文"), " 本文");
    assert_eq!(norm("a\n\n   \n\n b"), "a\n\n\n\n b");
}

#[test]
fn line_breaks() {
    assert_eq!(norm("a\r\nb\rc\nd"), "a\nb\nc\nd");
    assert_eq!(pieces("a\r\nb")[1], ('\n', "\r\n".into()));
    assert_eq!(norm("a\u{2028}b\u{85}c"), "a\nb\nc");
    assert_eq!(norm("一\n\n二"), "一\n\n二");
    assert_eq!(norm("一\r\n\r\n\r\n二"), "一\n\n\n二");
    assert_eq!(norm("概要\n"), "概要\n");
}

const PARA: &str = "当社が運営するサーバーに対して第三者による不正アクセスがあり、お客様の個人情報が漏えいした可能性があることが判明いたしました。お客様には多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。";

/// `s` hard-wrapped every `n` chars, as a PDF copy gives it.
fn hard_wrap(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars.chunks(n).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("\n")
}

/// What the wrapped `s` should come back as: breaks kept after 。 only.
fn unwrapped(wrapped: &str) -> String {
    wrapped.split('\n').fold(String::new(), |mut acc, l| {
        if !acc.is_empty() && acc.ends_with('。') {
            acc.push('\n');
        }
        acc.push_str(l);
        acc
    })
}

#[test]
fn wrap_width_detection() {
    assert_eq!(wrap_width(&hard_wrap(PARA, 20)), Some(40));
    assert_eq!(wrap_width(&hard_wrap(PARA, 31)), Some(62));
    // Text that is not hard-wrapped: one long line per paragraph.
    assert_eq!(wrap_width(&format!("{PARA}\n\n{PARA}\n概要\n{PARA}")), None);
    // Lines of all sorts of widths.
    let ragged: String = (0..40).map(|i| format!("{}\n", &"あ".repeat(15 + i * 3))).collect();
    assert_eq!(wrap_width(&ragged), None);
    assert_eq!(wrap_width("概要\n本文"), None);
    assert_eq!(wrap_width(""), None);
}

#[test]
fn pdf_wrap_join() {
    for n in [15, 20, 23, 31] {
        let w = hard_wrap(PARA, n);
        assert_eq!(norm(&w), unwrapped(&w), "width {n}");
        assert_eq!(norm(&w.replace('\n', "\r\n")), unwrapped(&w), "width {n}");
        assert_eq!(norm(&w.replace('\n', " \n")), unwrapped(&w), "width {n}");
    }
    // The joined break maps to nothing; the chars around it keep their
    // offsets, and a span across it covers it.
    let first = PARA.chars().position(|c| c == '、').unwrap() + 1;
    let input = hard_wrap(PARA, first);
    let n = check_contract(&input);
    assert!(input.contains("不正アクセスがあり、\nお客様"));
    let i = n.text.find("あり、お客様").unwrap();
    assert_eq!(orig(&input, &n, i, i + "あり、お客様".len()), "あり、\nお客様");
    let i = n.text.find("お客様").unwrap();
    assert_eq!(orig(&input, &n, i, i + "お客様".len()), "お客様");

    // Not joined inside a hard-wrapped text: list markers, headings,
    // blank lines, after 。, before ASCII/digits, indented next lines,
    // short lines.
    let doc = hard_wrap(PARA, first);
    let line = doc.lines().next().unwrap();
    assert!(line.ends_with('、'));
    for next in ["・氏名", "①氏名", "(1)氏名", "■経緯", "2.経緯", "一、経緯", "ア.経緯", "web", " 当社", "\n当社"] {
        let input = format!("{doc}\n\n{line}\n{next}");
        assert!(norm(&input).ends_with(&format!("{line}\n{}", norm(next))), "{next:?}");
    }
    let input = format!("{doc}\n\n概要\n当社は");
    assert!(norm(&input).ends_with("\n\n概要\n当社は"));
    let heading = "■2.お客様への影響と今後の当社の対応について";
    let input = format!("{doc}\n\n{heading}\nお客様の");
    assert!(norm(&input).ends_with(&format!("{heading}\nお客様の")));
    // A text that is not hard-wrapped keeps its line breaks.
    let input = format!("{PARA}\n当社は");
    assert_eq!(norm(&input), input);
    let title = "県立中央病院における患者情報のfax誤送信について";
    assert_eq!(norm(&format!("{title}\n公開日")), format!("{title}\n公開日"));
}

#[test]
fn control_chars_and_nul() {
    assert_eq!(norm("a\u{0}b"), "a b");
    assert_eq!(norm("当\u{0}社\u{7}"), "当社");
    // Trailing spaces are dropped, leading ones kept as indentation.
    assert_eq!(norm("\u{0}\u{1}\u{1F}"), "");
    assert_eq!(norm("a\u{0}"), "a");
    let n = check_contract("\u{0}\u{0}a");
    assert_eq!(n.text, " a");
    assert_eq!(n.span16(0, 1), (0, 2));
}

#[test]
fn astral_chars_and_surrogates() {
    let input = "😀漏えい😀𠮷野家\u{1F468}\u{200D}\u{1F469}";
    let n = check_contract(input);
    assert_eq!(n.text, "😀漏えい😀𠮷野家\u{1F468}\u{1F469}");
    let i = n.text.find("𠮷").unwrap();
    assert_eq!(orig(input, &n, i, i + 4), "𠮷");
    // The ZWJ between the two emoji is covered when both are in the span.
    let i = n.text.find('\u{1F468}').unwrap();
    assert_eq!(orig(input, &n, i, n.text.len()), "\u{1F468}\u{200D}\u{1F469}");
    // U+FFFD (what a lone surrogate becomes) is one unit.
    assert_eq!(pieces("a\u{FFFD}b")[1], ('\u{FFFD}', "\u{FFFD}".into()));
}

#[test]
fn offset_contract_on_mixed_text() {
    let input = "【お詫び】ＡＢＣ㈱ 計 3,137 名分\r\n\u{200B}ｶﾞｲﾄﾞ⽒名😀\u{3000}\u{3000}exchange　online〜\n\n\t①1,000件\u{FA6C}㍻\u{0}\r漏えいしたおそれがあり、第三者による不正なアクセス\nを確認";
    for (c, o) in pieces(input) {
        assert!(!o.is_empty(), "{c:?}");
    }
    let n = Normalized::new(input);
    let u: Vec<u16> = input.encode_utf16().collect();
    // Every byte range on char boundaries maps inside the original and
    // never splits a surrogate pair.
    let bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).chain([n.text.len()]).collect();
    for (x, &a) in bounds.iter().enumerate() {
        for &b in &bounds[x + 1..] {
            let (s, e) = n.span16(a, b);
            assert!(s < e && e <= n.len16());
            assert!(String::from_utf16(&u[s as usize..e as usize]).is_ok());
        }
    }
    // A span of folded text gives back the original text of it.
    let i = n.text.find("ガイド").unwrap();
    assert_eq!(orig(input, &n, i, i + "ガイド氏名".len()), "ｶﾞｲﾄﾞ⽒名");
    let i = n.text.find("計3,137名分").unwrap();
    assert_eq!(orig(input, &n, i, i + "計3,137名分".len()), "計 3,137 名分");
}

#[test]
fn span16_clamps() {
    let input = "漏えい";
    let n = Normalized::new(input);
    assert_eq!(n.span16(0, 3), (0, 1));
    assert_eq!(n.span16(1, 2), (0, 1)); // inside a char: widened to it
    assert_eq!(n.span16(4, 100), (1, 3));
    assert_eq!(n.span16(100, 200), (2, 3));
    assert_eq!(n.span16(5, 5), (1, 2));
    assert_eq!(n.span16(6, 3), (2, 3));
    let e = Normalized::new("");
    assert_eq!((e.text.as_str(), e.len16(), e.span16(0, 1)), ("", 0, (0, 0)));
}

#[test]
fn long_runs_use_few_map_entries() {
    let input = "あいうえお".repeat(1000);
    let n = check_contract(&input);
    assert!(n.map.len() <= 5000 / RUN as usize + 1, "{}", n.map.len());
    // Spans in the middle of a run.
    for k in [0usize, 31, 32, 33, 4999] {
        let (s, e) = n.span16(k * 3, k * 3 + 3);
        assert_eq!((s, e), (k as u32, k as u32 + 1));
    }
}

#[test]
fn ten_mebibytes_quickly() {
    let para = "当社サーバーへの不正アクセスにより、お客様 3,137 名分の個人情報(氏名、住所)が漏えいした可能性があります。ＡＢＣ㈱ ｶﾞｲﾄﾞ😀\r\n";
    let mut input = String::new();
    while input.len() < 10 << 20 {
        input.push_str(para);
    }
    let t = std::time::Instant::now();
    let n = Normalized::new(&input);
    let took = t.elapsed();
    assert!(took.as_secs_f64() < 5.0, "{took:?}");
    assert!(n.map.len() < n.text.len() / 8, "{} entries for {} bytes", n.map.len(), n.text.len());
    let last = n.text.len();
    let (s, e) = n.span16(last - 1, last);
    assert_eq!(e, n.len16());
    assert!(s < e);
    // Pathological inputs: all spaces, all line breaks, all dropped.
    for s in [" ".repeat(1 << 20), "\n".repeat(1 << 20), "\u{200B}".repeat(1 << 20), "ｶﾞ".repeat(1 << 18)] {
        let n = Normalized::new(&s);
        if !n.text.is_empty() {
            assert!(n.span16(0, n.text.len()).1 <= n.len16());
        }
    }
}

#[test]
fn a_line_break_inside_a_word_is_joined() {
    // A narrow column copied from a page breaks words wherever the column
    // ends, and may indent the next line: a particle or a verb's ending
    // cannot start a line, so the break goes, in any text.
    assert_eq!(norm("事務所内に侵入さ\nれました。"), "事務所内に侵入されました。");
    assert_eq!(norm("全アカウントのパスワード\n\u{3000}\u{3000}をリセットしました。"), "全アカウントのパスワードをリセットしました。");
    assert_eq!(norm("事案が発生しまし\nた。"), "事案が発生しました。");
    // Offsets still point into the input.
    let input = "侵入さ\n  れました";
    let n = check_contract(input);
    let i = n.text.find("され").unwrap();
    assert_eq!(orig(input, &n, i, i + "され".len()), "さ\n  れ");
    // A line that starts a word, an item or a sentence keeps its break.
    assert_eq!(norm("漏えいした情報\n氏名"), "漏えいした情報\n氏名");
    assert_eq!(norm("経緯\nただし、"), "経緯\nただし、");
    assert_eq!(norm("ご連絡しました。\nれいわ"), "ご連絡しました。\nれいわ");
    assert_eq!(norm("対象\n・氏名"), "対象\n・氏名");
}

#[test]
fn a_broken_particle_or_figure_is_joined() {
    assert_eq!(norm("白沢警察署及びJPCERT/CCに\n届け出ました。"), "白沢警察署及びjpcert/ccに届け出ました。");
    assert_eq!(norm("メールアドレス(約1,900\n件)"), "メールアドレス(約1,900件)");
    // A figure broken inside: a thousands group not complete, kanji numerals.
    assert_eq!(norm("口座番号\n1万8,6\n52件"), "口座番号\n1万8,652件");
    assert_eq!(norm("生徒 三十\n八名分の氏名"), "生徒三十八名分の氏名");
    // Near misses: a complete group, and rows that are figures of their own.
    assert_eq!(norm("32,104\n9,877"), "32,104\n9,877");
    assert_eq!(norm("令和6年9月27日\n3"), "令和6年9月27日\n3");
    assert_eq!(norm("第三\n一、経緯"), "第三\n一、経緯");
    let long = "2月24日、当該従業員が、過去にやり取りのあった取引先を装ったなりすましメールに添付されたExcelファイ";
    assert_eq!(norm(&format!("{long}\nルを開きました。")), format!("{}ルを開きました。", norm(long)));
    // A long line that ends a phrase between two kanji keeps its break.
    let item = "当該パソコンで管理していた、相談者など、約3,500人分の氏名、電話番号などの個人情報の一部";
    assert_eq!(norm(&format!("{item}\n現時点で流出は確認されておりません。")), format!("{}\n現時点で流出は確認されておりません。", norm(item)));
}

#[test]
fn a_short_notice_copied_from_a_narrow_column() {
    // Four wrapped lines of one width among eleven other long lines of all
    // widths (title, sender, list items, contact): a quarter of the long lines is
    // enough to show the wrap width.
    let others = [
        "ご宿泊予定のお客様へ当館を装った不審なメッセージについて",
        "株式会社みずなみリゾート湯の郷みずなみ館",
        "■閲覧された可能性のある情報",
        "氏名、電話番号、メールアドレス、ご宿泊日、ご予約プラン",
        "当館から、メッセージでカード情報の入力をお願いすることはございません。",
        "不審なメッセージ内のリンクは開かないでください。",
        "■当館の対応",
        "対象のお客様へ、個別に注意喚起のご連絡をメールでしております。",
        "所轄の警察署に相談いたしました。",
        "個人情報保護委員会へ報告いたしました。",
        "お問い合わせ:湯の郷みずなみ館フロント",
        "電話番号:0000-00-0000(受付時間は午前9時から午後8時まで)",
        "このページの内容について、ご意見やご感想をお寄せください。",
    ];
    let wrapped = hard_wrap(PARA, 26);
    let input = format!("{}\n\n{}\n\n{}", others[..2].join("\n"), wrapped, others[2..].join("\n"));
    // The histogram alone: 4 lines of 104 columns among 12 long lines of
    // other widths (a 30% share would call this text unwrapped).
    let mut lines: Vec<String> = (0..4).map(|_| "あ".repeat(52)).collect();
    lines.extend((0..12).map(|i| "い".repeat(15 + i * 3)));
    assert_eq!(wrap_width(&lines.join("\n")), Some(104));
    let n = norm(&input);
    assert!(n.contains(&unwrapped(&wrapped)), "{n}");
    // The other lines keep their breaks.
    assert!(n.contains("■当館の対応\n対象のお客様へ"), "{n}");
}
