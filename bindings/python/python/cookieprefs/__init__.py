"""cookieprefs: the ``cookies_preferences`` consent cookie.

A compact, strict, versioned value for the visitor's cookie choices, and the
rules a server applies to it, implemented once in Rust. Quick start::

    import cookieprefs

    policy = cookieprefs.Policy(revision=3)
    ev = policy.evaluate_header(request_cookie_header, gpc=sec_gpc == "1")
    if ev.needs_banner:
        ...                                   # render the banner (ev.banner_reason says why)
    if ev.allowed("statistics"):
        ...                                   # load the analytics script
    prefs = ev.choose(["statistics"])         # the visitor accepted statistics only
    header = ev.set_cookie_header_for(prefs)  # "cookies_preferences=…; Max-Age=…; Path=/; …"
    ev.cookie_allowed("_pk_id.1.ab12")         # a declared cookie: allowed when its category is granted
    deletions = ev.cookies_to_clear(request_cookie_header)  # Set-Cookie values clearing refused cookies
    policy.label("statistics", "fr_CA")       # texts of the declaration, in the policy's languages

Every class, exception, constant and name comes from the native module (the
Rust core); this package adds only :func:`cookie_value`. Django integration:
:mod:`cookieprefs.django`.
"""

from __future__ import annotations

from . import _native
from ._native import *  # noqa: F403  (the native module's __all__)
from ._native import DEFAULT_COOKIE_NAME, find_cookie


def cookie_value(header: str | bytes, name: str = DEFAULT_COOKIE_NAME) -> str | None:
    """The value of the first cookie named ``name`` in a ``Cookie:`` header
    (quotes stripped), or None. From a ``str`` header, the value's own text
    (no copy of the header is made); from ``bytes``, the value decoded as
    UTF-8, undecodable bytes becoming U+FFFD."""
    found = find_cookie(header, name)
    if found is None:
        return None
    value = header[found[0] : found[1]]  # find_cookie counts in the header's own units
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


__all__ = ["cookie_value"]
__all__ += _native.__all__
