//! Google Consent Mode v2: the seven consent types and their state.

use core::fmt;
use core::str::FromStr;

use crate::Error;

/// One of the seven Google Consent Mode v2 consent types.
///
/// ```
/// use cookieprefs::ConsentType;
/// assert_eq!(ConsentType::AnalyticsStorage.as_str(), "analytics_storage");
/// assert_eq!("ad_user_data".parse::<ConsentType>()?, ConsentType::AdUserData);
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum ConsentType {
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

impl ConsentType {
    /// All seven, in the order used for output.
    pub const ALL: [ConsentType; 7] = [
        ConsentType::AdStorage,
        ConsentType::AdUserData,
        ConsentType::AdPersonalization,
        ConsentType::AnalyticsStorage,
        ConsentType::FunctionalityStorage,
        ConsentType::PersonalizationStorage,
        ConsentType::SecurityStorage,
    ];

    /// The name Google's `gtag('consent', …)` API uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            ConsentType::AdStorage => "ad_storage",
            ConsentType::AdUserData => "ad_user_data",
            ConsentType::AdPersonalization => "ad_personalization",
            ConsentType::AnalyticsStorage => "analytics_storage",
            ConsentType::FunctionalityStorage => "functionality_storage",
            ConsentType::PersonalizationStorage => "personalization_storage",
            ConsentType::SecurityStorage => "security_storage",
        }
    }
}

impl fmt::Display for ConsentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ConsentType {
    type Err = Error;
    fn from_str(s: &str) -> Result<ConsentType, Error> {
        ConsentType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| Error::UnknownName {
                what: "consent type",
                name: s.chars().take(64).collect(),
            })
    }
}

/// The Consent Mode state: granted or denied for each of the seven types.
///
/// ```
/// use cookieprefs::{ConsentMode, ConsentType};
/// let mode = ConsentMode::all_denied();
/// assert!(!mode.is_granted(ConsentType::AdStorage));
/// assert!(mode.to_json().starts_with(r#"{"ad_storage":"denied","#));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ConsentMode {
    granted: u8,
}

impl ConsentMode {
    /// Every type denied.
    pub const fn all_denied() -> ConsentMode {
        ConsentMode { granted: 0 }
    }

    /// Whether a type is granted.
    pub const fn is_granted(self, t: ConsentType) -> bool {
        self.granted & (1 << t as u8) != 0
    }

    /// Sets one type.
    pub fn set(&mut self, t: ConsentType, granted: bool) {
        if granted {
            self.granted |= 1 << t as u8;
        } else {
            self.granted &= !(1 << t as u8);
        }
    }

    /// Each type with `"granted"` or `"denied"`, in [`ConsentType::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = (ConsentType, &'static str)> {
        ConsentType::ALL
            .into_iter()
            .map(move |t| (t, if self.is_granted(t) { "granted" } else { "denied" }))
    }

    /// The JSON object `gtag('consent', 'update', …)` takes, e.g.
    /// `{"ad_storage":"denied",…,"security_storage":"granted"}`.
    pub fn to_json(self) -> String {
        let mut s = String::with_capacity(220);
        s.push('{');
        for (i, (t, v)) in self.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            s.push('"');
            s.push_str(t.as_str());
            s.push_str("\":\"");
            s.push_str(v);
            s.push('"');
        }
        s.push('}');
        s
    }
}

#[cfg(all(test, feature = "serde", feature = "json-text"))]
mod tests {
    use super::*;

    /// `to_json` is the one text of the state; the serde form must say the same.
    #[test]
    fn serde_form_is_to_json() {
        for bits in 0..128u8 {
            let mut mode = ConsentMode::all_denied();
            for t in ConsentType::ALL {
                mode.set(t, bits & (1 << t as u8) != 0);
            }
            assert_eq!(serde_json::to_string(&mode).unwrap(), mode.to_json());
        }
    }
}
