//! The patterns written in code rather than in `rules/` (finding the
//! organisation's name, reading counts), as text: the scan stage's `org` and
//! `count` run them, and build.rs compiles them ahead of time with the rules.
//!
//! Every repetition has a bound (`\s{0,8}`, `{1,40}`, never `*` or `+`):
//! the organisation patterns search the whole text, which the matcher does
//! in bounded memory only for a pattern whose longest match is bounded
//! (build.rs refuses any built-in pattern that is not).

/// Name endings and prefixes of organisations, for signature lines.
pub const ORG_WORD: &str = r"(?:株式会社|有限会社|合同会社|合資会社|(?:学校|医療|社会福祉|一般社団|公益社団|一般財団|公益財団|独立行政|国立大学|公立大学|国立研究開発|地方独立行政|特定非営利活動|宗教|税理士|弁護士|司法書士)法人|市|町|村|県|都|道|府|区|市役所|区役所|町役場|村役場|庁|省|局|病院|大学|学院|学園|高等学校|中学校|小学校|センター|機構|協会|組合|連合会|広域連合|委員会|商工会|学会|協議会|警察|警察本部|消防局|消防本部|研究所|事務所|クリニック|医院|銀行|信用金庫|会議所|財団|社団|グループ|ホールディングス|振興会|研究会)";

/// For the scan stage's `org`, in the order of its `Patterns` fields.
pub fn org() -> [String; 7] {
    [
        // 「架空市立みどり台病院（以下「当院」）」: the notifier naming itself.
        r"([^\s、。「」()『』]{2,40})\(以下[、,]?「(?:当|本|弊)[^」]{1,6}」".into(),
        // The normaliser joins 「【…】相澤病院 患者さん…」 into one run, so a header name is
        // found as 株式会社+katakana, else as the shortest run ending in an
        // organisation word, else up to the first particle.
        r"^【[^】\n]{0,40}】\s{0,8}((?:株式会社|有限会社|合同会社)[ァ-ヶー・a-z0-9&.]{1,40})".into(),
        format!(r"^【[^】\n]{{0,40}}】\s{{0,8}}([^\s【】「」、。]{{0,30}}?{w})", w = ORG_WORD),
        // Only a casebook heading («【…事件簿#…】») is followed by the name
        // itself; after 【お知らせ】 or 【重要】 comes the title.
        r"^【[^】\n#]{0,40}#[^】\n]{0,20}】\s{0,8}([^\s【】「」、]{2,40}?)(?:\s|への|の|における|が|は|、|$)".into(),
        // A whole line that is a name, optionally followed by a department or a bracketed alias.
        format!(
            r"^(?:(?:問い?合わせ先|問合せ先|発表者?|作成)[::\s]{{0,8}})?([^\s::、。「」『』]{{0,30}}{w}(?:[^\s::、。「」]{{0,20}})?(?:[\s ]{{1,8}}[^\s::、。「」]{{1,20}}){{0,3}}(?:\([^)\n]{{1,30}}\))?)$",
            w = ORG_WORD
        ),
        // 「稲敷市が保有する」「長崎県警察で受け付けた」: a public body naming itself at a sentence start.
        r"(?:^|[。\n、]|中に|では|には)([^\s、。「」()0-9a-z]{1,10}?(?:都|道|府|県|市|区|町|村)(?:警察(?:本部)?|消防局|教育委員会|役所|役場)?)(?:が|は|で|では|において|の保有|として)".into(),
        r"((?:株式会社|有限会社)[^\s、。「」()(),]{1,20}|[^\s、。「」()(),]{1,20}(?:株式会社|有限会社))".into(),
    ]
}

/// For the scan stage's `count`, in the order of its `Patterns` fields.
pub fn count() -> [String; 6] {
    [
        r"^(?:(名|人|世帯)(?:分|様)?|(件|社|者|アカウント|口座|団体|事業所|法人|id)(?:分)?)".into(),
        // A total, a maximum, or the heading of a count («全体数:», «会員数:»).
        r"(?:合計|総計|総数|計|最大|上記|延べ|全|合わせて|あわせて|(?:件|人|者|員|客|世帯)数|全体数|対象者)(?:で|は|が|:)?(?:約|およそ|最大)?$".into(),
        // What the figure is instead of the affected: attempts, mails (but
        // «23件の通知書を送付», the documents themselves, are the affected),
        // enquiries, devices… and people who acted on the data («職員7名が…
        // 情報を閲覧し», «276名が、34名様の情報を閲覧できる»).
        r"^(?:[^。、]{0,12}(?:試行|送信|配信|宛て|宛に|あてに|あて|の相談|のご相談|のお問い合わせ|の問い合わせ|の通知(?:[^書]|$)|に送|へ送|[^書類票証]を送|に影響|の施設|施設|台)|が[^。]{0,60}を[^。、]{0,6}(?:閲覧|アクセス|入手|受信)(?:し|でき)|義|称|前|簿|目|事|物|件名|社員|社長)".into(),
        // …or the times a page was viewed («アクセス数は約2,900件»).
        r"(?:送信|配信|試行|受信(?:した|件数|数)|通数|アクセス(?:件)?数|閲覧(?:件)?数|閲覧回数|表示回数|ページビュー|ダウンロード(?:件)?数)[^。、]{0,12}$".into(),
        // Not a breakdown in brackets («15,730名(うち、法人会員8,211名)»).
        r"^[^。(]{0,6}(?:の|)うち".into(),
        r"(?:不正に?ログインされ|ログインされた|不正アクセスされ)[^。]{0,8}$".into(),
    ]
}
