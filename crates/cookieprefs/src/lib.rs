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
//! - `json` (default): [`Policy::from_json`] and friends (adds `serde_json`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod bits;
mod category;
mod consent_id;
mod consent_mode;
mod cookie_header;
mod date;
mod decode;
mod encode;
mod error;
mod evaluation;
mod hint;
#[cfg(feature = "serde")]
mod json;
#[cfg(feature = "serde")]
mod json_read;
#[cfg(feature = "serde")]
mod json_tree;
mod layout;
mod method;
mod policy;
mod policy_builder;
mod preferences;

pub use category::{Category, State};
pub use consent_id::ConsentId;
pub use consent_mode::{ConsentMode, ConsentType};
pub use cookie_header::{
    cookie_value, find_cookie, find_cookies, header_stored_state, CookieAttributes, CookieValues, SameSite,
};
pub use date::Date;
pub use decode::decode;
pub use error::Error;
pub use evaluation::{BannerReason, Evaluation, CLOCK_SKEW_DAYS};
pub use hint::InputHint;
pub use method::Method;
pub use policy::{Policy, PolicyCategory, DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS, MAX_AGE_CEILING_DAYS};
pub use policy_builder::PolicyBuilder;
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
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// This crate's own README (its page in the registry), compiled and run.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct CrateReadmeDoctests;
