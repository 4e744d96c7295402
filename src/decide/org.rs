//! The organisation and whether it is a public body (taxonomy §7): its own
//! name decides when it says so («…市», «県立…病院», «…法人», «株式会社…»);
//! otherwise the body's self-references do («本市», «市民の皆様» against «当社»).

use super::Quote;
use crate::report::{Evidence, Organization};
use crate::rules::Field;
use crate::scan::{Hit, Scan};

pub(super) fn organization(scan: &Scan) -> Organization {
    let found = &scan.org;
    // A name that is only the first company mentioned may be a vendor's: the
    // body's self-references («本市», «市民の皆様») decide before it.
    let name_is_sure = found.name.is_some_and(|(_, _, sure)| sure);
    // The name as the notice spells it: the caller's text of the span, not
    // the normalised one (株式会社ＡＢＣ stays full-width, capitals stay).
    let mut evidence = Vec::new();
    let mut name = None;
    if let Some((a, b, _)) = found.name {
        let q = scan.quote(a, b, "organization/name");
        let q = name_quote(casebook_name(scan.text.original.text(), scan.text.original.byte(q.start), q));
        name = Some(q.text.clone());
        evidence.push(q);
    }
    // The organisation cues found in the text (not the `#name` cues, which
    // run on the name only).
    let is = |h: &Hit, id: &str| {
        let r = scan.rules.rule_of(h.cue);
        r.field == Field::Org && r.tag == id && !scan.rules.cues[h.cue].name_cue
    };
    let cite = |h: &Hit| scan.quote_hit(h);
    let body_public: Vec<&Hit> = scan.hits.iter().filter(|h| is(h, "public_body")).collect();
    let body_corporate = scan.hits.iter().any(|h| is(h, "corporation"));
    let by_body = !body_public.is_empty() && !body_corporate;
    let public_body = if !name_is_sure && by_body {
        evidence.extend(body_public.iter().take(3).map(|h| cite(h)));
        true
    } else if let Some((ci, s, e)) = found.corporation {
        evidence.push(scan.quote(s, e, &scan.rules.cues[ci].evidence_id));
        false
    } else if let Some((ci, s, e)) = found.public_body {
        evidence.push(scan.quote(s, e, &scan.rules.cues[ci].evidence_id));
        true
    } else if by_body {
        evidence.extend(body_public.iter().take(3).map(|h| cite(h)));
        true
    } else {
        false
    };
    Organization { name, public_body, evidence }
}

/// A casebook heading («【セキュリティ事件簿#…】株式会社ほしぞら運輸 不正
/// アクセスに関する…») sets the name apart by a space, which the normaliser
/// drops between Japanese characters, so the name found in the normalised
/// heading may stop short («株式会社», «架空県» of «架空県こもれび町»): in
/// the caller's text, the name runs to that space, unless the heading has
/// no space there and the run holds the title's words too («…センターへの
/// 不正アクセスについて»). `at` is the quote's byte offset in `original`.
fn casebook_name(original: &str, at: usize, q: Evidence) -> Evidence {
    let line_start = original[..at].rfind('\n').map_or(0, |i| i + 1);
    let head = original[line_start..at].trim_end();
    if !(head.starts_with('【') && head.ends_with('】') && head.contains('#')) {
        return q;
    }
    let rest = &original[at..];
    let mut token = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
    // A title joined to the name without a space begins with a particle.
    for w in ["への", "に関する", "について", "に係る", "による", "における", "での", "が", "の"] {
        if let Some(i) = token.get(q.text.len()..).and_then(|t| t.find(w)) {
            token = &token[..q.text.len() + i];
        }
    }
    if token.len() <= q.text.len() || !token.starts_with(q.text.as_str()) || token.chars().count() > 40 {
        return q;
    }
    // What is left is the name only if no other word of a title is in it.
    const TITLE_WORDS: [&str; 7] = ["お知らせ", "お詫び", "おわび", "ご報告", "発生", "不正", "流出"];
    if TITLE_WORDS.iter().any(|w| token[q.text.len()..].contains(w)) {
        return q;
    }
    Evidence { end: q.start + token.encode_utf16().count() as u32, text: token.to_string(), ..q }
}

