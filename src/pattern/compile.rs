//! From a pattern's syntax tree (regex-syntax's HIR) to a [`Prog`]: the
//! compiler, the analyses of the tree it needs (where a match can start,
//! whether it is anchored, loops that can match nothing) and the
//! alternation tables computed from the instructions.

use crate::prog::*;
use regex_syntax::hir::{Class, Hir, HirKind, Look};

impl Prog {
    pub fn new(pattern: &str) -> Result<Prog, String> {
        Prog::from_hir(&crate::parse(pattern)?, pattern)
    }

    /// Compiles the syntax tree of `pattern` (the text is used in error
    /// messages only). Refused: a repetition of something that can match
    /// nothing (`(a?)*`, `(?:a|){2,5}`), where engines disagree on what an
    /// empty iteration captures and which the failure memo could not hold
    /// (see `exec/`), and programs over [`MAX_INSTS`].
    pub fn from_hir(hir: &Hir, pattern: &str) -> Result<Prog, String> {
        if empty_loops(hir) {
            return Err(format!(
                "pattern {:?} repeats a part that can match the empty string (as in (a?)* or (?:a|){{2,5}}), which the matcher does not take: make the repeated part match at least one character",
                pattern
            ));
        }
        let mut c = Compiler { insts: Vec::new(), classes: Vec::new(), slots: 2, loops: 0 };
        c.insts.push(Inst::Save(0));
        c.emit(hir)?;
        c.insts.push(Inst::Save(1));
        c.insts.push(Inst::Match);
        let groups = c.slots as u32;
        let place = |x: u32| if x >= LOOP_SLOT - c.loops as u32 && x < LOOP_SLOT { groups + (LOOP_SLOT - 1 - x) } else { x };
        for i in c.insts.iter_mut() {
            match i {
                Inst::Save(x) => *x = place(*x),
                Inst::LoopCheck { slot, .. } => *slot = place(*slot),
                _ => {}
            }
        }
        // Where a match can start past position 0 (position 0 is always tried).
        let first = without_start(hir).map_or([0; 4], |h| first_bytes(&h).unwrap_or(ALL));
        let anchored = starts_anchored(hir);
        let starts = StartTable::new(hir);
        let props = hir.properties();
        let shape = Shape { first, anchored, slots: c.slots, loops: c.loops, max_len: props.maximum_len(), empty: props.minimum_len() == Some(0) };
        Ok(Prog::assemble(c.insts, c.classes, starts, shape))
    }

    /// The program from its parts (freshly compiled, or read back by
    /// `wire`): the alternation tables and memo rows are computed here, from
    /// the instructions, so both get the same.
    pub(crate) fn assemble(insts: Vec<Inst>, classes: Vec<CharClass>, starts: Option<StartTable>, shape: Shape) -> Prog {
        let insts = with_alt_tables(insts, &classes);
        let mut memo_rows = 0usize;
        let memo_row: Box<[u32]> = insts
            .iter()
            .map(|i| match i {
                Inst::Alt(_) | Inst::Repeat { .. } => {
                    memo_rows += 1;
                    (memo_rows - 1) as u32
                }
                _ => u32::MAX,
            })
            .collect();
        Prog {
            insts,
            classes,
            first: shape.first,
            anchored: shape.anchored,
            slots: shape.slots,
            loops: shape.loops,
            starts,
            memo_row,
            memo_rows,
            max_len: shape.max_len,
            empty: shape.empty,
        }
    }

    /// The program's size: its instructions and character classes (what a
    /// rule pack's budget counts).
    pub fn size(&self) -> usize {
        self.insts.len() + self.classes.len()
    }

    /// The rows of the failure memo: the alternation and repetition
    /// instructions. A search over `n` bytes that cannot use a ring (an
    /// unbounded pattern) needs `memo_rows() × (n + 1)` bits.
    pub fn memo_rows(&self) -> usize {
        self.memo_rows
    }

