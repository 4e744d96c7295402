//! The notifying organisation: where its name stands in the text (header,
//! signature line, self-definition, or first mention), and which of the
//! `organization` rules' `#name` cues match that name. Whether it is a
//! public body is decided by the decide stage from these and from the
//! `organization` cues found in the text.

use super::table::{Pattern, Scanner};
use crate::rules::Field;
use std::sync::OnceLock;

/// What the scan found of the organisation.
#[derive(Debug, Clone, Default)]
pub(crate) struct OrgFinding {
    /// The name's byte span in the normalised text (as found: it may hold
    /// surrounding spaces) and whether it is the notifier's for sure (a
    /// header, a signature line, a self-definition) rather than the first
    /// company the text mentions, which may be a vendor.
    pub name: Option<(usize, usize, bool)>,
    /// The first `organization/corporation` `#name` cue that matches the
    /// (trimmed) name: (cue, start, end), spans in the normalised text.
    pub corporation: Option<(usize, usize, usize)>,
    /// The same for `organization/public_body`.
    pub public_body: Option<(usize, usize, usize)>,
}

impl Scanner {
    pub(super) fn find_org(&self, text: &str) -> OrgFinding {
        let name = find_ranked(text);
        let Some((a, b, _)) = name else { return OrgFinding::default() };
        let raw = &text[a..b];
        let trimmed = raw.trim();
        let base = a + (raw.len() - raw.trim_start().len());
        let hit = |tag: &str| self.match_name(tag, trimmed).map(|(ci, s, e)| (ci, base + s, base + e));
        OrgFinding { name, corporation: hit("corporation"), public_body: hit("public_body") }
    }

    /// The first `#name…` cue of the organization rule `tag` that matches
    /// `name`, with its span in `name`.
    fn match_name(&self, tag: &str, name: &str) -> Option<(usize, usize, usize)> {
        self.table.cues.iter().enumerate().find_map(|(ci, c)| {
            let r = &self.table.rules[c.rule];
            if r.field != Field::Org || r.tag != tag || !c.name_cue {
                return None;
            }
            let mut first = None;
            self.pattern(ci).prog.for_each(name, |a, b| {
                if first.is_none() {
                    first = Some((ci, a, b));
                }
            });
            first
        })
    }
}

/// Words of titles, headings and sentences, never of a name.
const NOT_NAME: &[&str] = &[
    "について", "に関する", "に係る", "お知らせ", "お詫び", "おわび", "お願い", "ご報告", "報告書", "の対応", "の件", "こと", "事案", "事象",
    "発生", "ホームページ", "ウェブサイト", "している", "された", "された", "ました", "です", "への", "皆様", "窓口",
];
const HEADING_MARKS: &[char] = &['■', '□', '◆', '◇', '●', '○', '・', '※', '◎', '▼', '▽', '★', '☆', '-', '(', '【'];

/// A signature line under the name: a department alone («事務局　総務課»,
/// «総務課 電話…») or an office-holder and a person's name («病院事業管理者
/// 早瀬 俊一郎», «市長 山田太郎»). Not a name with its department
/// («架空市消防本部　警防課»).
fn under_name(t: &str) -> bool {
    let first = t.split([' ', '\u{3000}']).next().unwrap_or("");
    let department = first.starts_with("事務局") || (["課", "係", "室", "担当"].iter().any(|e| first.ends_with(e)) && first.chars().count() <= 6);
    const ROLES: &[&str] = &["管理者", "院長", "理事長", "校長", "学長", "市長", "町長", "村長", "区長", "知事", "教育長", "局長", "所長", "センター長", "社長", "会長", "代表取締役"];
    const UNITS: &[&str] = &["課", "係", "部", "局", "室", "市", "町", "村", "県", "会社", "病院", "学校", "センター", "組合", "法人"];
    // The normaliser drops the space between Japanese words, so the
    // person's name may follow the title directly («管理者早瀬 俊一郎»);
    // a title inside a name («架空市長寿介護課») is followed by a unit.
    let person = ROLES.iter().any(|r| {
        t.match_indices(r).any(|(i, _)| {
            let rest = t[i + r.len()..].trim();
            !rest.is_empty() && rest.chars().count() <= 10 && !UNITS.iter().any(|u| rest.contains(u))
        })
    });
    department || person
}

