//! The compiled rule set and the one-pass matcher.
//!
//! A text is scanned segment by segment, but the rule set is not run on
//! every segment: one Aho–Corasick pass over the whole text (see
//! [`prefilter`]) finds, for each segment, the cues whose literals occur in
//! it and where, and only those cues are then located inside that segment,
//! trying only the start positions the literals allow (`crate::matcher`);
//! a cue that matched is then checked against its `near`/`not_near`
//! conditions. The result is exactly what running every cue on every
//! segment gives (tested against the `regex` crate); the work is linear in
//! the text. The built-in patterns come compiled from build.rs; custom rule
//! packs are validated and compiled when they are loaded, so that a bad
//! pack fails then, not in a later classify.

use crate::matcher::{Compiled, Prog};
use crate::segment::Segment;
use crate::spec::{self, RuleError, RuleSpec};
use regex::RegexSetBuilder;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Attack,
    Data,
    Reported,
    Leak,
    Operational,
    Org,
    Scope,
}

impl Field {
    fn parse(s: &str) -> Option<Field> {
        Some(match s {
            "attack_types" => Field::Attack,
            "data_categories" => Field::Data,
            "reported_to" => Field::Reported,
            "leak_status" => Field::Leak,
            "operational" => Field::Operational,
            "organization" => Field::Org,
            "scope" => Field::Scope,
            _ => return None,
        })
    }
}

/// Scope filters, as bits of `Cue::ignore`.
pub(crate) const F_NEGATION: u8 = 1;
pub(crate) const F_ADVICE: u8 = 2;
pub(crate) const F_HYPOTHETICAL: u8 = 4;
pub(crate) const F_CONTACT: u8 = 8;
pub(crate) const F_CONTEXT: u8 = 16;
pub(crate) const F_PREVENTION: u8 = 32;

fn filter_bit(name: &str) -> u8 {
    match name {
        "negation" => F_NEGATION,
        "advice" => F_ADVICE,
        "hypothetical" => F_HYPOTHETICAL,
        "contact" => F_CONTACT,
        "context" => F_CONTEXT,
        "prevention" => F_PREVENTION,
        _ => 0,
    }
}

pub(crate) struct Rule {
    pub field: Field,
    pub id: String,
    pub tag: String,
}

pub(crate) struct Cue {
    pub rule: usize,
    /// `<field>/<rule id>` or `<field>/<rule id>#<cue name>`.
    pub evidence_id: String,
    pub weight: f64,
    /// Shared by the cues that state the same condition.
    near: Option<std::sync::Arc<Lazy>>,
    not_near: Option<std::sync::Arc<Lazy>>,
    /// Filters this cue is exempt from (F_* bits).
    pub ignore: u8,
}

/// One located cue.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub cue: usize,
    pub start: usize,
    pub end: usize,
    pub seg: usize,
}

/// A validated pattern, compiled on first use (see `crate::matcher`).
struct Lazy {
    src: String,
    re: OnceLock<Prog>,
}

/// The built-in patterns, compiled by build.rs.
fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled::new(include_bytes!(concat!(env!("OUT_DIR"), "/compiled.bin"))))
}

/// A pattern of the library's own code (`crate::fixed`), compiled ahead of
/// time like the rules.
pub(crate) fn builtin_prog(pattern: &str) -> Prog {
    match compiled().get(pattern) {
        Some((prog, _)) => prog,
        None => Prog::new(pattern).expect("the built-in patterns are valid"),
    }
}

impl Lazy {
    /// A pattern, with its program when it was compiled ahead of time.
    fn new(src: String) -> Lazy {
        let l = Lazy::bare(src);
        if let Some((prog, _)) = compiled().get(&l.src) {
            let _ = l.re.set(prog);
        }
        l
    }

    fn bare(src: String) -> Lazy {
        Lazy { src, re: OnceLock::new() }
    }

    /// Validates and compiles now; the error names the pattern.
    fn force(&self) -> Result<&Prog, String> {
        if let Some(re) = self.re.get() {
            return Ok(re);
        }
        // The `regex` crate's own checks (syntax, size limit) first, so a
        // custom pattern is held to the same limits as always.
        spec::compile(&self.src)?;
        let re = Prog::new(&self.src).map_err(|e| format!("pattern {:?}: {}", self.src, e))?;
        Ok(self.re.get_or_init(|| re))
    }

