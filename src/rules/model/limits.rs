//! Every limit of jikenbo, in one place. Input and rule packs beyond them
//! get a clear error naming the limit, never a frozen tab.

/// Largest input accepted, in UTF-8 bytes (10 MiB).
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Longest pattern source accepted in a custom rule, in bytes.
pub const MAX_PATTERN_LEN: usize = 4096;
/// Most work one pattern may do per position of the text it searches
/// (`jikenbo_pattern::Prog::cost`: an instruction each, every alternative
/// of an alternation, the largest count of a repetition, capped at
/// `MAX_SEGMENT_BYTES`). The matcher enters each (alternation or
/// repetition, position) at most once per search session, so this bounds
/// the time per byte of text. The built-in patterns stay under 600.
pub const MAX_PATTERN_COST: usize = 4096;
/// Most program size (instructions and classes, `jikenbo_pattern::Prog::size`)
/// the patterns of one custom pack may compile to in all, conditions
/// included; the error names the rule whose cue goes over.
pub const MAX_PACK_SIZE: usize = 400_000;
/// Most cues in one rule.
pub const MAX_CUES: usize = 200;
/// Most rules in one custom pack.
pub const MAX_RULES: usize = 1000;

/// Longest segment, in bytes: a run of text longer than this without a
/// sentence end or a line break is cut into pieces (`text::segment`). Every
/// cue is searched within one segment, so this bounds the span of every
/// search, and with it the memory of the pattern engine's memo.
pub const MAX_SEGMENT_BYTES: usize = 4096;

/// Most hits of one cue kept from one notice; further hits of the cue are
/// not located (the report then says `truncated`). A real notice repeats a
/// cue a few times; 10 MB of one sentence repeated would otherwise hold
/// millions of hits.
pub const MAX_HITS_PER_CUE: usize = 1000;
/// Most figures read as possible affected counts from one notice.
pub const MAX_FIGURES: usize = 10_000;
/// Most evidence spans quoted for one tag or decision of a report.
pub const MAX_EVIDENCE: usize = 50;

/// Largest program one pattern may compile to, in instructions (the
/// pattern engine's own limit: counted repetitions of groups are expanded).
pub use jikenbo_pattern::MAX_INSTS;

/// The pattern engine's failure memo, in bits (4 Mbit): a search over a
/// span of `n` bytes remembers which (alternation or repetition, position)
/// pairs failed in `rows × (n + 1)` bits, or less for a pattern whose
/// longest match is bounded. Every cue is searched within one segment, so a
/// custom pattern is refused when its rows × (`MAX_SEGMENT_BYTES` + 1)
/// exceed this: at most [`MAX_MEMO_ROWS`] alternations and repetitions.
pub use jikenbo_pattern::MAX_MEMO_BITS;

/// Most alternations and repetitions (memo rows) one custom pattern may
/// have: `MAX_MEMO_BITS / (MAX_SEGMENT_BYTES + 1)` = 1,023.
pub const MAX_MEMO_ROWS: usize = MAX_MEMO_BITS / (MAX_SEGMENT_BYTES + 1);
