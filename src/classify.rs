//! The decision layer: from cue hits to the report.
//!
//! Scope first: hits in advice to readers (「ご注意ください」), in
//! hypotheticals (「万一…場合」), in contact details, or denied by their own
//! clause (「…は含まれておりません」) do not count; data items count only where
//! the notice describes the affected data (a sentence that says so, or the
//! list under a heading that does). Then each field is decided, and the
//! rubric of taxonomy §5/§7 is applied.

use crate::count;
use crate::engine::{Engine, Field, Hit, F_ADVICE, F_CONTACT, F_CONTEXT, F_HYPOTHETICAL, F_NEGATION, F_PREVENTION};
use crate::normalize::Normalized;
use crate::org;
use crate::report::*;
use crate::rubric;
use crate::segment::{self, Segment, Shape};
use crate::taxonomy;

const S_ADVICE: u8 = 1;
const S_HYPOTHETICAL: u8 = 2;
const S_CONTACT: u8 = 4;
const S_CONTEXT: u8 = 8;
const S_RECOVERED: u8 = 16;
const S_PREVENTION: u8 = 32;

/// A hit that survived the scope filters.
struct Kept {
    hit: Hit,
    negated: bool,
}

/// The text after normalising, segmenting and matching, with the scope of
/// every segment: what `run` decides on and `explain` prints.
struct Analysis {
    norm: Normalized,
    segs: Vec<Segment>,
    hits: Vec<Hit>,
    /// S_* scope bits per segment.
    flags: Vec<u8>,
    /// Whether each segment describes the affected data.
    in_context: Vec<bool>,
}

fn analyse(engine: &Engine, input: &str) -> Analysis {
    let norm = Normalized::new(input);
    let segs = segment::split(&norm.text);
    let hits = engine.scan(&norm.text, &segs);
    let mut flags = vec![0u8; segs.len()];
    for h in &hits {
        let rule = &engine.rules[engine.cues[h.cue].rule];
        if rule.field == Field::Scope {
            flags[h.seg] |= scope_bit(&rule.tag);
        }
    }
    let in_context = propagate_context(&norm.text, &segs, &flags);
    Analysis { norm, segs, hits, flags, in_context }
}