/// Where the name part of a footer line ends: before a postal mark, a
/// telephone number, a corporate registration number (法人番号).
fn footer_cut(t: &str) -> usize {
    let mut end = t.len();
    for mark in ["〒", "☎", "法人番号"] {
        if let Some(i) = t.find(mark).filter(|&i| i > 0) {
            end = end.min(i);
        }
    }
    for word in ["電話", "tel"] {
        for (i, _) in t.match_indices(word).filter(|&(i, _)| i > 0) {
            let after = t[i + word.len()..].trim_start_matches([':', ' ', '.', '(']);
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                end = end.min(i);
            }
        }
    }
    end
}

/// «3 県が…», «4.市民…», «(2)…»: a numbered section heading.
fn section_number(t: &str) -> bool {
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < t.len() && rest.starts_with([' ', '.', '、', ')', ':'])
}

struct Patterns {
    /// 「架空市立みどり台病院（以下「当院」）」: the notifier naming itself.
    self_defined: Pattern,
    header_prefixed: Pattern,
    header_org: Pattern,
    header: Pattern,
    line: Pattern,
    mention: Pattern,
    corporate_mention: Pattern,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let [self_defined, header_prefixed, header_org, header, line, mention, corporate_mention] =
            crate::rules::fixed::org().map(|p| Pattern::builtin(&p));
        Patterns { self_defined, header_prefixed, header_org, header, line, mention, corporate_mention }
    })
}

/// The organisation's name and its byte span in the normalised text.
#[cfg(test)]
fn find(text: &str) -> Option<(usize, usize)> {
    find_ranked(text).map(|(a, b, _)| (a, b))
}

/// The name's span, and whether the name is the notifier's for sure (a
/// header, a signature line, a self-mention) rather than the first company
/// the text mentions, which may be a vendor.
fn find_ranked(text: &str) -> Option<(usize, usize, bool)> {
    let p = patterns();
    let group = |re: &Pattern| re.prog.captures(text).and_then(|c| Some((c[2]?, c[3]?, true)));
    // Some patterns begin with up to N characters of a broad class before a
    // literal every match holds: a match starts at most 4·N bytes before an
    // occurrence of the literal, so only those positions are tried.
    let near = |re: &Pattern, lits: &[&str], chars: usize| {
        let mut at: Vec<usize> = lits.iter().flat_map(|l| text.match_indices(l).map(|(i, _)| i)).collect();
        if at.is_empty() {
            return None;
        }
        at.sort_unstable();
        re.prog.captures_where(text, |p| {
            let i = at.partition_point(|&x| x < p);
            i < at.len() && at[i] - p <= 4 * chars
        })
    };
    let self_defined = || near(&p.self_defined, &["(以下"], 40).and_then(|c| Some((c[2]?, c[3]?, true)));
    if let Some(found) = [&p.header_prefixed, &p.header_org, &p.header].into_iter().find_map(group).or_else(self_defined) {
        return Some(found);
    }
    // A signature: one of the last lines (a web page's footer may end in
    // a survey, links and a copyright line under it), else one of the first lines.
    let lines: Vec<(usize, &str)> = line_spans(text);
    let signature = |&(off, l): &(usize, &str)| {
        let t = l.trim();
        if t.chars().count() > 48 || t.contains("各位") || t.contains("代表") || t.ends_with('。') {
            return None;
        }
        // A footer's address or opening-hours line is no name; nor is a
        // title, a section heading or a sentence fragment that happens to
        // hold an organisation word («市ホームページが閲覧できなかった件に
        // ついて», «■教育委員会の対応», «3 県が行っている対応»).
        if t.starts_with('〒') || t.starts_with("住所") || t.contains("開庁") || t.contains("受付時間") || t.contains("copyright") {
            return None;
        }
        if NOT_NAME.iter().any(|w| t.contains(w)) || t.starts_with(HEADING_MARKS) || section_number(t) {
            return None;
        }
        if under_name(t) {
            return None;
        }
        // A footer line goes on after the name with the office's address,
        // telephone or registration number: the name is what stands before.
        let t = &t[..footer_cut(t)];
        let c = p.line.prog.captures(t.trim_end())?;
        let lead = l.len() - l.trim_start().len();
        Some((off + lead + c[2]?, off + lead + c[3]?, true))
    };
    // The footer of a page runs from after its last sentence; at most 24
    // lines of it are read, and always the last 4 lines of the text.
    // (A «※» note of the footer is no body sentence.)
    let after_body = lines
        .iter()
        .rposition(|(_, l)| l.trim_end().ends_with('。') && !l.trim_start().starts_with('※'))
        .map_or(0, |i| i + 1);
    let footer = after_body.max(lines.len().saturating_sub(24));
    let last = footer.min(lines.len().saturating_sub(4));
    if let Some(found) = lines[last..].iter().rev().chain(lines.iter().take(6)).find_map(signature) {
        return Some(found);
    }
    group(&p.mention).or_else(|| {
        near(&p.corporate_mention, &["株式会社", "有限会社"], 20).and_then(|c| Some((c[2]?, c[3]?, false)))
    })
}

