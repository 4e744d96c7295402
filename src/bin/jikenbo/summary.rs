//! `--format summary`: a short block a person reads, per notice.

use jikenbo::Report;

fn labels<'a>(tags: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let v: Vec<String> = tags.map(|(ja, id)| format!("{} ({})", ja, id)).collect();
    if v.is_empty() {
        "—".into()
    } else {
        v.join(", ")
    }
}

fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The block of one notice, headed by `name`.
pub fn block(name: &str, r: &Report) -> String {
    let org = match &r.organization.name {
        Some(n) => format!("{}{}", n, if r.organization.public_body { " (公的機関 / public body)" } else { "" }),
        None if r.organization.public_body => "(名称なし / no name) 公的機関 / public body".into(),
        None => "—".into(),
    };
    let attack = labels(r.attack_types.iter().map(|t| (t.label.ja.as_str(), t.id.as_str())));
    let data = labels(r.data_categories.iter().map(|t| (t.tag.label.ja.as_str(), t.tag.id.as_str())));
    let leak_quote = r.leak_status.evidence.first().map(|e| format!(" 「{}」", e.text)).unwrap_or_default();
    let affected = match (r.affected_count.value, r.affected_count.exceeds_safe_integer) {
        (Some(n), _) => count(n),
        (None, true) => r.affected_count.evidence.first().map(|e| e.text.clone()).unwrap_or_default(),
        (None, false) => "—".into(),
    };
    let reported = labels(r.reported_to.iter().map(|t| (t.label.ja.as_str(), t.id.as_str())));
    let ppc = if r.ppc_report.required {
        format!("要 / required ({})", r.ppc_report.reasons.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", "))
    } else {
        "不要 / not required".into()
    };
    let s = &r.severity;
    format!(
        "== {}\n組織 organization   {}\n原因 attack types   {}\nデータ data         {}\n漏えい leak         {}{}\n件数 count          {}\n深刻度 severity     {} (data {}, operational {})\n報告先 reported to  {}\n個人情報保護委員会 PPC  {}{}\n",
        name,
        org,
        attack,
        data,
        r.leak_status.value.as_str(),
        leak_quote,
        affected,
        s.level.as_str(),
        s.data.as_str(),
        s.operational.as_str(),
        reported,
        ppc,
        if r.truncated { "\n(一部の根拠を省略 / some evidence left out)" } else { "" }
    )
}
