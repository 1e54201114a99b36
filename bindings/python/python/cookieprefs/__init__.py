"""cookieprefs: the ``cookies_preferences`` consent cookie.

A compact, strict, versioned value for the visitor's cookie choices, and the
rules a server applies to it, implemented once in Rust. Quick start::

    import cookieprefs

    policy = cookieprefs.Policy(revision=3)
    ev = policy.evaluate_header(request_cookie_header, gpc=sec_gpc == "1")
    if ev.needs_banner:
        ...                                   # render the banner (ev.reason says why)
    if ev.allowed("statistics"):
        ...                                   # load the analytics script
    prefs = ev.choose(["statistics"])         # the visitor accepted statistics only
    header = policy.set_cookie_header(prefs)  # "cookies_preferences=…; Max-Age=…; Path=/; …"

Django integration: :mod:`cookieprefs.django`.
"""

from __future__ import annotations

import enum

from ._errors import (
    BufferTooSmallError,
    DateInFutureError,
    DateOutOfRangeError,
    DatesOutOfOrderError,
    DecodeError,
    EmptyError,
    Error,
    InvalidCategoryError,
    InvalidCharacterError,
    InvalidConsentIdError,
    InvalidDateError,
    InvalidPolicyError,
    InvalidStateError,
    NecessaryNotStoredError,
    NonMinimalSlotsError,
    NonZeroPaddingError,
    ReservedBitsError,
    RevisionOutOfRangeError,
    TooLongError,
    TrailingDataError,
    TruncatedError,
    UnknownCategoryError,
    UnknownNameError,
    UnsupportedVersionError,
)
from ._native import (
    ERROR_KINDS,
    FORMAT_VERSION,
    Evaluation,
    Method,
    Policy,
    Preferences,
    State,
    __version__,
    decode,
    encode,
    find_cookie,
)


class Category(enum.IntEnum):
    """The standard categories. Site-defined categories are ints 16–63 (or
    their names in the site's :class:`Policy`)."""

    NECESSARY = 0
    STATISTICS = 1
    FIRST_PARTY = 2
    THIRD_PARTY = 3


DEFAULT_COOKIE_NAME = "cookies_preferences"


def cookie_value(header: str | bytes, name: str = DEFAULT_COOKIE_NAME) -> str | None:
    """The value of the first cookie named ``name`` in a ``Cookie:`` header
    (quotes stripped), or None. Undecodable bytes become U+FFFD."""
    found = find_cookie(header, name)
    if found is None:
        return None
    raw = header.encode("utf-8") if isinstance(header, str) else header
    return raw[found[0] : found[1]].decode("utf-8", "replace")


__all__ = [
    "DEFAULT_COOKIE_NAME",
    "ERROR_KINDS",
    "FORMAT_VERSION",
    "BufferTooSmallError",
    "Category",
    "DateInFutureError",
    "DateOutOfRangeError",
    "DatesOutOfOrderError",
    "DecodeError",
    "EmptyError",
    "Error",
    "Evaluation",
    "InvalidCategoryError",
    "InvalidCharacterError",
    "InvalidConsentIdError",
    "InvalidDateError",
    "InvalidPolicyError",
    "InvalidStateError",
    "Method",
    "NecessaryNotStoredError",
    "NonMinimalSlotsError",
    "NonZeroPaddingError",
    "Policy",
    "Preferences",
    "ReservedBitsError",
    "RevisionOutOfRangeError",
    "State",
    "TooLongError",
    "TrailingDataError",
    "TruncatedError",
    "UnknownCategoryError",
    "UnknownNameError",
    "UnsupportedVersionError",
    "__version__",
    "cookie_value",
    "decode",
    "encode",
    "find_cookie",
]
