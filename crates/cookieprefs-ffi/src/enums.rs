//! The small C enums and their conversions. C passes an enum as a plain
//! integer, so every value from C is checked against the core's own codes:
//! a bad one is `UNKNOWN_NAME`, never undefined behaviour.

use cookieprefs::{BannerReason, Category, ConsentType, Error, Method, PageFormat, State};

use crate::boundary::Outcome;

/// The state of a category.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_state {
    /// Never asked, or the answer no longer counts.
    NotAsked = 0,
    /// Refused.
    Denied = 1,
    /// Accepted.
    Granted = 2,
}

/// How the choice was made.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_method {
    /// The cookie banner.
    Banner = 0,
    /// The preferences page.
    PreferencesPage = 1,
    /// A browser signal such as GPC.
    BrowserSignal = 2,
    /// Imported from another tool.
    Imported = 3,
}

/// Why the banner must be shown.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_banner_reason {
    /// The banner need not be shown.
    None = 0,
    /// No cookie.
    NoChoice = 1,
    /// The cookie was rejected (see `cookieprefs_evaluation_value_status`).
    InvalidValue = 2,
    /// Stored answers are past their max age.
    Expired = 3,
    /// Stored answers predate a category's `since_revision`.
    PolicyUpdated = 4,
    /// An offered category was never answered.
    NewCategory = 5,
}

/// The seven Google Consent Mode v2 types.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_consent_type {
    /// `ad_storage`
    AdStorage = 0,
    /// `ad_user_data`
    AdUserData = 1,
    /// `ad_personalization`
    AdPersonalization = 2,
    /// `analytics_storage`
    AnalyticsStorage = 3,
    /// `functionality_storage`
    FunctionalityStorage = 4,
    /// `personalization_storage`
    PersonalizationStorage = 5,
    /// `security_storage`
    SecurityStorage = 6,
}

/// Which text of a category `cookieprefs_policy_category_text` gives.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_category_text {
    /// The label (`Statistiques`); the category's name when no text has one.
    Label = 0,
    /// The description; empty when no text has one.
    Description = 1,
}

/// Which field of a declared cookie `cookieprefs_policy_cookie_text` gives.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_cookie_field {
    /// The name as declared: exact (`sessionid`) or a prefix pattern (`_pk_id.*`).
    Name = 0,
    /// Who sets the cookie (in the language).
    Provider = 1,
    /// The service and where it runs (in the language).
    Service = 2,
    /// Why it is set (in the language).
    Purpose = 3,
    /// How long it is kept, as the policy page writes it (`14 jours`,
    /// `Browser session`, `Not stated`).
    Retention = 4,
    /// The declared `Domain`; empty when none is declared.
    Domain = 5,
    /// The declared `Path` (`/` unless declared).
    Path = 6,
}

/// How `cookieprefs_policy_page` writes the cookie policy page.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_page_format {
    /// Markdown (CommonMark with pipe tables).
    Markdown = 0,
    /// An HTML fragment to embed under the page's own `<h1>`.
    Html = 1,
    /// A whole HTML document.
    HtmlDocument = 2,
}

// The C codes are the core's codes.
const _: () = {
    assert!(cookieprefs_state::NotAsked as u8 == State::NotAsked as u8);
    assert!(cookieprefs_state::Denied as u8 == State::Denied as u8);
    assert!(cookieprefs_state::Granted as u8 == State::Granted as u8);
    assert!(cookieprefs_method::Banner as u8 == Method::Banner as u8);
    assert!(cookieprefs_method::PreferencesPage as u8 == Method::PreferencesPage as u8);
    assert!(cookieprefs_method::BrowserSignal as u8 == Method::BrowserSignal as u8);
    assert!(cookieprefs_method::Imported as u8 == Method::Imported as u8);
    assert!(ConsentType::ALL.len() == cookieprefs_consent_type::SecurityStorage as usize + 1);
    assert!(PageFormat::ALL.len() == cookieprefs_page_format::HtmlDocument as usize + 1);
    assert!(matches!(
        PageFormat::ALL[cookieprefs_page_format::Markdown as usize],
        PageFormat::Markdown
    ));
    assert!(matches!(
        PageFormat::ALL[cookieprefs_page_format::Html as usize],
        PageFormat::Html
    ));
    assert!(matches!(
        PageFormat::ALL[cookieprefs_page_format::HtmlDocument as usize],
        PageFormat::HtmlDocument
    ));
};

