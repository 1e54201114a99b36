//! Python binding for cookieprefs (being written).
