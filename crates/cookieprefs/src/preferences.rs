//! The decoded value: [`Preferences`] and its [`PreferencesBuilder`].

use core::fmt;
use core::str::FromStr;

use crate::{Category, ConsentId, Date, Error, Method, State};

/// The highest policy revision a value can carry (12 bits).
pub const MAX_REVISION: u16 = 4095;

/// A visitor's cookie choices: the content of one `cookies_preferences` value.
///
/// Every `Preferences` is encodable: the only ways to get one are
/// [`decode`](crate::decode) and [`PreferencesBuilder::build`], which both check every
/// rule. It is a small `Copy` value (no heap).
///
/// ```
/// use cookieprefs::{Category, Date, Preferences, State};
/// let today = Date::from_ymd(2026, 11, 24)?;
/// let prefs = Preferences::builder(today)
///     .revision(3)
///     .grant(Category::STATISTICS)
///     .deny(Category::FIRST_PARTY)
///     .deny(Category::THIRD_PARTY)
///     .build()?;
/// let value = prefs.encode();
/// assert_eq!(value, "BAADCdcJ1w5Q");
/// assert_eq!(value.parse::<Preferences>()?, prefs);
/// assert_eq!(prefs.state(Category::STATISTICS), State::Granted);
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Preferences {
    pub(crate) revision: u16,
    pub(crate) created: Date,
    pub(crate) updated: Date,
    pub(crate) method: Method,
    pub(crate) consent_id: Option<ConsentId>,
    /// Bit `id` set: category `id` granted. Bit 0 is never set.
    pub(crate) granted: u64,
    /// Bit `id` set: category `id` denied. Disjoint from `granted`.
    pub(crate) denied: u64,
}

impl Preferences {
    /// A builder for a choice made `today`: created and updated are `today`,
    /// method [`Method::Banner`], revision 0, every category not asked.
    pub fn builder(today: Date) -> PreferencesBuilder {
        PreferencesBuilder {
            prefs: Preferences {
                revision: 0,
                created: today,
                updated: today,
                method: Method::Banner,
                consent_id: None,
                granted: 0,
                denied: 0,
            },
            revision: 0,
            error: None,
        }
    }

    /// A builder starting from this value, to change it. Remember to set
    /// [`PreferencesBuilder::updated`] to the day of the change.
    pub fn to_builder(&self) -> PreferencesBuilder {
        PreferencesBuilder {
            prefs: *self,
            revision: i64::from(self.revision),
            error: None,
        }
    }

    /// The format version of this value (always [`crate::FORMAT_VERSION`] for now).
    pub const fn version(&self) -> u8 {
        crate::FORMAT_VERSION
    }

    /// The stored state of a category; [`State::Granted`] for `necessary`.
    pub const fn state(&self, category: Category) -> State {
        let bit = category.bit();
        if category.id() == 0 || self.granted & bit != 0 {
            State::Granted
        } else if self.denied & bit != 0 {
            State::Denied
        } else {
            State::NotAsked
        }
    }

    /// The site's policy revision the choice was made under.
    pub const fn revision(&self) -> u16 {
        self.revision
    }

    /// The day of the first choice.
    pub const fn created(&self) -> Date {
        self.created
    }

    /// The day of the last change.
    pub const fn updated(&self) -> Date {
        self.updated
    }

    /// How the choice was made.
    pub const fn method(&self) -> Method {
        self.method
    }

    /// The consent id, if the value carries one.
    pub const fn consent_id(&self) -> Option<ConsentId> {
        self.consent_id
    }

    /// Mask of granted category ids (bit `id`); bit 0 (necessary) is not included.
    pub const fn granted_mask(&self) -> u64 {
        self.granted
    }

    /// Mask of denied category ids (bit `id`).
    pub const fn denied_mask(&self) -> u64 {
        self.denied
    }

    /// The number of 2-bit slots the value stores: the highest decided
    /// category id, 0 when nothing is decided.
    pub const fn slot_count(&self) -> u8 {
        // OR-ing in bit 0 leaves the highest set bit of a non-zero mask
        // alone and maps 0 to 0: one bit scan, no branch.
        let decided = self.granted | self.denied | 1;
        (63 - decided.leading_zeros()) as u8
    }