/// A category id from C, checked by the core.
pub(crate) fn category(id: u8) -> Outcome<Category> {
    Ok(Category::new(id)?)
}

/// A state from C, checked by the core's `State::from_code`.
pub(crate) fn state_of(code: u32) -> Outcome<State> {
    u8::try_from(code)
        .ok()
        .and_then(State::from_code)
        .ok_or_else(|| unknown("state", code))
}

/// A method from C. The core's `Method::from_code` reads the low two bits of
/// any byte; a code is valid when it survives the round trip through it.
pub(crate) fn method_of(code: u32) -> Outcome<Method> {
    u8::try_from(code)
        .ok()
        .and_then(|c| Method::try_from(c).ok())
        .ok_or_else(|| unknown("method", code))
}

/// A Consent Mode type from C: an index into the core's `ConsentType::ALL`.
pub(crate) fn consent_type_of(code: u32) -> Outcome<ConsentType> {
    usize::try_from(code)
        .ok()
        .and_then(|i| ConsentType::ALL.get(i).copied())
        .ok_or_else(|| unknown("consent type", code))
}

/// Which text of a category, from C.
pub(crate) fn category_text_of(code: u32) -> Outcome<cookieprefs_category_text> {
    match code {
        0 => Ok(cookieprefs_category_text::Label),
        1 => Ok(cookieprefs_category_text::Description),
        _ => Err(unknown("category text", code)),
    }
}

/// A field of a declared cookie, from C.
pub(crate) fn cookie_field_of(code: u32) -> Outcome<cookieprefs_cookie_field> {
    use cookieprefs_cookie_field as F;
    const ALL: [F; 7] = [
        F::Name,
        F::Provider,
        F::Service,
        F::Purpose,
        F::Retention,
        F::Domain,
        F::Path,
    ];
    usize::try_from(code)
        .ok()
        .and_then(|i| ALL.get(i).copied())
        .ok_or_else(|| unknown("cookie field", code))
}

/// A page format from C: an index into the core's `PageFormat::ALL`.
pub(crate) fn page_format_of(code: u32) -> Outcome<PageFormat> {
    usize::try_from(code)
        .ok()
        .and_then(|i| PageFormat::ALL.get(i).copied())
        .ok_or_else(|| unknown("page format", code))
}

/// The core's error for an enum value out of range.
fn unknown(what: &'static str, code: u32) -> crate::boundary::Fail {
    Error::UnknownName {
        what,
        name: code.to_string(),
    }
    .into()
}

pub(crate) fn c_state(s: State) -> cookieprefs_state {
    match s {
        State::NotAsked => cookieprefs_state::NotAsked,
        State::Denied => cookieprefs_state::Denied,
        State::Granted => cookieprefs_state::Granted,
    }
}

pub(crate) fn c_method(m: Method) -> cookieprefs_method {
    match m {
        Method::Banner => cookieprefs_method::Banner,
        Method::PreferencesPage => cookieprefs_method::PreferencesPage,
        Method::BrowserSignal => cookieprefs_method::BrowserSignal,
        Method::Imported => cookieprefs_method::Imported,
    }
}

pub(crate) fn c_banner_reason(r: Option<BannerReason>) -> cookieprefs_banner_reason {
    match r {
        None => cookieprefs_banner_reason::None,
        Some(BannerReason::NoChoice) => cookieprefs_banner_reason::NoChoice,
        Some(BannerReason::InvalidValue) => cookieprefs_banner_reason::InvalidValue,
        Some(BannerReason::Expired) => cookieprefs_banner_reason::Expired,
        Some(BannerReason::PolicyUpdated) => cookieprefs_banner_reason::PolicyUpdated,
        Some(BannerReason::NewCategory) => cookieprefs_banner_reason::NewCategory,
    }
}
