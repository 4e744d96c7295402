//! The on-disk format of compiled patterns: build.rs writes every built-in
//! pattern with [`encode`] into one [`blob`]; the library reads it back
//! with [`Compiled`] and parses nothing at start-up.
//!
//! A blob is the magic `JKBP`, the format [`VERSION`], the entry count and
//! the entries, each with its length. Reading never trusts the bytes: a
//! wrong magic or version, a truncated entry, an unknown opcode, a jump or
//! class index out of range is an error ([`WireError`]), never a program.

use crate::compile::{alt, Shape};
use crate::literals::{filter_literals, Literals};
use crate::prog::*;
use crate::Prog;
use regex_syntax::hir::Look;

/// The first bytes of a blob.
pub const MAGIC: &[u8; 4] = b"JKBP";
/// The format version; a blob of another version is refused. 2: the
/// versioned format with the longest match and the empty flag (1 was the
/// unversioned format before it).
pub const VERSION: u32 = 2;

/// Why a blob or an entry could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "compiled pattern data: {}", self.0)
    }
}

fn bad<T>(why: impl Into<String>) -> Result<T, WireError> {
    Err(WireError(why.into()))
}

// Opcodes.
const LIT: u8 = 0;
const CLASS: u8 = 1;
const BYTE: u8 = 2;
const LOOK: u8 = 3;
const ALT: u8 = 4;
const JUMP: u8 = 5;
const REPEAT: u8 = 6;
const SAVE: u8 = 7;
const MATCH: u8 = 8;
const LOOP_CHECK: u8 = 9;

/// Patterns compiled ahead of time (by build.rs, for the built-in rules),
/// so that start-up parses nothing: a pattern, its program and its
/// prefilter literals, encoded here and read back by [`Compiled`].
pub fn encode(pattern: &str, out: &mut Vec<u8>) -> Result<(), String> {
    let hir = crate::parse(pattern)?;
    let prog = Prog::from_hir(&hir, pattern)?;
    let lits = filter_literals(&hir);
    encode_prog(pattern, &prog, &lits, out);
    Ok(())
}

fn encode_prog(pattern: &str, prog: &Prog, lits: &Option<Literals>, out: &mut Vec<u8>) {
    let mut w = Writer(out);
    w.bytes(pattern.as_bytes());
    match lits {
        None => w.u32(0),
        Some((l, lead, max)) => {
            w.u32(lead.map_or(1, |d| 2 + d as u32));
            w.u32(max.map_or(u32::MAX, |m| m.min(u32::MAX as usize - 1) as u32));
            w.u32(l.len() as u32);
            for x in l {
                w.bytes(x);
            }
        }
    }
    w.u32(prog.insts.len() as u32);
    for i in &prog.insts {
        match i {
            Inst::Lit(l) => {
                w.u8(LIT);
                w.bytes(l);
            }
            Inst::Class(c) => {
                w.u8(CLASS);
                w.u32(*c);
            }
            Inst::Byte(set) => {
                w.u8(BYTE);
                w.set(set);
            }
            Inst::Look(l) => {
                w.u8(LOOK);
                w.u32(l.as_repr());
            }
            Inst::Alt(a) => {
                w.u8(ALT);
                // The branch tables are recomputed when the program is read.
                w.u32(a.branches.len() as u32);
                for (pc, _) in a.branches.iter() {
                    w.u32(*pc);
                }
            }
            Inst::Jump(t) => {
                w.u8(JUMP);
                w.u32(*t);
            }
            Inst::Repeat { class, min, max, greedy, next } => {
                w.u8(REPEAT);
                w.u32(*class);
                w.u32(*min);
                w.u32(*max);
                w.u8(*greedy as u8);
                w.u32(*next);
            }
            Inst::Save(slot) => {
                w.u8(SAVE);
                w.u32(*slot);
            }
            Inst::Match => w.u8(MATCH),
            Inst::LoopCheck { slot, head, out } => {
                w.u8(LOOP_CHECK);
                w.u32(*slot);
                w.u32(*head);
                w.u32(*out);
            }
        }
    }
    w.u32(prog.classes.len() as u32);
    for c in &prog.classes {
        w.u32(c.ranges.len() as u32);
        for &(a, b) in c.ranges.iter() {
            w.u32(a);
            w.u32(b);
        }
    }
    w.set(&prog.first);
    w.u8(prog.anchored as u8);
    w.u32(prog.slots as u32);
    w.u32(prog.loops as u32);
    // The longest match: 0 for unbounded, else 1 + the length.
    w.u32(prog.max_len.map_or(0, |m| (m.min(u32::MAX as usize - 1) + 1) as u32));
    w.u8(prog.empty as u8);
    match &prog.starts {
        None => w.u8(0),
        Some(t) => {
            w.u8(t.chars as u8);
            let on: Vec<u16> = (0..4096u16).filter(|&k| t.bits[k as usize >> 6] & (1 << (k & 63)) != 0).collect();
            w.u16s(&on);
        }
    }
}