pub(crate) fn run(engine: &Engine, input: &str) -> Report {
    let Analysis { norm, segs, hits, flags, in_context } = analyse(engine, input);
    let text = norm.text.as_str();

    let mut kept: Vec<Kept> = Vec::new();
    for h in &hits {
        let cue = &engine.cues[h.cue];
        let field = engine.rules[cue.rule].field;
        if matches!(field, Field::Scope | Field::Org) {
            continue;
        }
        let f = flags[h.seg];
        let applies = |bit: u8| cue.ignore & bit == 0;
        if f & S_ADVICE != 0 && applies(F_ADVICE) {
            continue;
        }
        if f & S_HYPOTHETICAL != 0 && applies(F_HYPOTHETICAL) {
            continue;
        }
        if f & S_CONTACT != 0 && applies(F_CONTACT) && matches!(field, Field::Data | Field::Reported) {
            continue;
        }
        if f & S_PREVENTION != 0 && applies(F_PREVENTION) && matches!(field, Field::Attack | Field::Data | Field::Operational) {
            continue;
        }
        if field == Field::Data && !in_context[h.seg] && applies(F_CONTEXT) {
            continue;
        }
        let negated = applies(F_NEGATION) && engine.negated(text, &segs[h.seg], h.end);
        if negated && field != Field::Leak {
            continue;
        }
        kept.push(Kept { hit: *h, negated });
    }

    let ev = |h: &Hit| -> Evidence {
        let (start, end) = norm.span16(h.start, h.end);
        debug_assert!(start < end && end <= norm.len16(), "evidence {}..{} outside the input", start, end);
        Evidence { start, end, rule: engine.cues[h.cue].evidence_id.clone() }
    };

    // Tag fields.
    let mut attack = tags(engine, &kept, Field::Attack, "attack_types", &ev);
    if attack.iter().any(|t| taxonomy::row("attack_types", &t.id).is_some_and(|r| r.hacking)) {
        attack.retain(|t| t.id != "unauthorized_access");
    }
    let subsumed: Vec<&str> = attack
        .iter()
        .filter_map(|t| taxonomy::row("attack_types", &t.id))
        .flat_map(|r| r.subsumes.iter().copied())
        .collect();
    attack.retain(|t| !subsumed.contains(&t.id.as_str()));
    let mut data_plain = tags(engine, &kept, Field::Data, "data_categories", &ev);
    let personal_other = data_plain.iter().any(|t| {
        t.id != "personal_info" && taxonomy::row("data_categories", &t.id).is_some_and(|r| r.personal)
    });
    if personal_other {
        data_plain.retain(|t| t.id != "personal_info");
    }
    let mut data: Vec<DataTag> = data_plain
        .into_iter()
        .map(|tag| {
            let tier = taxonomy::row("data_categories", &tag.id).map_or(1, |r| r.tier);
            DataTag { tag, tier }
        })
        .collect();
    data.sort_unstable_by_key(|d| (std::cmp::Reverse(d.tier), taxonomy::order("data_categories", &d.tag.id)));
    let reported = tags(engine, &kept, Field::Reported, "reported_to", &ev);

    // Leak status.
    let leak = decide_leak(engine, &kept, &attack, &flags, &ev);

    // Count.
    let cands = count::candidates(text, &segs);
    let chosen = count::choose(&cands, &in_context);
    let affected = CountField {
        value: chosen.map(|c| c.value),
        evidence: chosen
            .map(|c| {
                let (start, end) = norm.span16(c.start, c.end);
                vec![Evidence { start, end, rule: "count".into() }]
            })
            .unwrap_or_default(),
    };

    // Operational severity.
    let mut operational = Level::Low;
    let mut op_ev: Vec<(Level, Evidence)> = Vec::new();
    for k in kept.iter().filter(|k| field_of(engine, &k.hit) == Field::Operational) {
        let level = match engine.rules[engine.cues[k.hit.cue].rule].tag.as_str() {
            "critical" => Level::Critical,
            "high" => Level::High,
            _ => Level::Medium,
        };
        operational = operational.max(level);
        op_ev.push((level, ev(&k.hit)));
    }

    // Organisation.
    let organization = decide_org(engine, text, &hits, &norm);

    // Rubric.
    let max_tier = data.iter().map(|d| d.tier).max().unwrap_or(0);
    let data_level = rubric::data_severity(max_tier, affected.value, leak.value);
    let level = data_level.max(operational);
    let mut reasons = rubric::data_reasons(max_tier, affected.value, leak.value, data_level);
    if operational > Level::Low {
        let cue = op_ev.iter().find(|(l, _)| *l == operational).map(|(_, e)| e.rule.clone()).unwrap_or_default();
        let (ja, en) = match operational {
            Level::Critical => ("医療・安全に関わる業務が停止", "care or safety services disrupted"),
            Level::High => ("基幹システム・業務が停止", "core business systems unusable"),
            _ => ("サービス・サイトの停止", "a service or site suspended"),
        };
        reasons.push(Reason {
            code: format!("operational.{}", operational.as_str()),
            message: Label { ja: format!("業務面の深刻度 {}: {}", rubric::level_ja(operational), ja), en: format!("operational severity {}: {} ({})", operational.as_str(), en, cue) },
        });
    } else {
        reasons.push(Reason {
            code: "operational.low".into(),
            message: Label { ja: "業務への影響の記載なし".into(), en: "no operational impact stated".into() },
        });
    }
    let has = |id: &str| data.iter().any(|d| d.tag.id == id);
    let ppc = rubric::ppc(&rubric::PpcInput {
        personal: data.iter().any(|d| taxonomy::row("data_categories", &d.tag.id).is_some_and(|r| r.personal)),
        special_care: has("medical") || has("special_care"),
        payment_card: has("payment_card"),
        my_number: has("my_number"),
        intentional: attack.iter().any(|t| taxonomy::row("attack_types", &t.id).is_some_and(|r| r.intentional)),
        ransomware: attack.iter().any(|t| t.id == "ransomware"),
        leak: leak.value,
        count: affected.value,
        public_body: organization.public_body,
    });

    Report {
        schema: SCHEMA,
        language: language(text),
        attack_types: attack,
        data_categories: data,
        leak_status: leak,
        affected_count: affected,
        severity: Severity { level, data: data_level, operational, reasons },
        reported_to: reported,
        organization,
        ppc_report: ppc,
    }
}

/// A human-readable trace of every hit and what the scope filters made of
/// it, for rule authors (`jikenbo explain FILE`).
pub(crate) fn explain(engine: &Engine, input: &str) -> String {
    use std::fmt::Write as _;
    let Analysis { norm, segs, hits, flags, in_context: ctx } = analyse(engine, input);
    let text = norm.text.as_str();
    let mut out = String::new();
    for (i, seg) in segs.iter().enumerate() {
        let seg_hits: Vec<&Hit> = hits.iter().filter(|h| h.seg == i).collect();
        let _ = writeln!(
            out,
            "[{}] {:?}{}{}{}{}{} {}",
            i,
            seg.shape,
            if ctx[i] { " CTX" } else { "" },
            if flags[i] & S_ADVICE != 0 { " ADVICE" } else { "" },
            if flags[i] & S_HYPOTHETICAL != 0 { " HYPO" } else { "" },
            if flags[i] & S_CONTACT != 0 { " CONTACT" } else { "" },
            if flags[i] & S_RECOVERED != 0 { " RECOVERED" } else { "" },
            &text[seg.start..seg.end]
        );
        for h in seg_hits {
            let cue = &engine.cues[h.cue];
            if engine.rules[cue.rule].field == Field::Scope {
                continue;
            }
            let neg = engine.negated(text, seg, h.end);
            let _ = writeln!(out, "      {} {:?}{}", cue.evidence_id, &text[h.start..h.end], if neg { " NEGATED" } else { "" });
        }
    }
    out
}

