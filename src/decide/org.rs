//! The organisation and whether it is a public body (taxonomy §7): its own
//! name decides when it says so («…市», «県立…病院», «…法人», «株式会社…»);
//! otherwise the body's self-references do («本市», «市民の皆様» against «当社»).

use super::Quote;
use crate::report::Organization;
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
        name = Some(q.text.trim().to_string());
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
