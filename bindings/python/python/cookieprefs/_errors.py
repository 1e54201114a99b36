"""The exceptions of cookieprefs: one class per error kind of the Rust core.

Every class derives from :class:`Error`, itself a :class:`ValueError`. Errors
about a cookie value (what decoding a hostile or mangled cookie gives) derive
from :class:`DecodeError`. ``kind`` is the stable snake_case name used by the
shared test vectors, the C status names and ``docs/FORMAT.md`` §5.
"""

from __future__ import annotations


class Error(ValueError):
    """Base class of every cookieprefs error."""

    kind: str = "error"


class DecodeError(Error):
    """A cookie value that is not a valid, canonical value."""


class EmptyError(DecodeError):
    kind = "empty"


class TooLongError(DecodeError):
    kind = "too_long"


class InvalidCharacterError(DecodeError):
    kind = "invalid_character"


class UnsupportedVersionError(DecodeError):
    kind = "unsupported_version"


class TruncatedError(DecodeError):
    kind = "truncated"


class TrailingDataError(DecodeError):
    kind = "trailing_data"


class ReservedBitsError(DecodeError):
    kind = "reserved_bits"


class NonZeroPaddingError(DecodeError):
    kind = "non_zero_padding"


class InvalidStateError(DecodeError):
    kind = "invalid_state"


class NonMinimalSlotsError(DecodeError):
    kind = "non_minimal_slots"


class DatesOutOfOrderError(DecodeError):
    kind = "dates_out_of_order"


class DateInFutureError(DecodeError):
    kind = "date_in_future"


class BufferTooSmallError(Error):
    kind = "buffer_too_small"


class InvalidCategoryError(Error):
    kind = "invalid_category"


class UnknownCategoryError(Error):
    kind = "unknown_category"


class NecessaryNotStoredError(Error):
    kind = "necessary_not_stored"


class RevisionOutOfRangeError(Error):
    kind = "revision_out_of_range"


class DateOutOfRangeError(Error):
    kind = "date_out_of_range"


class InvalidDateError(Error):
    kind = "invalid_date"


class InvalidConsentIdError(Error):
    kind = "invalid_consent_id"


class UnknownNameError(Error):
    kind = "unknown_name"


class InvalidPolicyError(Error):
    kind = "invalid_policy"


BY_KIND: dict[str, type[Error]] = {
    cls.kind: cls
    for cls in list(globals().values())
    if isinstance(cls, type) and issubclass(cls, Error) and cls not in (Error, DecodeError)
}
