//! Consent categories ([`Category`]) and the state of a category ([`State`]).

use crate::quote::Quoted;
use core::fmt;
use core::str::FromStr;

use crate::Error;

/// A consent category, identified by a stable id in `0..=63`.
///
/// | id | category | |
/// |---|---|---|
/// | 0 | [`NECESSARY`](Category::NECESSARY) | always granted, never stored |
/// | 1 | [`STATISTICS`](Category::STATISTICS) | audience measurement |
/// | 2 | [`FIRST_PARTY`](Category::FIRST_PARTY) | the site's own non-essential cookies |
/// | 3 | [`THIRD_PARTY`](Category::THIRD_PARTY) | cookies set by or for another site |
/// | 4–15 | reserved | future standard categories |
/// | 16–63 | site-defined | named by the site's [`Policy`](crate::Policy) |
///
/// Ids are stable forever; a retired category keeps its id.
///
/// ```
/// use cookieprefs::Category;
/// assert_eq!("statistics".parse::<Category>()?, Category::STATISTICS);
/// assert_eq!(Category::new(16)?.to_string(), "16");
/// assert!(Category::new(64).is_err());
/// assert!("016".parse::<Category>().is_err());
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Category(u8);

impl Category {
    /// Session, language, CSRF, the choice cookie itself: no consent needed.
    pub const NECESSARY: Category = Category(0);
    /// Audience measurement.
    pub const STATISTICS: Category = Category(1);
    /// Set by the site itself beyond necessity.
    pub const FIRST_PARTY: Category = Category(2);
    /// Set by or for another site (ad networks, embeds).
    pub const THIRD_PARTY: Category = Category(3);
    /// The largest category id.
    pub const MAX_ID: u8 = 63;
    /// The four standard categories, in id order.
    pub const STANDARD: [Category; 4] = [
        Category::NECESSARY,
        Category::STATISTICS,
        Category::FIRST_PARTY,
        Category::THIRD_PARTY,
    ];

    /// The category with this id.
    ///
    /// # Errors
    /// [`Error::InvalidCategory`] when `id > 63`.
    pub const fn new(id: u8) -> Result<Category, Error> {
        if id <= Self::MAX_ID {
            Ok(Category(id))
        } else {
            Err(Error::InvalidCategory { id: id as i64 })
        }
    }

    /// The id, `0..=63`.
    pub const fn id(self) -> u8 {
        self.0
    }

    /// The bit of this category in a 64-bit category mask.
    pub(crate) const fn bit(self) -> u64 {
        1 << self.0
    }

    /// The standard name (`"necessary"`, `"statistics"`, `"first_party"`,
    /// `"third_party"`), or `None` for other ids.
    pub const fn standard_name(self) -> Option<&'static str> {
        match self.0 {
            0 => Some("necessary"),
            1 => Some("statistics"),
            2 => Some("first_party"),
            3 => Some("third_party"),
            _ => None,
        }
    }

    /// True for ids 4–15, kept for future standard categories.
    pub const fn is_reserved(self) -> bool {
        self.0 >= 4 && self.0 <= 15
    }

    /// True for ids 16–63, named by a site's policy.
    pub const fn is_site_defined(self) -> bool {
        self.0 >= 16
    }
}

impl TryFrom<i64> for Category {
    type Error = Error;

    /// The category with this id, from any integer (a binding's or a JSON
    /// document's).
    ///
    /// ```
    /// use cookieprefs::Category;
    /// assert_eq!(Category::try_from(3_i64)?, Category::THIRD_PARTY);
    /// assert_eq!(Category::try_from(-1_i64).unwrap_err().to_string(), "category id -1 out of range 0..=63");
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    fn try_from(id: i64) -> Result<Category, Error> {
        u8::try_from(id)
            .ok()
            .and_then(|id| Category::new(id).ok())
            .ok_or(Error::InvalidCategory { id })
    }
}

impl fmt::Display for Category {
    /// The standard name, or the decimal id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.standard_name() {
            Some(name) => f.write_str(name),
            None => write!(f, "{}", self.0),
        }
    }
}

