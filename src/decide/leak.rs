//! Leak status (taxonomy §3): a stated leak beats a possible one, which
//! beats «still investigating», a title's bare mention, and a denial; lost
//! or stolen media not recovered are `possible`, and so are papers
//! discarded by mistake and not got back unless a denial is stated; a
//! misdelivery with nothing else said is `confirmed` (got back unopened is a
//! denial: `none`), a publication error `possible`.

use super::scope::Kept;
use super::Quote;
use crate::report::{LeakStatus, LeakStatusField, Tag};
use crate::rules::{Field, ScopeId};
use crate::scan::Scan;

pub(super) fn leak_status(scan: &Scan, kept: &[Kept], attack: &[Tag]) -> LeakStatusField {
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    let mut possible = Vec::new();
    let mut none = Vec::new();
    let mut unknown = Vec::new();
    for k in kept.iter().filter(|k| scan.rules.field_of(k.hit.cue) == Field::Leak) {
        let cue = &scan.rules.cues[k.hit.cue];
        let e = scan.quote_hit(&k.hit);
        match (scan.rules.rules[cue.rule].tag.as_str(), k.negated) {
            ("confirmed" | "possible", false) if k.undecided => unknown.push(e),
            ("confirmed" | "possible", true) => none.push(e),
            ("confirmed", false) if cue.weight >= 0.5 => strong.push(e),
            ("confirmed", false) => weak.push(e),
            ("possible", false) => possible.push(e),
            ("none", _) => none.push(e),
            _ => unknown.push(e),
        }
    }
    let has = |id: &str| attack.iter().find(|t| t.id == id);
    let recovered = scan.scope.iter().any(|s| s.contains(ScopeId::Recovered));
    let media = has("loss").or(has("theft"));
    let misdelivered = has("misdelivery");
    // Published by mistake: out where anyone could look (taxonomy §3:
    // 閲覧可能な状態 → possible) unless the notice says someone did.
    let published = has("publication_error");
    // Papers or media discarded to the wrong place and not got back: like
    // lost media, unless the notice says they were destroyed or not seen.
    let disposed = has("improper_disposal");
    let (value, evidence) = if !strong.is_empty() {
        (LeakStatus::Confirmed, strong)
    } else if !possible.is_empty() {
        (LeakStatus::Possible, possible)
    } else if !weak.is_empty() && unknown.is_empty() {
        // A title like 「情報流出について」 says a leak happened only when
        // nothing says it is still being investigated.
        (LeakStatus::Confirmed, weak)
    } else if let (Some(t), false) = (media, recovered) {
        (LeakStatus::Possible, t.evidence.clone())
    } else if let (Some(t), true, true) = (media, recovered, none.is_empty()) {
        // Lost media found again (taxonomy §3: 全て回収 → none).
        (LeakStatus::None, t.evidence.clone())
    } else if !none.is_empty() {
        (LeakStatus::None, none)
    } else if let (Some(t), false) = (disposed, recovered) {
        (LeakStatus::Possible, t.evidence.clone())
    } else if let Some(t) = misdelivered {
        (LeakStatus::Confirmed, t.evidence.clone())
    } else if let Some(t) = published {
        (LeakStatus::Possible, t.evidence.clone())
    } else {
        (LeakStatus::Unknown, unknown)
    };
    LeakStatusField { value, evidence }
}