    /// The longest match in bytes, when bounded.
    pub fn max_len(&self) -> Option<usize> {
        self.max_len
    }

    /// Whether the pattern can match the empty string.
    pub fn matches_empty(&self) -> bool {
        self.empty
    }

    /// The memo bits one search over a haystack of `len` bytes takes
    /// (before rounding rows up to whole words): `rows × (len + 1)`, or
    /// for a bounded pattern `rows × 2^⌈log2(M+1)⌉` when that is smaller.
    pub fn memo_bits(&self, len: usize) -> usize {
        self.memo_rows.saturating_mul(crate::exec::memo_positions(self.max_len, len))
    }

    /// An upper bound on the steps one attempt takes per memo entry: an
    /// instruction each, every alternative of an alternation, and up to
    /// its largest count (capped at `cap`, the longest haystack it will
    /// see) for a bounded repetition (an unbounded one: its least count and
    /// a few steps, amortised over the run it scans once). A whole search costs at most about this many
    /// steps per byte searched (each (memo row, position) is entered once);
    /// the rule loader holds custom patterns to a limit on it.
    pub fn cost(&self, cap: usize) -> usize {
        self.insts
            .iter()
            .map(|i| match i {
                Inst::Alt(a) => 1 + a.branches.len(),
                // An unbounded one is amortised: each position of a run is
                // scanned and given back once per row (see `exec/`).
                Inst::Repeat { min, max: u32::MAX, .. } => 3 + (*min as usize).min(cap),
                Inst::Repeat { max, .. } => 1 + (*max as usize).min(cap),
                _ => 1,
            })
            .fold(0usize, usize::saturating_add)
    }
}

/// What a program is besides its instructions, classes and start table.
pub(crate) struct Shape {
    pub(crate) first: ByteSet,
    pub(crate) anchored: bool,
    pub(crate) slots: usize,
    pub(crate) loops: usize,
    pub(crate) max_len: Option<usize>,
    pub(crate) empty: bool,
}

/// The bytes a match of `hir` can start with; None when it can match the
/// empty string (so it places no constraint on the next byte).
/// Whether a repetition in `h` repeats something that can match nothing
/// (`(a?)*`): which empty iterations count is where engines differ, so such
/// patterns are refused (no rule needs one).
fn empty_loops(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Repetition(r) => {
            (r.max != Some(1) && r.sub.properties().minimum_len() == Some(0)) || empty_loops(&r.sub)
        }
        HirKind::Capture(c) => empty_loops(&c.sub),
        HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().any(empty_loops),
        _ => false,
    }
}

/// `hir` without the alternatives that can only match at the start of the
/// text (`(?:^|。)…` → `。…`); None if nothing is left.
fn without_start(hir: &Hir) -> Option<Hir> {
    match hir.kind() {
        HirKind::Look(Look::Start) => None,
        HirKind::Alternation(alts) => {
            let kept: Vec<Hir> = alts.iter().filter_map(without_start).collect();
            (!kept.is_empty()).then(|| Hir::alternation(kept))
        }
        HirKind::Concat(parts) if !parts.is_empty() => {
            let mut v = vec![without_start(&parts[0])?];
            v.extend(parts[1..].iter().cloned());
            Some(Hir::concat(v))
        }
        HirKind::Capture(c) => without_start(&c.sub),
        _ => Some(hir.clone()),
    }
}