impl FromStr for Category {
    type Err = Error;

    /// A standard name or a canonical decimal id `0..=63` (no leading zeros).
    /// A canonical decimal above 63 is [`Error::InvalidCategory`]; anything
    /// else is [`Error::UnknownCategory`]. Site-defined names are resolved by
    /// [`Policy::resolve`](crate::Policy::resolve).
    fn from_str(s: &str) -> Result<Category, Error> {
        match s {
            "necessary" => Ok(Category::NECESSARY),
            "statistics" => Ok(Category::STATISTICS),
            "first_party" => Ok(Category::FIRST_PARTY),
            "third_party" => Ok(Category::THIRD_PARTY),
            // Canonical decimal only ("7", not "007"), so one id has one spelling.
            _ if is_canonical_decimal(s) => {
                let id = s.bytes().fold(0i64, |n, b| {
                    n.saturating_mul(10).saturating_add(i64::from(b - b'0'))
                });
                Category::try_from(id)
            }
            _ => Err(Error::UnknownCategory {
                name: s.chars().take(64).collect(),
            }),
        }
    }
}

/// `"0"`, or ASCII digits without a leading zero: the one spelling of an id.
fn is_canonical_decimal(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

/// `"; did you mean \"third_party\"?"` when `name` looks like a standard
/// name misspelt (case, `-` or space for `_`, a typo, or the French word
/// used by the portals' cookie policies); empty otherwise.
pub(crate) fn did_you_mean(name: &str) -> String {
    const FRENCH: [(&str, &str); 8] = [
        ("necessaire", "necessary"),
        ("necessaires", "necessary"),
        ("statistique", "statistics"),
        ("statistiques", "statistics"),
        ("interne", "first_party"),
        ("internes", "first_party"),
        ("tiers", "third_party"),
        ("tierce", "third_party"),
    ];
    let folded: String = name
        .chars()
        .take(64)
        .map(|c| match c {
            '-' | ' ' => '_',
            'é' | 'è' | 'É' => 'e',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let standard = Category::STANDARD.map(|c| c.standard_name().unwrap_or_default());
    let guess = FRENCH
        .iter()
        .find(|(fr, _)| *fr == folded)
        .map(|(_, en)| *en)
        .or_else(|| standard.into_iter().find(|s| *s == folded))
        .or_else(|| {
            standard
                .into_iter()
                .find(|s| folded.len() > 3 && edit_distance(s.as_bytes(), folded.as_bytes()) <= 2)
        });
    match guess {
        Some(g) if g != name => format!("; did you mean {}?", Quoted(g)),
        _ => String::new(),
    }
}

/// Levenshtein distance of two short byte strings.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if x == y {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The visitor's answer for one category.
///
/// Tri-state on purpose: when a site adds a category, visitors are asked about
/// that one only and their other answers stand.
///
/// ```
/// use cookieprefs::State;
/// assert_eq!("granted".parse::<State>()?, State::Granted);
/// assert_eq!(State::Denied.as_str(), "denied");
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(u8)]
pub enum State {
    /// Never asked, or the answer no longer counts (slot `00`).
    #[default]
    NotAsked = 0,
    /// Refused (slot `01`).
    Denied = 1,
    /// Accepted (slot `10`).
    Granted = 2,
}

impl State {
    /// `"not_asked"`, `"denied"` or `"granted"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            State::NotAsked => "not_asked",
            State::Denied => "denied",
            State::Granted => "granted",
        }
    }

    /// The state of a 2-bit slot code, `None` for the invalid `0b11`.
    pub const fn from_code(code: u8) -> Option<State> {
        match code {
            0 => Some(State::NotAsked),
            1 => Some(State::Denied),
            2 => Some(State::Granted),
            _ => None,
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for State {
    type Err = Error;
    fn from_str(s: &str) -> Result<State, Error> {
        match s {
            "not_asked" => Ok(State::NotAsked),
            "denied" => Ok(State::Denied),
            "granted" => Ok(State::Granted),
            _ => Err(Error::UnknownName {
                what: "state",
                name: s.chars().take(64).collect(),
            }),
        }
    }
}