    /// The decided (granted or denied) categories and their states, by id.
    pub fn decided(&self) -> impl Iterator<Item = (Category, State)> + '_ {
        (1..=Category::MAX_ID).filter_map(move |id| {
            let c = Category::new(id).ok()?;
            match self.state(c) {
                State::NotAsked => None,
                s => Some((c, s)),
            }
        })
    }
}

impl FromStr for Preferences {
    type Err = Error;
    /// Same as [`decode`](crate::decode).
    fn from_str(s: &str) -> Result<Preferences, Error> {
        crate::decode(s)
    }
}

impl fmt::Display for Preferences {
    /// The encoded value, same as [`Preferences::encode`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; crate::MAX_ENCODED_LEN];
        let n = self.encode_into(&mut buf).map_err(|_| fmt::Error)?;
        // The encoder only writes base64url ASCII.
        f.write_str(core::str::from_utf8(&buf[..n]).map_err(|_| fmt::Error)?)
    }
}

/// Builds a [`Preferences`], checking every rule once, in [`PreferencesBuilder::build`].
///
/// Setters never fail; the first mistake is kept and returned by `build`, so a
/// builder cannot produce an unencodable value.
///
/// ```
/// use cookieprefs::{Category, Date, Preferences, Error};
/// let today = Date::from_ymd(2026, 11, 24)?;
/// let err = Preferences::builder(today).revision(5000).build().unwrap_err();
/// assert_eq!(err, Error::RevisionOutOfRange { revision: 5000 });
/// let err = Preferences::builder(today).deny(Category::NECESSARY).build().unwrap_err();
/// assert_eq!(err, Error::NecessaryNotStored);
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until .build() is called"]
pub struct PreferencesBuilder {
    prefs: Preferences,
    revision: i64,
    error: Option<Error>,
}

impl PreferencesBuilder {
    /// Sets the state of a category. `necessary` cannot be set.
    pub fn set(mut self, category: Category, state: State) -> PreferencesBuilder {
        if category == Category::NECESSARY {
            self.error.get_or_insert(Error::NecessaryNotStored);
            return self;
        }
        let bit = category.bit();
        self.prefs.granted &= !bit;
        self.prefs.denied &= !bit;
        match state {
            State::Granted => self.prefs.granted |= bit,
            State::Denied => self.prefs.denied |= bit,
            State::NotAsked => {}
        }
        self
    }

    /// Grants a category.
    pub fn grant(self, category: Category) -> PreferencesBuilder {
        self.set(category, State::Granted)
    }

    /// Denies a category.
    pub fn deny(self, category: Category) -> PreferencesBuilder {
        self.set(category, State::Denied)
    }

    /// Sets the policy revision (`0..=4095`; anything else is an error at
    /// [`PreferencesBuilder::build`] carrying the number given).
    pub fn revision(mut self, revision: impl Into<i64>) -> PreferencesBuilder {
        self.revision = revision.into();
        self
    }

    /// Sets the day of the first choice.
    pub fn created(mut self, date: Date) -> PreferencesBuilder {
        self.prefs.created = date;
        self
    }

    /// Sets the day of the last change.
    pub fn updated(mut self, date: Date) -> PreferencesBuilder {
        self.prefs.updated = date;
        self
    }

    /// Sets how the choice was made.
    pub fn method(mut self, method: Method) -> PreferencesBuilder {
        self.prefs.method = method;
        self
    }

    /// Sets or clears the consent id.
    pub fn consent_id(mut self, id: Option<ConsentId>) -> PreferencesBuilder {
        self.prefs.consent_id = id;
        self
    }

    /// Checks every rule and returns the value.
    ///
    /// # Errors
    /// The first mistake made through the setters ([`Error::NecessaryNotStored`]),
    /// then [`Error::RevisionOutOfRange`], then [`Error::DatesOutOfOrder`].
    pub fn build(self) -> Result<Preferences, Error> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let mut prefs = self.prefs;
        prefs.revision = u16::try_from(self.revision)
            .ok()
            .filter(|r| *r <= MAX_REVISION)
            .ok_or(Error::RevisionOutOfRange {
                revision: self.revision,
            })?;
        if prefs.updated < prefs.created {
            return Err(Error::DatesOutOfOrder {
                created: prefs.created,
                updated: prefs.updated,
            });
        }
        Ok(prefs)
    }
}