    fn get(&self) -> &Prog {
        self.re.get_or_init(|| Prog::new(&self.src).expect("rule patterns are validated before use"))
    }
}

pub(crate) struct Engine {
    pre: prefilter::Prefilter,
    res: Vec<Lazy>,
    pub cues: Vec<Cue>,
    pub rules: Vec<Rule>,
    /// Alternations of the `scope/negation`, `scope/anti_negation` and
    /// `scope/clause_break` cues, for the clause-tail test.
    negation: Option<Lazy>,
    anti_negation: Option<Lazy>,
    clause_break: Option<Lazy>,
}

fn alternation(specs: &[RuleSpec], id: &str, eager: bool) -> Result<Option<Lazy>, RuleError> {
    let mut parts = specs
        .iter()
        .filter(|r| r.field() == "scope" && r.tag() == id)
        .flat_map(|r| r.cues.iter().map(|c| c.pattern.as_str()))
        .peekable();
    if parts.peek().is_none() {
        return Ok(None);
    }
    let lazy = Lazy::new(crate::matcher::alternation_source(parts));
    if eager {
        lazy.force().map_err(|e| RuleError { rule: format!("scope/{}", id), reason: e })?;
    }
    Ok(Some(lazy))
}

fn is_name_cue(rules: &[Rule], cue: &Cue) -> bool {
    rules[cue.rule].field == Field::Org && cue.evidence_id.contains("#name")
}

impl Engine {
    pub fn new(specs: Vec<RuleSpec>) -> Result<Engine, RuleError> {
        // The built-in rules were validated by build.rs: their regexes are
        // compiled when first needed. Anything else (a custom pack) is
        // compiled and size-checked now, so that loading it fails, not a
        // later classify.
        let eager = specs.len() != crate::taxonomy::RULE_COUNT;
        let mut rules = Vec::with_capacity(specs.len());
        let mut cues = Vec::new();
        let mut patterns = Vec::new();
        let mut shared: std::collections::HashMap<String, std::sync::Arc<Lazy>> = std::collections::HashMap::new();
        for spec in &specs {
            let field = Field::parse(spec.field()).ok_or_else(|| RuleError {
                rule: spec.id.clone(),
                reason: format!("unknown field {:?}", spec.field()),
            })?;
            let rule_idx = rules.len();
            rules.push(Rule { field, id: spec.id.clone(), tag: spec.tag().to_string() });
            for (i, c) in spec.cues.iter().enumerate() {
                let err = |e: String| RuleError { rule: spec.id.clone(), reason: format!("cue {}: {}", i + 1, e) };
                let mut share = |src: &Option<String>| {
                    src.as_ref().map(|p| shared.entry(p.clone()).or_insert_with(|| std::sync::Arc::new(Lazy::new(p.clone()))).clone())
                };
                let near = share(&c.near);
                let not_near = share(&c.not_near);
                if eager {
                    for l in [&near, &not_near].into_iter().flatten().map(|a| &**a) {
                        l.force().map_err(err)?;
                    }
                }
                let evidence_id = match &c.name {
                    Some(n) => format!("{}/{}#{}", spec.field(), spec.id, n),
                    None => format!("{}/{}", spec.field(), spec.id),
                };
                cues.push(Cue {
                    rule: rule_idx,
                    evidence_id,
                    weight: c.weight.unwrap_or(1.0),
                    near,
                    not_near,
                    ignore: c.ignore.iter().map(|f| filter_bit(f)).fold(0, |a, b| a | b),
                });
                patterns.push(c.pattern.clone());
            }
        }
        let res: Vec<Lazy> = patterns.iter().map(|p| Lazy::bare(p.clone())).collect();
        if eager {
            for (l, c) in res.iter().zip(&cues) {
                l.force().map_err(|e| RuleError { rule: rules[c.rule].id.clone(), reason: e })?;
            }
            // The combined size limit the rule set has always been held to.
            RegexSetBuilder::new(&patterns)
                .size_limit(spec::PATTERN_SIZE_LIMIT * 64)
                .dfa_size_limit(8 << 20)
                .build()
                .map_err(|e| RuleError { rule: "(rule set)".into(), reason: e.to_string() })?;
        }
        // Each pattern is parsed once: its literals feed the prefilter, and
        // its program is compiled from the same syntax tree.
        let mut lits = Vec::with_capacity(patterns.len());
        for (l, p) in res.iter().zip(&patterns) {
            if let Some((prog, lit)) = compiled().get(p) {
                let _ = l.re.set(prog);
                lits.push(lit);
                continue;
            }
            let Ok(hir) = crate::matcher::parse(p) else {
                lits.push(None);
                continue;
            };
            lits.push(crate::matcher::filter_literals(&hir));
            if l.re.get().is_none() {
                if let Ok(prog) = Prog::from_hir(&hir, p) {
                    let _ = l.re.set(prog);
                }
            }
        }
        // The `#name` cues of the organization rules are run on the
        // organisation's name only (`match_name`), never on the text.
        let pre = prefilter::Prefilter::new(lits, |ci| is_name_cue(&rules, &cues[ci]));
        Ok(Engine {
            pre,
            res,
            negation: alternation(&specs, "negation", eager)?,
            anti_negation: alternation(&specs, "anti_negation", eager)?,
            clause_break: alternation(&specs, "clause_break", eager)?,
            cues,
            rules,
        })
    }

    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    pub fn cue_count(&self) -> usize {
        self.cues.len()
    }