/// The bytes a match of `hir` can start with; None when it can match the
/// empty string (so it places no constraint on the next byte).
fn first_bytes(hir: &Hir) -> Option<ByteSet> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(l) => {
            let mut s = [0u64; 4];
            set_add(&mut s, *l.0.first()?);
            Some(s)
        }
        HirKind::Class(Class::Unicode(c)) => {
            let cc = CharClass::new(c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect());
            Some(cc.first_bytes())
        }
        HirKind::Class(Class::Bytes(c)) => {
            let mut s = [0u64; 4];
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    set_add(&mut s, b);
                }
            }
            Some(s)
        }
        HirKind::Repetition(r) => {
            if r.min == 0 {
                None
            } else {
                first_bytes(&r.sub)
            }
        }
        HirKind::Capture(c) => first_bytes(&c.sub),
        HirKind::Concat(parts) => {
            let mut acc = [0u64; 4];
            for p in parts {
                match first_bytes(p) {
                    Some(s) => {
                        set_union(&mut acc, &s);
                        return Some(acc);
                    }
                    None => {
                        // Zero-width or optional: what follows can start too.
                        if let Some(s) = first_bytes_loose(p) {
                            set_union(&mut acc, &s);
                        } else {
                            return None;
                        }
                    }
                }
            }
            None
        }
        HirKind::Alternation(alts) => {
            let mut acc = [0u64; 4];
            for a in alts {
                set_union(&mut acc, &first_bytes(a)?);
            }
            Some(acc)
        }
    }
}

/// The bytes a non-empty match of `hir` can start with (None: unknown).
/// Used for parts that may also match empty.
fn first_bytes_loose(hir: &Hir) -> Option<ByteSet> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some([0; 4]),
        HirKind::Repetition(r) => first_bytes_loose_or(&r.sub),
        HirKind::Capture(c) => first_bytes_loose_or(&c.sub),
        HirKind::Alternation(alts) => {
            let mut acc = [0u64; 4];
            for a in alts {
                set_union(&mut acc, &first_bytes_loose_or(a)?);
            }
            Some(acc)
        }
        HirKind::Concat(_) => None,
        _ => first_bytes(hir),
    }
}

fn first_bytes_loose_or(hir: &Hir) -> Option<ByteSet> {
    first_bytes(hir).or_else(|| first_bytes_loose(hir))
}

fn starts_anchored(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(Look::Start) => true,
        HirKind::Capture(c) => starts_anchored(&c.sub),
        HirKind::Concat(parts) => parts.first().is_some_and(starts_anchored),
        HirKind::Alternation(alts) => alts.iter().all(starts_anchored),
        _ => false,
    }
}

struct Compiler {
    insts: Vec<Inst>,
    classes: Vec<CharClass>,
    slots: usize,
    loops: usize,
}

/// Loop slots are numbered down from here while compiling, then moved
/// after the group slots.
const LOOP_SLOT: u32 = u32::MAX - 1;

impl Compiler {
    fn push(&mut self, i: Inst) -> Result<u32, String> {
        if self.insts.len() >= MAX_INSTS {
            return Err(format!("pattern compiles to more than {} instructions", MAX_INSTS));
        }
        self.insts.push(i);
        Ok((self.insts.len() - 1) as u32)
    }

