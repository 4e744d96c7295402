//! The program a pattern compiles to: instructions, character classes,
//! alternation dispatch tables and the start-position filter.

use regex_syntax::hir::{Hir, Look};

/// Programs larger than this many instructions are refused (counted
/// repetitions of groups are expanded).
pub const MAX_INSTS: usize = 20_000;

/// The failure memo's budget, in bits: a search remembers which (memo row,
/// position) pairs failed — rows are the alternation and repetition
/// instructions — in at most this many bits (512 KiB). A search over a
/// span of `n` bytes needs `rows × (n + 1)` bits for the whole span; a
/// pattern whose longest match `M` is bounded needs only `rows × 2^⌈log2(M+1)⌉`
/// (a ring of positions, see `exec/`).
pub const MAX_MEMO_BITS: usize = 1 << 22;

pub(crate) type ByteSet = [u64; 4];

pub(crate) fn set_has(s: &ByteSet, b: u8) -> bool {
    s[(b >> 6) as usize] & (1 << (b & 63)) != 0
}

pub(crate) fn set_add(s: &mut ByteSet, b: u8) {
    s[(b >> 6) as usize] |= 1 << (b & 63);
}

pub(crate) fn set_union(a: &mut ByteSet, b: &ByteSet) {
    for i in 0..4 {
        a[i] |= b[i];
    }
}

pub(crate) const ALL: ByteSet = [u64::MAX; 4];

/// One character class: sorted, non-overlapping inclusive ranges of
/// scalar values, with a bitmap for ASCII.
#[derive(Debug)]
pub(crate) struct CharClass {
    pub(crate) ascii: u128,
    pub(crate) ranges: Box<[(u32, u32)]>,
}

impl CharClass {
    pub(crate) fn new(ranges: Vec<(u32, u32)>) -> CharClass {
        let mut ascii = 0u128;
        for &(a, b) in &ranges {
            for c in a..=b.min(127) {
                ascii |= 1 << c;
            }
        }
        CharClass { ascii, ranges: ranges.into_boxed_slice() }
    }

