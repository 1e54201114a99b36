//! The format's limits as header constants. cbindgen needs literals; each is
//! tied to the core's constant at compile time, so the two cannot drift.

use cookieprefs::Category;

/// The format version the library writes (the newest it reads).
pub const COOKIEPREFS_FORMAT_VERSION: u8 = 1;
/// The longest value the decoder looks at; a buffer of this size plus one
/// (for the NUL) holds any encoded value.
pub const COOKIEPREFS_MAX_ENCODED_LEN: usize = 64;
/// The highest policy revision a value can store.
pub const COOKIEPREFS_MAX_REVISION: u16 = 4095;
/// The highest category id (ids are 0 to this; 0 is `necessary`).
pub const COOKIEPREFS_MAX_CATEGORY_ID: u8 = 63;
/// The id a failed `cookieprefs_policy_category_id` leaves in `*out`: not a
/// category (above `COOKIEPREFS_MAX_CATEGORY_ID`), so every call given it
/// fails with `INVALID_CATEGORY` and grants nothing. (0 would be
/// `necessary`, which is always granted.)
pub const COOKIEPREFS_NO_CATEGORY: u8 = 255;

const _: () = assert!(COOKIEPREFS_FORMAT_VERSION == cookieprefs::FORMAT_VERSION);
const _: () = assert!(COOKIEPREFS_MAX_ENCODED_LEN == cookieprefs::MAX_ENCODED_LEN);
const _: () = assert!(COOKIEPREFS_MAX_REVISION == cookieprefs::MAX_REVISION);
const _: () = assert!(COOKIEPREFS_MAX_CATEGORY_ID == Category::MAX_ID);
const _: () = assert!(COOKIEPREFS_NO_CATEGORY > Category::MAX_ID);
