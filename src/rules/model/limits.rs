//! Every limit of jikenbo, in one place. Input and rule packs beyond them
//! get a clear error naming the limit, never a frozen tab.

/// Largest input accepted, in UTF-8 bytes (10 MiB).
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Longest pattern source accepted in a custom rule, in bytes.
pub const MAX_PATTERN_LEN: usize = 4096;
/// Compiled size limit of one pattern (the `regex` crate's `size_limit`).
pub const PATTERN_SIZE_LIMIT: usize = 1 << 20;
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