/// The name as a signature or footer line writes it, without what stands
/// beside it there: a postal address (〒…), a telephone number, a copyright
/// mark and year, a date, an officer and their name («みやき町長 末安 伸之»
/// → «みやき町», «株式会社x 代表取締役 …» → «株式会社x»; but 病院長 is no
/// 院長). Works on the caller's text, keeping the quote's offsets exact.
fn name_quote(q: Evidence) -> Evidence {
    let s = q.text.as_str();
    let space = |c: char| c.is_whitespace();
    let mut end = s.len();
    for mark in ['〒', '☎'] {
        if let Some(i) = s.find(mark) {
            end = end.min(i);
        }
    }
    // 「電話:0123」「TEL 03-」, not the 電話 of a company's name.
    let lower = s.to_lowercase();
    for word in ["電話", "tel", "fax", "ｔｅｌ"] {
        if lower.len() != s.len() {
            break; // lower-casing moved the offsets: leave the name as found
        }
        for (i, _) in lower.match_indices(word).filter(|&(i, _)| i > 0) {
            let after = s[i + word.len()..].trim_start_matches([':', '：', ' ', '　', '.', '(', '（']);
            if after.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
                end = end.min(i);
            }
        }
    }
    // An officer's title starts a word of its own.
    for title in ["代表取締役", "取締役", "代表理事", "理事長", "社長", "会長", "院長", "学長", "校長", "所長", "頭取"] {
        for (i, _) in s[..end].match_indices(title) {
            if i > 0 && s[..i].ends_with(space) {
                end = end.min(i);
            }
        }
    }
    // «横手市長 髙橋 大»: the head of the body the name is.
    let first = s[..end].trim_start();
    let first_word_end = s.len() - first.len() + first.find(space).unwrap_or(first.len());
    for (title, keep) in [("市長", "市"), ("町長", "町"), ("村長", "村"), ("区長", "区"), ("県知事", "県"), ("都知事", "都"), ("府知事", "府"), ("道知事", "道")] {
        let word = &s[..first_word_end.min(end)];
        if word.ends_with(title) && word.trim_start().len() > title.len() {
            end = word.len() - title.len() + keep.len();
            break;
        }
    }
    let mut start = 0;
    // A copyright mark and year, or a date, before the name.
    loop {
        let rest = s[start..end].trim_start();
        let skip = s[start..end].len() - rest.len();
        let lower_rest = rest.to_lowercase();
        let marked = ["copyright", "(c)", "©", "（c）"].iter().find(|m| lower_rest.starts_with(*m) && lower_rest.len() == rest.len());
        if let Some(m) = marked {
            start += skip + m.len();
            continue;
        }
        let word = rest.split(space).next().unwrap_or("");
        let datey = !word.is_empty()
            && word.len() < rest.len()
            && word.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || "/.-／年月日令和平成元".contains(c))
            && word.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        if datey {
            start += skip + word.len();
            continue;
        }
        break;
    }
    let kept = s[start..end].trim_matches(space);
    if kept.is_empty() {
        return q;
    }
    let lead = s[start..].len() - s[start..].trim_start_matches(space).len();
    let a = start + lead;
    let units = |t: &str| t.encode_utf16().count() as u32;
    Evidence {
        start: q.start + units(&s[..a]),
        end: q.start + units(&s[..a + kept.len()]),
        rule: q.rule,
        text: kept.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(s: &str) -> (String, u32, u32) {
        let q = name_quote(Evidence { start: 10, end: 10 + s.encode_utf16().count() as u32, rule: "organization/name".into(), text: s.into() });
        (q.text, q.start, q.end)
    }

    #[test]
    fn a_name_without_what_stands_beside_it() {
        assert_eq!(trimmed("架空野市役所　〒100-0001 架空野市中央1-1").0, "架空野市役所");
        assert_eq!(trimmed("© 2025 架空山町"), ("架空山町".into(), 17, 21));
        assert_eq!(trimmed("Copyright © 架空村").0, "架空村");
        assert_eq!(trimmed("2024/9/12 架空県").0, "架空県");
        assert_eq!(trimmed("横手市長　髙橋 大").0, "横手市");
        assert_eq!(trimmed("架空県知事 山田 花子").0, "架空県");
        assert_eq!(trimmed("株式会社カクウ 代表取締役 鈴木 一郎").0, "株式会社カクウ");
        assert_eq!(trimmed("架空村役場 電話：0123-45-6789").0, "架空村役場");
        assert_eq!(trimmed("気仙沼市立病院 院長 大友 浩志").0, "気仙沼市立病院");
        // near misses: words that only look like what is cut
        assert_eq!(trimmed("株式会社テル電話サービス").0, "株式会社テル電話サービス");
        assert_eq!(trimmed("架空市立病院長寿センター").0, "架空市立病院長寿センター");
        assert_eq!(trimmed("市長"), ("市長".into(), 10, 12));
    }

    fn casebook(line: &str, found: &str) -> String {
        let at = line.find(found).unwrap();
        let start = line[..at].encode_utf16().count() as u32;
        let q = Evidence { start, end: start + found.encode_utf16().count() as u32, rule: "organization/name".into(), text: found.into() };
        let out = casebook_name(line, at, q);
        assert_eq!(&line[at..][..out.text.len()], out.text, "the quote is the caller's text");
        assert_eq!(out.end - out.start, out.text.encode_utf16().count() as u32);
        out.text
    }

    #[test]
    fn a_casebook_heading_name_runs_to_its_space() {
        assert_eq!(casebook("【架空事件簿#12】株式会社ほしぞら運輸 不正アクセスのお知らせ", "株式会社"), "株式会社ほしぞら運輸");
        assert_eq!(casebook("前の行\n【事件簿#2024-3】架空県こもれび町\u{3000}誤送信について", "架空県"), "架空県こもれび町");
        // near misses: no casebook heading, a name already whole, a token too long
        assert_eq!(casebook("【お知らせ】株式会社ほしぞら運輸 不正アクセス", "株式会社"), "株式会社");
        assert_eq!(casebook("【事件簿#1】架空市 書類紛失", "架空市"), "架空市");
        assert_eq!(casebook("【事件簿#1】架空市書類紛失 のお詫び", "架空市書類紛失"), "架空市書類紛失");
        let long = format!("【事件簿#1】株式会社{} 不正", "あ".repeat(40));
        assert_eq!(casebook(&long, "株式会社"), "株式会社");
        assert_eq!(casebook("本文 【事件簿#1】株式会社ほしぞら 不正", "株式会社"), "株式会社");
        assert_eq!(casebook("【事件簿#7】架空大学未来研究センターへの不正アクセスについて 2024/1/5", "架空大学"), "架空大学未来研究センター");
        assert_eq!(casebook("【事件簿#7】株式会社ほしぞら運輸が保有する情報の流出", "株式会社"), "株式会社ほしぞら運輸");
        assert_eq!(casebook("【事件簿#7】株式会社ほしぞらの個人情報漏えいに関するお詫び", "株式会社"), "株式会社ほしぞら");
        assert_eq!(casebook("【事件簿#7】架空市消防局の職員、試験データを不正に入手", "架空市"), "架空市消防局");
        assert_eq!(casebook("【事件簿#7】架空市個人情報流出のお詫び", "架空市"), "架空市");
    }
}