    #[inline]
    pub(crate) fn contains(&self, c: u32) -> bool {
        if c < 128 {
            return self.ascii & (1 << c) != 0;
        }
        self.ranges
            .binary_search_by(|&(a, b)| {
                if b < c {
                    std::cmp::Ordering::Less
                } else if a > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    /// The bytes a UTF-8 encoding of a member can start with.
    pub(crate) fn first_bytes(&self) -> ByteSet {
        let mut s = [0u64; 4];
        for &(a, b) in self.ranges.iter() {
            let (la, lb) = (lead(a), lead(b));
            for x in la..=lb {
                set_add(&mut s, x);
            }
        }
        s
    }
}

/// The first byte of the UTF-8 encoding of a scalar value (monotonic).
pub(crate) fn lead(c: u32) -> u8 {
    let mut buf = [0u8; 4];
    match char::from_u32(c) {
        Some(ch) => ch.encode_utf8(&mut buf).as_bytes()[0],
        // Surrogates are not scalar values; the next one is U+E000.
        None => 0xee,
    }
}

/// Per character, the alternatives that can start with it; and the ones
/// that can start with any character.
pub(crate) type Dispatch = (Box<[(u32, Box<[u16]>)]>, Box<[u16]>);

/// An alternation: each alternative's program counter and the bytes it can
/// start with (`ALL` when it can match empty), in priority order.
#[derive(Debug)]
pub(crate) struct AltInst {
    pub(crate) branches: Box<[(u32, ByteSet)]>,
    /// For long alternations, a dispatch on the next character: per
    /// character, the alternatives that can start with it (ascending); and
    /// the ones that can start with any character.
    pub(crate) dispatch: Option<Dispatch>,
    /// For long alternations of literals, a byte trie over the literals
    /// the alternatives begin with (see [`Trie`]).
    pub(crate) trie: Option<Trie>,
}

/// A byte trie over the literals that alternatives of one alternation begin
/// with: walking it along the text gives, in one pass, every alternative
/// whose literal is there, so a list of 669 words costs a few steps per
/// position instead of 669 comparisons. The alternatives that do not begin
/// with a literal (`others`) are checked by their first bytes.
#[derive(Debug)]
pub(crate) struct Trie {
    /// Node 0 is the root. Per node: its children (byte, node), sorted by
    /// byte, and the alternatives whose literal ends there (ascending).
    pub(crate) nodes: Box<[TrieNode]>,
    pub(crate) others: Box<[u16]>,
}

#[derive(Debug, Default)]
pub(crate) struct TrieNode {
    pub(crate) kids: Box<[(u8, u32)]>,
    pub(crate) ends: Box<[u16]>,
}

impl Trie {
    /// The trie of the alternatives that begin with a literal (`lits[i]` is
    /// alternative i's, if any); None when it would not pay: fewer than 8
    /// such alternatives, or more than 4 others. (The compiler also keeps
    /// the character dispatch when no character begins 16 alternatives.)
    pub(crate) fn new(lits: &[Option<&[u8]>]) -> Option<Trie> {
        let with = lits.iter().filter(|l| l.is_some()).count();
        if with < 8 || lits.len() - with > 4 || lits.len() >= u16::MAX as usize {
            return None;
        }
        let mut kids: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<Vec<u16>> = vec![Vec::new()];
        let mut others = Vec::new();
        for (i, l) in lits.iter().enumerate() {
            let Some(l) = l else {
                others.push(i as u16);
                continue;
            };
            let mut n = 0usize;
            for &b in l.iter() {
                n = match kids[n].iter().find(|k| k.0 == b) {
                    Some(k) => k.1 as usize,
                    None => {
                        kids.push(Vec::new());
                        ends.push(Vec::new());
                        let t = kids.len() - 1;
                        kids[n].push((b, t as u32));
                        t
                    }
                };
            }
            ends[n].push(i as u16);
        }
        let nodes = kids
            .into_iter()
            .zip(ends)
            .map(|(mut k, e)| {
                insertion_sort(&mut k);
                TrieNode { kids: k.into_boxed_slice(), ends: e.into_boxed_slice() }
            })
            .collect();
        Some(Trie { nodes, others: others.into_boxed_slice() })
    }
}

impl AltInst {
    pub(crate) fn new(branches: Vec<(u32, ByteSet)>, firsts: Vec<Option<Vec<u32>>>) -> Box<AltInst> {
        let mut dispatch = None;
        if branches.len() >= 4 && branches.len() < u16::MAX as usize {
            let mut chars: Vec<u32> = firsts.iter().flatten().flatten().copied().collect();
            chars.sort_unstable();
            chars.dedup();
            let others: Vec<u16> = (0..firsts.len()).filter(|&i| firsts[i].is_none()).map(|i| i as u16).collect();
            let map: Vec<(u32, Box<[u16]>)> = chars
                .iter()
                .map(|&c| {
                    let list: Vec<u16> = (0..firsts.len())
                        .filter(|&i| firsts[i].as_ref().is_none_or(|f| f.contains(&c)))
                        .map(|i| i as u16)
                        .collect();
                    (c, list.into_boxed_slice())
                })
                .collect();
            dispatch = Some((map.into_boxed_slice(), others.into_boxed_slice()));
        }
        Box::new(AltInst { branches: branches.into_boxed_slice(), dispatch, trie: None })
    }
}

#[derive(Debug)]
pub(crate) enum Inst {
    /// These bytes, then the next instruction.
    Lit(Box<[u8]>),
    /// One character of a class.
    Class(u32),
    /// One byte of a byte class (only for patterns written with `(?-u)`).
    Byte(ByteSet),
    /// A zero-width assertion.
    Look(Look),
    /// Alternatives in priority order: the program counter of each, and
    /// the bytes it can start with (`ALL` when it can match empty).
    Alt(Box<AltInst>),
    Jump(u32),
    /// `class{min,max}` (max `u32::MAX`: unbounded), then `next`.
    Repeat { class: u32, min: u32, max: u32, greedy: bool, next: u32 },
    /// Record the position in a capture slot.
    Save(u32),
    /// End of an unbounded loop's iteration: if it matched nothing since the
    /// position saved in `slot` (its start), this path fails (as in
    /// `regex`, an empty iteration is no iteration), else back to `head`.
    /// `out` is where the loop exits.
    LoopCheck { slot: u32, head: u32, out: u32 },
    Match,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Prog {
    pub(crate) insts: Vec<Inst>,
    pub(crate) classes: Vec<CharClass>,
    /// Bytes a match can start with past position 0 (which a search always
    /// tries); `ALL` when it may start anywhere.
    pub(crate) first: ByteSet,
    /// The pattern starts with `\A`/`^`: only position 0 can match.
    pub(crate) anchored: bool,
    /// Number of capture slots (two per group, group 0 included).
    pub(crate) slots: usize,
    /// Number of loop slots, after the capture slots.
    pub(crate) loops: usize,
    /// Where a search may start, from the pattern's prefix literals.
    pub(crate) starts: Option<StartTable>,
    /// Per instruction, its row in the failure memo (alternations and
    /// repetitions only; `u32::MAX` for the others), and the row count.
    pub(crate) memo_row: Box<[u32]>,
    pub(crate) memo_rows: usize,
    /// The longest match in bytes (regex-syntax's `maximum_len`), when
    /// bounded: every position an attempt at `s` reaches is in `[s, s + M]`.
    pub(crate) max_len: Option<usize>,
    /// Whether the pattern can match the empty string.
    pub(crate) empty: bool,
}

/// A filter on search start positions: a hashed set of the first one or
/// two characters of every prefix literal of the pattern (every match
/// begins with one of those literals).
#[derive(Debug)]
pub(crate) struct StartTable {
    pub(crate) bits: Box<[u64; 64]>,
    /// Characters hashed: 1 or 2.
    pub(crate) chars: usize,
}

impl StartTable {
    pub(crate) fn new(hir: &Hir) -> Option<StartTable> {
        use regex_syntax::hir::literal::{ExtractKind, Extractor};
        let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
        let lits = seq.literals()?;
        if lits.is_empty() {
            return None;
        }
        // The literals' leading characters (a literal may end inside a
        // character when the extractor cut it: only whole characters count).
        let heads: Vec<Vec<u32>> = lits
            .iter()
            .map(|l| {
                let b = l.as_bytes();
                let valid = match std::str::from_utf8(b) {
                    Ok(s) => s,
                    Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or(""),
                };
                valid.chars().take(2).map(|c| c as u32).collect()
            })
            .collect();
        let min = heads.iter().map(Vec::len).min()?;
        if min == 0 {
            return None;
        }
        let mut bits = Box::new([0u64; 64]);
        for h in &heads {
            let k = hash(&h[..min]);
            bits[k >> 6] |= 1 << (k & 63);
        }
        Some(StartTable { bits, chars: min })
    }

    #[inline]
    pub(crate) fn may_start(&self, hay: &[u8], pos: usize) -> bool {
        let Some((c1, n)) = decode(hay, pos) else { return false };
        let k = if self.chars == 1 {
            hash(&[c1])
        } else {
            let Some((c2, _)) = decode(hay, pos + n) else { return false };
            hash(&[c1, c2])
        };
        self.bits[k >> 6] & (1 << (k & 63)) != 0
    }
}

#[inline]
pub(crate) fn hash(cs: &[u32]) -> usize {
    let mut h = 0u32;
    for &c in cs {
        h = (h ^ c).wrapping_mul(0x9e37_79b1);
    }
    (h >> 20) as usize
}

/// The scalar value at `pos` of valid UTF-8 and its length.
#[inline(always)]
pub(crate) fn decode(s: &[u8], pos: usize) -> Option<(u32, usize)> {
    let b0 = *s.get(pos)? as u32;
    if b0 < 0x80 {
        return Some((b0, 1));
    }
    let cont = |i: usize| (s[pos + i] as u32) & 0x3f;
    if b0 < 0xe0 {
        Some((((b0 & 0x1f) << 6) | cont(1), 2))
    } else if b0 < 0xf0 {
        Some((((b0 & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3))
    } else {
        Some((((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4))
    }
}

pub(crate) fn prev_boundary(s: &[u8], mut pos: usize) -> usize {
    while pos > 0 {
        pos -= 1;
        if s[pos] & 0xc0 != 0x80 {
            break;
        }
    }
    pos
}

pub(crate) fn next_boundary(s: &[u8], mut pos: usize) -> usize {
    pos += 1;
    while pos < s.len() && s[pos] & 0xc0 == 0x80 {
        pos += 1;
    }
    pos
}

/// Sorts a short slice (trie children, candidate lists): a few lines of
/// code, where the standard sorts would add kilobytes to the `.wasm`.
pub(crate) fn insertion_sort<T: Ord + Copy>(xs: &mut [T]) {
    for i in 1..xs.len() {
        let x = xs[i];
        let mut j = i;
        while j > 0 && xs[j - 1] > x {
            xs[j] = xs[j - 1];
            j -= 1;
        }
        xs[j] = x;
    }
}