    /// Finds every cue in every segment, applying each cue's `near` and
    /// `not_near` conditions. Hits come sorted by position.
    pub fn scan(&self, text: &str, segs: &[Segment]) -> Vec<Hit> {
        let mut hits = Vec::new();
        // `near`/`not_near` results of the current segment, by pattern text
        // (several cues share a condition).
        let mut conditions: Vec<(*const Lazy, bool)> = Vec::new();
        let mut cond_seg = usize::MAX;
        self.pre.candidates(text, segs, |si, ci, starts| {
            let seg = &segs[si];
            let s = &text[seg.start..seg.end];
            let cue = &self.cues[ci];
            let re = self.res[ci].get();
            // The cue's own matches first: most candidates have none, and
            // then their conditions need not be looked at.
            let first = hits.len();
            self.locate(re, s, seg, si, ci, starts, &mut hits);
            if hits.len() == first || (cue.near.is_none() && cue.not_near.is_none()) {
                return;
            }
            if cond_seg != si {
                conditions.clear();
                cond_seg = si;
            }
            let mut holds = |l: &Lazy| match conditions.iter().find(|(p, _)| std::ptr::eq(*p, l)) {
                Some(&(_, v)) => v,
                None => {
                    let v = l.get().is_match(s);
                    conditions.push((l as *const Lazy, v));
                    v
                }
            };
            let keep = cue.near.as_deref().is_none_or(&mut holds) && !cue.not_near.as_deref().is_some_and(&mut holds);
            if !keep {
                hits.truncate(first);
            }
        });
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.cue));
        hits
    }

    /// Finds the matches of cue `ci` in segment `si` (text `s`), trying only
    /// the start positions the prefilter allows.
    #[allow(clippy::too_many_arguments)]
    fn locate(&self, re: &Prog, s: &str, seg: &Segment, si: usize, ci: usize, starts: prefilter::Starts, hits: &mut Vec<Hit>) {
        {
            match starts {
                prefilter::Starts::Anywhere => re.for_each(s, |a, b| {
                    hits.push(Hit { cue: ci, start: seg.start + a, end: seg.start + b, seg: si });
                }),
                prefilter::Starts::Within(at, d) => {
                    // Starts lie in the windows [x - d, x] before the positions.
                    let at: Vec<usize> = at.iter().map(|&p| p as usize - seg.start).collect();
                    let allowed = |p: usize| {
                        let i = at.partition_point(|&x| x < p);
                        i < at.len() && at[i] - p <= d
                    };
                    let mut from = at[0].saturating_sub(d);
                    while let Some((a, b)) = re.find_at_where(s, from, allowed) {
                        if b > a {
                            hits.push(Hit { cue: ci, start: seg.start + a, end: seg.start + b, seg: si });
                            from = b;
                        } else {
                            from = a + 1;
                        }
                    }
                }
                prefilter::Starts::At(at) => {
                    // Leftmost-first, non-overlapping: a match at the first
                    // start that has one, then the next start after its end.
                    let mut after = 0;
                    for &p in at {
                        let a = p as usize - seg.start;
                        if a < after {
                            continue;
                        }
                        if let Some(b) = re.match_at(s, a) {
                            if b > a {
                                hits.push(Hit { cue: ci, start: seg.start + a, end: seg.start + b, seg: si });
                                after = b;
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether the clause after a hit (up to the segment end or the next
    /// clause break) denies it: 「…は含まれておりません」「…は確認されておりません」.
    pub fn negated(&self, text: &str, seg: &Segment, end: usize) -> bool {
        let Some(neg) = self.negation.as_ref().map(Lazy::get) else { return false };
        let from = end.min(seg.end);
        // The clause that can deny a hit is short: look at most 40 characters ahead.
        let to = text[from..seg.end].char_indices().nth(40).map_or(seg.end, |(i, _)| from + i);
        let mut tail = &text[from..to];
        if let Some(cb) = self.clause_break.as_ref().map(Lazy::get) {
            if let Some((a, _)) = cb.find(tail) {
                tail = &tail[..a];
            }
        }
        if !neg.is_match(tail) {
            return false;
        }
        !self.anti_negation.as_ref().is_some_and(|a| a.get().is_match(tail))
    }

    /// Runs the `#name…` cues of the organization rules against a name:
    /// the first cue of rule `tag` that matches, with its span in `name`.
    pub fn match_name(&self, tag: &str, name: &str) -> Option<(usize, usize, usize)> {
        self.cues.iter().enumerate().find_map(|(ci, c)| {
            let r = &self.rules[c.rule];
            if r.field != Field::Org || r.tag != tag || !c.evidence_id.contains("#name") {
                return None;
            }
            let mut first = None;
            self.res[ci].get().for_each(name, |a, b| {
                if first.is_none() {
                    first = Some((ci, a, b));
                }
            });
            first
        })
    }

    /// Whether any cue of the scope rule `id` matches somewhere in `text`
    /// (used to run the examples of scope rules).
    pub fn scope_fires(&self, id: &str, text: &str) -> bool {
        let norm = crate::normalize::Normalized::new(text);
        self.cues.iter().zip(&self.res).any(|(c, re)| {
            let r = &self.rules[c.rule];
            r.field == Field::Scope && r.id == id && re.get().is_match(&norm.text)
        })
    }
}

/// The literal prefilter that lets `Engine::scan` make one pass over the
/// whole text instead of running the full rule set on every segment.
///
/// Every cue pattern is reduced to a set of literals such that each of its
/// matches begins (prefix set) or ends (suffix set) with one of them, as
/// `regex-syntax`'s literal extractor computes. An Aho–Corasick automaton
/// finds all those literals in one pass; a literal occurrence makes its cue
/// a candidate in the segment where the occurrence ends (a match lies inside
/// one segment, and so does any literal inside the match). Candidates are
/// then checked with the exact per-segment logic, so the prefilter can only
/// skip work, never change a result. Cues without a usable literal set are
/// candidates in every segment.
mod prefilter {
    use crate::segment::Segment;
    use crate::matcher::Literals;

    /// An output of the automaton: the cue, and the length of the literal
    /// when it is a prefix literal (`SUFFIX` otherwise).
    type Out = (u32, u32);
    const SUFFIX: u32 = u32::MAX;

    pub(crate) struct Prefilter {
        /// The automaton as a dense table: `delta[state * classes + class[b]]`
        /// (failure links resolved), bytes that occur in no literal sharing
        /// class 0.
        class: [u16; 256],
        classes: usize,
        delta: Vec<u32>,
        /// Per node: the literals that end here (own and via failure links),
        /// as a range of `outs`.
        out: Vec<(u32, u32)>,
        outs: Vec<Out>,
        /// Cues that are candidates in every segment (bit set).
        always: Vec<u64>,
        /// Cues filtered by prefix literals: their matches start where one
        /// of the literals does (bit set).
        prefix: Vec<u64>,
        /// How far before a prefix literal a match of each cue may start.
        lead: Vec<usize>,
        /// The longest match of each cue filtered by suffix literals, when
        /// bounded.
        max_len: Vec<Option<usize>>,
        /// Cues never run on segments (bit set).
        skip: Vec<u64>,
    }

    /// The candidate start positions of a cue in a segment, when known.
    pub(crate) enum Starts<'a> {
        /// Every match starts at one of these (sorted) positions.
        At(&'a [u32]),
        /// Every match starts at most this many bytes before one of these
        /// (sorted) positions: the start of a literal that follows a bounded
        /// lead, or the end of a suffix literal (the bound is then the
        /// longest match).
        Within(&'a [u32], usize),
        /// Search the whole segment.
        Anywhere,
    }

    /// The literal set of one pattern and whether it is a prefix set, or
    /// None when it cannot filter (infinite, or containing the empty
    /// string). Prefixes are preferred: they also say where a match starts.
    fn has(bits: &[u64], i: usize) -> bool {
        bits[i / 64] & (1 << (i % 64)) != 0
    }

    impl Prefilter {
        /// `skip(i)`: cue i is never looked for in the text.
        pub(crate) fn new(patterns: Vec<Option<Literals>>, skip: impl Fn(usize) -> bool) -> Prefilter {
            let words = patterns.len().div_ceil(64).max(1);
            let mut always = vec![0u64; words];
            let mut prefix = vec![0u64; words];
            let mut skipped = vec![0u64; words];
            let mut max_len = vec![None; patterns.len()];
            let mut lead = vec![0usize; patterns.len()];
            // Trie.
            let mut kids: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
            let mut own: Vec<Vec<Out>> = vec![Vec::new()];
            for (ci, lits) in patterns.into_iter().enumerate() {
                if skip(ci) {
                    skipped[ci / 64] |= 1 << (ci % 64);
                    continue;
                }
                let Some((seq, lead_bytes, max)) = lits else {
                    always[ci / 64] |= 1 << (ci % 64);
                    continue;
                };
                let is_prefix = lead_bytes.is_some();
                lead[ci] = lead_bytes.unwrap_or(0);
                if is_prefix {
                    prefix[ci / 64] |= 1 << (ci % 64);
                } else {
                    max_len[ci] = max;
                }
                for lit in &seq {
                    let mut s = 0usize;
                    for &b in lit {
                        s = match kids[s].iter().find(|(k, _)| *k == b) {
                            Some(&(_, t)) => t as usize,
                            None => {
                                let t = kids.len();
                                kids.push(Vec::new());
                                own.push(Vec::new());
                                kids[s].push((b, t as u32));
                                t
                            }
                        };
                    }
                    let o = (ci as u32, if is_prefix { lit.len() as u32 } else { SUFFIX });
                    if !own[s].contains(&o) {
                        own[s].push(o);
                    }
                }
            }
            // Failure links and merged outputs, breadth first.
            let n = kids.len();
            let mut fail = vec![0u32; n];
            let mut order: Vec<usize> = kids[0].iter().map(|&(_, t)| t as usize).collect();
            let mut i = 0;
            while i < order.len() {
                let s = order[i];
                i += 1;
                for &(b, t) in &kids[s] {
                    let mut f = fail[s] as usize;
                    let next = loop {
                        if let Some(&(_, x)) = kids[f].iter().find(|(k, _)| *k == b) {
                            break x;
                        }
                        if f == 0 {
                            break 0;
                        }
                        f = fail[f] as usize;
                    };
                    fail[t as usize] = next;
                    order.push(t as usize);
                }
            }
            let mut merged: Vec<Vec<Out>> = own;
            for &s in &order {
                let f = fail[s] as usize;
                if f != 0 && !merged[f].is_empty() {
                    let extra = merged[f].clone();
                    for c in extra {
                        if !merged[s].contains(&c) {
                            merged[s].push(c);
                        }
                    }
                }
            }
            // The dense table, in breadth-first order so that a node's failure
            // target is filled before the node.
            let mut class = [0u16; 256];
            let mut classes = 1usize;
            let mut bytes: Vec<u8> = kids.iter().flatten().map(|&(b, _)| b).collect();
            bytes.sort_unstable();
            bytes.dedup();
            for &b in &bytes {
                class[b as usize] = classes as u16;
                classes += 1;
            }
            let mut delta = vec![0u32; n * classes];
            for &(b, t) in &kids[0] {
                delta[class[b as usize] as usize] = t;
            }
            for &s in &order {
                let f = fail[s] as usize;
                for c in 1..classes {
                    delta[s * classes + c] = delta[f * classes + c];
                }
                for &(b, t) in &kids[s] {
                    delta[s * classes + class[b as usize] as usize] = t;
                }
            }
            let mut out = Vec::with_capacity(n);
            let mut outs = Vec::new();
            for m in &merged {
                out.push((outs.len() as u32, m.len() as u32));
                outs.extend(m.iter().copied());
            }
            Prefilter { class, classes, delta, out, outs, always, prefix, lead, max_len, skip: skipped }
        }

        #[inline]
        fn step(&self, s: u32, b: u8) -> u32 {
            self.delta[s as usize * self.classes + self.class[b as usize] as usize]
        }

        /// Calls `f(segment, cue, starts)` for every cue that may match in a
        /// segment: segments in order, cues in ascending order within one.
        pub(crate) fn candidates(&self, text: &str, segs: &[Segment], mut f: impl FnMut(usize, usize, Starts)) {
            let mut bits = vec![0u64; self.always.len()];
            let any_always = self.always.iter().any(|&w| w != 0);
            // (cue, start) of the prefix literals seen in the segment.
            let mut starts: Vec<(u32, u32)> = Vec::new();
            let mut positions: Vec<u32> = Vec::new();
            let bytes = text.as_bytes();
            let mut s = 0u32;
            for (si, seg) in segs.iter().enumerate() {
                // Occurrences end inside the segment; they may start before it
                // (they are then not inside any match) — harmless, only a
                // spurious candidate — so the automaton runs over the gaps too.
                let mut found = false;
                let from = if si == 0 { 0 } else { segs[si - 1].end };
                for &b in &bytes[from..seg.start] {
                    s = self.step(s, b);
                }
                for (i, &b) in bytes[seg.start..seg.end].iter().enumerate() {
                    s = self.step(s, b);
                    let (a, len) = self.out[s as usize];
                    if len != 0 {
                        for &(c, l) in &self.outs[a as usize..(a + len) as usize] {
                            bits[c as usize / 64] |= 1 << (c % 64);
                            if l != SUFFIX {
                                // A literal that starts before the segment is
                                // inside no match of it.
                                if let Some(st) = (seg.start + i + 1).checked_sub(l as usize).filter(|&x| x >= seg.start) {
                                    starts.push((c, st as u32));
                                }
                            } else {
                                starts.push((c, (seg.start + i + 1) as u32));
                            }
                        }
                        found = true;
                    }
                }
                if !(found || any_always) {
                    continue;
                }
                starts.sort_unstable();
                starts.dedup();
                positions.clear();
                positions.extend(starts.iter().map(|&(_, p)| p));
                let mut k = 0;
                for (w, word) in bits.iter_mut().enumerate() {
                    let mut x = *word | self.always[w];
                    *word = 0;
                    while x != 0 {
                        let ci = w * 64 + x.trailing_zeros() as usize;
                        x &= x - 1;
                        if has(&self.skip, ci) {
                            continue;
                        }
                        while k < starts.len() && (starts[k].0 as usize) < ci {
                            k += 1;
                        }
                        let from = k;
                        while k < starts.len() && starts[k].0 as usize == ci {
                            k += 1;
                        }
                        let at = &positions[from..k];
                        if has(&self.prefix, ci) {
                            if !at.is_empty() {
                                f(si, ci, if self.lead[ci] == 0 { Starts::At(at) } else { Starts::Within(at, self.lead[ci]) });
                            }
                        } else if let (Some(max), false) = (self.max_len[ci], at.is_empty()) {
                            f(si, ci, Starts::Within(at, max));
                        } else {
                            f(si, ci, Starts::Anywhere);
                        }
                    }
                }
                starts.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    /// Every cue on every segment: what `scan` must equal.
    fn naive(engine: &Engine, text: &str, segs: &[Segment]) -> Vec<(usize, usize, usize, usize)> {
        // The `regex` crate is the reference for the matcher.
        static ORACLE: OnceLock<std::collections::HashMap<String, regex::Regex>> = OnceLock::new();
        let oracle_res = ORACLE.get_or_init(|| {
            let all = engine.res.iter().chain(engine.cues.iter().flat_map(|c| c.near.iter().chain(c.not_near.iter()).map(|a| &**a)));
            all.map(|l| (l.src.clone(), regex::Regex::new(&l.src).unwrap())).collect()
        });
        let re = |l: &Lazy| &oracle_res[&l.src];
        let mut out = Vec::new();
        for (si, seg) in segs.iter().enumerate() {
            let s = &text[seg.start..seg.end];
            for (ci, cue) in engine.cues.iter().enumerate() {
                if is_name_cue(&engine.rules, cue) {
                    continue;
                }
                let oracle = |l: &Lazy| re(l).is_match(s);
                if cue.near.as_deref().is_some_and(|r| !oracle(r)) {
                    continue;
                }
                if cue.not_near.as_deref().is_some_and(oracle) {
                    continue;
                }
                for m in re(&engine.res[ci]).find_iter(s) {
                    if m.start() < m.end() {
                        out.push((seg.start + m.start(), seg.start + m.end(), ci, si));
                    }
                }
            }
        }
        out.sort();
        out
    }

    fn check(engine: &Engine, raw: &str) {
        let norm = crate::normalize::Normalized::new(raw);
        let text = norm.text.as_str();
        let segs = segment::split(text);
        let mut got: Vec<_> = engine.scan(text, &segs).iter().map(|h| (h.start, h.end, h.cue, h.seg)).collect();
        got.sort();
        assert_eq!(got, naive(engine, text, &segs), "text: {:?}", raw);
    }

    /// Every pattern compiled by build.rs (rules, alternations, `fixed`),
    /// read back from the blob, finds what the `regex` crate finds, with the
    /// same groups, on every line of the fixtures and of the corpus.
    #[test]
    fn compiled_patterns_agree_with_regex() {
        let blob = compiled();
        assert!(blob.len() > 100, "the blob holds {} patterns", blob.len());
        let mut texts: Vec<String> = Vec::new();
        for dir in ["tests/fixtures", "../shared/corpus/dev", "../shared/corpus/seed"] {
            let Ok(rd) = std::fs::read_dir(dir) else { continue };
            for e in rd.flatten() {
                if e.path().extension().is_some_and(|x| x == "txt") {
                    let norm = crate::normalize::Normalized::new(&std::fs::read_to_string(e.path()).unwrap());
                    texts.extend(norm.text.split('\n').map(String::from));
                    texts.push(norm.text.clone());
                }
            }
        }
        assert!(texts.len() > 100);
        for src in blob.patterns() {
            let (prog, _) = blob.get(src).unwrap();
            assert!(!prog.delegates(), "built-in pattern {:?} is left to regex", src);
            let fresh = Prog::new(src).unwrap();
            let re = regex::Regex::new(src).unwrap();
            for t in &texts {
                let want: Vec<(usize, usize)> =
                    re.find_iter(t).filter(|m| m.start() < m.end()).map(|m| (m.start(), m.end())).collect();
                for p in [&prog, &fresh] {
                    let mut got = Vec::new();
                    p.for_each(t, |a, b| got.push((a, b)));
                    assert_eq!(got, want, "pattern {:?}", src);
                }
                let want_caps: Option<Vec<Option<usize>>> = re.captures(t).map(|c| {
                    (0..c.len()).flat_map(|i| c.get(i).map_or([None, None], |m| [Some(m.start()), Some(m.end())])).collect()
                });
                assert_eq!(prog.captures(t), want_caps, "groups of {:?}", src);
            }
        }
    }

    #[test]
    fn prefilter_scan_equals_every_cue_on_every_segment() {
        let engine = Engine::new(crate::taxonomy::builtin_specs()).unwrap();
        // Fragments written for this test; shuffled into many texts.
        let parts = [
            "当社サーバーが第三者による不正アクセスを受け、",
            "ランサムウェアに感染し、ファイルが暗号化されました。",
            "お客様の氏名、住所、電話番号、メールアドレス",
            "クレジットカード番号(下4桁)は含まれておりません。",
            "約1,200名分の個人情報が流出した可能性があります。",
            "\n■ 経緯\n",
            "\n・氏名\n・生年月日\n",
            "警察および個人情報保護委員会に報告しております。",
            "不審なメールにはご注意ください。",
            "万一、不正利用が確認された場合は",
            "お問い合わせ先:03-1234-5678 ",
            "usbメモリを紛失しました。",
            "ddos攻撃 cvv bec nisc ipa ",
            "設定の誤りにより、閲覧可能な状態となっておりました。",
            "株式会社サンプル 〇〇市役所\n",
            "。。 \n\n  !?",
        ];
        let mut seed = 0x2545f4914f6cdd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..300 {
            let n = (next() % 12) as usize + 1;
            let text: String = (0..n).map(|_| parts[(next() % parts.len() as u64) as usize]).collect();
            check(&engine, &text);
        }
        for p in parts {
            check(&engine, p);
        }
        // The real notices, when the shared corpus is there.
        for dir in ["../shared/corpus/dev", "../shared/corpus/seed"] {
            let Ok(rd) = std::fs::read_dir(dir) else { continue };
            for e in rd.flatten() {
                if e.path().extension().is_some_and(|x| x == "txt") {
                    check(&engine, &std::fs::read_to_string(e.path()).unwrap());
                }
            }
        }
    }
}
