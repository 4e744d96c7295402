//! The literals that locate a pattern's matches, for the scan stage's
//! one-pass prefilter (computed with regex-syntax's literal extractor).

use regex_syntax::hir::{Class, Hir, HirKind};

/// The literals that locate a pattern's matches, for the engine's one-pass
/// prefilter: `Some(lead)`: every match starts at most `lead` bytes before
/// an occurrence of one of them (0: with one of them); `None`: every match
/// ends with one of them. Then the longest match in bytes, when bounded.
/// None when no finite set of non-empty literals does.
pub type Literals = (Vec<Vec<u8>>, Option<usize>, Option<usize>);

pub fn filter_literals(hir: &Hir) -> Option<Literals> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let max = hir.properties().maximum_len();
    let usable = |kind| {
        let seq = Extractor::new().kind(kind).extract(hir);
        let min = seq.min_literal_len()?;
        let lits: Vec<Vec<u8>> = seq.literals()?.iter().map(|l| l.as_bytes().to_vec()).collect();
        (min > 0).then_some((min, lits))
    };
    let prefix = usable(ExtractKind::Prefix);
    let suffix = || usable(ExtractKind::Suffix);
    let chosen = match prefix {
        // A prefix of one CJK character (3 bytes) is selective enough.
        Some((pm, p)) if pm >= 3 => (p, Some(0)),
        _ => match (lead_literals(hir, 0), prefix, suffix()) {
            (Some((l, lead)), _, _) if l.iter().all(|x| x.len() >= 3) => (l, Some(lead)),
            (_, Some((pm, p)), Some((sm, _))) if pm >= sm => (p, Some(0)),
            (_, Some((_, p)), None) => (p, Some(0)),
            (_, _, Some((_, s))) => (s, None),
            (Some((l, lead)), None, None) => (l, Some(lead)),
            (None, None, None) => return None,
        },
    };
    Some((shorten(chosen.0, chosen.1.is_some()), chosen.1, max))
}

/// Literals a match begins with, after at most `lead` bytes of parts that
/// hold none (「[^\s、。・]{1,6}署」: 署, within 24 bytes of the start).
fn lead_literals(hir: &Hir, depth: usize) -> Option<(Vec<Vec<u8>>, usize)> {
    const MAX_LEAD: usize = 64;
    if depth > 16 {
        return None;
    }
    match hir.kind() {
        HirKind::Literal(l) => Some((vec![l.0.to_vec()], 0)),
        HirKind::Class(Class::Unicode(c)) => {
            let chars: Vec<char> = c.iter().flat_map(|r| r.start()..=r.end()).take(17).collect();
            (chars.len() <= 16).then(|| (chars.iter().map(|ch| ch.to_string().into_bytes()).collect(), 0))
        }
        HirKind::Capture(c) => lead_literals(&c.sub, depth + 1),
        HirKind::Repetition(r) if r.min >= 1 => lead_literals(&r.sub, depth + 1),
        HirKind::Concat(parts) => {
            // A part whose literals are short (「[0-9,]{1,12}」: digits of
            // one byte each, found everywhere) is kept only as a fallback:
            // a later part may hold literals of whole CJK characters, which
            // locate far fewer places (「[0-9,]{1,12}社分」: 社分, within 12
            // bytes of the start).
            let mut lead = 0;
            let mut weak = None;
            for p in parts {
                if p.properties().minimum_len().is_some_and(|m| m > 0) {
                    if let Some((l, d)) = lead_literals(p, depth + 1) {
                        if lead + d > MAX_LEAD {
                            return weak;
                        }
                        if l.iter().all(|x| x.len() >= 3) {
                            return Some((l, lead + d));
                        }
                        weak = weak.or(Some((l, lead + d)));
                    }
                }
                lead += match p.properties().maximum_len() {
                    Some(m) => m,
                    None => return weak,
                };
                if lead > MAX_LEAD {
                    return weak;
                }
            }
            weak
        }
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            let mut lead = 0;
            for a in alts {
                let (l, d) = lead_literals(a, depth + 1)?;
                all.extend(l);
                lead = lead.max(d);
            }
            Some((all, lead))
        }
        _ => None,
    }
}

/// Optional parts multiply the literals (「(?:が|する)?(?:こと)?」): keep
/// only their first (prefixes) or last (suffixes) three characters, which
/// are still prefixes or suffixes of every match, and drop the duplicates.
fn shorten(mut lits: Vec<Vec<u8>>, prefix: bool) -> Vec<Vec<u8>> {
    const KEEP: usize = 3;
    for l in lits.iter_mut() {
        let s = String::from_utf8_lossy(l).into_owned();
        let valid = std::str::from_utf8(l).is_ok();
        if !valid || s.chars().count() <= KEEP {
            continue;
        }
        let cut: String = if prefix {
            s.chars().take(KEEP).collect()
        } else {
            let n = s.chars().count();
            s.chars().skip(n - KEEP).collect()
        };
        *l = cut.into_bytes();
    }
    lits.sort_unstable();
    lits.dedup();
    lits
}
