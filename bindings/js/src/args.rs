//! Arguments from JavaScript to core values: days, methods, category
//! references. Every rule and message is the core's.

use crate::failure::Failure;
use cookieprefs as core;
use wasm_bindgen::prelude::*;

/// A `YYYY-MM-DD` day (the ES module turns "today" and `Date` objects into
/// their UTC day before calling).
pub(crate) fn day(text: &str) -> Result<core::Date, Failure> {
    text.parse::<core::Date>().map_err(Failure::from)
}

/// A method name: `banner`, `preferences_page`, `browser_signal`, `imported`.
pub(crate) fn method(text: &str) -> Result<core::Method, Failure> {
    text.parse::<core::Method>().map_err(Failure::from)
}

/// A category reference given as text: a name the policy knows (site name,
/// standard name, canonical decimal id of an offered category), else any
/// standard name or decimal id (a category the policy does not offer is
/// still that category: the caller's operation then says it is not offered).
pub(crate) fn category(policy: Option<&core::Policy>, reference: &str) -> Result<core::Category, Failure> {
    if let Some(found) = policy.and_then(|p| p.category(reference)) {
        return Ok(found);
    }
    reference.parse::<core::Category>().map_err(Failure::from)
}

/// The id of a category given as a JavaScript number (an integer; the ES
/// module refuses other numbers): out of 0–63 is the core's
/// `invalid_category`. The ES module passes the id on as its decimal text.
#[wasm_bindgen(js_name = categoryId)]
pub fn category_id(id: f64) -> Result<u8, Failure> {
    // `as` saturates (and NaN is 0, which the ES module never passes).
    core::Category::try_from(id as i64)
        .map(core::Category::id)
        .map_err(Failure::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_saturate_into_the_cores_error() {
        assert_eq!(category_id(3.0), Ok(3));
        assert_eq!(category_id(-1.0).unwrap_err().kind(), "invalid_category");
        assert_eq!(category_id(1e300).unwrap_err().kind(), "invalid_category");
    }

    #[test]
    fn references_fall_back_to_standard_names() {
        let policy = core::Policy::from_json(r#"{"categories": [{"id": 16, "name": "youtube"}]}"#).unwrap();
        assert_eq!(category(Some(&policy), "youtube").unwrap().id(), 16);
        assert_eq!(category(Some(&policy), "statistics").unwrap().id(), 1);
        assert_eq!(category(None, "youtube").unwrap_err().kind(), "unknown_category");
        assert_eq!(day("2026-11-31").unwrap_err().kind(), "invalid_date");
        assert_eq!(method("email").unwrap_err().kind(), "unknown_name");
    }
}