    fn class(&mut self, hir: &Hir) -> Option<u32> {
        match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => {
                self.classes.push(CharClass::new(c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect()));
                Some((self.classes.len() - 1) as u32)
            }
            HirKind::Literal(l) => {
                let s = std::str::from_utf8(&l.0).ok()?;
                let mut it = s.chars();
                let c = it.next()?;
                if it.next().is_some() {
                    return None;
                }
                self.classes.push(CharClass::new(vec![(c as u32, c as u32)]));
                Some((self.classes.len() - 1) as u32)
            }
            _ => None,
        }
    }

    fn emit(&mut self, hir: &Hir) -> Result<(), String> {
        match hir.kind() {
            HirKind::Empty => {}
            HirKind::Literal(l) => {
                self.push(Inst::Lit(l.0.clone()))?;
            }
            HirKind::Class(Class::Unicode(_)) => {
                let ci = self.class(hir).expect("a unicode class");
                self.push(Inst::Class(ci))?;
            }
            HirKind::Class(Class::Bytes(c)) => {
                let mut s = [0u64; 4];
                for r in c.ranges() {
                    for b in r.start()..=r.end() {
                        set_add(&mut s, b);
                    }
                }
                self.push(Inst::Byte(s))?;
            }
            HirKind::Look(l) => {
                self.push(Inst::Look(*l))?;
            }
            HirKind::Capture(c) => {
                let slot = 2 * c.index as usize;
                self.slots = self.slots.max(slot + 2);
                self.push(Inst::Save(slot as u32))?;
                self.emit(&c.sub)?;
                self.push(Inst::Save(slot as u32 + 1))?;
            }
            HirKind::Concat(parts) => {
                for p in parts {
                    self.emit(p)?;
                }
            }
            HirKind::Alternation(alts) => {
                let at = self.push(Inst::Jump(0))?;
                let mut targets = Vec::with_capacity(alts.len());
                let mut jumps = Vec::with_capacity(alts.len());
                for a in alts {
                    targets.push(self.insts.len() as u32);
                    self.emit(a)?;
                    jumps.push(self.push(Inst::Jump(0))?);
                }
                let end = self.insts.len() as u32;
                for j in jumps {
                    self.insts[j as usize] = Inst::Jump(end);
                }
                self.insts[at as usize] = alt(targets);
            }
            HirKind::Repetition(r) => {
                let max = r.max.unwrap_or(u32::MAX);
                if let Some(ci) = self.class(&r.sub) {
                    let at = self.push(Inst::Repeat { class: ci, min: r.min, max, greedy: r.greedy, next: 0 })?;
                    let next = self.insts.len() as u32;
                    if let Inst::Repeat { next: n, .. } = &mut self.insts[at as usize] {
                        *n = next;
                    }
                    return Ok(());
                }
                for _ in 0..r.min {
                    self.emit(&r.sub)?;
                }
                if r.max.is_none() {
                    // L: Alt[body, out] (or [out, body] when lazy); body; Jump L.
                    // An iteration that matches nothing fails, as in `regex`
                    // (and the loop cannot spin in place).
                    let at = self.push(Inst::Jump(0))?;
                    let body = self.insts.len() as u32;
                    self.loops += 1;
                    let slot = LOOP_SLOT - self.loops as u32;
                    self.push(Inst::Save(slot))?;
                    self.emit(&r.sub)?;
                    let check = self.push(Inst::Jump(0))?;
                    let out = self.insts.len() as u32;
                    self.insts[check as usize] = Inst::LoopCheck { slot, head: at, out };
                    self.insts[at as usize] = alt_pair(r.greedy, body, out);
                } else {
                    // Each optional copy: Alt[body, out]; body — all exits to the end.
                    let mut alts = Vec::new();
                    for _ in r.min..max {
                        let at = self.push(Inst::Jump(0))?;
                        alts.push(at);
                        self.emit(&r.sub)?;
                    }
                    let out = self.insts.len() as u32;
                    for at in alts {
                        self.insts[at as usize] = alt_pair(r.greedy, at + 1, out);
                    }
                }
            }
        }
        Ok(())
    }
}

/// What a match from `pc` on can start with: its first bytes (`ALL` when
/// it can match nothing, or is not known) and, when few, its first
/// characters. Computed on the instructions, so that a program read back
/// from build.rs's blob gets the same tables as a freshly compiled one.
type StartInfo = (ByteSet, Option<Vec<u32>>);

