//! [`ImportSkip`]: why nothing is imported.

use core::fmt;

/// Why [`import`](crate::import) or [`import_header`](crate::import_header)
/// imported nothing (`docs/FORMAT.md` §13, "Skipping"). Not an error of the
/// caller's: the visitor is simply asked, as if the tool had never run.
///
/// ```
/// # #[cfg(feature = "json-text")] {
/// use cookieprefs::{import, Date, ImportOptions, ImportSource, Policy};
/// let skip = import(ImportSource::Cookiebot, "-1", &Policy::default(), Date::EPOCH, &ImportOptions::new()).unwrap_err();
/// assert_eq!(skip.kind(), "implied_consent");
/// assert_eq!(skip.to_string(), "the source recorded implied consent (no explicit answer)");
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportSkip {
    /// No cookie of the source (or an empty value).
    NotFound,
    /// The value is longer than [`MAX_IMPORT_VALUE_LEN`](crate::MAX_IMPORT_VALUE_LEN).
    TooLong {
        /// The value's length in bytes.
        len: usize,
    },
    /// The value is not in the source's format.
    Malformed {
        /// What is wrong, briefly.
        reason: &'static str,
    },
    /// The source holds no answer: every tarteaucitron service `wait`,
    /// GOV.UK's all-false default without `cookies_preferences_set=true`,
    /// OneTrust before any interaction.
    NotAnswered,
    /// Cookiebot's implied consent (`stamp:'-1'`, `method:'implied'`, a
    /// bare `-1`).
    ImpliedConsent,
    /// OneTrust waits for the visitor to consent again (`AwaitingReconsent=true`).
    AwaitingReconsent,
    /// A GOV.UK Design System cookie older than the current version.
    OutdatedVersion,
    /// A GPP string without an EU TCF v2 section.
    NoTcfSection,
    /// A decision date before 2020-01-01 or after tomorrow.
    DateOutOfRange,
    /// No answer of the source maps to a category the policy offers.
    NothingMapped {
        /// The items no mapping covers, as in [`Imported::unmapped`](crate::Imported::unmapped).
        unmapped: Vec<String>,
    },
    /// Every imported answer is already past the policy's max age.
    Expired,
}

impl ImportSkip {
    pub(crate) fn malformed(reason: &'static str) -> ImportSkip {
        ImportSkip::Malformed { reason }
    }

    /// The stable snake_case name of the reason, as in the shared vectors.
    pub fn kind(&self) -> &'static str {
        match self {
            ImportSkip::NotFound => "not_found",
            ImportSkip::TooLong { .. } => "too_long",
            ImportSkip::Malformed { .. } => "malformed",
            ImportSkip::NotAnswered => "not_answered",
            ImportSkip::ImpliedConsent => "implied_consent",
            ImportSkip::AwaitingReconsent => "awaiting_reconsent",
            ImportSkip::OutdatedVersion => "outdated_version",
            ImportSkip::NoTcfSection => "no_tcf_section",
            ImportSkip::DateOutOfRange => "date_out_of_range",
            ImportSkip::NothingMapped { .. } => "nothing_mapped",
            ImportSkip::Expired => "expired",
        }
    }

    /// Every kind [`ImportSkip::kind`] can return.
    pub const KINDS: &'static [&'static str] = &[
        "not_found",
        "too_long",
        "malformed",
        "not_answered",
        "implied_consent",
        "awaiting_reconsent",
        "outdated_version",
        "no_tcf_section",
        "date_out_of_range",
        "nothing_mapped",
        "expired",
    ];
}

impl fmt::Display for ImportSkip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportSkip::NotFound => f.write_str("no consent cookie of a known tool (or an empty value)"),
            ImportSkip::TooLong { len } => write!(
                f,
                "value is {len} bytes long, the limit is {}",
                super::MAX_IMPORT_VALUE_LEN
            ),
            ImportSkip::Malformed { reason } => write!(f, "not the source's format: {reason}"),
            ImportSkip::NotAnswered => f.write_str("the source holds no answer"),
            ImportSkip::ImpliedConsent => {
                f.write_str("the source recorded implied consent (no explicit answer)")
            }
            ImportSkip::AwaitingReconsent => f.write_str("the source waits for the visitor to consent again"),
            ImportSkip::OutdatedVersion => f.write_str("the source's cookie is of an outdated version"),
            ImportSkip::NoTcfSection => f.write_str("the GPP string has no EU TCF v2 section"),
            ImportSkip::DateOutOfRange => {
                f.write_str("a decision date is before 2020-01-01 or after tomorrow")
            }
            ImportSkip::NothingMapped { unmapped } if unmapped.is_empty() => {
                f.write_str("no answer maps to a category the policy offers")
            }
            ImportSkip::NothingMapped { unmapped } => write!(
                f,
                "no answer maps to a category the policy offers (unmapped: {})",
                unmapped.join(", ")
            ),
            ImportSkip::Expired => f.write_str("every answer is past the policy's max age"),
        }
    }
}

impl std::error::Error for ImportSkip {}
