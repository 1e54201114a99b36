//! C ABI for cookieprefs (being written).