fn start_of(insts: &[Inst], classes: &[CharClass], pc: usize, memo: &mut [Option<StartInfo>], busy: &mut [bool]) -> StartInfo {
    if let Some(known) = &memo[pc] {
        return known.clone();
    }
    if busy[pc] {
        return (ALL, None);
    }
    busy[pc] = true;
    let class_info = |c: &CharClass| {
        let n: u32 = c.ranges.iter().map(|&(a, b)| b - a + 1).sum();
        let chars = (n <= 16).then(|| c.ranges.iter().flat_map(|&(a, b)| a..=b).collect());
        (c.first_bytes(), chars)
    };
    let info = match &insts[pc] {
        Inst::Lit(l) => {
            let mut set = [0u64; 4];
            set_add(&mut set, l[0]);
            let head = match std::str::from_utf8(l) {
                Ok(s) => s.chars().next(),
                Err(e) => std::str::from_utf8(&l[..e.valid_up_to()]).ok().and_then(|s| s.chars().next()),
            };
            (set, head.map(|c| vec![c as u32]))
        }
        Inst::Class(ci) => class_info(&classes[*ci as usize]),
        Inst::Repeat { class, min, .. } if *min >= 1 => class_info(&classes[*class as usize]),
        Inst::Byte(set) => (*set, None),
        Inst::Look(_) | Inst::Save(_) => start_of(insts, classes, pc + 1, memo, busy),
        Inst::Jump(t) => start_of(insts, classes, *t as usize, memo, busy),
        Inst::Alt(a) => {
            let mut set = [0u64; 4];
            let mut chars = Some(Vec::new());
            for &(b, _) in a.branches.iter() {
                let (s, c) = start_of(insts, classes, b as usize, memo, busy);
                set_union(&mut set, &s);
                chars = match (chars, c) {
                    (Some(mut x), Some(y)) => {
                        x.extend(y);
                        Some(x)
                    }
                    _ => None,
                };
            }
            (set, chars)
        }
        Inst::Repeat { .. } | Inst::LoopCheck { .. } | Inst::Match => (ALL, None),
    };
    busy[pc] = false;
    let info = if info.0 == ALL { (ALL, None) } else { info };
    memo[pc] = Some(info.clone());
    info
}

/// Fills every alternation's per-branch byte sets and character dispatch.
fn with_alt_tables(mut insts: Vec<Inst>, classes: &[CharClass]) -> Vec<Inst> {
    let mut memo = vec![None; insts.len()];
    let mut busy = vec![false; insts.len()];
    let mut tables = Vec::new();
    for (pc, i) in insts.iter().enumerate() {
        if let Inst::Alt(a) = i {
            let mut branches = Vec::with_capacity(a.branches.len());
            let mut firsts = Vec::with_capacity(a.branches.len());
            for &(b, _) in a.branches.iter() {
                let (set, chars) = start_of(&insts, classes, b as usize, &mut memo, &mut busy);
                branches.push((b, set));
                firsts.push(chars);
            }
            let lits: Vec<Option<&[u8]>> = a
                .branches
                .iter()
                .map(|&(b, _)| match &insts[b as usize] {
                    Inst::Lit(l) => Some(&l[..]),
                    _ => None,
                })
                .collect();
            let mut t = AltInst::new(branches, firsts);
            // The dispatch on the first character is cheaper when it
            // already narrows the alternatives down to a few; the trie pays
            // when many begin with the same character (669 words `ab…`).
            let crowded = t.dispatch.as_ref().is_none_or(|(map, others)| map.iter().map(|e| e.1.len()).chain([others.len()]).max().unwrap_or(0) >= 16);
            let trie = if crowded { Trie::new(&lits) } else { None };
            if trie.is_some() {
                t.trie = trie;
                t.dispatch = None;
            }
            tables.push((pc, t));
        }
    }
    for (pc, t) in tables {
        insts[pc] = Inst::Alt(t);
    }
    insts
}

/// An alternation of these branches, in priority order. Its tables (what
/// each branch can start with) are filled by `with_alt_tables`, from the
/// instructions, for compiled and decoded programs alike.
pub(crate) fn alt(branches: Vec<u32>) -> Inst {
    let branches = branches.into_iter().map(|pc| (pc, ALL)).collect();
    Inst::Alt(Box::new(AltInst { branches, dispatch: None, trie: None }))
}

/// Loop or optional part: the body first when greedy, the way out first
/// when lazy.
fn alt_pair(greedy: bool, body: u32, out: u32) -> Inst {
    alt(if greedy { vec![body, out] } else { vec![out, body] })
}