/// The blob of [`Compiled`]: the header, the count, then each entry with
/// its length.
pub fn blob(entries: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    let mut w = Writer(&mut out);
    w.u32(VERSION);
    w.u32(entries.len() as u32);
    for e in entries {
        w.bytes(e);
    }
    out
}

struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn u8(&mut self, x: u8) {
        self.0.push(x);
    }
    /// LEB128: most numbers here are small.
    fn u32(&mut self, mut x: u32) {
        while x >= 0x80 {
            self.0.push((x as u8) | 0x80);
            x >>= 7;
        }
        self.0.push(x as u8);
    }
    fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.0.extend_from_slice(b);
    }
    fn u16s(&mut self, xs: &[u16]) {
        self.u32(xs.len() as u32);
        for &x in xs {
            self.u32(x as u32);
        }
    }
    /// A byte set: its members (most sets have a few), or 0xff for all.
    fn set(&mut self, s: &ByteSet) {
        if *s == ALL {
            self.u8(0xff);
            return;
        }
        let members: Vec<u8> = (0..=255u8).filter(|&b| set_has(s, b)).collect();
        if members.len() >= 0xfe {
            self.u8(0xfe);
            for x in s {
                self.u64(*x);
            }
        } else {
            self.u8(members.len() as u8);
            self.0.extend_from_slice(&members);
        }
    }
}

/// Reads what [`Writer`] wrote; every read checks the bytes are there.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], WireError> {
        if n > self.0.len() {
            return bad(format!("truncated: {} bytes wanted, {} left", n, self.0.len()));
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    #[inline]
    fn u8(&mut self) -> Result<u8, WireError> {
        Ok(self.take(1)?[0])
    }
    #[inline]
    fn u32(&mut self) -> Result<u32, WireError> {
        let mut x = 0u64;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            x |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return u32::try_from(x).or_else(|_| bad("number out of range"));
            }
        }
        bad("number longer than 5 bytes")
    }
    /// A count of items that each take at least one byte: never more than
    /// the bytes left (so a corrupt count cannot allocate much).
    #[inline]
    fn count(&mut self) -> Result<usize, WireError> {
        let n = self.u32()? as usize;
        if n > self.0.len() {
            return bad(format!("truncated: {} items announced, {} bytes left", n, self.0.len()));
        }
        Ok(n)
    }
    fn u64(&mut self) -> Result<u64, WireError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
    #[inline]
    fn bytes(&mut self) -> Result<&'a [u8], WireError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    fn u16s(&mut self) -> Result<Vec<u32>, WireError> {
        let n = self.count()?;
        (0..n).map(|_| self.u32()).collect()
    }
    #[inline]
    fn set(&mut self) -> Result<ByteSet, WireError> {
        Ok(match self.u8()? {
            0xff => ALL,
            0xfe => [self.u64()?, self.u64()?, self.u64()?, self.u64()?],
            n => {
                let mut s = [0u64; 4];
                for &b in self.take(n as usize)? {
                    set_add(&mut s, b);
                }
                s
            }
        })
    }
}

