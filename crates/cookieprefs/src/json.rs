//! serde support: the JSON form of values, policies and evaluations.
//!
//! Small types serialize as strings (`"2026-11-24"`, `"granted"`,
//! `"statistics"`, UUIDs); [`Preferences`], [`Policy`] and [`Evaluation`] as
//! objects described in `docs/FORMAT.md` §7. Deserializing checks every rule.

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{
    BannerReason, Category, ConsentId, ConsentMode, ConsentType, CookieAttributes, Date, Error, Evaluation,
    Method, Policy, Preferences, SameSite, State,
};

macro_rules! string_serde {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(D::Error::custom)
            }
        }
    )*};
}
string_serde!(Date, State, Method, ConsentId, ConsentType);

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Category {
    /// A standard name, a decimal id as a string, or an integer id.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Category, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr<'a> {
            Id(u32),
            Name(std::borrow::Cow<'a, str>),
        }
        match Repr::deserialize(d)? {
            Repr::Id(id) => u8::try_from(id)
                .ok()
                .and_then(|id| Category::new(id).ok())
                .ok_or_else(|| D::Error::custom(Error::InvalidCategory { id })),
            Repr::Name(n) => n.parse().map_err(D::Error::custom),
        }
    }
}

impl Serialize for BannerReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for SameSite {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SameSite {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SameSite, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        match s.to_ascii_lowercase().as_str() {
            "lax" => Ok(SameSite::Lax),
            "strict" => Ok(SameSite::Strict),
            "none" => Ok(SameSite::None),
            _ => Err(D::Error::custom(Error::UnknownName {
                what: "SameSite value",
                name: s.chars().take(64).collect(),
            })),
        }
    }
}

impl Serialize for ConsentMode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter().map(|(t, v)| (t.as_str(), v)))
    }
}

/// The JSON form of [`Preferences`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PreferencesJson {
    version: u8,
    revision: u32,
    created: Date,
    updated: Date,
    #[serde(default)]
    method: Method,
    #[serde(default)]
    consent_id: Option<ConsentId>,
    categories: BTreeMap<Category, State>,
}

impl Serialize for Preferences {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        PreferencesJson {
            version: self.version(),
            revision: u32::from(self.revision),
            created: self.created,
            updated: self.updated,
            method: self.method,
            consent_id: self.consent_id,
            categories: self.decided().collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Preferences {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Preferences, D::Error> {
        let j = PreferencesJson::deserialize(d)?;
        if j.version != crate::FORMAT_VERSION {
            return Err(D::Error::custom(Error::UnsupportedVersion {
                version: j.version,
                hint: crate::InputHint::None,
            }));
        }
        let mut b = Preferences::builder(j.created)
            .updated(j.updated)
            .revision(j.revision)
            .method(j.method)
            .consent_id(j.consent_id);
        for (c, st) in j.categories {
            b = b.set(c, st);
        }
        b.build().map_err(D::Error::custom)
    }
}

/// The JSON form of one offered category.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryJson {
    id: u8,
    name: String,
    #[serde(default)]
    since_revision: u16,
}

/// The JSON form of max ages.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MaxAgeJson {
    granted: u16,
    denied: u16,
}

/// The JSON form of the cookie attributes; every field optional.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct CookieJson {
    name: String,
    domain: Option<String>,
    path: String,
    secure: bool,
    http_only: bool,
    same_site: SameSite,
}

impl Default for CookieJson {
    fn default() -> CookieJson {
        CookieAttributes::default().into()
    }
}

impl From<CookieAttributes> for CookieJson {
    fn from(c: CookieAttributes) -> CookieJson {
        CookieJson {
            name: c.name,
            domain: c.domain,
            path: c.path,
            secure: c.secure,
            http_only: c.http_only,
            same_site: c.same_site,
        }
    }
}

impl From<CookieJson> for CookieAttributes {
    fn from(c: CookieJson) -> CookieAttributes {
        CookieAttributes {
            name: c.name,
            domain: c.domain,
            path: c.path,
            secure: c.secure,
            http_only: c.http_only,
            same_site: c.same_site,
        }
    }
}

/// The JSON form of [`Policy`]; everything but `revision` is optional.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyJson {
    revision: u32,
    #[serde(default)]
    categories: Option<Vec<CategoryJson>>,
    #[serde(default)]
    max_age_days: Option<MaxAgeJson>,
    #[serde(default)]
    gpc_categories: Option<Vec<String>>,
    #[serde(default)]
    cookie: Option<CookieJson>,
    #[serde(default)]
    consent_mode: Option<BTreeMap<ConsentType, String>>,
}

impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let i = &*self.inner;
        let name = |c: Category| self.name_of(c).map_or_else(|| c.to_string(), str::to_owned);
        PolicyJson {
            revision: u32::from(i.revision),
            categories: Some(
                i.categories
                    .iter()
                    .map(|c| CategoryJson {
                        id: c.category.id(),
                        name: c.name.clone(),
                        since_revision: c.since_revision,
                    })
                    .collect(),
            ),
            max_age_days: Some(MaxAgeJson {
                granted: i.max_age_granted,
                denied: i.max_age_denied,
            }),
            gpc_categories: Some(self.gpc_categories().map(name).collect()),
            cookie: Some(i.cookie.clone().into()),
            // A type left at a default category the policy does not offer is
            // always denied; written out it would not load back (an explicit
            // mapping must name an offered category), left out it keeps that default.
            consent_mode: Some(
                self.consent_mode_mapping()
                    .filter(|(_, c)| *c == Category::NECESSARY || self.offers(*c))
                    .map(|(t, c)| (t, name(c)))
                    .collect(),
            ),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Policy, D::Error> {
        policy_from_json_form(PolicyJson::deserialize(d)?).map_err(D::Error::custom)
    }
}

