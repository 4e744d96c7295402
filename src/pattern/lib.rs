//! A backtracking matcher for the rule patterns.
//!
//! The rules are short patterns in the `regex` crate's syntax, mostly
//! literal alternations joined by bounded gaps (`[^。]{0,20}`). Compiling
//! such a gap into an automaton costs a state per character of the gap for
//! every byte of its UTF-8 class, which is what made the first classify slow
//! (each cue compiled on first use) and the lazy DFA churn (the cache fills
//! with gap states). Here a pattern is parsed by `regex-syntax` into its HIR
//! and compiled into a small program of literal, class, alternation and
//! counted-repetition instructions, run by a backtracker:
//!
//! - the semantics are the `regex` crate's leftmost-first ones (alternatives
//!   in order, greedy or lazy repetition), which is exactly what a
//!   backtracker that stops at its first success computes; the tests check
//!   every built-in pattern against `regex` on the corpus and on random text;
//! - alternations dispatch on the next character, so a list of fifty words
//!   costs one lookup per position, not fifty comparisons; a long list of
//!   words that begin alike (669 words `ab…`) goes through a byte trie of
//!   its literals; a resumed alternation goes on where it stopped;
//! - a search starts only where a match can: at positions whose first
//!   characters begin a prefix literal, or where the caller allows (the
//!   engine's prefilter knows where the literals are);
//! - searches run in sessions: all the searches of one iteration over one
//!   haystack (every match of a cue in a segment, every start the
//!   prefilter allows) share one failure memo, so that each (alternation or
//!   repetition, position) pair is entered at most once for the whole
//!   iteration: linear time in the span searched, in bounded memory (a ring
//!   of positions for patterns with a bounded longest match). The argument
//!   is written out in `exec/`. Patterns that repeat something able to
//!   match nothing (`(a?)*`), where engines disagree on empty iterations,
//!   are refused. There is no fallback engine and no step budget: the
//!   [`work`] counter counts every step, and the tests check the bound with
//!   it.
//!
//! Compiling is a parse and a walk over the HIR: no automaton is built. The
//! built-in patterns are compiled by build.rs (`encode`) and read back at
//! start-up (`Compiled`), so the library parses none of them.
//!
//! The crate is the pattern engine alone: [`Prog`] (compile, find,
//! captures), [`literals`] (what the prefilter looks for) and [`wire`] (the
//! compiled-pattern format). The library's scan stage and its build script
//! both use it.
//!
//! In: a pattern (`regex` syntax) and a haystack. Out: matches, groups,
//! literals, bytes. Imports nothing of the classifier: no rules, no notices.

mod compile;
mod exec;
pub mod literals;
mod prog;
pub mod wire;
#[cfg(test)]
mod tests;

pub use exec::{work, Session};
pub use prog::{Prog, MAX_INSTS, MAX_MEMO_BITS};
pub use regex_syntax::hir::Hir;

pub fn parse(pattern: &str) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new().build().parse(pattern).map_err(|e| e.to_string())
}

/// One pattern that matches wherever any of `parts` does (in that order).
pub fn alternation_source<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.map(|p| format!("(?:{})", p)).collect::<Vec<_>>().join("|")
}