fn scope_bit(tag: &str) -> u8 {
    match tag {
        "advice" => S_ADVICE,
        "hypothetical" => S_HYPOTHETICAL,
        "contact" => S_CONTACT,
        "data_context" => S_CONTEXT,
        "recovered" => S_RECOVERED,
        "prevention" => S_PREVENTION,
        _ => 0,
    }
}

fn field_of(engine: &Engine, h: &Hit) -> Field {
    engine.rules[engine.cues[h.cue].rule].field
}

/// Which segments describe the affected data: those that say so
/// themselves, and the items and lines under a heading or an
/// introducing sentence («…は以下のとおりです») that does.
fn propagate_context(text: &str, segs: &[Segment], flags: &[u8]) -> Vec<bool> {
    let mut out = vec![false; segs.len()];
    let mut block = false;
    for (i, seg) in segs.iter().enumerate() {
        let own = flags[i] & S_CONTEXT != 0 && flags[i] & S_PREVENTION == 0;
        let s = text[seg.start..seg.end].trim_end();
        let introduces = s.ends_with(':') || s.ends_with(':') || s.contains("以下") || s.contains("下記") || s.contains("次のとおり") || s.contains("次の通り");
        match seg.shape {
            Shape::Heading => {
                // A heading right under a heading that opened a data block is a
                // sub-heading or the content itself («2.流出した情報» / «メールアドレス 49件»).
                let under = i > 0 && out[i - 1] && segs[i - 1].shape == Shape::Heading;
                if !under {
                    block = own;
                }
            }
            Shape::Item => {
                if own && (introduces || !s.ends_with('。')) {
                    block = true;
                }
            }
            Shape::Sentence => {
                if own && introduces {
                    block = true;
                }
            }
        }
        out[i] = own || block;
    }
    out
}

/// Builds the tags of one field from the kept hits, in taxonomy order.
fn tags(engine: &Engine, kept: &[Kept], field: Field, field_name: &str, ev: &dyn Fn(&Hit) -> Evidence) -> Vec<Tag> {
    // One entry per tag and span; a stable sort keeps the first cue that hit a
    // span (hits come in text order), and keeps this linear-logarithmic on
    // large inputs.
    // (The position in `kept` makes every key distinct, so an unstable sort
    // keeps the first cue too; no stable sort is compiled into the .wasm.)
    let mut all: Vec<(&str, f64, Evidence, usize)> = kept
        .iter()
        .filter(|k| field_of(engine, &k.hit) == field)
        .enumerate()
        .map(|(i, k)| {
            let cue = &engine.cues[k.hit.cue];
            (engine.rules[cue.rule].tag.as_str(), cue.weight, ev(&k.hit), i)
        })
        .collect();
    all.sort_unstable_by(|a, b| (a.0, a.2.start, a.2.end, a.3).cmp(&(b.0, b.2.start, b.2.end, b.3)));
    all.dedup_by(|b, a| a.0 == b.0 && a.2.start == b.2.start && a.2.end == b.2.end);
    let mut by_tag: Vec<(String, Vec<(f64, Evidence)>)> = Vec::new();
    for (tag, w, e, _) in all {
        match by_tag.last_mut() {
            Some((t, v)) if t == tag => v.push((w, e)),
            _ => by_tag.push((tag.to_string(), vec![(w, e)])),
        }
    }
    let mut out: Vec<Tag> = by_tag
        .into_iter()
        .filter_map(|(id, evs)| {
            let row = taxonomy::row(field_name, &id)?;
            // Weak cues alone (total weight < 0.5) do not make a tag.
            let total: f64 = evs.iter().map(|(w, _)| w).sum();
            if total < 0.5 {
                return None;
            }
            let miss: f64 = evs.iter().map(|(w, _)| 1.0 - 0.7 * w).product();
            let score = ((1.0 - miss) * 100.0).round() / 100.0;
            let mut evidence: Vec<Evidence> = evs.into_iter().map(|(_, e)| e).collect();
            evidence.sort_unstable();
            Some(Tag {
                id: id.clone(),
                label: Label { ja: row.ja.into(), en: row.en.into() },
                score,
                evidence,
                attack: row.attack.map(String::from),
                veris: row.veris.map(String::from),
            })
        })
        .collect();
    out.sort_unstable_by_key(|t| taxonomy::order(field_name, &t.id));
    out
}

