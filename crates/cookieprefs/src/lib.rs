//! # cookieprefs
//!
//! The `cookies_preferences` consent cookie: a compact, versioned, canonical
//! encoding of a visitor's cookie choices, and the rules a server applies to
//! it (policy revision, expiry, Global Privacy Control, Google Consent Mode).
//!
//! A typical value — three optional categories answered under policy
//! revision 3 — is 12 characters of base64url (`BAADCdcJ1w5Q`), needs no
//! quoting in any cookie library, and decodes to exactly one value. The
//! normative spec is `docs/FORMAT.md` in the repository.
//!
//! ```
//! use cookieprefs::{Category, Date, Policy, Preferences};
//!
//! let today = Date::from_ymd(2026, 11, 24)?;
//!
//! // Write: what the banner's "save" does.
//! let prefs = Preferences::builder(today)
//!     .revision(3)
//!     .grant(Category::STATISTICS)
//!     .deny(Category::FIRST_PARTY)
//!     .deny(Category::THIRD_PARTY)
//!     .build()?;
//! assert_eq!(prefs.encode(), "BAADCdcJ1w5Q");
//!
//! // Read: what the server does on every request.
//! let policy = Policy::builder().revision(3).standard_categories().build()?;
//! let ev = policy.evaluate_header(Some(b"sessionid=x; cookies_preferences=BAADCdcJ1w5Q"), today, false);
//! assert!(!ev.needs_banner());
//! assert!(ev.allowed(Category::STATISTICS));
//! assert!(!ev.allowed(Category::THIRD_PARTY));
//! # Ok::<(), cookieprefs::Error>(())
//! ```
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for the JSON form of
//!   [`Preferences`], [`Evaluation`], [`Policy`] and the small types.
//! - `json-text`: [`Policy::from_json`] / [`Policy::to_json`],
//!   [`Preferences::from_json`] / [`Preferences::to_json`],
//!   [`Evaluation::to_json`] and the importers ([`import`],
//!   [`import_header`]), with the crate's own strict RFC 8259 JSON reader
//!   and writer: no dependency.
//! - `json` (default): `json-text` and `serde` together.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod answering;
mod bits;
mod bytes;
mod category;
mod consent_id;
mod consent_mode;
mod cookie_header;
mod cookie_inventory;
mod date;
mod decode;
mod default_texts;
mod encode;
mod enforcement;
mod error;
mod evaluation;
mod hint;
mod import;
#[cfg(any(feature = "serde", feature = "json-text"))]
mod json;
#[cfg(any(feature = "serde", feature = "json-text"))]
mod json_read;
#[cfg(any(feature = "serde", feature = "json-text"))]
mod json_text;
#[cfg(any(feature = "serde", feature = "json-text"))]
mod json_tree;
mod language;
mod layout;
mod method;
mod policy;
mod policy_builder;
mod policy_compact;
mod policy_declaration;
mod policy_page;
mod policy_texts;
mod preferences;
mod quote;
mod sort;

pub use category::{Category, State};
pub use consent_id::ConsentId;
pub use consent_mode::{ConsentMode, ConsentType};
pub use cookie_header::{
    cookie_value, find_cookie, find_cookies, header_stored_state, CookieAttributes, CookieValues, SameSite,
};
pub use cookie_inventory::{
    DeclaredCookie, Retention, Undeclared, MAX_COOKIE_NAME_LEN, MAX_DECLARED_COOKIES, MAX_RETENTION_DAYS,
};
pub use date::Date;
pub use decode::decode;
pub use enforcement::{set_cookie_name, CookieToClear, CookiesToClear};
pub use error::Error;
pub use evaluation::{BannerReason, Evaluation, CLOCK_SKEW_DAYS};
pub use hint::InputHint;
#[cfg(feature = "json-text")]
pub use import::{import, import_header};
pub use import::{
    ImportOptions, ImportSkip, ImportSource, ImportTable, Imported, SourceCookie, MAX_IMPORT_ENTRIES,
    MAX_IMPORT_ITEM_LEN, MAX_IMPORT_VALUE_LEN, MAX_TCF_PURPOSE,
};
pub use language::{Text, MAX_LANGUAGES, MAX_TEXT_LEN};
pub use method::Method;
pub use policy::{Policy, PolicyCategory, DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS, MAX_AGE_CEILING_DAYS};
pub use policy_builder::PolicyBuilder;
pub use policy_compact::COMPACT_POLICY_TAG;
pub use policy_page::PageFormat;
pub use policy_texts::PolicyTexts;
pub use preferences::{Preferences, PreferencesBuilder, MAX_REVISION};

/// The old name of [`PreferencesBuilder`].
#[deprecated(since = "0.2.0", note = "renamed to PreferencesBuilder")]
pub type Builder = PreferencesBuilder;

/// The format version this library writes (and the newest it reads).
pub const FORMAT_VERSION: u8 = 1;

/// The longest input [`decode`] looks at; anything longer is
/// [`Error::TooLong`] before any other work. The longest v1 value is 53
/// characters; the rest is room for later versions.
pub const MAX_ENCODED_LEN: usize = 64;

/// Encodes a value; same as [`Preferences::encode`].
///
/// ```
/// # use cookieprefs::{Preferences, Date};
/// let p = Preferences::builder(Date::EPOCH).build()?;
/// assert_eq!(cookieprefs::encode(&p), "BAAAAAAAAAA");
/// # Ok::<(), cookieprefs::Error>(())
/// ```
pub fn encode(prefs: &Preferences) -> String {
    prefs.encode()
}

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../../../README.md")]
#[cfg(all(doctest, feature = "json"))]
pub struct ReadmeDoctests;

/// This crate's own README (its page in the registry), compiled and run.
#[doc = include_str!("../README.md")]
#[cfg(all(doctest, feature = "json"))]
pub struct CrateReadmeDoctests;
