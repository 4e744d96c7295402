//! The clause after a hit: does it deny it (「…は含まれておりません」
//! 「…は確認されておりません」), unless it denies the denial (「…ないとは
//! 言い切れません」)? Read up to the next clause break, at most 40
//! characters.

use super::table::Scanner;
use crate::text::Segment;

impl Scanner {
    /// Whether the clause after a hit ending at `end` denies it.
    pub(super) fn negated(&self, text: &str, seg: &Segment, end: usize) -> bool {
        let Some(neg) = &self.clauses.negation else { return false };
        let from = end.min(seg.end);
        // The clause that can deny a hit is short: look at most 40 characters ahead.
        let to = text[from..seg.end].char_indices().nth(40).map_or(seg.end, |(i, _)| from + i);
        let mut tail = &text[from..to];
        if let Some(cb) = &self.clauses.clause_break {
            if let Some((a, _)) = cb.prog.find(tail) {
                tail = &tail[..a];
            }
        }
        if !neg.prog.is_match(tail) {
            return false;
        }
        !self.clauses.anti_negation.as_ref().is_some_and(|a| a.prog.is_match(tail))
    }
}
