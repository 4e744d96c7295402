//! The vocabulary of the rules, spelt once: the output fields a rule can
//! feed (the folders of `rules/`), the scope filters a cue may opt out of,
//! the scope rules' ids, and the fixed ids of the decision fields. The
//! build script, the validation, the scan and decide stages and the
//! TypeScript types (tested) all take these names from here.

/// Declares an enum whose variants each have one name, with `ALL` (in
/// declaration order), `as_str`, `parse` and `bit` (for [`Bits`]).
macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $v,)* }

        impl $name {
            /// Every value, in the order of the declaration.
            pub const ALL: &'static [$name] = &[$($name::$v,)*];

            /// The name rule files and messages use.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$v => $s,)* }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$v),)* _ => None }
            }

            /// Every name, comma-separated (for messages).
            pub fn names() -> String {
                Self::ALL.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl Member for $name {
            fn index(self) -> u32 {
                self as u32
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The output fields a rule can feed, i.e. the folders of `rules/`.
    Field {
        Attack = "attack_types",
        Data = "data_categories",
        Reported = "reported_to",
        Leak = "leak_status",
        Operational = "operational",
        Org = "organization",
        Scope = "scope",
    }
}

vocabulary! {
    /// Scope filters a cue may opt out of with `ignore = [...]`.
    Filter {
        Negation = "negation",
        Advice = "advice",
        Hypothetical = "hypothetical",
        Contact = "contact",
        Context = "context",
        Prevention = "prevention",
    }
}

vocabulary! {
    /// The ids of the `scope` rules: the sentence roles and clause parts
    /// that decide whether a hit counts.
    ScopeId {
        Negation = "negation",
        AntiNegation = "anti_negation",
        Advice = "advice",
        Hypothetical = "hypothetical",
        Contact = "contact",
        DataContext = "data_context",
        ClauseBreak = "clause_break",
        Recovered = "recovered",
        Prevention = "prevention",
        Undecided = "undecided",
        Planned = "planned",
    }
}

/// Ids of the decision fields, fixed by the decision logic rather than the
/// taxonomy: a `leak_status` rule's id is one of these, and so on.
pub const LEAK_IDS: &[&str] = &["confirmed", "possible", "none", "unknown"];
pub const OPERATIONAL_IDS: &[&str] = &["critical", "high", "medium"];
pub const ORGANIZATION_IDS: &[&str] = &["public_body", "corporation", "name"];

impl Field {
    /// The fields whose ids are the taxonomy's (`rules/taxonomy.toml`).
    pub fn is_tag_field(self) -> bool {
        matches!(self, Field::Attack | Field::Data | Field::Reported)
    }

    /// The ids a rule of this field may have, when the decision logic fixes
    /// them (None: the taxonomy's ids).
    pub fn fixed_ids(self) -> Option<&'static [&'static str]> {
        match self {
            Field::Leak => Some(LEAK_IDS),
            Field::Operational => Some(OPERATIONAL_IDS),
            Field::Org => Some(ORGANIZATION_IDS),
            Field::Scope => Some(SCOPE_NAMES),
            _ => None,
        }
    }

    /// The report's key of a tag field (`attackTypes`…).
    pub fn report_key(self) -> &'static str {
        match self {
            Field::Attack => "attackTypes",
            Field::Data => "dataCategories",
            Field::Reported => "reportedTo",
            Field::Leak => "leakStatus",
            Field::Operational => "severity",
            Field::Org => "organization",
            Field::Scope => "scope",
        }
    }
}

const SCOPE_NAMES: &[&str] = &[
    ScopeId::Negation.as_str(),
    ScopeId::AntiNegation.as_str(),
    ScopeId::Advice.as_str(),
    ScopeId::Hypothetical.as_str(),
    ScopeId::Contact.as_str(),
    ScopeId::DataContext.as_str(),
    ScopeId::ClauseBreak.as_str(),
    ScopeId::Recovered.as_str(),
    ScopeId::Prevention.as_str(),
    ScopeId::Undecided.as_str(),
    ScopeId::Planned.as_str(),
];

impl Filter {
    /// The scope rule whose segments this filter drops hits in (None for
    /// `negation`, which reads the clause after the hit instead).
    pub fn scope(self) -> Option<ScopeId> {
        match self {
            Filter::Negation => None,
            Filter::Advice => Some(ScopeId::Advice),
            Filter::Hypothetical => Some(ScopeId::Hypothetical),
            Filter::Contact => Some(ScopeId::Contact),
            Filter::Context => Some(ScopeId::DataContext),
            Filter::Prevention => Some(ScopeId::Prevention),
        }
    }
}

/// A value of one of the vocabularies above, as a bit of [`Bits`].
pub trait Member: Copy {
    fn index(self) -> u32;
}

/// A small set of vocabulary values (filters a cue ignores, the scope of a
/// segment), one bit per value.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Bits<T> {
    bits: u16,
    of: std::marker::PhantomData<T>,
}

impl<T: Member> Bits<T> {
    pub const fn empty() -> Bits<T> {
        Bits { bits: 0, of: std::marker::PhantomData }
    }
    pub fn insert(&mut self, x: T) {
        self.bits |= 1 << x.index();
    }
    pub fn contains(self, x: T) -> bool {
        self.bits & (1 << x.index()) != 0
    }
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }
}

impl<T: Member> FromIterator<T> for Bits<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Bits<T> {
        let mut b = Bits::empty();
        for x in iter {
            b.insert(x);
        }
        b
    }
}

impl<T: Member + std::fmt::Debug> std::fmt::Debug for Bits<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Bits({:#b})", self.bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_bits() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.as_str()), Some(*f));
        }
        for f in Filter::ALL {
            assert_eq!(Filter::parse(f.as_str()), Some(*f));
        }
        for s in ScopeId::ALL {
            assert_eq!(ScopeId::parse(s.as_str()), Some(*s));
        }
        assert_eq!(SCOPE_NAMES.len(), ScopeId::ALL.len());
        assert_eq!(Field::parse("attack"), None);
        let b: Bits<Filter> = [Filter::Advice, Filter::Context].into_iter().collect();
        assert!(b.contains(Filter::Advice) && b.contains(Filter::Context) && !b.contains(Filter::Negation));
        assert!(Bits::<ScopeId>::empty().is_empty());
        assert_eq!(Field::names(), "attack_types, data_categories, reported_to, leak_status, operational, organization, scope");
    }
}