fn policy_from_json_form(j: PolicyJson) -> Result<Policy, Error> {
    let mut b = Policy::builder().revision(j.revision);
    match j.categories {
        None => b = b.standard_categories(),
        Some(cats) => {
            for c in cats {
                b = b.category(Category::new(c.id)?, &c.name, c.since_revision);
            }
        }
    }
    if let Some(m) = j.max_age_days {
        b = b.max_age_days(m.granted, m.denied);
    }
    if let Some(c) = j.cookie {
        b = b.cookie(c.into());
    }
    // Names in gpc_categories and consent_mode refer to the categories above.
    let names = b.clone().build()?;
    let resolve = |n: &str| {
        names.category(n).ok_or_else(|| Error::UnknownCategory {
            name: n.chars().take(64).collect(),
        })
    };
    if let Some(g) = j.gpc_categories {
        let cats = g.iter().map(|n| resolve(n)).collect::<Result<Vec<_>, _>>()?;
        b = b.gpc_categories(&cats);
    }
    if let Some(m) = j.consent_mode {
        for (t, n) in m {
            b = b.consent_mode(t, resolve(&n)?);
        }
    }
    b.build()
}

#[cfg(feature = "json")]
impl Policy {
    /// Loads a policy from its JSON form (`docs/FORMAT.md` §7); every field
    /// but `revision` is optional and unknown fields are refused.
    ///
    /// ```
    /// let policy = cookieprefs::Policy::from_json(r#"{
    ///     "revision": 3,
    ///     "categories": [
    ///         {"id": 1, "name": "statistics"},
    ///         {"id": 3, "name": "third_party", "since_revision": 3},
    ///         {"id": 16, "name": "youtube"}
    ///     ],
    ///     "gpc_categories": ["third_party", "youtube"]
    /// }"#)?;
    /// assert_eq!(policy.revision(), 3);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] for malformed JSON (the message says where),
    /// or the error of the rule the policy breaks.
    pub fn from_json(json: &str) -> Result<Policy, Error> {
        let j: PolicyJson = serde_json::from_str(json).map_err(|e| Error::InvalidPolicy {
            reason: e.to_string(),
        })?;
        policy_from_json_form(j)
    }

    /// The policy's JSON form, every field spelled out except Consent Mode
    /// types left at a default category the policy does not offer (always
    /// denied); the output loads back with [`Policy::from_json`].
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(feature = "json")]
impl Evaluation {
    /// The evaluation's JSON form (see its `Serialize` impl).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(feature = "json")]
impl Preferences {
    /// The value's JSON form, for people and logs.
    ///
    /// ```
    /// # use cookieprefs::decode;
    /// assert_eq!(decode("BAADCdcJ1w5Q")?.to_json(),
    ///   r#"{"version":1,"revision":3,"created":"2026-11-24","updated":"2026-11-24","method":"banner","consent_id":null,"categories":{"statistics":"granted","first_party":"denied","third_party":"denied"}}"#);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the JSON form back; every rule is checked.
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] is not used here: malformed JSON gives
    /// [`Error::UnknownName`] with `what = "preferences JSON"`, broken rules their own error.
    pub fn from_json(json: &str) -> Result<Preferences, Error> {
        serde_json::from_str(json).map_err(|e| Error::UnknownName {
            what: "preferences JSON",
            name: e.to_string(),
        })
    }
}

#[derive(Serialize)]
struct ErrorJson {
    kind: &'static str,
    message: String,
}

/// Categories in policy order (a JSON object whose keys keep that order).
struct OrderedStates<'a>(Vec<(&'a str, State)>);

impl Serialize for OrderedStates<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl Serialize for Evaluation {
    /// `{"needs_banner", "reason", "error": {"kind","message"}|null,
    /// "categories": {name: state}, "gpc_applied", "consent_mode", "stored", "today"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct EvaluationJson<'a> {
            needs_banner: bool,
            reason: Option<BannerReason>,
            error: Option<ErrorJson>,
            categories: OrderedStates<'a>,
            gpc_applied: bool,
            consent_mode: ConsentMode,
            stored: Option<&'a Preferences>,
            today: Date,
        }
        EvaluationJson {
            needs_banner: self.needs_banner(),
            reason: self.banner_reason(),
            error: self.error().map(|e| ErrorJson {
                kind: e.kind(),
                message: e.to_string(),
            }),
            categories: OrderedStates(self.categories().map(|(_, n, st)| (n, st)).collect()),
            gpc_applied: self.gpc_applied(),
            consent_mode: self.consent_mode(),
            stored: self.stored(),
            today: self.today(),
        }
        .serialize(s)
    }
}
