//! The on-disk format of compiled patterns: build.rs writes every built-in
//! pattern with [`encode`] into one [`blob`]; the library reads it back
//! with [`Compiled`] and parses nothing at start-up.

use crate::literals::{filter_literals, Literals};
use crate::compile::alt;
use crate::prog::*;
use crate::Prog;
use regex_syntax::hir::Look;

/// Patterns compiled ahead of time (by build.rs, for the built-in rules),
/// so that start-up parses nothing: a pattern, its program and its
/// prefilter literals, encoded by [`encode`] and read back by [`Compiled`].
pub fn encode(pattern: &str, out: &mut Vec<u8>) -> Result<(), String> {
    let hir = crate::parse(pattern)?;
    let prog = Prog::from_hir(&hir, pattern)?;
    let lits = filter_literals(&hir);
    let mut w = Writer(out);
    w.bytes(pattern.as_bytes());
    match &lits {
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
                w.u8(0);
                w.bytes(l);
            }
            Inst::Class(c) => {
                w.u8(1);
                w.u32(*c);
            }
            Inst::Byte(set) => {
                w.u8(2);
                w.set(set);
            }
            Inst::Look(l) => {
                w.u8(3);
                w.u32(l.as_repr());
            }
            Inst::Alt(a) => {
                w.u8(4);
                // The branch tables are recomputed when the program is read.
                w.u32(a.branches.len() as u32);
                for (pc, _) in a.branches.iter() {
                    w.u32(*pc);
                }
            }
            Inst::Jump(t) => {
                w.u8(5);
                w.u32(*t);
            }
            Inst::Repeat { class, min, max, greedy, next } => {
                w.u8(6);
                w.u32(*class);
                w.u32(*min);
                w.u32(*max);
                w.u8(*greedy as u8);
                w.u32(*next);
            }
            Inst::Save(slot) => {
                w.u8(7);
                w.u32(*slot);
            }
            Inst::Match => w.u8(8),
            Inst::LoopCheck { slot, head, out } => {
                w.u8(9);
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
    w.u8(prog.delegate as u8);
    match &prog.starts {
        None => w.u8(0),
        Some(t) => {
            w.u8(t.chars as u8);
            let on: Vec<u16> = (0..4096u16).filter(|&k| t.bits[k as usize >> 6] & (1 << (k & 63)) != 0).collect();
            w.u16s(&on);
        }
    }
    Ok(())
}

/// The blob of [`Compiled`]: the count, then each entry with its length.
pub fn blob(entries: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut w = Writer(&mut out);
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
        if members.len() >= 0xff {
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

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        a
    }
    fn u8(&mut self) -> u8 {
        self.take(1)[0]
    }
    fn u32(&mut self) -> u32 {
        let mut x = 0u32;
        let mut shift = 0;
        loop {
            let b = self.u8();
            x |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return x;
            }
            shift += 7;
        }
    }
    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take(8).try_into().unwrap())
    }
    fn bytes(&mut self) -> &'a [u8] {
        let n = self.u32() as usize;
        self.take(n)
    }
    fn u16s(&mut self) -> Box<[u16]> {
        let n = self.u32() as usize;
        (0..n).map(|_| self.u32() as u16).collect()
    }
    fn set(&mut self) -> ByteSet {
        match self.u8() {
            0xff => ALL,
            0xfe => [self.u64(), self.u64(), self.u64(), self.u64()],
            n => {
                let mut s = [0u64; 4];
                for &b in self.take(n as usize) {
                    set_add(&mut s, b);
                }
                s
            }
        }
    }
}

/// The patterns compiled ahead of time, by pattern text.
pub struct Compiled {
    entries: std::collections::HashMap<&'static str, &'static [u8]>,
}

impl Compiled {
    /// Indexes a blob written by [`encode`] (a count, then the entries).
    pub fn new(blob: &'static [u8]) -> Compiled {
        let mut r = Reader(blob);
        let mut entries = std::collections::HashMap::new();
        let n = if blob.is_empty() { 0 } else { r.u32() };
        for _ in 0..n {
            let len = r.u32() as usize;
            let entry = r.take(len);
            let src = Reader(entry).bytes();
            entries.insert(std::str::from_utf8(src).expect("build.rs wrote UTF-8"), entry);
        }
        Compiled { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn patterns(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.keys().copied()
    }

    /// The program and literals of `pattern`, if it was compiled ahead.
    pub fn get(&self, pattern: &str) -> Option<(Prog, Option<Literals>)> {
        let mut r = Reader(self.entries.get(pattern)?);
        let src = r.bytes();
        let lits = match r.u32() {
            0 => None,
            k => {
                let max = r.u32();
                let n = r.u32() as usize;
                let l = (0..n).map(|_| r.bytes().to_vec()).collect();
                let lead = (k >= 2).then(|| (k - 2) as usize);
                Some((l, lead, (max != u32::MAX).then_some(max as usize)))
            }
        };
        let n = r.u32() as usize;
        let mut insts = Vec::with_capacity(n);
        for _ in 0..n {
            insts.push(match r.u8() {
                0 => Inst::Lit(r.bytes().into()),
                1 => Inst::Class(r.u32()),
                2 => Inst::Byte(r.set()),
                3 => Inst::Look(Look::from_repr(r.u32())?),
                4 => {
                    let nb = r.u32() as usize;
                    alt((0..nb).map(|_| r.u32()).collect())
                }
                5 => Inst::Jump(r.u32()),
                6 => Inst::Repeat { class: r.u32(), min: r.u32(), max: r.u32(), greedy: r.u8() != 0, next: r.u32() },
                7 => Inst::Save(r.u32()),
                9 => Inst::LoopCheck { slot: r.u32(), head: r.u32(), out: r.u32() },
                _ => Inst::Match,
            });
        }
        let nc = r.u32() as usize;
        let classes = (0..nc)
            .map(|_| {
                let nr = r.u32() as usize;
                CharClass::new((0..nr).map(|_| (r.u32(), r.u32())).collect())
            })
            .collect();
        let first = r.set();
        let anchored = r.u8() != 0;
        let slots = r.u32() as usize;
        let loops = r.u32() as usize;
        let delegate = r.u8() != 0;
        let starts = match r.u8() {
            0 => None,
            chars => {
                let mut bits = Box::new([0u64; 64]);
                for k in r.u16s().iter() {
                    bits[*k as usize >> 6] |= 1 << (k & 63);
                }
                Some(StartTable { bits, chars: chars as usize })
            }
        };
        let src = std::str::from_utf8(src).ok()?;
        let mut prog = Prog::assemble(insts, classes, first, anchored, slots, loops, starts, src);
        prog.delegate = delegate;
        Some((prog, lits))
    }
}