/// Leak status (taxonomy §3): a stated leak beats a possible one, which
/// beats «still investigating», a title's bare mention, and a denial; lost or stolen media not recovered are `possible`;
/// a misdelivery or publication error with nothing else said is `confirmed`.
fn decide_leak(engine: &Engine, kept: &[Kept], attack: &[Tag], flags: &[u8], ev: &dyn Fn(&Hit) -> Evidence) -> LeakStatusField {
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    let mut possible = Vec::new();
    let mut none = Vec::new();
    let mut unknown = Vec::new();
    for k in kept.iter().filter(|k| field_of(engine, &k.hit) == Field::Leak) {
        let cue = &engine.cues[k.hit.cue];
        let e = ev(&k.hit);
        match (engine.rules[cue.rule].tag.as_str(), k.negated) {
            ("confirmed" | "possible", true) => none.push(e),
            ("confirmed", false) if cue.weight >= 0.5 => strong.push(e),
            ("confirmed", false) => weak.push(e),
            ("possible", false) => possible.push(e),
            ("none", _) => none.push(e),
            _ => unknown.push(e),
        }
    }
    let has = |id: &str| attack.iter().find(|t| t.id == id);
    let recovered = flags.iter().any(|f| f & S_RECOVERED != 0);
    let media = has("loss").or(has("theft"));
    let exposure = has("misdelivery").or(has("publication_error"));
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
    } else if let Some(t) = exposure {
        (LeakStatus::Confirmed, t.evidence.clone())
    } else {
        (LeakStatus::Unknown, unknown)
    };
    LeakStatusField { value, evidence }
}

/// The organisation and whether it is a public body (taxonomy §7): its own
/// name decides when it says so («…市», «県立…病院», «…法人», «株式会社…»);
/// otherwise the body's self-references do («本市», «市民の皆様» against «当社»).
fn decide_org(engine: &Engine, text: &str, hits: &[Hit], norm: &Normalized) -> Organization {
    let ranked = org::find_ranked(text);
    let span = ranked.map(|(a, b, _)| (a, b));
    // A name that is only the first company mentioned may be a vendor's: the
    // body's self-references («本市», «市民の皆様») decide before it.
    let name_is_sure = ranked.is_some_and(|(_, _, sure)| sure);
    let name = span.map(|(a, b)| text[a..b].trim().to_string());
    let mut evidence = Vec::new();
    if let Some((a, b)) = span {
        let (s, e) = norm.span16(a, b);
        evidence.push(Evidence { start: s, end: e, rule: "organization/name".into() });
    }
    let is = |h: &Hit, id: &str| {
        let r = &engine.rules[engine.cues[h.cue].rule];
        r.field == Field::Org && r.tag == id && !engine.cues[h.cue].evidence_id.contains("#name")
    };
    let push = |evidence: &mut Vec<Evidence>, start: usize, end: usize, ci: usize| {
        let (s, e) = norm.span16(start, end);
        evidence.push(Evidence { start: s, end: e, rule: engine.cues[ci].evidence_id.clone() });
    };
    let name_text = span.map(|(a, b)| &text[a..b]);
    let name_hit = |id: &str| name_text.and_then(|n| engine.match_name(id, n.trim()));
    let base = span.map_or(0, |(a, _)| a) + name_text.map_or(0, |n| n.len() - n.trim_start().len());
    let body_public: Vec<&Hit> = hits.iter().filter(|h| is(h, "public_body")).collect();
    let body_corporate = hits.iter().any(|h| is(h, "corporation"));
    let public_body = if !name_is_sure && !body_public.is_empty() && !body_corporate {
        for h in body_public.iter().take(3) {
            push(&mut evidence, h.start, h.end, h.cue);
        }
        true
    } else if let Some((ci, s, e)) = name_hit("corporation") {
        push(&mut evidence, base + s, base + e, ci);
        false
    } else if let Some((ci, s, e)) = name_hit("public_body") {
        push(&mut evidence, base + s, base + e, ci);
        true
    } else {
        if !body_public.is_empty() && !body_corporate {
            for h in body_public.iter().take(3) {
                push(&mut evidence, h.start, h.end, h.cue);
            }
            true
        } else {
            false
        }
    };
    Organization { name, public_body, evidence }
}

fn language(text: &str) -> Language {
    let mut ja = 0usize;
    let mut latin = 0usize;
    for c in text.chars() {
        match c {
            '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => ja += 1,
            'a'..='z' => latin += 1,
            _ => {}
        }
    }
    if ja >= 2 && ja * 4 >= latin / 3 {
        Language::Ja
    } else if latin >= 20 {
        Language::En
    } else {
        Language::Und
    }
}
