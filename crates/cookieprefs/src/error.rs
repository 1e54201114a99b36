//! The one error type of the crate.

use crate::hint::{CharacterAdvice, ShowByte, VersionAdvice};
use crate::quote::Quoted;
use crate::{Date, InputHint};

/// Everything that can go wrong in cookieprefs.
///
/// Each variant says what was wrong and where. Messages are short, lowercase
/// and stable; [`Error::kind`] gives a stable snake_case name for each variant,
/// the one used by the shared test vectors, the C status codes and the Python
/// exception classes.
///
/// Decoding errors never allocate: only the variants that carry a `String`
/// (policy and text-parsing errors) do.
///
/// ```
/// let err = cookieprefs::decode("B@").unwrap_err();
/// assert_eq!(err.kind(), "invalid_character");
/// assert_eq!(err.to_string(), "invalid character '@' (0x40) at offset 1: only A-Z a-z 0-9 - _ are allowed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The value is the empty string.
    #[error("empty value")]
    Empty,
    /// The value is longer than [`crate::MAX_ENCODED_LEN`] characters; nothing else was looked at.
    #[error("value is {len} characters long, the limit is {max}")]
    TooLong {
        /// Length of the input in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A byte outside the base64url alphabet (`A-Z a-z 0-9 - _`); `=` padding is not allowed.
    #[error(
        "invalid character {} at offset {offset}: only A-Z a-z 0-9 - _ are allowed{}",
        ShowByte(*.byte),
        CharacterAdvice(*.hint)
    )]
    InvalidCharacter {
        /// Offset of the first bad byte.
        offset: usize,
        /// The bad byte.
        byte: u8,
        /// What the whole input looks like (for the message only).
        hint: InputHint,
    },
    /// The first character names a format version this library does not read.
    #[error("unsupported format version {version}{}", VersionAdvice(*.hint))]
    UnsupportedVersion {
        /// The version found.
        version: u8,
        /// What the whole input looks like (for the message only);
        /// [`InputHint::None`] when the version comes from JSON.
        hint: InputHint,
    },
    /// The value ends before the fields it announces.
    #[error("truncated value: {len} characters, {expected} needed")]
    Truncated {
        /// Length of the input.
        len: usize,
        /// Length the fields need.
        expected: usize,
    },
    /// The value goes on after its last field.
    #[error("trailing data: {len} characters, the fields take exactly {expected}")]
    TrailingData {
        /// Length of the input.
        len: usize,
        /// Length the fields take.
        expected: usize,
    },
    /// One of the three reserved flag bits (bits 9 to 11) is set.
    #[error("reserved flag bits set: {bits:#05b} at bits 9-11")]
    ReservedBits {
        /// The three reserved bits as found.
        bits: u8,
    },
    /// The unused low bits of the last character are not zero.
    #[error("non-zero padding bits in the last character (offset {offset})")]
    NonZeroPadding {
        /// Offset of the last character.
        offset: usize,
    },
    /// A category slot holds the invalid state `0b11`.
    #[error("invalid state 0b11 in the slot of category {category}")]
    InvalidState {
        /// Id of the category whose slot is invalid.
        category: u8,
    },
    /// The slot count is not minimal: the last slot is `not_asked`.
    #[error("non-canonical slot count {count}: the last slot (category {count}) is not_asked")]
    NonMinimalSlots {
        /// The slot count found.
        count: u8,
    },
    /// The `updated` date is before the `created` date.
    #[error("dates out of order: updated {updated} is before created {created}")]
    DatesOutOfOrder {
        /// The created date.
        created: Date,
        /// The updated date.
        updated: Date,
    },
    /// A stored date is later than today plus one day of clock skew.
    #[error("date {date} is in the future (today is {today})")]
    DateInFuture {
        /// The offending date.
        date: Date,
        /// The evaluation's today.
        today: Date,
    },
    /// The caller's buffer cannot hold the output.
    #[error("buffer too small: {needed} bytes needed, {len} given")]
    BufferTooSmall {
        /// Bytes needed.
        needed: usize,
        /// Bytes given.
        len: usize,
    },
    /// A category id outside `0..=63`.
    #[error("category id {id} out of range 0..=63")]
    InvalidCategory {
        /// The id given (saturated to the `i64` range).
        id: i64,
    },
    /// A category name that is neither standard nor defined by the policy.
    #[error("unknown category {}{hint}", Quoted(name), hint = crate::category::did_you_mean(name))]
    UnknownCategory {
        /// The name given.
        name: String,
    },
    /// An attempt to store a state for `necessary` (id 0), which is implicit.
    #[error("the necessary category (id 0) is always granted and never stored")]
    NecessaryNotStored,
    /// A policy revision outside `0..=4095`.
    #[error("revision {revision} out of range 0..=4095")]
    RevisionOutOfRange {
        /// The revision given (negative ones come from JSON).
        revision: i64,
    },
    /// A date outside the encodable range `2020-01-01..=2199-06-06`.
    #[error("date {year:04}-{month:02}-{day:02} out of range 2020-01-01..=2199-06-06")]
    DateOutOfRange {
        /// Year.
        year: i64,
        /// Month.
        month: u32,
        /// Day.
        day: u32,
    },
    /// Text that is not a valid `YYYY-MM-DD` calendar date.
    #[error("invalid date {}: expected YYYY-MM-DD", Quoted(text))]
    InvalidDate {
        /// The text given.
        text: String,
    },
    /// Text that is not a UUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hex).
    #[error(
        "invalid consent id {}: expected a UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8",
        Quoted(text)
    )]
    InvalidConsentId {
        /// The text given.
        text: String,
    },
    /// An unknown name for a state, method, consent type or other keyword.
    #[error("unknown {what} {}{hint}", Quoted(name), hint = expected_names(what))]
    UnknownName {
        /// What kind of name was expected (`"state"`, `"method"`, ...).
        what: &'static str,
        /// The name given.
        name: String,
    },
    /// A policy that breaks a rule (the reason says which).
    #[error("invalid policy: {reason}")]
    InvalidPolicy {
        /// What is wrong with the policy.
        reason: String,
    },
    /// A valid category that the policy does not offer, where an offered one
    /// is needed (a choice, a GPC category, a Consent Mode mapping).
    #[error("category {} is not offered by the policy", Quoted(name))]
    CategoryNotOffered {
        /// The category as it was referred to.
        name: String,
    },
    /// A stored value saved under a policy revision later than the site's
    /// current one: it cannot have been given under this policy.
    #[error("value saved under policy revision {revision}, after the current revision {current}")]
    RevisionInFuture {
        /// The value's revision.
        revision: u16,
        /// The policy's current revision.
        current: u16,
    },
    /// Text that is not JSON, or JSON of the wrong shape (a wrong type, a
    /// missing or unknown field, a duplicate key); `path` says where.
    #[error("{path}: {reason}")]
    InvalidJson {
        /// Where: a key path such as `categories[1].name`, or `line 3 column 5`.
        path: String,
        /// What is wrong there.
        reason: String,
    },
}