/// Reads one entry written by [`encode`]: its pattern, program and
/// literals. Checks everything the matcher relies on (indices in range, a
/// final `Match`), so that no entry, however corrupt, makes a program that
/// reads out of bounds.
pub fn decode(entry: &[u8]) -> Result<(&str, Prog, Option<Literals>), WireError> {
    let mut r = Reader(entry);
    let src = std::str::from_utf8(r.bytes()?).or_else(|_| bad("pattern is not UTF-8"))?;
    let lits = match r.u32()? {
        0 => None,
        k => {
            let max = r.u32()?;
            let n = r.count()?;
            let l = (0..n).map(|_| r.bytes().map(<[u8]>::to_vec)).collect::<Result<Vec<_>, _>>()?;
            let lead = (k >= 2).then(|| (k - 2) as usize);
            Some((l, lead, (max != u32::MAX).then_some(max as usize)))
        }
    };
    let n = r.count()?;
    if n == 0 || n > MAX_INSTS + 2 {
        return bad(format!("{} instructions", n));
    }
    let mut insts = Vec::with_capacity(n);
    for i in 0..n {
        insts.push(match r.u8()? {
            LIT => Inst::Lit(r.bytes()?.into()),
            CLASS => Inst::Class(r.u32()?),
            BYTE => Inst::Byte(r.set()?),
            LOOK => {
                let x = r.u32()?;
                Inst::Look(Look::from_repr(x).ok_or_else(|| WireError(format!("unknown look-around {} at instruction {}", x, i)))?)
            }
            ALT => {
                let nb = r.count()?;
                alt((0..nb).map(|_| r.u32()).collect::<Result<_, _>>()?)
            }
            JUMP => Inst::Jump(r.u32()?),
            REPEAT => Inst::Repeat { class: r.u32()?, min: r.u32()?, max: r.u32()?, greedy: r.u8()? != 0, next: r.u32()? },
            SAVE => Inst::Save(r.u32()?),
            MATCH => Inst::Match,
            LOOP_CHECK => Inst::LoopCheck { slot: r.u32()?, head: r.u32()?, out: r.u32()? },
            op => return bad(format!("unknown opcode {} at instruction {}", op, i)),
        });
    }
    let nc = r.count()?;
    let mut classes = Vec::with_capacity(nc);
    for _ in 0..nc {
        let nr = r.count()?;
        let ranges = (0..nr).map(|_| Ok((r.u32()?, r.u32()?))).collect::<Result<Vec<_>, WireError>>()?;
        if ranges.iter().any(|&(a, b)| a > b || b > 0x10ffff) || ranges.windows(2).any(|w| w[0].1 >= w[1].0) {
            return bad("a character class is not sorted ranges of scalar values");
        }
        classes.push(CharClass::new(ranges));
    }
    let first = r.set()?;
    let anchored = r.u8()? != 0;
    let slots = r.u32()? as usize;
    let loops = r.u32()? as usize;
    let max_len = match r.u32()? {
        0 => None,
        m => Some(m as usize - 1),
    };
    let empty = r.u8()? != 0;
    let starts = match r.u8()? {
        0 => None,
        chars @ (1 | 2) => {
            let mut bits = Box::new([0u64; 64]);
            for k in r.u16s()? {
                if k >= 4096 {
                    return bad("start table index out of range");
                }
                bits[k as usize >> 6] |= 1 << (k & 63);
            }
            Some(StartTable { bits, chars: chars as usize })
        }
        c => return bad(format!("start table of {} characters", c)),
    };
    if !r.0.is_empty() {
        return bad(format!("{} bytes after the entry", r.0.len()));
    }
    check(&insts, classes.len(), slots, loops)?;
    let shape = Shape { first, anchored, slots, loops, max_len, empty };
    Ok((src, Prog::assemble(insts, classes, starts, shape), lits))
}