fn line_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut off = 0;
    for l in text.split('\n') {
        if !l.trim().is_empty() {
            out.push((off, l));
        }
        off += l.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(t: &str) -> Option<&str> {
        find(t).map(|(a, b)| &t[a..b])
    }

    #[test]
    fn names() {
        assert_eq!(name("お知らせ\n本文です。\n\n株式会社ダンダダン\n"), Some("株式会社ダンダダン"));
        assert_eq!(name("本文です。\n三重県 四日市建設事務所"), Some("三重県 四日市建設事務所"));
        assert_eq!(name("【セキュリティ事件簿#2023-1】エン・ジャパン株式会社 「x」"), Some("エン・ジャパン株式会社"));
        assert_eq!(name("タイトル\n令和5年中に長崎県警察で受け付けた届出です。"), Some("長崎県警察"));
        assert_eq!(name("問い合わせ先 東北海道いすゞ自動車株式会社 総務人事部"), Some("東北海道いすゞ自動車株式会社 総務人事部"));
        assert_eq!(name("お客様各位\n本文。"), None);
        // A page footer: the name above the survey, the links and the copyright line.
        let page = "本文です。\n\n架空市消防本部　警防課\n電話:000-000-0000\n受付時間:午前8時30分から\n\nこのページの情報は役に立ちましたか?\n○役に立った\n○役に立たなかった\n[送信]\n\n関連リンク\n・救急車の適正利用\n・火災予防\n\nページの先頭へ\ncopyright (c) kaku city.";
        assert_eq!(name(page), Some("架空市消防本部　警防課"));
        // A vendor under a heading in the body is no signature: only a mention, not sure.
        let vendor = format!("{}■委託事業者\n株式会社あおば印刷(本社:架空市)\n\n■経過\n・5月28日:連絡を受けました。\n・6月6日:流出を確認しました。\n\n■県の対応\n確認を進めています。", "本文です。\n".repeat(7));
        let vendor = vendor.as_str();
        assert_eq!(find_ranked(vendor).map(|(_, _, sure)| sure), Some(false));
        assert_eq!(name("令和7年、架空市立みどり台総合病院(以下「当院」)のサーバーが"), Some("架空市立みどり台総合病院"));
        assert_eq!(name("【事件簿#1】大阪中央医療センター情報セキュリティ報告書について"), Some("大阪中央医療センター"));
        assert_eq!(name("【事件簿#1】株式会社ギンナン不正アクセスに関するお知らせ"), Some("株式会社ギンナン"));
        // footer lines: the name before the address, telephone, registration number
        assert_eq!(name("本文です。\nページの先頭へ\n架空市水道局 〒999-7700 架空市上水道通り12番地"), Some("架空市水道局"));
        assert_eq!(name("本文です。\n架空県庁 法人番号 0000000000000 〒999-8501"), Some("架空県庁"));
        assert_eq!(name("本文です。\n架空町役場 電話 0123-45-6789"), Some("架空町役場"));
        // The lines under the name: a department alone, an office-holder.
        assert_eq!(name("本文です。\n架空地区衛生施設組合(構成団体:架空市・架空町)\n事務局　総務課　電話 000-660-5300"), Some("架空地区衛生施設組合(構成団体:架空市・架空町)"));
        assert_eq!(name("本文です。\n架空市民病院(架空市病院事業)\n病院事業管理者　山田 一郎\n〒000-0000 架空市緑町1番"), Some("架空市民病院(架空市病院事業)"));
        assert_eq!(name("本文です。\n総務課 電話 000-000-0000"), None);
        assert_eq!(name("本文です。\n架空市\n架空市長寿介護課"), Some("架空市長寿介護課"));
    }

}