/// [`Error::VALUE_KINDS`]: the first 12 kinds (decoding, then
/// `date_in_future`) and `revision_in_future`, taken from [`Error::KINDS`].
const VALUE_KINDS: [&str; 13] = {
    let mut kinds = [""; 13];
    let mut i = 0;
    while i < 12 {
        kinds[i] = Error::KINDS[i];
        i += 1;
    }
    kinds[12] = Error::KINDS[Error::KINDS.len() - 1];
    kinds
};

/// `"; expected a, b or c"` for the keyword kinds whose names are fixed.
fn expected_names(what: &str) -> String {
    let names: Vec<&str> = match what {
        "state" => [
            crate::State::NotAsked,
            crate::State::Denied,
            crate::State::Granted,
        ]
        .map(crate::State::as_str)
        .to_vec(),
        "method" => crate::Method::ALL.map(crate::Method::as_str).to_vec(),
        "consent type" => crate::ConsentType::ALL.map(crate::ConsentType::as_str).to_vec(),
        "same_site value" => vec!["lax", "strict", "none"],
        "undeclared setting" => vec!["allow", "block"],
        "page format" => crate::PageFormat::ALL.map(crate::PageFormat::as_str).to_vec(),
        _ => return String::new(),
    };
    match names.split_last() {
        Some((last, rest)) => format!("; expected {} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl Error {
    /// The stable snake_case name of this variant, as used by the shared
    /// vectors (`tests/vectors/`), the C status names and the Python exceptions.
    ///
    /// ```
    /// assert_eq!(cookieprefs::decode("").unwrap_err().kind(), "empty");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Empty => "empty",
            Error::TooLong { .. } => "too_long",
            Error::InvalidCharacter { .. } => "invalid_character",
            Error::UnsupportedVersion { .. } => "unsupported_version",
            Error::Truncated { .. } => "truncated",
            Error::TrailingData { .. } => "trailing_data",
            Error::ReservedBits { .. } => "reserved_bits",
            Error::NonZeroPadding { .. } => "non_zero_padding",
            Error::InvalidState { .. } => "invalid_state",
            Error::NonMinimalSlots { .. } => "non_minimal_slots",
            Error::DatesOutOfOrder { .. } => "dates_out_of_order",
            Error::DateInFuture { .. } => "date_in_future",
            Error::BufferTooSmall { .. } => "buffer_too_small",
            Error::InvalidCategory { .. } => "invalid_category",
            Error::UnknownCategory { .. } => "unknown_category",
            Error::NecessaryNotStored => "necessary_not_stored",
            Error::RevisionOutOfRange { .. } => "revision_out_of_range",
            Error::DateOutOfRange { .. } => "date_out_of_range",
            Error::InvalidDate { .. } => "invalid_date",
            Error::InvalidConsentId { .. } => "invalid_consent_id",
            Error::UnknownName { .. } => "unknown_name",
            Error::InvalidPolicy { .. } => "invalid_policy",
            Error::CategoryNotOffered { .. } => "category_not_offered",
            Error::InvalidJson { .. } => "invalid_json",
            Error::RevisionInFuture { .. } => "revision_in_future",
        }
    }

    /// Every kind name [`Error::kind`] can return, in declaration order.
    pub const KINDS: &'static [&'static str] = &[
        "empty",
        "too_long",
        "invalid_character",
        "unsupported_version",
        "truncated",
        "trailing_data",
        "reserved_bits",
        "non_zero_padding",
        "invalid_state",
        "non_minimal_slots",
        "dates_out_of_order",
        "date_in_future",
        "buffer_too_small",
        "invalid_category",
        "unknown_category",
        "necessary_not_stored",
        "revision_out_of_range",
        "date_out_of_range",
        "invalid_date",
        "invalid_consent_id",
        "unknown_name",
        "invalid_policy",
        "category_not_offered",
        "invalid_json",
        "revision_in_future",
    ];

    /// The kinds [`decode`](crate::decode) can return, in the order its
    /// checks run: the first 11 of [`Error::KINDS`].
    ///
    /// ```
    /// assert_eq!(cookieprefs::Error::DECODE_KINDS.last(), Some(&"dates_out_of_order"));
    /// ```
    pub const DECODE_KINDS: &'static [&'static str] = Self::KINDS.split_at(11).0;

    /// The kinds of [`Error::is_value_error`]: the decode kinds, then the
    /// evaluation's `date_in_future` and `revision_in_future`.
    ///
    /// ```
    /// assert_eq!(cookieprefs::Error::VALUE_KINDS.last(), Some(&"revision_in_future"));
    /// ```
    pub const VALUE_KINDS: &'static [&'static str] = &VALUE_KINDS;

    /// True for the errors a reader gets from a bad cookie value (decoding, a
    /// date or revision in the future), as opposed to errors in the caller's
    /// own input.
    pub fn is_value_error(&self) -> bool {
        Self::VALUE_KINDS.contains(&self.kind())
    }
}

#[cfg(test)]
mod tests {
    use super::Error;

    /// The value kinds are the decode kinds and the two evaluation checks of
    /// rule 1: a kind appended to `Error::KINDS` must not slip in.
    #[test]
    fn value_kinds_are_decoding_and_rule_1() {
        let mut want = Error::DECODE_KINDS.to_vec();
        want.extend(["date_in_future", "revision_in_future"]);
        assert_eq!(Error::VALUE_KINDS, want);
    }
}
