//! The clause after a hit: does it deny it (「…は含まれておりません」
//! 「…は確認されておりません」), unless it denies the denial (「…ないとは
//! 言い切れません」)? Does it ask whether instead of stating (「…された
//! かどうかは調査中」)? Does it say it is yet to be done (「…に相談する
//! 予定です」)? Read up to the next clause break, at most 60 characters.

use super::table::Scanner;
use crate::text::Segment;

impl Scanner {
    /// The clause after a hit ending at `end`: up to the next clause break,
    /// at most 60 characters.
    fn clause_tail<'t>(&self, text: &'t str, seg: &Segment, end: usize) -> &'t str {
        let from = end.min(seg.end);
        let to = text[from..seg.end].char_indices().nth(60).map_or(seg.end, |(i, _)| from + i);
        let mut tail = &text[from..to];
        if let Some(cb) = &self.clauses.clause_break {
            if let Some((a, _)) = cb.prog.find(tail) {
                tail = &tail[..a];
            }
        }
        tail
    }

    /// Whether the clause after a hit asks whether rather than states
    /// («…持ち出されたかどうかは調査中»).
    pub(super) fn undecided(&self, text: &str, seg: &Segment, end: usize) -> bool {
        let Some(q) = &self.clauses.undecided else { return false };
        q.prog.is_match(self.clause_tail(text, seg, end))
    }

    /// Whether the clause after a hit says it is yet to be done
    /// («…に相談する予定です», «…も検討しております»).
    pub(super) fn planned(&self, text: &str, seg: &Segment, end: usize) -> bool {
        let Some(q) = &self.clauses.planned else { return false };
        let tail = self.clause_tail(text, seg, end);
        // «警察に相談のうえ、告訴の準備を進めており»: done, then the plan.
        if ["のうえ", "の上", "した上", "したうえ"].iter().any(|w| tail.starts_with(w)) {
            return false;
        }
        // A plan is read up to the next 「、」 too: «…に相談しており、今後も
        // 協力する予定です» reports first and plans after.
        q.prog.is_match(tail.split('、').next().unwrap_or(tail))
    }

    /// Whether the clause after a hit ending at `end` denies it. A topic
    /// («Xは、») whose first clause gives a reason reads on to the clause
    /// the reason is for: «※カード情報は、決済代行会社で管理しているため、
    /// 当社サーバには保存されておりません».
    pub(super) fn negated(&self, text: &str, seg: &Segment, end: usize) -> bool {
        let Some(neg) = &self.clauses.negation else { return false };
        let denies = |tail: &str| neg.prog.is_match(tail) && !self.clauses.anti_negation.as_ref().is_some_and(|a| a.prog.is_match(tail));
        let tail = self.clause_tail(text, seg, end);
        if denies(tail) {
            return true;
        }
        let after = &text[end.min(seg.end)..seg.end];
        let topic = after.starts_with('は');
        let rest = &after[tail.len()..];
        match ["ため、", "ので、"].iter().find(|r| rest.starts_with(**r)) {
            Some(r) if topic => {
                let next = end.min(seg.end) + tail.len() + r.len();
                denies(self.clause_tail(text, seg, next))
            }
            _ => false,
        }
    }
}