/// What the matcher relies on: every target and index in range, a last
/// instruction that does not fall through, and no way around without an
/// alternation: every jump goes forward except a loop's way back to its
/// head, an alternation (the compiler makes no other), so that every cycle
/// of the program passes a memo point and no corrupt entry can spin.
fn check(insts: &[Inst], classes: usize, slots: usize, loops: usize) -> Result<(), WireError> {
    let n = insts.len();
    let is_alt = |t: u32| matches!(insts.get(t as usize), Some(Inst::Alt(_)));
    if slots < 2 || slots % 2 != 0 || slots.saturating_add(loops) > 2 * MAX_INSTS + 2 {
        return bad(format!("{} capture slots and {} loop slots", slots, loops));
    }
    let slot = |s: u32| (s as usize) < slots + loops;
    if !matches!(insts.last(), Some(Inst::Match)) {
        return bad("the last instruction is not Match");
    }
    for (i, inst) in insts.iter().enumerate() {
        let ahead = |t: u32| (t as usize) > i && (t as usize) < n;
        let ok = match inst {
            Inst::Lit(l) => !l.is_empty(),
            Inst::Class(c) => (*c as usize) < classes,
            Inst::Byte(_) | Inst::Look(_) | Inst::Match => true,
            Inst::Alt(a) => !a.branches.is_empty() && a.branches.iter().all(|&(b, _)| ahead(b)),
            Inst::Jump(t) => ahead(*t),
            Inst::Repeat { class, min, max, next, .. } => (*class as usize) < classes && min <= max && ahead(*next),
            Inst::Save(s) => slot(*s),
            Inst::LoopCheck { slot: s, head, out } => slot(*s) && (*head as usize) < i && is_alt(*head) && ahead(*out),
        };
        if !ok {
            return bad(format!("instruction {} ({:?}) refers out of range", i, inst));
        }
    }
    Ok(())
}

/// The patterns compiled ahead of time, by pattern text.
pub struct Compiled {
    entries: std::collections::HashMap<&'static str, &'static [u8]>,
}

impl Compiled {
    /// No patterns (everything is compiled from its text).
    pub fn empty() -> Compiled {
        Compiled { entries: std::collections::HashMap::new() }
    }

    /// Indexes a blob written by [`blob`]: checks the header and that every
    /// entry is there whole; the entries are decoded by [`Compiled::get`].
    pub fn new(blob: &'static [u8]) -> Result<Compiled, WireError> {
        if blob.len() < MAGIC.len() || &blob[..MAGIC.len()] != MAGIC {
            return bad("not a compiled-pattern blob (no JKBP magic)");
        }
        let mut r = Reader(&blob[MAGIC.len()..]);
        let v = r.u32()?;
        if v != VERSION {
            return bad(format!("format version {}, this build reads {}", v, VERSION));
        }
        let mut entries = std::collections::HashMap::new();
        let n = r.count()?;
        for i in 0..n {
            let entry = r.bytes().map_err(|e| WireError(format!("entry {}: {}", i, e.0)))?;
            let src = Reader(entry).bytes().map_err(|e| WireError(format!("entry {}: {}", i, e.0)))?;
            let src = std::str::from_utf8(src).or_else(|_| bad(format!("entry {}: pattern is not UTF-8", i)))?;
            entries.insert(src, entry);
        }
        if !r.0.is_empty() {
            return bad(format!("{} bytes after the last entry", r.0.len()));
        }
        Ok(Compiled { entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn patterns(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.keys().copied()
    }

    /// The program and literals of `pattern`, if it was compiled ahead
    /// (an error if its entry does not decode).
    pub fn get(&self, pattern: &str) -> Option<Result<(Prog, Option<Literals>), WireError>> {
        let entry = self.entries.get(pattern)?;
        Some(decode(entry).map(|(_, p, l)| (p, l)))
    }
}
